"""A custom-painted scatter chart of the report's segments: difficulty against market space.

Each segment is a circle at (mean difficulty stars, market space stars).  The circle's area shows
either how many companies the segment names or how much funding they disclosed; its colour shows the
application scenario.  Segments that share a point are spread on a small ring around it (with faint
spokes back to the true point) so each stays visible and clickable.  Labels (ref, English and Chinese
industry) are placed near their marks by a small cost search so they overlap neither each other nor
other marks; where the widget is too small for that, labels drop the Chinese, then the English name
(the tooltip always has everything).
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

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

from core.models import Segment

SIZE_MODES: tuple[str, ...] = ("companies", "funding")

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

_X_TITLE = "Difficulty (mean of logic, compute, corpus stars) →"
_Y_TITLE = "Market space ★ →"
_MARGIN = 8.0
_X_PAD_LO = 0.4  # difficulty units left of the leftmost mark
_RING_START = -math.pi / 2  # where the first mark of a shared point goes on its ring (top)
_RINGS = 6  # label candidate rings around a mark (7 px apart): labels stay close to their marks
_MARK_GAP = 4.0  # minimum free space between two circles, px
_MIN_RADIUS = 6.0
_MAX_RADIUS = 28.0
_HIT_SLOP = 3.0  # extra px around a circle that still counts as a hit
_LABEL_PAD = 2.0  # padding inside a label's halo

# Label placement costs (per px² of overlap, per px of leader line, or per event).
_W_OUTSIDE = 50.0  # label area outside the plot
_W_LABEL = 50.0  # label area over another label
_W_CIRCLE = 50.0  # label area over another circle
_W_CENTRE = 400.0  # label covering another circle's centre
_W_HINT = 0.5  # label area over a quadrant hint
_W_LEADER = 3.0  # length of the leader line
_W_CROSS = 500.0  # leader line crossing another circle or label
_W_AMBIGUOUS = 20.0  # per px the label is nearer another circle than its own


def format_usd(amount: float) -> str:
    """``1.234e9`` -> ``"$1.23B"``, ``2.52e8`` -> ``"$252.0M"``, ``4.5e4`` -> ``"$45.0K"``."""
    a = abs(amount)
    sign = "-" if amount < 0 else ""
    if a >= 1e9:
        return f"{sign}${a / 1e9:.2f}B"
    if a >= 1e6:
        return f"{sign}${a / 1e6:.1f}M"
    if a >= 1e3:
        return f"{sign}${a / 1e3:.1f}K"
    return f"{sign}${a:,.0f}"


def _stars(n: int) -> str:
    """3 -> ``"★★★☆☆"``."""
    n = max(0, min(5, int(n)))
    return "★" * n + "☆" * (5 - n)


def _ref_key(ref: str) -> tuple[tuple[int, int | str], ...]:
    """Natural sort key: "1.10" sorts after "1.9"."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"[._\-]", ref))


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    """Blend colour ``a`` towards ``b`` by ``t`` (0..1)."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


_Box = tuple[float, float, float, float]  # x0, y0, x1, y1
_Line = tuple[float, float, float, float]  # x0, y0, x1, y1 of a line segment


def _box_overlap(a: _Box, b: _Box) -> float:
    """Area shared by two boxes."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    if w <= 0:
        return 0.0
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if h > 0 else 0.0


def _nearest(b: _Box, x: float, y: float) -> tuple[float, float]:
    """The point of box ``b`` closest to (x, y)."""
    return min(max(x, b[0]), b[2]), min(max(y, b[1]), b[3])


def _segment_hits_circle(x0: float, y0: float, x1: float, y1: float, cx: float, cy: float, r: float) -> bool:
    """Whether the segment passes within ``r`` of (cx, cy)."""
    dx, dy = x1 - x0, y1 - y0
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else min(1.0, max(0.0, ((cx - x0) * dx + (cy - y0) * dy) / length2))
    return math.hypot(x0 + t * dx - cx, y0 + t * dy - cy) < r


def _segment_hits_box(x0: float, y0: float, x1: float, y1: float, b: _Box) -> bool:
    """Whether the segment passes through box ``b`` (Liang–Barsky clipping)."""
    if max(x0, x1) < b[0] or min(x0, x1) > b[2] or max(y0, y1) < b[1] or min(y0, y1) > b[3]:
        return False
    t0, t1 = 0.0, 1.0
    dx, dy = x1 - x0, y1 - y0
    for p, q in ((-dx, x0 - b[0]), (dx, b[2] - x0), (-dy, y0 - b[1]), (dy, b[3] - y0)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


def _ambiguity(box: _Box, i: int, circles: Sequence[tuple[float, float, float]]) -> float:
    """How much closer (px, edge to box) the label ``box`` is to another circle than to its own, circle i."""

    def gap(c: tuple[float, float, float]) -> float:
        cx, cy, r = c
        dx = max(box[0] - cx, 0.0, cx - box[2])
        dy = max(box[1] - cy, 0.0, cy - box[3])
        return math.hypot(dx, dy) - r

    own = gap(circles[i])
    if own <= 4:
        return 0.0
    other = min((gap(c) for j, c in enumerate(circles) if j != i), default=math.inf)
    return max(0.0, own - max(other, 0.0))


def _label_candidates(cx: float, cy: float, r: float, lw: float, lh: float) -> list[tuple[_Box, float]]:
    """Spots for a ``lw`` × ``lh`` label around a circle, on widening rings, with a preference cost."""
    out: list[tuple[_Box, float]] = []
    for k in range(_RINGS):
        g = r + 2 + k * 7
        d = g / math.sqrt(2)
        spots = (
            (cx + g, cy - lh / 2),  # right
            (cx - g - lw, cy - lh / 2),  # left
            (cx + g, cy - lh + 4),  # right, raised
            (cx + g, cy - 4),  # right, lowered
            (cx - g - lw, cy - lh + 4),  # left, raised
            (cx - g - lw, cy - 4),  # left, lowered
            (cx + d, cy - d - lh),  # above right
            (cx + d, cy + d),  # below right
            (cx - d - lw, cy - d - lh),  # above left
            (cx - d - lw, cy + d),  # below left
            (cx - lw / 2, cy - g - lh),  # above
            (cx - lw / 2, cy + g),  # below
            (cx - r, cy - g - lh),  # above, flush left
            (cx + r - lw, cy - g - lh),  # above, flush right
            (cx - r, cy + g),  # below, flush left
            (cx + r - lw, cy + g),  # below, flush right
        )
        for order, (x, y) in enumerate(spots):
            out.append(((x, y, x + lw, y + lh), order * 0.3))
    return out


def _place_labels(
    circles: Sequence[tuple[float, float, float]],
    sizes: Sequence[tuple[float, float]],
    bounds: _Box,
    soft: Sequence[_Box] = (),
    restarts: int = 2,
) -> tuple[list[_Box], set[int]]:
    """Place one label per circle: greedy in crowding order, then a few rounds of local improvement.

    Costs: leaving ``bounds`` or covering another label (heavy), covering another circle's centre, a
    leader line crossing a circle or label, covering circles, covering ``soft`` boxes (quadrant hints),
    and the leader's length.  Returns the boxes and the labels still in conflict (outside ``bounds``,
    overlapping another label, covering the middle of another circle, or nearer another circle).
    """
    n = len(circles)
    cands: list[list[tuple[float, _Box, _Line | None]]] = []
    for i, ((cx, cy, r), (lw, lh)) in enumerate(zip(circles, sizes, strict=True)):
        scored = []
        for box, pref in _label_candidates(cx, cy, r, lw, lh):
            area = lw * lh
            cost = pref + _W_OUTSIDE * (area - _box_overlap(box, bounds))
            for j, (ox, oy, orad) in enumerate(circles):
                if j == i:
                    continue
                cost += _W_CIRCLE * _box_overlap(
                    box, (ox - orad + 2, oy - orad + 2, ox + orad - 2, oy + orad - 2)
                )
                if box[0] - 3 < ox < box[2] + 3 and box[1] - 3 < oy < box[3] + 3:
                    cost += _W_CENTRE
            cost += _W_HINT * sum(_box_overlap(box, b) for b in soft)
            nx, ny = _nearest(box, cx, cy)
            leader = math.hypot(nx - cx, ny - cy) - r
            cost += _W_LEADER * max(0.0, leader) + _W_AMBIGUOUS * _ambiguity(box, i, circles)
            seg = None
            if leader > 6:
                seg = (cx, cy, nx, ny)
                for j, (ox, oy, orad) in enumerate(circles):
                    if j != i and _segment_hits_circle(cx, cy, nx, ny, ox, oy, orad):
                        cost += _W_CROSS
            scored.append((cost, box, seg))
        scored.sort(key=lambda t: t[0])
        cands.append(scored)

    memo: dict[tuple[int, int, int, int], float] = {}

    def pair(i: int, k: int, j: int, kj: int) -> float:
        """Cost of label i at candidate k next to label j at candidate kj (symmetric, memoised)."""
        key = (i, k, j, kj) if i < j else (j, kj, i, k)
        cost = memo.get(key)
        if cost is None:
            _c, box, seg = cands[i][k]
            _c, obox, oseg = cands[j][kj]
            cost = _W_LABEL * _box_overlap(box, obox)
            if seg is not None and _segment_hits_box(*seg, obox):
                cost += _W_CROSS
            if oseg is not None and _segment_hits_box(*oseg, box):
                cost += _W_CROSS
            memo[key] = cost
        return cost

    def best_for(i: int, placed: list[int], choice: list[int]) -> int:
        best, best_k = math.inf, 0
        for k, (static, _box, _seg) in enumerate(cands[i]):
            if static >= best:
                break  # sorted by static cost: nothing further can win
            total = static
            for j in placed:
                total += pair(i, k, j, choice[j])
                if total >= best:
                    break
            if total < best:
                best, best_k = total, k
        return best_k

    def total(choice: list[int]) -> float:
        cost = sum(cands[i][choice[i]][0] for i in range(n))
        for i in range(n):
            cost += sum(pair(i, choice[i], j, choice[j]) for j in range(i + 1, n))
        return cost

    def solve(order: list[int]) -> list[int]:
        choice = [0] * n
        placed: list[int] = []
        for i in order:
            choice[i] = best_for(i, placed, choice)
            placed.append(i)
        for _ in range(6):
            changed = False
            for i in order:
                k = best_for(i, [j for j in order if j != i], choice)
                if k != choice[i]:
                    choice[i], changed = k, True
            if not changed:
                break
        return choice

    def crowding(i: int) -> int:
        cx, cy, _r = circles[i]
        return sum(1 for ox, oy, _o in circles if math.hypot(ox - cx, oy - cy) < 90)

    # A few greedy orders (most crowded first, then deterministic shuffles); keep the cheapest result.
    first = sorted(range(n), key=lambda i: -crowding(i))
    orders = [first, list(reversed(first))]
    rng = random.Random(n)
    for _ in range(restarts):
        shuffled = list(first)
        rng.shuffle(shuffled)
        orders.append(shuffled)
    best_choice = min((solve(o) for o in orders), key=total)

    boxes = [cands[i][best_choice[i]][1] for i in range(n)]
    conflicts = {
        i for i, b in enumerate(boxes) if _box_overlap(b, bounds) < (b[2] - b[0]) * (b[3] - b[1]) - 0.5
    }
    for i in range(n):
        for j in range(i + 1, n):
            if _box_overlap(boxes[i], boxes[j]) > 0:
                conflicts |= {i, j}
    for i, b in enumerate(boxes):  # a label that reads as another circle's
        if _ambiguity(b, i, circles) > 3:
            conflicts.add(i)
    for i, b in enumerate(boxes):  # a label hiding a good part of another circle
        for j, (ox, oy, orad) in enumerate(circles):
            inner = orad * 0.7
            if j != i and _box_overlap(b, (ox - inner, oy - inner, ox + inner, oy + inner)) > 0:
                conflicts.add(i)
    return boxes, conflicts


@dataclass
class _Mark:
    """One segment's circle as laid out for the current size, mode and data."""

    seg: Segment
    value: float
    anchor: QPointF = field(default_factory=QPointF)  # the true data position
    center: QPointF = field(default_factory=QPointF)  # where it is drawn (spread if crowded)
    radius: float = _MIN_RADIUS
    label_lines: tuple[str, ...] = ()
    label_rect: QRectF = field(default_factory=QRectF)


class SegmentMap(QWidget):
    """Scatter of segments: x = mean difficulty stars, y = market space stars, area = size value."""

    sig_segment_clicked = Signal(str)  # a mark's ref, or "" when empty space (or the selection) is clicked
    sig_size_mode_changed = Signal(str)  # "companies" or "funding"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._segments: list[Segment] = []
        self._counts: dict[str, int] = {}
        self._funding: dict[str, float] = {}
        self._mode = "companies"
        self._selected: str | None = None
        self._hover: str | None = None
        self._marks: dict[str, _Mark] = {}
        self._dirty = True
        self._plot = QRectF()
        self._xrange = (1.0, 5.0)
        self._yrange = (1.0, 5.0)
        self._legend: list[tuple[QRectF, QColor, str, str]] = []  # rect, colour, text, tooltip
        self._xtitle_rect = QRectF()
        self._hints: list[tuple[QRectF, str, Qt.AlignmentFlag]] = []
        self._colours: dict[str, QColor] = {}

        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

        self._combo = QComboBox(self)
        self._combo.addItems(["Size: companies", "Size: funding"])
        self._combo.setToolTip(
            "What the circle area shows: companies named in the segment, or their disclosed funding (USD).\n"
            "A hollow circle has nothing to size by."
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
    ) -> None:
        """Show these segments; counts and funding are keyed by segment ref (missing = 0)."""
        self._segments = sorted(segments, key=lambda s: _ref_key(s.ref))
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

    def set_size_mode(self, mode: str) -> None:
        """Size circles by ``"companies"`` (count named) or ``"funding"`` (disclosed USD)."""
        if mode not in SIZE_MODES:
            raise ValueError(f"size mode must be one of {SIZE_MODES}, got {mode!r}")
        if self._combo.currentIndex() != SIZE_MODES.index(mode):
            self._combo.blockSignals(True)
            self._combo.setCurrentIndex(SIZE_MODES.index(mode))
            self._combo.blockSignals(False)
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
        self._ensure_layout()
        best: tuple[float, str] | None = None
        for ref, m in self._marks.items():
            d = QLineF(pos, m.center).length()
            if d <= max(m.radius, 8.0) + _HIT_SLOP and (best is None or d - m.radius < best[0]):
                best = (d - m.radius, ref)
        if best is not None:
            return best[1]
        for ref, m in self._marks.items():
            if m.label_rect.contains(pos):
                return ref
        return None

    def mark_center(self, ref: str) -> QPointF:
        """Where the mark of ``ref`` is drawn, in widget coordinates (KeyError if unknown)."""
        self._ensure_layout()
        return QPointF(self._marks[ref].center)

    def mark_radius(self, ref: str) -> float:
        """The drawn radius of the mark of ``ref`` in px (KeyError if unknown)."""
        self._ensure_layout()
        return self._marks[ref].radius

    def label_rect(self, ref: str) -> QRectF:
        """The box the label of ``ref`` is drawn in (KeyError if unknown)."""
        self._ensure_layout()
        return QRectF(self._marks[ref].label_rect)

    def label_text(self, ref: str) -> str:
        """The label shown for ``ref``, lines joined by " / " (shortened when space is tight)."""
        self._ensure_layout()
        return " / ".join(self._marks[ref].label_lines)

    def tooltip_text(self, ref: str) -> str:
        """The hover text for ``ref``."""
        seg = next(s for s in self._segments if s.ref == ref)
        funding = self._funding.get(ref, 0.0)
        lines = [f"{seg.ref}  {seg.label}"]
        if seg.label_zh:
            lines.append(seg.label_zh)
        lines += [
            f"Market space: {_stars(seg.market)}",
            f"Logic: {_stars(seg.logic)}   Compute: {_stars(seg.compute)}   Corpus: {_stars(seg.corpus)}",
            f"Difficulty (mean of the three): {seg.difficulty:.2f}",
            f"Companies: {self._counts.get(ref, 0)}",
            f"Disclosed funding: {format_usd(funding) if funding > 0 else 'none disclosed'}",
        ]
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
                tip = next((t for r, _c, _x, t in self._legend if r.contains(pos)), "")
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
        self._dirty = True
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

    def _value(self, ref: str) -> float:
        if self._mode == "funding":
            return max(0.0, self._funding.get(ref, 0.0))
        return float(max(0, self._counts.get(ref, 0)))

    def _ensure_layout(self) -> None:
        if self._dirty:
            self._dirty = False
            self._relayout()

    def _relayout(self) -> None:
        """Place legend, axes, marks (spread where crowded) and labels for the current size."""
        w, h = float(self.width()), float(self.height())
        sfm = QFontMetricsF(self._small_font())
        line_h = sfm.height()

        # Legend across the top; size-mode switch bottom right, beside the x-axis title.
        legend_bottom = self._layout_legend(sfm, w)
        combo_size = self._combo.sizeHint()
        bottom_row = max(line_h, float(combo_size.height()))
        self._combo.setGeometry(
            round(w - _MARGIN - combo_size.width()),
            round(h - _MARGIN - bottom_row + (bottom_row - combo_size.height()) / 2),
            combo_size.width(),
            combo_size.height(),
        )

        tick_w = sfm.horizontalAdvance("5.5")
        left = _MARGIN + line_h + 4 + tick_w + 4
        top = legend_bottom + 6
        bottom = h - _MARGIN - bottom_row - 2 - line_h - 2
        right = w - _MARGIN - 4
        self._plot = QRectF(left, top, max(10.0, right - left), max(10.0, bottom - top))
        # The x-axis title is centred under the plot when it fits there, else in the whole row.
        title_right = w - _MARGIN - combo_size.width() - 10
        title_w = sfm.horizontalAdvance(_X_TITLE) + 4
        title_left = max(_MARGIN, min(left + (right - left - title_w) / 2, title_right - title_w))
        self._xtitle_rect = QRectF(title_left, h - _MARGIN - bottom_row, title_right - title_left, bottom_row)

        # Axis ranges that fit the data with room for circles and labels.
        if self._segments:
            xs = [s.difficulty for s in self._segments]
            ys = [float(s.market) for s in self._segments]
            self._xrange = (math.floor((min(xs) - _X_PAD_LO) * 4) / 4, math.ceil((max(xs) + 0.75) * 4) / 4)
            self._yrange = (math.floor((min(ys) - 0.6) * 4) / 4, math.ceil((max(ys) + 0.6) * 4) / 4)
        else:
            self._xrange, self._yrange = (1.0, 5.0), (1.0, 5.0)

        # Quadrant hints in the plot's corners.
        inner = self._plot.adjusted(4, 3, -4, -3)
        self._hints = []
        for text, align in (
            ("big & easy", Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            ("big & hard", Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
            ("small & easy", Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
            ("small & hard", Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
        ):
            tw = sfm.horizontalAdvance(text) + 2
            rx = inner.left() if align & Qt.AlignmentFlag.AlignLeft else inner.right() - tw
            ry = inner.top() if align & Qt.AlignmentFlag.AlignTop else inner.bottom() - line_h
            self._hints.append((QRectF(rx, ry, tw, line_h), text, align))

        self._layout_marks()
        self._layout_labels(sfm)

    def _layout_legend(self, sfm: QFontMetricsF, w: float) -> float:
        """Flow the scenario legend across the top in at most two rows if it can; returns its bottom.

        Tried in turn: English and Chinese names in report order, English in report order, English
        packed first-fit, English elided to half the width.  (The legend's tooltip has both names.)
        """
        line_h = sfm.height()
        row_h = line_h + 3
        swatch = line_h * 0.7
        width = w - 2 * _MARGIN
        scenarios = list(dict.fromkeys((seg.scenario, seg.scenario_zh) for seg in self._segments))

        def pack(texts: list[str], first_fit: bool, cap: float) -> list[list[tuple[float, int]]]:
            rows: list[list[tuple[float, int]]] = []
            used: list[float] = []
            for i, text in enumerate(texts):
                item_w = min(cap, swatch + 4 + sfm.horizontalAdvance(text))
                candidates = range(len(rows)) if first_fit else range(max(0, len(rows) - 1), len(rows))
                row = next((r for r in candidates if used[r] + 12 + item_w <= width), None)
                if row is None:
                    rows.append([])
                    used.append(-12.0)
                    row = len(rows) - 1
                rows[row].append((item_w, i))
                used[row] += 12 + item_w
            return rows

        en = [s for s, _zh in scenarios]
        both = [f"{s} {zh}".strip() for s, zh in scenarios]
        half = (width - 12) / 2
        attempts = [(both, False, width), (en, False, width), (en, True, width), (en, True, half)]
        rows: list[list[tuple[float, int]]] = []
        texts: list[str] = []
        for texts, first_fit, cap in attempts:
            rows = pack(texts, first_fit, cap)
            if len(rows) <= 2:
                break
        self._legend = []
        y = _MARGIN
        for row in rows:
            x = _MARGIN
            for item_w, i in row:
                tip = f"{scenarios[i][0]} {scenarios[i][1]}".strip()
                self._legend.append((QRectF(x, y, item_w, line_h), self._colours[en[i]], texts[i], tip))
                x += item_w + 12
            y += row_h
        return y - 3 if rows else _MARGIN

    def _to_px(self, x: float, y: float) -> QPointF:
        (x0, x1), (y0, y1), p = self._xrange, self._yrange, self._plot
        return QPointF(
            p.left() + (x - x0) / (x1 - x0) * p.width(),
            p.bottom() - (y - y0) / (y1 - y0) * p.height(),
        )

    def _layout_marks(self) -> None:
        """Size the circles, then spread coincident and overlapping ones apart."""
        self._marks = {}
        if not self._segments:
            return
        p = self._plot
        r_max = max(12.0, min(_MAX_RADIUS, min(p.width(), p.height()) * 0.095))
        values = {s.ref: self._value(s.ref) for s in self._segments}
        v_max = max(values.values())
        for seg in self._segments:
            v = values[seg.ref]
            r = max(_MIN_RADIUS, r_max * math.sqrt(v / v_max)) if v_max > 0 else _MIN_RADIUS
            anchor = self._to_px(seg.difficulty, float(seg.market))
            self._marks[seg.ref] = _Mark(seg, v, anchor, QPointF(anchor), r)

        # Segments at the same data point go on a ring around it, in ref order from the top.
        groups: dict[tuple[float, int], list[_Mark]] = {}
        for m in self._marks.values():
            groups.setdefault((round(m.seg.difficulty, 3), m.seg.market), []).append(m)
        for group in groups.values():
            n = len(group)
            if n < 2:
                continue
            need = max(
                group[i].radius + group[(i + 1) % n].radius + _MARK_GAP for i in range(n if n > 2 else 1)
            )
            ring = need / (2 * math.sin(math.pi / n))
            start = 0.0 if n == 2 else _RING_START
            for i, m in enumerate(group):
                a = start + 2 * math.pi * i / n
                m.center = QPointF(m.anchor.x() + ring * math.cos(a), m.anchor.y() + ring * math.sin(a))
            # Slide the whole ring back inside the plot (clamping circles one by one would squash it).
            left = min(m.center.x() - m.radius for m in group) - p.left() - 1
            right = max(m.center.x() + m.radius for m in group) - p.right() + 1
            top = min(m.center.y() - m.radius for m in group) - p.top() - 1
            bottom = max(m.center.y() + m.radius for m in group) - p.bottom() + 1
            sx = -left if left < 0 else (-right if right > 0 else 0.0)
            sy = -top if top < 0 else (-bottom if bottom > 0 else 0.0)
            for m in group:
                m.center = QPointF(m.center.x() + sx, m.center.y() + sy)

        # Push apart whatever still overlaps (neighbouring groups), keeping every circle in the plot.
        marks = list(self._marks.values())
        for _ in range(200):
            moved = False
            for i, a in enumerate(marks):
                for b in marks[i + 1 :]:
                    dx, dy = b.center.x() - a.center.x(), b.center.y() - a.center.y()
                    d = math.hypot(dx, dy)
                    need = a.radius + b.radius + _MARK_GAP
                    if d >= need - 0.01:
                        continue
                    if d < 1e-6:
                        dx, dy, d = 1.0, 0.0, 1.0
                    push = (need - d) / 2 + 0.05
                    ux, uy = dx / d, dy / d
                    a.center = QPointF(a.center.x() - ux * push, a.center.y() - uy * push)
                    b.center = QPointF(b.center.x() + ux * push, b.center.y() + uy * push)
                    moved = True
            for m in marks:
                m.center = self._clamp(m.center, m.radius)
            if not moved:
                break

    def _clamp(self, c: QPointF, r: float) -> QPointF:
        p = self._plot
        x = min(max(c.x(), p.left() + r + 1), max(p.left() + r + 1, p.right() - r - 1))
        y = min(max(c.y(), p.top() + r + 1), max(p.top() + r + 1, p.bottom() - r - 1))
        return QPointF(x, y)

    def _label_variants(self, seg: Segment) -> list[tuple[str, ...]]:
        """Labels from most to least detailed; the first that fits without overlaps is used."""
        full = (
            (f"{seg.ref} {seg.industry}", seg.industry_zh)
            if seg.industry_zh
            else (f"{seg.ref} {seg.industry}",)
        )
        return [full, (f"{seg.ref} {seg.industry}",), (seg.ref,)]

    def _layout_labels(self, sfm: QFontMetricsF) -> None:
        """Place the labels; a label still in conflict drops detail (Chinese, then English) and we retry."""
        if not self._marks:
            return
        marks = list(self._marks.values())
        p = self._plot
        bounds = (p.left() + 1, p.top() + 1, p.right() - 1, p.bottom() - 1)
        circles = [(m.center.x(), m.center.y(), m.radius) for m in marks]
        soft = [(r.left(), r.top(), r.right(), r.bottom()) for r, _t, _a in self._hints]
        variants = [self._label_variants(m.seg) for m in marks]

        def size(lines: tuple[str, ...]) -> tuple[float, float]:
            width = max(sfm.horizontalAdvance(t) for t in lines) + 2 * _LABEL_PAD
            return width, sfm.height() * len(lines) + 2 * _LABEL_PAD

        def place(levels: list[int]) -> set[int]:
            lines = [vs[min(lv, len(vs) - 1)] for vs, lv in zip(variants, levels, strict=True)]
            boxes, conflicts = _place_labels(circles, [size(ls) for ls in lines], bounds, soft)
            for m, ls, b in zip(marks, lines, boxes, strict=True):
                m.label_lines = ls
                m.label_rect = QRectF(QPointF(b[0], b[1]), QPointF(b[2], b[3]))
            return conflicts

        # All labels at one level of detail, of which at most two may be shortened one step further;
        # if that does not clear every conflict, all labels drop a level.  Refs only is the last resort.
        top = max(len(vs) for vs in variants) - 1
        room = (bounds[2] - bounds[0]) * (bounds[3] - bounds[1]) - sum(4 * r * r for _x, _y, r in circles)
        for level in range(top + 1):
            levels = [level] * len(marks)
            need = sum(w * h for w, h in (size(vs[min(level, len(vs) - 1)]) for vs in variants))
            if need > 0.8 * room and level < top:
                continue  # hopeless at this level of detail
            conflicts = place(levels)
            for _ in range(2):
                shrinkable = [i for i in conflicts if levels[i] < top]
                if not shrinkable or level == top:
                    break
                i = max(shrinkable, key=lambda i: marks[i].label_rect.width() * marks[i].label_rect.height())
                levels[i] += 1
                conflicts = place(levels)
            if not conflicts or level == top:
                return

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        self._ensure_layout()
        p = QPainter(self)
        try:
            self._paint(p)
        finally:
            p.end()

    def _paint(self, p: QPainter) -> None:
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

        self._paint_legend(p, text)
        plot = self._plot
        p.fillRect(plot, base)
        self._paint_axes(p, sfm, text, muted, grid)

        if not self._marks:
            p.setPen(muted)
            p.drawText(plot, Qt.AlignmentFlag.AlignCenter, "No segments")
            return
        # Quadrant hints, unless a mark or label sits on one.
        p.setPen(muted)
        for rect, hint, align in self._hints:
            covered = any(
                rect.intersects(m.label_rect)
                or rect.intersects(
                    QRectF(m.center.x() - m.radius, m.center.y() - m.radius, 2 * m.radius, 2 * m.radius)
                )
                for m in self._marks.values()
            )
            if not covered:
                p.drawText(rect, int(align), hint)

        # Spokes from each shared data point to the marks spread around it.
        p.setPen(QPen(_mix(text, base, 0.7), 1.0, Qt.PenStyle.DotLine))
        anchors: set[tuple[float, float]] = set()
        for m in self._marks.values():
            if QLineF(m.anchor, m.center).length() > 2:
                p.drawLine(m.anchor, m.center)
                anchors.add((m.anchor.x(), m.anchor.y()))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(_mix(text, base, 0.5))
        for ax, ay in anchors:
            p.drawEllipse(QPointF(ax, ay), 2.0, 2.0)

        for m in sorted(self._marks.values(), key=lambda m: -m.radius):
            self._paint_mark(p, m, base, text)

        self._paint_labels(p, sfm, text, base)

        if self.hasFocus():
            hl = QColor(pal.color(QPalette.ColorRole.Highlight))
            hl.setAlpha(110)
            p.setPen(QPen(hl, 1.0))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(plot.adjusted(0.5, 0.5, -0.5, -0.5))

    def _paint_legend(self, p: QPainter, text: QColor) -> None:
        for rect, colour, label, _tip in self._legend:
            s = rect.height() * 0.7
            p.setPen(QPen(colour.darker(130), 1.0))
            p.setBrush(colour)
            p.drawEllipse(QRectF(rect.left(), rect.center().y() - s / 2, s, s))
            x = rect.left() + s + 4
            p.setPen(text)
            room = rect.right() - x + 2
            label = QFontMetricsF(p.font()).elidedText(label, Qt.TextElideMode.ElideRight, room)
            p.drawText(
                QRectF(x, rect.top(), room, rect.height()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                label,
            )

    def _paint_axes(self, p: QPainter, sfm: QFontMetricsF, text: QColor, muted: QColor, grid: QColor) -> None:
        plot = self._plot
        (x0, x1), (y0, y1) = self._xrange, self._yrange
        lh = sfm.height()
        grid_pen = QPen(grid, 1.0)
        # Vertical grid every 0.5 star, labelled on whole and half stars within the 1..5 scale.
        v = math.ceil(x0 * 2) / 2
        while v <= x1 + 1e-9:
            px = self._to_px(v, y0).x()
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
            py = self._to_px(x0, v).y()
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
        x_title = sfm.elidedText(
            _X_TITLE,
            Qt.TextElideMode.ElideRight,
            self._xtitle_rect.width(),
        )
        p.drawText(
            self._xtitle_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), x_title
        )
        p.save()
        p.translate(_MARGIN, plot.center().y())
        p.rotate(-90)
        y_title = sfm.elidedText(_Y_TITLE, Qt.TextElideMode.ElideRight, plot.height())
        p.drawText(
            QRectF(-plot.height() / 2, 0, plot.height(), lh), int(Qt.AlignmentFlag.AlignHCenter), y_title
        )
        p.restore()

    def _paint_mark(self, p: QPainter, m: _Mark, base: QColor, text: QColor) -> None:
        colour = self._colours.get(m.seg.scenario, QColor(_SCENARIO_COLOURS[0]))
        c, r = m.center, m.radius
        if m.value > 0:
            fill = QColor(colour)
            fill.setAlpha(200 if m.seg.ref in (self._hover, self._selected) else 170)
            p.setBrush(fill)
            p.setPen(QPen(colour.darker(135), 1.2))
        else:  # nothing to size by: a hollow minimum circle
            p.setBrush(base)
            p.setPen(QPen(colour, 1.8))
        p.drawEllipse(c, r, r)
        if m.seg.ref == self._selected:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2.5))
            p.drawEllipse(c, r + 3.5, r + 3.5)
        elif m.seg.ref == self._hover:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(_mix(text, base, 0.4), 1.0, Qt.PenStyle.DashLine))
            p.drawEllipse(c, r + 3, r + 3)

    def _paint_labels(self, p: QPainter, sfm: QFontMetricsF, text: QColor, base: QColor) -> None:
        halo = QColor(base)
        halo.setAlpha(200)
        leader = QPen(_mix(text, base, 0.3), 1.0)
        for m in self._marks.values():
            rect = m.label_rect
            if rect.isEmpty():
                continue
            # Leader line from the circle's edge to the label when the label sits away from its mark.
            nearest = QPointF(
                *_nearest((rect.left(), rect.top(), rect.right(), rect.bottom()), m.center.x(), m.center.y())
            )
            line = QLineF(m.center, nearest)
            if line.length() > m.radius + 6:
                edge = line.pointAt(m.radius / line.length())
                p.setPen(leader)
                p.drawLine(edge, nearest)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QBrush(halo))
            p.drawRoundedRect(rect, 3, 3)
            if m.seg.ref == self._selected:
                p.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 1.2))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRoundedRect(rect, 3, 3)
            p.setPen(text)
            y = rect.top() + _LABEL_PAD
            for i, line_text in enumerate(m.label_lines):
                line_rect = QRectF(rect.left() + _LABEL_PAD, y, rect.width(), sfm.height())
                if i > 0:
                    p.setPen(_mix(text, base, 0.25))
                p.drawText(line_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), line_text)
                y += sfm.height()
