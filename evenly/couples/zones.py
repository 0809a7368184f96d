"""Which time zone names a couple may choose: the ones zoneinfo knows."""

from __future__ import annotations

from functools import cache

from django.utils.translation import gettext as _

from evenly.core.errors import ServiceError


@cache
def zone_names() -> tuple[str, ...]:
    from zoneinfo import available_timezones

    return tuple(sorted(name for name in available_timezones() if "/" in name or name == "UTC"))


def check_zone_name(name: str) -> str:
    """The name, tidied, when it is a time zone; otherwise a ServiceError that says so."""
    name = (name or "").strip()
    if name not in zone_names():
        raise ServiceError(
            _("“%(name)s” isn't a time zone we know. Choose one from the list, for example Europe/Berlin.")
            % {"name": name[:64]}
            if name
            else _("Choose a time zone from the list.")
        )
    return name
