from __future__ import annotations

from collections.abc import Callable

from allauth.usersessions.models import UserSession
from django.test import Client

from evenly.accounts.models import User
from evenly.core.audit import audit_record
from evenly.core.models import AuditEvent, AuditKind, Notification, NotificationKind
from evenly.couples.models import Couple, Membership
from evenly.pause.models import Pause
from evenly.pause.services import pause_start
from tests.cast import PASSWORD


def test_it_redirects_anonymous_visitors_to_sign_in(db: None) -> None:
    response = Client().get("/account/delete/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_asks_for_the_password_first(alex: User, client_for: Callable[[User], Client]) -> None:
    client = client_for(alex)
    for response in (client.get("/account/delete/"), client.post("/account/delete/", {"confirm": "on"})):
        assert response.status_code == 302
        assert response["Location"] == "/accounts/reauthenticate/?next=%2Faccount%2Fdelete%2F"
    assert User.objects.filter(pk=alex.pk).exists()


def test_it_does_not_accept_a_wrong_password(alex: User, client_for: Callable[[User], Client]) -> None:
    client = client_for(alex)
    response = client.post("/accounts/reauthenticate/", {"password": "not the password"})
    assert response.status_code == 200
    assert client.get("/account/delete/").status_code == 302


def test_it_explains_calmly_after_reauthenticating(alex: User, client_for: Callable[[User], Client]) -> None:
    client = client_for(alex)
    response = client.post("/accounts/reauthenticate/?next=/account/delete/", {"password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/account/delete/"
    html = response.content.decode()
    assert "Sam is told only that it has ended" in html
    assert User.objects.filter(pk=alex.pk).exists()


def test_it_keeps_the_account_without_confirmation(
    alex: User, reauthenticated_client_for: Callable[[User], Client]
) -> None:
    response = reauthenticated_client_for(alex).post("/account/delete/", {})
    assert response.status_code == 200
    assert "Nothing has been deleted yet" in response.content.decode()
    assert User.objects.filter(pk=alex.pk).exists()


def test_it_deletes_the_account_and_its_rows(
    alex: User, sam: User, reauthenticated_client_for: Callable[[User], Client]
) -> None:
    pause_start(actor=alex)
    client = reauthenticated_client_for(alex)
    alex_id = alex.pk

    response = client.post("/account/delete/", {"confirm": "on"})

    assert response.status_code == 302
    assert response["Location"] == "/account/goodbye/"
    assert not User.objects.filter(pk=alex_id).exists()
    assert not AuditEvent.objects.filter(user_id=alex_id).exists()
    assert not Membership.objects.filter(user_id=alex_id).exists()
    assert not Pause.objects.filter(paused_by_id=alex_id).exists()
    assert not UserSession.objects.filter(user_id=alex_id).exists()
    assert client.get("/account/security/").status_code == 302
    assert "has been deleted" in client.get("/account/goodbye/").content.decode()


def test_it_ends_the_couple_and_tells_the_partner_neutrally(
    alex: User, sam: User, reauthenticated_client_for: Callable[[User], Client]
) -> None:
    couple = Couple.objects.get(memberships__user=sam)
    reauthenticated_client_for(alex).post("/account/delete/", {"confirm": "on"})

    couple.refresh_from_db()
    assert couple.ended_at is not None
    assert not Membership.objects.filter(user=sam, left_at__isnull=True).exists()
    assert [n.kind for n in Notification.objects.filter(user=sam)] == [NotificationKind.COUPLE_ENDED]
    assert AuditEvent.objects.filter(user=sam, kind=AuditKind.COUPLE_ENDED).exists()


def test_it_leaves_the_partners_own_data_intact(
    alex: User, sam: User, reauthenticated_client_for: Callable[[User], Client]
) -> None:
    pause_start(actor=sam)
    audit_record(user_id=sam.pk, kind=AuditKind.PASSWORD_CHANGED)
    reauthenticated_client_for(alex).post("/account/delete/", {"confirm": "on"})

    assert User.objects.filter(pk=sam.pk).exists()
    assert Pause.objects.filter(paused_by=sam).count() == 1
    assert AuditEvent.objects.filter(user=sam, kind=AuditKind.PASSWORD_CHANGED).exists()
    assert Membership.objects.filter(user=sam).count() == 1


def test_it_deletes_someone_who_is_in_no_couple(
    casey: User, reauthenticated_client_for: Callable[[User], Client]
) -> None:
    response = reauthenticated_client_for(casey).post("/account/delete/", {"confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=casey.pk).exists()
