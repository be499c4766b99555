"""The main window: weights and filters on the left, the ranked table, the detail view and the
segment map on the right."""

from __future__ import annotations

import contextlib
import time
from datetime import datetime
from pathlib import Path

import numpy as np
from PySide6.QtCore import (
    QByteArray,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSettings,
    Qt,
    QThread,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.filters import Filters
from core.importer import ImportCancelled, load_table_file
from core.loader import DatasetError, bundled_dataset_dir, dataset_key, load_dataset
from core.models import Dataset
from core.results import dataset_mask, shortlist_rows, shown_rows
from core.scoring import (
    DEFAULT_MISSING,
    DEFAULT_PRESET,
    MISSING_POLICIES,
    PRESETS,
    Ranking,
    Weights,
    fill_stability,
    rank,
)
from core.signals import build_signals
from core.state import StateError
from exports.memo import MemoCancelled, MemoError, MemoRequest, write_memo
from ui.delegates import ScoreBarDelegate
from ui.detail_view import DetailView
from ui.filters_panel import FiltersPanel
from ui.ranking_model import COMPANY_ID_ROLE, Col, RankingModel
from ui.segment_map import SegmentMap
from ui.weights_panel import WeightsPanel

COLUMN_WIDTHS = {
    Col.RANK: 44,
    Col.DELTA: 44,
    Col.STAR: 30,
    Col.NAME: 230,
    Col.COUNTRY: 60,
    Col.SEGMENTS: 110,
    Col.SCORE: 90,
    Col.VALUE: 60,
    Col.DIFFICULTY: 72,
    Col.FUNDING: 64,
    Col.DISCLOSED: 110,
    Col.ROUND: 120,
    Col.VALUATION: 110,
    Col.STABILITY: 70,
}


def _changed(before, after) -> frozenset[str]:
    """Names of the weights (and "policy") that differ between two (Weights, policy) states."""
    names = {k for k in Weights.model_fields if getattr(before[0], k) != getattr(after[0], k)}
    if before[1] != after[1]:
        names.add("policy")
    return frozenset(names)


class _WeightsCommand(QUndoCommand):
    """A change of weights or policy.  Consecutive changes of the same control, in one gesture
    (a slider drag) and less than two seconds apart, merge into one undo step."""

    ID = 1
    MERGE_WINDOW_S = 2.0

    def __init__(self, window: MainWindow, before, after, gesture: int) -> None:
        super().__init__("Change weights")
        self.window, self.before, self.after, self.gesture = window, before, after, gesture
        self.fields = _changed(before, after)
        self.time = time.monotonic()
        self._first = True

    def id(self) -> int:
        return self.ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, _WeightsCommand)
            or other.gesture != self.gesture
            or other.fields != self.fields
            or other.time - self.time > self.MERGE_WINDOW_S
        ):
            return False
        self.after, self.time = other.after, other.time
        return True

    def redo(self) -> None:
        if self._first:  # already applied by the user's own gesture
            self._first = False
            return
        self.window._apply_state(self.after)

    def undo(self) -> None:
        self.window._apply_state(self.before)


class _ShortlistCommand(QUndoCommand):
    def __init__(self, window: MainWindow, company_id: str, on: bool) -> None:
        name = window.dataset.company(company_id).name
        super().__init__(("Shortlist " if on else "Unshortlist ") + name)
        self.window, self.cid, self.on = window, company_id, on

    def redo(self) -> None:
        if not self.window._set_shortlisted(self.cid, self.on):
            self.setObsolete(True)  # not saved: no step to undo

    def undo(self) -> None:
        if not self.window._set_shortlisted(self.cid, not self.on):
            self.setObsolete(True)


class CancellableThread(QThread):
    """Work off the UI thread that reports progress and stops when cancelled.

    Subclasses implement :meth:`work`, given a ``progress(done, total) -> bool`` callback that
    returns False once cancelled, and emit their own result signals from it."""

    sig_progress = Signal(int, int)
    """Steps done and total."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cancel = False

    def cancel(self) -> None:
        self._cancel = True

    def _progress(self, done: int, total: int) -> bool:
        self.sig_progress.emit(done, total)
        return not self._cancel

    def run(self) -> None:
        self.work(self._progress)

    def work(self, progress) -> None:
        raise NotImplementedError


class MemoThread(CancellableThread):
    """Writes a memo; emits done or failed."""

    sig_done = Signal(str)
    """The memo was written to this path."""

    sig_failed = Signal(str)
    """The memo could not be written (the message says why); empty if cancelled."""

    def __init__(self, path: Path, request: MemoRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path, self.request = path, request

    def work(self, progress) -> None:
        try:
            written = write_memo(self.path, self.request, progress)
        except MemoCancelled:
            self.sig_failed.emit("")
        except MemoError as exc:
            self.sig_failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a traceback
            self.sig_failed.emit(f"{self.path}: the memo could not be written ({exc})")
        else:
            self.sig_done.emit(str(written))


#: From this many companies on, ranking runs in its own thread while a slider moves.
ASYNC_RANK_MIN = 50_000
#: Rank stability is computed when the weights have rested this long (ms).
STABILITY_IDLE_MS = 150
#: The detail view's numbers are redrawn when the weights have rested this long (ms).
DETAIL_IDLE_MS = 40


class RankWorker(QObject):
    """Ranks off the UI thread (numpy releases the GIL in the product and the sort)."""

    sig_done = Signal(object, int)
    """The Ranking, and the token of the request it answers."""

    @Slot(object, object, str, int)
    def compute(self, table, weights, policy, token: int) -> None:
        self.sig_done.emit(rank(table, weights, policy, stability=False), token)


class LoadThread(CancellableThread):
    """Reads and validates a dataset and computes its signals."""

    sig_loaded = Signal(object)
    """The validated Dataset and its SignalTable."""

    sig_failed = Signal(str)
    """Every problem found, as text; empty if cancelled."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path

    def work(self, progress) -> None:
        try:
            ds = load_table_file(self.path, progress) if self.path.is_file() else load_dataset(self.path)
            signals = build_signals(ds)  # off the UI thread too: seconds for a million companies
        except ImportCancelled:
            self.sig_failed.emit("")
        except DatasetError as exc:
            self.sig_failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a traceback
            self.sig_failed.emit(f"{self.path}: 1 problem in the dataset:\n  - could not be read ({exc})")
        else:
            self.sig_loaded.emit((ds, signals))


def show_problems(parent: QWidget, title: str, intro: str, lines: list[str]) -> QDialog:
    """A non-blocking dialog listing problems, with text the user can select and copy."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setObjectName("problems_dialog")
    layout = QVBoxLayout(dialog)
    label = QLabel(intro)
    label.setWordWrap(True)
    layout.addWidget(label)
    text = QPlainTextEdit("\n".join(lines))
    text.setReadOnly(True)
    text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    layout.addWidget(text)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    copy = buttons.addButton("Copy all", QDialogButtonBox.ButtonRole.ActionRole)
    copy.clicked.connect(lambda: QApplication.clipboard().setText(intro + "\n" + "\n".join(lines)))
    buttons.rejected.connect(dialog.close)
    layout.addWidget(buttons)
    dialog.resize(760, 420)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class RankingTableView(QTableView):
    """The ranked table; Space stars or unstars the current company."""

    sig_star_requested = Signal()
    """The user pressed Space on a company."""

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Space and not event.modifiers():
            self.sig_star_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class MainWindow(QMainWindow):
    """The screener's window over one dataset, with the user's state store and settings."""

    sig_ranking_updated = Signal()
    """A new ranking is shown (after a weight or policy change)."""

    sig_filters_applied = Signal()
    """The table now shows the rows of the current filters."""

    sig_stability_filled = Signal()
    """Rank stability of the shown ranking has been computed (it follows a re-rank when idle)."""

    _sig_rank_request = Signal(object, object, str, int)

    sig_dataset_changed = Signal()
    """Another dataset is shown (after File → Import… or File → Report data)."""

    sig_import_finished = Signal(str, str)
    """An import ended: (path, "") when loaded, ("", problems) when refused or cancelled."""

    sig_export_finished = Signal(str, str)
    """An export ended: (path, "") on success, ("", message) on failure or cancel."""

    def __init__(self, dataset: Dataset, store, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dataset = dataset
        self.store = store
        self.settings = settings
        self.undo_stack = QUndoStack(self)
        self._gesture = 0
        self._applying = False
        self.setWindowTitle(f"AIGC Screener — {dataset.name}")

        self.signals = build_signals(dataset)
        weights, policy = self._restored_weights()
        self.ranking: Ranking = rank(
            self.signals, weights, policy, stability=len(self.signals) < ASYNC_RANK_MIN
        )
        self._committed = (weights, policy)
        self._shortlist: set[str] = set(store.shortlist()) if store is not None else set()
        self._selected_id: str | None = None

        # --- widgets --------------------------------------------------------------------
        self.weights_panel = WeightsPanel(profiles=store)
        self.weights_panel.set_state(weights, policy, emit=False)
        self.filters_panel = FiltersPanel(dataset)
        left = QWidget()
        ll = QVBoxLayout(left)
        wbox = QGroupBox("Weights")
        QVBoxLayout(wbox).addWidget(self.weights_panel)
        fbox = QGroupBox("Filters")
        QVBoxLayout(fbox).addWidget(self.filters_panel)
        ll.addWidget(wbox)
        ll.addWidget(fbox)
        ll.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(left.minimumSizeHint().width() + 16)

        self.model = RankingModel(dataset, self.ranking, self)
        self.model.set_shortlist(self._shortlist)
        self.table = RankingTableView()
        self.table.setObjectName("ranking_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(Col.RANK, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        self.table.setItemDelegateForColumn(Col.SCORE, ScoreBarDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        for col, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(col, width)
        self.table.setAccessibleName("Ranked companies")

        self.detail = DetailView()
        self.segment_map = SegmentMap()
        self.segment_map.set_data(dataset.segments, *self._segment_sizes())
        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("right_splitter")
        right.addWidget(self.detail)
        right.addWidget(self.segment_map)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        self.right_splitter = right

        main = QSplitter(Qt.Orientation.Horizontal)
        main.setObjectName("main_splitter")
        main.addWidget(scroll)
        main.addWidget(self.table)
        main.addWidget(right)
        main.setStretchFactor(1, 3)
        main.setStretchFactor(2, 2)
        main.setSizes([320, 780, 480])
        self.main_splitter = main
        self.setCentralWidget(main)

        self.count_label = QLabel()
        self.policy_label = QLabel()
        self.statusBar().addPermanentWidget(self.policy_label)
        self.statusBar().addPermanentWidget(self.count_label)

        self._build_actions()

        # --- wiring ---------------------------------------------------------------------
        self._rank_busy = False
        self._rank_pending = False
        self._rank_token = 0
        self._rank_thread = QThread(self)
        self._rank_worker = RankWorker()
        self._rank_worker.moveToThread(self._rank_thread)
        self._sig_rank_request.connect(self._rank_worker.compute)
        self._rank_worker.sig_done.connect(self._on_ranked)
        self._rank_thread.start()
        app = QApplication.instance()
        if app is not None:  # also when the app quits without closing this window first
            app.aboutToQuit.connect(self._stop_rank_thread)
        self._unsaved_notes: dict[str, str] = {}
        self._note_retry = QTimer(self)
        self._note_retry.setSingleShot(True)
        self._note_retry.setInterval(5000)
        self._note_retry.timeout.connect(self._retry_notes)
        self._detail_later = False
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(DETAIL_IDLE_MS)
        self._detail_timer.timeout.connect(self._refresh_detail)
        self._stability_timer = QTimer(self)
        self._stability_timer.setSingleShot(True)
        self._stability_timer.setInterval(STABILITY_IDLE_MS)
        self._stability_timer.timeout.connect(self._fill_stability)
        self._rerank_timer = QTimer(self)
        self._rerank_timer.setSingleShot(True)
        self._rerank_timer.setInterval(0)  # coalesce: only the latest value is computed
        self._rerank_timer.timeout.connect(self._rerank)
        self.weights_panel.sig_changed.connect(self._rerank_timer.start)
        self.weights_panel.sig_gesture_started.connect(self._new_gesture)
        self.filters_panel.sig_changed.connect(self._apply_filters)
        self.detail.sig_shortlist_toggled.connect(self._on_detail_star)
        self.detail.sig_note_edited.connect(self._on_note_edited)
        self.segment_map.sig_segment_clicked.connect(self._on_segment_clicked)
        self.table.clicked.connect(self._on_table_clicked)
        self._install_model()

        self._restore_filters()
        self._restore_geometry()
        self._apply_filters()
        self._update_status()
        # open on the company last looked at, else the best ranked one, so the detail is never empty
        last = str(self.settings.value("ranking/selected", "") or "")
        if not (last and self.select_company(last)) and self.model.rowCount():
            self.select_company(self.model.company_id(0))

    def _segment_sizes(self) -> tuple[dict[str, int], dict[str, float]]:
        """Companies per segment, and their disclosed funding (a company in several segments is
        split between them equally)."""
        t = self.signals
        member = t.segment_member
        per_company = np.nan_to_num(t.funding_total_usd) / np.maximum(member.sum(axis=1), 1)
        funding = per_company @ member
        return t.segment_counts(), dict(zip(t.segment_refs, funding.tolist(), strict=True))

    def _install_model(self) -> None:
        header = self.table.horizontalHeader()
        widths = [header.sectionSize(c) for c in range(header.count())] if header.count() else []
        self.table.setModel(self.model)  # a new model resets the columns: keep their widths
        for col, width in enumerate(widths or [COLUMN_WIDTHS[c] for c in Col]):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.model.modelReset.connect(self._after_reset)

    def set_dataset(self, ds: Dataset, signals=None) -> None:
        """Screen another universe with the current weights; the old one is left untouched."""
        self.detail.flush_note()
        self.detail.clear()
        self.dataset = ds
        self.signals = signals if signals is not None else build_signals(ds)
        self.ranking = rank(self.signals, *self._committed, stability=False)
        self._rank_token += 1  # a result for the old universe is dropped
        if self.store is not None:
            self.store.dataset_key = dataset_key(ds)
            self._shortlist = set(self.store.shortlist())
        else:
            self._shortlist = set()
        self._selected_id = None
        self.undo_stack.clear()  # its steps name companies of the old dataset
        old = self.model
        self.model = RankingModel(ds, self.ranking, self)
        self.model.set_shortlist(self._shortlist)
        self._install_model()
        old.deleteLater()
        self.table.horizontalHeader().setSortIndicator(Col.RANK, Qt.SortOrder.AscendingOrder)
        self.segment_map.set_data(ds.segments, *self._segment_sizes())
        self.setWindowTitle(f"AIGC Screener — {ds.name}")
        self.filters_panel.set_dataset(ds)  # clears the filters and applies them
        if self.model.rowCount():
            self.select_company(self.model.company_id(0))
        self._update_status()
        self._stability_timer.start()
        self.sig_dataset_changed.emit()

    # --- start-up and persistence ----------------------------------------------------------

    def _restored_weights(self) -> tuple[Weights, str]:
        weights = PRESETS[DEFAULT_PRESET]
        policy = DEFAULT_MISSING
        raw = self.settings.value("ranking/weights")
        if raw:
            with contextlib.suppress(ValueError):  # an unreadable saved value: keep the default
                weights = Weights.model_validate_json(str(raw))
        p = self.settings.value("ranking/policy")
        if p in MISSING_POLICIES:
            policy = p
        return weights, policy

    def _restore_filters(self) -> None:
        raw = self.settings.value("ranking/filters")
        if raw:
            try:
                f = Filters.model_validate_json(str(raw))
            except ValueError:
                return
            self.filters_panel.blockSignals(True)
            self.filters_panel.set_filters(f)
            self.filters_panel.blockSignals(False)

    def _restore_geometry(self) -> None:
        geo = self.settings.value("window/geometry")
        if isinstance(geo, QByteArray) and not geo.isEmpty():
            self.restoreGeometry(geo)
        else:
            self.resize(1500, 900)
        for name, splitter in (
            ("main", self.main_splitter),
            ("right", self.right_splitter),
            ("detail", self.detail.splitter),
        ):
            state = self.settings.value(f"window/{name}_splitter")
            if isinstance(state, QByteArray) and not state.isEmpty():
                splitter.restoreState(state)
        header = self.settings.value("window/table_header")
        if isinstance(header, QByteArray) and not header.isEmpty():
            self.table.horizontalHeader().restoreState(header)

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/main_splitter", self.main_splitter.saveState())
        s.setValue("window/right_splitter", self.right_splitter.saveState())
        s.setValue("window/detail_splitter", self.detail.splitter.saveState())
        s.setValue("window/table_header", self.table.horizontalHeader().saveState())
        s.setValue("ranking/weights", self.ranking.weights.model_dump_json())
        s.setValue("ranking/policy", self.ranking.policy)
        s.setValue("ranking/filters", self.filters_panel.filters().model_dump_json())
        s.setValue("ranking/selected", self._selected_id or "")
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.detail.flush_note()
        if self._unsaved_notes and not self._retry_notes():
            text = "\n\n".join(
                f"{self.dataset.company(c).name}:\n{t}" for c, t in self._unsaved_notes.items()
            )
            answer = QMessageBox.question(
                self,
                "Notes not saved",
                f"{len(self._unsaved_notes)} note(s) could not be saved (another copy of the app may be using "
                "your saved data). Close anyway? Their text will be on the clipboard.",
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            QApplication.clipboard().setText(text)
        self.save_settings()
        # an export or import still running is cancelled and waited for, so that no half
        # work is left and Qt never destroys a running thread
        self._stop_rank_thread()
        for name in ("_export_thread", "_import_thread"):
            thread = getattr(self, name, None)
            with contextlib.suppress(RuntimeError):  # already deleted
                if thread is not None and thread.isRunning():
                    thread.cancel()
                    thread.wait()
        super().closeEvent(event)

    # --- actions ----------------------------------------------------------------------------

    def _build_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.import_action = QAction("&Import companies…", self)
        self.import_action.setShortcut(QKeySequence.StandardKey.Open)
        self.import_action.setToolTip("Screen your own universe: a CSV or XLSX table of companies")
        self.import_action.triggered.connect(lambda: self.import_file())
        file_menu.addAction(self.import_action)
        self.report_action = QAction("&Report data", self)
        self.report_action.setToolTip("Back to the companies of the report")
        self.report_action.triggered.connect(lambda: self.import_file(bundled_dataset_dir()))
        file_menu.addAction(self.report_action)
        file_menu.addSeparator()
        self.export_action = QAction("&Export memo…", self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setToolTip("Export the shortlist (or the top N) as an Excel memo")
        self.export_action.triggered.connect(lambda: self.export_memo())
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        edit = bar.addMenu("&Edit")
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        self.find_action = QAction("&Find company", self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.filters_panel.focus_search)
        edit.addAction(self.find_action)
        # Space itself is handled by the table (RankingTableView); the menu shows the key
        self.star_action = QAction("Toggle &shortlist\tSpace", self)
        self.star_action.triggered.connect(self.toggle_current_star)
        self.table.sig_star_requested.connect(self.toggle_current_star)
        edit.addAction(self.star_action)
        clear = QAction("&Clear filters", self)
        clear.setShortcut(QKeySequence("Ctrl+Shift+L"))
        clear.triggered.connect(self.filters_panel.clear)
        edit.addAction(clear)

        view = bar.addMenu("&View")
        self.score_order_action = QAction("Sort by &score", self)
        self.score_order_action.setShortcut(QKeySequence("Ctrl+0"))
        self.score_order_action.setToolTip("Back to score order")
        self.score_order_action.triggered.connect(self.score_order)
        view.addAction(self.score_order_action)
        self.shortlist_only_action = QAction("S&hortlist only", self)
        self.shortlist_only_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.shortlist_only_action.triggered.connect(self.filters_panel.shortlist_only.toggle)
        view.addAction(self.shortlist_only_action)
        reset = QAction("&Reset weights", self)
        reset.setShortcut(QKeySequence("Ctrl+R"))
        reset.triggered.connect(self.weights_panel.reset)
        view.addAction(reset)
        view.addSeparator()
        size = view.addMenu("Segment map marks sized by")
        group = QActionGroup(self)
        group.setExclusive(True)
        self._size_actions = {}
        for mode, label in (("companies", "Number of companies"), ("funding", "Disclosed funding")):
            act = size.addAction(label, lambda m=mode: self.segment_map.set_size_mode(m))
            act.setCheckable(True)
            act.setChecked(self.segment_map.size_mode() == mode)
            group.addAction(act)
            self._size_actions[mode] = act
        self.segment_map.sig_size_mode_changed.connect(lambda m: self._size_actions[m].setChecked(True))

        tools = self.addToolBar("Main")
        tools.setObjectName("main_toolbar")
        tools.setMovable(False)
        tools.addAction(self.score_order_action)
        tools.addAction(self.undo_action)
        tools.addAction(self.redo_action)
        tools.addAction(self.export_action)

        help_menu = bar.addMenu("&Help")
        help_menu.addAction("How the score is made", self._show_scoring_help)

    def _show_scoring_help(self) -> None:
        QMessageBox.information(
            self,
            "How the score is made",
            "Each company has three signals from 0 to 1: value (market-space stars of its segments), "
            "difficulty (logic, compute and corpus stars) and funding (disclosed capital, latest valuation, "
            "recency and stage). A company in several segments gets the mean of their stars.\n\n"
            "Score = 100 × Σ |w|·s′ / Σ |w|, where s′ is the signal for a positive weight and 1 − signal for "
            "a negative one. A negative difficulty weight prefers easier segments; a positive one treats "
            "difficulty as a moat.\n\n"
            "Undisclosed figures count as the missing-data policy says (zero by default). "
            "Ties break by name. Stability is the share of 500 random ±20% changes of the weights "
            "that keep the company in the top 10.",
        )

    # --- ranking ----------------------------------------------------------------------------

    def _new_gesture(self) -> None:
        self._gesture += 1

    def _rerank(self) -> None:
        """Rank with the panel's weights: at once for a small universe; for a large one in the
        rank thread, one computation at a time, always with the latest weights (a drag never
        queues up work and the UI thread only shows results)."""
        weights, policy = self.weights_panel.weights(), self.weights_panel.policy()
        # the detail's numbers and the stability wait until the sliders rest
        self._detail_timer.start()
        self._stability_timer.start()
        if (weights, policy) == (self.ranking.weights, self.ranking.policy):
            return
        if len(self.signals) < ASYNC_RANK_MIN:
            self._show_ranking(rank(self.signals, weights, policy, stability=False))
            return
        if self._rank_busy:
            self._rank_pending = True
            return
        self._rank_busy = True
        self._rank_token += 1
        self._sig_rank_request.emit(self.signals, weights, policy, self._rank_token)

    def _stop_rank_thread(self) -> None:
        with contextlib.suppress(RuntimeError):  # already gone with the window
            self._rank_thread.quit()
            self._rank_thread.wait()

    def _on_ranked(self, ranking: Ranking, token: int) -> None:
        self._rank_busy = False
        if token == self._rank_token and ranking.table is self.signals:
            self._show_ranking(ranking)
        if self._rank_pending:
            self._rank_pending = False
            self._rerank()

    def _show_ranking(self, ranking: Ranking) -> None:
        weights, policy = ranking.weights, ranking.policy
        state = (weights, policy)
        previous = self.ranking
        self.ranking = ranking
        new_step = self._applying
        if not self._applying and state != self._committed:
            index = self.undo_stack.index()
            self.undo_stack.push(_WeightsCommand(self, self._committed, state, self._gesture))
            new_step = self.undo_stack.index() > index  # not merged into the step before
        # Δ compares with the ranking before the current undo step (a whole drag, not one tick)
        self.model.set_ranking(self.ranking, baseline=previous.rank if new_step else None)
        if policy == "exclude" or policy != previous.policy:
            self._apply_filters()
        self._committed = state
        self._follow_selection()
        self._update_status()
        self._stability_timer.start()  # when the sliders rest
        self.sig_ranking_updated.emit()

    def _fill_stability(self) -> None:
        """Rank stability of the shown ranking, computed once the weights stop moving."""
        if self.ranking.stability_computed:
            return
        fill_stability(self.ranking)
        self.model.stability_changed()
        if self._selected_id is not None:
            self._show_detail(self._selected_id)
        self.sig_stability_filled.emit()

    def _apply_state(self, state) -> None:
        """Show weights and policy from undo/redo, without recording a new step."""
        self._applying = True
        try:
            self.weights_panel.set_state(*state, emit=False)
            self._committed = state
            self._rank_token += 1  # a ranking still being computed for the old weights is dropped
            self._rerank()
        finally:
            self._applying = False

    def score_order(self) -> None:
        self.table.sortByColumn(Col.RANK, Qt.SortOrder.AscendingOrder)
        self._follow_selection()

    # --- filters ----------------------------------------------------------------------------

    def current_filters(self) -> Filters:
        return self.filters_panel.filters()

    def _apply_filters(self) -> None:
        f = self.current_filters()
        mask = dataset_mask(self.dataset, self.signals, f, self._shortlist)
        if self.ranking.policy == "exclude":
            mask &= self.ranking.included
        self.model.set_visible(mask)
        self.segment_map.set_selected(next(iter(f.segments), None))
        self._update_status()
        self.sig_filters_applied.emit()

    def _after_reset(self) -> None:
        self._follow_selection()

    def _on_segment_clicked(self, ref: str) -> None:
        self.filters_panel.set_segment(ref)

    # --- selection and detail ---------------------------------------------------------------

    def selected_company(self) -> str | None:
        return self._selected_id

    def select_company(self, company_id: str) -> bool:
        row = self.model.row_of(company_id)
        if row is None:
            return False
        # keep the column the user is in (the view scrolls to the current cell)
        current = self.table.currentIndex()
        ix = self.model.index(row, current.column() if current.isValid() else Col.RANK)
        self.table.selectionModel().setCurrentIndex(
            ix, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(ix)
        return True

    def _follow_selection(self) -> None:
        """Keep the selected company selected and visible after the rows moved."""
        cid = self._selected_id
        if cid is None:
            return
        row = self.model.row_of(cid)
        if row is None:
            return
        current = self.table.currentIndex()
        self._detail_later = True  # the numbers in the detail follow once the slider rests
        try:
            if not current.isValid() or current.row() != row:
                self.select_company(cid)
            else:
                self.table.scrollTo(current)
        finally:
            self._detail_later = False
        self._detail_timer.start()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        cid = current.data(COMPANY_ID_ROLE)
        self._selected_id = cid
        if self._detail_later:
            self._detail_timer.start()
        else:
            self._show_detail(cid)

    def _refresh_detail(self) -> None:
        if self._selected_id is not None:
            self._show_detail(self._selected_id)

    def _show_detail(self, cid: str) -> None:
        row = self.signals.row_of[cid]
        note = self._unsaved_notes.get(cid, "")
        if self.store is not None and cid not in self._unsaved_notes:
            try:
                note = self.store.note(cid)
            except StateError as exc:
                self.statusBar().showMessage(f"Your note could not be read: {exc}", 20000)
        self.detail.show_company(
            self.dataset, self.ranking, row, shortlisted=cid in self._shortlist, note=note
        )

    # --- shortlist and notes ----------------------------------------------------------------

    def _on_table_clicked(self, index: QModelIndex) -> None:
        if index.column() == Col.STAR:
            self.undo_stack.push(
                _ShortlistCommand(
                    self, index.data(COMPANY_ID_ROLE), index.data(COMPANY_ID_ROLE) not in self._shortlist
                )
            )

    def toggle_current_star(self) -> None:
        ix = self.table.currentIndex()
        if ix.isValid():
            cid = ix.data(COMPANY_ID_ROLE)
            self.undo_stack.push(_ShortlistCommand(self, cid, cid not in self._shortlist))

    def _on_detail_star(self, cid: str, on: bool) -> None:
        if (cid in self._shortlist) != on:
            self.undo_stack.push(_ShortlistCommand(self, cid, on))

    def _store_failed(self, what: str, exc: StateError) -> None:
        """A write to the user's store failed: say so; what is on screen is kept."""
        self.statusBar().showMessage(f"{what} not saved: {exc}", 20000)
        box = QMessageBox(
            QMessageBox.Icon.Warning, f"{what} not saved", str(exc), QMessageBox.StandardButton.Ok, self
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _set_shortlisted(self, cid: str, on: bool) -> bool:
        if self.store is not None:
            try:
                self.store.set_shortlisted(cid, on)
            except StateError as exc:
                self._store_failed("Shortlist", exc)
                return False
        if on:
            self._shortlist.add(cid)
        else:
            self._shortlist.discard(cid)
        self.model.set_shortlist(self._shortlist)
        if self.detail.company_id() == cid:
            self.detail.set_shortlisted(on)
        if self.filters_panel.shortlist_only.isChecked():
            self._apply_filters()
        self._update_status()
        return True

    def shortlist(self) -> set[str]:
        return set(self._shortlist)

    def _on_note_edited(self, cid: str, text: str) -> None:
        if self.store is not None:
            try:
                self.store.set_note(cid, text)
            except StateError as exc:
                # kept here and tried again every few seconds, and before closing: never lost
                self._unsaved_notes[cid] = text
                self._note_retry.start()
                if self.detail.company_id() == cid:
                    self.detail.saved_label.setText("Not saved yet — kept, and saved as soon as possible")
                self._store_failed("Note", exc)
                return
        self._unsaved_notes.pop(cid, None)
        self.statusBar().showMessage("Note saved", 2000)

    def _retry_notes(self) -> bool:
        """Try to save notes that could not be saved; True when none is left."""
        for cid, text in list(self._unsaved_notes.items()):
            try:
                self.store.set_note(cid, text)
            except StateError:
                continue
            del self._unsaved_notes[cid]
            if self.detail.company_id() == cid:
                self.detail.saved_label.setText("Saved")
        if self._unsaved_notes:
            self._note_retry.start()
        return not self._unsaved_notes

    # --- status -----------------------------------------------------------------------------

    def _update_status(self) -> None:
        shown, total = self.model.visible_count(), self.model.total_count()
        self.count_label.setText(
            f"Showing {shown:,} of {total:,} companies · Shortlist: {len(self._shortlist)}"
        )
        policy = {"zero": "count as zero", "neutral": "count as 0.5", "exclude": "exclude the company"}
        text = f"Undisclosed figures {policy[self.ranking.policy]}"
        if self.ranking.all_zero:
            text = "All weights are zero: companies listed by name · " + text
        self.policy_label.setText(text)

    def visible_ids(self) -> list[str]:
        return self.model.shown_ids()

    # --- export -----------------------------------------------------------------------------

    def memo_request(self, top_n: int | None = None) -> MemoRequest:
        """What an export writes: the shortlist, or the top N of the table as filtered."""
        notes = {}
        if self.store is not None:
            try:
                notes = self.store.notes()
            except StateError as exc:
                self.statusBar().showMessage(f"Notes could not be read for the memo: {exc}", 20000)
        if top_n is None:
            rows = shortlist_rows(self.dataset, self.ranking, Filters(), self._shortlist)
            filters, selection = Filters(), "shortlist"
        else:
            rows = shown_rows(self.dataset, self.ranking, self.current_filters(), self._shortlist, top_n)
            filters, selection = self.current_filters(), f"top {len(rows)}"
        return MemoRequest(
            dataset=self.dataset,
            ranking=self.ranking,
            company_ids=[str(self.signals.ids[r]) for r in rows],
            notes=notes,
            filters=filters,
            preset=self.weights_panel.current_preset(),
            selection=selection,
            screened=int(self.ranking.included.sum()),
        )

    def export_memo(self, path: str | Path | None = None, top_n: int | None = None) -> None:
        """File → Export memo…: the shortlist, or when it is empty, the top N (asked)."""
        self.detail.flush_note()
        if not self._shortlist and top_n is None:
            n, ok = QInputDialog.getInt(
                self,
                "Export memo",
                "Your shortlist is empty. Export the top companies of the table instead?\nHow many:",
                min(10, max(1, self.model.visible_count())),
                1,
                max(1, self.model.visible_count()),
            )
            if not ok:
                return
            top_n = n
        if path is None:
            folder = str(self.settings.value("export/folder", str(Path.home())))
            suggested = str(Path(folder) / f"AIGC memo {datetime.now():%Y-%m-%d}.xlsx")
            path, _ = QFileDialog.getSaveFileName(self, "Export memo", suggested, "Excel workbook (*.xlsx)")
            if not path:
                return
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
        path = Path(path)
        self.settings.setValue("export/folder", str(path.parent))
        request = self.memo_request(top_n)
        self._export_thread = thread = MemoThread(path, request, self)
        dialog = QProgressDialog("Writing the memo…", "Cancel", 0, 100, self)
        dialog.setWindowTitle("Export memo")
        dialog.setMinimumDuration(400)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.canceled.connect(thread.cancel)
        thread.sig_progress.connect(lambda d, t: dialog.setValue(int(100 * d / max(1, t))))
        thread.sig_done.connect(lambda p: self._on_export_done(p, len(request.company_ids)))
        thread.sig_failed.connect(lambda msg: self._on_export_failed(msg, request))
        thread.finished.connect(dialog.reset)
        thread.finished.connect(thread.deleteLater)
        self.export_action.setEnabled(False)
        self.statusBar().showMessage(f"Writing {path.name}…")
        thread.start()

    def _on_export_done(self, path: str, n: int) -> None:
        self.export_action.setEnabled(True)
        self.last_export = path
        self.statusBar().showMessage(f"Memo of {n} companies saved to {path}", 15000)
        self.sig_export_finished.emit(path, "")

    def _on_export_failed(self, message: str, request: MemoRequest) -> None:
        self.export_action.setEnabled(True)
        if not message:
            self.statusBar().showMessage("Export cancelled; nothing was written", 8000)
            self.sig_export_finished.emit("", "cancelled")
            return
        self.statusBar().showMessage("Export failed: " + message, 15000)
        self.sig_export_finished.emit("", message)
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Memo not saved", message, QMessageBox.StandardButton.Close, self
        )
        again = box.addButton("Save under another name…", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(again)
        box.finished.connect(
            lambda _r: (
                box.clickedButton() is again
                and self.export_memo(
                    top_n=None if request.selection == "shortlist" else len(request.company_ids)
                )
            )
        )
        box.open()

    # --- import -----------------------------------------------------------------------------

    def import_file(self, path: str | Path | None = None) -> None:
        """File → Import…: load a CSV/XLSX table (or a dataset folder) off the UI thread."""
        self.detail.flush_note()
        if path is None:
            folder = str(self.settings.value("import/folder", str(Path.home())))
            path, _ = QFileDialog.getOpenFileName(
                self,
                "Import companies",
                folder,
                "Tables (*.csv *.xlsx);;CSV (*.csv);;Excel workbook (*.xlsx);;All files (*)",
            )
            if not path:
                return
        path = Path(path)
        if path.is_file():
            self.settings.setValue("import/folder", str(path.parent))
        self._import_thread = thread = LoadThread(path, self)
        dialog = QProgressDialog(f"Reading {path.name}…", "Cancel", 0, 100, self)
        dialog.setWindowTitle("Import companies")
        dialog.setMinimumDuration(400)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.canceled.connect(thread.cancel)
        thread.sig_progress.connect(lambda d, t: dialog.setValue(int(100 * d / max(1, t))))
        thread.sig_loaded.connect(lambda loaded: self._on_import_loaded(path, *loaded))
        thread.sig_failed.connect(lambda msg: self._on_import_failed(path, msg))
        thread.finished.connect(dialog.reset)
        thread.finished.connect(thread.deleteLater)
        self.import_action.setEnabled(False)
        self.statusBar().showMessage(f"Reading {path.name}…")
        thread.start()

    def _on_import_loaded(self, path: Path, ds: Dataset, signals=None) -> None:
        self.import_action.setEnabled(True)
        self.set_dataset(ds, signals)
        bundled = dataset_key(ds) == "bundled:report"
        self.settings.setValue("data/path", "" if bundled else str(path))
        text = f"Loaded {ds.summary()}"
        if ds.warnings:
            text += f" · {len(ds.warnings)} cell(s) kept as written or cleaned"
        self.statusBar().showMessage(text, 20000)
        if ds.warnings:
            show_problems(
                self,
                f"Imported {path.name}, with notes",
                f"{ds.summary()}. These cells were kept as written or cleaned; nothing was guessed:",
                list(ds.warnings),
            )
        self.sig_import_finished.emit(str(path), "")

    def _on_import_failed(self, path: Path, message: str) -> None:
        self.import_action.setEnabled(True)
        if not message:
            self.statusBar().showMessage("Import cancelled; nothing changed", 8000)
            self.sig_import_finished.emit("", "cancelled")
            return
        self.statusBar().showMessage(f"{path.name} was not imported; nothing changed", 15000)
        lines = [
            line.strip()[2:] if line.strip().startswith("- ") else line for line in message.splitlines()[1:]
        ]
        show_problems(
            self,
            f"Could not import {path.name}",
            f"{message.splitlines()[0]} Nothing was changed: the companies on screen, your shortlist and "
            "notes are as they were. Fix these in your spreadsheet and import again:",
            lines or [message],
        )
        self.sig_import_finished.emit("", message)
