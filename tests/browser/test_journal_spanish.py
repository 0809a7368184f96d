"""The journal in Spanish in a real browser: the feelings filter searches the
Spanish words and counts in Spanish, and an entry keeps its feelings by key."""

from __future__ import annotations

import pytest

from evenly.journal.models import Entry
from tests.cast import speaks_spanish

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume"),
]


def test_a_spanish_entry_with_feelings_found_by_their_spanish_words(browsing, alex):
    page = browsing.page(user=speaks_spanish(alex))
    page.goto("/journal/new/")
    page.get_by_label("Lo que tienes en mente").fill("Un día largo.")
    page.get_by_label("Buscar un sentimiento").fill("cansan")
    page.get_by_text("Se muestra un sentimiento.").wait_for()
    page.get_by_role("checkbox", name="cansancio").check()
    page.get_by_label("Buscar un sentimiento").fill("")
    page.get_by_role("checkbox", name="calma").check()
    page.get_by_role("button", name="Guardarla en privado").click()
    page.get_by_text("Guardado en tu diario. Solo tú puedes leerlo.").wait_for()
    entry = Entry.objects.get(author=alex)
    assert entry.feeling_keys == ["calm", "tired"]
    assert page.locator("html").get_attribute("lang") == "es"
