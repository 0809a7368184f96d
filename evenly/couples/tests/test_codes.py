from hypothesis import given
from hypothesis import strategies as st

from evenly.couples.codes import ALPHABET, LENGTH, format_code, new_code, normalize_code

codes = st.text(alphabet=ALPHABET, min_size=LENGTH, max_size=LENGTH)


def test_it_makes_codes_from_the_unambiguous_alphabet():
    for _ in range(200):
        code = new_code()
        assert len(code) == LENGTH
        assert set(code) <= set(ALPHABET)
        assert not set(code) & set("01OIL")


@given(codes)
def test_a_formatted_code_reads_back_as_itself(code):
    assert normalize_code(format_code(code)) == code


@given(codes, st.sampled_from([" ", "-", "  ", "–"]))
def test_typing_is_forgiving_about_case_and_separators(code, separator):
    typed = f" {code[:4].lower()}{separator}{code[4:]} "
    assert normalize_code(typed) == code


@given(st.text(max_size=30))
def test_anything_else_is_refused_or_a_valid_code(typed):
    result = normalize_code(typed)
    assert result is None or (len(result) == LENGTH and set(result) <= set(ALPHABET))


def test_it_refuses_confusable_characters():
    assert normalize_code("0OIL-1234") is None
    assert normalize_code("ABCD") is None
