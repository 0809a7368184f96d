"""Two partners decide something together, and try an experiment with a way
out agreed in advance: each in their own browser."""

from __future__ import annotations

import pytest

from evenly.decisions.models import Decision, Experiment, ExperimentStatus, Stage
from tests.browser.conftest import DESKTOP, axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume"),
]


def open_live(page, path: str) -> None:
    page.goto(path)
    page.wait_for_selector("body[data-live-state=open]", state="attached")


def test_it_takes_a_decision_from_views_to_a_co_signed_trial(browsing, partners):
    alex, sam = partners.alex, partners.sam
    alex.goto("/decisions/")
    alex.get_by_role("link", name="Start a decision").click()
    alex.get_by_label("What would you like to decide together?").fill("How we plan our weekends")
    alex.get_by_role("button", name="Start").click()
    url = alex.url
    alex.get_by_role("textbox", name="Your view").fill("I'd like one slow morning with no plans.")
    alex.get_by_role("button", name="Save my view").click()
    alex.get_by_text("Your view is saved").wait_for()

    open_live(sam, url)
    assert "slow morning" not in sam.content()  # not until both are written
    browsing.screenshot(sam, "decision-views-mobile")
    open_live(alex, url)
    sam.get_by_role("textbox", name="Your view").fill("I'd like to plan one thing together each weekend.")
    sam.get_by_role("button", name="Save my view").click()
    sam.get_by_role("heading", name="Your two views").wait_for()
    # The reveal reaches Alex's open page at the same moment, without a click.
    alex.get_by_role("heading", name="Your two views").wait_for(timeout=3000)
    assert "plan one thing together" in alex.content()
    assert not alex.get_by_role("link", name="Show the latest").is_visible()

    alex.get_by_label("Your partner's view, in your own words").fill("You'd like one shared plan each weekend.")
    alex.get_by_role("button", name="Share my summary").click()
    sam.reload()
    sam.get_by_role("button", name="Yes, that's what I meant").click()
    sam.get_by_label("Your partner's view, in your own words").fill("You'd like a morning without plans.")
    sam.get_by_role("button", name="Share my summary").click()
    alex.reload()
    alex.get_by_text("Not quite: add a note").click()
    alex.get_by_label("What would make it right?").fill("And that it's slow, not rushed.")
    alex.get_by_role("button", name="Send my note").click()
    sam.reload()
    sam.get_by_text("And that it's slow, not rushed.").wait_for()
    sam.get_by_label("Your partner's view, in your own words").fill("You'd like a slow, unhurried morning.")
    sam.get_by_role("button", name="Share my summary").click()
    alex.reload()
    alex.get_by_role("button", name="Yes, that's what I meant").click()
    alex.get_by_role("heading", name="Options").wait_for()

    alex.get_by_label("An option").fill("Saturday slow, Sunday planned")
    alex.get_by_label("This is a compromise between our views").check()
    alex.get_by_role("button", name="Add this option").click()
    # Each add is a page load: wait for it before touching the page again.
    alex.locator("fieldset.option").filter(has_text="Saturday slow, Sunday planned").wait_for()
    alex.get_by_label("An option").fill("Both days planned")
    alex.get_by_role("button", name="Add this option").click()
    alex.locator("fieldset.option").filter(has_text="Both days planned").wait_for()
    for page, levels in ((alex, ("I love it", "I'd rather not")), (sam, ("I like it", "I can't live with it"))):
        page.reload()
        fieldsets = page.locator("fieldset.option")
        for index, label in enumerate(levels):
            fieldsets.nth(index).get_by_label(label, exact=True).check()
        if page is alex:
            browsing.screenshot(page, "decision-rating-mobile")
        page.get_by_role("button", name="I've rated them all").click()
    sam.get_by_role("heading", name="The fairest option").wait_for()
    assert "neither of you rated it below" in sam.content()
    assert "Saturday slow, Sunday planned" in sam.locator(".suggestion").inner_text()
    browsing.screenshot(sam, "decision-suggestion-mobile")

    sam.get_by_role("button", name="Sign").click()
    sam.get_by_text("You've signed").first.wait_for()
    alex.reload()
    alex.get_by_text("Sam has signed these terms").wait_for()
    alex.get_by_role("button", name="Sign").click()
    alex.get_by_role("heading", name="You're trying it").wait_for()
    browsing.screenshot(alex, "decision-trial-mobile")
    decision = Decision.objects.get()
    assert decision.stage == Stage.TRIAL
    assert decision.rounds.get().adopted_proposed_by_id == decision.opened_by_id


def test_it_runs_an_experiment_ended_early_by_one_partner_and_debriefed(browsing, partners):
    alex, sam = partners.alex, partners.sam
    alex.goto("/decisions/experiments/new/")
    alex.get_by_label("The idea").fill("A slow evening walk after dinner, phones at home")
    alex.get_by_label("What ends it").fill("Either of us says 'home now', or after three weeks")
    alex.get_by_label("What happens then").fill("We walk back together and make tea")
    browsing.screenshot(alex, "experiment-new-mobile")
    alex.get_by_role("button", name="Propose").click()
    url = alex.url

    open_live(sam, url)
    open_live(alex, url)
    sam.get_by_role("button", name="Yes, let's try it").click()
    alex.get_by_role("button", name="End it now").wait_for()  # live, no reload
    browsing.screenshot(alex, "experiment-running-mobile")

    open_live(alex, url)
    sam.get_by_role("button", name="End it now").click()
    # Alex's page shows the agreed way out at once.
    alex.locator(".exit-strategy").get_by_text("We walk back together and make tea").wait_for()
    assert Experiment.objects.get().status == ExperimentStatus.ENDED

    alex.goto(url)
    alex.get_by_label("What worked").fill("Talking without screens")
    alex.get_by_role("button", name="Save my notes").click()
    alex.wait_for_selector("body[data-live-state=open]", state="attached")
    sam.goto(url)
    sam.get_by_label("What worked").fill("The quiet streets")
    sam.get_by_role("button", name="Save my notes").click()
    sam.get_by_role("heading", name="What works for us").wait_for()
    assert "Talking without screens" in sam.content()
    # Both notes show on Alex's open page at the same moment, with no click.
    alex.get_by_role("heading", name="What works for us").wait_for(timeout=3000)
    assert "The quiet streets" in alex.content()
    sam.goto("/decisions/wins/")
    assert "A slow evening walk" in sam.content()
    browsing.screenshot(sam, "wins-mobile")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_its_pages_have_no_accessibility_violations(browsing, alex, sam, scheme):
    from evenly.decisions.tests import helpers

    decision = helpers.rated(alex, sam)
    experiment = helpers.running(alex, sam)
    page = browsing.page(user=alex, bypass_csp=True, color_scheme=scheme, viewport=DESKTOP)
    problems = []
    for path, label in [
        ("/decisions/", "index"),
        (f"/decisions/{decision.pk}/", "decision"),
        (f"/decisions/experiments/{experiment.pk}/", "experiment"),
        ("/decisions/experiments/new/", "experiment-new"),
        ("/decisions/wins/", "wins"),
    ]:
        page.goto(path)
        problems += axe_violations(page, context=f"{label} {scheme}")
        if label in {"decision", "index"}:
            browsing.screenshot(page, f"{label}-desktop-{scheme}")
    assert problems == [], "\n".join(problems)


def test_the_invitee_answers_an_experiment_with_a_changed_version(browsing, partners):
    from evenly.decisions.tests import helpers

    alex, sam = partners.alex, partners.sam
    experiment = helpers.proposed(_user("Alex"))
    url = f"/decisions/experiments/{experiment.pk}/"
    open_live(alex, url)
    sam.goto(url)
    sam.get_by_role("link", name="Suggest a changed version").click()
    idea = sam.get_by_label("Your version of the idea")
    idea.fill("The same walk, but only on Sundays")
    sam.get_by_role("button", name="Send my version").click()
    sam.get_by_text("Your version is with your partner").wait_for()
    # Alex's open page shows the answer at once, with the way to the new version.
    alex.get_by_role("link", name="See the changed version").click()
    alex.get_by_role("button", name="Yes, let's try it").click()
    alex.get_by_role("button", name="End it now").wait_for()
    browsing.screenshot(alex, "experiment-counter-running-mobile")


def _user(name):
    from evenly.accounts.models import User

    return User.objects.get(display_name=name)
