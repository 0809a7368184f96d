"""A ritual's time of day is the couple's wall time, read and shown like every
planned time (evenly.core.localtime): 20:00 in Berlin, winter and summer, and
in Sydney is 20:00 on both phones; "today" is the couple's today; a first
occurrence the clocks skip or repeat gets the same clear message."""

from datetime import UTC, date, datetime, time
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from evenly.core.errors import ServiceError
from evenly.couples.models import Couple
from evenly.rituals import services
from evenly.rituals.models import Ritual
from evenly.rituals.tests.test_services import propose

pytestmark = pytest.mark.django_db


def _form(**overrides):  # type: ignore[no-untyped-def]
    data = {
        "kind": "date",
        "name": "Walk by the river",
        "about": "",
        "frequency": "weekly",
        "weekday": "6",
        "at": "20:00",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("zone", "starts_on", "utc_hour"),
    [
        ("Europe/Berlin", date(2027, 1, 10), 19),  # winter, UTC+1
        ("Europe/Berlin", date(2027, 7, 4), 18),  # summer, UTC+2
        ("Australia/Sydney", date(2027, 7, 4), 10),  # UTC+10
    ],
)
def test_a_ritual_planned_for_20_00_is_at_20_00_on_both_phones(alex, sam, client_for, zone, starts_on, utc_hour):  # type: ignore[no-untyped-def]
    Couple.objects.update(timezone=zone)
    response = client_for(alex).post(reverse("rituals:new"), _form(starts_on=starts_on.isoformat()))
    assert response.status_code == 302
    ritual = services.ritual_agree(actor=sam, ritual=Ritual.objects.get())
    assert ritual.next_at.astimezone(UTC).hour == utc_hour
    assert ritual.next_at.astimezone(ZoneInfo(zone)).time() == time(20, 0)
    for person in (alex, sam):
        page = client_for(person).get("/rituals/").content.decode()
        assert "20:00" in page


def test_the_first_day_is_checked_against_the_couples_today_not_utcs(alex, sam):  # type: ignore[no-untyped-def]
    Couple.objects.update(timezone="Australia/Sydney")
    alex.refresh_from_db()
    # 20:00 UTC on 10 January is 07:00 on 11 January in Sydney.
    with mock.patch("django.utils.timezone.now", return_value=datetime(2027, 1, 10, 20, 0, tzinfo=UTC)):
        with pytest.raises(ServiceError, match="from today on"):
            propose(alex, weekday=0, at=time(20, 0), starts_on=date(2027, 1, 10))
        propose(alex, weekday=0, at=time(20, 0), starts_on=date(2027, 1, 11))


@pytest.mark.parametrize(
    ("starts_on", "message"),
    [
        (date(2027, 3, 28), "doesn't happen on that date"),  # the clocks go forward at 02:00
        (date(2027, 10, 31), "happens twice on that date"),  # the clocks go back at 03:00
    ],
)
def test_a_first_time_the_clocks_skip_or_repeat_gets_a_clear_message(alex, sam, client_for, starts_on, message):  # type: ignore[no-untyped-def]
    Couple.objects.update(timezone="Europe/Berlin")
    response = client_for(alex).post(reverse("rituals:new"), _form(at="02:30", starts_on=starts_on.isoformat()))
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body.replace("&#x27;", "'")
    assert 'value="02:30"' in body and "Walk by the river" in body
    assert not Ritual.objects.exists()


def test_a_later_occurrence_the_clocks_skip_follows_the_stated_rule(alex, sam):  # type: ignore[no-untyped-def]
    """Weekly on Sundays at 02:30 from 21 March: the 28th has no 02:30, so
    that one is at 03:30 (moved forward by the gap), as recurrence states."""
    from evenly.rituals import recurrence
    from evenly.rituals.services import rule_for

    Couple.objects.update(timezone="Europe/Berlin")
    ritual = propose(alex, weekday=6, at=time(2, 30), starts_on=date(2027, 3, 21))
    zone = ZoneInfo("Europe/Berlin")
    after = datetime(2027, 3, 22, tzinfo=zone)
    following = recurrence.next_occurrence(rule_for(ritual), after=after, zone=zone)
    assert following == datetime(2027, 3, 28, 3, 30, tzinfo=zone)
