from __future__ import annotations

from django.utils.translation import gettext as _

from evenly.accounts.models import User
from evenly.core.errors import ServiceError
from evenly.install.models import AppName, HomeScreen


def home_screen_name_set(*, actor: User, name: str) -> None:
    if name not in AppName.values:
        raise ServiceError(_("Choose one of the names."))
    HomeScreen.objects.update_or_create(user=actor, defaults={"name": name})


def home_screen_name(*, viewer: User | None) -> str:
    if viewer is None or not viewer.is_authenticated:
        return AppName.EVENLY.value
    chosen = HomeScreen.objects.filter(user=viewer).values_list("name", flat=True).first()
    return chosen or AppName.EVENLY.value
