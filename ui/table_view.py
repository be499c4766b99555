"""The ranked table: the company name kept in view while scrolling sideways, and a column chooser.

:class:`RankingTableView` is a ``QTableView`` with

- a frozen overlay (Qt's "frozen column" example): a second table view laid over the left
  columns (#, Δ, ★, Company), sharing the model and the selection model, that scrolls up and
  down with the table but never sideways, so the names stay beside the amounts;
- a header context menu to show or hide each column, and "Reset columns"; headers are dragged
  to reorder them (the frozen columns stay first);
- the column layout (shown, order, widths) kept in the settings file through
  :data:`ui.settings.TABLE_HEADER` once :meth:`RankingTableView.use_settings` is called;
- Space on a company emits ``sig_star_requested``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPoint,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from ui import settings as keys
from ui.qt_utils import signals_blocked
from ui.ranking_model import Col

#: The columns that stay in view while the table scrolls sideways, in their order.
FROZEN: tuple[int, ...] = (Col.RANK, Col.DELTA, Col.STAR, Col.NAME)
#: The column that can never be hidden (a row must say which company it is).
ALWAYS_SHOWN: frozenset[int] = frozenset({Col.NAME})
#: Hidden until the user shows them (or the table has room, see SHOWN_WHEN_ROOM), so that the
#: default set fits a 1280 px wide window with the filters and the detail pane: the segments (the detail and the map say them), the three
#: signals (the score's tooltip and the detail break the score into them), valuation and
#: stability (both in the detail), the pipeline's stage (shown when a first company enters the
#: pipeline, and in the Pipeline tab).
HIDDEN_BY_DEFAULT: frozenset[int] = frozenset(
    {Col.SEGMENTS, Col.VALUE, Col.DIFFICULTY, Col.FUNDING, Col.VALUATION, Col.STABILITY, Col.STAGE}
)
#: Shown as well, in this order, when the table is wide enough for them (a large screen).
SHOWN_WHEN_ROOM: tuple[int, ...] = (
    Col.VALUE,
    Col.DIFFICULTY,
    Col.FUNDING,
    Col.VALUATION,
    Col.STABILITY,
    Col.STAGE,
    Col.SEGMENTS,
)
#: Room kept for the vertical scroll bar and the frame when fitting the columns (px).
SCROLL_ROOM = 18
#: Default widths (px) of the columns; the rest get the header's default.
DEFAULT_WIDTHS: dict[int, int] = {
    Col.RANK: 36,
    Col.DELTA: 32,
    Col.STAR: 20,
    Col.NAME: 150,
    Col.COUNTRY: 56,
    Col.SEGMENTS: 110,
    Col.SCORE: 56,
    Col.VALUE: 60,
    Col.DIFFICULTY: 72,
    Col.FUNDING: 64,
    Col.DISCLOSED: 100,
    Col.ROUND: 96,
    Col.VALUATION: 100,
    Col.STABILITY: 64,
    Col.STAGE: 84,
}

#: The hint at the foot of the column menu (English; shown translated, context "table_view").
REORDER_HINT = QT_TRANSLATE_NOOP("table_view", "Drag a column's header to move it")
#: Where a header's tooltip ends its first phrase (English and Chinese punctuation).
_FIRST_PHRASE_END = re.compile(r"[.:。：]")


class _FrozenView(QTableView):
    """The overlay over the frozen columns: it takes no focus (keys go to the table)."""

    def __init__(self, parent: RankingTableView) -> None:
        super().__init__(parent)
        self.setObjectName("frozen_columns")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().hide()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.setStyleSheet(
            "QTableView#frozen_columns { border: none; border-right: 1px solid palette(mid); }"
        )
        header = self.horizontalHeader()
        header.setMinimumSectionSize(18)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)


class RankingTableView(QTableView):
    """The ranked table with its frozen first columns and its column chooser."""

    sig_star_requested = Signal()
    """The user pressed Space on a company."""

    sig_columns_changed = Signal()
    """A column was shown, hidden, moved or resized, or the columns were reset."""

    def __init__(self, parent: QWidget | None = None, frozen: Iterable[int] = FROZEN) -> None:
        super().__init__(parent)
        self._frozen_cols = tuple(frozen)
        self._settings: QSettings | None = None
        self._fixing = False
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setMinimumSectionSize(18)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(lambda pos: self._menu_at(header, pos))
        header.sectionResized.connect(self._on_section_resized)
        header.sectionMoved.connect(self._on_section_moved)
        header.sortIndicatorChanged.connect(self._mirror_sort_indicator)

        self.frozen = _FrozenView(self)
        self.viewport().stackUnder(self.frozen)
        fheader = self.frozen.horizontalHeader()
        fheader.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        fheader.customContextMenuRequested.connect(lambda pos: self._menu_at(fheader, pos))
        fheader.sectionResized.connect(self._on_frozen_resized)
        fheader.sectionClicked.connect(self._on_frozen_header_clicked)
        self.frozen.clicked.connect(self.clicked.emit)
        self.frozen.doubleClicked.connect(self.doubleClicked.emit)
        self.frozen.activated.connect(self.activated.emit)
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.frozen.show()

    # --- Qt overrides ----------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Space and not event.modifiers():
            self.sig_star_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 (Qt override)
        """Show another model; the columns keep how they were shown, ordered and sized."""
        header = self.horizontalHeader()
        state = header.saveState() if header.count() else None
        super().setModel(model)
        self.frozen.setModel(model)
        if model is None:
            return
        self.frozen.setSelectionModel(self.selectionModel())
        # the overlay's header follows the table's after the rows are re-sorted or reset
        model.layoutChanged.connect(self._sync_frozen)
        model.modelReset.connect(self._sync_frozen)
        if state is not None:
            header.restoreState(state)
        self._sync_frozen()

    def setItemDelegateForColumn(self, column: int, delegate) -> None:  # noqa: N802 (Qt override)
        super().setItemDelegateForColumn(column, delegate)
        self.frozen.setItemDelegateForColumn(column, delegate)

    def setSelectionMode(self, mode: QAbstractItemView.SelectionMode) -> None:  # noqa: N802 (Qt override)
        """The overlay selects as the table does (a Ctrl+click on a name extends the selection)."""
        super().setSelectionMode(mode)
        self.frozen.setSelectionMode(mode)

    def setAlternatingRowColors(self, enable: bool) -> None:  # noqa: N802 (Qt override)
        super().setAlternatingRowColors(enable)
        self.frozen.setAlternatingRowColors(enable)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._place_frozen()

    def updateGeometries(self) -> None:  # noqa: N802 (Qt override)
        super().updateGeometries()
        if hasattr(self, "frozen"):
            self.frozen.verticalHeader().setDefaultSectionSize(self.verticalHeader().defaultSectionSize())
            self._place_frozen()

    def moveCursor(self, action, modifiers) -> QModelIndex:  # noqa: N802 (Qt override)
        current = super().moveCursor(action, modifiers)
        self._uncover(current)
        return current

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:  # noqa: N802
        # a frozen cell is always in view: scroll only up or down for it
        if index.isValid() and index.column() in self._frozen_cols:
            bar = self.horizontalScrollBar()
            x = bar.value()
            super().scrollTo(index, hint)
            bar.setValue(x)
            return
        super().scrollTo(index, hint)
        self._uncover(index)

    # --- the frozen overlay ------------------------------------------------------------------

    def frozen_width(self) -> int:
        """The width of the shown frozen columns (px)."""
        header = self.horizontalHeader()
        if not header.count():
            return 0
        return sum(header.sectionSize(c) for c in self._frozen_cols if not header.isSectionHidden(c))

    def frozen_columns(self) -> tuple[int, ...]:
        return self._frozen_cols

    def _uncover(self, index: QModelIndex) -> None:
        """Scroll so that the cell at ``index`` is not under the frozen overlay."""
        if not index.isValid() or index.column() in self._frozen_cols:
            return
        left = self.columnViewportPosition(index.column())
        covered = self.frozen_width() - left
        if covered > 0:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - covered)

    def _place_frozen(self) -> None:
        frame = self.frameWidth()
        vheader = self.verticalHeader()
        x = frame + (vheader.width() if vheader.isVisible() else 0)
        height = self.viewport().height() + self.horizontalHeader().height()
        self.frozen.setGeometry(x, frame, self.frozen_width(), height)

    def _sync_frozen(self) -> None:
        """The overlay shows the shown frozen columns, in the table's order, at its widths."""
        header, fheader = self.horizontalHeader(), self.frozen.horizontalHeader()
        if self.model() is None or fheader.count() != header.count():
            return
        with signals_blocked(fheader):
            for col in range(header.count()):
                hide = col not in self._frozen_cols or header.isSectionHidden(col)
                fheader.setSectionHidden(col, hide)
                if not hide:
                    fheader.resizeSection(col, header.sectionSize(col))
            for visual, col in enumerate(sorted(self._frozen_cols, key=header.visualIndex)):
                fheader.moveSection(fheader.visualIndex(col), visual)
            fheader.setSortIndicator(header.sortIndicatorSection(), header.sortIndicatorOrder())
        fheader.setFixedHeight(header.height())
        self._place_frozen()

    def _on_section_resized(self, col: int, _old: int, new: int) -> None:
        if col in self._frozen_cols and self.frozen.horizontalHeader().sectionSize(col) != new:
            with signals_blocked(self.frozen.horizontalHeader()):
                self.frozen.setColumnWidth(col, new)
        self._place_frozen()
        self._columns_changed()

    def _on_frozen_resized(self, col: int, _old: int, new: int) -> None:
        # only a shown frozen column dragged wider or narrower on the overlay
        shown = col in self._frozen_cols and not self.frozen.horizontalHeader().isSectionHidden(col)
        if shown and new > 0 and self.horizontalHeader().sectionSize(col) != new:
            self.setColumnWidth(col, new)

    def _on_section_moved(self, _logical: int, _old: int, _new: int) -> None:
        if self._fixing:
            return
        self._keep_frozen_first()
        self._sync_frozen()
        self._columns_changed()

    def _keep_frozen_first(self) -> None:
        """Moves keep the frozen columns first (in any order among themselves)."""
        header = self.horizontalHeader()
        self._fixing = True
        try:
            for visual, col in enumerate(sorted(self._frozen_cols, key=header.visualIndex)):
                if header.visualIndex(col) != visual:
                    header.moveSection(header.visualIndex(col), visual)
        finally:
            self._fixing = False

    def _on_frozen_header_clicked(self, col: int) -> None:
        """A click on a frozen header sorts the table as a click on its own header does."""
        if not self.isSortingEnabled():
            return
        header = self.horizontalHeader()
        if header.sortIndicatorSection() == col:
            order = (
                Qt.SortOrder.AscendingOrder
                if header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
                else Qt.SortOrder.DescendingOrder
            )
        else:
            order = Qt.SortOrder.AscendingOrder
        header.setSortIndicator(col, order)

    def _mirror_sort_indicator(self, col: int, order: Qt.SortOrder) -> None:
        fheader = self.frozen.horizontalHeader()
        with signals_blocked(fheader):
            fheader.setSortIndicator(col, order)
        fheader.viewport().update()

    # --- the column chooser -----------------------------------------------------------------

    def column_title(self, col: int) -> str:
        model = self.model()
        title = model.headerData(col, Qt.Orientation.Horizontal) if model is not None else None
        tip = model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) if model else None
        text = str(title or "")
        if tip and len(text) <= 2:  # "#", "Δ", "★": say what they are
            text = f"{text}  {_FIRST_PHRASE_END.split(str(tip))[0]}"
        return text

    def column_menu(self) -> QMenu:
        """The header's context menu: a check per column, and Reset columns."""
        menu = QMenu(self)
        menu.setObjectName("column_menu")
        header = self.horizontalHeader()
        for col in sorted(range(header.count()), key=header.visualIndex):
            action = QAction(self.column_title(col), menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(col))
            action.setEnabled(col not in ALWAYS_SHOWN)
            action.setData(col)
            action.toggled.connect(lambda on, c=col: self.set_column_shown(c, on))
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.tr("Reset columns"), lambda: self.reset_columns()).setObjectName("reset_columns")
        hint = menu.addAction(QCoreApplication.translate("table_view", REORDER_HINT))
        hint.setEnabled(False)
        return menu

    def _menu_at(self, header: QHeaderView, pos: QPoint) -> None:
        self.column_menu().popup(header.viewport().mapToGlobal(pos))

    def shown_columns(self) -> list[int]:
        """The shown columns, in the order they appear."""
        header = self.horizontalHeader()
        cols = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        return sorted(cols, key=header.visualIndex)

    def set_column_shown(self, col: int, shown: bool) -> None:
        if col in ALWAYS_SHOWN and not shown:
            return
        header = self.horizontalHeader()
        if header.isSectionHidden(col) == (not shown):
            return
        header.setSectionHidden(col, not shown)
        if shown and header.sectionSize(col) < 20:
            header.resizeSection(col, DEFAULT_WIDTHS.get(col, header.defaultSectionSize()))
        self._sync_frozen()
        self._columns_changed()

    def reset_columns(self, fit_width: int | None = None) -> None:
        """The default columns, in the model's order, at default widths: the default set, and
        the others of :data:`SHOWN_WHEN_ROOM` that fit in ``fit_width`` px (default: the
        table's width when it is shown)."""
        if fit_width is None:
            fit_width = self.viewport().width() if self.isVisible() else 0
        header = self.horizontalHeader()
        self._fixing = True
        try:
            for col in range(header.count()):
                if header.visualIndex(col) != col:
                    header.moveSection(header.visualIndex(col), col)
        finally:
            self._fixing = False
        shown = {col for col in range(header.count()) if col not in HIDDEN_BY_DEFAULT}
        room = (
            fit_width - SCROLL_ROOM - sum(DEFAULT_WIDTHS.get(c, header.defaultSectionSize()) for c in shown)
        )
        for col in SHOWN_WHEN_ROOM:
            width = DEFAULT_WIDTHS.get(col, header.defaultSectionSize())
            if col < header.count() and width <= room:
                shown.add(col)
                room -= width
        for col in range(header.count()):
            header.setSectionHidden(col, col not in shown)
            header.resizeSection(col, DEFAULT_WIDTHS.get(col, header.defaultSectionSize()))
        self._sync_frozen()
        self._columns_changed()

    # --- remembered ---------------------------------------------------------------------------

    def use_settings(self, settings: QSettings, fit_width: int | None = None) -> None:
        """Restore the columns saved in ``settings``, else the defaults that fit ``fit_width``
        px (see :meth:`reset_columns`); from now on every change is saved there."""
        self._settings = None
        state = keys.TABLE_HEADER.read(settings)
        if state.isEmpty() or not self.horizontalHeader().restoreState(state):
            self.reset_columns(fit_width)
        self._keep_frozen_first()
        for col in ALWAYS_SHOWN:
            self.horizontalHeader().setSectionHidden(col, False)
        self._sync_frozen()
        self._settings = settings

    def save_columns(self) -> None:
        if self._settings is not None:
            keys.TABLE_HEADER.write(self._settings, self.horizontalHeader().saveState())

    def _columns_changed(self) -> None:
        self.save_columns()
        self.sig_columns_changed.emit()
