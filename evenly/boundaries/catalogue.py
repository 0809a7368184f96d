"""The catalogue of things a partner can place on their boundaries list or
their curiosity list. Plain data, written in neutral, non-graphic words.

Ids and slugs are stable forever: rows in the database point at them. Add new
items with new ids at the end of their area; never reuse or renumber an id.
A retired item stays here with `retired=True` so old entries still read well.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache


class Area:
    TOUCH = "touch"
    ACTIVITIES = "activities"
    PACE = "pace"
    EMOTIONAL = "emotional"
    CONTEXT = "context"
    COMMUNICATION = "communication"
    HEALTH = "health"


AREAS: tuple[tuple[str, str], ...] = (
    (Area.TOUCH, "Touch and affection"),
    (Area.ACTIVITIES, "Activities"),
    (Area.PACE, "Pace and timing"),
    (Area.EMOTIONAL, "Emotional safety"),
    (Area.CONTEXT, "Context and place"),
    (Area.COMMUNICATION, "Communication"),
    (Area.HEALTH, "Health and protection"),
)
AREA_LABELS = dict(AREAS)


@dataclass(frozen=True)
class CatalogueItem:
    id: int
    slug: str
    area: str
    title: str
    retired: bool = False

    @property
    def area_label(self) -> str:
        return AREA_LABELS[self.area]


def _items(area: str, first_id: int, rows: list[tuple[str, str]]) -> list[CatalogueItem]:
    return [CatalogueItem(id=first_id + i, slug=slug, area=area, title=title) for i, (slug, title) in enumerate(rows)]


CATALOGUE: tuple[CatalogueItem, ...] = tuple(
    _items(
        Area.TOUCH,
        101,
        [
            ("holding-hands", "Holding hands"),
            ("cuddling", "Cuddling"),
            ("kissing", "Kissing"),
            ("long-kisses", "Long, slow kisses"),
            ("massage", "Massage"),
            ("stroking-hair", "Having my hair stroked"),
            ("touch-in-public", "Affection in public"),
            ("touch-while-asleep", "Being touched while falling asleep"),
            ("surprise-touch", "Being touched without a heads-up"),
            ("tickling", "Tickling"),
            ("firm-touch", "Firm touch"),
            ("light-touch", "Very light touch"),
            ("being-held", "Being held afterwards"),
        ],
    )
    + _items(
        Area.ACTIVITIES,
        201,
        [
            ("undressing-together", "Undressing together"),
            ("showering-together", "Showering together"),
            ("sensual-bath", "A bath together"),
            ("mutual-touching", "Touching each other"),
            ("oral-intimacy", "Oral intimacy"),
            ("intercourse", "Intercourse"),
            ("toys", "Using toys"),
            ("role-play", "Role play"),
            ("restraint", "Light restraint"),
            ("blindfold", "Wearing a blindfold"),
            ("taking-turns-leading", "Taking turns leading"),
            ("one-partner-leads", "One partner leading the whole time"),
            ("dressing-up", "Dressing up for each other"),
            ("photos", "Taking photos"),
            ("watching-together", "Watching something intimate together"),
            ("solo-in-company", "Self-pleasure with a partner present"),
        ],
    )
    + _items(
        Area.PACE,
        301,
        [
            ("slow-build-up", "A slow build-up"),
            ("spontaneous", "Spontaneous moments"),
            ("planned-dates", "Planned intimate time"),
            ("morning", "Intimacy in the morning"),
            ("late-night", "Intimacy late at night"),
            ("weeknights", "Intimacy on weeknights"),
            ("short-and-sweet", "Short and sweet"),
            ("long-sessions", "Long, unhurried time"),
            ("after-conflict", "Intimacy soon after a disagreement"),
            ("when-tired", "Intimacy when one of us is tired"),
            ("pausing-midway", "Pausing midway to check in"),
            ("stopping-anytime", "Stopping at any point, no questions"),
        ],
    )
    + _items(
        Area.EMOTIONAL,
        401,
        [
            ("eye-contact", "Lots of eye contact"),
            ("reassurance", "Reassurance along the way"),
            ("aftercare", "Time to reconnect afterwards"),
            ("being-seen", "Being looked at closely"),
            ("teasing", "Playful teasing"),
            ("jokes-about-body", "Jokes about my body"),
            ("comparison", "Comparisons with past partners"),
            ("crying-is-ok", "Room to cry without it meaning stop"),
            ("no-sulking", "No sulking after a no"),
            ("past-experiences", "Talking about past experiences"),
            ("trying-when-low", "Being intimate when I feel low"),
            ("space-after", "Some space to myself afterwards"),
        ],
    )
    + _items(
        Area.CONTEXT,
        501,
        [
            ("at-home", "At home"),
            ("guests-in-home", "When someone else is home"),
            ("kids-nearby", "When the kids are nearby"),
            ("away-from-home", "Away from home, like a hotel"),
            ("outdoors", "Somewhere outdoors and private"),
            ("lights-on", "With the lights on"),
            ("lights-off", "With the lights off"),
            ("music", "With music on"),
            ("after-drinking", "After drinking alcohol"),
            ("phones-away", "Phones put away"),
            ("in-new-places", "Trying a new room or place"),
            ("while-travelling", "While travelling"),
        ],
    )
    + _items(
        Area.COMMUNICATION,
        601,
        [
            ("asking-first", "Being asked first"),
            ("talking-during", "Talking during intimate time"),
            ("quiet-during", "Quiet during intimate time"),
            ("compliments", "Compliments"),
            ("flirty-messages", "Flirty messages during the day"),
            ("nicknames", "Pet names"),
            ("saying-what-i-like", "Saying what I like out loud"),
            ("traffic-light", "A colour check-in (green, yellow, red)"),
            ("safe-word", "A word that always means stop"),
            ("debrief", "Talking it over afterwards"),
            ("hints", "Hints instead of asking directly"),
            ("talking-about-fantasies", "Talking about fantasies"),
            ("privacy-with-friends", "Keeping our intimate life between us"),
        ],
    )
    + _items(
        Area.HEALTH,
        701,
        [
            ("barrier-protection", "Barrier protection"),
            ("contraception-talk", "Talking about contraception"),
            ("testing", "Regular health testing"),
            ("sharing-results", "Sharing test results"),
            ("during-illness", "Intimacy when one of us is unwell"),
            ("pain-means-stop", "Any pain means we stop"),
            ("medication-effects", "Talking about how medication affects me"),
            ("during-period", "Intimacy during a period"),
            ("during-pregnancy", "Intimacy during pregnancy"),
            ("lubricant", "Using lubricant"),
            ("sober-only", "Only when we're both sober"),
            ("rest-days", "Rest days when my body needs them"),
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
def items_by_area() -> list[tuple[str, str, list[CatalogueItem]]]:
    """(area, label, items) in catalogue order."""
    return [(area, label, [i for i in current_items() if i.area == area]) for area, label in AREAS]
