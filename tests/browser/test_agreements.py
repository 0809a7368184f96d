"""Two partners agree on their values and live through a timeout: each in
their own browser, every change reaching the other without a reload."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from evenly.agreements import services
from evenly.agreements.models import FollowUp, Status, Timeout, Version
from tests.browser.conftest import DESKTOP, MOBILE, axe_violations
from tests.browser.test_pause import WATCH_FOR_NOTICE, open_live

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume"),
]


def test_values_proposed_by_one_are_signed_by_the_other_and_both_see_them_live(browsing, partners):
    alex, sam = partners.alex, partners.sam
    open_live(alex, "/agreements/")
    open_live(sam, "/agreements/")
    sam_navigations: list[str] = []
    sam.on("framenavigated", lambda frame: sam_navigations.append(frame.url))

    alex.get_by_label("Consent:", exact=False).check()
    alex.get_by_label("In your own words").fill("We slow down whenever one of us is unsure.")
    alex.get_by_role("button", name="Propose these values").click()
    alex.get_by_text("Your proposal is with your partner").wait_for()

    proposal = sam.get_by_role("article", name="Your partner’s proposal")
    proposal.wait_for(timeout=2000)
    assert sam_navigations == [], "Sam's page reloaded instead of updating live"
    assert "We slow down whenever one of us is unsure." in proposal.inner_text()
    browsing.screenshot(sam, "values-proposal-mobile")

    open_live(alex, "/agreements/")
    alex_navigations: list[str] = []
    alex.on("framenavigated", lambda frame: alex_navigations.append(frame.url))
    proposal.get_by_role("button", name="I agree to this version").click()
    sam.get_by_text("You've both agreed. This is your current version now.").wait_for()
    alex.get_by_text("Agreed by you both, since").first.wait_for(timeout=2000)
    assert alex_navigations == []
    assert Version.objects.get().status == Status.CURRENT
    current = alex.locator("#values-title + .agreement-current")
    assert "We slow down whenever one of us is unsure." in current.inner_text()
    browsing.screenshot(alex, "values-current-mobile")


def test_a_timeout_reaches_the_partner_a_repair_comes_back_and_the_follow_up_lands_on_the_agenda(
    browsing, partners, alex, sam
):
    pact = services.pact_propose(
        actor=alex,
        timeout_minutes=20,
        during="Separate rooms, water.",
        ending="We meet in the kitchen.",
        follow_up="same_day",
    )
    services.version_sign(actor=sam, version=pact)
    values = services.values_propose(actor=sam, touchstones=[], words="We look after each other.")
    services.version_sign(actor=alex, version=values)
    services.repair_add(actor=sam, text="I'm here when you're ready.", share=False)
    services.repair_add(actor=alex, text="Thank you for waiting for me.", share=False)

    open_live(partners.alex, "/")
    open_live(partners.sam, "/decisions/")
    partners.sam.evaluate(WATCH_FOR_NOTICE)
    pressed_at = time.time() * 1000
    partners.alex.get_by_role("button", name="Timeout").click()
    shown_at = partners.sam.evaluate("() => window.__noticeAt")
    assert shown_at - pressed_at < 1000, f"The notice took {shown_at - pressed_at:.0f} ms"
    notice = partners.sam.locator(".pause-notice")
    assert notice.get_by_text("A timeout, until").is_visible()
    assert notice.get_by_text("We look after each other.").is_visible()
    browsing.screenshot(partners.sam, "timeout-partner-notice-mobile")

    partners.alex.wait_for_url("**/pause/")
    partners.alex.wait_for_selector("body[data-live-state=open]", state="attached")
    notice.get_by_role("button", name="I'm here when you're ready.").click()
    partners.sam.wait_for_url("**/decisions/")  # back where Sam was, the notice still up
    partners.sam.wait_for_selector("body[data-live-state=open]", state="attached")
    received = partners.alex.locator("#pause-companion .received")
    received.wait_for(timeout=2000)
    assert "I'm here when you're ready." in received.inner_text()
    assert partners.sam.locator(".pause-notice").is_visible()  # Sam stays in the calm notice

    # The time is up: both are offered a way on, live.
    from evenly.agreements.tasks import timeout_time_up

    ended = timezone.now() - timedelta(seconds=1)
    Timeout.objects.update(ends_at=ended)
    timeout_time_up.call(Timeout.objects.get().pause_id, ended.isoformat())
    partners.alex.get_by_role("button", name="Come back").wait_for(timeout=2000)
    notice.get_by_role("button", name="Take 20 more minutes").wait_for(timeout=2000)
    browsing.screenshot(partners.alex, "timeout-time-up-mobile")
    partners.alex.get_by_role("button", name="Come back").click()
    notice.wait_for(state="detached", timeout=2000)

    # After the timeout, a repair statement still goes with one tap, and reaches
    # the partner's open page live, wherever they are.
    open_live(partners.alex, "/agreements/")
    partners.alex.get_by_role("button", name="Send to my partner").click()
    partners.alex.get_by_text("Sent to your partner.").wait_for()
    toast = partners.sam.locator(".repair-toast")
    toast.get_by_text("Thank you for waiting for me.").wait_for(timeout=2000)
    browsing.screenshot(partners.sam, "repair-after-timeout-mobile")
    toast.get_by_role("button", name="Close").click()
    partners.sam.wait_for_url("**/decisions/")
    assert "Thank you for waiting for me." not in partners.sam.content()

    follow_up = FollowUp.objects.get()
    assert follow_up.after_timeout and follow_up.landed_at is None
    from evenly.agreements.tasks import follow_up_land

    FollowUp.objects.update(due_at=timezone.now())
    follow_up_land.call(follow_up.pk)
    partners.sam.goto("/checkins/")
    agenda = partners.sam.locator("#agenda")
    for prompt in (
        "What happened, as each of us saw it?",
        "How did it land for each of us?",
        "What would we do differently next time?",
    ):
        assert agenda.get_by_text(prompt).is_visible()
    browsing.screenshot(partners.sam, "follow-up-on-agenda-mobile")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_agreements_pages_pass_axe_light_and_dark(browsing, alex, sam, casey, scheme):
    values = services.values_propose(actor=alex, touchstones=[], words="We take turns leading.")
    services.version_sign(actor=sam, version=values)
    services.values_propose(actor=sam, touchstones=[], words="We always take turns leading, gently.")
    services.version_sign(
        actor=alex,
        version=services.pact_propose(
            actor=sam, timeout_minutes=30, during="A walk.", ending="A cup of tea together.", follow_up="next_day"
        ),
    )
    services.repair_add(actor=alex, text="Can we try that again, more slowly?", share=True)
    services.repair_add(actor=sam, text="I needed a moment, and I'm back.", share=False)
    problems: list[str] = []
    alone = browsing.page(user=casey, bypass_csp=True, color_scheme=scheme)
    alone.goto("/agreements/")
    problems += axe_violations(alone, context=f"agreements without a partner {scheme}")
    for viewport, label in ((MOBILE, "mobile"), (DESKTOP, "desktop")):
        page = browsing.page(user=alex, bypass_csp=True, color_scheme=scheme, viewport=viewport)
        page.goto("/agreements/")
        problems += axe_violations(page, context=f"agreements {label} {scheme}")
        browsing.screenshot(page, f"agreements-{label}-{scheme}")
    services.timeout_take(actor=alex)
    partner = browsing.page(user=sam, bypass_csp=True, color_scheme=scheme)
    partner.goto("/")
    partner.locator(".pause-notice").wait_for()
    problems += axe_violations(partner, context=f"timeout notice {scheme}")
    browsing.screenshot(partner, f"timeout-notice-{scheme}")
    pauser = browsing.page(user=alex, bypass_csp=True, color_scheme=scheme)
    pauser.goto("/pause/")
    problems += axe_violations(pauser, context=f"pause page {scheme}")
    browsing.screenshot(pauser, f"pause-page-{scheme}")
    assert problems == [], "\n".join(problems)
