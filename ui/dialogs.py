"""The window's dialogs: problems to read and copy, a failed save, a failed export, notes that
could not be saved, how the score is made, the Help window and About.  Each is non-blocking
unless it must answer."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

import core
from core import columns
from core.lenses import DEFAULT_TOP_N
from core.models import Dataset
from core.present import (
    PARETO_MARK,
    ROBUST_MARK,
    pareto_definition,
    robust_definition,
    score_rules,
    stability_definition,
)


def scoring_help(universe: str | None = None) -> str:
    """How the score is made, as the memo's Method sheet says it, and what rank stability is."""
    stability = QCoreApplication.translate("dialogs", "Stability is {definition}.")
    return "\n\n".join([*score_rules(universe), stability.format(definition=stability_definition())])


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
    copy = buttons.addButton(
        QCoreApplication.translate("dialogs", "Copy all"), QDialogButtonBox.ButtonRole.ActionRole
    )
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
        QCoreApplication.translate("dialogs", "Could not import {file}").format(file=file_name),
        QCoreApplication.translate(
            "dialogs",
            "{problems} Nothing was changed: the companies on screen, your shortlist and "
            "notes are as they were. Fix these in your spreadsheet and import again:",
        ).format(problems=first),
        lines or [message],
    )


def show_not_saved(parent: QWidget, what: str, message: str) -> QMessageBox:
    """A write to the user's store failed (what is on screen is kept)."""
    title = QCoreApplication.translate("dialogs", "{what} not saved").format(what=what)
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
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
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("dialogs", "Memo not saved"),
        message,
        QMessageBox.StandardButton.Close,
        parent,
    )
    again = box.addButton(
        QCoreApplication.translate("dialogs", "Save under another name…"), QMessageBox.ButtonRole.AcceptRole
    )
    box.setDefaultButton(again)
    box.finished.connect(lambda _r: box.clickedButton() is again and save_again())
    box.open()
    return box


def ask_close_with_unsaved_notes(parent: QWidget, notes: list[tuple[str, str]]) -> bool:
    """Notes could not be saved: close anyway?  When yes, their text goes to the clipboard."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("dialogs", "Notes not saved"),
        QCoreApplication.translate(
            "dialogs",
            "{count} note(s) could not be saved (another copy of the app may be using "
            "your saved data). Close anyway? Their text will be on the clipboard.",
        ).format(count=len(notes)),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    QApplication.clipboard().setText("\n\n".join(f"{name}:\n{text}" for name, text in notes))
    return True


def show_scoring_help(parent: QWidget, universe: str | None = None) -> None:
    QMessageBox.information(
        parent, QCoreApplication.translate("dialogs", "How the score is made"), scoring_help(universe)
    )


# --- Help ----------------------------------------------------------------------------------

#: Keys that are no menu action: where they work and what they do.
#: (Translated at use, in the context "dialogs".)
OTHER_KEYS: tuple[tuple[str, str], ...] = (
    ("↑ / ↓", QT_TRANSLATE_NOOP("dialogs", "Move through the companies of the table (the detail follows)")),
    (
        QT_TRANSLATE_NOOP("dialogs", "Space"),
        QT_TRANSLATE_NOOP("dialogs", "Star or unstar the current company (in the table)"),
    ),
    (
        QT_TRANSLATE_NOOP("dialogs", "Enter or ↓"),
        QT_TRANSLATE_NOOP("dialogs", "In the search box: go to the first result"),
    ),
    ("← / →", QT_TRANSLATE_NOOP("dialogs", "On the segment map: move between segments")),
    ("Esc", QT_TRANSLATE_NOOP("dialogs", "On the segment map: clear the segment filter")),
    (
        QT_TRANSLATE_NOOP("dialogs", "Right-click a column header"),
        QT_TRANSLATE_NOOP("dialogs", "Choose the columns; drag a header to move its column"),
    ),
)


def other_keys() -> list[tuple[str, str]]:
    """OTHER_KEYS in the language of the app."""
    return [
        (QCoreApplication.translate("dialogs", k), QCoreApplication.translate("dialogs", v))
        for k, v in OTHER_KEYS
    ]


#: What the columns of signals mean (their tooltips, said once in core.columns).
SIGNAL_COLUMNS = (columns.SCORE, columns.VALUE, columns.DIFFICULTY, columns.FUNDING, columns.STABILITY)


def _plain(text: str) -> str:
    text = re.sub(r"\s*\(&[^&)]\)", "", text)  # a mnemonic written apart, as in Chinese: "撤销(&U)"
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


_STACK_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(keys, what they do) for every action with a shortcut, read from the actions themselves
    (so the list follows the menus): its shortcut, or a key written after a tab in its text."""
    rows: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for action in actions:
        text, _, written = action.text().partition("\t")
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText) or written.strip()
        if not keys or action.isSeparator():
            continue
        what = _plain(text).strip().rstrip("…")
        if any(action.shortcut() in QKeySequence.keyBindings(k) for k in _STACK_KEYS):
            what = what.split(" ", 1)[0]  # "Undo Change weights": the step changes
        row = (keys, what)
        if row not in seen:
            seen.add(row)
            rows.append(row)
    return rows


def menu_actions(window) -> list[QAction]:
    """Every action of ``window``'s menus (submenus included), in menu order."""
    found: list[QAction] = []

    def walk(actions: Iterable[QAction]) -> None:
        for action in actions:
            menu = action.menu()
            if menu is not None:
                walk(menu.actions())
            else:
                found.append(action)

    walk(window.menuBar().actions())
    return found


def report_source(dataset: Dataset) -> tuple[str, str]:
    """The dataset's source as (title, where in it): the report's 《title》 and its sections,
    from the dataset's meta; the whole source line when it names no 《title》."""
    source = dataset.meta.source
    title = re.search(r"《[^》]+》", source)
    sections = re.search(r"(?:appendix )?sections? [\d.]+(?:\s*[–-]\s*[\d.]+)?", source)
    if title is None:
        return source or dataset.meta.name, ""
    return title.group(0), sections.group(0) if sections else ""


_SECTIONS = {
    ("appendix ", "sections"): QT_TRANSLATE_NOOP("dialogs", "appendix sections {numbers}"),
    ("appendix ", "section"): QT_TRANSLATE_NOOP("dialogs", "appendix section {numbers}"),
    ("", "sections"): QT_TRANSLATE_NOOP("dialogs", "sections {numbers}"),
    ("", "section"): QT_TRANSLATE_NOOP("dialogs", "section {numbers}"),
}


def sections_text(sections: str) -> str:
    """:func:`report_source`'s "appendix sections 1.1.1–1.4.2" in the language of the app."""
    match = re.fullmatch(r"(appendix |)(sections?) (\S.*)", sections)
    if match is None:
        return sections
    text = _SECTIONS[(match.group(1), match.group(2))]
    return QCoreApplication.translate("dialogs", text).format(numbers=match.group(3))


def help_html(actions: Iterable[QAction], dataset: Dataset, universe: str | None = None) -> str:
    """The Help window's text: keys, what the signals mean and how they are computed, rank
    stability, and the data source."""
    e = html.escape
    rows = [*shortcut_rows(actions), *other_keys()]
    keys_table = "".join(
        f"<tr><td style='padding-right:16px'><b>{e(k)}</b></td><td>{e(v)}</td></tr>" for k, v in rows
    )
    signal_line = QCoreApplication.translate("dialogs", "<b>{signal}</b>: {meaning}")
    signals = "".join(
        f"<li>{signal_line.format(signal=e(c.header), meaning=e(c.tooltip))}</li>" for c in SIGNAL_COLUMNS
    )
    rules = "".join(f"<p>{e(rule)}</p>" for rule in score_rules(universe))
    title, sections = report_source(dataset)
    sections = sections_text(sections)

    def h2(text: str) -> str:
        return f"<h2>{e(text)}</h2>"

    if sections:
        source = QCoreApplication.translate(
            "dialogs",
            "{name}: the companies named in {title}, {sections}. Every fact shown comes with the "
            "sentence of the report it is read from and its section.",
        )
    else:
        source = QCoreApplication.translate(
            "dialogs",
            "{name}: the companies named in {title}. Every fact shown comes with the sentence of "
            "the report it is read from and its section.",
        )
    stability = QCoreApplication.translate(
        "dialogs",
        "Stability is {definition}. It says how much a company's place in the top depends on the "
        "exact weights: 100% stays in the top whatever the small changes.",
    )
    lenses = QCoreApplication.translate(
        "dialogs",
        "The Lenses tab ranks the universe under every built-in preset and every saved profile. "
        "{robust_mark} robust: {robust} (the threshold is yours); {pareto_mark} Pareto-optimal: "
        "{pareto}. Both marks also stand before the name in the table.",
    )
    return (
        h2(QCoreApplication.translate("dialogs", "Keyboard"))
        + f"<table>{keys_table}</table>"
        + h2(QCoreApplication.translate("dialogs", "The signals"))
        + f"<ul>{signals}</ul>"
        + h2(QCoreApplication.translate("dialogs", "How the score is computed"))
        + rules
        + h2(QCoreApplication.translate("dialogs", "Rank stability"))
        + f"<p>{stability.format(definition=e(stability_definition(seed=True)))}</p>"
        + h2(QCoreApplication.translate("dialogs", "Lenses, sensitivity and compare"))
        + "<p>"
        + lenses.format(
            robust_mark=e(ROBUST_MARK),
            robust=e(robust_definition(DEFAULT_TOP_N)),
            pareto_mark=e(PARETO_MARK),
            pareto=e(pareto_definition()),
        )
        + "</p><p>"
        + QCoreApplication.translate(
            "dialogs",
            "The sensitivity charts of the detail view show the company's rank as one weight sweeps "
            "from −100 to +100 in steps of 10, the other weights fixed; the shaded band is the top 10, "
            "the dashed line the weight now.",
        )
        + "</p><p>"
        + QCoreApplication.translate(
            "dialogs",
            "Compare puts 2 to 5 companies side by side: select them with Ctrl+click in the table, "
            "or shortlist them.",
        )
        + "</p>"
        + h2(QCoreApplication.translate("dialogs", "Data source"))
        + "<p>"
        + source.format(name=e(dataset.meta.name), title=e(title), sections=e(sections))
        + "</p>"
        + f"<p style='color:gray'>{e(dataset.summary())}</p>"
    )


def show_help(
    parent: QWidget, actions: Iterable[QAction], dataset: Dataset, universe: str | None = None
) -> QDialog:
    """The Help window (non-blocking): keys, signals, score, stability and the data source."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("dialogs", "Help — AIGC Screener"))
    dialog.setObjectName("help_window")
    layout = QVBoxLayout(dialog)
    text = QTextBrowser()
    text.setObjectName("help_text")
    text.setOpenExternalLinks(True)
    text.setHtml(help_html(actions, dataset, universe))
    layout.addWidget(text)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.close)
    layout.addWidget(buttons)
    dialog.resize(720, 560)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def about_text() -> str:
    return f"AIGC Screener {core.__version__}\n\n" + QCoreApplication.translate(
        "dialogs",
        "A desktop screener for the companies named in 《中美 AIGC 产业商业化落地生态与发展趋势分析报告》: "
        "rank them by weights you choose, read the report's evidence for each, shortlist, take notes "
        "and export a memo.",
    )


def show_about(parent: QWidget) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("dialogs", "About AIGC Screener"),
        about_text(),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("about_box")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
