from django.apps import AppConfig


class BalanceConfig(AppConfig):
    """Whether both partners really have a say, over time: each partner's own
    numbers, and a shared view both choose to see."""

    name = "evenly.balance"
    label = "balance"

    def ready(self) -> None:
        from evenly.balance import personal_data
        from evenly.core.personal_data import register

        register(name="balance", export=personal_data.export, erase=personal_data.erase)
