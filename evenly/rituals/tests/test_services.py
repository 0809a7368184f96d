"""Rituals run only with both yeses, stop for either partner alone, plan one
occurrence ahead through the real task backend, and end with the couple."""

from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from evenly.checkins.models import CheckIn
from evenly.checkins.models import Status as CheckInStatus
from evenly.core.errors import ServiceError
from evenly.core.models import Notification, NotificationKind
from evenly.couples.services import couple_leave
from evenly.rituals import services, tasks
from evenly.rituals.models import Appreciation, CalendarFeed, Ritual, Status

pytestmark = pytest.mark.django_db


def propose(actor, **overrides):  # type: ignore[no-untyped-def]
    values = {
        "kind": "date",
        "name": "Walk by the river",
        "about": "Phones at home",
        "frequency": "weekly",
        "weekday": 4,
        "at": time(19, 0),
        "starts_on": timezone.localdate(),
    }
    values.update(overrides)
    return services.ritual_propose(actor=actor, **values)


def test_a_proposal_waits_for_the_partners_yes(alex, sam):
    ritual = propose(alex)
    assert ritual.status == Status.PROPOSED and ritual.waiting_for_id == sam.pk and ritual.next_at is None
    assert Notification.objects.filter(user=sam, kind=NotificationKind.RITUAL_PROPOSED).exists()
    with pytest.raises(ServiceError):
        services.ritual_agree(actor=alex, ritual=ritual)
    ritual = services.ritual_agree(actor=sam, ritual=ritual)
    assert ritual.status == Status.ACTIVE
    assert ritual.next_at is not None and ritual.next_at > timezone.now()
    local = timezone.localtime(ritual.next_at, timezone.get_current_timezone())
    assert local.weekday() == 4


def test_either_partner_pauses_alone_and_taking_it_up_again_needs_both(alex, sam):
    ritual = services.ritual_agree(actor=sam, ritual=propose(alex))
    ritual = services.ritual_pause(actor=sam, ritual=ritual)
    assert ritual.status == Status.PAUSED and ritual.next_at is None
    ritual = services.ritual_resume(actor=sam, ritual=ritual)
    assert ritual.status == Status.PROPOSED and ritual.waiting_for_id == alex.pk
    ritual = services.ritual_agree(actor=alex, ritual=ritual)
    assert ritual.status == Status.ACTIVE


def test_either_partner_ends_it_alone_even_before_it_started(alex, sam):
    services.ritual_end(actor=sam, ritual=propose(alex))
    assert Ritual.objects.get().status == Status.ENDED


def test_bad_input_is_refused_with_a_clear_word(alex):
    with pytest.raises(ServiceError, match="name"):
        propose(alex, name="  ")
    with pytest.raises(ServiceError, match="day of the month"):
        propose(alex, frequency="monthly_day", day_of_month=None)
    with pytest.raises(ServiceError, match="which week"):
        propose(alex, frequency="monthly_weekday", week_of_month=None)
    with pytest.raises(ServiceError, match="from today"):
        propose(alex, starts_on=timezone.localdate() - timedelta(days=1))


def test_someone_without_a_partner_cannot_propose(casey):
    with pytest.raises(ServiceError, match="shared space"):
        propose(casey)


def test_a_reminder_says_nothing_about_the_ritual_and_comes_once(alex, sam, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ritual = services.ritual_agree(actor=sam, ritual=propose(alex, name="PRIVATE-NAME"))
    assert ritual.next_at is not None
    tasks.remind_ritual.call(ritual.pk, ritual.next_at.isoformat())
    notices = Notification.objects.filter(kind=NotificationKind.RITUAL_SOON)
    assert sorted(n.user_id for n in notices) == sorted([alex.pk, sam.pk])
    assert notices[0].text == "Something you planned together is coming up."
    # A stale reminder (the ritual moved on or paused) does nothing.
    tasks.remind_ritual.call(ritual.pk, (ritual.next_at + timedelta(days=7)).isoformat())
    services.ritual_pause(actor=alex, ritual=ritual)
    tasks.remind_ritual.call(ritual.pk, ritual.next_at.isoformat())
    assert Notification.objects.filter(kind=NotificationKind.RITUAL_SOON).count() == 2


def test_advancing_moves_on_to_the_next_occurrence(alex, sam, django_capture_on_commit_callbacks):
    ritual = services.ritual_agree(actor=sam, ritual=propose(alex))
    first = ritual.next_at
    assert first is not None
    with django_capture_on_commit_callbacks(execute=True):
        tasks.advance_ritual.call(ritual.pk, first.isoformat())
    ritual.refresh_from_db()
    assert ritual.next_at is not None and ritual.next_at - first == timedelta(days=7)
    # Running the same step twice changes nothing.
    tasks.advance_ritual.call(ritual.pk, first.isoformat())
    ritual.refresh_from_db()
    assert ritual.next_at - first == timedelta(days=7)


def test_agreeing_enqueues_the_reminder_and_the_next_step_on_the_real_backend(
    alex, sam, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    with django_capture_on_commit_callbacks(execute=True):
        ritual = services.ritual_agree(actor=sam, ritual=propose(alex))
    queued = {r.task_path: r for r in DBTaskResult.objects.all()}
    assert set(queued) >= {"evenly.rituals.tasks.remind_ritual", "evenly.rituals.tasks.advance_ritual"}
    remind = queued["evenly.rituals.tasks.remind_ritual"]
    assert remind.args_kwargs["args"][0] == ritual.pk
    assert remind.run_after <= ritual.next_at


def test_a_recurring_checkin_plans_itself_one_occurrence_ahead(alex, sam, django_capture_on_commit_callbacks):
    ritual = services.ritual_agree(
        actor=sam, ritual=propose(alex, kind="checkin", frequency="monthly_weekday", weekday=1, week_of_month=2)
    )
    planned = CheckIn.objects.get(status=CheckInStatus.SCHEDULED)
    assert planned.scheduled_for == ritual.next_at and ritual.planned_checkin_id == planned.pk
    first = ritual.next_at
    assert first is not None
    with django_capture_on_commit_callbacks(execute=True):
        tasks.advance_ritual.call(ritual.pk, first.isoformat())
    ritual.refresh_from_db()
    planned.refresh_from_db()
    assert planned.scheduled_for == ritual.next_at and ritual.next_at > first
    services.ritual_pause(actor=alex, ritual=ritual)
    planned.refresh_from_db()
    assert planned.status == CheckInStatus.CANCELLED


def test_a_checkin_the_couple_planned_themselves_stands(alex, sam):
    from evenly.checkins.services import checkin_schedule

    own = checkin_schedule(actor=sam, when=timezone.now() + timedelta(days=3))
    ritual = services.ritual_agree(actor=sam, ritual=propose(alex, kind="checkin"))
    own.refresh_from_db()
    assert own.status == CheckInStatus.SCHEDULED and ritual.planned_checkin_id is None


def test_leaving_the_couple_stops_the_rituals_and_the_feeds_for_both(alex, sam):
    ritual = services.ritual_agree(actor=sam, ritual=propose(alex))
    services.feed_turn_on(actor=alex, title="Plans")
    services.feed_turn_on(actor=sam, title="Busy")
    couple_leave(actor=sam)
    ritual.refresh_from_db()
    assert ritual.status == Status.ENDED and ritual.next_at is None
    assert not CalendarFeed.objects.exists()


def test_a_feed_keeps_only_a_hash_of_its_secret(alex):
    token = services.feed_turn_on(actor=alex, title="Time together")
    feed = CalendarFeed.objects.get(user=alex)
    assert len(token) >= 40 and token not in feed.token_hash
    assert feed.token_hash == services.feed_token_hash(token)
    with pytest.raises(ServiceError):
        services.feed_turn_on(actor=alex, title="Something intimate")


def test_an_appreciation_is_shared_and_leaves_a_neutral_notice(alex, sam):
    note = services.appreciation_send(actor=alex, text="Thank you for listening last night.")
    assert Appreciation.objects.get().is_shared
    assert Notification.objects.get(user=sam).kind == NotificationKind.APPRECIATION
    assert "listening" not in Notification.objects.get(user=sam).text
    assert note.text == "Thank you for listening last night."
    with pytest.raises(ServiceError):
        services.appreciation_send(actor=alex, text=" ")


def test_paused_couples_propose_nothing(alex, sam):
    from evenly.pause.services import pause_start

    pause_start(actor=sam)
    with pytest.raises(ServiceError, match="Paused"):
        propose(alex)
    with pytest.raises(ServiceError, match="Paused"):
        services.appreciation_send(actor=alex, text="Thanks")


def test_a_31st_proposal_is_accepted(alex, sam):
    ritual = services.ritual_agree(
        actor=sam, ritual=propose(alex, frequency="monthly_day", day_of_month=31, starts_on=date.today())
    )
    assert ritual.next_at is not None


def test_the_notice_of_a_proposal_leads_to_rituals_and_goes_once_answered(alex, sam):
    ritual = propose(alex)
    notice = Notification.objects.get(user=sam, kind=NotificationKind.RITUAL_PROPOSED)
    assert notice.url == "/rituals/" and notice.dismissed_at is None
    services.ritual_agree(actor=sam, ritual=ritual)
    notice.refresh_from_db()
    assert notice.dismissed_at is not None


def test_many_appreciations_leave_one_waiting_notice(alex, sam):
    for number in range(3):
        services.appreciation_send(actor=alex, text=f"Thanks {number}")
    assert Notification.objects.filter(user=sam, dismissed_at__isnull=True).count() == 1


def test_no_reminder_arrives_while_a_partner_has_paused(alex, sam):
    from evenly.pause.services import pause_lift, pause_start

    ritual = services.ritual_agree(actor=sam, ritual=propose(alex))
    assert ritual.next_at is not None
    pause = pause_start(actor=sam)
    tasks.remind_ritual.call(ritual.pk, ritual.next_at.isoformat())
    assert not Notification.objects.filter(kind=NotificationKind.RITUAL_SOON).exists()
    pause_lift(actor=sam, pause=pause)
    tasks.remind_ritual.call(ritual.pk, ritual.next_at.isoformat())
    assert Notification.objects.filter(kind=NotificationKind.RITUAL_SOON).count() == 2


def test_export_and_erase_cover_what_the_person_wrote(alex, sam):
    from evenly.core.personal_data import erase_for, export_for
    from evenly.rituals import desires

    ritual = propose(alex, name="ALEX-RITUAL")
    services.appreciation_send(actor=alex, text="ALEX-THANKS")
    services.appreciation_send(actor=sam, text="SAM-THANKS")
    desires.desire_add(actor=alex, kind="wish", text="ALEX-WISH", catalogue_item_id=None)
    services.feed_turn_on(actor=alex, title="Plans")
    exported = str(export_for(alex)["rituals"])
    assert all(words in exported for words in ("ALEX-RITUAL", "ALEX-THANKS", "ALEX-WISH", "Plans"))
    assert "SAM-THANKS" not in exported
    erase_for(alex)
    alex.delete()
    ritual.refresh_from_db()
    assert ritual.name == "" and not CalendarFeed.objects.exists()
    assert list(Appreciation.objects.values_list("text", flat=True)) == ["SAM-THANKS"]
