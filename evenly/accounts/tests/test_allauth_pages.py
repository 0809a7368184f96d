"""allauth's pages, rendered inside Evenly's layout, must work under our CSP:
no inline script that would run without the nonce, no inline style attribute,
and every script they need loaded from our own origin."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.test import Client

from evenly.accounts.models import User
from tests.cast import PASSWORD

SCRIPT = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)


def assert_fits_the_csp(html: str) -> None:
    for attrs in SCRIPT.findall(html):
        is_data = 'type="application/json"' in attrs
        is_external = "src=" in attrs
        assert is_data or is_external or "nonce=" in attrs, attrs
        if is_external:
            assert re.search(r'src="/static/', attrs), attrs
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html)


@pytest.mark.parametrize(
    "url",
    ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/", "/account/goodbye/"],
)
def test_it_renders_public_pages_in_our_layout(db: None, url: str) -> None:
    response = Client().get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="site-header"' in html
    assert_fits_the_csp(html)


def test_it_keeps_the_passkey_sign_in_script_on_the_login_page(db: None) -> None:
    html = Client().get("/accounts/login/").content.decode()
    assert 'id="mfa_login"' in html
    assert 'src="/static/mfa/js/webauthn.js"' in html
    assert 'data-allauth-onload="allauth.webauthn.forms.loginForm"' in html


SIGNED_IN_PAGES = [
    "/accounts/logout/",
    "/accounts/password/change/",
    "/accounts/email/",
    "/accounts/sessions/",
    "/accounts/2fa/",
    "/accounts/2fa/totp/activate/",
    "/accounts/2fa/webauthn/add/",
    "/accounts/reauthenticate/",
    "/account/security/",
    "/account/export/",
    "/account/delete/",
]


def test_it_renders_signed_in_pages_within_the_csp(
    alex: User, reauthenticated_client_for: Callable[[User], Client]
) -> None:
    client = reauthenticated_client_for(alex)
    for url in SIGNED_IN_PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        assert 'class="site-header"' in response.content.decode(), url
        assert_fits_the_csp(response.content.decode())


def test_it_serves_allauths_scripts_from_our_own_origin(db: None) -> None:
    client = Client()
    for path in ["/static/mfa/js/webauthn.js", "/static/mfa/js/webauthn-json.js", "/static/account/js/onload.js"]:
        response = client.get(path)
        assert response.status_code == 200, path


def test_it_shows_the_totp_qr_code_as_an_image_the_csp_allows(
    alex: User, reauthenticated_client_for: Callable[[User], Client]
) -> None:
    response = reauthenticated_client_for(alex).get("/accounts/2fa/totp/activate/")
    assert "img-src 'self' data:" in response["Content-Security-Policy"]
    assert re.search(r'<img src="data:image/svg\+xml', response.content.decode())


def test_it_links_account_pages_back_to_the_security_page(
    alex: User, reauthenticated_client_for: Callable[[User], Client]
) -> None:
    html = reauthenticated_client_for(alex).get("/accounts/2fa/").content.decode()
    assert "Two-step sign-in" in html
    assert 'href="/account/security/"' in html


def test_it_names_devices_plainly_on_the_sessions_page(alex: User, db: None) -> None:
    client = Client(HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0")
    client.post("/accounts/login/", {"login": alex.email, "password": PASSWORD})
    html = client.get("/accounts/sessions/").content.decode()
    assert "Firefox on Linux" in html
    assert "(this device)" in html


def test_it_loads_the_passkey_scripts_when_adding_a_passkey(
    alex: User, reauthenticated_client_for: Callable[[User], Client]
) -> None:
    html = reauthenticated_client_for(alex).get("/accounts/2fa/webauthn/add/").content.decode()
    assert 'src="/static/mfa/js/webauthn.js"' in html
    assert 'data-allauth-onload="allauth.webauthn.forms.addForm"' in html
