"""Every write for the balance view.

Turning the shared view on shows it only once both partners have; turning it
off turns it off for both at once, and needs nobody's agreement. A pulse is
private and tells nobody anything. Events carry ids only and go only to the
people whose page changes.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from evenly.accounts.models import User
from evenly.balance import arithmetic as calc
from evenly.balance.models import BalanceSeat, PulseAnswer
from evenly.balance.selectors import current_patterns
from evenly.checkins.services import topic_add
from evenly.core.errors import ServiceError
from evenly.core.realtime import publish
from evenly.couples.selectors import Partnership

EVENT = "balance.changed"


def _changed(*, recipients: list[int], partnership: Partnership) -> None:
    publish(recipients=recipients, event=EVENT, couple=partnership.couple_id)


def _locked_seats(*, actor: User, partnership: Partnership) -> tuple[BalanceSeat, BalanceSeat]:
    """Both seats, created if need be and locked for the rest of the transaction."""
    for user_id in (actor.pk, partnership.partner.pk):
        BalanceSeat.objects.get_or_create(couple_id=partnership.couple_id, user_id=user_id)
    seats = {s.user_id: s for s in BalanceSeat.objects.select_for_update().filter(couple_id=partnership.couple_id)}
    return seats[actor.pk], seats[partnership.partner.pk]


def shared_view_turn_on(*, actor: User, partnership: Partnership) -> bool:
    """The actor would like to see the shared view. Returns whether it now
    shows (for both at once); until then the partner is told nothing."""
    with transaction.atomic(durable=True):
        mine, partners = _locked_seats(actor=actor, partnership=partnership)
        if not mine.shares_view:
            mine.shares_view = True
            mine.save(update_fields=["shares_view"])
        showing = partners.shares_view
        _changed(recipients=[actor.pk, partnership.partner.pk] if showing else [actor.pk], partnership=partnership)
    return showing


def shared_view_turn_off(*, actor: User, partnership: Partnership) -> None:
    """Off for both, at once. Seeing it again takes both turning it on again,
    so a choice to stop looking never waits on the other as a request."""
    with transaction.atomic(durable=True):
        mine, partners = _locked_seats(actor=actor, partnership=partnership)
        was_showing = mine.shares_view and partners.shares_view
        BalanceSeat.objects.filter(pk__in=[mine.pk, partners.pk]).update(shares_view=False)
        _changed(recipients=[actor.pk, partnership.partner.pk] if was_showing else [actor.pk], partnership=partnership)


PULSE_FIELDS = ("counted", "spoke_freely", "shaped_together")


def pulse_save(*, actor: User, partnership: Partnership, answers: dict[str, int]) -> PulseAnswer:
    """This month's pulse. Answering again changes this month's answers, so
    a month always counts once. No event: nobody learns it was answered."""
    if set(answers) != set(PULSE_FIELDS) or not all(1 <= int(answers[f]) <= 5 for f in PULSE_FIELDS):
        raise ServiceError(gettext("Choose a number from 1 to 5 for each question."))
    now = timezone.localtime()
    with transaction.atomic(durable=True):
        pulse, _ = PulseAnswer.objects.update_or_create(
            user=actor,
            couple_id=partnership.couple_id,
            month=calc.month_of(now),
            defaults={**{f: int(answers[f]) for f in PULSE_FIELDS}, "answered_at": timezone.now()},
        )
    return pulse


def _check_offer(*, actor: User, partnership: Partnership, pattern: str, seat: BalanceSeat, other: BalanceSeat) -> None:
    if pattern not in calc.PATTERNS or not (seat.shares_view and other.shares_view):
        raise ServiceError(gettext("This suggestion isn't here any more."))
    if pattern in seat.closed_patterns:
        raise ServiceError(gettext("This suggestion isn't here any more."))


def offer_to_agenda(*, actor: User, partnership: Partnership, pattern: str) -> None:
    """Put "how we decide things" on the next check-in's agenda. The offer
    then closes for both partners, for good."""
    with transaction.atomic(durable=True):
        mine, partners = _locked_seats(actor=actor, partnership=partnership)
        _check_offer(actor=actor, partnership=partnership, pattern=pattern, seat=mine, other=partners)
        if pattern not in current_patterns(viewer=actor, partnership=partnership):
            raise ServiceError(gettext("This suggestion isn't here any more."))
        topic_add(actor=actor, text=gettext("How we decide things"))
        for seat in (mine, partners):
            if pattern not in seat.closed_patterns:
                seat.closed_patterns = [*seat.closed_patterns, pattern]
                seat.save(update_fields=["closed_patterns"])
        _changed(recipients=[actor.pk, partnership.partner.pk], partnership=partnership)


def offer_dismiss(*, actor: User, partnership: Partnership, pattern: str) -> None:
    """Set an offer aside: it is never offered to the actor again. The partner
    is not told."""
    with transaction.atomic(durable=True):
        mine, partners = _locked_seats(actor=actor, partnership=partnership)
        _check_offer(actor=actor, partnership=partnership, pattern=pattern, seat=mine, other=partners)
        mine.closed_patterns = [*mine.closed_patterns, pattern]
        mine.save(update_fields=["closed_patterns"])
        _changed(recipients=[actor.pk], partnership=partnership)
