"""The Lenses tab: the universe under every preset and saved profile, side by side.

One row per company ranked under at least one lens: its name, the robust (✓) and Pareto (◆)
badges, under how many lenses it is in the top N, and its shared rank under each lens ("5=",
"—" when a lens does not rank it).  The numbers are :func:`core.lenses.compute_lenses`'s, computed
off the UI thread by the window (:meth:`ui.main_window.MainWindow.request_lenses`); the model only
orders and formats them.  Sorting happens in the model with numpy (as the ranked table's), and
ascending is "best first" in every column.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import present
from core.lenses import DEFAULT_TOP_N, LensResult
from core.models import Dataset
from ui.qt_utils import signals_blocked
from ui.ranking_model import COMPANY_ID_ROLE, SORT_ROLE

#: The fixed columns before one column per lens.
COMPANY, ROBUST, PARETO, TOP = range(4)
FIXED_COLUMNS = 4
#: The robust threshold a user may choose (the top N under every lens).
TOP_N_RANGE = (1, 100)

_IN_TOP = QBrush(QColor(222, 242, 226))
_BADGE = QBrush(QColor(22, 110, 50))
_PARETO = QBrush(QColor(106, 60, 160))
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)


@dataclass(frozen=True)
class ShownLenses:
    """A lens result with what the views derive from it, all computed off the UI thread:
    ``shared`` (rows x lenses: another company has the same rank under that lens) and
    ``order`` (the ranked rows, best first: :meth:`core.lenses.LensResult.order`)."""

    result: LensResult
    shared: np.ndarray
    order: np.ndarray


def prepare(result: LensResult) -> ShownLenses:
    """Everything the Lenses tab and the table's badges need of ``result`` (in the worker)."""
    return ShownLenses(result, result.shared, result.order())


class LensesModel(QAbstractTableModel):
    """The rows of a :class:`core.lenses.LensResult` (those ranked under at least one lens, and
    passing ``mask`` when one is set), sorted in numpy."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._result: LensResult | None = None
        self._shared: np.ndarray | None = None
        self._ds: Dataset | None = None
        self._mask: np.ndarray | None = None
        self._order = np.zeros(0, dtype=np.int64)  # the result's order(): ranked rows, best first
        self._rows = np.zeros(0, dtype=np.int64)  # the rows shown, in display order
        self._sort: tuple[int, Qt.SortOrder] = (TOP, Qt.SortOrder.AscendingOrder)
        self._names: dict[int, str] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    # --- what is shown ----------------------------------------------------------------------

    @property
    def result(self) -> LensResult | None:
        return self._result

    def set_result(self, shown: ShownLenses | None, dataset: Dataset | None) -> None:
        """Show a lens result (None: nothing, e.g. while it is computed)."""
        self.beginResetModel()
        self._result = shown.result if shown is not None else None
        self._ds = dataset
        self._shared = shown.shared if shown is not None else None
        self._order = shown.order if shown is not None else np.zeros(0, dtype=np.int64)
        self._names = {}
        self._rows = self._ordered_rows()
        self.endResetModel()

    def set_mask(self, mask: np.ndarray | None) -> None:
        """Show only the rows where ``mask`` (over the signal table's rows) is true; None: all."""
        if mask is None and self._mask is None:
            return
        if mask is not None and self._mask is not None and np.array_equal(mask, self._mask):
            return
        self.beginResetModel()
        self._mask = None if mask is None else mask.astype(bool).copy()
        self._rows = self._ordered_rows()
        self.endResetModel()

    def lens_count(self) -> int:
        return 0 if self._result is None else len(self._result.lenses)

    def company_id(self, row: int) -> str:
        assert self._result is not None
        return str(self._result.table.ids[int(self._rows[row])])

    def table_row(self, row: int) -> int:
        """The signal table's row of display ``row``."""
        return int(self._rows[row])

    def row_of(self, company_id: str) -> int | None:
        if self._result is None:
            return None
        r = self._result.table.row_of.get(company_id)
        if r is None:
            return None
        hits = np.flatnonzero(self._rows == r)
        return int(hits[0]) if len(hits) else None

    def shown_ids(self) -> list[str]:
        if self._result is None:
            return []
        return [str(x) for x in self._result.table.ids[self._rows]]

    def ranked_count(self) -> int:
        """The companies ranked under at least one lens (before the mask)."""
        return len(self._order)

    # --- order ------------------------------------------------------------------------------

    def _sort_key(self, col: int, rows: np.ndarray) -> np.ndarray:
        r = self._result
        assert r is not None
        if col == COMPANY:
            return rows.astype(np.float64)  # the table's rows are in name order
        if col == ROBUST:
            return -r.robust[rows].astype(np.float64)
        if col == PARETO:
            return -r.pareto[rows].astype(np.float64)
        if col == TOP:
            return -r.top_count[rows].astype(np.float64)
        ranks = r.ranks[rows, col - FIXED_COLUMNS].astype(np.float64)
        return np.where(ranks > 0, ranks, np.nan)  # not ranked: last either way

    def _ordered_rows(self) -> np.ndarray:
        if self._result is None:
            return np.zeros(0, dtype=np.int64)
        base = self._order
        if self._mask is not None and len(self._mask) == len(self._result.table):
            base = base[self._mask[base]]
        col, order = self._sort
        descending = order == Qt.SortOrder.DescendingOrder
        if col == TOP:  # the lenses' own order: more lenses in the top N, then the worst rank …
            return base[::-1].copy() if descending else base
        key = self._sort_key(col, base)
        missing = np.isnan(key)
        known = np.where(missing, 0.0, key)
        return base[np.lexsort((-known if descending else known, missing))]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < FIXED_COLUMNS + self.lens_count():
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_rows = [
            int(self._rows[i.row()]) if i.isValid() and i.row() < len(self._rows) else -1 for i in old
        ]
        self._sort = (column, order)
        self._rows = self._ordered_rows()
        # a table row -> display row lookup for the few persistent indexes (the selection): an
        # array, not a dict of a million entries built on the UI thread
        pos = np.full(int(self._rows.max()) + 1 if len(self._rows) else 0, -1, dtype=np.int64)
        pos[self._rows] = np.arange(len(self._rows))
        new = [
            self.index(int(pos[r]), i.column()) if 0 <= r < len(pos) and pos[r] >= 0 else QModelIndex()
            for i, r in zip(old, old_rows, strict=True)
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    # --- QAbstractTableModel ----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIXED_COLUMNS + self.lens_count()

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if index.isValid()
            else Qt.ItemFlag.NoItemFlags
        )

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        top_n = self._result.top_n if self._result is not None else DEFAULT_TOP_N
        if role == Qt.ItemDataRole.DisplayRole:
            if section >= FIXED_COLUMNS:
                assert self._result is not None
                return present.lens_short(self._result.lenses[section - FIXED_COLUMNS].name)
            if section == COMPANY:
                return self.tr("Company")
            if section == TOP:
                return self.tr("Top {n}").format(n=top_n)
            return present.ROBUST_MARK if section == ROBUST else present.PARETO_MARK
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == COMPANY:
                return self.tr("The name as the report writes it, with the English name")
            if section == ROBUST:
                return self._robust_tip(top_n)
            if section == PARETO:
                return self._pareto_tip()
            if section == TOP:
                return self.tr(
                    "Under how many lenses the company is in the top {n} "
                    "(sorted by it: more lenses first, then the better worst rank)"
                ).format(n=top_n)
            assert self._result is not None
            lens = self._result.lenses[section - FIXED_COLUMNS]
            return self.tr("{lens} {weights}: {words}").format(
                lens=lens.label,
                weights=present.weights_triple(lens.weights),
                words=present.weights_in_words(lens.weights),
            )
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if section == COMPANY else _CENTER if section in (ROBUST, PARETO) else _RIGHT
        return None

    def _robust_tip(self, top_n: int) -> str:
        return self.tr("{mark} Robust: {definition}").format(
            mark=present.ROBUST_MARK, definition=present.robust_definition(top_n)
        )

    def _pareto_tip(self) -> str:
        return self.tr("{mark} Pareto-optimal: {definition}").format(
            mark=present.PARETO_MARK, definition=present.pareto_definition()
        )

    def _name(self, i: int) -> str:
        name = self._names.get(i)
        if name is None:
            assert self._result is not None and self._ds is not None
            c = self._ds.company(str(self._result.table.ids[i]))
            name = self._names[i] = present.name_text(c.name, c.name_en)
        return name

    def _rank_cell(self, i: int, j: int) -> str:
        assert self._result is not None
        rank = int(self._result.ranks[i, j])
        shared = bool(self._shared[i, j]) if self._shared is not None else False
        return present.rank_text(rank, shared) if rank > 0 else present.NONE

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        r = self._result
        row, col = index.row(), index.column()
        if r is None or not 0 <= row < len(self._rows):
            return None
        i = int(self._rows[row])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == COMPANY:
                return self._name(i)
            if col == ROBUST:
                return present.ROBUST_MARK if r.robust[i] else ""
            if col == PARETO:
                return present.PARETO_MARK if r.pareto[i] else ""
            if col == TOP:
                return f"{int(r.top_count[i])}/{len(r.lenses)}"
            return self._rank_cell(i, col - FIXED_COLUMNS)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if col == COMPANY else _CENTER if col in (ROBUST, PARETO) else _RIGHT
        if role == COMPANY_ID_ROLE:
            return str(r.table.ids[i])
        if role == SORT_ROLE:
            return float(self._sort_key(col, np.array([i]))[0])
        if role == Qt.ItemDataRole.BackgroundRole:
            if col >= FIXED_COLUMNS and r.in_top[i, col - FIXED_COLUMNS]:
                return _IN_TOP
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return _BADGE if col == ROBUST else _PARETO if col == PARETO else None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if col == COMPANY and r.robust[i] else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(i, col)
        return None

    def _tooltip(self, i: int, col: int) -> str | None:
        r = self._result
        assert r is not None
        if col == ROBUST:
            return (
                self._robust_tip(r.top_n)
                if r.robust[i]
                else self.tr("Not robust: outside the top {n} under at least one lens").format(n=r.top_n)
            )
        if col == PARETO:
            return self._pareto_tip() if r.pareto[i] else None
        if col >= FIXED_COLUMNS:
            j = col - FIXED_COLUMNS
            lens = r.lenses[j]
            rank = int(r.ranks[i, j])
            if rank == 0:
                return self.tr("Not ranked under {lens}: {policy}").format(
                    lens=lens.label, policy=present.policy_sentence(r.policy)
                )
            return self.tr("Rank {rank} under {lens} {weights}").format(
                rank=self._rank_cell(i, j), lens=lens.label, weights=present.weights_triple(lens.weights)
            )
        return None


class LensesView(QWidget):
    """The Lenses tab: a short explanation, the robust threshold, "only the companies the
    filters show", and the sortable table of ranks."""

    sig_company_selected = Signal(str)
    """The user moved to a company in the lenses table (its id)."""

    sig_top_n_changed = Signal(int)
    """The robust threshold changed: the lenses are to be computed again."""

    sig_follow_filters_changed = Signal(bool)
    """"Only the companies the filters show" was switched."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.intro.setStyleSheet("color: #444")
        layout.addWidget(self.intro)

        controls = QHBoxLayout()
        controls.setSpacing(6)
        self.top_n_label = QLabel(self.tr("Robust = &top"))
        self.top_n = QSpinBox()
        self.top_n.setRange(*TOP_N_RANGE)
        self.top_n.setValue(DEFAULT_TOP_N)
        self.top_n.setAccessibleName(self.tr("Robust threshold: the top N under every lens"))
        self.top_n.setToolTip(self.tr("A company is robust when it is in the top N under every lens"))
        self.top_n.setKeyboardTracking(False)  # typed "15": one change, not "1" then "15"
        self.top_n_label.setBuddy(self.top_n)
        self.top_n.valueChanged.connect(self.sig_top_n_changed.emit)
        controls.addWidget(self.top_n_label)
        controls.addWidget(self.top_n)
        self.follow_filters = QCheckBox(self.tr("Filtered onl&y"))
        self.follow_filters.setChecked(True)
        self.follow_filters.setToolTip(
            self.tr(
                "Show only the companies the search and filters let through (the ranks stay those of "
                "the whole universe)"
            )
        )
        self.follow_filters.toggled.connect(self.sig_follow_filters_changed.emit)
        controls.addStretch(1)
        layout.addLayout(controls)

        self.model = LensesModel(self)
        self.table = QTableView()
        self.table.setObjectName("lenses_table")
        self.table.setAccessibleName(self.tr("Ranks under every lens"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.setMinimumSectionSize(18)
        header.setSortIndicator(TOP, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.model.modelReset.connect(self._fit_columns)
        layout.addWidget(self.table, 1)

        foot = QHBoxLayout()
        self.status = QLabel()
        self.status.setStyleSheet("color: #555")
        self.status.setWordWrap(True)
        foot.addWidget(self.status, 1)
        foot.addWidget(self.follow_filters, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(foot)
        # the pane may be dragged as narrow as the ranked table (the controls are cut then)
        self.setMinimumSize(60, 120)
        self._computing = True
        self._quiet = False
        self._set_intro(DEFAULT_TOP_N)
        self.status.setText(self.tr("Computing the lenses…"))

    # --- state ------------------------------------------------------------------------------

    @property
    def result(self) -> LensResult | None:
        return self.model.result

    def is_computing(self) -> bool:
        return self._computing

    def _set_intro(self, top_n: int) -> None:
        self.intro.setText(
            self.tr(
                "Each company's rank under every built-in preset and every saved profile (hover a "
                "heading for its weights; shaded: in the top {n}). "
                "{robust_mark} robust: {robust}. "
                "{pareto_mark} Pareto-optimal: {pareto}."
            ).format(
                n=top_n,
                robust_mark=present.ROBUST_MARK,
                robust=present.robust_definition(top_n),
                pareto_mark=present.PARETO_MARK,
                pareto=present.pareto_definition(),
            )
        )

    def set_computing(self) -> None:
        """The lenses are being computed again: the old ranks are kept, marked as such."""
        self._computing = True
        if self.model.result is None:
            self.status.setText(self.tr("Computing the lenses…"))
        else:
            self.status.setText(
                self.tr("Computing the lenses again (the ranks shown are the previous ones)…")
            )

    def set_result(
        self, shown: ShownLenses | None, dataset: Dataset | None, mask: np.ndarray | None = None
    ) -> None:
        """Show the universe under every lens; ``mask``: the rows the filters let through."""
        selected = self.selected_company()
        self._computing = False
        self.model.set_mask(mask if self.follow_filters.isChecked() else None)
        header = self.table.horizontalHeader()
        self.model.set_result(shown, dataset)
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        result = shown.result if shown is not None else None
        if result is not None:
            self._set_intro(result.top_n)
            with signals_blocked(self.top_n):
                self.top_n.setValue(result.top_n)
        self._update_status()
        if selected is not None:
            self.select_company(selected, notify=False)

    def set_mask(self, mask: np.ndarray | None) -> None:
        """The filters changed: show the rows they let through (when following them)."""
        selected = self.selected_company()
        self.model.set_mask(mask if self.follow_filters.isChecked() else None)
        self._update_status()
        if selected is not None:
            self.select_company(selected, notify=False)

    def _update_status(self) -> None:
        r = self.model.result
        if r is None:
            self.status.setText(
                self.tr("No lens result") if not self._computing else self.tr("Computing the lenses…")
            )
            return
        shown, ranked = self.model.rowCount(), self.model.ranked_count()
        robust, pareto = int(r.robust.sum()), int(r.pareto.sum())
        text = self.tr(
            "{lenses} lenses · {robust_mark} {robust} robust · {pareto_mark} {pareto} Pareto-optimal · {policy}"
        ).format(
            lenses=len(r.lenses),
            robust_mark=present.ROBUST_MARK,
            robust=robust,
            pareto_mark=present.PARETO_MARK,
            pareto=pareto,
            policy=present.policy_sentence(r.policy, capital=True),
        )
        if shown != ranked:
            text = self.tr("Showing {shown} of {ranked} ranked companies · {rest}").format(
                shown=f"{shown:,}", ranked=f"{ranked:,}", rest=text
            )
        self.status.setText(text)

    def _fit_columns(self) -> None:
        """Each heading's width (ranks are short), the company's name 140 px, the badges narrow."""
        header = self.table.horizontalHeader()
        fm = header.fontMetrics()
        for col in range(self.model.columnCount()):
            if col == COMPANY:
                width = 140
            elif col in (ROBUST, PARETO):
                width = 24
            else:
                text = str(self.model.headerData(col, Qt.Orientation.Horizontal) or "")
                width = max(36, fm.horizontalAdvance(text) + 18)  # + the sort arrow
            header.resizeSection(col, width)

    # --- selection --------------------------------------------------------------------------

    def selected_company(self) -> str | None:
        ix = self.table.currentIndex()
        return ix.data(COMPANY_ID_ROLE) if ix.isValid() else None

    def select_company(self, company_id: str, *, notify: bool = True) -> bool:
        """Make the company current in the lenses table (when it is shown there)."""
        row = self.model.row_of(company_id)
        if row is None:
            return False
        if self.selected_company() == company_id:
            return True
        current = self.table.currentIndex()
        ix = self.model.index(row, current.column() if current.isValid() else COMPANY)
        flags = QItemSelectionModel.SelectionFlag
        self._quiet = not notify
        try:
            self.table.selectionModel().setCurrentIndex(ix, flags.ClearAndSelect | flags.Rows)
        finally:
            self._quiet = False
        self.table.scrollTo(ix)
        return True

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._quiet:
            self.sig_company_selected.emit(current.data(COMPANY_ID_ROLE))
