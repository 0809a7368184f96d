"""A partner whose language is Spanish reads boundaries and the curiosity list
in Spanish, catalogue included, while what is stored and what the guard
matches stays the same; the English partner beside them is unaffected."""

from html import unescape

import pytest
from django.urls import reverse
from django.utils import translation

from evenly.boundaries import catalogue, services
from evenly.boundaries.guard import check_proposal, proposal_is_open
from evenly.boundaries.models import Answer, BoundaryChange, Kind
from evenly.boundaries.tests.helpers import entry
from evenly.core.errors import ServiceError
from tests.cast import speaks_spanish

pytestmark = pytest.mark.django_db


@pytest.fixture
def alex_es(alex):
    return speaks_spanish(alex)


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return unescape(response.content.decode())


def test_it_shows_my_boundaries_in_spanish(client_for, alex_es):
    entry(alex_es, 102, shared=True)
    entry(alex_es, 110, kind=Kind.HARD_LIMIT)
    entry(alex_es, 304, kind=Kind.DEPENDS, when_mood="Con calma")
    text = page(client_for(alex_es), reverse("boundaries:mine"))
    for spanish in (
        "Mis límites",
        "Guías, no muros",
        "Abrazarnos y acurrucarnos",  # Cuddling
        "Cosquillas",  # Tickling
        "Intimidad por la mañana",
        "Contacto y cariño",
        "Límite firme",
        "Depende",
        "Ánimo",
        "Se comparte con tu pareja",
        "Tu pareja solo vería «Esto no es posible en este momento.»",
        "Añadir una entrada",
        "Mi historial de cambios",
        "(cada 3 meses)",
    ):
        assert spanish in text, spanish
    for english in (
        "My boundaries",
        "Guides, not walls",
        "Cuddling",
        "Tickling",
        "Touch and affection",
        "Hard limit",
        "It depends",
        "Mood",
        "Shared with your partner",
        "Only you",
        "This isn't open right now",
        "Add an entry",
        "every 3 months",
    ):
        assert english not in text, english


def test_it_shows_the_curiosity_list_in_spanish_area_by_area(client_for, alex_es):
    client = client_for(alex_es)
    for area, _label, items in catalogue.items_by_area():
        text = page(client, f"{reverse('curious:list')}?area={area}")
        assert "Lista de curiosidades" in text and "Curiosity list" not in text
        assert "Marca cada elemento con sí, curiosidad o no." in text
        assert ">Sí</button>" in text and ">Curiosidad</button>" in text and ">Yes</button>" not in text
        with translation.override("es"):
            assert str(catalogue.AREA_LABELS[area]) in text
            for item in items:
                assert item.shown_title != item.title, item.title
                assert item.shown_title in text, item.title
        for item in items:
            assert f"<legend>{item.title}</legend>" not in text, item.title


def test_every_catalogue_item_and_area_has_a_spanish_name():
    with translation.override("es"):
        names = [item.shown_title for item in catalogue.CATALOGUE]
        untranslated = [item.title for item in catalogue.CATALOGUE if item.shown_title == item.title]
        areas = [str(label) for _, label in catalogue.AREAS]
    assert untranslated == []
    assert len(set(names)) == len(names)
    assert "Contacto y cariño" in areas and len(set(areas)) == len(areas)


def test_it_shows_matches_in_spanish(client_for, alex_es, sam):
    for person in (alex_es, sam):
        services.curiosity_answer_set(actor=person, catalogue_item_id=102, answer=Answer.YES)
        services.curiosity_answer_set(actor=person, catalogue_item_id=208, answer=Answer.CURIOUS)
    text = page(client_for(alex_es), reverse("curious:matches"))
    for spanish in ("Lo que les interesa en común", "Abrazarnos y acurrucarnos", "Ganas compartidas", "Juegos de rol"):
        assert spanish in text, spanish
    for english in ("What you're both open to", "Cuddling", "Both keen", "Both curious", "Role play"):
        assert english not in text, english


def test_the_english_partner_still_reads_english(client_for, alex_es, sam):
    entry(alex_es, 102, shared=True, kind=Kind.DEPENDS, when_mood="Con calma")
    text = page(client_for(sam), reverse("boundaries:partner"))
    assert "Cuddling" in text and "It depends" in text and "Mood" in text
    assert "Abrazarnos" not in text and "Ánimo" not in text
    # The Spanish partner's own words are shown as written.
    assert "Con calma" in text


def test_history_is_shown_in_spanish_and_stored_in_english(client_for, alex_es):
    with translation.override("es"):
        entry(alex_es, 304, kind=Kind.DEPENDS, when_mood="Con calma")
    change = BoundaryChange.objects.get(author=alex_es)
    assert change.title == "Intimacy in the morning"
    assert change.conditions == "Mood: Con calma"
    text = page(client_for(alex_es), reverse("boundaries:history"))
    assert "Se añadió" in text and "Intimidad por la mañana" in text and "Ánimo: Con calma" in text
    assert "Intimacy in the morning" not in text and "Mood:" not in text


def test_form_errors_come_out_in_spanish(client_for, alex_es):
    response = client_for(alex_es).post(
        reverse("boundaries:add"), {"source": "catalogue", "kind": Kind.ENJOY, "note": "x" * 2001}
    )
    text = unescape(response.content.decode())
    assert response.status_code == 400
    assert "Elige un elemento de la lista o escríbelo con tus propias palabras." in text
    assert "Escribe una nota de menos de 2\xa0000 caracteres, por favor." in text
    assert "Choose an item from the list" not in text and "Please keep the note" not in text


def test_a_service_refusal_is_in_the_readers_language(alex_es):
    entry(alex_es, 102)
    with translation.override("es"), pytest.raises(ServiceError) as refused:
        entry(alex_es, 102)
    assert refused.value.message == "Esto ya está en tu lista. Puedes cambiar la entrada que ya tienes."


# ---- The guard: matching stays English; Spanish own words match only as written ----


def test_the_neutral_refusal_is_spanish_for_a_spanish_proposer(alex_es, sam):
    entry(sam, 110, kind=Kind.HARD_LIMIT)
    with translation.override("es"), pytest.raises(ServiceError) as refused:
        check_proposal(proposer=alex_es, catalogue_item_ids=[110])
    assert refused.value.message == "Esto no es posible en este momento."


def test_catalogue_titles_are_matched_in_english_whatever_the_language(alex_es, sam):
    # "Tickling" (shown to Alex as "Cosquillas") meets Sam's own words by word forms.
    entry(sam, None, kind=Kind.HARD_LIMIT, wording="No tickles, please")
    with translation.override("es"):
        assert not proposal_is_open(proposer=alex_es, catalogue_item_ids=[110])


def test_a_spanish_own_words_limit_is_matched_as_written(alex, sam):
    entry(sam, None, kind=Kind.HARD_LIMIT, wording="Que me despierten de madrugada", area="pace")
    with translation.override("es"):
        assert not proposal_is_open(proposer=alex, text="¿Y si QUE ME DESPIERTEN DE MADRUGADA, por sorpresa?")
        # Other word forms and related words are not understood in Spanish.
        assert proposal_is_open(proposer=alex, text="Te despierto al amanecer")
        assert proposal_is_open(proposer=alex, text="Un baño con música, sin prisa, ¿qué te parece? Ñam.")


def test_spanish_words_with_accents_are_stored_and_shown_as_written(client_for, alex_es):
    wording = "Caricias en el cuello después de cenar, sin prisa"
    boundary = entry(alex_es, None, wording=wording, note="Sólo si hay tiempo; ¡nada de prisas!")
    assert boundary.wording == wording and boundary.title == wording
    text = page(client_for(alex_es), reverse("boundaries:mine"))
    assert wording in text and "Sólo si hay tiempo; ¡nada de prisas!" in text
    with translation.override("es"), pytest.raises(ServiceError) as refused:
        entry(alex_es, None, wording=wording.upper())
    assert refused.value.message.startswith("Ya tienes una entrada con estas palabras.")
