"""The foundation in Spanish: the home page, the header on every page, notices
and refusals read in the viewer's language, and English stays as it was."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import translation

from evenly.core.errors import ServiceError
from evenly.core.limits import check_length
from evenly.core.localtime import WallTimeError, aware_local
from evenly.core.models import NotificationKind
from evenly.core.notifications import notify
from tests.cast import speaks_spanish

pytestmark = pytest.mark.django_db
SPANISH = {"HTTP_ACCEPT_LANGUAGE": "es"}


def test_the_home_page_reads_in_spanish(alex, sam, client_for):  # type: ignore[no-untyped-def]
    page = client_for(speaks_spanish(alex)).get("/").content.decode()
    assert '<html lang="es">' in page
    assert "Hola, Alex" in page and "Tú y Sam" in page
    assert "Cuando cualquiera de ustedes necesite que todo se detenga" in page
    assert ">Charlas<" in page and ">Equilibrio<" in page  # the header's places
    assert "Necesito un momento" in page and "Salida rápida" in page and "Tiempo fuera" in page
    assert 'data-pause-lifted-message="La pausa ha terminado."' in page
    assert "Evenly no es terapia." in page
    for english in ("Your practice", "Quick exit", "I need a moment", "Whenever either of you", "support is here"):
        assert english not in page


def test_the_welcome_page_reads_in_spanish_for_a_visitor(client):  # type: ignore[no-untyped-def]
    page = client.get("/", **SPANISH).content.decode()
    assert "Un lugar tranquilo para que dos personas compartan el poder, por igual." in page
    assert ">Crear una cuenta<" in page and ">Entrar<" in page
    assert "A calm place" not in page and "Sign in" not in page


def test_the_english_home_page_is_unchanged(alex, sam, client_for):  # type: ignore[no-untyped-def]
    page = client_for(alex).get("/").content.decode()
    assert '<html lang="en">' in page
    assert "Hello, Alex" in page and "You and Sam" in page
    assert 'data-pause-lifted-message="The pause has been lifted."' in page


def test_a_notice_reads_in_each_viewers_language(alex, sam, client_for):  # type: ignore[no-untyped-def]
    notify(user_ids=[alex.pk, sam.pk], kind=NotificationKind.APPRECIATION)
    in_spanish = client_for(speaks_spanish(alex)).get(reverse("notices")).content.decode()
    in_english = client_for(sam).get(reverse("notices")).content.decode()
    assert "Te esperan unas palabras amables." in in_spanish and "Para ti" in in_spanish
    assert "A few kind words are waiting for you." in in_english and "Te esperan" not in in_english


def test_every_notice_kind_has_a_spanish_text():  # type: ignore[no-untyped-def]
    english = {kind: str(kind.label) for kind in NotificationKind}
    with translation.override("es"):
        untranslated = [kind for kind in NotificationKind if str(kind.label) == english[kind]]
    assert untranslated == []


def test_the_neutral_page_looks_ordinary_in_spanish(client):  # type: ignore[no-untyped-def]
    page = client.get(reverse("neutral"), **SPANISH).content.decode()
    assert '<html lang="es">' in page and "Lista de la compra" in page and "Shopping list" not in page


def test_the_error_pages_read_in_spanish(client, settings):  # type: ignore[no-untyped-def]
    page = client.get("/no-such-page/", **SPANISH).content.decode()
    assert "Aquí no hay nada" in page and "Nothing here" not in page


def test_a_time_the_clocks_skip_is_refused_in_spanish():  # type: ignore[no-untyped-def]
    with translation.override("es"), pytest.raises(WallTimeError) as refused:
        aware_local(datetime(2026, 3, 29, 2, 30), ZoneInfo("Europe/Madrid"))
    assert refused.value.message == (
        "Esa noche se adelantan los relojes, así que la hora 02:30 no existe en esa fecha. Elige otra hora."
    )


def test_a_text_too_long_is_refused_in_spanish():  # type: ignore[no-untyped-def]
    with translation.override("es"), pytest.raises(ServiceError) as refused:
        check_length("x" * 1001, limit=1000)
    assert refused.value.message.startswith("Escribe menos de 1") and "caracteres" in refused.value.message
