"""The Pipeline tab: the companies in the analyst's pipeline, grouped by stage.

Each stage is a row with its count ("Diligence — 3"), its companies under it with their owner,
next step and its date.  The stage, owner, next step and date are edited in place (a combo box
for the stage, a calendar for the date); the view never changes the pipeline itself: it says
what the user asked for (:attr:`PipelineView.sig_edit`, :attr:`PipelineView.sig_rename_stage`)
and the window hands it to the session, which stores and logs it and sends the pipeline back.
A stage is renamed from its context menu (or F2 on its row).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QStyledItemDelegate,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

_INVALID = QModelIndex()
#: What the date column holds for "no date" in its editor.
NO_DATE = QDate(2000, 1, 1)


class PCol(IntEnum):
    COMPANY = 0
    STAGE = 1
    OWNER = 2
    NEXT_STEP = 3
    NEXT_DATE = 4
    UPDATED = 5


#: The column headers and their tooltips, in English (shown translated, context "pipeline_view").
HEADERS = {
    PCol.COMPANY: QT_TRANSLATE_NOOP("pipeline_view", "Company"),
    PCol.STAGE: QT_TRANSLATE_NOOP("pipeline_view", "Stage"),
    PCol.OWNER: QT_TRANSLATE_NOOP("pipeline_view", "Owner"),
    PCol.NEXT_STEP: QT_TRANSLATE_NOOP("pipeline_view", "Next step"),
    PCol.NEXT_DATE: QT_TRANSLATE_NOOP("pipeline_view", "Next date"),
    PCol.UPDATED: QT_TRANSLATE_NOOP("pipeline_view", "Changed"),
}
HEADER_TIPS = {
    PCol.COMPANY: QT_TRANSLATE_NOOP(
        "pipeline_view", "Grouped by stage; double-click a company (or Enter) to show it in the table"
    ),
    PCol.STAGE: QT_TRANSLATE_NOOP(
        "pipeline_view", "The company's stage: F2 or double-click to move it to another one"
    ),
    PCol.OWNER: QT_TRANSLATE_NOOP("pipeline_view", "Who follows the company (F2 to edit)"),
    PCol.NEXT_STEP: QT_TRANSLATE_NOOP("pipeline_view", "What happens next (F2 to edit)"),
    PCol.NEXT_DATE: QT_TRANSLATE_NOOP(
        "pipeline_view", "When the next step is due (F2 to edit; Delete clears it)"
    ),
    PCol.UPDATED: QT_TRANSLATE_NOOP("pipeline_view", "When the entry last changed (every change is logged)"),
}
#: The fields of core.state's set_pipeline, by column.
FIELDS = {PCol.STAGE: "stage", PCol.OWNER: "owner", PCol.NEXT_STEP: "next_step", PCol.NEXT_DATE: "next_date"}
COMPANY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STAGE_ROLE = Qt.ItemDataRole.UserRole + 2  # the stage key of a stage row or of a company's row


@dataclass(frozen=True)
class Entry:
    """One company in the pipeline, as the view shows it."""

    company_id: str
    name: str
    stage: str
    owner: str = ""
    next_step: str = ""
    next_date: str = ""
    updated_at: str = ""


def entries_of(pipeline: Mapping[str, object], names: Mapping[str, str]) -> list[Entry]:
    """View entries from the store's pipeline (company id -> an object with stage, owner,
    next_step, next_date and updated_at); ``names`` gives each company's name (its id otherwise)."""
    out = []
    for cid, e in pipeline.items():
        out.append(
            Entry(
                company_id=cid,
                name=names.get(cid, cid),
                stage=str(getattr(e, "stage", "") or ""),
                owner=str(getattr(e, "owner", "") or ""),
                next_step=str(getattr(e, "next_step", "") or ""),
                next_date=str(getattr(e, "next_date", "") or ""),
                updated_at=str(getattr(e, "updated_at", "") or ""),
            )
        )
    return out


class PipelineModel(QAbstractItemModel):
    """Two levels: the stages (in the pipeline's order), and under each its companies (by next
    date, then name).  Edits are not applied here: :attr:`edit_requested` (company id, field,
    value) and :attr:`rename_requested` (stage, label) say what the user asked for."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._stages: tuple[str, ...] = ()
        self._labels: dict[str, str] = {}
        self._groups: list[list[Entry]] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self.edit_requested = None  # callable(company_id, field, value) -> None
        self.rename_requested = None  # callable(stage, label) -> None

    # --- data ---------------------------------------------------------------------------

    def set_pipeline(
        self, entries: Sequence[Entry], stages: Sequence[str], labels: Mapping[str, str] | None = None
    ) -> None:
        """Show these entries grouped under ``stages`` (in order; a stage not among them is
        shown after them)."""
        self.beginResetModel()
        order = list(dict.fromkeys(stages))
        for e in entries:
            if e.stage and e.stage not in order:
                order.append(e.stage)
        self._stages = tuple(order)
        self._labels = dict(labels or {})
        groups: dict[str, list[Entry]] = {s: [] for s in order}
        for e in entries:
            if e.stage:
                groups[e.stage].append(e)
        self._groups = [
            sorted(groups[s], key=lambda e: (e.next_date == "", e.next_date, e.name)) for s in order
        ]
        self.endResetModel()

    def stages(self) -> tuple[str, ...]:
        return self._stages

    def label(self, stage: str) -> str:
        return self._labels.get(stage) or stage.capitalize()

    def count(self, stage: str) -> int:
        return len(self._groups[self._stages.index(stage)]) if stage in self._stages else 0

    def company_ids(self, stage: str | None = None) -> list[str]:
        """The companies shown (under ``stage``, or all), in the view's order."""
        out = []
        for s, group in zip(self._stages, self._groups, strict=True):
            if stage is None or s == stage:
                out.extend(e.company_id for e in group)
        return out

    def entry(self, index: QModelIndex | QPersistentModelIndex) -> Entry | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        group = self._groups[index.internalId() - 1]
        return group[index.row()] if index.row() < len(group) else None

    def stage_index(self, stage: str) -> QModelIndex:
        return self.index(self._stages.index(stage), 0) if stage in self._stages else QModelIndex()

    def company_index(self, company_id: str, column: int = 0) -> QModelIndex:
        for k, group in enumerate(self._groups):
            for row, e in enumerate(group):
                if e.company_id == company_id:
                    return self.createIndex(row, column, k + 1)
        return QModelIndex()

    # --- QAbstractItemModel --------------------------------------------------------------

    def index(
        self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = _INVALID
    ) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: QModelIndex | QPersistentModelIndex = _INVALID) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _INVALID) -> int:
        if not parent.isValid():
            return len(self._stages)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()])
        return 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _INVALID) -> int:
        return len(PCol)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(PCol):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("pipeline_view", HEADERS[PCol(section)])
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("pipeline_view", HEADER_TIPS[PCol(section)])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() == 0:  # a stage: its name is renamed in place
            return base | Qt.ItemFlag.ItemIsEditable if index.column() == 0 else base
        if index.column() in FIELDS:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        col = index.column()
        if index.internalId() == 0:
            if not 0 <= index.row() < len(self._stages):
                return None
            stage = self._stages[index.row()]
            if role == Qt.ItemDataRole.DisplayRole and col == 0:
                n = len(self._groups[index.row()])
                text = self.tr("{stage} — {n} company") if n == 1 else self.tr("{stage} — {n} companies")
                return text.format(stage=self.label(stage), n=n)
            if role == Qt.ItemDataRole.EditRole and col == 0:
                return self.label(stage)
            if role == Qt.ItemDataRole.FontRole and col == 0:
                return self._bold
            if role == STAGE_ROLE:
                return stage
            if role == Qt.ItemDataRole.ToolTipRole and col == 0:
                return self.tr("The stage “{label}” ({stage}): F2 or its context menu renames it").format(
                    label=self.label(stage), stage=stage
                )
            return None
        e = self.entry(index)
        if e is None:
            return None
        if role == COMPANY_ID_ROLE:
            return e.company_id
        if role == STAGE_ROLE:
            return e.stage
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = {
                PCol.COMPANY: e.name,
                PCol.STAGE: self.label(e.stage),
                PCol.OWNER: e.owner,
                PCol.NEXT_STEP: e.next_step,
                PCol.NEXT_DATE: e.next_date,
                PCol.UPDATED: e.updated_at[:16].replace("T", " "),
            }[PCol(col)]
            if role == Qt.ItemDataRole.ToolTipRole:
                return value or None
            return value
        if role == Qt.ItemDataRole.EditRole:
            return {
                PCol.COMPANY: e.name,
                PCol.STAGE: e.stage,
                PCol.OWNER: e.owner,
                PCol.NEXT_STEP: e.next_step,
                PCol.NEXT_DATE: e.next_date,
                PCol.UPDATED: e.updated_at,
            }[PCol(col)]
        return None

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        value = "" if value is None else str(value).strip()
        if index.internalId() == 0:
            stage = self._stages[index.row()]
            if index.column() != 0 or not value or value == self.label(stage):
                return False
            if self.rename_requested is not None:
                self.rename_requested(stage, value)
            return True
        e = self.entry(index)
        field = FIELDS.get(PCol(index.column()))
        if e is None or field is None or value == getattr(e, field):
            return False
        if field == "stage" and not value:
            return False
        if self.edit_requested is not None:
            self.edit_requested(e.company_id, field, value)
        return True


class StageDelegate(QStyledItemDelegate):
    """A combo box of the stages (by their labels) for the Stage column."""

    def __init__(self, model: PipelineModel, parent=None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(self, parent, option, index):  # noqa: N802 (Qt override)
        combo = QComboBox(parent)
        combo.setAccessibleName(self.tr("Stage"))
        for stage in self._model.stages():
            combo.addItem(self._model.label(stage), stage)
        return combo

    def setEditorData(self, editor, index) -> None:  # noqa: N802
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor, model, index) -> None:  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class DateDelegate(QStyledItemDelegate):
    """A calendar for the next date; the date's minimum (shown "none") clears it."""

    def createEditor(self, parent, option, index):  # noqa: N802 (Qt override)
        edit = QDateEdit(parent)
        edit.setAccessibleName(self.tr("Next date"))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("none"))
        return edit

    def setEditorData(self, editor, index) -> None:  # noqa: N802
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        when = QDate.fromString(text, "yyyy-MM-dd")
        editor.setDate(when if when.isValid() else QDate.currentDate())

    def setModelData(self, editor, model, index) -> None:  # noqa: N802
        when = editor.date()
        model.setData(index, "" if when == NO_DATE else when.toString("yyyy-MM-dd"), Qt.ItemDataRole.EditRole)


class PipelineView(QWidget):
    """The Pipeline tab: the tree of stages and companies, and what it shows in one line."""

    sig_edit = Signal(str, str, str)
    """The user changed a company's entry: (company id, field, value); field is stage, owner,
    next_step or next_date."""

    sig_rename_stage = Signal(str, str)
    """The user renamed a stage: (stage, new label)."""

    sig_company_selected = Signal(str)
    """The user asked to see a company in the table (double-click or Enter on its name)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        head = QHBoxLayout()
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        head.addWidget(self.summary, 1)
        layout.addLayout(head)
        self.model = PipelineModel(self)
        self.model.edit_requested = lambda cid, f, v: self.sig_edit.emit(cid, f, v)
        self.model.rename_requested = lambda s, label: self.sig_rename_stage.emit(s, label)
        self.tree = QTreeView()
        self.tree.setObjectName("pipeline_tree")
        self.tree.setAccessibleName(self.tr("Pipeline, grouped by stage"))
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.tree.setItemDelegateForColumn(PCol.STAGE, StageDelegate(self.model, self.tree))
        self.tree.setItemDelegateForColumn(PCol.NEXT_DATE, DateDelegate(self.tree))
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu_at)
        self.tree.activated.connect(self._on_activated)
        header = self.tree.header()
        header.setStretchLastSection(False)
        for col, width in ((PCol.COMPANY, 200), (PCol.STAGE, 96), (PCol.OWNER, 90), (PCol.NEXT_STEP, 160)):
            header.resizeSection(col, width)
        layout.addWidget(self.tree, 1)
        self.rename_action = QAction(self.tr("&Rename stage…"), self)
        self.rename_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.rename_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.rename_action.triggered.connect(self.rename_current_stage)
        self.tree.addAction(self.rename_action)
        self.clear_date_action = QAction(self.tr("Clear next &date"), self)
        self.clear_date_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.clear_date_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.clear_date_action.triggered.connect(self._clear_current_date)
        self.tree.addAction(self.clear_date_action)
        self._expanded_once = False
        self.set_pipeline([], (), {})

    def set_pipeline(
        self, entries: Sequence[Entry], stages: Sequence[str], labels: Mapping[str, str] | None = None
    ) -> None:
        """Show the pipeline; the company (or stage) that was current stays current, and the
        stages the user collapsed stay collapsed."""
        current = self.tree.currentIndex()
        keep_cid = current.data(COMPANY_ID_ROLE) if current.isValid() else None
        keep_stage = current.data(STAGE_ROLE) if current.isValid() else None
        keep_col = current.column() if current.isValid() else 0
        collapsed = {
            self.model.stages()[r]
            for r in range(self.model.rowCount())
            if not self.tree.isExpanded(self.model.index(r, 0))
        }
        if not self._expanded_once:
            collapsed = set()
            self._expanded_once = True
        self.model.set_pipeline(entries, stages, labels)
        for r, stage in enumerate(self.model.stages()):
            self.tree.setFirstColumnSpanned(r, QModelIndex(), True)  # "Committee — 0 companies" whole
            self.tree.setExpanded(self.model.index(r, 0), stage not in collapsed)
        ix = self.model.company_index(keep_cid, keep_col) if keep_cid else QModelIndex()
        if not ix.isValid() and keep_stage:
            ix = self.model.stage_index(keep_stage)
        if ix.isValid():
            self.tree.setCurrentIndex(ix)
        n = len(entries)
        if n:
            per = ", ".join(
                f"{self.model.label(s)} {self.model.count(s)}"
                for s in self.model.stages()
                if self.model.count(s)
            )
            text = (
                self.tr("{n} company in your pipeline: {stages}")
                if n == 1
                else self.tr("{n} companies in your pipeline: {stages}")
            )
            self.summary.setText(text.format(n=n, stages=per))
        else:
            self.summary.setText(
                self.tr(
                    "Your pipeline is empty. Shortlist a company (Space in the table) to put it in "
                    "Screening, then move it along here: F2 edits a cell, Ctrl+Shift+R renames a stage."
                )
            )

    def select_company(self, company_id: str) -> bool:
        ix = self.model.company_index(company_id)
        if ix.isValid():
            self.tree.setCurrentIndex(ix)
            self.tree.scrollTo(ix)
        return ix.isValid()

    def _current_stage(self) -> str | None:
        ix = self.tree.currentIndex()
        return ix.data(STAGE_ROLE) if ix.isValid() else None

    def rename_current_stage(self) -> None:
        """Ask for a new name of the current stage (or the current company's stage)."""
        stage = self._current_stage()
        if stage:
            self.rename_stage(stage)

    def rename_stage(self, stage: str, label: str | None = None) -> None:
        if label is None:
            label, ok = QInputDialog.getText(
                self,
                self.tr("Rename stage"),
                self.tr("New name of the stage “{label}” (its companies stay in it):").format(
                    label=self.model.label(stage)
                ),
                text=self.model.label(stage),
            )
            if not ok:
                return
        label = label.strip()
        if label and label != self.model.label(stage):
            self.sig_rename_stage.emit(stage, label)

    def _clear_current_date(self) -> None:
        e = self.model.entry(self.tree.currentIndex())
        if e is not None and e.next_date:
            self.sig_edit.emit(e.company_id, "next_date", "")

    def _on_activated(self, index: QModelIndex) -> None:
        cid = index.data(COMPANY_ID_ROLE)
        if cid and index.column() in (PCol.COMPANY, PCol.UPDATED):
            self.sig_company_selected.emit(cid)

    def context_menu(self, index: QModelIndex) -> QMenu:
        menu = QMenu(self)
        stage = index.data(STAGE_ROLE) if index.isValid() else None
        cid = index.data(COMPANY_ID_ROLE) if index.isValid() else None
        if stage:
            rename = menu.addAction(self.tr("Rename stage “{label}”…").format(label=self.model.label(stage)))
            rename.setShortcut(self.rename_action.shortcut())
            rename.triggered.connect(lambda: self.rename_stage(stage))
        if cid:
            menu.addAction(self.tr("Show in the table"), lambda: self.sig_company_selected.emit(cid))
            move = menu.addMenu(self.tr("Move to stage"))
            for s in self.model.stages():
                act = move.addAction(self.model.label(s), lambda s=s: self.sig_edit.emit(cid, "stage", s))
                act.setEnabled(s != stage)
        return menu

    def _menu_at(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        if not index.isValid():
            index = self.tree.currentIndex()
        menu = self.context_menu(index)
        if not menu.isEmpty():
            menu.exec(self.tree.viewport().mapToGlobal(pos))
