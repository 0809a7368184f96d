from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from evenly.accounts.models import User
from evenly.core.audit import audit_record
from evenly.core.models import AuditEvent, AuditKind
from tests.cast import PASSWORD


def test_it_redirects_anonymous_visitors_to_sign_in(db: None) -> None:
    response = Client().get("/account/security/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_shows_the_owner_their_own_history(alex: User, client_for: Callable[[User], Client]) -> None:
    audit_record(user_id=alex.pk, kind=AuditKind.MFA_ADDED, detail="Passkey")
    html = client_for(alex).get("/account/security/").content.decode()
    assert "Two-step sign-in method added (Passkey)" in html
    assert "Couple space created" in html


def test_it_never_shows_the_partner_the_owners_history(
    alex: User, sam: User, client_for: Callable[[User], Client]
) -> None:
    audit_record(user_id=alex.pk, kind=AuditKind.PASSWORD_CHANGED)
    audit_record(user_id=alex.pk, kind=AuditKind.MFA_REMOVED, detail="Authenticator app")
    response = client_for(sam).get("/account/security/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Password changed" not in html
    assert "Authenticator app" not in html
    assert list(response.context["overview"].events) == list(AuditEvent.objects.filter(user=sam))


def test_it_never_shows_the_partner_the_owners_sessions(alex: User, sam: User, db: None) -> None:
    alex_client = Client(HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0")
    alex_client.post("/accounts/login/", {"login": alex.email, "password": PASSWORD})
    sam_client = Client(HTTP_USER_AGENT="Mozilla/5.0 (iPhone) Safari/605.1")
    sam_client.post("/accounts/login/", {"login": sam.email, "password": PASSWORD})

    response = sam_client.get("/account/security/")
    assert [row.device for row in response.context["overview"].sessions] == ["Safari on iPhone"]
    assert "Firefox" not in response.content.decode()


def test_it_links_to_sign_in_settings_and_data(alex: User, client_for: Callable[[User], Client]) -> None:
    html = client_for(alex).get("/account/security/").content.decode()
    for url in [
        "/accounts/2fa/",
        "/accounts/password/change/",
        "/accounts/email/",
        "/account/export/",
        "/account/delete/",
    ]:
        assert f'href="{url}"' in html


def test_it_signs_out_everywhere_else_and_remembers_it(alex: User, db: None) -> None:
    laptop = Client(HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0")
    laptop.post("/accounts/login/", {"login": alex.email, "password": PASSWORD})
    phone = Client(HTTP_USER_AGENT="Mozilla/5.0 (iPhone) Safari/605.1")
    phone.post("/accounts/login/", {"login": alex.email, "password": PASSWORD})
    assert "Sign out everywhere else" in laptop.get("/account/security/").content.decode()

    response = laptop.post("/accounts/sessions/")
    assert response.status_code == 302
    assert phone.get("/account/security/").status_code == 302
    assert laptop.get("/account/security/").status_code == 200
    assert AuditEvent.objects.filter(user=alex, kind=AuditKind.SESSIONS_ENDED).count() == 1
