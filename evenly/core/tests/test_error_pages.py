"""Error pages keep the site's layout and the quick exit."""

from __future__ import annotations

import pytest
from django.test import Client


def test_a_missing_page_keeps_the_layout_and_quick_exit(client, alex):  # type: ignore[no-untyped-def]
    client.force_login(alex)
    response = client.get("/decisions/999999/")
    assert response.status_code == 404
    page = response.content.decode()
    assert 'id="quick-exit"' in page
    assert "Nothing here" in page
    assert "Pause" in page


def test_a_missing_page_for_a_visitor_keeps_quick_exit(client):  # type: ignore[no-untyped-def]
    response = client.get("/no-such-place/")
    assert response.status_code == 404
    assert 'id="quick-exit"' in response.content.decode()


@pytest.mark.urls("evenly.core.tests.failing_urls")
def test_a_server_error_keeps_the_layout_and_quick_exit(db):  # type: ignore[no-untyped-def]
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    page = response.content.decode()
    assert 'id="quick-exit"' in page
    assert "Something went wrong on our side" in page
