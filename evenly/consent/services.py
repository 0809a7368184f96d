"""Every change to the signal, tonight check-ins, invitations and pace.

Protective actions always go through: a red or yellow signal, "not now", "no"
and withdrawing work even during a pause. Anything that moves a shared flow
forward (opening a check-in, answering it, inviting, saying yes) waits while
the couple is paused. When two actions race on one invitation, the row is
locked and its state checked again, so a withdrawal always wins over a yes.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from evenly.accounts.models import User
from evenly.boundaries.guard import check_proposal
from evenly.consent import timing
from evenly.consent.forgetting import sweep_after_ending, sweep_at
from evenly.consent.models import (
    DECLINES,
    LIVE_OUTCOMES,
    NOTE_MAX,
    WORDS_MAX,
    YES_OUTCOMES,
    Colour,
    ConsentSettings,
    Cooldown,
    Dialogue,
    DialogueAnswer,
    Invitation,
    Outcome,
    Signal,
)
from evenly.core.errors import ServiceError
from evenly.core.limits import check_length
from evenly.core.localtime import couple_time
from evenly.core.models import NotificationKind
from evenly.core.notifications import notices_resolve, notify
from evenly.core.once import once_per_token
from evenly.core.realtime import publish
from evenly.couples.models import Couple
from evenly.couples.selectors import couple_zone, member_ids, partnership_for
from evenly.pause.selectors import refuse_while_paused
from evenly.pause.services import pause_start

SIGNAL_LASTS = timedelta(hours=12)

NOT_PARTNERED = _("This is for a shared space with your partner.")
WHILE_PAUSED = _("Everything shared is on hold during the pause. This can wait until it's lifted.")
PACE_SLOWER = _("Invitations are paused for now.")
IN_COOLDOWN = _(
    "Your partner asked for a little time before the next invitation. You'll be able to invite again later."
)
NEEDS_WHAT = _("Say what you'd like to invite to: pick something from the list or put it in your own words.")
NOT_YOURS_TO_ANSWER = _("This invitation is yours, so only your partner can answer it.")
ALREADY_WITHDRAWN = _("This invitation was withdrawn, so there's nothing to answer. Nothing more is needed.")
ALREADY_ENDED = _("This invitation has ended, so there's nothing to answer.")
ALREADY_ANSWERED = _("You've already answered this one. A yes can always be withdrawn.")
CHECK_IN_ENDED = _("This check-in has ended.")
ALREADY_ANSWERED_TONIGHT = _("Your answers are already in.")
ALREADY_REVEALED_TONIGHT = _(
    "Both of your answers are showing now, so they stay as they are. A signal, a pause or a simple "
    '"not now" still changes everything.'
)


# ---- helpers ----


def _refuse_while_paused(actor: User, couple_id: int) -> None:
    refuse_while_paused(actor=actor, couple_id=couple_id, refusal=str(WHILE_PAUSED))


def _both(invitation: Invitation) -> list[int]:
    """The two partners of a live invitation (a forgotten one has no invitee)."""
    return [invitation.inviter_id, *([invitation.invitee_id] if invitation.invitee_id else [])]


def settings_for(user: User) -> ConsentSettings:
    found = ConsentSettings.objects.filter(user=user).first()
    return found or ConsentSettings(user=user)


# ---- the signal ----


def signal_set(*, actor: User, colour: str) -> Signal:
    """Set the actor's colour for now. Red pauses everything for both, at once,
    and asks nothing. Works during a pause: a signal is never held back."""
    colour = Colour(colour)
    pair = partnership_for(actor=actor, refusal=str(NOT_PARTNERED))
    now = timezone.now()
    with transaction.atomic():
        previous = list(Signal.objects.select_for_update().filter(user=actor, ended_at__isnull=True))
        for old in previous:
            old.ended_at = min(now, old.lapses_at)
            old.save(update_fields=["ended_at"])
            sweep_after_ending(old.ended_at)
        signal = Signal.objects.create(
            user=actor, couple=pair.couple, colour=colour, set_at=now, lapses_at=now + SIGNAL_LASTS
        )
        sweep_after_ending(signal.lapses_at)
        publish(recipients=member_ids(couple_id=pair.couple.pk), event="consent.signal", user=actor.pk)
        if colour == Colour.RED:
            pause_start(actor=actor)
    return signal


# ---- the tonight check-in ----


def dialogue_start(*, actor: User, ends_at: datetime | None = None) -> Dialogue:
    """Open tonight's check-in. If one is already open, that one is returned:
    a couple has one at a time."""
    pair = partnership_for(actor=actor, refusal=str(NOT_PARTNERED))
    _refuse_while_paused(actor, pair.couple.pk)
    zone = couple_zone(pair.couple)
    now = timezone.now()
    ends_at = timing.next_morning(now.astimezone(zone)) if ends_at is None else couple_time(ends_at, zone)
    try:
        timing.check_dialogue_end(ends_at, now=now)
    except timing.WindowError as error:
        raise ServiceError(gettext(error.message)) from error
    with transaction.atomic():
        Couple.objects.select_for_update().filter(pk=pair.couple.pk).first()
        existing = Dialogue.objects.filter(couple=pair.couple, ends_at__gt=now, erased_at__isnull=True).first()
        if existing:
            return existing
        dialogue = Dialogue.objects.create(couple=pair.couple, started_by=actor, ends_at=ends_at)
        sweep_after_ending(dialogue.ends_at)
        publish(recipients=member_ids(couple_id=pair.couple.pk), event="consent.dialogue_opened", dialogue=dialogue.pk)
        notify(
            user_ids=[pair.partner.pk],
            kind=NotificationKind.CONSENT_CHECK_IN_OPEN,
            url=reverse("consent:dialogue", args=[dialogue.pk]),
            subject=f"dialogue:{dialogue.pk}",
        )
    return dialogue


def dialogue_answer(
    *, actor: User, dialogue: Dialogue, feels_good: str, breaks_trust: str, limits: str, colour: str
) -> DialogueAnswer:
    """Record one partner's private answers, or change them: until both have
    answered, each can rewrite theirs as often as they like. The moment the
    second partner answers, both see both answers together, and both colours
    become their signals. Red is the exception: it pauses everything at once."""
    pair = partnership_for(actor=actor, refusal=str(NOT_PARTNERED))
    if dialogue.couple_id != pair.couple.pk:
        raise ServiceError(str(CHECK_IN_ENDED))
    _refuse_while_paused(actor, pair.couple.pk)
    colour = Colour(colour)
    with transaction.atomic():
        locked = Dialogue.objects.select_for_update().get(pk=dialogue.pk)
        if locked.ends_at <= timezone.now() or locked.erased_at:
            raise ServiceError(str(CHECK_IN_ENDED))
        if locked.revealed_at is not None:
            raise ServiceError(str(ALREADY_REVEALED_TONIGHT))
        fields = {
            "feels_good": feels_good.strip(),
            "breaks_trust": breaks_trust.strip(),
            "limits": limits.strip(),
            "colour": colour,
        }
        # The dialogue row is locked, so the answer can't appear in between.
        answer, _created = DialogueAnswer.objects.update_or_create(dialogue=locked, author=actor, defaults=fields)
        notices_resolve(subject=f"dialogue:{locked.pk}", user_ids=[actor.pk])
        if colour == Colour.RED:
            # Safety before secrecy: red stops everything at once.
            signal_set(actor=actor, colour=colour)
        answers = list(locked.answers.select_related("author"))
        if len(answers) == 2 and locked.revealed_at is None:
            locked.revealed_at = timezone.now()
            locked.save(update_fields=["revealed_at"])
            # Only now does the partner hear anything: no "they've answered",
            # not even a signal changing at the moment of answering.
            publish(recipients=member_ids(couple_id=pair.couple.pk), event="consent.revealed", dialogue=locked.pk)
            for each in answers:
                if each.colour != Colour.RED:
                    signal_set(actor=each.author, colour=each.colour)
    return answer


# ---- invitations ----


@once_per_token
def invitation_create(
    *,
    actor: User,
    item_ids: list[int],
    words: str,
    note: str,
    starts_at: datetime,
    ends_at: datetime,
) -> Invitation:
    pair = partnership_for(actor=actor, refusal=str(NOT_PARTNERED))
    if pair.partner.pk == actor.pk:
        raise ServiceError(str(NOT_PARTNERED))
    _refuse_while_paused(actor, pair.couple.pk)
    words, note = words.strip(), note.strip()
    check_length(words, limit=WORDS_MAX)
    check_length(note, limit=NOTE_MAX)
    if not item_ids and not words:
        raise ServiceError(str(NEEDS_WHAT))
    zone = couple_zone(pair.couple)
    starts_at, ends_at = couple_time(starts_at, zone), couple_time(ends_at, zone)
    now = timezone.now()
    try:
        timing.check_window(starts_at, ends_at, now=now)
    except timing.WindowError as error:
        raise ServiceError(gettext(error.message)) from error
    if settings_for(pair.partner).slower_pace:
        raise ServiceError(str(PACE_SLOWER))
    if Cooldown.objects.filter(couple=pair.couple, inviter=actor, until__gt=now).exists():
        raise ServiceError(str(IN_COOLDOWN))
    # Safety before secrecy: a partner's hard limit, shared or private, stops
    # the invitation with the same neutral words either way.
    check_proposal(proposer=actor, catalogue_item_ids=item_ids, text=f"{words}\n{note}")
    with transaction.atomic():
        invitation = Invitation.objects.create(
            couple=pair.couple,
            inviter=actor,
            invitee=pair.partner,
            what_items=",".join(str(int(i)) for i in sorted(set(item_ids))),
            what_words=words,
            note=note,
            starts_at=starts_at,
            ends_at=ends_at,
        )
        sweep_after_ending(invitation.ends_at)
        publish(recipients=[actor.pk, pair.partner.pk], event="consent.invited", invitation=invitation.pk)
        notify(
            user_ids=[pair.partner.pk],
            kind=NotificationKind.CONSENT_INVITATION,
            url=reverse("consent:invitation", args=[invitation.pk]),
            subject=f"invitation:{invitation.pk}",
        )
    return invitation


def invitation_answer(*, actor: User, invitation: Invitation, outcome: str, conditions: str = "") -> Invitation:
    """The invitee's answer. No reason is ever asked. Only "yes" and "yes,
    if…" count as yes; "not now" and "no" start the invitee's cool-down."""
    outcome = Outcome(outcome)
    if outcome not in (*YES_OUTCOMES, *DECLINES):
        raise ServiceError(gettext("Choose one of the answers."))
    if invitation.inviter_id == actor.pk:
        raise ServiceError(str(NOT_YOURS_TO_ANSWER))
    if invitation.invitee_id != actor.pk:
        raise ServiceError(str(ALREADY_ENDED))
    conditions = conditions.strip() if outcome == Outcome.YES_IF else ""
    if outcome == Outcome.YES_IF and not conditions:
        raise ServiceError(gettext("Say what your yes depends on, or choose another answer."))
    if outcome in YES_OUTCOMES:
        _refuse_while_paused(actor, invitation.couple_id)
    now = timezone.now()
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.outcome == Outcome.WITHDRAWN:
            raise ServiceError(str(ALREADY_WITHDRAWN))
        if locked.outcome == Outcome.EXPIRED or locked.ends_at <= now or locked.forgotten:
            raise ServiceError(str(ALREADY_ENDED))
        if locked.outcome != Outcome.OPEN:
            raise ServiceError(str(ALREADY_ANSWERED))
        locked.outcome = outcome
        locked.answered_at = now
        locked.conditions = conditions
        fields = ["outcome", "answered_at", "conditions"]
        locked.save(update_fields=fields)
        if outcome in DECLINES:
            _cooldown_start(
                couple_id=locked.couple_id, inviter_id=locked.inviter_id, hours=settings_for(actor).cooldown_hours
            )
            sweep_after_ending(now)
        notices_resolve(subject=f"invitation:{locked.pk}")
        publish(recipients=_both(locked), event="consent.answered", invitation=locked.pk)
    return locked


def _cooldown_start(*, couple_id: int, inviter_id: int, hours: int) -> None:
    """Keep new invitations away for the invitee's chosen time. The row says
    only that a cool-down runs; a second decline can only make it longer."""
    until = timezone.now() + timedelta(hours=hours)
    cooldown, created = Cooldown.objects.select_for_update().get_or_create(
        couple_id=couple_id, inviter_id=inviter_id, defaults={"until": until}
    )
    if not created and cooldown.until < until:
        cooldown.until = until
        cooldown.save(update_fields=["until"])
    sweep_at(until)


def invitation_withdraw(*, actor: User, invitation: Invitation) -> Invitation:
    """One tap, no questions, at any moment: the invitee takes back a yes, or
    the inviter takes back the invitation. It overrides everything, including
    a yes landing at the same instant. Withdrawing twice is harmless."""
    if invitation.forgotten:
        return invitation  # Nothing of it stands, and it no longer says to whom it went.
    if actor.pk not in (invitation.inviter_id, invitation.invitee_id):
        raise ServiceError(str(ALREADY_ENDED))
    now = timezone.now()
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.outcome not in LIVE_OUTCOMES or locked.ends_at <= now or locked.forgotten:
            # Once its window has ended nothing stands, so there is nothing to take back.
            return locked
        if actor.pk == locked.invitee_id and locked.outcome == Outcome.OPEN:
            # Nothing to take back yet; answering "not now" is the invitee's way out.
            return locked
        locked.outcome = Outcome.WITHDRAWN
        locked.withdrawn_at = now
        locked.withdrawn_by = actor
        locked.conditions = ""
        locked.save(update_fields=["outcome", "withdrawn_at", "withdrawn_by", "conditions"])
        notices_resolve(subject=f"invitation:{locked.pk}")
        sweep_after_ending(now)
        publish(recipients=_both(locked), event="consent.withdrawn", invitation=locked.pk)
    return locked


# ---- pace ----


def consent_settings_update(*, actor: User, slower_pace: bool, cooldown_hours: int) -> ConsentSettings:
    with transaction.atomic():
        row, _ = ConsentSettings.objects.select_for_update().get_or_create(user=actor)
        row.slower_pace = slower_pace
        row.cooldown_hours = cooldown_hours
        row.save(update_fields=["slower_pace", "cooldown_hours"])
    # No event on purpose: the partner learns that invitations are paused when
    # they next look, not the moment it was chosen.
    return row
