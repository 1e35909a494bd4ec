"""Server-rendered bar charts (SVG laid out here, drawn by templates/_chart.html): the counts of
a dataset column's values, or a numeric column's histogram.

`histogram` bins (value, count) pairs — what `datasets.chart_field_values` gives, so each
distinct value is read once, not each row — into equal-width bins; integer columns get integer
bins (one per value when the range is small). `bar_chart` turns bars into geometry: horizontal
bars, labels on the left, each bar's count at its end, widths proportional to the largest."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

LABEL_CHARS = 28  # longer labels are cut (the whole label is the bar's tooltip)


@dataclass(frozen=True)
class Bar:
    label: str
    count: int


@dataclass(frozen=True)
class Histogram:
    bars: list[Bar]
    numeric: int  # values binned (counted with their multiplicity)
    skipped: int  # values that are not numbers (null, text, booleans, NaN)


def _number(value: Any) -> int | float | None:
    """An int as itself (exact however large: a float would lose the bins of a range past
    2**53), a finite float; None for anything else."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, int):
        return value
    return value if math.isfinite(value) else None


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() and abs(x) < 1e15 else f"{x:.4g}"


def histogram(pairs: Iterable[tuple[Any, int]], bins: int = 10) -> Histogram:
    """Equal-width bins over [min, max] of the numeric values (the last bin includes max).
    Integers: bins of a whole width, one per value when max - min < bins."""
    bins = max(1, bins)
    values: list[tuple[int | float, int]] = []
    skipped = 0
    integers = True
    for value, count in pairs:
        x = _number(value)
        if x is None:
            skipped += count
            continue
        integers = integers and isinstance(x, int)
        values.append((x, count))
    numeric = sum(c for _x, c in values)
    if not values:
        return Histogram([], 0, skipped)
    lo, hi = min(x for x, _c in values), max(x for x, _c in values)
    if lo == hi:
        return Histogram([Bar(_fmt(lo), numeric)], numeric, skipped)
    if integers:  # exact integer arithmetic (no float rounding at any size)
        width = max(1, -(-(hi - lo + 1) // bins))
        n = -(-(hi - lo + 1) // width)
        counts = [0] * n
        for x, c in values:
            counts[min((x - lo) // width, n - 1)] += c
        bars = []
        for i, c in enumerate(counts):
            start = lo + i * width
            end = min(start + width - 1, hi)
            bars.append(Bar(str(start) if start == end else f"{start}–{end}", c))
        return Histogram(bars, numeric, skipped)
    lo, hi = float(lo), float(hi)
    # Halves: hi - lo itself may overflow to infinity (a column from -1e308 to 1e308).
    half = hi / 2 - lo / 2
    counts = [0] * bins
    for x, c in values:
        share = (float(x) / 2 - lo / 2) / half  # in [0, 1]
        counts[max(0, min(int(share * bins), bins - 1))] += c

    def edge(i: int) -> float:
        step = half * i / bins
        return lo + step + step

    bars = []
    for i, c in enumerate(counts):
        start, end = edge(i), (hi if i == bins - 1 else edge(i + 1))
        close = "]" if i == bins - 1 else ")"
        bars.append(Bar(f"[{_fmt(start)}, {_fmt(end)}{close}", c))
    return Histogram(bars, numeric, skipped)


@dataclass(frozen=True)
class BarShape:
    label: str  # as drawn (cut to LABEL_CHARS)
    title: str  # the whole label and count (the tooltip)
    count: int
    y: float
    width: float
    text_y: float
    count_x: float


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    label_width: int
    bar_x: int
    bar_height: int
    bars: list[BarShape]


def _cut(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def bar_chart(
    bars: list[Bar],
    width: int = 720,
    label_width: int = 200,
    bar_height: int = 22,
    gap: int = 6,
    count_room: int = 70,
) -> BarChart:
    """Geometry of horizontal bars: the largest count spans the plot's width; any non-zero
    count is at least one pixel wide (visible)."""
    plot = width - label_width - count_room
    top = max((b.count for b in bars), default=0)
    shapes = []
    for i, b in enumerate(bars):
        y = gap + i * (bar_height + gap)
        w = 0.0 if top == 0 else plot * b.count / top
        if b.count > 0:
            w = max(w, 1.0)
        shapes.append(
            BarShape(
                label=_cut(b.label),
                title=f"{b.label}: {b.count}",
                count=b.count,
                y=y,
                width=round(w, 1),
                text_y=y + bar_height * 0.7,
                count_x=round(label_width + w + 6, 1),
            )
        )
    height = gap + len(bars) * (bar_height + gap)
    return BarChart(width, height, label_width, label_width, bar_height, shapes)
