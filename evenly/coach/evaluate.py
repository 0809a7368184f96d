"""Measure the coach against the labelled corpus.

    python -m evenly.coach.evaluate [--split dev|heldout|fresh|fresh2|fresh3|external|all] [--json] [--errors]

Each message counts once per kind: the set of predicted kinds is compared with
the set of labelled kinds.  The clean false-positive rate is the share of clean
messages (no labels) that got any finding at all.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from . import analyze
from .corpus import SPLITS, Example, load
from .models import KINDS, Kind

Predictor = Callable[[str], Iterable[str]]


@dataclass(frozen=True, slots=True)
class KindScore:
    kind: Kind
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def support(self) -> int:
        return self.true_positives + self.false_negatives

    @property
    def precision(self) -> float:
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.support if self.support else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True, slots=True)
class Report:
    split: str
    messages: int
    scores: tuple[KindScore, ...]
    clean_messages: int
    clean_flagged: int

    @property
    def clean_false_positive_rate(self) -> float:
        return self.clean_flagged / self.clean_messages if self.clean_messages else 0.0

    def score(self, kind: Kind) -> KindScore:
        return next(score for score in self.scores if score.kind == kind)

    def to_dict(self) -> dict[str, object]:
        return {
            "split": self.split,
            "messages": self.messages,
            "clean_messages": self.clean_messages,
            "clean_false_positive_rate": round(self.clean_false_positive_rate, 4),
            "kinds": {
                score.kind: {
                    "precision": round(score.precision, 4),
                    "recall": round(score.recall, 4),
                    "f1": round(score.f1, 4),
                    "support": score.support,
                }
                for score in self.scores
            },
        }


def without_dev_repeats(examples: list[Example]) -> list[Example]:
    """The examples whose text (ignoring case) is not also in dev."""
    dev_texts = {example.text.casefold() for example in load("dev")}
    return [example for example in examples if example.text.casefold() not in dev_texts]


def rule_kinds(text: str) -> frozenset[str]:
    return frozenset(analyze(text).kinds)


def evaluate(examples: list[Example], predict: Predictor = rule_kinds, split: str = "") -> Report:
    predictions = [frozenset(predict(example.text)) for example in examples]
    return score_predictions(examples, predictions, split)


def score_predictions(examples: list[Example], predictions: list[frozenset[str]], split: str = "") -> Report:
    scores = []
    for kind in KINDS:
        pairs = [
            (kind in example.kinds, kind in predicted) for example, predicted in zip(examples, predictions, strict=True)
        ]
        scores.append(
            KindScore(
                kind=kind,
                true_positives=sum(1 for labelled, found in pairs if labelled and found),
                false_positives=sum(1 for labelled, found in pairs if found and not labelled),
                false_negatives=sum(1 for labelled, found in pairs if labelled and not found),
            )
        )
    clean = [predicted for example, predicted in zip(examples, predictions, strict=True) if not example.kinds]
    return Report(
        split=split,
        messages=len(examples),
        scores=tuple(scores),
        clean_messages=len(clean),
        clean_flagged=sum(1 for predicted in clean if predicted),
    )


def format_report(report: Report) -> str:
    lines = [
        f"split: {report.split}  messages: {report.messages}",
        f"{'kind':<18}{'precision':>10}{'recall':>8}{'f1':>7}{'support':>9}",
    ]
    for score in report.scores:
        lines.append(f"{score.kind:<18}{score.precision:>10.2f}{score.recall:>8.2f}{score.f1:>7.2f}{score.support:>9}")
    lines.append(
        f"clean false-positive rate: {report.clean_false_positive_rate:.1%} "
        f"({report.clean_flagged} of {report.clean_messages} clean messages flagged)"
    )
    return "\n".join(lines)


def _errors(examples: list[Example]) -> str:
    lines = []
    for example in examples:
        predicted = rule_kinds(example.text)
        if predicted != example.kinds:
            missed = sorted(example.kinds - predicted)
            extra = sorted(predicted - example.kinds)
            lines.append(f"missed={missed} extra={extra}  {example.text}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1] if __doc__ else None)
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="dev")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--errors", action="store_true", help="list misclassified messages")
    parser.add_argument(
        "--without-dev-repeats", action="store_true", help="leave out messages that also appear word for word in dev"
    )
    args = parser.parse_args(argv)
    examples = load(args.split)
    if args.without_dev_repeats:
        examples = without_dev_repeats(examples)
    report = evaluate(examples, split=args.split + (" without dev repeats" if args.without_dev_repeats else ""))
    print(json.dumps(report.to_dict(), indent=2) if args.json else format_report(report))
    if args.errors:
        print(_errors(examples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
