"""A partner who reads Evenly in Spanish sees the agreements page in Spanish,
dates and counts included, while the other partner keeps English."""

import html

import pytest
from django.urls import reverse
from django.utils import timezone

from evenly.agreements import services
from evenly.agreements.tests.test_views import signed_pact, signed_values
from tests.cast import speaks_spanish

pytestmark = pytest.mark.django_db
PAGE = "/agreements/"


def _text(response):  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_a_spanish_reader_sees_the_agreements_page_in_spanish(client_for, alex, sam):
    signed_values(alex, sam)
    signed_pact(sam, alex)
    services.repair_add(actor=alex, text="Lo siento.", share=False)
    page = _text(client_for(speaks_spanish(alex)).get(PAGE))
    assert "Nuestros acuerdos" in page and "Nuestro pacto para los momentos difíciles" in page
    assert "Un tiempo fuera dura" in page and "30 minutos" in page and "Al día siguiente, a las 18:00" in page
    assert "Frases de reparación" in page and "Dejar de compartir" not in page and "Compartirla" in page
    assert f"En vigor desde el {timezone.localdate().day} de " in page
    for english in ("Our agreements", "Our pact for hard moments", "A timeout lasts", "30 minutes", "Agreed by you"):
        assert english not in page


def test_the_other_partner_keeps_english(client_for, alex, sam):
    signed_values(alex, sam)
    speaks_spanish(alex)
    page = _text(client_for(sam).get(PAGE))
    assert "Our agreements" in page and "Agreed by you both, since" in page
    assert "Nuestros acuerdos" not in page


def test_a_spanish_reader_is_offered_more_minutes_in_spanish(client_for, alex, sam):
    timeout = services.timeout_take(actor=alex)
    timeout.ends_at = timezone.now()
    timeout.save(update_fields=["ends_at"])
    page = _text(client_for(speaks_spanish(alex)).get(reverse("agreements:companion")))
    assert f"Tomarme {timeout.minutes} minutos más" in page and "more minutes" not in page


def test_the_demo_words_of_a_spanish_speaking_partner_are_written_in_spanish(alex, sam, jordan, riley):
    from evenly.agreements.demo import seed_agreements
    from evenly.agreements.models import Kind, RepairStatement, Version

    seed_agreements({"alex": alex, "sam": sam, "jordan": jordan, "riley": speaks_spanish(riley)})
    pact = Version.objects.get(proposed_by=riley, kind=Kind.PACT)
    assert pact.during.startswith("Un paseo o una ducha")
    assert {r.text for r in RepairStatement.objects.filter(author=riley)} == {
        "Necesitaba un momento, y ya volví.",
        "Gracias por darme espacio.",
    }
    values = Version.objects.get(proposed_by=jordan, kind=Kind.VALUES)
    assert values.statement.startswith("Consent: we go ahead")  # Jordan writes in English
