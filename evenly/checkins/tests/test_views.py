"""Every view: anonymous people sign in first, outsiders get 404, the
partner never sees what is private, and refused steps keep the words."""

from __future__ import annotations

import pytest
from django.urls import reverse

from evenly.checkins import services
from evenly.checkins.models import Rating, Utterance
from evenly.checkins.tests.conftest import step
from evenly.checkins.tests.test_services import moment_for

PRIVATE_WORDS = "a private moment only alex may read"


@pytest.fixture
def things(alex, sam, under_way):  # type: ignore[no-untyped-def]
    moment = moment_for(alex, text=PRIVATE_WORDS)
    parked = services.parked_topic_add(actor=alex, text="alex parked this quietly")
    topic = services.topic_add(actor=alex, text="A shared topic")
    return {"moment": moment, "parked": parked, "topic": topic, "checkin": under_way}


def all_urls(t):  # type: ignore[no-untyped-def]
    c, m, p, i = t["checkin"].pk, t["moment"].pk, t["parked"].pk, t["topic"].pk
    gets = [
        reverse("checkins:index"),
        reverse("checkins:rules"),
        reverse("checkins:agenda"),
        reverse("checkins:moments"),
        reverse("checkins:moment_new"),
        reverse("checkins:checkin", args=[c]),
        reverse("checkins:stage", args=[c]),
        reverse("checkins:closing_shared", args=[c]),
        reverse("checkins:moment", args=[m]),
    ]
    posts = [
        reverse("checkins:start"),
        reverse("checkins:schedule"),
        reverse("checkins:topic_add"),
        reverse("checkins:parked_add"),
        reverse("checkins:act", args=[c]),
        reverse("checkins:cancel", args=[c]),
        reverse("checkins:agenda_withdraw", args=[i]),
        reverse("checkins:agenda_discussed", args=[c, i]),
        reverse("checkins:talk_discussed", args=[c, 1]),
        reverse("checkins:parked_to_agenda", args=[p]),
        reverse("checkins:parked_delete", args=[p]),
        reverse("checkins:rate", args=[c]),
        reverse("checkins:appreciation", args=[c]),
        reverse("checkins:next_step", args=[c]),
        reverse("checkins:moment_share", args=[m]),
        reverse("checkins:moment_private", args=[m]),
        reverse("checkins:moment_delete", args=[m]),
    ]
    return gets, posts


def test_it_sends_anonymous_people_to_sign_in(client, things):
    gets, posts = all_urls(things)
    for url in gets:
        assert client.get(url)["Location"].startswith("/accounts/login/"), url
    for url in posts:
        assert client.post(url)["Location"].startswith("/accounts/login/"), url


def test_it_gives_an_outsider_404_for_every_object(client_for, jordan, things):
    _, posts = all_urls(things)
    client = client_for(jordan)
    c, m = things["checkin"].pk, things["moment"].pk
    for name, args in [("checkin", [c]), ("stage", [c]), ("closing_shared", [c]), ("moment", [m])]:
        assert client.get(reverse(f"checkins:{name}", args=args)).status_code == 404, name
    for url in [u for u in posts if any(ch.isdigit() for ch in u)]:
        assert client.post(url).status_code == 404, url


def test_it_hides_private_moments_and_parked_topics_from_the_partner(client_for, sam, things):
    client = client_for(sam)
    for url in (reverse("checkins:index"), reverse("checkins:moments"), reverse("checkins:agenda")):
        body = client.get(url).content.decode()
        assert PRIVATE_WORDS not in body and "alex parked this quietly" not in body
        assert "A shared topic" in body or url == reverse("checkins:moments")
    assert client.get(reverse("checkins:moment", args=[things["moment"].pk])).status_code == 404
    assert client.post(reverse("checkins:parked_delete", args=[things["parked"].pk])).status_code == 404
    assert client.post(reverse("checkins:moment_share", args=[things["moment"].pk])).status_code == 404


def test_it_shows_a_shared_moment_on_the_partners_agenda(client_for, alex, sam, things):
    services.moment_add_to_agenda(actor=alex, moment=things["moment"])
    assert PRIVATE_WORDS in client_for(sam).get(reverse("checkins:agenda")).content.decode()
    services.moment_make_private(actor=alex, moment=things["moment"])
    assert PRIVATE_WORDS not in client_for(sam).get(reverse("checkins:agenda")).content.decode()


def test_it_keeps_the_typed_words_when_a_turn_is_stale(client_for, sam, things):
    checkin = things["checkin"]
    client = client_for(sam)
    url = reverse("checkins:act", args=[checkin.pk])
    client.post(url, {"action": "speak", "version": checkin.version, "text": "first"})
    response = client.post(url, {"action": "speak", "version": checkin.version, "text": "my words from the other tab"})
    assert response.status_code == 409
    body = response.content.decode()
    assert "my words from the other tab" in body and "nothing is lost" in body


def test_it_keeps_a_too_long_statement_with_a_clear_message(client_for, sam, things):
    checkin = things["checkin"]
    text = "word " * 1100
    response = client_for(sam).post(
        reverse("checkins:act", args=[checkin.pk]), {"action": "speak", "version": checkin.version, "text": text}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "5,000" in body and text.strip()[:200] in body
    assert Utterance.objects.count() == 0


def test_it_explains_an_empty_reflection(client_for, alex, sam, things):
    checkin = step(sam, things["checkin"], "speak", text="Sam's piece")
    response = client_for(alex).post(
        reverse("checkins:act", args=[checkin.pk]), {"action": "reflect", "version": checkin.version, "text": ""}
    )
    assert response.status_code == 409
    assert "Write what you heard" in response.content.decode()


def test_it_answers_204_when_the_stage_has_not_changed(client_for, sam, things):
    checkin = things["checkin"]
    url = reverse("checkins:stage", args=[checkin.pk])
    assert client_for(sam).get(url, {"v": checkin.version}).status_code == 204
    assert client_for(sam).get(url, {"v": checkin.version - 1}).status_code == 200


def test_it_shows_whose_turn_it_is_after_a_reload(client_for, alex, sam, things):
    body = client_for(alex).get(reverse("checkins:checkin", args=[things["checkin"].pk])).content.decode()
    assert "Sam is speaking" in body
    body = client_for(sam).get(reverse("checkins:checkin", args=[things["checkin"].pk])).content.decode()
    assert "Sam, your turn to speak" in body


def test_it_never_shows_a_partner_the_ratings(client_for, alex, sam, things):
    checkin = things["checkin"]
    step(sam, checkin, "speak", text="Sam's piece")
    step(alex, checkin, "reflect", text="Alex heard it")
    checkin = step(sam, checkin, "confirm")
    checkin = step(alex, checkin, "close")
    client_for(alex).post(reverse("checkins:rate", args=[checkin.pk]), {"felt_heard": 2, "equal_say": 1})
    client_for(sam).post(reverse("checkins:rate", args=[checkin.pk]), {"felt_heard": 5, "equal_say": 5})
    assert Rating.objects.count() == 2
    sam_client = client_for(sam)
    pages = [
        reverse("checkins:index"),
        reverse("checkins:checkin", args=[checkin.pk]),
        reverse("checkins:closing_shared", args=[checkin.pk]),
        reverse("checkins:stage", args=[checkin.pk]),
        reverse("checkins:agenda"),
        reverse("checkins:moments"),
        reverse("home"),
    ]
    for url in pages:
        body = sam_client.get(url).content.decode()
        # Sam's own numbers appear checked on Sam's form; Alex's never appear.
        assert 'value="2" checked' not in body and 'value="1" checked' not in body, url
        assert "Alex rated" not in body and "both rated" not in body.lower(), url
    body = sam_client.get(reverse("checkins:checkin", args=[checkin.pk])).content.decode()
    assert body.count("checked") == 2  # Sam's own 5 and 5, and nothing else.


def test_the_coach_suggests_reflective_wording_for_a_reflection_only(client_for, alex, sam, things):
    checkin = things["checkin"]
    url = reverse("checkins:checkin", args=[checkin.pk])
    speaking = client_for(sam).get(url).content.decode()
    assert "&quot;coach_context&quot;: &quot;message&quot;" in speaking
    step(sam, checkin, "speak", text="Sam's piece")
    reflecting = client_for(alex).get(url).content.decode()
    assert "What you heard" in reflecting
    assert "&quot;coach_context&quot;: &quot;reflection&quot;" in reflecting
