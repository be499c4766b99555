"""The segment map: placement, spreading of shared points, clicks, size modes, keyboard, rendering."""

from __future__ import annotations

import itertools
import math
import re

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QComboBox, QToolTip

from core import present
from core.ingest import load_dataset
from core.present import shown_numbers
from ui.segment_map import SegmentMap

# Disclosed funding per segment, made up for the test: the biggest sits on a segment that names few
# companies, so switching mode visibly changes which circle is largest; one segment has none.
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


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


@pytest.fixture(scope="module")
def counts(dataset) -> dict[str, int]:
    pairs = {(m.segment, m.company_id) for m in dataset.mentions}
    out: dict[str, int] = {s.ref: 0 for s in dataset.segments}
    for seg, _company in pairs:
        out[seg] = out.get(seg, 0) + 1
    return out


@pytest.fixture
def chart(qtbot, dataset, counts) -> SegmentMap:
    w = SegmentMap()
    qtbot.addWidget(w)
    w.set_data(dataset.segments, counts, FUNDING)
    w.resize(w.sizeHint())
    w.show()
    qtbot.waitExposed(w)
    return w


def _empty_point(w: SegmentMap) -> QPoint:
    """A point inside the widget, away from the combo box, where no mark or label is."""
    combo = w.findChild(QComboBox)
    for x, y in itertools.product(range(10, w.width() - 10, 7), range(w.height() - 10, 10, -7)):
        if w.segment_at(QPointF(x, y)) is None and not combo.geometry().contains(QPoint(x, y)):
            return QPoint(x, y)
    raise AssertionError("no empty space found")


def test_nine_marks_inside_and_spread(chart, dataset):
    refs = [s.ref for s in dataset.segments]
    assert len(refs) == 9
    assert sorted(chart.refs()) == sorted(refs)
    rect = chart.rect()
    for mode in ("companies", "funding"):
        chart.set_size_mode(mode)
        for ref in refs:
            c, r = chart.mark_center(ref), chart.mark_radius(ref)
            assert 5.5 <= r <= 28.5
            assert rect.left() <= c.x() - r and c.x() + r <= rect.right(), (mode, ref)
            assert rect.top() <= c.y() - r and c.y() + r <= rect.bottom(), (mode, ref)
        for a, b in itertools.combinations(refs, 2):
            d = math.dist(chart.mark_center(a).toTuple(), chart.mark_center(b).toTuple())
            assert d >= chart.mark_radius(a) + chart.mark_radius(b) - 1.0, (mode, a, b, d)


def test_shared_points_are_each_hit(chart):
    # 1.1.2, 1.2.3 and 1.3.2 share market 5 / difficulty 3.67: each must be found at its own centre.
    for ref in chart.refs():
        assert chart.segment_at(chart.mark_center(ref)) == ref


def test_labels_do_not_overlap_and_carry_chinese(chart, dataset):
    for mode in ("companies", "funding"):
        chart.set_size_mode(mode)
        rects = {ref: chart.label_rect(ref) for ref in chart.refs()}
        for a, b in itertools.combinations(rects, 2):
            assert not rects[a].intersects(rects[b]), (mode, a, b)
        for ref, r in rects.items():
            assert chart.rect().toRectF().contains(r), (mode, ref)
            for other in chart.refs():  # no label hides another mark's centre
                assert other == ref or not r.contains(chart.mark_center(other)), (mode, ref, other)
    chart.resize(900, 600)
    for seg in dataset.segments:
        assert chart.label_text(seg.ref) == f"{seg.ref} {seg.industry} / {seg.industry_zh}"


def test_click_selects_then_clears(chart, qtbot):
    pos = chart.mark_center("1.2.3").toPoint()
    with qtbot.waitSignal(chart.sig_segment_clicked, timeout=1000) as blocker:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == ["1.2.3"]
    assert chart.selected() == "1.2.3"
    with qtbot.waitSignal(chart.sig_segment_clicked, timeout=1000) as blocker:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == [""]
    assert chart.selected() is None


def test_click_empty_space_emits_empty(chart, qtbot):
    chart.set_selected("1.1.1")
    with qtbot.waitSignal(chart.sig_segment_clicked, timeout=1000) as blocker:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=_empty_point(chart))
    assert blocker.args == [""]
    assert chart.selected() is None


def test_size_mode_changes_radii(chart, counts):
    assert chart.size_mode() == "companies"
    most_companies = max(counts, key=counts.get)
    before = {ref: chart.mark_radius(ref) for ref in chart.refs()}
    assert max(before, key=before.get) == most_companies
    with pytest.raises(ValueError):
        chart.set_size_mode("headcount")
    chart.set_size_mode("funding")
    assert chart.size_mode() == "funding"
    after = {ref: chart.mark_radius(ref) for ref in chart.refs()}
    assert after != before
    assert max(after, key=after.get) == max(FUNDING, key=FUNDING.get)
    assert after["1.2.3"] == pytest.approx(min(after.values()))  # no funding: minimum (hollow) circle
    assert chart.findChild(QComboBox).currentText() == "Size: funding"


def test_combo_switches_mode(chart, qtbot):
    combo = chart.findChild(QComboBox)
    with qtbot.waitSignal(chart.sig_size_mode_changed, timeout=1000) as blocker:
        combo.setCurrentIndex(1)
    assert blocker.args == ["funding"]
    assert chart.size_mode() == "funding"


def test_keyboard_moves_selection(chart, qtbot):
    refs = chart.refs()
    chart.setFocus()
    chart.set_selected(refs[0])
    with qtbot.waitSignal(chart.sig_segment_clicked, timeout=1000) as blocker:
        qtbot.keyClick(chart, Qt.Key.Key_Right)
    assert blocker.args == [refs[1]]
    assert chart.selected() == refs[1]
    with qtbot.waitSignal(chart.sig_segment_clicked, timeout=1000) as blocker:
        qtbot.keyClick(chart, Qt.Key.Key_Left)
    assert blocker.args == [refs[0]]
    with qtbot.waitSignal(chart.sig_segment_clicked, timeout=1000) as blocker:
        qtbot.keyClick(chart, Qt.Key.Key_Left)
    assert blocker.args == [refs[-1]]  # wraps around
    with qtbot.waitSignal(chart.sig_segment_clicked, timeout=1000) as blocker:
        qtbot.keyClick(chart, Qt.Key.Key_Escape)
    assert blocker.args == [""]
    assert chart.selected() is None


def test_tooltip_text(chart, dataset, counts):
    text = chart.tooltip_text("1.1.2")
    seg = dataset.segment_by_ref["1.1.2"]
    assert seg.industry in text and seg.industry_zh in text and seg.scenario_zh in text
    assert "★★★★★" in text
    assert f"Companies: {counts['1.1.2']}" in text
    assert "$252.0M" in text
    assert "none disclosed" in chart.tooltip_text("1.2.3")


def test_tooltip_event_and_hover(chart, qtbot):
    pos = chart.mark_center("1.4.1").toPoint()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, chart.mapToGlobal(pos))
    assert chart.event(event)
    assert QToolTip.text() == chart.tooltip_text("1.4.1")
    qtbot.mouseMove(chart, pos)  # hover ring, no crash
    chart.grab()


def test_tooltip_money_reads_as_in_every_other_view(chart, dataset, counts):
    # The map's own format_usd is gone: its tooltip uses the shared vocabulary (core.present), and a
    # segment's funding (shares of mostly vague or converted figures) always reads as approximate.
    assert "Disclosed funding: ≈ $1.23B" in chart.tooltip_text("1.1.1")
    assert "Disclosed funding: ≈ $252.0M" in chart.tooltip_text("1.1.2")
    amounts = {"1.1.1": 1.234e9, "1.1.2": 252e6, "1.2.1": 45_000, "1.2.2": 12}
    chart.set_data(dataset.segments, counts, amounts)
    for ref, amount in amounts.items():
        assert f"Disclosed funding: {present.usd(amount, True)}" in chart.tooltip_text(ref)
    assert "Market space: " + present.stars(dataset.segment_by_ref["1.2.1"].market) in chart.tooltip_text(
        "1.2.1"
    )


def test_set_data_drops_stale_selection(chart, dataset, counts):
    chart.set_selected("1.4.2")
    chart.set_data([s for s in dataset.segments if s.ref != "1.4.2"], counts, FUNDING)
    assert chart.selected() is None
    assert len(chart.refs()) == 8
    chart.set_data([], {}, {})
    assert chart.refs() == [] and chart.segment_at(QPointF(50, 50)) is None
    assert not chart.grab().isNull()


def test_renders_to_image(chart, qtbot, tmp_path):
    chart.set_selected("1.1.2")
    image = chart.grab()
    assert not image.isNull() and image.width() >= 420
    assert image.save(str(tmp_path / "segment_map.png"))
    chart.set_size_mode("funding")
    assert chart.grab().save(str(tmp_path / "segment_map_funding.png"))
    chart.resize(chart.minimumSizeHint())
    assert chart.grab().save(str(tmp_path / "segment_map_min.png"))


def test_tooltip_lists_market_sizes_and_adoption_with_unit_year_and_forecast(chart, dataset, counts):
    assert "Market size:" not in chart.tooltip_text("1.3.2")  # no figures given to the map yet
    chart.set_data(
        dataset.segments,
        counts,
        FUNDING,
        numbers={s.ref: shown_numbers(dataset, s.ref) for s in dataset.segments},
    )
    text = chart.tooltip_text("1.3.2")
    lines = text.splitlines()
    estimate = next(ln for ln in lines if "132" in ln)
    assert "约132亿元" in estimate and "forecast" not in estimate  # an estimate of today's market
    assert lines.index("Market size:") < lines.index(estimate)
    # a forecast says so, with its year; a figure of a past year has its year only
    pharma = chart.tooltip_text("1.4.1").splitlines()
    assert any("29.94亿美元 (2026, forecast)" in ln for ln in pharma)
    assert any("10.4亿美元 (2022)" in ln for ln in pharma)
    # adoption statistics: 598 companies surveyed, 63% of them trying or using code assistants
    code = chart.tooltip_text("1.1.2").splitlines()
    adoption = code[code.index("Adoption:") :]
    assert any("598家" in ln for ln in adoption) and any("63%" in ln for ln in adoption)
    # context figures (wages, head counts) are left to the memo's Segments sheet
    assert "263亿元" not in text


# ---------------------------------------------------------------------------------- issue 12

CJK = re.compile(r"[\u3400-\u9fff]")
WORD = re.compile(r"[A-Za-z]{2,}")


@pytest.mark.parametrize("mode", ["companies", "funding"])
@pytest.mark.parametrize("size", [(420, 260), (320, 220)])
def test_every_mark_has_a_visible_label_in_both_languages(chart, size, mode):
    chart.resize(*size)
    chart.set_size_mode(mode)
    refs = chart.refs()
    rects = {ref: chart.label_rect(ref) for ref in refs}
    combo = chart.findChild(QComboBox).geometry().toRectF()
    for ref in refs:
        text = chart.label_text(ref)
        assert WORD.search(text) and CJK.search(text), (size, mode, ref, text)
        assert text.startswith(ref)
        r = rects[ref]
        assert not r.isEmpty() and chart.rect().toRectF().contains(r), (size, mode, ref)
        assert not r.intersects(combo)
        for other in refs:
            assert other == ref or not r.intersects(rects[other]), (size, mode, ref, other)
            assert other == ref or not r.contains(chart.mark_center(other)), (size, mode, ref, other)


@pytest.mark.parametrize("mode", ["companies", "funding"])
def test_size_key_in_both_modes(chart, counts, mode):
    chart.resize(420, 260)
    chart.set_size_mode(mode)
    key = chart.size_key()
    assert len(key) == 2
    (small_text, small_r, small_box), (big_text, big_r, big_box) = key
    assert small_r < big_r and not small_box.intersects(big_box)
    combo = chart.findChild(QComboBox).geometry().toRectF()
    values = counts if mode == "companies" else FUNDING
    top = max(values, key=values.get)
    for text, r, box in key:
        assert chart.rect().toRectF().contains(box) and not box.intersects(combo)
        assert box.right() <= combo.left()  # beside the size control, which names the unit
        value = float(text) if mode == "companies" else None
        if value is not None:  # a company count's circle is drawn at the marks' scale
            assert r == pytest.approx(chart.mark_radius(top) * math.sqrt(value / values[top]))
        else:
            assert text.startswith("$")
    pos = small_box.center().toPoint()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, chart.mapToGlobal(pos))
    assert chart.event(event)
    assert small_text in QToolTip.text()
    assert chart.x_title().startswith("Difficulty")


def test_passing_counts_fill_fade_and_tooltip(chart, counts):
    assert chart.passing("1.1.2") is None and chart.fill_fraction("1.1.2") == 1.0
    assert "pass the filters" not in chart.tooltip_text("1.1.2")
    before = {ref: (chart.mark_center(ref), chart.label_rect(ref)) for ref in chart.refs()}
    full = chart.grab().toImage()
    passing = {ref: n // 2 for ref, n in counts.items()}
    passing["1.2.3"] = 0
    chart.set_passing(passing)
    assert chart.passing("1.1.2") == counts["1.1.2"] // 2
    assert chart.fill_fraction("1.1.2") == pytest.approx((counts["1.1.2"] // 2) / counts["1.1.2"])
    assert f"{counts['1.1.2'] // 2} of {counts['1.1.2']} companies pass the filters" in chart.tooltip_text(
        "1.1.2"
    )
    assert chart.fill_fraction("1.2.3") == 0
    assert f"0 of {counts['1.2.3']} companies pass the filters" in chart.tooltip_text("1.2.3")
    # the layout stays put; the marks change
    assert before == {ref: (chart.mark_center(ref), chart.label_rect(ref)) for ref in chart.refs()}
    partial = chart.grab().toImage()
    faded = chart.mark_center("1.2.3").toPoint()
    assert partial.pixelColor(faded) != full.pixelColor(faded)
    assert partial.pixelColor(faded).lightness() > full.pixelColor(faded).lightness()  # paler
    c, r = chart.mark_center("1.2.1"), chart.mark_radius("1.2.1")
    top_right = QPoint(round(c.x() + r * 0.5), round(c.y() - r * 0.5))  # first half of the pie: filled
    bottom_left = QPoint(round(c.x() - r * 0.5), round(c.y() + r * 0.5))  # second half: pale
    assert partial.pixelColor(top_right).lightness() <= full.pixelColor(top_right).lightness()  # as full
    assert partial.pixelColor(bottom_left).lightness() > full.pixelColor(bottom_left).lightness()
    # more passing than named is shown as all; None clears
    chart.set_passing({ref: 999 for ref in counts})
    assert chart.passing("1.1.1") == counts["1.1.1"] and chart.fill_fraction("1.1.1") == 1.0
    chart.set_passing(None)
    assert chart.passing("1.1.1") is None and "pass the filters" not in chart.tooltip_text("1.1.1")
    with pytest.raises(ValueError):
        chart.set_passing({"1.1.1": -1})
