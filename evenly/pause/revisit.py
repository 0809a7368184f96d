"""When "tonight" or "tomorrow" is, in the couple's own time zone. Pure logic."""

from __future__ import annotations

from datetime import datetime, time, timedelta

TONIGHT_AT = time(20, 0)
TOMORROW_AT = time(18, 0)
LATEST_CUSTOM = timedelta(days=30)


class RevisitError(ValueError):
    """Its message is an English sentence, translated where it is shown."""


def gettext_noop(message: str) -> str:
    """Marks a message for translation without importing Django (see `evenly.pause.services`)."""
    return message


def revisit_time(choice: str, *, now: datetime, custom: datetime | None = None) -> datetime | None:
    """The moment to send the reminder, or None when no reminder is wanted.

    `now` and `custom` must be aware datetimes in the couple's time zone; the
    result is in the same zone and always in the future.
    """
    if choice in {"undecided", "next_check_in"}:
        return None
    if choice == "in_20_minutes":
        return now + timedelta(minutes=20)
    if choice == "tonight":
        tonight = now.replace(hour=TONIGHT_AT.hour, minute=0, second=0, microsecond=0)
        # Already evening: "tonight" means a little later, not tomorrow.
        return tonight if tonight - now >= timedelta(minutes=30) else now + timedelta(hours=1)
    if choice == "tomorrow":
        tomorrow = (now + timedelta(days=1)).replace(hour=TOMORROW_AT.hour, minute=0, second=0, microsecond=0)
        return tomorrow
    if choice == "at_time":
        if custom is None:
            raise RevisitError(gettext_noop("Choose a date and time."))
        if custom <= now:
            raise RevisitError(gettext_noop("Choose a time in the future."))
        if custom - now > LATEST_CUSTOM:
            raise RevisitError(gettext_noop("Choose a time within the next 30 days."))
        return custom
    raise RevisitError(gettext_noop("Choose one of the options."))
