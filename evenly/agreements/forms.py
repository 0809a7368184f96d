from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from evenly.agreements.models import REPAIR_MAX, STATEMENT_MAX, TEXT_MAX, FollowUpWhen, TimeoutLength
from evenly.coaching.widgets import CoachedTextarea

TOUCHSTONES = [
    _("Consent: we go ahead only when both of us really want to, and either of us can stop at any moment."),
    _("Safety: we look after each other's bodies and feelings, and we speak up when something hurts."),
    _("Fairness: each of us has a real say, and we take turns leading and following."),
    _("Honesty: we say what we want and what we don't, kindly and without blame."),
    _("Curiosity: we ask before we assume, and we listen to the answer."),
]


class ValuesForm(forms.Form):
    touchstones = forms.MultipleChoiceField(
        label=_("Start from a touchstone, if one fits"),
        choices=[(str(t), t) for t in TOUCHSTONES],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    words = forms.CharField(
        label=_("In your own words"),
        help_text=_("What you both hold to, in a few sentences. Your partner sees this once you propose it."),
        max_length=STATEMENT_MAX,
        required=False,
        widget=CoachedTextarea(attrs={"rows": 5}),
    )


class PactForm(forms.Form):
    timeout_minutes = forms.TypedChoiceField(
        label=_("How long does a timeout last?"),
        choices=TimeoutLength.choices,
        coerce=int,
        initial=20,
        widget=forms.RadioSelect,
    )
    during = forms.CharField(
        label=_("What each of us does during a timeout"),
        help_text=_("For example: go to separate rooms, breathe, no messages about the argument."),
        max_length=TEXT_MAX,
        widget=CoachedTextarea(attrs={"rows": 3}),
    )
    ending = forms.CharField(
        label=_("How a timeout ends"),
        help_text=_("For example: the one who took it comes back and says one kind thing."),
        max_length=TEXT_MAX,
        widget=CoachedTextarea(attrs={"rows": 3}),
    )
    follow_up = forms.ChoiceField(
        label=_("When do we follow up after a timeout or a pause?"),
        help_text=_("It lands on your next check-in's agenda with three questions to talk through."),
        choices=FollowUpWhen.choices,
        initial=FollowUpWhen.NEXT_DAY,
        widget=forms.RadioSelect,
    )


class RepairForm(forms.Form):
    text = forms.CharField(
        label=_("A repair statement"),
        help_text=_(
            "Words you'd like to offer, or that help you hear a repair. Only you see it unless you choose to share it."
        ),
        max_length=REPAIR_MAX,
        widget=CoachedTextarea(attrs={"rows": 2}),
    )
    share = forms.BooleanField(label=_("Share it with my partner"), required=False)
