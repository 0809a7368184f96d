"""The desire log: each partner's wishes and things they enjoyed.

Private by default, shared entry by entry. The partner answers a shared entry
privately with "me too", "curious" or nothing. Only a "me too" is ever shown
to both; a "curious" stays with the one who gave it, and a no looks exactly
like no answer. Events go to the partner only when something they may see
changed, and carry ids only.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

from evenly.accounts.models import User
from evenly.boundaries import catalogue
from evenly.core.errors import ServiceError
from evenly.core.models import Visibility
from evenly.core.realtime import publish
from evenly.couples.selectors import CoupleContext, Partnership, couple_context, partnership_for
from evenly.rituals.models import DESIRE_MAX, Answer, DesireEntry, DesireKind, DesireResponse

EVENT = "desires.changed"


def _tell(recipients: list[int], entry_id: int) -> None:
    publish(recipients=recipients, event=EVENT, entry=entry_id)


# ---- Writes ----


def desire_add(*, actor: User, kind: str, text: str, catalogue_item_id: int | None) -> DesireEntry:
    if kind not in DesireKind.values:
        raise ServiceError(_("Choose whether it's something you'd like or something you enjoyed."))
    words = (text or "").strip()
    if len(words) > DESIRE_MAX:
        raise ServiceError(_("Please keep it under %(limit)s characters.") % {"limit": DESIRE_MAX})
    if catalogue_item_id is not None and catalogue.get(catalogue_item_id) is None:
        raise ServiceError(_("Choose something from the list, or write it in your own words."))
    if not words and catalogue_item_id is None:
        raise ServiceError(_("Choose something from the list, or write it in your own words."))
    return DesireEntry.objects.create(
        author=actor,
        couple=couple_context(viewer=actor).couple,
        kind=kind,
        text=words,
        catalogue_item_id=catalogue_item_id,
    )


def desire_share(*, actor: User, entry: DesireEntry) -> None:
    partnership = partnership_for(actor=actor, refusal=_("Sharing is for a shared space with your partner."))
    if entry.author_id != actor.pk:
        raise Http404
    with transaction.atomic():
        DesireEntry.objects.filter(pk=entry.pk).update(visibility=Visibility.SHARED, couple=partnership.couple)
        _tell([actor.pk, partnership.partner.pk], entry.pk)


def desire_make_private(*, actor: User, entry: DesireEntry) -> None:
    """Withdraw a shared entry. The partner's answers to it go with it."""
    if entry.author_id != actor.pk:
        raise Http404
    partner = couple_context(viewer=actor).partner
    with transaction.atomic():
        DesireEntry.objects.filter(pk=entry.pk).update(visibility=Visibility.PRIVATE)
        DesireResponse.objects.filter(entry=entry).delete()
        _tell([actor.pk] + ([partner.pk] if partner else []), entry.pk)


def desire_delete(*, actor: User, entry: DesireEntry) -> None:
    if entry.author_id != actor.pk:
        raise Http404
    partner = couple_context(viewer=actor).partner
    was_shared = entry.is_shared
    with transaction.atomic():
        entry_id = entry.pk
        entry.delete()
        _tell([actor.pk] + ([partner.pk] if partner and was_shared else []), entry_id)


def desire_answer(*, actor: User, entry: DesireEntry, answer: str) -> None:
    """The partner's private answer: "me_too", "curious", or "" for none.
    The author hears of it only when a "me too" appears or goes."""
    if entry.author_id == actor.pk or not entry.is_shared:
        raise Http404
    if answer and answer not in Answer.values:
        raise ServiceError(_("Choose one of the answers, or none."))
    with transaction.atomic():
        before = DesireResponse.objects.select_for_update().filter(entry=entry, responder=actor).first()
        was_me_too = before is not None and before.answer == Answer.ME_TOO
        if answer:
            DesireResponse.objects.update_or_create(entry=entry, responder=actor, defaults={"answer": answer})
        else:
            DesireResponse.objects.filter(entry=entry, responder=actor).delete()
        recipients = [actor.pk]
        if was_me_too != (answer == Answer.ME_TOO):
            recipients.append(entry.author_id)
        _tell(recipients, entry.pk)


# ---- Reads ----


@dataclass(frozen=True)
class DesireRow:
    entry: DesireEntry
    both: bool  # a shared "me too": the only answer anyone but its giver sees
    my_answer: str  # the viewer's own private answer, on the partner's entries


@dataclass(frozen=True)
class DesireLog:
    mine: list[DesireRow]
    partners: list[DesireRow]


def visible_entries(*, viewer: User, partnership: Partnership | None):  # type: ignore[no-untyped-def]
    """Everything the viewer wrote, and what their partner shared in this couple."""
    mine = Q(author=viewer)
    if partnership is None:
        return DesireEntry.objects.filter(mine)
    return DesireEntry.objects.filter(
        mine | Q(author=partnership.partner, visibility=Visibility.SHARED, couple_id=partnership.couple_id)
    )


def desire_log(*, viewer: User, partnership: Partnership | None) -> DesireLog:
    entries = list(visible_entries(viewer=viewer, partnership=partnership))
    answers: dict[int, str] = {}
    me_too: set[int] = set()
    if partnership is not None:
        shared_ids = [e.pk for e in entries if e.is_shared]
        for response in DesireResponse.objects.filter(
            entry_id__in=shared_ids, responder__in=[viewer, partnership.partner]
        ):
            if response.responder_id == viewer.pk:
                answers[response.entry_id] = response.answer
            if response.answer == Answer.ME_TOO:
                me_too.add(response.entry_id)
    mine, partners = [], []
    for entry in entries:
        both = entry.is_shared and entry.pk in me_too and partnership is not None
        if entry.author_id == viewer.pk:
            mine.append(DesireRow(entry=entry, both=both, my_answer=""))
        else:
            partners.append(DesireRow(entry=entry, both=both, my_answer=answers.get(entry.pk, "")))
    return DesireLog(mine=mine, partners=partners)


def get_desire_for_user(*, viewer: User, partnership: Partnership | None, entry_id: int) -> DesireEntry:
    entry = visible_entries(viewer=viewer, partnership=partnership).filter(pk=entry_id).first()
    if entry is None:
        raise Http404
    return entry


def desire_prefill(*, viewer: User, context: CoupleContext, entry_id: int) -> DesireEntry:
    """What an invitation or an experiment starts from: the viewer's own entry,
    or one the partner shared that both said "me too" to. The proposal guard
    still applies when it is sent."""
    entry = get_desire_for_user(viewer=viewer, partnership=context.partnership, entry_id=entry_id)
    if (
        entry.author_id != viewer.pk
        and not DesireResponse.objects.filter(entry=entry, responder=viewer, answer=Answer.ME_TOO).exists()
    ):
        raise Http404
    return entry
