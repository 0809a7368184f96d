from __future__ import annotations

from django.core.management import call_command
from django_tasks import task


@task()
def forget_ended_consent() -> None:
    """Scheduled for the moment something becomes due (see
    `evenly.consent.forgetting`): runs the same sweep as `manage.py
    consent_forget`, which forgets everything then due."""
    call_command("consent_forget", verbosity=0)
