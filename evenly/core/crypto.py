"""Authenticated encryption for what partners write.

Each value is sealed with AES-256-GCM under the newest key. The token names
the key it was sealed with, so older keys can still open old rows until
`manage.py rotate_field_keys` has re-sealed them. The model field's label is
bound in as associated data: a ciphertext copied into another column or table
does not open there.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

PREFIX = "ev1"
NONCE_BYTES = 12


class DecryptionError(ValueError):
    pass


def decode_key(key: str) -> bytes:
    try:
        raw = base64.urlsafe_b64decode(key.encode())
    except (binascii.Error, ValueError) as error:
        raise ValueError("A field encryption key must be URL-safe base64") from error
    if len(raw) != 32:
        raise ValueError("A field encryption key must be 32 bytes (256 bits)")
    return raw


def key_id(raw_key: bytes) -> str:
    return hashlib.sha256(b"evenly-field-key:" + raw_key).hexdigest()[:12]


@dataclass(frozen=True)
class FieldCipher:
    keys: tuple[bytes, ...]

    @classmethod
    def from_settings_keys(cls, keys: list[str]) -> FieldCipher:
        if not keys:
            raise ValueError("At least one field encryption key is required")
        return cls(tuple(decode_key(key) for key in keys))

    @property
    def newest_key_id(self) -> str:
        return key_id(self.keys[0])

    def encrypt(self, plaintext: str, *, context: str) -> str:
        nonce = os.urandom(NONCE_BYTES)
        sealed = AESGCM(self.keys[0]).encrypt(nonce, plaintext.encode(), context.encode())
        body = base64.urlsafe_b64encode(nonce + sealed).decode()
        return f"{PREFIX}${self.newest_key_id}${body}"

    def decrypt(self, token: str, *, context: str) -> str:
        prefix, token_key_id, body = _split(token)
        if prefix != PREFIX:
            raise DecryptionError("Unknown ciphertext format")
        for key in self.keys:
            if key_id(key) == token_key_id:
                try:
                    blob = base64.urlsafe_b64decode(body.encode())
                    plain = AESGCM(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], context.encode())
                except (InvalidTag, binascii.Error, ValueError) as error:
                    raise DecryptionError("The ciphertext was altered or is in the wrong place") from error
                return plain.decode()
        raise DecryptionError("No configured key opens this value (was a key removed too early?)")

    def sealed_with_newest_key(self, token: str) -> bool:
        return _split(token)[1] == self.newest_key_id


def _split(token: str) -> tuple[str, str, str]:
    parts = token.split("$", 2)
    if len(parts) != 3:
        raise DecryptionError("Not an Evenly ciphertext")
    return parts[0], parts[1], parts[2]
