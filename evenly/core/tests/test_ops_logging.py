"""Logs never contain what partners wrote, even when a request fails."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import include, path

from evenly.core.logging import DropRequestDetails

pytestmark = pytest.mark.django_db

SECRET = "a-private-line-nobody-else-should-read-7f3a"


def _broken_view(request: HttpRequest) -> HttpResponse:
    request.POST.get("note")
    raise RuntimeError("boom")


urlpatterns = [path("broken/", _broken_view), path("", include("evenly.urls"))]


class _Everything(logging.Formatter):
    """Renders every attribute of a record, and a request's body when one is
    attached, as a detailed error reporter would."""

    def format(self, record: logging.LogRecord) -> str:
        request = getattr(record, "request", None)
        body = repr(dict(request.POST)) if hasattr(request, "POST") else ""
        return repr(vars(record)) + body + super().format(record)


@pytest.fixture
def captured() -> Iterator[list[str]]:
    """Records as Evenly's configured handlers would see them: through the
    same filters as the console handler, rendered in full."""
    console = next(h for h in logging.getLogger().handlers if any(isinstance(f, DropRequestDetails) for f in h.filters))
    lines: list[str] = []

    class Capture(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(self.format(record))

    handler = Capture(level=logging.DEBUG)
    handler.setFormatter(_Everything())
    for log_filter in console.filters:
        handler.addFilter(log_filter)
    loggers = [logging.getLogger(name) for name in ("django.request", "django.security.csrf", "django")]
    for logger in loggers:
        logger.addHandler(handler)
    yield lines
    for logger in loggers:
        logger.removeHandler(handler)


def test_it_keeps_the_request_filter_on_the_console_handler() -> None:
    handlers = logging.getLogger().handlers
    assert any(isinstance(f, DropRequestDetails) for h in handlers for f in h.filters)


def test_it_leaves_posted_text_out_of_csrf_failure_logs(alex, captured) -> None:  # type: ignore[no-untyped-def]
    client = Client(enforce_csrf_checks=True)
    client.force_login(alex)
    response = client.post("/pause/start/", {"note": SECRET})
    assert response.status_code == 403
    assert captured, "the CSRF failure should have been logged"
    assert any("POST /pause/start/" in line for line in captured)
    assert not any(SECRET in line for line in captured)


@override_settings(ROOT_URLCONF=__name__)
def test_it_leaves_posted_text_out_of_server_error_logs(captured) -> None:  # type: ignore[no-untyped-def]
    client = Client(raise_request_exception=False)
    response = client.post("/broken/", {"note": SECRET})
    assert response.status_code == 500
    assert any("Internal Server Error" in line for line in captured)
    assert not any(SECRET in line for line in captured)
