from django.db import migrations


class Migration(migrations.Migration):
    """The cool-down now lives in its own row and `forgotten` carries no time."""

    dependencies = [
        ("consent", "0003_forget_what_is_due"),
    ]

    operations = [
        migrations.RemoveField(model_name="invitation", name="cooldown_until"),
        migrations.RemoveField(model_name="invitation", name="erased_at"),
    ]
