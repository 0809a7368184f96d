"""Security history: allauth and Django tell us what happened, and each
receiver writes one short, content-free audit row for the person it
happened to. No IP address, email address or code is ever stored."""

from __future__ import annotations

from typing import Any

from allauth.account import signals as account_signals
from allauth.account.models import EmailAddress
from allauth.mfa import signals as mfa_signals
from allauth.mfa.models import Authenticator
from django.contrib.auth import signals as auth_signals

from evenly.core.audit import audit_record
from evenly.core.models import AuditKind

# Stored in English as an audit row's detail; shown translated through
# `evenly.accounts.selectors.shown_detail`.
AUTHENTICATOR_NAMES = {
    Authenticator.Type.TOTP: "Authenticator app",
    Authenticator.Type.WEBAUTHN: "Passkey",
    Authenticator.Type.RECOVERY_CODES: "Recovery codes",
}


def _user_id(user: Any) -> int | None:
    # A deleted account logs out after its row is gone; there is nobody left
    # to record anything for.
    return getattr(user, "pk", None)


def _record(user: Any, kind: AuditKind, detail: str = "") -> None:
    user_id = _user_id(user)
    if user_id is not None:
        audit_record(user_id=user_id, kind=kind, detail=detail)


def on_signed_up(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    _record(user, AuditKind.SIGNED_UP)


def on_logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    _record(user, AuditKind.LOGGED_IN)


def on_logged_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    _record(user, AuditKind.LOGGED_OUT)


def on_login_failed(sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
    """Recorded for the account that was tried, so its owner can notice. Who
    tried, and from where, is not recorded."""
    email = credentials.get("email") or credentials.get("username") or ""
    if not isinstance(email, str) or "@" not in email:
        return
    address = EmailAddress.objects.filter(email__iexact=email.strip()).only("user_id").first()
    if address is not None:
        audit_record(user_id=address.user_id, kind=AuditKind.LOGIN_FAILED)


def on_password_changed(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    _record(user, AuditKind.PASSWORD_CHANGED)


def on_password_reset(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    _record(user, AuditKind.PASSWORD_RESET)


def on_email_changed(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    _record(user, AuditKind.EMAIL_CHANGED, "New main address")


def on_email_added(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    _record(user, AuditKind.EMAIL_CHANGED, "Address added")


def on_email_removed(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    _record(user, AuditKind.EMAIL_CHANGED, "Address removed")


def on_authenticator_added(sender: Any, request: Any, user: Any, authenticator: Authenticator, **kwargs: Any) -> None:
    if authenticator.type == Authenticator.Type.RECOVERY_CODES:
        _record(user, AuditKind.RECOVERY_CODES_GENERATED)
    else:
        _record(user, AuditKind.MFA_ADDED, AUTHENTICATOR_NAMES.get(authenticator.type, ""))


def on_authenticator_removed(sender: Any, request: Any, user: Any, authenticator: Authenticator, **kwargs: Any) -> None:
    _record(user, AuditKind.MFA_REMOVED, AUTHENTICATOR_NAMES.get(authenticator.type, ""))


def on_authenticator_reset(sender: Any, request: Any, user: Any, authenticator: Authenticator, **kwargs: Any) -> None:
    if authenticator.type == Authenticator.Type.RECOVERY_CODES:
        _record(user, AuditKind.RECOVERY_CODES_GENERATED)
    else:
        _record(user, AuditKind.MFA_ADDED, AUTHENTICATOR_NAMES.get(authenticator.type, ""))


def connect() -> None:
    uid = "evenly.accounts.audit"
    account_signals.user_signed_up.connect(on_signed_up, dispatch_uid=f"{uid}.signed_up")
    account_signals.user_logged_in.connect(on_logged_in, dispatch_uid=f"{uid}.logged_in")
    auth_signals.user_logged_out.connect(on_logged_out, dispatch_uid=f"{uid}.logged_out")
    auth_signals.user_login_failed.connect(on_login_failed, dispatch_uid=f"{uid}.login_failed")
    account_signals.password_changed.connect(on_password_changed, dispatch_uid=f"{uid}.password_changed")
    account_signals.password_set.connect(on_password_changed, dispatch_uid=f"{uid}.password_set")
    account_signals.password_reset.connect(on_password_reset, dispatch_uid=f"{uid}.password_reset")
    account_signals.email_changed.connect(on_email_changed, dispatch_uid=f"{uid}.email_changed")
    account_signals.email_added.connect(on_email_added, dispatch_uid=f"{uid}.email_added")
    account_signals.email_removed.connect(on_email_removed, dispatch_uid=f"{uid}.email_removed")
    mfa_signals.authenticator_added.connect(on_authenticator_added, dispatch_uid=f"{uid}.mfa_added")
    mfa_signals.authenticator_removed.connect(on_authenticator_removed, dispatch_uid=f"{uid}.mfa_removed")
    mfa_signals.authenticator_reset.connect(on_authenticator_reset, dispatch_uid=f"{uid}.mfa_reset")
