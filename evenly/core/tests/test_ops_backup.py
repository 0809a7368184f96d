from __future__ import annotations

import io
import sqlite3
import stat
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings

sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="backup_db copies SQLite files; this run uses another database"
)


def _backup(**options: str) -> str:
    out = io.StringIO()
    call_command("backup_db", stdout=out, **options)
    return out.getvalue()


@sqlite_only
@pytest.mark.django_db(transaction=True)
def test_it_writes_a_valid_copy_with_the_data(alex_sam, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "copy.sqlite3"
    _backup(output=str(target))
    copy = sqlite3.connect(target)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        emails = {row[0] for row in copy.execute("SELECT email FROM accounts_user")}
        assert {"alex@example.com", "sam@example.com"} <= emails
        assert copy.execute("SELECT COUNT(*) FROM couples_membership").fetchone() == (2,)
    finally:
        copy.close()


@sqlite_only
@pytest.mark.django_db(transaction=True)
def test_it_makes_the_copy_readable_by_its_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite3"
    _backup(output=str(target))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@sqlite_only
@pytest.mark.django_db(transaction=True)
def test_it_names_the_copy_by_time_under_the_data_dir(tmp_path: Path) -> None:
    with override_settings(DATA_DIR=tmp_path):
        output = _backup()
    copies = list((tmp_path / "backups").glob("evenly-*.sqlite3"))
    assert len(copies) == 1
    assert copies[0].name[len("evenly-") : -len(".sqlite3")].replace("-", "").isdigit()
    assert str(copies[0]) in output


@sqlite_only
@pytest.mark.django_db(transaction=True)
def test_it_reminds_to_back_up_the_field_keys(tmp_path: Path) -> None:
    output = _backup(output=str(tmp_path / "copy.sqlite3"))
    assert "field-encryption keys are not in the database" in output


@sqlite_only
@pytest.mark.django_db(transaction=True)
def test_it_never_overwrites_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite3"
    target.write_text("keep me")
    with pytest.raises(CommandError, match="already exists"):
        _backup(output=str(target))
    assert target.read_text() == "keep me"


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (set DATABASE_URL=postgres://...)")
@pytest.mark.django_db
def test_it_points_to_pg_dump_on_postgres(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="pg_dump"):
        _backup(output=str(tmp_path / "copy.sqlite3"))
