"""The words of invitations read cleanly: no doubled or stray punctuation, no
stray spaces, whatever the inviter typed."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from evenly.consent import services
from evenly.consent.selectors import what_phrase


def test_it_joins_items_and_own_words_into_one_phrase():
    assert what_phrase(["Kissing", "Cuddling"], "A slow evening.") == "Kissing, Cuddling; A slow evening"
    assert what_phrase([], "  a   bath  ") == "a bath"
    assert what_phrase(["Kissing"], "") == "Kissing"


@given(st.lists(st.sampled_from(["Kissing", "A massage"]), max_size=3), st.text(max_size=40))
def test_a_phrase_never_ends_in_punctuation_or_space(titles, words):
    phrase = what_phrase(titles, words)
    assert phrase == phrase.strip()
    assert not phrase.endswith((".", "!", ",", ";", ":"))
    assert "  " not in phrase


def test_a_withdrawn_invitation_reads_cleanly(client, alex, sam):
    now = timezone.now()
    invitation = services.invitation_create(
        actor=alex, item_ids=[], words="A slow evening.", note="", starts_at=now, ends_at=now + timedelta(hours=2)
    )
    services.invitation_withdraw(actor=alex, invitation=invitation)
    client.force_login(sam)
    page = client.get(reverse("consent:home")).content.decode()
    assert "withdrew “A slow evening”. It no longer stands." in page
    assert ".”." not in page and " ”" not in page
