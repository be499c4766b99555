"""The main window."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QMainWindow, QTableView

from core.models import Dataset

_COLUMNS = ("Name", "English name", "Country", "Kind", "Segments")


class _CompanyModel(QAbstractTableModel):
    def __init__(self, dataset: Dataset) -> None:
        super().__init__()
        self._rows = [
            (c.name, c.name_en, c.country or "", c.kind, ", ".join(dataset.segments_of(c.id)))
            for c in dataset.companies
        ]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return self._rows[index.row()][index.column()]
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _COLUMNS[section]
        return None


class MainWindow(QMainWindow):
    def __init__(self, dataset: Dataset) -> None:
        super().__init__()
        self.dataset = dataset
        self.setWindowTitle(f"AIGC Screener — {dataset.name}")
        self.table = QTableView(self)
        self.table.setModel(_CompanyModel(dataset))
        self.setCentralWidget(self.table)
        self.statusBar().showMessage(dataset.summary())
        self.resize(1100, 700)
