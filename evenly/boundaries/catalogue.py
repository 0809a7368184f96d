"""The catalogue of things a partner can place on their boundaries list or
their curiosity list. Plain data, written in neutral, non-graphic words.

Titles are English here and stay English wherever they are stored or matched
(the guard's word lists are English); they are translated only when shown,
through `shown_title` (or `{% translate item.title %}`).

Ids and slugs are stable forever: rows in the database point at them. Add new
items with new ids at the end of their area; never reuse or renumber an id.
A retired item stays here with `retired=True` so old entries still read well.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise


class Area:
    TOUCH = "touch"
    ACTIVITIES = "activities"
    PACE = "pace"
    EMOTIONAL = "emotional"
    CONTEXT = "context"
    COMMUNICATION = "communication"
    HEALTH = "health"


# Labels are lazy: they come out in the language of whoever is looking.
AREAS: tuple[tuple[str, str | _StrPromise], ...] = (
    (Area.TOUCH, _("Touch and affection")),
    (Area.ACTIVITIES, _("Activities")),
    (Area.PACE, _("Pace and timing")),
    (Area.EMOTIONAL, _("Emotional safety")),
    (Area.CONTEXT, _("Context and place")),
    (Area.COMMUNICATION, _("Communication")),
    (Area.HEALTH, _("Health and protection")),
)
AREA_LABELS = dict(AREAS)


@dataclass(frozen=True)
class CatalogueItem:
    id: int
    slug: str
    area: str
    # The English title: stable, and what the guard's matching reads.
    title: str
    retired: bool = False

    @property
    def shown_title(self) -> str:
        """The title in the language of whoever is looking."""
        return gettext(self.title)

    @property
    def area_label(self) -> str:
        return str(AREA_LABELS[self.area])


def _items(area: str, first_id: int, rows: list[tuple[str, str]]) -> list[CatalogueItem]:
    return [CatalogueItem(id=first_id + i, slug=slug, area=area, title=title) for i, (slug, title) in enumerate(rows)]


CATALOGUE: tuple[CatalogueItem, ...] = tuple(
    _items(
        Area.TOUCH,
        101,
        [
            ("holding-hands", gettext_noop("Holding hands")),
            ("cuddling", gettext_noop("Cuddling")),
            ("kissing", gettext_noop("Kissing")),
            ("long-kisses", gettext_noop("Long, slow kisses")),
            ("massage", gettext_noop("Massage")),
            ("stroking-hair", gettext_noop("Having my hair stroked")),
            ("touch-in-public", gettext_noop("Affection in public")),
            ("touch-while-asleep", gettext_noop("Being touched while falling asleep")),
            ("surprise-touch", gettext_noop("Being touched without a heads-up")),
            ("tickling", gettext_noop("Tickling")),
            ("firm-touch", gettext_noop("Firm touch")),
            ("light-touch", gettext_noop("Very light touch")),
            ("being-held", gettext_noop("Being held afterwards")),
        ],
    )
    + _items(
        Area.ACTIVITIES,
        201,
        [
            ("undressing-together", gettext_noop("Undressing together")),
            ("showering-together", gettext_noop("Showering together")),
            ("sensual-bath", gettext_noop("A bath together")),
            ("mutual-touching", gettext_noop("Touching each other")),
            ("oral-intimacy", gettext_noop("Oral intimacy")),
            ("intercourse", gettext_noop("Intercourse")),
            ("toys", gettext_noop("Using toys")),
            ("role-play", gettext_noop("Role play")),
            ("restraint", gettext_noop("Light restraint")),
            ("blindfold", gettext_noop("Wearing a blindfold")),
            ("taking-turns-leading", gettext_noop("Taking turns leading")),
            ("one-partner-leads", gettext_noop("One partner leading the whole time")),
            ("dressing-up", gettext_noop("Dressing up for each other")),
            ("photos", gettext_noop("Taking photos")),
            ("watching-together", gettext_noop("Watching something intimate together")),
            ("solo-in-company", gettext_noop("Self-pleasure with a partner present")),
        ],
    )
    + _items(
        Area.PACE,
        301,
        [
            ("slow-build-up", gettext_noop("A slow build-up")),
            ("spontaneous", gettext_noop("Spontaneous moments")),
            ("planned-dates", gettext_noop("Planned intimate time")),
            ("morning", gettext_noop("Intimacy in the morning")),
            ("late-night", gettext_noop("Intimacy late at night")),
            ("weeknights", gettext_noop("Intimacy on weeknights")),
            ("short-and-sweet", gettext_noop("Short and sweet")),
            ("long-sessions", gettext_noop("Long, unhurried time")),
            ("after-conflict", gettext_noop("Intimacy soon after a disagreement")),
            ("when-tired", gettext_noop("Intimacy when one of us is tired")),
            ("pausing-midway", gettext_noop("Pausing midway to check in")),
            ("stopping-anytime", gettext_noop("Stopping at any point, no questions")),
        ],
    )
    + _items(
        Area.EMOTIONAL,
        401,
        [
            ("eye-contact", gettext_noop("Lots of eye contact")),
            ("reassurance", gettext_noop("Reassurance along the way")),
            ("aftercare", gettext_noop("Time to reconnect afterwards")),
            ("being-seen", gettext_noop("Being looked at closely")),
            ("teasing", gettext_noop("Playful teasing")),
            ("jokes-about-body", gettext_noop("Jokes about my body")),
            ("comparison", gettext_noop("Comparisons with past partners")),
            ("crying-is-ok", gettext_noop("Room to cry without it meaning stop")),
            ("no-sulking", gettext_noop("No sulking after a no")),
            ("past-experiences", gettext_noop("Talking about past experiences")),
            ("trying-when-low", gettext_noop("Being intimate when I feel low")),
            ("space-after", gettext_noop("Some space to myself afterwards")),
        ],
    )
    + _items(
        Area.CONTEXT,
        501,
        [
            ("at-home", gettext_noop("At home")),
            ("guests-in-home", gettext_noop("When someone else is home")),
            ("kids-nearby", gettext_noop("When the kids are nearby")),
            ("away-from-home", gettext_noop("Away from home, like a hotel")),
            ("outdoors", gettext_noop("Somewhere outdoors and private")),
            ("lights-on", gettext_noop("With the lights on")),
            ("lights-off", gettext_noop("With the lights off")),
            ("music", gettext_noop("With music on")),
            ("after-drinking", gettext_noop("After drinking alcohol")),
            ("phones-away", gettext_noop("Phones put away")),
            ("in-new-places", gettext_noop("Trying a new room or place")),
            ("while-travelling", gettext_noop("While travelling")),
        ],
    )
    + _items(
        Area.COMMUNICATION,
        601,
        [
            ("asking-first", gettext_noop("Being asked first")),
            ("talking-during", gettext_noop("Talking during intimate time")),
            ("quiet-during", gettext_noop("Quiet during intimate time")),
            ("compliments", gettext_noop("Compliments")),
            ("flirty-messages", gettext_noop("Flirty messages during the day")),
            ("nicknames", gettext_noop("Pet names")),
            ("saying-what-i-like", gettext_noop("Saying what I like out loud")),
            ("traffic-light", gettext_noop("A colour check-in (green, yellow, red)")),
            ("safe-word", gettext_noop("A word that always means stop")),
            ("debrief", gettext_noop("Talking it over afterwards")),
            ("hints", gettext_noop("Hints instead of asking directly")),
            ("talking-about-fantasies", gettext_noop("Talking about fantasies")),
            ("privacy-with-friends", gettext_noop("Keeping our intimate life between us")),
        ],
    )
    + _items(
        Area.HEALTH,
        701,
        [
            ("barrier-protection", gettext_noop("Barrier protection")),
            ("contraception-talk", gettext_noop("Talking about contraception")),
            ("testing", gettext_noop("Regular health testing")),
            ("sharing-results", gettext_noop("Sharing test results")),
            ("during-illness", gettext_noop("Intimacy when one of us is unwell")),
            ("pain-means-stop", gettext_noop("Any pain means we stop")),
            ("medication-effects", gettext_noop("Talking about how medication affects me")),
            ("during-period", gettext_noop("Intimacy during a period")),
            ("during-pregnancy", gettext_noop("Intimacy during pregnancy")),
            ("lubricant", gettext_noop("Using lubricant")),
            ("sober-only", gettext_noop("Only when we're both sober")),
            ("rest-days", gettext_noop("Rest days when my body needs them")),
        ],
    )
)

BY_ID: dict[int, CatalogueItem] = {item.id: item for item in CATALOGUE}
POSITION: dict[int, int] = {item.id: index for index, item in enumerate(CATALOGUE)}


def get(item_id: int) -> CatalogueItem | None:
    return BY_ID.get(item_id)


def current_items() -> list[CatalogueItem]:
    return [item for item in CATALOGUE if not item.retired]


@cache
def items_by_area() -> list[tuple[str, str | _StrPromise, list[CatalogueItem]]]:
    """(area, label, items) in catalogue order."""
    return [(area, label, [i for i in current_items() if i.area == area]) for area, label in AREAS]


TITLES: frozenset[str] = frozenset(item.title for item in CATALOGUE)


def shown(title: str) -> str:
    """A stored title in the viewer's language when it is a catalogue title;
    a person's own words exactly as they wrote them."""
    return gettext(title) if title in TITLES else title
