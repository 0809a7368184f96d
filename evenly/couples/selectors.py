from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from evenly.accounts.models import User
from evenly.core.errors import ServiceError
from evenly.couples.models import Couple, Invite, Membership


@dataclass(frozen=True)
class CoupleContext:
    """Where a person stands: their active couple (if any), their seat in it and
    their partner. Resolved once per request (see `evenly.couples.middleware`)."""

    couple: Couple | None
    partner: User | None
    seat: int | None = None
    # Whether a pause was running when the context was read (None: not read).
    # Only for showing the pause layer; services always check afresh.
    has_active_pause: bool | None = None

    @property
    def couple_id(self) -> int | None:
        return self.couple.pk if self.couple else None

    @property
    def is_partnered(self) -> bool:
        return self.partner is not None

    @property
    def zone(self) -> ZoneInfo | None:
        """The couple's time zone, the one every page of theirs shows and reads."""
        return couple_zone(self.couple) if self.couple else None

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


def couple_zone(couple: Couple) -> ZoneInfo:
    try:
        return ZoneInfo(couple.timezone)
    except (ValueError, KeyError):  # a name that was valid once and no longer is
        return ZoneInfo("UTC")


def partnership_for(*, actor: User, refusal: str, couple_id: int | None = None) -> Partnership:
    """The actor's couple and partner (read once per request), or a ServiceError
    with the feature's own words when there is no partner to do this with, or
    when `couple_id` is given and is not the actor's couple."""
    partnership = couple_context(viewer=actor).partnership
    if partnership is None or (couple_id is not None and partnership.couple_id != couple_id):
        raise ServiceError(refusal)
    return partnership


def active_membership(*, viewer: User) -> Membership | None:
    return Membership.objects.select_related("couple").filter(user=viewer, left_at__isnull=True).first()


# The contexts resolved during the current request, by user id. Set by the
# middleware for the length of one request only, so code outside a request
# (tasks, commands, tests calling services) always reads the database.
_resolved: ContextVar[dict[int, CoupleContext] | None] = ContextVar("evenly_couple_contexts", default=None)


def resolve_couple_context(*, viewer: User) -> CoupleContext:
    """Both active memberships of the viewer's couple, with the couple, both
    people and whether a pause is running, in one query."""
    from django.db.models import Exists, OuterRef

    from evenly.pause.models import Pause

    running = Pause.objects.filter(couple_id=OuterRef("couple_id"), lifted_at__isnull=True)
    memberships = list(
        Membership.objects.select_related("couple", "user")
        .filter(
            couple__memberships__user=viewer,
            couple__memberships__left_at__isnull=True,
            left_at__isnull=True,
        )
        .annotate(couple_paused=Exists(running))
    )
    own = next((m for m in memberships if m.user_id == viewer.pk), None)
    if own is None:
        return CoupleContext(couple=None, partner=None)
    other = next((m for m in memberships if m.user_id != viewer.pk), None)
    return CoupleContext(
        couple=own.couple,
        partner=other.user if other else None,
        seat=own.seat,
        has_active_pause=own.couple_paused,  # type: ignore[attr-defined]
    )


def couple_context(*, viewer: User) -> CoupleContext:
    """The viewer's couple context: resolved once per request inside a request,
    read fresh everywhere else."""
    resolved = _resolved.get()
    if resolved is None:
        return resolve_couple_context(viewer=viewer)
    if viewer.pk not in resolved:
        resolved[viewer.pk] = resolve_couple_context(viewer=viewer)
    return resolved[viewer.pk]


def begin_request_contexts() -> None:
    _resolved.set({})


def end_request_contexts() -> None:
    _resolved.set(None)


def forget_couple_contexts() -> None:
    """Called by every service that changes who is in a couple (or its time zone),
    so the rest of the request sees the change."""
    resolved = _resolved.get()
    if resolved is not None:
        resolved.clear()


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
