"""A day after an experiment ends, who ended it, declined it or withdrew it is
forgotten; who proposed it, and when, stays. Checked on the raw rows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from evenly.couples.selectors import couple_context
from evenly.decisions import services
from evenly.decisions.models import Experiment
from evenly.decisions.personal_data import export
from evenly.decisions.selectors import experiments_for
from evenly.decisions.tests import helpers

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)


def raw_experiment(pk: int) -> dict[str, object]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM decisions_experiment WHERE id = %s", [pk])
        columns = [column[0] for column in cursor.description]
        return dict(zip(columns, cursor.fetchone(), strict=True))


def decrypted(column: str, raw: object) -> str:
    return str(Experiment._meta.get_field(column).from_db_value(raw, None, connection))  # type: ignore[attr-defined]


def a_day_passes(experiment: Experiment, *, more: timedelta = timedelta(minutes=1)) -> None:
    Experiment.objects.filter(pk=experiment.pk).update(ended_at=timezone.now() - DAY - more)
    call_command("consent_forget", verbosity=0)


@pytest.mark.parametrize("how", ["not now", "a changed version", "withdrawn"])
def test_a_proposal_that_never_ran_keeps_only_who_proposed_it_and_when(alex, sam, client_for, how):
    experiment = helpers.proposed(alex)
    counter = None
    if how == "not now":
        services.experiment_not_now(actor=sam, experiment=experiment)
    elif how == "a changed version":
        counter = services.experiment_counter(
            actor=sam, experiment=experiment, idea="Shorter", ends_when="Either says stop", then_what="Tea"
        )
    else:
        services.experiment_withdraw(actor=alex, experiment=experiment)
    assert raw_experiment(experiment.pk)["ended_at"] is not None

    a_day_passes(experiment, more=-timedelta(minutes=5))  # not quite a day
    assert raw_experiment(experiment.pk)["status"] in ("not_now", "countered", "withdrawn")

    a_day_passes(experiment)
    row = raw_experiment(experiment.pk)
    assert row["status"] == "closed"  # the same for a "not now" and a withdrawal
    assert (row["proposed_by_id"], row["created_at"] is not None) == (alex.pk, True)
    assert row["ended_at"] is None and row["ended_by_id"] is None and row["started_at"] is None
    assert row["updated_at"] == row["created_at"]  # its last change would tell when it was answered
    assert row["catalogue_item_id"] is None
    assert {decrypted(c, row[c]) for c in ("idea", "ends_when", "then_what")} == {""}
    if counter is not None:
        # The changed version stays Sam's own proposal, without saying what it answered.
        kept = raw_experiment(counter.pk)
        assert (kept["proposed_by_id"], kept["counter_of_id"], kept["status"]) == (sam.pk, None, "proposed")
    # Gone from the app for both.
    for user in (alex, sam):
        listed = experiments_for(context=couple_context(viewer=user))
        assert experiment.pk not in {e.pk for group in listed.values() for e in group}
        assert client_for(user).get(f"/decisions/experiments/{experiment.pk}/").status_code == 404


def test_an_experiment_that_ran_forgets_who_ended_it(alex, sam):
    experiment = helpers.running(alex, sam)
    services.experiment_end(actor=sam, experiment=experiment)
    assert raw_experiment(experiment.pk)["ended_by_id"] == sam.pk  # "You ended it", for now
    a_day_passes(experiment)
    row = raw_experiment(experiment.pk)
    assert row["ended_by_id"] is None
    assert (row["status"], row["proposed_by_id"]) == ("ended", alex.pk)
    # Its debrief notes still come after it, for both.
    services.debrief_write(actor=sam, experiment=experiment, worked="a", didnt_work="", surprised="")


def test_forgetting_experiments_is_idempotent(alex, sam):
    services.experiment_not_now(actor=sam, experiment=helpers.proposed(alex))
    experiment = Experiment.objects.get()
    a_day_passes(experiment)
    first = raw_experiment(experiment.pk)
    call_command("consent_forget", verbosity=0)
    assert raw_experiment(experiment.pk) == first


def test_the_proposers_export_never_says_the_partner_said_not_now(alex, sam):
    experiment = helpers.proposed(alex)
    services.experiment_not_now(actor=sam, experiment=experiment)
    (entry,) = export(alex)["experiments_i_proposed"]  # type: ignore[misc]
    assert entry["status"] == "closed" and "not_now" not in str(export(alex))
    a_day_passes(experiment)
    (entry,) = export(alex)["experiments_i_proposed"]  # type: ignore[misc]
    assert entry["status"] == "closed" and entry["proposed_at"]


def test_the_scheduled_sweep_is_queued_a_day_after_an_experiment_ends(alex, sam, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    experiment = helpers.running(alex, sam)
    with django_capture_on_commit_callbacks(execute=True):
        services.experiment_end(actor=alex, experiment=experiment)
    experiment.refresh_from_db()
    scheduled = DBTaskResult.objects.filter(task_path__endswith="forget_ended_consent").latest("enqueued_at")
    assert abs((scheduled.run_after - (experiment.ended_at + DAY)).total_seconds()) < 1
