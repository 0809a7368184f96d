"""Evenly's own list of feelings for naming a moment: thirty plain words in
gentle groups. Stored by key, shown by label. Pure Python."""

from __future__ import annotations

GROUPS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Settled",
        [
            ("at_ease", "at ease"),
            ("safe", "safe"),
            ("close", "close"),
            ("cared_for", "cared for"),
            ("grateful", "grateful"),
            ("hopeful", "hopeful"),
        ],
    ),
    (
        "Unsettled",
        [
            ("anxious", "anxious"),
            ("unsure", "unsure"),
            ("tense", "tense"),
            ("overwhelmed", "overwhelmed"),
            ("confused", "confused"),
            ("on_edge", "on edge"),
        ],
    ),
    (
        "Low",
        [
            ("sad", "sad"),
            ("lonely", "lonely"),
            ("disappointed", "disappointed"),
            ("tired", "tired"),
            ("unseen", "unseen"),
            ("small", "small"),
        ],
    ),
    (
        "Stirred up",
        [
            ("frustrated", "frustrated"),
            ("hurt", "hurt"),
            ("resentful", "resentful"),
            ("pressured", "pressured"),
            ("trapped", "trapped"),
            ("impatient", "impatient"),
        ],
    ),
    (
        "Holding more of the say",
        [
            ("in_charge", "in charge"),
            ("responsible", "responsible"),
            ("uneasy", "uneasy"),
            ("guilty", "guilty"),
            ("awkward", "awkward"),
            ("relieved", "relieved"),
        ],
    ),
]

LABELS: dict[str, str] = {key: label for _, items in GROUPS for key, label in items}


def labels_for(keys: list[str]) -> list[str]:
    """Known labels in list order; unknown keys are dropped, never shown raw."""
    wanted = set(keys)
    return [label for key, label in LABELS.items() if key in wanted]


def join(keys: list[str]) -> str:
    return ",".join(key for key in LABELS if key in set(keys))


def split(stored: str) -> list[str]:
    return [key for key in stored.split(",") if key in LABELS]
