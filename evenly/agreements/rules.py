"""The co-signing rules and the small word diff. Pure logic, no Django.

A version is proposed by one partner (proposing is agreeing), takes effect only
when every member of the couple has signed it, and then replaces the version
that was current. Either partner can withdraw agreement from the current
version (the couple then has none) or set an open proposal aside. Nothing is
ever deleted: every version stays in the history with its status.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta

PROPOSED = "proposed"
CURRENT = "current"
SUPERSEDED = "superseded"
WITHDRAWN = "withdrawn"
SET_ASIDE = "set_aside"
ENDED = "ended"
CLOSED = (SUPERSEDED, WITHDRAWN, SET_ASIDE, ENDED)


class RuleError(ValueError):
    pass


def status_after_signing(*, status: str, signers: Iterable[int], members: Iterable[int]) -> str:
    """What a proposal becomes once `signers` have agreed to it."""
    if status != PROPOSED:
        raise RuleError("This version isn't open for signing any more.")
    return CURRENT if set(members) <= set(signers) else PROPOSED


def status_after_withdrawal(*, status: str) -> str:
    """Withdrawing agreement ends a current version; an open proposal is set aside."""
    if status == CURRENT:
        return WITHDRAWN
    if status == PROPOSED:
        return SET_ASIDE
    raise RuleError("This version has already ended.")


@dataclass
class Ledger:
    """The same rules over plain values, for reasoning and property tests."""

    members: frozenset[int]
    statuses: dict[int, str] = field(default_factory=dict)
    signers: dict[int, set[int]] = field(default_factory=dict)

    def propose(self, user: int) -> int:
        version = len(self.statuses) + 1
        self.statuses[version] = PROPOSED
        self.signers[version] = set()
        self.sign(user, version)
        return version

    def sign(self, user: int, version: int) -> None:
        self.signers[version].add(user)
        status = status_after_signing(
            status=self.statuses[version], signers=self.signers[version], members=self.members
        )
        if status == CURRENT:
            for other, other_status in self.statuses.items():
                if other_status == CURRENT:
                    self.statuses[other] = SUPERSEDED
        self.statuses[version] = status

    def withdraw(self, version: int) -> None:
        self.statuses[version] = status_after_withdrawal(status=self.statuses[version])

    @property
    def current(self) -> int | None:
        return next((v for v, s in self.statuses.items() if s == CURRENT), None)


# ---- A word-level comparison of two versions ----

SAME, ADDED, REMOVED = "same", "added", "removed"
_WORDS = re.compile(r"\S+\s*|\s+")


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """Runs of (kind, text) that rebuild `new` from `old`: the removed words of
    `old` and the added words of `new`, in reading order."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    runs: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            runs.append((SAME, "".join(b[j1:j2])))
            continue
        if i2 > i1:
            runs.append((REMOVED, "".join(a[i1:i2])))
        if j2 > j1:
            runs.append((ADDED, "".join(b[j1:j2])))
    return runs


def side(runs: list[tuple[str, str]], *, kind: str) -> list[tuple[str, str]]:
    """One column of a side-by-side view: the old text keeps its removed words,
    the new text its added ones."""
    return [(k, text) for k, text in runs if k in (SAME, kind)]


# ---- When a follow-up conversation lands, in the couple's own time ----

FOLLOW_UP_AT = time(18, 0)
SAME_DAY, NEXT_DAY, IN_THREE_DAYS = "same_day", "next_day", "in_three_days"


def follow_up_time(choice: str, *, ended: datetime) -> datetime:
    """`ended` is an aware time in the couple's zone; so is the result."""
    if choice == SAME_DAY:
        # Three real hours, even across a change of the clocks.
        return (ended.astimezone(UTC) + timedelta(hours=3)).astimezone(ended.tzinfo)
    days = {NEXT_DAY: 1, IN_THREE_DAYS: 3}.get(choice)
    if days is None:
        raise RuleError("Choose when to follow up.")
    day = (ended + timedelta(days=days)).date()
    return datetime.combine(day, FOLLOW_UP_AT, tzinfo=ended.tzinfo)
