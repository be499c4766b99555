"""The sensitivity charts of the detail view: the selected company's sweeps, computed off the UI
thread when the weights and the selection rest, a stale result never shown."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

from core.sensitivity import SWEEP_STEPS, Sweep
from tests.ui.test_main_window import set_slider
from ui.sensitivity_chart import (
    LINE_COLORS,
    MIN_POINT_SIZE,
    SensitivityChart,
    nice_ceiling,
    rank_range,
    sweep_summary,
    top_runs,
)


def a_sweep(ranks: list[int], current: float = 50.0, top_n: int = 10, signal: str = "value") -> Sweep:
    weights = np.linspace(-100, 100, len(ranks))
    return Sweep(
        signal=signal, weights=weights, ranks=np.array(ranks, dtype=np.int64), current=current, top_n=top_n
    )


# --- the geometry and the words, without a window ----------------------------------------------


def test_runs_in_the_top_n_and_the_rank_axis():
    s = a_sweep([30, 12, 9, 4, 2, 0, 3, 11])  # -100 … 100 in 8 steps
    assert top_runs(s) == [
        (float(s.weights[2]), float(s.weights[4])),
        (float(s.weights[6]), float(s.weights[6])),
    ]
    assert rank_range(s) == 50 and rank_range(s, current_rank=61) == 100
    assert rank_range(a_sweep([1, 2, 3])) == 10  # the whole top-10 band stays in view
    assert [nice_ceiling(n) for n in (1, 5, 6, 11, 21, 26, 51, 101, 999)] == [
        5,
        5,
        10,
        20,
        25,
        50,
        100,
        200,
        1000,
    ]


def test_the_summary_says_the_rank_now_the_runs_and_the_extremes():
    s = a_sweep([30, 12, 9, 4, 2, 0, 3, 11], current=50)
    text = sweep_summary(s, current_rank=3)
    assert text.startswith("Value weight (now +50): rank 3 now")
    assert "in the top 10 from" in text and "best 2" in text and "worst 30 (at −100)" in text
    assert "not ranked at 1 of 8 weights" in text
    assert "in the top 10 at every weight" in sweep_summary(a_sweep([1, 1, 2], current=0), 1)
    assert "never in the top 10" in sweep_summary(a_sweep([40, 30, 20]), 25)


def test_a_chart_paints_its_band_line_and_labels(qtbot):
    chart = SensitivityChart("funding")
    qtbot.addWidget(chart)
    chart.resize(180, 120)
    chart.set_sweep(a_sweep([30, 20, 12, 8, 5, 3, 2, 2], current=70, signal="funding"), current_rank=2)
    image = chart.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())}
    assert QColor(LINE_COLORS["funding"]).name() in colours  # the line
    assert QColor(222, 242, 226).name() in colours  # the top-N band
    assert chart.font().pointSizeF() >= MIN_POINT_SIZE
    assert "Funding weight (now +70): rank 2 now" in chart.toolTip() == chart.accessibleDescription()
    chart.set_sweep(None, message="Computing…")
    blank = chart.grab().toImage()
    assert QColor(LINE_COLORS["funding"]).name() not in {
        blank.pixelColor(x, y).name() for x in range(blank.width()) for y in range(blank.height())
    }


# --- in the window -------------------------------------------------------------------------------


def shows(w, cid: str) -> bool:
    panel = w.detail.sensitivity
    sweeps = panel.sweeps()
    return (
        panel.company_id() == cid
        and sweeps is not None
        and not panel.is_pending()
        and all(s.current == getattr(w.session.weights, k) for k, s in sweeps.items())
    )


def assert_direct(w, cid: str) -> None:
    """The charts hold what core.sensitivity gives for the session now, and the rank now."""
    direct = w.session.sensitivity(cid, top_n=w.ranking.top_k)
    panel = w.detail.sensitivity
    for signal, chart in panel.charts.items():
        sweep = chart.sweep()
        assert sweep is not None and sweep.signal == signal
        assert len(sweep.weights) == SWEEP_STEPS
        assert np.array_equal(sweep.weights, direct[signal].weights)
        assert np.array_equal(sweep.ranks, direct[signal].ranks), signal
        assert sweep.current == direct[signal].current
        assert chart.current_rank() == int(w.ranking.rank[w.ranking.table.row_of[cid]])


def test_the_charts_get_the_sweeps_of_the_selected_company(qtbot, win):
    cid = win.selected_company()
    assert cid is not None
    qtbot.waitUntil(lambda: shows(win, cid), timeout=10000)
    assert_direct(win, cid)
    # another company: its own sweeps, computed in the background ("Computing…" meanwhile)
    other = next(c for c in win.visible_ids()[5:] if c != cid)
    assert win.select_company(other)
    assert win.detail.sensitivity.sweeps() is None
    assert win.detail.sensitivity.charts["value"].message() == "Computing…"
    qtbot.waitUntil(lambda: shows(win, other), timeout=10000)
    assert_direct(win, other)
    assert win.detail.sensitivity.charts["value"].sweep().ranks.tolist() != [0] * SWEEP_STEPS


def test_the_charts_follow_the_weights_when_the_sliders_rest(qtbot, win):
    cid = "fancytech"
    assert win.select_company(cid)
    qtbot.waitUntil(lambda: shows(win, cid), timeout=10000)
    before = win.detail.sensitivity.charts["funding"].sweep()
    set_slider(qtbot, win, "funding", 90)
    # the old charts stay, dimmed, until the new ones arrive
    assert win.detail.sensitivity.charts["funding"].sweep() is before
    assert win.detail.sensitivity.charts["funding"].is_stale()
    qtbot.waitUntil(lambda: shows(win, cid), timeout=10000)
    assert win.detail.sensitivity.charts["funding"].sweep().current == 90
    assert win.detail.sensitivity.charts["value"].sweep().current == win.session.weights.value
    assert_direct(win, cid)


def test_a_stale_result_is_dropped(qtbot, win):
    shown: list[str] = []
    win.sig_sensitivity_shown.connect(shown.append)
    ids = win.visible_ids()
    first, second = ids[1], ids[2]
    assert win.select_company(first)
    win.request_sensitivity()  # the job for `first` is out ...
    assert win.select_company(second)  # ... and the selection moves on before it ends
    shown.clear()
    qtbot.waitUntil(lambda: shows(win, second), timeout=10000)
    assert shown == [second]  # the first company's sweeps, arrived late, were not shown
    assert win.detail.sensitivity.company_id() == second
    assert_direct(win, second)


def test_weights_back_to_those_of_the_charts_undim_them(qtbot, win):
    cid = win.selected_company()
    qtbot.waitUntil(lambda: shows(win, cid), timeout=10000)
    value = win.session.weights.value
    with qtbot.waitSignal(win.sig_ranking_updated):
        win.weights_panel.sliders["value"].setValue(value + 10)
    assert win.detail.sensitivity.charts["value"].is_stale()
    with qtbot.waitSignal(win.sig_ranking_updated):
        win.weights_panel.sliders["value"].setValue(value)
    qtbot.waitUntil(lambda: not win.detail.sensitivity.is_pending(), timeout=10000)
    assert_direct(win, cid)


def test_nothing_shown_clears_the_charts(qtbot, win):
    qtbot.waitUntil(lambda: win.detail.sensitivity.sweeps() is not None, timeout=10000)
    with qtbot.waitSignal(win.sig_filters_applied):
        win.filters_panel.search.setText("no company is called this")
        win.filters_panel.flush()
    assert win.selected_company() is None
    assert win.detail.sensitivity.sweeps() is None
    assert win.detail.sensitivity.company_id() is None
