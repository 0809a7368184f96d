"""One access helper per object: missing and not-yours are the same 404."""

from __future__ import annotations

from django.http import Http404

from evenly.couples.selectors import CoupleContext
from evenly.decisions.models import Decision, Experiment, ExperimentStatus, Option


def _couple_id(context: CoupleContext) -> int:
    if context.couple_id is None or not context.is_partnered:
        raise Http404
    return context.couple_id


def get_decision_for_user(*, context: CoupleContext, decision_id: int) -> Decision:
    decision = Decision.objects.select_related("couple").filter(pk=decision_id, couple_id=_couple_id(context)).first()
    if decision is None:
        raise Http404
    return decision


def get_option_for_user(*, context: CoupleContext, option_id: int) -> Option:
    option = (
        Option.objects.select_related("round", "round__decision", "round__decision__couple")
        .filter(pk=option_id, round__decision__couple_id=_couple_id(context))
        .first()
    )
    if option is None:
        raise Http404
    return option


def get_experiment_for_user(*, context: CoupleContext, experiment_id: int) -> Experiment:
    """Once a proposal that never ran is forgotten, it is gone from the app too."""
    experiment = (
        Experiment.objects.filter(pk=experiment_id, couple_id=_couple_id(context))
        .exclude(status=ExperimentStatus.CLOSED)
        .first()
    )
    if experiment is None:
        raise Http404
    return experiment
