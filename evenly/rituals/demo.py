"""Demo data for rituals, the desire log and appreciations, made through the
real services."""

from __future__ import annotations

from datetime import time, timedelta

from django.utils import timezone

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
    monthly = _ritual(
        sam,
        alex,
        kind="checkin",
        name="Our monthly talk",
        about="Tea first, phones in the other room.",
        frequency="monthly_weekday",
        weekday=1,
        week_of_month=2,
        at=time(19, 30),
    )
    _ritual(
        alex,
        sam,
        kind="date",
        name="Friday walk and dinner",
        about="Whoever didn't choose last week chooses the place.",
        frequency="weekly",
        weekday=4,
        at=time(18, 30),
    )
    # Kept for a while, so it shows among the wins.
    Ritual.objects.filter(pk=monthly.pk).update(kept_since=timezone.now() - timedelta(days=75))
    services.ritual_propose(
        actor=riley,
        kind="signal",
        name="Lantern on",
        about="The little lamp by the door means tonight is for us, if we both like.",
        frequency="weekly",
        weekday=5,
        at=time(20, 0),
        starts_on=timezone.localdate(),
    )

    mornings = desires.desire_add(
        actor=alex, kind="wish", text="Slow Sunday mornings with nowhere to be", catalogue_item_id=None
    )
    desires.desire_share(actor=alex, entry=mornings)
    mornings.refresh_from_db()
    desires.desire_answer(actor=sam, entry=mornings, answer="me_too")
    cuddle = desires.desire_add(actor=sam, kind="enjoyed", text="The long hug after the concert", catalogue_item_id=102)
    desires.desire_share(actor=sam, entry=cuddle)
    cuddle.refresh_from_db()
    desires.desire_answer(actor=alex, entry=cuddle, answer="curious")
    desires.desire_add(actor=sam, kind="wish", text="A weekend away, just the two of us", catalogue_item_id=None)

    if not Appreciation.objects.filter(author__in=[alex, sam, jordan, riley]).exists():
        services.appreciation_send(actor=sam, text="Thank you for asking how my day really was.")
        services.appreciation_send(actor=alex, text="I loved that you planned Friday without me having to ask.")
        services.appreciation_send(actor=jordan, text="Thanks for slowing down with me this week.")
