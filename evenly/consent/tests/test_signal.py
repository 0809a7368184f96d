from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from evenly.consent import services
from evenly.consent.models import Signal
from evenly.consent.tests.conftest import signals_seen_by
from evenly.core.errors import ServiceError
from evenly.pause.models import Pause

pytestmark = pytest.mark.django_db


def test_it_shows_each_partner_the_others_current_colour(alex, sam):
    services.signal_set(actor=alex, colour="green")
    services.signal_set(actor=sam, colour="yellow")
    assert signals_seen_by(alex).partners.colour == "yellow"
    assert signals_seen_by(sam).partners.colour == "green"
    assert signals_seen_by(sam).mine.colour == "yellow"


def test_it_keeps_one_current_signal_per_person(alex, sam):
    services.signal_set(actor=alex, colour="green")
    services.signal_set(actor=alex, colour="yellow")
    assert Signal.objects.filter(user=alex, ended_at__isnull=True).count() == 1
    assert signals_seen_by(sam).partners.colour == "yellow"


def test_it_lets_an_old_signal_fade_on_its_own(alex, sam):
    services.signal_set(actor=alex, colour="green")
    Signal.objects.update(lapses_at=timezone.now() - timedelta(seconds=1))
    assert signals_seen_by(sam).partners is None


def test_red_pauses_everything_for_both_without_asking(alex, sam):
    services.signal_set(actor=alex, colour="red")
    pause = Pause.objects.get(lifted_at__isnull=True)
    assert pause.paused_by == alex


def test_a_signal_goes_through_during_a_pause(alex, sam):
    from evenly.pause.services import pause_start

    pause_start(actor=sam)
    services.signal_set(actor=alex, colour="yellow")
    assert signals_seen_by(sam).partners.colour == "yellow"


def test_it_needs_a_partner(casey):
    with pytest.raises(ServiceError):
        services.signal_set(actor=casey, colour="green")


def test_it_refuses_a_made_up_colour(alex):
    with pytest.raises(ValueError):
        services.signal_set(actor=alex, colour="purple")
