"""Properties that hold for any input at all."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from evenly.coach import BLANK, CONTEXTS, KINDS, MAX_LENGTH, analyze

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


sentences = st.lists(
    st.sampled_from(
        [
            "you always",
            "you never",
            "you make me feel",
            "if you don't",
            "or I'm leaving",
            "you need to",
            "stop",
            "on purpose",
            "you're so",
            "just try it",
            "after all I've done",
            "decide",
            "what we do",
            "tonight",
            "Sam",
            "the film",
            "your",
            "me",
            "when",
            "because of you",
            "calm down",
            "about the money",
        ]
    )
    | st.text(max_size=6),
    max_size=20,
).map(" ".join)


@given(st.one_of(messages, sentences), st.sampled_from(CONTEXTS))
@settings(max_examples=400, deadline=None)
def test_suggestions_are_never_blank_and_never_empty(text: str, context: str) -> None:
    for finding in analyze(text, context=context).findings:  # type: ignore[arg-type]
        assert finding.suggestions
        assert finding.suggestion == finding.suggestions[0]
        for suggestion in finding.suggestions:
            assert suggestion.strip()
            assert BLANK not in suggestion and "__" not in suggestion
            # No template leaks through: no placeholder braces or "None" the author didn't write.
            assert "{" not in suggestion or "{" in text
            assert "None" not in suggestion or "none" in text.lower()


@given(st.one_of(messages, sentences), st.sampled_from(CONTEXTS))
@settings(max_examples=200, deadline=None)
def test_every_context_gives_valid_offsets(text: str, context: str) -> None:
    for finding in analyze(text, context=context).findings:  # type: ignore[arg-type]
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.excerpt


FOREIGN = [
    "Tu ne m'écoutes jamais, c'est toujours pareil.",
    "Nunca me escuchas, eres así siempre.",
    "Du hörst mir nie zu, das ist immer so.",
    "Non mi ascolti mai, sei sempre così.",
    "Ты никогда меня не слушаешь.",
    "あなたはいつも聞いてくれない。",
]


@given(
    st.sampled_from(["You never listen.", "You always decide what we do.", "You're so selfish.", "Calm down."]),
    st.sampled_from(FOREIGN),
    st.booleans(),
)
@settings(max_examples=100, deadline=None)
def test_another_language_mixed_in_silences_the_coach(english: str, foreign: str, first: bool) -> None:
    text = f"{foreign} {english}" if first else f"{english} {foreign}"
    assert analyze(text).findings == []
