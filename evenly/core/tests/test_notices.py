"""Notices that help: each leads to what it is about, is never listed twice,
and goes away once it has been dealt with."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from evenly.checkins import services as checkins
from evenly.consent import services as consent
from evenly.core.models import Notification, NotificationKind
from evenly.core.notifications import notify


def _open(user) -> list[Notification]:  # type: ignore[no-untyped-def]
    return list(Notification.objects.filter(user=user, dismissed_at__isnull=True))


def _invitation(alex):  # type: ignore[no-untyped-def]
    now = timezone.now()
    return consent.invitation_create(
        actor=alex, item_ids=[], words="A slow evening", note="", starts_at=now, ends_at=now + timedelta(hours=3)
    )


def test_it_links_an_invitation_notice_to_the_invitation(client, alex, sam):  # type: ignore[no-untyped-def]
    invitation = _invitation(alex)
    client.force_login(sam)
    page = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("consent:invitation", args=[invitation.pk])}"' in page


def test_it_never_lists_the_same_notice_twice(sam):  # type: ignore[no-untyped-def]
    for _ in range(3):
        notify(user_ids=[sam.pk], kind=NotificationKind.BOUNDARY_CHANGED, subject="partner-boundaries")
    assert len(_open(sam)) == 1


def test_notices_about_different_things_both_show(alex, sam):  # type: ignore[no-untyped-def]
    first, second = _invitation(alex), _invitation(alex)
    assert sorted(n.subject for n in _open(sam)) == sorted([f"invitation:{first.pk}", f"invitation:{second.pk}"])


def test_an_answered_invitation_takes_its_notice_away(client, alex, sam):  # type: ignore[no-untyped-def]
    invitation = _invitation(alex)
    consent.invitation_answer(actor=sam, invitation=invitation, outcome="not_now")
    assert _open(sam) == []
    client.force_login(sam)
    assert "There's an invitation for you" not in client.get(reverse("home")).content.decode()


def test_a_withdrawn_invitation_takes_its_notice_away(alex, sam):  # type: ignore[no-untyped-def]
    invitation = _invitation(alex)
    consent.invitation_withdraw(actor=alex, invitation=invitation)
    assert _open(sam) == []


def test_beginning_a_planned_check_in_takes_its_notice_away(alex, sam):  # type: ignore[no-untyped-def]
    checkins.checkin_schedule(actor=alex, when=timezone.now() + timedelta(days=1))
    assert [n.kind for n in _open(sam)] == [NotificationKind.CHECKIN_PLANNED]
    checkins.checkin_start(actor=sam, mode="two_devices")
    assert _open(sam) == []


def test_seeing_the_partners_boundaries_takes_the_changed_notice_away(client, alex, sam):  # type: ignore[no-untyped-def]
    notify(user_ids=[sam.pk], kind=NotificationKind.BOUNDARY_CHANGED, subject="partner-boundaries")
    client.force_login(sam)
    client.get(reverse("boundaries:partner"))
    assert _open(sam) == []


def test_the_notices_region_is_the_viewers_own(client, alex, sam, jordan):  # type: ignore[no-untyped-def]
    _invitation(alex)
    client.force_login(jordan)
    assert "invitation" not in client.get(reverse("notices")).content.decode()
    client.force_login(alex)
    assert "invitation for you" not in client.get(reverse("notices")).content.decode()
    client.force_login(sam)
    assert "invitation for you" in client.get(reverse("notices")).content.decode()


def test_the_notices_region_needs_sign_in(client):  # type: ignore[no-untyped-def]
    response = client.get(reverse("notices"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
