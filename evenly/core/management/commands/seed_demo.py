"""Fill a development database with two demo couples, Alex & Sam and
Jordan & Riley, so the app can be tried at once.

Everything goes through the real services, so the demo data obeys the same
rules as real data. Each feature adds its own small `seed_<feature>` function
and one line in `Command.handle`.

Refuses to run where EVENLY_SEED_ALLOWED is off (always in production).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from evenly.accounts.models import User
from evenly.agreements.demo import seed_agreements
from evenly.balance.demo import seed_balance
from evenly.boundaries.demo import seed_boundaries
from evenly.checkins.demo import seed_checkins
from evenly.consent.demo import seed_consent
from evenly.consent.forgetting import forget_due
from evenly.core.audit import audit_record
from evenly.core.models import AuditKind, Notification, NotificationKind
from evenly.couples.models import Membership
from evenly.couples.services import couple_create, invite_accept, invite_create
from evenly.decisions.demo import seed_decisions
from evenly.journal.demo import seed_journal
from evenly.pause.models import Pause
from evenly.pause.services import pause_lift, pause_start
from evenly.rituals.demo import seed_rituals

# Published on purpose (README): demo accounts exist only where seeding is allowed.
DEMO_PASSWORD = "evenly-demo-2026"  # noqa: S105
DEMO_DOMAIN = "demo.evenly"


@dataclass(frozen=True)
class DemoPerson:
    key: str
    display_name: str
    pronouns: str
    language: str = ""

    @property
    def email(self) -> str:
        return f"{self.key}@{DEMO_DOMAIN}"


PEOPLE = [
    DemoPerson("alex", "Alex", "they/them"),
    DemoPerson("sam", "Sam", "she/her"),
    DemoPerson("jordan", "Jordan", "he/him"),
    # Riley reads Evenly in Spanish, so the demo shows two partners each in
    # their own language (and Riley's own writing is in Spanish).
    DemoPerson("riley", "Riley", "she/they", language="es"),
]
COUPLES = [("alex", "sam"), ("jordan", "riley")]


def demo_users() -> Any:
    return User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}")


def reset_demo() -> int:
    """Delete the demo people and everything that belongs to them."""
    from evenly.couples.models import Couple

    users = list(demo_users())
    couple_ids = set(Membership.objects.filter(user__in=users).values_list("couple_id", flat=True))
    for user in users:
        user.delete()
    # A couple whose every member was a demo person has nobody left in it.
    Couple.objects.filter(pk__in=couple_ids, memberships__isnull=True).delete()
    return len(users)


def seed_users() -> dict[str, User]:
    users: dict[str, User] = {}
    for person in PEOPLE:
        user = User.objects.filter(email=person.email).first()
        if user is None:
            user = User.objects.create_user(
                username=person.key,
                email=person.email,
                password=DEMO_PASSWORD,
                display_name=person.display_name,
                pronouns=person.pronouns,
                language=person.language,
            )
            audit_record(user_id=user.pk, kind=AuditKind.SIGNED_UP)
        EmailAddress.objects.update_or_create(
            user=user, email=person.email, defaults={"primary": True, "verified": True}
        )
        users[person.key] = user
    return users


def seed_couples(users: dict[str, User]) -> None:
    for first_key, second_key in COUPLES:
        first, second = users[first_key], users[second_key]
        if Membership.objects.filter(user=first, left_at__isnull=True).exists():
            continue
        couple_create(actor=first)
        invite = invite_create(actor=first)
        invite_accept(actor=second, token=invite.token)


def seed_pauses(users: dict[str, User]) -> None:
    """A little history: pauses taken and lifted over the past weeks. Who took
    them is forgotten once they are over, so each couple's history is seeded once."""
    history = [("alex", 20), ("sam", 9), ("jordan", 12)]
    seeded: set[int] = set()
    for key, days_ago in history:
        user = users[key]
        couple_id = Membership.objects.get(user=user, left_at__isnull=True).couple_id
        if couple_id not in seeded and Pause.objects.filter(couple_id=couple_id, lifted_at__isnull=False).exists():
            continue
        seeded.add(couple_id)
        pause = pause_start(actor=user)
        pause_lift(actor=user, pause=pause)
        started = timezone.now() - timedelta(days=days_ago, hours=2)
        Pause.objects.filter(pk=pause.pk).update(started_at=started, lifted_at=started + timedelta(minutes=25))


def seed_notifications(users: dict[str, User]) -> None:
    sam = users["sam"]
    kind = NotificationKind.REVISIT_REMINDER
    if not Notification.objects.filter(user=sam, kind=kind).exists():
        Notification.objects.create(user=sam, kind=kind)


def seed_audit(users: dict[str, User]) -> None:
    alex = users["alex"]
    if not alex.audit_events.filter(kind=AuditKind.LOGGED_IN).exists():
        audit_record(user_id=alex.pk, kind=AuditKind.LOGGED_IN)


class Command(BaseCommand):
    help = "Create two demo couples (Alex & Sam, Jordan & Riley) to try Evenly with. Development only."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--reset", action="store_true", help="Delete the demo people first, then seed afresh.")

    def handle(self, *args: Any, reset: bool, **options: Any) -> None:
        if not getattr(settings, "EVENLY_SEED_ALLOWED", False):
            raise CommandError(
                "seed_demo is switched off here (EVENLY_SEED_ALLOWED is False, as it always is in production). "
                "Demo accounts with a published password must never exist on a real server."
            )
        if reset:
            with transaction.atomic():
                removed = reset_demo()
            self.stdout.write(f"Removed {removed} demo people.")
        with transaction.atomic():
            users = seed_users()
            seed_couples(users)
            seed_pauses(users)
            seed_notifications(users)
            seed_audit(users)
            seed_boundaries(users)
            seed_consent(users)
            seed_decisions(users)
            seed_agreements(users)
            seed_checkins(users)
            seed_journal(users)
            seed_rituals(users)
            seed_balance(users)
            # The demo keeps to the same schedule as real couples: what is due is forgotten now.
            forget_due()
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Sign in as any of:"))
        for person in PEOPLE:
            self.stdout.write(f"  {person.email}  ({person.display_name}, {person.pronouns})")
        self.stdout.write(f"Password for all four: {DEMO_PASSWORD}")
