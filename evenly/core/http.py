from __future__ import annotations

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
