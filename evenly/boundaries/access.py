"""One access helper per object. Missing and not-yours give the same 404."""

from __future__ import annotations

from django.http import Http404

from evenly.accounts.models import User
from evenly.boundaries.models import Boundary, LifeEvent, Review
from evenly.core.models import Visibility
from evenly.couples.selectors import CoupleContext


def get_own_boundary(*, viewer: User, boundary_id: int) -> Boundary:
    boundary = Boundary.objects.filter(pk=boundary_id, author=viewer).first()
    if boundary is None:
        raise Http404
    return boundary


def get_partners_shared_boundary(*, context: CoupleContext, boundary_id: int) -> Boundary:
    """A boundary the viewer's current partner shares in their couple."""
    if context.partner is None or context.couple_id is None:
        raise Http404
    boundary = Boundary.objects.filter(
        pk=boundary_id, author=context.partner, visibility=Visibility.SHARED, couple_id=context.couple_id
    ).first()
    if boundary is None:
        raise Http404
    return boundary


def get_own_life_event(*, viewer: User, event_id: int) -> LifeEvent:
    event = LifeEvent.objects.filter(pk=event_id, author=viewer).first()
    if event is None:
        raise Http404
    return event


def get_own_open_review(*, viewer: User, review_id: int) -> Review:
    review = Review.objects.filter(pk=review_id, user=viewer, finished_at__isnull=True).first()
    if review is None:
        raise Http404
    return review
