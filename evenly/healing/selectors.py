from __future__ import annotations

from dataclasses import dataclass, replace

from django.utils.translation import gettext

from evenly.accounts.models import User
from evenly.core.models import Visibility
from evenly.couples.selectors import Partnership
from evenly.healing import helplines
from evenly.healing.catalogue import RESOURCES, TOPICS, Resource, Topic
from evenly.healing.models import SavedResource


@dataclass(frozen=True)
class SharedWithMe:
    resource: Resource
    note: str
    by: str


@dataclass(frozen=True)
class ResourcesPage:
    # Each topic with its resources, and the viewer's own saved row for each.
    sections: list[tuple[Topic, list[tuple[Resource, SavedResource | None]]]]
    shared_with_me: list[SharedWithMe]


def shared_with_me(*, partnership: Partnership | None) -> list[SharedWithMe]:
    if partnership is None:
        return []
    rows = SavedResource.objects.filter(
        author=partnership.partner, couple_id=partnership.couple_id, visibility=Visibility.SHARED
    )
    return [
        SharedWithMe(resource=RESOURCES[row.resource_key], note=row.note, by=partnership.partner.shown_name)
        for row in rows
        if row.resource_key in RESOURCES
    ]


def resources_page(*, viewer: User, partnership: Partnership | None) -> ResourcesPage:
    mine = {row.resource_key: row for row in SavedResource.objects.filter(author=viewer)}
    sections = [(topic, [(r, mine.get(r.key)) for r in topic.resources]) for topic in TOPICS]
    return ResourcesPage(sections=sections, shared_with_me=shared_with_me(partnership=partnership))


def _shown(text: str) -> str:
    # Only what helplines.py marked: numbers pass through as they are.
    return gettext(text) if text in helplines.MARKED else text


def helplines_shown(country: helplines.Country) -> helplines.Country:
    """A country's helplines in the reader's language: the country, the hours
    and the descriptions translated; numbers, addresses and the services' own
    names exactly as checked. The same services whatever the language."""
    return replace(
        country,
        name=_shown(country.name),
        emergency=_shown(country.emergency),
        lines=tuple(
            replace(line, name=_shown(line.name), hours=_shown(line.hours), text=_shown(line.text))
            for line in country.lines
        ),
    )
