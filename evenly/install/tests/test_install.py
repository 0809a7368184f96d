"""The manifest is served per person, the service worker keeps only the
offline page, and the offline page works under the strict CSP."""

import json

import pytest
from django.urls import reverse

from evenly.install.models import HomeScreen

pytestmark = pytest.mark.django_db


def test_the_manifest_uses_the_name_each_person_chose(alex, sam, client, client_for):
    assert json.loads(client.get("/manifest.webmanifest").content)["name"] == "Evenly"
    a = client_for(alex)
    response = a.post(reverse("install:home_screen"), {"name": "Notes"})
    assert response.status_code == 302
    manifest = json.loads(a.get("/manifest.webmanifest").content)
    assert manifest["name"] == manifest["short_name"] == "Notes"
    assert json.loads(client_for(sam).get("/manifest.webmanifest").content)["name"] == "Evenly"
    assert a.get("/manifest.webmanifest")["Content-Type"] == "application/manifest+json"
    assert {icon["sizes"] for icon in manifest["icons"]} >= {"192x192", "512x512"}


def test_a_name_not_on_the_list_is_refused_and_nothing_changes(alex, client_for):
    response = client_for(alex).post(reverse("install:home_screen"), {"name": "Something else"})
    assert response.status_code == 400
    assert not HomeScreen.objects.exists()


def test_the_icons_are_real_pngs(client):
    for size in (192, 512):
        body = b"".join(client.get(f"/static/img/app-icon-{size}.png").streaming_content)
        assert body[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(body[16:20], "big") == size


def test_the_service_worker_caches_only_the_offline_page_and_calls_nobody_else(client):
    response = client.get("/sw.js")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/javascript")
    script = response.content.decode()
    assert "/app/offline/" in script and "http" not in script.replace("https:", "")
    assert "push" not in script.lower()
    assert script.count("cache.add(") == 1


def test_the_offline_page_is_calm_and_needs_no_outside_resource(client):
    response = client.get("/app/offline/")
    page = response.content.decode()
    assert response.status_code == 200 and "needs a connection" in page
    nonce = response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in page and "<script" not in page and "<link" not in page


def test_the_home_screen_page_needs_sign_in(client):
    response = client.get(reverse("install:home_screen"))
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_the_choice_is_in_the_data_download(alex):
    from evenly.core.personal_data import export_for
    from evenly.install.services import home_screen_name_set

    home_screen_name_set(actor=alex, name="Planner")
    assert export_for(alex)["home_screen"] == {"name": "Planner"}
