from __future__ import annotations

import io

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command
from django.test import Client, override_settings

from evenly.accounts.models import User
from evenly.core.management.commands.seed_demo import DEMO_PASSWORD
from evenly.core.models import AuditEvent, Notification
from evenly.couples.models import Couple, Membership
from evenly.pause.models import Pause

pytestmark = pytest.mark.django_db

DEMO_EMAILS = {"alex@demo.evenly", "sam@demo.evenly", "jordan@demo.evenly", "riley@demo.evenly"}


def _seed(**options: bool) -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out, **options)
    return out.getvalue()


def _counts() -> dict[str, int]:
    return {
        "users": User.objects.count(),
        "emails": EmailAddress.objects.count(),
        "couples": Couple.objects.count(),
        "memberships": Membership.objects.count(),
        "pauses": Pause.objects.count(),
        "notifications": Notification.objects.count(),
        "audit": AuditEvent.objects.count(),
    }


def test_it_creates_two_partnered_demo_couples() -> None:
    _seed()
    assert set(User.objects.values_list("email", flat=True)) == DEMO_EMAILS
    assert Couple.objects.filter(ended_at__isnull=True).count() == 2
    alex = User.objects.get(email="alex@demo.evenly")
    sam = User.objects.get(email="sam@demo.evenly")
    assert (alex.display_name, alex.pronouns) == ("Alex", "they/them")
    assert (sam.display_name, sam.pronouns) == ("Sam", "she/her")
    assert User.objects.get(email="riley@demo.evenly").pronouns == "she/they"
    alex_couple = Membership.objects.get(user=alex, left_at__isnull=True).couple_id
    assert Membership.objects.get(user=sam, left_at__isnull=True).couple_id == alex_couple


def test_it_prints_the_demo_password() -> None:
    assert DEMO_PASSWORD in _seed()


def test_it_verifies_every_demo_email() -> None:
    _seed()
    assert EmailAddress.objects.filter(email__in=DEMO_EMAILS, verified=True, primary=True).count() == 4


def test_it_leaves_only_lifted_pauses_in_the_past() -> None:
    _seed()
    assert Pause.objects.exists()
    assert not Pause.objects.filter(lifted_at__isnull=True).exists()
    assert all(p.lifted_at > p.started_at for p in Pause.objects.all())
    # Past pauses follow the forgetting schedule: they no longer say who paused.
    assert not Pause.objects.filter(paused_by__isnull=False).exists()


def test_it_adds_a_pending_notification_and_audit_events() -> None:
    _seed()
    assert Notification.objects.filter(user__email="sam@demo.evenly", dismissed_at__isnull=True).exists()
    assert AuditEvent.objects.filter(user__email="alex@demo.evenly", kind="couple_created").exists()


def test_it_is_idempotent() -> None:
    _seed()
    first = _counts()
    _seed()
    assert _counts() == first


def test_it_starts_afresh_with_reset() -> None:
    _seed()
    first = _counts()
    old_alex = User.objects.get(email="alex@demo.evenly").pk
    _seed(reset=True)
    assert User.objects.get(email="alex@demo.evenly").pk != old_alex
    assert _counts() == first


def test_it_lets_a_demo_person_sign_in_straight_away() -> None:
    _seed()
    client = Client()
    response = client.post("/accounts/login/", {"login": "jordan@demo.evenly", "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert client.get("/").context["user"].email == "jordan@demo.evenly"


@override_settings(EVENLY_SEED_ALLOWED=False)
def test_it_refuses_to_run_in_production() -> None:
    with pytest.raises(CommandError, match="EVENLY_SEED_ALLOWED"):
        call_command("seed_demo")
    assert not User.objects.exists()


@pytest.mark.django_db
def test_the_demo_has_one_partner_reading_spanish(client) -> None:  # type: ignore[no-untyped-def]
    call_command("seed_demo", stdout=io.StringIO())
    riley = User.objects.get(email__startswith="riley@")
    jordan = User.objects.get(email__startswith="jordan@")
    assert (riley.language, jordan.language) == ("es", "")
    client.force_login(riley)
    page = client.get("/").content.decode()
    assert '<html lang="es">' in page
    client.force_login(jordan)
    assert '<html lang="en">' in client.get("/").content.decode()
