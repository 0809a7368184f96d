from django.apps import AppConfig


class RitualsConfig(AppConfig):
    """Rituals the couple made together, their private calendar feed and
    appreciations at any time."""

    name = "evenly.rituals"
    label = "rituals"

    def ready(self) -> None:
        from evenly.core.personal_data import register
        from evenly.rituals import personal_data

        register(name="rituals", export=personal_data.export, erase=personal_data.erase)
