"""Help: the keys (read from the window's actions), the signals, the score, stability and the data
source; About with the version; the focus mode; the toolbar; the import dialog's folder."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTextBrowser, QToolButton

import core
from core.present import stability_definition
from ui import settings as keys
from ui.app import create_window
from ui.dialogs import (
    about_text,
    help_html,
    menu_actions,
    report_source,
    shortcut_rows,
    show_about,
    show_help,
)


@pytest.fixture
def win(qtbot, ds, tmp_path):
    w, _ = create_window(ds, tmp_path / "state")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    if w.store is not None:
        w.store.close()


def test_the_shortcuts_are_read_from_the_actions(win):
    rows = dict((what, key) for key, what in shortcut_rows(menu_actions(win)))
    acts = win.window_actions
    # every menu action with a shortcut is listed, with the shortcut it really has
    assert rows["Export memo"] == acts.export_memo.shortcut().toString() == "Ctrl+E"
    assert rows["Focus on details"] == "Ctrl+Shift+D"
    assert rows["Toggle shortlist"] == "Space"
    assert rows["Undo"] == acts.undo.shortcut().toString()
    # a shortcut changed on the action changes the help
    acts.reset_weights.setShortcut("Ctrl+Alt+R")
    assert dict((w, k) for k, w in shortcut_rows(menu_actions(win)))["Reset weights"] == "Ctrl+Alt+R"


def test_the_help_window_says_keys_signals_score_stability_and_source(qtbot, win, ds):
    dialog = show_help(win, menu_actions(win), ds, "providers")
    qtbot.addWidget(dialog)
    text = dialog.findChild(QTextBrowser, "help_text").toPlainText()
    for needle in (
        "Ctrl+E",
        "Ctrl+Shift+D",
        "Space",
        "Value",
        "Difficulty",
        "Funding",
        "Score = 100 × Σ|w|·s′ / Σ|w|",
        "《中美 AIGC 产业商业化落地生态与发展趋势分析报告》",
        "1.1.1–1.4.2",
        stability_definition(seed=True),
        ds.summary(),
    ):
        assert needle in text, needle


def test_the_source_comes_from_the_dataset_meta(ds):
    title, sections = report_source(ds)
    assert title == "《中美 AIGC 产业商业化落地生态与发展趋势分析报告》"
    assert sections == "appendix sections 1.1.1–1.4.2"
    other = dataclasses.replace(ds, meta=ds.meta.model_copy(update={"source": "my own list"}))
    assert report_source(other) == ("my own list", "")
    assert "my own list" in help_html([], other)


def test_help_is_in_the_help_menu_with_about(qtbot, win):
    help_menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "&Help")
    texts = [a.text() for a in help_menu.actions()]
    assert "&Help" in texts and "&About AIGC Screener" in texts
    assert not win.window_actions.help.shortcut().isEmpty()
    win.window_actions.help.trigger()
    qtbot.waitUntil(lambda: win.findChild(QTextBrowser, "help_text") is not None)


def test_about_says_the_version(qtbot, win):
    assert core.__version__ in about_text()
    box = show_about(win)
    assert isinstance(box, QMessageBox) and core.__version__ in box.text()
    box.close()


def test_focus_on_details_and_back(qtbot, win):
    win.resize(1280, 690)
    before = win.main_splitter.sizes()
    action = win.window_actions.focus_details
    action.trigger()
    left, _table, detail = win.main_splitter.sizes()
    assert action.isChecked() and left == 0 and detail > before[2]
    action.trigger()
    assert not action.isChecked() and win.main_splitter.sizes() == before


def test_the_toolbar_keeps_its_width_as_the_undo_step_changes(qtbot, win):
    tools = win.window_actions.toolbar
    undo_button = next(
        b for b in tools.findChildren(QToolButton) if b.defaultAction() and b.defaultAction().text() == "Undo"
    )
    width = undo_button.sizeHint().width()
    assert not undo_button.isEnabled()
    win.weights_panel.sliders["funding"].setValue(40)
    qtbot.waitUntil(lambda: win.undo_stack.canUndo())
    assert undo_button.isEnabled()
    assert undo_button.text() == "Undo" and undo_button.sizeHint().width() == width
    assert undo_button.defaultAction().toolTip().startswith("Undo: ")  # the step is in the tooltip
    assert win.window_actions.undo.text() != "Undo"  # the menu names the step
    undo_button.click()
    assert not win.undo_stack.canUndo()


def test_the_import_dialog_opens_in_the_last_folder(qtbot, win, tmp_path, monkeypatch):
    folder = tmp_path / "my tables"
    folder.mkdir()
    keys.IMPORT_FOLDER.write(win.settings, str(folder))
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (asked.append(a[2]), ("", ""))[1])
    win.window_actions.import_data.trigger()
    assert asked == [str(folder)]
    # and importing a file makes its folder the next one
    table = Path(__file__).resolve().parents[2] / "data" / "import_template.csv"
    with qtbot.waitSignal(win.sig_import_finished, timeout=10000):
        win.import_file(table)
    assert keys.IMPORT_FOLDER.read(win.settings) == str(table.parent)
