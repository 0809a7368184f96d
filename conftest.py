"""Test-wide set-up: settings the whole suite shares, and the cast."""

import os

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

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
