from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evenly.consent import timing

ZONES = st.sampled_from(["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Auckland"])
MOMENTS = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1))


@given(MOMENTS, ZONES)
def test_next_morning_is_six_oclock_within_a_day(moment, zone):
    now = moment.replace(tzinfo=UTC).astimezone(ZoneInfo(zone))
    morning = timing.next_morning(now)
    assert (morning.hour, morning.minute) == (6, 0)
    assert timedelta(0) < morning - now <= timedelta(hours=25)


@given(MOMENTS, st.integers(min_value=-10_000, max_value=10_000), st.integers(min_value=-10_000, max_value=10_000))
def test_a_window_is_accepted_only_when_it_is_specific_and_still_to_come(moment, start_min, length_min):
    now = moment.replace(tzinfo=UTC)
    start = now + timedelta(minutes=start_min)
    end = start + timedelta(minutes=length_min)
    try:
        timing.check_window(start, end, now=now)
    except timing.WindowError:
        return
    assert end > start and end > now
    assert end - start <= timing.LONGEST_WINDOW
    assert start - now <= timing.FURTHEST_START


def test_a_check_in_lasts_at_most_a_day():
    now = datetime(2026, 5, 1, 20, tzinfo=UTC)
    with pytest.raises(timing.WindowError):
        timing.check_dialogue_end(now + timedelta(hours=25), now=now)
    timing.check_dialogue_end(now + timedelta(hours=10), now=now)


@given(st.text(max_size=700), st.text(max_size=1200), st.lists(st.text(max_size=6), max_size=4))
def test_the_invitation_form_handles_any_input_calmly(words, note, items):
    from evenly.consent.forms import InvitationForm

    form = InvitationForm(
        {"words": words, "note": note, "items": items, "starts_at": "2026-05-01T20:00", "ends_at": "2026-05-01T23:00"}
    )
    if form.is_valid():
        assert form.cleaned_data["items"] or form.cleaned_data["words"].strip()
        assert len(form.cleaned_data["words"]) <= 500
    else:
        assert form.errors
