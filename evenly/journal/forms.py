from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django import forms
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from evenly.coaching.widgets import CoachedTextarea
from evenly.journal import feelings as vocabulary
from evenly.journal.models import ENTRY_MAX, NOTE_MAX, PROMPT_MAX, TOPIC_MAX, Sharing

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise


def _long_now(limit: int) -> str:
    return gettext("That's longer than %(limit)s characters. Your words are kept here; could you shorten it?") % {
        "limit": number_format(limit, force_grouping=True)
    }


# Built at import, shown much later: lazy, so it reads in the language of whoever sees it.
_long = lazy(_long_now, str)


def _area(rows: int) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


def _prompt(label: str | _StrPromise) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=PROMPT_MAX,
        widget=_area(2),
        error_messages={"max_length": _long(PROMPT_MAX)},
    )


class EntryForm(forms.Form):
    text = forms.CharField(
        label=_("What's on your mind"),
        required=False,
        max_length=ENTRY_MAX,
        widget=_area(8),
        error_messages={"max_length": _long(ENTRY_MAX)},
    )
    feelings = forms.MultipleChoiceField(
        label=_("Feelings"),
        required=False,
        choices=vocabulary.GROUPS,
        widget=forms.CheckboxSelectMultiple,
    )
    own_words = forms.CharField(
        label=_("Feelings in your own words"),
        help_text=_("Any words or emoji, separated by commas."),
        required=False,
        max_length=1000,
    )
    body = _prompt(_("What I noticed in my body"))
    past = _prompt(_("What it touched from my past"))
    need = _prompt(_("What I need"))

    # Keep pasted formatting: no stripping of inner whitespace or line breaks.
    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        for name in ("text", "body", "past", "need"):
            self.fields[name].strip = False  # type: ignore[attr-defined]

    def clean_own_words(self) -> list[str]:
        return [word for word in re.split(r"[,\n]", self.cleaned_data["own_words"]) if word.strip()]


class ShareForm(forms.Form):
    excerpt = forms.CharField(
        label=_("An excerpt to share (optional)"),
        help_text=_("Leave it empty to share the whole entry. Only what you put here reaches the agenda."),
        required=False,
        max_length=5000,
        widget=CoachedTextarea(attrs={"rows": 3}),
    )


class TenderTopicForm(forms.Form):
    topic = forms.CharField(
        label=_("The topic"),
        help_text=_("A word or a few, such as “money” or “my family”. Separate several with commas."),
        max_length=TOPIC_MAX,
        error_messages={"required": _("Name the topic in a word or a few.")},
    )
    note = forms.CharField(
        label=_("What tends to unsettle me about it, and what helps"),
        required=False,
        max_length=NOTE_MAX,
        widget=CoachedTextarea(attrs={"rows": 3}),
    )
    sharing = forms.ChoiceField(
        label=_("Who sees this"), choices=Sharing.choices, initial=Sharing.PRIVATE, widget=forms.RadioSelect
    )


class NameFeelingForm(forms.Form):
    words = forms.CharField(
        label=_("If you like, name what you're feeling"),
        help_text=_("Only you see this. It goes into your journal."),
        max_length=80,
    )
