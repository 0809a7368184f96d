"""The pause reads in Spanish for a partner who speaks Spanish."""

import pytest
from django.urls import reverse

from evenly.pause.services import pause_start
from tests.cast import speaks_spanish

pytestmark = pytest.mark.django_db


def in_spanish(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_pausers_space_reads_in_spanish(alex, client_for):
    speaks_spanish(alex)
    pause_start(actor=alex)
    page = in_spanish(client_for(alex), reverse("pause:page"))
    assert "Pusiste una pausa. Todo lo compartido queda en espera." in page
    assert "¿Cuándo te gustaría retomar esto?" in page
    assert "Esta noche" in page and "En nuestra próxima charla" in page
    for english in ["You paused", "When would you like", "Tonight", "lift the pause"]:
        assert english not in page


def test_the_partners_notice_reads_in_spanish(alex, sam, client_for):
    speaks_spanish(alex, sam)
    pause_start(actor=alex)
    page = in_spanish(client_for(sam), reverse("pause:layer"))
    assert "En pausa por ahora" in page
    assert "Tu pareja pulsó Pausa." in page
    assert "Salida rápida" in page
    assert "Paused for now" not in page and "Quick exit" not in page


def test_a_refused_revisit_time_is_explained_in_spanish(alex, client_for):
    speaks_spanish(alex)
    pause_start(actor=alex)
    response = client_for(alex).post(reverse("pause:revisit"), {"choice": "at_time", "at": "2001-01-01T10:00"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Elige un momento que aún no haya pasado." in page
    assert "Choose a time in the future." not in page
