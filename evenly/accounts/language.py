"""Each person reads Evenly in their own language: the one they chose, or
their browser's until they choose. Two partners may each use their own."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation

if TYPE_CHECKING:
    from evenly.accounts.models import User


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def language_of(person: User | Any) -> str:
    """The language to speak to this person in, also when they are not the
    one asking (a notice, an email, a reminder from the worker)."""
    chosen = getattr(person, "language", "")
    return chosen if chosen in language_codes() else settings.LANGUAGE_CODE


def language_for_request(request: HttpRequest) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.language in language_codes():
        return str(user.language)
    # A visitor, or someone who has not chosen yet: the language switch's
    # cookie, then the browser's Accept-Language, then English.
    return translation.get_language_from_request(request)


@contextmanager
def speaking(person: User | Any) -> Iterator[str]:
    """Write to `person` in their language: `with speaking(user): ...`."""
    language = language_of(person)
    with translation.override(language):
        yield language
