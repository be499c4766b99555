"""The main window: weights and filters on the left, the ranked table (and the Lenses tab
beside it), the detail view with its sensitivity charts and the segment map on the right.

The window lays out the widgets and wires them to a :class:`core.session.Session`, which holds
the state (dataset, weights, ranking, filters, shortlist, notes) and tells the window what
changed.  Work off the UI thread goes through one :class:`ui.tasks.TaskRunner`; the actions,
undo commands, dialogs and settings keys live in modules of their own.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path

import numpy as np
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core import present
from core.analyst import STAGES, FactInput, contradictions
from core.filters import Filters
from core.ingest import DatasetError, ImportCancelled, dataset_key
from core.lenses import LensResult
from core.merge import added_from
from core.models import Dataset
from core.present import policy_sentence, shown_numbers
from core.scoring import Ranking
from core.segment_layout import passing_counts
from core.session import RankJob, Session
from core.signals import SignalTable
from core.state import StateError
from exports.memo import MemoCancelled, MemoError, MemoRequest, write_memo
from ui import dialogs, geometry
from ui import settings as keys
from ui.actions import build_actions
from ui.analysis import AnalysisMixin
from ui.commands import (
    AddFactCommand,
    EditFactCommand,
    RetireFactCommand,
    ShortlistCommand,
    WeightsCommand,
    WeightsState,
)
from ui.compare_view import CompareDialog
from ui.delegates import ScoreBarDelegate
from ui.detail_view import DetailView
from ui.facts_dialog import FactDialog
from ui.filters_panel import FiltersPanel
from ui.lenses_view import LensesView
from ui.merge_dialog import MergeDialog
from ui.pipeline_view import PipelineView, entries_of
from ui.qt_utils import signals_blocked
from ui.ranking_model import COMPANY_ID_ROLE, Col, RankingModel
from ui.segment_map import SegmentMap
from ui.table_view import RankingTableView
from ui.tasks import TaskRunner, add_universe, load_universe
from ui.weights_panel import WeightsPanel

#: Rank stability is computed when the weights have rested this long (ms).
STABILITY_IDLE_MS = 150
#: The detail view's numbers are redrawn when the weights have rested this long (ms).
DETAIL_IDLE_MS = 40
#: A note that could not be saved is tried again this often (ms).
NOTE_RETRY_MS = 5000
#: The sensitivity charts are computed when the weights and the selection have rested this long (ms).
SENSITIVITY_IDLE_MS = 150
#: The lenses are computed again this long after the policy or the sub-weights last changed (ms).
LENS_IDLE_MS = 300

#: The missing-data policies' names in the status bar (translated at use, context "main_window").
POLICY_NAMES = {
    "zero": QT_TRANSLATE_NOOP("main_window", "zero"),
    "neutral": QT_TRANSLATE_NOOP("main_window", "neutral"),
    "exclude": QT_TRANSLATE_NOOP("main_window", "exclude"),
}


def _timer(parent: QWidget, interval_ms: int, slot) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer


class MainWindow(AnalysisMixin, QMainWindow):
    """The screener's window over one session, with the user's settings."""

    sig_ranking_updated = Signal()
    """A new ranking is shown (after a weight or policy change)."""

    sig_filters_applied = Signal()
    """The table now shows the rows of the current filters."""

    sig_stability_filled = Signal()
    """Rank stability of the shown ranking has been computed (it follows a re-rank when idle)."""

    sig_dataset_changed = Signal()
    """Another dataset is shown (after File → Import… or File → Report data)."""

    sig_universe_changed = Signal(str)
    """Another universe of the dataset is screened and shown (providers, adopters or all)."""

    sig_import_finished = Signal(str, str)
    """An import ended: (path, "") when loaded, ("", problems) when refused or cancelled."""

    sig_export_finished = Signal(str, str)
    """An export ended: (path, "") on success, ("", message) on failure or cancel."""

    sig_lenses_updated = Signal()
    """The universe under every lens was computed and is shown (Lenses tab, table badges)."""

    sig_sensitivity_shown = Signal(str)
    """The sensitivity charts now show this company under the current weights."""

    sig_compare_refused = Signal(str)
    """Compare was asked for a number of companies it does not take: the message shown."""

    sig_facts_shown = Signal()
    """The analyst's facts changed and the table, tooltips and detail view show them."""

    sig_pipeline_shown = Signal()
    """The pipeline changed and the Pipeline tab, the Stage column and filter show it."""

    sig_add_finished = Signal(str, str)
    """File → Add companies… ended: (path, "") when added, ("", why) when refused or cancelled
    ("cancelled" when the user cancelled the load or the merge list)."""

    def __init__(self, session: Session, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.undo_stack = QUndoStack(self)
        self.tasks = TaskRunner(self)
        self._gesture = 0
        self._applying = False
        self._committed: WeightsState = (session.ranking.weights, session.ranking.policy)
        self._selected_id: str | None = None
        self._export_thread = None
        self._import_thread = None
        self.last_export = ""
        # the lenses (every preset and profile) and the sensitivity sweeps, computed off the UI
        # thread one job at a time; a result that no longer answers the inputs is dropped
        self.lens_result: LensResult | None = None
        self._lens_key: tuple | None = None  # the inputs of the result shown (or failed)
        self._lens_running = False
        self._profiles_version = 0
        self._sens_key: tuple | None = None  # the inputs of the sweeps shown
        self._sens_running = False
        self._sens_pending = False
        self.compare_dialog: CompareDialog | None = None
        self.fact_dialog: FactDialog | None = None
        self.merge_dialog: MergeDialog | None = None
        self._add_thread = None
        self._pipeline_size = 0
        self.compare_message = ""
        self._compare_box: QMessageBox | None = None
        self.setWindowTitle(f"AIGC Screener — {session.dataset.name}")

        # --- widgets --------------------------------------------------------------------
        self.weights_panel = WeightsPanel(profiles=session.store)
        self.weights_panel.set_state(session.weights, session.policy, emit=False)
        self.filters_panel = FiltersPanel(session.dataset)
        self.filters_panel.set_universe(session.universe)
        self.filters_panel.set_kinds(self._kind_counts())
        left = QWidget()
        ll = QVBoxLayout(left)
        wbox = QGroupBox(self.tr("Weights"))
        QVBoxLayout(wbox).addWidget(self.weights_panel)
        fbox = QGroupBox(self.tr("Filters"))
        QVBoxLayout(fbox).addWidget(self.filters_panel)
        ll.addWidget(wbox)
        ll.addWidget(fbox)
        ll.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(left.minimumSizeHint().width() + 16)

        self.model = self._new_model()
        self.table = RankingTableView()
        self.table.setObjectName("ranking_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Ctrl+click and Shift+click select several companies (to compare them)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
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
        self.table.setAccessibleName(self.tr("Ranked companies"))
        self.lenses_view = LensesView()
        self.views = QTabWidget()
        self.views.setObjectName("table_tabs")
        self.views.setDocumentMode(True)
        self.views.addTab(self.table, self.tr("Ranking"))
        self.views.addTab(self.lenses_view, self.tr("Lenses"))
        self.pipeline_view = PipelineView()
        self.views.addTab(self.pipeline_view, self.tr("Pipeline"))
        self.views.setTabToolTip(0, self.tr("The companies ranked under the current weights (Ctrl+1)"))
        self.views.setTabToolTip(
            1,
            self.tr(
                "Every company's rank under every preset and saved profile: robust and Pareto-optimal picks (Ctrl+2)"
            ),
        )
        self.views.setTabToolTip(
            2,
            self.tr(
                "Your deal pipeline, grouped by stage: stage, owner and next step of each company (Ctrl+3)"
            ),
        )

        self.detail = DetailView()
        self.segment_map = SegmentMap()
        self._update_map()
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
        main.addWidget(self.views)
        main.addWidget(right)
        main.setStretchFactor(1, 3)
        main.setStretchFactor(2, 2)
        main.setSizes([320, 780, 480])
        self.main_splitter = main
        self.setCentralWidget(main)

        self.count_label = QLabel()
        self.policy_label = QLabel()
        self.tie_label = QLabel()
        self.tie_label.setStyleSheet("color: #8a6d00")
        self.statusBar().addPermanentWidget(self.tie_label)
        self.statusBar().addPermanentWidget(self.policy_label)
        self.statusBar().addPermanentWidget(self.count_label)

        self.window_actions = build_actions(self)
        self.import_action = self.window_actions.import_data
        self.export_action = self.window_actions.export_memo
        self._size_actions = self.window_actions.size_modes

        # --- wiring ---------------------------------------------------------------------
        app = QApplication.instance()
        if app is not None:  # also when the app quits without closing this window first
            app.aboutToQuit.connect(self._shutdown_tasks)
        self._note_retry = _timer(self, NOTE_RETRY_MS, self._retry_notes)
        self._detail_later = False
        self._detail_timer = _timer(self, DETAIL_IDLE_MS, self._refresh_detail)
        self._stability_timer = _timer(self, STABILITY_IDLE_MS, self.session.fill_stability)
        self._sens_timer = _timer(self, SENSITIVITY_IDLE_MS, self.request_sensitivity)
        self._lens_timer = _timer(self, LENS_IDLE_MS, self.request_lenses)
        # coalesce: only the latest value is computed
        self._rerank_timer = _timer(self, 0, self._rerank)
        self.weights_panel.sig_changed.connect(self._rerank_timer.start)
        self.weights_panel.sig_gesture_started.connect(self._new_gesture)
        self.filters_panel.sig_changed.connect(self._apply_filters)
        self.filters_panel.sig_universe_changed.connect(self.set_universe)
        self.filters_panel.sig_results_requested.connect(self.go_to_results)
        self.detail.sig_shortlist_toggled.connect(self._on_detail_star)
        self.detail.sig_note_edited.connect(self._on_note_edited)
        self.detail.sig_company_link_clicked.connect(self._on_company_link)
        self.detail.sig_add_fact.connect(self.add_fact)
        self.detail.sig_fact_action.connect(self._on_fact_action)
        self.pipeline_view.sig_edit.connect(self.set_pipeline_field)
        self.pipeline_view.sig_rename_stage.connect(self.rename_stage)
        self.pipeline_view.sig_company_selected.connect(self._on_pipeline_company)
        self.segment_map.sig_segment_clicked.connect(self.filters_panel.set_segment)
        self.table.clicked.connect(self._on_table_clicked)
        self.weights_panel.sig_profiles_changed.connect(self._on_profiles_changed)
        self.lenses_view.sig_top_n_changed.connect(lambda _n: self.request_lenses())
        self.lenses_view.sig_follow_filters_changed.connect(
            lambda _on: self.lenses_view.set_mask(self.session.mask)
        )
        self.lenses_view.sig_company_selected.connect(self._on_company_link)
        self._install_model()

        events = session.events
        events.ranking.connect(self._on_ranking)
        events.shown.connect(self._show_rows)
        events.shortlist.connect(self._on_shortlist_changed)
        events.stability.connect(self._on_stability)
        events.dataset.connect(self._on_dataset_changed)
        events.universe.connect(self._on_universe_changed)
        events.note_saved.connect(self._on_note_saved)
        events.notes.connect(lambda _cid: self.model.set_notes(self.session.note_heads()))
        events.not_saved.connect(self._store_failed)
        events.warning.connect(lambda message: self.statusBar().showMessage(message, 20000))
        events.facts_changed.connect(self._on_facts_changed)
        events.facts_job.connect(self._run_facts_job)
        events.pipeline_changed.connect(self._on_pipeline_changed)

        self._show_pipeline()
        self._show_fact_marks()
        self._restore_filters()
        self._restore_geometry()
        self._apply_filters()
        self._update_status()
        # open on the company last looked at, else the best ranked one, so the detail is never empty
        last = keys.SELECTED.read(self.settings)
        if not (last and self.select_company(last)) and self.model.rowCount():
            self.select_company(self.model.company_id(0))
        self.request_lenses()

    # --- the session's state, as the tests and tools read it --------------------------------

    @property
    def dataset(self) -> Dataset:
        return self.session.dataset

    @property
    def signals(self) -> SignalTable:
        return self.session.signals

    @property
    def ranking(self) -> Ranking:
        return self.session.ranking

    @property
    def store(self):
        return self.session.store

    @property
    def _rank_busy(self) -> bool:
        return self.session.rank_busy

    @property
    def _rank_pending(self) -> bool:
        return self.session.rank_pending

    def shortlist(self) -> set[str]:
        return set(self.session.shortlist)

    def current_filters(self) -> Filters:
        return self.session.filters

    def visible_ids(self) -> list[str]:
        return self.model.shown_ids()

    # --- model and dataset ------------------------------------------------------------------

    def _new_model(self) -> RankingModel:
        model = RankingModel(self.session.dataset, self.session.ranking, self)
        model.set_shortlist(set(self.session.shortlist))
        model.set_notes(self.session.note_heads())
        return model

    def _install_model(self) -> None:
        self.table.setModel(self.model)  # the view keeps the user's columns through a new model
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.model.modelReset.connect(self._follow_selection)

    def set_dataset(self, ds: Dataset, signals: SignalTable | None = None) -> None:
        """Screen another universe with the current weights; the old one is left untouched."""
        self.detail.flush_note()
        self.detail.clear()
        self.session.set_dataset(ds, signals)

    def _on_dataset_changed(self) -> None:
        s = self.session
        self._selected_id = None
        self._committed = (s.ranking.weights, s.ranking.policy)
        self.undo_stack.clear()  # its steps name companies of the old dataset
        old = self.model
        self.model = self._new_model()
        self._install_model()
        old.deleteLater()
        self.table.horizontalHeader().setSortIndicator(Col.RANK, Qt.SortOrder.AscendingOrder)
        self._update_map()
        self.setWindowTitle(f"AIGC Screener — {s.dataset.name}")
        self.filters_panel.set_kinds(self._kind_counts())
        self._show_pipeline()
        self._show_fact_marks()
        self.filters_panel.set_dataset(s.dataset)  # clears the filters and applies them
        self._follow_rows()  # the best ranked company, or why there is none
        self._update_status()
        self._stability_timer.start()
        self._sens_timer.start()
        self.request_lenses()
        self.sig_dataset_changed.emit()

    def _update_map(self) -> None:
        """The segment map of the session's dataset: its sizes, and the figures the report gives."""
        s = self.session
        numbers = {seg.ref: shown_numbers(s.dataset, seg.ref) for seg in s.dataset.segments}
        self.segment_map.set_data(s.dataset.segments, *s.segment_sizes(), numbers=numbers)
        self._update_map_passing()

    def _update_map_passing(self) -> None:
        """How many of each segment's companies the table shows (the map fills its marks so)."""
        t = self.session.signals
        self.segment_map.set_passing(passing_counts(t.segment_refs, t.segment_member, self.session.mask))

    def _kind_counts(self) -> dict[str, int]:
        """How many companies of each kind the universe holds."""
        t = self.session.signals
        kinds, counts = np.unique(t.kinds[t.in_universe].astype(str), return_counts=True)
        return dict(zip(kinds.tolist(), counts.tolist(), strict=True))

    def set_universe(self, universe: str) -> None:
        """Screen another universe of the dataset: providers, adopters or all.  The shortlist,
        notes, filters and the company looked at are kept (when it is in the new universe)."""
        self.detail.flush_note()
        self.session.set_universe(universe)

    def _on_universe_changed(self, universe: str) -> None:
        s = self.session
        self.filters_panel.set_universe(universe)
        self.filters_panel.set_kinds(self._kind_counts())
        keys.UNIVERSE.write(self.settings, universe)
        self._committed = (s.ranking.weights, s.ranking.policy)
        selected = self._selected_id
        self.model.set_universe(s.ranking, s.mask)
        self.model.set_lenses(None)  # the old universe's badges are not this one's
        self._update_map()
        self.segment_map.set_selected(next(iter(s.filters.segments), None))
        if not (selected and self.select_company(selected)):
            self._follow_rows()  # the first row shown, or the detail says nothing matches
        if self._selected_id is not None:
            self._detail_timer.stop()
            self._show_detail(self._selected_id)  # its rank and signals are the new universe's
        self._update_status()
        self._stability_timer.start()
        self._sens_timer.start()
        self.request_lenses()
        self.sig_universe_changed.emit(universe)

    # --- start-up and persistence ----------------------------------------------------------

    def _restore_filters(self) -> None:
        with signals_blocked(self.filters_panel):
            self.filters_panel.set_filters(keys.FILTERS.read(self.settings))

    def _splitters(self) -> tuple[tuple[keys.Setting, QSplitter], ...]:
        return (
            (keys.MAIN_SPLITTER, self.main_splitter),
            (keys.RIGHT_SPLITTER, self.right_splitter),
            (keys.DETAIL_SPLITTER, self.detail.splitter),
        )

    def _restore_geometry(self) -> None:
        """The saved window made to fit this screen (or the first-launch size), the saved panes,
        and the user's table columns (the defaults fit the table's width)."""
        geometry.place_window(self, keys.WINDOW_GEOMETRY.read(self.settings))
        for key, splitter in self._splitters():
            state = key.read(self.settings)
            if not state.isEmpty() and splitter.restoreState(state) and splitter is self.detail.splitter:
                self.detail.keep_panes()
        if keys.MAIN_SPLITTER.read(self.settings).isEmpty():
            geometry.share_width(self.main_splitter, self.width())
        self.table.use_settings(self.settings, fit_width=self.main_splitter.sizes()[1])

    def save_settings(self) -> None:
        geometry.toggle_focus(self.main_splitter, False)  # save the panes as they are outside focus mode
        s = self.settings
        keys.WINDOW_GEOMETRY.write(s, self.saveGeometry())
        for key, splitter in self._splitters():
            key.write(s, splitter.saveState())
        keys.WEIGHTS.write(s, self.ranking.weights)
        keys.POLICY.write(s, self.ranking.policy)
        keys.FILTERS.write(s, self.filters_panel.filters())
        keys.SELECTED.write(s, self._selected_id or "")
        s.sync()

    def _shutdown_tasks(self) -> None:
        with contextlib.suppress(RuntimeError):  # already gone with the window
            self.tasks.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.detail.flush_note()
        if (
            self.session.has_unsaved_notes
            and not self._retry_notes()
            and not dialogs.ask_close_with_unsaved_notes(self, self.session.unsaved_notes())
        ):
            event.ignore()
            return
        self.save_settings()
        # an export or import still running is cancelled and waited for, so that no half
        # work is left and Qt never destroys a running thread
        self._shutdown_tasks()
        super().closeEvent(event)

    # --- ranking ----------------------------------------------------------------------------

    def _new_gesture(self) -> None:
        self._gesture += 1

    def _rerank(self) -> None:
        """Rank with the panel's weights: the session ranks a small universe at once; a large
        one in a task, one at a time, always with the latest weights (a drag never queues up
        work and the UI thread only shows results)."""
        # the detail's numbers and the stability wait until the sliders rest
        self._detail_timer.start()
        self._stability_timer.start()
        if self._selected_id is not None:
            self.detail.sensitivity.set_pending(self._selected_id)  # dimmed until they rest
        self._sens_timer.start()
        self._run_rank(self.session.request_rank(self.weights_panel.weights(), self.weights_panel.policy()))

    def _run_rank(self, job: RankJob | None) -> None:
        if job is None:
            return
        self.tasks.start(
            job.run,
            on_done=lambda ranking: self._run_rank(self.session.rank_done(job, ranking)),
            on_failed=lambda exc: self._on_rank_failed(job, exc),
        )

    def _on_rank_failed(self, job: RankJob, exc: Exception) -> None:
        self.statusBar().showMessage(
            self.tr("The ranking could not be computed: {error}").format(error=exc), 20000
        )
        self._run_rank(self.session.rank_done(job, None))

    def _on_ranking(self, previous: Ranking, shown_changed: bool) -> None:
        ranking = self.session.ranking
        state = (ranking.weights, ranking.policy)
        new_step = self._applying
        if not self._applying and state != self._committed:
            index = self.undo_stack.index()
            self.undo_stack.push(WeightsCommand(self._apply_state, self._committed, state, self._gesture))
            new_step = self.undo_stack.index() > index  # not merged into the step before
        # Δ compares with the ranking before the current undo step (a whole drag, not one tick)
        self.model.set_ranking(ranking, baseline=previous.rank if new_step else None)
        if shown_changed:
            self._show_rows()
        self._committed = state
        self._follow_selection()
        self._update_status()
        self._stability_timer.start()  # when the sliders rest
        self._sens_timer.start()
        if self._lens_key is not None and self._lens_inputs()[1:3] != self._lens_key[1:3]:
            self._lens_timer.start()  # the policy or the sub-weights changed: the lenses follow
        self.sig_ranking_updated.emit()

    def _on_stability(self) -> None:
        self.model.stability_changed()
        if self._selected_id is not None:
            self._show_detail(self._selected_id)
        self.sig_stability_filled.emit()

    def _apply_state(self, state: WeightsState) -> None:
        """Show weights and policy from undo/redo, without recording a new step."""
        self._applying = True
        try:
            self.weights_panel.set_state(*state, emit=False)
            self._committed = state
            self.session.drop_running_rank()  # a ranking computed for the old weights is not shown
            self._rerank()
        finally:
            self._applying = False

    def score_order(self) -> None:
        self.table.sortByColumn(Col.RANK, Qt.SortOrder.AscendingOrder)
        self._follow_selection()

    # --- filters ----------------------------------------------------------------------------

    def _apply_filters(self) -> None:
        self.session.set_filters(self.filters_panel.filters())

    def _show_rows(self) -> None:
        self.model.set_visible(self.session.mask)
        self.lenses_view.set_mask(self.session.mask)
        self.segment_map.set_selected(next(iter(self.session.filters.segments), None))
        self._update_map_passing()
        self._update_status()
        self.sig_filters_applied.emit()

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
        """Keep the selected company selected and visible after the rows moved; when it left
        the table (filters, search, the map, a universe), the first row shown takes its place."""
        cid = self._selected_id
        row = self.model.row_of(cid) if cid is not None else None
        if row is None:
            self._follow_rows()
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

    def _follow_rows(self) -> None:
        """No company shown is current: make the first row shown current (the detail shows it
        at once), or say in the detail that nothing matches the filters."""
        if self.model.rowCount():
            self.select_company(self.model.company_id(0))
            return
        self._selected_id = None
        self._detail_timer.stop()
        if self.model.total_count():
            self.detail.show_empty(
                self.tr("No company matches the filters"),
                self.tr(
                    "Nothing in the table matches the search and filters. Clear filters "
                    "(Ctrl+Shift+L, or the Clear filters button) or change the search to see companies again."
                ),
            )
        else:
            self.detail.show_empty(
                self.tr("No company to show"),
                self.tr("This universe holds no company: choose another universe."),
            )

    def go_to_results(self) -> None:
        """From the search box (Enter or ↓): the first company shown becomes current and the
        table takes the keyboard focus."""
        if self.model.rowCount():
            self.select_company(self.model.company_id(0))
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        cid = current.data(COMPANY_ID_ROLE)
        self._selected_id = cid
        self.lenses_view.select_company(cid, notify=False)
        if self._sens_key is None or self._sens_key[0] != cid:
            self.detail.sensitivity.set_pending(cid)  # not the last company's charts meanwhile
        self._sens_timer.start()
        if self._detail_later:
            self._detail_timer.start()
        else:
            self._show_detail(cid)

    def _on_company_link(self, cid: str) -> None:
        """A client named in the detail view was clicked: show it, or say why it is not shown."""
        if self.select_company(cid):
            return
        name = self.session.company_name(cid) if cid in self.dataset.company_by_id else cid
        self.statusBar().showMessage(
            self.tr("{name} is not shown: it is outside the current universe or filters").format(name=name),
            10000,
        )

    def _refresh_detail(self) -> None:
        if self._selected_id is not None:
            self._show_detail(self._selected_id)

    def _show_detail(self, cid: str) -> None:
        s = self.session
        facts = s.facts(cid)
        entry = self._pipeline.get(cid)
        self.detail.show_company(
            s.dataset,
            s.ranking,
            s.signals.row_of[cid],
            shortlisted=s.is_shortlisted(cid),
            note=s.note(cid),
            facts=facts,
            contradictions=contradictions(s.base, facts) if facts else {},
            include_facts=s.include_facts,
            stage=present.stage_label(entry.stage, self._stage_labels) if entry is not None else "",
        )

    # --- shortlist and notes ----------------------------------------------------------------

    def _star(self, cid: str, on: bool) -> None:
        self.undo_stack.push(ShortlistCommand(self.session, cid, on))

    def _on_table_clicked(self, index: QModelIndex) -> None:
        if index.column() == Col.STAR:
            cid = index.data(COMPANY_ID_ROLE)
            self._star(cid, not self.session.is_shortlisted(cid))

    def toggle_current_star(self) -> None:
        ix = self.table.currentIndex()
        if ix.isValid():
            cid = ix.data(COMPANY_ID_ROLE)
            self._star(cid, not self.session.is_shortlisted(cid))

    def _on_detail_star(self, cid: str, on: bool) -> None:
        if self.session.is_shortlisted(cid) != on:
            self._star(cid, on)

    def _on_shortlist_changed(self, cid: str, on: bool) -> None:
        self.model.set_shortlist(set(self.session.shortlist))
        if self.detail.company_id() == cid:
            self.detail.set_shortlisted(on)
        self._update_status()

    def _store_failed(self, what: str, message: str) -> None:
        """A write to the user's store failed: say so; what is on screen is kept."""
        self.statusBar().showMessage(
            self.tr("{what} not saved: {message}").format(what=what, message=message), 20000
        )
        dialogs.show_not_saved(self, what, message)

    def _on_note_edited(self, cid: str, text: str) -> None:
        if self.session.save_note(cid, text):
            if self.store is not None:
                self.statusBar().showMessage(self.tr("Note saved"), 2000)
            else:
                self.statusBar().showMessage(
                    self.tr("Note kept until the app closes (it cannot be saved this time)"), 5000
                )
            return
        # kept by the session and tried again every few seconds, and before closing: never lost
        self._note_retry.start()
        if self.detail.company_id() == cid:
            self.detail.saved_label.setText(self.tr("Not saved yet — kept, and saved as soon as possible"))

    def _retry_notes(self) -> bool:
        """Try to save notes that could not be saved; True when none is left."""
        done = self.session.retry_notes()
        if not done:
            self._note_retry.start()
        return done

    def _on_note_saved(self, cid: str) -> None:
        if self.detail.company_id() == cid:
            self.detail.saved_label.setText(self.tr("Saved"))

    # --- status -----------------------------------------------------------------------------

    def tie_note(self) -> str | None:
        """What the status bar says when the top ``top_k`` of the table (in score order, as
        filtered) end inside a tie: "Top 10: places 8–18 are shared by 11 companies (score 66.7)"."""
        ranking = self.ranking
        note = ranking.tie_note(ranking.top_k, self.session.shown_rows())
        return self.tr("Top {n}: {note}").format(n=ranking.top_k, note=note) if note else None

    def _update_status(self) -> None:
        shown, total = self.model.visible_count(), self.model.total_count()
        universe = present.universe_label(self.session.universe)
        self.count_label.setText(
            self.tr(
                "Showing {shown} of {total} companies · Universe: {universe} · Shortlist: {shortlist}"
            ).format(
                shown=f"{shown:,}",
                total=f"{total:,}",
                universe=universe,
                shortlist=len(self.session.shortlist),
            )
        )
        self.count_label.setToolTip(present.capital_first(present.universe_sentence(self.session.universe)))
        note = self.tie_note()
        self.tie_label.setText(note or "")
        self.tie_label.setToolTip(present.capital_first(present.tie_order()) if note else "")
        self.tie_label.setVisible(note is not None)
        policy = self.ranking.policy
        name = (
            QCoreApplication.translate("main_window", POLICY_NAMES[policy])
            if policy in POLICY_NAMES
            else policy
        )
        text = self.tr("{sentence} (missing-data policy: {policy})").format(
            sentence=policy_sentence(policy, capital=True), policy=name
        )
        if self.ranking.all_zero:
            text = self.tr("All weights are zero: companies listed by name · {text}").format(text=text)
        self.policy_label.setText(text)

    # --- the analyst's facts ----------------------------------------------------------------

    def _fact_name(self, cid: str) -> str:
        try:
            return self.session.company_name(cid)
        except KeyError:
            return cid

    def add_fact(self, company_id: str | None = None) -> FactDialog | None:
        """Add fact… (Ctrl+Shift+F): a fact about the company shown (or ``company_id``), typed in
        a dialog; stored (committed) when the dialog is saved, and one undo step."""
        cid = company_id or self._selected_id
        if not cid:
            self.statusBar().showMessage(self.tr("Select a company first: a fact is about one company"), 8000)
            return None
        return self._open_fact_dialog(cid, None)

    def edit_fact(self, fact_id: int) -> FactDialog | None:
        """Edit… a fact: the old one is retired (kept in the history), the new one replaces it."""
        fact = self._fact(fact_id)
        if fact is None:
            return None
        return self._open_fact_dialog(fact.company_id, fact)

    def _fact(self, fact_id: int):
        found = next((f for f in self.session.facts() if f.id == fact_id), None)
        if found is None:
            self.statusBar().showMessage(
                self.tr("Fact #{id} is not among your facts of this dataset").format(id=fact_id), 10000
            )
        return found

    def _open_fact_dialog(self, cid: str, old) -> FactDialog:
        def submit(values: dict[str, object]) -> None:
            inp = FactInput(company_id=cid, **values)  # FactError names the field
            if old is None:
                fact = self.session.add_fact(inp)
                self.undo_stack.push(AddFactCommand(self.session, fact))
                self.statusBar().showMessage(
                    self.tr("Fact about {name} saved").format(name=self._fact_name(cid)), 8000
                )
            else:
                fact = self.session.edit_fact(old.id, inp)
                self.undo_stack.push(EditFactCommand(self.session, old.id, fact))
                self.statusBar().showMessage(
                    self.tr("Fact about {name} saved (the old one retired)").format(
                        name=self._fact_name(cid)
                    ),
                    8000,
                )

        if self.fact_dialog is not None:
            self.fact_dialog.close()
        initial = None
        if old is not None:
            initial = {
                k: getattr(old, k)
                for k in (
                    "kind",
                    "round",
                    "amount",
                    "date",
                    "valuation",
                    "investors",
                    "text",
                    "source",
                    "seen",
                )
            }
        dialog = FactDialog(self._fact_name(cid), submit, initial=initial, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "fact_dialog", None))
        self.fact_dialog = dialog
        dialog.open()
        return dialog

    def retire_fact(self, fact_id: int, *, restore: bool = False) -> None:
        """Retire a fact (it stays in the history, no longer counted), or restore a retired one;
        one undo step either way."""
        fact = self._fact(fact_id)
        if fact is None:
            return
        index = self.undo_stack.index()
        self.undo_stack.push(RetireFactCommand(self.session, fact, restore=restore))
        if self.undo_stack.index() > index:
            if restore:
                text = self.tr("Fact #{id} restored")
            else:
                text = self.tr("Fact #{id} retired (kept in the history; Ctrl+Z brings it back)")
            self.statusBar().showMessage(text.format(id=fact_id), 8000)

    def _on_fact_action(self, action: str, fact_id: int) -> None:
        if action == "edit":
            self.edit_fact(fact_id)
        elif action == "retire":
            self.retire_fact(fact_id)
        elif action == "restore":
            self.retire_fact(fact_id, restore=True)

    def set_include_facts(self, on: bool) -> None:
        """View → Include my facts: your facts count in the ranking (remembered)."""
        keys.INCLUDE_FACTS.write(self.settings, on)
        action = self.window_actions.include_facts
        if action.isChecked() != on:
            with signals_blocked(action):
                action.setChecked(on)
        if self.session.include_facts != on:
            self.session.set_include_facts(on)
        self.statusBar().showMessage(
            self.tr("Your facts count in the ranking")
            if on
            else self.tr("The report's ranking: your facts are shown, not counted"),
            8000,
        )

    def _run_facts_job(self, job) -> None:
        """A large dataset's signals with the facts, built off the UI thread."""
        self.statusBar().showMessage(self.tr("Counting your facts in the signals…"))

        def failed(exc: Exception) -> None:
            self.statusBar().showMessage(
                self.tr("Your facts could not be counted: {error}").format(error=exc), 20000
            )
            self.session.facts_done(job, None)

        self.tasks.start(job.run, on_done=lambda table: self.session.facts_done(job, table), on_failed=failed)

    def _on_facts_changed(self, *_args) -> None:
        """The facts (or Include my facts) changed: the session's dataset, signals and ranking
        are new (the same companies); the table shows them, Δ giving the facts' effect."""
        s = self.session
        self._committed = (s.ranking.weights, s.ranking.policy)
        self.model.set_derived(s.dataset, s.ranking, s.mask)
        self.model.set_lenses(None)
        self._show_fact_marks()
        self._update_map()
        self._follow_selection()
        if self._selected_id is not None:
            self._detail_timer.stop()
            self._show_detail(self._selected_id)
        self._update_status()
        self._stability_timer.start()
        self._sens_timer.start()
        self.request_lenses()
        self.sig_facts_shown.emit()

    def _show_fact_marks(self) -> None:
        """The name cells' tooltips say each company's active facts."""
        lines: dict[str, list[str]] = {}
        for f in self.session.facts():
            if f.retired_at is None:
                lines.setdefault(f.company_id, []).append(f"{present.analyst_mark(f.mark)}: {f.summary()}")
        if not self.session.include_facts:
            off = self.tr("(not counted: View → Include my facts is off)")
            lines = {cid: [*ls, off] for cid, ls in lines.items()}
        for cid, file in added_from(self.session.dataset).items():
            lines.setdefault(cid, []).insert(0, present.added_text(file))
        self.model.set_facts(lines)

    # --- pipeline ---------------------------------------------------------------------------

    def show_pipeline(self) -> None:
        self.views.setCurrentWidget(self.pipeline_view)
        self.pipeline_view.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _show_pipeline(self) -> None:
        """The pipeline as the session has it: the Pipeline tab, the Stage column and filter."""
        s = self.session
        self._pipeline = s.pipeline()
        self._stage_labels = s.stage_labels()
        stages = {cid: e.stage for cid, e in self._pipeline.items()}
        names = {cid: self._fact_name(cid) for cid in self._pipeline}
        self.pipeline_view.set_pipeline(entries_of(self._pipeline, names), STAGES, self._stage_labels)
        self.model.set_pipeline(stages, self._stage_labels, STAGES)
        counts: dict[str, int] = {}
        for st in stages.values():
            counts[st] = counts.get(st, 0) + 1
        self.filters_panel.set_stages(STAGES, self._stage_labels, counts)
        if self._pipeline_size == 0 and self._pipeline and self.table.isColumnHidden(Col.STAGE):
            self.table.set_column_shown(Col.STAGE, True)  # the first company in the pipeline
        self._pipeline_size = len(self._pipeline)

    def _on_pipeline_changed(self, *_args) -> None:
        self._show_pipeline()
        if self.session.filters.stages:
            self._apply_filters()  # who is in the stage filtered on may have changed
        if self._selected_id is not None:
            self._detail_timer.stop()
            self._show_detail(self._selected_id)
        self.sig_pipeline_shown.emit()

    def set_pipeline_field(self, company_id: str, field: str, value: str) -> bool:
        """A company's stage, owner, next step or next date changed (the Pipeline tab): stored
        and logged by the session; a refusal is said and nothing changes."""
        try:
            self.session.set_pipeline(company_id, **{field: value})
        except (StateError, ValueError) as exc:
            self.statusBar().showMessage(self.tr("Pipeline not changed: {error}").format(error=exc), 15000)
            dialogs.show_not_saved(self, self.tr("Pipeline change"), str(exc))
            self._show_pipeline()
            return False
        return True

    def rename_stage(self, stage: str, label: str) -> bool:
        try:
            self.session.rename_stage(stage, label)
        except (StateError, ValueError) as exc:
            self.statusBar().showMessage(self.tr("Stage not renamed: {error}").format(error=exc), 15000)
            return False
        return True

    def _on_pipeline_company(self, cid: str) -> None:
        self.show_ranking()
        self._on_company_link(cid)

    # --- add companies ----------------------------------------------------------------------

    def add_companies(self, path: str | Path | None = None) -> None:
        """File → Add companies…: read a table of your companies off the UI thread, merge it
        beside the dataset's (a company already there by name, alias or English name is merged,
        not repeated), list the merges to confirm; OK shows the result, Cancel changes nothing."""
        self.detail.flush_note()
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Add companies"),
                keys.IMPORT_FOLDER.read(self.settings),
                self.tr("Tables (*.csv *.xlsx);;CSV (*.csv);;Excel workbook (*.xlsx);;All files (*)"),
            )
            if not path:
                return
        source = Path(path)
        with contextlib.suppress(OSError, ValueError):
            if source.is_file():
                keys.IMPORT_FOLDER.write(self.settings, str(source.parent))
        reading = self.tr("Reading {file}…").format(file=source.name)
        dialog = self._progress_dialog(reading, self.tr("Add companies"))
        self.window_actions.add_companies.setEnabled(False)
        self.statusBar().showMessage(reading)
        base = self.session.base
        self._add_thread = task = self.tasks.start(
            lambda progress: add_universe(base, source, progress),
            on_done=lambda result: self._on_add_loaded(source, *result),
            on_failed=lambda exc: self._on_add_failed(source, _import_message(source, exc)),
            on_progress=lambda d, t: dialog.setValue(int(100 * d / max(1, t))),
            on_finished=dialog.reset,
        )
        dialog.canceled.connect(task.cancel)

    def _on_add_loaded(self, path: Path, merged: Dataset, merges: list, added: int) -> None:
        self.window_actions.add_companies.setEnabled(True)
        box = MergeDialog(path.name, added, merges, merged.warnings[-20:] if merged.warnings else (), self)
        self.merge_dialog = box

        def done(result: int) -> None:
            self.merge_dialog = None
            if result != MergeDialog.DialogCode.Accepted:
                # (declined: not offered again next start)
                keys.ADDED_FILES.write(
                    self.settings, [p for p in keys.ADDED_FILES.read(self.settings) if p != str(path)]
                )
                self.statusBar().showMessage(
                    self.tr("{file} was not added; nothing changed").format(file=path.name), 8000
                )
                self.sig_add_finished.emit("", "cancelled")
                return
            self.set_dataset(merged)
            files = [p for p in keys.ADDED_FILES.read(self.settings) if p != str(path)]
            keys.ADDED_FILES.write(self.settings, [*files, str(path)])
            self.statusBar().showMessage(
                self.tr("Added {added} companies from {file}; {merged} merged with the dataset's").format(
                    added=added, file=path.name, merged=len(merges)
                ),
                15000,
            )
            self.sig_add_finished.emit(str(path), "")

        box.finished.connect(done)
        box.open()

    def _on_add_failed(self, path: Path, message: str) -> None:
        self.window_actions.add_companies.setEnabled(True)
        if not message:
            self.statusBar().showMessage(self.tr("Adding cancelled; nothing changed"), 8000)
            self.sig_add_finished.emit("", "cancelled")
            return
        self.statusBar().showMessage(
            self.tr("{file} was not added; nothing changed").format(file=path.name), 15000
        )
        dialogs.show_import_problems(self, path.name, message)
        self.sig_add_finished.emit("", message)

    # --- export -----------------------------------------------------------------------------

    def memo_request(self, top_n: int | None = None) -> MemoRequest:
        """What an export writes: the shortlist, or the top N of the table as filtered."""
        selection = self.session.memo_request(top_n, preset=self.weights_panel.current_preset())
        return MemoRequest(**selection.as_kwargs())

    def _progress_dialog(self, label: str, title: str) -> QProgressDialog:
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 100, self)
        dialog.setWindowTitle(title)
        dialog.setMinimumDuration(400)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        return dialog

    def export_memo(self, path: str | Path | None = None, top_n: int | None = None) -> None:
        """File → Export memo…: the shortlist, or when it is empty, the top N (asked)."""
        self.detail.flush_note()
        self.filters_panel.flush()  # a search still being typed counts
        if not self.session.shortlist and top_n is None:
            n, ok = QInputDialog.getInt(
                self,
                self.tr("Export memo"),
                self.tr("Your shortlist is empty. Export the top companies of the table instead?\nHow many:"),
                min(10, max(1, self.model.visible_count())),
                1,
                max(1, self.model.visible_count()),
            )
            if not ok:
                return
            top_n = n
        if path is None:
            folder = keys.EXPORT_FOLDER.read(self.settings)
            name = self.tr("AIGC memo {date}.xlsx").format(date=f"{datetime.now():%Y-%m-%d}")
            suggested = str(Path(folder) / name)
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export memo"), suggested, self.tr("Excel workbook (*.xlsx)")
            )
            if not path:
                return
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
        target = Path(path)
        keys.EXPORT_FOLDER.write(self.settings, str(target.parent))
        request = self.memo_request(top_n)
        dialog = self._progress_dialog(self.tr("Writing the memo…"), self.tr("Export memo"))
        self.export_action.setEnabled(False)
        self.statusBar().showMessage(self.tr("Writing {file}…").format(file=target.name))
        self._export_thread = task = self.tasks.start(
            lambda progress: write_memo(target, request, progress),
            on_done=lambda written: self._on_export_done(str(written), len(request.company_ids)),
            on_failed=lambda exc: self._on_export_failed(_export_message(target, exc), request),
            on_progress=lambda d, t: dialog.setValue(int(100 * d / max(1, t))),
            on_finished=dialog.reset,
        )
        dialog.canceled.connect(task.cancel)

    def _on_export_done(self, path: str, n: int) -> None:
        self.export_action.setEnabled(True)
        self.last_export = path
        self.statusBar().showMessage(
            self.tr("Memo of {n} companies saved to {path}").format(n=n, path=path), 15000
        )
        self.sig_export_finished.emit(path, "")

    def _on_export_failed(self, message: str, request: MemoRequest) -> None:
        self.export_action.setEnabled(True)
        if not message:
            self.statusBar().showMessage(self.tr("Export cancelled; nothing was written"), 8000)
            self.sig_export_finished.emit("", "cancelled")
            return
        self.statusBar().showMessage(self.tr("Export failed: {message}").format(message=message), 15000)
        self.sig_export_finished.emit("", message)
        top_n = None if request.selection == "shortlist" else len(request.company_ids)
        dialogs.show_export_failed(self, message, lambda: self.export_memo(top_n=top_n))

    # --- import -----------------------------------------------------------------------------

    def import_file(self, path: str | Path | None = None) -> None:
        """File → Import…: load a CSV/XLSX table (or a dataset folder) off the UI thread."""
        self.detail.flush_note()
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import companies"),
                keys.IMPORT_FOLDER.read(self.settings),
                self.tr(
                    "Tables (*.csv *.xlsx *.parquet *.feather *.arrow);;CSV (*.csv);;Excel workbook (*.xlsx);;"
                    "Parquet (*.parquet);;Arrow IPC / Feather (*.feather *.arrow);;All files (*)"
                ),
            )
            if not path:
                return
        source = Path(path)
        try:
            is_file = source.is_file()
        except (OSError, ValueError):  # a name too long, a NUL: the import says why, in plain words
            is_file = False
        if is_file:
            keys.IMPORT_FOLDER.write(self.settings, str(source.parent))
        reading = self.tr("Reading {file}…").format(file=source.name)
        dialog = self._progress_dialog(reading, self.tr("Import companies"))
        self.import_action.setEnabled(False)
        self.statusBar().showMessage(reading)
        self._import_thread = task = self.tasks.start(
            lambda progress: load_universe(source, progress),
            on_done=lambda loaded: self._on_import_loaded(source, *loaded),
            on_failed=lambda exc: self._on_import_failed(source, _import_message(source, exc)),
            on_progress=lambda d, t: dialog.setValue(int(100 * d / max(1, t))),
            on_finished=dialog.reset,
        )
        dialog.canceled.connect(task.cancel)

    def _on_import_loaded(self, path: Path, ds: Dataset, signals: SignalTable | None = None) -> None:
        self.import_action.setEnabled(True)
        self.set_dataset(ds, signals)
        bundled = dataset_key(ds) == "bundled:report"
        keys.DATA_PATH.write(self.settings, "" if bundled else str(path))
        text = self.tr("Loaded {summary}").format(summary=ds.summary())
        if ds.warnings:
            text += self.tr(" · {count} cell(s) kept as written or cleaned").format(count=len(ds.warnings))
        self.statusBar().showMessage(text, 20000)
        if ds.warnings:
            dialogs.show_problems(
                self,
                self.tr("Imported {file}, with notes").format(file=path.name),
                self.tr(
                    "{summary}. These cells were kept as written or cleaned; nothing was guessed:"
                ).format(summary=ds.summary()),
                list(ds.warnings),
            )
        # companies added to the universe shown before are not added to this one (app.run_app
        # reads the list before it reopens the last import, and adds them again after it)
        keys.ADDED_FILES.write(self.settings, [])
        self.sig_import_finished.emit(str(path), "")

    def _on_import_failed(self, path: Path, message: str) -> None:
        self.import_action.setEnabled(True)
        if not message:
            self.statusBar().showMessage(self.tr("Import cancelled; nothing changed"), 8000)
            self.sig_import_finished.emit("", "cancelled")
            return
        self.statusBar().showMessage(
            self.tr("{file} was not imported; nothing changed").format(file=path.name), 15000
        )
        dialogs.show_import_problems(self, path.name, message)
        self.sig_import_finished.emit("", message)


def _export_message(path: Path, exc: Exception) -> str:
    """Why a memo was not written, for the user; empty when cancelled."""
    if isinstance(exc, MemoCancelled):
        return ""
    if isinstance(exc, MemoError):
        return str(exc)
    return QCoreApplication.translate(
        "main_window", "{path}: the memo could not be written ({error})"
    ).format(path=path, error=exc)


def _import_message(path: Path, exc: Exception) -> str:
    """Every problem of a refused import, as text; empty when cancelled."""
    if isinstance(exc, ImportCancelled):
        return ""
    if isinstance(exc, DatasetError):
        return str(exc)
    return QCoreApplication.translate(
        "main_window", "{path}: 1 problem in the dataset:\n  - could not be read ({error})"
    ).format(path=path, error=exc)
