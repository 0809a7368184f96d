"""Events go to exactly the right people, with ids only."""

import json

import pytest

from evenly.agreements import services

pytestmark = pytest.mark.django_db


def _ours(tap, user):
    return [m for m in tap.received(user) if m["event"].split(".")[0] in {"agreements", "timeout", "pause", "checkin"}]


def test_a_proposal_and_a_signature_reach_both_partners_with_ids_only(
    alex, sam, jordan, event_tap, django_capture_on_commit_callbacks
):
    event_tap.listen(alex, sam, jordan)
    with django_capture_on_commit_callbacks(execute=True):
        version = services.values_propose(actor=alex, touchstones=[], words="PRIVATE-VALUES")
    with django_capture_on_commit_callbacks(execute=True):
        services.version_sign(actor=sam, version=version)
    expected = {"type": "evenly.event", "event": "agreements.changed", "ids": {"couple": version.couple_id}}
    for user in (alex, sam):
        assert _ours(event_tap, user) == [expected, expected]
    assert _ours(event_tap, jordan) == []


def test_writing_or_sharing_a_repair_statement_sends_nothing(alex, sam, event_tap, django_capture_on_commit_callbacks):
    event_tap.listen(alex, sam)
    with django_capture_on_commit_callbacks(execute=True):
        statement = services.repair_add(actor=alex, text="PRIVATE-REPAIR", share=False)
        services.repair_set_shared(actor=alex, statement=statement, shared=True)
    assert _ours(event_tap, alex) == [] and _ours(event_tap, sam) == []


def test_a_repair_sent_in_a_timeout_reaches_only_the_partner_and_carries_no_words(
    alex, sam, riley, event_tap, django_capture_on_commit_callbacks
):
    statement = services.repair_add(actor=alex, text="PRIVATE-REPAIR", share=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.timeout_take(actor=alex)
    event_tap.listen(alex, sam, riley)
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.repair_send(actor=alex, statement=statement)
    assert _ours(event_tap, sam) == [{"type": "evenly.event", "event": "agreements.repair", "ids": {"repair": sent.pk}}]
    assert _ours(event_tap, alex) == [] and _ours(event_tap, riley) == []


def test_taking_and_extending_a_timeout_tells_both_with_ids_only(
    alex, sam, jordan, event_tap, django_capture_on_commit_callbacks
):
    event_tap.listen(alex, sam, jordan)
    with django_capture_on_commit_callbacks(execute=True):
        timeout = services.timeout_take(actor=alex)
    with django_capture_on_commit_callbacks(execute=True):
        services.timeout_extend(actor=sam, timeout=timeout)
    for user in (alex, sam):
        events = _ours(event_tap, user)
        assert [m["event"] for m in events] == ["pause.started", "timeout.changed"]
        assert events[1]["ids"] == {"pause": timeout.pause_id}
    assert _ours(event_tap, jordan) == []
    assert "PRIVATE" not in json.dumps(_ours(event_tap, alex))
