"""The desire log: private by default, shared entry by entry; only a shared
"me too" is ever shown to both, and a no looks exactly like no answer."""

import json
import re

import pytest
from django.urls import reverse

from evenly.boundaries.services import boundary_add
from evenly.core.personal_data import export_for
from evenly.rituals import desires
from evenly.rituals.models import DesireEntry

pytestmark = pytest.mark.django_db
PAGE = "/rituals/desires/"


def _entry(author, text="PRIVATE-WISH", item=None, share=False):  # type: ignore[no-untyped-def]
    entry = desires.desire_add(actor=author, kind="wish", text=text, catalogue_item_id=item)
    if share:
        desires.desire_share(actor=author, entry=entry)
        entry.refresh_from_db()
    return entry


def _unmasked(response):  # type: ignore[no-untyped-def]
    """The page without its per-response CSRF masks."""
    return re.sub(r'(csrfmiddlewaretoken" value="|X-CSRFToken": ")[^"]+', "", response.content.decode())


def test_an_entry_is_private_until_shared(alex, sam, client_for):
    entry = _entry(alex)
    assert "PRIVATE-WISH" in client_for(alex).get(PAGE).content.decode()
    assert "PRIVATE-WISH" not in client_for(sam).get(PAGE).content.decode()
    assert (
        client_for(sam).post(reverse("rituals:desire_answer", args=[entry.pk]), {"answer": "me_too"}).status_code == 404
    )
    desires.desire_share(actor=alex, entry=entry)
    assert "PRIVATE-WISH" in client_for(sam).get(PAGE).content.decode()
    desires.desire_make_private(actor=alex, entry=entry)
    assert "PRIVATE-WISH" not in client_for(sam).get(PAGE).content.decode()


def test_a_me_too_is_shown_to_both_and_curious_or_no_answer_look_the_same(alex, sam, client_for):
    entry = _entry(alex, share=True)
    a, s = client_for(alex), client_for(sam)
    silent = a.get(PAGE)
    s.post(reverse("rituals:desire_answer", args=[entry.pk]), {"answer": "curious"})
    assert _unmasked(a.get(PAGE)) == _unmasked(silent)
    assert 'value="curious" class="btn btn-secondary" aria-pressed="true"' in s.get(PAGE).content.decode()
    s.post(reverse("rituals:desire_answer", args=[entry.pk]), {"answer": "me_too"})
    assert "You both said yes to this" in a.get(PAGE).content.decode()
    assert "You both said yes to this" in s.get(PAGE).content.decode()
    s.post(reverse("rituals:desire_answer", args=[entry.pk]), {"answer": ""})
    assert "You both said yes to this" not in a.get(PAGE).content.decode()


def test_the_author_never_learns_a_curious_answer(alex, sam, client_for):
    entry = _entry(alex, share=True)
    desires.desire_answer(actor=sam, entry=entry, answer="curious")
    page = client_for(alex).get(PAGE).content.decode()
    assert 'aria-pressed="true"' not in page and "You both" not in page


def test_an_outsider_sees_nothing_and_changes_nothing(alex, sam, jordan, client_for, client):
    entry = _entry(alex, share=True)
    outsider = client_for(jordan)
    assert "PRIVATE-WISH" not in outsider.get(PAGE).content.decode()
    for name in ("desire_share", "desire_private", "desire_delete", "desire_answer"):
        assert outsider.post(reverse(f"rituals:{name}", args=[entry.pk]), {"answer": "me_too"}).status_code == 404
    assert client_for(sam).post(reverse("rituals:desire_delete", args=[entry.pk])).status_code == 404
    assert DesireEntry.objects.filter(pk=entry.pk).exists()
    response = client.get(PAGE)
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_bad_input_keeps_what_was_typed(alex, client_for):
    response = client_for(alex).post(reverse("rituals:desire_add"), {"kind": "", "text": "Kept words"})
    assert response.status_code == 400 and "Kept words" in response.content.decode()
    response = client_for(alex).post(reverse("rituals:desire_add"), {"kind": "wish", "text": ""})
    assert response.status_code == 400 and "Choose something from the list" in response.content.decode()


def test_a_catalogue_item_can_be_logged(alex, client_for):
    client_for(alex).post(reverse("rituals:desire_add"), {"kind": "enjoyed", "item": "102", "text": ""})
    entry = DesireEntry.objects.get()
    assert entry.item is not None and entry.item.title in client_for(alex).get(PAGE).content.decode()


def test_answers_tell_the_author_only_when_a_me_too_appears_or_goes(
    alex, sam, jordan, event_tap, django_capture_on_commit_callbacks
):
    entry = _entry(alex, share=True)
    event_tap.listen(alex, sam, jordan)
    expected = {"type": "evenly.event", "event": "desires.changed", "ids": {"entry": entry.pk}}
    with django_capture_on_commit_callbacks(execute=True):
        desires.desire_answer(actor=sam, entry=entry, answer="curious")
    assert event_tap.received(alex) == [] and event_tap.received(sam) == [expected]
    with django_capture_on_commit_callbacks(execute=True):
        desires.desire_answer(actor=sam, entry=entry, answer="me_too")
    assert event_tap.received(alex) == [expected] and event_tap.received(sam) == [expected]
    with django_capture_on_commit_callbacks(execute=True):
        desires.desire_answer(actor=sam, entry=entry, answer="")
    assert event_tap.received(alex) == [expected] and event_tap.received(sam) == [expected]
    assert event_tap.received(jordan) == []
    with django_capture_on_commit_callbacks(execute=True):
        _entry(alex, text="PRIVATE-TWO", share=False)
    assert event_tap.received(sam) == []


def test_an_entry_becomes_an_invitation_or_an_experiment_through_the_guard(alex, sam, client_for):
    entry = _entry(alex, text="Slow dancing in the kitchen", share=True)
    a = client_for(alex)
    page = a.get(reverse("consent:invitation_new") + f"?desire={entry.pk}").content.decode()
    assert "Slow dancing in the kitchen" in page
    page = a.get(reverse("decisions:experiment_new") + f"?desire={entry.pk}").content.decode()
    assert "Slow dancing in the kitchen" in page
    # The partner may start from it only after saying "me too"; an outsider never.
    assert client_for(sam).get(reverse("consent:invitation_new") + f"?desire={entry.pk}").status_code == 404
    desires.desire_answer(actor=sam, entry=entry, answer="me_too")
    assert client_for(sam).get(reverse("decisions:experiment_new") + f"?desire={entry.pk}").status_code == 200
    # An entry touching the partner's private hard limit can't be sent on.
    boundary_add(actor=sam, kind="hard_limit", wording="dancing", area="activities")
    response = a.post(
        reverse("decisions:experiment_new"),
        {"idea": entry.text, "ends_when": "Either of us says stop", "then_what": "Tea on the sofa"},
    )
    assert "This isn&#x27;t open right now." in response.content.decode()


def test_export_holds_my_entries_and_my_answers_never_the_partners_words(alex, sam):
    entry = _entry(alex, text="ALEX-WORDS", share=True)
    desires.desire_answer(actor=sam, entry=entry, answer="me_too")
    sams = json.dumps(export_for(sam)["rituals"])
    assert "ALEX-WORDS" not in sams and "me_too" in sams
    assert "ALEX-WORDS" in json.dumps(export_for(alex)["rituals"])


def test_leaving_the_couple_hides_what_was_shared(alex, sam, client_for):
    from evenly.couples.services import couple_leave

    _entry(alex, share=True)
    couple_leave(actor=sam)
    assert "PRIVATE-WISH" not in client_for(sam).get(PAGE).content.decode()
    assert "PRIVATE-WISH" in client_for(alex).get(PAGE).content.decode()


@pytest.mark.parametrize("rounds", [0, 15])
def test_the_page_stays_within_the_query_budget(alex, sam, client_for, rounds, django_assert_max_num_queries):
    for number in range(rounds):
        entry = _entry(alex, text=f"Wish {number}", share=number % 2 == 0)
        if entry.is_shared:
            desires.desire_answer(actor=sam, entry=entry, answer="me_too")
        _entry(sam, text=f"Sam {number}", share=True)
    s = client_for(sam)
    s.get(PAGE)
    for url in (PAGE, reverse("rituals:desires_live")):
        with django_assert_max_num_queries(8):
            assert s.get(url).status_code == 200
