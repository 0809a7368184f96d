"""Reads for the balance page, always for a given viewer.

The page costs three queries of its own, whatever the history: both
partners' seats, the facts (one union over the features that keep them) and
the ratings (one union). The partner's ratings are read only while both have
the shared view on, and only ever leave here as one coarse word.

Read here: who opened each decision, who proposed each adopted option, who
proposed each experiment and check-in, who sent each invitation, and when.
Never read here, whatever the features keep: answers to invitations,
declines, withdrawals, who ended an experiment, signals and pauses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import F, IntegerField, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from evenly.accounts.models import User
from evenly.balance import arithmetic as calc
from evenly.balance import charts
from evenly.balance.models import BalanceSeat, PulseAnswer
from evenly.checkins.models import CheckIn
from evenly.checkins.models import Rating as CheckInRating
from evenly.consent.models import Invitation
from evenly.couples.selectors import Partnership
from evenly.decisions.models import Decision, Experiment, Round, Seat

YOUNG_DAYS = 30  # a couple younger than this has little to show yet, and is told so kindly
DEFAULT_PERIOD = 3


def now_local() -> datetime:
    return timezone.localtime()


def seats_for(*, partnership: Partnership, viewer: User) -> tuple[BalanceSeat | None, BalanceSeat | None]:
    """(the viewer's seat, the partner's seat), either None until first used."""
    seats = {seat.user_id: seat for seat in BalanceSeat.objects.filter(couple_id=partnership.couple_id)}
    return seats.get(viewer.pk), seats.get(partnership.partner.pk)


def _side(user_id: int, viewer: User) -> calc.Side:
    return "me" if user_id == viewer.pk else "partner"


def facts_for(*, partnership: Partnership, viewer: User, since: datetime) -> list[calc.Fact]:
    """Who started what in the couple since `since`, in one query."""
    couple_id = partnership.couple_id
    people = [viewer.pk, partnership.partner.pk]

    def rows(queryset: QuerySet, kind: str, by: str, at: str) -> QuerySet:  # type: ignore[type-arg]
        return (
            queryset.filter(**{f"{by}__in": people, f"{at}__gt": since})
            .annotate(fact_kind=Value(calc.FACT_KINDS.index(kind), output_field=IntegerField()), by=F(by), at=F(at))
            .values_list("fact_kind", "pk", "by", "at")
            .order_by()
        )

    union = rows(Decision.objects.filter(couple_id=couple_id), calc.DECISIONS_OPENED, "opened_by_id", "created_at")
    union = union.union(
        rows(
            Round.objects.filter(decision__couple_id=couple_id),
            calc.OPTIONS_ADOPTED,
            "adopted_proposed_by_id",
            "agreed_at",
        ),
        rows(Experiment.objects.filter(couple_id=couple_id), calc.EXPERIMENTS_PROPOSED, "proposed_by_id", "created_at"),
        rows(
            CheckIn.objects.filter(couple_id=couple_id).annotate(suggested_at=Coalesce("started_at", "created_at")),
            calc.CHECKINS_PROPOSED,
            "proposed_by_id",
            "suggested_at",
        ),
        rows(Invitation.objects.filter(couple_id=couple_id), calc.INVITATIONS_SENT, "inviter_id", "created_at"),
        all=True,
    )
    facts = []
    zone = timezone.get_current_timezone()  # once, not per row: `localtime` for aware values
    for kind_index, pk, by, at in union:
        kind = calc.FACT_KINDS[kind_index]
        facts.append(calc.Fact(kind=kind, side=_side(by, viewer), at=at.astimezone(zone), key=f"{kind}:{pk}"))
    return facts


SOURCES = (calc.CHECKIN, calc.PULSE, calc.REVIEW)


def ratings_for(*, partnership: Partnership, viewer: User, since: datetime, both: bool) -> list[calc.Rating]:
    """The viewer's own numbers (and, when `both`, the partner's say-ratings)
    in this couple since `since`, in one query."""
    couple_id = partnership.couple_id
    raters = [viewer.pk, partnership.partner.pk] if both else [viewer.pk]
    zero = Value(0, output_field=IntegerField())

    def source(index: int) -> Value:
        return Value(index, output_field=IntegerField())

    # A check-in's rating belongs to the day of the check-in it rates.
    checkins = (
        CheckInRating.objects.filter(checkin__couple_id=couple_id, rater_id__in=raters)
        .annotate(at=Coalesce("checkin__closed_at", "created_at"))
        .filter(at__gt=since)
        .annotate(src=source(0), by=F("rater_id"), v1=F("felt_heard"), v2=F("equal_say"), v3=zero)
        .values_list("src", "pk", "by", "at", "v1", "v2", "v3")
        .order_by()
    )
    pulses = (
        PulseAnswer.objects.filter(couple_id=couple_id, user_id__in=raters, answered_at__gt=since)
        .annotate(
            src=source(1),
            by=F("user_id"),
            at=F("answered_at"),
            v1=F("counted"),
            v2=F("spoke_freely"),
            v3=F("shaped_together"),
        )
        .values_list("src", "pk", "by", "at", "v1", "v2", "v3")
        .order_by()
    )
    reviews = (
        Seat.objects.filter(
            round__decision__couple_id=couple_id,
            user_id=viewer.pk,
            reviewed_at__gt=since,
            review_level__isnull=False,
        )
        .annotate(src=source(2), by=F("user_id"), at=F("reviewed_at"), v1=F("review_level"), v2=zero, v3=zero)
        .values_list("src", "pk", "by", "at", "v1", "v2", "v3")
        .order_by()
    )
    ratings = []
    zone = timezone.get_current_timezone()  # once, not per row: `localtime` for aware values
    for src, pk, by, at, v1, v2, v3 in checkins.union(pulses, reviews, all=True):
        name = SOURCES[src]
        values = {calc.CHECKIN: (v1, v2), calc.PULSE: (v1, v2, v3), calc.REVIEW: (v1,)}[name]
        ratings.append(
            calc.Rating(side=_side(by, viewer), source=name, at=at.astimezone(zone), values=values, key=f"{name}:{pk}")
        )
    return ratings


# ---- The page ----


@dataclass(frozen=True)
class Closeness:
    months: int
    word: calc.Closeness | None


@dataclass(frozen=True)
class SharedView:
    period: int
    shares: list[calc.Share]
    chart: charts.ShareChart
    closeness: list[Closeness]
    offers: list[str]

    @property
    def has_any(self) -> bool:
        return any(share.total for share in self.shares)


@dataclass(frozen=True)
class MonthRow:
    month: date
    values: list[float | None]


@dataclass(frozen=True)
class BalancePage:
    partnership: Partnership
    i_chose_shared: bool
    shared: SharedView | None  # only while both partners have it on
    my_series: dict[str, list[calc.MonthValue]]
    my_chart: charts.LineChart
    pulse_now: tuple[int, int, int] | None
    month: datetime
    young: bool

    @property
    def has_my_numbers(self) -> bool:
        return any(mv.value is not None for values in self.my_series.values() for mv in values)

    @property
    def my_rows(self) -> list[MonthRow]:
        """The months that have any of the viewer's numbers, newest first."""
        months = next(iter(self.my_series.values()), [])
        rows = [
            MonthRow(month=mv.month, values=[self.my_series[m][i].value for m in self.my_series])
            for i, mv in enumerate(months)
        ]
        return [row for row in reversed(rows) if any(v is not None for v in row.values)]

    @property
    def partner(self) -> User:
        return self.partnership.partner


def _period(value: object) -> int:
    try:
        months = int(str(value))
    except ValueError:
        return DEFAULT_PERIOD
    return months if months in calc.PERIODS else DEFAULT_PERIOD


def balance_page(*, viewer: User, partnership: Partnership, period: object = None) -> BalancePage:
    now = now_local()
    since = calc.months_before(now, max(calc.PERIODS) + 1)
    mine, partners = seats_for(partnership=partnership, viewer=viewer)
    both_on = bool(mine and mine.shares_view and partners and partners.shares_view)
    ratings = ratings_for(partnership=partnership, viewer=viewer, since=since, both=both_on)
    shared = None
    if both_on:
        assert mine is not None
        facts = facts_for(partnership=partnership, viewer=viewer, since=since)
        months = _period(period)
        shares = calc.shares(facts, now=now, months=months)
        closed = set(mine.closed_patterns)
        shared = SharedView(
            period=months,
            shares=shares,
            chart=charts.share_chart(shares),
            closeness=[Closeness(months=m, word=calc.closeness(ratings, now=now, months=m)) for m in calc.PERIODS],
            offers=[p for p in calc.patterns(facts, ratings, now=now) if p not in closed],
        )
    series = {measure: calc.monthly(ratings, measure=measure, now=now) for measure in calc.MEASURES}
    this_month = calc.month_of(now)
    pulse_now = next(
        (r.values for r in ratings if r.side == "me" and r.source == calc.PULSE and calc.month_of(r.at) == this_month),
        None,
    )
    return BalancePage(
        partnership=partnership,
        i_chose_shared=bool(mine and mine.shares_view),
        shared=shared,
        my_series=series,
        my_chart=charts.line_chart(series),
        pulse_now=pulse_now,  # type: ignore[arg-type]
        month=now,
        young=partnership.couple.created_at > timezone.now() - timedelta(days=YOUNG_DAYS),
    )


def current_patterns(*, viewer: User, partnership: Partnership) -> list[str]:
    """The patterns that hold now, for a service checking an offer is real."""
    now = now_local()
    since = calc.months_before(now, max(calc.PERIODS) + 1)
    facts = facts_for(partnership=partnership, viewer=viewer, since=since)
    ratings = ratings_for(partnership=partnership, viewer=viewer, since=since, both=True)
    return calc.patterns(facts, ratings, now=now)
