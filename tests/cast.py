"""The cast: two couples, Alex & Sam and Jordan & Riley, plus Casey, who is in
no couple. Fixtures return real users in a real database."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from channels.layers import channel_layers
from django.test import Client

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


@pytest.fixture(autouse=True)
def fresh_channel_layer() -> Iterator[None]:
    """Each test starts with an empty in-memory channel layer."""
    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


class EventTap:
    """Listens on people's real-time groups in the real channel layer, so a
    test can assert exactly who received which event, and what it carried."""

    def __init__(self) -> None:
        from channels.layers import get_channel_layer

        self.layer = get_channel_layer()
        self.channels: dict[int, str] = {}

    def listen(self, *users: User) -> None:
        from asgiref.sync import async_to_sync

        from evenly.core.realtime import user_group

        for user in users:
            channel = async_to_sync(self.layer.new_channel)()
            async_to_sync(self.layer.group_add)(user_group(user.pk), channel)
            self.channels[user.pk] = channel

    def received(self, user: User) -> list[dict]:
        import asyncio

        from asgiref.sync import async_to_sync

        async def drain(channel: str) -> list[dict]:
            messages = []
            while True:
                try:
                    messages.append(await asyncio.wait_for(self.layer.receive(channel), timeout=0.05))
                except TimeoutError:
                    return messages

        return async_to_sync(drain)(self.channels[user.pk])


@pytest.fixture
def event_tap() -> EventTap:
    return EventTap()


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    """Rate limits and other cached counters start from zero in every test."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
