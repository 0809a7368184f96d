from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "evenly.core"
    label = "core"
    verbose_name = "Evenly core"
