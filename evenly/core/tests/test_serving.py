"""How `manage.py serve` runs: pages on one long-lived thread, one process
unless a shared channel layer lets events cross processes, and exactly one
embedded task worker however many processes there are."""

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


def test_several_processes_need_a_shared_channel_layer(settings) -> None:  # type: ignore[no-untyped-def]
    settings.REDIS_URL = ""
    with pytest.raises(CommandError, match="REDIS_URL"):
        call_command("serve", processes=2)
