from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from evenly.accounts.models import User
from evenly.core import personal_data
from evenly.core.personal_data import PersonalData, export_for, register


def test_it_lists_the_foundations_data(casey: User) -> None:
    assert set(export_for(casey)) >= {
        "profile",
        "couple_memberships",
        "pauses",
        "notifications",
        "security_history",
        "sessions",
    }


def test_it_refuses_two_different_registrations_under_one_name() -> None:
    with pytest.raises(ImproperlyConfigured):
        register(name="profile", export=lambda user: {})


def test_it_includes_later_features_in_the_export(
    alex: User, reauthenticated_client_for: Callable[[User], Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    entry = PersonalData(name="journal", export=lambda user: [f"entry by {user.pk}"])
    monkeypatch.setitem(personal_data._registry, "journal", entry)
    data = reauthenticated_client_for(alex).post("/account/export/").json()
    assert data["journal"] == [f"entry by {alex.pk}"]


def test_it_runs_every_erase_hook_before_deleting(
    alex: User, reauthenticated_client_for: Callable[[User], Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    erased: list[int] = []
    entry = PersonalData(name="journal", export=lambda user: [], erase=lambda user: erased.append(user.pk))
    monkeypatch.setitem(personal_data._registry, "journal", entry)
    alex_id = alex.pk
    reauthenticated_client_for(alex).post("/account/delete/", {"confirm": "on"})
    assert erased == [alex_id]
