from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django_tasks import task

from evenly.core.models import NotificationKind
from evenly.core.notifications import notify
from evenly.couples.selectors import member_ids
from evenly.pause.models import Pause


@task()
def send_revisit_reminder(pause_id: int, revisit_at: str) -> None:
    """A neutral reminder to both partners at the time the pauser chose.

    The time travels with the task: if the pauser picked another time since,
    this older reminder finds a different `revisit_at` and does nothing.
    """
    pause = Pause.objects.select_related("couple").filter(pk=pause_id).first()
    if pause is None or pause.revisit_at != parse_datetime(revisit_at) or pause.couple.ended_at:
        return
    with transaction.atomic():
        notify(
            user_ids=member_ids(couple_id=pause.couple_id),
            kind=NotificationKind.REVISIT_REMINDER,
            url=reverse("home"),
            subject=f"pause:{pause.pk}",
        )
