"""Every journal view: anonymous people sign in first, outsiders get 404,
the partner never sees an entry or a private tender topic, and bad input
keeps what was typed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from evenly.checkins.models import AgendaItem
from evenly.journal import services
from evenly.journal.models import Entry, Sharing

SECRET = "a private entry only alex may read"
TRIGGER_NOTE = "raised voices remind me of home"


@pytest.fixture
def entry(alex):  # type: ignore[no-untyped-def]
    return services.entry_create(actor=alex, text=SECRET, feelings=["hurt", "lonely"], own_words=["🫠"])


@pytest.fixture
def topics(alex):  # type: ignore[no-untyped-def]
    return {
        "private": services.tender_topic_add(actor=alex, topic="my mother", note="only mine to know"),
        "gently": services.tender_topic_add(
            actor=alex, topic="the lake house", note="the gently note", sharing=Sharing.GENTLY
        ),
        "details": services.tender_topic_add(actor=alex, topic="shouting", note=TRIGGER_NOTE, sharing=Sharing.DETAILS),
    }


def urls(entry, topic):  # type: ignore[no-untyped-def]
    gets = [
        reverse("journal:entry", args=[entry.pk]),
        reverse("journal:entry_edit", args=[entry.pk]),
        reverse("journal:tender_edit", args=[topic.pk]),
    ]
    posts = [
        reverse("journal:entry_edit", args=[entry.pk]),
        reverse("journal:entry_share", args=[entry.pk]),
        reverse("journal:entry_unshare", args=[entry.pk]),
        reverse("journal:entry_delete", args=[entry.pk]),
        reverse("journal:tender_edit", args=[topic.pk]),
        reverse("journal:tender_delete", args=[topic.pk]),
    ]
    return gets, posts


PAGES = [
    "journal:index",
    "journal:words",
    "journal:entry_new",
    "journal:tender",
    "journal:tender_partner",
    "journal:moment_notice",
]


def test_it_sends_anonymous_people_to_sign_in(client, entry, topics):
    gets, posts = urls(entry, topics["private"])
    for url in [reverse(name) for name in PAGES] + gets:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/accounts/login/"), url
    for url in [*posts, reverse("journal:moment_start"), reverse("journal:tender_add")]:
        response = client.post(url)
        assert response.status_code == 302 and response.url.startswith("/accounts/login/"), url


@pytest.mark.parametrize("who", ["sam", "jordan", "casey"])
def test_nobody_else_reaches_an_entry_or_a_tender_topic(request, client_for, entry, topics, who):
    other = request.getfixturevalue(who)
    client = client_for(other)
    gets, posts = urls(entry, topics["details"])
    for url in gets:
        assert client.get(url).status_code == 404, url
    for url in posts:
        assert client.post(url, {"text": "x", "topic": "x", "sharing": "private"}).status_code == 404, url
    assert Entry.objects.get(pk=entry.pk).text == SECRET
    assert not AgendaItem.objects.exists()


def test_the_partner_sees_no_entry_anywhere(client_for, entry, sam):
    client = client_for(sam)
    for name in PAGES:
        body = client.get(reverse(name)).content.decode()
        assert SECRET not in body and "🫠" not in body, name


def test_the_author_sees_their_entry_its_labels_and_their_patterns(client_for, alex, entry):
    body = client_for(alex).get(reverse("journal:index")).content.decode()
    assert SECRET in body
    assert "<svg" in body and "patterns-table" in body
    assert ">hurt</th>" in body and ">🫠</th>" in body


def test_the_partner_sees_a_gentle_topic_without_its_note_and_a_shared_one_with_it(client_for, sam, topics):
    body = client_for(sam).get(reverse("journal:tender")).content.decode()
    assert "the lake house" in body and "Go gently with this topic." in body
    assert "the gently note" not in body
    assert "shouting" in body and TRIGGER_NOTE in body
    assert "my mother" not in body and "only mine to know" not in body


def test_an_outsider_sees_none_of_the_couples_tender_topics(client_for, jordan, topics):
    body = client_for(jordan).get(reverse("journal:tender")).content.decode()
    assert "lake house" not in body and "shouting" not in body


def test_a_refused_entry_keeps_what_was_typed(client_for, alex):
    long_prompt = "x" * 5001
    response = client_for(alex).post(
        reverse("journal:entry_new"), {"text": "words I do not want to lose", "body": long_prompt}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "words I do not want to lose" in body
    assert "longer than 5,000 characters" in body
    assert not Entry.objects.exists()


def test_an_empty_entry_is_refused_kindly(client_for, alex):
    response = client_for(alex).post(reverse("journal:entry_new"), {"text": "  "})
    assert response.status_code == 400
    assert "Write a few words, or choose a feeling" in response.content.decode()


def test_writing_an_entry_with_pasted_formatting_and_emoji_labels(client_for, alex):
    pasted = "# Heading\n\n\t* a bullet\n  **bold**\r\n" + "long " * 9000
    response = client_for(alex).post(
        reverse("journal:entry_new"), {"text": pasted, "feelings": ["tired"], "own_words": "😶‍🌫️, 🌧️🌧️"}
    )
    assert response.status_code == 302
    entry = Entry.objects.get(author=alex)
    assert entry.text == pasted.strip()
    assert entry.labels == ["tired", "😶‍🌫️", "🌧️🌧️"]


def test_sharing_an_excerpt_puts_only_the_excerpt_on_the_agenda(client_for, alex, sam, entry):
    response = client_for(alex).post(reverse("journal:entry_share", args=[entry.pk]), {"excerpt": "just this line"})
    assert response.status_code == 302
    agenda = client_for(sam).get(reverse("checkins:agenda")).content.decode()
    assert "just this line" in agenda and SECRET not in agenda
    client_for(alex).post(reverse("journal:entry_unshare", args=[entry.pk]))
    assert "just this line" not in client_for(sam).get(reverse("checkins:agenda")).content.decode()


def test_the_vocabulary_searches_without_script_and_offers_feelings_under_judgments(client_for, alex):
    body = client_for(alex).get(reverse("journal:words"), {"q": "ignored"}).content.decode()
    assert "ignored" in body and "lonely" in body and "unseen" in body
    body = client_for(alex).get(reverse("journal:words"), {"q": "braced"}).content.decode()
    assert "tense" in body and "joyful" not in body


def test_an_entry_naming_a_judgment_offers_the_feelings_underneath(client_for, alex):
    entry = services.entry_create(actor=alex, text="", feelings=[], own_words=["Manipulated"])
    body = client_for(alex).get(reverse("journal:entry", args=[entry.pk])).content.decode()
    assert "says what someone did" in body and "confused" in body


def test_taking_a_moment_shows_the_partner_only_that(client_for, alex, sam):
    response = client_for(alex).post(reverse("journal:moment_start"), {"next": "/checkins/"})
    assert response.status_code == 302 and response.url.startswith(reverse("journal:moment"))
    page = client_for(alex).get(response.url).content.decode()
    assert "Pause everything shared" in page and "breath-circle" in page
    notice = client_for(sam).get(reverse("journal:moment_notice")).content.decode()
    assert "Alex is taking a moment" in notice
    assert client_for(alex).get(reverse("journal:moment_notice")).content.decode().strip() == ""
    client_for(alex).post(reverse("journal:moment_name"), {"words": "wobbly", "next": "/checkins/"})
    assert "wobbly" not in client_for(sam).get(reverse("journal:moment_notice")).content.decode()
    response = client_for(alex).post(reverse("journal:moment_end"), {"next": "/checkins/"})
    assert response.url == "/checkins/"
    assert "taking a moment" not in client_for(sam).get(reverse("journal:moment_notice")).content.decode()


def test_a_moment_is_not_a_pause(client_for, alex, sam):
    from evenly.pause.models import Pause

    client_for(alex).post(reverse("journal:moment_start"))
    assert not Pause.objects.exists()


def test_the_moment_control_is_beside_pause_for_partnered_people_only(client_for, alex, casey):
    body = client_for(alex).get(reverse("checkins:index")).content.decode()
    assert 'id="moment-button"' in body and 'id="pause-button"' in body
    assert 'id="moment-button"' not in client_for(casey).get(reverse("journal:index")).content.decode()


def test_an_old_moment_counts_as_over(client_for, alex, sam):
    from evenly.journal.models import Breather

    services.breather_start(actor=alex)
    Breather.objects.update(started_at=timezone.now() - timedelta(hours=1))
    assert "taking a moment" not in client_for(sam).get(reverse("journal:moment_notice")).content.decode()


def test_an_offsite_next_is_ignored(client_for, alex):
    client_for(alex).post(reverse("journal:moment_start"))
    response = client_for(alex).post(reverse("journal:moment_end"), {"next": "https://example.com/"})
    assert response.url == "/"


@pytest.mark.parametrize("name", PAGES)
def test_each_page_stays_within_its_query_budget_with_years_of_entries(
    client_for, alex, topics, django_assert_max_num_queries, name
):
    client = client_for(alex)
    with django_assert_max_num_queries(8):
        assert client.get(reverse(name)).status_code == 200
    for days in range(0, 800, 7):
        e = services.entry_create(actor=alex, text=f"day {days}", feelings=["calm", "tired"])
        Entry.objects.filter(pk=e.pk).update(created_at=timezone.now() - timedelta(days=days))
    with django_assert_max_num_queries(8):
        assert client.get(reverse(name)).status_code == 200


def test_entry_pages_stay_within_their_query_budget(client_for, alex, entry, topics, django_assert_max_num_queries):
    client = client_for(alex)
    for url in urls(entry, topics["gently"])[0]:
        with django_assert_max_num_queries(8):
            assert client.get(url).status_code == 200, url
    client.post(reverse("journal:moment_start"))
    with django_assert_max_num_queries(8):
        assert client.get(reverse("journal:moment")).status_code == 200


def test_a_tender_topic_brings_a_gentle_note_to_the_agenda_a_decision_and_an_invitation(client_for, alex, sam, topics):
    from evenly.checkins import services as checkins
    from evenly.consent import services as consent
    from evenly.decisions import services as decisions

    checkins.topic_add(actor=sam, text="Booking the Lake Houses for summer")
    agenda_for_sam = client_for(sam).get(reverse("checkins:agenda")).content.decode()
    assert "Your partner asked you to go gently with this topic." in agenda_for_sam
    assert "the gently note" not in agenda_for_sam
    agenda_for_alex = client_for(alex).get(reverse("checkins:agenda")).content.decode()
    assert "which you asked to be gone into gently" in agenda_for_alex

    decision = decisions.decision_open(actor=sam, topic="What to do about the shouting")
    body = client_for(sam).get(reverse("decisions:detail", args=[decision.pk])).content.decode()
    assert "go gently with this topic" in body and TRIGGER_NOTE in body

    invitation = consent.invitation_create(
        actor=sam,
        item_ids=[],
        words="A quiet weekend at the lake house",
        note="",
        starts_at=timezone.now(),
        ends_at=timezone.now() + timedelta(hours=3),
    )
    body = client_for(alex).get(reverse("consent:invitation", args=[invitation.pk])).content.decode()
    assert "which you asked to be gone into gently" in body


def test_a_private_tender_topic_never_shows_on_shared_pages(client_for, alex, sam, topics):
    from evenly.checkins import services as checkins

    checkins.topic_add(actor=sam, text="Visiting my mother")
    for who in (alex, sam):
        assert "go gently" not in client_for(who).get(reverse("checkins:agenda")).content.decode()
