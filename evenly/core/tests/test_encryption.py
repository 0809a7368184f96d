import base64
import os

import pytest
from django.conf import settings
from django.db import connection, models
from django.test.utils import isolate_apps
from hypothesis import given
from hypothesis import strategies as st

from evenly.core.crypto import DecryptionError, FieldCipher
from evenly.core.env import new_field_key
from evenly.core.fields import EncryptedTextField
from evenly.core.management.commands.rotate_field_keys import reencrypt_field

KEY_A = new_field_key()
KEY_B = new_field_key()


@given(st.text(max_size=2000), st.text(min_size=1, max_size=60))
def test_it_round_trips_any_text(plaintext, context):
    cipher = FieldCipher.from_settings_keys([KEY_A])
    assert cipher.decrypt(cipher.encrypt(plaintext, context=context), context=context) == plaintext


@given(st.text(min_size=1, max_size=200))
def test_it_never_shows_the_plaintext_in_the_token(plaintext):
    cipher = FieldCipher.from_settings_keys([KEY_A])
    token = cipher.encrypt(plaintext, context="x.y")
    assert plaintext not in token.split("$", 2)[2] or len(plaintext) < 4


@given(st.text(max_size=100))
def test_it_opens_old_tokens_after_a_new_key_is_added(plaintext):
    old = FieldCipher.from_settings_keys([KEY_A])
    token = old.encrypt(plaintext, context="c")
    rotated = FieldCipher.from_settings_keys([KEY_B, KEY_A])
    assert rotated.decrypt(token, context="c") == plaintext
    assert not rotated.sealed_with_newest_key(token)
    assert rotated.sealed_with_newest_key(rotated.encrypt(plaintext, context="c"))


def test_it_refuses_a_token_moved_to_another_field():
    cipher = FieldCipher.from_settings_keys([KEY_A])
    token = cipher.encrypt("private words", context="notes.note.body")
    with pytest.raises(DecryptionError):
        cipher.decrypt(token, context="notes.note.title")


@given(st.binary(min_size=1, max_size=40))
def test_it_refuses_a_tampered_token(garbage):
    cipher = FieldCipher.from_settings_keys([KEY_A])
    prefix, key_id, _body = cipher.encrypt("hello", context="c").split("$")
    tampered = f"{prefix}${key_id}${base64.urlsafe_b64encode(garbage).decode()}"
    with pytest.raises(DecryptionError):
        cipher.decrypt(tampered, context="c")


def test_it_refuses_a_token_whose_key_was_removed():
    token = FieldCipher.from_settings_keys([KEY_A]).encrypt("x", context="c")
    with pytest.raises(DecryptionError):
        FieldCipher.from_settings_keys([KEY_B]).decrypt(token, context="c")


@pytest.mark.parametrize("bad", ["", "not base64!!", base64.urlsafe_b64encode(b"short").decode()])
def test_it_rejects_bad_keys(bad):
    with pytest.raises(ValueError):
        FieldCipher.from_settings_keys([bad] if bad else [])


# The database side: a throwaway model with an encrypted field, in its own
# table, created and dropped around each test.
@pytest.fixture
def secret_model(transactional_db):
    with isolate_apps("evenly.core"):

        class Secret(models.Model):
            body = EncryptedTextField()

            class Meta:
                app_label = "core"
                db_table = "core_test_secret"

        with connection.schema_editor() as editor:
            editor.create_model(Secret)
        try:
            yield Secret
        finally:
            with connection.schema_editor() as editor:
                editor.delete_model(Secret)


def test_the_raw_database_file_never_contains_a_written_secret(secret_model):
    if connection.vendor != "sqlite":
        pytest.skip("Reads the SQLite file itself; on other databases the SQL test below covers it.")
    secret_model.objects.create(body="we tried the blue room on tuesday")
    path = settings.DATABASES["default"]["TEST"]["NAME"]
    connection.close()
    raw = b""
    for suffix in ("", "-wal"):
        if os.path.exists(path + suffix):
            with open(path + suffix, "rb") as handle:
                raw += handle.read()
    assert raw, "the database file should have been read"
    assert b"blue room" not in raw
    assert secret_model.objects.get().body == "we tried the blue room on tuesday"


def test_sql_sees_only_ciphertext(secret_model):
    secret = secret_model.objects.create(body="a private sentence")
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM core_test_secret WHERE id = %s", [secret.pk])
        (stored,) = cursor.fetchone()
    assert "private" not in stored
    assert stored.startswith("ev1$")
    assert secret_model.objects.get(pk=secret.pk).body == "a private sentence"


def test_rotation_re_encrypts_every_row_under_the_newest_key(secret_model, settings):
    old_keys = list(settings.FIELD_ENCRYPTION_KEYS)
    secret = secret_model.objects.create(body="kept across rotation")
    settings.FIELD_ENCRYPTION_KEYS = [new_field_key(), *old_keys]
    assert reencrypt_field(secret_model._meta.get_field("body")) == 1
    assert reencrypt_field(secret_model._meta.get_field("body")) == 0
    settings.FIELD_ENCRYPTION_KEYS = settings.FIELD_ENCRYPTION_KEYS[:1]  # the old key is now gone
    assert secret_model.objects.get(pk=secret.pk).body == "kept across rotation"


def test_encrypted_text_cannot_be_searched(secret_model):
    with pytest.raises(Exception, match="Unsupported lookup"):
        list(secret_model.objects.filter(body__icontains="x"))


def test_sqlite_is_in_wal_mode(db):
    if connection.vendor != "sqlite":
        pytest.skip("WAL mode is a SQLite setting")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
