from __future__ import annotations

from dataclasses import dataclass

from evenly.accounts.models import User
from evenly.core.errors import ServiceError
from evenly.couples.models import Couple, Invite, Membership


@dataclass(frozen=True)
class CoupleContext:
    """Where a person stands: their active couple (if any) and their partner."""

    couple: Couple | None
    partner: User | None

    @property
    def couple_id(self) -> int | None:
        return self.couple.pk if self.couple else None

    @property
    def is_partnered(self) -> bool:
        return self.partner is not None

    @property
    def partnership(self) -> Partnership | None:
        if self.couple is None or self.partner is None:
            return None
        return Partnership(couple=self.couple, partner=self.partner)


@dataclass(frozen=True)
class Partnership:
    """A couple with both partners present: what every shared feature needs."""

    couple: Couple
    partner: User

    @property
    def couple_id(self) -> int:
        return self.couple.pk


def partnership_for(*, actor: User, refusal: str) -> Partnership:
    """The actor's couple and partner, or a ServiceError with the feature's own
    words when there is no partner to do this with."""
    partnership = couple_context(viewer=actor).partnership
    if partnership is None:
        raise ServiceError(refusal)
    return partnership


def active_membership(*, viewer: User) -> Membership | None:
    return Membership.objects.select_related("couple").filter(user=viewer, left_at__isnull=True).first()


def couple_context(*, viewer: User) -> CoupleContext:
    membership = active_membership(viewer=viewer)
    if membership is None:
        return CoupleContext(couple=None, partner=None)
    other = (
        Membership.objects.select_related("user")
        .filter(couple_id=membership.couple_id, left_at__isnull=True)
        .exclude(user=viewer)
        .first()
    )
    return CoupleContext(couple=membership.couple, partner=other.user if other else None)


def open_invite(*, viewer: User, couple: Couple) -> Invite | None:
    from django.utils import timezone

    return (
        Invite.objects.filter(
            couple=couple,
            used_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .order_by("-created_at")
        .first()
    )


def member_ids(*, couple_id: int) -> list[int]:
    return list(Membership.objects.filter(couple_id=couple_id, left_at__isnull=True).values_list("user_id", flat=True))
