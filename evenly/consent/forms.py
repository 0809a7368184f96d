from __future__ import annotations

from typing import Any

from django import forms

from evenly.boundaries import catalogue
from evenly.coaching.widgets import CoachedTextarea
from evenly.consent.models import NOTE_MAX, WORDS_MAX, Colour, CooldownHours, Outcome
from evenly.core.localtime import LocalDateTimeField
from evenly.core.once import OnceField

ANSWER_MAX = 2000


def _local_field(label: str, **kwargs: Any) -> forms.DateTimeField:
    return LocalDateTimeField(label=label, **kwargs)


class SignalForm(forms.Form):
    colour = forms.ChoiceField(choices=Colour.choices)


class DialogueStartForm(forms.Form):
    ends_at = _local_field("It ends at", help_text="Everything you both write is forgotten a day after this.")


class DialogueAnswerForm(forms.Form):
    feels_good = forms.CharField(
        label="What would feel good tonight?",
        required=False,
        max_length=ANSWER_MAX,
        widget=CoachedTextarea(attrs={"rows": 3}),
    )
    breaks_trust = forms.CharField(
        label="What would break your trust tonight?",
        required=False,
        max_length=ANSWER_MAX,
        widget=CoachedTextarea(attrs={"rows": 3}),
    )
    limits = forms.CharField(
        label="Which limits stay in place?",
        help_text="We started this from the hard limits you've shared. Change it however you like.",
        required=False,
        max_length=ANSWER_MAX,
        widget=CoachedTextarea(attrs={"rows": 3}),
    )
    colour = forms.ChoiceField(
        label="And your signal for now",
        choices=Colour.choices,
        widget=forms.RadioSelect,
    )


class InvitationForm(forms.Form):
    once = OnceField()
    items = forms.TypedMultipleChoiceField(
        label="From the list",
        required=False,
        coerce=int,
        choices=[(item.id, item.title) for item in catalogue.current_items()],
        widget=forms.CheckboxSelectMultiple,
    )
    words = forms.CharField(
        label="Or in your own words",
        help_text="Something specific works best.",
        required=False,
        max_length=WORDS_MAX,
        widget=CoachedTextarea(attrs={"rows": 2}),
    )
    starts_at = _local_field("From")
    ends_at = _local_field("Until", help_text="The invitation ends on its own at this time.")
    note = forms.CharField(
        label="A note (optional)",
        required=False,
        max_length=NOTE_MAX,
        widget=CoachedTextarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("items") and not (cleaned.get("words") or "").strip() and not self.errors.get("words"):
            self.add_error("words", "Pick something from the list or put it in your own words.")
        return cleaned


ANSWER_CHOICES = [
    (Outcome.YES.value, "Yes, I'd love to"),
    (Outcome.YES_IF.value, "Yes, if…"),
    (Outcome.NOT_NOW.value, "Not now"),
    (Outcome.NO.value, "No"),
]


class InvitationAnswerForm(forms.Form):
    outcome = forms.ChoiceField(label="Your answer", choices=ANSWER_CHOICES, widget=forms.RadioSelect)
    conditions = forms.CharField(
        label="If you chose “Yes, if…”: what your yes depends on",
        required=False,
        max_length=NOTE_MAX,
        widget=CoachedTextarea(attrs={"rows": 2}),
    )


class PaceForm(forms.Form):
    slower_pace = forms.TypedChoiceField(
        label="Invitations",
        coerce=lambda value: value == "slower",
        choices=[
            ("open", "Invitations are welcome"),
            ("slower", "A slower pace: no invitations to me for now"),
        ],
        widget=forms.RadioSelect,
    )
    cooldown_hours = forms.TypedChoiceField(
        label="After I say “not now” or “no”, no new invitation for",
        coerce=int,
        choices=CooldownHours.choices,
    )
