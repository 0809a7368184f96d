"""Does a text touch a tender topic? Pure Python, no Django.

A topic is one or more phrases separated by commas, semicolons or new lines
("money, my family"). A phrase matches a text when it appears there as whole
words, ignoring case, with or without a plural "s"."""

from __future__ import annotations

import re
from collections.abc import Iterable

SEPARATORS = re.compile(r"[,;\n]+")


def phrases(topic: str) -> list[str]:
    seen: list[str] = []
    for part in SEPARATORS.split(topic):
        phrase = " ".join(part.split()).casefold()
        if phrase and phrase not in seen:
            seen.append(phrase)
    return seen


def _pattern(phrase: str) -> re.Pattern[str]:
    words = [re.escape(word) for word in phrase.split(" ")]
    body = r"\s+".join(words)
    return re.compile(rf"(?<!\w){body}(?:s|es)?(?!\w)", re.IGNORECASE)


def touches(topic: str, texts: Iterable[str]) -> bool:
    patterns = [_pattern(phrase) for phrase in phrases(topic)]
    folded = [text.casefold() for text in texts if text]
    return any(pattern.search(text) for text in folded for pattern in patterns)
