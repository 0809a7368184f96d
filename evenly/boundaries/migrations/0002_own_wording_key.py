# Own-words entries get a keyed hash of their wording, so the database holds a
# person to one entry per wording (the wording itself is encrypted).

from django.conf import settings
from django.db import migrations, models


def fill_wording_keys(apps, schema_editor):  # type: ignore[no-untyped-def]
    from evenly.boundaries.models import wording_key

    Boundary = apps.get_model("boundaries", "Boundary")
    seen = set()
    for boundary in Boundary.objects.filter(catalogue_item_id__isnull=True).order_by("pk").iterator():
        key = wording_key(author_id=boundary.author_id, wording=boundary.wording)
        if (boundary.author_id, key) in seen:
            continue  # an older duplicate keeps its place; this one stays unkeyed
        seen.add((boundary.author_id, key))
        Boundary.objects.filter(pk=boundary.pk).update(wording_key=key)


class Migration(migrations.Migration):
    dependencies = [
        ("boundaries", "0001_initial"),
        ("couples", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="boundary",
            name="wording_key",
            field=models.CharField(blank=True, default="", editable=False, max_length=64),
        ),
        migrations.RunPython(fill_wording_keys, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="boundary",
            constraint=models.UniqueConstraint(
                condition=models.Q(("catalogue_item_id__isnull", True), models.Q(("wording_key", ""), _negated=True)),
                fields=("author", "wording_key"),
                name="one_entry_per_own_wording",
            ),
        ),
    ]
