"""Static files: WhiteNoise's compressed, fingerprinted storage, with each
file's address worked out once per process. The manifest that maps a name to
its fingerprinted file is fixed while a server runs, and every page asks for
the same handful of files (stylesheet, scripts, icons)."""

from __future__ import annotations

from typing import Any

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFiles(CompressedManifestStaticFilesStorage):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._addresses: dict[str, str] = {}

    def url(self, name: str | None, force: bool = False) -> str:
        if force or name is None:
            return str(super().url(name, force))
        address = self._addresses.get(name)
        if address is None:
            address = self._addresses[name] = str(super().url(name))
        return address
