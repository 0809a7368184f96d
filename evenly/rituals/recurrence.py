"""When a ritual happens: plain Python, no Django.

A ritual recurs weekly, fortnightly, monthly on a weekday ("the second
Tuesday") or monthly on a day of the month, at a time of day. Everything is
computed in the couple's local wall time and only then turned into an instant,
so a change of the clocks keeps the local time ("every Tuesday at 19:00" stays
at 19:00).

The stated rules for days that don't exist:
- A day of the month that a month doesn't have (the 31st in April, the 30th in
  February) falls on the last day of that month.
- A time the clocks skip that day (they go forward) moves forward by the gap;
  a time that happens twice (they go back) is the first of the two.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo


class Frequency(StrEnum):
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY_WEEKDAY = "monthly_weekday"
    MONTHLY_DAY = "monthly_day"


LAST = -1
WEEKS_OF_MONTH = (1, 2, 3, 4, LAST)
ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
SEARCH_LIMIT = 400  # days: every rule has an occurrence within about a month


class RecurrenceError(ValueError):
    pass


@dataclass(frozen=True)
class Recurrence:
    frequency: Frequency
    at: time
    starts_on: date
    weekday: int | None = None  # 0 is Monday
    week_of_month: int | None = None  # 1 to 4, or LAST
    day_of_month: int | None = None  # 1 to 31

    def __post_init__(self) -> None:
        on_a_weekday = self.frequency != Frequency.MONTHLY_DAY
        if on_a_weekday and (self.weekday is None or not 0 <= self.weekday <= 6):
            raise RecurrenceError("weekday")
        if self.frequency == Frequency.MONTHLY_WEEKDAY and self.week_of_month not in WEEKS_OF_MONTH:
            raise RecurrenceError("week_of_month")
        if not on_a_weekday and (self.day_of_month is None or not 1 <= self.day_of_month <= 31):
            raise RecurrenceError("day_of_month")


def day_in_month(year: int, month: int, day: int) -> date:
    """The day, or the month's last day when the month is shorter."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def nth_weekday(year: int, month: int, weekday: int, week: int) -> date:
    if week == LAST:
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (week - 1))


def _months_from(start: date) -> Iterator[tuple[int, int]]:
    year, month = start.year, start.month
    while True:
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def dates_from(rule: Recurrence, start: date) -> Iterator[date]:
    """Every date the ritual falls on, from `start` (inclusive) on."""
    start = max(start, rule.starts_on)
    if rule.frequency in (Frequency.WEEKLY, Frequency.FORTNIGHTLY):
        assert rule.weekday is not None
        first = rule.starts_on + timedelta(days=(rule.weekday - rule.starts_on.weekday()) % 7)
        step = 7 if rule.frequency == Frequency.WEEKLY else 14
        skip = max(0, -(-(start - first).days // step))
        day = first + timedelta(days=step * skip)
        while True:
            yield day
            day += timedelta(days=step)
    for year, month in _months_from(start):
        if rule.frequency == Frequency.MONTHLY_WEEKDAY:
            assert rule.weekday is not None and rule.week_of_month is not None
            day = nth_weekday(year, month, rule.weekday, rule.week_of_month)
        else:
            assert rule.day_of_month is not None
            day = day_in_month(year, month, rule.day_of_month)
        if day >= start:
            yield day


def local_instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The instant of a local wall time, by the stated rules for clock changes."""
    wall = datetime.combine(day, at, tzinfo=zone)
    # A skipped time comes back from UTC moved forward by the gap.
    return wall.astimezone(UTC).astimezone(zone)


def occurrences_after(rule: Recurrence, *, after: datetime, zone: ZoneInfo) -> Iterator[datetime]:
    """Every occurrence strictly after the instant `after`, as aware local times."""
    start = after.astimezone(zone).date() - timedelta(days=1)
    for day in dates_from(rule, start):
        instant = local_instant(day, rule.at, zone)
        if instant > after:
            yield instant


def next_occurrence(rule: Recurrence, *, after: datetime, zone: ZoneInfo) -> datetime:
    return next(occurrences_after(rule, after=after, zone=zone))


def first_date(rule: Recurrence) -> date:
    return next(dates_from(rule, rule.starts_on))


def rrule(rule: Recurrence) -> str:
    """The rule as an iCalendar RRULE value; with DTSTART at `first_date`, it
    gives exactly the dates `dates_from` gives."""
    if rule.frequency == Frequency.WEEKLY:
        return f"FREQ=WEEKLY;BYDAY={ICAL_DAYS[rule.weekday or 0]}"
    if rule.frequency == Frequency.FORTNIGHTLY:
        return f"FREQ=WEEKLY;INTERVAL=2;BYDAY={ICAL_DAYS[rule.weekday or 0]}"
    if rule.frequency == Frequency.MONTHLY_WEEKDAY:
        return f"FREQ=MONTHLY;BYDAY={rule.week_of_month}{ICAL_DAYS[rule.weekday or 0]}"
    day = rule.day_of_month or 1
    if day <= 28:
        return f"FREQ=MONTHLY;BYMONTHDAY={day}"
    # The day itself, or the month's last day when the month is shorter.
    days = ",".join(str(d) for d in range(28, day + 1))
    return f"FREQ=MONTHLY;BYMONTHDAY={days};BYSETPOS=-1"
