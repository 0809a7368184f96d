"""Two people become a couple through the invite code, typed forgivingly."""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_joins_two_partners_by_a_typed_code(browsing, make_user):
    alex_user, sam_user = make_user("Alex"), make_user("Sam")
    alex = browsing.page(user=alex_user)
    sam = browsing.page(user=sam_user)

    alex.goto("/")
    alex.get_by_role("link", name="Create a shared space").click()
    alex.get_by_role("button", name="Create and invite").click()
    code = alex.locator(".invite-code").inner_text().strip()
    assert re.fullmatch(r"[2-9A-Z]{4}-[2-9A-Z]{4}", code)
    browsing.screenshot(alex, "invite-code-mobile")

    typed = f"{code[:4].lower()} {code[5:].lower()}"
    sam.goto("/couple/join/")
    sam.get_by_label("Invitation code").fill(typed)
    sam.get_by_role("button", name="Join").click()
    sam.get_by_role("heading", name="You and Alex").wait_for()

    alex.goto("/couple/")
    alex.get_by_role("heading", name="You and Sam").wait_for()
