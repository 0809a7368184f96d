"""When things end, in the couple's own time zone. Pure logic, no Django."""

from __future__ import annotations

from datetime import datetime, time, timedelta

MORNING = time(6, 0)
LONGEST_EVENING = timedelta(hours=24)
LONGEST_WINDOW = timedelta(days=3)
FURTHEST_START = timedelta(days=14)


def gettext_noop(message: str) -> str:
    """Marks a sentence for the translation catalogue without importing
    Django: the service that shows a WindowError translates its message."""
    return message


class WindowError(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def next_morning(now: datetime) -> datetime:
    """The next 06:00 after `now` (an aware datetime in the couple's zone)."""
    morning = now.replace(hour=MORNING.hour, minute=MORNING.minute, second=0, microsecond=0)
    if morning <= now:
        morning = (now + timedelta(days=1)).replace(hour=MORNING.hour, minute=MORNING.minute, second=0, microsecond=0)
    return morning


def check_dialogue_end(ends_at: datetime, *, now: datetime) -> None:
    if ends_at <= now:
        raise WindowError(gettext_noop("Choose an end time later than now."))
    if ends_at - now > LONGEST_EVENING:
        raise WindowError(gettext_noop("A tonight check-in lasts at most a day. Choose an earlier end time."))


def check_window(starts_at: datetime, ends_at: datetime, *, now: datetime) -> None:
    """An invitation is for a specific, limited time that hasn't passed yet."""
    if ends_at <= starts_at:
        raise WindowError(gettext_noop("The end needs to come after the start."))
    if ends_at <= now:
        raise WindowError(gettext_noop("That time has already passed. Choose a time still to come."))
    if ends_at - starts_at > LONGEST_WINDOW:
        raise WindowError(gettext_noop("Keep it specific: a window of at most three days."))
    if starts_at - now > FURTHEST_START:
        raise WindowError(gettext_noop("Choose a start within the next two weeks."))
