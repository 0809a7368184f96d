"""The reveal rule of the curiosity list, as properties.

Matches are exactly the items both partners marked yes or curious, minus any
hard limit of either partner; they are the same for both partners; and the
page one partner sees does not change, byte for byte, whatever the other
answered outside the matches.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evenly.boundaries import catalogue
from evenly.boundaries.models import Boundary, CuriosityAnswer, Kind
from evenly.boundaries.selectors import compute_matches
from evenly.boundaries.tests.helpers import matches_seen_by
from evenly.core.models import Visibility

pytestmark = pytest.mark.django_db

ALL_IDS = [item.id for item in catalogue.current_items()]
# A handful of items keeps each example small while still colliding often.
SOME_IDS = ALL_IDS[:6] + ALL_IDS[40:44] + ALL_IDS[-4:]
ANSWER = st.sampled_from(["yes", "curious", "no"])
answers = st.dictionaries(st.sampled_from(SOME_IDS), ANSWER, max_size=len(SOME_IDS))
limits = st.frozensets(st.sampled_from(SOME_IDS), max_size=4)
DB_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def expected(first, second, hard):
    return [
        i
        for i in ALL_IDS
        if first.get(i) in ("yes", "curious") and second.get(i) in ("yes", "curious") and i not in hard
    ]


@given(first=answers, second=answers, hard=limits)
@settings(max_examples=300)
def test_matches_are_exactly_the_open_overlap_minus_hard_limits(first, second, hard):
    matches = compute_matches(first, second, hard)
    assert [m.item.id for m in matches] == expected(first, second, hard)
    for match in matches:
        assert match.both_keen == (first[match.item.id] == second[match.item.id] == "yes")
        assert match.label == ("Both keen" if match.both_keen else "Both curious")


@given(first=answers, second=answers, hard=limits)
@settings(max_examples=300)
def test_matches_are_symmetric(first, second, hard):
    assert compute_matches(first, second, hard) == compute_matches(second, first, hard)


def _store(user, answers_map):
    CuriosityAnswer.objects.filter(user=user).delete()
    CuriosityAnswer.objects.bulk_create(
        CuriosityAnswer(user=user, catalogue_item_id=i, answer=a) for i, a in answers_map.items()
    )


def _store_limits(user, item_ids, shared):
    Boundary.objects.filter(author=user).delete()
    for item_id in item_ids:
        Boundary.objects.create(
            author=user,
            catalogue_item_id=item_id,
            area=catalogue.get(item_id).area,
            kind=Kind.HARD_LIMIT,
            visibility=Visibility.SHARED if shared else Visibility.PRIVATE,
        )


@given(
    first=answers,
    second=answers,
    alex_limits=limits,
    sam_limits=limits,
    alex_shares=st.booleans(),
    sam_shares=st.booleans(),
)
@DB_SETTINGS
def test_both_partners_see_the_same_matches_and_no_hard_limit(
    alex, sam, first, second, alex_limits, sam_limits, alex_shares, sam_shares
):
    _store(alex, first)
    _store(sam, second)
    _store_limits(alex, alex_limits, alex_shares)
    _store_limits(sam, sam_limits, sam_shares)
    for_alex = [m.item.id for m in matches_seen_by(alex)]
    for_sam = [m.item.id for m in matches_seen_by(sam)]
    assert for_alex == for_sam == expected(first, second, alex_limits | sam_limits)


def _normalised(html: str) -> str:
    html = re.sub(r'(name="csrfmiddlewaretoken" value=")[^"]*', r"\1", html)
    html = re.sub(r'("X-CSRFToken": ")[^"]*', r"\1", html)
    return re.sub(r'nonce="[^"]*"', 'nonce=""', html)


@st.composite
def partner_variants(draw):
    """Alex's answers, Sam's hard limits, and two sets of Sam's answers that
    differ only outside the matches."""
    mine = draw(answers)
    hard = draw(limits)
    theirs = draw(answers)
    matched = set(expected(mine, theirs, hard))
    other = {}
    for item_id in SOME_IDS:
        if item_id in matched:
            other[item_id] = theirs[item_id]
            continue
        would_match = mine.get(item_id) in ("yes", "curious") and item_id not in hard
        choice = draw(st.sampled_from(["no", None] if would_match else ["yes", "curious", "no", None]))
        if choice is not None:
            other[item_id] = choice
    return mine, hard, theirs, other


@given(case=partner_variants())
@DB_SETTINGS
def test_the_matches_page_is_identical_whatever_the_partner_answered_outside_the_matches(alex, sam, case):
    mine, hard, theirs, other = case
    _store(alex, mine)
    _store_limits(sam, hard, shared=False)
    client = Client()
    client.force_login(alex)
    pages = []
    for variant in (theirs, other):
        _store(sam, variant)
        response = client.get(reverse("curious:matches"))
        assert response.status_code == 200
        pages.append(_normalised(response.content.decode()))
    assert pages[0] == pages[1]


def test_a_no_looks_the_same_as_no_answer(alex, sam, client_for):
    _store(alex, {101: "yes", 102: "curious"})
    client = client_for(alex)
    _store(sam, {101: "no"})
    with_no = _normalised(client.get(reverse("curious:matches")).content.decode())
    _store(sam, {})
    without = _normalised(client.get(reverse("curious:matches")).content.decode())
    assert with_no == without


def test_changing_to_no_removes_a_match_quietly(alex, sam):
    _store(alex, {101: "yes"})
    _store(sam, {101: "yes"})
    assert [m.item.id for m in matches_seen_by(alex)] == [101]
    _store(sam, {101: "no"})
    assert matches_seen_by(alex) == []


def test_matches_follow_catalogue_order_not_answer_order(alex, sam):
    _store(alex, {})
    for item_id in (705, 101, 402):
        CuriosityAnswer.objects.create(user=alex, catalogue_item_id=item_id, answer="yes")
        CuriosityAnswer.objects.create(user=sam, catalogue_item_id=item_id, answer="curious")
    assert [m.item.id for m in matches_seen_by(sam)] == [101, 402, 705]


def test_no_partner_means_no_matches(casey):
    _store(casey, {101: "yes"})
    assert matches_seen_by(casey) == []
