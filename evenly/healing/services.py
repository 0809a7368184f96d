"""Saving and sharing resources. A saved resource is private; sharing one
reaches the partner at once (an event with ids only) and leaves them a
neutral notice."""

from __future__ import annotations

from django.db import transaction
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from evenly.accounts.models import User
from evenly.core.errors import ServiceError
from evenly.core.models import NotificationKind, Visibility
from evenly.core.notifications import notify
from evenly.core.realtime import publish
from evenly.couples.selectors import member_ids, partnership_for
from evenly.healing.catalogue import RESOURCES
from evenly.healing.models import NOTE_MAX, SavedResource


def _known(key: str) -> str:
    if key not in RESOURCES:
        raise ServiceError(_("That resource isn't on the page any more."))
    return key


def _resources_changed(couple_id: int) -> None:
    publish(recipients=member_ids(couple_id=couple_id), event="healing.resources", couple=couple_id)


def resource_save(*, actor: User, key: str) -> SavedResource:
    saved, _created = SavedResource.objects.get_or_create(author=actor, resource_key=_known(key))
    return saved


def resource_unsave(*, actor: User, key: str) -> None:
    """Forget a saved resource; if it was shared, the partner no longer sees it."""
    with transaction.atomic():
        saved = SavedResource.objects.filter(author=actor, resource_key=key).first()
        if saved is None:
            return
        couple_id = saved.couple_id if saved.is_shared else None
        saved.delete()
        if couple_id:
            _resources_changed(couple_id)


def resource_share(*, actor: User, key: str, note: str) -> SavedResource:
    partnership = partnership_for(actor=actor, refusal=_("Sharing is for a shared space with your partner."))
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise ServiceError(
            _("A note can be up to %(limit)s characters.") % {"limit": number_format(NOTE_MAX, force_grouping=True)}
        )
    with transaction.atomic():
        saved, _created = SavedResource.objects.get_or_create(author=actor, resource_key=_known(key))
        first_time = not saved.is_shared or saved.couple_id != partnership.couple_id
        saved.note = note
        saved.visibility = Visibility.SHARED
        saved.couple = partnership.couple
        saved.save()
        if first_time:
            notify(user_ids=[partnership.partner.pk], kind=NotificationKind.RESOURCE_SHARED)
        _resources_changed(partnership.couple_id)
    return saved


def resource_unshare(*, actor: User, key: str) -> None:
    with transaction.atomic():
        saved = SavedResource.objects.filter(author=actor, resource_key=key).first()
        if saved is None or not saved.is_shared:
            return
        couple_id = saved.couple_id
        saved.visibility = Visibility.PRIVATE
        saved.note = ""
        saved.save()
        if couple_id:
            _resources_changed(couple_id)
