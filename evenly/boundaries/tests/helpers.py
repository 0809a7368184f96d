from __future__ import annotations

from evenly.accounts.models import User
from evenly.boundaries import services
from evenly.boundaries.models import Boundary, Kind
from evenly.boundaries.selectors import AreaGroup, Match, curiosity_matches, partners_shared_boundaries
from evenly.couples.selectors import couple_context


def entry(user, item: int | None = 103, *, kind: str = Kind.ENJOY, shared: bool = False, **extra) -> Boundary:
    if item is None:
        extra.setdefault("area", "touch")
    return services.boundary_add(actor=user, kind=kind, catalogue_item_id=item, share=shared, **extra)


def matches_seen_by(user: User) -> list[Match]:
    """The curiosity matches as the person's matches page lists them."""
    return curiosity_matches(viewer=user, context=couple_context(viewer=user))


def partners_boundaries_seen_by(user: User) -> list[AreaGroup]:
    """The partner's shared boundaries as the person's partner page lists them."""
    return partners_shared_boundaries(context=couple_context(viewer=user))
