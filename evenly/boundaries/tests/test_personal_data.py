import json

import pytest

from evenly.boundaries import services
from evenly.boundaries.models import Boundary, BoundaryChange, CuriosityAnswer, Kind, LifeEvent, TalkRequest
from evenly.boundaries.tests.helpers import entry, matches_seen_by
from evenly.core.personal_data import erase_for, export_for

pytestmark = pytest.mark.django_db


def test_it_exports_only_the_persons_own_data_with_notes_readable(alex, sam):
    mine = entry(alex, 103, shared=True, note="my own note")
    services.boundary_update(actor=alex, boundary=mine, kind=Kind.DEPENDS, when_mood="rested", note="my own note")
    entry(sam, 104, shared=True, note="sam's note")
    services.talk_request_add(actor=alex, boundary=Boundary.objects.get(author=sam))
    services.life_event_add(actor=alex, kind="move", note="new flat")
    services.curiosity_answer_set(actor=alex, catalogue_item_id=101, answer="curious")
    services.curiosity_answer_set(actor=sam, catalogue_item_id=102, answer="yes")
    data = export_for(alex)["boundaries"]
    text = json.dumps(data)
    assert data["boundaries"][0]["note"] == "my own note" and data["boundaries"][0]["mood"] == "rested"
    assert len(data["history"]) == 2
    assert data["life_events"][0]["note"] == "new flat"
    assert data["curiosity_answers"] == [{"catalogue_item": 101, "answer": "curious"}]
    assert len(data["talk_requests_i_made"]) == 1
    assert "sam's note" not in text and "Long, slow kisses" not in text


def test_it_erases_everything_of_the_person_and_nothing_of_the_partner(alex, sam):
    entry(alex, 103, shared=True)
    entry(sam, 104, shared=True)
    services.talk_request_add(actor=alex, boundary=Boundary.objects.get(author=sam))
    services.life_event_add(actor=alex, kind="loss")
    services.curiosity_answer_set(actor=alex, catalogue_item_id=101, answer="yes")
    services.curiosity_answer_set(actor=sam, catalogue_item_id=101, answer="yes")
    services.review_start(actor=alex)
    erase_for(alex)
    assert not Boundary.objects.filter(author=alex).exists()
    assert not BoundaryChange.objects.filter(author=alex).exists()
    assert not TalkRequest.objects.exists()
    assert not LifeEvent.objects.exists()
    assert list(CuriosityAnswer.objects.values_list("user_id", flat=True)) == [sam.pk]
    assert Boundary.objects.filter(author=sam).count() == 1


def test_the_demo_seeds_both_couples_with_a_few_matches(alex, sam, jordan, riley):
    from evenly.boundaries.demo import seed_boundaries

    users = {"alex": alex, "sam": sam, "jordan": jordan, "riley": riley}
    seed_boundaries(users)
    seed_boundaries(users)  # twice: nothing doubles
    assert Boundary.objects.filter(author=alex, kind=Kind.HARD_LIMIT).exists()
    assert Boundary.objects.filter(author=alex, visibility="private").exists()
    assert len(matches_seen_by(alex)) >= 2 and len(matches_seen_by(riley)) >= 2
    assert 110 not in [m.item.id for m in matches_seen_by(sam)]
    assert TalkRequest.objects.count() == 2 and LifeEvent.objects.count() == 2
