"""seed_history: years of history through the services, never in production, idempotent."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from evenly.checkins.models import CheckIn, Moment, Rating
from evenly.decisions.models import Decision


def _counts() -> tuple[int, int, int, int]:
    return CheckIn.objects.count(), Rating.objects.count(), Moment.objects.count(), Decision.objects.count()


def test_it_refuses_where_seeding_is_off(db, settings):  # type: ignore[no-untyped-def]
    settings.EVENLY_SEED_ALLOWED = False
    with pytest.raises(CommandError, match="EVENLY_SEED_ALLOWED"):
        call_command("seed_history", years=1)
    assert _counts() == (0, 0, 0, 0)


def test_a_year_of_history_then_nothing_more_when_run_again(db, settings):  # type: ignore[no-untyped-def]
    settings.EVENLY_SEED_ALLOWED = True
    call_command("seed_history", years=1, stdout=open("/dev/null", "w"))  # noqa: SIM115
    once = _counts()
    assert once[0] >= 52 and once[1] >= 104 and once[2] >= 60 and once[3] >= 2
    call_command("seed_history", years=1, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _counts() == once
