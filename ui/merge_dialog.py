"""File → Add companies…: what adding a file does, for the user to confirm before it is shown.

The dialog lists the companies of the added file that are already in the report (merged with the
report's company, not shown twice): the added name, the report's name, and what they matched on
(name, alias or English name after normalisation), and says how many companies are new.  OK
applies; Cancel leaves the screen as it was.  It takes plain data (core.merge's ``Merge``)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

MATCHED_ON = {
    "name": QT_TRANSLATE_NOOP("merge_dialog", "same name"),
    "alias": QT_TRANSLATE_NOOP("merge_dialog", "an alias"),
    "English name": QT_TRANSLATE_NOOP("merge_dialog", "the English name"),
}


class MergeDialog(QDialog):
    """Confirm adding ``file_name``: ``added`` new companies, and ``merges`` (objects with
    added_name, report_name, matched_on, added_id, report_id) merged into the report's."""

    def __init__(
        self,
        file_name: str,
        added: int,
        merges: Sequence[object],
        warnings: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("merge_dialog")
        self.setWindowTitle(self.tr("Add companies — {file}").format(file=file_name))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        n = len(merges)
        if added == 1:
            adds = self.tr(
                "<b>{file}</b> adds <b>{count}</b> new company beside the report's, marked as added from it."
            )
        else:
            adds = self.tr(
                "<b>{file}</b> adds <b>{count}</b> new companies beside the report's, marked as added from it."
            )
        text = adds.format(file=file_name, count=added)
        if n == 1:
            merged = self.tr(
                "<b>{count}</b> company is already in the report and will be merged with the report's "
                "company (its mentions, funding and facts attached to it, not shown twice):"
            )
        elif n:
            merged = self.tr(
                "<b>{count}</b> companies are already in the report and will be merged with the report's "
                "company (its mentions, funding and facts attached to it, not shown twice):"
            )
        else:
            merged = self.tr("None of its companies is already in the report: nothing is merged.")
        text += "<br>" + merged.format(count=n)
        intro = QLabel(text)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(n, 3)
        self.table.setObjectName("merge_table")
        self.table.setAccessibleName(self.tr("Companies merged with the report's"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Added name"), self.tr("Report name"), self.tr("Matched on")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        id_tip = self.tr("id {id}")
        normalised = self.tr("compared after normalisation (case, width, spaces, punctuation)")
        for row, m in enumerate(merges):
            added_name = str(getattr(m, "added_name", ""))
            report_name = str(getattr(m, "report_name", ""))
            on = str(getattr(m, "matched_on", ""))
            cells = (
                (added_name, id_tip.format(id=getattr(m, "added_id", ""))),
                (report_name, id_tip.format(id=getattr(m, "report_id", ""))),
                (
                    QCoreApplication.translate("merge_dialog", MATCHED_ON[on]) if on in MATCHED_ON else on,
                    normalised,
                ),
            )
            for col, (value, tip) in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(tip)
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setVisible(n > 0)
        layout.addWidget(self.table, 1)
        if warnings:
            notes = QLabel(self.tr("Notes: {notes}").format(notes="; ".join(warnings)))
            notes.setObjectName("merge_warnings")
            notes.setWordWrap(True)
            notes.setStyleSheet("color: #8a6d00")
            layout.addWidget(notes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Add companies"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str, str]]:
        """The merges as listed: (added name, report name, matched on)."""
        return [
            tuple(self.table.item(r, c).text() for c in range(3))  # type: ignore[misc]
            for r in range(self.table.rowCount())
        ]
