"""The labelled corpus the coach is measured against.

``dev.jsonl`` is what the rules are tuned on; ``heldout.jsonl`` was written
first and is only evaluated, never tuned on; ``fresh.jsonl`` was written after
the rules were finished, as a check on text the rules' author had never seen
while writing them, and is likewise only evaluated; ``fresh2.jsonl`` was written
before the next round of rule changes and evaluated once, after them; ``fresh3.jsonl``
and ``external.jsonl`` were written before the third round (content-keeping reframes
and recall by linguistic shape) and are evaluated once, at its end.  Each line is
``{"text": ..., "kinds": [...]}``; an empty list means a clean message.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..models import KINDS, Kind

CORPUS_DIR = Path(__file__).resolve().parent
SPLITS = ("dev", "heldout", "fresh", "fresh2", "fresh3", "external")


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    kinds: frozenset[Kind]


def load(split: str) -> list[Example]:
    """Load one split by name, or ``all`` (every split, dev first)."""
    names = SPLITS if split == "all" else (split,)
    if any(name not in SPLITS for name in names):
        raise ValueError(f"unknown split {split!r}; use one of {', '.join(SPLITS)} or all")
    examples: list[Example] = []
    for name in names:
        with (CORPUS_DIR / f"{name}.jsonl").open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    examples.append(_parse(line))
    return examples


def _parse(line: str) -> Example:
    record = json.loads(line)
    kinds = frozenset(record["kinds"])
    unknown = kinds.difference(KINDS)
    if unknown:
        raise ValueError(f"unknown kinds {sorted(unknown)} in corpus line {line!r}")
    return Example(text=record["text"], kinds=kinds)
