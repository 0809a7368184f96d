from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from evenly.core.localtime import LocalDateTimeField
from evenly.pause.models import RevisitChoice


class RevisitForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("When would you like to come back to this?"),
        choices=[(c.value, c.label) for c in RevisitChoice if c != RevisitChoice.UNDECIDED],
        widget=forms.RadioSelect,
    )
    at = LocalDateTimeField(label=_("Date and time"), required=False)

    def clean(self) -> dict:  # type: ignore[type-arg]
        cleaned = super().clean() or {}
        if cleaned.get("choice") == RevisitChoice.AT_TIME and not cleaned.get("at"):
            self.add_error("at", _("Choose a date and time, or pick another option."))
        return cleaned
