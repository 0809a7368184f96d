from django.apps import AppConfig


class BoundariesConfig(AppConfig):
    name = "evenly.boundaries"
    label = "boundaries"

    def ready(self) -> None:
        from evenly.boundaries import personal_data

        personal_data.register_all()
