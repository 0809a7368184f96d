"""Demo data for decisions and experiments, written through the real services.

Alex & Sam get a decision mid-way (views revealed, options rated), one agreed
with a trial running, an experiment running with its way out, and a finished
experiment with notes from both: a small win. Jordan & Riley get one decision
waiting for views.
"""

from __future__ import annotations

from evenly.accounts.models import User
from evenly.decisions import services
from evenly.decisions.models import Decision, Experiment, Option, Stage, TrialLength


def _through_understanding(decision: Decision, a: User, b: User, views: tuple[str, str]) -> None:
    services.decision_write_view(actor=a, decision=decision, text=views[0])
    services.decision_write_view(actor=b, decision=decision, text=views[1])
    services.decision_write_summary(actor=a, decision=decision, text="What I heard: " + views[1])
    services.decision_write_summary(actor=b, decision=decision, text="What I heard: " + views[0])
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

    midway = services.decision_open(actor=sam, topic="Who sets the pace on slow weekend mornings")
    _through_understanding(
        midway,
        sam,
        alex,
        (
            "I'd like mornings to be unhurried, and for me to be the one to say when, sometimes.",
            "I often start things because I'm awake first; I hadn't noticed it was always me.",
        ),
    )
    services.option_add(actor=sam, decision=midway, text="Sam suggests the plan on Saturdays, Alex on Sundays")
    services.option_add(
        actor=alex, decision=midway, text="Whoever wakes first makes tea and waits to be invited", is_compromise=True
    )
    services.option_add(actor=alex, decision=midway, text="Keep mornings free of plans altogether")
    _rate(midway, sam, [4, 5, 3])
    _rate(midway, alex, [4, 4, 2])

    agreed = services.decision_open(actor=alex, topic="How we ask for time on our own")
    _through_understanding(
        agreed,
        alex,
        sam,
        ("I want to ask for quiet time without it sounding like a rejection.", "I'd like a heads-up, not a surprise."),
    )
    services.option_add(actor=sam, decision=agreed, text="A short message a few hours ahead, no reasons needed")
    services.option_add(actor=alex, decision=agreed, text="A standing quiet evening every Thursday", is_compromise=True)
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

    services.experiment_propose(
        actor=alex,
        idea="Take turns choosing how an evening together unfolds, one evening each week",
        ends_when="Either of us says 'let's switch back', or after four weeks",
        then_what="We go back to deciding together on the night, and talk it over at our next check-in",
    )
    running = Experiment.objects.filter(proposed_by=alex).latest("created_at")
    services.experiment_consent(actor=sam, experiment=running)

    finished = services.experiment_propose(
        actor=sam,
        idea="Phones in another room after ten on weeknights",
        ends_when="After two weeks, or as soon as either of us wants to stop",
        then_what="Phones come back, and we each say one thing we noticed",
    )
    services.experiment_consent(actor=alex, experiment=finished)
    services.experiment_end(actor=sam, experiment=finished)
    services.debrief_write(
        actor=alex,
        experiment=finished,
        worked="Talking more before sleep.",
        didnt_work="The first two nights felt strange.",
        surprised="How much calmer I felt.",
    )
    services.debrief_write(
        actor=sam,
        experiment=finished,
        worked="Falling asleep close together.",
        didnt_work="Missing the alarm once.",
        surprised="That Alex noticed the difference first.",
    )

    services.decision_open(actor=riley, topic="How we plan our evenings together")
