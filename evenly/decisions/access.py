"""One access helper per object: missing and not-yours are the same 404."""

from __future__ import annotations

from django.http import Http404

from evenly.accounts.models import User
from evenly.couples.selectors import couple_context
from evenly.decisions.models import Decision, Experiment, ExperimentStatus, Option


def _couple_id(viewer: User) -> int:
    context = couple_context(viewer=viewer)
    if context.couple_id is None or not context.is_partnered:
        raise Http404
    return context.couple_id


def get_decision_for_user(*, viewer: User, decision_id: int) -> Decision:
    decision = Decision.objects.select_related("couple").filter(pk=decision_id, couple_id=_couple_id(viewer)).first()
    if decision is None:
        raise Http404
    return decision


def get_option_for_user(*, viewer: User, option_id: int) -> Option:
    option = (
        Option.objects.select_related("round", "round__decision", "round__decision__couple")
        .filter(pk=option_id, round__decision__couple_id=_couple_id(viewer))
        .first()
    )
    if option is None:
        raise Http404
    return option


def get_experiment_for_user(*, viewer: User, experiment_id: int) -> Experiment:
    """Once a proposal that never ran is forgotten, it is gone from the app too."""
    experiment = (
        Experiment.objects.filter(pk=experiment_id, couple_id=_couple_id(viewer))
        .exclude(status=ExperimentStatus.CLOSED)
        .first()
    )
    if experiment is None:
        raise Http404
    return experiment
