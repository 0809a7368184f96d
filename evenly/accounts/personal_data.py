"""The foundation's share of the personal-data registry: the profile, couple
memberships, pauses, notifications, security history and sessions. Each
export returns only rows that belong to the person, never their partner's."""

from __future__ import annotations

from allauth.usersessions.models import UserSession

from evenly.accounts.models import User
from evenly.accounts.selectors import shown_detail
from evenly.core.models import AuditEvent, Notification
from evenly.core.personal_data import register
from evenly.couples.models import Membership
from evenly.pause.models import Pause


def export_profile(user: User) -> dict[str, object]:
    return {
        "email": user.email,
        "display_name": user.display_name,
        "pronouns": user.pronouns,
        "joined": user.date_joined,
    }


def export_couple_memberships(user: User) -> list[dict[str, object]]:
    return [
        {"joined": joined_at, "left": left_at}
        for joined_at, left_at in Membership.objects.filter(user=user)
        .order_by("joined_at")
        .values_list("joined_at", "left_at")
    ]


def export_pauses(user: User) -> list[dict[str, object]]:
    return [
        {"started": started, "lifted": lifted, "revisit": choice, "revisit_at": revisit_at}
        for started, lifted, choice, revisit_at in Pause.objects.filter(paused_by=user)
        .order_by("started_at")
        .values_list("started_at", "lifted_at", "revisit_choice", "revisit_at")
    ]


def export_notifications(user: User) -> list[dict[str, object]]:
    return [
        {"text": notification.text, "created": notification.created_at, "dismissed": notification.dismissed_at}
        for notification in Notification.objects.filter(user=user).order_by("created_at")
    ]


def export_security_history(user: User) -> list[dict[str, object]]:
    return [
        {
            "event": str(event.get_kind_display()),
            "detail": shown_detail(event.detail),
            "at": event.created_at,
        }
        for event in AuditEvent.objects.filter(user=user).order_by("created_at", "id")
    ]


def export_sessions(user: User) -> list[dict[str, object]]:
    return [
        {"started": s.created_at, "last_seen": s.last_seen_at, "ip": s.ip, "browser": s.user_agent}
        for s in UserSession.objects.filter(user=user).order_by("created_at")
    ]


def erase_sessions(user: User) -> None:
    """Sign the person out everywhere: their session rows would otherwise
    outlive the account in the session store."""
    for session in UserSession.objects.filter(user=user):
        session.end()


def register_foundation() -> None:
    register(name="profile", export=export_profile)
    register(name="couple_memberships", export=export_couple_memberships)
    register(name="pauses", export=export_pauses)
    register(name="notifications", export=export_notifications)
    register(name="security_history", export=export_security_history)
    register(name="sessions", export=export_sessions, erase=erase_sessions)
