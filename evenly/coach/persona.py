"""Measure the coach on the PersonaConflicts turns (human-rated conflict dialogue).

    python -m evenly.coach.persona PATH/turns_friends_family.csv [--errors]

The file is not part of Evenly (MIT licence, see its README): simulated conflict
dialogues between friends and family, each turn rated 1-5 for how problematic
it is by two annotators, with the violent-communication types either of them
saw.  Following its README, a turn rated 3.5 or more with a violent-communication
label is one the coach should speak up about, and a turn rated 1.5 or less with
no label is one it should leave alone; turns in between are not counted.
Dialogues whose per-turn lists don't line up with their turns are skipped.
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from . import analyze

PROBLEMATIC_FROM = 3.5
FINE_UP_TO = 1.5
_NOT_A_TYPE = {"defensive"}


@dataclass(frozen=True, slots=True)
class Turn:
    text: str
    rating: float
    types: frozenset[str]


@dataclass(frozen=True, slots=True)
class PersonaReport:
    problematic: int
    problematic_flagged: int
    fine: int
    fine_flagged: int
    by_type: dict[str, tuple[int, int]]
    skipped_dialogues: int

    @property
    def recall(self) -> float:
        return self.problematic_flagged / self.problematic if self.problematic else 0.0

    @property
    def false_positive_rate(self) -> float:
        return self.fine_flagged / self.fine if self.fine else 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "problematic_turns": self.problematic,
            "recall": round(self.recall, 4),
            "fine_turns": self.fine,
            "fine_flagged_rate": round(self.false_positive_rate, 4),
            "recall_by_type": {
                name: {"turns": total, "recall": round(flagged / total, 4)}
                for name, (total, flagged) in sorted(self.by_type.items())
            },
            "skipped_dialogues": self.skipped_dialogues,
        }


def load_turns(path: Path) -> tuple[list[Turn], int]:
    csv.field_size_limit(10**8)
    turns: list[Turn] = []
    skipped = 0
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            conversation = json.loads(row["transformed_conversation"])
            ratings = ast.literal_eval(row["turn_problematic_avg"])
            types = ast.literal_eval(row["turn_vc_union"])
            if not len(conversation) == len(ratings) == len(types):
                skipped += 1
                continue
            for turn, rating, kinds in zip(conversation, ratings, types, strict=True):
                turns.append(Turn(turn["text"], float(rating), frozenset(kinds) - _NOT_A_TYPE))
    return turns, skipped


def is_problematic(turn: Turn) -> bool:
    return turn.rating >= PROBLEMATIC_FROM and bool(turn.types)


def is_fine(turn: Turn) -> bool:
    return turn.rating <= FINE_UP_TO and not turn.types


def measure(turns: list[Turn], skipped: int = 0) -> PersonaReport:
    problematic = [t for t in turns if is_problematic(t)]
    fine = [t for t in turns if is_fine(t)]
    flagged = {t.text for t in problematic + fine if analyze(t.text).findings}
    by_type: dict[str, tuple[int, int]] = {}
    for turn in problematic:
        for name in turn.types:
            total, hits = by_type.get(name, (0, 0))
            by_type[name] = (total + 1, hits + (turn.text in flagged))
    return PersonaReport(
        problematic=len(problematic),
        problematic_flagged=sum(1 for t in problematic if t.text in flagged),
        fine=len(fine),
        fine_flagged=sum(1 for t in fine if t.text in flagged),
        by_type=by_type,
        skipped_dialogues=skipped,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("path", type=Path)
    parser.add_argument("--errors", action="store_true", help="list fine turns flagged and problematic turns missed")
    args = parser.parse_args(argv)
    turns, skipped = load_turns(args.path)
    print(json.dumps(measure(turns, skipped).to_dict(), indent=2))
    if args.errors:
        for turn in turns:
            found = sorted(analyze(turn.text).kinds)
            if is_fine(turn) and found:
                print(f"FLAGGED FINE {found}: {turn.text}")
            elif is_problematic(turn) and not found:
                print(f"MISSED {sorted(turn.types)} {turn.rating}: {turn.text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
