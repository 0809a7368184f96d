"""Geometry for the balance charts: plain numbers the templates draw as SVG.

Pure Python, no Django. The templates add the words; the same figures are
always shown in a table next to each chart, and every series has its own
marker shape and line pattern, so colour is never the only thing that tells
them apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from evenly.balance.arithmetic import MonthValue, Share

WIDTH = 320

# ---- Shares: one bar per kind, split between the two partners ----

ROW = 52
BAR_Y = 24
BAR_HEIGHT = 18


@dataclass(frozen=True)
class ShareBar:
    share: Share
    top: int
    label_y: int
    bar_y: int
    mine_width: float
    partner_x: float
    partner_width: float


@dataclass(frozen=True)
class ShareChart:
    bars: list[ShareBar]
    height: int
    width: int = WIDTH
    bar_height: int = BAR_HEIGHT


def share_chart(shares: Sequence[Share]) -> ShareChart:
    bars = []
    for index, share in enumerate(shares):
        top = index * ROW
        mine = round(WIDTH * share.mine / share.total, 1) if share.total else 0.0
        bars.append(
            ShareBar(
                share=share,
                top=top,
                label_y=top + 16,
                bar_y=top + BAR_Y,
                mine_width=mine,
                partner_x=mine,
                partner_width=round(WIDTH - mine, 1) if share.total else 0.0,
            )
        )
    return ShareChart(bars=bars, height=len(shares) * ROW)


# ---- One person's numbers over the months: a line per measure ----

HEIGHT = 196
LEFT, RIGHT, TOP, BOTTOM = 30, 310, 12, 156
LABEL_Y = 178
SHAPES = ("circle", "square", "triangle", "diamond")
MARK = 5


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    value: float
    points: str  # polygon points, empty for a circle


@dataclass(frozen=True)
class Line:
    measure: str
    shape: str
    segments: list[str]  # polyline points, one string per unbroken run of months
    markers: list[Marker]


@dataclass(frozen=True)
class Tick:
    month: date
    x: float
    labelled: bool


@dataclass(frozen=True)
class LineChart:
    lines: list[Line]
    ticks: list[Tick]
    levels: list[tuple[int, float]]  # (1..5, y)
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = RIGHT
    label_y: int = LABEL_Y


def x_for(index: int, count: int) -> float:
    if count <= 1:
        return float((LEFT + RIGHT) // 2)
    return round(LEFT + index * (RIGHT - LEFT) / (count - 1), 1)


def y_for(value: float) -> float:
    return round(BOTTOM - (value - 1) * (BOTTOM - TOP) / 4, 1)


def _shape_points(shape: str, x: float, y: float) -> str:
    if shape == "square":
        corners = [(x - MARK, y - MARK), (x + MARK, y - MARK), (x + MARK, y + MARK), (x - MARK, y + MARK)]
    elif shape == "triangle":
        corners = [(x, y - MARK - 1), (x + MARK + 1, y + MARK), (x - MARK - 1, y + MARK)]
    elif shape == "diamond":
        corners = [(x, y - MARK - 1), (x + MARK + 1, y), (x, y + MARK + 1), (x - MARK - 1, y)]
    else:
        return ""
    return " ".join(f"{round(cx, 1)},{round(cy, 1)}" for cx, cy in corners)


def line_chart(series: dict[str, list[MonthValue]]) -> LineChart:
    """`series` maps each measure to the same run of months, oldest first."""
    months = next(iter(series.values()), [])
    count = len(months)
    lines = []
    for position, (measure, values) in enumerate(series.items()):
        shape = SHAPES[position % len(SHAPES)]
        segments: list[str] = []
        run: list[str] = []
        markers = []
        for index, month_value in enumerate(values):
            if month_value.value is None:
                if run:
                    segments.append(" ".join(run))
                run = []
                continue
            x, y = x_for(index, count), y_for(month_value.value)
            run.append(f"{x},{y}")
            markers.append(Marker(x=x, y=y, value=month_value.value, points=_shape_points(shape, x, y)))
        if run:
            segments.append(" ".join(run))
        lines.append(Line(measure=measure, shape=shape, segments=[s for s in segments if " " in s], markers=markers))
    ticks = [Tick(month=mv.month, x=x_for(i, count), labelled=(count - 1 - i) % 2 == 0) for i, mv in enumerate(months)]
    levels = [(level, y_for(level)) for level in range(1, 6)]
    return LineChart(lines=lines, ticks=ticks, levels=levels)
