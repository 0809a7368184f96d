"""A partner who reads Evenly in Spanish sees the journal, the feelings and
tender topics in Spanish; the other partner keeps English; what is stored
(feeling keys, entries) is the same in every language."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.urls import reverse
from django.utils import translation

from evenly.journal import services
from evenly.journal.demo import seed_journal
from evenly.journal.models import Entry
from tests.cast import speaks_spanish

pytestmark = pytest.mark.django_db


def test_a_partner_reading_spanish_sees_their_journal_in_spanish(alex, sam, client_for):
    speaks_spanish(alex)
    entry = services.entry_create(actor=alex, text="hoy", feelings=["hurt", "lonely"])
    Entry.objects.filter(pk=entry.pk).update(created_at=datetime(2026, 3, 4, 12, 0, tzinfo=UTC))
    body = client_for(alex).get(reverse("journal:index")).content.decode()
    assert "Tu diario" in body
    assert "Solo tú puedes leer lo que escribes aquí." in body
    assert "dolor" in body and "soledad" in body
    assert "4 de marzo de 2026" in body
    for english in ("Your journal", "Only you can read what you write here", "Write an entry", "lonely"):
        assert english not in body


def test_the_partner_who_reads_english_still_sees_english(alex, sam, client_for):
    speaks_spanish(alex)
    services.entry_create(actor=sam, text="today", feelings=["lonely"])
    body = client_for(sam).get(reverse("journal:index")).content.decode()
    assert "Your journal" in body and "lonely" in body
    assert "Tu diario" not in body


def test_feelings_and_what_they_mean_in_spanish(alex, client_for):
    speaks_spanish(alex)
    body = client_for(alex).get(reverse("journal:words"), {"q": "ignor"}).content.decode()
    assert "me ignoraron" in body
    assert "Dice que alguien no te tuvo en cuenta." in body
    assert "invisibilidad" in body
    assert "ignored" not in body


def test_a_message_made_when_the_form_was_defined_reads_in_spanish(alex, client_for):
    speaks_spanish(alex)
    response = client_for(alex).post(reverse("journal:entry_new"), {"text": "a" * 50_001})
    body = response.content.decode()
    assert response.status_code == 400
    assert "Tiene más de 50\xa0000 caracteres" in body
    assert "longer than" not in body


def test_a_feeling_named_in_spanish_is_kept_as_that_feeling(alex):
    with translation.override("es"):
        entry = services.moment_name_feeling(actor=alex, words="Tristeza")
    assert entry.feeling_keys == ["sad"]
    assert entry.own_labels == []


def test_the_tender_topics_page_and_its_choices_in_spanish(alex, client_for):
    speaks_spanish(alex)
    body = client_for(alex).get(reverse("journal:tender")).content.decode()
    assert "Temas delicados" in body
    assert "Solo yo" in body and "Mi pareja ve el tema y lo que escribí sobre él" in body
    assert "Only me" not in body


def test_an_author_who_writes_in_spanish_gets_demo_entries_in_spanish(alex, sam):
    speaks_spanish(alex)
    seed_journal({"alex": alex, "sam": sam})
    texts = [entry.text for entry in Entry.objects.filter(author=alex)]
    assert "Una buena charla. Sentí que me escuchaban cuando pedí más tiempo." in texts
    assert not any("check-in" in text for text in texts)
    # Feelings stay stored by key, whatever the language.
    assert any("hopeful" in entry.feeling_keys for entry in Entry.objects.filter(author=alex))
