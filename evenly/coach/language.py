"""A cheap check that a message is written in English throughout.

The rules only understand English.  In a message that mixes in another language
they could match an English-looking fragment and misread it, so the coach says
nothing rather than something wrong.  The check counts function words that are
common in other European languages and rare in English, and letters from
scripts other than Latin.
"""

from __future__ import annotations

import re

_FOREIGN_WORDS = re.compile(
    r"\b(?:que|qué|pas|les|des|est|avec|pour|mais|jamais|toujours|pourquoi|tu|je|moi|toi|vous|nous|"
    r"c'est|n'est|j'ai|ne|très|"  # French
    r"el|los|las|una|por|pero|nunca|siempre|eres|estás|está|porque|yo|tú|mí|contigo|también|"  # Spanish
    r"und|nicht|ist|ich|du|bist|immer|nie|aber|mit|warum|mich|dich|sehr|"  # German
    r"non|sei|sempre|perché|ma|anche|della|sono|"  # Italian
    r"você|não|nao|sempre|nunca|muito|"  # Portuguese
    r"niet|altijd|nooit|jij|ik|het|een|maar)\b"  # Dutch
)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_OTHER_SCRIPT = re.compile(
    r"[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
)


def is_mixed_language(text: str) -> bool:
    """True when ``text`` (already lowercased) holds enough of another language to distrust the rules."""
    if not text.isascii() and _OTHER_SCRIPT.search(text) is not None:
        return True
    foreign = _FOREIGN_WORDS.findall(text)
    if len(foreign) < 2:
        return False
    words = len(_WORD.findall(text))
    return len(set(foreign)) >= 2 and len(foreign) * 6 >= words
