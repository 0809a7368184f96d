"""Demo data for rituals, the desire log and appreciations, made through the
real services."""

from __future__ import annotations

from datetime import time, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from evenly.accounts.language import speaking
from evenly.accounts.models import User
from evenly.rituals import desires, services
from evenly.rituals.models import Appreciation, Ritual


def _ritual(proposer: User, partner: User, **values: object) -> Ritual:
    ritual = services.ritual_propose(actor=proposer, starts_on=timezone.localdate(), **values)  # type: ignore[arg-type]
    return services.ritual_agree(actor=partner, ritual=ritual)


def seed_rituals(users: dict[str, User]) -> None:
    alex, sam, jordan, riley = users["alex"], users["sam"], users["jordan"], users["riley"]
    if Ritual.objects.filter(proposed_by__in=[alex, sam, jordan, riley]).exists():
        return
    # Each author writes in their own language (Riley's may be Spanish).
    with speaking(sam):
        monthly = _ritual(
            sam,
            alex,
            kind="checkin",
            name=_("Our monthly talk"),
            about=_("Tea first, phones in the other room."),
            frequency="monthly_weekday",
            weekday=1,
            week_of_month=2,
            at=time(19, 30),
        )
    with speaking(alex):
        _ritual(
            alex,
            sam,
            kind="date",
            name=_("Friday walk and dinner"),
            about=_("Whoever didn't choose last week chooses the place."),
            frequency="weekly",
            weekday=4,
            at=time(18, 30),
        )
    # Kept for a while, so it shows among the wins.
    Ritual.objects.filter(pk=monthly.pk).update(kept_since=timezone.now() - timedelta(days=75))
    with speaking(riley):
        services.ritual_propose(
            actor=riley,
            kind="signal",
            name=_("Lantern on"),
            about=_("The little lamp by the door means tonight is for us, if we both like."),
            frequency="weekly",
            weekday=5,
            at=time(20, 0),
            starts_on=timezone.localdate(),
        )

    with speaking(alex):
        mornings = desires.desire_add(
            actor=alex, kind="wish", text=_("Slow Sunday mornings with nowhere to be"), catalogue_item_id=None
        )
    desires.desire_share(actor=alex, entry=mornings)
    mornings.refresh_from_db()
    desires.desire_answer(actor=sam, entry=mornings, answer="me_too")
    with speaking(sam):
        cuddle = desires.desire_add(
            actor=sam, kind="enjoyed", text=_("The long hug after the concert"), catalogue_item_id=102
        )
    desires.desire_share(actor=sam, entry=cuddle)
    cuddle.refresh_from_db()
    desires.desire_answer(actor=alex, entry=cuddle, answer="curious")
    with speaking(sam):
        desires.desire_add(actor=sam, kind="wish", text=_("A weekend away, just the two of us"), catalogue_item_id=None)

    if not Appreciation.objects.filter(author__in=[alex, sam, jordan, riley]).exists():
        with speaking(sam):
            services.appreciation_send(actor=sam, text=_("Thank you for asking how my day really was."))
        with speaking(alex):
            services.appreciation_send(actor=alex, text=_("I loved that you planned Friday without me having to ask."))
        with speaking(jordan):
            services.appreciation_send(actor=jordan, text=_("Thanks for slowing down with me this week."))
