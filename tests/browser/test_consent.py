"""Consent with two partners, each in their own browser: tonight's answers
appear for both at once, signals and withdrawals arrive live, and a "not now"
is followed by a kind acknowledgement and a cool-down."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from evenly.consent import services
from evenly.consent.models import Invitation
from evenly.pause.models import Pause
from tests.browser.conftest import DESKTOP, axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume"),
]

WATCH = """selector => {
    window.__consentWatch = new Promise((resolve, reject) => {
        setTimeout(() => reject(new Error("never appeared: " + selector)), 5000);
        const seen = () => document.querySelector(selector);
        if (seen()) { resolve(Date.now()); return; }
        new MutationObserver((_, observer) => {
            if (seen()) { observer.disconnect(); resolve(Date.now()); }
        }).observe(document.body, {childList: true, subtree: true, attributes: true});
    });
}"""


def open_live(page, path: str) -> None:
    page.goto(path)
    page.wait_for_selector("body[data-live-state=open]", state="attached")


def watch(page, selector: str) -> None:
    """Start watching, in the page, for `selector` to appear."""
    page.evaluate(WATCH, selector)


def arrived_at(page) -> float:
    """When the watched element appeared (ms since the epoch, page clock)."""
    return float(page.evaluate("() => window.__consentWatch"))


def arrived_within(page, started_ms: float) -> float:
    return arrived_at(page) - started_ms


def track_navigations(page) -> list[str]:
    navigations: list[str] = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url))
    return navigations


def invitation_from(inviter, words: str = "A slow evening with music") -> Invitation:
    start = timezone.now() + timedelta(hours=1)
    return services.invitation_create(
        actor=inviter, item_ids=[], words=words, note="", starts_at=start, ends_at=start + timedelta(hours=3)
    )


def test_it_reveals_tonights_answers_to_both_at_the_same_moment(browsing, partners):
    alex, sam = partners.alex, partners.sam
    open_live(sam, "/consent/")
    sam_navigations = track_navigations(sam)
    open_live(alex, "/consent/")
    alex.get_by_role("button", name="Open tonight's check-in").click()
    alex.wait_for_url("**/consent/tonight/*/")
    check_in_url = alex.url

    # Sam's open page learns of the check-in without reloading.
    sam.get_by_role("link", name="Answer privately").wait_for(timeout=2000)
    assert sam_navigations == []

    alex.get_by_label("What would feel good tonight?").fill("Being held for a long time")
    alex.get_by_label("What would break your trust tonight?").fill("Being hurried")
    alex.get_by_label("Green").check()
    alex.get_by_role("button", name="Save my answers").click()
    alex.get_by_text("Your answers are in. They'll appear here when you've both answered.").wait_for()
    browsing.screenshot(alex, "tonight-waiting-mobile")
    alex.wait_for_selector("body[data-live-state=open]", state="attached")
    alex_navigations = track_navigations(alex)

    sam.get_by_role("link", name="Answer privately").click()
    sam.wait_for_url(check_in_url)
    assert "Being held" not in sam.content()
    assert "answers are in" not in sam.content()  # no hint that Alex has answered
    browsing.screenshot(sam, "tonight-form-mobile")
    watch(alex, "[data-theirs]")
    sam.get_by_label("What would feel good tonight?").fill("A warm bath first")
    sam.get_by_label("Yellow").check()
    pressed = time.time() * 1000
    sam.get_by_role("button", name="Save my answers").click()

    took = arrived_within(alex, pressed)
    assert took < 1500, f"The reveal took {took:.0f} ms"
    assert alex_navigations == []
    assert "A warm bath first" in alex.locator("[data-theirs]").inner_text()
    sam.locator("[data-theirs]").get_by_text("Being held for a long time").wait_for()
    browsing.screenshot(alex, "tonight-revealed-mobile")


def test_yellow_and_red_reach_the_partner_live(browsing, partners):
    alex, sam = partners.alex, partners.sam
    open_live(sam, "/consent/signal/")
    open_live(alex, "/consent/signal/")
    navigations = track_navigations(sam)

    watch(sam, "#partner-signal [data-colour=yellow]")
    pressed = time.time() * 1000
    alex.get_by_role("button", name="Yellow").click()
    took = arrived_within(sam, pressed)
    assert took < 1000, f"Yellow took {took:.0f} ms"
    assert navigations == []
    assert "Alex would like to slow down." in sam.locator("#partner-signal").inner_text()
    assert sam.locator("#partner-signal").get_attribute("aria-live") == "polite"
    browsing.screenshot(sam, "signal-partner-yellow-mobile")

    # Elsewhere in the app, a calm notice appears instead.
    open_live(sam, "/")
    alex.get_by_role("button", name="Yellow").click()
    sam.locator(".consent-toast").get_by_text("Alex would like to slow down.").wait_for(timeout=2000)
    browsing.screenshot(sam, "signal-notice-home-mobile")
    sam.locator(".consent-toast").get_by_role("button", name="Close").click()
    assert sam.locator(".consent-toast").inner_text().strip() == ""

    watch(sam, ".pause-notice")
    pressed = time.time() * 1000
    alex.get_by_role("button", name="Red").click()
    took = arrived_within(sam, pressed)
    assert took < 1000, f"Red took {took:.0f} ms"
    alex.wait_for_url("**/pause/")
    assert Pause.objects.filter(paused_by__display_name="Alex", lifted_at__isnull=True).exists()
    assert sam.locator(".pause-notice").get_by_role("heading", name="Paused for now").is_visible()


def test_a_declined_invitation_is_acknowledged_and_the_cool_down_holds(browsing, partners):
    alex, sam = partners.alex, partners.sam
    open_live(sam, "/consent/")
    alex.goto("/consent/invitations/new/")
    alex.get_by_label("Or in your own words").fill("A slow dance in the kitchen")
    browsing.screenshot(alex, "invitation-new-mobile")
    alex.get_by_role("button", name="Send the invitation").click()
    alex.wait_for_url("**/consent/invitations/*/")
    alex.wait_for_selector("body[data-live-state=open]", state="attached")

    # A second tab with the invitation form, left open: replayed later.
    replay = browsing.page(user=Invitation.objects.get().inviter)
    replay.goto("/consent/invitations/new/")
    replay.get_by_label("Or in your own words").fill("Another try")

    sam.get_by_role("link", name="A slow dance in the kitchen").wait_for(timeout=2000)
    sam.get_by_role("link", name="A slow dance in the kitchen").click()
    assert "reason" not in sam.locator("form[data-state=open]").inner_text().replace("No reason is needed", "")
    browsing.screenshot(sam, "invitation-answer-mobile")
    watch(alex, "[data-state=declined]")
    sam.get_by_label("Not now").check()
    sam.get_by_role("button", name="Answer").click()
    sam.get_by_text("Thank you for saying so. Nothing more is needed.").wait_for()
    arrived_at(alex)
    assert "Not this time" in alex.locator("#invitation-state").inner_text()
    browsing.screenshot(alex, "invitation-declined-inviter-mobile")

    alex.goto("/consent/")
    assert alex.get_by_text("You can invite again after").is_visible()
    assert alex.get_by_role("link", name="Invite Sam").count() == 0

    # The cool-down started while this was being written: the form comes back
    # with a clear message, and the words typed are still there.
    replay.get_by_role("button", name="Send the invitation").click()
    replay.get_by_text("Your partner asked for a little time before the next invitation").wait_for()
    assert replay.get_by_label("Or in your own words").input_value() == "Another try"
    browsing.screenshot(replay, "invitation-replayed-during-cool-down-mobile")
    assert Invitation.objects.count() == 1


def test_a_withdrawn_yes_reaches_the_partner_within_a_second(browsing, partners, alex, sam):
    invitation = invitation_from(alex)
    open_live(partners.sam, f"/consent/invitations/{invitation.pk}/")
    open_live(partners.alex, f"/consent/invitations/{invitation.pk}/")
    navigations = track_navigations(partners.alex)

    watch(partners.alex, "[data-state=yes]")
    partners.sam.get_by_label("Yes, I'd love to").check()
    partners.sam.get_by_role("button", name="Answer").click()
    partners.sam.get_by_role("button", name="Withdraw my yes").wait_for()
    arrived_at(partners.alex)
    browsing.screenshot(partners.sam, "invitation-yes-invitee-mobile")
    partners.sam.wait_for_selector("body[data-live-state=open]", state="attached")

    watch(partners.alex, "[data-state=withdrawn]")
    pressed = time.time() * 1000
    partners.sam.get_by_role("button", name="Withdraw my yes").click()
    took = arrived_within(partners.alex, pressed)
    assert took < 1000, f"The withdrawal took {took:.0f} ms"
    assert navigations == []
    assert "Sam withdrew this." in partners.alex.locator("#invitation-state").inner_text()
    assert Invitation.objects.get().outcome == "withdrawn"
    browsing.screenshot(partners.alex, "invitation-withdrawn-inviter-mobile")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_consent_pages_have_no_accessibility_problems(browsing, alex, sam, scheme):
    invitation = invitation_from(sam)
    services.signal_set(actor=sam, colour="yellow")
    dialogue = services.dialogue_start(actor=alex)
    problems: list[str] = []
    for viewport, size in (("mobile", None), ("desktop", DESKTOP)):
        page = browsing.page(user=alex, bypass_csp=True, color_scheme=scheme, viewport=size)
        for label, path in [
            ("home", "/consent/"),
            ("signal", "/consent/signal/"),
            ("tonight", f"/consent/tonight/{dialogue.pk}/"),
            ("invite", "/consent/invitations/new/"),
            ("invitation", f"/consent/invitations/{invitation.pk}/"),
            ("pace", "/consent/pace/"),
            ("forgetting", "/consent/forgetting/"),
        ]:
            page.goto(path)
            browsing.screenshot(page, f"{label}-{viewport}-{scheme}")
            problems += axe_violations(page, context=f"{label} {viewport} {scheme}")
    assert problems == [], "\n".join(problems)
