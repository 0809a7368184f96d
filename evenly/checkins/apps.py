from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "evenly.checkins"
    label = "checkins"

    def ready(self) -> None:
        from evenly.checkins import personal_data

        personal_data.register_all()
