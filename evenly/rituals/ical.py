"""An iCalendar (RFC 5545) feed, written by hand: plain Python, no Django.

Every event carries the one neutral title its owner chose and nothing else:
no description, no location. Times are the couple's local wall time with its
IANA time-zone name (TZID), so a recurring event keeps its local time across
clock changes, as the rituals themselves do. The feed describes that zone in
a VTIMEZONE, one observance per change of the clocks over the years it covers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

LINE_OCTETS = 75
YEARS_AHEAD = 10


@dataclass(frozen=True)
class FeedEvent:
    uid: str
    start: datetime  # aware, in the couple's zone
    zone_name: str
    length: timedelta
    rrule: str | None = None


def escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Split a content line into pieces of at most 75 octets, never inside a
    character, each continuation starting with a space."""
    pieces: list[str] = []
    current = ""
    limit = LINE_OCTETS
    for char in line:
        if len((current + char).encode()) > limit:
            pieces.append(current)
            current = char
            limit = LINE_OCTETS - 1
        else:
            current += char
    pieces.append(current)
    return "\r\n ".join(pieces)


def _local(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _offset(delta: timedelta | None) -> str:
    minutes = int((delta or timedelta(0)).total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


def transitions(zone: ZoneInfo, *, start: datetime, end: datetime) -> list[datetime]:
    """Every instant in [start, end) at which the zone's UTC offset changes."""
    found = []
    day = start.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    while day < end:
        after = day + timedelta(days=1)
        if day.astimezone(zone).utcoffset() != after.astimezone(zone).utcoffset():
            low, high = day, after
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                if middle.astimezone(zone).utcoffset() == low.astimezone(zone).utcoffset():
                    low = middle
                else:
                    high = middle
            found.append(high.replace(microsecond=0))
        day = after
    return found


def vtimezone(zone: ZoneInfo, *, start: datetime, end: datetime) -> list[str]:
    lines = ["BEGIN:VTIMEZONE", f"TZID:{zone.key}"]
    changes = transitions(zone, start=start, end=end)
    if not changes:
        offset = _offset(start.astimezone(zone).utcoffset())
        name = start.astimezone(zone).tzname() or zone.key
        lines += ["BEGIN:STANDARD", "DTSTART:19700101T000000", f"TZOFFSETFROM:{offset}", f"TZOFFSETTO:{offset}"]
        lines += [f"TZNAME:{escape(name)}", "END:STANDARD"]
    for change in changes:
        before = (change - timedelta(seconds=1)).astimezone(zone)
        after = change.astimezone(zone)
        kind = "DAYLIGHT" if after.dst() else "STANDARD"
        # The onset, as the clocks showed it just before they changed.
        onset = (change.replace(tzinfo=None) + (before.utcoffset() or timedelta(0))).strftime("%Y%m%dT%H%M%S")
        lines += [
            f"BEGIN:{kind}",
            f"DTSTART:{onset}",
            f"TZOFFSETFROM:{_offset(before.utcoffset())}",
            f"TZOFFSETTO:{_offset(after.utcoffset())}",
            f"TZNAME:{escape(after.tzname() or zone.key)}",
            f"END:{kind}",
        ]
    lines.append("END:VTIMEZONE")
    return lines


def render(*, events: Iterable[FeedEvent], title: str, stamp: datetime, zone: ZoneInfo) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Evenly//Calendar//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(title)}",
    ]
    events = list(events)
    first = min([event.start for event in events], default=stamp)
    lines += vtimezone(zone, start=min(first, stamp), end=stamp + timedelta(days=366 * YEARS_AHEAD))
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{_utc(stamp)}",
            f"DTSTART;TZID={event.zone_name}:{_local(event.start)}",
            f"DURATION:PT{int(event.length.total_seconds() // 60)}M",
            f"SUMMARY:{escape(title)}",
            "CLASS:PRIVATE",
            "TRANSP:OPAQUE",
        ]
        if event.rrule:
            lines.append(f"RRULE:{event.rrule}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
