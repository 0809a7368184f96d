"""Who paused is kept only while the pause and its revisit run; afterwards
only that a pause happened, and when. Checked on the raw rows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from evenly.consent.forgetting import REMINDER_GRACE
from evenly.core.models import Notification
from evenly.pause import services
from evenly.pause.models import Pause
from evenly.pause.selectors import pause_count, pause_state
from evenly.pause.tasks import send_revisit_reminder

pytestmark = pytest.mark.django_db


def raw_pauses() -> list[dict[str, object]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM pause_pause ORDER BY id")
        columns = [column[0] for column in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def forget() -> None:
    call_command("consent_forget", verbosity=0)


def assert_only_that_it_happened(row: dict[str, object]) -> None:
    assert set(row) == {"id", "couple_id", "paused_by_id", "started_at", "revisit_choice", "revisit_at", "lifted_at"}
    assert row["paused_by_id"] is None and row["revisit_at"] is None and row["revisit_choice"] == "undecided"
    assert row["started_at"] is not None and row["lifted_at"] is not None


def test_a_running_pause_keeps_who_paused_however_long_it_runs(alex, sam):
    pause = services.pause_start(actor=alex)
    Pause.objects.update(started_at=timezone.now() - timedelta(days=30))
    forget()
    assert raw_pauses()[0]["paused_by_id"] == alex.pk
    # So only the pauser can lift it.
    with pytest.raises(Exception, match="Only the partner who paused"):
        services.pause_lift(actor=sam, pause=pause)
    assert pause_state(viewer=sam, couple_id=pause.couple_id).partners == pause


def test_once_lifted_only_that_a_pause_happened_and_when_stays(alex, sam):
    pause = services.pause_start(actor=alex)
    services.pause_lift(actor=alex, pause=pause)
    forget()
    (row,) = raw_pauses()
    assert_only_that_it_happened(row)
    assert pause_count(couple_id=pause.couple_id) == 1
    assert not pause_state(viewer=alex, couple_id=pause.couple_id).is_paused
    # The pauser's export no longer lists it either: it is no longer theirs.
    from evenly.accounts.personal_data import export_pauses

    assert export_pauses(alex) == []
    # And a new pause works as before.
    assert services.pause_start(actor=alex).paused_by == alex


def test_the_revisit_reminder_still_goes_out_after_the_pause_is_lifted_then_the_pauser_is_forgotten(alex, sam):
    pause = services.pause_start(actor=alex)
    services.pause_set_revisit(actor=alex, pause=pause, choice="in_20_minutes")
    services.pause_lift(actor=alex, pause=pause)
    forget()
    assert raw_pauses()[0]["paused_by_id"] == alex.pk  # the revisit still runs

    revisit_at = Pause.objects.get().revisit_at
    send_revisit_reminder.call(pause.pk, revisit_at.isoformat())
    assert Notification.objects.count() == 2

    Pause.objects.update(revisit_at=timezone.now() - REMINDER_GRACE + timedelta(minutes=1))
    forget()
    assert raw_pauses()[0]["paused_by_id"] == alex.pk  # a late worker still has a moment
    Pause.objects.update(revisit_at=timezone.now() - REMINDER_GRACE - timedelta(minutes=1))
    forget()
    assert_only_that_it_happened(raw_pauses()[0])


def test_forgetting_pauses_is_idempotent(alex, sam):
    services.pause_lift(actor=alex, pause=services.pause_start(actor=alex))
    forget()
    first = raw_pauses()
    forget()
    assert raw_pauses() == first


@pytest.mark.django_db(transaction=True)  # the real worker manages its own connections
def test_lifting_schedules_the_forgetting_on_the_real_worker(alex, sam):
    from django_tasks_db.models import DBTaskResult

    from evenly.core.lifespan import _run_ready_tasks

    services.pause_lift(actor=alex, pause=services.pause_start(actor=alex))
    assert DBTaskResult.objects.filter(task_path__endswith="forget_ended_consent").exists()
    DBTaskResult.objects.update(run_after=timezone.now() - timedelta(seconds=1))
    _run_ready_tasks()
    assert_only_that_it_happened(raw_pauses()[0])
