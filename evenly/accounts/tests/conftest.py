from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.core.cache import cache
from django.test import Client

from evenly.accounts.models import User
from tests.cast import PASSWORD


class QuickArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2 with tiny costs, so the many sign-ins in these tests stay fast.
    Production uses Django's default costs (see test_sign_in)."""

    time_cost = 1
    memory_cost = 64
    parallelism = 1


@pytest.fixture(autouse=True)
def quick_password_hashing(settings) -> None:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["evenly.accounts.tests.conftest.QuickArgon2PasswordHasher"]


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
