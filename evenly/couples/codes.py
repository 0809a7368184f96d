"""Short invite codes, easy to read aloud and type on another phone.

The alphabet leaves out characters people confuse (0/O, 1/I/L), and typing is
forgiving: case, spaces and dashes don't matter.
"""

from __future__ import annotations

import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 8


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def format_code(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


def normalize_code(typed: str) -> str | None:
    """The canonical code for what someone typed, or None if it can't be one."""
    cleaned = "".join(ch for ch in typed.upper() if not ch.isspace() and ch not in "-–—_.")
    if len(cleaned) != LENGTH or any(ch not in ALPHABET for ch in cleaned):
        return None
    return cleaned
