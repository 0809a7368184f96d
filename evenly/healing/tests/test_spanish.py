"""A partner who reads Evenly in Spanish sees the resources and the safety
check in Spanish, with the same helplines for the country they choose: the
same services, names and numbers as in English, only the words around them
translated."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import translation

from evenly.healing import helplines, safety
from tests.cast import speaks_spanish

pytestmark = pytest.mark.django_db


def test_the_resources_page_in_spanish(alex, client_for):
    speaks_spanish(alex)
    body = client_for(alex).get(reverse("healing:resources")).content.decode()
    assert "Recursos" in body
    assert "Ir despacio es normal." in body
    assert "Si tienes miedo de tu pareja" in body
    assert "El cuerpo lleva la cuenta" in body
    for english in ("Going slowly is normal.", "If you're afraid of your partner", "Books, by topic"):
        assert english not in body


def test_the_safety_check_in_spanish_keeps_the_chosen_countrys_helpline(alex, client_for):
    speaks_spanish(alex)
    body = client_for(alex).get(reverse("healing:safety"), {"country": "GB"}).content.decode()
    assert "Una comprobación de seguridad privada" in body
    assert "Si estás en peligro ahora, llama al 999." in body
    assert "National Domestic Abuse Helpline (gestionada por Refuge)" in body
    assert "0808 2000 247" in body and "Gratis, las 24 horas" in body
    assert "¿Sientes que no podrías irte, o que irte sería peligroso?" in body
    for english in ("Someone to talk to", "If you are in danger now", "Free, 24 hours", "Not really"):
        assert english not in body


def _numbers(body: str) -> set[str]:
    return set(re.findall(r'href="(?:tel:[^"]+|https://[^"]+)"', body))


def test_every_country_shows_the_same_services_and_numbers_in_both_languages(alex, sam, client_for):
    speaks_spanish(alex)
    for country in helplines.everything():
        english = client_for(sam).get(reverse("healing:safety"), {"country": country.code}).content.decode()
        spanish = client_for(alex).get(reverse("healing:safety"), {"country": country.code}).content.decode()
        assert _numbers(spanish) == _numbers(english), country.code
        for line in country.lines:
            assert line.url in spanish and line.phone in spanish, country.code


def test_answering_a_veces_in_spanish_is_read_as_sometimes(alex, client_for):
    speaks_spanish(alex)
    body = client_for(alex).post(reverse("healing:safety"), {"pressured": "sometimes", "country": "DE"}).content
    text = body.decode()
    assert "No es tu culpa" in text
    assert "116 016" in text and "llama al 110 (Polizei) o al 112" in text


def test_the_reading_never_depends_on_the_language():
    for language in ("en", "es"):
        with translation.override(language):
            assert safety.reading({"watched": "sometimes"}) is safety.Reading.SIGNS
            assert safety.reading({"watched": "often"}) is safety.Reading.SIGNS
            assert safety.reading({key: "no" for key, _q in safety.QUESTIONS}) is safety.Reading.NONE_CHOSEN


def test_buttons_read_their_resource_in_spanish_and_names_stay_as_written(alex, client_for):
    speaks_spanish(alex)
    body = client_for(alex).get(reverse("healing:resources")).content.decode()
    assert "Guardar “Abrázame fuerte (Hold Me Tight)” para mí" in body
    assert "Compartir “Relate (Reino Unido)” con tu pareja" in body
    assert "Bessel van der Kolk" in body and "College of Sexual and Relationship Therapists" in body
    body = client_for(alex).get(reverse("healing:safety"), {"country": "US"}).content.decode()
    assert "National Domestic Violence Hotline" in body and "1-800-799-7233" in body
    assert "Por SMS: envía START al 88788" in body and "llama al 911" in body
