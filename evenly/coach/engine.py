"""Turn rule matches into findings: guards, offsets, merging, sorting."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import guards
from .explanations import advice_for
from .models import KINDS, Analysis, Finding, Kind
from .normalize import Normalized, normalize
from .rules import ALL_RULES, Rule

MAX_LENGTH = 5000
TOO_LONG_MESSAGE = (
    f"This message is longer than {MAX_LENGTH:,} characters, which is too long for the "
    "coach to check. You can still send it."
)
_TRIM = " \t\n\r,;:.-\u2014\u2013"
_KIND_ORDER = {kind: index for index, kind in enumerate(KINDS)}


@dataclass(frozen=True, slots=True)
class _KindMatcher:
    """All the rules of one kind compiled into a single alternation."""

    kind: Kind
    pattern: re.Pattern[str]
    rules_by_group: dict[str, Rule]


def _compile(kind: Kind) -> _KindMatcher:
    rules = [rule for rule in ALL_RULES if rule.kind == kind]
    groups = {f"r{index}": rule for index, rule in enumerate(rules)}
    alternation = "|".join(f"(?P<{name}>{rule.pattern})" for name, rule in groups.items())
    return _KindMatcher(kind, re.compile(alternation, re.MULTILINE), groups)


_MATCHERS: tuple[_KindMatcher, ...] = tuple(_compile(kind) for kind in KINDS)


@dataclass(slots=True)
class _Span:
    kind: Kind
    rule_name: str
    start: int
    end: int
    yields_to: Kind | None = None


def _keeps(rule: Rule, context: guards.MatchContext) -> bool:
    if guards.is_quoted(context.text, context.start, context.end):
        return False
    if guards.is_reported(context):
        return False
    if rule.negatable and guards.is_negated(context):
        return False
    if rule.statement_only and guards.is_yes_no_question(context):
        return False
    return rule.guard is None or rule.guard(context)


def _matches(matcher: _KindMatcher, text: str) -> list[_Span]:
    spans: list[_Span] = []
    position = 0
    while position <= len(text):
        match = matcher.pattern.search(text, position)
        if match is None:
            break
        rule = matcher.rules_by_group[match.lastgroup or ""]
        start, end = match.span()
        if end > start and _keeps(rule, guards.context_for(text, start, end)):
            if rule.extend_to_clause:
                end = max(end, guards.clause_end(text, end))
            spans.append(_Span(matcher.kind, rule.name, start, end, rule.yields_to))
            position = end
        else:
            # Another rule of the same kind may still match inside this span.
            position = start + 1
    return spans


def _merge_overlapping(spans: list[_Span]) -> list[_Span]:
    merged: list[_Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        previous = merged[-1] if merged else None
        if previous is not None and span.start < previous.end:
            previous.end = max(previous.end, span.end)
        else:
            merged.append(span)
    return merged


def _to_finding(span: _Span, normalized: Normalized, original: str) -> Finding | None:
    start, end = normalized.original_span(span.start, span.end)
    while start < end and original[start] in _TRIM:
        start += 1
    while end > start and original[end - 1] in _TRIM:
        end -= 1
    if start >= end:
        return None
    advice = advice_for(span.kind, span.rule_name)
    return Finding(
        kind=span.kind,
        start=start,
        end=end,
        excerpt=original[start:end],
        explanation=advice.explanation,
        suggestion=advice.suggestion,
    )


def _findings(text: str) -> list[Finding]:
    normalized = normalize(text)
    spans = [span for matcher in _MATCHERS for span in _matches(matcher, normalized.text)]
    kinds_found = {span.kind for span in spans}
    spans = [span for span in spans if span.yields_to not in kinds_found]
    findings: list[Finding] = []
    for kind in KINDS:
        for span in _merge_overlapping([span for span in spans if span.kind == kind]):
            finding = _to_finding(span, normalized, text)
            if finding is not None:
                findings.append(finding)
    findings.sort(key=lambda f: (f.start, f.end, _KIND_ORDER[f.kind]))
    return findings


def analyze(text: str) -> Analysis:
    """Point out phrasing in ``text`` that may land badly; never raises, never blocks."""
    if not isinstance(text, str) or not text.strip():
        return Analysis()
    if len(text) > MAX_LENGTH:
        return Analysis(too_long=True, message=TOO_LONG_MESSAGE)
    try:
        return Analysis(findings=_findings(text))
    except Exception:  # noqa: BLE001 - the coach is advisory; a bug must never stop a message
        return Analysis()
