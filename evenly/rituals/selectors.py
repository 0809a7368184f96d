"""Reads for the rituals page and the calendar feed. Each takes the viewer's
partnership, so nothing here can reach another couple's things."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import F
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.formats import time_format
from django.utils.translation import gettext as _

from evenly.accounts.models import User
from evenly.couples.selectors import Partnership, couple_zone
from evenly.rituals import ical, recurrence
from evenly.rituals.models import Appreciation, CalendarFeed, Frequency, Ritual, Status

APPRECIATIONS_SHOWN = 30
KEPT_AFTER = timedelta(days=28)
EVENT_LENGTH = timedelta(hours=1)


def _monthly_weekday(week: int) -> str:
    """A weekday of the month, one whole sentence per week: the ordinal agrees
    with the weekday differently from one language to the next."""
    return {
        1: _("On the first %(weekday)s of each month at %(time)s"),
        2: _("On the second %(weekday)s of each month at %(time)s"),
        3: _("On the third %(weekday)s of each month at %(time)s"),
        4: _("On the fourth %(weekday)s of each month at %(time)s"),
        -1: _("On the last %(weekday)s of each month at %(time)s"),
    }[week]


def describe(ritual: Ritual) -> str:
    """How often, in one whole sentence."""
    values = {"time": time_format(ritual.at, "H:i")}
    if ritual.weekday is not None:
        values["weekday"] = str(WEEKDAYS[ritual.weekday])
    if ritual.frequency == Frequency.WEEKLY:
        return _("Every %(weekday)s at %(time)s") % values
    if ritual.frequency == Frequency.FORTNIGHTLY:
        return _("Every other %(weekday)s at %(time)s") % values
    if ritual.frequency == Frequency.MONTHLY_WEEKDAY:
        return _monthly_weekday(ritual.week_of_month or 1) % values
    values["day"] = str(ritual.day_of_month)
    if (ritual.day_of_month or 1) > 28:
        return _("On day %(day)s of each month at %(time)s, or on the last day of a shorter month") % values
    return _("On day %(day)s of each month at %(time)s") % values


@dataclass(frozen=True)
class RitualRow:
    ritual: Ritual
    rule: str
    waiting_for_me: bool
    waiting_for_partner: bool


@dataclass(frozen=True)
class RitualsPage:
    waiting: list[RitualRow] = field(default_factory=list)
    running: list[RitualRow] = field(default_factory=list)
    paused: list[RitualRow] = field(default_factory=list)
    appreciations: list[Appreciation] = field(default_factory=list)
    feed: CalendarFeed | None = None


def rituals_for(*, viewer: User, partnership: Partnership) -> dict[str, list[RitualRow]]:
    groups: dict[str, list[RitualRow]] = {"waiting": [], "running": [], "paused": []}
    rituals = Ritual.objects.filter(couple_id=partnership.couple_id).exclude(status=Status.ENDED)
    for ritual in rituals:
        row = RitualRow(
            ritual=ritual,
            rule=describe(ritual),
            waiting_for_me=ritual.status == Status.PROPOSED and ritual.waiting_for_id == viewer.pk,
            waiting_for_partner=ritual.status == Status.PROPOSED and ritual.waiting_for_id != viewer.pk,
        )
        group = {Status.PROPOSED: "waiting", Status.ACTIVE: "running", Status.PAUSED: "paused"}[Status(ritual.status)]
        groups[group].append(row)
    groups["running"].sort(key=lambda row: row.ritual.next_at or timezone.now())
    return groups


def appreciations_for(*, partnership: Partnership) -> list[Appreciation]:
    """The couple's shared list, newest first. Both partners see all of it."""
    return list(
        Appreciation.objects.filter(couple_id=partnership.couple_id).order_by("-created_at", "-id")[
            :APPRECIATIONS_SHOWN
        ]
    )


def rituals_page(*, viewer: User, partnership: Partnership) -> RitualsPage:
    groups = rituals_for(viewer=viewer, partnership=partnership)
    return RitualsPage(
        **groups,
        appreciations=appreciations_for(partnership=partnership),
        feed=CalendarFeed.objects.filter(user=viewer, couple_id=partnership.couple_id).first(),
    )


def feed_for_token(*, token_hash: str) -> CalendarFeed | None:
    """The feed with this secret, while its owner is still in that couple."""
    return (
        CalendarFeed.objects.select_related("couple", "user")
        .filter(
            token_hash=token_hash,
            couple__ended_at__isnull=True,
            couple__memberships__user_id=F("user_id"),
            couple__memberships__left_at__isnull=True,
        )
        .first()
    )


def wins_for_couple(*, couple_id: int, limit: int | None = None) -> list[tuple[object, str, str]]:
    """Rituals kept for a while, and appreciations: (when, title, detail).
    With `limit`, only the most recent appreciations (newest first), so a
    long history costs no more than a short one."""
    now = timezone.now()
    wins: list[tuple[object, str, str]] = []
    for ritual in Ritual.objects.filter(couple_id=couple_id, status=Status.ACTIVE, kept_since__lte=now - KEPT_AFTER):
        assert ritual.kept_since is not None
        wins.append(
            (
                timezone.localdate(ritual.kept_since),
                _("A ritual you keep: %(name)s") % {"name": ritual.name},
                describe(ritual),
            )
        )
    notes = Appreciation.objects.filter(couple_id=couple_id).select_related("author").order_by("-created_at", "-id")
    for note in notes if limit is None else notes[:limit]:
        wins.append(
            (
                timezone.localdate(note.created_at),
                _("A word of appreciation from %(name)s") % {"name": note.author.shown_name},
                note.text,
            )
        )
    return wins


def feed_events(*, feed: CalendarFeed) -> list[ical.FeedEvent]:
    """The couple's running rituals, as recurring events, and the check-ins
    they planned by hand."""
    from evenly.checkins.models import CheckIn
    from evenly.checkins.models import Status as CheckInStatus
    from evenly.rituals.services import rule_for

    zone = couple_zone(feed.couple)
    events = []
    planned_by_rituals = set()
    for ritual in Ritual.objects.filter(couple_id=feed.couple_id, status=Status.ACTIVE):
        rule = rule_for(ritual)
        start = recurrence.local_instant(recurrence.first_date(rule), ritual.at, zone)
        events.append(
            ical.FeedEvent(
                uid=f"ritual-{ritual.pk}@evenly",
                start=start,
                zone_name=zone.key,
                length=EVENT_LENGTH,
                rrule=recurrence.rrule(rule),
            )
        )
        if ritual.planned_checkin_id:
            planned_by_rituals.add(ritual.planned_checkin_id)
    checkins = CheckIn.objects.filter(couple_id=feed.couple_id, status=CheckInStatus.SCHEDULED).exclude(
        pk__in=planned_by_rituals
    )
    for checkin in checkins:
        assert checkin.scheduled_for is not None
        events.append(
            ical.FeedEvent(
                uid=f"checkin-{checkin.pk}@evenly",
                start=checkin.scheduled_for.astimezone(zone),
                zone_name=zone.key,
                length=EVENT_LENGTH,
            )
        )
    return events
