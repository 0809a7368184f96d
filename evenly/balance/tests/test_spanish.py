"""A partner who reads Evenly in Spanish sees the balance page in Spanish:
the charts' words, months, counts and percentages included, while the other
partner keeps English."""

import html

import pytest

from evenly.balance.tests import helpers
from tests.cast import speaks_spanish

pytestmark = pytest.mark.django_db
PAGE = "/balance/"


def _text(response):  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def _with_history(alex, sam):  # type: ignore[no-untyped-def]
    helpers.some_history(alex, sam)
    helpers.ratings_for_both(alex, sam, a_level=4, b_level=4)
    helpers.both_on(alex, sam)


def test_a_spanish_reader_sees_the_balance_page_in_spanish(client_for, alex, sam):
    _with_history(alex, sam)
    page = _text(client_for(speaks_spanish(alex)).get(PAGE + "?period=6"))
    assert "Equilibrio" in page and "Solo para ti" in page and "Nuestra vista" in page
    assert "Decisiones abiertas" in page and "Sentí que me escuchaban" in page  # chart labels
    assert "Quién empezó qué durante los últimos 6 meses." in page
    assert "1 (50 %)" in page  # a count and its share
    assert "<td>4,0</td>" in html.unescape(page) and "<td>4.0</td>" not in page  # a Spanish decimal comma
    assert "Últimos 3 meses" in page and "Cerca: sus números están próximos entre sí." in page
    for english in ("Just for you", "Our view", "Decisions opened", "I felt heard", "Who started what", "Last 3"):
        assert english not in page


def test_the_other_partner_keeps_english(client_for, alex, sam):
    _with_history(alex, sam)
    speaks_spanish(alex)
    page = _text(client_for(sam).get(PAGE + "?period=6"))
    assert "Who started what over the last 6 months." in page and "1 (50%)" in page and "<td>4.0</td>" in page
    assert "Solo para ti" not in page
