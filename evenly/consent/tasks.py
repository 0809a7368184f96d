from __future__ import annotations

from django.core.management import call_command
from django_tasks import task


@task()
def forget_ended_consent() -> None:
    """Scheduled a day after something ends: runs the same sweep as
    `manage.py consent_forget`, which erases everything then due."""
    call_command("consent_forget", verbosity=0)
