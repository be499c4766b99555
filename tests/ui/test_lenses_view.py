"""The Lenses tab and the robust/Pareto badges of the table: the numbers are core.lenses' for the
session, computed off the UI thread, again when the universe, the policy or the profiles change
and never on a slider move."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core import present
from core.lenses import DEFAULT_TOP_N
from core.scoring import PRESETS, Weights
from tests.ui.test_main_window import set_slider
from ui.lenses_view import COMPANY, FIXED_COLUMNS, PARETO, ROBUST, TOP
from ui.ranking_model import COMPANY_ID_ROLE, Col


def wait_lenses(qtbot, w, top_n: int | None = None, policy: str | None = None):
    """Wait until the window shows the lenses of its session (the job runs in a thread)."""

    def ready() -> bool:
        r = w.lens_result
        return (
            r is not None
            and not w.lenses_view.is_computing()
            and r.table is w.session.signals
            and (top_n is None or r.top_n == top_n)
            and (policy is None or r.policy == policy)
        )

    qtbot.waitUntil(ready, timeout=10000)
    return w.lens_result


def lens_cells(w) -> dict[str, list[str]]:
    """The Lenses tab's cells by company id: its rank text under each lens."""
    m = w.lenses_view.model
    return {
        m.index(r, COMPANY).data(COMPANY_ID_ROLE): [
            m.index(r, c).data() for c in range(FIXED_COLUMNS, m.columnCount())
        ]
        for r in range(m.rowCount())
    }


def test_the_lenses_tab_shows_the_ranks_core_lenses_gives(qtbot, win):
    result = wait_lenses(qtbot, win)
    expected = win.session.lenses(top_n=DEFAULT_TOP_N)  # computed here, on this thread
    assert [lens.name for lens in result.lenses] == [lens.name for lens in expected.lenses] == list(PRESETS)
    m = win.lenses_view.model
    headers = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(FIXED_COLUMNS, m.columnCount())]
    assert headers == [present.lens_short(name) for name in PRESETS]
    cells = lens_cells(win)
    ranked = {str(expected.table.ids[i]) for i in np.flatnonzero((expected.ranks > 0).any(axis=1))}
    assert set(cells) == ranked and len(ranked) > 20
    t = expected.table
    for cid, texts in cells.items():
        i = t.row_of[cid]
        want = []
        for j in range(len(expected.lenses)):
            rank = int(expected.ranks[i, j])
            shared = rank > 0 and int((expected.ranks[:, j] == rank).sum()) > 1
            want.append(present.rank_text(rank, shared))
        assert texts == want, cid
        row = m.row_of(cid)
        assert m.index(row, TOP).data() == f"{int(expected.in_top[i].sum())}/{len(expected.lenses)}"
        assert (m.index(row, ROBUST).data() == present.ROBUST_MARK) == bool(expected.robust[i])
        assert (m.index(row, PARETO).data() == present.PARETO_MARK) == bool(expected.pareto[i])
    # a rank equals `rank --preset` (core.scoring.rank) for that preset
    balanced = win.session.lenses().ranks[:, 0]
    from core.scoring import rank

    assert np.array_equal(balanced, rank(t, PRESETS["balanced"], win.session.policy, stability=False).rank)


def test_robust_and_pareto_badges_in_the_table_and_the_tab(qtbot, win):
    wait_lenses(qtbot, win)
    win.lenses_view.top_n.setValue(25)  # a threshold under which some companies are robust
    result = wait_lenses(qtbot, win, top_n=25)
    expected = win.session.lenses(top_n=25)
    assert np.array_equal(result.robust, expected.robust) and np.array_equal(result.pareto, expected.pareto)
    assert expected.robust.any() and expected.pareto.any() and not expected.robust.all()
    seen_robust = seen_pareto = 0
    for r in range(win.model.rowCount()):
        i = win.ranking.table.row_of[win.model.company_id(r)]
        name = win.model.index(r, Col.NAME).data()
        assert (present.ROBUST_MARK in name) == bool(expected.robust[i]), name
        assert (present.PARETO_MARK in name) == bool(expected.pareto[i]), name
        tip = win.model.index(r, Col.NAME).data(Qt.ItemDataRole.ToolTipRole) or ""
        if expected.robust[i]:
            seen_robust += 1
            assert "Robust: in the top 25 under every lens" in tip
        if expected.pareto[i]:
            seen_pareto += 1
            assert "Pareto-optimal" in tip
    assert seen_robust == int(expected.robust.sum()) and seen_pareto == int(expected.pareto.sum())
    assert f"{int(expected.robust.sum())} robust" in win.lenses_view.status.text()
    # the robust column sorts them first
    win.lenses_view.table.sortByColumn(ROBUST, Qt.SortOrder.AscendingOrder)
    m = win.lenses_view.model
    marks = [m.index(r, ROBUST).data() == present.ROBUST_MARK for r in range(m.rowCount())]
    assert marks == sorted(marks, reverse=True) and marks[0]


def test_sorting_a_lens_column_puts_the_unranked_last(qtbot, win):
    wait_lenses(qtbot, win, policy="zero")
    # a lens without funding ranks the companies that disclose none; Balanced leaves them out
    win.store.save_profile("Value only", Weights(value=100, difficulty=0, funding=0))
    win.weights_panel.sig_profiles_changed.emit()
    with qtbot.waitSignal(win.sig_ranking_updated):
        win.weights_panel.policy_combo.setCurrentIndex(win.weights_panel.policy_combo.findData("exclude"))
    result = wait_lenses(qtbot, win, policy="exclude")
    assert len(result.lenses) == len(PRESETS) + 1
    shown = np.flatnonzero((result.ranks > 0).any(axis=1))
    assert (result.ranks[shown, 0] == 0).any()  # shown, but not ranked under Balanced
    view, m = win.lenses_view, win.lenses_view.model
    view.follow_filters.setChecked(False)
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        view.table.sortByColumn(FIXED_COLUMNS, order)  # Balanced
        ranks = [int(result.ranks[m.table_row(r), 0]) for r in range(m.rowCount())]
        ranked = [x for x in ranks if x > 0]
        assert ranked == sorted(ranked, reverse=order == Qt.SortOrder.DescendingOrder)
        assert ranks[len(ranked) :] == [0] * (len(ranks) - len(ranked))  # "—" last either way
        assert m.index(m.rowCount() - 1, FIXED_COLUMNS).data() == present.NONE


def test_a_slider_move_does_not_recompute_the_lenses_but_a_profile_does(qtbot, win):
    first = wait_lenses(qtbot, win)
    set_slider(qtbot, win, "value", 90)
    set_slider(qtbot, win, "funding", -30)
    qtbot.wait(400)  # longer than the lenses' idle delay: nothing is due
    assert win.lens_result is first and not win.lenses_view.is_computing()
    win.store.save_profile("Contrarian", Weights(value=-40, difficulty=60, funding=-20))
    win.weights_panel.sig_profiles_changed.emit()
    qtbot.waitUntil(
        lambda: win.lens_result is not first and not win.lenses_view.is_computing(), timeout=10000
    )
    names = [lens.name for lens in win.lens_result.lenses]
    assert names == [*PRESETS, "profile:Contrarian"]
    m = win.lenses_view.model
    assert m.headerData(m.columnCount() - 1, Qt.Orientation.Horizontal) == "Contrarian"
    expected = win.session.lenses()
    assert np.array_equal(win.lens_result.ranks, expected.ranks)


def test_another_universe_gets_its_own_lenses(qtbot, win):
    first = wait_lenses(qtbot, win)
    with qtbot.waitSignal(win.sig_universe_changed):
        win.filters_panel.universe_buttons["adopters"].click()
    result = wait_lenses(qtbot, win)
    assert result is not first and result.table is win.session.signals
    assert np.array_equal(result.ranks, win.session.lenses().ranks)
    adopters = {str(result.table.ids[i]) for i in np.flatnonzero(result.table.in_universe)}
    assert set(lens_cells(win)) <= adopters


def test_the_tab_follows_the_filters_and_moves_the_selection(qtbot, win, ds):
    wait_lenses(qtbot, win)
    with qtbot.waitSignal(win.sig_filters_applied):
        win.filters_panel.country.setCurrentIndex(win.filters_panel.country.findData("CN"))
    ids = set(lens_cells(win))
    assert ids and all(ds.company_by_id[cid].country == "CN" for cid in ids)
    assert f"Showing {len(ids):,} of" in win.lenses_view.status.text()
    win.lenses_view.follow_filters.setChecked(False)
    assert set(lens_cells(win)) > ids
    win.lenses_view.follow_filters.setChecked(True)
    # View → Lenses (Ctrl+2), then a move in its table shows that company in the window
    win.window_actions.show_lenses.trigger()
    assert win.views.currentWidget() is win.lenses_view
    assert QApplication.focusWidget() is win.lenses_view.table or not win.isActiveWindow()
    m = win.lenses_view.model
    target = m.company_id(m.rowCount() - 1)
    win.lenses_view.table.setCurrentIndex(m.index(m.rowCount() - 1, COMPANY))
    assert win.selected_company() == target
    assert win.detail.company_id() == target
    win.window_actions.show_ranking.trigger()
    assert win.views.currentWidget() is win.table
