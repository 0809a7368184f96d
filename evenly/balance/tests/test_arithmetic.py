"""Property tests for the balance arithmetic: plain Python, no database."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from evenly.balance import arithmetic as calc
from evenly.balance import charts

NOW = datetime(2026, 12, 2, 12, 0)
sides = st.sampled_from(["me", "partner"])
moments = st.integers(min_value=0, max_value=500 * 24).map(lambda hours: NOW - timedelta(hours=hours))

facts = st.lists(
    st.builds(
        calc.Fact,
        kind=st.sampled_from(calc.FACT_KINDS),
        side=sides,
        at=moments,
        key=st.integers(min_value=1, max_value=10_000).map(str),
    ),
    max_size=40,
).map(lambda items: [calc.Fact(kind=f.kind, side=f.side, at=f.at, key=f"{f.kind}:{f.key}") for f in items])


def rating(source: str) -> st.SearchStrategy[calc.Rating]:
    width = {calc.CHECKIN: 2, calc.PULSE: 3, calc.REVIEW: 1}[source]
    return st.builds(
        calc.Rating,
        side=sides,
        source=st.just(source),
        at=moments,
        values=st.tuples(*[st.integers(min_value=1, max_value=5)] * width),
        key=st.integers(min_value=1, max_value=10_000).map(lambda n: f"{source}:{n}"),
    )


ratings = st.lists(st.one_of(rating(calc.CHECKIN), rating(calc.PULSE), rating(calc.REVIEW)), max_size=40)


def unique_keys(items):  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {}
    for item in items:
        seen.setdefault(item.key, item)
    return list(seen.values())


@given(facts, st.sampled_from(calc.PERIODS))
def test_swapping_the_partners_mirrors_every_share(items, months):
    items = unique_keys(items)
    mirrored = calc.shares([calc.swapped_fact(f) for f in items], now=NOW, months=months)
    for share, swapped in zip(calc.shares(items, now=NOW, months=months), mirrored, strict=True):
        assert (share.mine, share.partners) == (swapped.partners, swapped.mine)
        assert (share.my_percent, share.partners_percent) == (swapped.partners_percent, swapped.my_percent)
        assert share.total == 0 or share.my_percent + share.partners_percent == 100


@given(facts, ratings)
def test_swapping_the_partners_keeps_closeness_and_patterns(items, numbers):
    items, numbers = unique_keys(items), unique_keys(numbers)
    swapped_facts = [calc.swapped_fact(f) for f in items]
    swapped_ratings = [calc.swapped_rating(r) for r in numbers]
    for months in calc.PERIODS:
        assert calc.closeness(numbers, now=NOW, months=months) == calc.closeness(
            swapped_ratings, now=NOW, months=months
        )
    assert calc.patterns(items, numbers, now=NOW) == calc.patterns(swapped_facts, swapped_ratings, now=NOW)


@given(facts, ratings)
def test_a_row_read_twice_counts_once(items, numbers):
    assert calc.shares(items + items, now=NOW, months=12) == calc.shares(items, now=NOW, months=12)
    assert calc.closeness(numbers + numbers, now=NOW, months=12) == calc.closeness(numbers, now=NOW, months=12)
    assert calc.patterns(items + items, numbers + numbers, now=NOW) == calc.patterns(items, numbers, now=NOW)
    for measure in calc.MEASURES:
        assert calc.monthly(numbers + numbers, measure=measure, now=NOW) == calc.monthly(
            numbers, measure=measure, now=NOW
        )


def _say(side: str, n: int, value: int, *, days_ago: int = 1, source: str = calc.CHECKIN) -> list[calc.Rating]:
    width = 2 if source == calc.CHECKIN else 3
    return [
        calc.Rating(
            side=side,  # type: ignore[arg-type]
            source=source,
            at=NOW - timedelta(days=days_ago, hours=i),
            values=(value,) * width,
            key=f"{source}:{side}:{days_ago}:{i}",
        )
        for i in range(n)
    ]


@given(st.integers(min_value=0, max_value=calc.MIN_RATINGS - 1), st.integers(min_value=0, max_value=10))
def test_a_period_with_too_few_ratings_shows_nothing(few, many):
    for mine, partners in ((few, calc.MIN_RATINGS + many), (calc.MIN_RATINGS + many, few)):
        numbers = _say("me", mine, 5) + _say("partner", partners, 1)
        assert calc.closeness(numbers, now=NOW, months=3) is None


def test_three_each_is_enough_and_two_is_not():
    assert calc.closeness(_say("me", 3, 4) + _say("partner", 3, 4), now=NOW, months=3) == "close"
    assert calc.closeness(_say("me", 2, 4) + _say("partner", 3, 4), now=NOW, months=3) is None


def test_look_backs_are_never_compared():
    numbers = _say("me", 3, 5, source=calc.REVIEW) + _say("partner", 3, 1, source=calc.REVIEW)
    assert calc.closeness(numbers, now=NOW, months=3) is None


def test_apart_starts_exactly_at_one_point():
    # Averages 4 and 3: exactly one point apart.
    assert calc.closeness(_say("me", 3, 4) + _say("partner", 3, 3), now=NOW, months=3) == "apart"
    # Averages 4 and 3 1/3: two thirds of a point.
    just_under = _say("me", 3, 4) + _say("partner", 2, 3) + _say("partner", 1, 4, days_ago=2)
    assert calc.closeness(just_under, now=NOW, months=3) == "close"


def test_ratings_outside_the_period_are_left_out():
    inside = _say("me", 3, 4) + _say("partner", 3, 4)
    old = _say("partner", 5, 1, days_ago=100)
    assert calc.closeness(inside + old, now=NOW, months=3) == "close"
    assert calc.closeness(inside + old, now=NOW, months=6) == "apart"


def _adopted(sides_in_order: str) -> list[calc.Fact]:
    return [
        calc.Fact(
            kind=calc.OPTIONS_ADOPTED,
            side="me" if s == "m" else "partner",
            at=NOW - timedelta(days=50 - i),
            key=f"a:{i}",
        )
        for i, s in enumerate(sides_in_order)
    ]


def test_four_of_the_last_five_adopted_from_one_partner_is_a_pattern():
    assert calc.adopted_lean(_adopted("mmmmp"))
    assert calc.adopted_lean(_adopted("ppppp"))
    assert calc.adopted_lean(_adopted("pmpppp"))  # the older one falls outside the five
    assert not calc.adopted_lean(_adopted("mmmpp"))  # three of five is not
    assert not calc.adopted_lean(_adopted("mmmm"))  # four is too few to say
    assert not calc.adopted_lean(_adopted("ppppmm"))  # only the last five count


def test_ratings_apart_for_two_monthly_readings_is_a_pattern():
    apart_now = _say("me", 3, 5) + _say("partner", 3, 2)
    apart_before = _say("me", 3, 5, days_ago=40) + _say("partner", 3, 2, days_ago=40)
    assert calc.ratings_apart_lately(apart_now + apart_before, now=NOW)
    # Apart now, but a month ago there was too little to compare: no pattern yet.
    assert not calc.ratings_apart_lately(apart_now, now=NOW)
    # Apart a month ago, close now (many close ratings since): no pattern.
    close_now = _say("me", 12, 4, days_ago=2) + _say("partner", 12, 4, days_ago=2)
    assert calc.closeness(apart_before + close_now, now=NOW, months=3) == "close"
    assert not calc.ratings_apart_lately(apart_before + close_now, now=NOW)


@given(ratings, st.sampled_from(calc.MEASURES))
def test_my_months_never_use_the_partners_numbers(numbers, measure):
    mine_only = [r for r in numbers if r.side == "me"]
    assert calc.monthly(numbers, measure=measure, now=NOW) == calc.monthly(mine_only, measure=measure, now=NOW)


@given(ratings)
def test_monthly_values_stay_on_the_scale_and_the_chart_inside_its_box(numbers):
    series = {m: calc.monthly(numbers, measure=m, now=NOW) for m in calc.MEASURES}
    for values in series.values():
        assert len(values) == 12
        assert all(v.value is None or 1 <= v.value <= 5 for v in values)
    chart = charts.line_chart(series)
    for line in chart.lines:
        for marker in line.markers:
            assert charts.LEFT <= marker.x <= charts.RIGHT and charts.TOP <= marker.y <= charts.BOTTOM


@given(facts)
def test_share_bars_fill_the_width_exactly_when_there_is_anything(items):
    chart = charts.share_chart(calc.shares(unique_keys(items), now=NOW, months=12))
    for bar in chart.bars:
        if bar.share.total:
            assert abs(bar.mine_width + bar.partner_width - charts.WIDTH) < 0.2
        else:
            assert bar.mine_width == bar.partner_width == 0


@settings(max_examples=50)
@given(
    st.integers(min_value=2000 * 12, max_value=2100 * 12), st.integers(min_value=1, max_value=31), st.integers(0, 24)
)
def test_months_before_lands_in_the_right_month(index, day, back):
    year, month = divmod(index, 12)
    import calendar

    moment = datetime(year, month + 1, min(day, calendar.monthrange(year, month + 1)[1]))
    earlier = calc.months_before(moment, back)
    assert (earlier.year * 12 + earlier.month) == (moment.year * 12 + moment.month) - back
    assert earlier <= moment
