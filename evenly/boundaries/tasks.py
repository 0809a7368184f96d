from __future__ import annotations

from django.utils.dateparse import parse_datetime
from django_tasks import task

from evenly.boundaries.models import ReviewSettings


@task()
def send_review_reminder(user_id: int, due_at: str) -> None:
    """A neutral "maybe review your boundaries" notice, every N months.

    The due time travels with the task: after a change of setting or a
    finished review, an older reminder finds a different time and does nothing.
    """
    from evenly.boundaries.services import reminder_fire

    row = ReviewSettings.objects.filter(user_id=user_id).first()
    if row is None or row.next_reminder_at is None or row.next_reminder_at != parse_datetime(due_at):
        return
    reminder_fire(user_id=user_id)
