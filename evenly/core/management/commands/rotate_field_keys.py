"""Re-seal every encrypted value under the newest key in FIELD_ENCRYPTION_KEYS.

Rotation: put a new key first in FIELD_ENCRYPTION_KEYS (keep the old ones after
it), run this command, then remove the old keys.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from evenly.core.fields import EncryptedTextField, encrypted_fields, field_cipher


class Command(BaseCommand):
    help = "Re-encrypt every encrypted text value under the newest field key."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args: Any, batch_size: int, **options: Any) -> None:
        total = 0
        for field in encrypted_fields():
            count = reencrypt_field(field, batch_size=batch_size)
            total += count
            self.stdout.write(f"{field.model._meta.label}.{field.name}: {count} re-encrypted")
        self.stdout.write(self.style.SUCCESS(f"Done: {total} values now use key {field_cipher().newest_key_id}."))


def reencrypt_field(field: EncryptedTextField, *, batch_size: int = 500) -> int:
    """Re-seal the values of one field that an older key sealed. Returns how many."""
    cipher = field_cipher()
    model = field.model
    table = connection.ops.quote_name(model._meta.db_table)
    column = connection.ops.quote_name(str(field.column))
    pk_column = connection.ops.quote_name(str(model._meta.pk.column))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {pk_column}, {column} FROM {table} WHERE {column} IS NOT NULL")  # noqa: S608
        stale = [pk for pk, token in cursor.fetchall() if not cipher.sealed_with_newest_key(token)]
    for start in range(0, len(stale), batch_size):
        with transaction.atomic():
            for row in model._base_manager.filter(pk__in=stale[start : start + batch_size]).only(field.attname):
                # Reading decrypts with whichever key sealed it; saving seals with the newest.
                model._base_manager.filter(pk=row.pk).update(**{field.attname: getattr(row, field.attname)})
    return len(stale)
