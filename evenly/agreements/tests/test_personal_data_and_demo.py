"""Export, erase, the time-up task, and the demo couples' agreements."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from evenly.accounts.models import User
from evenly.agreements import services
from evenly.agreements.models import FollowUp, RepairStatement, Status, Timeout, Version
from evenly.agreements.tasks import timeout_time_up
from evenly.checkins.selectors import agenda_for
from evenly.core.personal_data import erase_for, export_for
from evenly.couples.selectors import couple_context

pytestmark = pytest.mark.django_db


def test_the_export_has_only_what_the_person_wrote(alex, sam):
    services.values_propose(actor=alex, touchstones=[], words="ALEX-VALUES")
    services.repair_add(actor=alex, text="ALEX-REPAIR", share=True)
    services.repair_add(actor=sam, text="SAM-REPAIR", share=True)
    exported = str(export_for(alex)["agreements"])
    assert "ALEX-VALUES" in exported and "ALEX-REPAIR" in exported
    assert "SAM-REPAIR" not in exported


def test_erasing_removes_the_persons_repair_statements_and_words(alex, sam):
    version = services.values_propose(actor=alex, touchstones=[], words="ALEX-VALUES")
    services.repair_add(actor=alex, text="ALEX-REPAIR", share=True)
    services.repair_add(actor=sam, text="SAM-REPAIR", share=True)
    erase_for(alex)
    assert list(RepairStatement.objects.values_list("text", flat=True)) == ["SAM-REPAIR"]
    assert Version.objects.get(pk=version.pk).statement == ""


def test_time_up_tells_both_only_while_the_timeout_runs_at_that_time(
    alex, sam, event_tap, django_capture_on_commit_callbacks
):
    timeout = services.timeout_take(actor=alex)
    event_tap.listen(alex, sam)
    with django_capture_on_commit_callbacks(execute=True):
        timeout_time_up.call(timeout.pause_id, (timeout.ends_at - timedelta(minutes=5)).isoformat())  # moved since
    assert event_tap.received(sam) == []
    with django_capture_on_commit_callbacks(execute=True):
        timeout_time_up.call(timeout.pause_id, timeout.ends_at.isoformat())
    for user in (alex, sam):
        assert [m["event"] for m in event_tap.received(user)] == ["timeout.changed"]


def test_the_demo_couples_have_signed_agreements_and_a_follow_up_on_the_agenda(settings):
    settings.EVENLY_SEED_ALLOWED = True
    call_command("seed_demo", stdout=io.StringIO())
    counts = (Version.objects.count(), RepairStatement.objects.count(), Timeout.objects.count())
    for key in ("alex", "jordan"):
        user = User.objects.get(email=f"{key}@demo.evenly")
        couple_id = couple_context(viewer=user).couple_id
        statuses = set(Version.objects.filter(couple_id=couple_id).values_list("kind", "status"))
        assert statuses == {("values", Status.CURRENT), ("pact", Status.CURRENT)}
        assert [e.kind for e in agenda_for(viewer=user, couple_id=couple_id)].count("follow_up") == 1
        timeout = Timeout.objects.get(pause__couple_id=couple_id)
        assert timeout.pause.lifted_at is not None and timeout.ends_at < timezone.now()
    assert FollowUp.objects.filter(landed_at__isnull=True).count() == 0
    call_command("seed_demo", stdout=io.StringIO())
    assert (Version.objects.count(), RepairStatement.objects.count(), Timeout.objects.count()) == counts
