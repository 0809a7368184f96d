import pytest
from django.urls import reverse

from evenly.pause.models import Pause

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["pause:page", "pause:layer"])
def test_anonymous_visitors_are_sent_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_anonymous_cannot_pause(client):
    assert client.post(reverse("pause:start")).status_code == 302
    assert not Pause.objects.exists()


def test_every_page_of_a_partnered_user_has_the_pause_control(alex, client_for):
    client = client_for(alex)
    for url in ["/", reverse("couples:overview"), reverse("couples:profile"), reverse("accounts:security")]:
        page = client.get(url).content.decode()
        assert 'id="pause-button"' in page, url
        assert '>\n            <span class="pause-icon" aria-hidden="true"></span>Pause\n' in page, url


def test_someone_without_a_partner_has_no_pause_control(casey, client_for):
    assert 'id="pause-button"' not in client_for(casey).get("/").content.decode()


def test_it_pauses_for_both_partners(alex, sam, client_for):
    response = client_for(alex).post(reverse("pause:start"))
    assert response.status_code == 302
    assert response.url == reverse("pause:page")
    assert Pause.objects.filter(paused_by=alex, lifted_at__isnull=True).count() == 1
    partner_page = client_for(sam).get("/").content.decode()
    assert "Paused for now" in partner_page
    notice = partner_page.split('class="pause-notice"', 1)[1].split("</section>", 1)[0]
    assert "<form" not in notice and "<input" not in notice and "<button" not in notice  # it asks nothing


def test_it_is_harmless_to_press_twice(alex, client_for):
    client = client_for(alex)
    client.post(reverse("pause:start"))
    client.post(reverse("pause:start"))
    assert Pause.objects.filter(paused_by=alex).count() == 1


def test_the_pauser_gets_breathing_and_revisit_choices(alex, sam, client_for):
    client = client_for(alex)
    client.post(reverse("pause:start"))
    page = client.get(reverse("pause:page")).content.decode()
    for text in ["Breathe in", "In 20 minutes", "Tonight", "Tomorrow", "next check-in", "lift the pause"]:
        assert text in page


def test_the_partner_has_no_pause_page_for_someone_elses_pause(alex, sam, client_for):
    client_for(alex).post(reverse("pause:start"))
    assert client_for(sam).get(reverse("pause:page")).status_code == 302
    assert client_for(sam).post(reverse("pause:revisit"), {"choice": "tonight"}).status_code == 404


def test_the_partner_cannot_lift(alex, sam, client_for):
    client_for(alex).post(reverse("pause:start"))
    client_for(sam).post(reverse("pause:lift"))
    assert Pause.objects.get().lifted_at is None


def test_an_outsider_sees_nothing_of_the_pause(alex, jordan, client_for):
    client_for(alex).post(reverse("pause:start"))
    page = client_for(jordan).get("/").content.decode()
    assert "Paused for now" not in page
    client_for(jordan).post(reverse("pause:lift"))
    assert Pause.objects.get().lifted_at is None


def test_a_bad_revisit_time_is_explained_and_kept(alex, sam, client_for):
    client = client_for(alex)
    client.post(reverse("pause:start"))
    response = client.post(reverse("pause:revisit"), {"choice": "at_time", "at": "2001-01-01T10:00"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Choose a time in the future." in page
    assert 'value="2001-01-01T10:00"' in page


def test_lifting_clears_the_notice(alex, sam, client_for):
    client_for(alex).post(reverse("pause:start"))
    client_for(alex).post(reverse("pause:lift"))
    assert "Paused for now" not in client_for(sam).get("/").content.decode()


def test_the_partner_sees_the_pause_when_they_next_open_the_app(alex, sam, client_for):
    client_for(alex).post(reverse("pause:start"))
    sam_client = client_for(sam)  # a fresh session, as after being offline
    assert "Paused for now" in sam_client.get(reverse("couples:overview")).content.decode()
    assert "Paused for now" in sam_client.get(reverse("pause:layer")).content.decode()
