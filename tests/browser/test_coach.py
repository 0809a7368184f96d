"""The wording coach in the browser, on a real form (noting a private moment):
typing a blaming sentence shows a finding beside the box with several complete
reframes that keep what was said; "Use this wording" on the second one puts it
in place of the flagged sentence with the caret at its end, the author edits
it, and the moment saves with the edited text. "Keep my wording" hides the
suggestions. Kind words show nothing, and a text with a finding still saves as
written: the coach never blocks."""

from __future__ import annotations

import re

import pytest

from evenly.checkins.models import Moment
from tests.browser.conftest import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume"),
]

FORM = "/checkins/moments/new/"
BOX = "#id_what_happened"
FINDINGS = "#id_what_happened-coach"
BLAMING = "You make me feel unwanted when you look at your phone."
FLAGGED = "You make me"
SAVED = re.compile(r".*/checkins/moments/\d+/$")
SUGGESTIONS = [
    "I feel unwanted when you look at your phone. What would help me is talking it through together.",
    "I feel unwanted when you look at your phone, and I'd like us to find a way through it. "
    "Could we talk about it when we're both free?",
]


def open_form(page) -> None:
    page.set_default_timeout(15000)  # A shared, busy machine: be patient, not flaky.
    with page.expect_response("**/coach/check/"):  # The box checks itself once on load.
        page.goto(FORM)


def type_and_wait_for_the_coach(page, text: str):
    """Type key by key, as a person would, so the debounced htmx trigger
    (`input changed delay:700ms`) fires once the typing pauses."""
    box = page.locator(BOX)
    box.click()

    def checks_all_of_it(response) -> bool:
        request = response.request
        return response.url.endswith("/coach/check/") and (request.post_data_json or {}).get("what_happened") == text

    with page.expect_response(checks_all_of_it) as answer:
        box.press_sequentially(text)
    page.wait_for_function(  # htmx has swapped the answer in
        "sel => !document.querySelector(sel).matches('.htmx-swapping, .htmx-settling')", arg=FINDINGS
    )
    return answer.value


def selection(page) -> tuple[int, int]:
    start, end = page.evaluate(
        "sel => { const b = document.querySelector(sel); return [b.selectionStart, b.selectionEnd]; }", BOX
    )
    return start, end


def test_it_shows_a_finding_applies_the_suggestion_and_saves_the_reframe(browsing, alex):
    page = browsing.page(user=alex, bypass_csp=True)  # bypass_csp only so axe can be injected
    open_form(page)
    findings = page.locator(FINDINGS)
    assert findings.get_attribute("aria-live") == "polite"
    described_by = page.locator(BOX).get_attribute("aria-describedby").split()
    assert described_by == ["id_what_happened_helptext", "id_what_happened-coach"]  # help text, then the coach

    type_and_wait_for_the_coach(page, BLAMING)

    findings.get_by_text("hands your feeling to them as their fault").wait_for()
    findings.get_by_text("It's only a suggestion: you can send it as it is", exact=False).wait_for()
    shown = findings.locator(".coach-suggestion > span").all_inner_texts()
    assert shown == SUGGESTIONS
    assert "___" not in findings.inner_text()
    second = findings.get_by_role("button", name=f"Use this wording (suggestion 2 of 2) instead of “{FLAGGED}”")
    second.wait_for()
    browsing.screenshot(page, "finding-mobile")
    assert axe_violations(page, context="moment form with several suggestions") == []

    second.click()

    expected = SUGGESTIONS[1]  # the whole flagged sentence gives way to the chosen reframe
    assert page.locator(BOX).input_value() == expected
    assert selection(page) == (len(expected), len(expected))  # nothing selected: the caret waits at the end
    assert page.evaluate("sel => document.activeElement === document.querySelector(sel)", BOX)

    page.keyboard.type(" Tonight would be good.")  # the author makes it their own
    edited = expected + " Tonight would be good."
    assert page.locator(BOX).input_value() == edited
    page.evaluate("window.scrollTo(0, 0)")  # keeps the sticky header at the top of the full-page shot
    browsing.screenshot(page, "applied-mobile")

    # Every other required field has a sensible default (today, "unsure").
    page.get_by_role("button", name="Save privately").click()
    page.wait_for_url(SAVED)
    page.get_by_role("heading", name="A moment").wait_for()
    assert page.locator(".moment-text").inner_text() == edited
    page.get_by_text("Saved. This moment is private to you.").wait_for()
    browsing.screenshot(page, "saved-mobile")
    assert Moment.objects.get(author=alex).what_happened == edited


def test_keep_my_wording_hides_the_suggestions_and_leaves_the_text(browsing, alex):
    page = browsing.page(user=alex)
    open_form(page)
    findings = page.locator(FINDINGS)
    type_and_wait_for_the_coach(page, BLAMING)
    findings.get_by_role("button", name="Keep my wording and hide these suggestions").click()
    assert findings.inner_text().strip() == ""
    assert page.locator(BOX).input_value() == BLAMING
    assert page.evaluate("sel => document.activeElement === document.querySelector(sel)", BOX)


def test_it_stays_quiet_for_kind_words_and_never_blocks_saving(browsing, alex):
    page = browsing.page(user=alex)
    open_form(page)
    findings = page.locator(FINDINGS)

    answer = type_and_wait_for_the_coach(page, "You always make me feel welcome.")
    assert answer.ok
    assert answer.text().strip() == ""
    assert findings.locator(".coach-finding").count() == 0
    assert findings.get_by_role("button", name="Use this wording").count() == 0
    assert findings.inner_text().strip() == ""

    page.locator(BOX).fill("")
    type_and_wait_for_the_coach(page, BLAMING)
    findings.get_by_role("button", name="Use this wording").first.wait_for()

    # Saving as written, without taking the suggestion, is fine.
    page.get_by_role("button", name="Save privately").click()
    page.wait_for_url(SAVED)
    assert page.locator(".moment-text").inner_text() == BLAMING
    assert Moment.objects.get(author=alex).what_happened == BLAMING


def test_the_suggestions_read_well_on_a_wide_screen_in_the_dark(browsing, alex):
    page = browsing.page(user=alex, color_scheme="dark", viewport={"width": 1280, "height": 900}, bypass_csp=True)
    open_form(page)
    type_and_wait_for_the_coach(page, "You always decide what we do on Friday nights.")
    findings = page.locator(FINDINGS)
    findings.get_by_role("button", name="Use this wording").first.wait_for()
    shown = findings.locator(".coach-suggestion > span").all_inner_texts()
    assert shown[0] == (
        "I feel powerless when you decide what we do on Friday nights on your own. "
        "Could we decide what we do on Friday nights together?"
    )
    browsing.screenshot(page, "finding-desktop-dark")
    assert axe_violations(page, context="moment form with suggestions, dark, desktop") == []
