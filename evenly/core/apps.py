from __future__ import annotations

from pathlib import Path
from typing import Any

from django.apps import AppConfig
from django.db.backends.signals import connection_created

_tightened: set[str] = set()


def _owner_only_database(sender: Any, connection: Any, **kwargs: Any) -> None:
    """The first connection of a process to a SQLite file makes it (and its -wal
    and -shm) the owner's only, wherever EVENLY_SQLITE_PATH put it."""
    if connection.vendor != "sqlite":
        return
    name = str(connection.settings_dict["NAME"])
    if name in _tightened or name == ":memory:" or name.startswith("file:"):
        return
    from evenly.core.env import owner_only_sqlite

    owner_only_sqlite(Path(name))
    _tightened.add(name)


class CoreConfig(AppConfig):
    name = "evenly.core"
    label = "core"
    verbose_name = "Evenly core"

    def ready(self) -> None:
        connection_created.connect(_owner_only_database, dispatch_uid="evenly-owner-only-database")
