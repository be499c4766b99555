"""The window an investor works in all day: the detail follows the table, the search leads to
the results, undisclosed values sort last, notes are marked and never emptied by one undo, the
country filter offers "unknown", and the detail pane never breaks a word or a figure."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core.filters import UNKNOWN_COUNTRY, Filters
from core.present import NONE, NOTE_MARK
from core.scoring import PRESETS, rank
from core.signals import build_signals
from ui import settings as keys
from ui.app import create_window
from ui.detail_view import UNDO_EMPTIED, DetailView
from ui.main_window import MainWindow
from ui.ranking_model import SORT_ROLE, Col, RankingModel

EMPTY_TITLE = "No company matches the filters"


@pytest.fixture
def win(qtbot, ds, tmp_path):
    w, notices = create_window(ds, tmp_path / "state")
    assert notices == []
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitActive(w)
    yield w
    w.close()
    if w.store is not None:
        w.store.close()


def shown(w: MainWindow) -> list[str]:
    return w.visible_ids()


def search(qtbot, w: MainWindow, text: str) -> None:
    with qtbot.waitSignal(w.sig_filters_applied, timeout=2000):
        w.filters_panel.search.setText(text)
        w.filters_panel.flush()


def assert_detail_shows_first_row(w: MainWindow) -> None:
    first = shown(w)[0]
    assert w.selected_company() == first
    assert w.detail.company_id() == first
    assert w.table.currentIndex().row() == 0
    assert w.dataset.company(first).name in w.detail.title.text()


# --- the detail follows the table ------------------------------------------------------------


def test_a_search_that_hides_the_company_moves_the_detail_to_the_first_result(qtbot, win):
    win.select_company("augment")
    assert win.detail.company_id() == "augment"
    search(qtbot, win, "Copilot")
    assert "microsoft" in shown(win) and "augment" not in shown(win)
    assert_detail_shows_first_row(win)
    assert "Augment" not in win.detail.title.text()


def test_a_filter_that_hides_the_company_moves_the_detail(qtbot, win, ds):
    undisclosed = next(
        cid for cid in shown(win) if not math.isfinite(win.signals.funding_total_usd[win.signals.row_of[cid]])
    )
    win.select_company(undisclosed)
    with qtbot.waitSignal(win.sig_filters_applied, timeout=2000):
        win.filters_panel.funded_only.setChecked(True)
    assert undisclosed not in shown(win)
    assert_detail_shows_first_row(win)
    # a filter that keeps the company keeps it in the detail
    kept = shown(win)[3]
    win.select_company(kept)
    with qtbot.waitSignal(win.sig_filters_applied, timeout=2000):
        win.filters_panel.country.setCurrentIndex(
            win.filters_panel.country.findData(ds.company(kept).country)
        )
    assert kept in shown(win) and win.detail.company_id() == kept


def test_a_click_on_the_segment_map_moves_the_detail(qtbot, win, ds):
    outside = next(cid for cid in shown(win) if "1.4.1" not in ds.segments_of(cid))
    win.select_company(outside)
    with qtbot.waitSignal(win.sig_filters_applied, timeout=2000):
        win.segment_map.sig_segment_clicked.emit("1.4.1")
    assert outside not in shown(win)
    assert_detail_shows_first_row(win)


def test_switching_universe_moves_the_detail_when_the_company_is_not_in_it(qtbot, win):
    providers = set(shown(win))
    with qtbot.waitSignal(win.sig_universe_changed, timeout=3000):
        win.filters_panel.universe_buttons["adopters"].setChecked(True)
    adopters = set(shown(win))
    provider_only = sorted(providers - adopters)
    assert provider_only
    with qtbot.waitSignal(win.sig_universe_changed, timeout=3000):
        win.filters_panel.universe_buttons["providers"].setChecked(True)
    win.select_company(provider_only[0])
    with qtbot.waitSignal(win.sig_universe_changed, timeout=3000):
        win.filters_panel.universe_buttons["adopters"].setChecked(True)
    assert_detail_shows_first_row(win)


def test_nothing_matching_empties_the_detail_and_clearing_brings_the_first_row(qtbot, win):
    win.select_company("augment")
    search(qtbot, win, "no company is called this")
    assert shown(win) == []
    assert win.selected_company() is None and win.detail.company_id() is None
    assert win.detail.title.text() == EMPTY_TITLE
    assert "Clear filters" in win.detail.body.toPlainText()
    assert not win.detail.notes.isEnabled() and not win.detail.star.isEnabled()
    with qtbot.waitSignal(win.sig_filters_applied, timeout=2000):
        win.filters_panel.clear()
    assert shown(win)
    assert_detail_shows_first_row(win)


def test_restored_filters_matching_nothing_open_on_the_empty_state(qtbot, ds, tmp_path):
    from ui.app import settings_for

    state = tmp_path / "state"
    settings = settings_for(state)
    keys.FILTERS.write(settings, Filters(query="no company is called this"))
    settings.sync()
    w, _ = create_window(ds, state)
    qtbot.addWidget(w)
    assert shown(w) == [] and w.detail.title.text() == EMPTY_TITLE
    w.close()
    w.store.close()


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Down])
def test_enter_or_down_in_the_search_goes_to_the_first_result(qtbot, win, key):
    win.select_company("augment")
    win.filters_panel.focus_search()
    qtbot.keyClicks(win.filters_panel.search, "Copilot")
    qtbot.keyClick(win.filters_panel.search, key)  # applies the search at once, no debounce wait
    assert "microsoft" in shown(win)
    assert QApplication.focusWidget() is win.table
    assert_detail_shows_first_row(win)
    # and ↓ goes on through the results from there
    if len(shown(win)) > 1:
        qtbot.keyClick(win.table, Qt.Key.Key_Down)
        assert win.detail.company_id() == shown(win)[1]


# --- undisclosed values sort last --------------------------------------------------------------

UNDISCLOSED = (NONE, "n/a")


@pytest.mark.parametrize("col", [Col.DISCLOSED, Col.VALUATION, Col.ROUND, Col.FUNDING, Col.COUNTRY])
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_undisclosed_values_sort_last_in_both_orders(qapp, ds, col, order):
    model = RankingModel(ds, rank(build_signals(ds), PRESETS["balanced"], "neutral"))
    model.sort(col, order)
    texts = [model.index(r, col).data() for r in range(model.rowCount())]
    missing = [t in UNDISCLOSED for t in texts]
    assert any(missing) and not all(missing), "the data has both kinds in this column"
    first_missing = missing.index(True)
    assert all(missing[first_missing:]), f"a disclosed value after an undisclosed one ({texts})"
    keys_shown = [model.index(r, col).data(SORT_ROLE) for r in range(first_missing)]
    if col not in (Col.COUNTRY, Col.ROUND):  # (an undated round sorts as the oldest)
        assert all(math.isfinite(k) for k in keys_shown)
    if col != Col.COUNTRY:
        ordered = sorted(keys_shown, reverse=order == Qt.SortOrder.DescendingOrder)
        assert keys_shown == ordered


def test_undisclosed_keep_rank_order_among_themselves(qapp, ds):
    ranking = rank(build_signals(ds), PRESETS["balanced"], "zero")
    model = RankingModel(ds, ranking)
    model.sort(Col.DISCLOSED, Qt.SortOrder.DescendingOrder)
    ids = model.shown_ids()
    tail = [
        cid for cid in ids if not math.isfinite(ranking.table.funding_total_usd[ranking.table.row_of[cid]])
    ]
    assert ids[-len(tail) :] == tail
    positions = [int(ranking.position[ranking.table.row_of[cid]]) for cid in tail]
    assert positions == sorted(positions)


def test_a_stability_not_shown_sorts_last(qapp, ds):
    ranking = rank(build_signals(ds), PRESETS["balanced"], "zero")
    ranking.stability[np.flatnonzero(ranking.included)[:5]] = np.nan  # not computed for these
    model = RankingModel(ds, ranking)
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        model.sort(Col.STABILITY, order)
        texts = [model.index(r, Col.STABILITY).data() for r in range(model.rowCount())]
        assert texts[-5:] == [NONE] * 5 and NONE not in texts[:-5]


# --- notes: a marker in the table, and undo ------------------------------------------------


def test_a_note_marks_the_company_in_the_table(qtbot, win):
    row = win.model.row_of("abridge")
    name = win.model.index(row, Col.NAME)
    assert not name.data().startswith(NOTE_MARK) and not win.model.has_note(row)
    win.select_company("abridge")
    qtbot.keyClicks(win.detail.notes, "Meet the CFO in Q1")
    win.detail.notes.appendPlainText("second line is not in the tooltip")
    win.detail.flush_note()
    name = win.model.index(win.model.row_of("abridge"), Col.NAME)
    assert name.data().startswith(NOTE_MARK + " ") and "Abridge" in name.data()
    assert "Meet the CFO in Q1" in name.data(Qt.ItemDataRole.ToolTipRole)
    assert "second line" not in name.data(Qt.ItemDataRole.ToolTipRole)
    assert win.session.noted == {"abridge"}
    # deleting the text (not an undo) removes the note and its marker
    win.detail.notes.selectAll()
    qtbot.keyClick(win.detail.notes, Qt.Key.Key_Delete)
    win.detail.flush_note()
    assert win.store.note("abridge") == ""
    assert not win.model.index(win.model.row_of("abridge"), Col.NAME).data().startswith(NOTE_MARK)
    assert win.session.noted == frozenset()


def test_notes_are_marked_when_the_window_opens(qtbot, ds, tmp_path):
    w, _ = create_window(ds, tmp_path / "state")
    qtbot.addWidget(w)
    w.session.save_note("augment", "Follow up")
    w.close()
    w.store.close()
    w2, _ = create_window(ds, tmp_path / "state")
    qtbot.addWidget(w2)
    name = w2.model.index(w2.model.row_of("augment"), Col.NAME)
    assert name.data().startswith(NOTE_MARK) and "Follow up" in name.data(Qt.ItemDataRole.ToolTipRole)
    w2.close()
    w2.store.close()


def ctrl_z(qtbot, widget, shift: bool = False) -> None:
    mods = Qt.KeyboardModifier.ControlModifier | (
        Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier(0)
    )
    qtbot.keyClick(widget, Qt.Key.Key_Z, mods)


def test_undo_in_the_notes_goes_back_word_by_word_and_leaves_the_weights(qtbot, win):
    with qtbot.waitSignal(win.sig_ranking_updated):
        win.weights_panel.spins["funding"].setValue(80)
    assert win.undo_stack.index() == 1
    win.select_company("abridge")
    win.detail.notes.setFocus()
    qtbot.keyClicks(win.detail.notes, "call the founder")
    ctrl_z(qtbot, win.detail.notes)
    assert win.detail.notes.toPlainText() == "call the "
    ctrl_z(qtbot, win.detail.notes)
    assert win.detail.notes.toPlainText() == "call "
    assert win.undo_stack.index() == 1 and win.ranking.weights.funding == 80  # the weights stay
    ctrl_z(qtbot, win.detail.notes, shift=True)
    assert win.detail.notes.toPlainText() == "call the "
    # the same key in the table undoes the weights (the shortcut reaches the window)
    win.table.setFocus()
    with qtbot.waitSignal(win.sig_ranking_updated):
        ctrl_z(qtbot, win.table)
    assert win.undo_stack.index() == 0


def test_a_note_is_never_emptied_by_one_undo(qtbot, win):
    win.select_company("abridge")
    win.detail.notes.setFocus()
    qtbot.keyClicks(win.detail.notes, "Passed")  # one word: one undo step
    win.detail.flush_note()
    assert win.store.note("abridge") == "Passed"
    ctrl_z(qtbot, win.detail.notes)
    assert win.detail.notes.toPlainText() == ""  # the editor went back one step…
    assert win.detail.saved_label.text() == UNDO_EMPTIED
    win.detail.flush_note()  # …but nothing is saved over the written note, now or later
    win.select_company("augment")
    assert win.store.note("abridge") == "Passed" and win.session.note("abridge") == "Passed"
    assert "abridge" in win.session.noted
    win.select_company("abridge")
    assert win.detail.notes.toPlainText() == "Passed"
    # redo brings the text back in the editor, and it is kept
    ctrl_z(qtbot, win.detail.notes)
    ctrl_z(qtbot, win.detail.notes, shift=True)
    assert win.detail.notes.toPlainText() == "Passed"
    win.detail.flush_note()
    assert win.store.note("abridge") == "Passed"


def test_an_undo_to_earlier_text_is_saved(qtbot, win):
    win.select_company("abridge")
    win.detail.notes.setFocus()
    qtbot.keyClicks(win.detail.notes, "keep this")
    win.detail.flush_note()
    ctrl_z(qtbot, win.detail.notes)
    assert win.detail.notes.toPlainText() == "keep "
    win.detail.flush_note()
    assert win.store.note("abridge") == "keep "


# --- the country filter offers "unknown" -------------------------------------------------------


def test_unknown_country_can_be_chosen_and_is_remembered(qtbot, win, ds):
    combo = win.filters_panel.country
    no_country = {c.id for c in ds.companies if not c.country}
    assert len(no_country) == 3
    labels = [combo.itemText(i) for i in range(combo.count())]
    unknown = next(i for i, t in enumerate(labels) if t.startswith("Unknown"))
    assert labels[unknown] == "Unknown — 3"
    with qtbot.waitSignal(win.sig_filters_applied, timeout=2000):
        combo.setCurrentIndex(unknown)
    assert win.current_filters().countries == {UNKNOWN_COUNTRY}
    ids = shown(win)
    assert ids and set(ids) <= no_country
    assert win.current_filters().describe() == "country unknown"
    # remembered as chosen
    win.save_settings()
    restored = keys.FILTERS.read(win.settings)
    assert restored.countries == {UNKNOWN_COUNTRY}
    win.filters_panel.clear()
    win.filters_panel.set_filters(restored)
    assert combo.currentIndex() == unknown
    # "All countries" is still every country
    with qtbot.waitSignal(win.sig_filters_applied, timeout=2000):
        combo.setCurrentIndex(0)
    assert win.current_filters().countries == frozenset()


# --- the detail pane never breaks a word or a figure -------------------------------------------


def _lines(block) -> list[str]:
    layout = block.layout()
    text = block.text()
    return [
        text[layout.lineAt(i).textStart() : layout.lineAt(i).textStart() + layout.lineAt(i).textLength()]
        for i in range(layout.lineCount())
    ]


@pytest.mark.parametrize("width", [200, 260])
def test_a_narrow_detail_keeps_words_figures_and_stars_on_one_line(qtbot, ds, width):
    ranking = rank(build_signals(ds), PRESETS["balanced"], "zero")
    view = DetailView()
    qtbot.addWidget(view)
    view.resize(width, 900)
    view.show()
    cid = "fancytech"  # "≈ $13.2M" in its funding
    view.show_company(ds, ranking, ranking.table.row_of[cid], shortlisted=False, note="")
    doc = view.body.document()
    doc.setTextWidth(view.body.viewport().width())
    doc.size()  # lays the document out at that width
    checked = {"Difficulty": 0, "★": 0, "≈ $": 0}
    block = doc.begin()
    while block.isValid():
        lines = _lines(block)
        text = block.text().replace("\xa0", " ")
        for needle in checked:
            if needle in text and len(text) < 30:  # a cell of its own: a name, a rating, a figure
                checked[needle] += 1
                assert len(lines) == 1, f"{text!r} wraps: {lines}"
        # a figure inside a sentence is never cut after its "≈" or its "$"
        assert not any(line.rstrip().endswith(("≈", "$")) for line in lines[:-1]), lines
        for before, after in zip(lines, lines[1:], strict=False):
            # a line may end inside a text only between words (or CJK characters)
            if before and after:
                assert not (
                    before[-1].isascii()
                    and before[-1].isalnum()
                    and after[0].isascii()
                    and after[0].isalnum()
                ), f"a word broken: {before!r} / {after!r}"
        block = block.next()
    assert all(checked.values()), checked
