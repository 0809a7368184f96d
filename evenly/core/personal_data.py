"""One registry of everything a person has put into Evenly.

Every feature that stores data about a person registers it here once, in its
app's `ready()`: an `export` that returns that person's own data as plain,
JSON-ready values, and optionally an `erase` for anything deleting the user
does not already remove by cascade. The data download and account deletion
then cover every feature without knowing about any of them.

An export returns only what the person authored or what is about them alone,
never anything their partner wrote.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ImproperlyConfigured

if TYPE_CHECKING:
    from evenly.accounts.models import User


@dataclass(frozen=True)
class PersonalData:
    name: str
    export: Callable[[User], object]
    erase: Callable[[User], None] | None = None


_registry: dict[str, PersonalData] = {}


def register(
    *,
    name: str,
    export: Callable[[User], object],
    erase: Callable[[User], None] | None = None,
) -> None:
    entry = PersonalData(name=name, export=export, erase=erase)
    existing = _registry.get(name)
    if existing is not None and existing != entry:
        raise ImproperlyConfigured(f"Personal data {name!r} is registered twice.")
    _registry[name] = entry


def registered() -> list[PersonalData]:
    return list(_registry.values())


def export_for(user: User) -> dict[str, object]:
    """Everything registered, keyed by name, in registration order."""
    return {entry.name: entry.export(user) for entry in _registry.values()}


def erase_for(user: User) -> None:
    """Run every erase hook. Called inside the caller's transaction, before the
    user row itself is deleted."""
    for entry in _registry.values():
        if entry.erase is not None:
            entry.erase(user)
