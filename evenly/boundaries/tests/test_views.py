"""Every view: the owner sees it, the partner never sees what is private,
an outsider gets 404, and a stranger is sent to sign in."""

import pytest
from django.urls import reverse

from evenly.boundaries import services
from evenly.boundaries.models import Boundary, BoundaryChange, Kind, LifeEvent, Review, TalkRequest
from evenly.boundaries.tests.helpers import entry

pytestmark = pytest.mark.django_db

SECRET = "a private thought about evenings"


@pytest.fixture
def private_entry(alex):
    return entry(alex, 105, note=SECRET)


@pytest.fixture
def shared_entry(alex):
    return entry(alex, 102, shared=True, note="shared words")


# ---- Anonymous ----


@pytest.mark.parametrize(
    "name,args",
    [
        ("boundaries:mine", []),
        ("boundaries:add", []),
        ("boundaries:history", []),
        ("boundaries:partner", []),
        ("boundaries:partner_list", []),
        ("boundaries:review", []),
        ("boundaries:reminders", []),
        ("boundaries:life_events", []),
        ("boundaries:edit", [1]),
        ("boundaries:remove", [1]),
        ("boundaries:review_step", [1]),
        ("curious:list", []),
        ("curious:matches", []),
    ],
)
def test_it_sends_strangers_to_sign_in(client, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    "name,args",
    [
        ("boundaries:share", [1]),
        ("boundaries:unshare", [1]),
        ("boundaries:talk", [1]),
        ("boundaries:review_finish", [1]),
        ("boundaries:life_event_share", [1]),
        ("curious:answer", [101]),
    ],
)
def test_it_sends_strangers_to_sign_in_for_posts(client, name, args):
    response = client.post(reverse(name, args=args))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


# ---- My list ----


def test_it_shows_the_owner_their_list_with_notes(alex, client_for, private_entry):
    page = client_for(alex).get(reverse("boundaries:mine")).content.decode()
    assert "Massage" in page and SECRET in page


def test_it_never_shows_a_partner_someone_elses_list(alex, sam, client_for, private_entry, shared_entry):
    page = client_for(sam).get(reverse("boundaries:mine")).content.decode()
    assert SECRET not in page and "Massage" not in page


@pytest.mark.parametrize("who", ["sam", "jordan"])
@pytest.mark.parametrize("name", ["boundaries:edit", "boundaries:remove"])
def test_it_hides_anothers_entry_behind_404(request, client_for, shared_entry, who, name):
    user = request.getfixturevalue(who)
    assert client_for(user).get(reverse(name, args=[shared_entry.pk])).status_code == 404


@pytest.mark.parametrize("who", ["sam", "jordan"])
@pytest.mark.parametrize("name", ["boundaries:edit", "boundaries:share", "boundaries:unshare", "boundaries:remove"])
def test_it_refuses_changes_to_anothers_entry(request, client_for, shared_entry, who, name):
    user = request.getfixturevalue(who)
    response = client_for(user).post(reverse(name, args=[shared_entry.pk]), {"kind": Kind.HARD_LIMIT})
    assert response.status_code == 404
    shared_entry.refresh_from_db()
    assert shared_entry.kind == Kind.ENJOY and shared_entry.is_shared


def test_it_adds_from_the_catalogue(alex, client_for):
    response = client_for(alex).post(
        reverse("boundaries:add"),
        {"source": "catalogue", "catalogue_item": "104", "kind": Kind.DEPENDS, "when_mood": "rested"},
    )
    assert response.status_code == 302
    boundary = Boundary.objects.get(author=alex)
    assert boundary.catalogue_item_id == 104 and boundary.when_mood == "rested" and not boundary.is_shared


def test_it_adds_in_own_words(alex, client_for):
    client_for(alex).post(
        reverse("boundaries:add"),
        {"source": "own", "wording": "Slow dancing in the kitchen", "area": "activities", "kind": Kind.ENJOY},
    )
    assert Boundary.objects.get(author=alex).wording == "Slow dancing in the kitchen"


@pytest.mark.parametrize("item", ["99999", "abc", "-1"])
def test_it_explains_an_unknown_catalogue_item_and_keeps_the_input(alex, client_for, item):
    response = client_for(alex).post(
        reverse("boundaries:add"),
        {"source": "catalogue", "catalogue_item": item, "kind": Kind.ENJOY, "note": "keep me"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert services.UNKNOWN_ITEM.replace("'", "&#x27;") in page and "keep me" in page
    assert not Boundary.objects.exists()


def test_it_explains_an_item_already_on_the_list(alex, client_for):
    entry(alex, 104)
    response = client_for(alex).post(
        reverse("boundaries:add"), {"source": "catalogue", "catalogue_item": "104", "kind": Kind.CURIOUS}
    )
    assert response.status_code == 400
    assert "already on your list" in response.content.decode()
    assert Boundary.objects.filter(author=alex).count() == 1


def test_it_explains_duplicate_own_words(alex, client_for):
    entry(alex, None, wording="Slow dancing")
    response = client_for(alex).post(
        reverse("boundaries:add"), {"source": "own", "wording": "  slow  DANCING ", "area": "touch", "kind": Kind.ENJOY}
    )
    assert response.status_code == 400
    assert "already have an entry with these words" in response.content.decode()


def test_it_explains_an_overlong_note_and_keeps_it(alex, client_for):
    note = "x" * 2001
    response = client_for(alex).post(
        reverse("boundaries:add"), {"source": "catalogue", "catalogue_item": "104", "kind": Kind.ENJOY, "note": note}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "under 2,000 characters" in page and note in page


def test_it_edits_an_own_entry(alex, client_for, private_entry):
    response = client_for(alex).post(
        reverse("boundaries:edit", args=[private_entry.pk]), {"kind": Kind.HARD_LIMIT, "note": "changed"}
    )
    assert response.status_code == 302
    private_entry.refresh_from_db()
    assert private_entry.kind == Kind.HARD_LIMIT and private_entry.note == "changed"


def test_it_tells_the_owner_a_private_hard_limit_still_stops_proposals(alex, client_for):
    entry(alex, 110, kind=Kind.HARD_LIMIT)
    page = client_for(alex).get(reverse("boundaries:mine")).content.decode()
    assert "Evenly will stop any proposal that touches it" in page
    assert "This isn&#x27;t open right now" in page


def test_it_shares_and_unshares(alex, client_for, private_entry):
    client = client_for(alex)
    client.post(reverse("boundaries:share", args=[private_entry.pk]))
    private_entry.refresh_from_db()
    assert private_entry.is_shared
    client.post(reverse("boundaries:unshare", args=[private_entry.pk]))
    private_entry.refresh_from_db()
    assert not private_entry.is_shared


def test_it_removes_after_confirming(alex, client_for, private_entry):
    client = client_for(alex)
    assert client.get(reverse("boundaries:remove", args=[private_entry.pk])).status_code == 200
    client.post(reverse("boundaries:remove", args=[private_entry.pk]))
    assert not Boundary.objects.filter(pk=private_entry.pk).exists()


# ---- History ----


def test_it_shows_history_to_its_owner_only(alex, sam, jordan, client_for, shared_entry):
    services.boundary_update(actor=alex, boundary=shared_entry, kind=Kind.DEPENDS, note="history words")
    assert "history words" in client_for(alex).get(reverse("boundaries:history")).content.decode()
    for other in (sam, jordan):
        assert "history words" not in client_for(other).get(reverse("boundaries:history")).content.decode()
    assert BoundaryChange.objects.filter(author=alex).count() == 2


# ---- The partner's shared boundaries ----


def test_it_shows_the_partner_only_shared_entries(alex, sam, client_for, private_entry, shared_entry):
    for name in ("boundaries:partner", "boundaries:partner_list"):
        page = client_for(sam).get(reverse(name)).content.decode()
        assert "Cuddling" in page and "shared words" in page
        assert "Massage" not in page and SECRET not in page


def test_it_shows_an_outsider_nothing_of_the_couple(jordan, client_for, shared_entry):
    page = client_for(jordan).get(reverse("boundaries:partner")).content.decode()
    assert "Cuddling" not in page


def test_it_adds_a_talk_request_and_says_so(alex, sam, client_for, shared_entry):
    response = client_for(sam).post(reverse("boundaries:talk", args=[shared_entry.pk]), HTTP_HX_REQUEST="true")
    assert "Added to your next check-in." in response.content.decode()
    client_for(sam).post(reverse("boundaries:talk", args=[shared_entry.pk]))  # twice: one item
    assert TalkRequest.objects.filter(boundary=shared_entry, requester=sam).count() == 1
    owner_page = client_for(alex).get(reverse("boundaries:mine")).content.decode()
    assert "On the list of things to talk about at your next check-in." in owner_page


@pytest.mark.parametrize("who", ["alex", "jordan", "casey"])
def test_it_refuses_talk_requests_from_anyone_but_the_partner(request, client_for, shared_entry, who):
    user = request.getfixturevalue(who)
    assert client_for(user).post(reverse("boundaries:talk", args=[shared_entry.pk])).status_code == 404


def test_it_refuses_talk_requests_about_private_entries(sam, client_for, private_entry):
    assert client_for(sam).post(reverse("boundaries:talk", args=[private_entry.pk])).status_code == 404
    assert not TalkRequest.objects.exists()


# ---- Review ----


def test_it_resumes_a_review_started_twice(alex, client_for, private_entry, shared_entry):
    client = client_for(alex)
    first = client.post(reverse("boundaries:review"))
    second = client.post(reverse("boundaries:review"))
    assert first["Location"] == second["Location"]
    assert Review.objects.filter(user=alex).count() == 1


def test_it_walks_through_keep_change_remove(alex, client_for, private_entry, shared_entry):
    client = client_for(alex)
    review = services.review_start(actor=alex)
    step_url = reverse("boundaries:review_step", args=[review.pk])
    assert "Cuddling" in client.get(step_url).content.decode()  # catalogue order: 102 before 105
    client.post(step_url, {"boundary": shared_entry.pk, "outcome": "kept"})
    assert "Massage" in client.get(step_url).content.decode()
    client.post(
        reverse("boundaries:edit", args=[private_entry.pk]) + f"?review={review.pk}",
        {"kind": Kind.CURIOUS, "review": review.pk},
    )
    assert "That's everything" in client.get(step_url).content.decode()
    client.post(reverse("boundaries:review_finish", args=[review.pk]))
    review.refresh_from_db()
    assert review.finished_at is not None
    assert client.get(step_url).status_code == 404


@pytest.mark.parametrize("who", ["sam", "jordan"])
def test_it_hides_a_review_from_everyone_else(request, alex, client_for, who):
    review = services.review_start(actor=alex)
    user = request.getfixturevalue(who)
    assert client_for(user).get(reverse("boundaries:review_step", args=[review.pk])).status_code == 404
    assert client_for(user).post(reverse("boundaries:review_finish", args=[review.pk])).status_code == 404


def test_it_refuses_a_review_step_on_the_partners_entry(alex, sam, client_for, shared_entry):
    review = services.review_start(actor=sam)
    response = client_for(sam).post(
        reverse("boundaries:review_step", args=[review.pk]), {"boundary": shared_entry.pk, "outcome": "removed"}
    )
    assert response.status_code == 404
    assert Boundary.objects.filter(pk=shared_entry.pk).exists()


# ---- Reminders and life events ----


def test_it_saves_the_reminder_setting(alex, client_for):
    import re

    from evenly.boundaries.models import ReviewSettings

    client = client_for(alex)
    page = client.get(reverse("boundaries:reminders")).content.decode()
    assert re.search(r'<input[^>]*value="3"[^>]*checked', page)  # every three months unless changed
    client.post(reverse("boundaries:reminders"), {"months": "6"})
    assert ReviewSettings.objects.get(user=alex).reminder_months == 6
    assert client.post(reverse("boundaries:reminders"), {"months": "5"}).status_code == 400


def test_it_logs_life_events_privately_by_default(alex, sam, client_for):
    client_for(alex).post(reverse("boundaries:life_events"), {"kind": "move", "note": "new city"})
    event = LifeEvent.objects.get(author=alex)
    assert not event.is_shared
    assert "new city" not in client_for(sam).get(reverse("boundaries:life_events")).content.decode()
    client_for(alex).post(reverse("boundaries:life_event_share", args=[event.pk]))
    assert "new city" in client_for(sam).get(reverse("boundaries:life_events")).content.decode()


@pytest.mark.parametrize("who", ["sam", "jordan"])
@pytest.mark.parametrize(
    "name", ["boundaries:life_event_share", "boundaries:life_event_unshare", "boundaries:life_event_remove"]
)
def test_it_refuses_changes_to_anothers_life_event(request, alex, client_for, who, name):
    event = services.life_event_add(actor=alex, kind="loss")
    user = request.getfixturevalue(who)
    assert client_for(user).post(reverse(name, args=[event.pk])).status_code == 404
    assert LifeEvent.objects.filter(pk=event.pk).exists()


# ---- Curiosity list ----


def test_it_keeps_curiosity_answers_to_their_owner(alex, sam, client_for):
    client_for(alex).post(reverse("curious:answer", args=[101]), {"answer": "yes"})
    mine = client_for(alex).get(reverse("curious:list") + "?area=touch").content.decode()
    theirs = client_for(sam).get(reverse("curious:list") + "?area=touch").content.decode()
    assert mine.count('aria-pressed="true"') == 1
    assert theirs.count('aria-pressed="true"') == 0


def test_it_answers_with_htmx_in_place(alex, client_for):
    response = client_for(alex).post(
        reverse("curious:answer", args=[101]), {"answer": "curious"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert 'value="curious" class="seg seg-curious" aria-pressed="true"' in response.content.decode()


def test_it_refuses_unknown_items_and_answers(alex, client_for):
    client = client_for(alex)
    assert client.post(reverse("curious:answer", args=[99999]), {"answer": "yes"}).status_code == 404
    response = client.post(reverse("curious:answer", args=[101]), {"answer": "maybe"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 400 and "Choose yes, curious or no." in response.content.decode()
    assert client.get(reverse("curious:list") + "?area=nowhere").status_code == 404


def test_it_shows_matches_to_both_partners_only(alex, sam, jordan, client_for):
    services.curiosity_answer_set(actor=alex, catalogue_item_id=101, answer="yes")
    services.curiosity_answer_set(actor=sam, catalogue_item_id=101, answer="curious")
    services.curiosity_answer_set(actor=alex, catalogue_item_id=102, answer="yes")
    for user in (alex, sam):
        page = client_for(user).get(reverse("curious:matches")).content.decode()
        assert "Holding hands" in page and "Both curious" in page and "Cuddling" not in page
    assert "Holding hands" not in client_for(jordan).get(reverse("curious:matches")).content.decode()
