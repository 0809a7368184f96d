"""Test-wide set-up: settings the whole suite shares, and the cast."""

import os

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Property tests judge behaviour, not speed: CI machines are small and shared,
# so no per-example deadline (speed targets live in `make bench`).
from hypothesis import settings as hypothesis_settings

hypothesis_settings.register_profile("evenly", deadline=None)
hypothesis_settings.load_profile("evenly")

# The cast of users and couples, available to every test in the project.
pytest_plugins = ["tests.cast"]


def pytest_configure(config):  # type: ignore[no-untyped-def]
    from django.conf import settings

    # Serve static files straight from the source folders: no collectstatic
    # step is needed before the tests.
    settings.WHITENOISE_USE_FINDERS = True
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    os.makedirs(settings.STATIC_ROOT, exist_ok=True)
    # Argon2 with tiny costs: the cast signs in a lot. Production keeps
    # Django's default costs (evenly/accounts/tests/test_sign_in.py checks).
    settings.PASSWORD_HASHERS = ["evenly.accounts.tests.conftest.QuickArgon2PasswordHasher"]


def pytest_collection_modifyitems(config, items):  # type: ignore[no-untyped-def]
    """Browser tests run last. Playwright's sync API leaves an event loop
    running in the main thread, and code that sends real-time events from a
    plain test (async_to_sync) refuses to run beside one."""
    items.sort(key=lambda item: "tests/browser/" in item.nodeid)
