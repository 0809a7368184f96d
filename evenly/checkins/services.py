"""Every write for moments, the agenda, ground rules and check-ins.

Shared steps refuse to move while the couple is paused; making something
private again is always allowed. Events carry ids only and go to both
members of the couple after commit.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from evenly.accounts.models import User
from evenly.checkins import flow
from evenly.checkins.defaults import RULE_MAX_CHARS, RULES_MAX
from evenly.checkins.models import (
    SHORT_MAX,
    TEXT_MAX,
    AgendaItem,
    AgendaKind,
    Appreciation,
    CheckIn,
    GroundRule,
    Mode,
    Moment,
    NextStep,
    ParkedTopic,
    Rating,
    Status,
    Utterance,
    UtteranceKind,
)
from evenly.checkins.tasks import send_checkin_reminder
from evenly.core.errors import ServiceError
from evenly.core.limits import check_length
from evenly.core.localtime import couple_time
from evenly.core.models import NotificationKind, Visibility
from evenly.core.notifications import notices_resolve, notify
from evenly.core.once import once_per_token
from evenly.core.realtime import publish
from evenly.couples.selectors import couple_context, couple_zone, member_ids, partnership_for
from evenly.journal import feelings as feeling_list
from evenly.pause.selectors import refuse_while_paused

NOT_PARTNERED = _("Check-ins are for a shared space with your partner. Invite them from “Us” first.")
PAUSED = _("Paused for now. Everything stays just as it is until the pause is lifted; then you can carry on from here.")
STALE = _(
    "The check-in moved on while this was being sent, perhaps from another tab or device. "
    "Your words are still here below, so nothing is lost."
)
NOT_YOUR_STEP = _("That step isn't yours just now. The page shows whose turn it is.")
NOT_OPEN = _("This check-in isn't under way any more.")
EMPTY = {
    flow.Action.SPEAK: _("Write your piece, or tick “I said it aloud”."),
    flow.Action.REFLECT: _("Write what you heard, in your own words, or tick “I said it aloud”."),
    flow.Action.CLARIFY: _("Write what you'd like to add or put differently, or tick “I said it aloud”."),
}
KIND_FOR = {
    flow.Action.SPEAK: UtteranceKind.STATEMENT,
    flow.Action.REFLECT: UtteranceKind.REFLECTION,
    flow.Action.CLARIFY: UtteranceKind.CLARIFICATION,
}
REMIND_BEFORE = timedelta(minutes=15)
LATEST_PLAN = timedelta(days=60)


# ---- Shared guards ----


def _refuse_while_paused(*, actor: User, couple_id: int) -> None:
    refuse_while_paused(actor=actor, couple_id=couple_id, refusal=str(PAUSED))


def _too_long(limit: int) -> str:
    return ngettext(
        "That's longer than %(limit)s character. Could you shorten it a little? Your words are kept below.",
        "That's longer than %(limit)s characters. Could you shorten it a little? Your words are kept below.",
        limit,
    ) % {"limit": number_format(limit, force_grouping=True)}


def _text(value: str, *, limit: int = TEXT_MAX, required: str | None = None) -> str:
    value = check_length((value or "").strip(), limit=limit, message=_too_long(limit) if limit == TEXT_MAX else None)
    if required and not value:
        raise ServiceError(required)
    return value


def _agenda_changed(couple_id: int) -> None:
    publish(recipients=member_ids(couple_id=couple_id), event="checkin.agenda", couple=couple_id)


def _checkin_changed(checkin: CheckIn) -> None:
    publish(recipients=member_ids(couple_id=checkin.couple_id), event="checkin.changed", checkin=checkin.pk)


# ---- Moments ----


@once_per_token
def moment_create(
    *,
    actor: User,
    happened_on: date,
    leaning: str,
    what_happened: str,
    feelings: list[str],
    trust_impact: int | None,
    desire_impact: int | None,
    cues: str,
) -> Moment:
    context = couple_context(viewer=actor)
    return Moment.objects.create(
        author=actor,
        couple=context.couple,
        happened_on=happened_on,
        leaning=leaning,
        what_happened=_text(what_happened, required=gettext("Describe what happened, as a camera would have seen it.")),
        feelings=feeling_list.join(feelings),
        trust_impact=trust_impact,
        desire_impact=desire_impact,
        cues=_text(cues),
    )


def moment_delete(*, actor: User, moment: Moment) -> None:
    if moment.author_id != actor.pk:
        raise ServiceError(gettext("Only the person who wrote a moment can delete it."))
    with transaction.atomic():
        was_shared = moment.is_shared
        couple_id = moment.couple_id
        moment.delete()
        if was_shared and couple_id:
            _agenda_changed(couple_id)


def moment_add_to_agenda(*, actor: User, moment: Moment) -> AgendaItem:
    """Share a moment with the partner by putting it on the couple's agenda."""
    context = partnership_for(actor=actor, refusal=str(NOT_PARTNERED))
    _refuse_while_paused(actor=actor, couple_id=context.couple_id)
    if moment.author_id != actor.pk:
        raise ServiceError(gettext("Only the person who wrote a moment can share it."))
    with transaction.atomic():
        existing = AgendaItem.objects.filter(moment=moment, couple=context.couple, discussed_at__isnull=True).first()
        if existing:
            return existing
        Moment.objects.filter(pk=moment.pk).update(couple=context.couple, visibility=Visibility.SHARED)
        item = AgendaItem.objects.create(
            author=actor, couple=context.couple, visibility=Visibility.SHARED, kind=AgendaKind.MOMENT, moment=moment
        )
        _agenda_changed(context.couple_id)
    return item


def moment_make_private(*, actor: User, moment: Moment) -> None:
    """Withdraw a shared moment. It leaves the agenda unless a check-in has
    already talked about it; either way the partner no longer sees it."""
    if moment.author_id != actor.pk:
        raise ServiceError(gettext("Only the person who wrote a moment can change who sees it."))
    with transaction.atomic():
        AgendaItem.objects.filter(moment=moment, discussed_at__isnull=True).delete()
        Moment.objects.filter(pk=moment.pk).update(visibility=Visibility.PRIVATE)
        if moment.couple_id:
            _agenda_changed(moment.couple_id)


# ---- The agenda and parked topics ----


@once_per_token
def topic_add(*, actor: User, text: str, limit: int = SHORT_MAX) -> AgendaItem:
    """A topic in the author's words; `limit` is longer for a journal excerpt."""
    context = partnership_for(actor=actor, refusal=str(NOT_PARTNERED))
    _refuse_while_paused(actor=actor, couple_id=context.couple_id)
    words = _text(text, limit=limit, required=gettext("Write a few words about the topic."))
    with transaction.atomic():
        item = AgendaItem.objects.create(
            author=actor, couple=context.couple, visibility=Visibility.SHARED, kind=AgendaKind.TOPIC, text=words
        )
        _agenda_changed(context.couple_id)
    return item


def agenda_item_withdraw(*, actor: User, item: AgendaItem) -> None:
    if item.author_id != actor.pk:
        raise ServiceError(gettext("Only the person who added this can take it off the agenda."))
    if not item.is_open:
        raise ServiceError(gettext("A check-in has already talked about this, so it stays with that check-in."))
    with transaction.atomic():
        if item.moment_id:
            Moment.objects.filter(pk=item.moment_id).update(visibility=Visibility.PRIVATE)
        item.delete()
        _agenda_changed(item.couple_id)  # type: ignore[arg-type]


def agenda_item_mark_discussed(*, actor: User, checkin: CheckIn, item: AgendaItem) -> None:
    _refuse_while_paused(actor=actor, couple_id=checkin.couple_id)
    if not checkin.is_open or item.couple_id != checkin.couple_id:
        raise ServiceError(str(NOT_OPEN))
    with transaction.atomic():
        AgendaItem.objects.filter(pk=item.pk, discussed_at__isnull=True).update(
            discussed_in=checkin, discussed_at=timezone.now()
        )
        _agenda_changed(checkin.couple_id)


def talk_request_mark_discussed(*, actor: User, checkin: CheckIn, talk_request_id: int) -> None:
    from evenly.boundaries.models import TalkRequest

    _refuse_while_paused(actor=actor, couple_id=checkin.couple_id)
    if not checkin.is_open:
        raise ServiceError(str(NOT_OPEN))
    with transaction.atomic():
        TalkRequest.objects.filter(pk=talk_request_id, couple_id=checkin.couple_id, addressed_at__isnull=True).update(
            addressed_at=timezone.now()
        )
        _agenda_changed(checkin.couple_id)


@once_per_token
def parked_topic_add(*, actor: User, text: str) -> ParkedTopic:
    context = couple_context(viewer=actor)
    words = _text(text, limit=SHORT_MAX, required=gettext("Write a few words so you'll recognise it later."))
    return ParkedTopic.objects.create(author=actor, couple=context.couple, text=words)


def parked_topic_to_agenda(*, actor: User, parked: ParkedTopic) -> AgendaItem:
    if parked.author_id != actor.pk:
        raise ServiceError(gettext("Only the person who parked a topic can move it."))
    with transaction.atomic():
        item = topic_add(actor=actor, text=parked.text)
        parked.delete()
    return item


def parked_topic_delete(*, actor: User, parked: ParkedTopic) -> None:
    if parked.author_id != actor.pk:
        raise ServiceError(gettext("Only the person who parked a topic can remove it."))
    parked.delete()


# ---- Ground rules ----


def ground_rules_save(*, actor: User, texts: list[str]) -> None:
    """Replace the couple's list. Either partner may edit it; if a check-in is
    waiting for both to accept the rules, it asks both again."""
    context = partnership_for(actor=actor, refusal=str(NOT_PARTNERED))
    _refuse_while_paused(actor=actor, couple_id=context.couple_id)
    rules = [_text(text, limit=RULE_MAX_CHARS) for text in texts]
    rules = [rule for rule in rules if rule]
    if not rules:
        raise ServiceError(gettext("Keep at least one ground rule. You can always change it later."))
    if len(rules) > RULES_MAX:
        raise ServiceError(gettext("Ten ground rules at most: a short list is easier to keep."))
    with transaction.atomic():
        GroundRule.objects.filter(couple=context.couple).delete()
        GroundRule.objects.bulk_create(
            [
                GroundRule(couple=context.couple, position=index, text=rule, edited_by=actor)
                for index, rule in enumerate(rules)
            ]
        )
        waiting = CheckIn.objects.select_for_update().filter(couple=context.couple, status=Status.OPEN).first()
        if waiting is not None:
            session = flow.Session.from_dict(waiting.flow)
            if session.state == flow.State.RULES:
                from dataclasses import replace

                waiting.flow = replace(session, accepted=frozenset()).to_dict()
                waiting.version += 1
                waiting.save(update_fields=["flow", "version"])
                _checkin_changed(waiting)
        publish(recipients=member_ids(couple_id=context.couple_id), event="checkin.rules", couple=context.couple_id)


# ---- Planning, starting and taking turns ----


def checkin_schedule(*, actor: User, when: datetime) -> CheckIn:
    """Plan the next check-in, or move the one already planned."""
    context = partnership_for(actor=actor, refusal=str(NOT_PARTNERED))
    _refuse_while_paused(actor=actor, couple_id=context.couple_id)
    when = couple_time(when, couple_zone(context.couple))
    now = timezone.now()
    if when <= now:
        raise ServiceError(gettext("Choose a time in the future."))
    if when - now > LATEST_PLAN:
        raise ServiceError(gettext("Choose a time within the next two months."))
    with transaction.atomic():
        checkin = CheckIn.objects.select_for_update().filter(couple=context.couple, status=Status.SCHEDULED).first()
        if checkin is None:
            checkin = CheckIn.objects.create(
                couple=context.couple, proposed_by=actor, status=Status.SCHEDULED, scheduled_for=when
            )
        else:
            checkin.scheduled_for = when
            checkin.save(update_fields=["scheduled_for"])
        notify(
            user_ids=[context.partner.pk],
            kind=NotificationKind.CHECKIN_PLANNED,
            url=reverse("checkins:index"),
            subject=f"checkin:{checkin.pk}",
        )
        remind_at = max(when - REMIND_BEFORE, now)
        reminder = send_checkin_reminder.using(run_after=remind_at)
        checkin_id, planned = checkin.pk, when.isoformat()
        transaction.on_commit(lambda: reminder.enqueue(checkin_id, planned))
        _checkin_changed(checkin)
    return checkin


def checkin_seen(*, actor: User, checkin: CheckIn) -> None:
    """Opening a check-in is what its notices ask for, so they go."""
    with transaction.atomic():
        notices_resolve(subject=f"checkin:{checkin.pk}", user_ids=[actor.pk])


def checkin_cancel(*, actor: User, checkin: CheckIn) -> None:
    partnership_for(actor=actor, refusal=str(NOT_PARTNERED))
    with transaction.atomic():
        cancelled = CheckIn.objects.filter(pk=checkin.pk, status=Status.SCHEDULED).update(status=Status.CANCELLED)
        if cancelled:
            notices_resolve(subject=f"checkin:{checkin.pk}")
            _checkin_changed(checkin)


def checkin_start(*, actor: User, mode: str, keep_plan: bool = False) -> CheckIn:
    """Begin a check-in now: the planned one, unless `keep_plan` asks for a
    separate one that leaves the plan in place. If the partner began one at
    the same moment, that one is the check-in. The partner's open pages show it
    at once, and a notice with the way in waits for them."""
    context = partnership_for(actor=actor, refusal=str(NOT_PARTNERED))
    _refuse_while_paused(actor=actor, couple_id=context.couple_id)
    if mode not in Mode.values:
        raise ServiceError(gettext("Choose how you'd like to hold it."))
    partner = context.partner
    assert partner is not None
    try:
        with transaction.atomic():
            already = CheckIn.objects.select_for_update().filter(couple=context.couple, status=Status.OPEN).first()
            if already is not None:
                return already
            previous = (
                CheckIn.objects.filter(couple=context.couple, started_at__isnull=False).order_by("-started_at").first()
            )
            first = flow.first_speaker_for(
                starter=actor.pk, partner=partner.pk, previous_first=previous.first_speaker_id if previous else None
            )
            second = partner.pk if first == actor.pk else actor.pk
            session = flow.start(first_speaker=first, other_partner=second)
            checkin = (
                None if keep_plan else CheckIn.objects.filter(couple=context.couple, status=Status.SCHEDULED).first()
            )
            if checkin is None:
                checkin = CheckIn(couple=context.couple, proposed_by=actor)
            checkin.status = Status.OPEN
            checkin.mode = mode
            checkin.started_at = timezone.now()
            checkin.first_speaker_id = first
            checkin.flow = session.to_dict()
            checkin.version = 1
            checkin.save()
            notices_resolve(subject=f"checkin:{checkin.pk}")
            notify(
                user_ids=[partner.pk],
                kind=NotificationKind.CHECKIN_BEGUN,
                url=reverse("checkins:checkin", args=[checkin.pk]),
                subject=f"checkin:{checkin.pk}",
            )
            _checkin_changed(checkin)
            return checkin
    except IntegrityError:
        return CheckIn.objects.get(couple=context.couple, status=Status.OPEN)


def checkin_act(
    *,
    actor: User,
    checkin: CheckIn,
    action: str,
    version: int,
    text: str = "",
    said_aloud: bool = False,
) -> CheckIn:
    """Take one step of the conversation. On a shared device, the step is
    taken by whoever holds the phone at this point of the flow."""
    try:
        step = flow.Action(action)
    except ValueError as error:
        raise ServiceError(str(NOT_YOUR_STEP)) from error
    with transaction.atomic():
        locked = CheckIn.objects.select_for_update().get(pk=checkin.pk)
        if locked.status != Status.OPEN:
            raise ServiceError(str(NOT_OPEN))
        _refuse_while_paused(actor=actor, couple_id=locked.couple_id)
        if version != locked.version:
            raise ServiceError(str(STALE))
        session = flow.Session.from_dict(locked.flow)
        if actor.pk not in session.partners:
            raise ServiceError(str(NOT_YOUR_STEP))
        if locked.is_one_device and step == flow.Action.ACCEPT_RULES:
            acting = [who for who in session.partners if who not in session.accepted]
        elif locked.is_one_device and flow.holder(session) is not None:
            acting = [flow.holder(session)]  # type: ignore[list-item]
        else:
            acting = [actor.pk]
        words = ""
        if step in flow.SAYING:
            words = _text(text)
            if not words and not said_aloud:
                raise ServiceError(str(EMPTY[step]))
        try:
            for who in acting:
                session = flow.apply(session, who, step)
        except flow.FlowError as error:
            raise ServiceError(str(NOT_YOUR_STEP)) from error
        if step in flow.SAYING:
            Utterance.objects.create(
                author_id=acting[0],
                couple_id=locked.couple_id,
                visibility=Visibility.SHARED,
                checkin=locked,
                round=session.round,
                kind=KIND_FOR[step],
                said_aloud=said_aloud,
                text=words,
            )
        if step == flow.Action.CONFIRM:
            last = locked.utterances.filter(kind=UtteranceKind.REFLECTION).order_by("-created_at", "-id").first()
            if last is not None:
                Utterance.objects.filter(pk=last.pk).update(confirmed=True)
        fields = ["flow", "version"]
        if step == flow.Action.CLOSE:
            locked.status = Status.CLOSED
            locked.closed_at = timezone.now()
            locked.closed_by = actor
            fields += ["status", "closed_at", "closed_by"]
        locked.flow = session.to_dict()
        locked.version += 1
        locked.save(update_fields=fields)
        _checkin_changed(locked)
    return locked


# ---- Closing ----


def _closed_for_member(*, actor: User, checkin: CheckIn) -> None:
    if checkin.status != Status.CLOSED:
        raise ServiceError(gettext("This comes once the check-in is closed."))
    if actor.pk not in member_ids(couple_id=checkin.couple_id):
        raise ServiceError(str(NOT_PARTNERED))


def rating_save(*, actor: User, checkin: CheckIn, felt_heard: int, equal_say: int) -> Rating:
    """A private rating. Nobody else ever sees it, and no event tells the
    partner that it was given."""
    _closed_for_member(actor=actor, checkin=checkin)
    if not (1 <= felt_heard <= 5 and 1 <= equal_say <= 5):
        raise ServiceError(gettext("Choose a number from 1 to 5 for each."))
    rating, _ = Rating.objects.update_or_create(
        checkin=checkin, rater=actor, defaults={"felt_heard": felt_heard, "equal_say": equal_say}
    )
    return rating


@once_per_token
def appreciation_add(*, actor: User, checkin: CheckIn, text: str) -> Appreciation:
    _closed_for_member(actor=actor, checkin=checkin)
    _refuse_while_paused(actor=actor, couple_id=checkin.couple_id)
    words = _text(text, limit=SHORT_MAX, required=gettext("Write a few words of appreciation, or leave it for now."))
    with transaction.atomic():
        appreciation = Appreciation.objects.create(
            author=actor, couple_id=checkin.couple_id, visibility=Visibility.SHARED, checkin=checkin, text=words
        )
        _checkin_changed(checkin)
    return appreciation


@once_per_token
def next_step_add(*, actor: User, checkin: CheckIn, text: str) -> NextStep:
    _closed_for_member(actor=actor, checkin=checkin)
    _refuse_while_paused(actor=actor, couple_id=checkin.couple_id)
    words = _text(text, limit=SHORT_MAX, required=gettext("Write the step as something one or both of you will do."))
    with transaction.atomic():
        step = NextStep.objects.create(
            author=actor, couple_id=checkin.couple_id, visibility=Visibility.SHARED, checkin=checkin, text=words
        )
        _checkin_changed(checkin)
    return step
