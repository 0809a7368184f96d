"""Boundaries and the curiosity list with two partners in two browsers: only
the overlap is revealed, a hard limit blocks a match, and a stricter shared
boundary reaches the partner's open page live."""

from __future__ import annotations

import pytest

from evenly.boundaries import services
from evenly.boundaries.models import Kind

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume"),
]

HOLDING_HANDS, CUDDLING, KISSING, TICKLING = 101, 102, 103, 110


def mark(page, item_id: int, answer: str) -> None:
    row = page.locator(f"#item-{item_id}")
    row.get_by_role("button", name=answer, exact=True).click()
    row.locator(f'button[aria-pressed="true"]:has-text("{answer}")').wait_for()


def match_titles(page) -> list[str]:
    page.goto("/curious/matches/")
    return page.locator(".match .entry-title").all_inner_texts()


def test_only_the_overlap_appears_for_both_and_a_hard_limit_blocks_a_match(browsing, partners):
    alex, sam = partners.alex, partners.sam
    alex.goto("/curious/?area=touch")
    browsing.screenshot(alex, "curious-mobile")
    mark(alex, HOLDING_HANDS, "Yes")
    mark(alex, CUDDLING, "Curious")
    mark(alex, KISSING, "Yes")
    mark(alex, TICKLING, "Yes")

    sam.goto("/curious/?area=touch")
    mark(sam, HOLDING_HANDS, "Curious")
    mark(sam, CUDDLING, "No")
    mark(sam, KISSING, "Yes")
    # Answers persist across a reload and stay private to each person.
    sam.reload()
    assert sam.locator(f"#item-{CUDDLING} button[aria-pressed=true]").inner_text() == "No"

    both = ["Holding hands", "Kissing"]
    assert match_titles(alex) == both
    assert match_titles(sam) == both
    assert alex.get_by_text("Both keen").count() == 1 and alex.get_by_text("Both curious").count() == 1
    browsing.screenshot(alex, "matches-mobile")

    # Sam marks kissing a hard limit, privately: it disappears for both.
    sam.goto("/boundaries/add/")
    sam.get_by_label("Item from the list").select_option(str(KISSING))
    sam.get_by_label("Hard limit").check()
    browsing.screenshot(sam, "add-hard-limit-mobile")
    sam.get_by_role("button", name="Add to my list").click()
    sam.wait_for_url("**/boundaries/")
    assert sam.get_by_text("Evenly will stop any proposal that touches it").first.is_visible()
    browsing.screenshot(sam, "my-boundaries-mobile")

    assert match_titles(alex) == ["Holding hands"]
    assert match_titles(sam) == ["Holding hands"]
    # Tickling, marked yes only by Alex, never appeared for Sam.
    assert "Tickling" not in sam.content()


def test_a_stricter_shared_boundary_reaches_the_partner_live(browsing, partners, alex, sam):
    boundary = services.boundary_add(actor=sam, kind=Kind.ENJOY, catalogue_item_id=105, share=True)
    page = partners.alex
    page.goto("/boundaries/partner/")
    page.wait_for_selector("body[data-live-state=open]", state="attached")
    entry = page.locator(f"#partner-boundary-{boundary.pk}")
    assert entry.get_by_text("I enjoy this").is_visible()
    navigations = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url))

    partners.sam.goto(f"/boundaries/{boundary.pk}/edit/")
    partners.sam.get_by_label("Hard limit").check()
    partners.sam.get_by_role("button", name="Save").click()
    partners.sam.wait_for_url("**/boundaries/")

    entry.get_by_text("Hard limit").wait_for(timeout=3000)
    assert navigations == [], "The partner's page reloaded instead of refreshing the list"

    entry.get_by_role("button", name="Ask to talk about this").click()
    entry.get_by_text("Added to your next check-in.").wait_for()
    browsing.screenshot(page, "partner-view-mobile")

    partners.sam.goto("/boundaries/")
    partners.sam.get_by_text("On the list of things to talk about at your next check-in.").wait_for()


def test_every_boundaries_page_passes_axe_and_reads_well_on_a_phone(browsing, alex, sam):
    from tests.browser.conftest import AXE, axe_violations

    if not AXE.exists():
        pytest.skip("axe-core not installed: run npm install in the project root")
    shared = services.boundary_add(
        actor=sam, kind=Kind.DEPENDS, catalogue_item_id=304, share=True, when_mood="rested", note="Weekends suit me"
    )
    mine = services.boundary_add(actor=alex, kind=Kind.HARD_LIMIT, catalogue_item_id=110)
    services.boundary_add(actor=alex, kind=Kind.DEPENDS, catalogue_item_id=506, share=True, when_context="at home")
    services.life_event_add(actor=alex, kind="job_stress", note="A busy month")
    services.curiosity_answer_set(actor=alex, catalogue_item_id=101, answer="yes")
    services.curiosity_answer_set(actor=sam, catalogue_item_id=101, answer="yes")
    review = services.review_start(actor=alex)
    problems: list[str] = []
    for scheme in ("light", "dark"):
        page = browsing.page(user=alex, color_scheme=scheme, bypass_csp=True)
        for label, path in [
            ("mine", "/boundaries/"),
            ("add", "/boundaries/add/"),
            ("edit", f"/boundaries/{mine.pk}/edit/"),
            ("remove", f"/boundaries/{mine.pk}/remove/"),
            ("history", "/boundaries/history/"),
            ("partner", "/boundaries/partner/"),
            ("review-start", "/boundaries/review/"),
            ("review-step", f"/boundaries/review/{review.pk}/"),
            ("reminders", "/boundaries/reminders/"),
            ("life-events", "/boundaries/life-events/"),
            ("curious", "/curious/?area=communication"),
            ("matches", "/curious/matches/"),
        ]:
            page.goto(path)
            problems += axe_violations(page, context=f"{label}, {scheme}")
            if scheme == "light":
                browsing.screenshot(page, f"{label}-mobile")
    assert shared.pk and not problems, "Accessibility violations:\n" + "\n".join(problems)


def test_answering_on_the_curiosity_list_keeps_keyboard_focus(browsing, alex, sam):
    page = browsing.page(user=alex)
    page.goto("/curious/?area=touch")
    row = page.locator(f"#item-{CUDDLING}")
    row.get_by_role("button", name="Curious", exact=True).focus()
    page.keyboard.press("Enter")
    row.locator('button[aria-pressed="true"]:has-text("Curious")').wait_for()
    page.wait_for_function("document.activeElement && document.activeElement.textContent.trim() === 'Curious'")
    focused = page.evaluate("document.activeElement.closest('[id^=item-]').id")
    assert focused == f"item-{CUDDLING}"
    # Tab moves on to the next answer in the same row, not back to the top.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('[id^=item-]').id") == f"item-{CUDDLING}"
