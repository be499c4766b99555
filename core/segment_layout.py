"""The segment map's geometry, without Qt: where the legend, the plot, the marks and the labels go.

The map plots each segment as a circle at (mean difficulty stars, market space stars); its area shows
either how many companies the segment names or how much funding they disclosed.  Segments that share
a point are spread on a small ring around it so each stays visible and clickable, and whatever still
overlaps is pushed apart inside the plot.  Labels (ref, English and Chinese industry) are placed near
their marks by a small cost search so they overlap neither each other nor other marks; where there is
too little room for that, labels drop the Chinese, then the English name.

Everything here is plain arithmetic on boxes ``(x0, y0, x1, y1)`` and circles ``(cx, cy, r)`` in
pixels, y growing downwards.  Text is measured by a callable the caller passes in,
``measure(text) -> (width, height)`` (the widget passes its font metrics; tests pass a fixed-width
stand-in), so the layout is the same function of its inputs on every machine.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from core.models import Segment

Box = tuple[float, float, float, float]  # x0, y0, x1, y1
Line = tuple[float, float, float, float]  # x0, y0, x1, y1 of a line segment
Circle = tuple[float, float, float]  # cx, cy, r
Measure = Callable[[str], tuple[float, float]]  # text -> (width, height of one line)
Corner = Literal["top-left", "top-right", "bottom-left", "bottom-right"]

SIZE_MODES: tuple[str, ...] = ("companies", "funding")

X_TITLE = "Difficulty (mean of logic, compute, corpus stars) →"
Y_TITLE = "Market space ★ →"
MARGIN = 8.0  # px around everything
X_PAD_LO = 0.4  # difficulty units left of the leftmost mark
RING_START = -math.pi / 2  # where the first mark of a shared point goes on its ring (top)
RINGS = 6  # label candidate rings around a mark (7 px apart): labels stay close to their marks
MARK_GAP = 4.0  # minimum free space between two circles, px
MIN_RADIUS = 6.0
MAX_RADIUS = 28.0
LABEL_PAD = 2.0  # padding inside a label's halo
LEGEND_GAP = 12.0  # px between two legend items in a row
QUADRANT_HINTS: tuple[tuple[str, Corner], ...] = (
    ("big & easy", "top-left"),
    ("big & hard", "top-right"),
    ("small & easy", "bottom-left"),
    ("small & hard", "bottom-right"),
)

# Label placement costs (per px² of overlap, per px of leader line, or per event).
W_OUTSIDE = 50.0  # label area outside the plot
W_LABEL = 50.0  # label area over another label
W_CIRCLE = 50.0  # label area over another circle
W_CENTRE = 400.0  # label covering another circle's centre
W_HINT = 0.5  # label area over a quadrant hint
W_LEADER = 3.0  # length of the leader line
W_CROSS = 500.0  # leader line crossing another circle or label
W_AMBIGUOUS = 20.0  # per px the label is nearer another circle than its own


# ---------------------------------------------------------------------------------- geometry


def ref_key(ref: str) -> tuple[tuple[int, int | str], ...]:
    """Natural sort key: "1.10" sorts after "1.9"."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"[._\-]", ref))


def box_area(b: Box) -> float:
    """Area of box ``b`` (0 for an inverted box)."""
    return max(0.0, b[2] - b[0]) * max(0.0, b[3] - b[1])


def box_overlap(a: Box, b: Box) -> float:
    """Area shared by two boxes."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    if w <= 0:
        return 0.0
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if h > 0 else 0.0


def nearest(b: Box, x: float, y: float) -> tuple[float, float]:
    """The point of box ``b`` closest to (x, y)."""
    return min(max(x, b[0]), b[2]), min(max(y, b[1]), b[3])


def segment_hits_circle(x0: float, y0: float, x1: float, y1: float, cx: float, cy: float, r: float) -> bool:
    """Whether the line segment passes within ``r`` of (cx, cy)."""
    dx, dy = x1 - x0, y1 - y0
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else min(1.0, max(0.0, ((cx - x0) * dx + (cy - y0) * dy) / length2))
    return math.hypot(x0 + t * dx - cx, y0 + t * dy - cy) < r


def segment_hits_box(x0: float, y0: float, x1: float, y1: float, b: Box) -> bool:
    """Whether the line segment passes through box ``b`` (Liang–Barsky clipping)."""
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


def ambiguity(box: Box, i: int, circles: Sequence[Circle]) -> float:
    """How much closer (px, edge to box) the label ``box`` is to another circle than to its own, circle i."""

    def gap(c: Circle) -> float:
        cx, cy, r = c
        dx = max(box[0] - cx, 0.0, cx - box[2])
        dy = max(box[1] - cy, 0.0, cy - box[3])
        return math.hypot(dx, dy) - r

    own = gap(circles[i])
    if own <= 4:
        return 0.0
    other = min((gap(c) for j, c in enumerate(circles) if j != i), default=math.inf)
    return max(0.0, own - max(other, 0.0))


# ---------------------------------------------------------------------------------- the label solver


def label_candidates(cx: float, cy: float, r: float, lw: float, lh: float) -> list[tuple[Box, float]]:
    """Spots for a ``lw`` × ``lh`` label around a circle, on widening rings, with a preference cost."""
    out: list[tuple[Box, float]] = []
    for k in range(RINGS):
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


def label_conflicts(boxes: Sequence[Box], circles: Sequence[Circle], bounds: Box) -> set[int]:
    """The labels in conflict: outside ``bounds``, over another label, over the middle of another
    circle, or nearer another circle than their own."""
    n = len(boxes)
    conflicts = {i for i, b in enumerate(boxes) if box_overlap(b, bounds) < box_area(b) - 0.5}
    for i in range(n):
        for j in range(i + 1, n):
            if box_overlap(boxes[i], boxes[j]) > 0:
                conflicts |= {i, j}
    for i, b in enumerate(boxes):  # a label that reads as another circle's
        if ambiguity(b, i, circles) > 3:
            conflicts.add(i)
    for i, b in enumerate(boxes):  # a label hiding a good part of another circle
        for j, (ox, oy, orad) in enumerate(circles):
            inner = orad * 0.7
            if j != i and box_overlap(b, (ox - inner, oy - inner, ox + inner, oy + inner)) > 0:
                conflicts.add(i)
    return conflicts


def place_labels(
    circles: Sequence[Circle],
    sizes: Sequence[tuple[float, float]],
    bounds: Box,
    soft: Sequence[Box] = (),
    restarts: int = 2,
) -> tuple[list[Box], set[int]]:
    """Place one ``sizes[i]`` label per circle: greedy in crowding order, then rounds of local improvement.

    Costs: leaving ``bounds`` or covering another label (heavy), covering another circle's centre, a
    leader line crossing a circle or label, covering circles, covering ``soft`` boxes (quadrant hints),
    and the leader's length.  A few greedy orders are tried (most crowded first, its reverse, and
    ``restarts`` shuffles seeded by the number of circles, so the result is deterministic); the
    cheapest wins.  Returns the boxes and the labels still in conflict (see :func:`label_conflicts`).
    """
    n = len(circles)
    if n == 0:
        return [], set()
    cands: list[list[tuple[float, Box, Line | None]]] = []
    for i, ((cx, cy, r), (lw, lh)) in enumerate(zip(circles, sizes, strict=True)):
        scored = []
        for box, pref in label_candidates(cx, cy, r, lw, lh):
            area = lw * lh
            cost = pref + W_OUTSIDE * (area - box_overlap(box, bounds))
            for j, (ox, oy, orad) in enumerate(circles):
                if j == i:
                    continue
                cost += W_CIRCLE * box_overlap(
                    box, (ox - orad + 2, oy - orad + 2, ox + orad - 2, oy + orad - 2)
                )
                if box[0] - 3 < ox < box[2] + 3 and box[1] - 3 < oy < box[3] + 3:
                    cost += W_CENTRE
            cost += W_HINT * sum(box_overlap(box, b) for b in soft)
            nx, ny = nearest(box, cx, cy)
            leader = math.hypot(nx - cx, ny - cy) - r
            cost += W_LEADER * max(0.0, leader) + W_AMBIGUOUS * ambiguity(box, i, circles)
            seg = None
            if leader > 6:
                seg = (cx, cy, nx, ny)
                for j, (ox, oy, orad) in enumerate(circles):
                    if j != i and segment_hits_circle(cx, cy, nx, ny, ox, oy, orad):
                        cost += W_CROSS
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
            cost = W_LABEL * box_overlap(box, obox)
            if seg is not None and segment_hits_box(*seg, obox):
                cost += W_CROSS
            if oseg is not None and segment_hits_box(*oseg, box):
                cost += W_CROSS
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

    first = sorted(range(n), key=lambda i: -crowding(i))
    orders = [first, list(reversed(first))]
    rng = random.Random(n)
    for _ in range(restarts):
        shuffled = list(first)
        rng.shuffle(shuffled)
        orders.append(shuffled)
    best_choice = min((solve(o) for o in orders), key=total)

    boxes = [cands[i][best_choice[i]][1] for i in range(n)]
    return boxes, label_conflicts(boxes, circles, bounds)


def label_variants(seg: Segment) -> list[tuple[str, ...]]:
    """A segment's label from most to least detailed: ref and English over Chinese, one line, the ref."""
    english = f"{seg.ref} {seg.industry}"
    full = (english, seg.industry_zh) if seg.industry_zh else (english,)
    return [full, (english,), (seg.ref,)]


def label_size(lines: Sequence[str], measure: Measure) -> tuple[float, float]:
    """Width and height of a label of these lines, halo padding included."""
    dims = [measure(t) for t in lines]
    return max(w for w, _h in dims) + 2 * LABEL_PAD, sum(h for _w, h in dims) + 2 * LABEL_PAD


def fit_labels(
    circles: Sequence[Circle],
    variants: Sequence[Sequence[tuple[str, ...]]],
    plot: Box,
    measure: Measure,
    soft: Sequence[Box] = (),
) -> list[tuple[tuple[str, ...], Box]]:
    """Choose each circle's label text (from its ``variants``, most detailed first) and place it.

    All labels start at one level of detail, of which at most two may be shortened one step further;
    if that does not clear every conflict, all labels drop a level.  Refs only is the last resort.
    Returns (lines, box) per circle.
    """
    n = len(circles)
    if n == 0:
        return []
    bounds = (plot[0] + 1, plot[1] + 1, plot[2] - 1, plot[3] - 1)
    chosen: list[tuple[tuple[str, ...], Box]] = []

    def place(levels: list[int]) -> set[int]:
        lines = [vs[min(lv, len(vs) - 1)] for vs, lv in zip(variants, levels, strict=True)]
        boxes, conflicts = place_labels(circles, [label_size(ls, measure) for ls in lines], bounds, soft)
        chosen[:] = list(zip(lines, boxes, strict=True))
        return conflicts

    top = max(len(vs) for vs in variants) - 1
    room = box_area(bounds) - sum(4 * r * r for _x, _y, r in circles)
    for level in range(top + 1):
        levels = [level] * n
        need = sum(box_area((0, 0, *label_size(vs[min(level, len(vs) - 1)], measure))) for vs in variants)
        if need > 0.8 * room and level < top:
            continue  # hopeless at this level of detail
        conflicts = place(levels)
        for _ in range(2):
            shrinkable = [i for i in conflicts if levels[i] < top]
            if not shrinkable or level == top:
                break
            i = max(shrinkable, key=lambda i: box_area(chosen[i][1]))
            levels[i] += 1
            conflicts = place(levels)
        if not conflicts or level == top:
            break
    return chosen


# ---------------------------------------------------------------------------------- the marks


@dataclass
class MarkLayout:
    """One segment's circle (and label) as laid out for a size, a mode and the data."""

    seg: Segment
    value: float  # what the area shows: companies, or disclosed funding in USD (0 = a hollow circle)
    anchor: tuple[float, float]  # the true data position, px
    center: tuple[float, float]  # where it is drawn (spread if crowded), px
    radius: float
    label_lines: tuple[str, ...] = ()
    label_box: Box | None = None

    @property
    def circle(self) -> Circle:
        return (self.center[0], self.center[1], self.radius)

    @property
    def bounds(self) -> Box:
        """The circle's bounding box."""
        (cx, cy), r = self.center, self.radius
        return (cx - r, cy - r, cx + r, cy + r)

    @property
    def ref(self) -> str:
        return self.seg.ref


def size_values(
    segments: Sequence[Segment], counts: Mapping[str, int], funding: Mapping[str, float], mode: str
) -> dict[str, float]:
    """What each segment's area shows in ``mode``: companies named, or disclosed USD (missing or negative = 0)."""
    if mode not in SIZE_MODES:
        raise ValueError(f"size mode must be one of {SIZE_MODES}, got {mode!r}")
    if mode == "funding":
        return {s.ref: max(0.0, float(funding.get(s.ref, 0.0))) for s in segments}
    return {s.ref: float(max(0, int(counts.get(s.ref, 0)))) for s in segments}


def axis_ranges(segments: Sequence[Segment]) -> tuple[tuple[float, float], tuple[float, float]]:
    """Difficulty and market ranges that fit the data with room for circles and labels (quarter stars)."""
    if not segments:
        return (1.0, 5.0), (1.0, 5.0)
    xs = [s.difficulty for s in segments]
    ys = [float(s.market) for s in segments]
    xrange = (math.floor((min(xs) - X_PAD_LO) * 4) / 4, math.ceil((max(xs) + 0.75) * 4) / 4)
    yrange = (math.floor((min(ys) - 0.6) * 4) / 4, math.ceil((max(ys) + 0.6) * 4) / 4)
    return xrange, yrange


def to_px(
    x: float, y: float, plot: Box, xrange: tuple[float, float], yrange: tuple[float, float]
) -> tuple[float, float]:
    """Data (difficulty, market) to pixels in ``plot``: difficulty rightwards, market upwards."""
    (x0, x1), (y0, y1) = xrange, yrange
    return (
        plot[0] + (x - x0) / (x1 - x0) * (plot[2] - plot[0]),
        plot[3] - (y - y0) / (y1 - y0) * (plot[3] - plot[1]),
    )


def clamp(c: tuple[float, float], r: float, plot: Box) -> tuple[float, float]:
    """Move centre ``c`` so a circle of radius ``r`` lies inside ``plot`` (1 px in), where it fits."""
    x = min(max(c[0], plot[0] + r + 1), max(plot[0] + r + 1, plot[2] - r - 1))
    y = min(max(c[1], plot[1] + r + 1), max(plot[1] + r + 1, plot[3] - r - 1))
    return x, y


def layout_marks(
    segments: Sequence[Segment],
    values: Mapping[str, float],
    plot: Box,
    xrange: tuple[float, float],
    yrange: tuple[float, float],
) -> dict[str, MarkLayout]:
    """Size the circles (area ∝ value), then spread coincident and overlapping ones apart inside ``plot``.

    Keyed by ref, in the order of ``segments``.
    """
    marks: dict[str, MarkLayout] = {}
    if not segments:
        return marks
    pw, ph = plot[2] - plot[0], plot[3] - plot[1]
    r_max = max(12.0, min(MAX_RADIUS, min(pw, ph) * 0.095))
    v_max = max(values.get(s.ref, 0.0) for s in segments)
    for seg in segments:
        v = values.get(seg.ref, 0.0)
        r = max(MIN_RADIUS, r_max * math.sqrt(v / v_max)) if v_max > 0 else MIN_RADIUS
        anchor = to_px(seg.difficulty, float(seg.market), plot, xrange, yrange)
        marks[seg.ref] = MarkLayout(seg, v, anchor, anchor, r)

    # Segments at the same data point go on a ring around it, in the given order from the top.
    groups: dict[tuple[float, int], list[MarkLayout]] = {}
    for m in marks.values():
        groups.setdefault((round(m.seg.difficulty, 3), m.seg.market), []).append(m)
    for group in groups.values():
        n = len(group)
        if n < 2:
            continue
        need = max(group[i].radius + group[(i + 1) % n].radius + MARK_GAP for i in range(n if n > 2 else 1))
        ring = need / (2 * math.sin(math.pi / n))
        start = 0.0 if n == 2 else RING_START
        for i, m in enumerate(group):
            a = start + 2 * math.pi * i / n
            m.center = (m.anchor[0] + ring * math.cos(a), m.anchor[1] + ring * math.sin(a))
        # Slide the whole ring back inside the plot (clamping circles one by one would squash it).
        left = min(m.center[0] - m.radius for m in group) - plot[0] - 1
        right = max(m.center[0] + m.radius for m in group) - plot[2] + 1
        top = min(m.center[1] - m.radius for m in group) - plot[1] - 1
        bottom = max(m.center[1] + m.radius for m in group) - plot[3] + 1
        sx = -left if left < 0 else (-right if right > 0 else 0.0)
        sy = -top if top < 0 else (-bottom if bottom > 0 else 0.0)
        for m in group:
            m.center = (m.center[0] + sx, m.center[1] + sy)

    # Push apart whatever still overlaps (neighbouring groups), keeping every circle in the plot.
    ms = list(marks.values())
    for _ in range(200):
        moved = False
        for i, a in enumerate(ms):
            for b in ms[i + 1 :]:
                dx, dy = b.center[0] - a.center[0], b.center[1] - a.center[1]
                d = math.hypot(dx, dy)
                need = a.radius + b.radius + MARK_GAP
                if d >= need - 0.01:
                    continue
                if d < 1e-6:
                    dx, dy, d = 1.0, 0.0, 1.0
                push = (need - d) / 2 + 0.05
                ux, uy = dx / d, dy / d
                a.center = (a.center[0] - ux * push, a.center[1] - uy * push)
                b.center = (b.center[0] + ux * push, b.center[1] + uy * push)
                moved = True
        for m in ms:
            m.center = clamp(m.center, m.radius, plot)
        if not moved:
            break
    return marks


# ---------------------------------------------------------------------------------- the whole map


@dataclass(frozen=True)
class LegendItem:
    """One scenario's swatch and name in the legend."""

    box: Box
    scenario: str
    text: str  # as shown (the painter may still elide it to the box)
    tooltip: str  # English and Chinese names


@dataclass(frozen=True)
class Hint:
    """A quadrant hint ("big & easy" …) in a corner of the plot."""

    box: Box
    text: str
    corner: Corner


@dataclass
class MapLayout:
    """Everything the segment map draws, in pixels: legend, plot, axis ranges and titles, hints, marks."""

    width: float
    height: float
    plot: Box
    xrange: tuple[float, float]
    yrange: tuple[float, float]
    legend: list[LegendItem]
    hints: list[Hint]
    x_title_box: Box
    control_box: Box  # where the size-mode control goes (bottom right)
    marks: dict[str, MarkLayout]  # by ref, in natural ref order

    def to_px(self, x: float, y: float) -> tuple[float, float]:
        """Data (difficulty, market) to pixels."""
        return to_px(x, y, self.plot, self.xrange, self.yrange)


def layout_legend(
    segments: Sequence[Segment], width: float, measure: Measure
) -> tuple[list[LegendItem], float]:
    """Flow the scenario legend across the top in at most two rows if it can; returns it and its bottom.

    Tried in turn: English and Chinese names in report order, English in report order, English
    packed first-fit, English elided to half the width.  (Each item's tooltip has both names.)
    """
    line_h = measure(X_TITLE)[1]
    row_h = line_h + 3
    swatch = line_h * 0.7
    room = width - 2 * MARGIN
    scenarios = list(dict.fromkeys((seg.scenario, seg.scenario_zh) for seg in segments))

    def pack(texts: list[str], first_fit: bool, cap: float) -> list[list[tuple[float, int]]]:
        rows: list[list[tuple[float, int]]] = []
        used: list[float] = []
        for i, text in enumerate(texts):
            item_w = min(cap, swatch + 4 + measure(text)[0])
            candidates = range(len(rows)) if first_fit else range(max(0, len(rows) - 1), len(rows))
            row = next((r for r in candidates if used[r] + LEGEND_GAP + item_w <= room), None)
            if row is None:
                rows.append([])
                used.append(-LEGEND_GAP)
                row = len(rows) - 1
            rows[row].append((item_w, i))
            used[row] += LEGEND_GAP + item_w
        return rows

    en = [s for s, _zh in scenarios]
    both = [f"{s} {zh}".strip() for s, zh in scenarios]
    half = (room - LEGEND_GAP) / 2
    attempts = [(both, False, room), (en, False, room), (en, True, room), (en, True, half)]
    rows: list[list[tuple[float, int]]] = []
    texts: list[str] = []
    for texts, first_fit, cap in attempts:
        rows = pack(texts, first_fit, cap)
        if len(rows) <= 2:
            break
    items: list[LegendItem] = []
    y = MARGIN
    for row in rows:
        x = MARGIN
        for item_w, i in row:
            tip = f"{scenarios[i][0]} {scenarios[i][1]}".strip()
            items.append(LegendItem((x, y, x + item_w, y + line_h), en[i], texts[i], tip))
            x += item_w + LEGEND_GAP
        y += row_h
    return items, (y - 3 if rows else MARGIN)


def layout_hints(plot: Box, measure: Measure) -> list[Hint]:
    """The four quadrant hints, each in its corner of the plot."""
    x0, y0, x1, y1 = plot[0] + 4, plot[1] + 3, plot[2] - 4, plot[3] - 3
    hints = []
    for text, corner in QUADRANT_HINTS:
        tw, th = measure(text)
        tw += 2
        rx = x0 if corner.endswith("left") else x1 - tw
        ry = y0 if corner.startswith("top") else y1 - th
        hints.append(Hint((rx, ry, rx + tw, ry + th), text, corner))
    return hints


def layout_map(
    segments: Sequence[Segment],
    counts: Mapping[str, int],
    funding: Mapping[str, float],
    mode: str,
    width: float,
    height: float,
    measure: Measure,
    control_size: tuple[float, float] = (0.0, 0.0),
) -> MapLayout:
    """Lay the whole map out in a ``width`` × ``height`` area.

    The legend runs across the top; the plot below it, with the y-axis title and ticks on its left
    and the x-axis ticks and title below; a ``control_size`` control (the size-mode switch) sits
    bottom right beside the x-axis title.  ``counts`` and ``funding`` are keyed by segment ref
    (missing = 0); ``mode`` is one of :data:`SIZE_MODES`.
    """
    segments = sorted(segments, key=lambda s: ref_key(s.ref))
    values = size_values(segments, counts, funding, mode)
    line_h = measure(X_TITLE)[1]

    legend, legend_bottom = layout_legend(segments, width, measure)
    cw, ch = control_size
    bottom_row = max(line_h, ch)
    cx = width - MARGIN - cw
    cy = height - MARGIN - bottom_row + (bottom_row - ch) / 2
    control_box = (cx, cy, cx + cw, cy + ch)

    tick_w = measure("5.5")[0]
    left = MARGIN + line_h + 4 + tick_w + 4
    top = legend_bottom + 6
    bottom = height - MARGIN - bottom_row - 2 - line_h - 2
    right = width - MARGIN - 4
    plot = (left, top, left + max(10.0, right - left), top + max(10.0, bottom - top))
    # The x-axis title is centred under the plot when it fits there, else in the whole row.
    title_right = width - MARGIN - cw - 10
    title_w = measure(X_TITLE)[0] + 4
    title_left = max(MARGIN, min(left + (right - left - title_w) / 2, title_right - title_w))
    x_title_box = (title_left, height - MARGIN - bottom_row, title_right, height - MARGIN)

    xrange, yrange = axis_ranges(segments)
    hints = layout_hints(plot, measure)
    marks = layout_marks(segments, values, plot, xrange, yrange)
    ms = list(marks.values())
    placed = fit_labels(
        [m.circle for m in ms], [label_variants(m.seg) for m in ms], plot, measure, [h.box for h in hints]
    )
    for m, (lines, box) in zip(ms, placed, strict=True):
        m.label_lines, m.label_box = lines, box
    return MapLayout(width, height, plot, xrange, yrange, legend, hints, x_title_box, control_box, marks)
