from django.apps import AppConfig


class AgreementsConfig(AppConfig):
    """What the couple holds to (shared values) and how they agreed to handle
    conflict (the pact): co-signed, versioned, and each partner's own repair
    statements."""

    name = "evenly.agreements"
    label = "agreements"

    def ready(self) -> None:
        from evenly.agreements import personal_data
        from evenly.core.personal_data import register

        register(name="agreements", export=personal_data.export, erase=personal_data.erase)
