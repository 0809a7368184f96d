"""Properties that hold for any input at all."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from evenly.coach import KINDS, MAX_LENGTH, analyze

PHRASES = [
    "you never",
    "you always",
    "you're so",
    "your so",
    "calm down",
    "or I'm done",
    "it's only",
    "just once",
    "after all I've done",
    "you need to fix this",
    "stop whining",
    "“",
    "”",
    "’",
    "youre",
    "dont",
    "\n",
    "  ",
    "?",
    "!",
    ".",
    ",",
    "🙂",
    "İ",
    "ß",
    "\x00",
    "<b>",
    "your fault",
]
messages = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PHRASES) | st.text(max_size=8), max_size=30).map(" ".join),
)


@given(messages)
@settings(max_examples=400, deadline=None)
def test_findings_are_always_well_formed(text: str) -> None:
    analysis = analyze(text)
    starts = [finding.start for finding in analysis.findings]
    assert starts == sorted(starts)
    for finding in analysis.findings:
        assert finding.kind in KINDS
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.excerpt
        assert finding.explanation and finding.suggestion


@given(messages)
@settings(max_examples=200, deadline=None)
def test_same_kind_findings_never_overlap(text: str) -> None:
    for kind in KINDS:
        spans = sorted((f.start, f.end) for f in analyze(text).findings if f.kind == kind)
        assert all(first[1] <= second[0] for first, second in pairwise(spans))


@given(st.text(min_size=1, max_size=50), st.integers(min_value=MAX_LENGTH + 1, max_value=25_000))
@settings(max_examples=30, deadline=None)
def test_over_long_input_is_declined_not_raised(seed: str, length: int) -> None:
    text = (seed * (length // len(seed) + 1))[:length]
    analysis = analyze(text)
    assert analysis.too_long
    assert analysis.findings == []
    assert analysis.message
