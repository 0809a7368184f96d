"""Every write for rituals, calendar feeds and appreciations.

A ritual starts running only when both partners have said yes, and either of
them pauses or ends it alone. While it runs, one occurrence is planned ahead:
its neutral reminder, and for a recurring check-in, the check-in itself.
Events carry ids only and go to both partners after commit.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import date, datetime, time, timedelta, tzinfo

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from evenly.accounts.models import User
from evenly.core.errors import ServiceError
from evenly.core.localtime import WallTimeError, aware_local
from evenly.core.models import NotificationKind, Visibility
from evenly.core.notifications import notices_resolve, notify
from evenly.core.realtime import publish
from evenly.couples.selectors import Partnership, couple_zone, member_ids, partnership_for
from evenly.pause.selectors import refuse_while_paused
from evenly.rituals import recurrence
from evenly.rituals.models import (
    ABOUT_MAX,
    APPRECIATION_MAX,
    NAME_MAX,
    Appreciation,
    CalendarFeed,
    FeedTitle,
    Frequency,
    Kind,
    Ritual,
    Status,
)

REMIND_BEFORE = timedelta(hours=2)
# The next occurrence is planned a while after this one began, so a check-in
# that is about to start is never moved from under the couple.
ADVANCE_AFTER = timedelta(hours=6)
TOKEN_BYTES = 32


def _not_partnered() -> str:
    return _("Rituals are for a shared space with your partner. Invite them from “Us” first.")


def _paused() -> str:
    return _("Paused for now. Everything stays just as it is until the pause is lifted.")


def _partnered(actor: User) -> Partnership:
    return partnership_for(actor=actor, refusal=_not_partnered())


def _ask(partner: User, ritual: Ritual) -> None:
    notify(
        user_ids=[partner.pk],
        kind=NotificationKind.RITUAL_PROPOSED,
        url=reverse("rituals:index"),
        subject=f"ritual:{ritual.pk}",
    )


def _changed(couple_id: int, ritual: Ritual) -> None:
    publish(recipients=member_ids(couple_id=couple_id), event="rituals.changed", ritual=ritual.pk)


def rule_for(ritual: Ritual) -> recurrence.Recurrence:
    return recurrence.Recurrence(
        frequency=recurrence.Frequency(ritual.frequency),
        at=ritual.at,
        starts_on=ritual.starts_on,
        weekday=ritual.weekday,
        week_of_month=ritual.week_of_month,
        day_of_month=ritual.day_of_month,
    )


def missing_part(name: str) -> str:
    """What to say when a recurrence lacks one of its parts."""
    return {
        "weekday": _("Choose the day of the week."),
        "week_of_month": _("Choose which week of the month."),
        "day_of_month": _("Choose a day of the month, from 1 to 31."),
    }[name]


def _rule(
    *,
    frequency: str,
    at: time,
    starts_on: date,
    weekday: int | None,
    week_of_month: int | None,
    day_of_month: int | None,
) -> recurrence.Recurrence:
    if frequency not in Frequency.values:
        raise ServiceError(_("Choose how often it comes round."))
    needs_weekday = frequency != Frequency.MONTHLY_DAY
    try:
        return recurrence.Recurrence(
            frequency=recurrence.Frequency(frequency),
            at=at,
            starts_on=starts_on,
            weekday=weekday if needs_weekday else None,
            week_of_month=week_of_month if frequency == Frequency.MONTHLY_WEEKDAY else None,
            day_of_month=day_of_month if frequency == Frequency.MONTHLY_DAY else None,
        )
    except recurrence.RecurrenceError as error:
        raise ServiceError(missing_part(str(error))) from error


def _refuse_a_first_time_the_clocks_skip_or_repeat(rule: recurrence.Recurrence, zone: tzinfo) -> None:
    """The first occurrence is read like every planned time (core.localtime):
    a wall time that doesn't happen that day, or happens twice, is refused
    with the same message. Later ones follow the stated rules in
    `evenly.rituals.recurrence`."""
    first_day = next(recurrence.dates_from(rule, rule.starts_on))
    try:
        aware_local(datetime.combine(first_day, rule.at), zone)
    except WallTimeError as error:
        raise ServiceError(error.message) from error


def _words(value: str, *, limit: int, required: str | None = None) -> str:
    value = (value or "").strip()
    if len(value) > limit:
        raise ServiceError(_("Please keep it under %(limit)s characters.") % {"limit": limit})
    if required and not value:
        raise ServiceError(required)
    return value


# ---- Rituals ----


def ritual_propose(
    *,
    actor: User,
    kind: str,
    name: str,
    about: str,
    frequency: str,
    at: time,
    starts_on: date,
    weekday: int | None = None,
    week_of_month: int | None = None,
    day_of_month: int | None = None,
) -> Ritual:
    """Suggest a ritual. It waits for the partner's yes before anything runs."""
    partnership = _partnered(actor)
    refuse_while_paused(actor=actor, couple_id=partnership.couple_id, refusal=_paused())
    if kind not in Kind.values:
        raise ServiceError(_("Choose what kind of ritual it is."))
    words = _words(name, limit=NAME_MAX, required=_("Give it a name the two of you will recognise."))
    details = _words(about, limit=ABOUT_MAX)
    zone = couple_zone(partnership.couple)
    # "Today" where the couple lives, inside a request or not.
    if starts_on < timezone.localdate(timezone=zone):
        raise ServiceError(_("Choose a first day from today on."))
    rule = _rule(
        frequency=frequency,
        at=at,
        starts_on=starts_on,
        weekday=weekday,
        week_of_month=week_of_month,
        day_of_month=day_of_month,
    )
    _refuse_a_first_time_the_clocks_skip_or_repeat(rule, zone)
    with transaction.atomic():
        ritual = Ritual.objects.create(
            couple=partnership.couple,
            proposed_by=actor,
            kind=kind,
            name=words,
            about=details,
            frequency=frequency,
            weekday=rule.weekday,
            week_of_month=rule.week_of_month,
            day_of_month=rule.day_of_month,
            at=at,
            starts_on=starts_on,
            status=Status.PROPOSED,
            waiting_for=partnership.partner,
        )
        _ask(partnership.partner, ritual)
        _changed(partnership.couple_id, ritual)
    return ritual


def _locked(ritual: Ritual, partnership: Partnership) -> Ritual:
    locked = Ritual.objects.select_for_update().filter(pk=ritual.pk, couple_id=partnership.couple_id).first()
    if locked is None or locked.status == Status.ENDED:
        raise ServiceError(_("This ritual has ended."))
    return locked


def ritual_agree(*, actor: User, ritual: Ritual) -> Ritual:
    """The missing yes: the ritual starts running from its next occurrence."""
    partnership = _partnered(actor)
    refuse_while_paused(actor=actor, couple_id=partnership.couple_id, refusal=_paused())
    with transaction.atomic():
        locked = _locked(ritual, partnership)
        if locked.status == Status.ACTIVE:
            return locked
        if locked.waiting_for_id != actor.pk:
            raise ServiceError(_("Your yes is already given. It starts once your partner says yes too."))
        now = timezone.now()
        locked.status = Status.ACTIVE
        locked.waiting_for = None
        locked.kept_since = locked.kept_since or now
        locked.next_at = recurrence.next_occurrence(rule_for(locked), after=now, zone=couple_zone(partnership.couple))
        locked.save()
        notices_resolve(subject=f"ritual:{locked.pk}")
        _plan_occurrence(locked)
        _changed(partnership.couple_id, locked)
    return locked


def ritual_pause(*, actor: User, ritual: Ritual) -> Ritual:
    """Either partner, alone: nothing more is planned or reminded until both
    say yes again."""
    partnership = _partnered(actor)
    with transaction.atomic():
        locked = _locked(ritual, partnership)
        if locked.status != Status.ACTIVE:
            return locked
        locked.status = Status.PAUSED
        locked.next_at = None
        _cancel_planned_checkin(locked)
        locked.save()
        _changed(partnership.couple_id, locked)
    return locked


def ritual_resume(*, actor: User, ritual: Ritual) -> Ritual:
    """Ask to take a paused ritual up again: it runs once the partner agrees too."""
    partnership = _partnered(actor)
    refuse_while_paused(actor=actor, couple_id=partnership.couple_id, refusal=_paused())
    with transaction.atomic():
        locked = _locked(ritual, partnership)
        if locked.status != Status.PAUSED:
            return locked
        locked.status = Status.PROPOSED
        locked.waiting_for = partnership.partner
        locked.save()
        _ask(partnership.partner, ritual)
        _changed(partnership.couple_id, locked)
    return locked


def ritual_end(*, actor: User, ritual: Ritual) -> None:
    """Either partner, alone, at any time; also how a proposal is turned down."""
    partnership = _partnered(actor)
    with transaction.atomic():
        locked = Ritual.objects.select_for_update().filter(pk=ritual.pk, couple_id=partnership.couple_id).first()
        if locked is None or locked.status == Status.ENDED:
            return
        _end(locked)
        _changed(partnership.couple_id, locked)


def _end(ritual: Ritual) -> None:
    notices_resolve(subject=f"ritual:{ritual.pk}")
    _cancel_planned_checkin(ritual)
    ritual.status = Status.ENDED
    ritual.next_at = None
    ritual.waiting_for = None
    ritual.ended_at = timezone.now()
    ritual.save()


def rituals_end_for_couple(*, couple_id: int) -> None:
    """A couple that ends takes its rituals and both partners' feeds with it.
    Called inside the caller's transaction."""
    for ritual in Ritual.objects.select_for_update().filter(couple_id=couple_id).exclude(status=Status.ENDED):
        _end(ritual)
    CalendarFeed.objects.filter(couple_id=couple_id).delete()


def _cancel_planned_checkin(ritual: Ritual) -> None:
    from evenly.checkins.models import CheckIn
    from evenly.checkins.models import Status as CheckInStatus

    if ritual.planned_checkin_id:
        CheckIn.objects.filter(pk=ritual.planned_checkin_id, status=CheckInStatus.SCHEDULED).update(
            status=CheckInStatus.CANCELLED
        )
        publish(
            recipients=member_ids(couple_id=ritual.couple_id),
            event="checkin.changed",
            checkin=ritual.planned_checkin_id,
        )
        ritual.planned_checkin = None


def _plan_occurrence(ritual: Ritual) -> None:
    """Plan the reminder for `ritual.next_at`, the step to the one after it, and
    for a check-in, the check-in itself (through the check-ins' own planning)."""
    from evenly.rituals.tasks import advance_ritual, remind_ritual

    assert ritual.next_at is not None
    now = timezone.now()
    occurrence = ritual.next_at.isoformat()
    remind = remind_ritual.using(run_after=max(ritual.next_at - REMIND_BEFORE, now))
    advance = advance_ritual.using(run_after=ritual.next_at + ADVANCE_AFTER)
    ritual_id = ritual.pk
    transaction.on_commit(lambda: remind.enqueue(ritual_id, occurrence))
    transaction.on_commit(lambda: advance.enqueue(ritual_id, occurrence))
    if ritual.kind == Kind.CHECKIN:
        _plan_checkin(ritual)


def _plan_checkin(ritual: Ritual) -> None:
    from evenly.checkins.models import CheckIn
    from evenly.checkins.models import Status as CheckInStatus
    from evenly.checkins.services import checkin_schedule

    planned = CheckIn.objects.filter(couple_id=ritual.couple_id, status=CheckInStatus.SCHEDULED).first()
    if planned is not None and planned.pk != ritual.planned_checkin_id:
        return  # The couple planned one themselves: theirs stands.
    actor = ritual.proposed_by or User.objects.filter(pk__in=member_ids(couple_id=ritual.couple_id)).first()
    if actor is None or ritual.next_at is None:
        return
    try:
        checkin = checkin_schedule(actor=actor, when=ritual.next_at)
    except ServiceError:
        return  # Paused, or out of reach: the next occurrence tries again.
    ritual.planned_checkin = checkin
    Ritual.objects.filter(pk=ritual.pk).update(planned_checkin=checkin)


def ritual_advance(*, ritual_id: int, occurrence: datetime) -> None:
    """Move a running ritual on to its next occurrence (run by its task)."""
    with transaction.atomic():
        ritual = Ritual.objects.select_for_update().select_related("couple").filter(pk=ritual_id).first()
        if ritual is None or ritual.status != Status.ACTIVE or ritual.next_at != occurrence or ritual.couple.ended_at:
            return
        after = max(occurrence, timezone.now())
        ritual.next_at = recurrence.next_occurrence(rule_for(ritual), after=after, zone=couple_zone(ritual.couple))
        ritual.save(update_fields=["next_at", "updated_at"])
        _plan_occurrence(ritual)
        _changed(ritual.couple_id, ritual)


# ---- The private calendar feed ----


def feed_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def feed_turn_on(*, actor: User, title: str) -> str:
    """Turn the feed on, or give it a new secret address (the old one stops at
    once). Returns the secret, which is shown once and never stored."""
    partnership = _partnered(actor)
    if title not in FeedTitle.values:
        raise ServiceError(_("Choose one of the titles."))
    token = secrets.token_urlsafe(TOKEN_BYTES)
    with transaction.atomic():
        CalendarFeed.objects.update_or_create(
            user=actor,
            defaults={"couple": partnership.couple, "token_hash": feed_token_hash(token), "title": title},
        )
    return token


def feed_retitle(*, actor: User, title: str) -> None:
    if title not in FeedTitle.values:
        raise ServiceError(_("Choose one of the titles."))
    CalendarFeed.objects.filter(user=actor).update(title=title)


def feed_turn_off(*, actor: User) -> None:
    CalendarFeed.objects.filter(user=actor).delete()


# ---- Appreciation ----


def appreciation_send(*, actor: User, text: str) -> Appreciation:
    """A few words of thanks, delivered to the partner at once."""
    partnership = _partnered(actor)
    refuse_while_paused(actor=actor, couple_id=partnership.couple_id, refusal=_paused())
    words = _words(text, limit=APPRECIATION_MAX, required=_("Write a few words for your partner."))
    with transaction.atomic():
        note = Appreciation.objects.create(
            author=actor, couple=partnership.couple, visibility=Visibility.SHARED, text=words
        )
        # One waiting notice, however many notes arrive before it is seen.
        notify(
            user_ids=[partnership.partner.pk],
            kind=NotificationKind.APPRECIATION,
            url=reverse("rituals:index") + "#appreciations",
            subject="appreciation",
        )
        publish(recipients=[actor.pk, partnership.partner.pk], event="rituals.appreciation", appreciation=note.pk)
    return note
