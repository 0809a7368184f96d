"""The rituals page and its steps, as people use them: privacy for the
outsider, the partner and the anonymous visitor; kept input on bad input;
the private calendar read by a real iCalendar parser; the query budget."""

from datetime import time, timedelta

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from evenly.rituals import services
from evenly.rituals.models import Ritual, Status
from evenly.rituals.tests.test_services import propose

pytestmark = pytest.mark.django_db
INDEX = "/rituals/"
NEUTRAL_WORDS = ("sex", "intima", "consent", "boundar", "desire")


def _form(**overrides):  # type: ignore[no-untyped-def]
    data = {
        "kind": "date",
        "name": "Sunday pancakes",
        "about": "",
        "frequency": "monthly_day",
        "day_of_month": "31",
        "at": "10:30",
        "starts_on": timezone.localdate().isoformat(),
    }
    data.update(overrides)
    return data


def _feed_url(client):  # type: ignore[no-untyped-def]
    response = client.post(reverse("rituals:feed_settings"), {"action": "on", "title": "Time together"})
    assert response.status_code == 302
    page = client.get(INDEX).content.decode()
    start = page.index("/rituals/calendar/feed/")
    return page[start : page.index(".ics", start) + 4]


def test_it_sends_anonymous_visitors_to_sign_in(client):
    for url in (INDEX, reverse("rituals:new"), reverse("rituals:live"), reverse("rituals:appreciations_live")):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_it_shows_an_outsider_nothing(alex, sam, jordan, casey, client_for):
    ritual = propose(alex, name="PRIVATE-RITUAL")
    services.appreciation_send(actor=alex, text="PRIVATE-THANKS")
    outsider = client_for(jordan)
    page = outsider.get(INDEX).content.decode()
    assert "PRIVATE" not in page
    for step in ("agree", "pause", "resume", "end"):
        assert outsider.post(reverse(f"rituals:{step}", args=[ritual.pk])).status_code == 404
    ritual.refresh_from_db()
    assert ritual.status == Status.PROPOSED
    alone = client_for(casey)
    assert alone.get(reverse("rituals:live")).status_code == 404
    assert alone.get(reverse("rituals:new")).status_code == 404
    assert "Rituals are for two" in alone.get(INDEX).content.decode()


def test_a_partner_never_sees_the_others_calendar_address(alex, sam, client_for):
    url = _feed_url(client_for(alex))
    partner_page = client_for(sam).get(INDEX).content.decode()
    assert url not in partner_page and "/rituals/calendar/feed/" not in partner_page
    # Shown once: reloading the page no longer shows it.
    assert "/rituals/calendar/feed/" not in client_for(alex).get(INDEX).content.decode()


def test_propose_agree_pause_and_end_through_the_pages(alex, sam, client_for):
    a, s = client_for(alex), client_for(sam)
    response = a.post(reverse("rituals:new"), _form())
    assert response.status_code == 302
    ritual = Ritual.objects.get()
    assert "Yes, let" not in a.get(INDEX).content.decode()
    page = s.get(INDEX).content.decode()
    assert (
        "Sunday pancakes" in page and "On day 31 of each month at 10:30, or on the last day of a shorter month" in page
    )
    assert s.post(reverse("rituals:agree", args=[ritual.pk])).status_code == 302
    assert "Running" in a.get(INDEX).content.decode()
    a.post(reverse("rituals:pause", args=[ritual.pk]))
    ritual.refresh_from_db()
    assert ritual.status == Status.PAUSED
    s.post(reverse("rituals:end", args=[ritual.pk]))
    assert "Sunday pancakes" not in a.get(INDEX).content.decode()


def test_bad_input_keeps_what_was_typed(alex, sam, client_for):
    response = client_for(alex).post(reverse("rituals:new"), _form(day_of_month="", name="Kept words"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Kept words" in page and "Choose a day of the month" in page
    assert 'id="id_day_of_month-error"' in page  # the message sits by the field it is about
    response = client_for(alex).post(reverse("rituals:new"), _form(day_of_month="32"))
    assert response.status_code == 400
    assert not Ritual.objects.exists()


def test_the_form_states_the_rule_for_a_short_month(alex, sam, client_for):
    page = client_for(alex).get(reverse("rituals:new")).content.decode()
    assert "it falls on the last day of that month" in page


def test_an_appreciation_appears_for_both_and_bad_input_keeps_the_words(alex, sam, client_for):
    a = client_for(alex)
    assert a.post(reverse("rituals:appreciate"), {"text": "Thank you for Sunday."}).status_code == 302
    assert "Thank you for Sunday." in client_for(sam).get(reverse("rituals:appreciations_live")).content.decode()
    long_text = "x" * 501
    response = a.post(reverse("rituals:appreciate"), {"text": long_text})
    assert response.status_code == 400 and long_text in response.content.decode()


def test_the_calendar_feed_is_valid_neutral_and_private(alex, sam, client, client_for):
    ritual = services.ritual_agree(actor=sam, ritual=propose(alex, name="Our intimate evening", about="desire"))
    services.ritual_agree(
        actor=sam, ritual=propose(alex, name="Monthly talk", kind="checkin", frequency="monthly_day", day_of_month=30)
    )
    from evenly.checkins.services import checkin_schedule

    url = _feed_url(client_for(alex))
    response = client.get(url)  # no sign-in needed, only the secret
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert not any(word in body.lower() for word in NEUTRAL_WORDS)
    calendar = icalendar.Calendar.from_ical(body)
    events = calendar.walk("VEVENT")
    assert {str(e["SUMMARY"]) for e in events} == {"Time together"}
    rules = sorted(e["RRULE"].to_ical().decode() for e in events)
    assert rules == ["FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1", "FREQ=WEEKLY;BYDAY=FR"]
    weekly = next(e for e in events if "WEEKLY" in e["RRULE"].to_ical().decode())
    assert weekly["DTSTART"].dt.time() == time(19, 0)
    assert weekly["UID"] == f"ritual-{ritual.pk}@evenly"
    del checkin_schedule


def test_a_new_address_stops_the_old_one_at_once(alex, sam, client, client_for):
    a = client_for(alex)
    old = _feed_url(a)
    new = _feed_url(a)
    assert old != new
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    a.post(reverse("rituals:feed_settings"), {"action": "off"})
    assert client.get(new).status_code == 404


def test_a_wrong_secret_finds_nothing(client):
    assert client.get(reverse("rituals:feed", args=["not-a-real-secret"])).status_code == 404


def test_the_feed_stops_when_the_couple_ends(alex, sam, client, client_for):
    from evenly.couples.services import couple_leave

    url = _feed_url(client_for(sam))
    couple_leave(actor=alex)
    assert client.get(url).status_code == 404


def test_a_planned_checkin_appears_in_the_feed(alex, sam, client, client_for):
    from evenly.checkins.services import checkin_schedule

    checkin_schedule(actor=sam, when=timezone.now() + timedelta(days=2))
    events = icalendar.Calendar.from_ical(client.get(_feed_url(client_for(alex))).content).walk("VEVENT")
    assert len(events) == 1 and "RRULE" not in events[0]


def _history(alex, sam, rounds):  # type: ignore[no-untyped-def]
    for number in range(rounds):
        services.ritual_agree(actor=sam, ritual=propose(alex, name=f"Ritual {number}", weekday=number % 7))
        services.appreciation_send(actor=alex if number % 2 else sam, text=f"Thanks {number}")
    services.ritual_pause(actor=alex, ritual=Ritual.objects.first())
    propose(sam, name="Waiting one")


@pytest.mark.parametrize("rounds", [0, 12])
def test_the_page_stays_within_the_query_budget(alex, sam, client_for, rounds, django_assert_max_num_queries):
    _history(alex, sam, rounds) if rounds else None
    services.feed_turn_on(actor=alex, title="Plans")
    a = client_for(alex)
    a.get(INDEX)
    for url in (INDEX, reverse("rituals:live"), reverse("rituals:appreciations_live"), reverse("rituals:new")):
        with django_assert_max_num_queries(8):
            assert a.get(url).status_code == 200


@pytest.mark.parametrize("rounds", [0, 12])
def test_the_feed_stays_within_the_query_budget(alex, sam, client, client_for, rounds, django_assert_max_num_queries):
    _history(alex, sam, rounds) if rounds else None
    url = _feed_url(client_for(alex))
    with django_assert_max_num_queries(8):
        assert client.get(url).status_code == 200


def test_the_feed_describes_the_couples_time_zone_so_the_local_time_survives_the_clocks(alex, sam, client, client_for):
    from datetime import UTC, datetime

    from evenly.couples.models import Couple

    Couple.objects.update(timezone="Europe/London")
    services.ritual_agree(actor=sam, ritual=propose(alex))
    calendar = icalendar.Calendar.from_ical(client.get(_feed_url(client_for(alex))).content)
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/London"
    kinds = {component.name for component in zone.subcomponents}
    assert kinds == {"STANDARD", "DAYLIGHT"}
    # Each spring's observance starts at 01:00 local, when British clocks go forward.
    spring = [c for c in zone.subcomponents if c.name == "DAYLIGHT"]
    assert all(c["DTSTART"].dt.time() == time(1, 0) for c in spring)
    assert str(spring[0]["TZOFFSETTO"].to_ical()) in {"+0100", "b'+0100'"}
    (event,) = calendar.walk("VEVENT")
    start = event["DTSTART"].dt
    assert start.tzinfo is not None and start.hour == 19
    summer = start.replace(year=2027, month=7, day=2)
    assert summer.astimezone(UTC) == datetime(2027, 7, 2, 18, 0, tzinfo=UTC)
