"""The memo as a committee reads it: the Summary first, then Shortlist, Compare, Lenses,
Method, Segments and one sheet per company; money in readable units, values beside their
labels, stars and quotes in cells of their own, and pages that print readably."""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import openpyxl
import pytest
from openpyxl.chart import LineChart
from openpyxl.workbook import Workbook

import main
from core import present
from core.filters import Filters
from core.ingest import load_dataset
from core.lenses import Lens, compute_lenses, default_lenses, profile_lens
from core.results import company_out, shown_rows
from core.scoring import PRESETS, SIGNALS, Weights, rank
from core.sensitivity import sensitivity
from core.session import MemoSelection, Session
from core.signals import build_signals
from core.state import StateStore
from exports import cells, sheets_compare, sheets_lenses, sheets_summary
from exports import memo as memo_mod
from exports.content import CompanyNames, MemoRequest, source_title
from exports.memo import build_workbook, write_memo

REPORT_TITLE = "《中美 AIGC 产业商业化落地生态与发展趋势分析报告》, appendix sections 1.1.1–1.4.2"


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


@pytest.fixture(scope="module")
def ranking(ds):
    return rank(build_signals(ds), PRESETS["balanced"])


def top_ids(ds, ranking, n: int) -> list[str]:
    return [str(ranking.table.ids[r]) for r in shown_rows(ds, ranking, Filters(), top=n)]


def request(ds, ranking, ids, **kw) -> MemoRequest:
    kw.setdefault("selection", f"top {len(ids)}")
    return MemoRequest(dataset=ds, ranking=ranking, company_ids=ids, preset="balanced", **kw)


def texts(ws) -> list[str]:
    return [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def label_values(ws, label_col: int = 1, value_col: int = 3) -> dict[str, object]:
    return {
        row[label_col - 1].value: row[value_col - 1].value
        for row in ws.iter_rows()
        if isinstance(row[label_col - 1].value, str) and len(row) >= value_col
    }


@pytest.fixture(scope="module")
def top10(ds, ranking):
    ids = top_ids(ds, ranking, 10)
    return ids, build_workbook(request(ds, ranking, ids))


@pytest.fixture(scope="module")
def everyone(ds):
    """Every company of the dataset, ranked over all of it: every kind of figure is in it."""
    all_ranking = rank(build_signals(ds, universe="all"), PRESETS["follow_the_money"])
    ids = top_ids(ds, all_ranking, 0)
    return build_workbook(
        MemoRequest(dataset=ds, ranking=all_ranking, company_ids=ids, preset="follow_the_money")
    )


# --- order and the Summary ------------------------------------------------------------------


def test_the_sheets_come_in_the_order_a_committee_reads_them(top10, ds, ranking):
    ids, wb = top10
    assert (
        tuple(wb.sheetnames[:6])
        == memo_mod.FIXED_SHEETS
        == (
            "Summary",
            "Shortlist",
            "Compare",
            "Lenses",
            "Method",
            "Segments",
        )
    )
    assert wb.worksheets[0].title == "Summary"  # it opens on the Summary
    # then one sheet per company, in the memo's order
    names = [ds.company(cid) for cid in ids]
    for sheet, c in zip(wb.sheetnames[6:], names, strict=True):
        assert sheet.endswith(c.name_en or c.name)


def test_summary_says_what_was_screened_by_the_reports_title(top10, ds, ranking):
    _, wb = top10
    ws = wb["Summary"]
    about = label_values(ws)
    assert about["Source"] == REPORT_TITLE  # the report by its title, never a file path
    assert "/" not in about["Source"] and ".txt" not in about["Source"]
    assert about["Universe"].startswith("Providers: ")
    assert f"{int(ranking.in_universe.sum())} of the dataset's {ds.n_companies}" in about["Universe"]
    assert about["Weights"] == present.weights_in_words(ranking.weights)
    assert "2024-07" in about["Date"]  # the data's latest dated event


def test_summary_lists_each_company_with_its_shared_rank_and_one_line_reason(top10, ds, ranking):
    ids, wb = top10
    ws = wb["Summary"]
    header = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "#")
    assert ws.cell(header, sheets_summary.REASON_COL).value.startswith("Why it ranks here")
    names = CompanyNames(ds)
    for i, cid in enumerate(ids):
        r = header + 1 + i
        c = company_out(ds, ranking, ranking.table.row_of[cid])
        assert ws.cell(r, 2).value == c.name
        assert ws.cell(r, 1).value == c.rank  # the shared rank: a number formatted "5="
        assert ws.cell(r, 1).number_format == (cells.RANK_SHARED_FORMAT if c.shared else "General")
        reason = present.reason_line(c, weights=ranking.weights, names=names)
        assert ws.cell(r, sheets_summary.REASON_COL).value == reason
        assert reason.startswith(f"{present.score_text(c.score)} points: ")
    # a client is named, not shown by its id (商汤科技's client 海通证券)
    sense = ids.index("sensetime")
    assert "client 海通证券" in ws.cell(header + 1 + sense, sheets_summary.REASON_COL).value
    # the shared ranks are a caveat of their own
    caveats = label_values(ws)
    assert caveats["Shared ranks"].startswith("5= 乐言科技 (Leyan Technology), Codium.")


def _robust_and_pareto(ds, ranking, lenses):
    result = compute_lenses(ranking.table, lenses, ranking.policy, 10, sub_weights=ranking.weights)
    order = result.order()
    return result, order[result.robust[order]], order[result.pareto[order]]


def test_summary_names_the_robust_and_pareto_optimal_picks(ds, ranking):
    # two lenses that agree: the robust picks are the top 10 of both
    lenses = (Lens("balanced", "Balanced", PRESETS["balanced"]), profile_lens("Mine", PRESETS["balanced"]))
    ids = top_ids(ds, ranking, 5)
    wb = build_workbook(request(ds, ranking, ids, lenses=lenses))
    lines = label_values(wb["Summary"])
    result, robust, pareto = _robust_and_pareto(ds, ranking, lenses)
    assert len(robust) == 10
    robust_line = lines["Robust picks"]
    for row in robust:
        c = ds.company(str(ranking.table.ids[row]))
        marked = sheets_summary.company_label(c.name, c.name_en) + (" ★" if c.id in ids else "")
        assert marked in robust_line
    assert robust_line.endswith("10 companies, 5 of them in this memo (★).")
    for row in pareto:
        c = ds.company(str(ranking.table.ids[row]))
        assert sheets_summary.company_label(c.name, c.name_en) in lines["Pareto-optimal"]
    # marks in the list, true to the flags
    ws = wb["Summary"]
    header = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "#")
    for i, cid in enumerate(ids):
        row = ranking.table.row_of[cid]
        assert (ws.cell(header + 1 + i, 4).value == present.ROBUST_MARK) == bool(result.robust[row])
        assert (ws.cell(header + 1 + i, 5).value == present.PARETO_MARK) == bool(result.pareto[row])


def test_summary_says_when_no_pick_is_robust(top10, ds, ranking):
    _, wb = top10
    _, robust, _ = _robust_and_pareto(ds, ranking, default_lenses())
    assert len(robust) == 0  # the presets disagree on the report's providers
    line = label_values(wb["Summary"])["Robust picks"]
    assert line.startswith("None: no company is in the top 10 under every lens; the closest is 智谱AI")


def test_summary_caveats_a_tie_cut_by_the_memo_gaps_in_the_figures_and_the_date(ds):
    adopters = rank(build_signals(ds, universe="adopters"), PRESETS["balanced"])
    ids = top_ids(ds, adopters, 10)
    note = adopters.tie_note(10)
    assert note.startswith("places 7–14")  # eight adopters tie at places 7 to 14; the memo cuts it
    wb = build_workbook(request(ds, adopters, ids, selection="top 10"))
    caveats = label_values(wb["Summary"])
    assert caveats["Tie at the border"].startswith(present.capital_first(note) + ": the memo's last place")
    assert "It holds 4 of them" in caveats["Tie at the border"]  # places 7 to 10 of the eight
    missing = [
        cid for cid in ids if "funding" in company_out(ds, adopters, adopters.table.row_of[cid]).missing
    ]
    assert missing  # adopters seldom disclose funding
    gaps = caveats["Undisclosed figures"]
    assert gaps.startswith(f"{len(missing)} of the 10 companies in this memo have no funding figure")
    assert "counts an undisclosed figure as zero" in gaps
    assert caveats["Date of the figures"].startswith("The figures are as of the report (2024; its latest")
    # a shortlist cuts no tie: no such caveat
    wb2 = build_workbook(request(ds, adopters, ids[:3], selection="shortlist"))
    assert "Tie at the border" not in label_values(wb2["Summary"])


def test_summary_marks_planned_rounds_and_approximate_figures(ds, ranking):
    wb = build_workbook(request(ds, ranking, ["baichuan", "augment"], selection="shortlist"))
    caveats = label_values(wb["Summary"])
    assert "百川智能 (Baichuan AI): B轮 (planned; valuation only)" in caveats["Planned rounds"]
    assert caveats["Approximate figures"].startswith(
        "≈ marks a dollar figure converted from yuan (1 USD = 7.2 CNY)"
    )


def test_source_is_named_by_title_for_the_report_and_by_name_for_a_file(ds):
    assert source_title(ds) == REPORT_TITLE
    meta = ds.meta.model_copy(update={"source": "/home/me/data/my companies.csv"})
    other = dataclasses.replace(ds, meta=meta)
    assert source_title(other) == ds.name  # never the path
    meta = ds.meta.model_copy(update={"source": "exports/x.txt — Analyst survey 2024"})
    assert source_title(dataclasses.replace(ds, meta=meta)) == "Analyst survey 2024"


# --- money, padding, stars, quotes --------------------------------------------------------------

_APPROX_TEXT = re.compile(r"≈ \$([\d,.]+)")
_TO_THE_DOLLAR = re.compile(r"\$\d{1,3}(?:,\d{3})+(?![\d.]*[KMB])")


def test_no_cell_shows_an_approximate_figure_to_the_dollar(everyone):
    checked = 0
    for ws in everyone.worksheets:
        for row in ws.iter_rows():
            for c in row:
                fmt = c.number_format
                if cells.is_number(c.value) and "$" in fmt:
                    checked += 1
                    # scaled to K, M or B by trailing commas, never to the dollar
                    if "≈" in fmt or abs(c.value) >= 1000:
                        assert re.search(r'0,+"[KMB]"$', fmt), (ws.title, c.coordinate, fmt)
                if isinstance(c.value, str):
                    for m in _APPROX_TEXT.finditer(c.value):
                        digits = re.sub(r"\D", "", m.group(1).split(".")[0])
                        assert len(digits) <= 4, (ws.title, c.coordinate, c.value)
                    assert not _TO_THE_DOLLAR.search(c.value), (ws.title, c.coordinate, c.value)
    assert checked > 50


def test_cells_are_padded_so_neighbours_never_run_together(top10):
    _, wb = top10
    for ws in (wb["Shortlist"], wb["Compare"], wb["Lenses"], wb[wb.sheetnames[6]]):
        for row in ws.iter_rows(min_row=4):
            for c in row:
                if c.value in (None, ""):
                    continue
                a = c.alignment
                alone = sum(x.value not in (None, "") for x in row) == 1  # a title, free to run on
                if a.horizontal in ("left", "right") and not alone:
                    # "$252.0M" and "2.52亿美元", "100%" and "ARR." stay apart
                    assert a.indent >= 1, (ws.title, c.coordinate, c.value)
    sl = wb["Shortlist"]
    header = [c.value for c in sl[4]]
    disclosed = header.index("Disclosed (USD)") + 1
    cell = sl.cell(memo_mod.FIRST_DATA_ROW, disclosed)
    assert (cell.alignment.horizontal, cell.alignment.indent) == ("right", 1)
    written = sl.cell(memo_mod.FIRST_DATA_ROW, disclosed + 1)
    assert (written.alignment.horizontal, written.alignment.indent) == ("left", 1)
    # text wraps inside its cell instead of spilling into the score ("1.2.1 1.2.2 …")
    segments = header.index("Segments") + 1
    assert sl.cell(memo_mod.FIRST_DATA_ROW, segments).alignment.wrap_text


def test_stars_and_counts_are_in_cells_of_their_own(everyone):
    for ws in everyone.worksheets:
        for text in texts(ws):
            assert not re.search(r"\d[★☆]|[★☆]\d", text), (ws.title, text)  # never "4★★★★☆"
    seg = everyone["Segments"]
    for r in range(4, 13):
        for col in range(3, 7):
            assert set(seg.cell(r, col).value) <= {"★", "☆"} and len(seg.cell(r, col).value) == 5


def test_wrapped_rows_are_tall_enough_for_their_text(everyone, ds):
    """Every wrapped cell's row has the height its text needs at its column's width, so no quote
    is cut on screen or on paper."""
    for ws in [everyone["Summary"], everyone["Segments"], everyone["Compare"], *everyone.worksheets[6:12]]:
        merged = {
            (m.min_row, m.min_col): sum(cells.column_width(ws, c) for c in range(m.min_col, m.max_col + 1))
            for m in ws.merged_cells.ranges
            if m.min_row == m.max_row
        }
        for row in ws.iter_rows():
            for c in row:
                if not isinstance(c.value, str) or not c.alignment.wrap_text:
                    continue
                width = merged.get((c.row, c.column), cells.column_width(ws, c.column))
                need = cells.lines_needed(c.value, width * 10 / (c.font.sz or 10))
                if need > 1:
                    height = ws.row_dimensions[c.row].height
                    assert height is not None and height >= need * cells.LINE_HEIGHT, (ws.title, c.coordinate)
    # every quote about a company is on its sheet, whole
    sheet = everyone[next(n for n in everyone.sheetnames if n.endswith("Leyan Technology"))]
    values = texts(sheet)
    for m in ds.mentions_by_company["leyan"]:
        assert f"“{m.quote}”" in values


def test_lines_needed_counts_wide_characters_and_words():
    assert cells.lines_needed("short", 20) == 1
    assert cells.lines_needed("a\nb\nc", 20) == 3
    latin = "word " * 60  # 300 characters
    cjk = "汉" * 60  # as wide as ~140 Latin letters
    assert cells.lines_needed(latin, 20) > cells.lines_needed(latin, 60) >= 3
    assert cells.lines_needed(cjk, 20) >= 6
    assert cells.text_px("★★★★★") > cells.text_px("abcde")


# --- Method ---------------------------------------------------------------------------------------


def test_method_values_sit_beside_their_labels_and_name_the_source_by_title(top10):
    _, wb = top10
    ws = wb["Method"]
    rows = list(ws.iter_rows(min_row=4))
    rows = rows[: next(i for i, r in enumerate(rows) if r[0].value == "How the score is made")]
    labelled = [r for r in rows if r[0].value and r[0].font.b]
    assert len(labelled) > 20
    for r in labelled:
        value = r[1]
        assert value.value not in (None, ""), r[0].value
        assert value.alignment.horizontal == "left", (r[0].value, value.alignment.horizontal)
        assert all(c.value in (None, "") for c in r[2:])  # nothing further away
    method = {r[0].value: r[1].value for r in labelled}
    assert method["Dataset source"] == REPORT_TITLE
    assert method["Weight: difficulty"] == -50  # a number, left beside its label
    assert cells.column_width(ws, 1) <= 40  # the label column is not wider than its labels need
    assert method["Robust"] == "In the top 10 under every lens."


# --- Compare and Lenses ---------------------------------------------------------------------------


def test_compare_puts_the_companies_side_by_side_six_to_a_page(ds, ranking):
    ids = top_ids(ds, ranking, 8)
    wb = build_workbook(request(ds, ranking, ids))
    ws = wb["Compare"]
    headers = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Scores and money"]
    assert len(headers) == 2  # two blocks: six companies, then two below
    first = [ws.cell(headers[0], c).value for c in range(2, 8)]
    second = [ws.cell(headers[1], c).value for c in range(2, 8)]
    assert first == [ds.company(cid).name for cid in ids[:6]]
    assert second[:2] == [ds.company(cid).name for cid in ids[6:]] and second[2:] == [None] * 4
    assert cells.used_columns(ws) <= 1 + sheets_compare.PER_BLOCK <= 8  # at most ~8 columns a page
    assert len(ws.row_breaks.brk) == 3  # each part of each block starts a page
    labels = {ws.cell(r, 1).value: r for r in range(headers[0], headers[1])}
    for key in (
        "Rank",
        "Score (0–100)",
        "Disclosed capital (USD)",
        "Funding timeline (USD)",
        "Market space ★",
    ):
        assert key in labels
    augment = 2 + ids.index("augment")
    assert ws.cell(labels["Disclosed capital (USD)"], augment).number_format == '"$"#,##0.0,,"M"'
    timeline = ws.cell(labels["Funding timeline (USD)"], augment).value
    assert timeline == "2024 · B轮 · $252.0M · valued $977.0M"
    assert ws.cell(labels["Market space ★"], augment).value == "1.1.2  ★★★★★"


def test_compare_takes_the_first_companies_of_a_long_memo(ds, ranking):
    ids = top_ids(ds, ranking, 30)
    wb = build_workbook(request(ds, ranking, ids, memo_sheets=False))
    ws = wb["Compare"]
    names = [
        ws.cell(r, c).value
        for r in range(1, ws.max_row + 1)
        if ws.cell(r, 1).value == "Scores and money"
        for c in range(2, 8)
    ]
    assert [n for n in names if n] == [ds.company(cid).name for cid in ids[:24]]
    assert "The first 24 of 30" in ws.cell(2, 1).value


def test_lenses_sheet_shows_each_rank_under_every_lens_and_the_flags(ds, ranking):
    growth = Weights(value=80, difficulty=0, funding=20)
    lenses = (*default_lenses(), profile_lens("Growth", growth))
    ids = top_ids(ds, ranking, 6)
    wb = build_workbook(request(ds, ranking, ids, lenses=lenses))
    ws = wb["Lenses"]
    result = compute_lenses(ranking.table, lenses, ranking.policy, 10, sub_weights=ranking.weights)
    head = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "#")
    assert ws.cell(head, 3 + len(lenses) - 1).value.startswith("Growth (profile)\n(80, 0, 20)")
    for i, cid in enumerate(ids):
        r, row = head + 1 + i, ranking.table.row_of[cid]
        c = ds.company(cid)
        assert ws.cell(r, 2).value == sheets_summary.company_label(c.name, c.name_en)
        for j in range(len(lenses)):
            assert ws.cell(r, 3 + j).value == int(result.ranks[row, j])  # what `rank --preset` gives
        k = 3 + len(lenses)
        assert (ws.cell(r, k).value == present.ROBUST_MARK) == bool(result.robust[row])
        assert (ws.cell(r, k + 1).value == present.PARETO_MARK) == bool(result.pareto[row])
    # the lens ranks are the ranking's own for the preset the memo uses
    balanced = [ws.cell(head + 1 + i, 3).value for i in range(len(ids))]
    assert balanced == [int(ranking.rank[ranking.table.row_of[cid]]) for cid in ids]


def test_lenses_sheet_prints_readably_with_many_profiles(ds, ranking):
    lenses = (*default_lenses(), *(profile_lens(f"P{i}", Weights(value=i * 5)) for i in range(1, 11)))
    wb = build_workbook(request(ds, ranking, top_ids(ds, ranking, 3), lenses=lenses, memo_sheets=False))
    ws = wb["Lenses"]
    assert len(sheets_lenses.lens_widths(len(lenses))) == 2 + 15 + 3
    assert cells.smallest_printed_pt(ws) >= cells.MIN_PRINTED_PT


# --- sensitivity ----------------------------------------------------------------------------------


def test_each_company_sheet_has_three_sensitivity_charts_from_core_sensitivity(top10, ds, ranking):
    ids, wb = top10
    for sheet_name, cid in zip(wb.sheetnames[6:9], ids[:3], strict=True):
        ws = wb[sheet_name]
        charts = ws._charts
        assert len(charts) == 3 and all(isinstance(ch, LineChart) for ch in charts)
        sweeps = sensitivity(ranking.table, ranking.weights, ranking.policy, ranking.table.row_of[cid])
        head = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Weight")
        assert [ws.cell(head + 1 + i, 1).value for i in range(21)] == list(np.linspace(-100, 100, 21))
        for k, signal in enumerate(SIGNALS):
            column = [ws.cell(head + 1 + i, 2 + k).value for i in range(21)]
            assert column == [int(x) if x > 0 else None for x in sweeps[signal].ranks]
            ref = charts[k].series[0].val.numRef.f  # the chart draws that very column
            letter = "BCD"[k]
            assert ref.endswith(f"${letter}${head + 1}:${letter}${head + 21}")
            title = charts[k].title.tx.rich.p[0].r[0].t
            assert title.startswith(
                f"{signal.capitalize()} weight (now {getattr(ranking.weights, signal):+g}"
            )
        # the charts sit inside the printed width, side by side
        edges = [cells.chart_extent(ws, ch) for ch in charts]
        assert edges == sorted(edges)
        right = max(left + width for left, width in edges)
        assert right <= sum(cells.column_px(cells.column_width(ws, c)) for c in range(1, 9)) + 1


def test_a_company_outside_the_universe_gets_no_chart(ds, ranking):
    wb = build_workbook(request(ds, ranking, ["icbc"], selection="shortlist"))
    ws = wb.worksheets[6]
    assert ws._charts == []


def test_rank_axis_is_round():
    from exports.sheets_company import rank_axis

    assert rank_axis(10) == (10, 2)
    assert rank_axis(41) == (50, 10)
    assert rank_axis(3) == (3, 1)
    assert rank_axis(10_000) == (10_000, 2000)


# --- printing ---------------------------------------------------------------------------------


def test_print_scale_arithmetic():
    wb = Workbook()
    ws = wb.active
    for col in range(1, 11):
        cells.put(ws, 1, col, "x")  # 10-pt text
    cells.set_widths(ws, [20.0] * 10)
    assert cells.sheet_px(ws) == 10 * (20 * 7 + 5)
    assert cells.print_scale(ws) == pytest.approx(cells.PRINTABLE_PX / 1450)
    assert cells.smallest_printed_pt(ws) == pytest.approx(10 * cells.PRINTABLE_PX / 1450)
    assert cells.smallest_printed_pt(ws) < cells.MIN_PRINTED_PT  # too wide: 7.2 pt on paper
    cells.set_widths(ws, [14.0] * 10)
    assert cells.print_scale(ws) > cells.MIN_PRINT_SCALE
    # the widest a sheet may be at the least scale
    n = 15
    widest = cells.max_total_width(n)
    cells.set_widths(ws, [widest / n] * n)
    for col in range(1, n + 1):
        cells.put(ws, 1, col, "x")
    assert cells.print_scale(ws) == pytest.approx(cells.MIN_PRINT_SCALE, abs=0.01)


def test_every_sheet_prints_a4_landscape_with_no_character_below_8_points(everyone):
    for ws in everyone.worksheets:
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert cells.smallest_font_pt(ws) >= cells.MIN_FONT_PT
        assert cells.smallest_printed_pt(ws) >= cells.MIN_PRINTED_PT, (ws.title, cells.print_scale(ws))
        for ch in ws._charts:  # a chart never widens the page
            left, width = cells.chart_extent(ws, ch)
            assert left + width <= cells.sheet_px(ws) + 1
    fonts = {c.font.name for ws in everyone.worksheets for row in ws.iter_rows() for c in row if c.value}
    assert fonts == {cells.FONT_NAME}


# --- the request: one description of a memo's content ---------------------------------------------


def test_memo_request_extends_the_sessions_selection_without_repeating_it(ds, tmp_path):
    selection_fields = [f.name for f in dataclasses.fields(MemoSelection)]
    request_fields = [f.name for f in dataclasses.fields(MemoRequest)]
    assert request_fields == [*selection_fields, "created", "memo_sheets"]
    assert issubclass(MemoRequest, MemoSelection)
    with StateStore.open(tmp_path / "state.sqlite").store as store:
        store.save_profile("Growth", Weights(value=80, difficulty=0, funding=20))
        session = Session(ds, store=store)
        selection = session.memo_request(5)
        req = MemoRequest.of(selection, memo_sheets=False)
        assert req.company_ids == selection.company_ids and req.lenses == selection.lenses
        assert [lens.name for lens in req.lenses][-1] == "profile:Growth"
        assert MemoRequest(**selection.as_kwargs()).lenses == req.lenses  # the GUI's way still works
        wb = build_workbook(req)
    assert "Growth (profile)\n(80, 0, 20)" in texts(wb["Lenses"])


def test_cli_export_compares_the_saved_profiles_too(tmp_path):
    with StateStore.open(tmp_path / "state.sqlite").store as store:
        store.save_profile("Growth", Weights(value=80, difficulty=0, funding=20))
    out = tmp_path / "m.xlsx"
    assert main.main(["export", str(out), "--top", "3", "--state", str(tmp_path)]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:6] == list(memo_mod.FIXED_SHEETS)
    assert "Growth (profile)\n(80, 0, 20)" in texts(wb["Lenses"])
    assert label_values(wb["Summary"])["Source"] == REPORT_TITLE


def test_the_written_memo_opens_on_the_summary(tmp_path, ds, ranking):
    out = write_memo(tmp_path / "m.xlsx", request(ds, ranking, top_ids(ds, ranking, 2)))
    wb = openpyxl.load_workbook(out)
    assert wb.active.title == "Summary"
    assert wb["Summary"].cell(1, 1).value == "Investment memo: the top 2 providers"
