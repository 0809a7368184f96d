"""Reads, always from one viewer's side: the partner's view, ratings and
notes appear only once revealed, and individual ratings never do."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime

from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, pgettext

from evenly.accounts.models import User
from evenly.core.links import link_to
from evenly.core.paging import Page
from evenly.couples.selectors import CoupleContext
from evenly.decisions.models import (
    OPEN_STAGES,
    Debrief,
    Decision,
    Experiment,
    ExperimentStatus,
    Option,
    Perspective,
    Rating,
    Round,
    Seat,
    Stage,
)
from evenly.decisions.suggestion import RatedOption, Suggestion, adoptable, suggest
from evenly.decisions.wording import suggestion_reason


def live_token(moment: datetime) -> str:
    return str(int(moment.timestamp() * 1_000_000))


@dataclass(frozen=True)
class OptionRow:
    option: Option
    mine: bool  # proposed by the viewer
    my_level: int | None
    rated_current: bool  # the viewer's rating is for the current wording
    adoptable: bool = False


@dataclass
class DecisionPage:
    decision: Decision
    round: Round
    partner: User
    mine: Perspective
    theirs: Perspective
    seat: Seat
    options: list[OptionRow]
    suggestion: Suggestion | None
    suggested: Option | None
    partner_signed: bool
    history: list[Round] = field(default_factory=list)

    @property
    def views_revealed(self) -> bool:
        return self.decision.views_revealed_at is not None

    @property
    def partner_view(self) -> str | None:
        return self.theirs.view if self.views_revealed else None

    @property
    def their_summary_of_me(self) -> str | None:
        return self.theirs.summary if self.theirs.summary_written_at else None

    @property
    def suggestion_reason(self) -> str:
        return suggestion_reason(self.suggestion) if self.suggestion else ""

    @property
    def adoptable_options(self) -> list[Option]:
        return [row.option for row in self.options if row.adoptable]

    @property
    def all_rated(self) -> bool:
        return bool(self.options) and all(row.rated_current for row in self.options)

    @property
    def token(self) -> str:
        return live_token(self.decision.updated_at)

    @property
    def step(self) -> int:
        """1 views, 2 understanding, 3 options, 4 agreeing, 5 trial and after."""
        order = [Stage.VIEWS, Stage.UNDERSTANDING, Stage.OPTIONS, Stage.AGREEING]
        return order.index(Stage(self.decision.stage)) + 1 if self.decision.stage in order else 5

    @property
    def opened_by_me(self) -> bool:
        return self.decision.opened_by_id == self.mine.user_id


def decision_page(*, viewer: User, context: CoupleContext, decision: Decision) -> DecisionPage:
    partner = context.partner
    assert partner is not None
    perspectives = {p.user_id: p for p in Perspective.objects.filter(decision=decision)}
    round_ = Round.objects.select_related("terms_option").get(decision=decision, number=decision.round_number)
    seats = {s.user_id: s for s in Seat.objects.filter(round=round_)}
    options = list(Option.objects.filter(round=round_).prefetch_related("ratings"))
    ratings: dict[tuple[int, int], Rating] = {(r.option_id, r.rater_id): r for o in options for r in o.ratings.all()}

    def current(option: Option, user_id: int) -> int | None:
        rating = ratings.get((option.pk, user_id))
        return rating.level if rating and rating.option_version == option.version else None

    suggestion = None
    if round_.ratings_revealed_at is not None:
        suggestion = suggest(
            RatedOption(key=o.pk, order=i, first=current(o, viewer.pk), second=current(o, partner.pk))
            for i, o in enumerate(options)
        )
    rows = []
    for option in options:
        both = (current(option, viewer.pk), current(option, partner.pk))
        rows.append(
            OptionRow(
                option=option,
                mine=option.proposed_by_id == viewer.pk,
                my_level=ratings[(option.pk, viewer.pk)].level if (option.pk, viewer.pk) in ratings else None,
                rated_current=both[0] is not None,
                adoptable=adoptable(*both),
            )
        )
    partner_seat = seats.get(partner.pk)
    return DecisionPage(
        decision=decision,
        round=round_,
        partner=partner,
        mine=perspectives[viewer.pk],
        theirs=perspectives[partner.pk],
        seat=seats[viewer.pk],
        options=rows,
        suggestion=suggestion,
        suggested=next((o for o in options if suggestion and o.pk == suggestion.key), None),
        partner_signed=bool(partner_seat and partner_seat.signed_at),
        history=list(
            Round.objects.filter(decision=decision, number__lt=decision.round_number).select_related("adopted_option")
        ),
    )


@dataclass(frozen=True)
class DecisionRow:
    decision: Decision
    next_step: str


WINS_SHOWN = 30  # the most recent wins: a look back, not an archive to scroll
WINS_PER_PAGE = 10
CLOSED_SHOWN = 10  # the most recent closed decisions and past experiments on the overview


def _next_step(decision: Decision) -> str:
    """What the viewer could do next, from their own side only. Reads the
    viewer's own progress annotated on the row by `decisions_for`."""
    if decision.set_aside_at:
        return gettext("Set aside. Pick it up again whenever you're both ready.")
    if decision.stage == Stage.VIEWS:
        if decision.my_view_written_at:  # type: ignore[attr-defined]
            return gettext("Your view is in. Both views show together once both are written.")
        return gettext("Write your view, whenever you're ready.")
    if decision.stage == Stage.UNDERSTANDING:
        return gettext("Put each other's view into your own words.")
    if decision.stage == Stage.OPTIONS:
        if decision.my_ratings_done_at:  # type: ignore[attr-defined]
            return gettext("Your ratings are in. The suggestion shows once you've both finished.")
        return gettext("Add options and rate them, privately.")
    if decision.stage == Stage.AGREEING:
        return gettext("Look at the suggestion and agree on a trial.")
    if decision.stage == Stage.TRIAL:
        review_on = decision.current_review_on  # type: ignore[attr-defined]
        if review_on:
            return gettext("Trying it out. Your look back is set for %(day)s.") % {
                "day": date_format(review_on, pgettext("date format", "j F"))
            }
        return gettext("Trying it out.")
    return str(Stage(decision.stage).label)


def decisions_for(*, viewer: User, context: CoupleContext) -> dict[str, list[DecisionRow]]:
    """Open and set-aside decisions, and the most recent closed ones, in one
    query however many the couple has made over the years."""
    couple_id = context.couple_id
    groups: dict[str, list[DecisionRow]] = {"open": [], "set_aside": [], "closed": []}
    if couple_id is None:
        return groups
    ours = Decision.objects.filter(couple_id=couple_id)
    recent_closed = ours.exclude(stage__in=OPEN_STAGES).order_by("-pk").values("pk")[:CLOSED_SHOWN]
    current_round = Round.objects.filter(decision=OuterRef("pk"), number=OuterRef("round_number"))
    rows = (
        ours.filter(Q(stage__in=OPEN_STAGES) | Q(set_aside_at__isnull=False) | Q(pk__in=recent_closed))
        .annotate(
            my_view_written_at=Subquery(
                Perspective.objects.filter(decision=OuterRef("pk"), user=viewer).values("view_written_at")[:1]
            ),
            my_ratings_done_at=Subquery(
                Seat.objects.filter(
                    round__decision=OuterRef("pk"), round__number=OuterRef("round_number"), user=viewer
                ).values("ratings_done_at")[:1]
            ),
            current_review_on=Subquery(current_round.values("review_on")[:1]),
        )
        .order_by("-pk")
    )
    for decision in rows:
        row = DecisionRow(decision=decision, next_step=_next_step(decision))
        if decision.set_aside_at:
            groups["set_aside"].append(row)
        elif decision.is_open:
            groups["open"].append(row)
        else:
            groups["closed"].append(row)
    return groups


def experiments_for(*, context: CoupleContext) -> dict[str, list[Experiment]]:
    couple_id = context.couple_id
    groups: dict[str, list[Experiment]] = {"proposed": [], "running": [], "ended": [], "past": []}
    if couple_id is None:
        return groups
    ours = Experiment.objects.filter(couple_id=couple_id).exclude(status=ExperimentStatus.CLOSED)
    past = Q(status=ExperimentStatus.ENDED, debriefs_revealed_at__isnull=False) | ~Q(
        status__in=[ExperimentStatus.PROPOSED, ExperimentStatus.RUNNING, ExperimentStatus.ENDED]
    )
    recent_past = ours.filter(past).order_by("-pk").values("pk")[:CLOSED_SHOWN]
    for experiment in ours.filter(~past | Q(pk__in=recent_past)).order_by("-pk"):
        if experiment.status == ExperimentStatus.PROPOSED:
            groups["proposed"].append(experiment)
        elif experiment.status == ExperimentStatus.RUNNING:
            groups["running"].append(experiment)
        elif experiment.status == ExperimentStatus.ENDED and experiment.debriefs_revealed_at is None:
            groups["ended"].append(experiment)
        else:
            groups["past"].append(experiment)
    return groups


@dataclass(frozen=True)
class ExperimentPage:
    experiment: Experiment
    my_debrief: Debrief | None
    partner_debrief: Debrief | None  # only once both are written

    @property
    def item_title(self) -> str | None:
        from evenly.boundaries import catalogue

        item = catalogue.get(self.experiment.catalogue_item_id) if self.experiment.catalogue_item_id else None
        return item.shown_title if item else None


def experiment_page(*, viewer: User, experiment: Experiment) -> ExperimentPage:
    debriefs = {d.author_id: d for d in Debrief.objects.filter(experiment=experiment)}
    mine = debriefs.pop(viewer.pk, None)
    theirs = next(iter(debriefs.values()), None) if experiment.debriefs_revealed_at else None
    return ExperimentPage(experiment=experiment, my_debrief=mine, partner_debrief=theirs)


def match_choices(*, viewer: User, context: CoupleContext) -> list[tuple[int, str]]:
    """The couple's curiosity matches, to start an experiment from."""
    from evenly.boundaries.selectors import curiosity_matches

    return [(match.item.id, match.item.shown_title) for match in curiosity_matches(viewer=viewer, context=context)]


@dataclass(frozen=True)
class Note:
    """One partner's debrief of an experiment, as the wins list shows it."""

    by: str  # "You" or the partner's name
    worked: str
    didnt_work: str
    surprised: str


@dataclass(frozen=True)
class Win:
    when: date
    title: str
    detail: str
    url: str
    experiment_id: int | None = None
    notes: list[Note] = field(default_factory=list)


def wins_page(*, viewer: User, context: CoupleContext, number: int) -> Page:
    """Decisions you both felt went well, experiments you talked through
    together, rituals you keep and words of appreciation: newest first,
    WINS_PER_PAGE at a time, the newest WINS_SHOWN in all. No scores, no
    streaks, no counts: just things to look back on."""
    number = min(number, WINS_SHOWN // WINS_PER_PAGE)
    reach = number * WINS_PER_PAGE  # this page and the ones before it
    # One more than that of each kind: the newest `reach` wins of all are
    # among them, and whether any is older than this page shows.
    newest = _newest_wins(context=context, limit=reach + 1)
    shown = _with_notes(viewer=viewer, context=context, wins=newest[reach - WINS_PER_PAGE : reach])
    return Page(items=shown, number=number, has_older=len(newest) > reach and reach < WINS_SHOWN)


def _newest_wins(*, context: CoupleContext, limit: int) -> list[Win]:
    """Up to `limit` of each kind of win, newest first, without the notes."""
    from django.urls import reverse

    couple_id = context.couple_id
    if couple_id is None:
        return []
    wins = []
    zone = timezone.get_current_timezone()  # once, not per row
    decision_link = link_to("decisions:detail")
    experiment_link = link_to("decisions:experiment")
    well = Round.objects.filter(decision__couple_id=couple_id, both_rated_well=True).order_by("-reviewed_at")
    # Only what the list shows: a round's other fields, and the options' and
    # experiments' other written (encrypted) fields, stay unread.
    for reviewed_at, decision_id, topic, adopted in well.values_list(
        "reviewed_at", "decision_id", "decision__topic", "adopted_option__text"
    )[:limit]:
        assert reviewed_at is not None
        wins.append(
            Win(
                when=reviewed_at.astimezone(zone).date(),
                title=topic,
                detail=adopted or "",
                url=decision_link(decision_id),
            )
        )
    talked_through = Experiment.objects.filter(couple_id=couple_id, debriefs_revealed_at__isnull=False)
    recent = talked_through.order_by("-debriefs_revealed_at")[:limit]
    for pk, revealed_at, idea in recent.values_list("pk", "debriefs_revealed_at", "idea"):
        assert revealed_at is not None
        wins.append(
            Win(
                when=revealed_at.astimezone(zone).date(),
                title=idea,
                detail="",
                url=experiment_link(pk),
                experiment_id=pk,
            )
        )
    from evenly.rituals.selectors import wins_for_couple

    rituals_url = reverse("rituals:index")
    # Newest first, so the newest `limit` appreciations are all that can make the cut.
    for when, title, detail in wins_for_couple(couple_id=couple_id, limit=limit):
        wins.append(Win(when=when, title=title, detail=detail, url=rituals_url))  # type: ignore[arg-type]
    return sorted(wins, key=lambda w: w.when, reverse=True)


def _with_notes(*, viewer: User, context: CoupleContext, wins: list[Win]) -> list[Win]:
    """The wins, each experiment with both partners' notes, the viewer's first.
    Only the notes shown are read; in one query even when none are (no
    experiment has the id 0), so every couple's page runs the same queries."""
    partner = context.partner
    you, theirs = gettext("You"), partner.shown_name if partner and partner.shown_name else gettext("Your partner")
    shown = [win.experiment_id for win in wins if win.experiment_id is not None]
    notes_of: dict[int, list[Note]] = {}
    rows = Debrief.objects.filter(experiment_id__in=shown or [0]).values_list(
        "experiment_id", "author_id", "worked", "didnt_work", "surprised"
    )
    for experiment_id, author_id, worked, didnt_work, surprised in sorted(rows, key=lambda row: row[1] != viewer.pk):
        by = you if author_id == viewer.pk else theirs
        notes_of.setdefault(experiment_id, []).append(Note(by, worked, didnt_work, surprised))
    return [replace(win, notes=notes_of[win.experiment_id]) if win.experiment_id in notes_of else win for win in wins]
