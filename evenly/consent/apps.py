from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "evenly.consent"
    label = "consent"

    def ready(self) -> None:
        from evenly.consent import personal_data

        personal_data.register_all()
