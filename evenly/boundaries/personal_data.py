"""Export and erase for everything a person put into their boundaries and
curiosity list. Only their own rows; never anything their partner wrote."""

from __future__ import annotations

from evenly.accounts.models import User


def export(user: User) -> dict[str, object]:
    from evenly.boundaries.selectors import personal_export

    return personal_export(user=user)


def erase(user: User) -> None:
    from evenly.boundaries.services import boundaries_erase_for

    boundaries_erase_for(user=user)


def register_all() -> None:
    from evenly.core.personal_data import register

    register(name="boundaries", export=export, erase=erase)
