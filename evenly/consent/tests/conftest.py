from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from evenly.accounts.models import User
from evenly.consent import services
from evenly.consent.models import Invitation
from evenly.consent.selectors import InvitationsView, SignalView, invitations_view, signal_view
from evenly.couples.selectors import couple_context


def window(hours_from_now: float = 1, length: float = 3) -> tuple[datetime, datetime]:
    start = timezone.now() + timedelta(hours=hours_from_now)
    return start, start + timedelta(hours=length)


def signals_seen_by(viewer: User) -> SignalView:
    """Both colours as the viewer's signal card shows them."""
    return signal_view(viewer=viewer, context=couple_context(viewer=viewer))


def invitations_seen_by(viewer: User) -> InvitationsView:
    """The invitations as the viewer's consent page lists them."""
    return invitations_view(viewer=viewer, context=couple_context(viewer=viewer))


@pytest.fixture
def invite() -> Callable[..., Invitation]:
    def make(
        inviter: User, *, items: tuple[int, ...] = (), words: str = "A slow evening", note: str = ""
    ) -> Invitation:
        start, end = window()
        return services.invitation_create(
            actor=inviter, item_ids=list(items), words=words, note=note, starts_at=start, ends_at=end
        )

    return make


@pytest.fixture
def hard_limit() -> Callable[..., object]:
    def make(user: User, *, item_id: int | None = None, wording: str = "", shared: bool = False) -> object:
        from evenly.boundaries.models import Boundary
        from evenly.couples.selectors import couple_context

        return Boundary.objects.create(
            author=user,
            couple=couple_context(viewer=user).couple,
            catalogue_item_id=item_id,
            wording=wording,
            area="activities",
            kind="hard_limit",
            visibility="shared" if shared else "private",
        )

    return make


@pytest.fixture(autouse=True)
def quick_password_hashing(settings) -> None:  # type: ignore[no-untyped-def]
    # The cast is made with passwords; these tests never check them.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
