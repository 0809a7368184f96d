"""Turn rule matches into findings: guards, offsets, merging, sorting."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import guards
from .explanations import advice_for
from .language import is_mixed_language
from .models import BLANK, CONTEXTS, KINDS, Analysis, Context, Finding, Kind
from .normalize import Normalized, normalize
from .reframe import suggestions_for
from .rules import ALL_RULES, Rule

MAX_LENGTH = 5000
TOO_LONG_MESSAGE = (
    f"This message is longer than {MAX_LENGTH:,} characters, which is too long for the "
    "coach to check. You can still send it."
)
_TRIM = " \t\n\r,;:.-\u2014\u2013"
_KIND_ORDER = {kind: index for index, kind in enumerate(KINDS)}


@dataclass(frozen=True, slots=True)
class _CompiledRule:
    rule: Rule
    regex: re.Pattern[str]
    starts_at_word: bool


def _compile(rule: Rule) -> _CompiledRule:
    # A leading \b stops the regex engine from skipping ahead to the pattern's first
    # literal, which makes every search several times slower.  The word boundary
    # is checked in Python instead, only when a match is found.
    pattern = rule.pattern
    starts_at_word = pattern.startswith(r"\b")
    if starts_at_word:
        pattern = pattern[2:]
    return _CompiledRule(rule, re.compile(pattern, re.MULTILINE), starts_at_word)


_COMPILED_RULES: tuple[_CompiledRule, ...] = tuple(_compile(rule) for rule in ALL_RULES)


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
    if guards.is_echo_question(context):
        return False
    return rule.guard is None or rule.guard(context)


def _inside_word(text: str, start: int) -> bool:
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] == "'") and text[start].isalnum()


def _matches(compiled: _CompiledRule, text: str, first: re.Match[str]) -> list[_Span]:
    rule = compiled.rule
    spans: list[_Span] = []
    for match in (first, *compiled.regex.finditer(text, first.end())):
        start, end = match.span()
        if end == start or (compiled.starts_at_word and _inside_word(text, start)):
            continue
        if not _keeps(rule, guards.context_for(text, start, end)):
            continue
        if rule.extend_to_clause:
            end = max(end, guards.clause_end(text, end))
        spans.append(_Span(rule.kind, rule.name, start, end, rule.yields_to))
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


def _to_finding(span: _Span, normalized: Normalized, original: str, context: Context) -> Finding | None:
    start, end = normalized.original_span(span.start, span.end)
    while start < end and original[start] in _TRIM:
        start += 1
    while end > start and original[end - 1] in _TRIM:
        end -= 1
    if start >= end:
        return None
    advice = advice_for(span.kind, span.rule_name, context)
    suggestions = _suggestions(span, normalized, original, context) or (advice.suggestion,)
    return Finding(
        kind=span.kind,
        start=start,
        end=end,
        excerpt=original[start:end],
        explanation=advice.explanation,
        suggestion=suggestions[0],
        suggestions=suggestions,
    )


def _suggestions(span: _Span, normalized: Normalized, original: str, context: Context) -> tuple[str, ...]:
    sentence = guards.context_for(normalized.text, span.start, span.end)
    try:
        built = suggestions_for(
            span.kind,
            span.rule_name,
            normalized,
            original,
            span.start,
            span.end,
            context,
            sentence.sentence_start,
            sentence.sentence_end,
        )
    except Exception:
        # A reframe that can't be built from this sentence falls back to the kind's general one.
        return ()
    return tuple(s for s in built if s and BLANK not in s)


def _findings(text: str, context: Context) -> list[Finding]:
    normalized = normalize(text)
    matching_text = normalized.text
    if is_mixed_language(matching_text):
        return []
    spans: list[_Span] = []
    for compiled in _COMPILED_RULES:
        # Most rules don't match most messages; one C-level search rules them out cheaply.
        first = compiled.regex.search(matching_text)
        if first is not None:
            spans.extend(_matches(compiled, matching_text, first))
    if not spans:
        return []
    by_kind: dict[Kind, list[_Span]] = {}
    for span in spans:
        by_kind.setdefault(span.kind, []).append(span)
    findings: list[Finding] = []
    for spans_of_kind in by_kind.values():
        kept = [span for span in spans_of_kind if span.yields_to not in by_kind]
        for span in _merge_overlapping(kept):
            finding = _to_finding(span, normalized, text, context)
            if finding is not None:
                findings.append(finding)
    findings.sort(key=lambda f: (f.start, f.end, _KIND_ORDER[f.kind]))
    return findings


def analyze(text: str, context: Context = "message") -> Analysis:
    """Point out phrasing in ``text`` that may land badly; never raises, never blocks.

    ``context`` says where the text is written: ``"message"`` (the default), or
    ``"reflection"`` for saying back the partner's view, where the suggestions are
    reflective wording rather than the writer's own feelings.
    """
    if context not in CONTEXTS:
        context = "message"
    if not isinstance(text, str):
        return Analysis()
    if len(text) > MAX_LENGTH:
        return Analysis(too_long=True, message=TOO_LONG_MESSAGE)
    if not text.strip():
        return Analysis()
    try:
        return Analysis(findings=_findings(text, context))
    except Exception:
        # The coach is advisory: a bug in a rule must never get in the way of sending.
        return Analysis()
