"""The agreements pages: what each person sees, what they may do, bad input,
and the query budget."""

import html
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from evenly.agreements import services
from evenly.agreements.models import FollowUp, RepairSent, Status, Timeout, Version
from evenly.pause.services import pause_lift, pause_start

pytestmark = pytest.mark.django_db


def _text(response):
    return html.unescape(response.content.decode())


def signed_values(a, b, words="We take turns leading."):
    version = services.values_propose(actor=a, touchstones=[], words=words)
    return services.version_sign(actor=b, version=version)


def signed_pact(a, b):
    version = services.pact_propose(
        actor=a, timeout_minutes=30, during="Separate rooms.", ending="We come back.", follow_up="next_day"
    )
    return services.version_sign(actor=b, version=version)


def history(a, b, rounds=6):
    """A couple with a long past: many versions, statements, timeouts."""
    for n in range(rounds):
        signed_values(a, b, f"Version {n} of what we hold to.")
        signed_pact(b, a)
        services.repair_add(actor=a, text=f"Repair {n}", share=n % 2 == 0)
        services.repair_add(actor=b, text=f"Other repair {n}", share=True)
        pause_lift(actor=a, pause=services.timeout_take(actor=a).pause)
    FollowUp.objects.update(landed_at=timezone.now())
    services.values_propose(actor=b, touchstones=[], words="A new idea.")


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("agreements:index"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_both_partners_see_the_current_values_and_the_proposal(alex, sam, client_for):
    signed_values(alex, sam)
    services.values_propose(actor=sam, touchstones=[], words="We always take turns leading.")
    for user in (alex, sam):
        page = _text(client_for(user).get(reverse("agreements:index")))
        assert "We take turns leading." in page
        assert "<ins>always </ins>" in page


def test_a_partner_never_sees_the_others_private_repair_statements(alex, sam, client_for):
    services.repair_add(actor=alex, text="ALEX-PRIVATE words", share=False)
    services.repair_add(actor=alex, text="Alex shared words", share=True)
    page = _text(client_for(sam).get(reverse("agreements:index")))
    assert "Alex shared words" in page and "ALEX-PRIVATE" not in page
    pause_start(actor=sam)
    companion = _text(client_for(sam).get(reverse("agreements:companion")))
    assert "ALEX-PRIVATE" not in companion and "Alex shared words" not in companion


def test_outsiders_get_404_for_everything_of_another_couple(alex, sam, jordan, casey, client_for):
    version = services.values_propose(actor=alex, touchstones=[], words="Ours.")
    statement = services.repair_add(actor=alex, text="Mine", share=True)
    timeout = services.timeout_take(actor=alex)
    sent = services.repair_send(actor=alex, statement=statement)
    follow_up = FollowUp.objects.create(couple_id=version.couple_id, due_at=timezone.now(), landed_at=timezone.now())
    jordans = client_for(jordan)
    for url in [
        reverse("agreements:sign", args=[version.pk]),
        reverse("agreements:withdraw", args=[version.pk]),
        reverse("agreements:repair_share", args=[statement.pk]),
        reverse("agreements:repair_delete", args=[statement.pk]),
        reverse("agreements:repair_send", args=[statement.pk]),
        reverse("agreements:received_close", args=[sent.pk]),
        reverse("agreements:timeout_extend", args=[timeout.pk]),
        reverse("agreements:follow_up_discussed", args=[follow_up.pk]),
    ]:
        assert jordans.post(url).status_code == 404, url
    caseys = client_for(casey)
    for url in ["agreements:live", "agreements:companion", "agreements:received_notice"]:
        assert caseys.get(reverse(url)).status_code == 404, url
    assert "made together" in _text(caseys.get(reverse("agreements:index")))
    assert Version.objects.get(pk=version.pk).status == Status.PROPOSED


def test_a_partner_cannot_change_send_or_delete_the_others_repair_statement(alex, sam, client_for):
    statement = services.repair_add(actor=alex, text="Mine", share=True)
    sams = client_for(sam)
    for name in ["repair_share", "repair_delete", "repair_send"]:
        assert sams.post(reverse(f"agreements:{name}", args=[statement.pk])).status_code == 404
    assert not RepairSent.objects.exists()


def test_bad_input_keeps_what_was_typed(alex, sam, client_for):
    response = client_for(alex).post(
        reverse("agreements:pact_propose"), {"timeout_minutes": "20", "during": "Walk it off.", "ending": ""}
    )
    assert response.status_code == 400
    page = _text(response)
    assert "Walk it off." in page and "This field is required." in page
    response = client_for(alex).post(reverse("agreements:values_propose"), {"words": "  "})
    assert response.status_code == 400 and "Choose a touchstone or write a few words" in _text(response)


def test_proposing_and_signing_through_the_pages(alex, sam, client_for):
    client_for(alex).post(reverse("agreements:values_propose"), {"touchstones": [], "words": "We slow down."})
    version = Version.objects.get()
    response = client_for(sam).post(reverse("agreements:sign", args=[version.pk]), follow=True)
    assert "You've both agreed" in _text(response)
    response = client_for(alex).post(reverse("agreements:withdraw", args=[version.pk]), follow=True)
    assert "no current shared values" in _text(response)


def test_the_timeout_control_pauses_with_a_timer_and_the_partner_sees_it_in_the_notice(alex, sam, client_for):
    statement = services.repair_add(actor=sam, text="I'm here when you're ready.", share=False)
    signed_values(alex, sam, "We are gentle with each other.")
    response = client_for(alex).post(reverse("agreements:timeout_take"))
    assert response["Location"] == reverse("pause:page")
    timeout = Timeout.objects.get()
    notice = _text(client_for(sam).get(reverse("pause:layer")))
    assert "A timeout, until" in notice and "We are gentle with each other." in notice
    assert "I'm here when you're ready." in notice  # Sam's own words, ready to send
    client_for(sam).post(reverse("agreements:repair_send", args=[statement.pk]), {"next": "/checkins/"})
    pause_page = _text(client_for(alex).get(reverse("pause:page")))
    assert "Your partner sent you this" in pause_page and "I'm here when you're ready." in pause_page
    Timeout.objects.filter(pk=timeout.pk).update(ends_at=timezone.now() - timedelta(seconds=1))
    pause_page = _text(client_for(alex).get(reverse("pause:page")))
    assert "Come back" in pause_page and "Take 20 more minutes" in pause_page
    notice = _text(client_for(sam).get(reverse("pause:layer")))
    assert "Take 20 more minutes" in notice and "Come back<" not in notice  # only the pauser lifts it


def test_a_repair_and_a_longer_timeout_go_back_to_the_page_they_were_sent_from(alex, sam, client_for):
    statement = services.repair_add(actor=sam, text="I'm here when you're ready.", share=False)
    timeout = services.timeout_take(actor=alex)
    sent = client_for(sam).post(reverse("agreements:repair_send", args=[statement.pk]), {"next": "/checkins/"})
    assert sent["Location"] == "/checkins/"
    longer = client_for(alex).post(reverse("agreements:timeout_extend", args=[timeout.pk]), {"next": "/pause/"})
    assert longer["Location"] == "/pause/"
    elsewhere = client_for(alex).post(reverse("agreements:timeout_extend", args=[timeout.pk]), {"next": "//x.example/"})
    assert elsewhere["Location"] == reverse("home")


def test_closing_the_partners_repair_toast_stays_on_the_page_it_was_shown_on(alex, sam, client_for):
    statement = services.repair_add(actor=sam, text="I'm here when you're ready.", share=False)
    sent = services.repair_send(actor=sam, statement=statement)
    client = client_for(alex)
    # The toast is fetched by script from whatever page Alex has open.
    toast = client.get(reverse("agreements:received_notice"), HTTP_REFERER="http://testserver/checkins/?tab=2")
    next_page = re.search(r'name="next" value="([^"]*)"', toast.content.decode()).group(1)
    closed = client.post(reverse("agreements:received_close", args=[sent.pk]), {"next": next_page})
    assert closed["Location"] == "/checkins/?tab=2"
    assert RepairSent.objects.get(pk=sent.pk).set_aside_at is not None


def test_the_values_appear_at_the_start_of_a_decision_and_a_check_in(alex, sam, client_for):
    from evenly.decisions.services import decision_open

    signed_values(alex, sam, "We are gentle with each other.")
    decision = decision_open(actor=alex, topic="Evenings")
    page = _text(client_for(sam).get(reverse("decisions:detail", args=[decision.pk])))
    assert "We are gentle with each other." in page
    from evenly.checkins.services import checkin_start

    checkin = checkin_start(actor=alex, mode="two_devices")
    page = _text(client_for(sam).get(reverse("checkins:checkin", args=[checkin.pk])))
    assert "We are gentle with each other." in page


@pytest.mark.parametrize("with_history", [False, True])
def test_the_pages_stay_within_the_query_budget(alex, sam, client_for, django_assert_max_num_queries, with_history):
    if with_history:
        history(alex, sam)
    else:
        signed_values(alex, sam)
    clients = {alex: client_for(alex), sam: client_for(sam)}
    for name in ["agreements:index", "agreements:live", "agreements:received_notice"]:
        with django_assert_max_num_queries(8):
            assert clients[alex].get(reverse(name)).status_code == 200
    services.timeout_take(actor=alex)
    # The pause page, the live notice fragment and the companion. A full page
    # opened while the partner's pause is on costs two more than usual (the
    # values and the repair statements in the notice).
    for user, name in [(alex, "pause:page"), (sam, "pause:layer"), (alex, "agreements:companion")]:
        with django_assert_max_num_queries(8):
            assert clients[user].get(reverse(name)).status_code == 200, name
