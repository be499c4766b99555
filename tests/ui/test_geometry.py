"""The window fits the screen it opens on, from 1280×720 up; the focus mode gives the detail room."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QRect
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from ui.geometry import (
    DETAIL_MIN,
    LEFT_MAX,
    LEFT_MIN,
    MIN_SIZE,
    clamp_geometry,
    in_focus,
    initial_geometry,
    place_window,
    splitter_shares,
    toggle_focus,
)

SMALL = QRect(0, 0, 1280, 720)


@pytest.mark.parametrize(
    "available",
    [
        SMALL,
        QRect(0, 0, 1280, 690),
        QRect(0, 0, 1920, 1080),
        QRect(1920, 0, 1366, 768),
        QRect(0, 0, 1024, 600),
    ],
)
def test_a_first_launch_lies_inside_the_available_screen(available):
    rect = initial_geometry(available)
    assert available.contains(rect)
    if available.width() >= MIN_SIZE.width():
        assert rect.width() >= MIN_SIZE.width()
    if available.height() >= MIN_SIZE.height() + 32:
        assert rect.height() >= MIN_SIZE.height()


def test_a_first_launch_on_1280x720_uses_the_width_and_on_1920x1080_most_of_it():
    small = initial_geometry(SMALL)
    assert small.width() == 1280 and small.height() <= 720 and small.height() >= 640
    big = initial_geometry(QRect(0, 0, 1920, 1080))
    assert 1600 <= big.width() < 1920 and big.center().x() == pytest.approx(960, abs=1)


def test_a_saved_geometry_is_clamped_to_a_smaller_screen():
    saved = QRect(100, 80, 1500, 900)  # saved on a larger screen
    rect = clamp_geometry(saved, SMALL)
    assert SMALL.contains(rect)
    assert rect.width() == 1280 and rect.height() <= 720
    # one that fits is left where it was
    assert clamp_geometry(QRect(50, 60, 800, 500), SMALL) == QRect(50, 60, 800, 500)
    # one on a screen that is gone comes back onto this one
    assert SMALL.contains(clamp_geometry(QRect(3000, 2000, 900, 600), SMALL))


def test_the_window_is_placed_inside_the_screen(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    assert place_window(window, QByteArray(), SMALL) is False  # nothing saved: a first launch
    assert SMALL.contains(window.geometry())
    window.setGeometry(QRect(10, 10, 700, 500))
    saved = window.saveGeometry()
    other = QMainWindow()
    qtbot.addWidget(other)
    assert place_window(other, saved, SMALL) is True
    assert other.size() == window.size()
    assert SMALL.contains(other.geometry())


@pytest.mark.parametrize("width", [1024, 1280, 1440, 1728, 1920, 2560])
def test_the_panes_get_sensible_shares(width):
    left, table, detail = splitter_shares(width)
    assert left + table + detail == width
    assert LEFT_MIN <= left <= LEFT_MAX
    assert detail >= DETAIL_MIN
    assert table >= 300
    assert splitter_shares(width, left_min=327)[0] == 327  # the filters need what they need


def test_at_1280_the_table_has_room_for_its_default_columns():
    from ui.table_view import DEFAULT_WIDTHS, HIDDEN_BY_DEFAULT

    shown = sum(w for c, w in DEFAULT_WIDTHS.items() if c not in HIDDEN_BY_DEFAULT)
    _, table, _ = splitter_shares(1280, left_min=300)
    assert shown + 16 <= table  # + the scroll bar and frame


def test_the_focus_mode_gives_the_detail_the_room_and_back(qtbot):
    splitter = QSplitter()
    qtbot.addWidget(splitter)
    for _ in range(3):
        splitter.addWidget(QWidget())
    splitter.resize(1280, 600)
    splitter.setSizes(splitter_shares(1280))
    splitter.show()
    before = splitter.sizes()
    assert toggle_focus(splitter) is True and in_focus(splitter)
    left, table, detail = splitter.sizes()
    assert left == 0 and detail > sum(splitter.sizes()) / 2 and table > 0
    assert toggle_focus(splitter, True) is True  # already on: unchanged
    assert toggle_focus(splitter) is False and not in_focus(splitter)
    assert splitter.sizes() == before
