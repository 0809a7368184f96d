from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django_tasks import task

from evenly.core.models import NotificationKind
from evenly.core.notifications import notify
from evenly.couples.selectors import member_ids


@task()
def remind_ritual(ritual_id: int, occurrence: str) -> None:
    """A neutral reminder to both partners before an occurrence. The planned
    time travels with the task: a ritual paused, ended or moved on since finds
    nothing to remind about."""
    from evenly.pause.models import Pause
    from evenly.rituals.models import Ritual, Status

    ritual = Ritual.objects.select_related("couple").filter(pk=ritual_id).first()
    if (
        ritual is None
        or ritual.status != Status.ACTIVE
        or ritual.next_at != parse_datetime(occurrence)
        or ritual.couple.ended_at
        or Pause.objects.filter(couple_id=ritual.couple_id, lifted_at__isnull=True).exists()
    ):
        return  # Nothing to remind about, or a partner needs quiet just now.
    with transaction.atomic():
        notify(
            user_ids=member_ids(couple_id=ritual.couple_id),
            kind=NotificationKind.RITUAL_SOON,
            url=reverse("rituals:index"),
            subject=f"ritual-soon:{ritual.pk}",
        )


@task()
def advance_ritual(ritual_id: int, occurrence: str) -> None:
    from evenly.rituals.services import ritual_advance

    when = parse_datetime(occurrence)
    if when is not None:
        ritual_advance(ritual_id=ritual_id, occurrence=when)
