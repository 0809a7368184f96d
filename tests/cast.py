"""The cast: two couples, Alex & Sam and Jordan & Riley, plus Casey, who is in
no couple. Fixtures return real users in a real database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from channels.layers import channel_layers
from django.test import Client
from django.utils import translation

from evenly.accounts.models import User
from evenly.couples.models import Couple
from evenly.couples.services import couple_create, invite_accept, invite_create

PASSWORD = "a calm evening 42"


@pytest.fixture
def make_user(db: None) -> Callable[..., User]:
    def make(name: str) -> User:
        user = User.objects.create_user(
            username=name.lower(), email=f"{name.lower()}@example.com", password=PASSWORD, display_name=name
        )
        from allauth.account.models import EmailAddress

        EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
        return user

    return make


@pytest.fixture
def make_couple(make_user: Callable[..., User]) -> Callable[[str, str], tuple[User, User, Couple]]:
    def make(first: str, second: str) -> tuple[User, User, Couple]:
        a, b = make_user(first), make_user(second)
        couple = couple_create(actor=a)
        invite = invite_create(actor=a)
        invite_accept(actor=b, token=invite.token)
        return a, b, couple

    return make


@pytest.fixture
def alex_sam(make_couple):  # type: ignore[no-untyped-def]
    return make_couple("Alex", "Sam")


@pytest.fixture
def alex(alex_sam) -> User:  # type: ignore[no-untyped-def]
    return alex_sam[0]


@pytest.fixture
def sam(alex_sam) -> User:  # type: ignore[no-untyped-def]
    return alex_sam[1]


@pytest.fixture
def jordan_riley(make_couple):  # type: ignore[no-untyped-def]
    return make_couple("Jordan", "Riley")


@pytest.fixture
def jordan(jordan_riley) -> User:  # type: ignore[no-untyped-def]
    return jordan_riley[0]


@pytest.fixture
def riley(jordan_riley) -> User:  # type: ignore[no-untyped-def]
    return jordan_riley[1]


@pytest.fixture
def casey(make_user) -> User:  # type: ignore[no-untyped-def]
    return make_user("Casey")


@pytest.fixture
def client_for() -> Callable[[User], Client]:
    def make(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


def speaks_spanish(person: User, *others: User) -> User:
    """Each of these people has chosen to read Evenly in Spanish, as on the
    language page. Returns the first, so a test can sign them in at once:
    `client_for(speaks_spanish(alex))`."""
    for someone in (person, *others):
        someone.language = "es"
        someone.save(update_fields=["language"])
    return person


@pytest.fixture
def in_spanish() -> Iterator[None]:
    """What is said outside a request (a service's refusal, a form's message)
    is in Spanish; pages still speak each signed-in person's own language."""
    with translation.override("es"):
        yield


@pytest.fixture(autouse=True)
def fresh_channel_layer() -> Iterator[None]:
    """Each test starts with an empty in-memory channel layer."""
    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


def run_on_its_own_loop(coroutine: Any) -> Any:
    """Run a coroutine to completion on a fresh event loop in its own thread,
    whatever loop the calling thread may already be running (Playwright keeps
    one in the test thread)."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as executor:
        return executor.submit(asyncio.run, coroutine).result()


class EventTap:
    """Listens on people's real-time groups in the real channel layer, so a
    test can assert exactly who received which event, and what it carried.

    Every call runs on one event loop of the tap's own, in a thread of its
    own: the Redis layer binds its receive buffers to the loop that first
    receives, and the test thread may already be running another loop."""

    def __init__(self) -> None:
        import asyncio
        import threading

        from channels.layers import get_channel_layer

        self.layer = get_channel_layer()
        self.channels: dict[int, str] = {}
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="event-tap", daemon=True)
        self.thread.start()

    def _run(self, coroutine: Any) -> Any:
        import asyncio

        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout=30)

    def listen(self, *users: User) -> None:
        from evenly.core.realtime import user_group

        for user in users:
            channel = self._run(self.layer.new_channel())
            self._run(self.layer.group_add(user_group(user.pk), channel))
            self.channels[user.pk] = channel

    def received(self, user: User) -> list[dict]:
        import asyncio

        async def drain(channel: str) -> list[dict]:
            messages = []
            while True:
                try:
                    messages.append(await asyncio.wait_for(self.layer.receive(channel), timeout=0.2))
                except TimeoutError:
                    return messages

        return self._run(drain(self.channels[user.pk]))

    def close(self) -> None:
        from evenly.core.realtime import user_group

        for user_id, channel in self.channels.items():
            self._run(self.layer.group_discard(user_group(user_id), channel))
        if hasattr(self.layer, "close_pools"):  # Redis: close this loop's connections
            self._run(self.layer.close_pools())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=5)


@pytest.fixture
def event_tap() -> Iterator[EventTap]:
    tap = EventTap()
    yield tap
    tap.close()


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    """Rate limits and other cached counters start from zero in every test."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
