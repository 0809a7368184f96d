"""Strict helpers for reading configuration from the environment.

Every setting Evenly reads comes through one of these functions, so a typo in
a boolean or a missing production secret fails loudly at start-up instead of
quietly running with a default.
"""

from __future__ import annotations

import base64
import os
import secrets
from collections.abc import Callable
from pathlib import Path

from evenly.core.crypto import decode_key

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class ConfigurationError(RuntimeError):
    pass


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigurationError(f"{name} must be one of {sorted(_TRUE | _FALSE)}, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as error:
        raise ConfigurationError(f"{name} must be a whole number, not {raw!r}") from error


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def new_field_key() -> str:
    """A fresh 256-bit key for the encrypted text field, URL-safe base64."""
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


def local_secret(data_dir: Path, filename: str, make: Callable[[], str]) -> str:
    """Read a secret kept in a file beside the database, creating it once.

    Used only outside production, so that `make run` works on a fresh machine
    while the keys still live outside the database (and outside the repo).
    """
    path = data_dir / filename
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(make())
    return path.read_text().strip()


def owner_only_folder(folder: Path) -> None:
    """Make the data folder and every file directly in it readable by its owner only.

    The folder holds the database (and SQLite's -wal and -shm beside it), the
    field-encryption keys and the secret key. Run at every start, so files made
    by an older version, or by a tool with a looser umask, are tightened too.
    """
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)
    for entry in folder.iterdir():
        if entry.is_file() and not entry.is_symlink():
            os.chmod(entry, 0o600)


def owner_only_sqlite(database: Path) -> None:
    """Tighten one SQLite database and its -wal and -shm files to mode 0600.

    SQLite creates the -wal and -shm files with the database file's own mode,
    so once the database is 0600 the files it makes later are too.
    """
    for path in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
        if path.is_file():
            os.chmod(path, 0o600)


def field_keys_from(raw: str) -> list[str]:
    """The comma-separated FIELD_ENCRYPTION_KEYS, each checked before the server starts.

    A key that does not decode would otherwise start the server and then fail
    every write that holds intimate text.
    """
    keys = [key.strip() for key in raw.split(",") if key.strip()]
    if not keys:
        raise ConfigurationError("FIELD_ENCRYPTION_KEYS is empty: give at least one key.")
    for position, key in enumerate(keys, start=1):
        try:
            decode_key(key)
        except ValueError as error:
            raise ConfigurationError(
                f"FIELD_ENCRYPTION_KEYS: key {position} of {len(keys)} is not 32 bytes of URL-safe base64. "
                "Make a key with: python3 -c 'import base64, secrets; "
                "print(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())'"
            ) from error
    return keys
