from __future__ import annotations

import contextlib
from collections.abc import Iterable
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal import ratelimit  # the same counters allauth's own adapter uses
from allauth.usersessions.adapter import DefaultUserSessionsAdapter
from allauth.usersessions.models import UserSession
from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from evenly.accounts.devices import known_device_nonce, remember_device
from evenly.accounts.language import speaking
from evenly.accounts.models import User
from evenly.core.audit import audit_record
from evenly.core.models import AuditKind


class AccountAdapter(DefaultAccountAdapter):
    """Neutral subjects for every email: nothing in an inbox preview hints at
    what Evenly is for."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": _(
            "There have been several sign-in attempts in a short time, so signing in is paused "
            "for a few minutes to keep this account safe. Please try again a little later."
        ),
    }

    def format_email_subject(self, subject: str) -> str:
        # The same plain subject for every account email, whatever it is about.
        return gettext("Account notice")

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """Every email speaks its recipient's language, whoever caused it (for
        example someone else signing up with an address that is taken)."""
        recipient = context.get("user") or User.objects.filter(email__iexact=email).first()
        with speaking(recipient) if recipient is not None else contextlib.nullcontext():
            super().send_mail(template_prefix, email, context)

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        """Count failed sign-ins per address, except from a browser that signed
        in to that address before: its failures count in a bucket of its own
        (see `evenly.accounts.devices`)."""
        key = self._get_login_attempts_cache_key(request, **credentials)
        nonce = known_device_nonce(request, credentials.get("email", credentials.get("username", "")))
        if nonce:
            key = f"{key}:device:{nonce}"
        self._login_failed_rl_usage = ratelimit.consume(request, app="allauth.account", action="login_failed", key=key)
        if not self._login_failed_rl_usage:
            raise self.validation_error("too_many_login_attempts")

    def post_login(self, request: HttpRequest, user: AbstractBaseUser, **kwargs: Any) -> HttpResponse:
        response = super().post_login(request, user, **kwargs)
        email = getattr(user, "email", "")
        if email:
            remember_device(request, response, email)
        return response


class UserSessionsAdapter(DefaultUserSessionsAdapter):
    """allauth ends sessions here (for "sign out other sessions"); the owner's
    security history notes that it happened."""

    def end_sessions(self, sessions: Iterable[UserSession]) -> None:
        sessions = list(sessions)
        super().end_sessions(sessions)
        for user_id in {session.user_id for session in sessions}:
            audit_record(user_id=user_id, kind=AuditKind.SESSIONS_ENDED)
