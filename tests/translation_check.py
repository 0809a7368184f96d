"""A pseudo-language that shows which text on a page was never translated.

Under the language "xx" every string that goes through Django's gettext (ours,
Django's, allauth's) comes out wrapped as ⟦…⟧. Whatever text a page shows
outside those marks was never marked for translation, so it would stay
English for a Spanish-speaking partner. Every msgid asked for is recorded, so
a test can also check that the Spanish catalogue has it.
"""

from __future__ import annotations

import gettext as gettext_module
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.test.utils import override_settings
from django.utils import translation
from django.utils.translation import trans_real

PSEUDO = "xx"
OPEN, CLOSE = "⟦", "⟧"
CONTEXT_SEPARATOR = "\x04"
MARKED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
WORD = re.compile(r"[^\W\d_]{2,}")
EMAIL = re.compile(r"\S+@\S+")
# Names and words that are the same in every language: the brand, the
# languages' own names on the language switch, people's names.
UNTRANSLATABLE = {"Evenly", "English", "Español", "Pseudo"}


class PseudoTranslation(gettext_module.NullTranslations):
    def __init__(self) -> None:
        super().__init__()
        self.asked: set[str] = set()

    def _mark(self, message: str) -> str:
        self.asked.add(message)
        text = message.split(CONTEXT_SEPARATOR, 1)[-1]
        return f"{OPEN}{text}{CLOSE}"

    def gettext(self, message: str) -> str:
        return self._mark(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self._mark(msgid1 if n == 1 else msgid2)

    def to_language(self) -> str:
        return PSEUDO

    def language(self) -> str:
        return PSEUDO


@contextmanager
def pseudo_language() -> Iterator[PseudoTranslation]:
    """Make "xx" a language people can choose and browsers can ask for."""
    pseudo = PseudoTranslation()
    catalogue = Path(tempfile.mkdtemp(prefix="evenly-xx-"))
    messages = catalogue / PSEUDO / "LC_MESSAGES"
    messages.mkdir(parents=True)
    # An empty compiled catalogue, so Django's own check finds the language.
    (messages / "django.mo").write_bytes(_empty_mo())
    languages = [*settings.LANGUAGES, (PSEUDO, "Pseudo")]
    with override_settings(LANGUAGES=languages, LOCALE_PATHS=[*settings.LOCALE_PATHS, catalogue]):
        _forget_language_caches()
        trans_real._translations[PSEUDO] = pseudo  # type: ignore[attr-defined]
        try:
            yield pseudo
        finally:
            trans_real._translations.pop(PSEUDO, None)  # type: ignore[attr-defined]
            translation.deactivate()
            _forget_language_caches()
            shutil.rmtree(catalogue, ignore_errors=True)


def _forget_language_caches() -> None:
    for cached in (
        "translation_catalog_exists",
        "get_languages",
        "_get_supported_language_variant",
        "all_locale_paths",
    ):
        function = getattr(trans_real, cached, None)
        if hasattr(function, "cache_clear"):
            function.cache_clear()


def _empty_mo() -> bytes:
    # The GNU .mo format with a single (header) entry: magic, revision, count,
    # offsets of the two tables, no hash table.
    import struct

    header = b""
    key_offset = 7 * 4 + 16
    value_offset = key_offset + 1
    return (
        struct.pack("<7I", 0x950412DE, 0, 1, 7 * 4, 7 * 4 + 8, 0, 0)
        + struct.pack("<2I", 0, key_offset)
        + struct.pack("<2I", len(header), value_offset)
        + b"\0"
        + header
        + b"\0"
    )


class _VisibleText(HTMLParser):
    """The text a person can see or hear: text nodes outside scripts and
    styles, and the attributes that are read out or shown."""

    SPOKEN_ATTRIBUTES = {"aria-label", "aria-description", "aria-roledescription", "title", "alt", "placeholder"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self._hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self._hidden_depth += 1
        values = dict(attrs)
        for name, value in attrs:
            if not value:
                continue
            read_by_script = name.startswith("data-") and name.endswith(("-text", "-label", "-message"))
            if name in self.SPOKEN_ATTRIBUTES or read_by_script:
                self.pieces.append(value)
        if tag == "input" and values.get("type") in {"submit", "button", "reset"} and values.get("value"):
            self.pieces.append(values["value"] or "")
        if tag == "meta" and values.get("name") == "description" and values.get("content"):
            self.pieces.append(values["content"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"} and self._hidden_depth:
            self._hidden_depth -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden_depth and data.strip():
            self.pieces.append(data)


def untranslated_text(html: str, *, names: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    """Each piece of visible text that still holds words outside ⟦…⟧."""
    parser = _VisibleText()
    parser.feed(html)
    found = []
    allowed = UNTRANSLATABLE | set(names)
    for piece in parser.pieces:
        rest = piece
        while MARKED.search(rest):
            rest = MARKED.sub(" ", rest)
        rest = EMAIL.sub(" ", rest)
        words = [word for word in WORD.findall(rest) if word not in allowed]
        if words:
            found.append(" ".join(piece.split())[:160])
    return found


LINK = re.compile(r"""(?:href|hx-get|action)="(/[^"#]*)""")
NOT_PAGES = (
    "/static/",
    "/i18n/",
    "/accounts/logout/",
    "/sw.js",
    "/manifest.webmanifest",
    "/healthz",
    "/bench/",
)


def crawl(client: Any, starts: list[str], *, limit: int = 400) -> Iterator[tuple[str, Any]]:
    """Every page reachable by GET from `starts` (one address per path)."""
    seen: set[str] = set()
    queue = list(starts)
    while queue and len(seen) < limit:
        address = queue.pop(0).replace("&amp;", "&")
        path = address.split("?", 1)[0]
        if path in seen or path.startswith(NOT_PAGES):
            continue
        seen.add(path)
        response = client.get(address)
        yield address, response
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            queue.extend(LINK.findall(response.content.decode()))


def our_msgids(root: Path) -> set[str]:
    """Every msgid our own Spanish catalogues translate (compiled .mo files)."""
    ids: set[str] = set()
    for compiled in root.glob("**/locale/es/LC_MESSAGES/*.mo"):
        if ".venv" in compiled.parts or "node_modules" in compiled.parts:
            continue
        with compiled.open("rb") as handle:
            catalogue = gettext_module.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
        for key, value in catalogue.items():
            if not value:
                continue
            ids.add(key[0] if isinstance(key, tuple) else key)
    return ids


def msgfmt_statistics(po_file: Path) -> tuple[int, int, int]:
    """(translated, fuzzy, untranslated) entries, as GNU msgfmt counts them."""
    completed = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise AssertionError(f"{po_file}: {completed.stderr.strip()}")
    counts = dict.fromkeys(("translated", "fuzzy", "untranslated"), 0)
    for number, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", completed.stderr):
        counts[kind] = int(number)
    return counts["translated"], counts["fuzzy"], counts["untranslated"]
