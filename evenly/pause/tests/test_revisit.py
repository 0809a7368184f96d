from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evenly.pause.revisit import RevisitError, revisit_time

zones = st.sampled_from(["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Auckland"])
moments = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2030, 1, 1))


@given(moments, zones, st.sampled_from(["in_20_minutes", "tonight", "tomorrow"]))
def test_a_revisit_is_always_in_the_future_and_within_two_days(moment, zone, choice):
    now = moment.replace(tzinfo=ZoneInfo(zone))
    when = revisit_time(choice, now=now)
    assert when is not None
    assert now < when <= now + timedelta(days=2)


@given(moments, zones)
def test_tonight_is_eight_in_the_evening_or_an_hour_from_late_evening(moment, zone):
    now = moment.replace(tzinfo=ZoneInfo(zone))
    when = revisit_time("tonight", now=now)
    assert (when.hour == 20 and when.minute == 0) or when - now == timedelta(hours=1)


def test_no_reminder_for_the_next_check_in():
    assert revisit_time("next_check_in", now=datetime.now(UTC)) is None


def test_a_chosen_time_must_be_ahead_and_within_a_month():
    now = datetime(2026, 5, 1, 12, tzinfo=UTC)
    assert revisit_time("at_time", now=now, custom=now + timedelta(hours=3)) == now + timedelta(hours=3)
    with pytest.raises(RevisitError, match="future"):
        revisit_time("at_time", now=now, custom=now - timedelta(minutes=1))
    with pytest.raises(RevisitError, match="30 days"):
        revisit_time("at_time", now=now, custom=now + timedelta(days=31))
    with pytest.raises(RevisitError):
        revisit_time("at_time", now=now)
    with pytest.raises(RevisitError):
        revisit_time("someday", now=now)
