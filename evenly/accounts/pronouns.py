"""Which pronouns to use in a sentence about a person, from what they wrote
in their profile ("she/her", "He / him", "they/them", "she/they", ...).

Pure Python: sentences about a partner pick their own whole wording by this
key, so each one can be translated as a whole."""

from __future__ import annotations

import re

SHE, HE, THEY, NAME = "she", "he", "they", "name"
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_KNOWN = {
    "she": SHE,
    "her": SHE,
    "hers": SHE,
    "he": HE,
    "him": HE,
    "his": HE,
    "they": THEY,
    "them": THEY,
    # As people write them in Spanish ("ella", "él", "elle"), so a sentence
    # shown in English still speaks of them as they asked.
    "ella": SHE,
    "él": HE,
    "elle": THEY,
}


def pronoun_key(pronouns: str) -> str:
    """The first pronoun a person lists; their name alone when they list none
    we can use in a sentence (then sentences are worded around the name)."""
    match = _FIRST_WORD.search(pronouns.lower())
    if match is None:
        return NAME
    return _KNOWN.get(match.group(0), NAME)
