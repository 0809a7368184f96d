"""Evenly's own feelings vocabulary: plain words in gentle groups, each with a
short definition of our own, and the judgments people often reach for
("ignored", "manipulated") with the feelings that tend to sit underneath.

One vocabulary for the whole app: moments in check-ins and journal entries
both store feelings by key and show them by label. A key, once stored, is
never renamed."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Words shown to people: translated lazily, so they follow the reader's language.
Text = str | Promise


@dataclass(frozen=True)
class Feeling:
    key: str
    label: Text
    definition: Text


@dataclass(frozen=True)
class Judgment:
    """A word that says what someone did to us more than how we feel."""

    word: Text
    why: Text
    underneath: tuple[str, ...]


def _f(key: str, label: Text, definition: Text) -> Feeling:
    return Feeling(key, label, definition)


GROUPED: list[tuple[Text, list[Feeling]]] = [
    (
        _("Settled"),
        [
            _f("at_ease", _("at ease"), _("Nothing needs guarding just now.")),
            _f("safe", _("safe"), _("You trust that you won't be hurt here.")),
            _f("close", _("close"), _("Near to someone, in body or in heart.")),
            _f("cared_for", _("cared for"), _("Someone has your wellbeing in mind.")),
            _f("grateful", _("grateful"), _("Glad of something given to you.")),
            _f("hopeful", _("hopeful"), _("Expecting that things can go well.")),
            _f("calm", _("calm"), _("Quiet inside, breathing easily.")),
            _f("tender", _("tender"), _("Soft and open, maybe a little raw.")),
        ],
    ),
    (
        _("Bright"),
        [
            _f("joyful", _("joyful"), _("Light and glad, often without a reason.")),
            _f("playful", _("playful"), _("Ready to tease, laugh and try things.")),
            _f("curious", _("curious"), _("Wanting to know more, without needing an answer yet.")),
            _f("excited", _("excited"), _("Energy about something coming.")),
            _f("proud", _("proud"), _("Pleased with something you did or who you are.")),
            _f("loved", _("loved"), _("Held dear, just as you are.")),
        ],
    ),
    (
        _("Unsettled"),
        [
            _f("anxious", _("anxious"), _("Worry about what might happen.")),
            _f("unsure", _("unsure"), _("Not knowing what you think or want yet.")),
            _f("tense", _("tense"), _("Braced, as if for something.")),
            _f("overwhelmed", _("overwhelmed"), _("More is happening than you can take in.")),
            _f("confused", _("confused"), _("Things don't add up just now.")),
            _f("on_edge", _("on edge"), _("Easily startled, ready to react.")),
        ],
    ),
    (
        _("Afraid"),
        [
            _f("scared", _("scared"), _("Sensing danger, close or far.")),
            _f("nervous", _("nervous"), _("Jittery before something that matters.")),
            _f("vulnerable", _("vulnerable"), _("Open to being hurt, and aware of it.")),
            _f("ashamed", _("ashamed"), _("Feeling that something about you is wrong or bad.")),
            _f("embarrassed", _("embarrassed"), _("Uncomfortable at being seen in a certain light.")),
            _f("jealous", _("jealous"), _("Afraid of losing someone's attention or love to another.")),
        ],
    ),
    (
        _("Low"),
        [
            _f("sad", _("sad"), _("Heavy with a loss, big or small.")),
            _f("lonely", _("lonely"), _("Wanting connection that isn't there.")),
            _f("disappointed", _("disappointed"), _("Something hoped for didn't happen.")),
            _f("tired", _("tired"), _("Low on energy, in body or in spirit.")),
            _f("unseen", _("unseen"), _("As if what you feel or do isn't noticed.")),
            _f("small", _("small"), _("Less important than you'd like to be.")),
            _f("numb", _("numb"), _("Little or no feeling reaches you.")),
            _f("discouraged", _("discouraged"), _("Losing heart that things will change.")),
        ],
    ),
    (
        _("Stirred up"),
        [
            _f("frustrated", _("frustrated"), _("Blocked from something you want.")),
            _f("hurt", _("hurt"), _("Pain from something said or done.")),
            _f("resentful", _("resentful"), _("Old hurt that hasn't been let go.")),
            _f("pressured", _("pressured"), _("Pushed towards something before you're ready.")),
            _f("trapped", _("trapped"), _("As if there's no way out of a situation.")),
            _f("impatient", _("impatient"), _("Wanting things to move faster.")),
            _f("angry", _("angry"), _("Heat that says a line was crossed.")),
            _f("irritated", _("irritated"), _("Small, scratchy annoyance.")),
        ],
    ),
    (
        _("Holding more of the say"),
        [
            _f("in_charge", _("in charge"), _("Steering what happens, for both of you.")),
            _f("responsible", _("responsible"), _("As if the outcome rests on you.")),
            _f("uneasy", _("uneasy"), _("A quiet sense that something is off.")),
            _f("guilty", _("guilty"), _("Regret for something you did or didn't do.")),
            _f("awkward", _("awkward"), _("Unsure how to be in a moment.")),
            _f("relieved", _("relieved"), _("A weight has lifted.")),
        ],
    ),
]

FEELINGS: dict[str, Feeling] = {feeling.key: feeling for _group, items in GROUPED for feeling in items}
LABELS: dict[str, Text] = {key: feeling.label for key, feeling in FEELINGS.items()}
# The shape form fields want: [(group, [(key, label), ...]), ...].
GROUPS: list[tuple[Text, list[tuple[str, Text]]]] = [
    (group, [(f.key, f.label) for f in items]) for group, items in GROUPED
]

JUDGMENTS: list[Judgment] = [
    Judgment(_("manipulated"), _("It describes what someone did, not what you feel."), ("confused", "scared", "hurt")),
    Judgment(_("ignored"), _("It says someone didn't notice you."), ("lonely", "hurt", "unseen")),
    Judgment(_("abandoned"), _("It says someone left you."), ("scared", "lonely", "sad")),
    Judgment(_("rejected"), _("It says someone turned you away."), ("hurt", "sad", "ashamed")),
    Judgment(_("betrayed"), _("It says someone broke your trust."), ("hurt", "angry", "sad")),
    Judgment(_("used"), _("It says someone took without caring."), ("hurt", "angry", "resentful")),
    Judgment(_("criticised"), _("It says someone found fault."), ("hurt", "ashamed", "small")),
    Judgment(_("controlled"), _("It says someone took your choice away."), ("trapped", "angry", "scared")),
    Judgment(_("disrespected"), _("It says someone didn't honour you."), ("hurt", "angry", "small")),
    Judgment(_("judged"), _("It says someone made up their mind about you."), ("ashamed", "hurt", "embarrassed")),
    Judgment(_("misunderstood"), _("It says someone got you wrong."), ("frustrated", "lonely", "sad")),
    Judgment(_("let down"), _("It says someone failed you."), ("disappointed", "sad", "hurt")),
    Judgment(
        _("taken for granted"), _("It says someone stopped noticing what you give."), ("unseen", "resentful", "tired")
    ),
    Judgment(_("attacked"), _("It says someone came at you."), ("scared", "hurt", "angry")),
]


def labels_for(keys: list[str]) -> list[str]:
    """Known labels in vocabulary order; unknown keys are dropped, never shown raw."""
    wanted = set(keys)
    return [str(label) for key, label in LABELS.items() if key in wanted]


def join(keys: list[str]) -> str:
    return ",".join(key for key in LABELS if key in set(keys))


def split(stored: str) -> list[str]:
    return [key for key in stored.split(",") if key in LABELS]


def search(query: str) -> tuple[list[tuple[Text, list[Feeling]]], list[Judgment]]:
    """Groups with the feelings whose word or definition holds the query, and
    the judgments whose word does. An empty query finds everything."""
    needle = query.strip().casefold()
    groups = [
        (group, [f for f in items if needle in str(f.label).casefold() or needle in str(f.definition).casefold()])
        for group, items in GROUPED
    ]
    judgments = [j for j in JUDGMENTS if needle and needle in str(j.word).casefold()]
    return [(group, items) for group, items in groups if items], judgments


def underneath(judgment: Judgment) -> list[Feeling]:
    return [FEELINGS[key] for key in judgment.underneath]


def judgments_with_feelings(judgments: list[Judgment] | None = None) -> list[tuple[Judgment, list[Feeling]]]:
    return [(judgment, underneath(judgment)) for judgment in (JUDGMENTS if judgments is None else judgments)]


def judgments_in(words: list[str]) -> list[Judgment]:
    """The judgments among words someone chose themselves, to offer the
    feelings underneath them."""
    wanted = {" ".join(word.split()).casefold() for word in words}
    return [judgment for judgment in JUDGMENTS if str(judgment.word).casefold() in wanted]
