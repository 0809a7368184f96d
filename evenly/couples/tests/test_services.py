from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from evenly.core.errors import ServiceError
from evenly.core.models import AuditEvent, AuditKind, Notification
from evenly.couples import services
from evenly.couples.models import Invite, Membership
from evenly.couples.selectors import couple_context

pytestmark = pytest.mark.django_db


def test_it_pairs_two_people_with_a_code(make_user):
    alex, sam = make_user("Alex"), make_user("Sam")
    couple = services.couple_create(actor=alex)
    invite = services.invite_create(actor=alex)
    services.invite_accept(actor=sam, typed_code=invite.code.lower())
    assert couple_context(viewer=alex).partner == sam
    assert couple_context(viewer=sam).partner == alex
    assert couple_context(viewer=sam).couple == couple


def test_an_invite_works_only_once(alex, sam, casey):
    services.couple_leave(actor=alex)
    services.couple_create(actor=alex)
    invite = services.invite_create(actor=alex)
    services.invite_accept(actor=casey, token=invite.token)
    with pytest.raises(ServiceError, match="can't be used"):
        services.invite_accept(actor=sam, token=invite.token)


def test_an_expired_invite_is_refused(make_user):
    alex, sam = make_user("Alex"), make_user("Sam")
    services.couple_create(actor=alex)
    invite = services.invite_create(actor=alex)
    Invite.objects.filter(pk=invite.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(ServiceError, match="expired"):
        services.invite_accept(actor=sam, typed_code=invite.code)


def test_a_revoked_invite_is_refused(make_user):
    alex, sam = make_user("Alex"), make_user("Sam")
    services.couple_create(actor=alex)
    invite = services.invite_create(actor=alex)
    services.invite_revoke(actor=alex, invite=invite)
    with pytest.raises(ServiceError):
        services.invite_accept(actor=sam, token=invite.token)


def test_a_new_invite_withdraws_the_old_one(make_user):
    alex, sam = make_user("Alex"), make_user("Sam")
    services.couple_create(actor=alex)
    old = services.invite_create(actor=alex)
    services.invite_create(actor=alex)
    with pytest.raises(ServiceError):
        services.invite_accept(actor=sam, token=old.token)


def test_nobody_can_use_their_own_invite(make_user):
    alex = make_user("Alex")
    services.couple_create(actor=alex)
    invite = services.invite_create(actor=alex)
    with pytest.raises(ServiceError, match="your own invitation"):
        services.invite_accept(actor=alex, token=invite.token)


def test_someone_in_a_couple_cannot_join_another(alex, make_user):
    jamie, morgan = make_user("Jamie"), make_user("Morgan")
    services.couple_create(actor=jamie)
    invite = services.invite_create(actor=jamie)
    with pytest.raises(ServiceError, match="already in a shared space"):
        services.invite_accept(actor=alex, token=invite.token)
    services.invite_accept(actor=morgan, token=invite.token)  # the invite is still usable


def test_a_person_cannot_create_two_couples(alex):
    with pytest.raises(ServiceError, match="already"):
        services.couple_create(actor=alex)


def test_the_database_refuses_a_second_active_couple(alex, casey):
    couple = couple_context(viewer=alex).couple
    other = services.couple_create(actor=casey)
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(couple=other, user=alex, seat=2)
    assert couple_context(viewer=alex).couple == couple


def test_the_database_refuses_a_third_seat(alex_sam, casey):
    _, _, couple = alex_sam
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(couple=couple, user=casey, seat=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(couple=couple, user=casey, seat=1)


def test_a_full_couple_makes_no_invites(alex):
    with pytest.raises(ServiceError, match="two partners"):
        services.invite_create(actor=alex)


def test_either_partner_leaves_alone_and_the_other_is_told_only_that_it_ended(alex, sam):
    services.couple_leave(actor=sam)
    assert couple_context(viewer=alex).couple is None
    assert couple_context(viewer=sam).couple is None
    assert [n.kind for n in Notification.objects.filter(user=alex)] == ["couple_ended"]
    assert not Notification.objects.filter(user=sam).exists()
    assert AuditEvent.objects.filter(user=sam, kind=AuditKind.COUPLE_LEFT).exists()
    assert AuditEvent.objects.filter(user=alex, kind=AuditKind.COUPLE_ENDED).exists()


def test_leaving_twice_is_harmless(alex, sam):
    services.couple_leave(actor=alex)
    services.couple_leave(actor=alex)
    assert Notification.objects.filter(user=sam).count() == 1


def test_leaving_ends_open_pauses(alex, sam):
    from evenly.pause.selectors import pause_state
    from evenly.pause.services import pause_start

    pause_start(actor=alex)
    services.couple_leave(actor=sam)
    assert not pause_state(viewer=alex, couple_id=None).is_paused
    from evenly.pause.models import Pause

    assert not Pause.objects.filter(lifted_at__isnull=True).exists()


def test_both_can_start_again_after_leaving(alex, sam):
    services.couple_leave(actor=alex)
    services.couple_create(actor=alex)
    invite = services.invite_create(actor=alex)
    services.invite_accept(actor=sam, typed_code=invite.code)
    assert couple_context(viewer=sam).partner == alex


def test_joining_tells_the_inviter_with_ids_only(make_user, event_tap, django_capture_on_commit_callbacks):
    alex, sam, casey = make_user("Alex"), make_user("Sam"), make_user("Casey")
    couple = services.couple_create(actor=alex)
    invite = services.invite_create(actor=alex)
    event_tap.listen(alex, sam, casey)
    with django_capture_on_commit_callbacks(execute=True):
        services.invite_accept(actor=sam, token=invite.token)
    assert event_tap.received(alex) == [
        {"type": "evenly.event", "event": "couple.joined", "ids": {"couple": couple.pk}}
    ]
    assert event_tap.received(sam) == []
    assert event_tap.received(casey) == []


def test_ending_tells_only_the_other_partner(alex, sam, jordan, event_tap, django_capture_on_commit_callbacks):
    event_tap.listen(alex, sam, jordan)
    with django_capture_on_commit_callbacks(execute=True):
        services.couple_leave(actor=alex)
    assert [m["event"] for m in event_tap.received(sam)] == ["couple.ended"]
    assert event_tap.received(alex) == []
    assert event_tap.received(jordan) == []


def test_a_profile_change_reaches_the_partner_without_the_name(
    alex, sam, event_tap, django_capture_on_commit_callbacks
):
    event_tap.listen(alex, sam)
    with django_capture_on_commit_callbacks(execute=True):
        services.profile_update(actor=alex, display_name="Lex", pronouns="they/them")
    messages = event_tap.received(sam)
    assert [m["event"] for m in messages] == ["partner.updated"]
    assert "Lex" not in repr(messages)
    assert event_tap.received(alex) == []
