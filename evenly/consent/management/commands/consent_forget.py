from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from evenly.consent.forgetting import forget_now


class Command(BaseCommand):
    help = (
        "Forget what is due: the words and answers of consent check-ins, signals and invitations a day after "
        "they end, cool-downs that have run out, who ended or declined an experiment, and who paused once a "
        "pause is over. Safe to run at any time."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        forgotten = forget_now()
        if options.get("verbosity", 1) > 0:
            self.stdout.write(
                f"Forgotten: {forgotten.invitations} invitations, {forgotten.cooldowns} cool-downs, "
                f"{forgotten.dialogues} check-ins, {forgotten.signals} signals, "
                f"{forgotten.experiments} experiments, {forgotten.pauses} pauses."
            )
