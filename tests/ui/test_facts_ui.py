"""The analyst's facts in the window: the Add fact dialog, the detail view's "My facts", undo,
View → Include my facts, the name cell's tooltip, and File → Add companies…'s merge list."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from core import present
from ui.facts_dialog import FactDialog, field_errors
from ui.merge_dialog import MergeDialog
from ui.ranking_model import COMPANY_ID_ROLE, Col

pytestmark = pytest.mark.usefixtures("qtbot")

BIG_ROUND = {
    "kind": "funding",
    "round": "D轮",
    "amount": "50亿美元",
    "date": "2025-06",
    "source": "https://example.com/big-round",
}


def place(win, cid: str) -> int:
    win.score_order()
    row = win.model.row_of(cid)
    assert row is not None
    return row


def low_company(win) -> str:
    """A company shown in the lower half of the table (a big round lifts it)."""
    ids = win.visible_ids()
    return ids[len(ids) * 3 // 4]


def add_through_dialog(qtbot, win, cid: str, values: dict) -> FactDialog:
    assert win.select_company(cid)
    win.window_actions.add_fact.trigger()  # Ctrl+Shift+F
    dialog = win.fact_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.set_values(values)
    with qtbot.waitSignal(win.sig_facts_shown, timeout=10000):
        assert dialog.try_accept()
    return dialog


def test_a_fact_added_in_the_dialog_lifts_the_company_and_is_shown_marked(qtbot, win):
    cid = low_company(win)
    before = place(win, cid)
    add_through_dialog(qtbot, win, cid, BIG_ROUND)
    qtbot.waitUntil(lambda: place(win, cid) < before, timeout=10000)
    (fact,) = win.session.facts(cid)
    assert fact.active and fact.amount == "50亿美元"
    body = win.detail.body.toPlainText()
    assert "My facts" in body
    assert present.analyst_mark(fact.mark) in body  # ✎ my fact #n · source: … · seen … · by …
    assert "https://example.com/big-round" in body
    # the table's name cell says it too
    tip = win.model.index(win.model.row_of(cid), Col.NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert present.MY_FACT_MARK in tip and "big-round" in tip


def test_undo_retires_the_fact_and_redo_restores_it(qtbot, win):
    cid = low_company(win)
    before = place(win, cid)
    add_through_dialog(qtbot, win, cid, BIG_ROUND)
    qtbot.waitUntil(lambda: place(win, cid) < before, timeout=10000)
    with qtbot.waitSignal(win.sig_facts_shown, timeout=10000):
        win.window_actions.undo.trigger()
    (fact,) = win.session.facts(cid)
    assert not fact.active  # retired, never deleted
    qtbot.waitUntil(lambda: place(win, cid) == before, timeout=10000)
    assert "Retired" in win.detail.body.toPlainText()
    with qtbot.waitSignal(win.sig_facts_shown, timeout=10000):
        win.window_actions.redo.trigger()
    assert win.session.facts(cid)[0].active
    qtbot.waitUntil(lambda: place(win, cid) < before, timeout=10000)


def test_include_my_facts_off_gives_the_reports_ranking_back(qtbot, win):
    report_order = win.visible_ids()
    cid = low_company(win)
    add_through_dialog(qtbot, win, cid, BIG_ROUND)
    qtbot.waitUntil(lambda: win.visible_ids() != report_order, timeout=10000)
    action = win.window_actions.include_facts
    assert action.isChecked() and action.shortcut().toString()
    action.trigger()  # off
    qtbot.waitUntil(lambda: win.visible_ids() == report_order, timeout=10000)
    assert win.settings.value("analyst/include_facts") in (False, "false")
    assert "not counted" in win.detail.body.toPlainText().lower()
    action.trigger()  # on again
    qtbot.waitUntil(lambda: win.visible_ids() != report_order, timeout=10000)


def test_a_refused_fact_keeps_what_was_typed_and_names_the_field(qtbot, win):
    cid = low_company(win)
    win.select_company(cid)
    dialog = win.add_fact()
    dialog.set_values({"kind": "funding", "amount": "lots of money", "round": "B轮", "source": ""})
    assert not dialog.try_accept()
    text = dialog.error_text()
    assert "Amount" in text and "lots of money" in text and "Source" in text
    assert dialog.isVisible() and dialog.amount.text() == "lots of money" and dialog.round.text() == "B轮"
    assert win.session.facts(cid) == []
    dialog.set_values({"amount": "5亿元", "source": "report p.12"})
    with qtbot.waitSignal(win.sig_facts_shown, timeout=10000):
        assert dialog.try_accept()
    assert len(win.session.facts(cid)) == 1


def test_the_dialog_shows_the_fields_of_the_kind_and_dates_seen_today(qtbot):
    got = []
    dialog = FactDialog("Acme", got.append)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.values()["seen"] == present_today()
    dialog.set_values({"kind": "client"})
    assert dialog.text.isVisible() and not dialog.amount.isVisible()
    assert "text" in field_errors(dialog.values())
    dialog.set_values({"text": "招商银行", "source": "https://example.com"})
    assert dialog.try_accept()
    assert got[0]["kind"] == "client" and got[0]["text"] == "招商银行" and got[0]["amount"] == ""


def present_today() -> str:
    from datetime import date

    return date.today().isoformat()


def test_retire_from_the_detail_view_and_undo(qtbot, win):
    cid = low_company(win)
    add_through_dialog(qtbot, win, cid, {**BIG_ROUND, "kind": "valuation", "valuation": "80亿美元"})
    (fact,) = win.session.facts(cid)
    with qtbot.waitSignal(win.sig_facts_shown, timeout=10000):
        win.detail.sig_fact_action.emit("retire", fact.id)
    assert not win.session.facts(cid)[0].active
    with qtbot.waitSignal(win.sig_facts_shown, timeout=10000):
        win.undo_stack.undo()
    assert win.session.facts(cid)[0].active


def write_rows(path: Path, rows: list[dict[str, str]]) -> Path:
    cols = list(dict.fromkeys(k for r in rows for k in r))
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, cols)
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in cols})
    return path


def test_add_companies_lists_the_merges_and_cancel_changes_nothing(qtbot, win, tmp_path):
    report = win.dataset
    known = report.companies[0]
    path = write_rows(
        tmp_path / "mine.csv",
        [
            {"id": "mine_1", "name": known.name, "segments": "1.1.2"},
            {"id": "newco", "name": "新公司", "name_en": "NewCo", "country": "CN", "segments": "1.1.2"},
        ],
    )
    shown = win.visible_ids()
    win.window_actions.add_companies.setEnabled(True)
    win.add_companies(path)
    qtbot.waitUntil(lambda: win.merge_dialog is not None, timeout=15000)
    box: MergeDialog = win.merge_dialog
    rows = box.rows()
    assert rows and rows[0][0] == known.name and rows[0][1].startswith(known.name)
    with qtbot.waitSignal(win.sig_add_finished, timeout=5000) as sig:
        box.reject()
    assert sig.args == ["", "cancelled"]
    assert win.dataset is report and win.visible_ids() == shown


def test_add_companies_ok_adds_them(qtbot, win, tmp_path):
    path = write_rows(
        tmp_path / "mine.csv",
        [{"id": "newco", "name": "新公司", "name_en": "NewCo", "country": "CN", "segments": "1.1.2"}],
    )
    n = win.dataset.n_companies
    win.add_companies(path)
    qtbot.waitUntil(lambda: win.merge_dialog is not None, timeout=15000)
    with qtbot.waitSignal(win.sig_add_finished, timeout=15000) as sig:
        win.merge_dialog.accept()
    assert sig.args[1] == ""
    assert win.dataset.n_companies == n + 1
    assert win.settings.value("data/added")  # remembered


def test_the_table_model_passes_the_model_tester(qtmodeltester, win):
    qtmodeltester.check(win.model)
    assert win.model.index(0, Col.NAME).data(COMPANY_ID_ROLE)


def test_companies_added_last_time_are_added_again_at_start_after_a_confirmation(
    qtbot, ds, tmp_path, monkeypatch
):
    """run_app offers the files added last time again (the merge list shown to confirm); one no
    longer there is named in the status bar and forgotten."""
    import ui.app as app_module
    from ui import settings as keys

    state = tmp_path / "state"
    mine = write_rows(
        tmp_path / "mine.csv",
        [{"id": "newco", "name": "新公司", "name_en": "NewCo", "country": "CN", "segments": "1.1.2"}],
    )
    settings = app_module.settings_for(state)
    keys.ADDED_FILES.write(settings, [str(mine), str(tmp_path / "gone.csv")])
    settings.sync()
    made = []
    real_create = app_module.create_window

    def create(dataset, state_path=None):
        window, notices = real_create(dataset, state_path)
        qtbot.addWidget(window)
        made.append(window)
        return window, notices

    class FakeApp:
        def exec(self) -> int:  # the event loop, until the merge list is answered
            w = made[0]
            qtbot.waitUntil(lambda: w.merge_dialog is not None, timeout=15000)
            notices = [b.text() for b in w.findChildren(QMessageBox)]
            assert any("gone.csv" in t and "Add companies" in t for t in notices)
            with qtbot.waitSignal(w.sig_add_finished, timeout=15000):
                w.merge_dialog.accept()
            return 0

    monkeypatch.setattr(app_module, "create_window", create)
    monkeypatch.setattr(app_module, "ensure_app", lambda: FakeApp())
    n = ds.n_companies
    assert app_module.run_app(ds, state) == 0
    w = made[0]
    assert w.dataset.n_companies == n + 1
    assert keys.ADDED_FILES.read(w.settings) == [str(mine)]
    w.close()
