from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from evenly.consent import services
from evenly.consent.models import Dialogue, DialogueAnswer
from evenly.consent.selectors import dialogue_view, limits_prefill
from evenly.core.errors import ServiceError
from evenly.pause.services import pause_start

pytestmark = pytest.mark.django_db


def answer(user, dialogue, **overrides):
    values = {"feels_good": "Slow and close", "breaks_trust": "Rushing", "limits": "", "colour": "green"}
    values.update(overrides)
    return services.dialogue_answer(actor=user, dialogue=dialogue, **values)


def test_it_ends_next_morning_at_six_in_the_couples_time_zone_by_default(alex, alex_sam):
    couple = alex_sam[2]
    couple.timezone = "Europe/Berlin"
    couple.save()
    dialogue = services.dialogue_start(actor=alex)
    local = dialogue.ends_at.astimezone(ZoneInfo("Europe/Berlin"))
    assert (local.hour, local.minute) == (6, 0)
    assert timedelta(0) < dialogue.ends_at - timezone.now() <= timedelta(hours=24)


def test_it_keeps_each_answer_private_until_both_have_answered(alex, sam):
    dialogue = services.dialogue_start(actor=alex)
    answer(alex, dialogue, feels_good="Being held")
    view = dialogue_view(viewer=sam, dialogue=dialogue)
    assert view.mine is None and view.theirs is None and not view.is_revealed
    answer(sam, dialogue, feels_good="A bath")
    dialogue.refresh_from_db()
    assert dialogue_view(viewer=sam, dialogue=dialogue).theirs.feels_good == "Being held"
    assert dialogue_view(viewer=alex, dialogue=dialogue).theirs.feels_good == "A bath"


def test_it_returns_the_open_check_in_when_started_twice(alex, sam):
    first = services.dialogue_start(actor=alex)
    assert services.dialogue_start(actor=sam) == first
    assert Dialogue.objects.count() == 1


def test_answers_can_change_until_both_are_revealed(alex, sam):
    dialogue = services.dialogue_start(actor=alex)
    services.dialogue_answer(
        actor=alex, dialogue=dialogue, feels_good="A bath", breaks_trust="", limits="", colour="green"
    )
    services.dialogue_answer(
        actor=alex, dialogue=dialogue, feels_good="A walk first", breaks_trust="Rushing", limits="", colour="yellow"
    )
    assert DialogueAnswer.objects.filter(dialogue=dialogue, author=alex).count() == 1
    dialogue.refresh_from_db()
    assert dialogue.revealed_at is None
    services.dialogue_answer(actor=sam, dialogue=dialogue, feels_good="Tea", breaks_trust="", limits="", colour="green")
    dialogue.refresh_from_db()
    seen_by_sam = dialogue_view(viewer=sam, dialogue=dialogue).theirs
    assert (seen_by_sam.feels_good, seen_by_sam.breaks_trust, seen_by_sam.colour) == (
        "A walk first",
        "Rushing",
        "yellow",
    )


def test_answers_stay_as_they_are_once_revealed(alex, sam):
    dialogue = services.dialogue_start(actor=alex)
    answer(alex, dialogue)
    answer(sam, dialogue)
    dialogue.refresh_from_db()
    with pytest.raises(ServiceError, match="showing now"):
        answer(alex, dialogue)


def test_a_change_refused_after_the_reveal_gives_back_what_was_typed(alex, sam, client):
    from django.urls import reverse

    dialogue = services.dialogue_start(actor=alex)
    answer(alex, dialogue)
    answer(sam, dialogue)
    client.force_login(alex)
    response = client.post(
        reverse("consent:dialogue_answer", args=[dialogue.pk]),
        {"feels_good": "Something I was still writing", "breaks_trust": "", "limits": "", "colour": "green"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Something I was still writing" in page
    assert "showing now" in page


def test_it_refuses_answers_after_the_end(alex, sam):
    dialogue = services.dialogue_start(actor=alex)
    Dialogue.objects.update(ends_at=timezone.now() - timedelta(minutes=1))
    dialogue.refresh_from_db()
    with pytest.raises(ServiceError, match="ended"):
        answer(sam, dialogue)


def test_it_waits_while_the_couple_is_paused(alex, sam):
    pause_start(actor=sam)
    with pytest.raises(ServiceError, match="pause"):
        services.dialogue_start(actor=alex)


def test_the_colours_become_signals_only_when_the_answers_are_revealed(alex, sam):
    from evenly.consent.tests.conftest import signals_seen_by

    dialogue = services.dialogue_start(actor=alex)
    answer(alex, dialogue, colour="yellow")
    assert signals_seen_by(sam).partners is None
    answer(sam, dialogue, colour="green")
    assert signals_seen_by(sam).partners.colour == "yellow"
    assert signals_seen_by(alex).partners.colour == "green"


def test_it_prefills_limits_from_ones_own_shared_hard_limits_only(alex, sam, hard_limit):
    hard_limit(alex, item_id=209, shared=True)
    hard_limit(alex, item_id=210, shared=False)
    hard_limit(sam, item_id=214, shared=True)
    assert limits_prefill(viewer=alex) == "Light restraint"


def test_a_slower_pace_still_lets_one_open_the_check_in(alex, sam):
    services.consent_settings_update(actor=alex, slower_pace=True, cooldown_hours=24)
    assert services.dialogue_start(actor=alex).started_by == alex


def test_it_refuses_an_end_in_the_past(alex, sam):
    with pytest.raises(ServiceError):
        services.dialogue_start(actor=alex, ends_at=timezone.now() - timedelta(hours=1))
