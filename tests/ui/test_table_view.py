"""The ranked table: names frozen while scrolling sideways, the column chooser, remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from core.scoring import DEFAULT_PRESET, PRESETS, rank
from core.signals import build_signals
from ui import settings as keys
from ui.ranking_model import Col, RankingModel
from ui.table_view import ALWAYS_SHOWN, FROZEN, HIDDEN_BY_DEFAULT, SCROLL_ROOM, RankingTableView


@pytest.fixture(scope="module")
def ranking(ds):
    return rank(build_signals(ds), PRESETS[DEFAULT_PRESET])


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def make_view(qtbot, ds, ranking, settings, width=420) -> RankingTableView:
    view = RankingTableView()
    qtbot.addWidget(view)
    view.setModel(RankingModel(ds, ranking, view))
    view.use_settings(settings)
    view.resize(width, 400)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_the_default_columns_leave_out_the_detail_ones(qtbot, ds, ranking, settings):
    view = make_view(qtbot, ds, ranking, settings)
    shown = view.shown_columns()
    assert shown == [c for c in Col if c not in HIDDEN_BY_DEFAULT]
    for col in (Col.RANK, Col.DELTA, Col.STAR, Col.NAME, Col.COUNTRY, Col.SCORE, Col.DISCLOSED, Col.ROUND):
        assert col in shown
    header = view.horizontalHeader()
    # they fit the table's share of a 1280 px window (see ui.geometry.splitter_shares)
    assert sum(header.sectionSize(c) for c in shown) <= 1280 - 330 - 380 - 20


def test_a_wide_table_shows_more_columns_by_default(qtbot, ds, ranking, settings):
    view = make_view(qtbot, ds, ranking, settings)
    view.reset_columns(fit_width=900)  # a 1920 px screen
    shown = view.shown_columns()
    assert {Col.VALUE, Col.DIFFICULTY, Col.FUNDING} <= set(shown)
    assert sum(view.columnWidth(c) for c in shown) <= 900 - SCROLL_ROOM
    view.reset_columns(fit_width=560)  # a 1280 px screen
    assert view.shown_columns() == [c for c in Col if c not in HIDDEN_BY_DEFAULT]


def test_the_names_stay_in_view_when_scrolled_sideways(qtbot, ds, ranking, settings):
    view = make_view(qtbot, ds, ranking, settings, width=360)
    for col in Col:  # every column shown: much wider than the view
        view.set_column_shown(col, True)
    bar = view.horizontalScrollBar()
    assert bar.maximum() > 0
    frozen = view.frozen
    before = frozen.geometry()
    name_rect = frozen.visualRect(view.model().index(0, Col.NAME))
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: view.columnViewportPosition(Col.NAME) < 0)  # the table moved ...
    # ... the overlay did not: same place, as wide as the frozen columns, the name cell in view
    assert frozen.isVisible()
    assert frozen.geometry() == before
    assert frozen.width() == sum(view.columnWidth(c) for c in FROZEN)
    assert frozen.visualRect(view.model().index(0, Col.NAME)) == name_rect
    assert frozen.viewport().rect().contains(name_rect)
    assert frozen.model() is view.model()
    assert frozen.selectionModel() is view.selectionModel()
    # scrolling down moves both together
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    assert frozen.verticalScrollBar().value() == view.verticalScrollBar().value() > 0


def test_a_frozen_cell_click_selects_the_row_and_reaches_the_window(qtbot, ds, ranking, settings):
    view = make_view(qtbot, ds, ranking, settings)
    index = view.model().index(2, Col.STAR)
    rect = view.frozen.visualRect(index)
    with qtbot.waitSignal(view.clicked) as clicked:
        qtbot.mouseClick(view.frozen.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert clicked.args[0].row() == 2 and clicked.args[0].column() == Col.STAR
    assert view.currentIndex().row() == 2


def test_space_asks_for_a_star(qtbot, ds, ranking, settings):
    view = make_view(qtbot, ds, ranking, settings)
    view.setFocus()
    with qtbot.waitSignal(view.sig_star_requested):
        qtbot.keyClick(view, Qt.Key.Key_Space)


def test_the_chooser_shows_hides_and_resets(qtbot, ds, ranking, settings):
    view = make_view(qtbot, ds, ranking, settings)
    menu = view.column_menu()
    checks = {a.data(): a for a in menu.actions() if a.isCheckable()}
    assert set(checks) == set(Col)
    assert not checks[Col.NAME].isEnabled()  # a row must say which company it is
    checks[Col.STABILITY].setChecked(True)
    checks[Col.COUNTRY].setChecked(False)
    assert Col.STABILITY in view.shown_columns() and Col.COUNTRY not in view.shown_columns()
    assert view.columnWidth(Col.STABILITY) > 20
    view.set_column_shown(Col.NAME, False)  # refused
    assert not view.isColumnHidden(Col.NAME)
    # a frozen column hidden leaves the overlay too
    checks[Col.DELTA].setChecked(False)
    assert view.frozen.isColumnHidden(Col.DELTA)
    assert view.frozen.width() == sum(view.columnWidth(c) for c in FROZEN if c != Col.DELTA)
    next(a for a in menu.actions() if a.text() == "Reset columns").trigger()
    assert view.shown_columns() == [c for c in Col if c not in HIDDEN_BY_DEFAULT]
    assert not view.frozen.isColumnHidden(Col.DELTA)


def test_moved_columns_keep_the_frozen_ones_first(qtbot, ds, ranking, settings):
    view = make_view(qtbot, ds, ranking, settings)
    header = view.horizontalHeader()
    header.moveSection(header.visualIndex(Col.SCORE), 0)  # dragged before #
    order = view.shown_columns()
    assert order[: len(FROZEN)] == list(FROZEN)
    assert order.index(Col.SCORE) == len(FROZEN)
    header.moveSection(header.visualIndex(Col.NAME), 0)  # among the frozen ones: allowed
    assert view.shown_columns()[0] == Col.NAME
    assert view.frozen.horizontalHeader().visualIndex(Col.NAME) == 0


def test_the_chosen_columns_survive_a_restart(qtbot, ds, ranking, settings, tmp_path):
    view = make_view(qtbot, ds, ranking, settings)
    view.set_column_shown(Col.COUNTRY, False)
    view.set_column_shown(Col.STABILITY, True)
    header = view.horizontalHeader()
    header.moveSection(header.visualIndex(Col.DISCLOSED), header.visualIndex(Col.SCORE))
    view.setColumnWidth(Col.NAME, 201)
    chosen = view.shown_columns()
    assert chosen.index(Col.DISCLOSED) < chosen.index(Col.SCORE)
    view.close()
    settings.sync()
    del view

    again = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert not keys.TABLE_HEADER.read(again).isEmpty()
    view2 = make_view(qtbot, ds, ranking, again)
    assert view2.shown_columns() == chosen
    assert view2.isColumnHidden(Col.COUNTRY)
    assert view2.columnWidth(Col.NAME) == 201
    assert view2.frozen.columnWidth(Col.NAME) == 201


def test_a_new_model_keeps_the_chosen_columns(qtbot, ds, ranking, settings):
    view = make_view(qtbot, ds, ranking, settings)
    view.set_column_shown(Col.SEGMENTS, True)
    view.set_column_shown(Col.COUNTRY, False)
    chosen = view.shown_columns()
    view.setModel(RankingModel(ds, ranking, view))  # as after File → Import
    assert view.shown_columns() == chosen
    assert view.frozen.model() is view.model()
    assert view.frozen.selectionModel() is view.selectionModel()


def test_always_shown_is_the_name():
    assert {Col.NAME} == ALWAYS_SHOWN and Col.NAME in FROZEN
