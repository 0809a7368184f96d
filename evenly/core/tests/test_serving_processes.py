"""`manage.py serve` with several processes and no Redis, as real servers:
a pause pressed on a page that one process serves reaches the partner's open
pages in every process, once each, through the serve command's event hub."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from bench.run import free_port, serving
from evenly.core.eventhub import EventHub
from tests.cast import run_on_its_own_loop

REPO = Path(__file__).resolve().parents[3]
CSRF = secrets.token_hex(16)

A_COUPLE = """
import json
from django.test import Client
from evenly.accounts.models import User
from evenly.couples.services import couple_create, invite_accept, invite_create

alex, sam = (
    User.objects.create_user(username=name, email=f"{name}@example.org", display_name=name.title())
    for name in ("alex", "sam")
)
couple_create(actor=alex)
invite_accept(actor=sam, token=invite_create(actor=alex).token)

def session(user):
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value

print(json.dumps({"alex": session(alex), "sam": session(sam)}))
"""


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, str], dict[str, str]]]:
    """A data folder of its own, migrated, with Alex and Sam signed in; the
    environment of a machine without Redis or PostgreSQL."""
    folder = tmp_path_factory.mktemp("serve")
    services = {"DATABASE_URL", "REDIS_URL"}
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENLY_") and k not in services}
    env.update(DJANGO_SETTINGS_MODULE="evenly.settings", EVENLY_DATA_DIR=str(folder), EVENLY_LOG_LEVEL="WARNING")
    manage = [sys.executable, str(REPO / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=REPO)
    made = subprocess.run([*manage, "shell", "-c", A_COUPLE], env=env, check=True, cwd=REPO, capture_output=True)
    yield folder, env, json.loads(made.stdout.decode().strip().splitlines()[-1])


@contextlib.contextmanager
def _serving(env: dict[str, str], *arguments: str) -> Iterator[int]:
    """`manage.py serve` in a process group of its own, ready on /healthz, stopped after."""
    port = free_port()
    command = [sys.executable, str(REPO / "manage.py"), "serve", "--port", str(port), *arguments]
    with serving("serve", command, env, port, Path(env["EVENLY_DATA_DIR"])):
        yield port


async def _press_pause_and_listen(press_port: int, socket_ports: list[int], people: dict[str, str]) -> list[list[str]]:
    """Sam's open pages, one per port in `socket_ports`; Alex presses Pause on
    `press_port`. What each of Sam's pages heard, in order."""
    from websockets.asyncio.client import connect

    pages = [
        await connect(
            f"ws://127.0.0.1:{port}/ws/",
            origin=f"http://127.0.0.1:{port}",  # type: ignore[arg-type]
            additional_headers={"Cookie": f"sessionid={people['sam']}"},
            proxy=None,
            open_timeout=20,
        )
        for port in socket_ports
    ]
    try:
        await asyncio.sleep(0.3)  # every page has joined Sam's group
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{press_port}", trust_env=False) as client:
            response = await client.post(
                "/pause/start/",
                headers={"Cookie": f"sessionid={people['alex']}; csrftoken={CSRF}", "X-CSRFToken": CSRF},
            )
            assert response.status_code == 302, response.status_code

        async def heard(page: Any) -> list[str]:
            events: list[str] = []
            with contextlib.suppress(TimeoutError):
                while True:
                    events.append(json.loads(await asyncio.wait_for(page.recv(), timeout=1.5))["event"])
            return events

        return list(await asyncio.gather(*(heard(page) for page in pages)))
    finally:
        for page in pages:
            await page.close()


def _lift(port: int, people: dict[str, str]) -> None:
    httpx.post(
        f"http://127.0.0.1:{port}/pause/lift/",
        headers={"Cookie": f"sessionid={people['alex']}; csrftoken={CSRF}", "X-CSRFToken": CSRF},
        trust_env=False,
    )


def test_a_pause_pressed_in_one_process_reaches_a_page_held_by_another(data_dir) -> None:  # type: ignore[no-untyped-def]
    folder, env, people = data_dir
    hub = EventHub(folder / "test-events.sock")
    hub.start()
    on_the_hub = {**env, "EVENLY_EVENT_HUB": str(hub.path)}
    try:
        with _serving(on_the_hub, "--processes", "1") as first, _serving(on_the_hub, "--processes", "1") as second:
            heard = run_on_its_own_loop(_press_pause_and_listen(first, [second], people))
            _lift(first, people)
    finally:
        hub.stop()
    # Sam's page on the other process heard it, once, and nothing private with it.
    assert heard == [["pause.started"]]


def test_make_runs_two_processes_carry_every_event_to_every_open_page_once(data_dir) -> None:  # type: ignore[no-untyped-def]
    _, env, people = data_dir
    with _serving(env, "--processes", "2") as port:
        # Eight open pages for Sam: the kernel spreads them over both processes.
        heard = run_on_its_own_loop(_press_pause_and_listen(port, [port] * 8, people))
        _lift(port, people)
    assert heard == [["pause.started"]] * 8
