"""The suggestion rule, as properties that hold for any ratings."""

import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from evenly.decisions.suggestion import RatedOption, Suggestion, suggest

rating = st.one_of(st.none(), st.integers(min_value=1, max_value=5))
option_lists = st.lists(st.tuples(rating, rating), max_size=8).map(
    lambda pairs: [RatedOption(key=i, order=i, first=a, second=b) for i, (a, b) in enumerate(pairs)]
)


def _swapped(options):
    return [RatedOption(key=o.key, order=o.order, first=o.second, second=o.first) for o in options]


@given(option_lists)
def test_it_never_suggests_an_option_someone_cant_live_with(options):
    result = suggest(options)
    if result is not None:
        chosen = next(o for o in options if o.key == result.key)
        assert 1 not in (chosen.first, chosen.second)
        assert None not in (chosen.first, chosen.second)


@given(option_lists)
def test_it_maximises_the_lower_rating_then_the_sum_then_the_earliest(options):
    result = suggest(options)
    candidates = [o for o in options if None not in (o.first, o.second) and 1 not in (o.first, o.second)]
    if not candidates:
        assert result is None
        return
    best = max(candidates, key=lambda o: (min(o.first, o.second), o.first + o.second, -o.order))
    assert result is not None and result.key == best.key
    for other in candidates:
        assert min(other.first, other.second) <= result.floor


@given(option_lists)
def test_it_is_symmetric_in_the_partners(options):
    assert suggest(options) == suggest(_swapped(options))


@given(st.lists(st.tuples(rating, rating), min_size=1, max_size=6))
def test_it_suggests_nothing_when_every_option_is_vetoed_or_unrated(pairs):
    options = [
        RatedOption(key=i, order=i, first=1 if a is not None else None, second=b) for i, (a, b) in enumerate(pairs)
    ]
    assert suggest(options) is None


def test_it_breaks_a_tie_on_the_lower_rating_by_the_sum():
    options = [RatedOption("a", 0, 3, 3), RatedOption("b", 1, 3, 5)]
    result = suggest(options)
    assert result == Suggestion(key="b", floor=3, total=8, decided_by="total")


def test_it_breaks_a_full_tie_by_which_came_first():
    options = [RatedOption("a", 0, 4, 5), RatedOption("b", 1, 5, 4)]
    assert suggest(options).key == "a"  # type: ignore[union-attr]
    assert suggest(options).decided_by == "order"  # type: ignore[union-attr]


def test_it_prefers_the_fairer_option_over_the_more_popular_one():
    options = [RatedOption("lopsided", 0, 5, 2), RatedOption("fair", 1, 3, 3)]
    assert suggest(options).key == "fair"  # type: ignore[union-attr]


def test_the_rule_is_pure_python():
    code = "import sys, evenly.decisions.suggestion; print(any(m.split('.')[0] == 'django' for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


@given(st.one_of(st.none(), st.integers(1, 5)), st.one_of(st.none(), st.integers(1, 5)))
def test_the_adoptable_rule_is_symmetric_and_needs_two_ratings_above_cant_live_with_it(first, second):  # type: ignore[no-untyped-def]
    from evenly.decisions.suggestion import adoptable

    assert adoptable(first, second) == adoptable(second, first)
    assert adoptable(first, second) == (first is not None and second is not None and first > 1 and second > 1)
