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


def test_reframes_use_one_blank_marker() -> None:
    finding = analyze("You make me feel unwanted").findings[0]
    assert BLANK in finding.suggestion
    assert "__ " not in finding.suggestion.replace(BLANK, "")


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
