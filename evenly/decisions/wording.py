"""Why the suggestion is the fairest option, in the reader's language.

Kept beside the pure rule (`evenly.decisions.suggestion`), which stays free of
Django: each sentence is whole, one per level, so it translates as a whole."""

from __future__ import annotations

from django.utils.translation import gettext

from evenly.decisions.suggestion import HIGHEST, Suggestion


def suggestion_reason(suggestion: Suggestion) -> str:
    """Why, in words, without saying who rated what."""
    if suggestion.floor == HIGHEST:
        first = gettext("You both love this one.")
    elif suggestion.floor == 4:
        first = gettext(
            "It's the best option for whichever of you likes it least: neither of you rated it below 'like it'."
        )
    elif suggestion.floor == 3:
        first = gettext(
            "It's the best option for whichever of you likes it least: neither of you rated it below 'okay'."
        )
    else:
        first = gettext(
            "It's the best option for whichever of you likes it least: neither of you rated it below 'rather not'."
        )
    if suggestion.decided_by == "total":
        second = gettext("Another option was just as good on that count; this one was liked more overall.")
    elif suggestion.decided_by == "order":
        second = gettext("Another option came out exactly level; this one was added first.")
    else:
        return first
    return f"{first} {second}"
