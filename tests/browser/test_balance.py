"""The balance page in two browsers: the shared view shows only while both
partners have it on, for both at once, and goes for both the moment either
turns it off. Pictures are checked with axe, light and dark, phone and desktop."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from evenly.accounts.models import User
from evenly.balance.models import BalanceSeat
from tests.browser.conftest import ARTIFACTS, DESKTOP, axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume"),
]


def open_live(page, path: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(path)
    page.wait_for_selector("body[data-live-state=open]", state="attached")


def csp_errors(page) -> list[str]:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
    return errors


@pytest.fixture
def demo(settings) -> tuple[User, User]:  # type: ignore[no-untyped-def]
    settings.EVENLY_SEED_ALLOWED = True
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    alex, sam = User.objects.get(email="alex@demo.evenly"), User.objects.get(email="sam@demo.evenly")
    BalanceSeat.objects.filter(user__in=[alex, sam]).update(shares_view=False)
    return alex, sam


def test_it_shows_our_view_to_both_only_while_both_have_it_on(browsing, demo):
    alex_user, sam_user = demo
    alex, sam = browsing.page(user=alex_user), browsing.page(user=sam_user)
    problems = csp_errors(alex) + csp_errors(sam)
    open_live(alex, "/balance/")
    open_live(sam, "/balance/")
    ours = "#ours"
    assert "Our view is off" in sam.locator(ours).inner_text()

    alex.get_by_role("button", name="I'd like to see our view").click()
    alex.get_by_text("Our view appears only once you have both turned it on").wait_for()
    open_live(alex, "/balance/")
    assert alex.get_by_role("table", name="Who started what, last 3 months").count() == 0
    assert "Our view is off" in sam.locator(ours).inner_text()  # Sam's page is told nothing

    sam.get_by_role("button", name="I'd like to see our view").click()
    sam.get_by_role("table", name="Who started what, last 3 months").wait_for()
    # Alex's open page shows it too, without reloading.
    alex.get_by_role("table", name="Who started what, last 3 months").wait_for(timeout=3000)
    browsing.screenshot(alex, "balance-mobile-light")

    sam.get_by_role("button", name="Turn our view off").click()
    sam.get_by_text("Our view is off, for both of you.").wait_for()
    alex.locator(ours).get_by_text("Our view is off.").wait_for(timeout=3000)
    assert alex.get_by_role("table", name="Who started what, last 3 months").count() == 0
    assert alex.get_by_role("button", name="I'd like to see our view").is_visible()
    assert problems == []


def test_it_is_accessible_and_legible_light_and_dark(browsing, demo):
    alex_user, sam_user = demo
    BalanceSeat.objects.filter(user__in=[alex_user, sam_user]).update(shares_view=True)
    problems: list[str] = []
    for scheme in ("light", "dark"):
        for label, viewport in (("mobile", None), ("desktop", DESKTOP)):
            page = browsing.page(user=alex_user, bypass_csp=True, color_scheme=scheme, viewport=viewport)
            page.goto("/balance/?period=12")
            page.get_by_role("table", name="Who started what, last 12 months").wait_for()
            page.locator("#mine details summary").click()
            problems += axe_violations(page, context=f"balance {label} {scheme}")
            browsing.screenshot(page, f"balance-{label}-{scheme}")
            for region in ("mine", "ours"):
                page.locator(f"#{region}").screenshot(path=str(ARTIFACTS / f"balance-{region}-{label}-{scheme}.png"))
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert problems == []
