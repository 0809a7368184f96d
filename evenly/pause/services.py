from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from evenly.accounts.models import User
from evenly.consent.forgetting import REMINDER_GRACE, sweep_at
from evenly.core.errors import ServiceError
from evenly.core.localtime import couple_time
from evenly.core.realtime import publish
from evenly.couples.selectors import couple_context, couple_zone, forget_couple_contexts, member_ids
from evenly.pause.models import Pause, RevisitChoice
from evenly.pause.revisit import RevisitError, revisit_time
from evenly.pause.tasks import send_revisit_reminder


def pause_start(*, actor: User) -> Pause:
    """Pause everything shared, for both partners, at once. No reason is asked,
    and pressing again while paused simply returns the same pause."""
    context = couple_context(viewer=actor)
    if context.couple is None or not context.is_partnered:
        raise ServiceError(_("A pause is for a shared space with your partner."))
    existing = Pause.objects.filter(couple=context.couple, paused_by=actor, lifted_at__isnull=True).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            pause = Pause.objects.create(couple=context.couple, paused_by=actor)
            publish(recipients=member_ids(couple_id=context.couple.pk), event="pause.started", pause=pause.pk)
        forget_couple_contexts()
    except IntegrityError:
        # Another tab pressed at the same instant; theirs is the pause.
        return Pause.objects.get(couple=context.couple, paused_by=actor, lifted_at__isnull=True)
    return pause


def pause_set_revisit(*, actor: User, pause: Pause, choice: str, custom_local: datetime | None = None) -> Pause:
    if pause.paused_by_id != actor.pk or not pause.is_active:
        raise ServiceError(_("Only the partner who paused can choose when to come back to it."))
    zone = couple_zone(pause.couple)
    now_local = timezone.now().astimezone(zone)
    custom = couple_time(custom_local, zone).astimezone(zone) if custom_local else None
    try:
        when = revisit_time(choice, now=now_local, custom=custom)
    except RevisitError as error:
        raise ServiceError(_(str(error))) from error  # marked in revisit.py
    with transaction.atomic():
        pause.revisit_choice = RevisitChoice(choice)
        pause.revisit_at = when
        pause.save(update_fields=["revisit_choice", "revisit_at"])
        if when is not None:
            reminder = send_revisit_reminder.using(run_after=when)
            transaction.on_commit(lambda: reminder.enqueue(pause.pk, when.isoformat()))
    return pause


def pause_lift(*, actor: User, pause: Pause) -> None:
    if pause.paused_by_id != actor.pk:
        raise ServiceError(_("Only the partner who paused can lift it."))
    now = timezone.now()
    with transaction.atomic():
        lifted = Pause.objects.filter(pk=pause.pk, lifted_at__isnull=True).update(lifted_at=now)
        if lifted:
            revisit_at = Pause.objects.filter(pk=pause.pk).values_list("revisit_at", flat=True).first()
            _forget_pauser_once_over(now=now, revisit_at=revisit_at)
            publish(recipients=member_ids(couple_id=pause.couple_id), event="pause.lifted", pause=pause.pk)
            from evenly.agreements.services import follow_up_after_pause

            follow_up_after_pause(pause=pause)
    forget_couple_contexts()


def pauses_end_for_couple(*, couple_id: int) -> None:
    """A couple that ends has nothing left to pause. Inside the caller's transaction."""
    now = timezone.now()
    ending = Pause.objects.filter(couple_id=couple_id, lifted_at__isnull=True)
    for revisit_at in ending.values_list("revisit_at", flat=True):
        _forget_pauser_once_over(now=now, revisit_at=revisit_at)
    ending.update(lifted_at=now)


def _forget_pauser_once_over(*, now: datetime, revisit_at: datetime | None) -> None:
    """Who paused is forgotten as soon as the pause is lifted, or once its
    revisit reminder has had time to go out."""
    sweep_at(max(now, revisit_at + REMINDER_GRACE) if revisit_at else now)
