"""Nothing lost: importing one's own universe, bad files, damaged state, killed processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit

from core.ingest import load_dataset
from core.models import PROVIDER_ROLES
from core.state import StateStore
from ui.app import create_window, run_app
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]

GOOD_CSV = (
    "id,name,country,segments,funding_amount,funding_round,funding_date\n"
    "acme,示例科技,CN,1.1.2,数千万元人民币,A,2024-05\n"
    "beta,Beta Health,US,1.4.2,25000000,B,2024\n"
    "gamma,Gamma Retail,US,1.3.2,,,\n"
)


@pytest.fixture(scope="module")
def providers() -> int:
    """How many companies of the report the default universe holds (a provider's role or funding)."""
    ds = load_dataset()
    return sum(
        bool(set(ds.roles_of(c.id)) & set(PROVIDER_ROLES) or ds.funding_of(c.id)) for c in ds.companies
    )


@pytest.fixture
def win(qtbot, tmp_path):
    w, notices = create_window(load_dataset(), tmp_path / "state")
    assert notices == []
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    if w.store is not None:
        w.store.close()


def problems_dialog() -> QDialog | None:
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == "problems_dialog" and widget.isVisible():
            return widget
    return None


def import_and_wait(qtbot, w: MainWindow, path: Path):
    with qtbot.waitSignal(w.sig_import_finished, timeout=15000) as sig:
        w.import_file(path)
    return sig.args


def test_import_a_universe_and_back_keeps_each_shortlist(qtbot, win, tmp_path, providers):
    win.select_company("openai")
    win.toggle_current_star()
    (tmp_path / "mine.csv").write_text(GOOD_CSV, encoding="utf-8")
    path, problems = import_and_wait(qtbot, win, tmp_path / "mine.csv")
    assert problems == "" and path.endswith("mine.csv")
    assert win.model.total_count() == 3 and win.visible_ids()[0] in {"acme", "beta", "gamma"}
    assert "mine" in win.windowTitle()
    assert win.filters_panel.country.count() == 3  # All, CN, US
    assert win.shortlist() == set()  # the shortlist is kept per dataset
    win.select_company("beta")
    win.toggle_current_star()
    assert win.store.shortlist() == {"beta"}
    assert win.settings.value("data/path") == str(tmp_path / "mine.csv")
    # back to the report: its shortlist is as it was
    import_and_wait(qtbot, win, ROOT / "data" / "report")
    assert win.model.total_count() == providers and win.shortlist() == {"openai"}
    assert win.settings.value("data/path") == ""


def test_a_bad_file_is_explained_and_changes_nothing(qtbot, win, tmp_path):
    win.select_company("abridge")
    win.toggle_current_star()
    win.store.set_note("abridge", "mine")
    before = (win.visible_ids(), win.shortlist(), win.store.notes(), win.dataset)
    bad = tmp_path / "bad.csv"
    bad.write_text("id,name,country,segments\nx,X,China,1.1.2\nx,Y,US,9.9.9\n", encoding="utf-8")
    path, problems = import_and_wait(qtbot, win, bad)
    assert path == "" and "column C (country)" in problems
    dialog = problems_dialog()
    assert dialog is not None
    text = dialog.findChild(QPlainTextEdit).toPlainText()
    assert "row 2 (x), column C (country)" in text
    assert "row 3 (x), column A (id): duplicate id" in text
    assert "unknown segment '9.9.9'" in text
    assert (win.visible_ids(), win.shortlist(), win.store.notes(), win.dataset) == before
    assert "nothing changed" in win.statusBar().currentMessage()
    dialog.close()


def test_an_xlsx_universe_with_kept_as_text_amounts_shows_notes(qtbot, win, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "name", "segments", "funding_amount"])
    ws.append(["a", "Alpha", "1.1.2", "lots"])
    ws.append(["b", "Bravo", "1.2.2", 12_000_000])
    wb.save(tmp_path / "u.xlsx")
    path, problems = import_and_wait(qtbot, win, tmp_path / "u.xlsx")
    assert problems == ""
    dialog = problems_dialog()
    assert dialog is not None and "kept as written" in dialog.findChild(QPlainTextEdit).toPlainText()
    dialog.close()
    assert win.model.total_count() == 2


def test_import_can_be_cancelled(qtbot, win, tmp_path, monkeypatch, providers):
    from ui import tasks

    (tmp_path / "mine.csv").write_text(GOOD_CSV, encoding="utf-8")
    real = tasks.load_dataset

    def cancelled(path, progress):
        progress(0, 3)
        return real(path, lambda d, t: False)

    monkeypatch.setattr(tasks, "load_dataset", cancelled)
    path, problems = import_and_wait(qtbot, win, tmp_path / "mine.csv")
    assert (path, problems) == ("", "cancelled")
    assert win.model.total_count() == providers


def test_a_truncated_state_file_is_set_aside_and_the_app_starts(qtbot, tmp_path, providers):
    state = tmp_path / "state"
    with StateStore.open(state / "state.sqlite").store as store:
        for i in range(200):
            store.set_note("augment", "x" * i)
        store.set_shortlisted("openai", True)
    db = state / "state.sqlite"
    for extra in ("-wal", "-shm"):
        Path(str(db) + extra).unlink(missing_ok=True)
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])
    truncated = db.read_bytes()
    w, notices = create_window(load_dataset(), state)
    qtbot.addWidget(w)
    assert notices and "could not be read" in notices[0]
    kept = [p for p in state.iterdir() if ".corrupt-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == truncated  # kept aside, untouched
    w.show()
    assert w.model.rowCount() == providers and w.shortlist() == set()
    w.select_company("augment")
    w.toggle_current_star()
    assert w.store.shortlist() == {"augment"}  # the fresh store works
    w.close()
    w.store.close()


def test_run_app_shows_the_notice_and_reopens_the_last_universe(qtbot, tmp_path, monkeypatch):
    """The real entry point: a damaged store is explained; the last imported file is read again."""
    state = tmp_path / "state"
    state.mkdir()
    (state / "state.sqlite").write_bytes(b"this is not a database" * 100)
    (tmp_path / "mine.csv").write_text(GOOD_CSV, encoding="utf-8")
    from PySide6.QtCore import QSettings

    QSettings(str(state / "settings.ini"), QSettings.Format.IniFormat).setValue(
        "data/path", str(tmp_path / "mine.csv")
    )
    seen = {}

    def fake_exec():
        app = QApplication.instance()
        window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        qtbot.waitUntil(lambda: window.model.total_count() == 3, timeout=15000)
        seen["boxes"] = [
            w.text() for w in app.topLevelWidgets() if w.inherits("QMessageBox") and w.isVisible()
        ]
        seen["title"] = window.windowTitle()
        for w in app.topLevelWidgets():
            if w.inherits("QMessageBox") or w.objectName() == "problems_dialog":
                w.close()
        window.close()
        return 0

    app = QApplication.instance()
    monkeypatch.setattr(app, "exec", fake_exec)
    assert run_app(load_dataset(), state) == 0
    assert any("damaged" in b for b in seen["boxes"])
    assert "mine" in seen["title"]


def _run(script: str, *args: str) -> subprocess.Popen:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        cwd=str(ROOT),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_note_typed_survives_the_app_being_killed_a_second_later(tmp_path):
    state = tmp_path / "state"
    proc = _run(
        """
        import sys, time
        from PySide6.QtTest import QTest
        from core.ingest import load_dataset
        from ui.app import create_window, ensure_app
        app = ensure_app()
        w, _ = create_window(load_dataset(), sys.argv[1])
        w.show()
        w.select_company("pika")
        QTest.keyClicks(w.detail.notes, "Typed just before the crash")
        print("typed", flush=True)
        end = time.time() + 30
        while time.time() < end:  # the app keeps running until it is killed
            app.processEvents()
            time.sleep(0.01)
        """,
        str(state),
    )
    assert proc.stdout.readline().strip() == "typed"
    time.sleep(1.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    with StateStore.open(state / "state.sqlite").store as store:
        assert store.note("pika") == "Typed just before the crash"


def test_a_fact_typed_in_the_dialog_survives_the_app_being_killed_a_second_later(tmp_path):
    state = tmp_path / "state"
    proc = _run(
        """
        import sys, time
        from core.ingest import load_dataset
        from ui.app import create_window, ensure_app
        app = ensure_app()
        w, _ = create_window(load_dataset(), sys.argv[1])
        w.show()
        w.select_company("pika")
        w.window_actions.add_fact.trigger()
        w.fact_dialog.set_values(
            {"kind": "funding", "round": "C轮", "amount": "3亿美元", "source": "https://example.com/pika"}
        )
        assert w.fact_dialog.try_accept()
        print("saved", flush=True)
        end = time.time() + 30
        while time.time() < end:  # the app keeps running until it is killed
            app.processEvents()
            time.sleep(0.01)
        """,
        str(state),
    )
    assert proc.stdout.readline().strip() == "saved", proc.stderr.read()
    time.sleep(1.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    with StateStore.open(state / "state.sqlite", "bundled:report").store as store:
        (fact,) = store.facts("pika")
    assert fact.amount == "3亿美元" and fact.source == "https://example.com/pika" and fact.active


def test_a_killed_export_leaves_the_earlier_file_whole(tmp_path):
    target = tmp_path / "memo.xlsx"
    from core.filters import Filters
    from core.results import shown_rows
    from core.scoring import PRESETS, rank
    from core.signals import build_signals
    from exports.memo import MemoRequest, write_memo

    ds = load_dataset()
    ranking = rank(build_signals(ds), PRESETS["balanced"])
    ids = [str(ranking.table.ids[r]) for r in shown_rows(ds, ranking, Filters(), top=3)]
    write_memo(target, MemoRequest(dataset=ds, ranking=ranking, company_ids=ids))
    earlier = target.read_bytes()
    proc = _run(
        """
        import sys, time
        import openpyxl
        from core.filters import Filters
        from core.ingest import load_dataset
        from core.results import shown_rows
        from core.scoring import PRESETS, rank
        from core.signals import build_signals
        from exports.memo import MemoRequest, write_memo

        real_save = openpyxl.Workbook.save

        def slow_save(self, fh):
            real_save(self, fh)  # the whole new workbook is in the temporary file...
            fh.flush()
            print("writing", flush=True)
            time.sleep(30)  # ...and the process dies before it is moved into place

        openpyxl.Workbook.save = slow_save
        ds = load_dataset()
        ranking = rank(build_signals(ds), PRESETS["moat"])
        ids = [str(ranking.table.ids[r]) for r in shown_rows(ds, ranking, Filters(), top=20)]
        write_memo(sys.argv[1], MemoRequest(dataset=ds, ranking=ranking, company_ids=ids))
        """,
        str(target),
    )
    assert proc.stdout.readline().strip() == "writing"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert target.read_bytes() == earlier
    wb = openpyxl.load_workbook(target)
    from exports.memo import FIXED_SHEETS

    assert len(wb.sheetnames) == len(FIXED_SHEETS) + 3  # the earlier memo: one sheet per company
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "memo.xlsx"]
    assert all(name.startswith(".~memo.") for name in leftovers)  # hidden, never the memo itself


def test_importing_a_path_the_file_system_refuses_says_why_and_keeps_the_data(
    qtbot, win, tmp_path, providers
):
    # a name too long for the file system makes Path.is_file raise on some systems: never on the UI thread
    path, problems = import_and_wait(qtbot, win, tmp_path / ("x" * 300 + ".csv"))
    assert path == ""
    assert "bytes long" in problems
    assert win.model.total_count() == providers
