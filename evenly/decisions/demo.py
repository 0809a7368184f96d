"""Demo data for decisions and experiments, written through the real services.

Every fixed text is written in its author's own language (`speaking`), so a
partner who reads Spanish wrote theirs in Spanish.

Alex & Sam get a decision mid-way (views revealed, options rated), one agreed
with a trial running, an experiment running with its way out, and a finished
experiment with notes from both: a small win. Jordan & Riley get one decision
waiting for views.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from evenly.accounts.language import speaking
from evenly.accounts.models import User
from evenly.decisions import services
from evenly.decisions.models import Decision, Experiment, Option, Stage, TrialLength


def _through_understanding(decision: Decision, a: User, b: User, views: tuple[str, str]) -> None:
    services.decision_write_view(actor=a, decision=decision, text=views[0])
    services.decision_write_view(actor=b, decision=decision, text=views[1])
    with speaking(a):
        services.decision_write_summary(
            actor=a, decision=decision, text=_("What I heard: %(view)s") % {"view": views[1]}
        )
    with speaking(b):
        services.decision_write_summary(
            actor=b, decision=decision, text=_("What I heard: %(view)s") % {"view": views[0]}
        )
    services.decision_confirm_summary(actor=a, decision=decision)
    services.decision_confirm_summary(actor=b, decision=decision)


def _rate(decision: Decision, user: User, levels: list[int]) -> None:
    options = list(Option.objects.filter(round__decision=decision).order_by("created_at", "id"))
    services.ratings_save(
        actor=user,
        decision=decision,
        levels={o.pk: level for o, level in zip(options, levels, strict=True)},
        seen_versions={o.pk: o.version for o in options},
        done=True,
    )


def seed_decisions(users: dict[str, User]) -> None:
    alex, sam, jordan, riley = users["alex"], users["sam"], users["jordan"], users["riley"]
    if Decision.objects.filter(opened_by__in=[alex, sam, jordan, riley]).exists():
        return

    with speaking(sam):
        midway = services.decision_open(actor=sam, topic=_("Who sets the pace on slow weekend mornings"))
        sam_view = _("I'd like mornings to be unhurried, and for me to be the one to say when, sometimes.")
    with speaking(alex):
        alex_view = _("I often start things because I'm awake first; I hadn't noticed it was always me.")
    _through_understanding(midway, sam, alex, (sam_view, alex_view))
    with speaking(sam):
        services.option_add(actor=sam, decision=midway, text=_("Sam suggests the plan on Saturdays, Alex on Sundays"))
    with speaking(alex):
        services.option_add(
            actor=alex,
            decision=midway,
            text=_("Whoever wakes first makes tea and waits to be invited"),
            is_compromise=True,
        )
        services.option_add(actor=alex, decision=midway, text=_("Keep mornings free of plans altogether"))
    _rate(midway, sam, [4, 5, 3])
    _rate(midway, alex, [4, 4, 2])

    with speaking(alex):
        agreed = services.decision_open(actor=alex, topic=_("How we ask for time on our own"))
        alex_view = _("I want to ask for quiet time without it sounding like a rejection.")
    with speaking(sam):
        sam_view = _("I'd like a heads-up, not a surprise.")
    _through_understanding(agreed, alex, sam, (alex_view, sam_view))
    with speaking(sam):
        services.option_add(actor=sam, decision=agreed, text=_("A short message a few hours ahead, no reasons needed"))
    with speaking(alex):
        services.option_add(
            actor=alex, decision=agreed, text=_("A standing quiet evening every Thursday"), is_compromise=True
        )
    _rate(agreed, alex, [4, 5])
    _rate(agreed, sam, [5, 3])
    chosen = Option.objects.filter(round__decision=agreed).order_by("created_at", "id").first()
    assert chosen is not None
    for partner in (alex, sam):
        services.agreement_sign(
            actor=partner,
            decision=agreed,
            option=chosen,
            seen_version=chosen.version,
            trial_days=TrialLength.TWO_WEEKS,
        )
    assert Decision.objects.get(pk=agreed.pk).stage == Stage.TRIAL

    with speaking(alex):
        services.experiment_propose(
            actor=alex,
            idea=_("Take turns choosing how an evening together unfolds, one evening each week"),
            ends_when=_("Either of us says 'let's switch back', or after four weeks"),
            then_what=_("We go back to deciding together on the night, and talk it over at our next check-in"),
        )
    running = Experiment.objects.filter(proposed_by=alex).latest("created_at")
    services.experiment_consent(actor=sam, experiment=running)

    with speaking(sam):
        finished = services.experiment_propose(
            actor=sam,
            idea=_("Phones in another room after ten on weeknights"),
            ends_when=_("After two weeks, or as soon as either of us wants to stop"),
            then_what=_("Phones come back, and we each say one thing we noticed"),
        )
    services.experiment_consent(actor=alex, experiment=finished)
    services.experiment_end(actor=sam, experiment=finished)
    with speaking(alex):
        services.debrief_write(
            actor=alex,
            experiment=finished,
            worked=_("Talking more before sleep."),
            didnt_work=_("The first two nights felt strange."),
            surprised=_("How much calmer I felt."),
        )
    with speaking(sam):
        services.debrief_write(
            actor=sam,
            experiment=finished,
            worked=_("Falling asleep close together."),
            didnt_work=_("Missing the alarm once."),
            surprised=_("That Alex noticed the difference first."),
        )

    with speaking(riley):
        services.decision_open(actor=riley, topic=_("How we plan our evenings together"))
