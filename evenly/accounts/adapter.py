from __future__ import annotations

from collections.abc import Iterable

from allauth.account.adapter import DefaultAccountAdapter
from allauth.usersessions.adapter import DefaultUserSessionsAdapter
from allauth.usersessions.models import UserSession

from evenly.core.audit import audit_record
from evenly.core.models import AuditKind


class AccountAdapter(DefaultAccountAdapter):
    """Neutral subjects for every email: nothing in an inbox preview hints at
    what Evenly is for."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": (
            "There have been several sign-in attempts in a short time, so signing in is paused "
            "for a few minutes to keep this account safe. Please try again a little later."
        ),
    }

    def format_email_subject(self, subject: str) -> str:
        # The same plain subject for every account email, whatever it is about.
        return "Account notice"


class UserSessionsAdapter(DefaultUserSessionsAdapter):
    """allauth ends sessions here (for "sign out other sessions"); the owner's
    security history notes that it happened."""

    def end_sessions(self, sessions: Iterable[UserSession]) -> None:
        sessions = list(sessions)
        super().end_sessions(sessions)
        for user_id in {session.user_id for session in sessions}:
            audit_record(user_id=user_id, kind=AuditKind.SESSIONS_ENDED)
