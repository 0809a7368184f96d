from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.utils import timezone

from evenly.core.models import Notification, NotificationKind
from evenly.core.realtime import publish

if TYPE_CHECKING:
    from evenly.accounts.models import User


def open_notices(*, viewer: User) -> list[Notification]:
    """The notices still waiting for the viewer, newest first."""
    return list(Notification.objects.filter(user=viewer, dismissed_at__isnull=True)[:8])


def notify(*, user_ids: Iterable[int], kind: NotificationKind, url: str = "", subject: str = "") -> None:
    """Leave a neutral notice for each person and tell their open pages.

    `url` is where the notice leads; `subject` names what it is about, so a
    second notice of the same kind about the same thing refreshes the first
    instead of being listed again. Call inside the caller's transaction; the
    event goes out after commit."""
    recipients = sorted(set(user_ids))
    waiting = set(
        Notification.objects.filter(
            user_id__in=recipients, kind=kind, subject=subject, dismissed_at__isnull=True
        ).values_list("user_id", flat=True)
    )
    if waiting:
        Notification.objects.filter(user_id__in=waiting, kind=kind, subject=subject, dismissed_at__isnull=True).update(
            created_at=timezone.now(), url=url
        )
    Notification.objects.bulk_create(
        [
            Notification(user_id=user_id, kind=kind, url=url, subject=subject)
            for user_id in recipients
            if user_id not in waiting
        ]
    )
    publish(recipients=recipients, event="notification.created")


def notices_resolve(*, subject: str, user_ids: Iterable[int] | None = None) -> None:
    """The thing a notice was about has been dealt with (answered, joined,
    withdrawn, ended): its notices go away. Inside the caller's transaction."""
    waiting = Notification.objects.filter(subject=subject, dismissed_at__isnull=True)
    if user_ids is not None:
        waiting = waiting.filter(user_id__in=list(user_ids))
    recipients = sorted(set(waiting.values_list("user_id", flat=True)))
    if recipients:
        waiting.update(dismissed_at=timezone.now())
        publish(recipients=recipients, event="notification.created")
