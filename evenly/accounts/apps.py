from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "evenly.accounts"
    label = "accounts"

    def ready(self) -> None:
        from evenly.accounts import signals
        from evenly.accounts.personal_data import register_foundation

        signals.connect()
        register_foundation()
