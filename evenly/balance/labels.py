"""The words for the balance figures, in one place, each a whole sentence or name."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from evenly.balance import arithmetic as calc

KINDS = {
    calc.DECISIONS_OPENED: _("Decisions opened"),
    calc.OPTIONS_ADOPTED: _("Options adopted"),
    calc.EXPERIMENTS_PROPOSED: _("Experiments suggested"),
    calc.CHECKINS_PROPOSED: _("Check-ins suggested"),
    calc.INVITATIONS_SENT: _("Invitations sent"),
}

MEASURES = {
    "felt_heard": _("I felt heard"),
    "equal_say": _("I had an equal say"),
    "pulse": _("Monthly pulse"),
    "review": _("How decisions went"),
}

MEASURE_SOURCES = {
    "felt_heard": _("from check-ins"),
    "equal_say": _("from check-ins"),
    "pulse": _("your three answers, averaged"),
    "review": _("from look-backs on decisions"),
}

OFFERS = {
    calc.PATTERN_ADOPTED_LEAN: _(
        "At least four of the last five options you agreed on together were first put forward by the same one of you."
    ),
    calc.PATTERN_RATINGS_APART: _(
        "For two months now, the numbers you each give about having a say have sat some way apart."
    ),
}

CLOSENESS = {
    # "Close" as in near each other, not the button that closes something.
    "close": pgettext_lazy("closeness", "Close"),
    "apart": pgettext_lazy("closeness", "Apart"),
}

SHAPES = {
    "circle": _("circles"),
    "square": _("squares"),
    "triangle": _("triangles"),
    "diamond": _("diamonds"),
}

PERIODS = {
    3: _("Last 3 months"),
    6: _("Last 6 months"),
    12: _("Last 12 months"),
}


def label(key: object) -> str:
    for table in (KINDS, MEASURES, OFFERS, CLOSENESS, PERIODS, SHAPES):
        if key in table:
            return str(table[key])  # type: ignore[index]
    return ""
