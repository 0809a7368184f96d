from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "evenly.journal"
    label = "journal"

    def ready(self) -> None:
        from evenly.journal import personal_data

        personal_data.register_all()
