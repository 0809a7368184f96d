from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.core.cache import cache
from django.test import Client

from evenly.accounts.models import User
from tests.cast import PASSWORD


@pytest.fixture(autouse=True)
def fresh_rate_limits() -> Iterator[None]:
    """allauth keeps its rate-limit counters in the cache; each test starts clean."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def reauthenticated_client_for(client_for: Callable[[User], Client]) -> Callable[[User], Client]:
    """A signed-in client that has just confirmed its password through
    allauth's own re-authentication page."""

    def make(user: User) -> Client:
        client = client_for(user)
        response = client.post("/accounts/reauthenticate/", {"password": PASSWORD})
        assert response.status_code == 302, response.content
        return client

    return make
