"""Quick exit swaps Evenly for a neutral page, and Back doesn't bring it back."""

from __future__ import annotations

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume"),
]


def assert_neutral(page) -> None:
    page.wait_for_url("**/list/")
    assert page.title() == "Shopping list"
    assert "Evenly" not in page.content()


def test_it_leaves_by_the_quick_exit_control(browsing, alex):
    page = browsing.page(user=alex)
    page.goto("/")
    page.goto("/couple/")
    page.get_by_role("link", name="Quick exit").click()
    assert_neutral(page)
    page.go_back()
    assert_neutral(page)


def test_it_leaves_when_escape_is_pressed_twice(browsing, alex):
    page = browsing.page(user=alex)
    page.goto("/")
    page.goto("/couple/")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    assert_neutral(page)
    page.go_back()
    assert_neutral(page)


def test_it_skips_to_the_content_with_a_visible_focus(browsing, alex):
    page = browsing.page(user=alex)
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    assert skip.is_visible()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('main') !== null")
    assert focused, "Tab after the skip link should land inside the main content"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"


def test_it_leaves_from_inside_the_partners_pause_notice(browsing, alex, sam):
    from evenly.pause.services import pause_start

    pause_start(actor=alex)
    page = browsing.page(user=sam)
    page.goto("/")
    page.locator(".pause-notice").get_by_role("link", name="Quick exit").click()
    assert_neutral(page)
