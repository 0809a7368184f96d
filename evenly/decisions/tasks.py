from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils.dateparse import parse_date
from django_tasks import task

from evenly.core.models import NotificationKind
from evenly.core.notifications import notify
from evenly.couples.selectors import member_ids


@task()
def send_review_reminder(round_id: int, review_on: str) -> None:
    """A neutral reminder to both partners on the agreed review date. It does
    nothing when the round has moved on or its date has changed since."""
    from evenly.decisions.models import Round, Stage

    round_ = Round.objects.select_related("decision", "decision__couple").filter(pk=round_id).first()
    if round_ is None or round_.review_on != parse_date(review_on) or round_.reviewed_at is not None:
        return
    decision = round_.decision
    if decision.stage != Stage.TRIAL or decision.round_number != round_.number or decision.couple.ended_at:
        return
    with transaction.atomic():
        notify(
            user_ids=member_ids(couple_id=decision.couple_id),
            kind=NotificationKind.DECISION_REVIEW,
            url=reverse("decisions:detail", args=[decision.pk]),
            subject=f"decision:{decision.pk}",
        )
