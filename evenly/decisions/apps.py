from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    """Deciding together, trying things as joint experiments, and the small
    wins the couple can look back on."""

    name = "evenly.decisions"
    label = "decisions"

    def ready(self) -> None:
        from evenly.core.personal_data import register
        from evenly.decisions import personal_data

        register(name="decisions", export=personal_data.export, erase=personal_data.erase)
