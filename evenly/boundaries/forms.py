from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from evenly.boundaries import catalogue
from evenly.boundaries.guard import NOT_OPEN_MESSAGE
from evenly.boundaries.models import CONDITION_MAX, NOTE_MAX, WORDING_MAX, Area, Kind, LifeEventKind, ReminderMonths
from evenly.boundaries.services import (
    CONDITION_TOO_LONG,
    NEED_AREA,
    NEED_WORDING,
    NOTE_TOO_LONG,
    UNKNOWN_ITEM,
    WORDING_TOO_LONG,
)
from evenly.coaching.widgets import CoachedTextarea
from evenly.core.once import OnceField

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

KIND_HELP = {
    Kind.ENJOY: _("Something you like and are glad to share."),
    Kind.DEPENDS: _("Sometimes yes, sometimes not: it depends on mood, context or what's true at the time."),
    Kind.CURIOUS: _("Something you might like to explore, gently and with room to stop."),
    Kind.HARD_LIMIT: _("Off the table. No reason needed."),
}


def _private_limit_notice() -> str:
    return gettext(
        "Even while this stays private, Evenly will stop any proposal that touches it. "
        "Your partner would only see “%(refusal)s” — the same words for every limit, "
        "shared or private, so nothing tells them which limit it was."
    ) % {"refusal": gettext(NOT_OPEN_MESSAGE)}


# Lazy, and built from the guard's own refusal so the two always agree.
PRIVATE_LIMIT_NOTICE = lazy(_private_limit_notice, str)()


def _catalogue_choices(exclude: set[int]) -> list[Any]:
    choices: list[Any] = [("", gettext("Choose an item…"))]
    for _area, label, items in catalogue.items_by_area():
        options = [
            (
                str(item.id),
                gettext("%(item)s (on your list)") % {"item": item.shown_title}
                if item.id in exclude
                else item.shown_title,
            )
            for item in items
        ]
        if options:
            choices.append((label, options))
    return choices


def _condition_field(label: str | _StrPromise, example: str | _StrPromise) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=CONDITION_MAX,
        error_messages={"max_length": CONDITION_TOO_LONG},
        help_text=example,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


NEED_WORDS = gettext_noop("Write a few words for this entry.")


class _ConditionsMixin(forms.Form):
    when_mood = _condition_field(_("Mood"), _("For example: when I feel rested and close to you."))
    when_context = _condition_field(_("Context"), _("For example: at home, with time to spare."))
    when_must_be_true = _condition_field(_("What must be true"), _("For example: we've talked about it first."))
    note = forms.CharField(
        label=_("Note (optional, only you see it unless you share the entry)"),
        required=False,
        max_length=NOTE_MAX,
        error_messages={"max_length": NOTE_TOO_LONG},
        widget=CoachedTextarea(attrs={"rows": 3, "maxlength": NOTE_MAX}),
    )


class BoundaryAddForm(_ConditionsMixin):
    once = OnceField()
    source = forms.ChoiceField(
        label=_("What is this about?"),
        choices=[("catalogue", _("Something from the list")), ("own", _("In my own words"))],
        initial="catalogue",
        widget=forms.RadioSelect,
    )
    catalogue_item = forms.ChoiceField(label=_("Item from the list"), required=False, choices=())
    wording = forms.CharField(
        label=_("In your own words"),
        required=False,
        max_length=WORDING_MAX,
        error_messages={"max_length": WORDING_TOO_LONG},
        widget=forms.TextInput(attrs={"autocomplete": "off", "maxlength": WORDING_MAX}),
    )
    area = forms.ChoiceField(label=_("Area"), required=False, choices=[("", _("Choose an area…")), *Area.choices])
    kind = forms.ChoiceField(label=_("How do you feel about it?"), choices=Kind.choices, widget=forms.RadioSelect)
    share = forms.BooleanField(label=_("Share this entry with my partner"), required=False)

    field_order = [
        "source",
        "catalogue_item",
        "wording",
        "area",
        "kind",
        "when_mood",
        "when_context",
        "when_must_be_true",
        "note",
        "share",
    ]

    def __init__(self, *args: Any, listed: set[int] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["catalogue_item"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = _catalogue_choices(listed or set())

    def clean_catalogue_item(self) -> int | None:
        raw = self.cleaned_data.get("catalogue_item")
        if not raw:
            return None
        return int(raw)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("source") == "catalogue":
            if not cleaned.get("catalogue_item") and "catalogue_item" not in self.errors:
                self.add_error("catalogue_item", gettext(NEED_WORDING))
        elif cleaned.get("source") == "own":
            if not (cleaned.get("wording") or "").strip() and "wording" not in self.errors:
                self.add_error("wording", gettext(NEED_WORDS))
            if not cleaned.get("area"):
                self.add_error("area", gettext(NEED_AREA))
        return cleaned

    def full_clean(self) -> None:
        # An id that is not offered (unknown, retired or already listed) gets a
        # plain message instead of Django's "Select a valid choice".
        super().full_clean()
        if "catalogue_item" in self.errors and self.data.get("source") == "catalogue":
            raw = str(self.data.get("catalogue_item", ""))
            if raw:
                self.errors["catalogue_item"] = self.error_class([gettext(UNKNOWN_ITEM)])


class BoundaryEditForm(_ConditionsMixin):
    wording = forms.CharField(
        label=_("In your own words"),
        max_length=WORDING_MAX,
        error_messages={"max_length": WORDING_TOO_LONG, "required": _(NEED_WORDS)},
        widget=forms.TextInput(attrs={"autocomplete": "off", "maxlength": WORDING_MAX}),
    )
    area = forms.ChoiceField(label=_("Area"), choices=Area.choices)
    kind = forms.ChoiceField(label=_("How do you feel about it?"), choices=Kind.choices, widget=forms.RadioSelect)

    field_order = ["wording", "area", "kind", "when_mood", "when_context", "when_must_be_true", "note"]

    def __init__(self, *args: Any, custom: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not custom:
            del self.fields["wording"]
            del self.fields["area"]


class LifeEventForm(forms.Form):
    once = OnceField()
    kind = forms.ChoiceField(label=_("What changed?"), choices=LifeEventKind.choices, widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("A few words, if you like (optional)"),
        required=False,
        max_length=NOTE_MAX,
        error_messages={"max_length": NOTE_TOO_LONG},
        widget=CoachedTextarea(attrs={"rows": 3, "maxlength": NOTE_MAX}),
    )
    share = forms.BooleanField(
        label=_("Share this with my partner (it will invite both of you to look over your boundaries)"), required=False
    )


class ReminderForm(forms.Form):
    months = forms.TypedChoiceField(
        label=_("Remind me to look over my boundaries"),
        choices=ReminderMonths.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )
