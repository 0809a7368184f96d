"""A person who reads Evenly in Spanish gets the home-screen page, the
offline page and the plain name under the icon in Spanish."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from tests.cast import speaks_spanish

pytestmark = pytest.mark.django_db


def test_the_home_screen_page_and_the_chosen_name_in_spanish(alex, sam, client_for):
    speaks_spanish(alex)
    client = client_for(alex)
    body = client.get(reverse("install:home_screen")).content.decode()
    assert "En tu pantalla de inicio" in body and "Notas" in body
    assert "On your home screen" not in body
    assert client.post(reverse("install:home_screen"), {"name": "Notes"}).status_code == 302
    assert json.loads(client.get("/manifest.webmanifest").content)["name"] == "Notas"
    # The partner reading English who chose the same plain name sees it in English.
    sam_client = client_for(sam)
    sam_client.post(reverse("install:home_screen"), {"name": "Notes"})
    assert json.loads(sam_client.get("/manifest.webmanifest").content)["name"] == "Notes"


def test_the_offline_page_in_spanish(alex, client_for):
    speaks_spanish(alex)
    body = client_for(alex).get(reverse("install:offline")).content.decode()
    assert '<html lang="es">' in body
    assert "Ahora mismo no hay conexión" in body
    assert "No connection just now" not in body
