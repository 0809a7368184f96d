from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "evenly.accounts"
    label = "accounts"
