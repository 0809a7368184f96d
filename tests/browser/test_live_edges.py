"""Edges of a shared space, live: the invitation page moves on by itself when
the partner joins, a check-in stops calmly for the partner who stays when the
other leaves, and a check-in begun by one partner reaches the other's page."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from evenly.checkins import services as checkins
from evenly.couples import services as couples

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume"),
]


def open_live(page, path: str) -> None:
    page.goto(path)
    page.wait_for_selector("body[data-live-state=open]", state="attached")


def test_the_code_invite_page_moves_on_when_the_partner_joins(browsing, make_user):
    alex_user, sam_user = make_user("Alex"), make_user("Sam")
    alex = browsing.page(user=alex_user)
    alex.goto("/couple/")
    alex.get_by_role("button", name="Create and invite").click()
    code = alex.locator(".invite-code").inner_text().strip()
    alex.wait_for_selector("body[data-live-state=open]", state="attached")
    couples.invite_accept(actor=sam_user, typed_code=code)
    alex.get_by_role("heading", name="You and Sam").wait_for(timeout=3000)


def test_a_check_in_begun_reaches_the_partners_open_pages(browsing, alex, sam):
    sam_checkins = browsing.page(user=sam)
    sam_home = browsing.page(user=sam)
    open_live(sam_checkins, "/checkins/")
    open_live(sam_home, "/")
    begun = checkins.checkin_start(actor=alex, mode="two_devices")
    # The check-ins page offers the way in, and home has a notice leading there.
    sam_checkins.get_by_role("link", name="Join the check-in").wait_for(timeout=3000)
    sam_home.get_by_role("link", name="A check-in has begun. Join whenever you're ready.").wait_for(timeout=3000)
    browsing.screenshot(sam_home, "check-in-begun-notice-mobile")
    sam_home.get_by_role("link", name="A check-in has begun. Join whenever you're ready.").click()
    assert sam_home.url.endswith(f"/checkins/{begun.pk}/")
    # Once joined, the notice has gone.
    sam_checkins.goto("/")
    assert sam_checkins.get_by_text("A check-in has begun").count() == 0


def test_a_check_in_stops_calmly_for_the_partner_who_stays(browsing, alex, sam):
    begun = checkins.checkin_start(actor=alex, mode="two_devices")
    page = browsing.page(user=sam)
    open_live(page, f"/checkins/{begun.pk}/")
    couples.couple_leave(actor=alex)
    page.get_by_text("Your shared space has ended.").wait_for(timeout=3000)
    assert urlparse(page.url).path == "/"
    browsing.screenshot(page, "couple-ended-mid-check-in-mobile")
