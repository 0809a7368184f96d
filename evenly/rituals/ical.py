"""An iCalendar (RFC 5545) feed, written by hand: plain Python, no Django.

Every event carries the one neutral title its owner chose and nothing else:
no description, no location. Times are the couple's local wall time with its
IANA time-zone name (TZID), so a recurring event keeps its local time across
clock changes, as the rituals themselves do.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

LINE_OCTETS = 75


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


def render(*, events: Iterable[FeedEvent], title: str, stamp: datetime) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Evenly//Calendar//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(title)}",
    ]
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
