"""Forget what databases from before the answer was forgotten still hold.

Running cool-downs move to their own rows, experiments that never ran get
the time they stopped (their last change), and then the one forgetting sweep
runs, on the models as they
are at this point, so everything past the schedule is forgotten at once.
"""

from django.db import migrations
from django.db.models import F
from django.utils import timezone

from evenly.consent.forgetting import forget_due


def forget(apps, schema_editor):  # type: ignore[no-untyped-def]
    now = timezone.now()
    Invitation = apps.get_model("consent", "Invitation")
    Cooldown = apps.get_model("consent", "Cooldown")
    running = Invitation.objects.filter(outcome__in=("not_now", "no"), cooldown_until__gt=now)
    for couple_id, inviter_id, until in running.values_list("couple_id", "inviter_id", "cooldown_until"):
        cooldown, created = Cooldown.objects.get_or_create(
            couple_id=couple_id, inviter_id=inviter_id, defaults={"until": until}
        )
        if not created and cooldown.until < until:
            Cooldown.objects.filter(pk=cooldown.pk).update(until=until)
    Invitation.objects.update(cooldown_until=None)
    # Invitations whose words were already erased are past the schedule too:
    # the sweep below forgets their answers with everything else that is due.
    apps.get_model("decisions", "Experiment").objects.filter(
        status__in=("not_now", "countered", "withdrawn"), ended_at__isnull=True
    ).update(ended_at=F("updated_at"))
    forget_due(now=now, apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("consent", "0002_forget_answers"),
        ("decisions", "0003_experiment_closed"),
        ("pause", "0002_pauser_forgotten"),
    ]

    operations = [
        migrations.RunPython(forget, migrations.RunPython.noop),
    ]
