"""The balance arithmetic: plain Python, no Django (an import contract keeps it so).

Everything here works on content-free facts ("this partner opened a decision
on this day") and on one person's own numbers. It describes situations
between two seats, "me" and "partner", so that swapping the two partners
mirrors every figure exactly; nothing here ever judges a person.

What never reaches this module: answers to invitations, declines,
withdrawals, signals and pauses. The selectors do not read them, so no
figure can depend on them.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from fractions import Fraction
from typing import Literal

Side = Literal["me", "partner"]
Closeness = Literal["close", "apart"]

# What the shared view counts, in the order it shows them.
DECISIONS_OPENED = "decisions_opened"
OPTIONS_ADOPTED = "options_adopted"
EXPERIMENTS_PROPOSED = "experiments_proposed"
CHECKINS_PROPOSED = "checkins_proposed"
INVITATIONS_SENT = "invitations_sent"
FACT_KINDS = (DECISIONS_OPENED, OPTIONS_ADOPTED, EXPERIMENTS_PROPOSED, CHECKINS_PROPOSED, INVITATIONS_SENT)

# Where a person's own numbers come from.
CHECKIN = "checkin"  # (felt heard, equal say), 1 to 5 each
PULSE = "pulse"  # the monthly pulse, three answers 1 to 5
REVIEW = "review"  # a decision's look-back, "how it went", 1 to 5
# Only the numbers about having a say are compared between the partners.
SAY_SOURCES = (CHECKIN, PULSE)

PERIODS = (3, 6, 12)  # months
MIN_RATINGS = 3  # each partner, in the period, before anything is compared
APART_AT = 1  # a difference of averages (on the 1 to 5 scale) this large or larger is "apart"
LEAN_WINDOW = 5  # the last five adopted options ...
LEAN_SAME = 4  # ... of which at least four came from the same partner
APART_MONTHS = 2  # ratings apart at this many consecutive monthly readings

PATTERN_ADOPTED_LEAN = "adopted_lean"
PATTERN_RATINGS_APART = "ratings_apart"
PATTERNS = (PATTERN_ADOPTED_LEAN, PATTERN_RATINGS_APART)


def other(side: Side) -> Side:
    return "partner" if side == "me" else "me"


@dataclass(frozen=True)
class Fact:
    """Something one partner started. `key` names the row it came from, so a
    row read twice still counts once."""

    kind: str
    side: Side
    at: datetime
    key: str


@dataclass(frozen=True)
class Rating:
    side: Side
    source: str
    at: datetime
    values: tuple[int, ...]
    key: str

    @property
    def score(self) -> Fraction:
        return Fraction(sum(self.values), len(self.values))


def swapped_fact(fact: Fact) -> Fact:
    return Fact(kind=fact.kind, side=other(fact.side), at=fact.at, key=fact.key)


def swapped_rating(rating: Rating) -> Rating:
    return Rating(side=other(rating.side), source=rating.source, at=rating.at, values=rating.values, key=rating.key)


# ---- Time ----


def months_before(moment: datetime, months: int) -> datetime:
    """The same moment `months` calendar months earlier (the day clamped to
    the end of a shorter month)."""
    index = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def month_of(moment: datetime | date) -> date:
    return date(moment.year, moment.month, 1)


def last_months(now: datetime, count: int) -> list[date]:
    """The first days of the last `count` months, oldest first, this month last."""
    return [month_of(months_before(now.replace(day=1), back)) for back in range(count - 1, -1, -1)]


def _within(items: Iterable[Fact | Rating], *, start: datetime, end: datetime) -> list:  # type: ignore[type-arg]
    unique: dict[str, Fact | Rating] = {}
    for item in items:
        if start < item.at <= end:
            unique.setdefault(item.key, item)
    return list(unique.values())


# ---- Shares ----


@dataclass(frozen=True)
class Share:
    kind: str
    mine: int
    partners: int

    @property
    def total(self) -> int:
        return self.mine + self.partners

    @property
    def my_percent(self) -> int:
        """Whole percentages that add up to 100. A half always rounds towards
        the larger side, so swapping the partners swaps the two figures."""
        if self.total == 0:
            return 0
        if self.mine == self.partners:
            return 50
        larger = max(self.mine, self.partners)
        percent = (larger * 200 + self.total) // (self.total * 2)  # half up, in whole numbers
        return percent if self.mine > self.partners else 100 - percent

    @property
    def partners_percent(self) -> int:
        return 0 if self.total == 0 else 100 - self.my_percent


def shares(facts: Iterable[Fact], *, now: datetime, months: int) -> list[Share]:
    """For each kind of fact, how many each partner started in the last
    `months` months."""
    counted = _within(facts, start=months_before(now, months), end=now)
    result = []
    for kind in FACT_KINDS:
        mine = sum(1 for fact in counted if fact.kind == kind and fact.side == "me")
        partners = sum(1 for fact in counted if fact.kind == kind and fact.side == "partner")
        result.append(Share(kind=kind, mine=mine, partners=partners))
    return result


# ---- Close or apart ----


def closeness(ratings: Iterable[Rating], *, now: datetime, months: int) -> Closeness | None:
    """Whether the partners' own say-ratings in the period are close or apart,
    or None unless each has at least MIN_RATINGS of them there. Coarse on
    purpose: one word, from averages, so no single rating can be worked out."""
    counted = [r for r in _within(ratings, start=months_before(now, months), end=now) if r.source in SAY_SOURCES]
    mine = [r.score for r in counted if r.side == "me"]
    partners = [r.score for r in counted if r.side == "partner"]
    if len(mine) < MIN_RATINGS or len(partners) < MIN_RATINGS:
        return None
    gap = abs(sum(mine) / len(mine) - sum(partners) / len(partners))  # exact fractions
    return "apart" if gap >= APART_AT else "close"


# ---- Patterns worth a gentle offer ----


def adopted_lean(facts: Iterable[Fact]) -> bool:
    """At least LEAN_SAME of the last LEAN_WINDOW adopted options came from
    the same partner (whichever partner that is)."""
    unique = {fact.key: fact for fact in facts if fact.kind == OPTIONS_ADOPTED}
    latest = sorted(unique.values(), key=lambda fact: (fact.at, fact.key))[-LEAN_WINDOW:]
    if len(latest) < LEAN_WINDOW:
        return False
    mine = sum(1 for fact in latest if fact.side == "me")
    return max(mine, LEAN_WINDOW - mine) >= LEAN_SAME


def ratings_apart_lately(ratings: Sequence[Rating], *, now: datetime) -> bool:
    """The three-month reading has been "apart" at each of the last
    APART_MONTHS monthly readings (now, and a month ago)."""
    return all(closeness(ratings, now=months_before(now, back), months=3) == "apart" for back in range(APART_MONTHS))


def patterns(facts: Sequence[Fact], ratings: Sequence[Rating], *, now: datetime) -> list[str]:
    found = []
    if adopted_lean(facts):
        found.append(PATTERN_ADOPTED_LEAN)
    if ratings_apart_lately(ratings, now=now):
        found.append(PATTERN_RATINGS_APART)
    return found


# ---- One person's own numbers over time ----

MEASURES = ("felt_heard", "equal_say", "pulse", "review")
_MEASURE_SOURCE = {
    "felt_heard": (CHECKIN, 0),
    "equal_say": (CHECKIN, 1),
    "pulse": (PULSE, None),
    "review": (REVIEW, None),
}


@dataclass(frozen=True)
class MonthValue:
    month: date
    value: float | None  # the month's average, or None for a month without any
    count: int


def monthly(ratings: Iterable[Rating], *, measure: str, now: datetime, months: int = 12) -> list[MonthValue]:
    """One measure of the viewer's own numbers, averaged per month."""
    source, index = _MEASURE_SOURCE[measure]
    unique = {r.key: r for r in ratings if r.side == "me" and r.source == source}
    buckets: dict[date, list[Fraction]] = {month: [] for month in last_months(now, months)}
    for rating in unique.values():
        bucket = buckets.get(month_of(rating.at))
        if bucket is not None and rating.at <= now:
            bucket.append(rating.score if index is None else Fraction(rating.values[index]))
    return [
        MonthValue(month=month, value=round(float(sum(vals) / len(vals)), 1) if vals else None, count=len(vals))
        for month, vals in buckets.items()
    ]
