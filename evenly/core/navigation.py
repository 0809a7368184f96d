"""The places in the header, in one list. Each feature adds its own line."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
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


def nav_links(path: str) -> list[NavLink]:
    return [
        NavLink(href=reverse(place.url_name), label=place.label, current=path.startswith(place.prefix))
        for place in PLACES
    ]
