"""Browser tests: a real ASGI server in this process, Debian's Chromium, and
a guard that fails any test whose pages reach beyond this machine.

The server runs uvicorn in a background thread, so it shares the test
database (a SQLite file) and the in-memory channel layer with the tests.
Data a page must see has to be committed: every browser test uses
`transactional_db`.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from django.test import Client

from evenly.accounts.models import User

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
MOBILE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict[str, Any]:
    if not CHROMIUM.exists():
        pytest.skip("Chromium not installed: apt-get install chromium")
    return {
        "executable_path": str(CHROMIUM),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


# ---- The server ----


@dataclass
class LiveServer:
    url: str
    loop: asyncio.AbstractEventLoop


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def asgi_server(django_db_setup: None) -> Iterator[LiveServer]:
    import uvicorn

    port = _free_port()
    config = uvicorn.Config(
        "evenly.asgi:application",
        host="127.0.0.1",
        port=port,
        lifespan="off",
        log_level="warning",
        ws="websockets-sansio",
    )
    server = uvicorn.Server(config)
    loops: list[asyncio.AbstractEventLoop] = []

    def run() -> None:
        async def serve() -> None:
            loops.append(asyncio.get_running_loop())
            await server.serve()

        asyncio.run(serve())

    thread = threading.Thread(target=run, name="evenly-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("The test server did not start")
        time.sleep(0.02)
    yield LiveServer(url=f"http://127.0.0.1:{port}", loop=loops[0])
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(autouse=True)
def _events_from_the_test_thread(monkeypatch: pytest.MonkeyPatch, asgi_server: LiveServer) -> None:
    """Playwright's sync API keeps an event loop running in the test thread,
    where `async_to_sync` refuses to work. Events sent by set-up code in the
    test thread are handed to the server's own loop, where the sockets live."""
    from channels.layers import get_channel_layer

    from evenly.core import realtime

    original = realtime._send

    def send(recipient_ids: list[int], message: dict[str, object]) -> None:
        if threading.current_thread() is not threading.main_thread():
            original(recipient_ids, message)
            return
        layer = get_channel_layer()
        if layer is None:
            return
        for user_id in recipient_ids:
            future = asyncio.run_coroutine_threadsafe(
                layer.group_send(realtime.user_group(user_id), message), asgi_server.loop
            )
            future.result(timeout=5)

    monkeypatch.setattr(realtime, "_send", send)


# ---- Browsing: contexts, sign-in, the third-party guard, screenshots ----


@dataclass
class Browsing:
    browser: Any
    server: LiveServer
    name: str
    contexts: list[Any] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)

    def context(
        self,
        *,
        user: User | None = None,
        color_scheme: str = "light",
        viewport: dict[str, int] | None = None,
        bypass_csp: bool = False,
    ) -> Any:
        context = self.browser.new_context(
            base_url=self.server.url,
            color_scheme=color_scheme,
            viewport=viewport or MOBILE,
            bypass_csp=bypass_csp,
            reduced_motion="reduce",
        )
        context.set_default_timeout(5000)
        context.route("**/*", self._guard)
        if user is not None:
            self.sign_in(context, user)
        self.contexts.append(context)
        return context

    def page(self, **kwargs: Any) -> Any:
        return self.context(**kwargs).new_page()

    def _guard(self, route: Any) -> None:
        url = route.request.url
        if urlparse(url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            self.outside_requests.append(url)
            route.abort()

    def sign_in(self, context: Any, user: User) -> None:
        client = Client()
        client.force_login(user)
        context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": self.server.url}])

    def screenshot(self, page: Any, label: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{self.name}--{label}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def browsing(browser: Any, asgi_server: LiveServer, request: pytest.FixtureRequest) -> Iterator[Browsing]:
    session = Browsing(browser=browser, server=asgi_server, name=request.node.name.replace("[", "-").rstrip("]"))
    yield session
    session.close()
    assert session.outside_requests == [], f"Requests left this machine: {session.outside_requests}"


@dataclass
class Partners:
    alex: Any
    sam: Any


@pytest.fixture
def partners(browsing: Browsing, alex: User, sam: User) -> Partners:
    """Alex and Sam, a couple, each signed in in their own browser."""
    return Partners(alex=browsing.page(user=alex), sam=browsing.page(user=sam))


# ---- Accessibility ----


def axe_violations(page: Any, *, context: str = "") -> list[str]:
    """Run axe-core on the page (its context must bypass CSP, for the injection
    only) and describe each violation in a readable line."""
    if not AXE.exists():
        pytest.skip("axe-core not installed: run npm install in the project root")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ["violations"]});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ") + " :: " + n.failureSummary.replace(/\\n/g, " "))}));
        }"""
    )
    lines = []
    for violation in result:
        lines.append(f"[{context}] {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {node}" for node in violation["nodes"][:6])
    return lines
