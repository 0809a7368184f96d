"""The journal's writes: what is kept, what is refused, and who is told."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evenly.checkins.models import AgendaItem
from evenly.core.errors import ServiceError
from evenly.core.models import Notification
from evenly.core.personal_data import export_for
from evenly.couples.services import couple_leave
from evenly.journal import services
from evenly.journal.models import Breather, Entry, Sharing, TenderTopic

WORDS = "words nobody else should ever receive"


def test_a_very_long_entry_is_kept_whole(alex):
    text = "é" * 50_000
    assert services.entry_create(actor=alex, text=text, feelings=[]).text == text


def test_an_entry_longer_than_the_limit_is_refused_with_a_reason(alex):
    with pytest.raises(ServiceError, match="longer than 50,000"):
        services.entry_create(actor=alex, text="x" * 50_001, feelings=[])


def test_unknown_feelings_are_dropped_and_own_words_kept_in_order(alex):
    entry = services.entry_create(
        actor=alex, text="", feelings=["calm", "not-a-feeling"], own_words=["  🙃 ", "🙃", "heavy   hearted"]
    )
    assert entry.labels == ["calm", "🙃", "heavy hearted"]


@settings(
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture], max_examples=30, deadline=None
)
@given(st.text(max_size=400), st.lists(st.text(max_size=20), max_size=5))
@pytest.mark.django_db
def test_whatever_is_written_is_kept_or_refused_with_a_message(alex, text, own_words):
    try:
        entry = services.entry_create(actor=alex, text=text, feelings=[], own_words=own_words)
    except ServiceError as error:
        assert error.message
    else:
        entry.refresh_from_db()
        assert entry.text == text.strip()


def test_an_entry_written_while_the_partner_leaves_stays_the_authors(alex, sam):
    entry = services.entry_create(actor=alex, text=WORDS, feelings=["sad"])
    couple_leave(actor=sam)
    later = services.entry_create(actor=alex, text="after", feelings=[])
    assert set(Entry.objects.filter(author=alex)) == {entry, later}
    assert entry.couple_id is None
    assert WORDS in json.dumps(export_for(alex)["journal"])
    assert WORDS not in json.dumps(export_for(sam), default=str)


def test_sharing_puts_a_copy_on_the_agenda_and_the_entry_stays_private(alex, sam):
    entry = services.entry_create(actor=alex, text=WORDS, feelings=["hurt"])
    item = services.entry_share_to_agenda(actor=alex, entry=entry)
    assert item.text == WORDS and item.author_id == alex.pk
    entry.refresh_from_db()
    assert entry.visibility == "private" and entry.agenda_item_id == item.pk
    with pytest.raises(ServiceError, match="already on the agenda"):
        services.entry_share_to_agenda(actor=alex, entry=entry)
    services.entry_take_off_agenda(actor=alex, entry=entry)
    assert not AgendaItem.objects.exists()


def test_a_long_entry_must_be_excerpted_to_share(alex, sam):
    entry = services.entry_create(actor=alex, text="x" * 6000, feelings=[])
    with pytest.raises(ServiceError, match="Choose an excerpt"):
        services.entry_share_to_agenda(actor=alex, entry=entry)
    assert services.entry_share_to_agenda(actor=alex, entry=entry, excerpt="the part that matters").text == (
        "the part that matters"
    )


def test_deleting_an_entry_takes_its_waiting_copy_off_the_agenda(alex, sam):
    entry = services.entry_create(actor=alex, text=WORDS, feelings=[])
    services.entry_share_to_agenda(actor=alex, entry=entry)
    services.entry_delete(actor=alex, entry=entry)
    assert not AgendaItem.objects.exists() and not Entry.objects.exists()


def test_only_the_author_can_share_or_change_an_entry(alex, sam):
    entry = services.entry_create(actor=alex, text=WORDS, feelings=[])
    with pytest.raises(ServiceError):
        services.entry_share_to_agenda(actor=sam, entry=entry)
    with pytest.raises(ServiceError):
        services.entry_update(actor=sam, entry=entry, text="mine now", feelings=[])


def test_a_tender_topic_is_private_until_shared_and_the_partner_gets_a_neutral_notice(alex, sam):
    topic = services.tender_topic_add(actor=alex, topic="money", note=WORDS)
    assert topic.visibility == "private" and not Notification.objects.exists()
    services.tender_topic_update(actor=alex, item=topic, topic="money", note=WORDS, sharing=Sharing.GENTLY)
    topic.refresh_from_db()
    assert topic.visibility == "shared"
    notice = Notification.objects.get(user=sam)
    assert "money" not in notice.text and WORDS not in notice.text
    services.tender_topic_update(actor=alex, item=topic, topic="money", note=WORDS, sharing=Sharing.PRIVATE)
    assert TenderTopic.objects.get().visibility == "private"


def test_without_a_partner_a_tender_topic_can_only_be_kept_private(casey):
    services.tender_topic_add(actor=casey, topic="money")
    with pytest.raises(ServiceError):
        services.tender_topic_add(actor=casey, topic="money", sharing=Sharing.GENTLY)


def test_naming_the_feeling_keeps_it_in_the_journal(alex, sam):
    services.breather_start(actor=alex)
    assert services.moment_name_feeling(actor=alex, words="Overwhelmed").feeling_keys == ["overwhelmed"]
    assert services.moment_name_feeling(actor=alex, words="🌊").own_labels == ["🌊"]


# ---- Events: exact recipients, ids only ----


def test_taking_a_moment_tells_exactly_both_partners_with_ids_only(
    alex, sam, jordan, riley, event_tap, django_capture_on_commit_callbacks
):
    event_tap.listen(alex, sam, jordan, riley)
    with django_capture_on_commit_callbacks(execute=True):
        breather = services.breather_start(actor=alex)
    for person in (alex, sam):
        messages = event_tap.received(person)
        assert messages == [
            {"type": "evenly.event", "event": "journal.breather", "ids": {"couple": breather.couple_id}}
        ]
    assert event_tap.received(jordan) == [] and event_tap.received(riley) == []
    with django_capture_on_commit_callbacks(execute=True):
        services.breather_end(actor=alex)
    assert [m["event"] for m in event_tap.received(sam)] == ["journal.breather"]
    assert not Breather.objects.exists()


def test_writing_an_entry_sends_no_event_at_all(alex, sam, event_tap, django_capture_on_commit_callbacks):
    event_tap.listen(alex, sam)
    with django_capture_on_commit_callbacks(execute=True):
        services.entry_create(actor=alex, text=WORDS, feelings=["sad"])
        services.tender_topic_add(actor=alex, topic="a private thing", note=WORDS)
    assert event_tap.received(alex) == [] and event_tap.received(sam) == []


def test_sharing_a_tender_topic_tells_both_without_its_words(
    alex, sam, jordan, event_tap, django_capture_on_commit_callbacks
):
    event_tap.listen(alex, sam, jordan)
    with django_capture_on_commit_callbacks(execute=True):
        services.tender_topic_add(actor=alex, topic="money", note=WORDS, sharing=Sharing.DETAILS)
    for person in (alex, sam):
        messages = event_tap.received(person)
        assert {m["event"] for m in messages} >= {"journal.tender"}
        assert WORDS not in json.dumps(messages) and "money" not in json.dumps(messages)
    assert event_tap.received(jordan) == []


def test_sharing_an_entry_sends_only_the_agenda_event(alex, sam, event_tap, django_capture_on_commit_callbacks):
    entry = services.entry_create(actor=alex, text=WORDS, feelings=[])
    event_tap.listen(alex, sam)
    with django_capture_on_commit_callbacks(execute=True):
        services.entry_share_to_agenda(actor=alex, entry=entry)
    for person in (alex, sam):
        messages = event_tap.received(person)
        assert [m["event"] for m in messages] == ["checkin.agenda"]
        assert WORDS not in json.dumps(messages)


def test_export_never_holds_the_partners_entries_or_topics(alex, sam):
    services.entry_create(actor=alex, text=WORDS, feelings=[])
    services.tender_topic_add(actor=alex, topic="money", note=WORDS, sharing=Sharing.DETAILS)
    assert WORDS not in json.dumps(export_for(sam), default=str)
    exported = export_for(alex)["journal"]
    assert exported["tender_topics"][0]["who_sees_it"] == "details"


def test_deleting_the_account_erases_the_journal(alex, sam):
    from evenly.core.personal_data import erase_for

    services.entry_create(actor=alex, text=WORDS, feelings=[])
    services.tender_topic_add(actor=alex, topic="money", sharing=Sharing.GENTLY)
    services.breather_start(actor=alex)
    erase_for(alex)
    alex.delete()
    assert not Entry.objects.exists() and not TenderTopic.objects.exists() and not Breather.objects.exists()
