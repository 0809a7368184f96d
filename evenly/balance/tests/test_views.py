"""The balance page: sign-in first, only the viewer's own numbers, the shared
view only while both want it, and the same few queries whatever the history."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from evenly.balance import arithmetic as calc
from evenly.balance.models import PulseAnswer
from evenly.balance.tests import helpers
from evenly.checkins.models import CheckIn
from evenly.couples.services import couple_leave
from evenly.decisions.models import Decision

pytestmark = pytest.mark.django_db

PAGE = "/balance/"
POSTS = [
    reverse("balance:shared_on"),
    reverse("balance:shared_off"),
    reverse("balance:pulse"),
    reverse("balance:offer_agenda", args=["adopted_lean"]),
    reverse("balance:offer_dismiss", args=["adopted_lean"]),
]
PULSE = {"counted": "2", "spoke_freely": "3", "shaped_together": "4"}


def test_the_page_is_at_balance():
    assert reverse("balance:index") == PAGE


def test_it_sends_anonymous_people_to_sign_in(client):
    for url in [PAGE, reverse("balance:shared"), *POSTS]:
        response = client.get(url) if url in (PAGE, reverse("balance:shared")) else client.post(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_someone_without_a_partner_gets_a_kind_page_and_404_for_the_rest(client_for, casey):
    client = client_for(casey)
    response = client.get(PAGE)
    assert response.status_code == 200 and "opens once you and your partner share a space" in response.content.decode()
    assert client.get(reverse("balance:shared")).status_code == 404
    for url in POSTS:
        assert client.post(url, PULSE).status_code == 404


def test_it_is_linked_from_home_and_the_header(client_for, alex):
    html = client_for(alex).get("/").content.decode()
    assert html.count(f'href="{PAGE}"') >= 2


def test_my_numbers_are_mine_alone(client_for, alex, sam):
    checkin = helpers.closed_checkin(alex)
    helpers.rate(alex, checkin, 2, 1)
    helpers.rate(sam, checkin, 5, 5)
    alex_html = client_for(alex).get(PAGE).content.decode()
    sam_html = client_for(sam).get(PAGE).content.decode()
    assert "<td>2.0</td><td>1.0</td>" in alex_html
    assert "<td>5.0</td><td>5.0</td>" in sam_html
    assert "<td>2.0</td>" not in sam_html and "<td>1.0</td>" not in sam_html
    assert "<td>5.0</td>" not in alex_html


def test_a_pulse_answered_twice_in_a_month_counts_once_and_bad_input_keeps_the_rest(client_for, alex, sam):
    client = client_for(alex)
    assert client.post(reverse("balance:pulse"), PULSE).status_code == 302
    assert client.post(reverse("balance:pulse"), {**PULSE, "counted": "5"}).status_code == 302
    assert PulseAnswer.objects.filter(user=alex).count() == 1
    assert PulseAnswer.objects.get(user=alex).counted == 5
    response = client.post(reverse("balance:pulse"), {"counted": "9", "spoke_freely": "3"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Choose a number from 1 (not at all) to 5 (completely)." in html
    import re

    assert re.search(r'<input type="radio" name="spoke_freely" value="3"[^>]* checked', html)
    assert "<td>4.0</td>" not in client_for(sam).get(PAGE).content.decode()


def test_our_view_shows_only_while_both_have_it_on(client_for, alex, sam):
    helpers.some_history(alex, sam)
    alex_client, sam_client = client_for(alex), client_for(sam)
    alex_client.post(reverse("balance:shared_on"))
    for client in (alex_client, sam_client):
        assert "Who started what, last 3 months" not in client.get(PAGE).content.decode()
    sam_client.post(reverse("balance:shared_on"))
    for client in (alex_client, sam_client):
        html = client.get(PAGE).content.decode()
        assert "Who started what, last 3 months" in html
        assert "PRIVATE" not in html
    sam_client.post(reverse("balance:shared_off"))
    for client in (alex_client, sam_client):
        html = client.get(PAGE).content.decode()
        assert "Who started what, last 3 months" not in html and "Our view is off" in html


def test_our_view_shows_the_shares_by_each_partner(client_for, alex, sam):
    helpers.some_history(alex, sam)
    helpers.both_on(alex, sam)
    html = client_for(alex).get(PAGE).content.decode()
    assert '<th scope="row">Decisions opened</th>\n    <td>1 (50%)</td><td>1 (50%)</td>' in html
    assert '<th scope="row">Check-ins suggested</th>\n    <td>1 (100%)</td><td>0 (0%)</td>' in html
    assert '<th scope="row">Invitations sent</th>\n    <td>0 (0%)</td><td>1 (100%)</td>' in html
    sam_html = client_for(sam).get(PAGE).content.decode()
    assert '<th scope="row">Invitations sent</th>\n    <td>1 (100%)</td><td>0 (0%)</td>' in sam_html


def test_close_or_apart_shows_only_with_three_ratings_each(client_for, alex, sam):
    helpers.both_on(alex, sam)
    helpers.ratings_for_both(alex, sam, a_level=5, b_level=2, count=2)
    html = client_for(alex).get(PAGE).content.decode()
    assert "Apart:" not in html and "Close:" not in html and "at least three ratings from each of you" in html
    helpers.ratings_for_both(alex, sam, a_level=5, b_level=2, count=1)
    html = client_for(alex).get(PAGE).content.decode()
    assert "Apart: your numbers sit some way from each other." in html


def test_a_new_couple_is_told_warmly_there_is_little_yet(client_for, alex):
    html = client_for(alex).get(PAGE).content.decode()
    assert "You&#x27;ve only just begun" in html or "You've only just begun" in html
    assert "Nothing here yet" in html


def test_the_ended_couples_view_is_gone_for_both(client_for, alex, sam):
    helpers.both_on(alex, sam)
    helpers.some_history(alex, sam)
    couple_leave(actor=sam)
    for user in (alex, sam):
        html = client_for(user).get(PAGE).content.decode()
        assert "Who started what" not in html and "opens once you and your partner share a space" in html


def test_the_period_switch_ignores_nonsense(client_for, alex, sam):
    helpers.both_on(alex, sam)
    client = client_for(alex)
    current = 'href="?period={}#ours" aria-current="page"'
    assert current.format(12) in client.get(PAGE + "?period=12").content.decode()
    assert current.format(3) in client.get(PAGE + "?period=banana").content.decode()
    assert current.format(3) in client.get(PAGE + "?period=7").content.decode()


def _queries(client, url: str) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_page_stays_within_eight_queries_new_or_with_a_long_history(
    client_for, alex, sam, django_assert_max_num_queries
):
    client = client_for(alex)
    new_couple = _queries(client, PAGE)
    helpers.both_on(alex, sam)
    shared_new = _queries(client, PAGE)
    for index in range(15):
        helpers.some_history(alex, sam)
        helpers.ratings_for_both(alex, sam, a_level=4, b_level=3, count=2)
        client_for(alex).post(reverse("balance:pulse"), PULSE)
        Decision.objects.filter(opened_by=alex).update(created_at=timezone.now() - timedelta(days=20 * index))
        CheckIn.objects.filter(status="scheduled").update(status="cancelled")
    with django_assert_max_num_queries(8):
        client.get(PAGE)
    with django_assert_max_num_queries(8):
        client.get(PAGE + "?period=12")
    history = _queries(client, PAGE)
    assert new_couple <= history == shared_new <= 8
    assert _queries(client, reverse("balance:shared")) <= 8


def test_a_check_in_rating_counts_in_the_month_of_its_check_in(client_for, alex, sam):
    checkin = helpers.closed_checkin(alex, days_ago=70)
    helpers.rate(alex, checkin, 3, 2)  # written today, for a check-in ten weeks ago
    html = client_for(alex).get(PAGE).content.decode()
    closed = CheckIn.objects.get(pk=checkin.pk).closed_at
    assert closed is not None
    month = calc.month_of(timezone.localtime(closed))
    assert f'<th scope="row">{month:%b %Y}</th><td>3.0</td><td>2.0</td>' in html
