"""The private safety check leaves no trace: nothing stored, no notice, no
event, nothing in anyone's export, nothing the partner can see."""

from __future__ import annotations

import json

import pytest
from django.apps import apps
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evenly.core.personal_data import export_for
from evenly.healing import safety

ANSWERS = {key: "often" for key, _q in safety.QUESTIONS} | {"country": "GB"}


def row_counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_taking_the_check_changes_nothing_anywhere(
    client_for, alex, sam, event_tap, django_capture_on_commit_callbacks
):
    client = client_for(alex)
    client.get(reverse("healing:safety"))  # the session and CSRF cookie exist before we count
    before = row_counts()
    event_tap.listen(alex, sam)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reverse("healing:safety"), ANSWERS)
    assert response.status_code == 200
    assert "0808 2000 247" in response.content.decode()
    assert callbacks == []
    assert row_counts() == before
    assert event_tap.received(alex) == [] and event_tap.received(sam) == []


def test_the_pages_are_never_cached(client_for, alex):
    client = client_for(alex)
    for response in (client.get(reverse("healing:safety")), client.post(reverse("healing:safety"), ANSWERS)):
        assert "no-store" in response["Cache-Control"]


def test_the_partner_sees_no_sign_of_it(client_for, alex, sam):
    client_for(alex).post(reverse("healing:safety"), ANSWERS)
    partner = client_for(sam)
    for url in ("/", reverse("journal:index"), reverse("healing:resources"), reverse("checkins:index")):
        body = partner.get(url).content.decode()
        assert "safety check" not in body.replace("A private safety check", ""), url
    assert "safety" not in json.dumps(export_for(sam), default=str).casefold()
    assert "safety" not in json.dumps(export_for(alex), default=str).casefold()


def test_it_shows_no_score_and_no_diagnosis(client_for, alex):
    body = client_for(alex).post(reverse("healing:safety"), ANSWERS).content.decode()
    assert "This is not a diagnosis" in body
    for word in ("score", "7/7", "7 of 7", "points"):
        assert word not in body.replace("points to fear", "")


def test_it_explains_leaving_safely_with_a_link_to_leave(client_for, alex):
    body = client_for(alex).get(reverse("healing:safety")).content.decode()
    assert reverse("couples:leave") in body
    assert "Joint tools aren't made for this" in body
    assert 'id="quick-exit"' in body


def test_it_routes_to_the_chosen_country(client_for, alex):
    body = client_for(alex).get(reverse("healing:safety"), {"country": "DE"}).content.decode()
    assert "116 016" in body
    body = client_for(alex).post(reverse("healing:safety"), ANSWERS | {"country": "AU"}).content.decode()
    assert "1800 737 732" in body
    assert '<option value="AU" selected>' in body
    body = client_for(alex).get(reverse("healing:safety"), {"country": "nowhere"}).content.decode()
    assert "findahelpline.com" in body


def test_the_country_is_guessed_from_the_couples_time_zone(client_for, alex):
    from evenly.couples.models import Couple

    Couple.objects.filter(memberships__user=alex).update(timezone="America/New_York")
    assert "1-800-799-7233" in client_for(alex).get(reverse("healing:safety")).content.decode()


def test_outside_links_are_plain_and_leak_nothing(client_for, alex):
    body = client_for(alex).get(reverse("healing:safety"), {"country": "GB"}).content.decode()
    assert 'href="https://www.nationaldahelpline.org.uk/" rel="noopener noreferrer"' in body


def test_anonymous_people_sign_in_first(client):
    assert client.get(reverse("healing:safety")).url.startswith("/accounts/login/")
    assert client.post(reverse("healing:safety"), ANSWERS).url.startswith("/accounts/login/")


def test_it_stays_within_its_query_budget(client_for, alex, django_assert_max_num_queries):
    client = client_for(alex)
    with django_assert_max_num_queries(8):
        client.get(reverse("healing:safety"))
    with django_assert_max_num_queries(8):
        client.post(reverse("healing:safety"), ANSWERS)


def test_the_reading_is_a_situation_never_a_number():
    assert safety.reading({}) is safety.Reading.UNSURE
    assert safety.reading({key: "no" for key, _q in safety.QUESTIONS}) is safety.Reading.NONE_CHOSEN
    assert safety.reading({"watched": "sometimes"}) is safety.Reading.SIGNS


@settings(
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture], max_examples=25, deadline=None
)
@given(st.dictionaries(st.sampled_from([k for k, _q in safety.QUESTIONS] + ["country", "x"]), st.text(max_size=30)))
@pytest.mark.django_db
def test_any_answers_at_all_get_a_calm_page(client_for, alex, answers):
    response = client_for(alex).post(reverse("healing:safety"), answers)
    assert response.status_code == 200


def test_the_balance_figures_are_the_same_after_the_check(client_for, alex, sam):
    import re

    def balance(client) -> str:  # type: ignore[no-untyped-def]
        body = client.get(reverse("balance:index")).content.decode()
        return re.sub(r'(csrfmiddlewaretoken" value=|X-CSRFToken": )"[^"]+"', "", body)

    partner, taker = client_for(sam), client_for(alex)
    before = balance(partner), balance(taker)
    taker.post(reverse("healing:safety"), ANSWERS)
    assert (balance(partner), balance(taker)) == before
