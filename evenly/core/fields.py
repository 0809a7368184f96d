"""A text field whose contents are encrypted at rest (see `evenly.core.crypto`)."""

from __future__ import annotations

from functools import cache
from typing import Any

from django.conf import settings
from django.db import models

from evenly.core.crypto import FieldCipher


@cache
def _cipher_for(keys: tuple[str, ...]) -> FieldCipher:
    return FieldCipher.from_settings_keys(list(keys))


def field_cipher() -> FieldCipher:
    return _cipher_for(tuple(settings.FIELD_ENCRYPTION_KEYS))


class EncryptedTextField(models.TextField):
    """Stores text sealed with AES-GCM. It cannot be searched or filtered on by
    content, on purpose: the database never sees the words."""

    description = "Text encrypted at rest"

    @property
    def encryption_context(self) -> str:
        return f"{self.model._meta.label_lower}.{self.name}"

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        if value is None:
            return None
        return field_cipher().decrypt(value, context=self.encryption_context)

    def get_prep_value(self, value: Any) -> str | None:
        value = super().get_prep_value(value)
        if value is None:
            return None
        return field_cipher().encrypt(str(value), context=self.encryption_context)

    def get_lookup(self, lookup_name: str):  # type: ignore[no-untyped-def]
        if lookup_name != "isnull":
            return None
        return super().get_lookup(lookup_name)


def encrypted_fields() -> list[EncryptedTextField]:
    from django.apps import apps

    return [
        field
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, EncryptedTextField)
    ]
