"""Normalise a message for matching while remembering where every character came from.

The rules match against lowercase text with straight quotes, common typos fixed
and missing apostrophes restored.  Each normalised character keeps the index of
the original character it came from, so a match can be reported with offsets
into the text the partner actually wrote.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_CHAR_REPLACEMENTS = {
    "\u2018": "'",
    "\u2019": "'",
    "\u02bc": "'",
    "\u00b4": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2026": ".",
    "\u2014": ",",
    "\u2013": ",",
}

# Word-level fixes: typos and contractions written without an apostrophe.  Only
# spellings that are almost never a different word are listed ("were", "ill"
# and "well" stay as they are).
_WORD_FIXES = {
    "alwasy": "always",
    "alway": "always",
    "allways": "always",
    "alwyas": "always",
    "awlays": "always",
    "alwys": "always",
    "nevr": "never",
    "nver": "never",
    "neva": "never",
    "nevah": "never",
    "evry": "every",
    "everytime": "every time",
    "youre": "you're",
    "ur": "you're",
    "u": "you",
    "ya": "you",
    "youve": "you've",
    "youd": "you'd",
    "youll": "you'll",
    "dont": "don't",
    "doesnt": "doesn't",
    "didnt": "didn't",
    "cant": "can't",
    "wont": "won't",
    "isnt": "isn't",
    "arent": "aren't",
    "wasnt": "wasn't",
    "werent": "weren't",
    "wouldnt": "wouldn't",
    "shouldnt": "shouldn't",
    "couldnt": "couldn't",
    "havent": "haven't",
    "hasnt": "hasn't",
    "im": "i'm",
    "ive": "i've",
    "id": "i'd",
    "its": "it's",
    "thats": "that's",
    "whats": "what's",
    "theres": "there's",
    "lets": "let's",
    "gonna": "going to",
    "gotta": "got to",
    "betta": "better",
    "yr": "you're",
}

# "your" is a common typo for "you're" when an adjective, article or adverb follows.
_YOUR_AS_YOU_ARE = re.compile(
    r"\byour(?= (?:so|such|just|being|a|an|the|always|never|not|too|really|"
    r"completely|totally|overreacting|lazy|selfish|heartless|cold|pathetic|"
    r"crazy|ridiculous|impossible|unbelievable|only|obviously|clearly|"
    r"doing|making|blowing|trying|acting|pretending)\b)"
)

_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class Normalized:
    """Lowercase matching text plus, per character, its index in the original."""

    text: str
    source_index: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the normalised text back to the original."""
        first = self.source_index[start]
        last = self.source_index[end - 1]
        return first, last + 1


def _fold_characters(text: str) -> tuple[list[str], list[int]]:
    chars: list[str] = []
    sources: list[int] = []
    for index, char in enumerate(text):
        replacement = _CHAR_REPLACEMENTS.get(char)
        if replacement is None:
            if char in "\n\r\t" or unicodedata.category(char)[0] == "C":
                replacement = " " if char not in "\n\r" else "\n"
            else:
                replacement = char.lower()
        for folded in replacement:
            chars.append(folded)
            sources.append(index)
    return chars, sources


def _replace(
    text: str,
    sources: list[int],
    pattern: re.Pattern[str],
    lookup: dict[str, str] | None,
    fixed: str | None = None,
) -> tuple[str, list[int]]:
    pieces: list[str] = []
    new_sources: list[int] = []
    position = 0
    for match in pattern.finditer(text):
        replacement = fixed if fixed is not None else (lookup or {}).get(match.group())
        if replacement is None:
            continue
        start, end = match.span()
        pieces.append(text[position:start])
        new_sources.extend(sources[position:start])
        pieces.append(replacement)
        span_sources = sources[start:end]
        new_sources.extend(span_sources[min(i, len(span_sources) - 1)] for i in range(len(replacement)))
        position = end
    pieces.append(text[position:])
    new_sources.extend(sources[position:])
    return "".join(pieces), new_sources


_ONE_TO_ONE = str.maketrans(
    {**_CHAR_REPLACEMENTS, **{chr(code): " " for code in (*range(0, 32), 127) if chr(code) not in "\n\r"}, "\r": "\n"}
)


def _fold_fast(text: str) -> str | None:
    """Fold plain-ASCII text without a per-character loop, or None if it isn't."""
    folded = text.translate(_ONE_TO_ONE)
    if not folded.isascii():
        return None
    return folded.lower()


def normalize(text: str) -> Normalized:
    """Return the matching form of ``text`` with an offset map back to it."""
    fast = _fold_fast(text)
    if fast is not None:
        folded, sources = fast, list(range(len(text)))
    else:
        chars, sources = _fold_characters(text)
        folded = "".join(chars)
    if not _needs_word_fixes(folded):
        return Normalized(folded, tuple(sources))
    folded, sources = _replace(folded, sources, _WORD, _WORD_FIXES)
    folded, sources = _replace(folded, sources, _YOUR_AS_YOU_ARE, None, fixed="you're")
    return Normalized(folded, tuple(sources))


_FIXABLE = re.compile(r"\b(?:" + "|".join(sorted(_WORD_FIXES, key=len, reverse=True)) + r"|your)\b")


def _needs_word_fixes(text: str) -> bool:
    return _FIXABLE.search(text) is not None
