"""The guard matches meaning: word forms, related words, and it is measured.

The figures come from a labelled set (`guard_cases.py`) written apart from the
word lists (`evenly/boundaries/related.py`)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from evenly.boundaries import catalogue, meaning
from evenly.boundaries.related import CATALOGUE_CUES
from evenly.boundaries.tests.guard_cases import LATER_REWORDINGS, LATER_UNRELATED, REWORDINGS, UNRELATED

BY_SLUG = {item.slug: item for item in catalogue.CATALOGUE}


def _phrases(limit: str) -> tuple[str, ...]:
    if limit.startswith("item:"):
        item = BY_SLUG[limit.removeprefix("item:")]
        return meaning.catalogue_cues(item.slug, item.title)
    return (limit,)


def _rates(rewordings: list[tuple[str, str]], unrelated: list[tuple[str, str]]) -> tuple[float, float]:
    caught = sum(meaning.touches(text, _phrases(limit)) for limit, text in rewordings)
    blocked = sum(meaning.touches(text, _phrases(limit)) for limit, text in unrelated)
    return caught / len(rewordings), blocked / len(unrelated)


def test_word_forms_share_a_stem() -> None:
    families = [
        ["tickle", "tickles", "tickling", "tickled"],
        ["kiss", "kisses", "kissing", "kissed"],
        ["film", "films", "filmed", "filming"],
        ["movie", "movies"],
        ["hug", "hugs", "hugging", "hugged"],
        ["cuddle", "cuddles", "cuddling", "cuddled"],
        ["toy", "toys"],
        ["dress", "dressing", "dressed"],
    ]
    for family in families:
        assert len({meaning.stem(word) for word in family}) == 1, family


@given(st.text(max_size=40))
def test_any_text_can_be_stemmed_and_matched(text: str) -> None:
    assert isinstance(meaning.stem(text), str)
    assert meaning.touches(text, ["Being filmed", text]) in {True, False}


def test_the_examples_from_the_report() -> None:
    tickling = _phrases("item:tickling")
    assert meaning.touches("Tickling before bed", tickling)
    assert meaning.touches("Lots of tickles tonight", tickling)
    assert meaning.touches("Making a little movie of us", ["Being filmed"])
    assert not meaning.touches("A slow dance in the kitchen", tickling)


def test_it_catches_rewordings_and_leaves_unrelated_proposals_open() -> None:
    catch, over = _rates(REWORDINGS, UNRELATED)
    print(f"\nguard: caught {catch:.0%} of {len(REWORDINGS)} rewordings, blocked {over:.0%} of {len(UNRELATED)} others")
    assert catch >= 0.95
    assert over <= 0.05


def test_it_holds_up_on_cases_written_after_the_word_lists() -> None:
    catch, over = _rates(LATER_REWORDINGS, LATER_UNRELATED)
    print(f"\nguard, later set: caught {catch:.0%} of {len(LATER_REWORDINGS)}, blocked {over:.0%} of the others")
    assert catch >= 0.8
    assert over <= 0.1


def test_one_catalogue_limit_rarely_blocks_a_different_item() -> None:
    items = catalogue.current_items()
    pairs = [(limit, other) for limit in items for other in items if limit.id != other.id]
    blocked = [
        (limit.title, other.title)
        for limit, other in pairs
        if meaning.touches(other.title, meaning.catalogue_cues(limit.slug, limit.title))
    ]
    print(f"\nguard, catalogue pairs: {len(blocked)} of {len(pairs)} blocked: {blocked}")
    assert len(blocked) / len(pairs) <= 0.002


def test_every_catalogue_item_has_cues() -> None:
    slugs = {item.slug for item in catalogue.CATALOGUE}
    assert set(CATALOGUE_CUES) == slugs
    assert all(CATALOGUE_CUES[slug] for slug in slugs)


def test_the_labelled_set_is_kept_apart_from_the_word_lists() -> None:
    from pathlib import Path

    lists = Path(meaning.__file__).with_name("related.py").read_text()
    for _limit, text in REWORDINGS + LATER_REWORDINGS:
        assert text not in lists
