"""The segment map's layout without Qt: geometry helpers, the label solver, the marks and the whole map."""

from __future__ import annotations

import itertools
import math
import re

import numpy as np
import pytest

from core import segment_layout as sl
from core.ingest import load_dataset
from core.models import Segment

# Made-up funding per segment: the biggest sits on a segment that names few companies; one has none.
FUNDING = {
    "1.1.1": 1.23e9,
    "1.1.2": 252.0e6,
    "1.2.1": 40e6,
    "1.2.2": 8e6,
    "1.2.3": 0.0,
    "1.3.1": 15e6,
    "1.3.2": 3.4e9,
    "1.4.1": 900e6,
    "1.4.2": 120e6,
}


def measure(text: str) -> tuple[float, float]:
    """A fixed-width stand-in for font metrics: 6.5 px a Latin character, 12 px a CJK one, 14 px a line."""
    return sum(12.0 if ord(ch) >= 0x2E80 else 6.5 for ch in text), 14.0


def seg(ref: str, market: int = 3, logic: int = 3, compute: int = 3, corpus: int = 3, **kw) -> Segment:
    fields = {
        "scenario": "Scenario",
        "scenario_zh": "场景",
        "industry": f"Industry {ref}",
        "industry_zh": "行业",
    }
    fields.update(kw)
    return Segment(ref=ref, market=market, logic=logic, compute=compute, corpus=corpus, **fields)


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


@pytest.fixture(scope="module")
def counts(dataset) -> dict[str, int]:
    out = {s.ref: 0 for s in dataset.segments}
    for ref, _company in {(m.segment, m.company_id) for m in dataset.mentions}:
        out[ref] += 1
    return out


def inside(inner: sl.Box, outer: sl.Box, tol: float = 1e-6) -> bool:
    return (
        inner[0] >= outer[0] - tol
        and inner[1] >= outer[1] - tol
        and inner[2] <= outer[2] + tol
        and inner[3] <= outer[3] + tol
    )


def contains_point(b: sl.Box, x: float, y: float) -> bool:
    return b[0] <= x <= b[2] and b[1] <= y <= b[3]


def assert_marks_sound(lay: sl.MapLayout) -> None:
    """Every circle inside the plot; no two circles overlap."""
    for ref, m in lay.marks.items():
        assert inside(m.bounds, lay.plot), ref
    for a, b in itertools.combinations(lay.marks.values(), 2):
        assert math.dist(a.center, b.center) >= a.radius + b.radius - 0.01, (a.ref, b.ref)


def assert_labels_sound(lay: sl.MapLayout) -> None:
    """Every label inside the plot, over no other label, and over no other mark's centre."""
    marks = list(lay.marks.values())
    for m in marks:
        assert m.label_box is not None and m.label_lines
        assert inside(m.label_box, lay.plot), m.ref
        for o in marks:
            assert o is m or not contains_point(m.label_box, *o.center), (m.ref, o.ref)
    for a, b in itertools.combinations(marks, 2):
        assert sl.box_overlap(a.label_box, b.label_box) == 0, (a.ref, b.ref)


# ---------------------------------------------------------------------------------- geometry


def test_box_overlap():
    assert sl.box_overlap((0, 0, 10, 10), (5, 5, 20, 20)) == 25
    assert sl.box_overlap((0, 0, 10, 10), (2, 3, 4, 5)) == 4  # nested
    assert sl.box_overlap((0, 0, 10, 10), (10, 0, 20, 10)) == 0  # touching edges share no area
    assert sl.box_overlap((0, 0, 10, 10), (20, 20, 30, 30)) == 0
    assert sl.box_area((0, 0, 4, 3)) == 12 and sl.box_area((5, 5, 1, 1)) == 0


def test_nearest_point_of_a_box():
    assert sl.nearest((0, 0, 10, 10), 5, 5) == (5, 5)
    assert sl.nearest((0, 0, 10, 10), -3, 20) == (0, 10)
    assert sl.nearest((0, 0, 10, 10), 15, 4) == (10, 4)


def test_segment_hits_circle():
    assert sl.segment_hits_circle(0, 0, 10, 0, 5, 1, 2)  # passes 1 px from the centre
    assert not sl.segment_hits_circle(0, 0, 10, 0, 5, 3, 2)
    assert not sl.segment_hits_circle(0, 0, 10, 0, 14, 0, 3)  # beyond the end
    assert sl.segment_hits_circle(3, 3, 3, 3, 3, 4, 2)  # a point inside


def test_segment_hits_box():
    box = (10, 10, 20, 20)
    assert sl.segment_hits_box(0, 0, 30, 30, box)  # diagonal through
    assert sl.segment_hits_box(15, 0, 15, 12, box)  # ends inside
    assert not sl.segment_hits_box(0, 30, 30, 25, box)  # passes below
    assert not sl.segment_hits_box(0, 15, 9, 15, box)  # stops short
    assert not sl.segment_hits_box(0, 0, 30, 5, box)  # horizontal-ish, above
    assert not sl.segment_hits_box(25, 0, 25, 30, box)  # vertical, to the right


def test_ambiguity_measures_how_much_nearer_another_circle_is():
    circles = [(0.0, 0.0, 5.0), (100.0, 0.0, 5.0)]
    near_own = (8, -5, 30, 5)
    near_other = (70, -5, 92, 5)
    assert sl.ambiguity(near_own, 0, circles) == 0
    assert sl.ambiguity(near_other, 0, circles) == pytest.approx((70 - 5) - (8 - 5))


def test_label_candidates_sit_around_the_circle():
    cx, cy, r, lw, lh = 100.0, 80.0, 10.0, 40.0, 14.0
    cands = sl.label_candidates(cx, cy, r, lw, lh)
    assert len(cands) == sl.RINGS * 16
    for box, pref in cands:
        assert box[2] - box[0] == pytest.approx(lw) and box[3] - box[1] == pytest.approx(lh)
        nx, ny = sl.nearest(box, cx, cy)
        assert math.hypot(nx - cx, ny - cy) >= r + 2 - 1e-9  # never over its own circle
        assert pref >= 0
    assert cands[0][1] == 0  # the first choice: right of the circle, centred on it
    assert cands[0][0] == (cx + r + 2, cy - lh / 2, cx + r + 2 + lw, cy + lh / 2)


# ---------------------------------------------------------------------------------- the label solver


def test_place_labels_with_room_overlap_nothing():
    bounds = (0.0, 0.0, 500.0, 400.0)
    circles = [
        (100.0, 100.0, 15.0),
        (160.0, 110.0, 12.0),
        (300.0, 250.0, 20.0),
        (330.0, 200.0, 8.0),
        (250, 80, 10),
    ]
    sizes = [(70.0, 30.0), (90.0, 16.0), (60.0, 30.0), (80.0, 16.0), (50, 16)]
    boxes, conflicts = sl.place_labels(circles, sizes, bounds)
    assert conflicts == set()
    for box, (lw, lh) in zip(boxes, sizes, strict=True):
        assert box[2] - box[0] == pytest.approx(lw) and box[3] - box[1] == pytest.approx(lh)
        assert inside(box, bounds)
        for cx, cy, r in circles:  # over no circle at all
            nx, ny = sl.nearest(box, cx, cy)
            assert math.hypot(nx - cx, ny - cy) >= r
    for a, b in itertools.combinations(boxes, 2):
        assert sl.box_overlap(a, b) == 0


def test_place_labels_keeps_labels_inside_near_the_edge():
    bounds = (0.0, 0.0, 300.0, 200.0)
    circles = [(12.0, 12.0, 10.0), (288.0, 12.0, 10.0), (12.0, 188.0, 10.0), (288.0, 188.0, 10.0)]
    boxes, conflicts = sl.place_labels(circles, [(80.0, 16.0)] * 4, bounds)
    assert conflicts == set()
    assert all(inside(b, bounds) for b in boxes)


def test_place_labels_avoids_soft_boxes_when_it_can():
    bounds = (0.0, 0.0, 400.0, 300.0)
    circle = (200.0, 150.0, 10.0)
    free, _ = sl.place_labels([circle], [(60.0, 16.0)], bounds)
    hint = free[0]  # a soft box exactly where the label would go
    boxes, conflicts = sl.place_labels([circle], [(60.0, 16.0)], bounds, soft=[hint])
    assert conflicts == set() and sl.box_overlap(boxes[0], hint) == 0


def test_place_labels_is_deterministic():
    bounds = (0.0, 0.0, 260.0, 180.0)
    circles = [(60 + 25 * (i % 5), 50 + 30 * (i // 5), 9.0) for i in range(10)]
    sizes = [(50.0 + 3 * i, 16.0) for i in range(10)]
    first = sl.place_labels(circles, sizes, bounds)
    for _ in range(3):
        assert sl.place_labels(circles, sizes, bounds) == first


def test_place_labels_reports_what_cannot_fit():
    bounds = (0.0, 0.0, 60.0, 40.0)
    circles = [(30.0, 20.0, 8.0), (40.0, 20.0, 8.0)]
    boxes, conflicts = sl.place_labels(circles, [(200.0, 16.0), (200.0, 16.0)], bounds)
    assert conflicts == {0, 1}  # wider than the plot: outside it, whatever the spot
    assert sl.label_conflicts(boxes, circles, bounds) == conflicts
    assert sl.place_labels([], [], bounds) == ([], set())


def test_label_conflicts_names_each_kind():
    bounds = (0.0, 0.0, 200.0, 200.0)
    circles = [(50.0, 50.0, 10.0), (150.0, 150.0, 10.0)]
    assert sl.label_conflicts([(62, 44, 100, 56), (162, 144, 190, 156)], circles, bounds) == set()
    assert sl.label_conflicts([(62, 44, 100, 56), (190, 144, 230, 156)], circles, bounds) == {1}  # outside
    assert sl.label_conflicts([(62, 44, 100, 56), (90, 50, 140, 60)], circles, bounds) == {0, 1}  # overlap
    assert 0 in sl.label_conflicts([(140, 140, 170, 160), (162, 100, 190, 110)], circles, bounds)  # hides 1
    assert 0 in sl.label_conflicts(
        [(120, 120, 135, 130), (162, 144, 190, 156)], circles, bounds
    )  # reads as 1's


def test_fit_labels_shortens_only_when_crowded():
    segments = [
        seg(f"1.{i}", industry=f"Long industry name {i}", industry_zh="很长的行业名称") for i in range(1, 7)
    ]
    variants = [sl.label_variants(s) for s in segments]
    assert variants[0] == [
        ("1.1 Long industry name 1", "很长的行业名称"),
        ("1.1 Long 很长的行",),  # shortened in both languages, never to one of them
        ("1.1 Long 很长",),
        ("1.1", "Long 很长"),  # the same, narrower
        ("1.1",),
    ]
    spread = [(80.0 + 150 * (i % 3), 80.0 + 200 * (i // 3), 8.0) for i in range(6)]
    roomy = sl.fit_labels(spread, variants, (0.0, 0.0, 600.0, 400.0), measure)
    assert [lines for lines, _box in roomy] == [v[0] for v in variants]
    tight = [(60.0 + 30 * (i % 3), 50.0 + 30 * (i // 3), 8.0) for i in range(6)]
    cramped = sl.fit_labels(tight, variants, (0.0, 0.0, 180.0, 120.0), measure)
    assert any(len(lines) == 1 for lines, _box in cramped)
    assert all(lines in v for (lines, _box), v in zip(cramped, variants, strict=True))
    assert sl.fit_labels([], [], (0.0, 0.0, 10.0, 10.0), measure) == []


def test_label_variants_without_chinese():
    assert sl.label_variants(seg("2.1", industry="Law", industry_zh="")) == [
        ("2.1 Law",),
        ("2.1", "Law"),
        ("2.1",),
    ]
    assert sl.label_variants(seg("2.2", industry="Legal & compliance services", industry_zh="")) == [
        ("2.2 Legal & compliance services",),
        ("2.2 Legal",),
        ("2.2", "Legal"),
        ("2.2",),
    ]


# ---------------------------------------------------------------------------------- the marks


def test_size_values():
    segments = [seg("1.1"), seg("1.2"), seg("1.3")]
    assert sl.size_values(segments, {"1.1": 4, "1.2": -1}, {}, "companies") == {
        "1.1": 4.0,
        "1.2": 0.0,
        "1.3": 0.0,
    }
    assert sl.size_values(segments, {}, {"1.1": 2e6, "1.3": -5.0}, "funding") == {
        "1.1": 2e6,
        "1.2": 0.0,
        "1.3": 0.0,
    }
    with pytest.raises(ValueError, match="size mode"):
        sl.size_values(segments, {}, {}, "headcount")


def test_axis_ranges_and_to_px():
    segments = [
        seg("1.1", market=2, logic=2, compute=2, corpus=2),
        seg("1.2", market=5, logic=5, compute=4, corpus=5),
    ]
    (x0, x1), (y0, y1) = sl.axis_ranges(segments)
    assert x0 < 2 < 14 / 3 < x1 and y0 < 2 < 5 < y1
    assert all(v * 4 == int(v * 4) for v in (x0, x1, y0, y1))  # quarter stars
    assert sl.axis_ranges([]) == ((1.0, 5.0), (1.0, 5.0))
    plot = (10.0, 20.0, 210.0, 120.0)
    assert sl.to_px(1.0, 1.0, plot, (1.0, 5.0), (1.0, 5.0)) == (10.0, 120.0)  # bottom left
    assert sl.to_px(5.0, 5.0, plot, (1.0, 5.0), (1.0, 5.0)) == (210.0, 20.0)  # top right


def test_marks_follow_difficulty_across_and_market_up(dataset, counts):
    lay = sl.layout_map(dataset.segments, counts, FUNDING, "companies", 600, 420, measure)
    assert list(lay.marks) == [s.ref for s in dataset.segments]
    for a, b in itertools.permutations(lay.marks.values(), 2):
        if a.seg.difficulty < b.seg.difficulty - 1e-9:
            assert a.anchor[0] < b.anchor[0], (a.ref, b.ref)
        if a.seg.market < b.seg.market:
            assert a.anchor[1] > b.anchor[1], (a.ref, b.ref)  # higher market is higher up (smaller y)
        if (round(a.seg.difficulty, 3), a.seg.market) == (round(b.seg.difficulty, 3), b.seg.market):
            assert a.anchor == pytest.approx(b.anchor) and a.center != b.center  # shared: spread apart
    for m in lay.marks.values():
        assert m.anchor == pytest.approx(lay.to_px(m.seg.difficulty, m.seg.market))


def test_bundled_segments_lay_out_cleanly(dataset, counts):
    for (w, h), mode in itertools.product(((420, 320), (600, 420), (900, 600)), sl.SIZE_MODES):
        lay = sl.layout_map(dataset.segments, counts, FUNDING, mode, w, h, measure, (110.0, 22.0))
        assert_marks_sound(lay)
        assert_labels_sound(lay)
        for m in lay.marks.values():
            assert sl.MIN_RADIUS <= m.radius <= sl.MAX_RADIUS
        assert inside(lay.plot, (0, 0, w, h)) and inside(lay.control_box, (0, 0, w, h))
        assert lay.plot[3] < lay.x_title_box[1] and lay.plot[3] < lay.control_box[1]
    big = sl.layout_map(dataset.segments, counts, FUNDING, "companies", 900, 600, measure)
    for s in dataset.segments:  # with room, every label carries English and Chinese
        assert big.marks[s.ref].label_lines == (f"{s.ref} {s.industry}", s.industry_zh)


def test_size_modes_scale_area_with_the_value(dataset, counts):
    by_count = sl.layout_map(dataset.segments, counts, FUNDING, "companies", 600, 420, measure)
    by_funding = sl.layout_map(dataset.segments, counts, FUNDING, "funding", 600, 420, measure)
    for lay, values in ((by_count, counts), (by_funding, FUNDING)):
        top = max(values, key=values.get)
        big = lay.marks[top]
        assert big.radius == max(m.radius for m in lay.marks.values())
        for ref, m in lay.marks.items():
            assert m.value == values[ref]
            expected = big.radius * math.sqrt(values[ref] / values[top])
            assert m.radius == pytest.approx(max(sl.MIN_RADIUS, expected))  # area ∝ value, with a floor
    assert by_funding.marks["1.2.3"].radius == sl.MIN_RADIUS and by_funding.marks["1.2.3"].value == 0
    assert {r: m.radius for r, m in by_count.marks.items()} != {
        r: m.radius for r, m in by_funding.marks.items()
    }


def test_layout_is_deterministic(dataset, counts):
    first = sl.layout_map(dataset.segments, counts, FUNDING, "funding", 420, 320, measure)
    again = sl.layout_map(
        list(reversed(dataset.segments)), dict(counts), dict(FUNDING), "funding", 420, 320, measure
    )
    assert again == first


# ---------------------------------------------------------------------------------- degenerate inputs


def test_one_segment():
    only = seg("1.1", market=4, logic=2, compute=3, corpus=4)
    for mode in sl.SIZE_MODES:
        lay = sl.layout_map([only], {"1.1": 3}, {"1.1": 5e6}, mode, 420, 320, measure)
        m = lay.marks["1.1"]
        assert m.center == m.anchor  # nothing to spread from
        assert m.radius > sl.MIN_RADIUS  # the biggest (only) value gets the full radius
        assert_marks_sound(lay)
        assert_labels_sound(lay)
        assert m.label_lines == ("1.1 Industry 1.1", "行业")


def test_identical_positions_spread_on_a_ring():
    segments = [seg(f"1.{i}") for i in range(1, 7)]  # all at difficulty 3, market 3
    lay = sl.layout_map(segments, {s.ref: 2 for s in segments}, {}, "companies", 420, 320, measure)
    anchors = {m.anchor for m in lay.marks.values()}
    assert len(anchors) == 1
    (ax, ay) = anchors.pop()
    dists = [math.dist(m.center, (ax, ay)) for m in lay.marks.values()]
    assert min(dists) > 0 and max(dists) - min(dists) < 1e-6  # one ring around the shared point
    assert_marks_sound(lay)
    for a, b in itertools.combinations(lay.marks.values(), 2):
        assert math.dist(a.center, b.center) >= a.radius + b.radius + sl.MARK_GAP - 0.02
    assert_labels_sound(lay)


def test_identical_positions_in_a_corner_stay_inside():
    segments = [seg(f"1.{i}", market=5, logic=5, compute=5, corpus=5) for i in range(1, 5)]
    segments.append(seg("2.1", market=1, logic=1, compute=1, corpus=1))
    lay = sl.layout_map(segments, {s.ref: 5 for s in segments}, {}, "companies", 300, 220, measure)
    assert_marks_sound(lay)


def test_close_neighbours_are_pushed_apart_inside_the_plot():
    # Two clusters of near (not identical) points in opposite corners of a small plot: the circles
    # overlap where the data puts them, so they are pushed apart, and pushed back inside at the edges.
    segments = [
        seg("1.1", market=5, logic=1, compute=1, corpus=1),
        seg("1.2", market=5, logic=1, compute=1, corpus=2),
        seg("1.3", market=4, logic=1, compute=1, corpus=1),
        seg("1.4", market=1, logic=5, compute=5, corpus=5),
        seg("1.5", market=1, logic=5, compute=5, corpus=4),
        seg("1.6", market=2, logic=5, compute=5, corpus=5),
    ]
    for w, h in ((200, 160), (260, 200)):
        lay = sl.layout_map(segments, {s.ref: 5 for s in segments}, {}, "companies", w, h, measure)
        near = list(itertools.combinations(lay.marks.values(), 2))
        assert any(math.dist(a.anchor, b.anchor) < a.radius + b.radius for a, b in near)  # they did collide
        assert_marks_sound(lay)
        for a, b in near:
            assert math.dist(a.center, b.center) >= a.radius + b.radius + sl.MARK_GAP - 0.02


def test_zero_funding_everywhere(dataset, counts):
    lay = sl.layout_map(dataset.segments, counts, {}, "funding", 420, 320, measure)
    assert all(m.radius == sl.MIN_RADIUS and m.value == 0 for m in lay.marks.values())
    assert_marks_sound(lay)
    assert_labels_sound(lay)


def test_no_segments():
    lay = sl.layout_map([], {}, {}, "companies", 420, 320, measure)
    assert lay.marks == {} and lay.legend == []
    assert lay.plot[2] > lay.plot[0] and lay.plot[3] > lay.plot[1]
    assert (lay.xrange, lay.yrange) == ((1.0, 5.0), (1.0, 5.0))


def test_tiny_area_still_lays_out(dataset, counts):
    lay = sl.layout_map(dataset.segments, counts, FUNDING, "companies", 120, 90, measure)
    assert lay.plot[2] - lay.plot[0] >= 10 and lay.plot[3] - lay.plot[1] >= 10
    assert set(lay.marks) == {s.ref for s in dataset.segments}
    assert all(m.label_lines for m in lay.marks.values())
    assert any(m.label_lines == (m.ref,) for m in lay.marks.values())  # refs only: the last resort


# ---------------------------------------------------------------------------------- legend and hints


def test_legend_flows_in_report_order_within_the_width(dataset):
    scenarios = list(dict.fromkeys(s.scenario for s in dataset.segments))
    for width in (260, 420, 900):
        items, bottom = sl.layout_legend(dataset.segments, width, measure)
        assert [i.scenario for i in items] == scenarios
        rows = sorted({i.box[1] for i in items})
        assert len(rows) <= 2
        for item in items:
            assert item.box[0] >= sl.MARGIN - 1e-9 and item.box[2] <= width - sl.MARGIN + 1e-9
            assert item.tooltip.startswith(item.scenario) and item.box[3] <= bottom + 3
        for a, b in itertools.combinations(items, 2):
            assert sl.box_overlap(a.box, b.box) == 0
    wide, _ = sl.layout_legend(dataset.segments, 1400, measure)
    assert all(
        i.text == f"{i.scenario} {zh}"
        for i, zh in zip(wide, dict.fromkeys(s.scenario_zh for s in dataset.segments), strict=True)
    )
    assert sl.layout_legend([], 420, measure) == ([], sl.MARGIN)


def test_hints_sit_in_the_plot_corners():
    plot = (50.0, 40.0, 350.0, 240.0)
    hints = {h.corner: h for h in sl.layout_hints(plot, measure)}
    assert set(hints) == {"top-left", "top-right", "bottom-left", "bottom-right"}
    assert hints["top-left"].box[:2] == (54.0, 43.0)
    assert hints["bottom-right"].box[2:] == (346.0, 237.0)
    assert all(inside(h.box, plot) for h in hints.values())


# ---------------------------------------------------------------------------------- issue 12: names, key, counts

CJK = re.compile(r"[\u3400-\u9fff]")
WORD = re.compile(r"[A-Za-z]{2,}")
APP_SIZES = ((420, 260), (320, 220))  # the map in the window's lower right at 1600×940 and 1280×720


def app_measure(text: str) -> tuple[float, float]:
    """A stand-in for the app's small font (7.65 pt sans: about 5.3 px a Latin character, 10 px a CJK
    one, 11.6 px a line), a little wider than it."""
    return sum(10.5 if ord(ch) >= 0x2E80 else 5.5 for ch in text), 12.0


def bilingual(lines: tuple[str, ...]) -> bool:
    text = " ".join(lines)
    return bool(WORD.search(text)) and bool(CJK.search(text))


def test_short_names_keep_both_languages(dataset):
    assert sl.short_english("IT & software development") == ("IT", "IT")
    assert sl.short_english("Retail & e-commerce") == ("Retail", "Retail")
    assert sl.short_english("Drug discovery") == ("Drug discovery", "Drug")
    assert sl.short_english("Assisted medicine") == ("Assisted", "Assisted")  # longer than SHORT_EN_MAX
    assert sl.short_chinese("信息技术与软件开发业") == ("信息技术", "信息")
    assert sl.short_chinese("零售、电商业") == ("零售", "零售")
    assert sl.short_chinese("零售电商业") == ("零售电商", "零售")
    assert sl.short_chinese("金融业") == ("金融", "金融")
    for s in dataset.segments:
        variants = sl.label_variants(s)
        assert variants[-1] == (s.ref,)
        assert all(bilingual(v) and v[0].startswith(s.ref) for v in variants[:-1]), variants
        assert len(variants) == len(set(variants))


@pytest.mark.parametrize("mode", sl.SIZE_MODES)
@pytest.mark.parametrize("size", (*APP_SIZES, (381, 200), (429, 236), (515, 276)))
@pytest.mark.parametrize("config", ("bundled", "app"))
def test_every_mark_named_in_both_languages_at_the_app_sizes(dataset, counts, size, mode, config):
    # "bundled": the bundled data's counts, made-up funding and a font a little wider than the app's;
    # "app": the app's counts and funding and its font metrics (see APP_COUNTS below).  381×200,
    # 429×236 and 515×276: the map in the app at 1280×720, 1600×940 and 1920×1080.
    w, h = size
    by_count, funding, font = (
        (APP_COUNTS, APP_FUNDING, qt_measure) if config == "app" else (counts, FUNDING, app_measure)
    )
    lay = sl.layout_map(dataset.segments, by_count, funding, mode, w, h, font, (112.0, 22.0))
    for m in lay.marks.values():
        assert bilingual(m.label_lines), (size, mode, m.ref, m.label_lines)
    marks = list(lay.marks.values())
    for m in marks:  # visible: inside the plot, over no other label and no other mark's centre
        assert inside(m.label_box, lay.plot), m.ref
        assert all(o is m or not contains_point(m.label_box, *o.center) for o in marks), m.ref
    for a, b in itertools.combinations(marks, 2):
        assert sl.box_overlap(a.label_box, b.label_box) == 0, (a.ref, b.ref)


def test_crowded_marks_keep_both_languages():
    # Three marks in a row with no room between them for a label: each label goes where there is
    # room, whole and in both languages.
    segments = [seg(f"1.{i}", industry=f"Industry {i}", industry_zh="行业") for i in range(1, 4)]
    circles = [(60.0, 100.0, 14.0), (92.0, 100.0, 14.0), (124.0, 100.0, 14.0)]
    variants = [sl.label_variants(s) for s in segments]
    placed = sl.fit_labels(circles, variants, (0.0, 0.0, 300.0, 200.0), measure)
    for lines, box in placed:
        assert bilingual(lines)
        assert all(not contains_point(box, ox, oy) for ox, oy, _r in circles)
    for (_l, a), (_m, b) in itertools.combinations(placed, 2):
        assert sl.box_overlap(a, b) == 0


def test_a_label_with_a_leader_line_may_sit_nearer_another_mark():
    bounds = (0.0, 0.0, 200.0, 200.0)
    circles = [(50.0, 50.0, 10.0), (150.0, 150.0, 10.0)]
    boxes = [(120, 120, 135, 130), (162, 144, 190, 156)]  # label 0 nearer circle 1 than its own
    assert 0 in sl.label_conflicts(boxes, circles, bounds)
    assert sl.label_conflicts(boxes, circles, bounds, leader_ok={0}) == set()
    # placed with a leader, a label may go beyond the usual rings around its mark
    far = sl.label_candidates(50.0, 100.0, 10.0, 40.0, 14.0, sl.FAR_RINGS)
    near = sl.label_candidates(50.0, 100.0, 10.0, 40.0, 14.0)
    reach = max(math.dist(sl.nearest(b, 50.0, 100.0), (50.0, 100.0)) for b, _p in far)
    assert reach > max(math.dist(sl.nearest(b, 50.0, 100.0), (50.0, 100.0)) for b, _p in near) + 50


def test_slide_inside():
    assert sl.slide_inside((-5, 2, 15, 12), (0, 0, 100, 100)) == (0, 2, 20, 12)
    assert sl.slide_inside((90, 95, 110, 105), (0, 0, 100, 100)) == (80, 90, 100, 100)
    assert sl.slide_inside((10, 10, 20, 20), (0, 0, 100, 100)) == (10, 10, 20, 20)


def test_round_values_and_short_usd():
    assert sl.round_values(23) == [1, 2, 5, 10, 20]
    assert sl.round_values(0.5) == [] and sl.round_values(0) == []
    assert sl.round_values(3.4e9)[-3:] == [5e8, 1e9, 2e9]
    assert [sl.short_usd(v) for v in (5, 2e4, 5e8, 1e9, 2.5e12)] == ["$5", "$20K", "$500M", "$1B", "$2.5T"]


def test_size_key_values_are_true_to_scale_and_fit():
    r_max = 16.0
    keys = sl.size_key_values(20, r_max, cap=13.0)
    assert [v for v, _r in keys] == [5, 10]  # 20 would be drawn at 16 px, more than the cap
    for v, r in keys:
        assert r == pytest.approx(r_max * math.sqrt(v / 20))
        assert sl.MIN_RADIUS <= r <= 13.0
    assert sl.size_key_values(0, r_max, 13.0) == []
    assert [v for v, _r in sl.size_key_values(1, 10.0, 13.0)] == [1]  # one company: one circle


@pytest.mark.parametrize("mode", sl.SIZE_MODES)
@pytest.mark.parametrize("size", APP_SIZES)
def test_size_key_beside_the_control_in_both_modes(dataset, counts, size, mode):
    w, h = size
    lay = sl.layout_map(dataset.segments, counts, FUNDING, mode, w, h, app_measure, (112.0, 22.0))
    keys = lay.size_keys
    assert len(keys) == 2 and keys[0].value < keys[1].value and keys[0].radius < keys[1].radius
    v_max = max(m.value for m in lay.marks.values())
    r_max = max(m.radius for m in lay.marks.values())
    for k in keys:  # drawn at the marks' scale
        assert k.radius == pytest.approx(r_max * math.sqrt(k.value / v_max))
        assert inside(k.box, (0, 0, w, h))
        assert sl.box_overlap(k.box, lay.control_box) == 0 and sl.box_overlap(k.box, lay.x_title_box) == 0
        assert k.box[1] > lay.plot[3]  # below the plot
        assert k.text.startswith("$") if mode == "funding" else k.text == f"{k.value:g}"
    assert sl.box_overlap(*[k.box for k in keys]) == 0
    assert lay.x_title in sl.X_TITLES
    assert app_measure(lay.x_title)[0] <= lay.x_title_box[2] - lay.x_title_box[0]


def test_passing_counts():
    member = np.array([[1, 0, 1], [1, 1, 0], [0, 1, 0], [1, 0, 0]], dtype=bool)
    mask = np.array([True, False, True, True])
    assert sl.passing_counts(("a", "b", "c"), member, mask) == {"a": 2, "b": 1, "c": 1}
    assert sl.passing_counts(("a", "b", "c"), member, np.zeros(4, bool)) == {"a": 0, "b": 0, "c": 0}
    with pytest.raises(ValueError, match="member"):
        sl.passing_counts(("a", "b"), member, mask)


def test_passing_counts_from_a_session(dataset):
    # How the main window computes them: segment members among the rows its table shows.
    from core.filters import Filters
    from core.session import Session

    session = Session(dataset, stability=False)
    t = session.signals
    totals = t.segment_counts()
    assert sl.passing_counts(t.segment_refs, t.segment_member, session.mask) == totals  # no filter
    session.set_filters(Filters(query="bank"))
    counts = sl.passing_counts(t.segment_refs, t.segment_member, session.mask)
    assert counts == {r: int(t.segment_member[session.mask, j].sum()) for j, r in enumerate(t.segment_refs)}
    assert all(counts[r] <= n for r, n in totals.items()) and counts != totals


def test_segments_cross_and_leader_line():
    assert sl.segments_cross((0, 0, 10, 10), (0, 10, 10, 0))
    assert not sl.segments_cross((0, 0, 10, 0), (0, 5, 10, 5))
    assert not sl.segments_cross((0, 0, 4, 4), (6, 6, 10, 0))
    assert sl.segments_cross((0, 0, 10, 0), (5, 0, 5, 5))  # touching counts
    circle = (50.0, 50.0, 10.0)
    assert sl.leader_line((64, 45, 90, 55), circle) is None  # within 6 px of the circle: no line
    assert sl.leader_line((70, 45, 90, 55), circle) == (50.0, 50.0, 70, 50.0)


def test_untangle_swaps_labels_that_read_as_each_others():
    bounds = (0.0, 0.0, 300.0, 100.0)
    circles = [(50.0, 50.0, 10.0), (150.0, 50.0, 10.0)]
    near_a, near_b = (62.0, 45.0, 90.0, 55.0), (162.0, 45.0, 190.0, 55.0)
    boxes = [near_b, near_a]  # each label beside the other's mark
    assert sl.tangles(boxes, circles) != (0, 0)
    assert sl.untangle_labels(boxes, circles, bounds, leader_ok={0, 1}) == [near_a, near_b]
    assert sl.untangle_labels([near_a, near_b], circles, bounds, leader_ok={0, 1}) == [near_a, near_b]


# The map in the app at 1280×720 (the window's lower right, 381 × 200 px), with the app's data and
# font metrics (Sans Serif 7.65 pt offscreen).
APP_COUNTS = {
    "1.1.1": 5,
    "1.1.2": 14,
    "1.2.1": 9,
    "1.2.2": 12,
    "1.2.3": 8,
    "1.3.1": 3,
    "1.3.2": 4,
    "1.4.1": 9,
    "1.4.2": 9,
}
APP_FUNDING = {
    "1.1.1": 336.8e6,
    "1.1.2": 974.8e6,
    "1.2.1": 683.3e6,
    "1.2.2": 495.4e6,
    "1.2.3": 250e6,
    "1.3.1": 206.9e6,
    "1.3.2": 76.0e6,
    "1.4.1": 250e6,
    "1.4.2": 1359.8e6,
}


def qt_measure(text: str) -> tuple[float, float]:
    """The offscreen app's small font: 5.2 px a Latin character, 10 px a CJK one, 11.6 px a line."""
    return sum(9.984375 if ord(ch) >= 0x2E80 else 5.215625 for ch in text), 11.625


@pytest.mark.parametrize("mode", sl.SIZE_MODES)
@pytest.mark.parametrize("size", ((381, 200), *APP_SIZES))
def test_leader_lines_never_cross_at_the_app_sizes(dataset, size, mode):
    lay = sl.layout_map(dataset.segments, APP_COUNTS, APP_FUNDING, mode, *size, qt_measure, (112.0, 22.0))
    assert_labels_sound(lay)
    lines = {m.ref: sl.leader_line(m.label_box, m.circle) for m in lay.marks.values()}
    drawn = [(ref, line) for ref, line in lines.items() if line is not None]
    for (a, la), (b, lb) in itertools.combinations(drawn, 2):
        assert not sl.segments_cross(la, lb), (a, b)


def test_the_big_mark_keeps_its_label_at_1280x720(dataset):
    # The label of 1.1.2 (the biggest mark) used to sit at the far left beside small 1.3.2, with a
    # leader line back: it reads as 1.3.2's.  It sits beside its own mark, with no leader line.
    lay = sl.layout_map(
        dataset.segments, APP_COUNTS, APP_FUNDING, "companies", 381, 200, qt_measure, (112.0, 22.0)
    )
    marks = list(lay.marks.values())
    big = lay.marks["1.1.2"]
    assert sl.leader_line(big.label_box, big.circle) is None
    assert sl.ambiguity(big.label_box, marks.index(big), [m.circle for m in marks]) == 0


@pytest.mark.parametrize("mode", sl.SIZE_MODES)
def test_no_label_reads_as_another_marks_at_1280x720(dataset, mode):
    # At 1280×720, "1.3.2 Retail 零售电商" used to sit beside the big 1.1.2 mark with a leader line
    # from small 1.3.2: it read as 1.1.2's.  A label with a leader line is nearer its own mark than
    # any other, and every label is named in both languages.
    lay = sl.layout_map(dataset.segments, APP_COUNTS, APP_FUNDING, mode, 381, 200, qt_measure, (112.0, 22.0))
    assert_labels_sound(lay)
    marks = list(lay.marks.values())
    for m in marks:
        assert bilingual(m.label_lines), (mode, m.ref, m.label_lines)
        if sl.leader_line(m.label_box, m.circle) is None:
            continue
        own = sl.box_gap(m.label_box, m.circle)
        for o in marks:
            assert o is m or own <= sl.box_gap(m.label_box, o.circle), (mode, m.ref, o.ref)


def test_abbreviated_wordings_keep_both_languages(dataset):
    finance = next(s for s in dataset.segments if s.industry_zh == "金融业")
    variants = sl.label_variants(finance, abbreviate=True)
    assert variants[-3:] == [
        (f"{finance.ref} Fin 金融",),
        (finance.ref, "Fin 金融"),
        (finance.ref,),
    ]
    assert variants[:-3] == sl.label_variants(finance)[:-1]  # only added, just before the last resort
    for s in dataset.segments:
        named = sl.label_variants(s, abbreviate=True)[:-1]
        assert all(bilingual(v) and v[0].startswith(s.ref) for v in named), named
        assert len(named) == len(set(named))


def test_shorten_misread_moves_a_label_beside_its_own_mark():
    bounds = (0.0, 0.0, 300.0, 100.0)
    circles = [(50.0, 50.0, 10.0), (150.0, 50.0, 10.0)]
    boxes = [(162.0, 70.0, 240.0, 84.0), (162.0, 43.0, 200.0, 57.0)]  # label 0 beside mark 1
    assert sl.tangles(boxes, circles)[1] == 1
    # a shorter wording (30 px wide) fits beside its own mark: it moves there
    moved, steps = sl.shorten_misread(boxes, circles, [[(30.0, 14.0)], []], bounds, leader_ok={0})
    assert steps == [1, 0] and moved[1] == boxes[1] and sl.tangles(moved, circles)[1] == 0
    assert moved[0][2] - moved[0][0] == 30.0
    assert sl.box_gap(moved[0], circles[0]) < sl.box_gap(moved[0], circles[1])
    # no shorter wording, or none that fits (wider than the plot): nothing changes
    for shorter in ([[], []], [[(310.0, 14.0)], []]):
        kept, none = sl.shorten_misread(boxes, circles, shorter, bounds, leader_ok={0})
        assert kept == boxes and none == [0, 0]
