"""A partner who reads Evenly in Spanish sees their couple settings in Spanish:
the shared space, invitations with their lifetime, the time zone and leaving."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from evenly.accounts.models import User
from evenly.couples import services
from tests.cast import PASSWORD, speaks_spanish

pytestmark = pytest.mark.django_db


def test_the_couple_settings_are_in_spanish(in_spanish, alex, sam, client_for):  # type: ignore[no-untyped-def]
    User.objects.filter(pk=alex.pk).update(pronouns="he/him")
    page = client_for(speaks_spanish(sam)).get(reverse("couples:overview")).content.decode()
    assert "Su espacio compartido" in page
    assert "Tú y Alex" in page
    assert re.search(r"Alex \(he/him\) y tú comparten este espacio desde el \d{1,2} de \w+ de \d{4}\.", page)
    assert "Cambiar la zona horaria" in page
    assert "Your shared space" not in page
    assert "share this space since" not in page


def test_an_open_invitation_gives_its_lifetime_in_spanish(in_spanish, casey, client_for):  # type: ignore[no-untyped-def]
    services.couple_create(actor=casey)
    services.invite_create(actor=casey)
    page = client_for(speaks_spanish(casey)).get(reverse("couples:overview")).content.decode()
    assert re.search(r"Funciona una vez, durante 72 horas \(hasta el \w+ \d{1,2} de \w+, \d\d:\d\d\)\.", page)
    assert "It works once" not in page


def test_time_zone_messages_are_in_spanish(in_spanish, alex, client_for):  # type: ignore[no-untyped-def]
    client = client_for(speaks_spanish(alex))
    response = client.post(reverse("couples:timezone"), {"timezone": "Mars/Olympus"})
    assert "“Mars/Olympus” no es una zona horaria que conozcamos." in response.content.decode()
    response = client.post(reverse("couples:timezone"), {"timezone": "Europe/Madrid"}, follow=True)
    assert "Se guardó. Ahora las horas se muestran en Europe/Madrid." in response.content.decode()


def test_leaving_is_explained_in_spanish(in_spanish, alex, sam, client_for):  # type: ignore[no-untyped-def]
    client = client_for(speaks_spanish(sam))
    client.post("/accounts/reauthenticate/?next=/couple/leave/", {"password": PASSWORD})
    page = client.get(reverse("couples:leave")).content.decode()
    assert "A Alex solo se le dirá que el espacio compartido ha terminado, nunca por qué." in page
    response = client.post(reverse("couples:leave"), follow=True)
    assert "Saliste del espacio compartido. Todo lo que escribiste sigue siendo tuyo." in response.content.decode()


def test_a_mistyped_code_is_explained_in_spanish(in_spanish, casey, client_for):  # type: ignore[no-untyped-def]
    page = client_for(speaks_spanish(casey)).post(reverse("couples:join"), {"code": "hola"}).content.decode()
    assert "Eso no parece un código de invitación." in page
