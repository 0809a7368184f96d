import pytest
from django.test import Client
from django.urls import reverse

from evenly.core.models import Notification, NotificationKind

pytestmark = pytest.mark.django_db


def test_every_response_carries_strict_security_headers(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "script-src 'self' 'nonce-" in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"  # never sent to another site
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert response.headers["Cache-Control"] == "no-store"


def test_each_response_gets_a_fresh_nonce(client):
    first = client.get("/").headers["Content-Security-Policy"]
    second = client.get("/").headers["Content-Security-Policy"]
    assert first != second


def test_pages_have_no_inline_scripts_or_styles(alex, client_for):
    page = client_for(alex).get("/").content.decode()
    assert "<script>" not in page and " style=" not in page and "javascript:" not in page


def test_a_refused_form_gives_back_what_was_typed(alex):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alex)
    response = client.post(
        reverse("couples:profile"), {"display_name": "Lex, who wrote this carefully", "csrfmiddlewaretoken": "stale"}
    )
    page = response.content.decode()
    assert response.status_code == 403
    assert "That didn't go through" in page
    assert "Lex, who wrote this carefully" in page
    assert "stale" not in page


def test_a_notice_can_be_dismissed_by_its_owner_only(alex, sam, client_for):
    notice = Notification.objects.create(user=alex, kind=NotificationKind.REVISIT_REMINDER)
    assert client_for(sam).post(reverse("notification_dismiss", args=[notice.pk])).status_code == 404
    assert client_for(alex).get("/").content.decode().count("ready to revisit") == 1
    client_for(alex).post(reverse("notification_dismiss", args=[notice.pk]))
    assert "ready to revisit" not in client_for(alex).get("/").content.decode()


def test_anonymous_cannot_dismiss(client, alex):
    notice = Notification.objects.create(user=alex, kind=NotificationKind.REVISIT_REMINDER)
    assert client.post(reverse("notification_dismiss", args=[notice.pk])).status_code == 302
    notice.refresh_from_db()
    assert notice.dismissed_at is None


def test_the_neutral_page_says_nothing_about_evenly(client):
    page = client.get(reverse("neutral")).content.decode()
    assert "Shopping list" in page
    assert "Evenly" not in page and "evenly.js" not in page


def test_the_welcome_page_explains_who_evenly_is_for(client):
    page = client.get("/").content.decode()
    assert "not therapy" in page
    assert 'id="pause-button"' not in page
