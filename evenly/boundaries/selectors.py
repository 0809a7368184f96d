"""Reads, always on behalf of a viewer."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext

from evenly.accounts.models import User
from evenly.boundaries import catalogue
from evenly.boundaries.guard import hard_limit_item_ids
from evenly.boundaries.models import (
    OPEN_ANSWERS,
    Answer,
    Area,
    Boundary,
    BoundaryChange,
    CuriosityAnswer,
    LifeEvent,
    Review,
    ReviewSettings,
    TalkRequest,
)
from evenly.core.models import Visibility
from evenly.couples.selectors import CoupleContext

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise


@dataclass(frozen=True)
class AreaGroup:
    area: str
    label: str | _StrPromise
    boundaries: list[Boundary]


def _grouped(boundaries: Iterable[Boundary]) -> list[AreaGroup]:
    ordered = sorted(boundaries, key=lambda b: b.sort_key)
    return [AreaGroup(area, label, [b for b in ordered if b.area == area]) for area, label in Area.choices]


def my_boundaries(*, viewer: User) -> list[AreaGroup]:
    return _grouped(Boundary.objects.filter(author=viewer))


def my_listed_item_ids(*, viewer: User) -> set[int]:
    rows = Boundary.objects.filter(author=viewer, catalogue_item_id__isnull=False)
    return {item_id for item_id in rows.values_list("catalogue_item_id", flat=True) if item_id is not None}


def talk_list_ids_for_owner(*, viewer: User, context: CoupleContext) -> set[int]:
    """The viewer's own shared boundaries their partner put on the list of
    things to talk about at the next check-in."""
    if context.couple_id is None:
        return set()
    return set(
        TalkRequest.objects.filter(
            boundary__author=viewer, couple_id=context.couple_id, addressed_at__isnull=True
        ).values_list("boundary_id", flat=True)
    )


def partners_shared_boundaries(*, context: CoupleContext) -> list[AreaGroup]:
    if context.partner is None or context.couple_id is None:
        return []
    return _grouped(
        Boundary.objects.filter(author=context.partner, visibility=Visibility.SHARED, couple_id=context.couple_id)
    )


def my_talk_requests(*, viewer: User, context: CoupleContext) -> set[int]:
    if context.couple_id is None:
        return set()
    return set(
        TalkRequest.objects.filter(
            requester=viewer, couple_id=context.couple_id, addressed_at__isnull=True
        ).values_list("boundary_id", flat=True)
    )


def open_talk_requests(*, couple_id: int) -> list[TalkRequest]:
    """For the check-in agenda: what either partner would like to talk about."""
    return list(
        TalkRequest.objects.select_related("boundary")
        .filter(couple_id=couple_id, addressed_at__isnull=True, boundary__visibility=Visibility.SHARED)
        .order_by("created_at")
    )


def my_history(*, viewer: User, boundary_id: int | None = None) -> list[BoundaryChange]:
    changes = BoundaryChange.objects.filter(author=viewer)
    if boundary_id is not None:
        changes = changes.filter(boundary_id=boundary_id)
    return list(changes[:500])


def review_settings(*, viewer: User) -> ReviewSettings:
    return ReviewSettings.objects.filter(user=viewer).first() or ReviewSettings(user=viewer)


def open_review(*, viewer: User) -> Review | None:
    return Review.objects.filter(user=viewer, finished_at__isnull=True).first()


def review_next_boundary(*, review: Review) -> Boundary | None:
    """The next entry of the walk-through, in list order; None when done."""
    done = set(review.steps.values_list("boundary_id_at_review", flat=True))
    remaining = [b for b in Boundary.objects.filter(author_id=review.user_id) if b.pk not in done]
    return min(remaining, key=lambda b: b.sort_key) if remaining else None


def life_events(*, viewer: User, context: CoupleContext) -> tuple[list[LifeEvent], list[LifeEvent]]:
    """(mine, the partner's shared ones)."""
    visible = LifeEvent.objects.visible_to(viewer, couple_id=context.couple_id).order_by("-created_at", "-id")
    mine = [e for e in visible if e.author_id == viewer.pk]
    partners = [e for e in visible if e.author_id != viewer.pk]
    return mine, partners


# ---- Curiosity list ----


def my_answers(*, viewer: User) -> dict[int, str]:
    return dict(CuriosityAnswer.objects.filter(user=viewer).values_list("catalogue_item_id", "answer"))


@dataclass(frozen=True)
class Match:
    item: catalogue.CatalogueItem
    both_keen: bool

    @property
    def label(self) -> str:
        return gettext("Both keen") if self.both_keen else gettext("Both curious")


def compute_matches(first: Mapping[int, str], second: Mapping[int, str], hard_limits: Iterable[int]) -> list[Match]:
    """The reveal rule, as pure logic: items both marked yes or curious, minus
    any hard limit of either partner, in catalogue order (never by time)."""
    blocked = set(hard_limits)
    matches = []
    for item in catalogue.current_items():
        a, b = first.get(item.id), second.get(item.id)
        if a in OPEN_ANSWERS and b in OPEN_ANSWERS and item.id not in blocked:
            matches.append(Match(item=item, both_keen=a == b == Answer.YES))
    return matches


def curiosity_matches(*, viewer: User, context: CoupleContext) -> list[Match]:
    if context.partner is None:
        return []
    partner = context.partner
    hard_limits = hard_limit_item_ids(user_id=viewer.pk) | hard_limit_item_ids(user_id=partner.pk)
    return compute_matches(my_answers(viewer=viewer), my_answers(viewer=partner), hard_limits)
