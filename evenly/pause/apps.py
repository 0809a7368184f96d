from django.apps import AppConfig


class PauseConfig(AppConfig):
    name = "evenly.pause"
    label = "pause"
