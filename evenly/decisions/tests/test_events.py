"""Events go to exactly both partners, with ids only, and only for changes
both may see."""

import json

import pytest

from evenly.decisions import services
from evenly.decisions.tests import helpers

pytestmark = pytest.mark.django_db


def _events(tap, user):
    return [m for m in tap.received(user) if m["event"] in {"decision.changed", "experiment.changed"}]


def test_it_tells_both_partners_when_views_are_revealed_with_ids_only(
    alex, sam, jordan, event_tap, django_capture_on_commit_callbacks
):
    event_tap.listen(alex, sam, jordan)
    with django_capture_on_commit_callbacks(execute=True):
        decision = services.decision_open(actor=alex, topic="PRIVATE-TOPIC")
    for user in (alex, sam):
        assert _events(event_tap, user) == [
            {"type": "evenly.event", "event": "decision.changed", "ids": {"decision": decision.pk}}
        ]
    assert _events(event_tap, jordan) == []
    with django_capture_on_commit_callbacks(execute=True):
        services.decision_write_view(actor=alex, decision=decision, text="PRIVATE-VIEW")
    assert _events(event_tap, sam) == []  # writing alone leaves no trace for the partner
    with django_capture_on_commit_callbacks(execute=True):
        services.decision_write_view(actor=sam, decision=decision, text="PRIVATE-VIEW-2")
    messages = _events(event_tap, alex) + _events(event_tap, sam)
    assert len(messages) == 2
    assert "PRIVATE" not in json.dumps(messages)


def test_it_sends_nothing_for_a_private_rating(alex, sam, event_tap, django_capture_on_commit_callbacks):
    decision = helpers.understood(alex, sam)
    services.option_add(actor=alex, decision=decision, text="One")
    event_tap.listen(alex, sam)
    with django_capture_on_commit_callbacks(execute=True):
        helpers.rate(decision, alex, (4,))
    assert _events(event_tap, sam) == [] and _events(event_tap, alex) == []


def test_it_tells_both_when_an_experiment_ends(alex, sam, riley, event_tap, django_capture_on_commit_callbacks):
    experiment = helpers.running(alex, sam)
    event_tap.listen(alex, sam, riley)
    with django_capture_on_commit_callbacks(execute=True):
        services.experiment_end(actor=sam, experiment=experiment)
    for user in (alex, sam):
        messages = _events(event_tap, user)
        assert messages == [
            {"type": "evenly.event", "event": "experiment.changed", "ids": {"experiment": experiment.pk}}
        ]
    assert _events(event_tap, riley) == []
    from evenly.core.models import Notification

    assert set(Notification.objects.filter(kind="experiment_ended").values_list("user_id", flat=True)) == {
        alex.pk,
        sam.pk,
    }


def test_it_sends_nothing_for_a_first_debrief(alex, sam, event_tap, django_capture_on_commit_callbacks):
    experiment = helpers.running(alex, sam)
    services.experiment_end(actor=alex, experiment=experiment)
    event_tap.listen(alex, sam)
    with django_capture_on_commit_callbacks(execute=True):
        services.debrief_write(actor=alex, experiment=experiment, worked="PRIVATE", didnt_work="", surprised="")
    assert _events(event_tap, sam) == []
