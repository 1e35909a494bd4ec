"""The web UI's chart helpers (ui/charts.py): a numeric column's histogram from (value, count)
pairs, and the bars' geometry; and the pager's arithmetic (ui/paged.py)."""

from __future__ import annotations

import math

from pipelines_server.ui import charts
from pipelines_server.ui.paged import Paged


def labels(hist):
    return [(b.label, b.count) for b in hist.bars]


def test_small_integer_ranges_get_one_bar_per_value():
    hist = charts.histogram([(3, 2), (1, 1), (5, 4)], bins=10)
    assert labels(hist) == [("1", 1), ("2", 0), ("3", 2), ("4", 0), ("5", 4)]
    assert hist.numeric == 7 and hist.skipped == 0


def test_wide_integer_ranges_get_whole_width_bins_that_cover_max():
    hist = charts.histogram([(0, 1), (9, 1), (10, 1), (99, 3)], bins=10)
    assert labels(hist)[0] == ("0–9", 2)
    assert labels(hist)[1] == ("10–19", 1)
    assert labels(hist)[-1] == ("90–99", 3)
    assert len(hist.bars) == 10 and sum(b.count for b in hist.bars) == 6


def test_integer_bins_never_pass_max():
    # 0..10 in 3 bins: width 4 -> 0–3, 4–7, 8–10
    hist = charts.histogram([(v, 1) for v in range(11)], bins=3)
    assert labels(hist) == [("0–3", 4), ("4–7", 4), ("8–10", 3)]


def test_floats_get_equal_width_bins_and_the_last_includes_max():
    hist = charts.histogram([(0.0, 1), (0.5, 1), (1.0, 1), (2.0, 5)], bins=4)
    assert labels(hist) == [("[0, 0.5)", 1), ("[0.5, 1)", 1), ("[1, 1.5)", 1), ("[1.5, 2]", 5)]


def test_mixed_ints_and_floats_bin_as_floats():
    hist = charts.histogram([(1, 1), (2.5, 1)], bins=2)
    assert labels(hist) == [("[1, 1.75)", 1), ("[1.75, 2.5]", 1)]


def test_non_numbers_are_counted_apart():
    hist = charts.histogram(
        [(None, 3), ("x", 1), (True, 2), (math.nan, 1), (math.inf, 1), (4, 2)], bins=5
    )
    assert labels(hist) == [("4", 2)]  # one value: one bar
    assert hist.skipped == 8 and hist.numeric == 2


def test_nothing_numeric_gives_no_bars():
    hist = charts.histogram([(None, 5)])
    assert hist.bars == [] and hist.skipped == 5 and hist.numeric == 0


def test_bar_widths_are_proportional_and_small_counts_stay_visible():
    chart = charts.bar_chart(
        [charts.Bar("big", 1000), charts.Bar("half", 500), charts.Bar("tiny", 1)],
        width=720,
        label_width=200,
        count_room=20,
    )
    big, half, tiny = chart.bars
    assert big.width == 500 and half.width == 250
    assert tiny.width == 1.0
    assert big.count_x == 200 + 500 + 6
    assert [b.y for b in chart.bars] == [6, 34, 62]
    assert chart.height == 6 + 3 * 28


def test_zero_counts_draw_no_bar_and_long_labels_are_cut():
    label = "a" * 40
    chart = charts.bar_chart([charts.Bar(label, 0)])
    (bar,) = chart.bars
    assert bar.width == 0
    assert len(bar.label) == charts.LABEL_CHARS and bar.label.endswith("…")
    assert bar.title == f"{label}: 0"


def test_pager_arithmetic():
    p = Paged(2, 25).with_total(60)
    assert p.offset == 25 and p.pages == 3 and p.has_prev and p.has_next
    assert not Paged(3, 25, 60).has_next
    assert Paged(1, 25, 0).pages == 1


def test_integer_histograms_are_exact_past_a_floats_precision():
    hist = charts.histogram([(0, 1), (120_000_000_000_000_000, 1), (5, 2)], bins=10)
    assert sum(b.count for b in hist.bars) == 4
    assert hist.bars[0].count == 3 and hist.bars[-1].count == 1
    assert hist.bars[-1].label.endswith("120000000000000000")


def test_float_histograms_over_the_whole_float_range():
    hist = charts.histogram([(-1e308, 1), (0.0, 1), (1e308, 2)], bins=4)
    assert [b.count for b in hist.bars] == [1, 0, 1, 2]
