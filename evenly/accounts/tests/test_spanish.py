"""Signing in, signing up and the account's own pages in Spanish: our words
from our catalogue, allauth's from its own, and no English left between them."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client
from django.utils import translation

from evenly.accounts.models import User
from evenly.accounts.selectors import describe_device
from evenly.core.audit import audit_record
from evenly.core.models import AuditKind
from tests.cast import PASSWORD, speaks_spanish

SPANISH = {"HTTP_ACCEPT_LANGUAGE": "es"}


def test_the_sign_in_page_reads_in_spanish(db: None) -> None:
    page = Client().get("/accounts/login/", **SPANISH).content.decode()
    assert "Te damos la bienvenida de nuevo" in page
    assert '¿Es tu primera vez aquí? <a href="/accounts/signup/">Crea una cuenta</a>.' in page
    assert "Entrar con una llave de acceso" in page
    assert "Contraseña" in page  # allauth's own field label, from allauth's catalogue
    for english in ("Welcome back", "New here?", "Sign in", "Password"):
        assert english not in page


def test_the_sign_up_page_reads_in_spanish(db: None) -> None:
    page = Client().get("/accounts/signup/", **SPANISH).content.decode()
    assert "Crea tu cuenta" in page
    assert "Tu nombre, tal como lo verá tu pareja" in page and "Tus pronombres (opcional)" in page
    assert '¿Ya tienes una cuenta? <a href="/accounts/login/">Entrar</a>.' in page
    for english in ("Create your account", "Your name, as your partner", "Already have an account"):
        assert english not in page


def test_a_sign_up_without_a_name_is_answered_in_spanish(db: None) -> None:
    page = (
        Client()
        .post(
            "/accounts/signup/",
            {"display_name": " ", "email": "casey@example.com", "password1": PASSWORD, "password2": PASSWORD},
            **SPANISH,
        )
        .content.decode()
    )
    assert "Este campo es obligatorio." in page and "Tu nombre, tal como lo verá tu pareja" in page
    assert "This field is required" not in page


def test_the_security_page_reads_in_spanish(alex: User, client_for: Callable[[User], Client]) -> None:
    audit_record(user_id=alex.pk, kind=AuditKind.MFA_ADDED, detail="Passkey")
    page = client_for(speaks_spanish(alex)).get("/account/security/").content.decode()
    assert "<h1>Cuenta y seguridad</h1>" in page
    assert "Método de verificación en dos pasos añadido (Llave de acceso)" in page
    assert "Historial de seguridad" in page and ">Salir<" in page
    for english in ("Account and security", "Security history", "Two-step sign-in method added", "Passkey"):
        assert english not in page


def test_the_delete_page_tells_of_the_partner_in_spanish(
    alex: User, sam: User, reauthenticated_client_for: Callable[[User], Client]
) -> None:
    sam.pronouns = "she/her"
    sam.save(update_fields=["pronouns"])
    page = reauthenticated_client_for(speaks_spanish(alex)).get("/account/delete/").content.decode()
    assert "A Sam solo se le avisa de que terminó, nunca el motivo, y conserva lo que escribió." in page
    assert "Entiendo que mi cuenta y todo lo que escribí se eliminarán para siempre." in page
    assert "keeps what she wrote" not in page and "Delete my account" not in page


def test_a_device_is_named_in_spanish() -> None:
    with translation.override("es"):
        assert describe_device("Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0") == "Firefox en Linux"
    assert describe_device("Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0") == "Firefox on Linux"
