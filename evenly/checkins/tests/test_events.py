"""Real-time events: both partners of the couple and nobody else, ids only."""

from __future__ import annotations

import json

from evenly.checkins import services
from evenly.checkins.tests.conftest import step
from evenly.checkins.tests.test_services import moment_for

WORDS = "words nobody else should ever receive"


def test_it_tells_exactly_both_partners_a_step_was_taken_without_the_words(
    alex, sam, jordan, riley, under_way, event_tap, django_capture_on_commit_callbacks
):
    event_tap.listen(alex, sam, jordan, riley)
    with django_capture_on_commit_callbacks(execute=True):
        step(sam, under_way, "speak", text=WORDS)
    for person in (alex, sam):
        messages = event_tap.received(person)
        assert [m["event"] for m in messages] == ["checkin.changed"]
        assert messages[0]["ids"] == {"checkin": under_way.pk}
        assert WORDS not in json.dumps(messages)
    assert event_tap.received(jordan) == [] and event_tap.received(riley) == []


def test_it_tells_both_when_a_moment_joins_the_agenda_without_its_text(
    alex, sam, jordan, event_tap, django_capture_on_commit_callbacks
):
    moment = moment_for(alex, text=WORDS)
    event_tap.listen(alex, sam, jordan)
    with django_capture_on_commit_callbacks(execute=True):
        services.moment_add_to_agenda(actor=alex, moment=moment)
    for person in (alex, sam):
        messages = event_tap.received(person)
        assert [m["event"] for m in messages] == ["checkin.agenda"]
        assert WORDS not in json.dumps(messages)
    assert event_tap.received(jordan) == []


def test_it_sends_nothing_when_a_partner_rates(alex, sam, under_way, event_tap, django_capture_on_commit_callbacks):
    checkin = step(alex, under_way, "close")
    event_tap.listen(alex, sam)
    with django_capture_on_commit_callbacks(execute=True):
        services.rating_save(actor=alex, checkin=checkin, felt_heard=3, equal_say=2)
    assert event_tap.received(sam) == [] and event_tap.received(alex) == []


def test_it_sends_nothing_for_a_private_moment_or_parked_topic(
    alex, sam, event_tap, django_capture_on_commit_callbacks
):
    event_tap.listen(alex, sam)
    with django_capture_on_commit_callbacks(execute=True):
        moment_for(alex)
        services.parked_topic_add(actor=alex, text=WORDS)
    assert event_tap.received(sam) == [] and event_tap.received(alex) == []
