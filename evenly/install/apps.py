from django.apps import AppConfig


class InstallConfig(AppConfig):
    """Adding Evenly to a phone's home screen: a manifest served per person,
    icons, and an offline page kept by a tiny service worker."""

    name = "evenly.install"
    label = "install"

    def ready(self) -> None:
        from evenly.core.personal_data import register
        from evenly.install.models import HomeScreen

        register(
            name="home_screen",
            export=lambda user: {"name": getattr(HomeScreen.objects.filter(user=user).first(), "name", "Evenly")},
        )
