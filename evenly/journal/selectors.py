"""Reads for the journal, tender topics and moments being taken. Each takes
the viewer; nothing here ever returns another person's entry."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from django.core.paginator import Page, Paginator
from django.utils import timezone

from evenly.accounts.models import User
from evenly.core.models import Visibility
from evenly.couples.selectors import Partnership
from evenly.journal import feelings as vocabulary
from evenly.journal.models import Breather, Entry, Sharing, TenderTopic
from evenly.journal.services import BREATHER_LASTS
from evenly.journal.tender import touches

ENTRIES_PER_PAGE = 20
PATTERN_MONTHS = 6
PATTERN_TOP = 6


def entries_page(*, viewer: User, number: str | int | None) -> Page:
    entries = Entry.objects.filter(author=viewer).order_by("-created_at", "-id")
    return Paginator(entries, ENTRIES_PER_PAGE).get_page(number)


# ---- Patterns, for the author only ----


@dataclass(frozen=True)
class PatternRow:
    label: str
    counts: list[int]
    total: int


@dataclass(frozen=True)
class Patterns:
    months: list[date]
    rows: list[PatternRow]
    peak: int

    @property
    def is_empty(self) -> bool:
        return not self.rows

    def grid(self) -> list[tuple[PatternRow, int, list[tuple[int, int, str]]]]:
        """For the picture: each row with its y, and each month's cell as
        (count, x, fill opacity). Geometry matches journal/_patterns.html."""
        cells = []
        for index, row in enumerate(self.rows):
            y = PATTERN_TOP_MARGIN + index * PATTERN_ROW
            cells.append(
                (
                    row,
                    y,
                    [
                        (count, PATTERN_LABEL_WIDTH + column * PATTERN_COLUMN, _opacity(count, self.peak))
                        for column, count in enumerate(row.counts)
                    ],
                )
            )
        return cells

    @property
    def height(self) -> int:
        return PATTERN_TOP_MARGIN + len(self.rows) * PATTERN_ROW

    def month_columns(self) -> list[tuple[date, int]]:
        return [
            (month, PATTERN_LABEL_WIDTH + i * PATTERN_COLUMN + PATTERN_COLUMN // 2)
            for i, month in enumerate(self.months)
        ]


PATTERN_LABEL_WIDTH = 110
PATTERN_COLUMN = 44
PATTERN_ROW = 34
PATTERN_TOP_MARGIN = 26


def _opacity(count: int, peak: int) -> str:
    if not count or not peak:
        return "0"
    # Light enough at its darkest that the count on it stays readable, light or dark.
    return f"{0.12 + 0.33 * count / peak:.2f}"


def _month_starts(today: date, count: int) -> list[date]:
    months: list[date] = []
    year, month = today.year, today.month
    for _ in range(count):
        months.append(date(year, month, 1))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return list(reversed(months))


def patterns_for(*, viewer: User, today: date | None = None) -> Patterns:
    """Which feelings came up most in the viewer's own entries, month by
    month, over the last few months (in local time)."""
    today = today or timezone.localdate()
    months = _month_starts(today, PATTERN_MONTHS)
    since = timezone.make_aware(datetime(months[0].year, months[0].month, 1))
    per_month: dict[date, Counter[str]] = {month: Counter() for month in months}
    totals: Counter[str] = Counter()
    for created_at, feelings, own_words in Entry.objects.filter(author=viewer, created_at__gte=since).values_list(
        "created_at", "feelings", "own_words"
    ):
        local = timezone.localtime(created_at).date()
        month = date(local.year, local.month, 1)
        if month not in per_month:
            continue
        labels = vocabulary.labels_for(vocabulary.split(feelings)) + [w for w in own_words.split("\n") if w]
        per_month[month].update(set(labels))
        totals.update(set(labels))
    top = [label for label, _count in sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:PATTERN_TOP]]
    rows = [PatternRow(label, [per_month[m][label] for m in months], totals[label]) for label in top]
    peak = max((count for row in rows for count in row.counts), default=0)
    return Patterns(months=months, rows=rows, peak=peak)


# ---- Tender topics ----


def own_tender_topics(*, viewer: User) -> list[TenderTopic]:
    return list(TenderTopic.objects.filter(author=viewer))


def partners_tender_topics(*, viewer: User, partnership: Partnership | None) -> list[TenderTopic]:
    """What the partner chose to share, in the couple the viewer is in now."""
    if partnership is None:
        return []
    return list(
        TenderTopic.objects.filter(
            author=partnership.partner, couple_id=partnership.couple_id, visibility=Visibility.SHARED
        ).exclude(sharing=Sharing.PRIVATE)
    )


@dataclass(frozen=True)
class TenderNote:
    topic: str
    mine: bool
    # What the partner wrote, only when they chose to share it.
    note: str


def shared_tender_topics(*, couple_id: int | None) -> list[TenderTopic]:
    """Both partners' tender topics shared in this couple. Private ones never
    show on shared pages: a shared page may be seen by both on one screen."""
    if couple_id is None:
        return []
    return list(
        TenderTopic.objects.filter(couple_id=couple_id, visibility=Visibility.SHARED).exclude(sharing=Sharing.PRIVATE)
    )


def notes_touching(*, viewer: User, topics: list[TenderTopic], texts: list[str]) -> list[TenderNote]:
    notes = []
    for topic in topics:
        if touches(topic.topic, texts):
            mine = topic.author_id == viewer.pk
            shown_note = topic.note if topic.sharing == Sharing.DETAILS and not mine else ""
            notes.append(TenderNote(topic=topic.topic, mine=mine, note=shown_note))
    return notes


def tender_notes(*, viewer: User, couple_id: int | None, texts: list[str]) -> list[TenderNote]:
    """Gentle notes for the shared tender topics of either partner that these
    texts (a decision, an invitation) touch. One query."""
    if not any(texts):
        return []
    return notes_touching(viewer=viewer, topics=shared_tender_topics(couple_id=couple_id), texts=texts)


# ---- I need a moment ----


def partner_is_taking_a_moment(*, partnership: Partnership | None) -> bool:
    if partnership is None:
        return False
    return Breather.objects.filter(
        person=partnership.partner,
        couple_id=partnership.couple_id,
        started_at__gt=timezone.now() - BREATHER_LASTS,
    ).exists()


def own_breather(*, viewer: User) -> Breather | None:
    breather = Breather.objects.filter(person=viewer, started_at__gt=timezone.now() - BREATHER_LASTS).first()
    return breather
