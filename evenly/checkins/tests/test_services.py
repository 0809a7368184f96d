from __future__ import annotations

import pytest

from evenly.checkins import services
from evenly.checkins.models import AgendaItem, CheckIn, Moment, Rating, Status, Utterance
from evenly.checkins.tests.conftest import step
from evenly.core.errors import ServiceError
from evenly.core.models import Visibility
from evenly.couples.services import couple_leave
from evenly.pause.services import pause_lift, pause_start


def moment_for(user, text="The plan was made before I finished speaking."):  # type: ignore[no-untyped-def]
    from django.utils import timezone

    return services.moment_create(
        actor=user,
        happened_on=timezone.localdate(),
        leaning="less_say",
        what_happened=text,
        feelings=["small", "hurt", "not-a-feeling"],
        trust_impact=-1,
        desire_impact=None,
        cues="",
    )


def test_it_keeps_a_moment_private_until_it_is_put_on_the_agenda(alex, sam):
    moment = moment_for(alex)
    assert moment.visibility == Visibility.PRIVATE
    assert moment.feeling_labels == ["small", "hurt"]
    services.moment_add_to_agenda(actor=alex, moment=moment)
    moment.refresh_from_db()
    assert moment.is_shared
    assert AgendaItem.objects.filter(moment=moment).count() == 1


def test_it_lets_the_author_withdraw_a_moment_before_it_is_talked_about(alex, sam):
    moment = moment_for(alex)
    services.moment_add_to_agenda(actor=alex, moment=moment)
    services.moment_make_private(actor=alex, moment=moment)
    moment.refresh_from_db()
    assert not moment.is_shared
    assert not AgendaItem.objects.filter(moment=moment).exists()


def test_it_refuses_the_partner_sharing_someone_elses_moment(alex, sam):
    with pytest.raises(ServiceError):
        services.moment_add_to_agenda(actor=sam, moment=moment_for(alex))


def test_it_alternates_the_first_speaker_across_check_ins(alex, sam, under_way):
    assert under_way.first_speaker_id == sam.pk
    step(alex, under_way, "close")
    second = services.checkin_start(actor=alex, mode="two_devices")
    assert second.first_speaker_id == alex.pk


def test_it_runs_a_full_turn_with_a_clarification(alex, sam, under_way):
    step(sam, under_way, "speak", text="I'd like to choose sometimes.")
    step(alex, under_way, "reflect", text="You never get to choose.")
    step(sam, under_way, "clarify", text="Sometimes, not never.")
    step(alex, under_way, "reflect", text="You'd like to choose sometimes.")
    checkin = step(sam, under_way, "confirm")
    assert checkin.flow["speaker"] == alex.pk and checkin.flow["state"] == "speaking"
    reflections = Utterance.objects.filter(kind="reflection").order_by("id")
    assert [r.confirmed for r in reflections] == [False, True]
    assert all(u.is_shared for u in Utterance.objects.all())


def test_it_refuses_a_step_out_of_turn(alex, sam, under_way):
    with pytest.raises(ServiceError, match="isn't yours"):
        step(alex, under_way, "speak", text="Me first")


def test_it_refuses_a_stale_step_and_saves_nothing(alex, sam, under_way):
    old_version = under_way.version
    step(sam, under_way, "speak", text="First tab")
    with pytest.raises(ServiceError, match="nothing is lost"):
        services.checkin_act(actor=sam, checkin=under_way, action="speak", version=old_version, text="Second tab")
    assert Utterance.objects.count() == 1


def test_it_refuses_an_empty_reflection_but_accepts_one_said_aloud(alex, sam, under_way):
    step(sam, under_way, "speak", said_aloud=True)
    with pytest.raises(ServiceError, match="what you heard"):
        step(alex, under_way, "reflect", text="   ")
    checkin = step(alex, under_way, "reflect", said_aloud=True)
    assert checkin.flow["state"] == "confirming"


def test_it_refuses_a_very_long_statement(alex, sam, under_way):
    with pytest.raises(ServiceError, match="5,000"):
        step(sam, under_way, "speak", text="a" * 5001)
    assert Utterance.objects.count() == 0


def test_it_refuses_to_move_while_paused_and_resumes_where_it_was(alex, sam, under_way):
    pause = pause_start(actor=alex)
    with pytest.raises(ServiceError, match="Paused"):
        step(sam, under_way, "speak", text="Now?")
    pause_lift(actor=alex, pause=pause)
    checkin = step(sam, under_way, "speak", text="Now.")
    assert checkin.flow["state"] == "reflecting"


def test_it_lets_one_device_act_for_whoever_holds_the_phone(alex, sam):
    checkin = services.checkin_start(actor=alex, mode="one_device")
    checkin = step(alex, checkin, "accept_rules")
    assert checkin.flow["state"] == "speaking"
    step(alex, checkin, "speak", text="Sam's words, typed on Alex's phone")
    assert Utterance.objects.get().author_id == sam.pk


def test_it_returns_the_same_check_in_when_both_start_at_once(alex, sam):
    first = services.checkin_start(actor=alex, mode="two_devices")
    second = services.checkin_start(actor=sam, mode="one_device")
    assert first.pk == second.pk
    assert CheckIn.objects.filter(status=Status.OPEN).count() == 1


def test_it_stores_ratings_as_plain_numbers_per_rater(alex, sam, under_way):
    with pytest.raises(ServiceError):
        services.rating_save(actor=alex, checkin=under_way, felt_heard=4, equal_say=4)
    checkin = step(alex, under_way, "close")
    services.rating_save(actor=alex, checkin=checkin, felt_heard=4, equal_say=2)
    services.rating_save(actor=alex, checkin=checkin, felt_heard=5, equal_say=3)
    assert list(Rating.objects.values_list("rater_id", "felt_heard", "equal_say")) == [(alex.pk, 5, 3)]


def test_it_keeps_only_what_each_wrote_after_the_couple_ends(alex, sam, under_way):
    step(sam, under_way, "speak", text="Sam's piece")
    step(alex, under_way, "reflect", text="Alex's reflection")
    couple_leave(actor=alex)
    visible_to_alex = Utterance.objects.visible_to(alex, couple_id=None)
    assert [u.text for u in visible_to_alex] == ["Alex's reflection"]


def test_it_asks_both_to_accept_again_when_the_rules_change(alex, sam):
    checkin = services.checkin_start(actor=alex, mode="two_devices")
    step(alex, checkin, "accept_rules")
    services.ground_rules_save(actor=sam, texts=["One at a time.", "", "Either of us can pause."])
    checkin.refresh_from_db()
    assert checkin.flow["accepted"] == []
    with pytest.raises(ServiceError):
        services.ground_rules_save(actor=sam, texts=["", " "])


def test_it_plans_a_check_in_and_reminds_both(alex, sam):
    from datetime import timedelta

    from django.utils import timezone

    from evenly.checkins.tasks import send_checkin_reminder
    from evenly.core.models import Notification

    when = timezone.now() + timedelta(days=1)
    checkin = services.checkin_schedule(actor=alex, when=when)
    assert list(Notification.objects.values_list("user_id", "kind")) == [(sam.pk, "checkin_planned")]
    send_checkin_reminder.call(checkin.pk, when.isoformat())
    assert set(Notification.objects.filter(kind="checkin_soon").values_list("user_id", flat=True)) == {alex.pk, sam.pk}
    with pytest.raises(ServiceError):
        services.checkin_schedule(actor=alex, when=timezone.now() - timedelta(minutes=1))


def test_it_moves_a_parked_topic_to_the_agenda(alex, sam):
    parked = services.parked_topic_add(actor=alex, text="Later, maybe")
    item = services.parked_topic_to_agenda(actor=alex, parked=parked)
    assert item.text == "Later, maybe" and item.is_shared
    assert not Moment.objects.exists()
