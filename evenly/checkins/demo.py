"""Demo data for check-ins and moments, made through the real services.

Each text is written in its author's language, as they would have typed it."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from evenly.accounts.language import speaking
from evenly.accounts.models import User
from evenly.checkins import services
from evenly.checkins.models import CheckIn, Moment, ParkedTopic


def _moment(
    user: User, days_ago: int, leaning: str, text: str, feelings: list[str], trust: int, desire: int, cues: str
):  # type: ignore[no-untyped-def]
    """`text` and `cues` are marked with gettext_noop and written here in the
    author's language."""
    with speaking(user):
        return services.moment_create(
            actor=user,
            happened_on=timezone.localdate() - timedelta(days=days_ago),
            leaning=leaning,
            what_happened=gettext(text),
            feelings=feelings,
            trust_impact=trust,
            desire_impact=desire,
            cues=gettext(cues) if cues else "",
        )


def _past_checkin(first: User, second: User) -> None:
    checkin = services.checkin_start(actor=first, mode="two_devices")
    for person in (first, second):
        checkin = services.checkin_act(actor=person, checkin=checkin, action="accept_rules", version=checkin.version)
    speaker = checkin.first_speaker_id
    assert speaker is not None  # set when both accepted the ground rules
    people = {first.pk: first, second.pk: second}
    # What each one says, and what the other says back to them.
    lines = {
        first.pk: (
            gettext_noop(
                "When plans for the weekend came up, I said yes quickly and then felt I'd given up what I wanted."
            ),
            gettext_noop("You agreed fast, and afterwards it felt like your wish got lost."),
        ),
        second.pk: (
            gettext_noop("I'd like us to take turns choosing, so I don't end up deciding for both of us."),
            gettext_noop("You'd like turns at choosing, so the deciding doesn't sit with you."),
        ),
    }
    for _ in range(2):
        talker, listener = people[speaker], people[second.pk if speaker == first.pk else first.pk]
        statement, reflection = lines[talker.pk]
        with speaking(talker):
            checkin = services.checkin_act(
                actor=talker, checkin=checkin, action="speak", version=checkin.version, text=gettext(statement)
            )
        with speaking(listener):
            checkin = services.checkin_act(
                actor=listener, checkin=checkin, action="reflect", version=checkin.version, text=gettext(reflection)
            )
        checkin = services.checkin_act(actor=talker, checkin=checkin, action="confirm", version=checkin.version)
        speaker = listener.pk
    checkin = services.checkin_act(actor=first, checkin=checkin, action="close", version=checkin.version)
    services.rating_save(actor=first, checkin=checkin, felt_heard=4, equal_say=3)
    services.rating_save(actor=second, checkin=checkin, felt_heard=5, equal_say=4)
    with speaking(first):
        services.appreciation_add(
            actor=first, checkin=checkin, text=gettext("Thank you for slowing down and asking what I wanted.")
        )
    with speaking(second):
        services.appreciation_add(
            actor=second, checkin=checkin, text=gettext("I liked how carefully you said back what I meant.")
        )
        services.next_step_add(
            actor=second, checkin=checkin, text=gettext("Take turns choosing our Saturday plan, starting this week.")
        )
    with speaking(first):
        services.next_step_add(
            actor=first, checkin=checkin, text=gettext("Say “let me think about it” before agreeing to plans.")
        )
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
            gettext_noop(
                "At dinner I started to suggest a film, and the choice was made before I finished the sentence."
            ),
            ["small", "frustrated", "unseen"],
            -1,
            -1,
            gettext_noop("My shoulders went up and I went quiet for the rest of the meal."),
        )
        shared = _moment(
            second,
            6,
            "more_say",
            gettext_noop(
                "I planned the whole evening without asking, and noticed later I hadn't left room for a different idea."
            ),
            ["in_charge", "uneasy", "responsible"],
            0,
            -1,
            gettext_noop("I was talking fast and didn't pause for an answer."),
        )
        _moment(
            second,
            10,
            "unsure",
            gettext_noop("We both went quiet when the topic of the holidays came up and then changed the subject."),
            ["unsure", "tense"],
            -1,
            0,
            "",
        )
        _past_checkin(first, second)
        services.moment_add_to_agenda(actor=second, moment=shared)
        with speaking(first):
            services.topic_add(actor=first, text=gettext("How we decide what to do on free evenings"))
        services.checkin_schedule(actor=first, when=timezone.now() + timedelta(days=3, hours=2))
        if not ParkedTopic.objects.filter(author=first).exists():
            with speaking(first):
                services.parked_topic_add(actor=first, text=gettext("Something about how tired I've been lately"))
        if not ParkedTopic.objects.filter(author=second).exists():
            with speaking(second):
                services.parked_topic_add(actor=second, text=gettext("Whether we want more time alone on weekends"))
