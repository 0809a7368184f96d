"""A partner who reads Evenly in Spanish sees consent in Spanish: the pages,
the sentences about their partner, the dates, and the refusals services give."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from evenly.accounts.models import User
from evenly.consent import services
from evenly.core.errors import ServiceError
from tests.cast import speaks_spanish

SPANISH_MONTH = r"\d{1,2} de (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)"


def _page(client, url: str) -> str:  # type: ignore[no-untyped-def]
    return client.get(url).content.decode()


def test_the_consent_page_is_in_spanish(in_spanish, alex, sam, client_for):  # type: ignore[no-untyped-def]
    page = _page(client_for(speaks_spanish(sam)), reverse("consent:home"))
    assert "Consentimiento, una noche a la vez" in page
    assert "Abrir la charla de esta noche" in page
    assert "Invitar a Alex" in page
    assert "Consent, one evening at a time" not in page
    assert "Open tonight&#x27;s check-in" not in page and "Open tonight's check-in" not in page


def test_the_partners_signal_speaks_of_her_in_spanish(in_spanish, alex, sam, client_for):  # type: ignore[no-untyped-def]
    User.objects.filter(pk=sam.pk).update(pronouns="she/her")
    services.signal_set(actor=sam, colour="green")
    page = _page(client_for(speaks_spanish(alex)), reverse("consent:signal"))
    assert "<strong>Sam: verde.</strong> Todo bien para ella ahora mismo." in page
    assert "All good for her" not in page
    assert "Tu señal" in page


def test_an_invitation_reads_in_spanish_with_spanish_dates(in_spanish, alex, sam, client_for):  # type: ignore[no-untyped-def]
    start = timezone.now() + timedelta(hours=1)
    invitation = services.invitation_create(
        actor=alex, item_ids=[], words="Un paseo", note="", starts_at=start, ends_at=start + timedelta(hours=2)
    )
    page = _page(client_for(speaks_spanish(alex)), reverse("consent:invitation", args=[invitation.pk]))
    assert "Sin prisa. Sam puede responder cuando le venga bien, o no responder." in page
    assert re.search(rf"del \w+ {SPANISH_MONTH}, \d\d:\d\d al ", page)
    assert "No rush" not in page
    page = _page(client_for(speaks_spanish(sam)), reverse("consent:invitation", args=[invitation.pk]))
    assert "Una invitación de Alex" in page
    assert "Sí, siempre que…" in page
    assert "Yes, I&#x27;d love to" not in page


def test_refusals_are_in_spanish(in_spanish, alex, sam):  # type: ignore[no-untyped-def]
    services.consent_settings_update(actor=sam, slower_pace=True, cooldown_hours=24)
    start = timezone.now() + timedelta(hours=1)
    with pytest.raises(ServiceError) as refused:
        services.invitation_create(
            actor=alex, item_ids=[], words="Un paseo", note="", starts_at=start, ends_at=start + timedelta(hours=2)
        )
    assert str(refused.value.message) == "Las invitaciones están en pausa por ahora."
    with pytest.raises(ServiceError) as too_late:
        services.dialogue_start(actor=alex, ends_at=timezone.now() - timedelta(hours=1))
    assert too_late.value.message == "Elige una hora de fin posterior a ahora."


def test_english_stays_the_source_text(alex, sam, client_for):  # type: ignore[no-untyped-def]
    page = _page(client_for(sam), reverse("consent:home"))
    assert "Consent, one evening at a time" in page
    assert "Consentimiento" not in page
