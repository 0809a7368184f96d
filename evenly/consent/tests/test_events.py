"""Real-time events: the exact recipients, and never a word of private text."""

from __future__ import annotations

import json

import pytest

from evenly.consent import services

pytestmark = pytest.mark.django_db

SECRETS = ["Alex-private", "Sam-private", "tender", "yellow", "green"]


def events(tap, user) -> list[dict]:
    received = tap.received(user)
    for message in received:
        text = json.dumps(message)
        assert not any(secret in text for secret in SECRETS), text
        assert all(isinstance(value, int) for value in message["ids"].values()), text
    return received


def names(messages) -> list[str]:
    return [m["event"] for m in messages]


def test_a_signal_reaches_both_partners_and_nobody_else(
    alex, sam, jordan, event_tap, django_capture_on_commit_callbacks
):
    event_tap.listen(alex, sam, jordan)
    with django_capture_on_commit_callbacks(execute=True):
        services.signal_set(actor=alex, colour="yellow")
    assert names(events(event_tap, sam)) == ["consent.signal"]
    assert names(events(event_tap, alex)) == ["consent.signal"]
    assert events(event_tap, jordan) == []


def test_red_also_sends_the_pause(alex, sam, jordan, event_tap, django_capture_on_commit_callbacks):
    event_tap.listen(alex, sam, jordan)
    with django_capture_on_commit_callbacks(execute=True):
        services.signal_set(actor=sam, colour="red")
    assert names(events(event_tap, alex)) == ["consent.signal", "pause.started"]
    assert events(event_tap, jordan) == []


def test_the_first_answer_tells_the_partner_nothing(alex, sam, jordan, event_tap, django_capture_on_commit_callbacks):
    dialogue = services.dialogue_start(actor=alex)
    event_tap.listen(alex, sam, jordan)
    with django_capture_on_commit_callbacks(execute=True):
        services.dialogue_answer(
            actor=alex, dialogue=dialogue, feels_good="Alex-private", breaks_trust="", limits="", colour="yellow"
        )
    # No event of any kind: not "answered", and not even a signal changing.
    assert events(event_tap, sam) == []
    assert events(event_tap, alex) == []
    with django_capture_on_commit_callbacks(execute=True):
        services.dialogue_answer(
            actor=sam, dialogue=dialogue, feels_good="Sam-private", breaks_trust="", limits="", colour="green"
        )
    expected = ["consent.revealed", "consent.signal", "consent.signal"]
    assert names(events(event_tap, alex)) == expected
    # Sam's own notice about the open check-in goes once she has answered.
    assert names(events(event_tap, sam)) == ["notification.created", *expected]
    assert events(event_tap, jordan) == []


def test_red_in_an_answer_pauses_at_once(alex, sam, event_tap, django_capture_on_commit_callbacks):
    dialogue = services.dialogue_start(actor=alex)
    event_tap.listen(sam)
    with django_capture_on_commit_callbacks(execute=True):
        services.dialogue_answer(actor=alex, dialogue=dialogue, feels_good="", breaks_trust="", limits="", colour="red")
    assert names(events(event_tap, sam)) == ["consent.signal", "pause.started"]


def test_opening_a_check_in_tells_both(alex, sam, jordan, event_tap, django_capture_on_commit_callbacks):
    event_tap.listen(alex, sam, jordan)
    with django_capture_on_commit_callbacks(execute=True):
        services.dialogue_start(actor=sam)
    assert names(events(event_tap, alex)) == ["consent.dialogue_opened", "notification.created"]
    assert names(events(event_tap, sam)) == ["consent.dialogue_opened"]
    assert events(event_tap, jordan) == []


def test_invitation_events_go_to_the_two_partners_only(
    alex, sam, jordan, invite, event_tap, django_capture_on_commit_callbacks
):
    event_tap.listen(alex, sam, jordan)
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite(alex, words="tender", note="Alex-private")
    assert names(events(event_tap, sam)) == ["consent.invited", "notification.created"]
    assert names(events(event_tap, alex)) == ["consent.invited"]
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_answer(actor=sam, invitation=invitation, outcome="yes_if", conditions="Sam-private")
    assert names(events(event_tap, alex)) == ["consent.answered"]
    # Sam's notice about the invitation goes once she has answered it.
    assert names(events(event_tap, sam)) == ["notification.created", "consent.answered"]
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_withdraw(actor=sam, invitation=invitation)
    withdrawn = events(event_tap, alex)
    assert names(withdrawn) == ["consent.withdrawn"]
    assert withdrawn[0]["ids"] == {"invitation": invitation.pk}
    assert names(events(event_tap, sam)) == ["consent.withdrawn"]
    assert events(event_tap, jordan) == []


def test_choosing_a_slower_pace_sends_nothing(alex, sam, event_tap, django_capture_on_commit_callbacks):
    event_tap.listen(alex, sam)
    with django_capture_on_commit_callbacks(execute=True):
        services.consent_settings_update(actor=sam, slower_pace=True, cooldown_hours=24)
    assert events(event_tap, alex) == [] and events(event_tap, sam) == []
