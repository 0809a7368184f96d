from __future__ import annotations

import pytest
from django.urls import reverse

from evenly.boundaries.guard import NOT_OPEN_MESSAGE
from evenly.consent import services
from evenly.consent.models import Invitation, Signal
from evenly.pause.models import Pause

pytestmark = pytest.mark.django_db

PAGES = ["consent:home", "consent:forgetting", "consent:signal", "consent:signal_partner", "consent:signal_notice"]
PAGES += ["consent:invitation_new", "consent:invitations_live", "consent:pace"]


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


@pytest.mark.parametrize(
    "name", ["consent:dialogue", "consent:dialogue_state", "consent:invitation", "consent:invitation_state"]
)
def test_anonymous_visitors_are_sent_to_sign_in_from_each_item(client, name):
    response = client.get(reverse(name, args=[1]))
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


@pytest.mark.parametrize(
    "name", ["consent:signal_set", "consent:dialogue_start", "consent:invitation_new", "consent:pace"]
)
def test_anonymous_visitors_cannot_change_anything(client, name):
    assert client.post(reverse(name), {"colour": "red"}).status_code == 302
    assert not Signal.objects.exists() and not Pause.objects.exists()


@pytest.mark.parametrize("name", PAGES)
def test_every_page_opens_for_a_partner(alex, sam, client_for, name):
    assert client_for(alex).get(reverse(name)).status_code == 200


@pytest.mark.parametrize("name", ["consent:home", "consent:signal", "consent:invitation_new"])
def test_every_page_is_calm_for_someone_without_a_partner(casey, client_for, name):
    page = client_for(casey).get(reverse(name)).content.decode()
    assert "shared space" in page


def test_an_outsider_gets_404_for_a_check_in(alex, sam, jordan, client_for):
    dialogue = services.dialogue_start(actor=alex)
    client = client_for(jordan)
    for name in ["consent:dialogue", "consent:dialogue_state"]:
        assert client.get(reverse(name, args=[dialogue.pk])).status_code == 404
    form = {"feels_good": "x", "breaks_trust": "", "limits": "", "colour": "green"}
    assert client.post(reverse("consent:dialogue_answer", args=[dialogue.pk]), form).status_code == 404


def test_an_outsider_gets_404_for_an_invitation(alex, sam, jordan, client_for, invite):
    invitation = invite(alex)
    client = client_for(jordan)
    for name in ["consent:invitation", "consent:invitation_state"]:
        assert client.get(reverse(name, args=[invitation.pk])).status_code == 404
    assert (
        client.post(reverse("consent:invitation_answer", args=[invitation.pk]), {"outcome": "yes"}).status_code == 404
    )
    assert client.post(reverse("consent:invitation_withdraw", args=[invitation.pk])).status_code == 404
    assert Invitation.objects.get().outcome == "open"


def test_the_outsider_never_sees_the_couples_signals(alex, sam, jordan, client_for):
    services.signal_set(actor=alex, colour="yellow")
    page = client_for(jordan).get(reverse("consent:signal_partner")).content.decode()
    assert "slow down" not in page and "Alex" not in page


def test_the_partner_cannot_read_answers_before_both_have_answered(alex, sam, client_for):
    dialogue = services.dialogue_start(actor=alex)
    services.dialogue_answer(
        actor=alex,
        dialogue=dialogue,
        feels_good="Alex-secret-1",
        breaks_trust="Alex-secret-2",
        limits="",
        colour="green",
    )
    client = client_for(sam)
    for name in ["consent:dialogue", "consent:dialogue_state"]:
        page = client.get(reverse(name, args=[dialogue.pk])).content.decode()
        assert "Alex-secret" not in page
        assert "answers are in" not in page  # no hint that Alex has answered
    own = client_for(alex).get(reverse("consent:dialogue", args=[dialogue.pk])).content.decode()
    assert "Your answers are in. They'll appear here when you've both answered." in own
    assert "Alex-secret-1" in own


def test_both_see_both_answers_once_both_have_answered(alex, sam, client_for):
    dialogue = services.dialogue_start(actor=alex)
    for user in (alex, sam):
        services.dialogue_answer(
            actor=user,
            dialogue=dialogue,
            feels_good=f"{user.display_name}-good",
            breaks_trust="",
            limits="",
            colour="green",
        )
    for user in (alex, sam):
        page = client_for(user).get(reverse("consent:dialogue_state", args=[dialogue.pk])).content.decode()
        assert "Alex-good" in page and "Sam-good" in page


def test_the_answer_form_starts_from_ones_own_shared_hard_limits(alex, sam, client_for, hard_limit):
    hard_limit(alex, item_id=209, shared=True)
    hard_limit(sam, item_id=210, shared=True)
    dialogue = services.dialogue_start(actor=alex)
    page = client_for(alex).get(reverse("consent:dialogue", args=[dialogue.pk])).content.decode()
    assert "Light restraint" in page and "Wearing a blindfold" not in page


def test_starting_tonight_goes_to_the_check_in(alex, sam, client_for):
    client = client_for(alex)
    ends = client.get(reverse("consent:home")).context["start_form"].initial["ends_at"]
    response = client.post(reverse("consent:dialogue_start"), {"ends_at": ends})
    assert response.status_code == 302 and "/consent/tonight/" in response.url


def test_answering_tonight_sets_the_signal_at_the_reveal(alex, sam, client_for):
    dialogue = services.dialogue_start(actor=alex)
    url = reverse("consent:dialogue_answer", args=[dialogue.pk])
    form = {"feels_good": "Close", "breaks_trust": "", "limits": "", "colour": "yellow"}
    assert client_for(sam).post(url, form).status_code == 302
    assert not Signal.objects.exists()
    client_for(alex).post(url, {**form, "colour": "green"})
    assert Signal.objects.get(user=sam).colour == "yellow"


def test_red_in_tonights_answers_pauses_at_once(alex, sam, client_for):
    dialogue = services.dialogue_start(actor=alex)
    form = {"feels_good": "", "breaks_trust": "", "limits": "", "colour": "red"}
    response = client_for(sam).post(reverse("consent:dialogue_answer", args=[dialogue.pk]), form)
    assert response.url == reverse("pause:page")
    assert Pause.objects.filter(paused_by=sam, lifted_at__isnull=True).exists()


def test_red_on_the_signal_page_takes_you_to_your_pause(alex, sam, client_for):
    response = client_for(alex).post(reverse("consent:signal_set"), {"colour": "red"})
    assert response.url == reverse("pause:page")
    assert Pause.objects.filter(paused_by=alex, lifted_at__isnull=True).exists()
    assert "Paused for now" in client_for(sam).get("/").content.decode()


def test_yellow_reaches_the_partner_in_calm_words(alex, sam, client_for):
    client_for(alex).post(reverse("consent:signal_set"), {"colour": "yellow"})
    for name in ["consent:signal_partner", "consent:signal_notice"]:
        page = client_for(sam).get(reverse(name)).content.decode()
        assert "Alex would like to slow down." in page
    assert client_for(alex).get(reverse("consent:signal_notice")).content.decode().strip() == ""


def test_the_signal_page_is_reachable_from_home_in_one_tap(alex, sam, client_for):
    assert reverse("consent:signal") in client_for(alex).get("/").content.decode()


def test_inviting_shows_the_neutral_message_for_a_hard_limit(alex, sam, client_for, hard_limit):
    hard_limit(sam, item_id=209)
    client = client_for(alex)
    form = client.get(reverse("consent:invitation_new")).context["form"]
    data = {"items": ["209"], "words": "", "note": "", **{k: form.initial[k] for k in ("starts_at", "ends_at")}}
    page = client.post(reverse("consent:invitation_new"), data)
    assert page.status_code == 400
    assert NOT_OPEN_MESSAGE in page.content.decode().replace("&#x27;", "'")
    assert not Invitation.objects.exists()


def test_inviting_and_answering_through_the_pages(alex, sam, client_for):
    client = client_for(alex)
    form = client.get(reverse("consent:invitation_new")).context["form"]
    data = {
        "items": ["105"],
        "words": "After the film",
        "note": "",
        **{k: form.initial[k] for k in ("starts_at", "ends_at")},
    }
    response = client.post(reverse("consent:invitation_new"), data)
    invitation = Invitation.objects.get()
    assert response.url == reverse("consent:invitation", args=[invitation.pk])
    sam_client = client_for(sam)
    page = sam_client.get(reverse("consent:invitation", args=[invitation.pk])).content.decode()
    for answer in ["Yes, I&#x27;d love to", "Yes, if…", "Not now", "No"]:
        assert answer in page
    assert "reason" not in page.split("No reason is needed")[0].split("<main")[1]  # never asks why
    response = sam_client.post(reverse("consent:invitation_answer", args=[invitation.pk]), {"outcome": "not_now"})
    assert response.url == reverse("consent:home")
    home = client.get(reverse("consent:home")).content.decode()
    assert "Not this time" in home and "Invite Sam" not in home


def test_the_inviter_sees_only_that_invitations_are_paused(alex, sam, client_for):
    client_for(sam).post(reverse("consent:pace"), {"slower_pace": "slower", "cooldown_hours": "24"})
    for name in ["consent:invitations_live", "consent:invitation_new"]:
        page = client_for(alex).get(reverse(name)).content.decode()
        assert "Invitations are paused for now." in page
        assert "slower" not in page.lower()


def test_a_replayed_answer_gets_a_clear_message(alex, sam, client_for, invite):
    invitation = invite(alex)
    client = client_for(sam)
    url = reverse("consent:invitation_answer", args=[invitation.pk])
    client.post(url, {"outcome": "no"})
    response = client.post(url, {"outcome": "yes"}, follow=True)
    assert "already answered" in response.content.decode()
    assert Invitation.objects.get().outcome == "no"


def test_answering_a_withdrawn_invitation_gets_a_clear_message(alex, sam, client_for, invite):
    invitation = invite(alex)
    services.invitation_withdraw(actor=alex, invitation=invitation)
    response = client_for(sam).post(
        reverse("consent:invitation_answer", args=[invitation.pk]), {"outcome": "yes"}, follow=True
    )
    assert "was withdrawn" in response.content.decode()


def test_one_tap_withdraws_a_yes(alex, sam, client_for, invite):
    invitation = services.invitation_answer(actor=sam, invitation=invite(alex), outcome="yes")
    response = client_for(sam).post(reverse("consent:invitation_withdraw", args=[invitation.pk]))
    assert response.status_code == 302
    assert Invitation.objects.get().outcome == "withdrawn"


def test_the_partner_cannot_change_ones_pace(alex, sam, client_for):
    client_for(alex).post(reverse("consent:pace"), {"slower_pace": "slower", "cooldown_hours": "168"})
    from evenly.consent.services import settings_for

    assert settings_for(alex).slower_pace and not settings_for(sam).slower_pace


def test_the_forgetting_page_explains_what_is_kept(alex, client_for):
    page = client_for(alex).get(reverse("consent:forgetting")).content.decode()
    assert "What is forgotten" in page and "What stays" in page
    # Exactly what goes, for how long the rest stays, and what backups still hold.
    assert "the answer itself, whether it was withdrawn and by whom, and whom it was sent to" in page
    assert "That one of you sent an invitation, when, and the time it was for." in page
    assert "holds whatever existed at the moment it was taken" in page and "short-lived" in page


def test_a_cool_down_that_starts_while_writing_keeps_the_typed_invitation(alex, sam, client_for, invite):
    from datetime import timedelta

    from django.utils import timezone

    client = client_for(alex)
    client.get(reverse("consent:invitation_new"))  # Alex opens the form...
    first = invite(alex)
    services.invitation_answer(actor=sam, invitation=first, outcome="not_now")  # ...and Sam's cool-down starts
    start = timezone.localtime() + timedelta(hours=2)
    data = {
        "words": "A picnic by the lake, WORDS-TYPED",
        "note": "NOTE-TYPED",
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
    }
    response = client.post(reverse("consent:invitation_new"), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "WORDS-TYPED" in page and "NOTE-TYPED" in page
    assert services.IN_COOLDOWN.replace("'", "&#x27;") in page
    assert Invitation.objects.count() == 1


def test_slower_pace_starting_while_writing_keeps_the_typed_invitation(alex, sam, client_for):
    from datetime import timedelta

    from django.utils import timezone

    client = client_for(alex)
    client_for(sam).post(reverse("consent:pace"), {"slower_pace": "slower", "cooldown_hours": "24"})
    start = timezone.localtime() + timedelta(hours=2)
    data = {
        "words": "WORDS-TYPED",
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
    }
    page = client.post(reverse("consent:invitation_new"), data).content.decode()
    assert "WORDS-TYPED" in page
