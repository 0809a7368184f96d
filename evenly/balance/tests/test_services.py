"""The balance services and what they leave out, on the real database."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from evenly.balance import selectors, services
from evenly.balance.models import BalanceSeat, PulseAnswer
from evenly.balance.tests import helpers
from evenly.checkins.models import AgendaItem
from evenly.consent import services as consent_services
from evenly.consent.models import Dialogue, Invitation, Outcome, Signal
from evenly.core.errors import ServiceError
from evenly.core.personal_data import erase_for, export_for
from evenly.couples.services import couple_leave
from evenly.decisions import services as decision_services
from evenly.decisions.models import Experiment, ExperimentStatus
from evenly.pause.models import Pause
from evenly.pause.services import pause_lift, pause_start

pytestmark = pytest.mark.django_db
ANSWERS = {"counted": 4, "spoke_freely": 3, "shaped_together": 5}


def figures(viewer, period: int = 12):  # type: ignore[no-untyped-def]
    page = selectors.balance_page(viewer=viewer, partnership=helpers.partnership(viewer), period=period)
    assert page.shared is not None
    return (
        [(s.kind, s.mine, s.partners) for s in page.shared.shares],
        [(c.months, c.word) for c in page.shared.closeness],
        page.shared.offers,
        page.my_series,
    )


def test_turning_it_off_turns_it_off_for_both(alex, sam):
    assert services.shared_view_turn_on(actor=alex, partnership=helpers.partnership(alex)) is False
    assert services.shared_view_turn_on(actor=sam, partnership=helpers.partnership(sam)) is True
    services.shared_view_turn_off(actor=alex, partnership=helpers.partnership(alex))
    assert not helpers.seat(alex).shares_view and not helpers.seat(sam).shares_view
    # Seeing it again takes both choosing it again.
    assert services.shared_view_turn_on(actor=sam, partnership=helpers.partnership(sam)) is False


def test_a_pulse_belongs_to_the_month_and_counts_once(alex):
    services.pulse_save(actor=alex, partnership=helpers.partnership(alex), answers=ANSWERS)
    services.pulse_save(actor=alex, partnership=helpers.partnership(alex), answers={**ANSWERS, "counted": 1})
    assert PulseAnswer.objects.filter(user=alex).count() == 1
    with pytest.raises(ServiceError):
        services.pulse_save(actor=alex, partnership=helpers.partnership(alex), answers={**ANSWERS, "counted": 6})


def test_an_offer_is_made_once_goes_on_the_agenda_and_closes_for_both(alex, sam):
    helpers.both_on(alex, sam)
    helpers.adopted_from(alex, sam)
    assert figures(alex)[2] == ["adopted_lean"] and figures(sam)[2] == ["adopted_lean"]
    services.offer_to_agenda(actor=sam, partnership=helpers.partnership(sam), pattern="adopted_lean")
    assert [item.text for item in AgendaItem.objects.filter(author=sam)] == ["How we decide things"]
    assert figures(alex)[2] == [] and figures(sam)[2] == []
    with pytest.raises(ServiceError):
        services.offer_to_agenda(actor=alex, partnership=helpers.partnership(alex), pattern="adopted_lean")
    # It stays closed however long the pattern holds.
    helpers.adopted_from(alex, sam)
    assert figures(alex)[2] == []


def test_a_dismissed_offer_never_comes_back_to_that_partner(alex, sam):
    helpers.both_on(alex, sam)
    helpers.adopted_from(alex, sam)
    services.offer_dismiss(actor=alex, partnership=helpers.partnership(alex), pattern="adopted_lean")
    assert figures(alex)[2] == []
    assert figures(sam)[2] == ["adopted_lean"]  # the partner's own choice is theirs
    services.shared_view_turn_off(actor=alex, partnership=helpers.partnership(alex))
    helpers.both_on(alex, sam)
    assert figures(alex)[2] == []


def test_an_offer_needs_the_shared_view_and_a_real_pattern(alex, sam):
    with pytest.raises(ServiceError):
        services.offer_dismiss(actor=alex, partnership=helpers.partnership(alex), pattern="adopted_lean")
    helpers.both_on(alex, sam)
    for pattern in ("adopted_lean", "ratings_apart"):  # neither holds yet
        with pytest.raises(ServiceError):
            services.offer_to_agenda(actor=alex, partnership=helpers.partnership(alex), pattern=pattern)
    with pytest.raises(ServiceError):
        services.offer_dismiss(actor=alex, partnership=helpers.partnership(alex), pattern="nonsense")
    assert not AgendaItem.objects.exists()


def test_swapping_seats_mirrors_the_figures_in_the_database(alex, sam):
    helpers.both_on(alex, sam)
    helpers.some_history(alex, sam)
    helpers.ratings_for_both(alex, sam, a_level=5, b_level=2)
    alex_view, sam_view = figures(alex), figures(sam)
    assert [(k, b, a) for k, a, b in alex_view[0]] == sam_view[0]
    assert alex_view[1] == sam_view[1] == [(3, "apart"), (6, "apart"), (12, "apart")]


def test_answers_declines_withdrawals_signals_and_pauses_never_change_a_figure(alex, sam):
    """The balance reads who started things, never how anyone answered."""
    helpers.both_on(alex, sam)
    helpers.some_history(alex, sam)
    helpers.ratings_for_both(alex, sam, a_level=4, b_level=4)
    now = timezone.now()
    consent_services.invitation_create(
        actor=alex, item_ids=[], words="x", note="", starts_at=now, ends_at=now + timedelta(hours=2)
    )
    experiment = decision_services.experiment_propose(actor=sam, idea="i", ends_when="e", then_what="t")
    before = (figures(alex), figures(sam))

    # Every answer an invitation could have had, withdrawn by either, or forgotten.
    for outcome in Outcome.values:
        for withdrawn_by in (None, alex, sam):
            Invitation.objects.update(
                outcome=outcome,
                answered_at=now,
                withdrawn_by=withdrawn_by,
                withdrawn_at=now if withdrawn_by else None,
                forgotten=outcome == Outcome.ENDED,
            )
            assert (figures(alex), figures(sam)) == before
    # However an experiment was answered or ended, and by whom.
    for status in ExperimentStatus.values:
        for ended_by in (None, alex, sam):
            Experiment.objects.filter(pk=experiment.pk).update(status=status, ended_by=ended_by, ended_at=now)
            assert (figures(alex), figures(sam)) == before
    # Signals, tonight's check-ins and pauses, in any number, by either.
    for person in (alex, sam, alex):
        Signal.objects.filter(user=person, ended_at__isnull=True).update(ended_at=now)
        Signal.objects.create(
            user=person, couple=helpers.partnership(alex).couple, colour="red", set_at=now, lapses_at=now
        )
        Dialogue.objects.create(couple=helpers.partnership(alex).couple, started_by=person, ends_at=now)
        pause_lift(actor=person, pause=pause_start(actor=person))
    assert Pause.objects.count() == 3
    assert (figures(alex), figures(sam)) == before


def test_a_partner_who_leaves_takes_their_numbers_and_the_view_ends(alex, sam, make_user):
    helpers.both_on(alex, sam)
    services.pulse_save(actor=sam, partnership=helpers.partnership(sam), answers=ANSWERS)
    couple_leave(actor=sam)
    assert helpers.partnership(alex) is None and helpers.partnership(sam) is None
    exported = export_for(sam)["balance"]
    assert exported["my_monthly_pulse"][0]["my_wishes_counted"] == 4  # type: ignore[index]


def test_export_has_only_my_own_pulse_and_erase_removes_it(alex, sam):
    services.pulse_save(actor=alex, partnership=helpers.partnership(alex), answers=ANSWERS)
    services.pulse_save(actor=sam, partnership=helpers.partnership(sam), answers={**ANSWERS, "counted": 1})
    exported = export_for(alex)["balance"]
    assert json.dumps(exported).count("my_wishes_counted") == 1
    assert exported["my_monthly_pulse"][0]["my_wishes_counted"] == 4  # type: ignore[index]
    erase_for(alex)
    assert not PulseAnswer.objects.filter(user=alex).exists() and not BalanceSeat.objects.filter(user=alex).exists()
    assert PulseAnswer.objects.filter(user=sam).exists()
