from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0002_experiment_counter_proposal"),
    ]

    operations = [
        migrations.AlterField(
            model_name="experiment",
            name="status",
            field=models.CharField(
                choices=[
                    ("proposed", "Waiting for a yes"),
                    ("running", "Running"),
                    ("ended", "Ended"),
                    ("not_now", "Not now"),
                    ("withdrawn", "Withdrawn"),
                    ("countered", "Answered with a changed version"),
                    ("closed", "Didn't go ahead"),
                ],
                default="proposed",
                max_length=10,
            ),
        ),
    ]
