from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from evenly.boundaries import catalogue
from evenly.coaching.widgets import CoachedTextarea
from evenly.consent.models import NOTE_MAX, WORDS_MAX, Colour, CooldownHours, Outcome
from evenly.core.localtime import LocalDateTimeField
from evenly.core.once import OnceField

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

ANSWER_MAX = 2000


def _local_field(label: StrOrPromise, **kwargs: Any) -> forms.DateTimeField:
    return LocalDateTimeField(label=label, **kwargs)


def _catalogue_choices() -> list[tuple[int, str]]:
    """The catalogue, worded in the language of whoever is looking."""
    return [(item.id, gettext(item.title)) for item in catalogue.current_items()]


class SignalForm(forms.Form):
    colour = forms.ChoiceField(choices=Colour.choices)


class DialogueStartForm(forms.Form):
    ends_at = _local_field(_("It ends at"), help_text=_("Everything you both write is forgotten a day after this."))


class DialogueAnswerForm(forms.Form):
    feels_good = forms.CharField(
        label=_("What would feel good tonight?"),
        required=False,
        max_length=ANSWER_MAX,
        widget=CoachedTextarea(attrs={"rows": 3}),
    )
    breaks_trust = forms.CharField(
        label=_("What would break your trust tonight?"),
        required=False,
        max_length=ANSWER_MAX,
        widget=CoachedTextarea(attrs={"rows": 3}),
    )
    limits = forms.CharField(
        label=_("Which limits stay in place?"),
        help_text=_("We started this from the hard limits you've shared. Change it however you like."),
        required=False,
        max_length=ANSWER_MAX,
        widget=CoachedTextarea(attrs={"rows": 3}),
    )
    colour = forms.ChoiceField(
        label=_("And your signal for now"),
        choices=Colour.choices,
        widget=forms.RadioSelect,
    )


class InvitationForm(forms.Form):
    once = OnceField()
    items = forms.TypedMultipleChoiceField(
        label=_("From the list"),
        required=False,
        coerce=int,
        choices=_catalogue_choices,
        widget=forms.CheckboxSelectMultiple,
    )
    words = forms.CharField(
        label=_("Or in your own words"),
        help_text=_("Something specific works best."),
        required=False,
        max_length=WORDS_MAX,
        widget=CoachedTextarea(attrs={"rows": 2}),
    )
    starts_at = _local_field(_("From"))
    ends_at = _local_field(_("Until"), help_text=_("The invitation ends on its own at this time."))
    note = forms.CharField(
        label=_("A note (optional)"),
        required=False,
        max_length=NOTE_MAX,
        widget=CoachedTextarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("items") and not (cleaned.get("words") or "").strip() and not self.errors.get("words"):
            self.add_error("words", gettext("Pick something from the list or put it in your own words."))
        return cleaned


ANSWER_CHOICES = [
    (Outcome.YES.value, _("Yes, I'd love to")),
    (Outcome.YES_IF.value, _("Yes, if…")),
    (Outcome.NOT_NOW.value, _("Not now")),
    (Outcome.NO.value, _("No")),
]


class InvitationAnswerForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Your answer"), choices=ANSWER_CHOICES, widget=forms.RadioSelect)
    conditions = forms.CharField(
        label=_("If you chose “Yes, if…”: what your yes depends on"),
        required=False,
        max_length=NOTE_MAX,
        widget=CoachedTextarea(attrs={"rows": 2}),
    )


class PaceForm(forms.Form):
    slower_pace = forms.TypedChoiceField(
        label=_("Invitations"),
        coerce=lambda value: value == "slower",
        choices=[
            ("open", _("Invitations are welcome")),
            ("slower", _("A slower pace: no invitations to me for now")),
        ],
        widget=forms.RadioSelect,
    )
    cooldown_hours = forms.TypedChoiceField(
        label=_("After I say “not now” or “no”, no new invitation for"),
        coerce=int,
        choices=CooldownHours.choices,
    )
