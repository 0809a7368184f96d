"""The coach must hold its floor on the dev split: it helps only if it rarely nags."""

from __future__ import annotations

import pytest

from evenly.coach import KINDS
from evenly.coach.corpus import load
from evenly.coach.evaluate import evaluate, without_dev_repeats

RECALL_FLOOR = 0.85
CLEAN_FALSE_POSITIVE_CEILING = 0.03


@pytest.fixture(scope="module")
def dev_report():  # type: ignore[no-untyped-def]
    return evaluate(load("dev"), split="dev")


@pytest.mark.parametrize("kind", KINDS)
def test_recall_holds_the_floor_for_each_kind(dev_report, kind: str) -> None:  # type: ignore[no-untyped-def]
    assert dev_report.score(kind).recall >= RECALL_FLOOR


def test_clean_messages_are_rarely_flagged(dev_report) -> None:  # type: ignore[no-untyped-def]
    assert dev_report.clean_false_positive_rate <= CLEAN_FALSE_POSITIVE_CEILING


def test_corpus_is_big_enough_to_mean_something() -> None:
    examples = load("all")
    assert len(examples) >= 500
    assert sum(1 for example in examples if not example.kinds) >= 150
    for kind in KINDS:
        assert sum(1 for example in examples if kind in example.kinds) >= 30


def test_held_out_messages_never_appear_in_dev() -> None:
    dev_texts = {example.text for example in load("dev")}
    assert not dev_texts.intersection(example.text for example in load("heldout"))


@pytest.mark.parametrize("split", ["heldout", "fresh", "fresh2"])
def test_evaluation_splits_never_repeat_a_dev_message(split: str) -> None:
    dev_texts = {example.text.casefold() for example in load("dev")}
    assert not dev_texts.intersection(example.text.casefold() for example in load(split))


def test_the_third_round_splits_are_also_measured_without_their_dev_repeats() -> None:
    # fresh3 and external were committed before the round, and some of their short, common
    # sentences turned out to be in dev word for word; they stay, and are reported both ways.
    for split, repeats in (("fresh3", 9), ("external", 26)):
        assert len(load(split)) - len(without_dev_repeats(load(split))) == repeats


def test_the_new_splits_cover_every_kind_and_clean_messages() -> None:
    for split in ("fresh3", "external"):
        examples = load(split)
        assert sum(1 for example in examples if not example.kinds) >= 40
        for kind in KINDS:
            assert sum(1 for example in examples if kind in example.kinds) >= 8
