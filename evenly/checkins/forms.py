from __future__ import annotations

from django import forms
from django.utils import timezone

from evenly.checkins.defaults import RULE_MAX_CHARS, RULES_MAX
from evenly.checkins.models import SHORT_MAX, TEXT_MAX, Impact, Leaning, Mode
from evenly.coaching.widgets import CoachedTextarea
from evenly.core.localtime import LocalDateTimeField
from evenly.core.once import OnceField
from evenly.journal import feelings

LONG_MESSAGE = f"That's longer than {TEXT_MAX:,} characters. Could you shorten it a little? Your words are kept here."
SHORT_MESSAGE = f"Please keep this under {SHORT_MAX:,} characters. Your words are kept here."


def _coached(rows: int = 5, **attrs: str) -> CoachedTextarea:
    return CoachedTextarea(attrs={"rows": str(rows), **attrs})


class MomentForm(forms.Form):
    once = OnceField()
    happened_on = forms.DateField(
        label="When was it?",
        widget=forms.DateInput(attrs={"type": "date"}),
        initial=timezone.localdate,
    )
    leaning = forms.ChoiceField(
        label="How did it sit with you?", choices=Leaning.choices, widget=forms.RadioSelect, initial=Leaning.UNSURE
    )
    what_happened = forms.CharField(
        label="What happened",
        help_text="As a camera would have seen it: what was said and done, without guessing at reasons.",
        max_length=TEXT_MAX,
        widget=_coached(6),
        error_messages={
            "required": "Describe what happened, as a camera would have seen it.",
            "max_length": LONG_MESSAGE,
        },
    )
    feelings = forms.MultipleChoiceField(
        label="What did you feel?",
        required=False,
        choices=[(group, [(key, label) for key, label in items]) for group, items in feelings.GROUPS],
        widget=forms.CheckboxSelectMultiple,
    )
    trust_impact = forms.TypedChoiceField(
        label="What it did to your sense of trust",
        choices=[("", "I'd rather not say"), *Impact.choices],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    desire_impact = forms.TypedChoiceField(
        label="What it did to your desire",
        choices=[("", "I'd rather not say"), *Impact.choices],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    cues = forms.CharField(
        label="Cues you noticed",
        help_text="In your body, your breathing, your voice, or in the room. Optional.",
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
        error_messages={"required": "Write a few words first.", "max_length": SHORT_MESSAGE},
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
                label=f"Ground rule {index + 1}",
                required=False,
                max_length=RULE_MAX_CHARS,
                initial=rules[index] if index < len(rules) else "",
                error_messages={"max_length": f"Please keep each rule under {RULE_MAX_CHARS} characters."},
            )

    def texts(self) -> list[str]:
        return [self.cleaned_data.get(f"rule_{index}", "") for index in range(RULES_MAX)]


class StartForm(forms.Form):
    mode = forms.ChoiceField(
        label="How would you like to hold it?", choices=Mode.choices, widget=forms.RadioSelect, initial=Mode.TWO_DEVICES
    )
    # With a plan in place, the button pressed says which: begin the planned
    # one now, or a separate one that keeps the plan.
    keep_plan = forms.BooleanField(required=False)


class ScheduleForm(forms.Form):
    at = LocalDateTimeField(
        label="When",
        error_messages={"required": "Choose a date and time.", "invalid": "Choose a date and time."},
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
    said_aloud = forms.BooleanField(label="I said it aloud instead", required=False)


class StepForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    action = forms.CharField(widget=forms.HiddenInput)


class RatingForm(forms.Form):
    felt_heard = forms.TypedChoiceField(
        label="I felt heard",
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a number from 1 (not really) to 5 (fully)."},
    )
    equal_say = forms.TypedChoiceField(
        label="I had an equal say",
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a number from 1 (not really) to 5 (fully)."},
    )
