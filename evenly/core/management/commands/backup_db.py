"""Copy the embedded SQLite database while the server keeps running.

SQLite's online backup API copies a consistent snapshot page by page, so it is
safe in WAL mode with readers and a writer at work. PostgreSQL has its own
tool for this (pg_dump), which this command points to.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils import timezone

KEYS_REMINDER = (
    "Remember: the field-encryption keys are not in the database. Back up "
    "{keys} separately and keep it apart from the database copy; without the "
    "keys the encrypted text in a backup cannot be read, by anyone."
)


def default_backup_path() -> Path:
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    return Path(settings.DATA_DIR) / "backups" / f"evenly-{stamp}.sqlite3"


def sqlite_backup(*, source: str, target: Path) -> None:
    """Write a consistent copy of `source` to `target`, readable by its owner only."""
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if target.exists():
        raise CommandError(f"{target} already exists; choose another --output.")
    # Create the file with owner-only permissions before any data goes into it.
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    src = sqlite3.connect(source, timeout=30)
    dst = sqlite3.connect(target)
    try:
        with dst:
            src.backup(dst, pages=1024)
        # A single-file copy: leave no -wal beside it.
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()
        src.close()
    os.chmod(target, 0o600)


class Command(BaseCommand):
    help = "Back up the SQLite database online (safe while Evenly runs)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--output", help="Where to write the copy (default: <data dir>/backups/evenly-<time>.sqlite3)."
        )

    def handle(self, *args: Any, output: str | None, **options: Any) -> None:
        connection = connections["default"]
        if connection.vendor != "sqlite":
            raise CommandError(
                f"This database is {connection.vendor}, not SQLite. Back it up with its own tool, for example "
                '`pg_dump --format=custom --file=evenly.dump "$DATABASE_URL"` for PostgreSQL.'
            )
        source = str(connection.settings_dict["NAME"])
        if not Path(source).exists():
            raise CommandError(f"No database at {source} yet. Run `manage.py migrate` first.")
        target = Path(output) if output else default_backup_path()
        sqlite_backup(source=source, target=target)
        self.stdout.write(self.style.SUCCESS(f"Backed up to {target}"))
        keys = (
            "the FIELD_ENCRYPTION_KEYS value"
            if os.environ.get("FIELD_ENCRYPTION_KEYS")
            else str(Path(settings.DATA_DIR) / "field_keys")
        )
        self.stdout.write(KEYS_REMINDER.format(keys=keys))
