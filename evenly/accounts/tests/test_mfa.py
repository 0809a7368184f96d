from __future__ import annotations

import time
from collections.abc import Callable

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, format_hotp_value, hotp_value
from django.test import Client

from evenly.accounts.models import User
from evenly.core.models import AuditEvent, AuditKind


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


def activate_totp(client: Client, capture: Callable) -> None:  # type: ignore[type-arg]
    client.get("/accounts/2fa/totp/activate/")
    secret = client.session[SECRET_SESSION_KEY]
    with capture(execute=True):
        response = client.post("/accounts/2fa/totp/activate/", {"code": current_code(secret)})
    assert response.status_code == 302, response.content


def test_it_asks_for_the_password_before_setting_up_an_authenticator_app(
    alex: User, client_for: Callable[[User], Client]
) -> None:
    response = client_for(alex).get("/accounts/2fa/totp/activate/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")


def test_it_asks_for_the_password_before_adding_a_passkey(alex: User, client_for: Callable[[User], Client]) -> None:
    response = client_for(alex).get("/accounts/2fa/webauthn/add/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")


def test_it_records_setting_up_an_authenticator_app(
    alex: User,
    reauthenticated_client_for: Callable[[User], Client],
    django_capture_on_commit_callbacks: Callable,  # type: ignore[type-arg]
) -> None:
    client = reauthenticated_client_for(alex)
    activate_totp(client, django_capture_on_commit_callbacks)

    assert Authenticator.objects.filter(user=alex, type=Authenticator.Type.TOTP).exists()
    assert AuditEvent.objects.filter(user=alex, kind=AuditKind.MFA_ADDED, detail="Authenticator app").exists()
    html = client.get("/account/security/").content.decode()
    assert "on: Authenticator app" in html


def test_it_records_removing_an_authenticator_app(
    alex: User,
    reauthenticated_client_for: Callable[[User], Client],
    django_capture_on_commit_callbacks: Callable,  # type: ignore[type-arg]
) -> None:
    client = reauthenticated_client_for(alex)
    activate_totp(client, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/2fa/totp/deactivate/")
    assert response.status_code == 302
    assert AuditEvent.objects.filter(user=alex, kind=AuditKind.MFA_REMOVED, detail="Authenticator app").exists()
