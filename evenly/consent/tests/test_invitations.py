from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from evenly.boundaries.guard import NOT_OPEN_MESSAGE
from evenly.consent import services
from evenly.consent.models import Cooldown, Invitation, Outcome
from evenly.consent.tests.conftest import invitations_seen_by, window
from evenly.core.errors import ServiceError
from evenly.pause.services import pause_start

pytestmark = pytest.mark.django_db


def test_it_sends_something_specific_for_a_time_window(alex, sam, invite):
    invitation = invite(alex, items=(105,), words="After dinner")
    assert invitation.invitee == sam
    assert invitation.item_ids == [105]
    assert [i.invitation for i in invitations_seen_by(sam).to_me] == [invitation]
    assert [i.invitation for i in invitations_seen_by(alex).from_me] == [invitation]


def test_it_needs_a_what(alex, sam):
    start, end = window()
    with pytest.raises(ServiceError, match="own words"):
        services.invitation_create(actor=alex, item_ids=[], words="  ", note="", starts_at=start, ends_at=end)


def test_it_refuses_a_window_that_has_passed(alex, sam):
    start, end = window(hours_from_now=-5)
    with pytest.raises(ServiceError, match="passed"):
        services.invitation_create(actor=alex, item_ids=[101], words="", note="", starts_at=start, ends_at=end)


@pytest.mark.parametrize("shared", [True, False])
def test_a_hard_limit_blocks_the_invitation_with_the_neutral_message(alex, sam, invite, hard_limit, shared):
    hard_limit(sam, item_id=209, shared=shared)
    with pytest.raises(ServiceError) as refused:
        invite(alex, items=(209,), words="")
    assert refused.value.message == NOT_OPEN_MESSAGE
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("shared", [True, False])
def test_a_hard_limit_in_own_words_blocks_the_invitation_the_same_way(alex, sam, invite, hard_limit, shared):
    hard_limit(sam, wording="Phone calls at work", shared=shared)
    with pytest.raises(ServiceError) as refused:
        invite(alex, words="A quiet hour", note="Maybe some phone calls at work?")
    assert refused.value.message == NOT_OPEN_MESSAGE


def test_ones_own_hard_limits_do_not_block_ones_own_invitation(alex, sam, invite, hard_limit):
    hard_limit(alex, item_id=209, shared=True)
    assert invite(alex, items=(209,)).pk


def test_only_the_invitee_answers(alex, sam, jordan, invite):
    invitation = invite(alex)
    with pytest.raises(ServiceError, match="only your partner"):
        services.invitation_answer(actor=alex, invitation=invitation, outcome="yes")
    with pytest.raises(ServiceError):
        services.invitation_answer(actor=jordan, invitation=invitation, outcome="yes")


def test_yes_if_needs_the_conditions_and_keeps_them(alex, sam, invite):
    invitation = invite(alex)
    with pytest.raises(ServiceError, match="depends on"):
        services.invitation_answer(actor=sam, invitation=invitation, outcome="yes_if", conditions=" ")
    answered = services.invitation_answer(actor=sam, invitation=invitation, outcome="yes_if", conditions="Lights low")
    assert answered.is_yes and answered.conditions == "Lights low"


@pytest.mark.parametrize("outcome", ["not_now", "no"])
def test_a_decline_starts_the_invitees_cool_down(alex, sam, invite, outcome):
    services.consent_settings_update(actor=sam, slower_pace=False, cooldown_hours=72)
    invitation = invite(alex)
    services.invitation_answer(actor=sam, invitation=invitation, outcome=outcome)
    invitation.refresh_from_db()
    assert not invitation.is_yes
    cooldown = Cooldown.objects.get()
    assert (cooldown.couple_id, cooldown.inviter_id) == (invitation.couple_id, alex.pk)
    assert timedelta(hours=71) < cooldown.until - timezone.now() <= timedelta(hours=72)
    assert invitations_seen_by(alex).acknowledgement_until == cooldown.until
    assert invitations_seen_by(sam).acknowledgement_until is None
    with pytest.raises(ServiceError, match="a little time"):
        invite(alex)


def test_the_cool_down_ends(alex, sam, invite):
    services.invitation_answer(actor=sam, invitation=invite(alex), outcome="no")
    Cooldown.objects.update(until=timezone.now() - timedelta(seconds=1))
    assert invite(alex).pk


def test_a_second_decline_only_ever_lengthens_the_cool_down(alex, sam, invite):
    first, second = invite(alex), invite(alex)
    services.consent_settings_update(actor=sam, slower_pace=False, cooldown_hours=168)
    services.invitation_answer(actor=sam, invitation=first, outcome="no")
    services.consent_settings_update(actor=sam, slower_pace=False, cooldown_hours=2)
    services.invitation_answer(actor=sam, invitation=second, outcome="not_now")
    assert Cooldown.objects.count() == 1
    assert Cooldown.objects.get().until - timezone.now() > timedelta(hours=167)


def test_the_cool_down_only_holds_back_the_inviter(alex, sam, invite):
    services.invitation_answer(actor=sam, invitation=invite(alex), outcome="no")
    assert invite(sam).invitee == alex


def test_a_slower_pace_pauses_invitations_to_that_partner(alex, sam, invite):
    services.consent_settings_update(actor=sam, slower_pace=True, cooldown_hours=24)
    with pytest.raises(ServiceError) as refused:
        invite(alex)
    assert refused.value.message == "Invitations are paused for now."
    assert invitations_seen_by(alex).partner_pace_slower
    services.consent_settings_update(actor=sam, slower_pace=False, cooldown_hours=24)
    assert invite(alex).pk


def test_the_invitee_can_withdraw_a_yes(alex, sam, invite):
    invitation = services.invitation_answer(actor=sam, invitation=invite(alex), outcome="yes")
    withdrawn = services.invitation_withdraw(actor=sam, invitation=invitation)
    assert withdrawn.outcome == Outcome.WITHDRAWN and withdrawn.withdrawn_by == sam
    assert invitations_seen_by(alex).from_me == []
    assert [i.invitation.pk for i in invitations_seen_by(alex).withdrawn] == [invitation.pk]


def test_withdrawing_conditions_erases_them_at_once(alex, sam, invite):
    invitation = services.invitation_answer(actor=sam, invitation=invite(alex), outcome="yes_if", conditions="Slowly")
    services.invitation_withdraw(actor=sam, invitation=invitation)
    invitation.refresh_from_db()
    assert invitation.conditions == ""


def test_the_inviter_can_withdraw_an_open_invitation(alex, sam, invite):
    invitation = services.invitation_withdraw(actor=alex, invitation=invite(alex))
    assert invitation.outcome == Outcome.WITHDRAWN


def test_a_withdrawal_beats_an_acceptance_that_comes_after_it(alex, sam, invite):
    invitation = invite(alex)
    stale = Invitation.objects.get(pk=invitation.pk)  # the invitee's page, loaded before
    services.invitation_withdraw(actor=alex, invitation=invitation)
    with pytest.raises(ServiceError, match="withdrawn"):
        services.invitation_answer(actor=sam, invitation=stale, outcome="yes")
    assert Invitation.objects.get().outcome == Outcome.WITHDRAWN


def test_a_withdrawal_overrides_an_acceptance_that_came_first(alex, sam, invite):
    invitation = invite(alex)
    stale = Invitation.objects.get(pk=invitation.pk)
    services.invitation_answer(actor=sam, invitation=invitation, outcome="yes")
    services.invitation_withdraw(actor=alex, invitation=stale)
    assert Invitation.objects.get().outcome == Outcome.WITHDRAWN


def test_withdrawing_twice_is_harmless(alex, sam, invite):
    invitation = invite(alex)
    services.invitation_withdraw(actor=alex, invitation=invitation)
    assert services.invitation_withdraw(actor=alex, invitation=invitation).outcome == Outcome.WITHDRAWN


def test_a_replayed_answer_is_refused_clearly(alex, sam, invite):
    invitation = invite(alex)
    services.invitation_answer(actor=sam, invitation=invitation, outcome="no")
    with pytest.raises(ServiceError, match="already answered"):
        services.invitation_answer(actor=sam, invitation=invitation, outcome="yes")


def test_an_expired_invitation_cannot_be_answered(alex, sam, invite):
    invitation = invite(alex)
    Invitation.objects.update(
        starts_at=timezone.now() - timedelta(hours=4), ends_at=timezone.now() - timedelta(minutes=1)
    )
    invitation.refresh_from_db()
    with pytest.raises(ServiceError, match="has ended"):
        services.invitation_answer(actor=sam, invitation=invitation, outcome="yes")
    assert invitations_seen_by(sam).to_me == []


def test_a_yes_waits_for_the_pause_but_a_no_does_not(alex, sam, invite):
    invitation = invite(alex)
    pause_start(actor=alex)
    with pytest.raises(ServiceError, match="pause"):
        services.invitation_answer(actor=sam, invitation=invitation, outcome="yes")
    assert services.invitation_answer(actor=sam, invitation=invitation, outcome="not_now").outcome == "not_now"


def test_inviting_waits_for_the_pause(alex, sam, invite):
    pause_start(actor=sam)
    with pytest.raises(ServiceError, match="pause"):
        invite(alex)


def test_inviting_needs_a_partner(casey, invite):
    with pytest.raises(ServiceError, match="shared space"):
        invite(casey)


def test_nobody_can_invite_themselves(alex, alex_sam):
    from django.db import IntegrityError, transaction

    start, end = window()
    with pytest.raises(IntegrityError), transaction.atomic():
        Invitation.objects.create(couple=alex_sam[2], inviter=alex, invitee=alex, starts_at=start, ends_at=end)


def test_there_is_no_history_of_yeses(alex, sam, invite):
    invitation = services.invitation_answer(actor=sam, invitation=invite(alex), outcome="yes")
    Invitation.objects.filter(pk=invitation.pk).update(
        starts_at=timezone.now() - timedelta(hours=4), ends_at=timezone.now() - timedelta(minutes=1)
    )
    for viewer in (alex, sam):
        view = invitations_seen_by(viewer)
        assert view.to_me == [] and view.from_me == [] and view.withdrawn == []
