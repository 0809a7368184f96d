"""The server's own defences: owner-only data, keys checked at start, one origin for the socket."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client

from evenly.core.env import new_field_key, owner_only_folder, owner_only_sqlite
from evenly.core.tests.test_realtime import _connect

REPO = Path(__file__).resolve().parents[3]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _manage(*args: str, data_dir: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("EVENLY_", "DJANGO_")) and key not in {"DATABASE_URL", "REDIS_URL"}
    }
    env.update(EVENLY_DATA_DIR=str(data_dir), **extra)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )


def test_it_makes_an_existing_data_folder_the_owners_only(tmp_path: Path) -> None:
    data = tmp_path / "var"
    data.mkdir(mode=0o755)
    os.chmod(data, 0o755)  # noqa: S103 (the loose folder an older version left)
    for name in ("evenly.sqlite3", "evenly.sqlite3-wal", "evenly.sqlite3-shm", "field_keys"):
        (data / name).write_text("")
        os.chmod(data / name, 0o644)
    (data / "field_keys").write_text(new_field_key())

    result = _manage("check", data_dir=data)

    assert result.returncode == 0, result.stderr
    assert _mode(data) == 0o700
    assert {path.name: _mode(path) for path in data.iterdir() if path.is_file()} == {
        "evenly.sqlite3": 0o600,
        "evenly.sqlite3-wal": 0o600,
        "evenly.sqlite3-shm": 0o600,
        "field_keys": 0o600,
        "secret_key": 0o600,
    }


def test_a_fresh_database_and_its_wal_are_the_owners_only(tmp_path: Path) -> None:
    data = tmp_path / "var"
    result = _manage("migrate", "--noinput", data_dir=data)
    assert result.returncode == 0, result.stderr
    database = data / "evenly.sqlite3"
    # Keep a writer open so SQLite's -wal and -shm exist while we look.
    os.umask(old := os.umask(0o022))
    try:
        db = sqlite3.connect(database)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE probe (x)")
        db.execute("INSERT INTO probe VALUES (1)")
        db.commit()
        files = [database, Path(f"{database}-wal"), Path(f"{database}-shm")]
        assert all(path.exists() for path in files)
        assert [_mode(path) for path in files] == [0o600, 0o600, 0o600]
        assert _mode(data) == 0o700
        db.close()
    finally:
        os.umask(old)


def test_a_loose_sqlite_file_is_tightened_with_its_wal(tmp_path: Path) -> None:
    database = tmp_path / "loose.sqlite3"
    db = sqlite3.connect(database)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE probe (x)")
    db.commit()
    for path in tmp_path.iterdir():
        os.chmod(path, 0o644)
    owner_only_sqlite(database)
    assert sorted(_mode(path) for path in tmp_path.iterdir()) == [0o600, 0o600, 0o600]
    db.close()


def test_owner_only_folder_creates_the_folder_closed(tmp_path: Path) -> None:
    owner_only_folder(tmp_path / "new")
    assert _mode(tmp_path / "new") == 0o700


@pytest.mark.django_db
def test_the_suites_own_database_is_the_owners_only() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    assert _mode(Path(connection.settings_dict["NAME"])) == 0o600


@pytest.mark.parametrize("keys", ["not-a-key", f"{new_field_key()},short", ",", "A" * 43])
def test_a_malformed_field_key_refuses_to_start(tmp_path: Path, keys: str) -> None:
    result = _manage("check", data_dir=tmp_path, FIELD_ENCRYPTION_KEYS=keys)
    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS" in result.stderr


def test_a_well_formed_field_key_starts(tmp_path: Path) -> None:
    result = _manage("check", data_dir=tmp_path, FIELD_ENCRYPTION_KEYS=f"{new_field_key()}, {new_field_key()}")
    assert result.returncode == 0, result.stderr


@pytest.mark.django_db
def test_healthz_says_when_the_field_keys_cannot_seal(settings) -> None:  # type: ignore[no-untyped-def]
    settings.FIELD_ENCRYPTION_KEYS = ["not-a-key"]
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["field_keys"] == "failing"


@pytest.mark.django_db
def test_healthz_reports_working_field_keys() -> None:
    assert Client().get("/healthz").json()["field_keys"] == "ok"


def _handshake(origin: str, *, host: str = "127.0.0.1:8000", scheme: str = "ws") -> str:
    reply = _connect(origin.encode(), host=host.encode(), scheme=scheme)
    return f"{reply['type']}:{reply.get('code', '')}"


# An unauthenticated socket that passes the origin check is closed by the
# consumer with 4401; one refused at the door is closed without that code.
PASSED_THE_ORIGIN_CHECK = "websocket.close:4401"


@pytest.mark.parametrize(
    ("origin", "host", "scheme"),
    [
        ("http://127.0.0.1:9999", "127.0.0.1:8000", "ws"),
        ("https://127.0.0.1:8000", "127.0.0.1:8000", "ws"),
        ("http://127.0.0.1", "127.0.0.1:8000", "ws"),
        ("http://localhost:8000", "127.0.0.1:8000", "ws"),
        ("http://127.0.0.1:8000", "127.0.0.1:8000", "wss"),
        ("http://evil.example:8000", "evil.example:8000", "ws"),
        ("null", "127.0.0.1:8000", "ws"),
        ("http://127.0.0.1:8000:1", "127.0.0.1:8000", "ws"),
    ],
)
@pytest.mark.django_db
def test_the_socket_refuses_another_scheme_host_or_port(origin: str, host: str, scheme: str) -> None:
    assert _handshake(origin, host=host, scheme=scheme) != PASSED_THE_ORIGIN_CHECK


@pytest.mark.parametrize(
    ("origin", "host", "scheme"),
    [
        ("http://127.0.0.1:8000", "127.0.0.1:8000", "ws"),
        ("https://localhost", "localhost", "wss"),
        ("https://localhost:443", "localhost", "wss"),
        ("HTTP://LOCALHOST:8000", "localhost:8000", "ws"),
    ],
)
@pytest.mark.django_db
def test_the_socket_accepts_its_own_origin(origin: str, host: str, scheme: str) -> None:
    assert _handshake(origin, host=host, scheme=scheme) == PASSED_THE_ORIGIN_CHECK


@pytest.mark.django_db
def test_the_socket_accepts_a_trusted_origin(settings) -> None:  # type: ignore[no-untyped-def]
    settings.CSRF_TRUSTED_ORIGINS = ["https://evenly.example"]
    settings.ALLOWED_HOSTS = ["evenly.example"]
    assert _handshake("https://evenly.example", host="evenly.example", scheme="ws") == PASSED_THE_ORIGIN_CHECK
    assert _handshake("https://evenly.example:8443", host="evenly.example", scheme="ws") != PASSED_THE_ORIGIN_CHECK
