"""Resources: saved privately, shared with a note only when chosen, live and
with a neutral notice for the partner; outsiders see nothing."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from evenly.core.models import Notification
from evenly.core.personal_data import export_for
from evenly.healing import services
from evenly.healing.catalogue import RESOURCES, TOPICS
from evenly.healing.models import SavedResource

NOTE = "I thought of us when I read this"


def test_the_page_is_ours_and_outside_links_are_plain(client_for, alex):
    body = client_for(alex).get(reverse("healing:resources")).content.decode()
    assert "Going slowly is normal." in body
    for topic in ("Finding a couples or sex therapist", "Trauma-informed care", "Books, by topic", "Workshops"):
        assert topic in body
    for resource in RESOURCES.values():
        if resource.url:
            assert f'href="{resource.url}" rel="noopener noreferrer"' in body
    assert "<iframe" not in body and "<img" not in body


def test_keys_are_unique_and_slugs():
    keys = [r.key for topic in TOPICS for r in topic.resources]
    assert len(keys) == len(set(keys))
    assert all(key.replace("-", "").isalnum() for key in keys)


def test_a_saved_resource_is_private(client_for, alex, sam):
    client_for(alex).post(reverse("healing:resource_save", args=["hold-me-tight"]))
    assert SavedResource.objects.get(author=alex).visibility == "private"
    mine = client_for(alex).get(reverse("healing:resources")).content.decode()
    assert "Saved. Only you see this." in mine
    theirs = client_for(sam).get(reverse("healing:resources")).content.decode()
    assert "Saved. Only you see this." not in theirs
    assert "Nothing shared with you yet." in theirs


def test_sharing_with_a_note_reaches_the_partner_with_a_neutral_notice(client_for, alex, sam, jordan):
    response = client_for(alex).post(reverse("healing:resource_share", args=["hold-me-tight"]), {"note": NOTE})
    assert response.status_code == 302
    shared = client_for(sam).get(reverse("healing:resources_shared")).content.decode()
    assert NOTE in shared and "Hold Me Tight" in shared
    notice = Notification.objects.get(user=sam)
    assert NOTE not in notice.text and "Hold Me Tight" not in notice.text
    assert NOTE not in client_for(jordan).get(reverse("healing:resources_shared")).content.decode()
    client_for(alex).post(reverse("healing:resource_unshare", args=["hold-me-tight"]))
    assert NOTE not in client_for(sam).get(reverse("healing:resources_shared")).content.decode()


def test_the_share_page_coaches_the_note_and_keeps_it_when_refused(client_for, alex):
    client = client_for(alex)
    assert 'hx-post="/coach/' in client.get(reverse("healing:resource_share", args=["relate"])).content.decode()
    response = client.post(reverse("healing:resource_share", args=["relate"]), {"note": "y" * 1001})
    assert response.status_code == 400 and "y" * 1001 in response.content.decode()


def test_an_unknown_resource_is_a_404(client_for, alex):
    assert client_for(alex).post(reverse("healing:resource_save", args=["not-a-thing"])).status_code == 404


def test_without_a_partner_there_is_nothing_to_share_with(client_for, casey):
    body = client_for(casey).get(reverse("healing:resources")).content.decode()
    assert "with your partner" not in body.replace("shared with your partner", "")
    response = client_for(casey).post(reverse("healing:resource_share", args=["relate"]), {"note": "x"})
    assert response.status_code == 400


def test_events_go_to_both_partners_with_ids_only(alex, sam, jordan, event_tap, django_capture_on_commit_callbacks):
    event_tap.listen(alex, sam, jordan)
    with django_capture_on_commit_callbacks(execute=True):
        services.resource_share(actor=alex, key="relate", note=NOTE)
    for person in (alex, sam):
        messages = [m for m in event_tap.received(person) if m["event"] == "healing.resources"]
        assert len(messages) == 1 and set(messages[0]["ids"]) == {"couple"}
        assert NOTE not in json.dumps(messages)
    assert event_tap.received(jordan) == []


def test_export_holds_only_ones_own(alex, sam):
    services.resource_share(actor=alex, key="relate", note=NOTE)
    services.resource_save(actor=sam, key="aasect")
    assert NOTE in json.dumps(export_for(alex), default=str)
    sam_export = json.dumps(export_for(sam)["resources"], default=str)
    assert NOTE not in sam_export and "AASECT" in sam_export


@pytest.mark.parametrize("name", ["healing:resources", "healing:resources_shared"])
def test_pages_stay_within_their_query_budget(client_for, alex, sam, django_assert_max_num_queries, name):
    for key in list(RESOURCES)[:6]:
        services.resource_share(actor=sam, key=key, note=NOTE)
        services.resource_save(actor=alex, key=key)
    client = client_for(alex)
    with django_assert_max_num_queries(8):
        assert client.get(reverse(name)).status_code == 200


def test_anonymous_people_sign_in_first(client):
    for url in (reverse("healing:resources"), reverse("healing:resource_share", args=["relate"])):
        assert client.get(url).url.startswith("/accounts/login/")
