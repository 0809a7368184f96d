from __future__ import annotations

from collections.abc import Iterable

from evenly.core.models import Notification, NotificationKind
from evenly.core.realtime import publish


def notify(*, user_ids: Iterable[int], kind: NotificationKind) -> None:
    """Leave a neutral notice for each person and tell their open pages.
    Call inside the caller's transaction; the event goes out after commit."""
    recipients = sorted(set(user_ids))
    Notification.objects.bulk_create([Notification(user_id=user_id, kind=kind) for user_id in recipients])
    publish(recipients=recipients, event="notification.created")
