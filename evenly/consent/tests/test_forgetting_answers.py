"""A day after an invitation ends, no column anywhere says how it was
answered, whether anyone withdrew it, or who. These tests read the raw rows
with SQL, not the models, so nothing can hide behind a property."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import F
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evenly.accounts.models import User
from evenly.consent import services
from evenly.consent.models import Cooldown, Dialogue, Invitation
from evenly.consent.personal_data import export
from evenly.core.errors import ServiceError

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)

# Every column the invitation table has. A new column fails these tests until
# someone decides, here, whether it may outlive the schedule.
INVITATION_COLUMNS = {
    "id",
    "couple_id",
    "inviter_id",
    "invitee_id",
    "what_items",
    "what_words",
    "note",
    "conditions",
    "starts_at",
    "ends_at",
    "outcome",
    "created_at",
    "answered_at",
    "withdrawn_at",
    "withdrawn_by_id",
    "forgotten",
}
ENCRYPTED = ("what_items", "what_words", "note", "conditions")


def raw_rows(table: str) -> list[dict[str, object]]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table} ORDER BY id")  # noqa: S608
        columns = [column[0] for column in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def decrypted(column: str, raw: object) -> str:
    field = Invitation._meta.get_field(column)
    return str(field.from_db_value(raw, None, connection))  # type: ignore[attr-defined]


def assert_forgotten(row: dict[str, object]) -> None:
    """All that is left: who sent it, when, and the window it was for."""
    assert set(row) == INVITATION_COLUMNS
    assert row["outcome"] == "ended"
    assert row["forgotten"] in (True, 1)
    for column in ("invitee_id", "answered_at", "withdrawn_at", "withdrawn_by_id"):
        assert row[column] is None, column
    for column in ENCRYPTED:
        assert decrypted(column, row[column]) == "", column
        # Every forgotten row holds ciphertext of the same length: its size says nothing either.
        assert len(str(row[column])) == len(str(Invitation._meta.get_field(column).get_prep_value(""))), column


def pass_time(delta: timedelta) -> None:
    """Time passes: every stored time moves into the past by `delta`."""
    Invitation.objects.update(
        starts_at=F("starts_at") - delta,
        ends_at=F("ends_at") - delta,
        created_at=F("created_at") - delta,
        answered_at=F("answered_at") - delta,
        withdrawn_at=F("withdrawn_at") - delta,
    )
    Cooldown.objects.update(until=F("until") - delta)


def forget() -> None:
    call_command("consent_forget", verbosity=0)


def send(inviter: User, *, words: str = "A slow evening", starts_in: timedelta = timedelta(hours=1)) -> Invitation:
    start = timezone.now() + starts_in
    return services.invitation_create(
        actor=inviter, item_ids=[105], words=words, note="A note", starts_at=start, ends_at=start + timedelta(hours=3)
    )


@pytest.mark.parametrize(
    "answer",
    ["yes", "yes_if", "not_now", "no", "withdrawn by the inviter", "yes withdrawn by the invitee", "no answer"],
)
def test_a_day_after_the_end_no_column_holds_the_answer_or_who_gave_it(alex, sam, answer):
    invitation = send(alex)
    if answer in ("yes", "yes_if", "not_now", "no"):
        conditions = "Lights low" if answer == "yes_if" else ""
        services.invitation_answer(actor=sam, invitation=invitation, outcome=answer, conditions=conditions)
    elif answer == "withdrawn by the inviter":
        services.invitation_withdraw(actor=alex, invitation=invitation)
    elif answer == "yes withdrawn by the invitee":
        services.invitation_answer(actor=sam, invitation=invitation, outcome="yes")
        services.invitation_withdraw(actor=sam, invitation=invitation)
    # The window ends in four hours; the longest possible "day after" is then 28 hours away.
    pass_time(timedelta(hours=4) + DAY)
    forget()

    (row,) = raw_rows("consent_invitation")
    assert_forgotten(row)
    assert row["inviter_id"] == alex.pk and row["created_at"] is not None
    # A cool-down of a day from a decline has run out too, and its row has gone.
    assert raw_rows("consent_cooldown") == []


def test_before_the_day_is_over_the_answer_is_still_there(alex, sam):
    invitation = send(alex)
    services.invitation_answer(actor=sam, invitation=invitation, outcome="yes_if", conditions="Lights low")
    pass_time(timedelta(hours=4) + DAY - timedelta(minutes=5))
    forget()
    (row,) = raw_rows("consent_invitation")
    assert row["outcome"] == "yes_if" and decrypted("conditions", row["conditions"]) == "Lights low"


def test_a_decline_is_forgotten_a_day_after_it_even_while_the_window_and_cool_down_still_run(alex, sam):
    services.consent_settings_update(actor=sam, slower_pace=False, cooldown_hours=168)
    invitation = send(alex, starts_in=timedelta(days=10))
    services.invitation_answer(actor=sam, invitation=invitation, outcome="no")
    pass_time(DAY + timedelta(minutes=1))
    forget()

    assert_forgotten(raw_rows("consent_invitation")[0])
    # What the cool-down keeps is only that it runs: no answer, no invitation, no time of the answer.
    (cooldown,) = raw_rows("consent_cooldown")
    assert set(cooldown) == {"id", "couple_id", "inviter_id", "until"}
    with pytest.raises(ServiceError, match="a little time"):
        send(alex)

    pass_time(timedelta(days=6))
    forget()
    assert raw_rows("consent_cooldown") == []
    assert send(alex).pk


def test_a_yes_withdrawn_minutes_before_the_window_ends_is_forgotten_on_the_same_schedule(alex, sam):
    invitation = send(alex)
    services.invitation_answer(actor=sam, invitation=invitation, outcome="yes")
    pass_time(timedelta(hours=4) - timedelta(minutes=3))  # three minutes of the window left
    services.invitation_withdraw(actor=sam, invitation=invitation)
    pass_time(DAY)  # a day after the withdrawal, two minutes before a day after the window
    forget()
    assert_forgotten(raw_rows("consent_invitation")[0])


def test_withdrawing_minutes_before_the_day_is_over_changes_nothing_and_keeps_no_one(alex, sam):
    """After its window a yes no longer stands, so withdrawing it then records
    nothing and can't push the forgetting back."""
    invitation = send(alex)
    services.invitation_answer(actor=sam, invitation=invitation, outcome="yes")
    pass_time(timedelta(hours=4) + DAY - timedelta(minutes=3))
    services.invitation_withdraw(actor=sam, invitation=invitation)
    (row,) = raw_rows("consent_invitation")
    assert row["withdrawn_by_id"] is None and row["withdrawn_at"] is None
    pass_time(timedelta(minutes=3))
    forget()
    assert_forgotten(raw_rows("consent_invitation")[0])


def test_forgetting_is_idempotent_and_safe_at_any_time(alex, sam):
    send(alex, words="Still to come")
    services.invitation_answer(actor=sam, invitation=send(alex), outcome="no")
    for _ in range(3):
        forget()
    rows = raw_rows("consent_invitation")
    assert [decrypted("what_words", row["what_words"]) for row in rows] == ["Still to come", "A slow evening"]
    pass_time(timedelta(days=3))
    forget()
    first = raw_rows("consent_invitation")
    forget()
    assert raw_rows("consent_invitation") == first


def test_a_tonight_check_in_keeps_only_who_opened_it_and_when(alex, sam):
    dialogue = services.dialogue_start(actor=alex)
    for user in (alex, sam):
        services.dialogue_answer(
            actor=user, dialogue=dialogue, feels_good="Close", breaks_trust="Hurry", limits="", colour="green"
        )
    Dialogue.objects.update(ends_at=timezone.now() - DAY - timedelta(minutes=1))
    forget()
    (row,) = raw_rows("consent_dialogue")
    assert row["started_by_id"] == alex.pk and row["started_at"] is not None
    assert row["revealed_at"] is None
    assert raw_rows("consent_dialogueanswer") == []


def test_deleting_an_account_takes_all_their_invitations(alex, sam, client_for):
    from evenly.accounts.services import account_delete

    forgotten = send(alex, words="Long ago")
    pass_time(timedelta(days=3))
    forget()
    send(alex, words="Tomorrow")
    to_alex = send(sam, words="From Sam")
    services.invitation_answer(actor=alex, invitation=to_alex, outcome="no")
    account_delete(actor=alex)

    rows = raw_rows("consent_invitation")
    assert alex.pk not in {row["inviter_id"] for row in rows} | {row["invitee_id"] for row in rows}
    assert forgotten.pk not in {row["id"] for row in rows}
    assert rows == []  # Sam's invitation still held Alex's "no", so it went too
    assert raw_rows("consent_cooldown") == []


def test_a_forgotten_invitation_sent_to_someone_who_leaves_stays_their_partners(alex, sam):
    from evenly.accounts.services import account_delete

    send(sam, words="From Sam, long ago")
    pass_time(timedelta(days=3))
    forget()
    account_delete(actor=alex)
    (row,) = raw_rows("consent_invitation")
    assert row["inviter_id"] == sam.pk and row["invitee_id"] is None


ANSWERS = ("yes", "yes_if", "not_now", "no")


def test_the_export_never_holds_the_partners_answer(alex, sam):
    invitations = {outcome: send(alex, words=f"Invitation {outcome}") for outcome in ANSWERS}
    withdrawn = send(alex)
    for outcome, invitation in invitations.items():
        services.invitation_answer(
            actor=sam, invitation=invitation, outcome=outcome, conditions="If slow" if outcome == "yes_if" else ""
        )
    services.invitation_answer(actor=sam, invitation=withdrawn, outcome="yes")
    services.invitation_withdraw(actor=sam, invitation=withdrawn)

    for moment in ("at once", "a day later"):
        sent = export(alex)["invitations_sent"]
        assert isinstance(sent, list) and len(sent) == 5, moment
        for entry in sent:
            assert set(entry) == {
                "catalogue_items",
                "own_words",
                "note",
                "sent_at",
                "from",
                "until",
                "i_withdrew_it",
                "content_forgotten",
            }
            assert entry["i_withdrew_it"] is False
        assert "If slow" not in json.dumps(export(alex))
        pass_time(timedelta(hours=4) + DAY)
        forget()
    # And Sam's own answers leave Sam's export once forgotten.
    assert export(sam)["invitations_answered"] == []


def test_the_invitees_export_holds_their_own_answer_until_it_is_forgotten(alex, sam):
    services.invitation_answer(actor=sam, invitation=send(alex), outcome="yes_if", conditions="If slow")
    services.invitation_withdraw(actor=alex, invitation=send(alex))  # Alex's doing, not Sam's
    assert export(sam)["invitations_answered"] == [{"my_answer": "yes_if", "my_conditions": "If slow"}]


# ---- random sequences ----

HOURS = st.sampled_from([2, 12, 24, 72, 168])
STEPS = st.one_of(
    st.tuples(st.just("invite"), st.booleans()),
    st.tuples(st.just("answer"), st.integers(0, 5), st.sampled_from(ANSWERS)),
    st.tuples(st.just("withdraw"), st.integers(0, 5), st.booleans()),
    st.tuples(st.just("cool-down"), st.booleans(), HOURS),
    st.tuples(
        st.just("time passes"),
        st.sampled_from(
            [timedelta(minutes=30), timedelta(hours=3), timedelta(hours=23, minutes=55), DAY, timedelta(days=3)]
        ),
    ),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(STEPS, min_size=1, max_size=14))
def test_any_sequence_forgets_every_answer_a_day_after_the_end(alex, sam, steps):
    Invitation.objects.all().delete()
    Cooldown.objects.all().delete()
    for user in (alex, sam):
        services.consent_settings_update(actor=user, slower_pace=False, cooldown_hours=24)
    partner = {alex.pk: sam, sam.pk: alex}
    # The test's own clock of when each invitation ended (None: not yet) and each cool-down runs out.
    ended: dict[int, datetime | None] = {}
    cooldown_until: dict[int, datetime] = {}

    def ended_at(pk: int, column: str) -> None:
        if ended.get(pk) is None:
            ended[pk] = Invitation.objects.filter(pk=pk).values_list(column, flat=True).get()

    for step in steps:
        now = timezone.now()
        pks = sorted(ended)
        if step[0] == "invite":
            inviter = alex if step[1] else sam
            try:
                pk = send(inviter).pk
            except ServiceError:
                assert cooldown_until.get(inviter.pk, now) > now  # only a running cool-down holds it back
            else:
                assert cooldown_until.get(inviter.pk, now) <= now
                ended[pk] = None
        elif step[0] == "answer" and pks:
            invitation = Invitation.objects.get(pk=pks[step[1] % len(pks)])
            invitee = partner[invitation.inviter_id]
            try:
                services.invitation_answer(actor=invitee, invitation=invitation, outcome=step[2], conditions="If slow")
            except ServiceError:
                pass
            else:
                if step[2] in ("not_now", "no"):
                    ended_at(invitation.pk, "answered_at")
                    until = Cooldown.objects.get(inviter_id=invitation.inviter_id).until
                    assert until >= cooldown_until.get(invitation.inviter_id, until)
                    cooldown_until[invitation.inviter_id] = until
        elif step[0] == "withdraw" and pks:
            invitation = Invitation.objects.get(pk=pks[step[1] % len(pks)])
            actor = invitation.inviter if step[2] else partner[invitation.inviter_id]
            if services.invitation_withdraw(actor=actor, invitation=invitation).withdrawn_at:
                ended_at(invitation.pk, "withdrawn_at")
        elif step[0] == "cool-down":
            services.consent_settings_update(actor=alex if step[1] else sam, slower_pace=False, cooldown_hours=step[2])
        elif step[0] == "time passes":
            delta = step[1]
            pass_time(delta)
            ended = {pk: (when - delta if when else None) for pk, when in ended.items()}
            cooldown_until = {pk: when - delta for pk, when in cooldown_until.items()}
            forget()

        now = timezone.now()
        rows = {row["id"]: row for row in raw_rows("consent_invitation")}
        for pk, row in rows.items():
            window_end = Invitation.objects.filter(pk=pk).values_list("ends_at", flat=True).get()
            end = min(window_end, ended[pk] or window_end)
            if end + DAY <= now and step[0] == "time passes":
                assert_forgotten(row)
            elif row["outcome"] != "ended":
                # Not yet due: the words are still there.
                assert decrypted("what_words", row["what_words"]) == "A slow evening"
                assert end + DAY > now or step[0] != "time passes"
        cooldowns = {row["inviter_id"]: row for row in raw_rows("consent_cooldown")}
        assert set(cooldowns) <= set(cooldown_until)
        if step[0] == "time passes":
            assert set(cooldowns) == {pk for pk, until in cooldown_until.items() if until > now}


def test_notices_about_a_forgotten_invitation_or_check_in_go_with_it(alex, sam):
    from evenly.core.models import Notification

    services.invitation_answer(actor=sam, invitation=send(alex), outcome="no")  # resolves Sam's notice
    still_live = send(sam)
    dialogue = services.dialogue_start(actor=alex)
    services.dialogue_answer(actor=sam, dialogue=dialogue, feels_good="", breaks_trust="", limits="", colour="green")
    assert Notification.objects.filter(subject__startswith="invitation:").count() == 2
    assert Notification.objects.filter(subject=f"dialogue:{dialogue.pk}").exists()

    forget()
    assert Notification.objects.filter(subject__startswith="invitation:").count() == 2  # not a day yet
    pass_time(DAY + timedelta(minutes=1))
    Dialogue.objects.update(ends_at=timezone.now() - DAY - timedelta(minutes=1))
    forget()
    # The declined one's notice (and the time it went away) is gone; the live one's waits.
    assert list(Notification.objects.filter(subject__startswith="invitation:").values_list("subject", flat=True)) == [
        f"invitation:{still_live.pk}"
    ]
    assert not Notification.objects.filter(subject__startswith="dialogue:").exists()
