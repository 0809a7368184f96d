"""Nothing twice, nothing lost.

Each of the ten create forms carries a one-time token. The same form sent
several times at the same moment (a double click, a resent request, two tabs)
makes one thing, and every copy is answered as the first was. Each post runs
in its own thread, through the whole stack, with its own database connection.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.db import close_old_connections, connection
from django.test import Client
from django.utils import timezone

from evenly.accounts.models import User
from evenly.boundaries.models import Boundary, LifeEvent
from evenly.checkins import services as checkin_services
from evenly.checkins.models import AgendaItem, Appreciation, CheckIn, Moment, NextStep, ParkedTopic, Status
from evenly.consent.models import Invitation
from evenly.core.once import new_once_token
from evenly.decisions.models import Decision, Experiment

COPIES = 4


def _closed_checkin(alex: User) -> int:
    checkin = checkin_services.checkin_start(actor=alex, mode="two_devices")
    CheckIn.objects.filter(pk=checkin.pk).update(status=Status.CLOSED)
    return checkin.pk


def _local(hours: int) -> str:
    return (timezone.localtime() + timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M")


# name: (url, posted fields, rows made) — the url may need a closed check-in.
CASES: dict[str, tuple[str, dict[str, Any], Callable[[], int]]] = {
    "moment": (
        "/checkins/moments/new/",
        {"happened_on": "2026-11-30", "leaning": "unsure", "what_happened": "We talked over dinner."},
        lambda: Moment.objects.count(),
    ),
    "own-words boundary": (
        "/boundaries/add/",
        {"source": "own", "wording": "Slow mornings", "area": "pace", "kind": "enjoy"},
        lambda: Boundary.objects.count(),
    ),
    "life event": ("/boundaries/life-events/", {"kind": "illness"}, lambda: LifeEvent.objects.count()),
    "parked topic": ("/checkins/parked/add/", {"parked-text": "Money, later"}, lambda: ParkedTopic.objects.count()),
    "agenda topic": ("/checkins/agenda/add/", {"topic-text": "Weekend plans"}, lambda: AgendaItem.objects.count()),
    "appreciation": (
        "/checkins/{checkin}/appreciation/",
        {"appreciation-text": "Thank you for listening"},
        lambda: Appreciation.objects.count(),
    ),
    "next step": (
        "/checkins/{checkin}/next-step/",
        {"step-text": "Try again Sunday"},
        lambda: NextStep.objects.count(),
    ),
    "decision": ("/decisions/new/", {"topic": "Where to go in spring"}, lambda: Decision.objects.count()),
    "experiment": (
        "/decisions/experiments/new/",
        {"idea": "Phones away at dinner", "ends_when": "After two weeks", "then_what": "We talk it over"},
        lambda: Experiment.objects.count(),
    ),
    "invitation": (
        "/consent/invitations/new/",
        {"words": "A long bath together", "starts_at": "{start}", "ends_at": "{end}"},
        lambda: Invitation.objects.count(),
    ),
}


def _token_field(data: dict[str, Any]) -> str:
    """The token's field name: prefixed like the form's text field, if it is."""
    prefixes = [name.removesuffix("-text") for name in data if name.endswith("-text")]
    return f"{prefixes[0]}-once" if prefixes else "once"


def _post_at_once(user: User, url: str, data: dict[str, Any], copies: int) -> list[tuple[int, str]]:
    clients = []
    for _ in range(copies):
        client = Client()
        client.force_login(user)
        clients.append(client)
    start = threading.Barrier(copies)
    answers: list[tuple[int, str]] = []

    def send(client: Client) -> None:
        try:
            start.wait()
            response = client.post(url, data)
            answers.append((response.status_code, response.get("Location", "")))
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=send, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return answers


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("name", sorted(CASES))
def test_the_same_form_sent_at_once_makes_one_thing(name: str, alex: User, sam: User) -> None:
    url, fields, count = CASES[name]
    checkin = _closed_checkin(alex) if "{checkin}" in url else 0
    url = url.format(checkin=checkin)
    data = {key: value.format(start=_local(2), end=_local(4)) for key, value in fields.items()}
    data[_token_field(data)] = new_once_token()
    before = count()

    answers = _post_at_once(alex, url, data, COPIES)

    assert count() == before + 1, answers
    assert len(answers) == COPIES
    assert {status for status, _ in answers} == {302}, answers
    assert len({location for _, location in answers}) == 1, answers


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(CASES))
def test_a_form_sent_again_later_makes_nothing_new(name: str, alex: User, sam: User, client_for) -> None:  # type: ignore[no-untyped-def]
    url, fields, count = CASES[name]
    checkin = _closed_checkin(alex) if "{checkin}" in url else 0
    url = url.format(checkin=checkin)
    data = {key: value.format(start=_local(2), end=_local(4)) for key, value in fields.items()}
    token_field = next(
        (f"{p}-once" for p in ("topic", "parked", "appreciation", "step") if f"{p}-text" in data), "once"
    )
    data[token_field] = new_once_token()
    client = client_for(alex)
    before = count()

    first = client.post(url, data)
    again = client.post(url, data)
    fresh = client.post(url, {**data, token_field: new_once_token()})

    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"]
    # A new form (a new token) is a new thing, where the feature allows another.
    made = count() - before
    assert made in {1, 2}
    if name not in {"own-words boundary", "invitation"}:
        assert made == 2, fresh.status_code


@pytest.mark.django_db
def test_every_create_form_carries_a_fresh_token(alex: User, sam: User, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(alex)
    checkin = _closed_checkin(alex)
    pages = {
        "/checkins/moments/new/": 'name="once"',
        "/boundaries/add/": 'name="once"',
        "/boundaries/life-events/": 'name="once"',
        "/checkins/": 'name="parked-once"',
        f"/checkins/{checkin}/": 'name="appreciation-once"',
        "/decisions/new/": 'name="once"',
        "/decisions/experiments/new/": 'name="once"',
        "/consent/invitations/new/": 'name="once"',
    }
    for page, marker in pages.items():
        first, second = client.get(page).content.decode(), client.get(page).content.decode()
        assert marker in first, page
        assert first.split(marker)[1][:60] != second.split(marker)[1][:60], page


@pytest.mark.django_db(transaction=True)
def test_two_tabs_with_the_same_own_words_make_one_entry(alex: User, sam: User) -> None:
    """Two different forms (two tokens), the same wording, at the same moment."""
    data = {"source": "own", "wording": "Being filmed", "area": "activities", "kind": "hard_limit"}
    barrier = threading.Barrier(2)
    statuses: list[int] = []

    def send(token: str) -> None:
        client = Client()
        client.force_login(alex)
        try:
            barrier.wait()
            statuses.append(client.post("/boundaries/add/", {**data, "once": token}).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(new_once_token(),)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert Boundary.objects.filter(author=alex).count() == 1
    assert sorted(statuses) == [302, 400]
