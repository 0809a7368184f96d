"""The recurrence rules, as properties: local wall time kept across clock
changes, the last-day rule for short months, and exact agreement with what a
calendar app computes from the RRULE the feed publishes."""

import itertools
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from hypothesis import given
from hypothesis import strategies as st

from evenly.rituals.recurrence import (
    LAST,
    Frequency,
    Recurrence,
    dates_from,
    first_date,
    next_occurrence,
    occurrences_after,
    rrule,
)

ZONES = [ZoneInfo(name) for name in ("Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "UTC")]


@st.composite
def rules(draw):  # type: ignore[no-untyped-def]
    frequency = draw(st.sampled_from(list(Frequency)))
    return Recurrence(
        frequency=frequency,
        at=time(draw(st.integers(0, 23)), draw(st.sampled_from([0, 15, 30, 45]))),
        starts_on=draw(st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31))),
        weekday=draw(st.integers(0, 6)) if frequency != Frequency.MONTHLY_DAY else None,
        week_of_month=draw(st.sampled_from([1, 2, 3, 4, LAST])) if frequency == Frequency.MONTHLY_WEEKDAY else None,
        day_of_month=draw(st.integers(1, 31)) if frequency == Frequency.MONTHLY_DAY else None,
    )


def _take(iterator, n):  # type: ignore[no-untyped-def]
    return [next(iterator) for _ in range(n)]


@given(rules())
def test_the_published_rrule_gives_exactly_the_same_dates(rule):
    start = datetime.combine(first_date(rule), rule.at)
    theirs = [d.date() for d in rrulestr(rrule(rule), dtstart=start)[:15]]
    assert theirs == _take(dates_from(rule, rule.starts_on), 15)


@given(rules(), st.sampled_from(ZONES), st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2031, 1, 1)))
def test_each_occurrence_is_after_the_last_and_keeps_the_local_time(rule, zone, after):
    after = after.replace(tzinfo=UTC)
    found = _take(occurrences_after(rule, after=after, zone=zone), 12)
    assert found[0] > after
    assert all(a < b for a, b in itertools.pairwise(found))
    for moment in found:
        local = moment.astimezone(zone)
        wall = datetime.combine(local.date(), rule.at, tzinfo=zone)
        exists = wall.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == wall.replace(tzinfo=None)
        if exists:
            assert local.time() == rule.at
        else:  # the clocks skipped it: it moves forward by the gap, within the same day
            assert local.time() > rule.at and local.date() == wall.date()


@given(rules(), st.sampled_from(ZONES), st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2031, 1, 1)))
def test_nothing_is_skipped_between_one_occurrence_and_the_next(rule, zone, after):
    after = after.replace(tzinfo=UTC)
    first = next_occurrence(rule, after=after, zone=zone)
    second = next_occurrence(rule, after=first, zone=zone)
    assert next_occurrence(rule, after=first - timedelta(seconds=1), zone=zone) == first
    assert second > first


@given(st.integers(1, 31), st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 1, 1)))
def test_a_day_a_month_lacks_falls_on_its_last_day(day, starts_on):
    rule = Recurrence(frequency=Frequency.MONTHLY_DAY, at=time(9), starts_on=starts_on, day_of_month=day)
    for found in _take(dates_from(rule, starts_on), 14):
        last = (found.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        assert found.day == min(day, last.day)


def test_the_31st_in_a_short_month_is_its_last_day():
    rule = Recurrence(frequency=Frequency.MONTHLY_DAY, at=time(19), starts_on=date(2027, 1, 1), day_of_month=31)
    assert _take(dates_from(rule, rule.starts_on), 4) == [
        date(2027, 1, 31),
        date(2027, 2, 28),
        date(2027, 3, 31),
        date(2027, 4, 30),
    ]


def test_the_second_tuesday_and_the_last_friday():
    second_tuesday = Recurrence(
        frequency=Frequency.MONTHLY_WEEKDAY, at=time(19), starts_on=date(2026, 12, 1), weekday=1, week_of_month=2
    )
    assert _take(dates_from(second_tuesday, second_tuesday.starts_on), 2) == [date(2026, 12, 8), date(2027, 1, 12)]
    last_friday = Recurrence(
        frequency=Frequency.MONTHLY_WEEKDAY, at=time(19), starts_on=date(2026, 12, 1), weekday=4, week_of_month=LAST
    )
    assert _take(dates_from(last_friday, last_friday.starts_on), 2) == [date(2026, 12, 25), date(2027, 1, 29)]


def test_a_weekly_ritual_keeps_its_local_time_when_the_clocks_change():
    london = ZoneInfo("Europe/London")
    rule = Recurrence(frequency=Frequency.WEEKLY, at=time(19), starts_on=date(2027, 3, 27), weekday=5)
    before, after = _take(occurrences_after(rule, after=datetime(2027, 3, 26, tzinfo=UTC), zone=london), 2)
    assert (before.hour, after.hour) == (19, 19)
    assert before.utcoffset() == timedelta(0) and after.utcoffset() == timedelta(hours=1)
    assert after.astimezone(UTC) - before.astimezone(UTC) == timedelta(days=7, hours=-1)


def test_a_time_the_clocks_skip_moves_forward_by_the_gap():
    london = ZoneInfo("Europe/London")  # clocks go forward at 01:00 on 28 March 2027
    rule = Recurrence(frequency=Frequency.WEEKLY, at=time(1, 30), starts_on=date(2027, 3, 28), weekday=6)
    found = next_occurrence(rule, after=datetime(2027, 3, 27, tzinfo=UTC), zone=london)
    assert (found.date(), found.hour, found.minute) == (date(2027, 3, 28), 2, 30)


def test_fortnightly_counts_from_the_first_day():
    rule = Recurrence(frequency=Frequency.FORTNIGHTLY, at=time(8), starts_on=date(2026, 12, 3), weekday=0)
    assert _take(dates_from(rule, date(2026, 12, 15)), 2) == [date(2026, 12, 21), date(2027, 1, 4)]
