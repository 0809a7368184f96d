from django.apps import AppConfig


class HealingConfig(AppConfig):
    name = "evenly.healing"
    label = "healing"

    def ready(self) -> None:
        from evenly.healing import personal_data

        personal_data.register_all()
