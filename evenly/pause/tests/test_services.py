from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from evenly.core.errors import ServiceError
from evenly.core.models import Notification
from evenly.pause import services
from evenly.pause.models import Pause
from evenly.pause.selectors import pause_count, pause_state
from evenly.pause.tasks import send_revisit_reminder

pytestmark = pytest.mark.django_db


def test_a_pause_reaches_both_partners_with_ids_only(alex, sam, jordan, event_tap, django_capture_on_commit_callbacks):
    event_tap.listen(alex, sam, jordan)
    with django_capture_on_commit_callbacks(execute=True):
        pause = services.pause_start(actor=alex)
    expected = [{"type": "evenly.event", "event": "pause.started", "ids": {"pause": pause.pk}}]
    assert event_tap.received(sam) == expected
    assert event_tap.received(alex) == expected  # the pauser's other tabs follow too
    assert event_tap.received(jordan) == []


def test_only_the_pauser_can_lift(alex, sam):
    pause = services.pause_start(actor=alex)
    with pytest.raises(ServiceError, match="Only the partner who paused"):
        services.pause_lift(actor=sam, pause=pause)
    assert pause_state(viewer=sam, couple_id=pause.couple_id).partners == pause


def test_both_can_pause_and_each_lifts_their_own(alex, sam):
    mine = services.pause_start(actor=alex)
    theirs = services.pause_start(actor=sam)
    services.pause_lift(actor=alex, pause=mine)
    assert pause_state(viewer=alex, couple_id=mine.couple_id).partners == theirs
    assert pause_state(viewer=sam, couple_id=mine.couple_id).mine == theirs


def test_lifting_tells_both(alex, sam, event_tap, django_capture_on_commit_callbacks):
    pause = services.pause_start(actor=alex)
    event_tap.listen(alex, sam)
    with django_capture_on_commit_callbacks(execute=True):
        services.pause_lift(actor=alex, pause=pause)
        services.pause_lift(actor=alex, pause=pause)  # twice: still one event
    assert [m["event"] for m in event_tap.received(sam)] == ["pause.lifted"]


def test_a_person_without_a_partner_cannot_pause(casey):
    with pytest.raises(ServiceError):
        services.pause_start(actor=casey)


def test_counts_are_kept_and_nothing_else(alex, sam):
    for _ in range(3):
        services.pause_lift(actor=alex, pause=services.pause_start(actor=alex))
    couple_id = Pause.objects.first().couple_id
    assert pause_count(couple_id=couple_id) == 3
    field_names = {f.name for f in Pause._meta.get_fields()}
    assert not field_names & {"reason", "note", "text", "why"}


@pytest.mark.django_db(transaction=True)  # the real worker manages its own connections
def test_the_reminder_reaches_both_at_the_chosen_time(alex, sam, jordan, event_tap):
    pause = services.pause_start(actor=alex)
    services.pause_set_revisit(actor=alex, pause=pause, choice="in_20_minutes")
    task = DBTaskResult.objects.get()
    assert task.run_after == pause.revisit_at
    assert timedelta(minutes=19) < task.run_after - timezone.now() <= timedelta(minutes=20)
    assert not DBTaskResult.objects.ready().exists()  # not before its time

    # Time travel: the worker reaches the chosen moment.
    DBTaskResult.objects.update(run_after=timezone.now() - timedelta(seconds=1))
    event_tap.listen(alex, sam, jordan)
    _run_ready_tasks()
    assert sorted(Notification.objects.values_list("user__display_name", flat=True)) == ["Alex", "Sam"]
    assert [m["event"] for m in event_tap.received(sam)] == ["notification.created"]
    assert event_tap.received(jordan) == []
    assert "revisit" in Notification.objects.filter(user=sam).get().text


def test_a_changed_revisit_time_silences_the_old_reminder(alex, sam):
    pause = services.pause_start(actor=alex)
    services.pause_set_revisit(actor=alex, pause=pause, choice="in_20_minutes")
    old_time = pause.revisit_at
    services.pause_set_revisit(actor=alex, pause=pause, choice="next_check_in")
    send_revisit_reminder.call(pause.pk, old_time.isoformat())
    assert not Notification.objects.exists()


def test_the_partner_cannot_choose_the_revisit_time(alex, sam):
    pause = services.pause_start(actor=alex)
    with pytest.raises(ServiceError):
        services.pause_set_revisit(actor=sam, pause=pause, choice="tonight")


def _run_ready_tasks() -> None:
    from evenly.core.lifespan import _run_ready_tasks as run

    run()
