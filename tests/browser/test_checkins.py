"""Check-ins in the browser: two devices kept in step live, one device passed
between partners, and a pause that stops it for both and lets it resume."""

from __future__ import annotations

import pytest

from evenly.checkins.models import CheckIn, Rating, Utterance
from tests.browser.conftest import DESKTOP, axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume"),
]


def open_live(page, path: str) -> None:
    page.set_default_timeout(15000)  # A shared, busy machine: be patient, not flaky.
    page.goto(path)
    page.wait_for_selector("body[data-live-state=open]", state="attached")


def heading(page, name: str) -> None:
    # A whole check-in is many round trips between two browsers; on a small,
    # busy machine a step can take longer than the default wait.
    page.get_by_role("heading", name=name).wait_for(timeout=30_000)


def begin(page, mode: str) -> str:
    open_live(page, "/checkins/")
    page.get_by_label(mode).check()
    page.get_by_role("button", name="Begin now").click()
    page.wait_for_url("**/checkins/*/")
    return page.url


def test_it_holds_a_full_check_in_on_two_devices(browsing, partners):
    alex, sam = partners.alex, partners.sam
    url = begin(alex, "Each on our own device")
    alex.wait_for_selector("body[data-live-state=open]", state="attached")
    open_live(sam, url)

    heading(sam, "First, our ground rules")
    sam.get_by_role("button", name="I accept these for today").click()
    sam.get_by_text("The conversation begins once you both have").wait_for()
    alex.get_by_role("button", name="I accept these for today").click()

    # Sam was invited to go first; Alex's page follows without reloading.
    heading(sam, "Sam, your turn to speak")
    heading(alex, "Sam is speaking")
    browsing.screenshot(sam, "speaker-mobile")
    sam.get_by_label("Your piece").fill("I'd like us to take turns choosing what we do on Fridays.")
    sam.get_by_role("button", name="Share my piece").click()

    heading(alex, "Alex, what did you hear?")
    alex.get_by_text("take turns choosing what we do on Fridays").wait_for()
    alex.get_by_label("What you heard").fill("You never get to choose anything.")
    # In a reflection the coach suggests reflective wording, not the writer's own feelings.
    alex.locator("#id_text-coach").get_by_text(
        "What I heard is that this is about getting to choose something", exact=False
    ).wait_for()
    alex.get_by_role("button", name="Send my reflection").click()

    heading(sam, "Sam, did Alex get it?")
    browsing.screenshot(sam, "confirming-mobile")
    sam.get_by_text("Not quite: I'd like to clarify").click()
    sam.get_by_label("What you'd like to add or put differently").fill("Not never: I'd like it to be both of us.")
    sam.get_by_role("button", name="Send my clarification").click()

    heading(alex, "Alex, what did you hear?")
    alex.get_by_label("What you heard").fill("You'd like the choosing to be shared between us.")
    alex.get_by_role("button", name="Send my reflection").click()
    heading(sam, "Sam, did Alex get it?")
    sam.get_by_role("button", name="Yes, that's it").click()

    # Only now do the roles swap.
    heading(alex, "Alex, your turn to speak")
    heading(sam, "Alex is speaking")
    alex.get_by_label("I said it aloud instead").check()
    alex.get_by_role("button", name="Share my piece").click()
    heading(sam, "Sam, what did you hear?")
    sam.get_by_label("What you heard").fill("Fridays feel rushed for you and you want room to rest.")
    sam.get_by_role("button", name="Send my reflection").click()
    heading(alex, "Alex, did Sam get it?")
    alex.get_by_role("button", name="Yes, that's it").click()

    heading(sam, "You've both been heard")
    heading(alex, "You've both been heard")
    sam.get_by_role("button", name="Close the check-in").click()
    heading(sam, "After the check-in")
    heading(alex, "The check-in is closed")
    alex.get_by_role("link", name="Go to the close").click()

    alex.locator("input[name=felt_heard][value='4']").check()
    alex.locator("input[name=equal_say][value='3']").check()
    alex.get_by_role("button", name="Save, privately").click()
    alex.get_by_text("Only you will ever see your own numbers").wait_for()
    alex.get_by_label("Something you appreciated (your partner will see it)").fill("Thank you for saying it gently.")
    alex.get_by_role("button", name="Share the appreciation").click()
    sam.get_by_text("Thank you for saying it gently.").wait_for()  # Live on Sam's closing page.
    sam.get_by_label("A next step").fill("Take turns choosing Friday plans.")
    sam.get_by_role("button", name="Write it down").click()
    alex.get_by_text("Take turns choosing Friday plans.").wait_for()
    browsing.screenshot(alex, "closing-mobile")

    checkin = CheckIn.objects.get()
    assert checkin.status == "closed" and checkin.closed_by.display_name == "Sam"
    assert Utterance.objects.filter(kind="reflection", confirmed=True).count() == 2
    assert list(Rating.objects.values_list("felt_heard", "equal_say")) == [(4, 3)]
    assert "4" not in sam.locator("#closing-shared").inner_text()


def test_it_holds_a_check_in_on_one_device(browsing, alex, sam):
    page = browsing.page(user=alex, bypass_csp=True)
    page.set_default_timeout(15000)
    begin(page, "Together on one device, passing it between us")
    page.get_by_role("button", name="We both accept these for today").click()

    def hand_to(name: str) -> None:
        heading(page, f"Please pass the phone to {name}")
        page.get_by_role("link", name=f"I'm {name} and I have the phone").click()

    hand_to("Sam")
    browsing.screenshot(page, "one-device-speaking-mobile")
    page.get_by_label("Your piece").fill("I'd like more say in how our evenings go.")
    page.get_by_role("button", name="Share my piece").click()
    heading(page, "Please pass the phone to Alex")
    browsing.screenshot(page, "one-device-handoff-mobile")
    assert axe_violations(page, context="handoff") == []
    hand_to("Alex")
    page.get_by_role("button", name="Send my reflection").click()  # Empty: a clear message.
    page.get_by_text("Write what you heard, in your own words").wait_for()
    page.get_by_label("What you heard").fill("You'd like a bigger part in deciding our evenings.")
    page.get_by_role("button", name="Send my reflection").click()
    hand_to("Sam")
    page.get_by_role("button", name="Yes, that's it").click()
    hand_to("Alex")
    page.get_by_label("I said it aloud instead").check()
    page.get_by_role("button", name="Share my piece").click()
    hand_to("Sam")
    page.get_by_label("I said it aloud instead").check()
    page.get_by_role("button", name="Send my reflection").click()
    hand_to("Alex")
    page.get_by_role("button", name="Yes, that's it").click()
    heading(page, "You've both been heard")
    assert axe_violations(page, context="round done") == []
    page.get_by_role("button", name="Close the check-in").click()
    heading(page, "After the check-in")
    page.get_by_text("each of you rates from your own account").wait_for()
    assert axe_violations(page, context="closing") == []

    statements = Utterance.objects.filter(kind="statement").order_by("id")
    assert [u.author_id for u in statements] == [sam.pk, alex.pk]


def test_it_pauses_for_both_mid_check_in_and_resumes_later(browsing, partners):
    alex, sam = partners.alex, partners.sam
    url = begin(alex, "Each on our own device")
    open_live(sam, url)
    sam.get_by_role("button", name="I accept these for today").click()
    alex.get_by_role("button", name="I accept these for today").click()
    heading(sam, "Sam, your turn to speak")
    sam.get_by_label("Your piece").fill("Half-way through a thought")

    alex.get_by_role("button", name="Pause").click()
    alex.wait_for_url("**/pause/")
    sam.locator(".pause-notice").wait_for()
    browsing.screenshot(sam, "paused-partner-mobile")
    # Underneath the notice, a step sent anyway is refused and the words kept.
    status = sam.evaluate(
        """async () => {
            const form = document.querySelector("form.say-form");
            const response = await fetch(form.getAttribute("action"), {method: "POST", body: new FormData(form)});
            return [response.status, await response.text()];
        }"""
    )
    assert status[0] == 409 and "Paused for now" in status[1] and "Half-way through a thought" in status[1]
    assert Utterance.objects.count() == 0

    alex.get_by_role("button", name="I'm ready: lift the pause").click()
    sam.locator(".pause-notice").wait_for(state="detached")
    open_live(alex, "/checkins/")
    alex.get_by_role("link", name="Join the check-in").click()
    heading(alex, "Sam is speaking")
    assert sam.get_by_label("Your piece").input_value() == "Half-way through a thought"
    sam.get_by_role("button", name="Share my piece").click()
    heading(alex, "Alex, what did you hear?")


def test_it_looks_right_on_desktop_in_dark_mode(browsing, alex, sam):
    page = browsing.page(user=alex, viewport=DESKTOP, color_scheme="dark", bypass_csp=True)
    page.set_default_timeout(15000)
    page.goto("/checkins/moments/new/")
    page.get_by_label("What happened").fill("The plan was made before I finished my sentence.")
    page.get_by_label("small").check()
    page.get_by_role("button", name="Save privately").click()
    page.get_by_role("button", name="Add to our check-in agenda").click()
    page.goto("/checkins/")
    browsing.screenshot(page, "index-desktop-dark")
    assert axe_violations(page, context="index") == []
    page.goto("/checkins/moments/new/")
    browsing.screenshot(page, "moment-form-desktop-dark")
    assert axe_violations(page, context="moment form") == []
