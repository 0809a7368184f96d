"""The places in the header, in one list. Each feature adds its own line."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Place:
    url_name: str
    label: str | Promise
    # Paths under this prefix count as being in this place (aria-current).
    prefix: str


PLACES: tuple[Place, ...] = (
    Place("checkins:index", _("Check-ins"), "/checkins/"),
    Place("boundaries:mine", _("Boundaries"), "/boundaries/"),
    Place("curious:list", _("Curious"), "/curious/"),
    Place("decisions:index", _("Decide"), "/decisions/"),
    Place("agreements:index", _("Agreements"), "/agreements/"),
    Place("journal:index", _("Journal"), "/journal/"),
    Place("rituals:index", _("Rituals"), "/rituals/"),
    Place("balance:index", _("Balance"), "/balance/"),
    Place("couples:overview", _("Us"), "/couple/"),
    Place("accounts:security", _("Account"), "/account/"),
)


@dataclass(frozen=True)
class NavLink:
    href: str
    label: str | Promise
    current: bool


@functools.cache
def _hrefs(script_prefix: str, urlconf: str | None) -> tuple[str, ...]:
    """The header's addresses, reversed once per process (they never change)."""
    return tuple(reverse(place.url_name, urlconf=urlconf) for place in PLACES)


def nav_links(path: str) -> list[NavLink]:
    hrefs = _hrefs(get_script_prefix(), get_urlconf())
    return [
        NavLink(href=href, label=place.label, current=path.startswith(place.prefix))
        for place, href in zip(PLACES, hrefs, strict=True)
    ]
