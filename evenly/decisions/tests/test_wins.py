"""The small wins come a page at a time, newest first, with each experiment's
notes on the page that shows it."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from evenly.decisions import services
from evenly.decisions.models import Experiment
from evenly.decisions.selectors import WINS_PER_PAGE, WINS_SHOWN
from evenly.decisions.tests import helpers
from evenly.rituals.services import appreciation_send

pytestmark = pytest.mark.django_db
WINS = "/decisions/wins/"


def _thank(alex, times: int) -> None:
    for number in range(times):
        appreciation_send(actor=alex, text=f"Thanks number {number}.")


def _shown(page: str) -> list[int]:
    return [number for number in range(WINS_SHOWN + 10) if f"Thanks number {number}." in page]


def test_it_shows_the_newest_wins_first_a_page_at_a_time(alex, sam, client_for):
    _thank(alex, WINS_PER_PAGE + 2)
    client = client_for(sam)
    first = client.get(WINS).content.decode()
    assert _shown(first) == list(range(2, WINS_PER_PAGE + 2))
    assert "?page=2" in first and "?page=0" not in first
    second = client.get(f"{WINS}?page=2").content.decode()
    assert _shown(second) == [0, 1]
    assert "?page=1" in second and "?page=3" not in second
    assert client.get(f"{WINS}?page=abc").status_code == 200


def test_it_looks_back_over_the_newest_wins_only(alex, sam, client_for):
    _thank(alex, WINS_SHOWN + 3)
    client = client_for(sam)
    last = WINS_SHOWN // WINS_PER_PAGE
    page = client.get(f"{WINS}?page={last}").content.decode()
    assert _shown(page) == list(range(3, 3 + WINS_PER_PAGE))
    assert f"?page={last + 1}" not in page
    assert _shown(client.get(f"{WINS}?page={last + 5}").content.decode()) == _shown(page)


def test_an_experiments_notes_show_on_its_page_you_first(alex, sam, client_for):
    experiment = helpers.running(alex, sam)
    services.experiment_end(actor=alex, experiment=experiment)
    services.debrief_write(actor=sam, experiment=experiment, worked="SAM-NOTE", didnt_work="", surprised="")
    services.debrief_write(actor=alex, experiment=experiment, worked="ALEX-NOTE", didnt_work="", surprised="")
    Experiment.objects.update(debriefs_revealed_at=timezone.now() - timedelta(days=3))
    _thank(alex, WINS_PER_PAGE)
    client = client_for(alex)
    with CaptureQueriesContext(connection) as on_the_first:
        first = client.get(WINS).content.decode()
    assert "ALEX-NOTE" not in first and "What works for us" not in first
    with CaptureQueriesContext(connection) as on_the_second:
        second = client.get(f"{WINS}?page=2").content.decode()
    assert "PRIVATE-IDEA lights low" in second
    assert second.index("<h4>You</h4>") < second.index("ALEX-NOTE") < second.index("<h4>Sam</h4>")
    assert second.index("<h4>Sam</h4>") < second.index("SAM-NOTE")
    # Notes or none, the page runs the same queries.
    assert len(on_the_first) == len(on_the_second)
