"""Small request helpers every app shares: the signed-in request type, and safe
readings of the two kinds of untrusted value views take from a URL or a form."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme

if TYPE_CHECKING:
    from evenly.accounts.models import User

# Ids and version numbers: whole numbers a 64-bit database column can hold.
_ID = re.compile(r"0|[1-9][0-9]{0,17}", re.ASCII)

if TYPE_CHECKING:
    from evenly.couples.selectors import CoupleContext


class AuthenticatedHttpRequest(HttpRequest):
    """The request type of views behind `login_required`: `user` is a real User,
    and `couple_ctx` is where they stand, resolved once by the middleware."""

    user: User
    couple_ctx: CoupleContext


def attempt(request: HttpRequest, action: Callable[[], object], *, success: str | None = None) -> bool:
    """The one way a form-less POST (share, withdraw, confirm…) reports the
    outcome of its service call: a refusal (ServiceError) becomes an error
    message on the page it goes back to, success an optional success message.
    Returns whether the call went through."""
    from django.contrib import messages

    from evenly.core.errors import ServiceError

    try:
        action()
    except ServiceError as error:
        messages.error(request, error.message)
        return False
    if success:
        messages.success(request, success)
    return True


def id_from(value: Any) -> int | None:
    """A database id (or version number) from a query string or a posted field, or None.

    Only ASCII digits count (`str.isdigit` accepts "²", `int` accepts "٣" and
    " 7 "), and only within the range a database id can have.
    """
    if not isinstance(value, str) or not _ID.fullmatch(value):
        return None
    return int(value)


def redirect_back(request: HttpRequest, default: str, *args: Any, **kwargs: Any) -> HttpResponseRedirect:
    """Go back to the page named in the posted or queried `next`, or to `default`.

    `next` must be a path on this site: never another host or scheme, and never
    a bare word, which `redirect()` would try to read as a view name. A whole
    address of this site (a page's Referer, as a notice fetched by script
    posts) counts as its path.
    """
    target = request.POST.get("next") or request.GET.get("next") or ""
    if isinstance(target, str) and target.startswith(("http://", "https://")):
        parts = urlsplit(target)
        if parts.netloc == request.get_host() and (parts.scheme == "https" or not request.is_secure()):
            target = urlunsplit(("", "", parts.path, parts.query, parts.fragment))
    if (
        isinstance(target, str)
        and target.startswith("/")
        and not target.startswith(("//", "/\\"))
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return HttpResponseRedirect(target)
    return HttpResponseRedirect(resolve_url(default, *args, **kwargs))
