"""Every write in decisions and experiments.

Events go to both partners after commit, with ids only, and only for changes
both may see: writing a private view, a rating or a debrief sends nothing, so
neither partner can watch the other's progress. Shared flows stop while the
couple is paused; ending an experiment never does.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from typing import cast

from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from evenly.accounts.models import User
from evenly.boundaries.guard import check_proposal
from evenly.consent.forgetting import sweep_after_ending
from evenly.core.errors import ServiceError
from evenly.core.limits import check_length
from evenly.core.models import NotificationKind
from evenly.core.notifications import notices_resolve, notify
from evenly.core.once import once_per_token
from evenly.core.realtime import publish
from evenly.couples.models import Couple
from evenly.couples.selectors import couple_context, couple_zone, member_ids, partnership_for
from evenly.decisions import tasks
from evenly.decisions.models import (
    OPTION_MAX,
    TEXT_MAX,
    TOPIC_MAX,
    WENT_WELL,
    Debrief,
    Decision,
    Experiment,
    ExperimentStatus,
    HowItWent,
    Level,
    NextStep,
    Option,
    Outcome,
    Perspective,
    Rating,
    Round,
    Seat,
    Source,
    Stage,
    TrialLength,
)
from evenly.decisions.suggestion import adoptable as adoptable_levels
from evenly.pause.selectors import refuse_while_paused


def _(message: str) -> str:
    """gettext_lazy, typed as the str it becomes: each refusal below is
    defined once and translated when shown, in the reader's language."""
    return cast(str, gettext_lazy(message))


NOT_PARTNERED = _("Deciding and trying things together needs a shared space with your partner.")
PAUSED = _("Everything shared is paused for now. This will be right here, just as you left it, when the pause lifts.")
VIEWS_REVEALED = _("Both views are already showing, so they stay as they are. Anything new can become an option.")
NOT_THIS_STEP = _("This step has already moved on. Here is where things are now.")
SET_ASIDE = _("This decision is set aside. Pick it up again first, whenever you're both ready.")
RATINGS_LOCKED = _(
    "The ratings are locked now that the suggestion is showing. To change a rating, go back to the options first; "
    "nothing you wrote is lost."
)
RATE_ALL_FIRST = _("Rate every option first, so the suggestion is fair to you.")
NO_OPTIONS = _("Add at least one option first.")
OPTION_CHANGED = _("This option was changed after you opened the page. Have a look at the new wording before signing.")
CANT_ADOPT = _(
    "One of you can't live with this option, so it can't be adopted. A compromise that works for both of you might."
)
ALREADY_REVIEWED = _("You've both looked back on this already, so the ratings are locked.")
NOT_YOUR_OPTION = _(
    "Only the partner who wrote an option can change its wording. You can add your own version, or a compromise, "
    "beside it."
)
DEBRIEF_LOCKED = _("Your notes are already revealed to each other, so they stay as they are.")
DEBRIEF_EMPTY = _("Write at least one of the three, even a few words.")
NOT_A_MATCH = _("That isn't on your shared curiosity list right now. You can describe your own idea instead.")
REMINDER_AT = time(9, 0)


class NotYourOption(ServiceError):
    """The actor may see this option but not change its wording."""


class OptionChanged(ServiceError):
    """Two partners edited the same option at once; the later save is told,
    and given the current option so its words can be kept beside it."""

    def __init__(self, option: Option) -> None:
        super().__init__(
            gettext(
                "Your partner changed this option while you were editing it. Their version is shown; "
                "your words are still in the box, so you can combine them and save again."
            )
        )
        self.option = option


# ---- Helpers ----


def _not_paused(actor: User, couple_id: int) -> None:
    refuse_while_paused(actor=actor, couple_id=couple_id, refusal=PAUSED)


def _locked(decision: Decision) -> Decision:
    """The decision row, locked for the rest of the transaction (PostgreSQL;
    SQLite already writes one transaction at a time)."""
    return Decision.objects.select_for_update().get(pk=decision.pk)


def _shared_change(decision: Decision) -> None:
    """Mark a change both partners may see, and tell their open pages."""
    now = timezone.now()
    Decision.objects.filter(pk=decision.pk).update(updated_at=now)
    decision.updated_at = now
    publish(recipients=member_ids(couple_id=decision.couple_id), event="decision.changed", decision=decision.pk)


def _require_stage(decision: Decision, *stages: str) -> None:
    if decision.set_aside_at is not None:
        raise ServiceError(SET_ASIDE)
    if decision.stage not in stages:
        raise ServiceError(NOT_THIS_STEP)


def current_round(decision: Decision) -> Round:
    return Round.objects.get(decision=decision, number=decision.round_number)


def _new_round(decision: Decision, number: int) -> Round:
    round_ = Round.objects.create(decision=decision, number=number)
    Seat.objects.bulk_create([Seat(round=round_, user_id=p.user_id) for p in decision.perspectives.all()])
    return round_


def _perspectives(decision: Decision, actor: User) -> tuple[Perspective, Perspective]:
    mine, theirs = None, None
    for perspective in Perspective.objects.filter(decision=decision):
        if perspective.user_id == actor.pk:
            mine = perspective
        else:
            theirs = perspective
    if mine is None or theirs is None:
        raise ServiceError(NOT_PARTNERED)
    return mine, theirs


# ---- Decisions: views and understanding ----


@once_per_token
def decision_open(*, actor: User, topic: str) -> Decision:
    context = partnership_for(actor=actor, refusal=NOT_PARTNERED)
    check_length(topic.strip(), limit=TOPIC_MAX)
    assert context.couple is not None and context.partner is not None
    _not_paused(actor, context.couple.pk)
    with transaction.atomic():
        decision = Decision.objects.create(couple=context.couple, opened_by=actor, topic=topic.strip())
        Perspective.objects.bulk_create(
            [Perspective(decision=decision, user=actor), Perspective(decision=decision, user=context.partner)]
        )
        _new_round(decision, 1)
        _shared_change(decision)
    return decision


def decision_write_view(*, actor: User, decision: Decision, text: str) -> Decision:
    """Save the actor's own view. Both views show at the same moment, once
    both are written, so neither partner anchors the other."""
    partnership_for(actor=actor, refusal=NOT_PARTNERED, couple_id=decision.couple_id)
    _not_paused(actor, decision.couple_id)
    check_length(text.strip(), limit=TEXT_MAX)
    with transaction.atomic():
        decision = _locked(decision)
        if decision.set_aside_at is None and decision.stage != Stage.VIEWS:
            raise ServiceError(VIEWS_REVEALED)
        _require_stage(decision, Stage.VIEWS)
        mine, theirs = _perspectives(decision, actor)
        mine.view = text.strip()
        mine.view_written_at = mine.view_written_at or timezone.now()
        mine.save(update_fields=["view", "view_written_at"])
        if theirs.view_written_at is not None:
            decision.stage = Stage.UNDERSTANDING
            decision.views_revealed_at = timezone.now()
            decision.save(update_fields=["stage", "views_revealed_at"])
            _shared_change(decision)
    return decision


def decision_write_summary(*, actor: User, decision: Decision, text: str) -> None:
    """The actor's summary of their partner's view, in their own words."""
    partnership_for(actor=actor, refusal=NOT_PARTNERED, couple_id=decision.couple_id)
    _not_paused(actor, decision.couple_id)
    check_length(text.strip(), limit=TEXT_MAX)
    with transaction.atomic():
        decision = _locked(decision)
        _require_stage(decision, Stage.UNDERSTANDING)
        mine, _ = _perspectives(decision, actor)
        if mine.summary_confirmed_at is not None:
            raise ServiceError(gettext("Your partner has already confirmed your summary, so it stays as it is."))
        mine.summary = text.strip()
        mine.summary_written_at = timezone.now()
        mine.save(update_fields=["summary", "summary_written_at"])
        _shared_change(decision)


def decision_confirm_summary(*, actor: User, decision: Decision) -> None:
    """The actor says their partner's summary of the actor's view is right."""
    partnership_for(actor=actor, refusal=NOT_PARTNERED, couple_id=decision.couple_id)
    _not_paused(actor, decision.couple_id)
    with transaction.atomic():
        decision = _locked(decision)
        _require_stage(decision, Stage.UNDERSTANDING)
        mine, theirs = _perspectives(decision, actor)
        if theirs.summary_written_at is None or theirs.summary_confirmed_at is not None:
            raise ServiceError(NOT_THIS_STEP)
        theirs.summary_confirmed_at = timezone.now()
        theirs.save(update_fields=["summary_confirmed_at"])
        if mine.summary_confirmed_at is not None:
            decision.stage = Stage.OPTIONS
            decision.save(update_fields=["stage"])
        _shared_change(decision)


def decision_correct_summary(*, actor: User, decision: Decision, note: str) -> None:
    """The actor gently corrects their partner's summary of the actor's view;
    the partner then has another go, with the note beside it."""
    partnership_for(actor=actor, refusal=NOT_PARTNERED, couple_id=decision.couple_id)
    _not_paused(actor, decision.couple_id)
    check_length(note.strip(), limit=TEXT_MAX)
    with transaction.atomic():
        decision = _locked(decision)
        _require_stage(decision, Stage.UNDERSTANDING)
        _, theirs = _perspectives(decision, actor)
        if theirs.summary_written_at is None or theirs.summary_confirmed_at is not None:
            raise ServiceError(NOT_THIS_STEP)
        theirs.correction = note.strip()
        theirs.summary_written_at = None
        theirs.save(update_fields=["correction", "summary_written_at"])
        _shared_change(decision)


def decision_set_aside(*, actor: User, decision: Decision) -> None:
    """Either partner can set a decision aside. Nothing is deleted and nothing
    expires: it waits, unchanged, until one of them picks it up."""
    partnership_for(actor=actor, refusal=NOT_PARTNERED, couple_id=decision.couple_id)
    _not_paused(actor, decision.couple_id)
    with transaction.atomic():
        decision = _locked(decision)
        if not decision.is_open or decision.set_aside_at is not None:
            return
        decision.set_aside_at = timezone.now()
        decision.save(update_fields=["set_aside_at"])
        _shared_change(decision)


def decision_resume(*, actor: User, decision: Decision) -> None:
    partnership_for(actor=actor, refusal=NOT_PARTNERED, couple_id=decision.couple_id)
    _not_paused(actor, decision.couple_id)
    with transaction.atomic():
        decision = _locked(decision)
        if decision.set_aside_at is None:
            return
        decision.set_aside_at = None
        decision.save(update_fields=["set_aside_at"])
        _shared_change(decision)


# ---- Options and ratings ----


def _clear_done(round_: Round) -> None:
    Seat.objects.filter(round=round_).update(ratings_done_at=None)


def option_add(*, actor: User, decision: Decision, text: str, is_compromise: bool = False) -> Option:
    partnership_for(actor=actor, refusal=NOT_PARTNERED, couple_id=decision.couple_id)
    _not_paused(actor, decision.couple_id)
    check_length(text.strip(), limit=OPTION_MAX)
    check_proposal(proposer=actor, text=text)
    with transaction.atomic():
        decision = _locked(decision)
        _require_stage(decision, Stage.OPTIONS)
        round_ = current_round(decision)
        option = Option.objects.create(round=round_, proposed_by=actor, text=text.strip(), is_compromise=is_compromise)
        # A new option needs a rating from both before a suggestion is fair.
        _clear_done(round_)
        _shared_change(decision)
    return option


def option_edit(*, actor: User, option: Option, text: str, seen_version: int, is_compromise: bool) -> Option:
    """Save new wording, but only over the version the actor was looking at.
    Only the partner who wrote an option changes its wording; the other can
    add a different version or a compromise beside it."""
    decision = option.round.decision
    partnership_for(actor=actor, refusal=NOT_PARTNERED, couple_id=decision.couple_id)
    check_length(text.strip(), limit=OPTION_MAX)
    _not_paused(actor, decision.couple_id)
    if option.proposed_by_id != actor.pk:
        raise NotYourOption(NOT_YOUR_OPTION)
    check_proposal(proposer=actor, text=text)
    with transaction.atomic():
        decision = _locked(decision)
        _require_stage(decision, Stage.OPTIONS)
        if option.round.number != decision.round_number:
            raise ServiceError(NOT_THIS_STEP)
        saved = Option.objects.filter(pk=option.pk, version=seen_version).update(
            text=text.strip(), is_compromise=is_compromise, version=F("version") + 1
        )
        if not saved:
            raise OptionChanged(Option.objects.get(pk=option.pk))
        _clear_done(option.round)
        _shared_change(decision)
    return Option.objects.get(pk=option.pk)


def ratings_save(
    *, actor: User, decision: Decision, levels: Mapping[int, int], seen_versions: Mapping[int, int], done: bool
) -> list[Option]:
    """Save the actor's private ratings. Returns the options that changed since
    the actor's page was drawn: those ratings are not saved, so the actor can
    read the new wording first. Marking done needs every option rated."""
    partnership_for(actor=actor, refusal=NOT_PARTNERED, couple_id=decision.couple_id)
    _not_paused(actor, decision.couple_id)
    with transaction.atomic():
        decision = _locked(decision)
        if decision.stage == Stage.AGREEING:
            raise ServiceError(RATINGS_LOCKED)
        _require_stage(decision, Stage.OPTIONS)
        round_ = current_round(decision)
        options = {o.pk: o for o in round_.options.all()}
        changed = []
        for option_id, level in levels.items():
            option = options.get(option_id)
            if option is None or level not in Level.values:
                continue
            if seen_versions.get(option_id) != option.version:
                changed.append(option)
                continue
            Rating.objects.update_or_create(
                option=option, rater=actor, defaults={"level": level, "option_version": option.version}
            )
        seat = Seat.objects.get(round=round_, user=actor)
        if done and not changed:
            _mark_done(actor, decision, round_, seat, options.values())
        elif seat.ratings_done_at is not None:
            seat.ratings_done_at = None
            seat.save(update_fields=["ratings_done_at"])
    return changed


def _mark_done(actor: User, decision: Decision, round_: Round, seat: Seat, options: Iterable[Option]) -> None:
    options = list(options)
    if not options:
        raise ServiceError(NO_OPTIONS)
    current = {
        (r.option_id, r.option_version)
        for r in Rating.objects.filter(rater=actor, option__in=options).only("option_id", "option_version")
    }
    if any((o.pk, o.version) not in current for o in options):
        raise ServiceError(RATE_ALL_FIRST)
    seat.ratings_done_at = timezone.now()
    seat.save(update_fields=["ratings_done_at"])
    # Only when both are done does anything change that the partner can see.
    if not Seat.objects.filter(round=round_, ratings_done_at__isnull=True).exists():
        round_.ratings_revealed_at = timezone.now()
        round_.save(update_fields=["ratings_revealed_at"])
        decision.stage = Stage.AGREEING
        decision.save(update_fields=["stage"])
        _shared_change(decision)


def ratings_reopen(*, actor: User, decision: Decision) -> None:
    """Back from the suggestion to the options, to add a compromise or change
    a rating. Ratings and options stay; both mark done again."""
    partnership_for(actor=actor, refusal=NOT_PARTNERED, couple_id=decision.couple_id)
    _not_paused(actor, decision.couple_id)
    with transaction.atomic():
        decision = _locked(decision)
        _require_stage(decision, Stage.AGREEING)
        round_ = current_round(decision)
        round_.ratings_revealed_at = None
        round_.terms_option = None
        round_.terms_option_version = None
        round_.trial_days = None
        round_.review_on = None
        round_.save()
        Seat.objects.filter(round=round_).update(ratings_done_at=None, signed_at=None)
        decision.stage = Stage.OPTIONS
        decision.save(update_fields=["stage"])
        _shared_change(decision)


def adoptable(option: Option, *, member_ids_: Iterable[int]) -> bool:
    """`suggestion.adoptable` for this option's current wording, from the database."""
    current = {r.rater_id: r.level for r in option.ratings.all() if r.option_version == option.version}
    levels = [current.get(user_id) for user_id in member_ids_]
    return len(levels) == 2 and adoptable_levels(*levels)


# ---- Agreement, trial and review ----


def look_back_on(*, agreed_at: datetime, trial_days: int, couple: Couple) -> date:
    """The day a trial ends, in the couple's own calendar: a one-week trial
    looks back a week after the day it was agreed."""
    return agreed_at.astimezone(couple_zone(couple)).date() + timedelta(days=trial_days)


def agreement_sign(*, actor: User, decision: Decision, option: Option, seen_version: int, trial_days: int) -> bool:
    """Sign these terms: an option and how long to try it. When the partner
    has signed exactly the same terms the agreement starts, and the look-back
    falls at the end of the trial, so the two can never disagree. Different
    terms replace the partner's, and they are asked to sign again. Returns
    True when the agreement has started."""
    partnership_for(actor=actor, refusal=NOT_PARTNERED, couple_id=decision.couple_id)
    _not_paused(actor, decision.couple_id)
    with transaction.atomic():
        decision = _locked(decision)
        _require_stage(decision, Stage.AGREEING)
        round_ = current_round(decision)
        option = Option.objects.filter(pk=option.pk, round=round_).first()  # type: ignore[assignment]
        if option is None:
            raise ServiceError(NOT_THIS_STEP)
        if option.version != seen_version:
            raise ServiceError(OPTION_CHANGED)
        if not adoptable(option, member_ids_=member_ids(couple_id=decision.couple_id)):
            raise ServiceError(CANT_ADOPT)
        if trial_days not in TrialLength.values:
            raise ServiceError(NOT_THIS_STEP)
        terms = (option.pk, option.version, trial_days)
        if (round_.terms_option_id, round_.terms_option_version, round_.trial_days) != terms:
            round_.terms_option = option
            round_.terms_option_version = option.version
            round_.trial_days = trial_days
            round_.save(update_fields=["terms_option", "terms_option_version", "trial_days"])
            Seat.objects.filter(round=round_).update(signed_at=None)
        Seat.objects.filter(round=round_, user=actor).update(signed_at=timezone.now())
        agreed = not Seat.objects.filter(round=round_, signed_at__isnull=True).exists()
        if agreed:
            round_.agreed_at = timezone.now()
            round_.review_on = look_back_on(agreed_at=round_.agreed_at, trial_days=trial_days, couple=decision.couple)
            round_.adopted_option = option
            round_.adopted_proposed_by_id = option.proposed_by_id
            round_.save(update_fields=["agreed_at", "review_on", "adopted_option", "adopted_proposed_by"])
            decision.stage = Stage.TRIAL
            decision.save(update_fields=["stage"])
            _schedule_review_reminder(decision, round_)
        _shared_change(decision)
    return agreed


def _schedule_review_reminder(decision: Decision, round_: Round) -> None:
    assert round_.review_on is not None
    zone = couple_zone(decision.couple)
    when = datetime.combine(round_.review_on, REMINDER_AT, tzinfo=zone)
    reminder = tasks.send_review_reminder.using(run_after=when)
    round_id, review_on = round_.pk, round_.review_on.isoformat()
    transaction.on_commit(lambda: reminder.enqueue(round_id, review_on))


def review_submit(*, actor: User, decision: Decision, level: int, next_step: str) -> None:
    """The actor's private look back: how it went, and what they'd like next.
    Once both are in, the same choice is followed; different choices open a
    new round, so neither partner decides alone."""
    partnership_for(actor=actor, refusal=NOT_PARTNERED, couple_id=decision.couple_id)
    _not_paused(actor, decision.couple_id)
    if level not in HowItWent.values or next_step not in NextStep.values:
        raise ServiceError(gettext("Choose how it went and what you'd like next."))
    with transaction.atomic():
        decision = _locked(decision)
        if decision.stage in (Stage.KEPT, Stage.DROPPED):
            raise ServiceError(ALREADY_REVIEWED)
        _require_stage(decision, Stage.TRIAL)
        round_ = current_round(decision)
        Seat.objects.filter(round=round_, user=actor).update(
            review_level=level, review_next=next_step, reviewed_at=timezone.now()
        )
        notices_resolve(subject=f"decision:{decision.pk}", user_ids=[actor.pk])
        seats = list(Seat.objects.filter(round=round_))
        if any(seat.reviewed_at is None for seat in seats):
            return
        choices = {seat.review_next for seat in seats}
        round_.reviewed_at = timezone.now()
        round_.both_rated_well = all((seat.review_level or 0) >= WENT_WELL for seat in seats)
        chosen = choices.pop() if len(choices) == 1 else NextStep.ADJUST
        round_.outcome = {NextStep.KEEP: Outcome.KEPT, NextStep.DROP: Outcome.DROPPED}.get(
            NextStep(chosen), Outcome.ADJUSTED
        )
        round_.save(update_fields=["reviewed_at", "both_rated_well", "outcome"])
        if round_.outcome == Outcome.KEPT:
            decision.stage = Stage.KEPT
        elif round_.outcome == Outcome.DROPPED:
            decision.stage = Stage.DROPPED
        else:
            decision.stage = Stage.OPTIONS
            decision.round_number += 1
            _new_round(decision, decision.round_number)
        decision.save(update_fields=["stage", "round_number"])
        _shared_change(decision)


# ---- Experiments ----


def _tell_both_experiment(experiment: Experiment) -> None:
    now = timezone.now()
    Experiment.objects.filter(pk=experiment.pk).update(updated_at=now)
    experiment.updated_at = now
    publish(recipients=member_ids(couple_id=experiment.couple_id), event="experiment.changed", experiment=experiment.pk)


def _locked_experiment(experiment: Experiment) -> Experiment:
    return Experiment.objects.select_for_update().get(pk=experiment.pk)


@once_per_token
def experiment_propose(
    *,
    actor: User,
    idea: str,
    ends_when: str,
    then_what: str,
    catalogue_item_id: int | None = None,
    decision: Decision | None = None,
) -> Experiment:
    """Propose trying something, with its way out written before it starts.
    Proposing is the proposer's yes; it runs only once the partner says yes."""
    context = partnership_for(actor=actor, refusal=NOT_PARTNERED)
    assert context.couple is not None
    _not_paused(actor, context.couple.pk)
    if not (idea.strip() and ends_when.strip() and then_what.strip()):
        raise ServiceError(gettext("Describe the idea, what ends it, and what happens then. All three are needed."))
    source = Source.OWN
    if catalogue_item_id is not None:
        from evenly.boundaries.selectors import curiosity_matches

        matches = curiosity_matches(viewer=actor, context=couple_context(viewer=actor))
        if catalogue_item_id not in {m.item.id for m in matches}:
            raise ServiceError(NOT_A_MATCH)
        source = Source.MATCH
    if decision is not None:
        if decision.couple_id != context.couple.pk:
            raise ServiceError(NOT_PARTNERED)
        source = Source.DECISION
    check_proposal(proposer=actor, catalogue_item_ids=[catalogue_item_id] if catalogue_item_id else (), text=idea)
    with transaction.atomic():
        experiment = Experiment.objects.create(
            couple=context.couple,
            proposed_by=actor,
            source=source,
            catalogue_item_id=catalogue_item_id,
            decision=decision,
            idea=idea.strip(),
            ends_when=ends_when.strip(),
            then_what=then_what.strip(),
        )
        _tell_both_experiment(experiment)
    return experiment


def _answer(actor: User, experiment: Experiment, status: str) -> Experiment:
    # Saying yes waits for the pause to lift; a no, a withdrawal or an ending never waits.
    if status == ExperimentStatus.RUNNING:
        partnership_for(actor=actor, refusal=NOT_PARTNERED, couple_id=experiment.couple_id)
        _not_paused(actor, experiment.couple_id)
    else:
        partnership_for(actor=actor, refusal=NOT_PARTNERED, couple_id=experiment.couple_id)
    with transaction.atomic():
        experiment = _locked_experiment(experiment)
        if experiment.proposed_by_id == actor.pk:
            raise ServiceError(gettext("This one is yours: it waits for your partner's answer."))
        if experiment.status != ExperimentStatus.PROPOSED:
            raise ServiceError(NOT_THIS_STEP)
        experiment.status = status
        if status == ExperimentStatus.RUNNING:
            experiment.started_at = timezone.now()
        else:
            experiment.ended_at = timezone.now()
            sweep_after_ending(experiment.ended_at)
        experiment.save(update_fields=["status", "started_at", "ended_at"])
        _tell_both_experiment(experiment)
    return experiment


def experiment_consent(*, actor: User, experiment: Experiment) -> Experiment:
    return _answer(actor, experiment, ExperimentStatus.RUNNING)


def experiment_not_now(*, actor: User, experiment: Experiment) -> Experiment:
    """A no needs no reason, and none is asked."""
    return _answer(actor, experiment, ExperimentStatus.NOT_NOW)


@once_per_token
def experiment_counter(*, actor: User, experiment: Experiment, idea: str, ends_when: str, then_what: str) -> Experiment:
    """The invitee's third answer: not yes, not "not now", but a changed
    version. It becomes their own proposal, waiting for the other's yes; the
    first one stands aside, pointing to it."""
    partnership_for(actor=actor, refusal=NOT_PARTNERED, couple_id=experiment.couple_id)
    _not_paused(actor, experiment.couple_id)
    if not (idea.strip() and ends_when.strip() and then_what.strip()):
        raise ServiceError(gettext("Describe the idea, what ends it, and what happens then. All three are needed."))
    check_proposal(proposer=actor, text=idea)
    with transaction.atomic():
        original = _locked_experiment(experiment)
        if original.proposed_by_id == actor.pk:
            raise ServiceError(gettext("This one is yours: it waits for your partner's answer."))
        if original.status != ExperimentStatus.PROPOSED:
            raise ServiceError(NOT_THIS_STEP)
        original.status = ExperimentStatus.COUNTERED
        original.ended_at = timezone.now()
        original.save(update_fields=["status", "ended_at"])
        sweep_after_ending(original.ended_at)
        counter = Experiment.objects.create(
            couple_id=original.couple_id,
            proposed_by=actor,
            source=original.source,
            catalogue_item_id=original.catalogue_item_id,
            decision=original.decision,
            idea=idea.strip(),
            ends_when=ends_when.strip(),
            then_what=then_what.strip(),
            counter_of=original,
        )
        _tell_both_experiment(original)
        _tell_both_experiment(counter)
    return counter


def experiment_withdraw(*, actor: User, experiment: Experiment) -> Experiment:
    partnership_for(actor=actor, refusal=NOT_PARTNERED, couple_id=experiment.couple_id)
    with transaction.atomic():
        experiment = _locked_experiment(experiment)
        if experiment.proposed_by_id != actor.pk or experiment.status != ExperimentStatus.PROPOSED:
            raise ServiceError(NOT_THIS_STEP)
        experiment.status = ExperimentStatus.WITHDRAWN
        experiment.ended_at = timezone.now()
        experiment.save(update_fields=["status", "ended_at"])
        sweep_after_ending(experiment.ended_at)
        _tell_both_experiment(experiment)
    return experiment


def experiment_end(*, actor: User, experiment: Experiment) -> Experiment:
    """One tap, by either partner, at any moment, even during a pause. No
    reason asked. Both then see the way out they agreed on."""
    partnership_for(actor=actor, refusal=NOT_PARTNERED, couple_id=experiment.couple_id)
    with transaction.atomic():
        experiment = _locked_experiment(experiment)
        if experiment.status != ExperimentStatus.RUNNING:
            return experiment  # Ending twice is harmless.
        experiment.status = ExperimentStatus.ENDED
        experiment.ended_at = timezone.now()
        experiment.ended_by = actor
        experiment.save(update_fields=["status", "ended_at", "ended_by"])
        sweep_after_ending(experiment.ended_at)
        notify(
            user_ids=member_ids(couple_id=experiment.couple_id),
            kind=NotificationKind.EXPERIMENT_ENDED,
            url=reverse("decisions:experiment", args=[experiment.pk]),
            subject=f"experiment:{experiment.pk}",
        )
        _tell_both_experiment(experiment)
    return experiment


def debrief_write(*, actor: User, experiment: Experiment, worked: str, didnt_work: str, surprised: str) -> None:
    """The actor's private notes on how it went. Both sets show together once
    both are written, and stay as the couple's "what works for us" notes."""
    partnership_for(actor=actor, refusal=NOT_PARTNERED, couple_id=experiment.couple_id)
    _not_paused(actor, experiment.couple_id)
    if not (worked.strip() or didnt_work.strip() or surprised.strip()):
        raise ServiceError(DEBRIEF_EMPTY)
    with transaction.atomic():
        experiment = _locked_experiment(experiment)
        if experiment.debriefs_revealed_at is not None:
            raise ServiceError(DEBRIEF_LOCKED)
        if experiment.status != ExperimentStatus.ENDED:
            raise ServiceError(gettext("Notes come after the experiment ends. Either of you can end it at any time."))
        Debrief.objects.update_or_create(
            experiment=experiment,
            author=actor,
            defaults={"worked": worked.strip(), "didnt_work": didnt_work.strip(), "surprised": surprised.strip()},
        )
        notices_resolve(subject=f"experiment:{experiment.pk}", user_ids=[actor.pk])
        if Debrief.objects.filter(experiment=experiment).count() == 2:
            experiment.debriefs_revealed_at = timezone.now()
            experiment.save(update_fields=["debriefs_revealed_at"])
            _tell_both_experiment(experiment)
