"""How `manage.py serve` runs: pages on one long-lived thread in each process,
a process per core (two at most) with events shared between them, and
exactly one embedded task worker however many processes there are."""

from __future__ import annotations

import threading

import pytest
from asgiref.sync import async_to_sync
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.signals import request_started

from evenly.core.handlers import PageHandler
from evenly.core.lifespan import _claim_the_worker


def _get(app, path: str) -> int:  # type: ignore[no-untyped-def]
    import asyncio

    sent: list[dict] = []
    body = [{"type": "http.request", "body": b"", "more_body": False}]

    async def receive() -> dict:
        if body:
            return body.pop()
        await asyncio.Event().wait()  # the client stays connected
        raise AssertionError  # pragma: no cover

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": "GET",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": [(b"host", b"127.0.0.1")],
        "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8000),
        "scheme": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
    }
    async_to_sync(app)(scope, receive, send)
    return next(m["status"] for m in sent if m["type"] == "http.response.start")


@pytest.mark.django_db(transaction=True)
def test_every_page_runs_on_the_same_thread_which_keeps_its_connection() -> None:
    from django.db import connection

    threads: list[int] = []
    connections: list[object] = []

    def seen(**kwargs: object) -> None:
        threads.append(threading.get_ident())
        connections.append(connection.connection)

    request_started.connect(seen)
    try:
        app = PageHandler()
        for _ in range(3):
            assert _get(app, "/healthz") == 200
    finally:
        request_started.disconnect(seen)
    assert len(threads) == 3 and len(set(threads)) == 1
    # The first request may be the one that opens the page thread's
    # connection; every later one finds it still open.
    assert connections[1] is not None and connections[1] is connections[2]


def test_only_one_process_runs_the_embedded_worker() -> None:
    first = _claim_the_worker()
    assert first is not None
    try:
        assert _claim_the_worker() is None
    finally:
        first.close()
    again = _claim_the_worker()
    assert again is not None
    again.close()


def test_it_runs_one_process_per_core_two_at_most(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import os

    from evenly.core.management.commands.serve import default_processes

    for cores, processes in [(None, 1), (1, 1), (2, 2), (16, 2)]:
        monkeypatch.setattr(os, "cpu_count", lambda cores=cores: cores)
        assert default_processes() == processes


def test_no_processes_is_refused() -> None:
    with pytest.raises(CommandError, match="at least 1"):
        call_command("serve", processes=0)


def test_several_processes_without_redis_share_events_through_a_hub_that_ends_with_them(settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import os
    from pathlib import Path

    import uvicorn

    settings.REDIS_URL = ""
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"
    seen: dict[str, object] = {}

    def run(*args: object, **kwargs: object) -> None:
        hub = Path(os.environ["EVENLY_EVENT_HUB"])
        seen.update(workers=kwargs["workers"], hub=hub, listening=hub.is_socket())

    monkeypatch.setattr(uvicorn, "run", run)
    monkeypatch.delenv("EVENLY_EVENT_HUB", raising=False)
    call_command("serve", processes=2)
    assert seen["workers"] == 2 and seen["listening"] is True
    assert not Path(seen["hub"]).exists()  # type: ignore[arg-type]
    # Each process reads its sessions from the database, never a memory of its own.
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


@pytest.mark.django_db
def test_one_process_keeps_sessions_in_its_memory_and_still_in_the_database(settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import uvicorn
    from django.contrib.sessions.models import Session

    settings.REDIS_URL = ""
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: None)
    call_command("serve", processes=1)
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"

    from importlib import import_module

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store["who"] = "alex"
    store.save()
    assert Session.objects.filter(session_key=store.session_key).exists()
    again = import_module(settings.SESSION_ENGINE).SessionStore(store.session_key)
    assert again["who"] == "alex"
    # Signing out everywhere ends it in memory too, not only in the table.
    again.delete()
    assert not Session.objects.filter(session_key=store.session_key).exists()
    assert import_module(settings.SESSION_ENGINE).SessionStore(store.session_key).get("who") is None
