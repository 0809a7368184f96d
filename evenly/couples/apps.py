from django.apps import AppConfig


class CouplesConfig(AppConfig):
    name = "evenly.couples"
    label = "couples"
