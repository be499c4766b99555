"""The segment map's geometry, without Qt: where the legend, the plot, the marks and the labels go.

The map plots each segment as a circle at (mean difficulty stars, market space stars); its area shows
either how many companies the segment names or how much funding they disclosed.  Segments that share
a point are spread on a small ring around it so each stays visible and clickable, and whatever still
overlaps is pushed apart inside the plot.

Labels.  Every mark is named in both languages: ref, English and Chinese industry.  Labels are placed
near their marks by a small cost search so they overlap neither each other nor other marks.  Where
there is too little room, a label is shortened, never by dropping a language: the full two-line
label ("1.3.2 Retail & e-commerce" over "零售电商业") gives way to one line of ref, short English and
short Chinese ("1.3.2 Retail 零售电商"), then to the first English word and two Chinese characters.
A label that still cannot sit beside its mark is placed further away with a leader line from the
mark to it (chosen over numbered callouts: a callout needs a key, and the map has no room for one;
the widget draws a line whenever a label sits more than 6 px from its circle).  Only when even that
fails, in an area smaller than the app ever gives the map, does a label fall back to the bare ref.

Size key.  Beside the size-mode control at the bottom right, two reference circles at the marks'
true scale with their values ("5", "10" companies; "$1B", "$2B") explain what the area shows; the
values are round numbers (1, 2, 5 × 10ⁿ) chosen so the circles fit the control's row and sit above
the minimum radius (below it every mark looks the same).

Filter counts are not laid out here (they change the fill of a mark, not where it goes):
:func:`passing_counts` computes, from a table's segment membership and a mask of shown rows, how
many of each segment's companies pass the filters, for the widget's ``set_passing``.

Everything here is plain arithmetic on boxes ``(x0, y0, x1, y1)`` and circles ``(cx, cy, r)`` in
pixels, y growing downwards.  Text is measured by a callable the caller passes in,
``measure(text) -> (width, height)`` (the widget passes its font metrics; tests pass a fixed-width
stand-in), so the layout is the same function of its inputs on every machine.
"""

from __future__ import annotations

import itertools
import math
import random
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from core.i18n import QT_TRANSLATE_NOOP, language, translate
from core.models import Segment

Box = tuple[float, float, float, float]  # x0, y0, x1, y1
Line = tuple[float, float, float, float]  # x0, y0, x1, y1 of a line segment
Circle = tuple[float, float, float]  # cx, cy, r
Measure = Callable[[str], tuple[float, float]]  # text -> (width, height of one line)
Corner = Literal["top-left", "top-right", "bottom-left", "bottom-right"]

SIZE_MODES: tuple[str, ...] = ("companies", "funding")

# The axis titles and quadrant hints in English; shown through translate("segment_layout", …).
X_TITLE = QT_TRANSLATE_NOOP("segment_layout", "Difficulty (mean of logic, compute, corpus stars) →")
X_TITLES: tuple[str, ...] = (  # longest first
    X_TITLE,
    QT_TRANSLATE_NOOP("segment_layout", "Difficulty (mean of 3 ★) →"),
    QT_TRANSLATE_NOOP("segment_layout", "Difficulty →"),
)
Y_TITLE = QT_TRANSLATE_NOOP("segment_layout", "Market space ★ →")
MARGIN = 8.0  # px around everything
X_PAD_LO = 0.4  # difficulty units left of the leftmost mark
RING_START = -math.pi / 2  # where the first mark of a shared point goes on its ring (top)
RINGS = 6  # label candidate rings around a mark (7 px apart): labels stay close to their marks
FAR_RINGS = 18  # rings tried for a label that cannot sit close: it goes further, with a leader line
MARK_GAP = 4.0  # minimum free space between two circles, px
MIN_RADIUS = 6.0
MAX_RADIUS = 28.0
LABEL_PAD = 2.0  # padding inside a label's halo
LEGEND_GAP = 12.0  # px between two legend items in a row
QUADRANT_HINTS: tuple[tuple[str, Corner], ...] = (
    (QT_TRANSLATE_NOOP("segment_layout", "big & easy"), "top-left"),
    (QT_TRANSLATE_NOOP("segment_layout", "big & hard"), "top-right"),
    (QT_TRANSLATE_NOOP("segment_layout", "small & easy"), "bottom-left"),
    (QT_TRANSLATE_NOOP("segment_layout", "small & hard"), "bottom-right"),
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
W_SHORTER = 30.0  # per step a label is shortened from the most detailed wording offered


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


def segments_cross(a: Line, b: Line) -> bool:
    """Whether two line segments cross or touch."""

    def side(p: tuple[float, float], q: tuple[float, float], r: tuple[float, float]) -> float:
        v = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
        return 0.0 if abs(v) < 1e-9 else math.copysign(1.0, v)

    def within(p: tuple[float, float], q: tuple[float, float], r: tuple[float, float]) -> bool:
        return (
            min(p[0], q[0]) - 1e-9 <= r[0] <= max(p[0], q[0]) + 1e-9
            and min(p[1], q[1]) - 1e-9 <= r[1] <= max(p[1], q[1]) + 1e-9
        )

    a0, a1, b0, b1 = (a[0], a[1]), (a[2], a[3]), (b[0], b[1]), (b[2], b[3])
    s1, s2, s3, s4 = side(a0, a1, b0), side(a0, a1, b1), side(b0, b1, a0), side(b0, b1, a1)
    if s1 * s2 < 0 and s3 * s4 < 0:
        return True
    return (
        (s1 == 0 and within(a0, a1, b0))
        or (s2 == 0 and within(a0, a1, b1))
        or (s3 == 0 and within(b0, b1, a0))
        or (s4 == 0 and within(b0, b1, a1))
    )


def leader_line(box: Box, circle: Circle) -> Line | None:
    """The leader line drawn from a circle's centre to the nearest point of its label ``box``, or None
    when the label sits within 6 px of the circle (the widget draws no line then)."""
    cx, cy, r = circle
    nx, ny = nearest(box, cx, cy)
    return (cx, cy, nx, ny) if math.hypot(nx - cx, ny - cy) > r + 6 else None


def box_gap(box: Box, circle: Circle) -> float:
    """Distance from a circle's edge to box ``box`` (negative: the box reaches into the circle)."""
    cx, cy, r = circle
    dx = max(box[0] - cx, 0.0, cx - box[2])
    dy = max(box[1] - cy, 0.0, cy - box[3])
    return math.hypot(dx, dy) - r


def ambiguity(box: Box, i: int, circles: Sequence[Circle]) -> float:
    """How much closer (px, edge to box) the label ``box`` is to another circle than to its own, circle i."""

    own = box_gap(box, circles[i])
    if own <= 4:
        return 0.0
    other = min((box_gap(box, c) for j, c in enumerate(circles) if j != i), default=math.inf)
    return max(0.0, own - max(other, 0.0))


# ---------------------------------------------------------------------------------- the label solver


def label_candidates(
    cx: float, cy: float, r: float, lw: float, lh: float, rings: int = RINGS
) -> list[tuple[Box, float]]:
    """Spots for a ``lw`` × ``lh`` label around a circle, on ``rings`` widening rings, with a preference cost."""
    out: list[tuple[Box, float]] = []
    for k in range(rings):
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


def slide_inside(b: Box, bounds: Box) -> Box:
    """Box ``b`` moved the least distance to lie inside ``bounds`` (where it is small enough to)."""
    dx = bounds[0] - b[0] if b[0] < bounds[0] else min(0.0, bounds[2] - b[2])
    dy = bounds[1] - b[1] if b[1] < bounds[1] else min(0.0, bounds[3] - b[3])
    return (b[0] + dx, b[1] + dy, b[2] + dx, b[3] + dy)


def label_conflicts(
    boxes: Sequence[Box], circles: Sequence[Circle], bounds: Box, leader_ok: Collection[int] = ()
) -> set[int]:
    """The labels in conflict: outside ``bounds``, over another label, over the middle of another
    circle, or nearer another circle than their own (except the labels in ``leader_ok``: a leader
    line ties those to their marks)."""
    n = len(boxes)
    conflicts = {i for i, b in enumerate(boxes) if box_overlap(b, bounds) < box_area(b) - 0.5}
    for i in range(n):
        for j in range(i + 1, n):
            if box_overlap(boxes[i], boxes[j]) > 0:
                conflicts |= {i, j}
    for i, b in enumerate(boxes):  # a label that reads as another circle's
        if i not in leader_ok and ambiguity(b, i, circles) > 3:
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
    leader_ok: Collection[int] = (),
) -> tuple[list[Box], set[int]]:
    """Place one ``sizes[i]`` label per circle: greedy in crowding order, then rounds of local improvement.

    Costs: leaving ``bounds`` or covering another label (heavy), covering another circle's centre, a
    leader line crossing a circle or label, covering circles, covering ``soft`` boxes (quadrant hints),
    and the leader's length.  A few greedy orders are tried (most crowded first, its reverse, and
    ``restarts`` shuffles seeded by the number of circles, so the result is deterministic); the
    cheapest wins.  Labels in ``leader_ok`` may go further from their marks (:data:`FAR_RINGS` rings
    instead of :data:`RINGS`), joined to them by a leader line, and are not held to reading as their
    nearest circle's.  Returns the boxes and the labels still in conflict (see :func:`label_conflicts`).
    """
    boxes, _shapes, conflicts = place_label_shapes(
        circles, [[s] for s in sizes], bounds, soft, restarts, leader_ok
    )
    return boxes, conflicts


def score_spots(
    i: int,
    circles: Sequence[Circle],
    lw: float,
    lh: float,
    far: bool,
    bounds: Box,
    soft: Sequence[Box],
    cache: dict | None = None,
) -> list[tuple[float, Box, Line | None]]:
    """The spots for a ``lw`` × ``lh`` label of circle i, each with its own cost (apart from other
    labels) and its leader line (None when the label sits close).  ``far``: on :data:`FAR_RINGS`
    rings, ambiguity costing less (a leader line ties the label to its mark)."""
    key = (i, lw, lh, far)
    if cache is not None and key in cache:
        return cache[key]
    cx, cy, r = circles[i]
    spots = label_candidates(cx, cy, r, lw, lh, FAR_RINGS if far else RINGS)
    pref = np.array([p for _b, p in spots])
    raw = np.array([b for b, _p in spots])  # (K, 4)
    # Slid inside the bounds, unless that puts it over its own circle.
    x0, y0, x1, y1 = raw.T
    dx = np.where(x0 < bounds[0], bounds[0] - x0, np.minimum(0.0, bounds[2] - x1))
    dy = np.where(y0 < bounds[1], bounds[1] - y0, np.minimum(0.0, bounds[3] - y1))
    slid = raw + np.stack([dx, dy, dx, dy], axis=1)
    sx0, sy0, sx1, sy1 = slid.T
    own = np.hypot(np.clip(cx, sx0, sx1) - cx, np.clip(cy, sy0, sy1) - cy)
    boxes = np.where((own < r + 2)[:, None], raw, slid)
    x0, y0, x1, y1 = boxes.T

    def overlap(bx0: float, by0: float, bx1: float, by1: float) -> np.ndarray:
        w = np.minimum(x1, bx1) - np.maximum(x0, bx0)
        h = np.minimum(y1, by1) - np.maximum(y0, by0)
        return np.clip(w, 0.0, None) * np.clip(h, 0.0, None)

    cost = pref + W_OUTSIDE * (lw * lh - overlap(*bounds))
    others = [(j, c) for j, c in enumerate(circles) if j != i]
    for _j, (ox, oy, orad) in others:
        cost += W_CIRCLE * overlap(ox - orad + 2, oy - orad + 2, ox + orad - 2, oy + orad - 2)
        cost += W_CENTRE * ((x0 - 3 < ox) & (ox < x1 + 3) & (y0 - 3 < oy) & (oy < y1 + 3))
    for b in soft:
        cost += W_HINT * overlap(*b)
    nx, ny = np.clip(cx, x0, x1), np.clip(cy, y0, y1)
    leader = np.hypot(nx - cx, ny - cy) - r
    cost += W_LEADER * np.clip(leader, 0.0, None)

    def gap(c: Circle) -> np.ndarray:
        gx = np.maximum(np.maximum(x0 - c[0], 0.0), c[0] - x1)
        gy = np.maximum(np.maximum(y0 - c[1], 0.0), c[1] - y1)
        return np.hypot(gx, gy) - c[2]

    mine = gap(circles[i])
    nearest_other = np.min([gap(c) for _j, c in others], axis=0) if others else np.full(len(pref), np.inf)
    amb = np.where(mine <= 4, 0.0, np.clip(mine - np.clip(nearest_other, 0.0, None), 0.0, None))
    # a label with a leader line may read as another mark's, but better not
    cost += (W_AMBIGUOUS / 4 if far else W_AMBIGUOUS) * amb
    has_leader = leader > 6
    ldx, ldy = nx - cx, ny - cy
    length2 = ldx * ldx + ldy * ldy
    for _j, (ox, oy, orad) in others:
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.where(length2 == 0, 0.0, np.clip(((ox - cx) * ldx + (oy - cy) * ldy) / length2, 0.0, 1.0))
        hits = np.hypot(cx + t * ldx - ox, cy + t * ldy - oy) < orad
        cost += W_CROSS * (has_leader & hits)
    out: list[tuple[float, Box, Line | None]] = [
        (
            float(c),
            (float(b[0]), float(b[1]), float(b[2]), float(b[3])),
            (cx, cy, float(px), float(py)) if lead else None,
        )
        for c, b, lead, px, py in zip(
            cost.tolist(), boxes.tolist(), has_leader.tolist(), nx.tolist(), ny.tolist(), strict=True
        )
    ]
    if cache is not None:
        cache[key] = out
    return out


def place_label_shapes(
    circles: Sequence[Circle],
    shapes: Sequence[Sequence[tuple[float, float]]],
    bounds: Box,
    soft: Sequence[Box] = (),
    restarts: int = 2,
    leader_ok: Collection[int] = (),
    cache: dict | None = None,
) -> tuple[list[Box], list[int], set[int]]:
    """:func:`place_labels` where each label may take one of several sizes (its wordings, most
    detailed first, each step shorter costing :data:`W_SHORTER`).  Returns the boxes, the size
    chosen for each (an index into its ``shapes``) and the labels still in conflict.  ``cache``
    (a dict) keeps the spots' own costs between calls with the same circles, bounds and soft boxes.
    """
    n = len(circles)
    if n == 0:
        return [], [], set()
    cands: list[list[tuple[float, Box, Line | None, int]]] = []
    for i in range(n):
        far = i in leader_ok
        scored = [
            (cost + W_SHORTER * step, box, seg, step)
            for step, (lw, lh) in enumerate(shapes[i])
            for cost, box, seg in score_spots(i, circles, lw, lh, far, bounds, soft, cache)
        ]
        scored.sort(key=lambda t: t[0])
        cands.append(scored)

    memo: dict[tuple[int, int, int, int], float] = {}

    def pair(i: int, k: int, j: int, kj: int) -> float:
        """Cost of label i at candidate k next to label j at candidate kj (symmetric, memoised)."""
        key = (i, k, j, kj) if i < j else (j, kj, i, k)
        cost = memo.get(key)
        if cost is None:
            _c, box, seg, _s = cands[i][k]
            _c, obox, oseg, _s = cands[j][kj]
            cost = W_LABEL * box_overlap(box, obox)
            if seg is not None and segment_hits_box(*seg, obox):
                cost += W_CROSS
            if oseg is not None and segment_hits_box(*oseg, box):
                cost += W_CROSS
            memo[key] = cost
        return cost

    def best_for(i: int, placed: list[int], choice: list[int]) -> int:
        best, best_k = math.inf, 0
        for k, (static, _box, _seg, _step) in enumerate(cands[i]):
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
    steps = [cands[i][best_choice[i]][3] for i in range(n)]
    return boxes, steps, label_conflicts(boxes, circles, bounds, leader_ok)


def tangles(boxes: Sequence[Box], circles: Sequence[Circle]) -> tuple[int, int]:
    """How tangled the labels read: (faults of leader lines, labels misread).

    A leader line's faults: crossing another leader line, passing over another circle or through
    another label.  A label is misread when it sits more than 3 px nearer another circle than its
    own (see :func:`ambiguity`), leader line or not: a reader takes it for that circle's.
    """
    lines = [leader_line(b, c) for b, c in zip(boxes, circles, strict=True)]
    faults = 0
    for i, line in enumerate(lines):
        if line is None:
            continue
        faults += sum(1 for j, c in enumerate(circles) if j != i and segment_hits_circle(*line, *c))
        faults += sum(1 for j, b in enumerate(boxes) if j != i and segment_hits_box(*line, b))
        faults += sum(1 for other in lines[i + 1 :] if other is not None and segments_cross(line, other))
    misread = sum(1 for i, b in enumerate(boxes) if ambiguity(b, i, circles) > 3)
    return faults, misread


def reanchored(box: Box, w: float, h: float, bounds: Box) -> list[Box]:
    """A ``w`` × ``h`` box in the spot of ``box``: flush with each of its corners in turn (and centred
    on it), slid inside ``bounds``; without repeats, in that order."""
    x0, y0, x1, y1 = box
    mx, my = (x0 + x1 - w) / 2, (y0 + y1 - h) / 2
    out: list[Box] = []
    for x, y in ((x0, y0), (x1 - w, y0), (x0, y1 - h), (x1 - w, y1 - h), (mx, my)):
        b = slide_inside((x, y, x + w, y + h), bounds)
        if b not in out:
            out.append(b)
    return out


def untangle_labels(
    boxes: Sequence[Box], circles: Sequence[Circle], bounds: Box, leader_ok: Collection[int] = ()
) -> list[Box]:
    """Swap the spots of labels that read as each other's mark: a cheap pass after the solver.

    For each pair of labels whose leader lines cross, or where each sits nearer the other's circle
    than its own, each label is tried in the other's spot (flush with the same corner, or centred,
    and kept inside ``bounds``: see :func:`reanchored`).  A swap is kept when it leaves fewer leader
    faults and misread labels (:func:`tangles`), no more leader faults, no label in a conflict it was
    not already in (:func:`label_conflicts`), no more label area over other labels or circles, and
    gives no leader line to a label outside ``leader_ok``.  The best swap is made, then the next,
    until none helps (each lowers the count, so a few rounds at most).  A label brought within 6 px of
    its own circle needs no leader line any more: the widget draws none.  Deterministic.
    """
    n = len(boxes)
    boxes = list(boxes)
    sizes = [(b[2] - b[0], b[3] - b[1]) for b in boxes]

    def covered(bs: Sequence[Box]) -> float:
        area = sum(box_overlap(a, b) for a, b in itertools.combinations(bs, 2))
        for i, b in enumerate(bs):
            for j, (ox, oy, orad) in enumerate(circles):
                if j != i:
                    area += box_overlap(b, (ox - orad + 2, oy - orad + 2, ox + orad - 2, oy + orad - 2))
        return area

    def leader_length(bs: Sequence[Box]) -> float:
        return sum(
            max(0.0, math.dist(nearest(b, c[0], c[1]), c[:2]) - c[2])
            for b, c in zip(bs, circles, strict=True)
        )

    def spots(k: int) -> list[Box]:
        """Label k's own spots around its circle (as the solver has them), inside ``bounds``."""
        cx, cy, r = circles[k]
        rings = FAR_RINGS if k in leader_ok else RINGS
        return [slide_inside(b, bounds) for b, _p in label_candidates(cx, cy, r, *sizes[k], rings)]

    for _ in range(n * n):
        faults, misread = tangles(boxes, circles)
        if faults + misread == 0:
            break
        conflicts = label_conflicts(boxes, circles, bounds, leader_ok)
        cover = covered(boxes)
        lines = [leader_line(b, c) for b, c in zip(boxes, circles, strict=True)]
        best: tuple[tuple[int, bool, float], list[Box]] | None = None
        for i, j in itertools.combinations(range(n), 2):
            li, lj = lines[i], lines[j]
            crossed = li is not None and lj is not None and segments_cross(li, lj)
            swapped = box_gap(boxes[i], circles[j]) < box_gap(boxes[i], circles[i]) and box_gap(
                boxes[j], circles[i]
            ) < box_gap(boxes[j], circles[j])
            if not (crossed or swapped):
                continue
            moves = [
                {i: bi, j: bj}
                for bi in reanchored(boxes[j], *sizes[i], bounds)
                for bj in reanchored(boxes[i], *sizes[j], bounds)
            ]
            moves += [{k: sb} for k in (i, j) for sb in spots(k)]
            for move in moves:
                trial = list(boxes)
                for k, bk in move.items():
                    trial[k] = bk
                if any(
                    k not in leader_ok and lines[k] is None and leader_line(trial[k], circles[k]) is not None
                    for k in move
                ):
                    continue
                t_faults, t_misread = tangles(trial, circles)
                if t_faults > faults or t_faults + t_misread >= faults + misread:
                    continue
                if not label_conflicts(trial, circles, bounds, leader_ok) <= conflicts:
                    continue
                if covered(trial) > cover + 1e-6:
                    continue
                key = (t_faults + t_misread, len(move) == 1, leader_length(trial))
                if best is None or key < best[0]:
                    best = (key, trial)
        if best is None:
            break
        boxes = best[1]
    return boxes


def shorten_misread(
    boxes: Sequence[Box],
    circles: Sequence[Circle],
    shorter: Sequence[Sequence[tuple[float, float]]],
    bounds: Box,
    leader_ok: Collection[int] = (),
) -> tuple[list[Box], list[int]]:
    """Give labels that read as another mark's a shorter wording beside their own: a pass after
    :func:`untangle_labels`.

    ``shorter[i]``: the sizes of label i's shorter allowed wordings, most detailed first.  Each label
    misread (more than 3 px nearer another circle than its own: see :func:`ambiguity`) is tried in
    each shorter wording at each of its own spots (:func:`label_candidates`, slid inside ``bounds``).
    A change is kept when that label is no longer misread, the labels read better as a whole (fewer
    leader faults and misread labels, no more leader faults: :func:`tangles`), it makes no new
    conflict (:func:`label_conflicts`), overlaps no other label, and covers no more of other circles
    than before.  The best change (least tangled, least shortened, shortest leader) is made, then the
    next, until none helps.  Returns the boxes and, per label, how many wordings shorter it now is
    (0: unchanged).  Deterministic.
    """
    n = len(boxes)
    boxes = list(boxes)
    steps = [0] * n

    def cover(b: Box, i: int) -> float:
        return sum(
            box_overlap(b, (ox - orad + 2, oy - orad + 2, ox + orad - 2, oy + orad - 2))
            for j, (ox, oy, orad) in enumerate(circles)
            if j != i
        )

    for _ in range(n):
        faults, misread = tangles(boxes, circles)
        if misread == 0:
            break
        conflicts = label_conflicts(boxes, circles, bounds, leader_ok)
        best: tuple[tuple[int, int, float, float], int, int, Box] | None = None
        for i in range(n):
            if ambiguity(boxes[i], i, circles) <= 3:
                continue
            cx, cy, r = circles[i]
            was = cover(boxes[i], i)
            for step in range(steps[i] + 1, len(shorter[i]) + 1):
                lw, lh = shorter[i][step - 1]
                rings = FAR_RINGS if i in leader_ok else RINGS
                for raw, pref in label_candidates(cx, cy, r, lw, lh, rings):
                    b = slide_inside(raw, bounds)
                    if box_gap(b, circles[i]) < 2 or ambiguity(b, i, circles) > 3:
                        continue
                    if any(j != i and box_overlap(b, o) > 0 for j, o in enumerate(boxes)):
                        continue
                    if cover(b, i) > was + 1e-6:
                        continue
                    trial = list(boxes)
                    trial[i] = b
                    t_faults, t_misread = tangles(trial, circles)
                    if t_faults > faults or t_faults + t_misread >= faults + misread:
                        continue
                    if not label_conflicts(trial, circles, bounds, leader_ok) <= conflicts:
                        continue
                    key = (t_faults + t_misread, step, max(0.0, box_gap(b, circles[i])), pref)
                    if best is None or key < best[0]:
                        best = (key, i, step, b)
        if best is None:
            break
        _key, i, step, b = best
        boxes[i], steps[i] = b, step
    return boxes, steps


_EN_SPLIT = re.compile(r"\s*(?:&|,|/|;|\band\b)\s*")
_ZH_SPLIT = re.compile(r"[、，,与和及&/；;（(]")
SHORT_EN_MAX = 14  # characters: a longer first part of an English name is cut to its first word


def short_english(name: str) -> tuple[str, str]:
    """A short and a shortest form of an English industry name.

    The short form is the part before the first "&", ",", "/" or "and" ("IT & software development"
    → "IT"), cut to its first word when still long; the shortest is the first word.
    """
    name = " ".join(name.split())
    first = _EN_SPLIT.split(name, maxsplit=1)[0].strip() or name
    word = first.split(" ")[0].strip(".,;:-") or first
    return (first if len(first) <= SHORT_EN_MAX else word), word


def short_chinese(name: str) -> tuple[str, str]:
    """A short and a shortest form of a Chinese industry name.

    The short form is the part before the first "、", "与", "和" … ("信息技术与软件开发业" → "信息技术"),
    without a trailing 业 (industry) and at most four characters; the shortest its first two.
    """
    name = "".join(name.split())
    first = _ZH_SPLIT.split(name, maxsplit=1)[0] or name
    if len(first) > 2 and first.endswith("业"):
        first = first[:-1]
    first = first[:4]
    return first, first[:2]


ABBREV_LEN = 3  # letters an English word is cut to in the abbreviated wording ("Finance" → "Fin")


def chinese_names(chinese: bool | None = None) -> bool:
    """Whether the map names segments, scenarios and industries in the report's own Chinese:
    ``chinese`` when given, else whether the language (:func:`core.i18n.language`) is 简体中文."""
    return language() == "zh_CN" if chinese is None else chinese


def label_variants(
    seg: Segment, abbreviate: bool = False, chinese: bool | None = None
) -> list[tuple[str, ...]]:
    """A segment's label from most to least detailed, each in both languages when it has a Chinese name.

    Ref and English over Chinese; one line of ref, short English and short Chinese; one line of ref,
    first English word and two Chinese characters; the same on two lines, narrower (the ref over the
    names); with ``abbreviate``, one line of ref, the first English word cut to :data:`ABBREV_LEN`
    letters and two Chinese characters ("1.1.1 Fin 金融": still both languages, for where nothing
    longer fits; the tooltip has the names in full), and the same on two lines; and, the last
    resort, the bare ref.  Repeats are
    dropped ("1.1.1 Finance 金融" is both the short and the shortest form of Finance / 金融业).

    In Chinese (``chinese``, by default when the language is 简体中文, see :func:`chinese_names`) a
    segment with a Chinese name is labelled in the report's Chinese alone, which is short already:
    "1.3.2 零售电商业", "1.3.2 零售电商", "1.3.2 零售", the ref over "零售", the bare ref (the
    tooltip has both languages).
    """
    if seg.industry_zh and chinese_names(chinese):
        zh_short, zh_word = short_chinese(seg.industry_zh)
        zh_out: list[tuple[str, ...]] = []
        for v in (
            (f"{seg.ref} {seg.industry_zh}",),
            (f"{seg.ref} {zh_short}",),
            (f"{seg.ref} {zh_word}",),
            (seg.ref, zh_word),
            (seg.ref,),
        ):
            if v not in zh_out:
                zh_out.append(v)
        return zh_out
    en_short, en_word = short_english(seg.industry)
    full: tuple[str, ...] = (f"{seg.ref} {seg.industry}",)
    if seg.industry_zh:
        zh_short, zh_word = short_chinese(seg.industry_zh)
        full += (seg.industry_zh,)
        short = f"{seg.ref} {en_short} {zh_short}"
        shortest = f"{seg.ref} {en_word} {zh_word}"
    else:
        short, shortest = f"{seg.ref} {en_short}", f"{seg.ref} {en_word}"
    stacked = (seg.ref, shortest[len(seg.ref) + 1 :])  # the same, narrower: the ref over the names
    abbreviated = f"{seg.ref} {en_word[:ABBREV_LEN]} {zh_word}" if seg.industry_zh else shortest
    abbreviations = [(abbreviated,), (seg.ref, abbreviated[len(seg.ref) + 1 :])] if abbreviate else []
    out: list[tuple[str, ...]] = []
    for v in (full, (short,), (shortest,), stacked, *abbreviations, (seg.ref,)):
        if v not in out:
            out.append(v)
    return out


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
    reserve: Sequence[int] = (),
) -> list[tuple[tuple[str, ...], Box]]:
    """Choose each circle's label text (from its ``variants``, most detailed first) and place it.

    The last variant of each is the last resort (the bare ref, for :func:`label_variants`); every
    other one may be chosen, each step shorter costing a little (:data:`W_SHORTER`), so a label
    keeps its full wording where it has room and is shortened where it has not.  Variants too
    big for the plot's area altogether are not offered.  Labels still in conflict then go further
    from their marks, with leader lines, first those, then any label; only when that fails too
    does a label in conflict (the biggest first, one at a time) fall back to its last resort.
    Returns (lines, box) per circle.
    """
    n = len(circles)
    if n == 0:
        return []
    bounds = (plot[0] + 1, plot[1] + 1, plot[2] - 1, plot[3] - 1)
    sizes = [[label_size(v, measure) for v in vs] for vs in variants]
    last = [len(vs) - 1 for vs in variants]  # the last resort
    reserve = list(reserve) + [0] * (n - len(reserve))
    # the shortest named variant offered at first (the ``reserve`` shorter ones only where needed)
    floor = [max(0, last[i] - 1 - reserve[i]) for i in range(n)]
    room = box_area(bounds) - sum(4 * r * r for _x, _y, r in circles)
    start = 0
    while start < max(floor) and sum(
        box_area((0, 0, *sz[min(start, fl)])) for sz, fl in zip(sizes, floor, strict=True)
    ) > 0.8 * max(room, 0.0):
        start += 1  # hopeless at this level of detail
    offered = [list(range(min(start, fl), fl + 1)) for fl in floor]
    leader: set[int] = set()
    levels: list[int] = [0] * n
    cache: dict = {}

    def place(restarts: int = 2) -> tuple[list[Box], set[int]]:
        shapes = [[sizes[i][lv] for lv in offered[i]] for i in range(n)]
        boxes, steps, conflicts = place_label_shapes(circles, shapes, bounds, soft, restarts, leader, cache)
        levels[:] = [offered[i][k] for i, k in enumerate(steps)]
        return boxes, conflicts

    boxes, conflicts = place()
    for _ in range(2):
        if not conflicts or conflicts <= leader:
            break
        leader |= conflicts
        boxes, conflicts = place()
    if conflicts:  # any label free to take a leader line
        leader = set(range(n))
        boxes, conflicts = place(restarts=4)
    # Still in conflict: one label at a time (the biggest first; each frees room) is offered its
    # reserved wordings too and loses its most detailed one, step by step to its shortest named
    # wording, then, only if that fails too, to its last resort.
    while True:
        open_ = [i for i in conflicts if offered[i] != [last[i]]]
        if not open_:
            break
        i = max(open_, key=lambda i: (box_area(boxes[i]), -i))
        if offered[i][-1] < last[i] - 1:  # first offer the reserved wordings
            offered[i] = list(range(offered[i][0], last[i]))
        offered[i] = offered[i][1:] or [last[i]]  # then one wording shorter at a time
        boxes, conflicts = place()

    def tidy(boxes: list[Box]) -> list[Box]:
        """Untangle the leader lines, then shorten labels still misread (see :func:`shorten_misread`)."""
        boxes = untangle_labels(boxes, circles, bounds, leader)
        shorter_levels = [[lv for lv in offered[i] if lv > levels[i]] for i in range(n)]
        shorter = [[sizes[i][lv] for lv in lvs] for i, lvs in enumerate(shorter_levels)]
        boxes, steps = shorten_misread(boxes, circles, shorter, bounds, leader)
        levels[:] = [
            lvs[k - 1] if k else lv for lvs, k, lv in zip(shorter_levels, steps, levels, strict=True)
        ]
        return boxes

    boxes = tidy(boxes)
    # A label with a leader line that still reads as another mark's: placed again, everything with
    # it, without a leader line for that label (so beside its own mark, in whatever wording fits);
    # kept when that makes no new conflict and the labels read better.
    for _ in range(n):
        faults, misread = tangles(boxes, circles)
        worst = sorted(
            (i for i in leader if ambiguity(boxes[i], i, circles) > 3),
            key=lambda i: (-ambiguity(boxes[i], i, circles), i),
        )
        for i in worst:
            kept = (boxes, set(leader), list(levels), list(offered[i]))
            leader.discard(i)
            offered[i] = list(range(offered[i][0], max(offered[i][-1] + 1, last[i])))
            trial, trial_conflicts = place()
            trial = tidy(trial)
            t_faults, t_misread = tangles(trial, circles)
            if (
                trial_conflicts <= conflicts
                and t_faults <= faults
                and t_faults + t_misread < faults + misread
            ):
                boxes, conflicts = trial, trial_conflicts
                break
            boxes, leader, levels[:], offered[i] = kept
        else:
            break
    return [(tuple(vs[lv]), box) for vs, lv, box in zip(variants, levels, boxes, strict=True)]


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


def max_radius(plot: Box) -> float:
    """The radius of the biggest value's circle in ``plot``: about a tenth of its shorter side."""
    return max(12.0, min(MAX_RADIUS, min(plot[2] - plot[0], plot[3] - plot[1]) * 0.095))


def radius_for(value: float, v_max: float, r_max: float) -> float:
    """A circle's radius: area in proportion to ``value`` (``r_max`` at ``v_max``), at least :data:`MIN_RADIUS`."""
    return max(MIN_RADIUS, r_max * math.sqrt(max(0.0, value) / v_max)) if v_max > 0 else MIN_RADIUS


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
    r_max = max_radius(plot)
    v_max = max(values.get(s.ref, 0.0) for s in segments)
    for seg in segments:
        v = values.get(seg.ref, 0.0)
        r = radius_for(v, v_max, r_max)
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


@dataclass(frozen=True)
class SizeKey:
    """One reference circle of the size key: a round value drawn at the marks' scale."""

    center: tuple[float, float]
    radius: float
    value: float
    text: str  # the value as shown beside the circle ("10", "$1B")
    box: Box  # circle and text together
    tooltip: str


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
    x_title: str = X_TITLE  # the longest of X_TITLES (translated) that fits its box
    size_keys: list[SizeKey] = field(default_factory=list)  # left to right, small to big
    y_title: str = Y_TITLE  # translated

    def to_px(self, x: float, y: float) -> tuple[float, float]:
        """Data (difficulty, market) to pixels."""
        return to_px(x, y, self.plot, self.xrange, self.yrange)


def layout_legend(
    segments: Sequence[Segment], width: float, measure: Measure, chinese: bool | None = None
) -> tuple[list[LegendItem], float]:
    """Flow the scenario legend across the top in at most two rows if it can; returns it and its bottom.

    Tried in turn: English and Chinese names in report order, English in report order, English
    packed first-fit, English elided to half the width.  (Each item's tooltip has both names.)
    In Chinese (``chinese``, see :func:`chinese_names`) the report's Chinese names take the
    English ones' place (English where a scenario has none), and the tooltip puts them first.
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
    zh_first = chinese_names(chinese)
    if zh_first:
        scenarios = [(zh, s) if zh else (s, "") for s, zh in scenarios]
    names = [s for s, _other in scenarios]  # in the language shown
    both = [f"{s} {other}".strip() for s, other in scenarios]
    half = (room - LEGEND_GAP) / 2
    if zh_first:
        attempts = [(names, False, room), (names, True, room), (names, True, half)]
    else:
        attempts = [(both, False, room), (names, False, room), (names, True, room), (names, True, half)]
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
    for hint, corner in QUADRANT_HINTS:
        text = translate("segment_layout", hint)
        tw, th = measure(text)
        tw += 2
        rx = x0 if corner.endswith("left") else x1 - tw
        ry = y0 if corner.startswith("top") else y1 - th
        hints.append(Hint((rx, ry, rx + tw, ry + th), text, corner))
    return hints


def round_values(v_max: float) -> list[float]:
    """The round values (1, 2, 5 × 10ⁿ, at least 1) up to ``v_max``, ascending."""
    if not v_max >= 1:
        return []
    out: list[float] = []
    for k in range(int(math.floor(math.log10(v_max))) + 1):
        out += [m * 10.0**k for m in (1, 2, 5) if m * 10.0**k <= v_max]
    return out


def short_usd(value: float) -> str:
    """A round dollar figure, short: "$1B", "$500M", "$20K", "$5"."""
    for divisor, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if value >= divisor:
            return f"${value / divisor:g}{suffix}"
    return f"${value:g}"


def size_key_values(v_max: float, r_max: float, cap: float) -> list[tuple[float, float]]:
    """Up to two round values and their radii for the size key, small first.

    Each is drawn at the marks' true scale (``r_max`` at ``v_max``), no bigger than ``cap`` and no
    smaller than :data:`MIN_RADIUS` (below it every circle is drawn the same); the bigger is the
    largest that fits, the smaller the largest at most half of it.
    """
    if v_max <= 0:
        return []

    def true_r(v: float) -> float:
        return r_max * math.sqrt(v / v_max)

    fits = [v for v in round_values(v_max) if MIN_RADIUS - 1e-9 <= true_r(v) <= cap + 1e-9]
    if not fits:
        return []
    big = fits[-1]
    smaller = [v for v in fits if v <= big / 2]
    return [(v, true_r(v)) for v in ([smaller[-1], big] if smaller else [big])]


def layout_size_key(
    values: Mapping[str, float],
    mode: str,
    r_max: float,
    right: float,
    mid_y: float,
    cap: float,
    measure: Measure,
) -> list[SizeKey]:
    """The size key's circles and values, in a row ending at ``right``, centred on ``mid_y``."""
    pairs = size_key_values(max(values.values(), default=0.0), r_max, cap)
    texts = [short_usd(v) if mode == "funding" else f"{v:g}" for v, _r in pairs]
    widths = [2 * r + 3 + measure(t)[0] for (_v, r), t in zip(pairs, texts, strict=True)]
    x = right - sum(widths) - 6 * max(0, len(widths) - 1)
    keys = []
    for (v, r), text, w in zip(pairs, texts, widths, strict=True):
        th = measure(text)[1]
        what = (
            translate("segment_layout", "{amount} of disclosed funding").format(amount=text)
            if mode == "funding"
            else translate("segment_layout", "{count} companies named").format(count=text)
        )
        tip = translate(
            "segment_layout",
            "A circle this size: {what} (area in proportion; no mark is drawn smaller than the smallest).",
        ).format(what=what)
        box = (x, min(mid_y - r, mid_y - th / 2), x + w, max(mid_y + r, mid_y + th / 2))
        keys.append(SizeKey((x + r, mid_y), r, v, text, box, tip))
        x += w + 6
    return keys


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
    # The size key sits left of the control; the x-axis title takes the longest wording that fits
    # left of both, centred under the plot when it fits there, else in the whole row.
    mid_y = height - MARGIN - bottom_row / 2
    key_right = cx - (8 if cw > 0 else 0)
    size_keys = layout_size_key(values, mode, max_radius(plot), key_right, mid_y, bottom_row / 2 + 2, measure)
    title_right = (size_keys[0].box[0] if size_keys else key_right) - 10
    x_titles = [translate("segment_layout", t) for t in X_TITLES]
    x_title = next((t for t in x_titles if measure(t)[0] + 4 <= title_right - MARGIN), x_titles[-1])
    title_w = measure(x_title)[0] + 4
    title_left = max(MARGIN, min(left + (right - left - title_w) / 2, title_right - title_w))
    x_title_box = (title_left, height - MARGIN - bottom_row, max(title_left, title_right), height - MARGIN)

    xrange, yrange = axis_ranges(segments)
    hints = layout_hints(plot, measure)
    marks = layout_marks(segments, values, plot, xrange, yrange)
    ms = list(marks.values())
    variants = [label_variants(m.seg, abbreviate=True) for m in ms]
    reserve = [len(v) - len(label_variants(m.seg)) for v, m in zip(variants, ms, strict=True)]
    placed = fit_labels([m.circle for m in ms], variants, plot, measure, [h.box for h in hints], reserve)
    for m, (lines, box) in zip(ms, placed, strict=True):
        m.label_lines, m.label_box = lines, box
    return MapLayout(
        width,
        height,
        plot,
        xrange,
        yrange,
        legend,
        hints,
        x_title_box,
        control_box,
        marks,
        x_title,
        size_keys,
        translate("segment_layout", Y_TITLE),
    )


def passing_counts(segment_refs: Sequence[str], member: np.ndarray, mask: np.ndarray) -> dict[str, int]:
    """How many of each segment's companies pass the filters: rows of ``mask`` (bool, one per row of
    the table) that are members of the segment (``member``: bool, rows × ``segment_refs``)."""
    member = np.asarray(member, dtype=bool)
    mask = np.asarray(mask, dtype=bool)
    if member.ndim != 2 or member.shape != (len(mask), len(segment_refs)):
        raise ValueError(f"member is {member.shape}, expected ({len(mask)}, {len(segment_refs)})")
    return dict(zip(segment_refs, member[mask].sum(axis=0).astype(int).tolist(), strict=True))
