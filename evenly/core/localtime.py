"""Wall-clock times in the couple's own zone, read one way everywhere.

The couple's zone is active for the whole request (see
`evenly.couples.middleware`), so a form reads "20:00" as 20:00 where the couple
lives and a template shows it back as 20:00. A wall time the clocks skip (the
spring gap) or show twice (the autumn overlap) is refused with a clear message
rather than silently shifted.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

INPUT_FORMAT = "%Y-%m-%dT%H:%M"
INPUT_FORMATS = [INPUT_FORMAT, "%Y-%m-%d %H:%M"]

SKIPPED = _("The clocks go forward that night, so %(time)s doesn't happen on that date. Choose another time.")
TWICE = _("The clocks go back that night, so %(time)s happens twice on that date. Choose another time.")


class WallTimeError(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _offset(value: datetime, zone: tzinfo, fold: int) -> timedelta | None:
    return value.replace(tzinfo=zone, fold=fold).utcoffset()


def aware_local(value: datetime, zone: tzinfo | None = None) -> datetime:
    """`value` as an aware datetime. A naive one is a wall time in `zone` (the
    active zone by default) and must happen exactly once there."""
    if timezone.is_aware(value):
        return value
    zone = zone or timezone.get_current_timezone()
    early, late = _offset(value, zone, 0), _offset(value, zone, 1)
    if early != late:
        shown = value.strftime("%H:%M")
        # fold=0 maps a skipped time forward past the gap: it won't round-trip.
        roundtrip = value.replace(tzinfo=zone).astimezone(UTC).astimezone(zone).replace(tzinfo=None)
        raise WallTimeError(str((TWICE if roundtrip == value else SKIPPED) % {"time": shown}))
    return value.replace(tzinfo=zone)


def local_input(value: datetime) -> str:
    """A datetime as a `datetime-local` input's value, in the active zone."""
    return timezone.localtime(value).strftime(INPUT_FORMAT)


class LocalDateTimeField(forms.DateTimeField):
    """A `datetime-local` input read as wall time in the couple's zone."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=INPUT_FORMAT)

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", INPUT_FORMATS)
        kwargs.setdefault("widget", forms.DateTimeInput(attrs={"type": "datetime-local"}, format=INPUT_FORMAT))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> datetime | None:  # type: ignore[override]
        # Parse as a naive wall time first, then place it in the zone ourselves,
        # so a gap or an overlap gets our own message.
        if isinstance(value, datetime):
            parsed: datetime | None = value
        else:
            value = value.strip() if isinstance(value, str) else value
            if value in self.empty_values:
                return None
            parsed = None
            for format in self.input_formats or INPUT_FORMATS:
                try:
                    parsed = datetime.strptime(str(value), format)
                    break
                except (ValueError, TypeError):
                    continue
            if parsed is None:
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        assert parsed is not None
        try:
            return aware_local(parsed)
        except WallTimeError as error:
            raise forms.ValidationError(error.message, code="wall_time") from error


def couple_time(value: datetime, zone: tzinfo) -> datetime:
    """For services: an aware datetime as given, a naive one as a wall time in
    the couple's zone, refused (a ServiceError) where the clocks skip or repeat it."""
    from evenly.core.errors import ServiceError

    try:
        return aware_local(value, zone)
    except WallTimeError as error:
        raise ServiceError(error.message) from error
