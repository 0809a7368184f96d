"""The private safety self-check: questions in our own words, and a reading
that is never a score. Nothing here, or in the view that uses it, is ever stored."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

QUESTIONS: tuple[tuple[str, str | Promise], ...] = (
    ("afraid_to_disagree", _("Are you afraid of how your partner will react if you say no or disagree?")),
    ("watched", _("Does your partner check your phone, messages, money or whereabouts when you don't want them to?")),
    ("kept_apart", _("Does your partner keep you from friends or family, or make seeing them hard?")),
    ("pressured", _("Has your partner pushed or pressured you into sexual things you didn't want?")),
    (
        "hurt_or_threatened",
        _("Has your partner hurt you, or threatened to hurt you, someone you love, a pet or themselves?"),
    ),
    ("walking_on_eggshells", _("Do you change what you say or do to avoid your partner's anger?")),
    ("cannot_leave", _("Do you feel you couldn't leave, or that leaving would be dangerous?")),
)

ANSWERS: tuple[tuple[str, str | Promise], ...] = (
    ("often", _("Often")),
    ("sometimes", _("Sometimes")),
    ("no", _("Not really")),
    ("skip", _("I'd rather not say")),
)


class Reading(Enum):
    """What the page says back. Never a number, never a label for anyone."""

    SIGNS = "signs"  # something chosen points to fear or control
    UNSURE = "unsure"  # nothing chosen, or only "rather not say"
    NONE_CHOSEN = "none"  # every answer was "not really"


def reading(answers: Mapping[str, str]) -> Reading:
    chosen = [answers.get(key, "skip") for key, _question in QUESTIONS]
    # Stored answer values, never their (translated) labels.
    if any(answer in ("often", "sometimes") for answer in chosen):
        return Reading.SIGNS
    if all(answer == "no" for answer in chosen):
        return Reading.NONE_CHOSEN
    return Reading.UNSURE
