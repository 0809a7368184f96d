from hypothesis import given
from hypothesis import strategies as st

from evenly.accounts.pronouns import HE, NAME, SHE, THEY, pronoun_key


def test_it_reads_the_usual_ways_of_writing_pronouns():
    assert pronoun_key("she/her") == SHE
    assert pronoun_key("He / Him") == HE
    assert pronoun_key("they/them") == THEY
    assert pronoun_key("she/they") == SHE
    assert pronoun_key("  They ") == THEY


def test_it_reads_pronouns_written_in_spanish():
    assert pronoun_key("ella") == SHE
    assert pronoun_key("Él") == HE
    assert pronoun_key("elle") == THEY


def test_it_uses_the_name_when_no_usable_pronoun_is_listed():
    assert pronoun_key("") == NAME
    assert pronoun_key("ze/hir") == NAME
    assert pronoun_key("any") == NAME
    assert pronoun_key("✨") == NAME


@given(st.text(max_size=30))
def test_it_always_gives_one_of_four_keys(text):
    assert pronoun_key(text) in {SHE, HE, THEY, NAME}
