from datetime import timedelta

import pytest
from django.utils import timezone

from evenly.core.lifespan import _run_ready_tasks
from evenly.core.models import Notification
from evenly.decisions.models import Round
from evenly.decisions.tests import helpers


@pytest.mark.django_db(transaction=True)
def test_it_reminds_both_partners_on_the_review_date(alex, sam):
    decision = helpers.agreed(alex, sam)
    round_ = Round.objects.get(decision=decision)
    from django_tasks_db.models import DBTaskResult

    # Bring the reminder forward to now, as if the review date had come.
    DBTaskResult.objects.update(run_after=timezone.now() - timedelta(seconds=1))
    _run_ready_tasks()
    assert set(Notification.objects.filter(kind="decision_review").values_list("user_id", flat=True)) == {
        alex.pk,
        sam.pk,
    }
    assert round_.review_on is not None


@pytest.mark.django_db(transaction=True)
def test_it_skips_the_reminder_once_the_couple_has_looked_back(alex, sam):
    from evenly.decisions import services

    decision = helpers.agreed(alex, sam)
    services.review_submit(actor=alex, decision=decision, level=4, next_step="keep")
    services.review_submit(actor=sam, decision=decision, level=4, next_step="keep")
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.update(run_after=timezone.now() - timedelta(seconds=1))
    _run_ready_tasks()
    assert not Notification.objects.filter(kind="decision_review").exists()
