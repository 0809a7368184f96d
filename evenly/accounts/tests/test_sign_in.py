from __future__ import annotations

from django.contrib.auth.hashers import identify_hasher
from django.test import Client

from evenly.accounts.models import User
from evenly.core.models import AuditEvent, AuditKind
from tests.cast import PASSWORD


def kinds(user: User) -> list[str]:
    return list(AuditEvent.objects.filter(user=user).values_list("kind", flat=True))


def test_it_signs_up_logs_out_and_logs_in_again(db: None) -> None:
    client = Client()
    response = client.post(
        "/accounts/signup/",
        {"display_name": "Morgan", "email": "morgan@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    user = User.objects.get(email="morgan@example.com")
    assert user.display_name == "Morgan"
    # The address is confirmed through the link in the email (printed to the console in development).
    from django.core import mail

    confirm = "/accounts/confirm-email/" + mail.outbox[-1].body.split("/accounts/confirm-email/")[1].split("/")[0] + "/"
    assert client.post(confirm).status_code == 302
    assert client.get("/account/security/").status_code == 200

    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert client.get("/account/security/").status_code == 302

    response = client.post("/accounts/login/", {"login": "morgan@example.com", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/account/security/").status_code == 200
    assert {AuditKind.SIGNED_UP, AuditKind.LOGGED_IN, AuditKind.LOGGED_OUT} <= set(kinds(user))


def test_it_hashes_passwords_with_argon2(casey: User) -> None:
    from evenly import settings as project_settings

    assert project_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert identify_hasher(casey.password).algorithm == "argon2"


def test_it_records_a_failed_login_for_the_account_owner_only(casey: User) -> None:
    Client().post("/accounts/login/", {"login": casey.email, "password": "not the password"})
    event = AuditEvent.objects.get(user=casey, kind=AuditKind.LOGIN_FAILED)
    assert event.detail == ""


def test_it_keeps_the_typed_email_after_a_failed_login(casey: User) -> None:
    response = Client().post("/accounts/login/", {"login": casey.email, "password": "not the password"})
    html = response.content.decode()
    assert response.status_code == 200
    assert f'value="{casey.email}"' in html
    assert 'class="form-errors"' in html


def test_it_slows_down_repeated_failed_logins(casey: User) -> None:
    client = Client()
    for _ in range(5):
        client.post("/accounts/login/", {"login": casey.email, "password": "not the password"})
    response = client.post("/accounts/login/", {"login": casey.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "signing in is paused for a few minutes" in response.content.decode()
    assert client.get("/account/security/").status_code == 302


def test_it_shows_clear_errors_and_keeps_the_email_on_a_bad_signup(db: None) -> None:
    response = Client().post(
        "/accounts/signup/",
        {
            "display_name": "Robin",
            "pronouns": "he/him",
            "email": "robin@example.com",
            "password1": "short",
            "password2": "short",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="robin@example.com"' in html
    assert 'value="Robin"' in html and 'value="he/him"' in html
    assert "field-error" in html
    assert not User.objects.filter(email="robin@example.com").exists()


def test_sign_up_asks_for_the_name_the_partner_sees_and_optional_pronouns(db: None) -> None:
    client = Client()
    page = client.get("/accounts/signup/").content.decode()
    assert "Your name, as your partner will see it" in page
    assert "Your pronouns (optional)" in page
    response = client.post(
        "/accounts/signup/",
        {"display_name": "  ", "email": "kai@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 200
    assert not User.objects.filter(email="kai@example.com").exists()
    client.post(
        "/accounts/signup/",
        {
            "display_name": "Kai",
            "pronouns": "they/them",
            "email": "kai@example.com",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    kai = User.objects.get(email="kai@example.com")
    assert (kai.display_name, kai.pronouns, kai.pronoun_key) == ("Kai", "they/them", "they")


def test_a_person_without_a_name_is_asked_for_one_first(db: None) -> None:
    nameless = User.objects.create_user(username="nameless", email="quinn.private@example.com", password=PASSWORD)
    client = Client()
    client.force_login(nameless)
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/couple/profile/")
    page = client.get(response["Location"]).content.decode()
    assert "what name should your partner see" in page
    response = client.post(response["Location"], {"display_name": "Quinn", "pronouns": ""})
    assert response["Location"] == "/"
    assert client.get("/").status_code == 200


def test_no_screen_makes_a_name_from_the_email(db: None) -> None:
    nameless = User.objects.create_user(username="nameless", email="quinn.private@example.com", password=PASSWORD)
    assert "quinn" not in nameless.shown_name.lower()
