"""A partner who reads Evenly in Spanish sees the rituals pages in Spanish,
dates and rules included, while the other partner keeps English."""

import html
from datetime import time

import pytest
from django.utils import timezone

from evenly.rituals import services
from evenly.rituals.tests.test_services import propose
from tests.cast import speaks_spanish

pytestmark = pytest.mark.django_db


def _text(response):  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def _running(alex, sam):  # type: ignore[no-untyped-def]
    ritual = propose(alex, frequency="monthly_weekday", weekday=1, week_of_month=2, at=time(19, 30))
    services.ritual_agree(actor=sam, ritual=ritual)
    services.appreciation_send(actor=sam, text="Gracias por la cena.")
    return ritual


def test_a_spanish_reader_sees_the_rituals_page_in_spanish(client_for, alex, sam):
    ritual = _running(alex, sam)
    page = _text(client_for(speaks_spanish(alex)).get("/rituals/"))
    assert "Nuestros rituales" in page and "Proponer un ritual" in page
    assert "El segundo martes de cada mes, a las 19:30" in page
    assert "Una cita" in page  # the kind of ritual
    assert "Registro del deseo" in page and "Un calendario privado" in page
    month = timezone.localtime(ritual.next_at).month
    spanish_months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto"]
    spanish_months += ["septiembre", "octubre", "noviembre", "diciembre"]
    assert f"de {spanish_months[month - 1]}, 19:30" in page  # "Próxima vez: martes 8 de diciembre, 19:30"
    assert f"De {sam.shown_name}, " in page and f"From {sam.shown_name}" not in page
    for english in ("Our rituals", "Propose a ritual", "On the second", "Next:", "A private calendar"):
        assert english not in page


def test_the_other_partner_keeps_english(client_for, alex, sam):
    _running(alex, sam)
    speaks_spanish(alex)
    page = _text(client_for(sam).get("/rituals/"))
    assert "Our rituals" in page and "On the second Tuesday of each month at 19:30" in page
    assert "Nuestros rituales" not in page


def test_a_spanish_reader_sees_the_desire_log_and_the_new_ritual_form_in_spanish(client_for, alex):
    client = client_for(speaks_spanish(alex))
    desires = _text(client.get("/rituals/desires/"))
    assert "Añadir a mi registro" in desires and "Algo que me gustaría" in desires
    assert "Add to my log" not in desires and "Something I'd like" not in desires
    form = _text(client.get("/rituals/new/"))
    assert "Qué tipo de ritual" in form and "Cada dos semanas" in form and "La primera" in form
    assert "What kind of ritual" not in form and "Every other week" not in form


def test_the_calendar_shows_the_chosen_title_in_its_owners_language(client_for, alex, sam):
    _running(alex, sam)
    client = client_for(speaks_spanish(alex))
    client.post("/rituals/calendar/", {"action": "on", "title": "Time together"})
    page = _text(client.get("/rituals/"))
    start = page.index("/rituals/calendar/feed/")
    feed = client.get(page[start : page.index(".ics", start) + 4]).content.decode()
    assert "SUMMARY:Tiempo compartido" in feed and "Time together" not in feed


def test_the_demo_ritual_of_a_spanish_speaking_author_is_written_in_spanish(alex, sam, jordan, riley):
    from evenly.rituals.demo import seed_rituals
    from evenly.rituals.models import Appreciation, Ritual

    seed_rituals({"alex": alex, "sam": sam, "jordan": jordan, "riley": speaks_spanish(riley)})
    assert Ritual.objects.get(proposed_by=riley).name == "Farol encendido"
    assert Ritual.objects.filter(proposed_by=alex).get().name == "Friday walk and dinner"
    assert Appreciation.objects.get(author=jordan).text == "Thanks for slowing down with me this week."
