"""Every write to boundaries, reviews, life events and the curiosity list.

Only a boundary's author ever changes it. A shared boundary that becomes
stricter takes effect at once and the partner hears about it in neutral words;
other changes reach the partner the next time they look, so the app never
becomes a feed of one partner's activity.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_noop, ngettext

from evenly.accounts.models import User
from evenly.boundaries import catalogue
from evenly.boundaries.models import (
    CONDITION_MAX,
    NOTE_MAX,
    WORDING_MAX,
    Answer,
    Boundary,
    BoundaryChange,
    ChangeAction,
    CuriosityAnswer,
    Kind,
    LifeEvent,
    LifeEventKind,
    ReminderMonths,
    Review,
    ReviewOutcome,
    ReviewSettings,
    ReviewStep,
    TalkRequest,
    is_stricter,
    wording_key,
)
from evenly.core.errors import ServiceError
from evenly.core.limits import check_length
from evenly.core.models import NotificationKind, Visibility
from evenly.core.notifications import notices_resolve, notify
from evenly.core.once import once_per_token
from evenly.core.realtime import publish
from evenly.couples.selectors import couple_context

# Refusals are English source text here, translated when raised (`_refuse`).
UNKNOWN_ITEM = gettext_noop("That item isn't in the list. Please choose one from the list.")
ALREADY_LISTED = gettext_noop("This is already on your list. You can change the entry that's there.")
DUPLICATE_WORDING = gettext_noop("You already have an entry with these words. You can change the one that's there.")
NEED_WORDING = gettext_noop("Choose an item from the list, or write your own words.")
NEED_AREA = gettext_noop("Choose an area for this entry.")
NOT_PARTNERED_SHARE = gettext_noop(
    "Sharing opens once you and your partner are connected. Until then, this stays with you."
)


def _limit(count: int) -> str:
    return number_format(count, force_grouping=True)


def _note_too_long() -> str:
    return ngettext(
        "Please keep the note under %(limit)s character.", "Please keep the note under %(limit)s characters.", NOTE_MAX
    ) % {"limit": _limit(NOTE_MAX)}


def _wording_too_long() -> str:
    return ngettext(
        "Please keep your wording under %(limit)s character.",
        "Please keep your wording under %(limit)s characters.",
        WORDING_MAX,
    ) % {"limit": _limit(WORDING_MAX)}


def _condition_too_long() -> str:
    return ngettext(
        "Please keep each condition under %(limit)s character.",
        "Please keep each condition under %(limit)s characters.",
        CONDITION_MAX,
    ) % {"limit": _limit(CONDITION_MAX)}


# Lazy, so a form's error message comes out in the language of whoever sees it.
NOTE_TOO_LONG = lazy(_note_too_long, str)()
WORDING_TOO_LONG = lazy(_wording_too_long, str)()
CONDITION_TOO_LONG = lazy(_condition_too_long, str)()


def _refuse(message: str) -> ServiceError:
    """The refusal in the language of the person who will read it."""
    return ServiceError(gettext(message))


DAYS_PER_MONTH = 30


# ---- Boundaries ----

PARTNER_BOUNDARIES_NOTICE = "partner-boundaries"
BOUNDARY_REVIEW_NOTICE = "boundary-review"


def _check_lengths(*, wording: str = "", note: str = "", conditions: tuple[str, ...] = ()) -> None:
    check_length(wording, limit=WORDING_MAX, message=_wording_too_long())
    check_length(note, limit=NOTE_MAX, message=_note_too_long())
    for text in conditions:
        check_length(text, limit=CONDITION_MAX, message=_condition_too_long())


def _check_custom_unique(*, author: User, wording: str, exclude_id: int | None = None) -> None:
    # A friendly early answer; the unique constraint on the keyed hash is what
    # holds when two tabs send the same wording at the same moment.
    others = Boundary.objects.filter(
        author=author, catalogue_item_id__isnull=True, wording_key=wording_key(author_id=author.pk, wording=wording)
    )
    if exclude_id is not None:
        others = others.exclude(pk=exclude_id)
    if others.exists():
        raise _refuse(DUPLICATE_WORDING)


def _record(boundary: Boundary, action: str) -> None:
    BoundaryChange.objects.create(
        author_id=boundary.author_id,
        boundary=boundary,
        action=action,
        title=boundary.stored_title,
        area=boundary.area,
        kind=boundary.kind,
        visibility=boundary.visibility,
        conditions="\n".join(f"{label}: {text}" for label, text in boundary.stored_conditions),
        note=boundary.note,
    )


def _partner_seeing(boundary: Boundary) -> User | None:
    context = couple_context(viewer=boundary.author)
    # A boundary shared in an earlier couple is not visible to a new partner.
    if context.partner is None or boundary.couple_id != context.couple_id:
        return None
    return context.partner


def _refresh_partner_view(*, boundary: Boundary) -> None:
    """Any change to what the partner may see (shared, gentler, made private,
    removed) redraws their open view at once, without a notice."""
    partner = _partner_seeing(boundary)
    if partner is not None:
        publish(recipients=[partner.pk], event="boundary.changed", boundary=boundary.pk)


def _tell_partner_it_is_stricter(*, boundary: Boundary) -> None:
    """A stricter shared boundary applies at once; the partner is told in
    neutral words and their open view refreshes."""
    partner = _partner_seeing(boundary)
    if partner is None:
        return
    notify(
        user_ids=[partner.pk],
        kind=NotificationKind.BOUNDARY_CHANGED,
        url=reverse("boundaries:partner"),
        subject=PARTNER_BOUNDARIES_NOTICE,
    )
    publish(recipients=[partner.pk], event="boundary.changed", boundary=boundary.pk)


@once_per_token
def boundary_add(
    *,
    actor: User,
    kind: str,
    catalogue_item_id: int | None = None,
    wording: str = "",
    area: str = "",
    when_mood: str = "",
    when_context: str = "",
    when_must_be_true: str = "",
    note: str = "",
    share: bool = False,
) -> Boundary:
    wording = wording.strip()
    note = note.strip()
    conditions = (when_mood.strip(), when_context.strip(), when_must_be_true.strip())
    Kind(kind)
    _check_lengths(wording=wording, note=note, conditions=conditions)
    if catalogue_item_id is not None:
        item = catalogue.get(catalogue_item_id)
        if item is None or item.retired:
            raise _refuse(UNKNOWN_ITEM)
        area, wording = item.area, ""
        if Boundary.objects.filter(author=actor, catalogue_item_id=item.id).exists():
            raise _refuse(ALREADY_LISTED)
    else:
        if not wording:
            raise _refuse(NEED_WORDING)
        if area not in catalogue.AREA_LABELS:
            raise _refuse(NEED_AREA)
        _check_custom_unique(author=actor, wording=wording)
    context = couple_context(viewer=actor)
    if share and not context.is_partnered:
        raise _refuse(NOT_PARTNERED_SHARE)
    if kind != Kind.DEPENDS:
        conditions = ("", "", "")
    try:
        with transaction.atomic():
            boundary = Boundary.objects.create(
                author=actor,
                couple=context.couple,
                visibility=Visibility.SHARED if share else Visibility.PRIVATE,
                catalogue_item_id=catalogue_item_id,
                wording=wording,
                area=area,
                kind=kind,
                when_mood=conditions[0],
                when_context=conditions[1],
                when_must_be_true=conditions[2],
                note=note,
            )
            _record(boundary, ChangeAction.ADDED)
            _start_reminders(actor)
            if share and kind == Kind.HARD_LIMIT:
                _tell_partner_it_is_stricter(boundary=boundary)
    except IntegrityError:
        raise _refuse(ALREADY_LISTED if catalogue_item_id is not None else DUPLICATE_WORDING) from None
    return boundary


def boundary_update(
    *,
    actor: User,
    boundary: Boundary,
    kind: str,
    wording: str = "",
    area: str = "",
    when_mood: str = "",
    when_context: str = "",
    when_must_be_true: str = "",
    note: str = "",
) -> Boundary:
    if boundary.author_id != actor.pk:
        raise ServiceError(gettext("Only the person who wrote a boundary can change it."))
    Kind(kind)
    wording = wording.strip()
    note = note.strip()
    conditions = (when_mood.strip(), when_context.strip(), when_must_be_true.strip())
    _check_lengths(wording=wording, note=note, conditions=conditions)
    if kind != Kind.DEPENDS:
        conditions = ("", "", "")
    with transaction.atomic():
        locked = Boundary.objects.select_for_update().get(pk=boundary.pk)
        before = locked.kind
        if locked.is_custom:
            if not wording:
                raise _refuse(NEED_WORDING)
            if area not in catalogue.AREA_LABELS:
                raise _refuse(NEED_AREA)
            _check_custom_unique(author=actor, wording=wording, exclude_id=locked.pk)
            locked.wording, locked.area = wording, area
        locked.kind = kind
        locked.when_mood, locked.when_context, locked.when_must_be_true = conditions
        locked.note = note
        try:
            with transaction.atomic():
                locked.save()
        except IntegrityError:
            raise _refuse(DUPLICATE_WORDING) from None
        _record(locked, ChangeAction.CHANGED)
        if locked.is_shared and is_stricter(before, kind):
            _tell_partner_it_is_stricter(boundary=locked)
        elif locked.is_shared:
            _refresh_partner_view(boundary=locked)
    return locked


def boundary_share(*, actor: User, boundary: Boundary) -> Boundary:
    if boundary.author_id != actor.pk:
        raise ServiceError(gettext("Only the person who wrote a boundary can share it."))
    context = couple_context(viewer=actor)
    if not context.is_partnered:
        raise _refuse(NOT_PARTNERED_SHARE)
    with transaction.atomic():
        locked = Boundary.objects.select_for_update().get(pk=boundary.pk)
        if locked.is_shared and locked.couple_id == context.couple_id:
            return locked
        locked.visibility = Visibility.SHARED
        locked.couple = context.couple
        locked.save(update_fields=["visibility", "couple", "updated_at"])
        _record(locked, ChangeAction.SHARED)
        if locked.kind == Kind.HARD_LIMIT:
            _tell_partner_it_is_stricter(boundary=locked)
        else:
            _refresh_partner_view(boundary=locked)
    return locked


def boundary_unshare(*, actor: User, boundary: Boundary) -> Boundary:
    """Withdraw sharing. A hard limit stays in force for proposals either way."""
    if boundary.author_id != actor.pk:
        raise ServiceError(gettext("Only the person who wrote a boundary can change who sees it."))
    with transaction.atomic():
        locked = Boundary.objects.select_for_update().get(pk=boundary.pk)
        if not locked.is_shared:
            return locked
        locked.visibility = Visibility.PRIVATE
        locked.save(update_fields=["visibility", "updated_at"])
        _record(locked, ChangeAction.UNSHARED)
        # Nothing left to talk about for the partner; the agenda item goes too.
        TalkRequest.objects.filter(boundary=locked, addressed_at__isnull=True).delete()
        _refresh_partner_view(boundary=locked)
    return locked


def boundary_delete(*, actor: User, boundary: Boundary) -> None:
    if boundary.author_id != actor.pk:
        raise ServiceError(gettext("Only the person who wrote a boundary can remove it."))
    with transaction.atomic():
        _record(boundary, ChangeAction.REMOVED)
        if boundary.is_shared:
            _refresh_partner_view(boundary=boundary)
        Boundary.objects.filter(pk=boundary.pk).delete()


# ---- Talking about a shared boundary ----


def talk_request_add(*, actor: User, boundary: Boundary) -> TalkRequest:
    """Put a partner's shared boundary on the next check-in's list of things
    to talk about. Asking twice keeps one item."""
    context = couple_context(viewer=actor)
    if (
        context.couple is None
        or context.partner is None
        or boundary.author_id != context.partner.pk
        or not boundary.is_shared
        or boundary.couple_id != context.couple_id
    ):
        raise ServiceError(gettext("This isn't available."))
    existing = TalkRequest.objects.filter(boundary=boundary, requester=actor, addressed_at__isnull=True).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            return TalkRequest.objects.create(boundary=boundary, requester=actor, couple=context.couple)
    except IntegrityError:
        return TalkRequest.objects.get(boundary=boundary, requester=actor, addressed_at__isnull=True)


# ---- Reviews ----


def _settings_for(user: User) -> ReviewSettings:
    row, _ = ReviewSettings.objects.get_or_create(user=user)
    return row


def review_start(*, actor: User) -> Review:
    """Start a review, or pick up the one already under way."""
    existing = Review.objects.filter(user=actor, finished_at__isnull=True).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            return Review.objects.create(user=actor)
    except IntegrityError:
        return Review.objects.get(user=actor, finished_at__isnull=True)


def review_step(*, actor: User, review: Review, boundary: Boundary, outcome: str) -> None:
    if review.user_id != actor.pk or review.finished_at or boundary.author_id != actor.pk:
        raise ServiceError(gettext("This review isn't open any more."))
    ReviewOutcome(outcome)
    with transaction.atomic():
        _, created = ReviewStep.objects.get_or_create(
            review=review, boundary_id_at_review=boundary.pk, defaults={"outcome": outcome}
        )
        if not created:
            return
        if outcome == ReviewOutcome.KEPT:
            _record(boundary, ChangeAction.KEPT)
        elif outcome == ReviewOutcome.REMOVED:
            boundary_delete(actor=actor, boundary=boundary)


def review_finish(*, actor: User, review: Review) -> None:
    if review.user_id != actor.pk:
        raise ServiceError(gettext("This review isn't open any more."))
    with transaction.atomic():
        Review.objects.filter(pk=review.pk, finished_at__isnull=True).update(finished_at=timezone.now())
        row = _settings_for(actor)
        row.review_suggested_at = None
        notices_resolve(subject=BOUNDARY_REVIEW_NOTICE, user_ids=[actor.pk])
        row.next_reminder_at = _next_reminder(row.reminder_months)
        row.save(update_fields=["review_suggested_at", "next_reminder_at"])
        _schedule_reminder(row)


def _next_reminder(months: int) -> datetime | None:
    if not months:
        return None
    return timezone.now() + timedelta(days=DAYS_PER_MONTH * months)


def _schedule_reminder(row: ReviewSettings) -> None:
    from evenly.boundaries.tasks import send_review_reminder

    when = row.next_reminder_at
    if when is None:
        return
    reminder = send_review_reminder.using(run_after=when)
    user_id = row.user_id
    transaction.on_commit(lambda: reminder.enqueue(user_id, when.isoformat()))


def _start_reminders(user: User) -> None:
    """The first entry on a list starts the default reminder cycle."""
    row, created = ReviewSettings.objects.get_or_create(user=user)
    if created and row.reminder_months:
        row.next_reminder_at = _next_reminder(row.reminder_months)
        row.save(update_fields=["next_reminder_at"])
        _schedule_reminder(row)


def review_reminder_set(*, actor: User, months: int) -> ReviewSettings:
    if months not in ReminderMonths.values:
        raise ServiceError(gettext("Choose one of the options."))
    with transaction.atomic():
        row = _settings_for(actor)
        row.reminder_months = months
        row.next_reminder_at = _next_reminder(months)
        row.save(update_fields=["reminder_months", "next_reminder_at"])
        _schedule_reminder(row)
    return row


def partner_boundaries_seen(*, actor: User) -> None:
    """Looking at the partner's shared list is what a "boundary changed"
    notice asks for, so the notice goes."""
    with transaction.atomic():
        notices_resolve(subject=PARTNER_BOUNDARIES_NOTICE, user_ids=[actor.pk])


def review_suggest(*, user_ids: list[int]) -> None:
    """Invite a review: a neutral notice and a gentle note on the list page.
    Inside the caller's transaction."""
    now = timezone.now()
    for user_id in user_ids:
        row, _ = ReviewSettings.objects.get_or_create(user_id=user_id)
        row.review_suggested_at = now
        row.save(update_fields=["review_suggested_at"])
    notify(
        user_ids=user_ids,
        kind=NotificationKind.BOUNDARY_REVIEW,
        url=reverse("boundaries:review"),
        subject=BOUNDARY_REVIEW_NOTICE,
    )


def reminder_fire(*, user_id: int) -> None:
    """Called by the scheduled task: suggest a review and plan the next one."""
    with transaction.atomic():
        row = ReviewSettings.objects.select_for_update().get(user_id=user_id)
        review_suggest(user_ids=[user_id])
        row.refresh_from_db()
        row.next_reminder_at = _next_reminder(row.reminder_months)
        row.save(update_fields=["next_reminder_at"])
        _schedule_reminder(row)


# ---- Life events ----


@once_per_token
def life_event_add(*, actor: User, kind: str, note: str = "", share: bool = False) -> LifeEvent:
    """Log a life change. It prompts a review for the person who logged it,
    and for both partners when it is shared."""
    LifeEventKind(kind)
    note = note.strip()
    _check_lengths(note=note)
    context = couple_context(viewer=actor)
    if share and not context.is_partnered:
        raise _refuse(NOT_PARTNERED_SHARE)
    with transaction.atomic():
        event = LifeEvent.objects.create(
            author=actor,
            couple=context.couple,
            kind=kind,
            note=note,
            visibility=Visibility.SHARED if share else Visibility.PRIVATE,
        )
        review_suggest(user_ids=[actor.pk])
        if share and context.partner is not None:
            review_suggest(user_ids=[context.partner.pk])
    return event


def life_event_share(*, actor: User, event: LifeEvent) -> LifeEvent:
    if event.author_id != actor.pk:
        raise ServiceError(gettext("Only the person who logged this can share it."))
    context = couple_context(viewer=actor)
    if context.partner is None:
        raise _refuse(NOT_PARTNERED_SHARE)
    with transaction.atomic():
        if event.is_shared and event.couple_id == context.couple_id:
            return event
        event.visibility = Visibility.SHARED
        event.couple = context.couple
        event.save(update_fields=["visibility", "couple", "updated_at"])
        review_suggest(user_ids=[context.partner.pk])
    return event


def life_event_unshare(*, actor: User, event: LifeEvent) -> LifeEvent:
    if event.author_id != actor.pk:
        raise ServiceError(gettext("Only the person who logged this can change who sees it."))
    with transaction.atomic():
        event.visibility = Visibility.PRIVATE
        event.save(update_fields=["visibility", "updated_at"])
    return event


def life_event_delete(*, actor: User, event: LifeEvent) -> None:
    if event.author_id != actor.pk:
        raise ServiceError(gettext("Only the person who logged this can remove it."))
    LifeEvent.objects.filter(pk=event.pk).delete()


# ---- Curiosity list ----


def curiosity_answer_set(*, actor: User, catalogue_item_id: int, answer: str) -> CuriosityAnswer:
    """Record a private answer. No event goes out: the matches page shows
    the current state when it is opened, so nothing about the timing of an
    answer ever reaches the partner."""
    item = catalogue.get(catalogue_item_id)
    if item is None or item.retired:
        raise _refuse(UNKNOWN_ITEM)
    if answer not in Answer.values:
        raise ServiceError(gettext("Choose yes, curious or no."))
    with transaction.atomic():
        row, _ = CuriosityAnswer.objects.update_or_create(
            user=actor, catalogue_item_id=item.id, defaults={"answer": answer}
        )
    return row


def curiosity_answer_clear(*, actor: User, catalogue_item_id: int) -> None:
    CuriosityAnswer.objects.filter(user=actor, catalogue_item_id=catalogue_item_id).delete()
