"""Every page: the partner sees only what's revealed, outsiders get 404,
anonymous visitors are sent to sign in."""

import pytest
from django.urls import reverse

from evenly.decisions import services
from evenly.decisions.models import Decision, Option
from evenly.decisions.tests import helpers

pytestmark = pytest.mark.django_db


def _urls(decision, option, experiment):
    return [
        reverse("decisions:detail", args=[decision.pk]),
        reverse("decisions:live", args=[decision.pk]),
        reverse("decisions:option_edit", args=[option.pk]),
        reverse("decisions:experiment", args=[experiment.pk]),
        reverse("decisions:experiment_status", args=[experiment.pk]),
    ]


@pytest.fixture
def things(alex, sam):
    decision = helpers.understood(alex, sam)
    option = services.option_add(actor=alex, decision=decision, text="Option words")
    experiment = helpers.proposed(alex)
    return decision, option, experiment


def test_it_sends_anonymous_visitors_to_sign_in(client, things):
    for url in [reverse("decisions:index"), reverse("decisions:wins"), *_urls(*things)]:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/accounts/login/"), url


def test_it_shows_an_outsider_nothing(jordan, client_for, things):
    client = client_for(jordan)
    for url in _urls(*things):
        assert client.get(url).status_code == 404, url
    decision, _option, experiment = things
    posts = [
        reverse("decisions:summary", args=[decision.pk]),
        reverse("decisions:option_add", args=[decision.pk]),
        reverse("decisions:ratings", args=[decision.pk]),
        reverse("decisions:sign", args=[decision.pk]),
        reverse("decisions:set_aside", args=[decision.pk]),
        reverse("decisions:experiment_consent", args=[experiment.pk]),
        reverse("decisions:experiment_end", args=[experiment.pk]),
        reverse("decisions:debrief", args=[experiment.pk]),
    ]
    for url in posts:
        assert client.post(url, {"text": "x"}).status_code == 404, url
    assert "Option words" not in client.get(reverse("decisions:index")).content.decode()


def test_it_keeps_a_view_from_the_partner_until_both_are_written(alex, sam, client_for):
    decision = services.decision_open(actor=alex, topic="Evenings")
    services.decision_write_view(actor=alex, decision=decision, text="ALEX-ONLY-VIEW")
    url = reverse("decisions:detail", args=[decision.pk])
    assert "ALEX-ONLY-VIEW" in client_for(alex).get(url).content.decode()
    assert "ALEX-ONLY-VIEW" not in client_for(sam).get(url).content.decode()
    services.decision_write_view(actor=sam, decision=decision, text="SAM-VIEW")
    assert "ALEX-ONLY-VIEW" in client_for(sam).get(url).content.decode()


def test_it_never_shows_the_partner_individual_ratings(alex, sam, client_for):
    decision = helpers.rated(alex, sam, a_levels=(2, 5), b_levels=(5, 3))
    page = client_for(sam).get(reverse("decisions:detail", args=[decision.pk])).content.decode()
    assert "Take turns choosing" in page  # the suggestion
    for label in ["I'd rather not", "I love it"]:
        assert label not in page


def test_it_keeps_a_debrief_private_until_both_are_written(alex, sam, client_for):
    experiment = helpers.running(alex, sam)
    services.experiment_end(actor=alex, experiment=experiment)
    services.debrief_write(actor=alex, experiment=experiment, worked="ALEX-NOTE", didnt_work="", surprised="")
    url = reverse("decisions:experiment", args=[experiment.pk])
    assert "ALEX-NOTE" not in client_for(sam).get(url).content.decode()
    services.debrief_write(actor=sam, experiment=experiment, worked="SAM-NOTE", didnt_work="", surprised="")
    page = client_for(sam).get(url).content.decode()
    assert "ALEX-NOTE" in page and "SAM-NOTE" in page
    assert "ALEX-NOTE" in client_for(sam).get(reverse("decisions:wins")).content.decode()


def test_it_walks_a_decision_through_the_pages(alex, sam, client_for):
    a, s = client_for(alex), client_for(sam)
    response = a.post(reverse("decisions:new"), {"topic": "Weekend plans"})
    decision = Decision.objects.get()
    assert response.url == reverse("decisions:detail", args=[decision.pk])
    a.post(reverse("decisions:view", args=[decision.pk]), {"text": "mine"})
    s.post(reverse("decisions:view", args=[decision.pk]), {"text": "theirs"})
    a.post(reverse("decisions:summary", args=[decision.pk]), {"text": "you said"})
    s.post(reverse("decisions:summary_confirm", args=[decision.pk]))
    s.post(reverse("decisions:summary", args=[decision.pk]), {"text": "you said too"})
    a.post(reverse("decisions:summary_confirm", args=[decision.pk]))
    a.post(reverse("decisions:option_add", args=[decision.pk]), {"text": "Plan A"})
    option = Option.objects.get()
    for client in (a, s):
        client.post(
            reverse("decisions:ratings", args=[decision.pk]),
            {f"rate_{option.pk}": "4", f"seen_{option.pk}": "1", "action": "done"},
        )
    page = s.get(reverse("decisions:detail", args=[decision.pk])).content.decode()
    assert "You both like" not in page and "Plan A" in page and "Agree on a trial" in page


def test_it_tells_the_second_editor_and_keeps_their_words(alex, sam, client_for):
    decision = helpers.understood(alex, sam)
    option = services.option_add(actor=alex, decision=decision, text="Original")
    url = reverse("decisions:option_edit", args=[option.pk])
    client_for(alex).post(url, {"text": "Phone edit", "version": "1"})
    response = client_for(alex).post(url, {"text": "Laptop edit", "version": "1"})
    page = response.content.decode()
    assert response.status_code == 409
    assert "changed this option while you were editing" in page
    assert "Laptop edit" in page and "Phone edit" in page
    assert 'name="version" value="2"' in page


def test_it_tells_the_signer_when_the_option_changed(alex, sam, client_for):
    decision = helpers.rated(alex, sam)
    option = Option.objects.filter(round__decision=decision).first()
    response = client_for(alex).post(
        reverse("decisions:sign", args=[decision.pk]),
        {"option": f"{option.pk}:{option.version + 5}", "trial_days": "14"},
        follow=True,
    )
    assert "changed after you opened the page" in response.content.decode()
    assert not decision.rounds.get().seats.filter(signed_at__isnull=False).exists()


def test_it_shows_the_live_note_only_when_something_changed(alex, sam, client_for):
    decision = helpers.views_revealed(alex, sam)
    url = reverse("decisions:live", args=[decision.pk])
    from evenly.decisions.selectors import live_token

    token = live_token(Decision.objects.get(pk=decision.pk).updated_at)
    assert "something new" not in client_for(sam).get(url, {"seen": token}).content.decode()
    services.decision_write_summary(actor=alex, decision=decision, text="heard")
    assert "something new" in client_for(sam).get(url, {"seen": token}).content.decode()


def test_it_offers_free_text_when_there_are_no_matches(alex, sam, client_for):
    page = client_for(alex).get(reverse("decisions:experiment_new")).content.decode()
    assert "describe your own idea" in page
    assert 'name="item"' not in page


def test_it_offers_the_couples_curiosity_matches(alex, sam, client_for):
    from evenly.boundaries import catalogue
    from evenly.boundaries.models import CuriosityAnswer

    item = catalogue.current_items()[0]
    for user in (alex, sam):
        CuriosityAnswer.objects.create(user=user, catalogue_item_id=item.id, answer="curious")
    page = client_for(alex).get(reverse("decisions:experiment_new")).content.decode()
    assert 'name="item"' in page and item.title in page
    response = client_for(alex).post(
        reverse("decisions:experiment_new"), {"item": str(item.id), "idea": "", "ends_when": "a", "then_what": "b"}
    )
    assert response.status_code == 302
    from evenly.decisions.models import Experiment

    assert Experiment.objects.get().catalogue_item_id == item.id


def test_it_keeps_what_was_typed_when_the_exit_strategy_is_missing(alex, sam, client_for):
    response = client_for(alex).post(
        reverse("decisions:experiment_new"), {"idea": "KEEP-THESE-WORDS", "ends_when": "", "then_what": ""}
    )
    assert response.status_code == 400
    assert "KEEP-THESE-WORDS" in response.content.decode()


def test_someone_without_a_partner_cannot_start_anything(casey, client_for):
    client = client_for(casey)
    assert client.get(reverse("decisions:new")).status_code == 404
    assert client.get(reverse("decisions:experiment_new")).status_code == 404
    assert client.get(reverse("decisions:index")).status_code == 200


def test_the_partner_may_see_an_option_but_not_reword_it(alex, sam, client_for):
    decision = helpers.understood(alex, sam)
    option = services.option_add(actor=alex, decision=decision, text="Alex's idea")
    url = reverse("decisions:option_edit", args=[option.pk])
    sam_client = client_for(sam)
    for response in (sam_client.get(url), sam_client.post(url, {"text": "Sam's rewrite", "version": "1"})):
        assert response.status_code == 403
        assert 'id="quick-exit"' in response.content.decode()
    option.refresh_from_db()
    assert option.text == "Alex's idea"
    page = sam_client.get(reverse("decisions:detail", args=[decision.pk])).content.decode()
    assert "Suggest a different version" in page
    assert url not in page
    started = sam_client.get(reverse("decisions:detail", args=[decision.pk]) + f"?version_of={option.pk}")
    html = started.content.decode()
    assert "Alex&#x27;s idea</textarea>" in html or "Alex&#x27;s idea" in html.split('name="text"', 1)[1][:400]


def test_the_changed_version_form_starts_from_the_partners_words(alex, sam, jordan, client_for, client):
    experiment = helpers.proposed(alex)
    url = reverse("decisions:experiment_counter", args=[experiment.pk])
    page = client_for(sam).get(url).content.decode()
    assert experiment.idea in page
    assert client_for(jordan).get(url).status_code == 404
    assert client.get(url).status_code == 302
    # The proposer is taken back to the proposal: there is nothing to answer.
    assert client_for(alex).get(url).status_code == 302
    response = client_for(sam).post(url, {"idea": "My version", "ends_when": "", "then_what": "Tea"})
    assert response.status_code == 400
    assert "My version" in response.content.decode()


def test_a_changed_version_sent_twice_makes_one(alex, sam, client_for):
    from evenly.decisions.models import Experiment

    experiment = helpers.proposed(alex)
    url = reverse("decisions:experiment_counter", args=[experiment.pk])
    data = {"once": "a-token-of-twenty-four-chars", "idea": "Mine", "ends_when": "Either says so", "then_what": "Tea"}
    sam_client = client_for(sam)
    first, second = sam_client.post(url, data), sam_client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert Experiment.objects.filter(counter_of=experiment).count() == 1
