"""Rituals kept over time and appreciations appear among the wins, with no
scores, counts or streaks."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from evenly.rituals import services
from evenly.rituals.models import Ritual
from evenly.rituals.tests.test_services import propose

pytestmark = pytest.mark.django_db
WINS = "/decisions/wins/"


def test_a_ritual_kept_for_a_while_and_an_appreciation_are_wins(alex, sam, jordan, client_for):
    ritual = services.ritual_agree(actor=sam, ritual=propose(alex, name="Friday walk"))
    services.appreciation_send(actor=sam, text="Thank you for Friday.")
    page = client_for(alex).get(WINS).content.decode()
    assert "Thank you for Friday." in page and "A word of appreciation from Sam" in page
    assert "Friday walk" not in page  # only once it has been kept a while
    Ritual.objects.filter(pk=ritual.pk).update(kept_since=timezone.now() - timedelta(days=40))
    page = client_for(sam).get(WINS).content.decode()
    assert "A ritual you keep: Friday walk" in page
    assert not re.search(r"\b\d+ (times|weeks in a row|streak)", page)
    assert "Friday walk" not in client_for(jordan).get(WINS).content.decode()


def test_a_paused_ritual_is_not_a_win(alex, sam, client_for):
    ritual = services.ritual_agree(actor=sam, ritual=propose(alex, name="Friday walk"))
    Ritual.objects.filter(pk=ritual.pk).update(kept_since=timezone.now() - timedelta(days=40))
    services.ritual_pause(actor=alex, ritual=ritual)
    assert "Friday walk" not in client_for(alex).get(WINS).content.decode()


@pytest.mark.parametrize("rounds", [0, 20])
def test_the_wins_page_stays_within_the_query_budget(alex, sam, client_for, rounds, django_assert_max_num_queries):
    from evenly.decisions import services as decisions
    from evenly.decisions.tests import helpers

    for number in range(rounds):
        services.appreciation_send(actor=alex, text=f"Thanks {number}")
        services.ritual_agree(actor=sam, ritual=propose(alex, name=f"Ritual {number}"))
    for _ in range(rounds // 5):  # experiments talked through: one query for all their notes
        experiment = helpers.running(alex, sam)
        decisions.experiment_end(actor=alex, experiment=experiment)
        for who in (alex, sam):
            decisions.debrief_write(actor=who, experiment=experiment, worked="W", didnt_work="D", surprised="S")
    Ritual.objects.update(kept_since=timezone.now() - timedelta(days=40))
    client = client_for(alex)
    client.get(WINS)
    with django_assert_max_num_queries(8):
        assert client.get(WINS).status_code == 200
