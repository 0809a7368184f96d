"""Give the demo couple Alex & Sam N years of history (`seed_history --years N`):
weekly check-ins with their private ratings and a moment, signals, monthly
tonight check-ins, invitations, pauses and moments, and twice a year a decision
taken to its look-back, an experiment with its debriefs, a boundary change and
a review. Through the real services, dated back afterwards.

Development only (EVENLY_SEED_ALLOWED), and idempotent: a couple that already
has that much history is left as it is.
"""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from evenly.checkins.models import CheckIn
from evenly.core.history import seed_couple_history
from evenly.couples.selectors import couple_context


class Command(BaseCommand):
    help = "Give the demo couple Alex & Sam N years of history. Development only."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--years", type=int, default=5)

    def handle(self, *args: Any, years: int, **options: Any) -> None:
        if not getattr(settings, "EVENLY_SEED_ALLOWED", False):
            raise CommandError(
                "seed_history is switched off here (EVENLY_SEED_ALLOWED is False, as it always is in production)."
            )
        if not 1 <= years <= 20:
            raise CommandError("Choose between 1 and 20 years.")
        from evenly.core.management.commands.seed_demo import demo_users

        call_command("seed_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
        people = {user.email.split("@")[0]: user for user in demo_users()}
        alex, sam = people["alex"], people["sam"]
        couple = couple_context(viewer=alex).couple
        assert couple is not None  # seed_demo made the couple
        weeks = years * 52
        # History brings one closed check-in a week: that many already there is the mark.
        past = CheckIn.objects.filter(couple=couple, status="closed", started_at__lt=timezone.now() - timedelta(days=6))
        if past.count() >= weeks:
            self.stdout.write(f"Alex & Sam already have {years} years of history. Nothing changed.")
            return
        started = time.monotonic()
        seed_couple_history(alex, sam, weeks=weeks)
        self.stdout.write(
            self.style.SUCCESS(f"Alex & Sam now have {years} years of history ({time.monotonic() - started:.0f} s).")
        )
