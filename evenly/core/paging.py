"""Long lists in pages, newest first, without counting the whole list: one
query per page, whatever the length of the history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest

PAGE_SIZE = 25


@dataclass(frozen=True)
class Page:
    items: list[Any]
    number: int
    has_older: bool

    @property
    def has_newer(self) -> bool:
        return self.number > 1


def page_number(request: HttpRequest) -> int:
    """The page asked for (`?page=N`), from 1; anything else is the first."""
    try:
        return max(1, min(int(request.GET.get("page", "1")), 10_000))
    except ValueError:
        return 1


def page_of(queryset: QuerySet[Any], number: int, *, size: int = PAGE_SIZE) -> Page:
    start = (number - 1) * size
    rows = list(queryset[start : start + size + 1])
    return Page(items=rows[:size], number=number, has_older=len(rows) > size)
