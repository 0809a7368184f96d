"""Each person reads Evenly in their own language; two partners can differ."""

from __future__ import annotations

import pytest
from django.core import mail

from evenly.accounts.language import language_of, speaking
from evenly.accounts.models import User
from tests.cast import speaks_spanish

pytestmark = pytest.mark.django_db


def test_it_speaks_each_partner_s_own_language(alex, sam, client_for):  # type: ignore[no-untyped-def]
    speaks_spanish(sam)
    english = client_for(alex).get("/account/language/")
    spanish = client_for(sam).get("/account/language/")
    assert english["Content-Language"] == "en" and '<html lang="en">' in english.content.decode()
    assert spanish["Content-Language"] == "es" and '<html lang="es">' in spanish.content.decode()


def test_a_visitor_gets_their_browser_s_language(client):  # type: ignore[no-untyped-def]
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9")
    assert response["Content-Language"] == "es"
    assert "Accept-Language" in response["Vary"]
    assert client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="de")["Content-Language"] == "en"


def test_a_visitor_can_switch_language_before_signing_in(client):  # type: ignore[no-untyped-def]
    response = client.post("/i18n/setlang/", {"language": "es", "next": "/accounts/login/"})
    assert response.status_code == 302
    assert client.get("/accounts/login/")["Content-Language"] == "es"


def test_a_chosen_language_beats_the_browser_s(alex, client_for):  # type: ignore[no-untyped-def]
    client = client_for(alex)
    response = client.post("/account/language/", {"language": "es"}, follow=True)
    alex.refresh_from_db()
    assert alex.language == "es"
    assert response["Content-Language"] == "es"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Content-Language"] == "es"


def test_an_unknown_language_is_refused_and_nothing_changes(alex, client_for):  # type: ignore[no-untyped-def]
    response = client_for(alex).post("/account/language/", {"language": "klingon"})
    assert response.status_code == 200
    assert "field-error" in response.content.decode()
    alex.refresh_from_db()
    assert alex.language == ""


def test_the_language_page_needs_sign_in(client):  # type: ignore[no-untyped-def]
    response = client.get("/account/language/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_partner_s_language_is_untouched_by_a_choice(alex, sam, client_for):  # type: ignore[no-untyped-def]
    client_for(alex).post("/account/language/", {"language": "es"})
    sam.refresh_from_db()
    assert sam.language == ""
    assert client_for(sam).get("/")["Content-Language"] == "en"


def test_sign_up_keeps_the_browser_s_language(client):  # type: ignore[no-untyped-def]
    client.post(
        "/accounts/signup/",
        {
            "display_name": "Noa",
            "email": "noa@example.com",
            "password1": "a calm evening 42",
            "password2": "a calm evening 42",
        },
        HTTP_ACCEPT_LANGUAGE="es",
    )
    assert User.objects.get(email="noa@example.com").language == "es"


def test_an_email_speaks_its_recipient_s_language(sam, client):  # type: ignore[no-untyped-def]
    """Someone signs up, in English, with Sam's address: the email to Sam is
    in Sam's language."""
    speaks_spanish(sam)
    client.post(
        "/accounts/signup/",
        {"display_name": "X", "email": sam.email, "password1": "a calm evening 42", "password2": "a calm evening 42"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert len(mail.outbox) == 1
    assert "¡Hola de parte de" in mail.outbox[0].body


def test_speaking_falls_back_to_english_for_no_choice(alex):  # type: ignore[no-untyped-def]
    assert language_of(alex) == "en"
    with speaking(speaks_spanish(alex)) as language:
        assert language == "es"
