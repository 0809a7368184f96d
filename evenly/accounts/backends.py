"""Sign-in backends that read the signed-in person together with their couple.

Every request of a partnered person needs both their own row and their couple
context (`evenly.couples.selectors`); these backends read both in one query.
Checking the password, the session hash and whether the account is active is
left to Django and allauth, unchanged.
"""

from __future__ import annotations

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend

from evenly.accounts.models import User


class _WithCoupleContext:
    def get_user(self, user_id: Any) -> User | None:
        from evenly.couples.selectors import viewer_with_context

        try:
            pk = User._meta.pk.to_python(user_id)  # type: ignore[union-attr]
        except Exception:
            return None
        user = viewer_with_context(pk) if isinstance(pk, int) else None
        if user is None:
            return super().get_user(user_id)  # type: ignore[misc,no-any-return]
        return user if self.user_can_authenticate(user) else None  # type: ignore[attr-defined]


class ModelBackend(_WithCoupleContext, DjangoModelBackend):
    pass


class AuthenticationBackend(_WithCoupleContext, AllauthBackend):
    pass
