"""The result types the coach hands back."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal[
    "generalization",
    "blame",
    "character_attack",
    "contempt",
    "guilt_trip",
    "pressure",
    "ultimatum",
    "mind_reading",
    "dismissal",
    "demand",
]

KINDS: tuple[Kind, ...] = (
    "generalization",
    "blame",
    "character_attack",
    "contempt",
    "guilt_trip",
    "pressure",
    "ultimatum",
    "mind_reading",
    "dismissal",
    "demand",
)

# No suggestion ever contains this: every reframe is a complete sentence.
BLANK = "___"

Context = Literal["message", "reflection"]
"""Where the text is written: an ordinary message, or a reflection / summary of the partner's view."""

CONTEXTS: tuple[Context, ...] = ("message", "reflection")


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of phrasing that may land badly, with a calmer alternative.

    ``start`` and ``end`` are character offsets into the analysed text, so
    ``text[start:end] == excerpt``.
    """

    kind: Kind
    start: int
    end: int
    excerpt: str
    explanation: str
    suggestion: str
    # Every alternative, the best first; ``suggestion`` is always the first of them.
    suggestions: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "excerpt": self.excerpt,
            "explanation": self.explanation,
            "suggestion": self.suggestion,
            "suggestions": list(self.suggestions or (self.suggestion,)),
        }


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the coach noticed in one message; it never blocks sending."""

    findings: list[Finding] = field(default_factory=list)
    too_long: bool = False
    message: str = ""

    @property
    def kinds(self) -> frozenset[Kind]:
        return frozenset(finding.kind for finding in self.findings)

    def to_dict(self) -> dict[str, object]:
        return {
            "findings": [finding.to_dict() for finding in self.findings],
            "too_long": self.too_long,
            "message": self.message,
        }
