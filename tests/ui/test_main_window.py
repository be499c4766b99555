"""The desktop app, driven as a person would: sliders, filters, selection, stars, notes, keys."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from core.models import PROVIDER_ROLES
from core.state import StateStore
from ui import settings as keys
from ui.app import create_window, settings_for
from ui.main_window import MainWindow
from ui.ranking_model import COMPANY_ID_ROLE, SORT_ROLE, Col, RankingModel


@pytest.fixture(scope="module")
def providers(ds) -> set[str]:
    """The companies of the default universe: a provider's role in a mention, or a funding event."""
    return {c.id for c in ds.companies if set(ds.roles_of(c.id)) & set(PROVIDER_ROLES) or ds.funding_of(c.id)}


@pytest.fixture
def state_dir(tmp_path):
    return tmp_path / "state"


def open_window(qtbot, ds, state_dir) -> MainWindow:
    w, notices = create_window(ds, state_dir)
    assert notices == []
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitActive(w)
    return w


@pytest.fixture
def win(qtbot, ds, state_dir):
    w = open_window(qtbot, ds, state_dir)
    yield w
    w.close()
    if w.store is not None:
        w.store.close()


def shown(w: MainWindow) -> list[str]:
    return w.visible_ids()


def set_slider(qtbot, w: MainWindow, key: str, value: int) -> None:
    with qtbot.waitSignal(w.sig_ranking_updated, timeout=2000):
        w.weights_panel.sliders[key].setValue(value)


def test_moving_a_slider_reranks(qtbot, win):
    before = shown(win)
    set_slider(qtbot, win, "difficulty", 100)  # difficulty becomes a moat
    after = shown(win)
    assert after != before
    assert win.ranking.weights.difficulty == 100
    assert win.weights_panel.spins["difficulty"].value() == 100  # slider and spin box agree
    # the table shows the ranking's order
    assert after == [str(win.ranking.table.ids[i]) for i in win.ranking.order]
    # rank changes show in the delta column
    deltas = [win.model.index(r, Col.DELTA).data() for r in range(win.model.rowCount())]
    assert any(d.startswith("▲") for d in deltas) and any(d.startswith("▼") for d in deltas)


def test_spin_box_drives_the_slider_too(qtbot, win):
    with qtbot.waitSignal(win.sig_ranking_updated):
        win.weights_panel.spins["funding"].setValue(-40)
    assert win.weights_panel.sliders["funding"].value() == -40
    assert win.ranking.weights.funding == -40


def test_selected_company_survives_a_rerank(qtbot, win):
    assert win.select_company("fancytech")
    row_before = win.table.currentIndex().row()
    set_slider(qtbot, win, "value", -100)
    set_slider(qtbot, win, "funding", 100)
    assert win.selected_company() == "fancytech"
    ix = win.table.currentIndex()
    assert ix.data(COMPANY_ID_ROLE) == "fancytech"
    assert ix.row() != row_before
    assert win.table.selectionModel().isRowSelected(ix.row())
    assert win.table.viewport().rect().intersects(win.table.visualRect(ix))  # still in view
    assert "FancyTech" in win.detail.title.text()


def test_coalesced_slider_moves_compute_only_the_latest(qtbot, win):
    calls = []
    win.sig_ranking_updated.connect(lambda: calls.append(win.ranking.weights.value))
    with qtbot.waitSignal(win.sig_ranking_updated):
        for v in range(-100, 101, 5):
            win.weights_panel.sliders["value"].setValue(v)
    qtbot.wait(50)
    assert calls == [100]


@pytest.mark.parametrize(
    ("setup", "check"),
    [
        (lambda p: p.search.setText("MarsCode"), lambda ids, ds: ids == ["bytedance"]),
        (lambda p: p.search.setText("copilot"), lambda ids, ds: ids == ["microsoft"]),
        (lambda p: p.search.setText("智谱"), lambda ids, ds: ids == ["zhipu_ai"]),
        (
            lambda p: p.country.setCurrentIndex(p.country.findData("US")),
            lambda ids, ds: ids and all(ds.company_by_id[i].country == "US" for i in ids),
        ),
        (
            lambda p: p.scenario.setCurrentIndex(p.scenario.findData("Code R&D")),
            lambda ids, ds: ids and all({"1.1.1", "1.1.2"} & set(ds.segments_of(i)) for i in ids),
        ),
        (
            lambda p: p.industry.setCurrentIndex(p.industry.findData("Finance")),
            lambda ids, ds: ids and all({"1.1.1", "1.2.1", "1.3.1"} & set(ds.segments_of(i)) for i in ids),
        ),
        (
            lambda p: p.role.setCurrentIndex(p.role.findData("vendor")),
            lambda ids, ds: ids and all("vendor" in ds.roles_of(i) for i in ids),
        ),
        (
            lambda p: p.funded_only.setChecked(True),
            lambda ids, ds: 0 < len(ids) < 30 and "augment" in ids and "icbc" not in ids,
        ),
        (
            lambda p: p.kind.setCurrentIndex(p.kind.findData("startup")),
            lambda ids, ds: ids and all(ds.company_by_id[i].kind == "startup" for i in ids),
        ),
    ],
)
def test_each_filter_narrows_the_rows(qtbot, win, ds, providers, setup, check):
    with qtbot.waitSignal(win.sig_filters_applied, timeout=2000):
        setup(win.filters_panel)
    ids = shown(win)
    assert len(ids) < len(providers)
    assert check(ids, ds)
    assert f"Showing {len(ids)} of {len(providers)}" in win.count_label.text()
    with qtbot.waitSignal(win.sig_filters_applied):
        win.filters_panel.clear()
    assert set(shown(win)) == providers


def test_segment_map_click_filters_the_table(qtbot, win, ds):
    with qtbot.waitSignal(win.sig_filters_applied):
        win.segment_map.sig_segment_clicked.emit("1.4.1")
    ids = shown(win)
    assert ids and all("1.4.1" in ds.segments_of(i) for i in ids)
    assert win.filters_panel.segment.currentData() == "1.4.1"
    assert win.segment_map.selected() == "1.4.1"


def test_selecting_a_company_fills_the_detail_with_its_quotes(qtbot, win, ds):
    win.select_company("bytedance")
    text = win.detail.body.toPlainText()
    mentions = ds.mentions_by_company["bytedance"]
    assert len(mentions) >= 4
    for m in mentions:
        assert m.quote.replace("\n", "") in text.replace("\n", "")
        assert f"§{m.segment}" in text
    assert "字节跳动" in win.detail.title.text() and "ByteDance" in win.detail.title.text()
    assert "★★★★★" in text  # star ratings drawn as stars
    # funding timeline with amount as written and ≈ USD
    win.select_company("fancytech")
    text = win.detail.body.toPlainText()
    assert "近亿元" in text and "≈ $13.2M" in text and "DCM" in text


def test_arrow_keys_move_and_the_detail_follows(qtbot, win):
    win.select_company(shown(win)[0])
    win.table.setFocus()
    qtbot.keyClick(win.table, Qt.Key.Key_Down)
    second = shown(win)[1]
    assert win.selected_company() == second
    assert win.detail.company_id() == second


def test_space_stars_persists_and_undoes(qtbot, ds, state_dir):
    w = open_window(qtbot, ds, state_dir)
    w.select_company("replit")
    w.table.setFocus()
    qtbot.keyClick(w.table, Qt.Key.Key_Space)
    assert "replit" in w.shortlist()
    assert w.model.index(w.model.row_of("replit"), Col.STAR).data() == "★"
    assert w.detail.star.isChecked()
    assert "Shortlist: 1" in w.count_label.text()
    w.undo_stack.undo()
    assert "replit" not in w.shortlist()
    w.undo_stack.redo()
    assert w.store.shortlist() == {"replit"}
    w.close()
    w.store.close()
    # a new session sees the star
    w2 = open_window(qtbot, ds, state_dir)
    assert w2.shortlist() == {"replit"}
    assert w2.model.index(w2.model.row_of("replit"), Col.STAR).data() == "★"
    # and the shortlist-only filter shows just it
    with qtbot.waitSignal(w2.sig_filters_applied):
        w2.filters_panel.shortlist_only.setChecked(True)
    assert shown(w2) == ["replit"]
    w2.close()
    w2.store.close()


def test_clicking_the_star_column_toggles(qtbot, win):
    row = win.model.row_of("augment")
    rect = win.table.visualRect(win.model.index(row, Col.STAR))
    qtbot.mouseClick(win.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert "augment" in win.shortlist()


def test_notes_are_saved_as_typed(qtbot, win):
    win.select_company("abridge")
    qtbot.keyClicks(win.detail.notes, "Meet in Q1")
    qtbot.waitUntil(lambda: win.store.note("abridge") == "Meet in Q1", timeout=3000)
    win.select_company("augment")
    assert win.detail.notes.toPlainText() == ""
    win.select_company("abridge")
    assert win.detail.notes.toPlainText() == "Meet in Q1"


def test_weights_undo_in_one_step_per_gesture(qtbot, win):
    start = win.ranking.weights
    for v in (10, 20, 30):  # one slider moved step by step: one undo step
        set_slider(qtbot, win, "value", v)
    assert win.undo_stack.count() == 1
    with qtbot.waitSignal(win.sig_ranking_updated):
        win.weights_panel.spins["funding"].setValue(80)  # another control: a step of its own
    assert win.undo_stack.count() == 2
    with qtbot.waitSignal(win.sig_ranking_updated):
        win.undo_stack.undo()
    assert win.ranking.weights.funding == start.funding and win.ranking.weights.value == 30
    with qtbot.waitSignal(win.sig_ranking_updated):
        win.undo_stack.undo()
    assert win.ranking.weights == start
    assert win.weights_panel.sliders["value"].value() == start.value


def test_undoing_a_policy_change_shows_every_company_again(qtbot, win, providers):
    panel = win.weights_panel
    with qtbot.waitSignal(win.sig_ranking_updated):
        panel.policy_combo.setCurrentIndex(panel.policy_combo.findData("exclude"))
    assert win.model.visible_count() < len(providers)
    with qtbot.waitSignal(win.sig_ranking_updated):
        win.undo_stack.undo()
    assert win.ranking.policy == "zero" and win.model.visible_count() == len(providers)


def test_delta_shows_the_effect_of_a_whole_drag(qtbot, win):
    jump = rank_moves(qtbot, win, [100])
    win.undo_stack.undo()
    qtbot.waitUntil(lambda: win.ranking.weights.funding == 50)
    steps = rank_moves(qtbot, win, [60, 70, 80, 90, 100])
    assert steps == jump  # the same total effect, however the slider got there


def rank_moves(qtbot, w, values) -> dict[str, str]:
    for v in values:
        set_slider(qtbot, w, "funding", v)
    return {w.model.company_id(r): w.model.index(r, Col.DELTA).data() for r in range(w.model.rowCount())}


def test_search_ignores_spaces_and_case(qtbot, win):
    with qtbot.waitSignal(win.sig_filters_applied, timeout=2000):
        win.filters_panel.search.setText("智谱 ai")
    assert shown(win) == ["zhipu_ai"]


def test_size_mode_menu_follows_the_map(qtbot, win):
    win.segment_map.set_size_mode("funding")
    assert win._size_actions["funding"].isChecked() and not win._size_actions["companies"].isChecked()
    win._size_actions["companies"].trigger()
    assert win.segment_map.size_mode() == "companies"
    assert not win._size_actions["funding"].isChecked()


def test_a_busy_store_is_reported_and_nothing_pretends_to_be_saved(qtbot, win, monkeypatch):
    from core.state import StateBusyError

    def busy(*_a, **_k):
        raise StateBusyError("Another copy of the app is using your saved data; try again in a moment.")

    monkeypatch.setattr(win.store, "set_shortlisted", busy)
    win.select_company("pika")
    count = win.undo_stack.count()
    win.toggle_current_star()
    assert "pika" not in win.shortlist()
    assert (
        win.undo_stack.count() == count
        or not win.undo_stack.canUndo()
        or win.undo_stack.command(count - 1) is None
    )
    assert "not saved" in win.statusBar().currentMessage()
    monkeypatch.setattr(win.store, "set_note", busy)
    qtbot.keyClicks(win.detail.notes, "kept on screen")
    qtbot.waitUntil(lambda: "Not saved" in win.detail.saved_label.text(), timeout=3000)
    assert win.detail.notes.toPlainText() == "kept on screen"
    # the unsaved note is kept: switching company and back shows it, and it is saved once the
    # store answers again
    win.select_company("augment")
    win.select_company("pika")
    assert win.detail.notes.toPlainText() == "kept on screen"
    monkeypatch.undo()
    assert win._retry_notes()
    assert win.store.note("pika") == "kept on screen"
    for b in QApplication.topLevelWidgets():
        if b.inherits("QMessageBox"):
            b.close()


def test_presets_missing_policy_and_reset(qtbot, win, providers):
    panel = win.weights_panel
    idx = panel.preset_combo.findText("Follow the money")
    with qtbot.waitSignal(win.sig_ranking_updated):
        panel.preset_combo.setCurrentIndex(idx)
        panel.preset_combo.activated.emit(idx)
    assert win.ranking.weights.funding == 100
    with qtbot.waitSignal(win.sig_ranking_updated):
        panel.policy_combo.setCurrentIndex(panel.policy_combo.findData("exclude"))
    assert win.ranking.policy == "exclude"
    assert win.model.visible_count() < len(providers)  # companies without funding figures left out
    assert "exclude" in win.policy_label.text()
    with qtbot.waitSignal(win.sig_ranking_updated):
        panel.reset()
    assert win.ranking.policy == "zero" and win.model.visible_count() == len(providers)
    assert panel.preset_combo.currentText() == "Balanced"
    with qtbot.waitSignal(win.sig_ranking_updated):
        panel.sliders["value"].setValue(3)
    assert panel.preset_combo.currentText() == "Custom"


def test_all_zero_weights_are_handled(qtbot, win):
    for k in ("value", "difficulty", "funding"):
        if win.weights_panel.sliders[k].value() != 0:
            set_slider(qtbot, win, k, 0)
    assert "All weights are zero" in win.policy_label.text()
    # every company ties at 0.0 and shares rank 1, listed in the order inside a tie: more quoted
    # evidence first (then disclosed capital, then name)
    ids = shown(win)
    assert ids == [str(win.ranking.table.ids[i]) for i in win.ranking.order]
    assert {win.model.index(r, Col.RANK).data() for r in range(win.model.rowCount())} == {"1="}
    evidence = [int(win.signals.evidence[win.signals.row_of[i]]) for i in ids]
    assert evidence == sorted(evidence, reverse=True) and evidence[0] > evidence[-1]


def test_saved_profiles(qtbot, win, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    set_slider(qtbot, win, "value", 77)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("My view", True))
    win.weights_panel._on_save_profile()
    assert "My view" in win.store.profiles()
    assert win.weights_panel.preset_combo.currentText() == "My: My view"


def test_ctrl_f_focuses_search(qtbot, win):
    win.table.setFocus()
    qtbot.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.filters_panel.search)


def test_sorting_inside_the_model_and_back_to_score_order(qtbot, win):
    win.select_company("openai")
    win.table.sortByColumn(Col.NAME, Qt.SortOrder.AscendingOrder)
    names = [win.dataset.company_by_id[cid].name.casefold() for cid in shown(win)]
    assert names == sorted(names)
    win.table.sortByColumn(Col.SCORE, Qt.SortOrder.AscendingOrder)
    scores = [win.model.index(r, Col.SCORE).data(SORT_ROLE) for r in range(win.model.rowCount())]
    assert scores == sorted(scores)
    assert win.selected_company() == "openai"
    assert win.table.currentIndex().data(COMPANY_ID_ROLE) == "openai"
    win.table.sortByColumn(Col.DISCLOSED, Qt.SortOrder.DescendingOrder)
    assert shown(win)[0] == "openai"  # 10亿美元, the largest disclosed figure
    win.score_order()
    assert shown(win) == [str(win.ranking.table.ids[i]) for i in win.ranking.order]


def test_settings_persist_across_restarts(qtbot, ds, state_dir):
    w = open_window(qtbot, ds, state_dir)
    set_slider(qtbot, w, "funding", -25)
    with qtbot.waitSignal(w.sig_universe_changed):
        w.filters_panel.universe_buttons["all"].click()
    with qtbot.waitSignal(w.sig_filters_applied):
        w.filters_panel.country.setCurrentIndex(w.filters_panel.country.findData("CN"))
    w.resize(790, 560)
    w.main_splitter.setSizes([330, 250, 200])
    sizes = w.main_splitter.sizes()
    w.close()
    w.store.close()
    w2 = open_window(qtbot, ds, state_dir)
    assert w2.ranking.weights.funding == -25
    assert w2.weights_panel.sliders["funding"].value() == -25
    assert w2.filters_panel.filters().countries == {"CN"}
    assert w2.session.universe == "all" and w2.filters_panel.universe_buttons["all"].isChecked()
    assert set(shown(w2)) == {c.id for c in ds.companies if c.country == "CN"}
    assert (w2.width(), w2.height()) == (790, 560)
    assert w2.main_splitter.sizes() == sizes
    w2.close()
    w2.store.close()


def test_settings_live_in_the_test_folder_not_the_users(state_dir):
    s = settings_for(state_dir)
    assert str(state_dir) in s.fileName()
    assert s.format() == QSettings.Format.IniFormat


def test_typed_settings_round_trip_and_fall_back_to_their_defaults(state_dir):
    from core.filters import Filters
    from core.scoring import DEFAULT_MISSING, DEFAULT_PRESET, PRESETS
    from ui import settings as keys

    s = settings_for(state_dir)
    keys.WEIGHTS.write(s, PRESETS["moat"])
    keys.POLICY.write(s, "neutral")
    keys.FILTERS.write(s, Filters(countries=frozenset({"CN"}), funded_only=True))
    keys.SELECTED.write(s, "augment")
    s.sync()
    again = settings_for(state_dir)
    assert keys.WEIGHTS.read(again) == PRESETS["moat"]
    assert keys.POLICY.read(again) == "neutral"
    assert keys.FILTERS.read(again) == Filters(countries=frozenset({"CN"}), funded_only=True)
    assert keys.SELECTED.read(again) == "augment"
    # a value another version wrote, or a damaged one, reads as the default
    again.setValue(keys.WEIGHTS.key, '{"value": 500}')
    again.setValue(keys.POLICY.key, "sometimes")
    again.setValue(keys.FILTERS.key, "not json")
    again.setValue(keys.WINDOW_GEOMETRY.key, "not bytes")
    assert keys.WEIGHTS.read(again) == PRESETS[DEFAULT_PRESET]
    assert keys.POLICY.read(again) == DEFAULT_MISSING
    assert keys.FILTERS.read(again) == Filters()
    assert keys.WINDOW_GEOMETRY.read(again).isEmpty()
    assert len({k.key for k in keys.ALL}) == len(keys.ALL)  # each key declared once


def test_weights_saved_before_the_value_sub_weights_keep_their_preset(state_dir):
    from core.scoring import PRESETS
    from ui import settings as keys

    s = settings_for(state_dir)
    old_subs = ',"logic":1,"compute":1,"corpus":1,"capital":1,"valuation":1,"recency":1,"stage":1}'
    s.setValue(keys.WEIGHTS.key, '{"value":40,"difficulty":80,"funding":30' + old_subs)
    assert keys.WEIGHTS.read(s) == PRESETS["moat"]  # the old moat reads as today's moat
    # sub-weights the user had changed are the user's: kept as they were
    s.setValue(keys.WEIGHTS.key, '{"value":40,"difficulty":80,"funding":30,"capital":5}')
    w = keys.WEIGHTS.read(s)
    assert (w.value, w.capital, w.market, w.traction) == (
        40,
        5,
        PRESETS["moat"].market,
        PRESETS["moat"].traction,
    )


def test_signals_blocked_restores_what_was_there(qtbot):
    from PySide6.QtWidgets import QLineEdit

    from ui.qt_utils import signals_blocked

    a, b = QLineEdit(), QLineEdit()
    seen = []
    a.textChanged.connect(seen.append)
    b.blockSignals(True)
    with signals_blocked(a, b):
        a.setText("quiet")
        with signals_blocked(a):
            a.setText("still quiet")
        a.setText("quiet too")
    assert seen == [] and not a.signalsBlocked() and b.signalsBlocked()
    a.setText("heard")
    assert seen == ["heard"]
    with pytest.raises(ValueError), signals_blocked(a):
        raise ValueError
    assert not a.signalsBlocked()


def test_model_passes_qt_model_tester(qtmodeltester, ds):
    from core.scoring import PRESETS, rank
    from core.signals import build_signals

    table = build_signals(ds)
    model = RankingModel(ds, rank(table, PRESETS["balanced"]))
    qtmodeltester.check(model)
    model.set_ranking(rank(table, PRESETS["moat"]))
    model.sort(Col.NAME, Qt.SortOrder.DescendingOrder)
    model.set_shortlist({"augment", "openai"})
    qtmodeltester.check(model)


def test_app_starts_and_closes_cleanly(qtbot, ds, state_dir, providers):
    w = open_window(qtbot, ds, state_dir)
    assert w.model.rowCount() == len(providers)
    assert w.windowTitle().startswith("AIGC Screener")
    assert w.close()
    w.store.close()
    assert StateStore.open(state_dir).notices == []


# --- export -------------------------------------------------------------------------------


def test_export_the_shortlist_from_the_window(qtbot, win, tmp_path):
    import openpyxl

    for cid in ("openai", "abridge"):
        win.select_company(cid)
        win.toggle_current_star()
    win.select_company("openai")
    qtbot.keyClicks(win.detail.notes, "Ask about margins")
    out = tmp_path / "memo.xlsx"
    with qtbot.waitSignal(win.sig_export_finished, timeout=10000) as sig:
        win.export_memo(out)  # the note typed a moment ago is flushed first
    assert sig.args == [str(out), ""]
    ws = openpyxl.load_workbook(out)["Shortlist"]
    assert {ws.cell(5, 2).value, ws.cell(6, 2).value} == {"OpenAI", "Abridge"}
    header = {ws.cell(4, c).value: c for c in range(1, ws.max_column + 1)}
    note_col = next(c for h, c in header.items() if h and "note" in str(h).lower())
    notes = {ws.cell(r, 2).value: ws.cell(r, note_col).value for r in (5, 6)}
    assert notes["OpenAI"] == "Ask about margins"
    # starring put both in the pipeline at Screening: the sheet says so beside the note
    stage_col = header["Stage"]
    assert {ws.cell(r, stage_col).value for r in (5, 6)} == {"Screening"}
    assert str(out) in win.statusBar().currentMessage()
    assert win.settings.value("export/folder") == str(tmp_path)


def test_export_with_an_empty_shortlist_asks_for_top_n(qtbot, win, tmp_path, monkeypatch):
    import openpyxl
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    out = tmp_path / "top"
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (4, True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "Excel workbook (*.xlsx)"))
    with qtbot.waitSignal(win.sig_export_finished, timeout=10000) as sig:
        win.export_action.trigger()
    assert sig.args[0] == str(out) + ".xlsx"
    wb = openpyxl.load_workbook(sig.args[0])
    assert [wb["Shortlist"].cell(r, 1).value for r in range(5, 9)] == [1, 2, 3, 4]
    from exports.memo import FIXED_SHEETS

    assert len(wb.sheetnames) == len(FIXED_SHEETS) + 4  # one sheet per company


def test_export_failure_is_reported_and_loses_nothing(qtbot, win, tmp_path):
    target = tmp_path / "no such folder" / "memo.xlsx"
    with qtbot.waitSignal(win.sig_export_finished, timeout=10000) as sig:
        win.export_memo(target, top_n=3)
    assert sig.args[0] == "" and "does not exist" in sig.args[1]
    assert "Export failed" in win.statusBar().currentMessage()
    assert win.export_action.isEnabled()
    boxes = [
        b for b in QApplication.topLevelWidgets() if b.windowTitle() == "Memo not saved" and b.isVisible()
    ]
    assert boxes
    for b in boxes:
        b.close()


def test_closing_during_an_export_waits_and_leaves_no_half_file(qtbot, ds, state_dir, tmp_path, monkeypatch):
    import openpyxl

    real = openpyxl.Workbook.save

    def slow(self, fh):
        import time

        time.sleep(0.5)
        real(self, fh)

    monkeypatch.setattr(openpyxl.Workbook, "save", slow)
    w = open_window(qtbot, ds, state_dir)
    w.export_memo(tmp_path / "m.xlsx", top_n=3)
    assert w._export_thread.isRunning()
    w.close()  # must not abort the process; the export is cancelled or finished, never half
    assert not w._export_thread.isRunning()
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []
    if (tmp_path / "m.xlsx").exists():
        openpyxl.load_workbook(tmp_path / "m.xlsx")
    w.store.close()


def test_large_universes_rank_in_a_thread_and_keep_only_the_latest(qtbot, ds, state_dir, monkeypatch):
    from core import session

    monkeypatch.setattr(session, "ASYNC_RANK_MIN", 0)  # the path a 50,000+ universe takes
    w = open_window(qtbot, ds, state_dir)
    w.select_company("fancytech")
    seen = []
    w.sig_ranking_updated.connect(lambda: seen.append(w.ranking.weights.value))
    for v in range(-100, 101, 10):
        w.weights_panel.sliders["value"].setValue(v)
    qtbot.waitUntil(lambda: w.ranking.weights.value == 100 and not w._rank_busy, timeout=5000)
    assert seen[-1] == 100 and len(seen) < 21  # intermediate values were skipped, never queued
    assert w.selected_company() == "fancytech"
    assert w.visible_ids() == [str(w.ranking.table.ids[i]) for i in w.ranking.order]
    with qtbot.waitSignal(w.sig_stability_filled, timeout=5000):
        pass
    assert w.model.index(0, Col.STABILITY).data().endswith("%")
    w.close()
    w.store.close()


def test_undo_while_a_ranking_is_computed_keeps_the_history(qtbot, ds, state_dir, monkeypatch):
    from core import session

    monkeypatch.setattr(session, "ASYNC_RANK_MIN", 0)
    w = open_window(qtbot, ds, state_dir)
    panel = w.weights_panel
    with qtbot.waitSignal(w.sig_ranking_updated, timeout=5000):
        panel.spins["value"].setValue(10)  # a committed step
    panel.sig_gesture_started.emit()
    panel.spins["funding"].setValue(90)  # a new step, its ranking still being computed ...
    w.undo_stack.undo()  # ... when the user undoes
    qtbot.waitUntil(lambda: not w._rank_busy and not w._rank_pending, timeout=5000)
    qtbot.wait(50)
    assert (w.ranking.weights.value, w.ranking.weights.funding) == (
        panel.spins["value"].value(),
        panel.spins["funding"].value(),
    )
    assert w.undo_stack.canRedo() or w.undo_stack.canUndo()
    w.close()
    w.store.close()


# --- universe, kinds, ties ----------------------------------------------------------------


def test_switching_universe_keeps_shortlist_and_notes_and_reranks(qtbot, win, ds, providers):
    assert win.session.universe == "providers" and win.filters_panel.universe_buttons["providers"].isChecked()
    assert set(shown(win)) == providers and "icbc" not in providers  # a bank that only adopts
    assert "Universe: Providers" in win.count_label.text()
    win.select_company("augment")
    win.toggle_current_star()
    win.session.save_note("augment", "Call the founders")
    win.select_company("bytedance")  # both provides and adopts
    before = win.model.rowCount()
    # keyboard: Alt+A chooses adopters
    with qtbot.waitSignal(win.sig_universe_changed, timeout=2000) as blocker:
        qtbot.keyClick(
            win.filters_panel.universe_buttons["adopters"], Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier
        )
    assert blocker.args == ["adopters"]
    adopters = {c.id for c in ds.companies if "adopter" in ds.roles_of(c.id)}
    assert set(shown(win)) == adopters and win.model.rowCount() != before
    assert "icbc" in adopters and "augment" not in adopters
    assert win.ranking.universe == "adopters" and win.session.signals.universe == "adopters"
    assert win.shortlist() == {"augment"} and win.session.note("augment") == "Call the founders"
    assert "Universe: Adopters" in win.count_label.text()
    # the company looked at stays selected where it is in the new universe, and the detail follows
    assert win.selected_company() == "bytedance" and win.detail.company_id() == "bytedance"
    assert " adopters · score " in win.detail.body.toPlainText()
    # ranks are the new universe's: icbc's rank counts adopters only
    icbc = win.model.row_of("icbc")
    assert win.model.index(icbc, Col.RANK).data().rstrip("=") == str(
        win.ranking.rank[win.signals.row_of["icbc"]]
    )
    # all: every company; a company outside the universe shown before is shown now
    with qtbot.waitSignal(win.sig_universe_changed, timeout=2000):
        win.filters_panel.universe_buttons["all"].click()
    assert win.model.rowCount() == len(ds.companies) and win.model.total_count() == len(ds.companies)
    assert win.selected_company() == "bytedance"
    assert keys.UNIVERSE.read(win.settings) == "all"
    # back to providers: the adopter-only bank leaves, a company no longer shown is not selected
    win.select_company("icbc")
    with qtbot.waitSignal(win.sig_universe_changed, timeout=2000):
        win.filters_panel.universe_buttons["providers"].click()
    assert set(shown(win)) == providers
    assert win.selected_company() == shown(win)[0] == win.detail.company_id()
    assert (
        win.shortlist() == {"augment"}
        and win.model.index(win.model.row_of("augment"), Col.STAR).data() == "★"
    )


def test_filters_are_kept_across_universes_and_kinds_follow_the_universe(qtbot, win, ds):
    panel = win.filters_panel
    kinds = {panel.kind.itemData(i) for i in range(1, panel.kind.count())}
    assert "startup" in kinds and "bank" not in kinds  # no bank provides AIGC in the report
    with qtbot.waitSignal(win.sig_filters_applied):
        panel.country.setCurrentIndex(panel.country.findData("CN"))
    with qtbot.waitSignal(win.sig_universe_changed):
        panel.universe_buttons["adopters"].click()
    assert win.session.filters.countries == {"CN"}
    assert shown(win) and all(ds.company_by_id[i].country == "CN" for i in shown(win))
    kinds = {panel.kind.itemData(i) for i in range(1, panel.kind.count())}
    assert "bank" in kinds
    with qtbot.waitSignal(win.sig_filters_applied):
        panel.kind.setCurrentIndex(panel.kind.findData("bank"))
    banks = {
        c.id
        for c in ds.companies
        if c.kind == "bank" and c.country == "CN" and "adopter" in ds.roles_of(c.id)
    }
    assert set(shown(win)) == banks and "icbc" in banks
    assert "kind bank" in win.session.filters.describe()
    # the kind chosen stays chosen when the universe has none of it: nothing shown, nothing lost
    with qtbot.waitSignal(win.sig_universe_changed):
        panel.universe_buttons["providers"].click()
    assert panel.kind.currentData() == "bank" and shown(win) == []


def test_shared_ranks_read_with_equals_and_the_status_bar_names_a_cut_tie(qtbot, win):
    assert not win.tie_label.isVisible()  # providers, balanced: the top 10 end between two scores
    assert win.tie_note() is None
    with qtbot.waitSignal(win.sig_universe_changed):
        win.filters_panel.universe_buttons["adopters"].click()
    note = win.tie_note()
    assert note is not None and note.startswith("Top 10: places ")
    assert win.tie_label.text() == note and win.tie_label.isVisible()
    first, last = (int(x) for x in re.search(r"places (\d+)–(\d+)", note).groups())
    ranks = [win.model.index(r, Col.RANK).data() for r in range(win.model.rowCount())]
    assert first <= 10 < last
    assert ranks[first - 1 : last] == [f"{first}="] * (last - first + 1)  # one shared rank, "="
    assert ranks[first - 2] != f"{first}=" and ranks[last] != f"{first}="
    # the tooltip says who shares it and how the tie is ordered
    tip = win.model.index(first - 1, Col.RANK).data(Qt.ItemDataRole.ToolTipRole)
    assert f"shared with {last - first} other companies" in tip and "quoted sentences" in tip
    # sorting by # keeps the place order: the tie stays in its documented order
    order = shown(win)
    win.table.sortByColumn(Col.RANK, Qt.SortOrder.AscendingOrder)
    assert shown(win) == order == [str(win.ranking.table.ids[i]) for i in win.ranking.order]
    win.table.sortByColumn(Col.RANK, Qt.SortOrder.DescendingOrder)
    assert shown(win) == order[::-1]


def test_a_client_named_in_the_detail_opens_its_own_detail(qtbot, win):
    from PySide6.QtCore import QUrl

    from ui.detail_view import COMPANY_LINK

    assert win.select_company("qihuoshan")
    assert "字节跳动" in win.detail.body.toPlainText()
    win.detail.body.anchorClicked.emit(QUrl(f"{COMPANY_LINK}bytedance"))  # a provider: in the table
    assert win.selected_company() == "bytedance" == win.detail.company_id()
    assert win.select_company("openai")
    win.detail.body.anchorClicked.emit(QUrl(f"{COMPANY_LINK}sanofi"))  # an adopter: not a provider
    assert win.selected_company() == "openai"
    assert "赛诺菲 is not shown" in win.statusBar().currentMessage()
