"""Where the window goes and how its width is shared, on any screen from 1280×720 up.

- :func:`initial_geometry`: the first launch fills most of the screen's available area (all of
  it on a small screen), centred, room left for the title bar.
- :func:`clamp_geometry`: a geometry saved on another (larger) screen is made to fit this one.
- :func:`splitter_shares`: the widths of filters | table | detail for a window width.
- :func:`toggle_focus`: the focus mode, the detail pane given most of the width, and back.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter, QWidget

#: A first launch takes this share of the available width and height ...
FILL = 0.9
#: ... but at least this much when the screen has room (else the whole available area).
PREFERRED_MIN = QSize(1280, 720)
#: Never smaller than this when the screen has room.
MIN_SIZE = QSize(1024, 640)
#: Room kept above the window for a title bar the window manager adds (px).
TITLE_BAR = 32
#: The left panel (weights and filters): its width in px, within these bounds.
LEFT_MIN, LEFT_MAX = 250, 300
#: The detail pane: at least this wide (px), and this share of the window's width.
DETAIL_MIN = 380
DETAIL_SHARE = 0.3
#: The focus mode: the table keeps this share of the width, the detail pane takes the rest.
FOCUS_TABLE_SHARE = 0.34
_FOCUS_SIZES = "focus_sizes"  # the splitter property holding the sizes to go back to


def _usable(available: QRect) -> QRect:
    """The available area less the title bar, when there is room for it."""
    top = TITLE_BAR if available.height() > MIN_SIZE.height() + TITLE_BAR else 0
    return available.adjusted(0, top, 0, 0)


def initial_geometry(available: QRect) -> QRect:
    """The window's geometry at a first launch on a screen with ``available`` room: 90% of it,
    at least 1280×720 (1024×640 at worst) when there is room, never more than there is, centred."""
    area = _usable(available)
    w = min(area.width(), max(round(area.width() * FILL), PREFERRED_MIN.width(), MIN_SIZE.width()))
    h = min(area.height(), max(round(area.height() * FILL), PREFERRED_MIN.height(), MIN_SIZE.height()))
    rect = QRect(0, 0, w, h)
    rect.moveCenter(area.center())
    return _inside(rect, area)


def clamp_geometry(saved: QRect, available: QRect) -> QRect:
    """``saved`` made to fit ``available``: no larger than it, moved inside it; a geometry saved
    on a screen no longer there is centred."""
    area = _usable(available)
    w = min(saved.width(), area.width())
    h = min(saved.height(), area.height())
    rect = QRect(saved.x(), saved.y(), w, h)
    if not rect.intersects(area):
        rect.moveCenter(area.center())
    return _inside(rect, area)


def _inside(rect: QRect, area: QRect) -> QRect:
    r = QRect(rect)
    if r.right() > area.right():
        r.moveRight(area.right())
    if r.bottom() > area.bottom():
        r.moveBottom(area.bottom())
    if r.left() < area.left():
        r.moveLeft(area.left())
    if r.top() < area.top():
        r.moveTop(area.top())
    return r


def splitter_shares(total_width: int, left_min: int = LEFT_MIN) -> list[int]:
    """Widths of [filters, table, detail] for a window ``total_width`` px wide: the filters
    250–300 px (at least ``left_min``, what their widgets need), the detail pane 30% of the width
    but at least 380 px, the table what is left (about 590 px of a 1280 px window)."""
    left = max(left_min, min(LEFT_MAX, round(total_width * 0.2)))
    left = min(left, total_width)
    detail = min(max(DETAIL_MIN, round(total_width * DETAIL_SHARE)), total_width - left)
    return [left, total_width - left - detail, detail]


def share_width(splitter: QSplitter, total_width: int) -> list[int]:
    """Give the three panes of ``splitter`` their :func:`splitter_shares` of ``total_width``
    (the first pane at least as wide as it needs); the sizes set."""
    sizes = splitter_shares(total_width, max(LEFT_MIN, splitter.widget(0).minimumWidth()))
    splitter.setSizes(sizes)
    return sizes


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The available area of the screen ``widget`` is on (else the primary screen)."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 720)


def place_window(window: QWidget, saved: QByteArray, available: QRect | None = None) -> bool:
    """Put ``window`` where it was (``saved``, from ``saveGeometry``), made to fit the screen, or
    at its first-launch geometry when nothing is saved; True when it was restored."""
    area = available if available is not None else available_geometry(window)
    if not saved.isEmpty() and window.restoreGeometry(saved):
        window.setGeometry(clamp_geometry(window.geometry(), area))
        return True
    window.setGeometry(initial_geometry(area))
    return False


def in_focus(splitter: QSplitter) -> bool:
    """Whether the focus mode is on for ``splitter``."""
    return splitter.property(_FOCUS_SIZES) is not None


def toggle_focus(splitter: QSplitter, on: bool | None = None) -> bool:
    """Focus on the details: the first pane (the filters) collapsed, the last (the detail)
    given most of the width; again (or ``on=False``) gives the sizes back.  True when focused."""
    focused = in_focus(splitter)
    if on is None:
        on = not focused
    if on == focused:
        return focused
    if on:
        sizes = splitter.sizes()
        splitter.setProperty(_FOCUS_SIZES, sizes)
        total = sum(sizes)
        table = round(total * FOCUS_TABLE_SHARE)
        new = [0] * len(sizes)
        if len(sizes) >= 2:
            new[-2] = table if len(sizes) > 2 else 0
        new[-1] = total - sum(new)
        splitter.setSizes(new)
    else:
        sizes = splitter.property(_FOCUS_SIZES)
        splitter.setProperty(_FOCUS_SIZES, None)
        splitter.setSizes([int(s) for s in sizes])
    return on
