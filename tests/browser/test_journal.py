"""The journal in a real browser: an entry with feelings shows in the
patterns; "I need a moment" reaches the partner live as that fact alone;
every new page passes axe, light and dark, at phone width."""

from __future__ import annotations

import time

import pytest

from evenly.journal import services
from evenly.journal.models import Entry, Sharing
from tests.browser.conftest import AXE, DESKTOP, MOBILE, axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume"),
]

WATCH_FOR_MOMENT = """() => { window.__momentAt = new Promise(resolve => {
    const seen = () => document.querySelector("[data-moment-notice]");
    if (seen()) { resolve(Date.now()); return; }
    new MutationObserver((_, observer) => {
        if (seen()) { observer.disconnect(); resolve(Date.now()); }
    }).observe(document.body, {childList: true, subtree: true});
}); }"""


def open_live(page, path: str) -> None:
    page.goto(path)
    page.wait_for_selector("body[data-live-state=open]", state="attached")


def test_an_entry_with_feelings_shows_in_the_patterns(browsing, alex):
    page = browsing.page(user=alex)
    page.goto("/journal/new/")
    page.get_by_label("What's on your mind").fill("A long day.\n\nStill, dinner was easy.")
    page.get_by_label("Find a feeling").fill("tire")
    page.get_by_text("One feeling shown.").wait_for()
    page.get_by_role("checkbox", name="tired").check()
    page.get_by_label("Find a feeling").fill("")
    page.get_by_role("checkbox", name="calm").check()
    page.get_by_label("Feelings in your own words").fill("🌧️")
    page.get_by_role("button", name="Keep it privately").click()
    page.get_by_text("Kept in your journal. Only you can read it.").wait_for()
    assert Entry.objects.get(author=alex).labels == ["calm", "tired", "🌧️"]
    page.get_by_role("link", name="Back to your journal").click()
    page.wait_for_url("**/journal/")
    table = page.get_by_role("table", name="Entries naming each feeling, by month")
    table.get_by_role("rowheader", name="tired").wait_for()
    assert table.get_by_role("rowheader", name="🌧️").is_visible()
    assert page.get_by_role("img", name="Feelings you named most, by month.").is_visible()
    browsing.screenshot(page, "journal-patterns-light-mobile")


def test_the_partner_sees_only_that_a_moment_is_being_taken_live(browsing, partners):
    open_live(partners.alex, "/checkins/")
    open_live(partners.sam, "/checkins/")
    partners.sam.evaluate(WATCH_FOR_MOMENT)
    navigations: list[str] = []
    partners.sam.on("framenavigated", lambda frame: navigations.append(frame.url))

    pressed_at = time.time() * 1000
    partners.alex.get_by_role("button", name="I need a moment").click()
    shown_at = partners.sam.evaluate("() => window.__momentAt")
    assert shown_at - pressed_at < 1000, f"The notice took {shown_at - pressed_at:.0f} ms"
    assert navigations == []
    notice = partners.sam.locator("#moment-notice")
    assert notice.inner_text().strip() == "Alex is taking a moment. Nothing is needed from you."
    assert not partners.sam.locator(".pause-notice").count(), "A moment is not a pause"
    browsing.screenshot(partners.sam, "moment-partner-light-mobile")

    partners.alex.wait_for_url("**/journal/moment/**")
    assert partners.alex.locator(".breathing .breath-circle").is_visible()
    animation = partners.alex.locator(".breath-circle").evaluate("e => getComputedStyle(e).animationName")
    assert animation == "none", "No animation for those who prefer reduced motion"
    partners.alex.get_by_label("If you like, name what you're feeling").fill("wobbly")
    partners.alex.get_by_role("button", name="Keep it in my journal").click()
    partners.alex.get_by_text("Named, and kept in your journal.").wait_for()
    assert "wobbly" not in partners.sam.content()
    browsing.screenshot(partners.alex, "moment-page-light-mobile")

    partners.alex.get_by_role("button", name="I'm ready to go back").click()
    partners.alex.wait_for_url("**/checkins/")
    partners.sam.locator("[data-moment-notice]").wait_for(state="detached", timeout=2000)
    assert navigations == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_new_page_passes_axe(browsing, alex, sam, scheme):
    if not AXE.exists():
        pytest.skip("axe-core not installed: run npm install in the project root")
    entry = services.entry_create(actor=alex, text="Quiet evening.", feelings=["calm", "tired"], own_words=["ignored"])
    services.entry_create(actor=alex, text="", feelings=["anxious"])
    services.tender_topic_add(actor=sam, topic="money", note="It tightens my chest.", sharing=Sharing.DETAILS)
    services.breather_start(actor=alex)
    page = browsing.page(user=alex, color_scheme=scheme, bypass_csp=True)
    problems: list[str] = []
    pages = [
        ("journal", "/journal/"),
        ("entry-new", "/journal/new/"),
        ("entry", f"/journal/{entry.pk}/"),
        ("words", "/journal/words/?q=ignored"),
        ("tender", "/journal/tender/"),
        ("moment", "/journal/moment/"),
        ("resources", "/resources/"),
        ("share", "/resources/relate/share/"),
        ("safety", "/safety/?country=GB"),
    ]
    for label, path in pages:
        page.set_viewport_size(MOBILE)
        page.goto(path)
        problems += axe_violations(page, context=f"{label}, {scheme}")
        browsing.screenshot(page, f"{label}-{scheme}-mobile")
        page.set_viewport_size(DESKTOP)
        problems += axe_violations(page, context=f"{label}, {scheme}, desktop")
        browsing.screenshot(page, f"{label}-{scheme}-desktop")
    page.set_viewport_size(MOBILE)
    page.goto("/safety/?country=GB")
    page.get_by_role("group", name="Do you change what you say or do").get_by_label("Sometimes").check()
    page.get_by_role("button", name="See what might help").click()
    page.get_by_role("heading", name="Thank you for taking a moment for yourself").wait_for()
    problems += axe_violations(page, context=f"safety result, {scheme}")
    browsing.screenshot(page, f"safety-result-{scheme}-mobile")
    assert not problems, "Accessibility violations:\n" + "\n".join(problems)
