"""Every page speaks the person's own language: nothing shown is left
untranslated, and the Spanish catalogues translate every marked string.

The page walk uses a pseudo-language (tests/translation_check.py) in which
every translated string is wrapped in ⟦…⟧, so any other visible word on a page
is text nobody can translate."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import allauth
import django
import pytest
from django.conf import settings

from evenly.core.history import seed_couple_history
from evenly.core.tests.test_query_budget import PAGES
from tests.translation_check import (
    PSEUDO,
    crawl,
    msgfmt_statistics,
    our_msgids,
    pseudo_language,
    untranslated_text,
)

ROOT = Path(settings.BASE_DIR)
NAMES = {"Alex", "Sam"}
VISITOR_PAGES = [
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/resources/",
    "/safety/",
    "/list/",
]
needs_gettext = pytest.mark.skipif(
    shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt, xgettext) is not installed"
)


def _walk(client, starts: list[str], *, at_least: int) -> tuple[list[str], dict[str, int]]:  # type: ignore[no-untyped-def]
    """Each untranslated text once, as "page: text", and the pages that broke."""
    first_seen: dict[str, str] = {}
    broken: dict[str, int] = {}
    walked = 0
    for address, response in crawl(client, starts):
        walked += 1
        if response.status_code >= 500:
            broken[address] = response.status_code
        elif "html" in response.get("Content-Type", ""):
            for text in untranslated_text(response.content.decode(), names=NAMES):
                first_seen.setdefault(text, address)
    assert walked >= at_least, f"the walk reached only {walked} pages"
    return sorted(f"{address}: {text}" for text, address in first_seen.items()), broken


def _third_party_msgids() -> set[str]:
    import gettext

    ids: set[str] = set()
    for package in (django, allauth):
        for compiled in Path(package.__file__).parent.glob("**/locale/es/LC_MESSAGES/django.mo"):
            with compiled.open("rb") as handle:
                for key in gettext.GNUTranslations(handle)._catalog:  # type: ignore[attr-defined]
                    ids.add(key[0] if isinstance(key, tuple) else key)
    return ids


@pytest.mark.django_db
def test_every_page_a_partner_reaches_is_translated(alex, sam, client_for):  # type: ignore[no-untyped-def]
    with pseudo_language() as pseudo:
        for person in (alex, sam):
            person.language = PSEUDO
            person.save(update_fields=["language"])
        seed_couple_history(alex, sam, weeks=27)  # what they wrote, in their language
        untranslated, broken = _walk(client_for(alex), PAGES, at_least=200)
        asked = set(pseudo.asked)
    assert broken == {}
    assert not untranslated, "Untranslated text:\n" + "\n".join(untranslated)
    missing = {msgid for msgid in asked if msgid} - our_msgids(ROOT) - _third_party_msgids()
    assert not missing, "Not in any Spanish catalogue:\n" + "\n".join(sorted(missing))


@pytest.mark.django_db
def test_every_page_a_visitor_reaches_is_translated(client):  # type: ignore[no-untyped-def]
    with pseudo_language():
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = PSEUDO
        untranslated, broken = _walk(client, VISITOR_PAGES, at_least=len(VISITOR_PAGES))
    assert broken == {}
    assert not untranslated, "Untranslated text:\n" + "\n".join(untranslated)


@needs_gettext
def test_the_spanish_catalogues_hold_every_marked_string(tmp_path):  # type: ignore[no-untyped-def]
    """Gather the strings afresh from a copy of the code (as `make messages`
    does): every one must already be translated, none fuzzy."""
    copy = tmp_path / "evenly-copy"
    ignore = shutil.ignore_patterns("__pycache__", "*.mo", "tests", "migrations", "node_modules", ".venv*")
    shutil.copytree(ROOT / "evenly", copy / "evenly", ignore=ignore)
    shutil.copytree(ROOT / "templates", copy / "templates", ignore=ignore)
    shutil.copytree(ROOT / "static" / "js", copy / "static" / "js", ignore=ignore)
    if (ROOT / "locale").exists():
        shutil.copytree(ROOT / "locale", copy / "locale", ignore=ignore)
    shutil.copy(ROOT / "manage.py", copy / "manage.py")
    completed = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "es", "--no-obsolete", "--verbosity", "0"],
        cwd=copy,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    catalogues = sorted(copy.glob("**/locale/es/LC_MESSAGES/django.po"))
    assert catalogues, "no Spanish catalogue was found"
    incomplete = {}
    for catalogue in catalogues:
        _translated, fuzzy, untranslated = msgfmt_statistics(catalogue)
        if fuzzy or untranslated:
            incomplete[str(catalogue.relative_to(copy))] = {"fuzzy": fuzzy, "untranslated": untranslated}
    assert incomplete == {}


@needs_gettext
def test_every_committed_catalogue_compiles_cleanly() -> None:
    catalogues = [p for p in ROOT.glob("**/locale/es/LC_MESSAGES/*.po") if ".venv" not in p.parts]
    assert catalogues
    for catalogue in catalogues:
        _translated, fuzzy, untranslated = msgfmt_statistics(catalogue)
        assert (fuzzy, untranslated) == (0, 0), catalogue
