from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_it_reports_ok_to_anyone() -> None:
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok", "channel_layer": "ok", "field_keys": "ok"}


def test_it_answers_a_signed_in_person_the_same(alex, client_for) -> None:  # type: ignore[no-untyped-def]
    assert client_for(alex).get("/healthz").json()["status"] == "ok"


def test_it_reports_a_broken_channel_layer(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("evenly.core.views.get_channel_layer", lambda: None)
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["channel_layer"] == "failing"
