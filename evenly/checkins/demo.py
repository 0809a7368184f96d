"""Demo data for check-ins and moments, made through the real services."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from evenly.accounts.models import User
from evenly.checkins import services
from evenly.checkins.models import CheckIn, Moment, ParkedTopic


def _moment(
    user: User, days_ago: int, leaning: str, text: str, feelings: list[str], trust: int, desire: int, cues: str
):  # type: ignore[no-untyped-def]
    return services.moment_create(
        actor=user,
        happened_on=timezone.localdate() - timedelta(days=days_ago),
        leaning=leaning,
        what_happened=text,
        feelings=feelings,
        trust_impact=trust,
        desire_impact=desire,
        cues=cues,
    )


def _past_checkin(first: User, second: User) -> None:
    checkin = services.checkin_start(actor=first, mode="two_devices")
    for person in (first, second):
        checkin = services.checkin_act(actor=person, checkin=checkin, action="accept_rules", version=checkin.version)
    speaker = checkin.first_speaker_id
    assert speaker is not None  # set when both accepted the ground rules
    people = {first.pk: first, second.pk: second}
    lines = {
        first.pk: (
            "When plans for the weekend came up, I said yes quickly and then felt I'd given up what I wanted.",
            "You agreed fast, and afterwards it felt like your wish got lost.",
        ),
        second.pk: (
            "I'd like us to take turns choosing, so I don't end up deciding for both of us.",
            "You'd like turns at choosing, so the deciding doesn't sit with you.",
        ),
    }
    for _ in range(2):
        talker, listener = people[speaker], people[second.pk if speaker == first.pk else first.pk]
        statement, reflection = lines[talker.pk]
        checkin = services.checkin_act(
            actor=talker, checkin=checkin, action="speak", version=checkin.version, text=statement
        )
        checkin = services.checkin_act(
            actor=listener, checkin=checkin, action="reflect", version=checkin.version, text=reflection
        )
        checkin = services.checkin_act(actor=talker, checkin=checkin, action="confirm", version=checkin.version)
        speaker = listener.pk
    checkin = services.checkin_act(actor=first, checkin=checkin, action="close", version=checkin.version)
    services.rating_save(actor=first, checkin=checkin, felt_heard=4, equal_say=3)
    services.rating_save(actor=second, checkin=checkin, felt_heard=5, equal_say=4)
    services.appreciation_add(actor=first, checkin=checkin, text="Thank you for slowing down and asking what I wanted.")
    services.appreciation_add(actor=second, checkin=checkin, text="I liked how carefully you said back what I meant.")
    services.next_step_add(
        actor=second, checkin=checkin, text="Take turns choosing our Saturday plan, starting this week."
    )
    services.next_step_add(actor=first, checkin=checkin, text="Say “let me think about it” before agreeing to plans.")
    when = timezone.now() - timedelta(days=14)
    CheckIn.objects.filter(pk=checkin.pk).update(started_at=when, closed_at=when + timedelta(minutes=40))


def seed_checkins(users: dict[str, User]) -> None:
    for first_key, second_key in (("alex", "sam"), ("jordan", "riley")):
        first, second = users[first_key], users[second_key]
        if Moment.objects.filter(author=first).exists():
            continue
        _moment(
            first,
            3,
            "less_say",
            "At dinner I started to suggest a film, and the choice was made before I finished the sentence.",
            ["small", "frustrated", "unseen"],
            -1,
            -1,
            "My shoulders went up and I went quiet for the rest of the meal.",
        )
        shared = _moment(
            second,
            6,
            "more_say",
            "I planned the whole evening without asking, and noticed later I hadn't left room for a different idea.",
            ["in_charge", "uneasy", "responsible"],
            0,
            -1,
            "I was talking fast and didn't pause for an answer.",
        )
        _moment(
            second,
            10,
            "unsure",
            "We both went quiet when the topic of the holidays came up and then changed the subject.",
            ["unsure", "tense"],
            -1,
            0,
            "",
        )
        _past_checkin(first, second)
        services.moment_add_to_agenda(actor=second, moment=shared)
        services.topic_add(actor=first, text="How we decide what to do on free evenings")
        services.checkin_schedule(actor=first, when=timezone.now() + timedelta(days=3, hours=2))
        if not ParkedTopic.objects.filter(author=first).exists():
            services.parked_topic_add(actor=first, text="Something about how tired I've been lately")
        if not ParkedTopic.objects.filter(author=second).exists():
            services.parked_topic_add(actor=second, text="Whether we want more time alone on weekends")
