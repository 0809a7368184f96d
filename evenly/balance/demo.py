"""Demo data for the balance view: Alex & Sam have lived with it for a year.

A year of small, content-free history (decisions opened, options adopted,
experiments and check-ins suggested, invitations sent), private ratings from
both partners, a monthly pulse from each, and the shared view turned on by
both. Jordan & Riley have not turned it on. Rows are written directly with
past dates, as only history can be: the services would stamp them today.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from evenly.accounts.language import speaking
from evenly.accounts.models import User
from evenly.balance import arithmetic as calc
from evenly.balance.models import BalanceSeat, PulseAnswer
from evenly.checkins.models import CheckIn, Rating, Status
from evenly.consent.models import Invitation, Outcome
from evenly.couples.models import Couple
from evenly.couples.selectors import couple_context
from evenly.decisions.models import Decision, Option, Round, Seat, Stage

MONTHS = 12
# Marked here, translated as each partner writes them (in their own language).
TOPICS = [
    gettext_noop("Where we spend the long weekend"),
    gettext_noop("How often we see friends on weeknights"),
    gettext_noop("Who chooses the film on Fridays"),
    gettext_noop("Whether we try a slower Sunday"),
    gettext_noop("How we share the cooking"),
    gettext_noop("When phones go away in the evening"),
    gettext_noop("How we plan a date night"),
    gettext_noop("Whether to take a class together"),
]
OPTIONS = [
    gettext_noop("Take turns, week by week"),
    gettext_noop("Try it for a month and look back"),
    gettext_noop("Keep it as it is for now"),
]


def _past(now, months_ago: int, day: int):  # type: ignore[no-untyped-def]
    return calc.months_before(now, months_ago).replace(day=min(day, 28))


def seed_balance(users: dict[str, User]) -> None:
    alex, sam = users["alex"], users["sam"]
    couple = couple_context(viewer=alex).couple
    if couple is None or PulseAnswer.objects.filter(user=alex, couple=couple).exists():
        return
    rng = random.Random(13)  # the same demo every time
    now = timezone.now()
    for months_ago in range(MONTHS, 0, -1):
        # Early on Sam started most things; lately it has evened out.
        sam_leads = months_ago > 6
        for day in (4, 17):
            opener = sam if (sam_leads or day == 4) else alex
            at = _past(now, months_ago, day)
            topic = TOPICS[(months_ago * 2 + day) % len(TOPICS)]
            with speaking(opener):
                topic = gettext(topic)
            decision = Decision.objects.create(couple=couple, opened_by=opener, topic=topic, stage=Stage.KEPT)
            round_ = Round.objects.create(decision=decision, number=1)
            # ... except the options adopted most recently, which leaves a gentle offer to talk it over.
            recent = months_ago <= 2
            proposer = sam if (recent or (sam_leads and rng.random() < 0.8)) else (alex if day == 17 else sam)
            with speaking(proposer):
                text = gettext(rng.choice(OPTIONS))
            option = Option.objects.create(round=round_, proposed_by=proposer, text=text)
            Round.objects.filter(pk=round_.pk).update(
                agreed_at=at + timedelta(days=2), adopted_option=option, adopted_proposed_by=proposer
            )
            Decision.objects.filter(pk=decision.pk).update(created_at=at, updated_at=at + timedelta(days=2))
            if day == 17 and months_ago % 2 == 0:
                Seat.objects.create(
                    round=round_, user=alex, review_level=3 if sam_leads else 4, reviewed_at=at + timedelta(days=20)
                )
        checkin = CheckIn.objects.create(
            couple=couple, proposed_by=alex if months_ago % 2 else sam, status=Status.CLOSED
        )
        at = _past(now, months_ago, 10)
        CheckIn.objects.filter(pk=checkin.pk).update(created_at=at, started_at=at, closed_at=at + timedelta(hours=1))
        for person, heard, say in (
            (alex, 3 if sam_leads else 4, 2 if sam_leads else 4),
            (sam, 4, 4),
        ):
            rating = Rating.objects.create(checkin=checkin, rater=person, felt_heard=heard, equal_say=say)
            Rating.objects.filter(pk=rating.pk).update(created_at=at + timedelta(hours=1))
        inviter = sam if months_ago % 3 else alex
        invitation = Invitation.objects.create(
            couple=couple,
            inviter=inviter,
            starts_at=at,
            ends_at=at + timedelta(hours=3),
            # Long past, so already forgotten: only who sent it and when.
            outcome=Outcome.ENDED,
            forgotten=True,
        )
        Invitation.objects.filter(pk=invitation.pk).update(created_at=at)
        for person, base in ((alex, 2 if sam_leads else 4), (sam, 4)):
            answered = _past(now, months_ago, 24)
            PulseAnswer.objects.create(
                user=person,
                couple=couple,
                month=calc.month_of(timezone.localtime(answered)),
                counted=base,
                spoke_freely=min(5, base + 1),
                shaped_together=base,
                answered_at=answered,
            )
    # The couple has been together in Evenly for as long as the history goes back.
    Couple.objects.filter(pk=couple.pk).update(created_at=_past(now, MONTHS + 1, 1))
    for person in (alex, sam):
        BalanceSeat.objects.update_or_create(couple=couple, user=person, defaults={"shares_view": True})
