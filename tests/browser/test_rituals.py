"""Two partners make a ritual together, answer each other's desire log and
send appreciation, each in their own browser, with every change arriving live."""

from __future__ import annotations

import pytest

from evenly.rituals import desires, services
from evenly.rituals.models import Ritual, Status
from tests.browser.conftest import DESKTOP, axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume"),
]
LIVE = 1500  # ms: "within a second", with a little room for a busy machine


def open_live(page, path: str) -> None:
    page.goto(path)
    page.wait_for_selector("body[data-live-state=open]", state="attached")


def test_a_ritual_is_proposed_and_agreed_live(browsing, partners):
    alex, sam = partners.alex, partners.sam
    open_live(sam, "/rituals/")
    alex.goto("/rituals/")
    alex.get_by_role("link", name="Propose a ritual").click()
    alex.get_by_label("A date").check()
    alex.get_by_label("A name the two of you will recognise").fill("Friday walk")
    alex.get_by_label("Every week").check()
    alex.get_by_label("Day of the week").select_option(label="Friday")
    alex.get_by_label("Time of day").fill("18:30")
    alex.get_by_role("button", name="Propose").click()
    alex.get_by_text("It starts once your partner says yes too").first.wait_for()

    # Sam's open page offers the yes without a reload.
    sam.get_by_role("button", name="Yes, let's").wait_for(timeout=LIVE)
    open_live(alex, "/rituals/")
    sam.get_by_role("button", name="Yes, let's").click()
    alex.locator("#rituals").get_by_text("Running").wait_for(timeout=LIVE)
    assert Ritual.objects.get().status == Status.ACTIVE
    assert "Every Friday at 18:30" in alex.content()


def test_a_shared_wish_gets_a_me_too_that_both_see_live(browsing, partners, alex, sam):
    a, s = partners.alex, partners.sam
    open_live(s, "/rituals/desires/")
    a.goto("/rituals/desires/")
    a.get_by_label("Something I'd like").check()
    a.get_by_label("In your own words (optional)").fill("Slow Sunday mornings")
    a.get_by_role("button", name="Add").click()
    assert "Slow Sunday mornings" not in s.content()  # private until shared
    open_live(a, "/rituals/desires/")
    a.get_by_role("button", name="Share with my partner").click()
    s.get_by_text("Slow Sunday mornings").wait_for(timeout=LIVE)
    open_live(a, "/rituals/desires/")
    s.get_by_role("button", name="Me too").click()
    a.get_by_text("You both said yes to this").wait_for(timeout=LIVE)
    s.get_by_text("You both said yes to this").wait_for()


def test_an_appreciation_arrives_live(browsing, partners):
    alex, sam = partners.alex, partners.sam
    open_live(alex, "/rituals/")
    sam.goto("/rituals/")
    sam.get_by_label("A few words for your partner").fill("Thank you for the walk tonight.")
    sam.get_by_role("button", name="Send").click()
    alex.locator("#appreciation-list").get_by_text("Thank you for the walk tonight.").wait_for(timeout=LIVE)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_pages_pass_axe_and_look_right(browsing, alex, sam, scheme):
    ritual = services.ritual_propose(
        actor=sam,
        kind="checkin",
        name="Our monthly talk",
        about="Tea first.",
        frequency="monthly_weekday",
        weekday=1,
        week_of_month=2,
        at=__import__("datetime").time(19, 30),
        starts_on=__import__("django.utils.timezone").utils.timezone.localdate(),
    )
    services.ritual_agree(actor=alex, ritual=ritual)
    services.ritual_propose(
        actor=sam,
        kind="date",
        name="Friday walk",
        about="",
        frequency="monthly_day",
        day_of_month=31,
        at=__import__("datetime").time(18, 0),
        starts_on=__import__("django.utils.timezone").utils.timezone.localdate(),
    )
    services.appreciation_send(actor=sam, text="Thank you for asking how my day really was.")
    entry = desires.desire_add(actor=sam, kind="wish", text="A weekend away", catalogue_item_id=None)
    desires.desire_share(actor=sam, entry=entry)
    entry.refresh_from_db()
    desires.desire_answer(actor=alex, entry=entry, answer="me_too")
    desires.desire_add(actor=alex, kind="enjoyed", text="", catalogue_item_id=102)
    services.feed_turn_on(actor=alex, title="Time together")

    problems: list[str] = []
    for viewport, size in (("mobile", None), ("desktop", DESKTOP)):
        page = browsing.page(user=alex, color_scheme=scheme, viewport=size, bypass_csp=True)
        for label, path in [
            ("rituals", "/rituals/"),
            ("propose", "/rituals/new/"),
            ("desires", "/rituals/desires/"),
            ("home-screen", "/app/home-screen/"),
            ("offline", "/app/offline/"),
            ("wins", "/decisions/wins/"),
        ]:
            page.goto(path)
            problems += axe_violations(page, context=f"{label}, {scheme}, {viewport}")
            browsing.screenshot(page, f"{label}-{viewport}-{scheme}")
        # A proposal with a mistake keeps what was typed and says why.
        page.goto("/rituals/new/")
        page.get_by_label("A date").check()
        page.get_by_label("A name the two of you will recognise").fill("Kept words")
        page.get_by_label("Once a month, on a day of the month").check()
        page.get_by_role("button", name="Propose").click()
        page.get_by_text("Choose a day of the month, from 1 to 31.").wait_for()
        assert page.get_by_label("A name the two of you will recognise").input_value() == "Kept words"
        problems += axe_violations(page, context=f"propose-error, {scheme}, {viewport}")
        browsing.screenshot(page, f"propose-error-{viewport}-{scheme}")
    assert problems == [], "\n".join(problems)
