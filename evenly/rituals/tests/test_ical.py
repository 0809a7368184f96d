"""The hand-written iCalendar: folding and escaping, as properties, and a
zone's observances matching zoneinfo exactly."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
from hypothesis import given
from hypothesis import strategies as st

from evenly.rituals.ical import FeedEvent, fold, render, transitions


@given(st.text(min_size=0, max_size=400))
def test_folded_lines_are_short_and_unfold_to_the_original(text):
    folded = fold("SUMMARY:" + text.replace("\r", "").replace("\n", ""))
    assert all(len(piece.encode()) <= 75 for piece in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == "SUMMARY:" + text.replace("\r", "").replace("\n", "")


@given(st.text(min_size=1, max_size=80).filter(lambda t: t.strip() and "\r" not in t))
def test_any_title_survives_a_real_parser(title):
    stamp = datetime(2026, 12, 2, tzinfo=UTC)
    zone = ZoneInfo("Europe/London")
    event = FeedEvent(uid="x@evenly", start=stamp.astimezone(zone), zone_name=zone.key, length=timedelta(hours=1))
    calendar = icalendar.Calendar.from_ical(render(events=[event], title=title, stamp=stamp, zone=zone))
    assert str(calendar.walk("VEVENT")[0]["SUMMARY"]) == title


def test_transitions_are_the_instants_the_offset_changes():
    zone = ZoneInfo("America/New_York")
    found = transitions(zone, start=datetime(2027, 1, 1, tzinfo=UTC), end=datetime(2028, 1, 1, tzinfo=UTC))
    assert found == [datetime(2027, 3, 14, 7, 0, tzinfo=UTC), datetime(2027, 11, 7, 6, 0, tzinfo=UTC)]
    for moment in found:
        assert (moment - timedelta(seconds=1)).astimezone(zone).utcoffset() != moment.astimezone(zone).utcoffset()
    assert transitions(ZoneInfo("Asia/Kolkata"), start=found[0], end=found[1]) == []
