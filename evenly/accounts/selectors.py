from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from evenly.accounts.models import User
from evenly.accounts.signals import AUTHENTICATOR_NAMES
from evenly.core.models import AuditEvent

HISTORY_LENGTH = 50


@dataclass(frozen=True)
class SessionRow:
    device: str
    started_at: datetime
    last_seen_at: datetime
    is_current: bool


@dataclass(frozen=True)
class SecurityOverview:
    events: list[AuditEvent]
    sessions: list[SessionRow]
    mfa_methods: list[str]

    @property
    def other_session_count(self) -> int:
        return sum(1 for session in self.sessions if not session.is_current)


def security_overview(*, viewer: User, current_session_key: str | None) -> SecurityOverview:
    """The viewer's own security picture. It only ever reads rows belonging to
    `viewer`; there is no way to ask for anyone else's."""
    sessions = sorted(UserSession.objects.purge_and_list(viewer), key=lambda s: s.last_seen_at, reverse=True)
    return SecurityOverview(
        events=list(AuditEvent.objects.filter(user=viewer)[:HISTORY_LENGTH]),
        sessions=[
            SessionRow(
                device=describe_device(session.user_agent),
                started_at=session.created_at,
                last_seen_at=session.last_seen_at,
                is_current=session.session_key == current_session_key,
            )
            for session in sessions
        ],
        mfa_methods=_mfa_methods(viewer),
    )


def _mfa_methods(viewer: User) -> list[str]:
    kinds = set(Authenticator.objects.filter(user=viewer).values_list("type", flat=True).distinct())
    return [
        shown_detail(AUTHENTICATOR_NAMES[kind])
        for kind in (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN, Authenticator.Type.RECOVERY_CODES)
        if kind in kinds
    ]


# An audit row's detail is stored in English; this is how each one reads.
# The context keeps allauth's own "Passkey" (left untranslated) from winning.
SHOWN_DETAILS = {
    "Authenticator app": pgettext_lazy("security history", "Authenticator app"),
    "Passkey": pgettext_lazy("security history", "Passkey"),
    "Recovery codes": pgettext_lazy("security history", "Recovery codes"),
    "New main address": pgettext_lazy("security history", "New main address"),
    "Address added": pgettext_lazy("security history", "Address added"),
    "Address removed": pgettext_lazy("security history", "Address removed"),
}


def shown_detail(detail: str) -> str:
    """An audit row's stored detail, in the reader's language."""
    return str(SHOWN_DETAILS.get(detail, detail))


BROWSERS = [("Edg/", "Edge"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari")]
SYSTEMS = [
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Windows", "Windows"),
    ("Mac OS X", "Mac"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
]


def describe_device(user_agent: str) -> str:
    """A rough, friendly name such as "Firefox on Linux"."""
    browser = next((name for token, name in BROWSERS if token in user_agent), "")
    system = next((name for token, name in SYSTEMS if token in user_agent), "")
    if browser and system:
        return _("%(browser)s on %(system)s") % {"browser": browser, "system": system}
    return browser or system or _("A browser")
