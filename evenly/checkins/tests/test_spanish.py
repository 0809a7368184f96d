"""A partner whose language is Spanish holds check-ins in Spanish: the pages,
the turn-taking, the dates, the starting ground rules and the refusals. The
English partner beside them reads the same check-in in English, and what
either of them wrote is shown as written."""

from __future__ import annotations

import re
from datetime import timedelta
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import number_format

from evenly.checkins import forms, selectors, services
from evenly.checkins.demo import seed_checkins
from evenly.checkins.models import GroundRule, Moment, Utterance
from evenly.checkins.tests.conftest import step
from evenly.checkins.tests.test_services import moment_for
from evenly.core.errors import ServiceError
from tests.cast import speaks_spanish

pytestmark = pytest.mark.django_db

WEEKDAY = r"(lunes|martes|miércoles|jueves|viernes|sábado|domingo)"
MONTH = r"(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)"
ENGLISH_DATE_WORDS = re.compile(
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|"
    r"August|September|October|November|December)\b"
)


def page(client, url: str, status: int = 200) -> str:  # type: ignore[no-untyped-def]
    response = client.get(url)
    assert response.status_code == status
    return unescape(response.content.decode())


def test_it_shows_the_check_ins_page_in_spanish(client_for, alex, sam):
    services.topic_add(actor=sam, text="Cómo repartimos las tareas")
    services.parked_topic_add(actor=alex, text="Algo que aún no sé decir")
    text = page(client_for(speaks_spanish(alex)), reverse("checkins:index"))
    for spanish in (
        "Charlas · Evenly",
        "<h1>Charlas</h1>",
        "Un momento habitual para hablar, con normas que eligieron en conjunto.",
        "Empezar una charla",
        "¿Cómo les gustaría tener la charla?",
        "Cada quien en su dispositivo",
        "Planear una para más adelante",
        "Nuestros temas",
        "Un tema de Sam",
        "Cómo repartimos las tareas",  # Sam's words, as written
        "Añadir a los temas",
        "Nuestras normas de la charla",
        "Guardado para más adelante",
        "Algo que aún no sé decir",
        'aria-label="Quitar este tema guardado">Quitar</button>',
        "Para traer un momento que anotaste, ábrelo desde tus momentos y añádelo desde ahí.",
        "Mis momentos",
    ):
        assert spanish in text, spanish
    for english in (
        "Check-ins · Evenly",
        "Start a check-in",
        "How would you like to hold it?",
        "Each on our own device",
        "Plan one for later",
        "Our agenda",
        "A topic from",
        "Add to the agenda",
        "Our ground rules",
        "Parked for later",
        "My moments",
    ):
        assert english not in text, english


def test_the_english_partner_still_reads_english(client_for, alex, sam):
    speaks_spanish(alex)
    services.topic_add(actor=alex, text="Cómo repartimos las tareas")
    text = page(client_for(sam), reverse("checkins:index"))
    assert "Our agenda" in text and "A topic from Alex" in text and "Cómo repartimos las tareas" in text
    assert "Nuestros temas" not in text and "Charlas" not in text


def test_each_partner_reads_the_starting_ground_rules_in_their_own_language(client_for, alex, sam):
    spanish = page(client_for(speaks_spanish(alex)), reverse("checkins:rules_card"))
    english = page(client_for(sam), reverse("checkins:rules_card"))
    assert "Habla una persona a la vez; la otra escucha sin interrumpir." in spanish
    assert "One of us speaks" not in spanish
    assert "One of us speaks at a time; the other listens without interrupting." in english
    assert GroundRule.objects.count() == 0  # nothing stored until they change the list


def test_saving_the_ground_rules_keeps_the_words_of_whoever_saved_them(client_for, alex, sam):
    client = client_for(speaks_spanish(alex))
    text = page(client, reverse("checkins:rules"))
    assert "Norma 1" in text and "Guardar las normas de la charla" in text
    with translation.override("es"):
        shown = selectors.default_ground_rules()
    data = {f"rule_{index}": rule for index, rule in enumerate(shown)}
    assert client.post(reverse("checkins:rules"), data).status_code == 302
    stored = [rule.text for rule in GroundRule.objects.all()]
    assert stored == shown
    # From now on it is the couple's own list: Sam reads it as it was saved.
    assert "Habla una persona a la vez" in page(client_for(sam), reverse("checkins:rules_card"))


def test_the_turn_taking_speaks_spanish(client_for, alex, sam, under_way):
    url = reverse("checkins:checkin", args=[under_way.pk])
    text = page(client_for(speaks_spanish(sam)), url)
    for spanish in (
        "Nuestra charla",
        "Ronda 1 · <strong>Habla Sam</strong> · <strong>Escucha Alex</strong>",
        "Sam, te toca hablar",
        "Lo que quieres decir",
        "Lo dije en voz alta",
        "Compartir lo que quiero decir",
        "Terminar la charla aquí",
        "Temas",
    ):
        assert spanish in text, spanish
    assert "your turn to speak" not in text and "Close the check-in" not in text
    # Alex, in English, sees the same moment in English.
    assert "Sam is speaking" in page(client_for(alex), url)
    step(sam, under_way, "speak", text="Me cuesta pedir lo que quiero.")
    text = page(client_for(alex), url)
    assert "Alex, what did you hear?" in text and "Me cuesta pedir lo que quiero." in text
    assert "Alex está repitiendo lo que escuchó" in page(client_for(sam), url)


def test_a_refused_step_explains_itself_in_spanish(client_for, alex, sam, under_way):
    client = client_for(speaks_spanish(sam))
    url = reverse("checkins:act", args=[under_way.pk])
    response = client.post(url, {"action": "speak", "version": under_way.version, "text": "palabra " * 700})
    assert response.status_code == 400
    with translation.override("es"):
        limit = number_format(5000, force_grouping=True)
    text = unescape(response.content.decode())
    assert f"Supera el límite de {limit} caracteres. ¿Puedes acortarlo un poco? Tus palabras siguen aquí." in text
    assert "That's longer than" not in text
    response = client.post(url, {"action": "speak", "version": under_way.version, "text": ""})
    assert response.status_code == 409
    assert "Escribe lo que quieres decir, o marca “Lo dije en voz alta”." in unescape(response.content.decode())


def test_planned_and_past_times_use_spanish_dates(client_for, alex, sam):
    checkin = services.checkin_schedule(actor=alex, when=timezone.now() + timedelta(days=3))
    client = client_for(speaks_spanish(sam))
    when = rf"{WEEKDAY} \d{{1,2}} de {MONTH}, \d\d:\d\d"
    index = page(client, reverse("checkins:index"))
    assert re.search(rf"Prevista para el {when}\. Pueden empezarla ahora", index)
    planned = page(client, reverse("checkins:checkin", args=[checkin.pk]))
    assert re.search(when, planned) and "Una charla prevista" in planned
    for text in (index, planned):
        assert not ENGLISH_DATE_WORDS.search(text)


def test_a_moment_is_shown_in_spanish(client_for, alex):
    moment = moment_for(speaks_spanish(alex), text="En la cena hablé por encima de ti.")
    text = page(client_for(alex), reverse("checkins:moment", args=[moment.pk]))
    assert re.search(rf"{WEEKDAY} \d{{1,2}} de {MONTH} de \d{{4}}", text)
    assert "Privado: solo tú puedes verlo." in text and "En la cena hablé por encima de ti." in text
    assert not ENGLISH_DATE_WORDS.search(text) and "Private: only you" not in text
    form = page(client_for(alex), reverse("checkins:moment_new"))
    for spanish in ("Anotar un momento", "¿Cuándo fue?", "Sentí que tuve menos voz de la que quería", "Restó mucho"):
        assert spanish in form, spanish
    assert "When was it?" not in form and "Took a lot away" not in form


def test_the_close_is_in_spanish(client_for, alex, sam, under_way):
    step(sam, under_way, "speak", text="Lo mío")
    step(alex, under_way, "reflect", text="Lo que oí")
    step(sam, under_way, "confirm")
    closed = step(alex, under_way, "close")
    text = page(client_for(speaks_spanish(sam)), reverse("checkins:checkin", args=[closed.pk]))
    for spanish in ("Después de la charla", "Sentí que me escuchaban", "(1 no mucho, 5 del todo)", "Agradecimientos"):
        assert spanish in text, spanish
    assert "repitió lo escuchado" in text and "se confirmó" in text
    assert "After the check-in" not in text and "I felt heard" not in text


def test_service_refusals_are_in_the_readers_language(alex, sam):
    with translation.override("es"), pytest.raises(ServiceError) as refused:
        services.ground_rules_save(actor=alex, texts=["", ""])
    assert refused.value.message == "Mantengan al menos una norma. Siempre pueden cambiarla más adelante."
    with translation.override("es"):
        assert forms._long_message(1).startswith("Supera el límite de 1 carácter.")
        assert forms._long_message(2).startswith("Supera el límite de 2 caracteres.")
    assert str(forms.LONG_MESSAGE).startswith("That's longer than 5,000 characters.")


def test_demo_texts_are_written_in_each_authors_language(alex, sam, jordan, riley):
    speaks_spanish(riley)
    seed_checkins({"alex": alex, "sam": sam, "jordan": jordan, "riley": riley})
    riley_wrote = [m.what_happened for m in Moment.objects.filter(author=riley)]
    assert "Planeé toda la noche sin preguntar" in " ".join(riley_wrote)
    jordan_wrote = [m.what_happened for m in Moment.objects.filter(author=jordan)]
    assert jordan_wrote == [
        "At dinner I started to suggest a film, and the choice was made before I finished the sentence."
    ]
    riley_said = [u.text for u in Utterance.objects.filter(author=riley) if u.text]
    assert riley_said and all("Me gustaría" in text or "Dijiste" in text for text in riley_said)
