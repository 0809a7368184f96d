from __future__ import annotations

import re
from collections.abc import Callable

from django.core import mail
from django.test import Client

from evenly.accounts.models import User
from evenly.core.models import AuditEvent, AuditKind
from tests.cast import PASSWORD

NEW_PASSWORD = "a quiet morning 77"


def test_it_resets_a_forgotten_password_by_email(casey: User) -> None:
    client = Client()
    response = client.post("/accounts/password/reset/", {"email": casey.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", mail.outbox[0].body)
    assert link is not None

    form_url = client.get(link.group(1))["Location"]
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302

    casey.refresh_from_db()
    assert casey.check_password(NEW_PASSWORD)
    assert AuditEvent.objects.filter(user=casey, kind=AuditKind.PASSWORD_RESET).exists()


def test_it_records_a_password_change(casey: User, client_for: Callable[[User], Client]) -> None:
    response = client_for(casey).post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert AuditEvent.objects.filter(user=casey, kind=AuditKind.PASSWORD_CHANGED).exists()


def test_it_records_a_new_main_email_address_without_storing_it(
    casey: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(casey)
    client.post("/accounts/email/", {"action_add": "", "email": "casey.new@example.com"})
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(email="casey.new@example.com").update(verified=True)
    client.post("/accounts/email/", {"action_primary": "", "email": "casey.new@example.com"})

    details = list(AuditEvent.objects.filter(user=casey, kind=AuditKind.EMAIL_CHANGED).values_list("detail", flat=True))
    assert set(details) == {"Address added", "New main address"}
    assert not any("@" in detail for detail in details)


def test_account_emails_have_a_neutral_subject(alex, client, mailoutbox):
    client.post("/accounts/password/reset/", {"email": alex.email})
    assert [message.subject for message in mailoutbox] == ["Account notice"]
    assert "Evenly" not in mailoutbox[0].subject
