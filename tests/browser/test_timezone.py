"""Either partner changes the couple's time zone; the other's open page shows
the new zone live, and planned times read in it."""

from __future__ import annotations

import pytest

from evenly.couples.models import Couple

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume"),
]


def open_live(page, path: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(path, timeout=15000)
    page.wait_for_selector("body[data-live-state=open]", state="attached", timeout=15000)


def test_a_new_time_zone_reaches_the_partner_live_and_a_bad_one_keeps_the_words(browsing, partners):  # type: ignore[no-untyped-def]
    open_live(partners.alex, "/couple/")
    open_live(partners.sam, "/couple/")
    field = partners.alex.get_by_label("Time zone", exact=True)
    field.fill("Mars/Olympus")
    partners.alex.get_by_role("button", name="Change time zone").click()
    partners.alex.get_by_text("a time zone we know").wait_for()
    assert partners.alex.get_by_label("Time zone", exact=True).input_value() == "Mars/Olympus"
    assert Couple.objects.get(memberships__user__display_name="Alex").timezone == "UTC"

    partners.alex.get_by_label("Time zone", exact=True).fill("Europe/Berlin")
    partners.alex.get_by_role("button", name="Change time zone").click()
    partners.alex.get_by_text("Times now show in Europe/Berlin.").wait_for()
    partners.sam.locator("#couple-timezone").get_by_text("Times you both see and plan are in Europe/Berlin.").wait_for(
        timeout=3000
    )
    browsing.screenshot(partners.sam, "timezone-partner-mobile")
