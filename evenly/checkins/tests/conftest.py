from __future__ import annotations

import pytest

from evenly.checkins import services
from evenly.checkins.models import CheckIn


def step(actor, checkin: CheckIn, action: str, **kwargs) -> CheckIn:  # type: ignore[no-untyped-def]
    checkin.refresh_from_db()
    return services.checkin_act(actor=actor, checkin=checkin, action=action, version=checkin.version, **kwargs)


@pytest.fixture
def under_way(alex, sam):  # type: ignore[no-untyped-def]
    """A two-device check-in Alex started; both accepted the rules; Sam speaks first."""
    checkin = services.checkin_start(actor=alex, mode="two_devices")
    step(alex, checkin, "accept_rules")
    step(sam, checkin, "accept_rules")
    checkin.refresh_from_db()
    return checkin
