"""The window's actions — menus, toolbar and keyboard shortcuts — declared apart from the window
(as napari's ``_qt/_qapp_model/qactions``)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMessageBox, QToolBar

from core.i18n import LANGUAGES, catalogue, language
from core.ingest import bundled_dataset_dir
from ui import settings as keys
from ui.dialogs import menu_actions, show_about, show_help, show_scoring_help
from ui.geometry import toggle_focus

translate = QCoreApplication.translate  # lupdate finds the texts of translate("actions", "…")

SIZE_MODES = (
    ("companies", QT_TRANSLATE_NOOP("actions", "Number of companies")),
    ("funding", QT_TRANSLATE_NOOP("actions", "Disclosed funding")),
)


@dataclass(frozen=True)
class WindowActions:
    import_data: QAction
    add_companies: QAction
    report_data: QAction
    export_memo: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    find: QAction
    star: QAction
    clear_filters: QAction
    score_order: QAction
    shortlist_only: QAction
    reset_weights: QAction
    size_modes: dict[str, QAction]
    languages: dict[str, QAction]
    focus_details: QAction
    show_ranking: QAction
    show_lenses: QAction
    show_pipeline: QAction
    add_fact: QAction
    include_facts: QAction
    compare_selected: QAction
    compare_shortlist: QAction
    help: QAction
    about: QAction
    toolbar: QToolBar


def _action(window: QMainWindow, text: str, slot, shortcut=None, tip: str = "") -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(
            shortcut if isinstance(shortcut, QKeySequence.StandardKey) else QKeySequence(shortcut)
        )
    if tip:
        action.setToolTip(tip)
    action.triggered.connect(slot)
    return action


def build_actions(window: QMainWindow) -> WindowActions:
    """Create the main window's actions and put them in its menus and toolbar.

    ``window`` is the :class:`ui.main_window.MainWindow` (not imported here: it imports this
    module): its undo_stack, table, filters_panel, weights_panel, segment_map and settings, and
    its import_file, export_memo, toggle_current_star, score_order, show_ranking, show_lenses,
    compare_selected, compare_shortlist and compare_from_toolbar."""
    std = QKeySequence.StandardKey
    undo = window.undo_stack.createUndoAction(window, translate("actions", "&Undo"))
    undo.setShortcut(std.Undo)
    redo = window.undo_stack.createRedoAction(window, translate("actions", "&Redo"))
    redo.setShortcut(std.Redo)
    # Space itself is handled by the table (RankingTableView); the menu shows the key
    star = _action(window, translate("actions", "Toggle &shortlist") + "\tSpace", window.toggle_current_star)
    window.table.sig_star_requested.connect(window.toggle_current_star)
    acts = WindowActions(
        import_data=_action(
            window,
            translate("actions", "&Import companies…"),
            lambda: window.import_file(),
            std.Open,
            translate("actions", "Screen your own universe: a CSV or XLSX table of companies"),
        ),
        add_companies=_action(
            window,
            translate("actions", "&Add companies…"),
            lambda: window.add_companies(),
            "Ctrl+Shift+O",
            translate(
                "actions",
                "Put your own companies (a CSV or XLSX table) beside the dataset's; those already in "
                "it are merged, and listed for you to confirm",
            ),
        ),
        report_data=_action(
            window,
            translate("actions", "&Report data"),
            lambda: window.import_file(bundled_dataset_dir()),
            tip=translate("actions", "Back to the companies of the report"),
        ),
        export_memo=_action(
            window,
            translate("actions", "&Export memo…"),
            lambda: window.export_memo(),
            "Ctrl+E",
            translate("actions", "Export the shortlist (or the top N) as an Excel memo"),
        ),
        quit=_action(window, translate("actions", "&Quit"), window.close, std.Quit),
        undo=undo,
        redo=redo,
        find=_action(
            window, translate("actions", "&Find company"), window.filters_panel.focus_search, std.Find
        ),
        star=star,
        clear_filters=_action(
            window, translate("actions", "&Clear filters"), window.filters_panel.clear, "Ctrl+Shift+L"
        ),
        score_order=_action(
            window,
            translate("actions", "Sort by &score"),
            window.score_order,
            "Ctrl+0",
            translate("actions", "Back to score order"),
        ),
        shortlist_only=_action(
            window,
            translate("actions", "S&hortlist only"),
            window.filters_panel.shortlist_only.toggle,
            "Ctrl+Shift+S",
        ),
        reset_weights=_action(
            window, translate("actions", "&Reset weights"), window.weights_panel.reset, "Ctrl+R"
        ),
        size_modes={},
        languages={},
        focus_details=_action(
            window,
            translate("actions", "&Focus on details"),
            lambda on: toggle_focus(window.main_splitter, on),
            "Ctrl+Shift+D",
            translate(
                "actions",
                "Collapse the filters and give the detail pane most of the width (again to go back)",
            ),
        ),
        show_ranking=_action(
            window,
            translate("actions", "Ran&king table"),
            window.show_ranking,
            "Ctrl+1",
            translate("actions", "The companies ranked under the current weights"),
        ),
        show_lenses=_action(
            window,
            translate("actions", "&Lenses"),
            window.show_lenses,
            "Ctrl+2",
            translate(
                "actions",
                "Every company's rank under every preset and saved profile; robust and Pareto-optimal picks",
            ),
        ),
        show_pipeline=_action(
            window,
            translate("actions", "&Pipeline"),
            window.show_pipeline,
            "Ctrl+3",
            translate("actions", "Your deal pipeline, grouped by stage"),
        ),
        add_fact=_action(
            window,
            translate("actions", "Add &fact…"),
            lambda: window.add_fact(),
            "Ctrl+Shift+F",
            translate(
                "actions",
                "Add your own fact about the company shown — a round, valuation, client, outcome, "
                "listing or correction — with its source",
            ),
        ),
        include_facts=_action(
            window,
            translate("actions", "Include &my facts"),
            lambda on: window.set_include_facts(on),
            "Ctrl+Shift+M",
            translate(
                "actions",
                "Count your facts in the ranking (off: the report's ranking; your facts stay shown)",
            ),
        ),
        compare_selected=_action(
            window,
            translate("actions", "&Compare selected"),
            window.compare_selected,
            "Ctrl+Shift+C",
            translate(
                "actions",
                "Compare 2 to 5 companies side by side (select them with Ctrl+click in the table)",
            ),
        ),
        compare_shortlist=_action(
            window,
            translate("actions", "Compare s&hortlist"),
            window.compare_shortlist,
            tip=translate("actions", "Compare the shortlisted companies side by side (2 to 5)"),
        ),
        help=_action(
            window,
            translate("actions", "&Help"),
            lambda: show_help(window, menu_actions(window), window.session.dataset, window.session.universe),
            std.HelpContents,
        ),
        about=_action(window, translate("actions", "&About AIGC Screener"), lambda: show_about(window)),
        toolbar=QToolBar(translate("actions", "Main"), window),
    )
    acts.focus_details.setCheckable(True)
    acts.include_facts.setCheckable(True)
    acts.include_facts.setChecked(window.session.include_facts)
    # F1 where the platform has no help key of its own
    if acts.help.shortcut().isEmpty():
        acts.help.setShortcut(QKeySequence("F1"))

    bar = window.menuBar()
    file_menu = bar.addMenu(translate("actions", "&File"))
    file_menu.addAction(acts.import_data)
    file_menu.addAction(acts.add_companies)
    file_menu.addAction(acts.report_data)
    file_menu.addSeparator()
    file_menu.addAction(acts.export_memo)
    file_menu.addSeparator()
    file_menu.addAction(acts.quit)

    edit = bar.addMenu(translate("actions", "&Edit"))
    edit.addAction(acts.undo)
    edit.addAction(acts.redo)
    edit.addSeparator()
    for action in (acts.find, acts.star, acts.clear_filters):
        edit.addAction(action)
    edit.addSeparator()
    edit.addAction(acts.add_fact)

    view = bar.addMenu(translate("actions", "&View"))
    for action in (acts.score_order, acts.shortlist_only, acts.reset_weights):
        view.addAction(action)
    view.addSeparator()
    view.addAction(acts.show_ranking)
    view.addAction(acts.show_lenses)
    view.addAction(acts.show_pipeline)
    view.addAction(acts.compare_selected)
    view.addAction(acts.compare_shortlist)
    view.addSeparator()
    view.addAction(acts.focus_details)
    view.addSeparator()
    view.addAction(acts.include_facts)
    view.addSeparator()
    size = view.addMenu(translate("actions", "Segment map marks sized by"))
    group = QActionGroup(window)
    group.setExclusive(True)
    seg_map = window.segment_map
    for mode, label in SIZE_MODES:
        act = size.addAction(translate("actions", label), lambda m=mode: seg_map.set_size_mode(m))
        act.setCheckable(True)
        act.setChecked(seg_map.size_mode() == mode)
        group.addAction(act)
        acts.size_modes[mode] = act
    seg_map.sig_size_mode_changed.connect(lambda m: acts.size_modes[m].setChecked(True))
    view.addSeparator()
    languages = view.addMenu(translate("actions", "&Language"))
    languages.setObjectName("language_menu")
    choice = QActionGroup(window)
    choice.setExclusive(True)
    for code, name in LANGUAGES.items():  # each language in its own words
        act = languages.addAction(name, lambda c=code: choose_language(window, c))
        act.setCheckable(True)
        act.setChecked(code == language())
        act.setData(code)
        choice.addAction(act)
        acts.languages[code] = act

    tools = acts.toolbar
    window.addToolBar(tools)
    tools.setObjectName("main_toolbar")
    tools.setMovable(False)
    tools.addAction(acts.score_order)
    # the stack's Undo/Redo name the step ("Undo Change weights"): the toolbar keeps a fixed
    # label, and the step is in the tooltip, so the buttons never change width
    tools.addAction(
        _stack_button(window, window.undo_stack, "undo", translate("actions", "Undo"), redo=False)
    )
    tools.addAction(_stack_button(window, window.undo_stack, "redo", translate("actions", "Redo"), redo=True))
    tools.addAction(acts.export_memo)
    compare = QAction(translate("actions", "Compare"), window)
    compare.setObjectName("toolbar_compare")
    compare.setToolTip(
        translate(
            "actions",
            "Compare side by side: the companies selected in the table (Ctrl+click), or the shortlist "
            "when fewer than 2 are selected",
        )
    )
    compare.triggered.connect(window.compare_from_toolbar)
    tools.addAction(compare)

    help_menu = bar.addMenu(translate("actions", "&Help"))
    help_menu.addAction(acts.help)
    help_menu.addAction(
        translate("actions", "How the score is made"),
        lambda: show_scoring_help(window, window.session.universe),
    )
    help_menu.addSeparator()
    help_menu.addAction(acts.about)
    return acts


#: The message of a change of language, in the language chosen too (its reader may not read
#: the one shown now).
RESTART_TEXT = QT_TRANSLATE_NOOP("actions", "The language changes when you start AIGC Screener again.")


def choose_language(window: QMainWindow, code: str) -> QMessageBox | None:
    """View → Language: remember ``code`` for the next start and say so (non-blocking); nothing
    to say when it is the language shown now."""
    keys.LANGUAGE.write(window.settings, code)
    if code == language():
        return None
    now = translate("actions", RESTART_TEXT)
    chosen = catalogue(code).get(("actions", RESTART_TEXT), RESTART_TEXT)
    box = QMessageBox(
        QMessageBox.Icon.Information,
        translate("actions", "Language"),
        now if chosen == now else f"{now}\n\n{chosen}",
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setObjectName("language_notice")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def _stack_button(window: QMainWindow, stack: QUndoStack, name: str, label: str, *, redo: bool) -> QAction:
    """A toolbar action ``toolbar_<name>`` with a fixed label doing the stack's undo (or redo);
    the step it would undo is its tooltip ("Undo: Change weights"); no shortcut (the Edit menu's
    action has it)."""
    action = QAction(label, window)
    action.setObjectName(f"toolbar_{name}")
    action.triggered.connect(stack.redo if redo else stack.undo)
    can, text = (stack.canRedo, stack.redoText) if redo else (stack.canUndo, stack.undoText)

    def follow(*_args) -> None:
        with contextlib.suppress(RuntimeError):  # the stack or the action is being destroyed
            action.setEnabled(can())
            step = text()
            action.setToolTip(
                translate("actions", "{action}: {step}").format(action=label, step=step) if step else label
            )

    (stack.canRedoChanged if redo else stack.canUndoChanged).connect(follow)
    (stack.redoTextChanged if redo else stack.undoTextChanged).connect(follow)
    follow()
    return action
