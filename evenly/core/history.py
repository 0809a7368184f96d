"""Years of realistic history for a couple, made through the real services and
then moved back in time (each row's own timestamps), so pages can be measured
for a couple who has used Evenly for a long while. Used by `seed_history` and
by the query-count tests (with a small `weeks`)."""

from __future__ import annotations

import random
from datetime import timedelta

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext, gettext_noop

from evenly.accounts.language import speaking
from evenly.accounts.models import User
from evenly.boundaries import services as boundaries
from evenly.boundaries.models import Area, Boundary, BoundaryChange
from evenly.checkins import services as checkins
from evenly.checkins.models import CheckIn, Moment
from evenly.consent import services as consent
from evenly.consent.models import Cooldown, Dialogue, Invitation, Signal
from evenly.core.errors import ServiceError
from evenly.decisions import services as decisions
from evenly.decisions.models import Decision, Experiment, Option, TrialLength
from evenly.pause.models import Pause
from evenly.pause.services import pause_lift, pause_start

MOMENTS = [
    gettext_noop("We were choosing a film and I let it go before saying what I wanted."),
    gettext_noop("I made the plan for the weekend and only later asked what you thought."),
    gettext_noop("When you asked what I'd like, I really felt you wanted to know."),
    gettext_noop("We both went quiet about money and then talked about something else."),
]
TOPICS = [
    gettext_noop("How we share the evenings"),
    gettext_noop("Time with friends"),
    gettext_noop("Slow mornings"),
    gettext_noop("Holidays"),
    gettext_noop("Quiet time alone"),
]
IDEAS = [
    gettext_noop("Take turns choosing a Saturday"),
    gettext_noop("Phones away after ten"),
    gettext_noop("A walk together on Sundays"),
]


def _said(person: User, text: str) -> str:
    """What `person` writes, in their own language (as a partner would)."""
    with speaking(person):
        return gettext(text)


def _close_checkin(a: User, b: User, ratings: tuple[int, int, int, int]) -> CheckIn:
    checkin = checkins.checkin_start(actor=a, mode="two_devices")
    for person in (a, b):
        checkin = checkins.checkin_act(actor=person, checkin=checkin, action="accept_rules", version=checkin.version)
    checkin = checkins.checkin_act(actor=a, checkin=checkin, action="close", version=checkin.version)
    checkins.rating_save(actor=a, checkin=checkin, felt_heard=ratings[0], equal_say=ratings[1])
    checkins.rating_save(actor=b, checkin=checkin, felt_heard=ratings[2], equal_say=ratings[3])
    return checkin


def _decision(a: User, b: User, topic: str, *, keep: bool) -> Decision:
    decision = decisions.decision_open(actor=a, topic=_said(a, topic))
    decisions.decision_write_view(
        actor=a, decision=decision, text=_said(a, gettext_noop("I'd like us to find a rhythm that suits us both."))
    )
    decisions.decision_write_view(
        actor=b, decision=decision, text=_said(b, gettext_noop("I'd like more room to say what I want first."))
    )
    for writer in (a, b):
        decisions.decision_write_summary(
            actor=writer, decision=decision, text=_said(writer, gettext_noop("What I heard is that it matters."))
        )
    for confirmer in (a, b):
        decisions.decision_confirm_summary(actor=confirmer, decision=decision)
    decisions.option_add(actor=a, decision=decision, text=_said(a, gettext_noop("Take turns, week by week")))
    decisions.option_add(
        actor=b, decision=decision, text=_said(b, gettext_noop("Decide together on the day")), is_compromise=True
    )
    options = list(Option.objects.filter(round__decision=decision).order_by("pk"))
    for rater, levels in ((a, [4, 5]), (b, [5, 4])):
        decisions.ratings_save(
            actor=rater,
            decision=decision,
            levels={o.pk: level for o, level in zip(options, levels, strict=True)},
            seen_versions={o.pk: o.version for o in options},
            done=True,
        )
    for signer in (a, b):
        decisions.agreement_sign(
            actor=signer,
            decision=decision,
            option=options[0],
            seen_version=options[0].version,
            trial_days=TrialLength.TWO_WEEKS,
        )
    for reviewer in (a, b):
        decisions.review_submit(
            actor=reviewer, decision=decision, level=5 if keep else 2, next_step="keep" if keep else "drop"
        )
    return decision


def _experiment(a: User, b: User, idea: str) -> Experiment:
    experiment = decisions.experiment_propose(
        actor=a,
        idea=_said(a, idea),
        ends_when=_said(a, gettext_noop("After two weeks, or when either of us wants")),
        then_what=_said(a, gettext_noop("We talk it over")),
    )
    decisions.experiment_consent(actor=b, experiment=experiment)
    decisions.experiment_end(actor=a, experiment=experiment)
    for writer in (a, b):
        decisions.debrief_write(
            actor=writer,
            experiment=experiment,
            worked=_said(writer, gettext_noop("Time together.")),
            didnt_work="",
            surprised="",
        )
    return experiment


def seed_couple_history(a: User, b: User, *, weeks: int, seed: int = 7) -> None:
    """`weeks` of history for the couple of `a` and `b`, oldest first, ending a
    week ago. Everything happens through the services at 'now' and is then
    dated back to the week it belongs to."""
    rng = random.Random(seed)
    now = timezone.now()
    for week in range(weeks, 0, -1):
        when = now - timedelta(weeks=week)
        first, second = (a, b) if week % 2 else (b, a)
        with transaction.atomic():
            checkin = _close_checkin(first, second, tuple(rng.randint(2, 5) for _ in range(4)))  # type: ignore[arg-type]
            CheckIn.objects.filter(pk=checkin.pk).update(started_at=when, closed_at=when + timedelta(minutes=40))
            moment = checkins.moment_create(
                actor=first,
                happened_on=when.date(),
                leaning=rng.choice(["less_say", "more_say", "unsure"]),
                what_happened=_said(first, rng.choice(MOMENTS)),
                feelings=[],
                trust_impact=rng.choice([-1, 0, 1]),
                desire_impact=rng.choice([-1, 0, 1]),
                cues="",
            )
            Moment.objects.filter(pk=moment.pk).update(created_at=when)
            colour = rng.choice(["green", "green", "yellow"])
            signal = consent.signal_set(actor=second, colour=colour)
            Signal.objects.filter(pk=signal.pk).update(set_at=when, lapses_at=when + timedelta(hours=12), ended_at=when)
            if week % 4 == 0:
                _month(first, second, when, week)
            if week % 26 == 0:
                _half_year(first, second, when, week)


def _month(first: User, second: User, when, week: int) -> None:  # type: ignore[no-untyped-def]
    dialogue = consent.dialogue_start(actor=first)
    for person in (first, second):
        consent.dialogue_answer(
            actor=person,
            dialogue=dialogue,
            feels_good=_said(person, gettext_noop("Slow.")),
            breaks_trust=_said(person, gettext_noop("Rushing.")),
            limits="",
            colour="green",
        )
    Dialogue.objects.filter(pk=dialogue.pk).update(started_at=when, ends_at=when + timedelta(hours=8), erased_at=when)
    start = timezone.now() + timedelta(hours=1)
    try:
        invitation = consent.invitation_create(
            actor=first,
            item_ids=[],
            words=_said(first, gettext_noop("A long bath together")),
            note="",
            starts_at=start,
            ends_at=start + timedelta(hours=2),
        )
    except ServiceError:
        invitation = None
    if invitation is not None:
        consent.invitation_answer(actor=second, invitation=invitation, outcome="yes" if week % 8 else "not_now")
        Invitation.objects.filter(pk=invitation.pk).update(
            created_at=when, starts_at=when, ends_at=when + timedelta(hours=2), forgotten=True
        )
        Cooldown.objects.filter(inviter=first, until__gt=timezone.now()).update(until=when + timedelta(days=1))
    pause = pause_start(actor=second)
    pause_lift(actor=second, pause=pause)
    Pause.objects.filter(pk=pause.pk).update(started_at=when, lifted_at=when + timedelta(minutes=20))
    moment = checkins.moment_create(
        actor=second,
        happened_on=when.date(),
        leaning="more_say",
        what_happened=_said(second, MOMENTS[week % len(MOMENTS)]),
        feelings=[],
        trust_impact=0,
        desire_impact=0,
        cues="",
    )
    Moment.objects.filter(pk=moment.pk).update(created_at=when)


def _half_year(first: User, second: User, when, week: int) -> None:  # type: ignore[no-untyped-def]
    decision = _decision(first, second, TOPICS[week % len(TOPICS)], keep=week % 52 == 0)
    Decision.objects.filter(pk=decision.pk).update(created_at=when)
    experiment = _experiment(second, first, IDEAS[week % len(IDEAS)])
    Experiment.objects.filter(pk=experiment.pk).update(created_at=when)
    with speaking(first):
        wording = gettext("Plans made together, since %(date)s") % {"date": formats.date_format(when, "DATE_FORMAT")}
    try:
        boundary = boundaries.boundary_add(
            actor=first, kind="depends", wording=wording, area=Area.PACE, when_context="asked first"
        )
    except ServiceError:  # already there from an earlier, shorter run
        return
    boundaries.boundary_update(actor=first, boundary=boundary, kind="enjoy", wording=wording, area=Area.PACE)
    review = boundaries.review_start(actor=first)
    boundaries.review_finish(actor=first, review=review)
    Boundary.objects.filter(pk=boundary.pk).update(created_at=when)
    BoundaryChange.objects.filter(boundary=boundary).update(created_at=when)
