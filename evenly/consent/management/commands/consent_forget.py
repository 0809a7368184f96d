from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from evenly.consent.services import consent_forget_due


class Command(BaseCommand):
    help = "Erase the content of consent check-ins, signals and invitations that ended more than a day ago."

    def handle(self, *args: Any, **options: Any) -> None:
        forgotten = consent_forget_due()
        if options.get("verbosity", 1) > 0:
            self.stdout.write(
                f"Forgotten: {forgotten.invitations} invitations, {forgotten.dialogues} check-ins, "
                f"{forgotten.signals} signals."
            )
