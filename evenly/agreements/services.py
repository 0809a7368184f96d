"""Every write for shared values, the pact, repair statements, timeouts and
follow-ups.

Events go out after commit, with ids only, to an explicit list: changes to a
version reach both partners; a repair statement sent with one tap reaches the
partner it was sent to; writing or sharing one's own repair statement sends
nothing. A timeout is a pause: it needs no pact, no reason, and nobody can cut
it short but the partner who took it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from evenly.accounts.models import User
from evenly.agreements import rules, tasks
from evenly.agreements.models import (
    DEFAULT_TIMEOUT_MINUTES,
    REPAIR_MAX,
    STATEMENT_MAX,
    TEXT_MAX,
    FollowUp,
    FollowUpWhen,
    Kind,
    RepairSent,
    RepairStatement,
    Signature,
    Status,
    Timeout,
    TimeoutLength,
    Version,
)
from evenly.core.errors import ServiceError
from evenly.core.models import NotificationKind, Visibility
from evenly.core.notifications import notify
from evenly.core.realtime import publish
from evenly.couples.selectors import Partnership, couple_zone, member_ids, partnership_for
from evenly.pause.models import Pause, RevisitChoice
from evenly.pause.selectors import refuse_while_paused


def _not_partnered() -> str:
    return _("Agreements are made together, in a shared space with your partner.")


def _paused() -> str:
    return _("Everything shared is paused for now. This will be here, just as you left it, when the pause lifts.")


def _partnered(actor: User) -> Partnership:
    return partnership_for(actor=actor, refusal=_not_partnered())


def _words(value: str, *, limit: int, required: str | None = None) -> str:
    value = (value or "").strip()
    if len(value) > limit:
        raise ServiceError(
            _("Please keep it under %(limit)s characters. Your words are kept below.") % {"limit": limit}
        )
    if required and not value:
        raise ServiceError(required)
    return value


def _changed(couple_id: int) -> None:
    publish(recipients=member_ids(couple_id=couple_id), event="agreements.changed", couple=couple_id)


# ---- Proposing and co-signing versions ----


def _propose(*, actor: User, kind: str, **fields: object) -> Version:
    partnership = _partnered(actor)
    refuse_while_paused(actor=actor, couple_id=partnership.couple_id, refusal=_paused())
    with transaction.atomic():
        version = Version.objects.create(couple=partnership.couple, kind=kind, proposed_by=actor, **fields)
        Signature.objects.create(version=version, user=actor)  # proposing is agreeing
        notify(user_ids=[partnership.partner.pk], kind=NotificationKind.AGREEMENT_PROPOSED)
        _changed(partnership.couple_id)
    return version


def values_propose(*, actor: User, touchstones: list[str], words: str) -> Version:
    """Shared values from the chosen touchstones and the couple's own words."""
    own = _words(words, limit=STATEMENT_MAX)
    statement = "\n".join([*[t.strip() for t in touchstones if t.strip()], *([own] if own else [])])
    if not statement:
        raise ServiceError(_("Choose a touchstone or write a few words of your own."))
    if len(statement) > STATEMENT_MAX:
        raise ServiceError(
            _("Please keep it under %(limit)s characters. Your words are kept below.") % {"limit": STATEMENT_MAX}
        )
    return _propose(actor=actor, kind=Kind.VALUES, statement=statement)


def pact_propose(*, actor: User, timeout_minutes: int, during: str, ending: str, follow_up: str) -> Version:
    if timeout_minutes not in TimeoutLength.values:
        raise ServiceError(_("Choose how long a timeout lasts."))
    if follow_up not in FollowUpWhen.values:
        raise ServiceError(_("Choose when you'll follow up."))
    return _propose(
        actor=actor,
        kind=Kind.PACT,
        timeout_minutes=timeout_minutes,
        during=_words(
            during, limit=TEXT_MAX, required=_("Write a few words about what each of you does during a timeout.")
        ),
        ending=_words(ending, limit=TEXT_MAX, required=_("Write a few words about how a timeout ends.")),
        follow_up=follow_up,
    )


def version_sign(*, actor: User, version: Version) -> Version:
    """Agree to a proposal. Once both have, it takes effect and replaces the
    version that was current."""
    partnership = _partnered(actor)
    if version.couple_id != partnership.couple_id:
        raise ServiceError(_not_partnered())
    refuse_while_paused(actor=actor, couple_id=partnership.couple_id, refusal=_paused())
    with transaction.atomic():
        locked = Version.objects.select_for_update().get(pk=version.pk)
        Signature.objects.get_or_create(version=locked, user=actor)
        signers = Signature.objects.filter(version=locked).values_list("user_id", flat=True)
        try:
            status = rules.status_after_signing(
                status=locked.status, signers=signers, members=member_ids(couple_id=locked.couple_id)
            )
        except rules.RuleError as error:
            raise ServiceError(
                _("This version isn't open for signing any more. Here is where things are now.")
            ) from error
        if status == rules.CURRENT:
            now = timezone.now()
            Version.objects.filter(couple_id=locked.couple_id, kind=locked.kind, status=Status.CURRENT).update(
                status=Status.SUPERSEDED, ended_at=now
            )
            locked.status, locked.took_effect_at = Status.CURRENT, now
            locked.save(update_fields=["status", "took_effect_at"])
        _changed(locked.couple_id)
    return locked


def version_withdraw(*, actor: User, version: Version) -> Version:
    """Either partner withdraws agreement from the current version (the couple
    then has none), or sets an open proposal aside. It stays in the history."""
    partnership = _partnered(actor)
    if version.couple_id != partnership.couple_id:
        raise ServiceError(_not_partnered())
    with transaction.atomic():
        locked = Version.objects.select_for_update().get(pk=version.pk)
        try:
            locked.status = rules.status_after_withdrawal(status=locked.status)
        except rules.RuleError as error:
            raise ServiceError(_("This version has already ended. Here is where things are now.")) from error
        locked.ended_at = timezone.now()
        locked.save(update_fields=["status", "ended_at"])
        _changed(locked.couple_id)
    return locked


def agreements_end_for_couple(*, couple_id: int) -> None:
    """A couple that ends has no agreements left. Inside the caller's transaction.
    Repair statements stay with their authors, private again."""
    RepairStatement.objects.filter(couple_id=couple_id, visibility=Visibility.SHARED).update(
        visibility=Visibility.PRIVATE
    )
    Version.objects.filter(couple_id=couple_id, status__in=[Status.PROPOSED, Status.CURRENT]).update(
        status=Status.ENDED, ended_at=timezone.now()
    )
    FollowUp.objects.filter(couple_id=couple_id, discussed_at__isnull=True).delete()


# ---- Repair statements ----


def repair_add(*, actor: User, text: str, share: bool) -> RepairStatement:
    from evenly.couples.selectors import couple_context

    words = _words(text, limit=REPAIR_MAX, required=_("Write the words you'd like to have ready."))
    context = couple_context(viewer=actor)
    if share and not context.is_partnered:
        raise ServiceError(_not_partnered())
    with transaction.atomic():
        return RepairStatement.objects.create(
            author=actor,
            couple=context.couple,
            visibility=Visibility.SHARED if share else Visibility.PRIVATE,
            text=words,
        )


def repair_set_shared(*, actor: User, statement: RepairStatement, shared: bool) -> None:
    if statement.author_id != actor.pk:
        raise ServiceError(_("Only the person who wrote this can change who sees it."))
    fields: dict[str, object] = {"visibility": Visibility.SHARED if shared else Visibility.PRIVATE}
    if shared:
        fields["couple"] = _partnered(actor).couple
    with transaction.atomic():
        RepairStatement.objects.filter(pk=statement.pk).update(**fields)


def repair_delete(*, actor: User, statement: RepairStatement) -> None:
    if statement.author_id != actor.pk:
        raise ServiceError(_("Only the person who wrote this can delete it."))
    with transaction.atomic():
        statement.delete()


def repair_send(*, actor: User, statement: RepairStatement) -> RepairSent:
    """Send one of one's own repair statements to the partner, with one tap,
    during or after a timeout. Allowed while paused: that is when it helps."""
    partnership = _partnered(actor)
    if statement.author_id != actor.pk:
        raise ServiceError(_("Only the person who wrote this can send it."))
    with transaction.atomic():
        sent = RepairSent.objects.create(statement=statement, couple=partnership.couple)
        publish(recipients=[partnership.partner.pk], event="agreements.repair", repair=sent.pk)
    return sent


def repair_set_aside(*, actor: User, sent: RepairSent) -> None:
    """The recipient closes a repair they received. Nothing tells the sender."""
    if sent.statement.author_id == actor.pk:
        raise ServiceError(_("This was sent by you."))
    with transaction.atomic():
        RepairSent.objects.filter(pk=sent.pk, set_aside_at__isnull=True).update(set_aside_at=timezone.now())


# ---- Timeouts: a pause with a timer ----


def _timeout_minutes(couple_id: int) -> int:
    pact = Version.objects.filter(couple_id=couple_id, kind=Kind.PACT, status=Status.CURRENT).first()
    return pact.timeout_minutes if pact and pact.timeout_minutes else DEFAULT_TIMEOUT_MINUTES


def _set_timer(*, actor: User, pause: Pause, ends_at: datetime) -> None:
    """The end of a timeout is the pause's revisit time: both get the pause's
    own gentle reminder then, and both open pages hear that time is up."""
    from evenly.pause.services import pause_set_revisit

    zone = couple_zone(pause.couple)
    pause_set_revisit(actor=actor, pause=pause, choice=RevisitChoice.AT_TIME, custom_local=ends_at.astimezone(zone))
    time_up = tasks.timeout_time_up.using(run_after=ends_at)
    transaction.on_commit(lambda: time_up.enqueue(pause.pk, ends_at.isoformat()))


def timeout_take(*, actor: User) -> Timeout:
    """One tap: pause everything shared, with a timer. No reason, no pact needed."""
    from evenly.pause.services import pause_start

    partnership = _partnered(actor)
    with transaction.atomic():
        pause = pause_start(actor=actor)
        existing = Timeout.objects.filter(pause=pause).first()
        if existing is not None:
            return existing
        minutes = _timeout_minutes(partnership.couple_id)
        ends_at = timezone.now() + timedelta(minutes=minutes)
        timeout = Timeout.objects.create(pause=pause, minutes=minutes, ends_at=ends_at)
        _set_timer(actor=actor, pause=pause, ends_at=ends_at)
    return timeout


def timeout_extend(*, actor: User, timeout: Timeout) -> Timeout:
    """More time, asked for by either partner, without a reason. Counted from
    now once the time is up, or added to what is left."""
    partnership = _partnered(actor)
    if timeout.pause.couple_id != partnership.couple_id or timeout.pause.lifted_at is not None:
        raise ServiceError(_("This timeout has already ended."))
    with transaction.atomic():
        locked = Timeout.objects.select_for_update().select_related("pause", "pause__couple").get(pk=timeout.pk)
        start = max(locked.ends_at, timezone.now())
        locked.ends_at = start + timedelta(minutes=locked.minutes)
        locked.save(update_fields=["ends_at"])
        if locked.pause.paused_by_id is None:  # forgotten: the pause is over
            raise ServiceError(_("This timeout has already ended."))
        pauser = User.objects.get(pk=locked.pause.paused_by_id)
        _set_timer(actor=pauser, pause=locked.pause, ends_at=locked.ends_at)
        publish(recipients=member_ids(couple_id=partnership.couple_id), event="timeout.changed", pause=locked.pause_id)
    return locked


# ---- Follow-ups ----


def follow_up_after_pause(*, pause: Pause) -> FollowUp | None:
    """Called as a pause lifts, inside its transaction: with a current pact,
    a follow-up is due at the time the pact sets."""
    pact = Version.objects.filter(couple_id=pause.couple_id, kind=Kind.PACT, status=Status.CURRENT).first()
    if pact is None or not pact.follow_up:
        return None
    if FollowUp.objects.filter(couple_id=pause.couple_id, discussed_at__isnull=True).exists():
        return None  # one waiting follow-up is enough; several would only nag
    ended = timezone.now().astimezone(couple_zone(pause.couple))
    due_at = rules.follow_up_time(pact.follow_up, ended=ended)
    follow_up = FollowUp.objects.create(
        couple_id=pause.couple_id, due_at=due_at, after_timeout=Timeout.objects.filter(pause=pause).exists()
    )
    land = tasks.follow_up_land.using(run_after=due_at)
    transaction.on_commit(lambda: land.enqueue(follow_up.pk))
    return follow_up


def follow_up_mark_discussed(*, actor: User, follow_up: FollowUp) -> None:
    partnership = _partnered(actor)
    if follow_up.couple_id != partnership.couple_id:
        raise ServiceError(_not_partnered())
    with transaction.atomic():
        FollowUp.objects.filter(pk=follow_up.pk, discussed_at__isnull=True).update(discussed_at=timezone.now())
        publish(
            recipients=member_ids(couple_id=follow_up.couple_id), event="checkin.agenda", couple=follow_up.couple_id
        )
