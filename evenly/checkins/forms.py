from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from evenly.checkins.defaults import RULE_MAX_CHARS, RULES_MAX
from evenly.checkins.models import SHORT_MAX, TEXT_MAX, Impact, Leaning, Mode
from evenly.coaching.widgets import CoachedTextarea
from evenly.core.localtime import LocalDateTimeField
from evenly.core.once import OnceField
from evenly.journal import feelings


def _long_message(limit: int) -> str:
    return ngettext(
        "That's longer than %(limit)s character. Could you shorten it a little? Your words are kept here.",
        "That's longer than %(limit)s characters. Could you shorten it a little? Your words are kept here.",
        limit,
    ) % {"limit": number_format(limit, force_grouping=True)}


def _short_message(limit: int) -> str:
    return ngettext(
        "Please keep this under %(limit)s character. Your words are kept here.",
        "Please keep this under %(limit)s characters. Your words are kept here.",
        limit,
    ) % {"limit": number_format(limit, force_grouping=True)}


def _rule_message(limit: int) -> str:
    return ngettext(
        "Please keep each rule under %(limit)s character.",
        "Please keep each rule under %(limit)s characters.",
        limit,
    ) % {"limit": number_format(limit, force_grouping=True)}


# Built when shown, so each person reads them in their own language.
LONG_MESSAGE = lazy(_long_message, str)(TEXT_MAX)
SHORT_MESSAGE = lazy(_short_message, str)(SHORT_MAX)
RULE_MESSAGE = lazy(_rule_message, str)(RULE_MAX_CHARS)
RATHER_NOT_SAY = _("I'd rather not say")
CHOOSE_A_NUMBER = _("Choose a number from 1 (not really) to 5 (fully).")
CHOOSE_WHEN = _("Choose a date and time.")


def _coached(rows: int = 5, **attrs: str) -> CoachedTextarea:
    return CoachedTextarea(attrs={"rows": str(rows), **attrs})


class MomentForm(forms.Form):
    once = OnceField()
    happened_on = forms.DateField(
        label=_("When was it?"),
        widget=forms.DateInput(attrs={"type": "date"}),
        initial=timezone.localdate,
    )
    leaning = forms.ChoiceField(
        label=_("How did it sit with you?"), choices=Leaning.choices, widget=forms.RadioSelect, initial=Leaning.UNSURE
    )
    what_happened = forms.CharField(
        label=_("What happened"),
        help_text=_("As a camera would have seen it: what was said and done, without guessing at reasons."),
        max_length=TEXT_MAX,
        widget=_coached(6),
        error_messages={
            "required": _("Describe what happened, as a camera would have seen it."),
            "max_length": LONG_MESSAGE,
        },
    )
    feelings = forms.MultipleChoiceField(
        label=_("What did you feel?"),
        required=False,
        choices=[(group, [(key, label) for key, label in items]) for group, items in feelings.GROUPS],
        widget=forms.CheckboxSelectMultiple,
    )
    trust_impact = forms.TypedChoiceField(
        label=_("What it did to your sense of trust"),
        choices=[("", RATHER_NOT_SAY), *Impact.choices],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    desire_impact = forms.TypedChoiceField(
        label=_("What it did to your desire"),
        choices=[("", RATHER_NOT_SAY), *Impact.choices],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    cues = forms.CharField(
        label=_("Cues you noticed"),
        help_text=_("In your body, your breathing, your voice, or in the room. Optional."),
        max_length=TEXT_MAX,
        required=False,
        widget=_coached(3),
        error_messages={"max_length": LONG_MESSAGE},
    )


class ShortTextForm(forms.Form):
    once = OnceField()
    text = forms.CharField(
        max_length=SHORT_MAX,
        widget=_coached(2),
        error_messages={"required": _("Write a few words first."), "max_length": SHORT_MESSAGE},
    )

    def __init__(self, *args, label: str = "", **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        if label:
            self.fields["text"].label = label


class GroundRulesForm(forms.Form):
    def __init__(self, *args, rules: list[str] | None = None, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        rules = rules or []
        for index in range(RULES_MAX):
            self.fields[f"rule_{index}"] = forms.CharField(
                label=gettext("Ground rule %(number)s") % {"number": index + 1},
                required=False,
                max_length=RULE_MAX_CHARS,
                initial=rules[index] if index < len(rules) else "",
                error_messages={"max_length": RULE_MESSAGE},
            )

    def texts(self) -> list[str]:
        return [self.cleaned_data.get(f"rule_{index}", "") for index in range(RULES_MAX)]


class StartForm(forms.Form):
    mode = forms.ChoiceField(
        label=_("How would you like to hold it?"),
        choices=Mode.choices,
        widget=forms.RadioSelect,
        initial=Mode.TWO_DEVICES,
    )
    # With a plan in place, the button pressed says which: begin the planned
    # one now, or a separate one that keeps the plan.
    keep_plan = forms.BooleanField(required=False)


class ScheduleForm(forms.Form):
    at = LocalDateTimeField(
        label=_("When"),
        error_messages={"required": CHOOSE_WHEN, "invalid": CHOOSE_WHEN},
    )


class SayForm(forms.Form):
    """A piece, a reflection or a clarification: typed, or said aloud."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    action = forms.CharField(widget=forms.HiddenInput)
    text = forms.CharField(
        required=False,
        max_length=TEXT_MAX,
        widget=_coached(6),
        error_messages={"max_length": LONG_MESSAGE},
    )
    said_aloud = forms.BooleanField(label=_("I said it aloud instead"), required=False)


class StepForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    action = forms.CharField(widget=forms.HiddenInput)


class RatingForm(forms.Form):
    felt_heard = forms.TypedChoiceField(
        label=_("I felt heard"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_A_NUMBER},
    )
    equal_say = forms.TypedChoiceField(
        label=_("I had an equal say"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_A_NUMBER},
    )
