import pytest
from django.urls import reverse

from evenly.pause.models import Pause

pytestmark = pytest.mark.django_db


def test_it_pauses_for_both_partners(alex, sam, client_for):
    response = client_for(alex).post(reverse("pause:start"))
    assert response.status_code == 302
    assert Pause.objects.filter(paused_by=alex, lifted_at__isnull=True).count() == 1
    page = client_for(sam).get("/")
    assert b"Paused for now" in page.content


def test_it_is_harmless_to_press_twice(alex, client_for):
    client = client_for(alex)
    client.post(reverse("pause:start"))
    client.post(reverse("pause:start"))
    assert Pause.objects.filter(paused_by=alex).count() == 1
