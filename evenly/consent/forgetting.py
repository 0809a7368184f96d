"""Evenly's one forgetting schedule, for consent, experiments and pauses.

Every ending schedules the same sweep (`forget_ended_consent`, the task behind
`manage.py consent_forget`) for the moment something becomes due; the sweep
forgets everything due by then, whatever scheduled it. It is idempotent, so
running it twice, late, or by hand from cron changes nothing more.

What is kept afterwards, and nothing else:

- an invitation: that one partner sent it (`inviter`), when (`created_at`),
  and the window it was for. Its words, the answer, any withdrawal and who
  made it, and the invitee are cleared a day after it ends (its window ends,
  it is declined, or it is withdrawn). A cool-down is a separate row that
  says only that it runs, and goes once it has run out.
- a tonight check-in: who opened it and when. Answers, and whether both
  answered, go a day after it ends. Signals go a day after they end.
- an experiment: who proposed it and when. A day after it ends, who ended it
  is cleared; one that never ran (declined, answered with a changed version,
  or withdrawn) keeps no words and no trace of which it was, and a changed
  version no longer points to what it answered.
- a pause (a timeout is a pause with a timer): who paused is kept while it
  runs and until its revisit reminder has gone out; afterwards only that a
  pause happened, from when until when.

Notices about a forgotten invitation or check-in are deleted with it.
Finished runs of the sweep and of revisit reminders are deleted by the next
sweep; a pending one holds only the time it is due, never what or whose.

The sweep takes an app registry so the data migration that forgets what older
databases hold runs exactly this code against its historical models.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.apps import apps as installed_apps
from django.apps.registry import Apps
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

FORGET_AFTER = timedelta(days=1)
# A revisit reminder runs as a task at the chosen time; the pauser is kept a
# little past it, so a worker that is a few minutes late still finds it.
REMINDER_GRACE = timedelta(hours=1)

# Plain strings, not the models' enums: historical models have no enums.
_DECLINES = ("not_now", "no")
_OPEN = "open"
_EXPIRED = "expired"
_ENDED = "ended"
_NEVER_RAN = ("not_now", "countered", "withdrawn")
_CLOSED = "closed"
_RAN = "ended"


def sweep_at(when: datetime) -> None:
    """Schedule the sweep for the moment something becomes due, once the
    caller's transaction commits."""
    from evenly.consent.tasks import forget_ended_consent

    job = forget_ended_consent.using(run_after=when)
    transaction.on_commit(lambda: job.enqueue())


def sweep_after_ending(ended_at: datetime) -> None:
    """Something ended at `ended_at`: forget it a day later."""
    sweep_at(ended_at + FORGET_AFTER)


@dataclass(frozen=True)
class Forgotten:
    invitations: int
    cooldowns: int
    dialogues: int
    signals: int
    experiments: int
    pauses: int


def forget_due(*, now: datetime | None = None, apps: Apps = installed_apps) -> Forgotten:
    """Forget everything due by `now`. Safe to run at any time, any number of times."""
    now = now or timezone.now()
    cutoff = now - FORGET_AFTER
    with transaction.atomic():
        return Forgotten(
            invitations=_forget_invitations(apps, now=now, cutoff=cutoff),
            cooldowns=_forget_cooldowns(apps, now=now),
            dialogues=_forget_dialogues(apps, cutoff=cutoff),
            signals=_forget_signals(apps, cutoff=cutoff),
            experiments=_forget_experiments(apps, cutoff=cutoff),
            pauses=_forget_pauses(apps, now=now),
        )


def forget_now() -> Forgotten:
    """The sweep as the task and `manage.py consent_forget` run it: everything
    due, and then the finished runs of the sweep and of revisit reminders,
    whose times alone would hint at when something was declined or lifted."""
    from django_tasks_db.models import DBTaskResult

    from evenly.consent.tasks import forget_ended_consent
    from evenly.pause.tasks import send_revisit_reminder

    forgotten = forget_due()
    with transaction.atomic():
        _forget_notices()
        paths = [forget_ended_consent.module_path, send_revisit_reminder.module_path]
        DBTaskResult.objects.finished().filter(task_path__in=paths).delete()
    return forgotten


def _forget_notices() -> None:
    """A notice about an invitation or a check-in went to the partner who was
    asked, and went away when they answered: once the thing it was about is
    forgotten, the notice goes too, so its times can't stand in for an answer."""
    from evenly.consent.models import Dialogue, Invitation
    from evenly.core.models import Notification

    still_remembered = {
        "invitation": Invitation.objects.filter(forgotten=False),
        "dialogue": Dialogue.objects.filter(erased_at__isnull=True),
    }
    for prefix, remembered in still_remembered.items():
        notices = Notification.objects.filter(subject__startswith=f"{prefix}:")
        ids = {int(subject.partition(":")[2]) for subject in notices.values_list("subject", flat=True)}
        kept = remembered.filter(pk__in=ids).values_list("pk", flat=True)
        notices.exclude(subject__in=[f"{prefix}:{pk}" for pk in kept]).delete()


def _forget_invitations(apps: Apps, *, now: datetime, cutoff: datetime) -> int:
    invitations = apps.get_model("consent", "Invitation").objects
    invitations.filter(outcome=_OPEN, ends_at__lte=now, forgotten=False).update(outcome=_EXPIRED)
    ended_a_day_ago = (
        Q(ends_at__lte=cutoff) | Q(withdrawn_at__lte=cutoff) | Q(answered_at__lte=cutoff, outcome__in=_DECLINES)
    )
    return invitations.filter(ended_a_day_ago, forgotten=False).update(
        what_items="",
        what_words="",
        note="",
        conditions="",
        outcome=_ENDED,
        invitee=None,
        answered_at=None,
        withdrawn_at=None,
        withdrawn_by=None,
        forgotten=True,
    )


def _forget_cooldowns(apps: Apps, *, now: datetime) -> int:
    deleted, _ = apps.get_model("consent", "Cooldown").objects.filter(until__lte=now).delete()
    return deleted


def _forget_dialogues(apps: Apps, *, cutoff: datetime) -> int:
    dialogues = apps.get_model("consent", "Dialogue").objects
    due = list(dialogues.filter(erased_at__isnull=True, ends_at__lte=cutoff).values_list("pk", flat=True))
    apps.get_model("consent", "DialogueAnswer").objects.filter(dialogue_id__in=due).delete()
    # The erasure time is the end plus a day, whenever the sweep runs.
    return dialogues.filter(pk__in=due).update(revealed_at=None, erased_at=F("ends_at") + FORGET_AFTER)


def _forget_signals(apps: Apps, *, cutoff: datetime) -> int:
    deleted, _ = (
        apps.get_model("consent", "Signal").objects.filter(Q(ended_at__lte=cutoff) | Q(lapses_at__lte=cutoff)).delete()
    )
    return deleted


def _forget_experiments(apps: Apps, *, cutoff: datetime) -> int:
    experiments = apps.get_model("decisions", "Experiment").objects
    due = list(experiments.filter(status__in=_NEVER_RAN, ended_at__lte=cutoff).values_list("pk", flat=True))
    # A changed version stays its proposer's own proposal, but no longer says what it answered.
    experiments.filter(counter_of_id__in=due).update(counter_of=None)
    never_ran = experiments.filter(pk__in=due).update(
        status=_CLOSED,
        idea="",
        ends_when="",
        then_what="",
        catalogue_item_id=None,
        ended_at=None,
        ended_by=None,
        # Its last change was the answer; leave only the proposal's own time.
        updated_at=F("created_at"),
    )
    ran = experiments.filter(status=_RAN, ended_at__lte=cutoff, ended_by__isnull=False).update(ended_by=None)
    return never_ran + ran


def _forget_pauses(apps: Apps, *, now: datetime) -> int:
    reminded = Q(revisit_at__isnull=True) | Q(revisit_at__lte=now - REMINDER_GRACE)
    return (
        apps.get_model("pause", "Pause")
        .objects.filter(reminded, lifted_at__lte=now, paused_by__isnull=False)
        .update(paused_by=None, revisit_choice="undecided", revisit_at=None)
    )
