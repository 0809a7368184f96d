"""Export and erase for everything a person put into their boundaries and
curiosity list: only their own rows, never anything their partner wrote."""

from __future__ import annotations

from evenly.accounts.models import User


def export(user: User) -> dict[str, object]:
    from evenly.boundaries.models import (
        Boundary,
        BoundaryChange,
        CuriosityAnswer,
        LifeEvent,
        Review,
        ReviewSettings,
        TalkRequest,
    )

    boundaries = sorted(Boundary.objects.filter(author=user), key=lambda b: b.sort_key)
    settings_row = ReviewSettings.objects.filter(user=user).first()
    return {
        "boundaries": [
            {
                "id": b.pk,
                "catalogue_item": b.item.slug if b.item else None,
                "title": b.title,
                "area": b.area,
                "kind": b.kind,
                "visibility": b.visibility,
                "mood": b.when_mood,
                "context": b.when_context,
                "what_must_be_true": b.when_must_be_true,
                "note": b.note,
                "created_at": b.created_at.isoformat(),
                "updated_at": b.updated_at.isoformat(),
            }
            for b in boundaries
        ],
        "history": [
            {
                "boundary_id": c.boundary_id,
                "action": c.action,
                "title": c.title,
                "area": c.area,
                "kind": c.kind,
                "visibility": c.visibility,
                "conditions": c.conditions,
                "note": c.note,
                "at": c.created_at.isoformat(),
            }
            for c in BoundaryChange.objects.filter(author=user).order_by("created_at", "id")
        ],
        "talk_requests_i_made": [
            {"boundary_id": t.boundary_id, "at": t.created_at.isoformat(), "addressed": t.addressed_at is not None}
            for t in TalkRequest.objects.filter(requester=user).order_by("created_at")
        ],
        "life_events": [
            {"kind": e.kind, "note": e.note, "visibility": e.visibility, "at": e.created_at.isoformat()}
            for e in LifeEvent.objects.filter(author=user).order_by("created_at")
        ],
        "reviews": [
            {
                "started_at": r.started_at.isoformat(),
                "finished_at": r.finished_at.isoformat() if r.finished_at else None,
            }
            for r in Review.objects.filter(user=user).order_by("started_at")
        ],
        "review_reminder_months": settings_row.reminder_months if settings_row else None,
        "curiosity_answers": [
            {"catalogue_item": a.catalogue_item_id, "answer": a.answer}
            for a in CuriosityAnswer.objects.filter(user=user).order_by("catalogue_item_id")
        ],
    }


def erase(user: User) -> None:
    """Remove the person's rows outright. Talk requests about their shared
    entries go with the entries; the ones they made go too."""
    from evenly.boundaries.models import Boundary, BoundaryChange, CuriosityAnswer, LifeEvent, Review, TalkRequest

    TalkRequest.objects.filter(requester=user).delete()
    BoundaryChange.objects.filter(author=user).delete()
    Boundary.objects.filter(author=user).delete()
    LifeEvent.objects.filter(author=user).delete()
    Review.objects.filter(user=user).delete()
    CuriosityAnswer.objects.filter(user=user).delete()


def register_all() -> None:
    from evenly.core.personal_data import register

    register(name="boundaries", export=export, erase=erase)
