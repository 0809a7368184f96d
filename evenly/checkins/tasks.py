from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django_tasks import task

from evenly.core.models import NotificationKind
from evenly.core.notifications import notify
from evenly.couples.selectors import member_ids


@task()
def send_checkin_reminder(checkin_id: int, scheduled_for: str) -> None:
    """A neutral reminder to both partners shortly before a planned check-in.

    The planned time travels with the task: a check-in moved, started or
    cancelled since finds nothing to remind about."""
    from evenly.checkins.models import CheckIn, Status

    checkin = CheckIn.objects.select_related("couple").filter(pk=checkin_id).first()
    if (
        checkin is None
        or checkin.status != Status.SCHEDULED
        or checkin.scheduled_for != parse_datetime(scheduled_for)
        or checkin.couple.ended_at
    ):
        return
    with transaction.atomic():
        notify(
            user_ids=member_ids(couple_id=checkin.couple_id),
            kind=NotificationKind.CHECKIN_SOON,
            url=reverse("checkins:index"),
            subject=f"checkin:{checkin.pk}",
        )
