"""The window's dialogs: problems to read and copy, a failed save, a failed export, notes that
could not be saved, and how the score is made.  Each is non-blocking unless it must answer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from core.present import score_rules, stability_definition


def scoring_help(universe: str | None = None) -> str:
    """How the score is made, as the memo's Method sheet says it, and what rank stability is."""
    return "\n\n".join([*score_rules(universe), f"Stability is {stability_definition()}."])


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


def show_import_problems(parent: QWidget, file_name: str, message: str) -> QDialog:
    """An import was refused: its problems (one a line, after a first line that counts them)."""
    first, *rest = message.splitlines() or [message]
    lines = [line.strip()[2:] if line.strip().startswith("- ") else line for line in rest]
    return show_problems(
        parent,
        f"Could not import {file_name}",
        f"{first} Nothing was changed: the companies on screen, your shortlist and "
        "notes are as they were. Fix these in your spreadsheet and import again:",
        lines or [message],
    )


def show_not_saved(parent: QWidget, what: str, message: str) -> QMessageBox:
    """A write to the user's store failed (what is on screen is kept)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, f"{what} not saved", message, QMessageBox.StandardButton.Ok, parent
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def notice_box(parent: QWidget, title: str, text: str) -> QMessageBox:
    """A warning to read while the window stays usable (``open()`` it)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


def show_export_failed(parent: QWidget, message: str, save_again: Callable[[], object]) -> QMessageBox:
    """A memo could not be written: the reason, and a button to save under another name."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, "Memo not saved", message, QMessageBox.StandardButton.Close, parent
    )
    again = box.addButton("Save under another name…", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(again)
    box.finished.connect(lambda _r: box.clickedButton() is again and save_again())
    box.open()
    return box


def ask_close_with_unsaved_notes(parent: QWidget, notes: list[tuple[str, str]]) -> bool:
    """Notes could not be saved: close anyway?  When yes, their text goes to the clipboard."""
    answer = QMessageBox.question(
        parent,
        "Notes not saved",
        f"{len(notes)} note(s) could not be saved (another copy of the app may be using "
        "your saved data). Close anyway? Their text will be on the clipboard.",
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    QApplication.clipboard().setText("\n\n".join(f"{name}:\n{text}" for name, text in notes))
    return True


def show_scoring_help(parent: QWidget, universe: str | None = None) -> None:
    QMessageBox.information(parent, "How the score is made", scoring_help(universe))
