from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django_tasks import task

from evenly.core.models import NotificationKind
from evenly.core.notifications import notify
from evenly.core.realtime import publish
from evenly.couples.selectors import member_ids


@task()
def timeout_time_up(pause_id: int, ends_at: str) -> None:
    """Tell both partners' open pages that the timeout's time is up, so both
    are offered to come back or take more time. An older timer whose end was
    moved by an extension does nothing."""
    from evenly.agreements.models import Timeout

    timeout = Timeout.objects.select_related("pause").filter(pause_id=pause_id).first()
    if timeout is None or timeout.pause.lifted_at is not None or timeout.ends_at != parse_datetime(ends_at):
        return
    with transaction.atomic():
        publish(recipients=member_ids(couple_id=timeout.pause.couple_id), event="timeout.changed", pause=pause_id)


@task()
def follow_up_land(follow_up_id: int) -> None:
    """The follow-up is due: it lands on the check-in agenda for both."""
    from evenly.agreements.models import FollowUp

    follow_up = FollowUp.objects.select_related("couple").filter(pk=follow_up_id, landed_at__isnull=True).first()
    if follow_up is None or follow_up.couple.ended_at:
        return
    with transaction.atomic():
        FollowUp.objects.filter(pk=follow_up.pk).update(landed_at=timezone.now())
        notify(user_ids=member_ids(couple_id=follow_up.couple_id), kind=NotificationKind.FOLLOW_UP_DUE)
        publish(
            recipients=member_ids(couple_id=follow_up.couple_id), event="checkin.agenda", couple=follow_up.couple_id
        )
