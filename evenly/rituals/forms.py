from __future__ import annotations

from datetime import time
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from evenly.rituals.models import (
    ABOUT_MAX,
    APPRECIATION_MAX,
    DESIRE_MAX,
    NAME_MAX,
    Answer,
    DesireKind,
    FeedTitle,
    Frequency,
    Kind,
)
from evenly.rituals.services import missing_part

WEEKS = [
    (1, _("The first")),
    (2, _("The second")),
    (3, _("The third")),
    (4, _("The fourth")),
    (-1, _("The last")),
]


class RitualForm(forms.Form):
    kind = forms.ChoiceField(label=_("What kind of ritual"), choices=Kind.choices, widget=forms.RadioSelect)
    name = forms.CharField(
        label=_("A name the two of you will recognise"),
        max_length=NAME_MAX,
        help_text=_("Only the two of you see it. Reminders and calendars never show it."),
    )
    about = forms.CharField(
        label=_("What it is (optional)"),
        required=False,
        max_length=ABOUT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    frequency = forms.ChoiceField(label=_("How often"), choices=Frequency.choices, widget=forms.RadioSelect)
    weekday = forms.TypedChoiceField(
        label=_("Day of the week"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Choose a day"))] + [(number, name) for number, name in WEEKDAYS.items()],
        help_text=_("For every week, every other week, or a weekday of the month."),
    )
    week_of_month = forms.TypedChoiceField(
        label=_("Which week of the month"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Choose a week")), *WEEKS],
        help_text=_("Only for a weekday of the month, such as the second Tuesday."),
    )
    day_of_month = forms.IntegerField(
        label=_("Day of the month"),
        required=False,
        min_value=1,
        max_value=31,
        help_text=_(
            "Only for a day of the month. If a month is shorter (the 31st in April, the 30th in February), "
            "it falls on the last day of that month."
        ),
    )
    at = forms.TimeField(
        label=_("Time of day"),
        initial=time(19, 0),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("Your shared local time. It stays the same when the clocks change."),
    )
    starts_on = forms.DateField(
        label=_("From"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["starts_on"].initial = timezone.localdate()

    def clean(self) -> dict[str, Any]:
        """Point at the one field a chosen frequency still needs."""
        cleaned = super().clean() or {}
        frequency = cleaned.get("frequency")
        needed: dict[str, list[str]] = {
            Frequency.WEEKLY: ["weekday"],
            Frequency.FORTNIGHTLY: ["weekday"],
            Frequency.MONTHLY_WEEKDAY: ["week_of_month", "weekday"],
            Frequency.MONTHLY_DAY: ["day_of_month"],
        }
        for name in needed.get(str(frequency), []):
            if cleaned.get(name) is None and name not in self.errors:
                self.add_error(name, missing_part(name))
        return cleaned


class AppreciationForm(forms.Form):
    text = forms.CharField(
        label=_("A few words for your partner"),
        max_length=APPRECIATION_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("They see it at once, and it stays in the list you share."),
    )


class FeedForm(forms.Form):
    title = forms.ChoiceField(
        label=_("What your calendar shows for each event"),
        choices=FeedTitle.choices,
        initial=FeedTitle.TIME_TOGETHER,
        widget=forms.RadioSelect,
    )


def _catalogue_choices() -> list[Any]:
    from evenly.boundaries import catalogue

    grouped: list[Any] = [("", _("Nothing from the list"))]
    for _area, label, items in catalogue.items_by_area():
        # The English titles are translated as they are shown.
        grouped.append((label, [(item.id, gettext(item.title)) for item in items]))
    return grouped


class DesireForm(forms.Form):
    kind = forms.ChoiceField(label=_("What is it"), choices=DesireKind.choices, widget=forms.RadioSelect)
    item = forms.TypedChoiceField(
        label=_("From the list (optional)"), required=False, coerce=int, empty_value=None, choices=_catalogue_choices
    )
    text = forms.CharField(
        label=_("In your own words (optional)"),
        required=False,
        max_length=DESIRE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only you see it until you share it."),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("item") is None and not (cleaned.get("text") or "").strip() and not self.errors:
            self.add_error("text", _("Choose something from the list, or write it in your own words."))
        return cleaned


class DesireAnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Your answer, seen only by you"),
        required=False,
        choices=[(Answer.ME_TOO, Answer.ME_TOO.label), (Answer.CURIOUS, Answer.CURIOUS.label), ("", _("No answer"))],
        widget=forms.RadioSelect,
    )
