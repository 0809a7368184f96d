from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from evenly.consent import services
from evenly.consent.models import Dialogue, DialogueAnswer, Invitation, Outcome, Signal
from evenly.consent.personal_data import export
from evenly.consent.tests.conftest import invitations_seen_by

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)


def travel_invitation(invitation: Invitation, *, ended_ago: timedelta) -> None:
    """Move an invitation's window into the past, as if time had passed."""
    end = timezone.now() - ended_ago
    Invitation.objects.filter(pk=invitation.pk).update(starts_at=end - timedelta(hours=3), ends_at=end)


def raw_column(table: str, column: str, pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return str(cursor.fetchone()[0])


def test_it_erases_an_invitations_words_a_day_after_its_window_ends(alex, sam, invite):
    invitation = invite(alex, items=(105,), words="Our quiet evening", note="Only if you feel like it")
    services.invitation_answer(actor=sam, invitation=invitation, outcome="yes_if", conditions="Lights low")
    travel_invitation(invitation, ended_ago=DAY - timedelta(minutes=5))
    call_command("consent_forget", verbosity=0)
    invitation.refresh_from_db()
    assert invitation.what_words == "Our quiet evening"  # not quite a day yet

    travel_invitation(invitation, ended_ago=DAY + timedelta(minutes=1))
    call_command("consent_forget", verbosity=0)
    invitation.refresh_from_db()
    assert (invitation.what_items, invitation.what_words, invitation.note, invitation.conditions) == ("", "", "", "")
    assert invitation.forgotten
    # Only who sent it, and when, stay for the balance view: not the yes.
    assert (invitation.inviter_id, invitation.outcome, invitation.invitee_id) == (alex.pk, Outcome.ENDED, None)


def test_it_erases_a_declined_invitation_a_day_after_the_answer(alex, sam, invite):
    invitation = invite(alex, words="A walk and a bath")
    services.invitation_answer(actor=sam, invitation=invitation, outcome="no")
    Invitation.objects.update(answered_at=timezone.now() - DAY - timedelta(minutes=1))
    call_command("consent_forget", verbosity=0)
    invitation.refresh_from_db()
    assert invitation.what_words == "" and invitation.outcome == Outcome.ENDED


def test_it_erases_a_withdrawn_invitation_a_day_after_the_withdrawal(alex, sam, invite):
    invitation = services.invitation_withdraw(actor=alex, invitation=invite(alex, words="Dancing at home"))
    Invitation.objects.update(withdrawn_at=timezone.now() - DAY - timedelta(minutes=1))
    call_command("consent_forget", verbosity=0)
    invitation.refresh_from_db()
    assert invitation.what_words == "" and invitation.outcome == Outcome.ENDED and invitation.withdrawn_by is None


def test_an_unanswered_invitation_ends_as_expired(alex, sam, invite):
    invitation = invite(alex)
    travel_invitation(invitation, ended_ago=timedelta(minutes=1))
    call_command("consent_forget", verbosity=0)
    assert Invitation.objects.get().outcome == Outcome.EXPIRED


def test_it_erases_tonights_answers_but_remembers_the_check_in_happened(alex, sam):
    dialogue = services.dialogue_start(actor=alex)
    for user in (alex, sam):
        services.dialogue_answer(
            actor=user, dialogue=dialogue, feels_good="Close", breaks_trust="Hurry", limits="", colour="green"
        )
    Dialogue.objects.update(ends_at=timezone.now() - DAY - timedelta(minutes=1))
    call_command("consent_forget", verbosity=0)
    assert not DialogueAnswer.objects.exists()
    kept = Dialogue.objects.get()
    assert kept.started_by == alex and kept.erased_at is not None
    assert kept.revealed_at is None  # whether both answered is an answer too


def test_it_forgets_signals_a_day_after_they_end(alex, sam):
    services.signal_set(actor=alex, colour="yellow")
    services.signal_set(actor=alex, colour="green")
    Signal.objects.filter(colour="yellow").update(ended_at=timezone.now() - DAY - timedelta(minutes=1))
    Signal.objects.filter(colour="green").update(lapses_at=timezone.now() - DAY - timedelta(minutes=1))
    call_command("consent_forget", verbosity=0)
    assert not Signal.objects.exists()


def test_it_keeps_whats_still_current(alex, sam, invite):
    invite(alex, words="Tomorrow, slowly")
    services.signal_set(actor=sam, colour="green")
    call_command("consent_forget", verbosity=0)
    assert Invitation.objects.get().what_words == "Tomorrow, slowly"
    assert Signal.objects.count() == 1


def test_words_are_encrypted_at_rest(alex, sam, invite):
    invitation = invite(alex, words="Something tender", note="A private note")
    assert "tender" not in raw_column("consent_invitation", "what_words", invitation.pk)
    assert "private" not in raw_column("consent_invitation", "note", invitation.pk)


def test_the_export_holds_only_what_still_exists(alex, sam, invite):
    invitation = invite(alex, words="A picnic")
    travel_invitation(invitation, ended_ago=DAY * 2)
    call_command("consent_forget", verbosity=0)
    sent = export(alex)["invitations_sent"]
    assert sent[0]["own_words"] == "" and sent[0]["content_forgotten"] is True
    assert "A picnic" not in str(export(alex))


def test_the_export_never_holds_the_partners_words(alex, sam, invite):
    invitation = invite(alex, words="Alex's words", note="Alex's note")
    services.invitation_answer(actor=sam, invitation=invitation, outcome="yes_if", conditions="Sam's condition")
    exported = str(export(sam))
    assert "Alex's" not in exported and "Sam's condition" in exported


def test_forgotten_invitations_are_no_longer_reachable(alex, sam, invite, client_for):
    invitation = invite(alex)
    travel_invitation(invitation, ended_ago=DAY * 2)
    call_command("consent_forget", verbosity=0)
    assert client_for(alex).get(f"/consent/invitations/{invitation.pk}/").status_code == 404
    assert invitations_seen_by(alex).from_me == []


@pytest.mark.django_db(transaction=True)
def test_the_scheduled_task_forgets_a_day_after_the_end(alex, sam, invite):
    from django_tasks_db.models import DBTaskResult

    from evenly.core.lifespan import _run_ready_tasks

    invitation = invite(alex, words="Stargazing")
    scheduled = DBTaskResult.objects.filter(task_path__endswith="forget_ended_consent")
    assert scheduled.count() == 1
    assert abs((scheduled.get().run_after - (invitation.ends_at + DAY)).total_seconds()) < 1
    travel_invitation(invitation, ended_ago=DAY * 2)
    scheduled.update(run_after=timezone.now() - timedelta(seconds=1))
    _run_ready_tasks()
    invitation.refresh_from_db()
    assert invitation.what_words == "" and invitation.forgotten


def test_an_ended_check_in_is_never_shown_again(alex, sam, client_for):
    dialogue = services.dialogue_start(actor=alex)
    Dialogue.objects.update(ends_at=timezone.now() - timedelta(minutes=1))
    for user in (alex, sam):
        assert client_for(user).get(f"/consent/tonight/{dialogue.pk}/").status_code == 404


def test_the_data_download_includes_consent(alex, sam, invite):
    from evenly.core.personal_data import export_for

    invite(alex, words="Breakfast in bed")
    assert export_for(alex)["consent"]["invitations_sent"][0]["own_words"] == "Breakfast in bed"


@pytest.mark.django_db(transaction=True)
def test_finished_runs_of_the_sweep_leave_no_trace_of_when_things_ended(alex, sam, invite):
    from django_tasks_db.models import DBTaskResult

    from evenly.core.lifespan import _run_ready_tasks

    services.invitation_answer(actor=sam, invitation=invite(alex), outcome="no")
    DBTaskResult.objects.update(run_after=timezone.now() - timedelta(seconds=1))
    _run_ready_tasks()
    # Every run has finished; the last one's own row goes with the next sweep.
    call_command("consent_forget", verbosity=0)
    assert not DBTaskResult.objects.filter(task_path__endswith="forget_ended_consent").exists()
