"""Every main page a partner reaches runs at most 8 queries, and the same
number for a new couple as for one with a long history."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from evenly.core.history import seed_couple_history

BUDGET = 8
PAGES = [
    "/",
    "/couple/",
    "/consent/",
    "/consent/signal/",
    "/consent/invitations/new/",
    "/consent/pace/",
    "/boundaries/",
    "/boundaries/history/",
    "/boundaries/partner/",
    "/boundaries/review/",
    "/boundaries/life-events/",
    "/curious/",
    "/curious/matches/",
    "/checkins/",
    "/checkins/rules/",
    "/checkins/rules/card/",
    "/checkins/agenda/",
    "/checkins/moments/",
    "/decisions/",
    "/decisions/wins/",
    "/account/security/",
    "/balance/",
    "/notifications/",
    "/journal/",
    "/rituals/",
    "/resources/",
    "/safety/",
]


def _counts(client) -> dict[str, int]:  # type: ignore[no-untyped-def]
    counts = {}
    for page in PAGES:
        client.get(page)  # warm what is cached per process (templates, catalogue)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page)
        assert response.status_code == 200, page
        counts[page] = len(queries)
    return counts


@pytest.fixture
def history(alex, sam) -> None:  # type: ignore[no-untyped-def]
    """A compact history: enough weeks for every kind of record to repeat."""
    seed_couple_history(alex, sam, weeks=27)


def test_every_page_fits_the_budget_for_a_new_couple(alex, sam, client_for):  # type: ignore[no-untyped-def]
    counts = _counts(client_for(alex))
    over = {page: n for page, n in counts.items() if n > BUDGET}
    assert not over


def test_history_adds_no_query_to_any_page(alex, sam, client_for, make_couple):  # type: ignore[no-untyped-def]
    new_couple = make_couple("Noa", "Kim")
    fresh = _counts(client_for(new_couple[0]))
    seed_couple_history(alex, sam, weeks=27)
    with_history = _counts(client_for(alex))
    assert {page: n for page, n in with_history.items() if n > BUDGET} == {}
    # A new couple's home adds its first-run steps; history never adds a query.
    assert {page: (fresh[page], n) for page, n in with_history.items() if n > fresh[page]} == {}


def test_a_long_list_of_moments_comes_in_pages(alex, sam, client_for):  # type: ignore[no-untyped-def]
    from django.utils import timezone

    from evenly.checkins.selectors import MOMENTS_PER_PAGE
    from evenly.checkins.services import moment_create

    for _ in range(MOMENTS_PER_PAGE + 5):
        moment_create(
            actor=alex,
            happened_on=timezone.localdate(),
            leaning="unsure",
            what_happened="A quiet evening.",
            feelings=[],
            trust_impact=0,
            desire_impact=0,
            cues="",
        )
    client = client_for(alex)
    first = client.get("/checkins/moments/").content.decode()
    assert first.count('class="card"><a href="/checkins/moments/') == MOMENTS_PER_PAGE
    assert "?page=2" in first
    second = client.get("/checkins/moments/?page=2").content.decode()
    assert second.count('class="card"><a href="/checkins/moments/') == 5
    assert "?page=1" in second and "?page=3" not in second
    assert client.get("/checkins/moments/?page=abc").status_code == 200


PAUSED_PAGES = [*PAGES, "/agreements/"]


def _with_a_pact_and_repairs(alex, sam) -> None:  # type: ignore[no-untyped-def]
    """What the pause notice shows: the values both signed and repair statements."""
    from evenly.agreements.services import repair_add, repair_send, values_propose, version_sign

    version = values_propose(actor=alex, touchstones=[], words="We stay kind, even when it is hard.")
    version_sign(actor=sam, version=version)
    repair_add(actor=alex, text="I'm sorry I raised my voice.", share=True)
    repair_send(actor=sam, statement=repair_add(actor=sam, text="I'd like to try again.", share=True))


def test_every_page_fits_the_budget_while_the_partner_pauses(alex, sam, client_for):  # type: ignore[no-untyped-def]
    from evenly.pause.services import pause_start

    _with_a_pact_and_repairs(alex, sam)
    pause_start(actor=sam)
    client = client_for(alex)
    assert "pause-notice" in client.get("/").content.decode()
    counts = {}
    for page in PAUSED_PAGES:
        client.get(page)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page)
        assert response.status_code == 200, page
        counts[page] = len(queries)
    print(counts)
    assert {page: n for page, n in counts.items() if n > BUDGET} == {}


def test_every_page_fits_the_budget_while_the_viewer_pauses(alex, sam, client_for):  # type: ignore[no-untyped-def]
    from evenly.pause.services import pause_start

    _with_a_pact_and_repairs(alex, sam)
    pause_start(actor=alex)
    client = client_for(alex)
    counts = {}
    for page in [*PAUSED_PAGES, "/pause/"]:
        client.get(page)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page)
        assert response.status_code == 200, page
        counts[page] = len(queries)
    print(counts)
    assert {page: n for page, n in counts.items() if n > BUDGET} == {}
