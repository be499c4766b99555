"""The window's actions — menus, toolbar and keyboard shortcuts — declared apart from the window
(as napari's ``_qt/_qapp_model/qactions``)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QToolBar

from core.ingest import bundled_dataset_dir
from ui.dialogs import menu_actions, show_about, show_help, show_scoring_help
from ui.geometry import toggle_focus

SIZE_MODES = (("companies", "Number of companies"), ("funding", "Disclosed funding"))


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
    module): its undo_stack, table, filters_panel, weights_panel and segment_map, and its
    import_file, export_memo, toggle_current_star, score_order, show_ranking, show_lenses,
    compare_selected, compare_shortlist and compare_from_toolbar."""
    keys = QKeySequence.StandardKey
    undo = window.undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcut(keys.Undo)
    redo = window.undo_stack.createRedoAction(window, "&Redo")
    redo.setShortcut(keys.Redo)
    # Space itself is handled by the table (RankingTableView); the menu shows the key
    star = _action(window, "Toggle &shortlist\tSpace", window.toggle_current_star)
    window.table.sig_star_requested.connect(window.toggle_current_star)
    acts = WindowActions(
        import_data=_action(
            window,
            "&Import companies…",
            lambda: window.import_file(),
            keys.Open,
            "Screen your own universe: a CSV or XLSX table of companies",
        ),
        add_companies=_action(
            window,
            "&Add companies…",
            lambda: window.add_companies(),
            "Ctrl+Shift+O",
            "Put your own companies (a CSV or XLSX table) beside the dataset's; those already in it "
            "are merged, and listed for you to confirm",
        ),
        report_data=_action(
            window,
            "&Report data",
            lambda: window.import_file(bundled_dataset_dir()),
            tip="Back to the companies of the report",
        ),
        export_memo=_action(
            window,
            "&Export memo…",
            lambda: window.export_memo(),
            "Ctrl+E",
            "Export the shortlist (or the top N) as an Excel memo",
        ),
        quit=_action(window, "&Quit", window.close, keys.Quit),
        undo=undo,
        redo=redo,
        find=_action(window, "&Find company", window.filters_panel.focus_search, keys.Find),
        star=star,
        clear_filters=_action(window, "&Clear filters", window.filters_panel.clear, "Ctrl+Shift+L"),
        score_order=_action(window, "Sort by &score", window.score_order, "Ctrl+0", "Back to score order"),
        shortlist_only=_action(
            window, "S&hortlist only", window.filters_panel.shortlist_only.toggle, "Ctrl+Shift+S"
        ),
        reset_weights=_action(window, "&Reset weights", window.weights_panel.reset, "Ctrl+R"),
        size_modes={},
        focus_details=_action(
            window,
            "&Focus on details",
            lambda on: toggle_focus(window.main_splitter, on),
            "Ctrl+Shift+D",
            "Collapse the filters and give the detail pane most of the width (again to go back)",
        ),
        show_ranking=_action(
            window,
            "Ran&king table",
            window.show_ranking,
            "Ctrl+1",
            "The companies ranked under the current weights",
        ),
        show_lenses=_action(
            window,
            "&Lenses",
            window.show_lenses,
            "Ctrl+2",
            "Every company's rank under every preset and saved profile; robust and Pareto-optimal picks",
        ),
        show_pipeline=_action(
            window,
            "&Pipeline",
            window.show_pipeline,
            "Ctrl+3",
            "Your deal pipeline, grouped by stage",
        ),
        add_fact=_action(
            window,
            "Add &fact…",
            lambda: window.add_fact(),
            "Ctrl+Shift+F",
            "Add your own fact about the company shown — a round, valuation, client, outcome, "
            "listing or correction — with its source",
        ),
        include_facts=_action(
            window,
            "Include &my facts",
            lambda on: window.set_include_facts(on),
            "Ctrl+Shift+M",
            "Count your facts in the ranking (off: the report's ranking; your facts stay shown)",
        ),
        compare_selected=_action(
            window,
            "&Compare selected",
            window.compare_selected,
            "Ctrl+Shift+C",
            "Compare 2 to 5 companies side by side (select them with Ctrl+click in the table)",
        ),
        compare_shortlist=_action(
            window,
            "Compare s&hortlist",
            window.compare_shortlist,
            tip="Compare the shortlisted companies side by side (2 to 5)",
        ),
        help=_action(
            window,
            "&Help",
            lambda: show_help(window, menu_actions(window), window.session.dataset, window.session.universe),
            keys.HelpContents,
        ),
        about=_action(window, "&About AIGC Screener", lambda: show_about(window)),
        toolbar=QToolBar("Main", window),
    )
    acts.focus_details.setCheckable(True)
    acts.include_facts.setCheckable(True)
    acts.include_facts.setChecked(window.session.include_facts)
    # F1 where the platform has no help key of its own
    if acts.help.shortcut().isEmpty():
        acts.help.setShortcut(QKeySequence("F1"))

    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addAction(acts.import_data)
    file_menu.addAction(acts.add_companies)
    file_menu.addAction(acts.report_data)
    file_menu.addSeparator()
    file_menu.addAction(acts.export_memo)
    file_menu.addSeparator()
    file_menu.addAction(acts.quit)

    edit = bar.addMenu("&Edit")
    edit.addAction(acts.undo)
    edit.addAction(acts.redo)
    edit.addSeparator()
    for action in (acts.find, acts.star, acts.clear_filters):
        edit.addAction(action)
    edit.addSeparator()
    edit.addAction(acts.add_fact)

    view = bar.addMenu("&View")
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
    size = view.addMenu("Segment map marks sized by")
    group = QActionGroup(window)
    group.setExclusive(True)
    seg_map = window.segment_map
    for mode, label in SIZE_MODES:
        act = size.addAction(label, lambda m=mode: seg_map.set_size_mode(m))
        act.setCheckable(True)
        act.setChecked(seg_map.size_mode() == mode)
        group.addAction(act)
        acts.size_modes[mode] = act
    seg_map.sig_size_mode_changed.connect(lambda m: acts.size_modes[m].setChecked(True))

    tools = acts.toolbar
    window.addToolBar(tools)
    tools.setObjectName("main_toolbar")
    tools.setMovable(False)
    tools.addAction(acts.score_order)
    # the stack's Undo/Redo name the step ("Undo Change weights"): the toolbar keeps a fixed
    # label, and the step is in the tooltip, so the buttons never change width
    tools.addAction(_stack_button(window, window.undo_stack, "Undo", redo=False))
    tools.addAction(_stack_button(window, window.undo_stack, "Redo", redo=True))
    tools.addAction(acts.export_memo)
    compare = QAction("Compare", window)
    compare.setObjectName("toolbar_compare")
    compare.setToolTip(
        "Compare side by side: the companies selected in the table (Ctrl+click), or the shortlist "
        "when fewer than 2 are selected"
    )
    compare.triggered.connect(window.compare_from_toolbar)
    tools.addAction(compare)

    help_menu = bar.addMenu("&Help")
    help_menu.addAction(acts.help)
    help_menu.addAction("How the score is made", lambda: show_scoring_help(window, window.session.universe))
    help_menu.addSeparator()
    help_menu.addAction(acts.about)
    return acts


def _stack_button(window: QMainWindow, stack: QUndoStack, label: str, *, redo: bool) -> QAction:
    """A toolbar action with a fixed label doing the stack's undo (or redo); the step it would
    undo is its tooltip ("Undo: Change weights"); no shortcut (the Edit menu's action has it)."""
    action = QAction(label, window)
    action.setObjectName(f"toolbar_{label.lower()}")
    action.triggered.connect(stack.redo if redo else stack.undo)
    can, text = (stack.canRedo, stack.redoText) if redo else (stack.canUndo, stack.undoText)

    def follow(*_args) -> None:
        with contextlib.suppress(RuntimeError):  # the stack or the action is being destroyed
            action.setEnabled(can())
            action.setToolTip(f"{label}: {text()}" if text() else label)

    (stack.canRedoChanged if redo else stack.canUndoChanged).connect(follow)
    (stack.redoTextChanged if redo else stack.undoTextChanged).connect(follow)
    follow()
    return action
