"""Does a piece of text touch a limit? Word forms and related words, not exact strings.

Pure Python on purpose (an import-linter contract keeps Django out), so the
guard's matching can be tested and measured on its own.

A limit is a phrase ("Being filmed", or a catalogue item's cue such as "pet
name"). Its content words (stop words dropped) must all appear in the text,
each in any of its forms ("tickles", "tickling" and "tickle" share one stem)
or as one of its related words ("movie" for "film", "snog" for "kiss"), in any
order. Longer phrases (four or more content words) match when three quarters
of their words do, since people rarely repeat a long limit word for word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from evenly.boundaries.related import BROAD_TITLES, CATALOGUE_CUES, RELATED_WORDS

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")

_STOP = """
a about after again all also am an and any anything are as at be been being bit both but by can could
do does doing done during each either evening for from get gets getting go going had has have having he her
here hers him his how i i'd i'm if in into is it it's its just kind let let's lets like little lot lots make
makes making maybe me more most much my myself night no not now of off on once one only or our ours
ourselves out over perhaps please quite really shall she should so some something sort such than that the
their them then there these they this those through time times tiny to today tomorrow tonight too try trying
up us very want wanna way ways we we're weekend were what when where which while who why will with without
would you you're your yours yourself
"""
STOP_WORDS = frozenset(_STOP.split())

# Every proposal to a partner is about intimate time, so these words add
# nothing to a limit that says more: "Sex in the car" is about the car.
IMPLIED_WORDS = frozenset({"sex", "sexual", "sexy", "intimacy", "intimate", "intimately"})

# Longest first; (suffix, replacement). Applied once, then a doubled final
# consonant is undone ("hugging" -> "hugg" -> "hug").
_SUFFIXES = (
    ("ingly", ""),
    ("edly", ""),
    ("ments", ""),
    ("ment", ""),
    ("ness", ""),
    ("ings", ""),
    ("ing", ""),
    ("ies", "i"),
    ("ied", "i"),
    ("ers", ""),
    ("er", ""),
    ("ed", ""),
    ("es", ""),
    ("s", ""),
    ("e", ""),
    ("y", "i"),
)
_VOWELS = set("aeiou")


@cache
def stem(word: str) -> str:
    """A word's stem: the same for its common English inflections."""
    word = word.casefold().replace("'", "")
    if len(word) <= 3:
        return word
    for suffix, replacement in _SUFFIXES:
        if not word.endswith(suffix) or len(word) - len(suffix) < 3:
            continue
        if suffix == "s" and word.endswith(("ss", "us", "is")):
            break
        if suffix == "y" and word[-2] in _VOWELS:
            break
        word = word[: len(word) - len(suffix)] + replacement
        break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in _VOWELS | set("lsz"):
        word = word[:-1]
    return word


def stems(text: str) -> set[str]:
    """The stems of every word in `text`, stop words included (a related
    phrase such as "tied up" may need one)."""
    return {stem(word) for word in _WORD.findall(text.casefold())}


def content_words(text: str) -> list[str]:
    return [word for word in _WORD.findall(text.casefold()) if word not in STOP_WORDS]


@cache
def _tables() -> tuple[dict[str, tuple[tuple[str, ...], ...]], dict[tuple[str, ...], tuple[tuple[str, ...], ...]]]:
    """Every related word or phrase as tuples of stems: by single stem, and by
    multi-word phrase (so "ice cubes" in a limit can match "ice" in a proposal)."""
    by_word: dict[str, set[tuple[str, ...]]] = {}
    by_phrase: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for group in RELATED_WORDS:
        members = {tuple(stem(w) for w in _WORD.findall(member.casefold())) for member in group}
        members.discard(())
        for member in members:
            table = by_word if len(member) == 1 else by_phrase
            key: Any = member[0] if len(member) == 1 else member
            table.setdefault(key, set()).update(members)
    return (
        {key: tuple(sorted(value)) for key, value in by_word.items()},
        {key: tuple(sorted(value)) for key, value in by_phrase.items()},
    )


@dataclass(frozen=True)
class Limit:
    """A compiled phrase: for each content word, the ways it can appear."""

    words: tuple[tuple[tuple[str, ...], ...], ...]

    def matches(self, text_stems: set[str]) -> bool:
        if not self.words:
            return False
        found = sum(1 for ways in self.words if any(set(way) <= text_stems for way in ways))
        needed = len(self.words) if len(self.words) <= 3 else -(-3 * len(self.words) // 4)
        return found >= needed


@cache
def compile_phrase(phrase: str) -> Limit:
    """A limit's slots: a known multi-word phrase in it ("pet names", "ice
    cubes") is one slot with its related phrases; every other content word is
    a slot of its own stem and related words."""
    by_word, by_phrase = _tables()
    longest = max((len(key) for key in by_phrase), default=0)
    tokens = _WORD.findall(phrase.casefold())
    token_stems = [stem(token) for token in tokens]
    words: list[tuple[tuple[str, ...], ...]] = []
    i = 0
    while i < len(tokens):
        for size in range(min(longest, len(tokens) - i), 1, -1):
            key = tuple(token_stems[i : i + size])
            if key in by_phrase:
                words.append(by_phrase[key])
                i += size
                break
        else:
            if tokens[i] not in STOP_WORDS:
                own = token_stems[i]
                words.append(((own,), *by_word.get(own, ())))
            i += 1
    implied = {stem(word) for word in IMPLIED_WORDS}
    telling = [ways for ways in words if ways[0] not in {(word,) for word in implied}]
    return Limit(words=tuple(telling or words))


def touches(text: str, phrases: Iterable[str]) -> bool:
    """True when `text` touches any of `phrases` in meaning."""
    text_stems = stems(text)
    return any(compile_phrase(phrase).matches(text_stems) for phrase in phrases)


def catalogue_cues(slug: str, title: str) -> tuple[str, ...]:
    """The phrases that name a catalogue item: its title and its curated cues."""
    cues = CATALOGUE_CUES.get(slug, ())
    return cues if slug in BROAD_TITLES else (title, *cues)
