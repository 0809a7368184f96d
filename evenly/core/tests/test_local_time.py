"""A couple plans in their own wall-clock time and sees that time back, in
winter and in summer, on both phones; reminders are scheduled for that local
moment; a time the clocks skip or repeat gets a clear message, nothing saved."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from evenly.checkins.models import CheckIn
from evenly.couples.services import couple_timezone_set
from evenly.pause.models import Pause
from evenly.pause.services import pause_start

# (zone, the instant "now" is, the local day to plan on)
PLACES = [
    pytest.param("Europe/Berlin", datetime(2027, 1, 10, 9, 0, tzinfo=UTC), "2027-01-12", id="berlin-winter"),
    pytest.param("Europe/Berlin", datetime(2027, 7, 10, 9, 0, tzinfo=UTC), "2027-07-12", id="berlin-summer"),
    pytest.param("Australia/Sydney", datetime(2027, 1, 10, 1, 0, tzinfo=UTC), "2027-01-12", id="sydney"),
]


@pytest.fixture
def clock(monkeypatch):  # type: ignore[no-untyped-def]
    """Django's clock, set to a chosen instant (it still moves forward with real time)."""

    def set_to(instant: datetime) -> None:
        started = datetime.now(UTC)
        monkeypatch.setattr(timezone, "now", lambda: instant + (datetime.now(UTC) - started))

    return set_to


def _task_run_after(name: str) -> datetime:
    task = DBTaskResult.objects.filter(task_path__endswith=name).order_by("-enqueued_at").first()
    assert task is not None and task.run_after is not None
    return task.run_after


@pytest.mark.parametrize(("zone", "now", "day"), PLACES)
def test_a_planned_check_in_shows_the_hour_it_was_planned_for(
    zone, now, day, alex, sam, client_for, clock, django_capture_on_commit_callbacks
):  # type: ignore[no-untyped-def]
    clock(now)
    couple_timezone_set(actor=alex, timezone_name=zone)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(alex).post(reverse("checkins:schedule"), {"at": f"{day}T20:00"})
    assert response.status_code == 302

    planned = CheckIn.objects.get(status="scheduled").scheduled_for
    assert planned.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M") == f"{day} 20:00"
    for person in (alex, sam):
        page = client_for(person).get(reverse("checkins:index")).content.decode()
        assert ", 20:00." in page
        assert planned.astimezone(UTC).strftime(", %H:%M.") not in page
    # The reminder goes out a quarter of an hour before 20:00 local.
    assert _task_run_after("send_checkin_reminder").astimezone(ZoneInfo(zone)).strftime("%H:%M") == "19:45"


@pytest.mark.parametrize(("zone", "now", "day"), PLACES)
def test_a_revisit_time_is_reminded_at_the_local_hour(
    zone, now, day, alex, client_for, clock, django_capture_on_commit_callbacks
):  # type: ignore[no-untyped-def]
    clock(now)
    couple_timezone_set(actor=alex, timezone_name=zone)
    pause_start(actor=alex)
    client = client_for(alex)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("pause:revisit"), {"choice": "at_time", "at": f"{day}T20:00"})
    assert response.status_code == 302
    assert _task_run_after("send_revisit_reminder").astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M") == (
        f"{day} 20:00"
    )
    page = client.get(reverse("pause:page")).content.decode()
    assert ", 20:00." in page
    assert 'value="' + f"{day}T20:00" + '"' in page


def test_tonight_is_eight_in_the_evening_on_the_day_the_clocks_go_forward(
    alex, clock, django_capture_on_commit_callbacks
):  # type: ignore[no-untyped-def]
    from evenly.pause.services import pause_set_revisit

    clock(datetime(2027, 3, 28, 9, 0, tzinfo=UTC))  # 11:00 in Berlin, summer time since 03:00
    couple_timezone_set(actor=alex, timezone_name="Europe/Berlin")
    pause = pause_start(actor=alex)
    with django_capture_on_commit_callbacks(execute=True):
        pause_set_revisit(actor=alex, pause=pause, choice="tonight")
    assert _task_run_after("send_revisit_reminder") == datetime(2027, 3, 28, 18, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("wall_time", "words"),
    [
        pytest.param("2027-03-28T02:30", "The clocks go forward that night", id="spring-gap"),
        pytest.param("2027-10-31T02:30", "The clocks go back that night", id="autumn-overlap"),
    ],
)
def test_a_time_the_clocks_skip_or_repeat_is_refused_with_the_words_kept(wall_time, words, alex, client_for, clock):  # type: ignore[no-untyped-def]
    clock(datetime.fromisoformat(wall_time).replace(tzinfo=UTC) - timedelta(days=10))
    couple_timezone_set(actor=alex, timezone_name="Europe/Berlin")
    response = client_for(alex).post(reverse("checkins:schedule"), {"at": wall_time})
    assert response.status_code == 400
    page = response.content.decode()
    assert words in page
    assert f'value="{wall_time}"' in page
    assert not CheckIn.objects.filter(status="scheduled").exists()


def test_the_pause_form_refuses_a_skipped_time_too(alex, client_for, clock):  # type: ignore[no-untyped-def]
    clock(datetime(2027, 3, 20, 9, 0, tzinfo=UTC))
    couple_timezone_set(actor=alex, timezone_name="Europe/Berlin")
    pause_start(actor=alex)
    response = client_for(alex).post(reverse("pause:revisit"), {"choice": "at_time", "at": "2027-03-28T02:15"})
    assert response.status_code == 400
    assert "doesn" in response.content.decode() and "happen on that date" in response.content.decode()
    assert Pause.objects.get().revisit_at is None
