from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from evenly.accounts.models import User
from evenly.core.audit import audit_record
from evenly.core.errors import ServiceError
from evenly.core.models import AuditKind, Notification, NotificationKind
from evenly.core.realtime import publish
from evenly.couples.codes import new_code, normalize_code
from evenly.couples.models import Couple, Invite, Membership
from evenly.couples.selectors import forget_couple_contexts

ALREADY_IN_COUPLE = _("You're already in a shared space. Leave it first if you want to join another.")
INVITE_NOT_OPEN = _(
    "That invitation can't be used. It may have expired, been used or been withdrawn. Ask for a new one."
)
OWN_INVITE = _("That's your own invitation. Share it with your partner so they can join you.")


def _lock_user(user: User) -> None:
    # Serialises a person's membership changes (Postgres); SQLite already
    # serialises writers with IMMEDIATE transactions.
    User.objects.select_for_update().filter(pk=user.pk).first()


def couple_create(*, actor: User, timezone_name: str = "UTC") -> Couple:
    with transaction.atomic():
        _lock_user(actor)
        if Membership.objects.filter(user=actor, left_at__isnull=True).exists():
            raise ServiceError(str(ALREADY_IN_COUPLE))
        couple = Couple.objects.create(timezone=timezone_name)
        Membership.objects.create(couple=couple, user=actor, seat=1)
        audit_record(user_id=actor.pk, kind=AuditKind.COUPLE_CREATED)
    forget_couple_contexts()
    return couple


def invite_create(*, actor: User) -> Invite:
    """A fresh invitation for the actor's couple. Any earlier open invitation
    is withdrawn, so at most one way in exists at a time."""
    with transaction.atomic():
        membership = Membership.objects.select_for_update().filter(user=actor, left_at__isnull=True).first()
        if membership is None:
            raise ServiceError(gettext("Create your shared space first."))
        couple = membership.couple
        if Membership.objects.filter(couple=couple, left_at__isnull=True).count() >= 2:
            raise ServiceError(gettext("Your shared space already has two partners."))
        now = timezone.now()
        Invite.objects.filter(couple=couple, used_at__isnull=True, revoked_at__isnull=True).update(revoked_at=now)
        for _attempt in range(5):
            try:
                with transaction.atomic():
                    invite = Invite.objects.create(
                        couple=couple,
                        created_by=actor,
                        token=secrets.token_urlsafe(32),
                        code=new_code(),
                        expires_at=now + timedelta(hours=settings.EVENLY_INVITE_HOURS),
                    )
                break
            except IntegrityError:
                continue
        else:  # pragma: no cover - 31^8 codes make five collisions in a row unthinkable
            raise ServiceError(gettext("Something went wrong making the invitation. Please try again."))
        audit_record(user_id=actor.pk, kind=AuditKind.INVITE_CREATED)
    return invite


def invite_revoke(*, actor: User, invite: Invite) -> None:
    with transaction.atomic():
        updated = Invite.objects.filter(
            pk=invite.pk,
            couple__memberships__user=actor,
            couple__memberships__left_at__isnull=True,
            used_at__isnull=True,
            revoked_at__isnull=True,
        ).update(revoked_at=timezone.now())
        if updated:
            audit_record(user_id=actor.pk, kind=AuditKind.INVITE_REVOKED)


def find_open_invite(*, token: str | None = None, typed_code: str | None = None) -> Invite | None:
    if token:
        invite = Invite.objects.filter(token=token).first()
    else:
        code = normalize_code(typed_code or "")
        invite = (
            Invite.objects.filter(code=code, used_at__isnull=True, revoked_at__isnull=True).first() if code else None
        )
    if invite is None or invite.used_at or invite.revoked_at or invite.expires_at <= timezone.now():
        return None
    return invite


def invite_accept(*, actor: User, token: str | None = None, typed_code: str | None = None) -> Couple:
    with transaction.atomic():
        _lock_user(actor)
        found = find_open_invite(token=token, typed_code=typed_code)
        if found is None:
            raise ServiceError(str(INVITE_NOT_OPEN))
        # Lock the invitation itself so a double submit (or two people racing
        # with the same code) can only ever use it once.
        invite = Invite.objects.select_for_update().select_related("couple").get(pk=found.pk)
        if invite.used_at or invite.revoked_at or invite.couple.ended_at:
            raise ServiceError(str(INVITE_NOT_OPEN))
        if (
            invite.created_by_id == actor.pk
            or Membership.objects.filter(couple=invite.couple, user=actor, left_at__isnull=True).exists()
        ):
            raise ServiceError(str(OWN_INVITE))
        if Membership.objects.filter(user=actor, left_at__isnull=True).exists():
            raise ServiceError(str(ALREADY_IN_COUPLE))
        members = list(Membership.objects.filter(couple=invite.couple, left_at__isnull=True))
        if len(members) != 1:
            raise ServiceError(str(INVITE_NOT_OPEN))
        Membership.objects.create(couple=invite.couple, user=actor, seat=2 if members[0].seat == 1 else 1)
        invite.used_at = timezone.now()
        invite.save(update_fields=["used_at"])
        audit_record(user_id=actor.pk, kind=AuditKind.COUPLE_JOINED)
        publish(recipients=[members[0].user_id], event="couple.joined", couple=invite.couple_id)
    forget_couple_contexts()
    return invite.couple


def couple_leave(*, actor: User) -> None:
    """End the actor's couple, alone and at once. Each partner keeps what they
    wrote; nothing the other wrote stays visible to them."""
    with transaction.atomic():
        _lock_user(actor)
        membership = Membership.objects.select_for_update().filter(user=actor, left_at__isnull=True).first()
        if membership is None:
            return  # Leaving twice is harmless.
        couple_end(couple=membership.couple, leaver=actor)


def couple_end(*, couple: Couple, leaver: User) -> None:
    """Close a couple for both members. Called inside the caller's transaction."""
    from evenly.agreements.services import agreements_end_for_couple
    from evenly.pause.services import pauses_end_for_couple
    from evenly.rituals.services import rituals_end_for_couple

    now = timezone.now()
    others = list(
        Membership.objects.filter(couple=couple, left_at__isnull=True)
        .exclude(user=leaver)
        .values_list("user_id", flat=True)
    )
    Membership.objects.filter(couple=couple, left_at__isnull=True).update(left_at=now)
    Couple.objects.filter(pk=couple.pk).update(ended_at=now)
    Invite.objects.filter(couple=couple, used_at__isnull=True, revoked_at__isnull=True).update(revoked_at=now)
    pauses_end_for_couple(couple_id=couple.pk)
    agreements_end_for_couple(couple_id=couple.pk)
    rituals_end_for_couple(couple_id=couple.pk)
    audit_record(user_id=leaver.pk, kind=AuditKind.COUPLE_LEFT)
    for other_id in others:
        audit_record(user_id=other_id, kind=AuditKind.COUPLE_ENDED)
    Notification.objects.bulk_create(
        [Notification(user_id=other_id, kind=NotificationKind.COUPLE_ENDED) for other_id in others]
    )
    publish(recipients=others, event="couple.ended", couple=couple.pk)
    forget_couple_contexts()


def couple_timezone_set(*, actor: User, timezone_name: str) -> Couple:
    """Either partner sets the couple's time zone: every page of theirs then
    reads and shows times in it. The other partner gets a neutral notice."""
    from evenly.couples.zones import check_zone_name

    name = check_zone_name(timezone_name)
    with transaction.atomic(durable=True):
        membership = (
            Membership.objects.select_for_update()
            .select_related("couple")
            .filter(user=actor, left_at__isnull=True)
            .first()
        )
        if membership is None:
            raise ServiceError(gettext("Create your shared space first."))
        couple = membership.couple
        if couple.timezone == name:
            return couple
        couple.timezone = name
        couple.save(update_fields=["timezone"])
        others = list(
            Membership.objects.filter(couple=couple, left_at__isnull=True)
            .exclude(user=actor)
            .values_list("user_id", flat=True)
        )
        Notification.objects.bulk_create(
            [Notification(user_id=other, kind=NotificationKind.COUPLE_TIMEZONE) for other in others]
        )
        publish(recipients=[actor.pk, *others], event="couple.timezone", couple=couple.pk)
    forget_couple_contexts()
    return couple


def profile_update(*, actor: User, display_name: str, pronouns: str) -> None:
    User.objects.filter(pk=actor.pk).update(display_name=display_name.strip(), pronouns=pronouns.strip())
    ctx_partner = Membership.objects.filter(
        couple__memberships__user=actor, couple__memberships__left_at__isnull=True, left_at__isnull=True
    ).exclude(user=actor)
    publish(recipients=list(ctx_partner.values_list("user_id", flat=True)), event="partner.updated")
