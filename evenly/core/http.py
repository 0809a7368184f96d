from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.http import HttpRequest

from evenly.accounts.models import User

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
