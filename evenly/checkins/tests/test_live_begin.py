"""Beginning a check-in reaches the partner at once, and never silently uses
up the one that was planned."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from evenly.checkins import services
from evenly.checkins.models import CheckIn, Status
from evenly.core.models import Notification, NotificationKind


def _plan(alex) -> CheckIn:  # type: ignore[no-untyped-def]
    return services.checkin_schedule(actor=alex, when=timezone.now() + timedelta(days=2))


def test_beginning_the_planned_one_uses_the_plan(alex, sam):  # type: ignore[no-untyped-def]
    planned = _plan(alex)
    begun = services.checkin_start(actor=alex, mode="two_devices")
    assert begun.pk == planned.pk
    assert not CheckIn.objects.filter(status=Status.SCHEDULED).exists()


def test_beginning_a_separate_one_keeps_the_plan(alex, sam):  # type: ignore[no-untyped-def]
    planned = _plan(alex)
    begun = services.checkin_start(actor=sam, mode="two_devices", keep_plan=True)
    assert begun.pk != planned.pk
    planned.refresh_from_db()
    assert planned.status == Status.SCHEDULED


def test_the_partner_gets_a_notice_with_the_way_in(client, alex, sam, jordan):  # type: ignore[no-untyped-def]
    begun = services.checkin_start(actor=alex, mode="two_devices")
    notice = Notification.objects.get(user=sam, kind=NotificationKind.CHECKIN_BEGUN)
    assert notice.url == reverse("checkins:checkin", args=[begun.pk])
    assert not Notification.objects.filter(user__in=[alex, jordan], kind=NotificationKind.CHECKIN_BEGUN).exists()
    client.force_login(sam)
    client.get(reverse("checkins:checkin", args=[begun.pk]))
    notice.refresh_from_db()
    assert notice.dismissed_at is not None


def test_the_event_goes_to_both_partners_with_ids_only(  # type: ignore[no-untyped-def]
    alex, sam, jordan, event_tap, django_capture_on_commit_callbacks
):
    event_tap.listen(alex, sam, jordan)
    with django_capture_on_commit_callbacks(execute=True):
        begun = services.checkin_start(actor=alex, mode="two_devices")
    for person in (alex, sam):
        received = event_tap.received(person)
        assert {"type": "evenly.event", "event": "checkin.changed", "ids": {"checkin": begun.pk}} in received
    assert event_tap.received(jordan) == []


def test_the_now_region_shows_the_way_in_to_the_partner(client, alex, sam):  # type: ignore[no-untyped-def]
    begun = services.checkin_start(actor=alex, mode="two_devices")
    client.force_login(sam)
    page = client.get(reverse("checkins:now")).content.decode()
    assert reverse("checkins:checkin", args=[begun.pk]) in page
    assert "Join the check-in" in page


def test_the_now_region_is_the_couples_own(client, alex, sam, jordan):  # type: ignore[no-untyped-def]
    services.checkin_start(actor=alex, mode="two_devices")
    client.force_login(jordan)
    assert "Join the check-in" not in client.get(reverse("checkins:now")).content.decode()
    client.logout()
    assert client.get(reverse("checkins:now")).status_code == 302


def test_the_rules_card_shows_the_couples_own_rules(client, alex, sam, jordan):  # type: ignore[no-untyped-def]
    services.ground_rules_save(actor=alex, texts=["We speak gently.", "Either of us can stop."])
    client.force_login(sam)
    page = client.get(reverse("checkins:rules_card")).content.decode()
    assert "We speak gently." in page
    client.force_login(jordan)
    assert "We speak gently." not in client.get(reverse("checkins:rules_card")).content.decode()
    client.logout()
    assert client.get(reverse("checkins:rules_card")).status_code == 302
