"""Sentences about the partner use the partner's own pronouns, and read
naturally around the name when there are none to use."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from evenly.accounts.models import User
from evenly.consent import services


@pytest.mark.parametrize(
    ("pronouns", "expected"),
    [
        ("she/her", "Sam can answer whenever she likes"),
        ("he/him", "Sam can answer whenever he likes"),
        ("they/them", "Sam can answer whenever they like"),
        ("", "Sam can answer whenever it suits"),
    ],
)
def test_an_open_invitation_speaks_of_the_partner_as_they_wish(client, alex, sam, pronouns, expected):  # type: ignore[no-untyped-def]
    User.objects.filter(pk=sam.pk).update(pronouns=pronouns)
    now = timezone.now()
    invitation = services.invitation_create(
        actor=alex, item_ids=[], words="A slow evening", note="", starts_at=now, ends_at=now + timedelta(hours=2)
    )
    client.force_login(alex)
    page = client.get(reverse("consent:invitation", args=[invitation.pk])).content.decode()
    assert expected in page
    assert "  " not in page.split('data-state="open">', 1)[1].split("</p>", 1)[0]
