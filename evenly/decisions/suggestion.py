"""The fairness-first suggestion: plain Python, no Django.

Each partner privately rates every option from 1 ("I can't live with it") to
5 ("I love it"). The suggestion is the option that is best for whichever
partner likes it least: the highest lower rating. Ties go to the higher sum,
then to the option added first. An option either partner can't live with is
never suggested, and neither is one that someone has not rated yet.

Nothing here knows who rated what: the two ratings of an option are a pair,
and swapping the pair never changes the answer.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

CANT_LIVE_WITH_IT = 1
LOWEST, HIGHEST = 1, 5


@dataclass(frozen=True)
class RatedOption:
    key: Hashable
    order: int  # creation order: smaller was added first
    first: int | None  # one partner's rating, or None when not rated
    second: int | None  # the other partner's rating


@dataclass(frozen=True)
class Suggestion:
    key: Hashable
    floor: int  # the lower of the two ratings
    total: int
    decided_by: str  # "floor", "total" or "order": what picked it over the runner-up


def adoptable(first: int | None, second: int | None) -> bool:
    """The one rule for which options a couple may adopt (and which may be
    suggested): both rated the current wording, and neither can't live with it."""
    return first is not None and second is not None and CANT_LIVE_WITH_IT not in (first, second)


def is_candidate(option: RatedOption) -> bool:
    return adoptable(option.first, option.second)


def _rank(option: RatedOption) -> tuple[int, int, int]:
    assert option.first is not None and option.second is not None
    return (min(option.first, option.second), option.first + option.second, -option.order)


def suggest(options: Iterable[RatedOption]) -> Suggestion | None:
    """The fairest option, or None when no option works for both partners."""
    candidates = sorted((o for o in options if is_candidate(o)), key=_rank, reverse=True)
    if not candidates:
        return None
    best = candidates[0]
    floor, total, _ = _rank(best)
    decided_by = "floor"
    if len(candidates) > 1:
        runner_floor, runner_total, _ = _rank(candidates[1])
        if runner_floor == floor:
            decided_by = "total" if runner_total < total else "order"
    return Suggestion(key=best.key, floor=floor, total=total, decided_by=decided_by)
