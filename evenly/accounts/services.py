from __future__ import annotations

from django.db import transaction

from evenly.accounts.language import language_codes
from evenly.accounts.models import User
from evenly.core.audit import audit_record
from evenly.core.models import AuditKind
from evenly.core.personal_data import erase_for, export_for
from evenly.couples.models import Membership
from evenly.couples.services import couple_end

EXPORT_FORMAT = "evenly-export"
EXPORT_VERSION = 1


def data_export(*, actor: User) -> dict[str, object]:
    """Everything the actor put into Evenly, and nothing their partner wrote.
    The download itself goes into their security history."""
    with transaction.atomic():
        data = export_for(actor)
        audit_record(user_id=actor.pk, kind=AuditKind.DATA_EXPORTED)
    return {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, **data}


def account_delete(*, actor: User) -> None:
    """Erase the actor for real. Their couple ends first, so their partner is
    told only that it ended; then every feature erases what it holds, and
    deleting the user removes the rest by cascade. What the partner wrote
    stays with the partner."""
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=actor.pk).first()
        membership = (
            Membership.objects.select_for_update()
            .select_related("couple")
            .filter(user=actor, left_at__isnull=True)
            .first()
        )
        if membership is not None:
            couple_end(couple=membership.couple, leaver=actor)
        erase_for(actor)
        actor.delete()


def language_choose(*, actor: User, language: str) -> None:
    """From now on, every page, notice and email to `actor` is in `language`."""
    if language not in language_codes():
        raise ValueError(f"unknown language {language!r}")
    User.objects.filter(pk=actor.pk).update(language=language)
    actor.language = language
