"""The check every proposal passes before it reaches a partner.

Safety comes before secrecy: a proposal that touches one of the partner's hard
limits cannot be sent, whether that limit is shared or private. The proposer
always sees the same neutral words, so a refusal reveals nothing about which
limit it was or whether it was ever shared.

Consent invitations, experiments and anything else that proposes something to
a partner call `check_proposal` inside their service, before writing.

Matching is by meaning, not exact words (`evenly.boundaries.meaning`): word
forms, and curated related words and phrases for every catalogue item and for
the words people use in their own limits. A proposal's chosen catalogue items
are read as words too, so "Taking photos" meets a limit of "Being filmed".

The matching is English: catalogue titles and cues are matched in English
whatever the viewer's language, and a limit in a person's own words in another
language is matched word for word (any case, accents kept), without word forms
or related words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.translation import gettext, gettext_noop

from evenly.accounts.models import User
from evenly.boundaries import catalogue, meaning
from evenly.core.errors import ServiceError

# The one neutral refusal, English source text; raised in the proposer's language.
NOT_OPEN_MESSAGE = gettext_noop("This isn't open right now.")

_NON_WORD = re.compile(r"[^\w]+")


def normalise(text: str) -> str:
    """Case-folded words separated by single spaces, punctuation dropped."""
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


def touches_phrase(text: str, phrase: str) -> bool:
    """True when `phrase` appears in `text` as whole words, ignoring case,
    punctuation and spacing."""
    needle = normalise(phrase)
    if not needle:
        return False
    return f" {needle} " in f" {normalise(text)} "


def hard_limit_item_ids(*, user_id: int) -> set[int]:
    from evenly.boundaries.models import Boundary, Kind

    rows = Boundary.objects.filter(author_id=user_id, kind=Kind.HARD_LIMIT, catalogue_item_id__isnull=False)
    return {item_id for item_id in rows.values_list("catalogue_item_id", flat=True) if item_id is not None}


def hard_limit_phrases(*, user_id: int) -> list[str]:
    """Every phrase that names one of the person's hard limits: their own
    words, and the title and cues of each catalogue item they marked."""
    from evenly.boundaries.models import Boundary, Kind

    phrases: list[str] = []
    for boundary in Boundary.objects.filter(author_id=user_id, kind=Kind.HARD_LIMIT):
        item = boundary.item
        phrases.extend(meaning.catalogue_cues(item.slug, item.title) if item else [boundary.wording])
    return phrases


def proposal_is_open(*, proposer: User, catalogue_item_ids: Iterable[int] = (), text: str = "") -> bool:
    """False when the proposal touches any hard limit of the proposer's
    partner, shared or private. Without a partner nothing is blocked."""
    from evenly.couples.selectors import couple_context

    partner = couple_context(viewer=proposer).partner
    if partner is None:
        return True
    wanted = {int(item_id) for item_id in catalogue_item_ids}
    if wanted & hard_limit_item_ids(user_id=partner.pk):
        return False
    titles = [item.title for item_id in sorted(wanted) if (item := catalogue.get(item_id)) is not None]
    words = "\n".join([text, *titles]).strip()
    return not (words and meaning.touches(words, hard_limit_phrases(user_id=partner.pk)))


def check_proposal(*, proposer: User, catalogue_item_ids: Iterable[int] = (), text: str = "") -> None:
    """Raise the one neutral refusal when the proposal touches a hard limit."""
    if not proposal_is_open(proposer=proposer, catalogue_item_ids=catalogue_item_ids, text=text):
        raise ServiceError(gettext(NOT_OPEN_MESSAGE))
