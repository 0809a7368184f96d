"""Accounts can't be probed or locked out by strangers."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.test import Client

from evenly.accounts.devices import COOKIE
from evenly.accounts.models import User
from tests.cast import PASSWORD

pytestmark = pytest.mark.django_db
PAUSED = "signing in is paused for a few minutes"
WRONG = "not the password"
REPO = Path(__file__).resolve().parents[3]


def _without_tokens(html: str) -> str:
    """A page with its per-request tokens and nonces taken out."""
    return re.sub(r"[A-Za-z0-9+/=_-]{20,}", "TOKEN", html)


def _sign_up(email: str) -> tuple[Client, object]:
    client = Client()
    data = {"display_name": "Newcomer", "email": email, "password1": PASSWORD, "password2": PASSWORD}
    response = client.post("/accounts/signup/", data)
    return client, response


def test_sign_up_answers_the_same_for_a_taken_and_a_free_address(casey: User) -> None:
    _, taken = _sign_up(casey.email)
    _, free = _sign_up("newcomer@example.com")
    assert (taken.status_code, taken["Location"]) == (free.status_code, free["Location"])  # type: ignore[attr-defined]
    followed_taken = Client().get(taken["Location"]).content.decode()  # type: ignore[index]
    followed_free = Client().get(free["Location"]).content.decode()  # type: ignore[index]
    assert "already" not in followed_taken.lower()
    assert _without_tokens(followed_taken) == _without_tokens(followed_free)
    assert User.objects.filter(email=casey.email).count() == 1


def test_the_owner_of_a_taken_address_gets_an_email_instead(casey: User) -> None:
    _sign_up(casey.email)
    assert [message.to for message in mail.outbox] == [[casey.email]]
    assert "sign up" in mail.outbox[0].body.lower() or "already" in mail.outbox[0].body.lower()
    assert mail.outbox[0].subject == "Account notice"


def test_sign_up_and_verification_work_end_to_end_with_console_mail(settings) -> None:  # type: ignore[no-untyped-def]
    client, response = _sign_up("morgan@example.com")
    assert response.status_code == 302  # type: ignore[attr-defined]
    assert client.get("/account/security/").status_code == 302  # not in until the address is confirmed
    link = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s/]+/", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    path = "/" + link.group(0).split("/", 3)[3]
    assert client.get(path).status_code == 200
    confirmed = client.post(path)
    assert confirmed.status_code == 302
    assert client.get("/account/security/").status_code == 200
    assert User.objects.get(email="morgan@example.com").emailaddress_set.get().verified


def test_the_console_is_where_mail_goes_in_development() -> None:
    from evenly import settings as project_settings

    if not os.environ.get("EMAIL_HOST"):
        assert project_settings.EMAIL_BACKEND == "django.core.mail.backends.console.EmailBackend"
    assert project_settings.ACCOUNT_EMAIL_VERIFICATION == "mandatory"
    assert project_settings.ACCOUNT_PREVENT_ENUMERATION is True


def _guess(client: Client, email: str, password: str = WRONG, **headers: str) -> str:
    return client.post("/accounts/login/", {"login": email, "password": password}, **headers).content.decode()


def _signed_in(client: Client) -> bool:
    return client.get("/account/security/").status_code == 200


def test_a_browser_that_signed_in_before_still_can_while_strangers_guess(casey: User) -> None:
    own = Client()
    own.post("/accounts/login/", {"login": casey.email, "password": PASSWORD})
    assert COOKIE in own.cookies
    own.post("/accounts/logout/")

    stranger = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(6):
        _guess(stranger, casey.email)
    assert PAUSED in _guess(stranger, casey.email, PASSWORD)
    assert not _signed_in(stranger)

    own.post("/accounts/login/", {"login": casey.email, "password": PASSWORD})
    assert _signed_in(own)


def test_an_unknown_browser_stays_limited(casey: User) -> None:
    stranger = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(5):
        _guess(stranger, casey.email)
    newcomer = Client(REMOTE_ADDR="198.51.100.7")
    assert PAUSED in _guess(newcomer, casey.email, PASSWORD)
    assert not _signed_in(newcomer)


def test_a_known_browser_that_guesses_wrong_is_paused_too(casey: User) -> None:
    own = Client()
    own.post("/accounts/login/", {"login": casey.email, "password": PASSWORD})
    own.post("/accounts/logout/")
    for _ in range(5):
        _guess(own, casey.email)
    assert PAUSED in _guess(own, casey.email, PASSWORD)


def test_a_device_cookie_is_for_its_own_address_and_cannot_be_forged(casey: User, make_user) -> None:  # type: ignore[no-untyped-def]
    robin = make_user("Robin")
    own = Client()
    own.post("/accounts/login/", {"login": robin.email, "password": PASSWORD})
    own.post("/accounts/logout/")
    forged = Client()
    forged.cookies[COOKIE] = own.cookies[COOKIE].value.replace(":", ";", 1)
    stranger = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(5):
        _guess(stranger, casey.email)
    assert PAUSED in _guess(own, casey.email, PASSWORD)  # Robin's cookie is not Casey's
    assert PAUSED in _guess(forged, casey.email, PASSWORD)
    assert "evenly" not in own.cookies[COOKIE].value and robin.email not in own.cookies[COOKIE].value


def test_behind_a_proxy_limits_use_the_clients_address(settings, make_user) -> None:  # type: ignore[no-untyped-def]
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    people = [make_user(f"Person{n}") for n in range(6)]
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    for person in people[:5]:
        _guess(Client(**proxy), person.email, HTTP_X_FORWARDED_FOR="203.0.113.9")
    # The guesser's own address is paused...
    assert PAUSED in _guess(Client(**proxy), people[5].email, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.9")
    # ...and someone else coming through the same proxy is not.
    other = Client(**proxy)
    _guess(other, people[5].email, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert _signed_in(other)


def _setting(name: str, **env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("EVENLY_")}
    clean.update(env)
    code = f"from django.conf import settings; print(settings.{name})"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code], cwd=REPO, env=clean, capture_output=True, text=True
    )
    return result.stdout.strip().splitlines()[-1]


def test_the_trusted_proxy_count_follows_the_proxy_setting() -> None:
    assert _setting("ALLAUTH_TRUSTED_PROXY_COUNT") == "0"
    assert _setting("ALLAUTH_TRUSTED_PROXY_COUNT", EVENLY_BEHIND_PROXY="1") == "1"
    assert _setting("ALLAUTH_TRUSTED_PROXY_COUNT", EVENLY_BEHIND_PROXY="1", EVENLY_TRUSTED_PROXY_COUNT="2") == "2"
