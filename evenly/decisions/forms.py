from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from evenly.coach import Context
from evenly.coaching.widgets import CoachedTextarea
from evenly.core.once import OnceField
from evenly.decisions.models import OPTION_MAX, TEXT_MAX, TOPIC_MAX, HowItWent, Level, NextStep, Option, TrialLength


def _box(rows: int = 5, context: Context = "message") -> CoachedTextarea:
    return CoachedTextarea(attrs={"rows": rows}, context=context)


class OpenForm(forms.Form):
    once = OnceField()
    topic = forms.CharField(
        label=_("What would you like to decide together?"),
        help_text=_("A few neutral words, for example “How we plan our evenings together”. You can both see this."),
        max_length=TOPIC_MAX,
    )


class ViewForm(forms.Form):
    text = forms.CharField(
        label=_("Your view"),
        help_text=_("What matters to you here, and why. Only you can see this until you've both written yours."),
        max_length=TEXT_MAX,
        widget=_box(6),
    )


class SummaryForm(forms.Form):
    text = forms.CharField(
        label=_("Your partner's view, in your own words"),
        help_text=_("Say back what you heard, as fairly as you can. They'll confirm it or gently correct it."),
        max_length=TEXT_MAX,
        widget=_box(4, context="reflection"),
    )


class CorrectionForm(forms.Form):
    note = forms.CharField(
        label=_("What would make it right?"),
        help_text=_("What was missed or misheard. Your partner will have another go."),
        max_length=TEXT_MAX,
        widget=_box(3),
    )


class OptionForm(forms.Form):
    text = forms.CharField(label=_("An option"), max_length=OPTION_MAX, widget=_box(3))
    is_compromise = forms.BooleanField(label=_("This is a compromise between our views"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class RatingsForm(forms.Form):
    """One private rating per option, from "I can't live with it" to "I love it"."""

    def __init__(self, *args: Any, options: list[Option], initial_levels: dict[int, int | None], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.options = options
        for option in options:
            self.fields[f"rate_{option.pk}"] = forms.TypedChoiceField(
                label=option.text,
                choices=Level.choices,
                coerce=int,
                required=False,
                widget=forms.RadioSelect,
                initial=initial_levels.get(option.pk),
            )
            self.fields[f"seen_{option.pk}"] = forms.IntegerField(
                widget=forms.HiddenInput, initial=option.version, required=False
            )

    def rows(self) -> list[tuple[Option, forms.BoundField, forms.BoundField]]:
        return [(o, self[f"rate_{o.pk}"], self[f"seen_{o.pk}"]) for o in self.options]

    def levels(self) -> dict[int, int]:
        return {
            o.pk: self.cleaned_data[f"rate_{o.pk}"]
            for o in self.options
            if self.cleaned_data.get(f"rate_{o.pk}") not in (None, "")
        }

    def seen_versions(self) -> dict[int, int]:
        return {o.pk: self.cleaned_data.get(f"seen_{o.pk}") for o in self.options}  # type: ignore[misc]


class SignForm(forms.Form):
    """The terms both partners sign. The option's value carries its version,
    so signing wording that changed meanwhile is caught."""

    option = forms.ChoiceField(label=_("The option to try"), widget=forms.RadioSelect)
    trial_days = forms.TypedChoiceField(
        label=_("How long to try it"),
        help_text=_(
            "You'll look back together when it ends, with a neutral reminder that day. It's fine to look back sooner."
        ),
        choices=TrialLength.choices,
        coerce=int,
        initial=TrialLength.TWO_WEEKS,
    )

    def __init__(self, *args: Any, options: list[Option], **kwargs: Any):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["option"]).choices = [(f"{o.pk}:{o.version}", o.text) for o in options]

    def chosen(self) -> tuple[int, int]:
        option_id, _, version = self.cleaned_data["option"].partition(":")
        return int(option_id), int(version)


class ReviewForm(forms.Form):
    level = forms.TypedChoiceField(
        label=_("How did it go, for you?"), choices=HowItWent.choices, coerce=int, widget=forms.RadioSelect
    )
    next_step = forms.ChoiceField(
        label=_("What would you like next?"), choices=NextStep.choices, widget=forms.RadioSelect
    )


class ExperimentForm(forms.Form):
    once = OnceField()
    item = forms.TypedChoiceField(
        label=_("Start from something you're both curious about"),
        coerce=int,
        required=False,
        empty_value=None,
    )
    idea = forms.CharField(
        label=_("The idea"),
        help_text=_("What would you like to try together? Plain, specific words help."),
        max_length=TEXT_MAX,
        widget=_box(3),
        required=False,
    )
    ends_when = forms.CharField(
        label=_("What ends it"),
        help_text=_(
            "For example a time, a feeling, or a word either of you can say. Either of you can also end it "
            "at any moment with one tap."
        ),
        max_length=TEXT_MAX,
        widget=_box(3),
    )
    then_what = forms.CharField(
        label=_("What happens then"),
        help_text=_("What you'll do once it ends, so ending it is easy and kind."),
        max_length=TEXT_MAX,
        widget=_box(3),
    )

    def __init__(self, *args: Any, matches: list[tuple[int, str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.has_matches = bool(matches)
        if matches:
            cast(forms.ChoiceField, self.fields["item"]).choices = [("", _("Our own idea")), *matches]
        else:
            del self.fields["item"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("idea", "").strip() and not cleaned.get("item"):
            self.add_error("idea", _("Describe the idea, or choose something from your shared list."))
        return cleaned


class DebriefForm(forms.Form):
    worked = forms.CharField(label=_("What worked"), max_length=TEXT_MAX, widget=_box(3), required=False)
    didnt_work = forms.CharField(label=_("What didn't"), max_length=TEXT_MAX, widget=_box(3), required=False)
    surprised = forms.CharField(label=_("What surprised you"), max_length=TEXT_MAX, widget=_box(3), required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not any(cleaned.get(name, "").strip() for name in ("worked", "didnt_work", "surprised")):
            raise forms.ValidationError(_("Write at least one of the three, even a few words."))
        return cleaned


class CounterForm(forms.Form):
    """A changed version of the partner's proposal: the same three parts, all
    needed, starting from their words."""

    once = OnceField()
    idea = forms.CharField(label=_("Your version of the idea"), max_length=TEXT_MAX, widget=_box(3))
    ends_when = forms.CharField(label=_("What ends it"), max_length=TEXT_MAX, widget=_box(3))
    then_what = forms.CharField(label=_("What happens then"), max_length=TEXT_MAX, widget=_box(3))
