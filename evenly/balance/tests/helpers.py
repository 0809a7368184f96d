"""Build a couple's history for balance tests: content-free facts made with the
real services, and ratings written as rows (a check-in has to close first,
which other tests cover)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from evenly.accounts.models import User
from evenly.balance import services
from evenly.balance.models import BalanceSeat
from evenly.checkins import services as checkin_services
from evenly.checkins.models import CheckIn, Rating, Status
from evenly.consent import services as consent_services
from evenly.couples.selectors import couple_context
from evenly.decisions import services as decision_services
from evenly.decisions.models import Option, Round


def partnership(user: User):  # type: ignore[no-untyped-def]
    return couple_context(viewer=user).partnership


def both_on(a: User, b: User) -> None:
    services.shared_view_turn_on(actor=a, partnership=partnership(a))
    services.shared_view_turn_on(actor=b, partnership=partnership(b))


def some_history(a: User, b: User) -> None:
    """A decision opened by each, one check-in suggested by `a`, and an invitation from `b`."""
    decision_services.decision_open(actor=a, topic="PRIVATE-TOPIC-A")
    decision_services.decision_open(actor=b, topic="PRIVATE-TOPIC-B")
    checkin_services.checkin_schedule(actor=a, when=timezone.now() + timedelta(days=2))
    now = timezone.now()
    consent_services.invitation_create(
        actor=b, item_ids=[], words="PRIVATE-WORDS", note="", starts_at=now, ends_at=now + timedelta(hours=2)
    )


def closed_checkin(a: User, days_ago: int = 1) -> CheckIn:
    couple = couple_context(viewer=a).couple
    checkin = CheckIn.objects.create(couple=couple, proposed_by=a, status=Status.CLOSED)
    when = timezone.now() - timedelta(days=days_ago)
    CheckIn.objects.filter(pk=checkin.pk).update(created_at=when, closed_at=when)
    return checkin


def rate(user: User, checkin: CheckIn, felt_heard: int, equal_say: int) -> Rating:
    return checkin_services.rating_save(actor=user, checkin=checkin, felt_heard=felt_heard, equal_say=equal_say)


def ratings_for_both(a: User, b: User, *, a_level: int, b_level: int, count: int = 3) -> None:
    for index in range(count):
        checkin = closed_checkin(a, days_ago=index + 1)
        rate(a, checkin, a_level, a_level)
        rate(b, checkin, b_level, b_level)


def seat(user: User) -> BalanceSeat:
    return BalanceSeat.objects.get(user=user)


def adopted_from(opener: User, proposer: User, count: int = 5) -> None:
    """`count` decisions opened by `opener`, each settled on an option `proposer` put forward."""
    for _ in range(count):
        decision = decision_services.decision_open(actor=opener, topic="PRIVATE-TOPIC")
        round_ = Round.objects.get(decision=decision)
        option = Option.objects.create(round=round_, proposed_by=proposer, text="PRIVATE-OPTION")
        Round.objects.filter(pk=round_.pk).update(
            agreed_at=timezone.now() - timedelta(minutes=1), adopted_option=option, adopted_proposed_by=proposer
        )
