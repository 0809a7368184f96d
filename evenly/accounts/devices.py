"""Device cookies, as OWASP recommends against lock-out by strangers.

allauth pauses sign-in for an email address after a few wrong passwords, from
every browser: anyone who knows someone's address could keep them out. A
browser where that person signed in successfully before carries a signed
device cookie naming (a keyed hash of) the address and a random nonce. Its
attempts are counted apart, in a bucket of its own: strangers guessing from
elsewhere don't pause it, and it is still paused if it guesses wrong itself.
Unknown browsers stay under the shared per-address limit.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponseBase
from django.utils.crypto import salted_hmac

COOKIE = "evenly_device"
SALT = "evenly.accounts.device"
MAX_AGE = 180 * 24 * 3600
MAX_ENTRIES = 4  # people who share a browser each keep their own entry


def _login_tag(login: str) -> str:
    return salted_hmac(SALT, login.strip().lower(), algorithm="sha256").hexdigest()[:32]


def _entries(request: HttpRequest) -> dict[str, str]:
    raw = request.get_signed_cookie(COOKIE, default="", salt=SALT, max_age=MAX_AGE)
    entries: dict[str, str] = {}
    for pair in str(raw).split(","):
        tag, _, nonce = pair.partition(":")
        if tag and nonce:
            entries[tag] = nonce
    return entries


def known_device_nonce(request: HttpRequest, login: str) -> str | None:
    """The nonce of this browser's device cookie for `login`, if it has a valid one."""
    try:
        return _entries(request).get(_login_tag(login))
    except signing.BadSignature:
        return None


def remember_device(request: HttpRequest, response: HttpResponseBase, login: str) -> None:
    """After a successful sign-in: this browser is now known for `login`."""
    try:
        entries = _entries(request)
    except signing.BadSignature:
        entries = {}
    tag = _login_tag(login)
    entries.pop(tag, None)
    entries[tag] = entries.get(tag) or secrets.token_urlsafe(16)
    kept = list(entries.items())[-MAX_ENTRIES:]
    response.set_signed_cookie(
        COOKIE,
        ",".join(f"{key}:{nonce}" for key, nonce in kept),
        salt=SALT,
        max_age=MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
