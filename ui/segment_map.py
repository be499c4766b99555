"""A custom-painted scatter chart of the report's segments: difficulty against market space.

Each segment is a circle at (mean difficulty stars, market space stars).  The circle's area shows
either how many companies the segment names or how much funding they disclosed; its colour shows the
application scenario.  Segments that share a point are spread on a small ring around it (with faint
spokes back to the true point) so each stays visible and clickable.  Every mark is named in English
and Chinese (in 简体中文, in the report's own Chinese, see :func:`core.segment_layout.label_variants`):
labels sit near their marks and shorten where space is tight (in both languages, see
:mod:`core.segment_layout`), or sit further away with a leader line; the tooltip has everything.
A size key beside the size control shows two round values at the marks' scale.

When told how many of each segment's companies pass the current filters (:meth:`SegmentMap.set_passing`),
a mark is filled in proportion (a pie slice from twelve o'clock, clockwise, over a pale disc), and a
mark none of whose companies pass is faded with a dashed outline; the tooltip says "3 of 7 companies
pass the filters".  The layout does not move when the filters change.

Where everything goes is decided by :mod:`core.segment_layout` (Qt-free, tested on its own); this
widget measures text with its font, asks for the layout, paints it and handles the events.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QComboBox, QToolTip, QWidget

from core.models import Segment, SegmentNumber
from core.present import number_text, stars, usd
from core.segment_layout import (
    LABEL_PAD,
    MARGIN,
    SIZE_MODES,
    Box,
    MapLayout,
    MarkLayout,
    chinese_names,
    layout_map,
    leader_line,
    ref_key,
)
from ui.qt_utils import signals_blocked

__all__ = ["SIZE_MODES", "SegmentMap"]

#: Scenario colours, assigned in report order (mid-tones that read on light and dark backgrounds).
_SCENARIO_COLOURS: tuple[str, ...] = (
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#e15759",
    "#b07aa1",
    "#76b7b2",
    "#edc948",
    "#9c755f",
)

_HIT_SLOP = 3.0  # extra px around a circle that still counts as a hit
_CORNER_ALIGN = {
    "top-left": Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
    "top-right": Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
    "bottom-left": Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
    "bottom-right": Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
}


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    """Blend colour ``a`` towards ``b`` by ``t`` (0..1)."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


def _rect(b: Box | None) -> QRectF:
    """A layout box as a QRectF (an empty one for None)."""
    return QRectF() if b is None else QRectF(QPointF(b[0], b[1]), QPointF(b[2], b[3]))


def _point(p: tuple[float, float]) -> QPointF:
    return QPointF(p[0], p[1])


class SegmentMap(QWidget):
    """Scatter of segments: x = mean difficulty stars, y = market space stars, area = size value."""

    sig_segment_clicked = Signal(str)  # a mark's ref, or "" when empty space (or the selection) is clicked
    sig_size_mode_changed = Signal(str)  # "companies" or "funding"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._segments: list[Segment] = []
        self._counts: dict[str, int] = {}
        self._funding: dict[str, float] = {}
        self._numbers: dict[str, tuple[tuple[str, tuple[SegmentNumber, ...]], ...]] = {}
        self._passing: dict[str, int] | None = None  # companies passing the filters, per ref
        self._mode = "companies"
        self._selected: str | None = None
        self._hover: str | None = None
        self._layout: MapLayout | None = None  # None: to be laid out before the next use
        self._colours: dict[str, QColor] = {}

        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

        self._combo = QComboBox(self)
        self._combo.addItems([self.tr("Size: companies"), self.tr("Size: funding")])
        self._combo.setToolTip(
            self.tr(
                "What the circle area shows: companies named in the segment, or their disclosed funding (USD).\n"
                "A hollow circle has nothing to size by."
            )
        )
        self._combo.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._combo.currentIndexChanged.connect(self._on_combo_index_changed)
        self._combo.setFont(self._small_font())

    # ------------------------------------------------------------------ public API

    def set_data(
        self,
        segments: Sequence[Segment],
        company_counts: Mapping[str, int],
        funding_usd: Mapping[str, float],
        numbers: Mapping[str, Sequence[tuple[str, Sequence[SegmentNumber]]]] | None = None,
    ) -> None:
        """Show these segments; counts and funding are keyed by segment ref (missing = 0);
        ``numbers`` are figures the report gives for a segment, as (heading, figures) per ref
        (:func:`core.present.shown_numbers`; the tooltip lists them)."""
        self._segments = sorted(segments, key=lambda s: ref_key(s.ref))
        self._numbers = {k: tuple((label, tuple(ns)) for label, ns in v) for k, v in (numbers or {}).items()}
        self._counts = {k: int(v) for k, v in company_counts.items()}
        self._funding = {k: float(v) for k, v in funding_usd.items()}
        self._colours = {}
        for seg in self._segments:
            if seg.scenario not in self._colours:
                self._colours[seg.scenario] = QColor(
                    _SCENARIO_COLOURS[len(self._colours) % len(_SCENARIO_COLOURS)]
                )
        refs = {s.ref for s in self._segments}
        if self._selected not in refs:
            self._selected = None
        if self._hover not in refs:
            self._hover = None
        self._invalidate()

    def set_passing(self, counts: Mapping[str, int] | None) -> None:
        """How many of each segment's companies pass the current filters, by ref (missing = 0);
        None: no filter information (every mark drawn full).  Repaints; the layout does not change.
        :func:`core.segment_layout.passing_counts` computes it from a table's membership and mask."""
        if counts is None:
            passing = None
        else:
            passing = {k: int(v) for k, v in counts.items()}
            bad = {k: v for k, v in passing.items() if v < 0}
            if bad:
                raise ValueError(f"passing counts must not be negative: {bad}")
        if passing != self._passing:
            self._passing = passing
            self.update()

    def passing(self, ref: str) -> int | None:
        """How many of the companies of ``ref`` pass the filters (at most its count), or None when unknown."""
        if self._passing is None:
            return None
        return min(self._passing.get(ref, 0), self._counts.get(ref, 0))

    def fill_fraction(self, ref: str) -> float:
        """The share of the mark of ``ref`` drawn filled: the companies passing the filters over its
        companies (1 when unknown; 0 for a segment with no companies)."""
        total = self._counts.get(ref, 0)
        passing = self.passing(ref)
        if total <= 0:
            return 0.0
        return 1.0 if passing is None else passing / total

    def size_key(self) -> list[tuple[str, float, QRectF]]:
        """The size key as drawn: (value text, radius, box) per reference circle, small first."""
        return [(k.text, k.radius, _rect(k.box)) for k in self._ensure_layout().size_keys]

    def x_title(self) -> str:
        """The x-axis title as laid out (the longest wording that fits)."""
        return self._ensure_layout().x_title

    def set_size_mode(self, mode: str) -> None:
        """Size circles by ``"companies"`` (count named) or ``"funding"`` (disclosed USD)."""
        if mode not in SIZE_MODES:
            raise ValueError(f"size mode must be one of {SIZE_MODES}, got {mode!r}")
        if self._combo.currentIndex() != SIZE_MODES.index(mode):
            with signals_blocked(self._combo):
                self._combo.setCurrentIndex(SIZE_MODES.index(mode))
        if mode == self._mode:
            return
        self._mode = mode
        self._invalidate()
        self.sig_size_mode_changed.emit(mode)

    def size_mode(self) -> str:
        """The current size mode, ``"companies"`` or ``"funding"``."""
        return self._mode

    def set_selected(self, ref: str | None) -> None:
        """Ring the mark of ``ref``; None (or an unknown ref) clears.  Emits nothing."""
        if ref is not None and ref not in {s.ref for s in self._segments}:
            ref = None
        if ref != self._selected:
            self._selected = ref
            self.update()

    def selected(self) -> str | None:
        """The selected segment's ref, or None."""
        return self._selected

    def refs(self) -> list[str]:
        """The shown segments' refs in natural ref order."""
        return [s.ref for s in self._segments]

    def segment_at(self, pos: QPointF) -> str | None:
        """The ref of the mark (or its label) under ``pos`` in widget coordinates, else None."""
        marks = self._ensure_layout().marks
        best: tuple[float, str] | None = None
        for ref, m in marks.items():
            d = math.hypot(pos.x() - m.center[0], pos.y() - m.center[1])
            if d <= max(m.radius, 8.0) + _HIT_SLOP and (best is None or d - m.radius < best[0]):
                best = (d - m.radius, ref)
        if best is not None:
            return best[1]
        for ref, m in marks.items():
            if _rect(m.label_box).contains(pos):
                return ref
        return None

    def mark_center(self, ref: str) -> QPointF:
        """Where the mark of ``ref`` is drawn, in widget coordinates (KeyError if unknown)."""
        return _point(self._ensure_layout().marks[ref].center)

    def mark_radius(self, ref: str) -> float:
        """The drawn radius of the mark of ``ref`` in px (KeyError if unknown)."""
        return self._ensure_layout().marks[ref].radius

    def label_rect(self, ref: str) -> QRectF:
        """The box the label of ``ref`` is drawn in (KeyError if unknown)."""
        return _rect(self._ensure_layout().marks[ref].label_box)

    def label_text(self, ref: str) -> str:
        """The label shown for ``ref``, lines joined by " / " (shortened when space is tight)."""
        return " / ".join(self._ensure_layout().marks[ref].label_lines)

    def tooltip_text(self, ref: str) -> str:
        """The hover text for ``ref``.

        The funding figure is shown approximate: it adds up the segment's share of each company's
        disclosed capital, mostly vague or converted amounts, split between the company's segments.
        """
        seg = next(s for s in self._segments if s.ref == ref)
        funding = self._funding.get(ref, 0.0)
        if seg.label_zh and chinese_names():  # the report's own Chinese first
            lines = [f"{seg.ref}  {seg.label_zh}", seg.label]
        else:
            lines = [f"{seg.ref}  {seg.label}"]
            if seg.label_zh:
                lines.append(seg.label_zh)
        lines += [
            self.tr("Market space: {stars}").format(stars=stars(seg.market)),
            self.tr("Logic: {logic}   Compute: {compute}   Corpus: {corpus}").format(
                logic=stars(seg.logic), compute=stars(seg.compute), corpus=stars(seg.corpus)
            ),
            self.tr("Difficulty (mean of the three): {difficulty}").format(
                difficulty=f"{seg.difficulty:.2f}"
            ),
            self.tr("Companies: {count}").format(count=self._counts.get(ref, 0)),
        ]
        passing = self.passing(ref)
        if passing is not None:
            total = self._counts.get(ref, 0)
            lines.append(
                (
                    self.tr("{passing} of {total} company passes the filters")
                    if total == 1
                    else self.tr("{passing} of {total} companies pass the filters")
                ).format(passing=passing, total=total)
            )
        amount = usd(funding, True) if funding > 0 else self.tr("none disclosed")
        lines.append(self.tr("Disclosed funding: {amount}").format(amount=amount))
        for label, figures in self._numbers.get(ref, ()):
            lines.append(self.tr("{heading}:").format(heading=label))
            lines += [f"  • {number_text(n)}" for n in figures]
        return "\n".join(lines)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(420, 320)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(260, 200)

    # ------------------------------------------------------------------ events

    def _on_combo_index_changed(self, index: int) -> None:
        if 0 <= index < len(SIZE_MODES):
            self.set_size_mode(SIZE_MODES[index])

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        self._invalidate()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.FontChange:
            self._combo.setFont(self._small_font())
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._invalidate()
        super().changeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            pos = QPointF(event.pos())
            ref = self.segment_at(pos)
            tip = self.tooltip_text(ref) if ref is not None else ""
            if not tip:
                lay = self._ensure_layout()
                tip = next((item.tooltip for item in lay.legend if _rect(item.box).contains(pos)), "")
                tip = tip or next((k.tooltip for k in lay.size_keys if _rect(k.box).contains(pos)), "")
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        ref = self.segment_at(event.position())
        if ref is None or ref == self._selected:
            self.set_selected(None)
            self.sig_segment_clicked.emit("")
        else:
            self.set_selected(ref)
            self.sig_segment_clicked.emit(ref)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        ref = self.segment_at(event.position())
        if ref != self._hover:
            self._hover = ref
            self.setCursor(Qt.CursorShape.PointingHandCursor if ref else Qt.CursorShape.ArrowCursor)
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if self._hover is not None:
            self._hover = None
            self.update()
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        refs = self.refs()
        key = event.key()
        if refs and key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up):
            step = 1 if key in (Qt.Key.Key_Right, Qt.Key.Key_Down) else -1
            if self._selected in refs:
                i = (refs.index(self._selected) + step) % len(refs)
            else:
                i = 0 if step > 0 else len(refs) - 1
            self.set_selected(refs[i])
            self.sig_segment_clicked.emit(refs[i])
            event.accept()
        elif refs and key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            ref = refs[0] if key == Qt.Key.Key_Home else refs[-1]
            self.set_selected(ref)
            self.sig_segment_clicked.emit(ref)
            event.accept()
        elif key == Qt.Key.Key_Escape and self._selected is not None:
            self.set_selected(None)
            self.sig_segment_clicked.emit("")
            event.accept()
        else:
            super().keyPressEvent(event)

    # ------------------------------------------------------------------ layout

    def _invalidate(self) -> None:
        self._layout = None
        self.update()

    def _small_font(self) -> QFont:
        """The app font, a little smaller (the family is kept so CJK fallback works)."""
        f = QFont(self.font())
        size = f.pointSizeF()
        if size > 0:
            f.setPointSizeF(max(7.0, size * 0.85))
        else:
            f.setPixelSize(max(9, round(f.pixelSize() * 0.85)))
        return f

    def _ensure_layout(self) -> MapLayout:
        """The layout for the current size, font, mode and data (computed once, then kept)."""
        if self._layout is None:
            sfm = QFontMetricsF(self._small_font())
            combo = self._combo.sizeHint()
            self._layout = layout_map(
                self._segments,
                self._counts,
                self._funding,
                self._mode,
                float(self.width()),
                float(self.height()),
                lambda text: (sfm.horizontalAdvance(text), sfm.height()),
                (float(combo.width()), float(combo.height())),
            )
            x0, y0, _x1, _y1 = self._layout.control_box
            self._combo.setGeometry(round(x0), round(y0), combo.width(), combo.height())
        return self._layout

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        lay = self._ensure_layout()
        p = QPainter(self)
        try:
            self._paint(p, lay)
        finally:
            p.end()

    def _paint(self, p: QPainter, lay: MapLayout) -> None:
        """Paint background, legend, axes, spokes, marks and labels."""
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        base = pal.color(QPalette.ColorRole.Base)
        muted = _mix(text, base, 0.55)
        grid = _mix(text, base, 0.88)
        small = self._small_font()
        sfm = QFontMetricsF(small)

        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Window))
        p.setFont(small)

        self._paint_legend(p, lay, text)
        self._paint_size_key(p, lay, text, base)
        plot = _rect(lay.plot)
        p.fillRect(plot, base)
        self._paint_axes(p, lay, sfm, text, muted, grid)

        marks = lay.marks
        if not marks:
            p.setPen(muted)
            p.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No segments"))
            return
        # Quadrant hints, unless a mark or label sits on one.
        p.setPen(muted)
        for hint in lay.hints:
            rect = _rect(hint.box)
            covered = any(
                rect.intersects(_rect(m.label_box)) or rect.intersects(_rect(m.bounds))
                for m in marks.values()
            )
            if not covered:
                p.drawText(rect, int(_CORNER_ALIGN[hint.corner]), hint.text)

        # Spokes from each shared data point to the marks spread around it.
        p.setPen(QPen(_mix(text, base, 0.7), 1.0, Qt.PenStyle.DotLine))
        anchors: set[tuple[float, float]] = set()
        for m in marks.values():
            if math.dist(m.anchor, m.center) > 2:
                p.drawLine(_point(m.anchor), _point(m.center))
                anchors.add(m.anchor)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(_mix(text, base, 0.5))
        for ax, ay in anchors:
            p.drawEllipse(QPointF(ax, ay), 2.0, 2.0)

        for m in sorted(marks.values(), key=lambda m: -m.radius):
            self._paint_mark(p, m, base, text)

        self._paint_labels(p, marks.values(), sfm, text, base)

        if self.hasFocus():
            hl = QColor(pal.color(QPalette.ColorRole.Highlight))
            hl.setAlpha(110)
            p.setPen(QPen(hl, 1.0))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(plot.adjusted(0.5, 0.5, -0.5, -0.5))

    def _paint_legend(self, p: QPainter, lay: MapLayout, text: QColor) -> None:
        for item in lay.legend:
            rect = _rect(item.box)
            colour = self._colours.get(item.scenario, QColor(_SCENARIO_COLOURS[0]))
            s = rect.height() * 0.7
            p.setPen(QPen(colour.darker(130), 1.0))
            p.setBrush(colour)
            p.drawEllipse(QRectF(rect.left(), rect.center().y() - s / 2, s, s))
            x = rect.left() + s + 4
            p.setPen(text)
            room = rect.right() - x + 2
            label = QFontMetricsF(p.font()).elidedText(item.text, Qt.TextElideMode.ElideRight, room)
            p.drawText(
                QRectF(x, rect.top(), room, rect.height()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                label,
            )

    def _paint_size_key(self, p: QPainter, lay: MapLayout, text: QColor, base: QColor) -> None:
        """Reference circles, neutral grey like no scenario, each with its value."""
        fill = _mix(text, base, 0.75)
        edge = _mix(text, base, 0.45)
        for k in lay.size_keys:
            p.setPen(QPen(edge, 1.0))
            p.setBrush(fill)
            p.drawEllipse(_point(k.center), k.radius, k.radius)
            p.setPen(text)
            x = k.center[0] + k.radius + 3
            p.drawText(
                QRectF(x, k.box[1], k.box[2] - x + 2, k.box[3] - k.box[1]),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                k.text,
            )

    def _paint_axes(
        self, p: QPainter, lay: MapLayout, sfm: QFontMetricsF, text: QColor, muted: QColor, grid: QColor
    ) -> None:
        plot = _rect(lay.plot)
        (x0, x1), (y0, y1) = lay.xrange, lay.yrange
        lh = sfm.height()
        grid_pen = QPen(grid, 1.0)
        # Vertical grid every 0.5 star, labelled on whole and half stars within the 1..5 scale.
        v = math.ceil(x0 * 2) / 2
        while v <= x1 + 1e-9:
            px = lay.to_px(v, y0)[0]
            p.setPen(grid_pen)
            p.drawLine(QPointF(px, plot.top()), QPointF(px, plot.bottom()))
            if 1 <= v <= 5:
                p.setPen(muted)
                p.drawText(
                    QRectF(px - 20, plot.bottom() + 2, 40, lh), int(Qt.AlignmentFlag.AlignHCenter), f"{v:g}"
                )
            v += 0.5
        v = math.ceil(y0 * 2) / 2
        while v <= y1 + 1e-9:
            py = lay.to_px(x0, v)[1]
            whole = abs(v - round(v)) < 1e-9
            p.setPen(
                QPen(grid, 1.0 if whole else 0.6, Qt.PenStyle.SolidLine if whole else Qt.PenStyle.DotLine)
            )
            p.drawLine(QPointF(plot.left(), py), QPointF(plot.right(), py))
            if whole and 1 <= v <= 5:
                p.setPen(muted)
                p.drawText(
                    QRectF(plot.left() - 40 - 4, py - lh / 2, 40, lh),
                    int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                    f"{v:g}",
                )
            v += 0.5
        p.setPen(QPen(_mix(text, grid, 0.6), 1.0))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(plot)

        # Axis titles.
        p.setPen(text)
        x_title_rect = _rect(lay.x_title_box)
        x_title = sfm.elidedText(lay.x_title, Qt.TextElideMode.ElideRight, x_title_rect.width())
        p.drawText(x_title_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), x_title)
        p.save()
        p.translate(MARGIN, plot.center().y())
        p.rotate(-90)
        y_title = sfm.elidedText(lay.y_title, Qt.TextElideMode.ElideRight, plot.height())
        p.drawText(
            QRectF(-plot.height() / 2, 0, plot.height(), lh), int(Qt.AlignmentFlag.AlignHCenter), y_title
        )
        p.restore()

    def _paint_mark(self, p: QPainter, m: MarkLayout, base: QColor, text: QColor) -> None:
        colour = self._colours.get(m.seg.scenario, QColor(_SCENARIO_COLOURS[0]))
        c, r = _point(m.center), m.radius
        share = self.fill_fraction(m.ref) if self._passing is not None else 1.0
        none_pass = self._passing is not None and self._counts.get(m.ref, 0) > 0 and share <= 0
        if m.value > 0:
            fill = QColor(colour)
            fill.setAlpha(200 if m.ref in (self._hover, self._selected) else 170)
            pale = _mix(colour, base, 0.72)
            if share >= 1:
                p.setBrush(fill)
                p.setPen(Qt.PenStyle.NoPen)
                p.drawEllipse(c, r, r)
            else:  # the share passing the filters as a pie slice over a pale disc
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(pale)
                p.drawEllipse(c, r, r)
                if share > 0:
                    p.setBrush(fill)
                    p.drawPie(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), 90 * 16, -round(share * 360 * 16))
            p.setBrush(Qt.BrushStyle.NoBrush)
            if none_pass:
                p.setPen(QPen(_mix(colour, base, 0.45), 1.2, Qt.PenStyle.DashLine))
            else:
                p.setPen(QPen(colour.darker(135), 1.2))
        else:  # nothing to size by: a hollow minimum circle
            p.setBrush(base)
            p.setPen(QPen(_mix(colour, base, 0.5) if none_pass else colour, 1.8))
        p.drawEllipse(c, r, r)
        if m.ref == self._selected:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2.5))
            p.drawEllipse(c, r + 3.5, r + 3.5)
        elif m.ref == self._hover:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(_mix(text, base, 0.4), 1.0, Qt.PenStyle.DashLine))
            p.drawEllipse(c, r + 3, r + 3)

    def _paint_labels(
        self, p: QPainter, marks: Sequence[MarkLayout], sfm: QFontMetricsF, text: QColor, base: QColor
    ) -> None:
        halo = QColor(base)
        halo.setAlpha(200)
        for m in marks:
            if m.label_box is None:
                continue
            rect = _rect(m.label_box)
            # Leader line from the circle's edge to the label when the label sits away from its mark.
            leader = leader_line(m.label_box, (*m.center, m.radius))  # the layout's own rule
            if leader is not None:  # in the mark's colour, ending in a dot at the label
                tip = QPointF(leader[2], leader[3])
                line = QLineF(_point(m.center), tip)
                edge = line.pointAt(m.radius / line.length())
                colour = _mix(self._colours.get(m.seg.scenario, text).darker(130), text, 0.2)
                p.setPen(QPen(colour, 1.2))
                p.drawLine(edge, tip)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(colour)
                p.drawEllipse(tip, 1.8, 1.8)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QBrush(halo))
            p.drawRoundedRect(rect, 3, 3)
            if m.ref == self._selected:
                p.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 1.2))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRoundedRect(rect, 3, 3)
            faded = self._passing is not None and self._counts.get(m.ref, 0) > 0 and self.passing(m.ref) == 0
            ink = _mix(text, base, 0.5) if faded else text
            p.setPen(ink)
            y = rect.top() + LABEL_PAD
            for i, line_text in enumerate(m.label_lines):
                line_rect = QRectF(rect.left() + LABEL_PAD, y, rect.width(), sfm.height())
                if i > 0:
                    p.setPen(_mix(ink, base, 0.25))
                p.drawText(line_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), line_text)
                y += sfm.height()
