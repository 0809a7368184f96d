"""Examples of each kind, the hard negatives that must stay quiet, and the CLI."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

from evenly.coach import BLANK, KINDS, MAX_LENGTH, Analysis, Finding, analyze

REPO_ROOT = Path(__file__).resolve().parents[3]

FLAGGED = [
    ("You never plan anything", "generalization"),
    ("You alwasy forget our anniversary.", "generalization"),
    ("You make me feel unwanted", "blame"),
    ("It's your fault we were late.", "blame"),
    ("You're heartless", "character_attack"),
    ("Your so selfish.", "character_attack"),
    ("youre a liar", "character_attack"),
    ("Oh sure, because you're such an expert", "contempt"),
    ("Nice one, genius.", "contempt"),
    ("After all I've given up for you…", "guilt_trip"),
    ("I guess my feelings don't matter.", "guilt_trip"),
    ("It's only five minutes, don't be like that", "pressure"),
    ("You said maybe, so that's basically a yes.", "pressure"),
    ("Agree or I'm done talking", "ultimatum"),
    ("If you don't come tonight, we're over.", "ultimatum"),
    ("You just like having power over me", "mind_reading"),
    ("You did that on purpose.", "mind_reading"),
    ("You're blowing this out of proportion", "dismissal"),
    ("Calm down, it's not a big deal.", "dismissal"),
    ("You need to fix this tonight", "demand"),
    ("Stop interrupting me.", "demand"),
    ("You left the door unlocked, as usual.", "generalization"),
    ("Thank you for nothing, you always do this.", "generalization"),
    ("You always ruin movie night. Thank you for the flowers though.", "generalization"),
    ("Every time I try to feel close to you, you pull away.", "generalization"),
    ("Isn't this all your fault?", "blame"),
    ("You make me feel like I'm not good enough.", "blame"),
    ("Wow, you really are selfish.", "character_attack"),
    ("You honestly are pathetic.", "contempt"),
    ("Yeah, whatever, believe what you want.", "contempt"),
    ("I guess nobody cares what I think anyway.", "guilt_trip"),
    ("Come with me or I go alone to the wedding.", "ultimatum"),
]

CLEAN = [
    "You always make me feel welcome",
    "I never want to rush you",
    "I have to leave at eight",
    "You need to pick up milk on the way?",
    "I don't think you're lazy",
    'My friend said "you never listen" and I laughed',
    "My friend said “you never listen” and I laughed",
    "I'm not saying you're selfish, I'd just like us to share the chores.",
    "You never fail to make me smile.",
    "Do you always take the bus on Fridays?",
    "It's not your fault, the rain ruined the picnic.",
    "It's only five minutes away, we could walk.",
    "If you'd rather not, that's completely okay.",
    "Let's both calm down and talk after dinner.",
    "You must be exhausted after that shift.",
    "You have to try this soup, it's amazing.",
    "I feel lonely when we don't touch for a while. Could we plan an evening together?",
    "My limit is no phones in bed.",
    "Last chance to grab coffee before the meeting, want one?",
    "Whatever you choose is fine with me.",
    "I love how you never forget my coffee order.",
    "Thank you for always making time for my mum.",
    "You always tidy up after cooking. Thank you!",
    "You never let me pay, and it means a lot.",
    "Every time we cuddle I feel connected to you.",
    "I'm proud that you never gave up on your degree.",
    "See you at six as usual!",
    "Pizza or whatever, I'm not fussy.",
    "I could walk or I could go by myself on the bus.",
    "Is it your fault or mine? I honestly can't tell.",
    "Was it your fault? Be honest, I won't be mad.",
    "I guess I'm just hungry, it's nothing you did.",
    "You really are a genius at this.",
]


@pytest.mark.parametrize(("text", "kind"), FLAGGED)
def test_it_flags_each_kind(text: str, kind: str) -> None:
    assert kind in analyze(text).kinds


@pytest.mark.parametrize("text", CLEAN)
def test_it_stays_quiet_on_praise_requests_and_logistics(text: str) -> None:
    assert analyze(text).findings == []


def test_it_reports_offsets_into_the_original_text() -> None:
    text = "Honestly?  Youre nevr home, and you’re SO selfish."
    analysis = analyze(text)
    assert [finding.kind for finding in analysis.findings] == ["generalization", "character_attack"]
    for finding in analysis.findings:
        assert text[finding.start : finding.end] == finding.excerpt
    assert analysis.findings[0].excerpt == "Youre nevr home"
    assert analysis.findings[1].excerpt == "you’re SO selfish"


def test_it_finds_several_kinds_in_one_message() -> None:
    kinds = analyze("You never listen and you're so selfish. Calm down.").kinds
    assert kinds == {"generalization", "character_attack", "dismissal"}


def test_it_merges_overlapping_findings_of_one_kind() -> None:
    analysis = analyze("It's only five minutes, don't be like that, come on just this once.")
    pressure = [finding for finding in analysis.findings if finding.kind == "pressure"]
    spans = [(finding.start, finding.end) for finding in pressure]
    assert all(first[1] <= second[0] for first, second in pairwise(spans))


def test_every_finding_explains_in_one_sentence_and_offers_a_reframe() -> None:
    examples = [text for text, _ in FLAGGED]
    for finding in (finding for text in examples for finding in analyze(text).findings):
        assert finding.explanation.endswith(".")
        assert finding.explanation.count(". ") == 0
        # A reframe is an I-statement or a request.
        assert re.search(r"\b(?:I|I'd|I'm|me|my)\b|\?", finding.suggestion)


def test_suggestions_are_complete_sentences_with_no_blanks() -> None:
    for finding in (finding for text, _ in FLAGGED for finding in analyze(text).findings):
        assert finding.suggestions and finding.suggestion == finding.suggestions[0]
        for suggestion in finding.suggestions:
            assert BLANK not in suggestion and "__" not in suggestion
            assert suggestion[0].isupper() and suggestion[-1] in ".?!"


# The reframe keeps what the sentence was about: its action, object and time.
REFRAMES_KEEP = [
    ("You always decide what we do", "generalization", ["decide what we do", "together"]),
    ("you never ask what I want", "generalization", ["ask what I want"]),
    ("You always pick the film.", "generalization", ["pick the film together"]),
    ("You never text back when you're out with Sam.", "generalization", ["text back when you're out with Sam"]),
    (
        "You make me feel unwanted when you look at your phone.",
        "blame",
        ["I feel unwanted when you look at your phone"],
    ),
    ("It's your fault we were late.", "blame", ["I'm upset that we were late"]),
    ("You ruined the evening.", "blame", ["the evening"]),
    ("If you don't come tonight, we're over.", "ultimatum", ["I'd really like you to come tonight"]),
    ("Either you quit smoking or I'm moving out.", "ultimatum", ["quit smoking"]),
    ("You need to fix this tonight", "demand", ["Would you be willing to fix this tonight?"]),
    ("Stop interrupting me.", "demand", ["interrupting me"]),
    ("You just like having power over me", "mind_reading", ["you like having power over me", "?"]),
    ("You did that on purpose.", "mind_reading", ["When you did that, it felt deliberate to me"]),
    ("If you really loved me you'd come to the wedding.", "guilt_trip", ["come to the wedding"]),
    ("Just try it once, you'll love it.", "pressure", ["Would you like to try it?", "no"]),
    ("You're so selfish.", "character_attack", ["I'd like my needs to count as much as yours"]),
]


@pytest.mark.parametrize(("text", "kind", "kept"), REFRAMES_KEEP)
def test_the_reframe_reuses_what_the_sentence_was_about(text: str, kind: str, kept: list[str]) -> None:
    finding = next(finding for finding in analyze(text).findings if finding.kind == kind)
    for piece in kept:
        assert piece in finding.suggestion, finding.suggestions


def test_each_kind_gets_its_own_shape_of_reframe() -> None:
    def first(text: str) -> str:
        return analyze(text).findings[0].suggestion

    assert first("You always decide what we do").startswith("I feel ")  # an I-statement
    assert first("You need to apologise to my sister tonight").startswith("Would you be willing")  # an invitation
    assert "?" in first("You did that on purpose.")  # a question for mind reading
    ultimatum = first("If you don't come tonight, we're over.")
    assert "over" not in ultimatum and "I'd really like" in ultimatum  # the need, without the threat


def test_several_suggestions_to_choose_from() -> None:
    finding = analyze("You always decide what we do").findings[0]
    assert len(finding.suggestions) >= 2
    assert len(set(finding.suggestions)) == len(finding.suggestions)
    assert finding.to_dict()["suggestions"] == list(finding.suggestions)


def test_a_reflection_gets_reflective_wording_not_the_writers_feelings() -> None:
    analysis = analyze("You always decide what we do.", context="reflection")
    assert analysis.kinds == {"generalization"}
    for suggestion in analysis.findings[0].suggestions:
        assert not re.match(r"I (?:feel|felt|'m|am|'d like)\b", suggestion)
    assert analysis.findings[0].suggestion.startswith("What I heard is")
    assert "deciding what we do" in analysis.findings[0].suggestion
    assert "reflection" in analysis.findings[0].explanation


def test_an_unknown_context_is_treated_as_an_ordinary_message() -> None:
    assert analyze("You never listen.", context="nonsense") == analyze("You never listen.")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "You never listen, tu ne m'écoutes jamais.",
        "Du hörst mir nie zu, you never listen.",
        "You never listen. Nunca me escuchas, eres así siempre.",
        "You never listen — ты никогда не слушаешь.",
    ],
)
def test_mixed_language_text_gets_no_findings_rather_than_wrong_ones(text: str) -> None:
    assert analyze(text).findings == []


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "🙂🙂", "<b>bonjour</b> ¿qué tal?", "\x00\x07\x1b[31m"])
def test_it_handles_odd_input_without_findings(text: str) -> None:
    assert analyze(text) == Analysis()


def test_it_declines_over_long_text_plainly() -> None:
    analysis = analyze("You never listen. " * 2000)
    assert analysis.too_long
    assert analysis.findings == []
    assert "too long" in analysis.message


def test_text_at_the_limit_is_still_checked() -> None:
    text = "You never listen." + " " * (MAX_LENGTH - len("You never listen."))
    assert len(text) == MAX_LENGTH
    assert not analyze(text).too_long
    assert "generalization" in analyze(text).kinds


def test_non_text_input_gives_an_empty_analysis() -> None:
    assert analyze(None) == Analysis()  # type: ignore[arg-type]


def test_kinds_are_the_ten_from_the_issue() -> None:
    assert len(KINDS) == 10
    assert Finding.__dataclass_fields__.keys() >= {"kind", "start", "end", "excerpt", "explanation", "suggestion"}


def _run_cli(*args: str, stdin: str = "") -> str:
    result = subprocess.run(
        [sys.executable, "-m", "evenly.coach", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        check=True,
    )
    return result.stdout


def test_cli_prints_the_analysis_as_json() -> None:
    output = json.loads(_run_cli("You're heartless"))
    assert output["findings"][0]["kind"] == "character_attack"
    assert output["too_long"] is False


def test_cli_reads_one_message_per_line_from_stdin() -> None:
    lines = _run_cli("--stdin", stdin="You never plan anything\nThank you for dinner\n").splitlines()
    results = [json.loads(line) for line in lines]
    assert [len(result["findings"]) for result in results] == [1, 0]


def test_cli_checks_a_reflection_when_asked() -> None:
    output = json.loads(_run_cli("--context", "reflection", "You always decide what we do"))
    assert output["findings"][0]["suggestions"][0].startswith("What I heard is")
