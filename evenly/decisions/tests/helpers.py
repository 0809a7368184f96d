"""Walk a decision or an experiment forward through the real services."""

from __future__ import annotations

from evenly.decisions import services
from evenly.decisions.models import Decision, Experiment, Option


def views_revealed(a, b, topic="How we spend Sunday mornings") -> Decision:
    decision = services.decision_open(actor=a, topic=topic)
    services.decision_write_view(actor=a, decision=decision, text="PRIVATE-VIEW-A")
    services.decision_write_view(actor=b, decision=decision, text="PRIVATE-VIEW-B")
    return Decision.objects.get(pk=decision.pk)


def understood(a, b) -> Decision:
    decision = views_revealed(a, b)
    services.decision_write_summary(actor=a, decision=decision, text="You'd like slower mornings.")
    services.decision_write_summary(actor=b, decision=decision, text="You'd like more say in plans.")
    services.decision_confirm_summary(actor=a, decision=decision)
    services.decision_confirm_summary(actor=b, decision=decision)
    return Decision.objects.get(pk=decision.pk)


def rate(decision, user, levels, done=True):
    options = list(Option.objects.filter(round__decision=decision, round__number=decision.round_number))
    return services.ratings_save(
        actor=user,
        decision=decision,
        levels={o.pk: level for o, level in zip(options, levels, strict=True)},
        seen_versions={o.pk: o.version for o in options},
        done=done,
    )


def rated(a, b, a_levels=(4, 5), b_levels=(5, 3)) -> Decision:
    decision = understood(a, b)
    services.option_add(actor=a, decision=decision, text="Tea first, then decide")
    services.option_add(actor=b, decision=decision, text="Take turns choosing", is_compromise=True)
    rate(decision, a, a_levels)
    rate(decision, b, b_levels)
    return Decision.objects.get(pk=decision.pk)


def agreed(a, b) -> Decision:
    decision = rated(a, b)
    option = Option.objects.filter(round__decision=decision).order_by("created_at").first()
    for user in (a, b):
        services.agreement_sign(
            actor=user,
            decision=decision,
            option=option,
            seen_version=option.version,
            trial_days=14,
        )
    return Decision.objects.get(pk=decision.pk)


def proposed(a) -> Experiment:
    return services.experiment_propose(
        actor=a, idea="PRIVATE-IDEA lights low", ends_when="PRIVATE-ENDS either says stop", then_what="PRIVATE-THEN tea"
    )


def running(a, b) -> Experiment:
    experiment = proposed(a)
    return services.experiment_consent(actor=b, experiment=experiment)
