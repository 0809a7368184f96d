"""Events go to exactly both partners, with ids only."""

import json

import pytest

from evenly.rituals import services
from evenly.rituals.tests.test_services import propose

pytestmark = pytest.mark.django_db


def _events(tap, user, prefix="rituals."):  # type: ignore[no-untyped-def]
    return [m for m in tap.received(user) if m["event"].startswith(prefix)]


def test_every_ritual_step_reaches_both_partners_with_ids_only(
    alex, sam, jordan, event_tap, django_capture_on_commit_callbacks
):
    event_tap.listen(alex, sam, jordan)
    with django_capture_on_commit_callbacks(execute=True):
        ritual = propose(alex, name="PRIVATE-NAME", about="PRIVATE-ABOUT")
    for step in (services.ritual_agree, services.ritual_pause):
        with django_capture_on_commit_callbacks(execute=True):
            step(actor=sam, ritual=ritual)
    with django_capture_on_commit_callbacks(execute=True):
        services.ritual_end(actor=alex, ritual=ritual)
    expected = [{"type": "evenly.event", "event": "rituals.changed", "ids": {"ritual": ritual.pk}}] * 4
    assert _events(event_tap, alex) == expected
    assert _events(event_tap, sam) == expected
    assert _events(event_tap, jordan) == []


def test_an_appreciation_reaches_both_without_its_words(
    alex, sam, riley, event_tap, django_capture_on_commit_callbacks
):
    event_tap.listen(alex, sam, riley)
    with django_capture_on_commit_callbacks(execute=True):
        note = services.appreciation_send(actor=alex, text="PRIVATE-THANKS")
    alex_events, sam_events = event_tap.received(alex), event_tap.received(sam)
    expected = {"type": "evenly.event", "event": "rituals.appreciation", "ids": {"appreciation": note.pk}}
    assert expected in alex_events and expected in sam_events
    assert {"type": "evenly.event", "event": "notification.created", "ids": {}} in sam_events
    assert not any(m["event"] == "notification.created" for m in alex_events)
    assert "PRIVATE" not in json.dumps(alex_events + sam_events)
    assert event_tap.received(riley) == []


def test_turning_on_a_feed_tells_nobody(alex, sam, event_tap, django_capture_on_commit_callbacks):
    event_tap.listen(alex, sam)
    with django_capture_on_commit_callbacks(execute=True):
        services.feed_turn_on(actor=alex, title="Plans")
    assert event_tap.received(sam) == [] and event_tap.received(alex) == []
