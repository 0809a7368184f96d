from __future__ import annotations

import json
from collections.abc import Callable

from django.test import Client
from django.utils import timezone

from evenly.accounts.models import User
from evenly.core.audit import audit_record
from evenly.core.models import AuditEvent, AuditKind, Notification, NotificationKind
from evenly.pause.services import pause_lift, pause_start


def download(client: Client) -> dict:
    response = client.post("/account/export/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="evenly-export-{timezone.localdate():%Y-%m-%d}.json"'
    )
    return json.loads(response.content)


def test_it_redirects_anonymous_visitors_to_sign_in(db: None) -> None:
    response = Client().get("/account/export/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_explains_before_downloading(alex: User, client_for: Callable[[User], Client]) -> None:
    response = client_for(alex).get("/account/export/")
    assert response.status_code == 200
    assert "Nothing your partner wrote is in it" in response.content.decode()


def test_it_asks_for_the_password_before_downloading(alex: User, client_for: Callable[[User], Client]) -> None:
    response = client_for(alex).post("/account/export/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")


def test_it_exports_the_owners_data(alex: User, reauthenticated_client_for: Callable[[User], Client]) -> None:
    pause = pause_start(actor=alex)
    pause_lift(actor=alex, pause=pause)
    Notification.objects.create(user=alex, kind=NotificationKind.REVISIT_REMINDER)

    data = download(reauthenticated_client_for(alex))

    assert data["format"] == "evenly-export"
    assert data["profile"]["email"] == alex.email
    assert data["profile"]["display_name"] == "Alex"
    assert len(data["couple_memberships"]) == 1
    assert data["couple_memberships"][0]["left"] is None
    assert len(data["pauses"]) == 1
    assert data["pauses"][0]["lifted"] is not None
    assert [n["text"] for n in data["notifications"]] == [NotificationKind.REVISIT_REMINDER.label]
    assert "Couple space created" in [e["event"] for e in data["security_history"]]


def test_it_exports_nothing_the_partner_authored(
    alex: User, sam: User, reauthenticated_client_for: Callable[[User], Client]
) -> None:
    pause_start(actor=sam)
    audit_record(user_id=sam.pk, kind=AuditKind.PASSWORD_CHANGED)
    Notification.objects.create(user=sam, kind=NotificationKind.REVISIT_REMINDER)

    data = download(reauthenticated_client_for(alex))
    text = json.dumps(data)

    assert data["pauses"] == []
    assert data["notifications"] == []
    assert "Password changed" not in text
    assert sam.email not in text
    assert "Sam" not in text


def test_it_records_the_download(alex: User, reauthenticated_client_for: Callable[[User], Client]) -> None:
    download(reauthenticated_client_for(alex))
    assert AuditEvent.objects.filter(user=alex, kind=AuditKind.DATA_EXPORTED).count() == 1
