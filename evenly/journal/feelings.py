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
from django.utils.translation import pgettext_lazy

# Words shown to people: translated lazily, so they follow the reader's language.
# Single words carry a context, so "safe" or "small" here never borrows
# another page's translation of the same English word.
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
        pgettext_lazy("feelings group", "Settled"),
        [
            _f("at_ease", pgettext_lazy("feeling", "at ease"), _("Nothing needs guarding just now.")),
            _f("safe", pgettext_lazy("feeling", "safe"), _("You trust that you won't be hurt here.")),
            _f("close", pgettext_lazy("feeling", "close"), _("Near to someone, in body or in heart.")),
            _f("cared_for", pgettext_lazy("feeling", "cared for"), _("Someone has your wellbeing in mind.")),
            _f("grateful", pgettext_lazy("feeling", "grateful"), _("Glad of something given to you.")),
            _f("hopeful", pgettext_lazy("feeling", "hopeful"), _("Expecting that things can go well.")),
            _f("calm", pgettext_lazy("feeling", "calm"), _("Quiet inside, breathing easily.")),
            _f("tender", pgettext_lazy("feeling", "tender"), _("Soft and open, maybe a little raw.")),
        ],
    ),
    (
        pgettext_lazy("feelings group", "Bright"),
        [
            _f("joyful", pgettext_lazy("feeling", "joyful"), _("Light and glad, often without a reason.")),
            _f("playful", pgettext_lazy("feeling", "playful"), _("Ready to tease, laugh and try things.")),
            _f(
                "curious",
                pgettext_lazy("feeling", "curious"),
                _("Wanting to know more, without needing an answer yet."),
            ),
            _f("excited", pgettext_lazy("feeling", "excited"), _("Energy about something coming.")),
            _f("proud", pgettext_lazy("feeling", "proud"), _("Pleased with something you did or who you are.")),
            _f("loved", pgettext_lazy("feeling", "loved"), _("Held dear, just as you are.")),
        ],
    ),
    (
        pgettext_lazy("feelings group", "Unsettled"),
        [
            _f("anxious", pgettext_lazy("feeling", "anxious"), _("Worry about what might happen.")),
            _f("unsure", pgettext_lazy("feeling", "unsure"), _("Not knowing what you think or want yet.")),
            _f("tense", pgettext_lazy("feeling", "tense"), _("Braced, as if for something.")),
            _f("overwhelmed", pgettext_lazy("feeling", "overwhelmed"), _("More is happening than you can take in.")),
            _f("confused", pgettext_lazy("feeling", "confused"), _("Things don't add up just now.")),
            _f("on_edge", pgettext_lazy("feeling", "on edge"), _("Easily startled, ready to react.")),
        ],
    ),
    (
        pgettext_lazy("feelings group", "Afraid"),
        [
            _f("scared", pgettext_lazy("feeling", "scared"), _("Sensing danger, close or far.")),
            _f("nervous", pgettext_lazy("feeling", "nervous"), _("Jittery before something that matters.")),
            _f("vulnerable", pgettext_lazy("feeling", "vulnerable"), _("Open to being hurt, and aware of it.")),
            _f("ashamed", pgettext_lazy("feeling", "ashamed"), _("Feeling that something about you is wrong or bad.")),
            _f(
                "embarrassed",
                pgettext_lazy("feeling", "embarrassed"),
                _("Uncomfortable at being seen in a certain light."),
            ),
            _f(
                "jealous",
                pgettext_lazy("feeling", "jealous"),
                _("Afraid of losing someone's attention or love to another."),
            ),
        ],
    ),
    (
        pgettext_lazy("feelings group", "Low"),
        [
            _f("sad", pgettext_lazy("feeling", "sad"), _("Heavy with a loss, big or small.")),
            _f("lonely", pgettext_lazy("feeling", "lonely"), _("Wanting connection that isn't there.")),
            _f("disappointed", pgettext_lazy("feeling", "disappointed"), _("Something hoped for didn't happen.")),
            _f("tired", pgettext_lazy("feeling", "tired"), _("Low on energy, in body or in spirit.")),
            _f("unseen", pgettext_lazy("feeling", "unseen"), _("As if what you feel or do isn't noticed.")),
            _f("small", pgettext_lazy("feeling", "small"), _("Less important than you'd like to be.")),
            _f("numb", pgettext_lazy("feeling", "numb"), _("Little or no feeling reaches you.")),
            _f("discouraged", pgettext_lazy("feeling", "discouraged"), _("Losing heart that things will change.")),
        ],
    ),
    (
        pgettext_lazy("feelings group", "Stirred up"),
        [
            _f("frustrated", pgettext_lazy("feeling", "frustrated"), _("Blocked from something you want.")),
            _f("hurt", pgettext_lazy("feeling", "hurt"), _("Pain from something said or done.")),
            _f("resentful", pgettext_lazy("feeling", "resentful"), _("Old hurt that hasn't been let go.")),
            _f("pressured", pgettext_lazy("feeling", "pressured"), _("Pushed towards something before you're ready.")),
            _f("trapped", pgettext_lazy("feeling", "trapped"), _("As if there's no way out of a situation.")),
            _f("impatient", pgettext_lazy("feeling", "impatient"), _("Wanting things to move faster.")),
            _f("angry", pgettext_lazy("feeling", "angry"), _("Heat that says a line was crossed.")),
            _f("irritated", pgettext_lazy("feeling", "irritated"), _("Small, scratchy annoyance.")),
        ],
    ),
    (
        pgettext_lazy("feelings group", "Holding more of the say"),
        [
            _f("in_charge", pgettext_lazy("feeling", "in charge"), _("Steering what happens, for both of you.")),
            _f("responsible", pgettext_lazy("feeling", "responsible"), _("As if the outcome rests on you.")),
            _f("uneasy", pgettext_lazy("feeling", "uneasy"), _("A quiet sense that something is off.")),
            _f("guilty", pgettext_lazy("feeling", "guilty"), _("Regret for something you did or didn't do.")),
            _f("awkward", pgettext_lazy("feeling", "awkward"), _("Unsure how to be in a moment.")),
            _f("relieved", pgettext_lazy("feeling", "relieved"), _("A weight has lifted.")),
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
    Judgment(
        pgettext_lazy("judgment", "manipulated"),
        _("It describes what someone did, not what you feel."),
        ("confused", "scared", "hurt"),
    ),
    Judgment(
        pgettext_lazy("judgment", "ignored"), _("It says someone didn't notice you."), ("lonely", "hurt", "unseen")
    ),
    Judgment(pgettext_lazy("judgment", "abandoned"), _("It says someone left you."), ("scared", "lonely", "sad")),
    Judgment(pgettext_lazy("judgment", "rejected"), _("It says someone turned you away."), ("hurt", "sad", "ashamed")),
    Judgment(pgettext_lazy("judgment", "betrayed"), _("It says someone broke your trust."), ("hurt", "angry", "sad")),
    Judgment(
        pgettext_lazy("judgment", "used"), _("It says someone took without caring."), ("hurt", "angry", "resentful")
    ),
    Judgment(pgettext_lazy("judgment", "criticised"), _("It says someone found fault."), ("hurt", "ashamed", "small")),
    Judgment(
        pgettext_lazy("judgment", "controlled"),
        _("It says someone took your choice away."),
        ("trapped", "angry", "scared"),
    ),
    Judgment(
        pgettext_lazy("judgment", "disrespected"), _("It says someone didn't honour you."), ("hurt", "angry", "small")
    ),
    Judgment(
        pgettext_lazy("judgment", "judged"),
        _("It says someone made up their mind about you."),
        ("ashamed", "hurt", "embarrassed"),
    ),
    Judgment(
        pgettext_lazy("judgment", "misunderstood"), _("It says someone got you wrong."), ("frustrated", "lonely", "sad")
    ),
    Judgment(pgettext_lazy("judgment", "let down"), _("It says someone failed you."), ("disappointed", "sad", "hurt")),
    Judgment(
        pgettext_lazy("judgment", "taken for granted"),
        _("It says someone stopped noticing what you give."),
        ("unseen", "resentful", "tired"),
    ),
    Judgment(pgettext_lazy("judgment", "attacked"), _("It says someone came at you."), ("scared", "hurt", "angry")),
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
