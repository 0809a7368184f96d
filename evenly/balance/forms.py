from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

SCALE = [
    (1, _("1 · not at all")),
    (2, "2"),
    (3, _("3 · partly")),
    (4, "4"),
    (5, _("5 · completely")),
]
REQUIRED = _("Choose a number from 1 (not at all) to 5 (completely).")


def _question(label: _StrPromise) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label, choices=SCALE, coerce=int, widget=forms.RadioSelect, error_messages={"required": REQUIRED}
    )


class PulseForm(forms.Form):
    """Three questions in Evenly's own words about having a say, this month."""

    counted = _question(_("When we chose things together this month, my wishes counted as much as my partner's."))
    spoke_freely = _question(_("I could say what I wanted, or didn't want, without holding it back."))
    shaped_together = _question(_("What happened between us in our intimate life was shaped by both of us."))
