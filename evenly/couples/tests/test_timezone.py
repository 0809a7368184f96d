"""Either partner changes the couple's time zone; a bad name changes nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from evenly.core.models import Notification, NotificationKind
from evenly.couples.models import Couple
from tests.cast import EventTap


@pytest.mark.parametrize("who", ["alex", "sam"])
def test_either_partner_sets_the_time_zone_and_the_other_gets_a_neutral_notice(
    who, alex, sam, client_for, django_capture_on_commit_callbacks, event_tap: EventTap
):  # type: ignore[no-untyped-def]
    actor, other = (alex, sam) if who == "alex" else (sam, alex)
    event_tap.listen(alex, sam)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(actor).post(reverse("couples:timezone"), {"timezone": "Australia/Sydney"})
    assert response.status_code == 302
    assert Couple.objects.get().timezone == "Australia/Sydney"
    assert list(Notification.objects.filter(user=other).values_list("kind", flat=True)) == [
        NotificationKind.COUPLE_TIMEZONE
    ]
    assert not Notification.objects.filter(user=actor).exists()
    assert "Sydney" not in NotificationKind.COUPLE_TIMEZONE.label
    for person in (alex, sam):
        events = [m for m in event_tap.received(person) if m.get("event") == "couple.timezone"]
        assert len(events) == 1
        assert "Sydney" not in str(events[0])
    # The other partner's page shows the new zone.
    page = client_for(other).get(reverse("couples:timezone")).content.decode()
    assert "Australia/Sydney" in page


@pytest.mark.parametrize("name", ["Mars/Olympus_Mons", "europe/berlin ", "Berlin", "<b>x</b>"])
def test_a_name_that_is_no_time_zone_gets_a_clear_message_and_nothing_is_saved(name, alex, sam, client_for):  # type: ignore[no-untyped-def]
    response = client_for(alex).post(reverse("couples:timezone"), {"timezone": name})
    assert response.status_code == 400
    page = response.content.decode()
    assert "isn" in page and "a time zone we know" in page
    assert "<b>x</b>" not in page
    assert Couple.objects.get().timezone == "UTC"
    assert not Notification.objects.exists()


def test_someone_in_no_couple_has_no_time_zone_to_change(casey, client_for):  # type: ignore[no-untyped-def]
    response = client_for(casey).post(reverse("couples:timezone"), {"timezone": "Europe/Berlin"})
    assert response.status_code == 302
    assert response["Location"] == reverse("couples:overview")


def test_an_anonymous_visitor_is_sent_to_sign_in(client, db):  # type: ignore[no-untyped-def]
    response = client.post(reverse("couples:timezone"), {"timezone": "Europe/Berlin"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_new_zone_is_active_for_the_rest_of_the_request(alex, sam):  # type: ignore[no-untyped-def]
    from evenly.couples.selectors import begin_request_contexts, couple_context, end_request_contexts
    from evenly.couples.services import couple_timezone_set

    begin_request_contexts()
    try:
        assert str(couple_context(viewer=alex).zone) == "UTC"
        couple_timezone_set(actor=alex, timezone_name="Europe/Berlin")
        assert str(couple_context(viewer=alex).zone) == "Europe/Berlin"
    finally:
        end_request_contexts()
