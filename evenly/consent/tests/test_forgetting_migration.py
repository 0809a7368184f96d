"""The data migration forgets what a database from before already holds."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("consent", "0001_initial"), ("decisions", "0001_initial"), ("pause", "0001_initial")]
AFTER = [
    ("consent", "0004_drop_answer_columns"),
    ("decisions", "0003_experiment_closed"),
    ("pause", "0002_pauser_forgotten"),
]


def migrate(targets):  # type: ignore[no-untyped-def]
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def raw(sql: str, *params: object) -> list[tuple[object, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, list(params))
        return list(cursor.fetchall())


@pytest.mark.django_db(transaction=True)
def test_the_migration_forgets_old_answers_and_keeps_whats_still_due():
    old = migrate(BEFORE)
    try:
        now = timezone.now()
        long_ago = now - timedelta(days=10)
        user = old.get_model("accounts", "User")
        alex = user.objects.create(username="alex", email="alex@example.com")
        sam = user.objects.create(username="sam", email="sam@example.com")
        couple = old.get_model("couples", "Couple").objects.create()
        invitation = old.get_model("consent", "Invitation").objects
        common = {"couple": couple, "inviter": alex, "invitee": sam, "what_words": "words"}
        declined_long_ago = invitation.create(
            **common,
            starts_at=long_ago,
            ends_at=long_ago + timedelta(hours=3),
            outcome="no",
            answered_at=long_ago,
            erased_at=long_ago + timedelta(days=1),
        )
        withdrawn_long_ago = invitation.create(
            **common,
            starts_at=long_ago,
            ends_at=long_ago + timedelta(hours=3),
            outcome="withdrawn",
            withdrawn_at=long_ago,
            withdrawn_by=sam,
        )
        # Declined an hour ago, with a week's cool-down still running.
        declined_now = invitation.create(
            **common,
            starts_at=now + timedelta(hours=1),
            ends_at=now + timedelta(hours=4),
            outcome="not_now",
            answered_at=now - timedelta(hours=1),
            cooldown_until=now + timedelta(days=6),
        )
        experiment = old.get_model("decisions", "Experiment").objects
        never_ran = experiment.create(
            couple=couple, proposed_by=alex, idea="idea", ends_when="end", then_what="then", status="not_now"
        )
        experiment.filter(pk=never_ran.pk).update(updated_at=long_ago, created_at=long_ago)
        ran = experiment.create(
            couple=couple,
            proposed_by=alex,
            idea="idea",
            ends_when="end",
            then_what="then",
            status="ended",
            started_at=long_ago,
            ended_at=long_ago,
            ended_by=sam,
        )
        pause = old.get_model("pause", "Pause").objects.create(couple=couple, paused_by=sam, lifted_at=long_ago)

        migrate(AFTER)

        rows = dict(
            (pk, rest)
            for pk, *rest in raw(
                "SELECT id, outcome, invitee_id, answered_at, withdrawn_by_id, forgotten FROM consent_invitation"
            )
        )
        for pk in (declined_long_ago.pk, withdrawn_long_ago.pk):
            assert rows[pk][:4] == ["ended", None, None, None] and rows[pk][4]
        assert rows[declined_now.pk][0] == "not_now"  # not a day yet
        (cooldown,) = raw("SELECT inviter_id, until FROM consent_cooldown")
        assert cooldown[0] == alex.pk
        assert raw(
            "SELECT status, ended_by_id, proposed_by_id FROM decisions_experiment WHERE id = %s", never_ran.pk
        ) == [("closed", None, alex.pk)]
        assert raw("SELECT status, ended_by_id FROM decisions_experiment WHERE id = %s", ran.pk) == [("ended", None)]
        assert raw("SELECT paused_by_id FROM pause_pause WHERE id = %s", pause.pk) == [(None,)]
    finally:
        migrate(AFTER)
