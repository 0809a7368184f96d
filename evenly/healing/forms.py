from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from evenly.coaching.widgets import CoachedTextarea
from evenly.healing import helplines, safety
from evenly.healing.models import NOTE_MAX


class ShareForm(forms.Form):
    note = forms.CharField(
        label=_("A note for your partner (optional)"),
        help_text=_("Why you thought of them, or of the two of you. There's no need to read it together, or at all."),
        required=False,
        max_length=NOTE_MAX,
        widget=CoachedTextarea(attrs={"rows": 3}),
    )


def _country_choices() -> list[tuple[str, str]]:
    # Called each time the field is shown, so the names read in the reader's language.
    return [(country.code, gettext(country.name)) for country in helplines.everything()]


class CountryForm(forms.Form):
    country = forms.ChoiceField(label=_("Where are you?"), choices=_country_choices, required=False)


class SafetyCheckForm(CountryForm):
    """Seven questions, each optional. Nothing submitted here is saved."""

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        for key, question in safety.QUESTIONS:
            self.fields[key] = forms.ChoiceField(
                label=question,  # type: ignore[arg-type]  # a lazily translated question
                choices=safety.ANSWERS,
                required=False,
                widget=forms.RadioSelect,
            )

    def questions(self):  # type: ignore[no-untyped-def]
        return [self[key] for key, _question in safety.QUESTIONS]
