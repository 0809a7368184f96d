"""Export and erase: only what the person wrote or rated themselves.

Erasing blanks the person's words but keeps the content-free facts (who
opened, who proposed, which option was adopted) that the balance view counts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from evenly.accounts.models import User

if TYPE_CHECKING:
    from evenly.decisions.models import Perspective


def export(user: User) -> dict[str, object]:
    from evenly.decisions.models import (
        Debrief,
        Decision,
        Experiment,
        ExperimentStatus,
        Option,
        Perspective,
        Rating,
        Seat,
    )

    ran_or_open = (ExperimentStatus.PROPOSED, ExperimentStatus.RUNNING, ExperimentStatus.ENDED)
    return {
        "decisions_opened": [
            {"id": d.pk, "topic": d.topic, "at": d.created_at.isoformat()}
            for d in Decision.objects.filter(opened_by=user).order_by("created_at")
        ],
        "my_views_and_summaries": [
            {
                "decision_id": p.decision_id,
                "view": p.view,
                "my_summary_of_my_partners_view": p.summary,
            }
            for p in Perspective.objects.filter(user=user).order_by("decision_id")
        ],
        # A correction is written by one partner on the other's perspective
        # (to the summary made of their view): it is its writer's, so it is in
        # their export, and never in the partner's.
        "my_corrections_to_my_partners_summary": [
            {"decision_id": p.decision_id, "correction": p.correction} for p in _corrections_written_by(user)
        ],
        "options_i_proposed": [
            {"decision_id": o.round.decision_id, "text": o.text, "compromise": o.is_compromise}
            for o in Option.objects.filter(proposed_by=user).select_related("round").order_by("created_at")
        ],
        "my_ratings": [
            {"option_id": r.option_id, "level": r.level}
            for r in Rating.objects.filter(rater=user).order_by("option_id")
        ],
        "my_look_backs": [
            {"round_id": s.round_id, "how_it_went": s.review_level, "next": s.review_next}
            for s in Seat.objects.filter(user=user, reviewed_at__isnull=False).order_by("round_id")
        ],
        "experiments_i_proposed": [
            {
                "idea": e.idea,
                "what_ends_it": e.ends_when,
                "what_happens_then": e.then_what,
                "proposed_at": e.created_at.isoformat(),
                # "Not now" was the partner's answer: the export says only that it didn't go ahead.
                "status": e.status if e.status in ran_or_open else ExperimentStatus.CLOSED.value,
            }
            for e in Experiment.objects.filter(proposed_by=user).order_by("created_at")
        ],
        "my_debriefs": [
            {"experiment_id": d.experiment_id, "worked": d.worked, "didnt": d.didnt_work, "surprised": d.surprised}
            for d in Debrief.objects.filter(author=user).order_by("experiment_id")
        ],
    }


def _corrections_written_by(user: User) -> list[Perspective]:
    """The corrections a person wrote: they sit on their partner's perspective."""
    from evenly.decisions.models import Perspective

    theirs = Perspective.objects.filter(decision__perspectives__user=user).exclude(user=user).order_by("decision_id")
    return [perspective for perspective in theirs if perspective.correction]


def erase(user: User) -> None:
    from evenly.decisions.models import Debrief, Decision, Experiment, Option, Perspective

    Perspective.objects.filter(user=user).update(view="", summary="")
    for perspective in _corrections_written_by(user):
        perspective.correction = ""
        perspective.save(update_fields=["correction"])
    Option.objects.filter(proposed_by=user).update(text="")
    Decision.objects.filter(opened_by=user).update(topic="")
    Experiment.objects.filter(proposed_by=user).update(idea="", ends_when="", then_what="")
    Debrief.objects.filter(author=user).delete()
