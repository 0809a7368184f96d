"""Balance events: ids only, and only to the people whose page changes."""

from __future__ import annotations

import json

import pytest

from evenly.balance import services
from evenly.balance.models import PulseAnswer
from evenly.balance.tests import helpers

pytestmark = pytest.mark.django_db


def _events(tap, user):  # type: ignore[no-untyped-def]
    return [m for m in tap.received(user) if m["event"] == "balance.changed"]


def test_turning_it_on_tells_the_partner_only_when_it_appears_for_both(
    alex, sam, jordan, event_tap, django_capture_on_commit_callbacks
):
    couple_id = helpers.partnership(alex).couple_id
    expected = [{"type": "evenly.event", "event": "balance.changed", "ids": {"couple": couple_id}}]
    event_tap.listen(alex, sam, jordan)
    with django_capture_on_commit_callbacks(execute=True):
        services.shared_view_turn_on(actor=alex, partnership=helpers.partnership(alex))
    assert _events(event_tap, alex) == expected
    assert _events(event_tap, sam) == []  # a wish to look is never passed on as a request
    with django_capture_on_commit_callbacks(execute=True):
        services.shared_view_turn_on(actor=sam, partnership=helpers.partnership(sam))
    assert _events(event_tap, alex) == expected and _events(event_tap, sam) == expected
    with django_capture_on_commit_callbacks(execute=True):
        services.shared_view_turn_off(actor=sam, partnership=helpers.partnership(sam))
    assert _events(event_tap, alex) == expected and _events(event_tap, sam) == expected
    assert _events(event_tap, jordan) == []


def test_a_pulse_and_a_dismissal_tell_the_partner_nothing(alex, sam, event_tap, django_capture_on_commit_callbacks):
    helpers.both_on(alex, sam)
    helpers.adopted_from(alex, sam)
    event_tap.listen(alex, sam)
    with django_capture_on_commit_callbacks(execute=True):
        services.pulse_save(
            actor=alex,
            partnership=helpers.partnership(alex),
            answers={"counted": 1, "spoke_freely": 2, "shaped_together": 3},
        )
        services.offer_dismiss(actor=alex, partnership=helpers.partnership(alex), pattern="adopted_lean")
    assert PulseAnswer.objects.filter(user=alex).exists()
    assert event_tap.received(sam) == []
    assert len(_events(event_tap, alex)) == 1


def test_an_offer_taken_up_reaches_both_pages_with_ids_only(alex, sam, event_tap, django_capture_on_commit_callbacks):
    helpers.both_on(alex, sam)
    helpers.adopted_from(alex, alex)
    event_tap.listen(alex, sam)
    with django_capture_on_commit_callbacks(execute=True):
        services.offer_to_agenda(actor=sam, partnership=helpers.partnership(sam), pattern="adopted_lean")
    for user in (alex, sam):
        messages = event_tap.received(user)
        assert {m["event"] for m in messages} == {"balance.changed", "checkin.agenda"}
        assert "How we decide" not in json.dumps(messages) and "PRIVATE" not in json.dumps(messages)
