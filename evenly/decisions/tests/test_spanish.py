"""The decision pages read in Spanish for a partner who speaks Spanish, and
stay exactly as they were in English."""

import re

import pytest
from django.urls import reverse

from evenly.decisions import services
from evenly.decisions.tests import helpers
from tests.cast import speaks_spanish

pytestmark = pytest.mark.django_db


def in_spanish(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_overview_reads_in_spanish(alex, sam, client_for):
    speaks_spanish(alex, sam)
    services.decision_open(actor=alex, topic="Sunday mornings")
    helpers.proposed(alex)
    page = in_spanish(client_for(alex), reverse("decisions:index"))
    assert "Decidir y probar, en conjunto" in page
    assert "Escribe tu opinión cuando te venga bien." in page
    assert "Esperando un sí de tu pareja." in page
    for english in ["Decide and try", "Write your view", "Waiting for a yes", "Start a decision", "Small wins"]:
        assert english not in page


def test_a_sentence_about_the_partner_follows_their_pronouns_in_spanish(alex, sam, client_for):
    speaks_spanish(alex, sam)
    alex.pronouns = "she/her"
    alex.save(update_fields=["pronouns"])
    decision = helpers.views_revealed(alex, sam)
    services.decision_write_summary(actor=sam, decision=decision, text="What I heard")
    services.decision_confirm_summary(actor=alex, decision=decision)
    page = in_spanish(client_for(sam), reverse("decisions:detail", args=[decision.pk]))
    assert "Alex dijo que la escuchaste bien:" in page
    assert "said you heard" not in page
    page = in_spanish(client_for(alex), reverse("decisions:detail", args=[decision.pk]))
    assert "Repite lo que escuchaste" in page and "Cómo te escuchó Sam" in page
    assert "Say back what you heard" not in page and "heard you" not in page


def test_the_options_and_the_fairest_option_read_in_spanish(alex, sam, client_for):
    speaks_spanish(alex, sam)
    decision = helpers.rated(alex, sam)
    page = in_spanish(client_for(alex), reverse("decisions:detail", args=[decision.pk]))
    assert "La opción más justa" in page
    assert "Es la mejor opción para quien de ustedes la valora menos" in page
    assert "Acordar un periodo de prueba" in page
    assert "Dos semanas" in page  # the trial length's choice label
    for english in ["The fairest option", "whichever of you", "Agree on a trial", "Two weeks", "Back to the options"]:
        assert english not in page


def test_the_rating_scale_and_a_refusal_read_in_spanish(alex, sam, client_for):
    speaks_spanish(alex, sam)
    decision = helpers.understood(alex, sam)
    services.option_add(actor=alex, decision=decision, text="Option words")
    client = client_for(alex)
    page = in_spanish(client, reverse("decisions:detail", args=[decision.pk]))
    assert "No puedo vivir con esto" in page and "Me encanta" in page
    assert "I can't live with it" not in page and "Add an option" not in page
    response = client.post(reverse("decisions:ratings", args=[decision.pk]), {"action": "done"}, follow=True)
    page = response.content.decode()
    assert "Primero valora todas las opciones" in page
    assert "Rate every option first" not in page


def test_an_experiment_reads_in_spanish(alex, sam, client_for):
    speaks_spanish(alex, sam)
    experiment = helpers.running(alex, sam)
    page = in_spanish(client_for(sam), reverse("decisions:experiment", args=[experiment.pk]))
    assert "En marcha" in page and "Terminarlo ahora" in page
    assert "Either of you can end it" not in page and "End it now" not in page


def test_english_is_unchanged(alex, sam, client_for):
    decision = helpers.rated(alex, sam)
    page = client_for(alex).get(reverse("decisions:detail", args=[decision.pk])).content.decode()
    assert "The fairest option" in page
    assert "best option for whichever of you likes it least" in page


def test_dates_read_as_spanish_dates(alex, sam, client_for):
    speaks_spanish(alex, sam)
    decision = services.decision_open(actor=alex, topic="Sunday mornings")
    page = in_spanish(client_for(alex), reverse("decisions:detail", args=[decision.pk]))
    assert re.search(r"La abriste el \d{1,2} de [a-z]+ de \d{4}", page)


def test_the_demo_writes_in_each_authors_language(db):
    from evenly.core.management.commands.seed_demo import seed_couples, seed_users
    from evenly.decisions.demo import seed_decisions
    from evenly.decisions.models import Decision, Experiment

    users = seed_users()
    seed_couples(users)
    speaks_spanish(users["riley"])
    seed_decisions(users)
    assert Decision.objects.get(opened_by=users["riley"]).topic == "Cómo planeamos nuestras noches en pareja"
    assert Decision.objects.get(opened_by=users["alex"]).topic == "How we ask for time on our own"
    assert Experiment.objects.get(proposed_by=users["sam"]).idea == "Phones in another room after ten on weeknights"
