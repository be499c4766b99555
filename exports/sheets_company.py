"""One memo sheet per company: profile, why it scores as it does, how its rank moves with each
weight (three sensitivity charts, core.sensitivity), traction and facts with their quotes,
segments with stars, funding history, the analyst's own facts (marked ✎, with their source and
the report's facts they contradict beside them; the report's facts are never replaced), every
quote of the report, the analyst's notes (no Qt)."""

from __future__ import annotations

import math

import numpy as np
from openpyxl.chart import LineChart, Reference
from openpyxl.chart.axis import ChartLines
from openpyxl.chart.marker import DataPoint, Marker
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.drawing.line import LineProperties
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, OneCellAnchor
from openpyxl.drawing.text import (
    CharacterProperties,
    Paragraph,
    ParagraphProperties,
    RegularTextRun,
    RichTextProperties,
)
from openpyxl.drawing.text import Font as DrawingFont
from openpyxl.drawing.xdr import XDRPositiveSize2D
from openpyxl.utils.units import pixels_to_EMU
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from core import columns, present
from core.i18n import QT_TRANSLATE_NOOP, translate
from core.results import CompanyOut
from core.scoring import SIGNALS
from core.sensitivity import Sweep, sensitivity
from exports import cells
from exports.cells import (
    BOLD_FONT,
    LINK_FONT,
    MUTED_FONT,
    NUMBER_LEFT,
    SCORE_FORMAT,
    SECTION_FONT,
    SIGNAL_FORMAT,
    STAR_FONT,
    TEXT,
    TITLE_FONT,
    put,
)
from exports.content import MemoContent, my_fact_kind, my_fact_mark, my_fact_text

#: A company sheet's grid: the funding history is its widest table (eight columns).
COMPANY_WIDTHS = (24.0, 22.0, 16.0, 12.0, 16.0, 12.0, 26.0, 30.0)
MEMO_SHEET_COLUMNS = len(COMPANY_WIDTHS)
#: The sensitivity charts: three side by side across the sheet's width, this tall.
CHART_HEIGHT_PX = 235
CHART_GAP_PX = 12
CHART_ROW_PT = 15.0
#: Chart text: the title and the axis labels, in hundredths of a point (9 pt prints at 8 pt or
#: more at the sheet's scale).
CHART_TITLE_SZ = 1000
CHART_LABEL_SZ = 900
SENSITIVITY_HEADERS = (
    QT_TRANSLATE_NOOP("memo_company", "Weight"),
    QT_TRANSLATE_NOOP("memo_company", "Rank: value"),
    QT_TRANSLATE_NOOP("memo_company", "Rank: difficulty"),
    QT_TRANSLATE_NOOP("memo_company", "Rank: funding"),
    QT_TRANSLATE_NOOP("memo_company", "Top-N line"),
    QT_TRANSLATE_NOOP("memo_company", "Chart axis"),
)
#: The signals by name: a chart's title, a row of "Why it scores as it does".
SIGNAL_NAMES = {
    "value": QT_TRANSLATE_NOOP("memo_company", "Value"),
    "difficulty": QT_TRANSLATE_NOOP("memo_company", "Difficulty"),
    "funding": QT_TRANSLATE_NOOP("memo_company", "Funding"),
}


def _tr(text: str) -> str:
    """A constant of this module in the memo's language."""
    return translate("memo_company", text)


def signal_name(signal: str) -> str:
    name = SIGNAL_NAMES.get(signal)
    return _tr(name) if name else signal.capitalize()


#: The sheet's columns of the sensitivity figures: weight, the three ranks, the top-N line,
#: then the weights the charts' axes name (every fifth: all 21 would crowd a small chart, and
#: LibreOffice ignores a label-skip setting; a hidden column would hide them from its charts).
BAND_COL = 5
LABEL_COL = 6
#: Which weights the charts' axes name.
LABELLED = (-100.0, -50.0, 0.0, 50.0, 100.0)
#: The "My facts" table: its headers and the first column of each (the last merged to the
#: sheet's last column but one; "The report says" in the last).
MY_FACTS_TITLE = QT_TRANSLATE_NOOP("memo_company", "My facts (✎ the analyst's, not the report's)")
MY_FACT_HEADERS = (
    QT_TRANSLATE_NOOP("memo_company", "Kind"),
    QT_TRANSLATE_NOOP("memo_company", "What"),
    QT_TRANSLATE_NOOP("memo_company", "✎ Source, seen, by"),
    QT_TRANSLATE_NOOP("memo_company", "The report says"),
)
MY_FACT_COLS = (1, 2, 5, 8)


def place_chart(ws: Worksheet, chart, row: int, x_px: float, width_px: float, height_px: float) -> None:
    """Anchor ``chart`` at ``row`` (1-based), ``x_px`` pixels from the sheet's left edge."""
    col, left = 0, 0.0
    while left + cells.column_px(cells.column_width(ws, col + 1)) <= x_px:
        left += cells.column_px(cells.column_width(ws, col + 1))
        col += 1
    marker = AnchorMarker(col=col, colOff=pixels_to_EMU(int(x_px - left)), row=row - 1, rowOff=0)
    size = XDRPositiveSize2D(pixels_to_EMU(int(width_px)), pixels_to_EMU(int(height_px)))
    chart.anchor = OneCellAnchor(_from=marker, ext=size)
    chart.width = width_px / cells.PX_PER_IN * 2.54
    chart.height = height_px / cells.PX_PER_IN * 2.54
    ws.add_chart(chart)


def _text_props(size: int, *, bold: bool = False, rot: int = 0) -> RichText:
    """Chart text of ``size`` hundredths of a point, turned ``rot`` 60,000ths of a degree."""
    props = CharacterProperties(sz=size, b=bold, latin=DrawingFont(typeface=cells.FONT_NAME))
    return RichText(
        bodyPr=RichTextProperties(rot=rot, vert="horz"),
        p=[Paragraph(pPr=ParagraphProperties(defRPr=props), endParaRPr=props)],
    )


def _title(text: str) -> Title:
    props = CharacterProperties(sz=CHART_TITLE_SZ, b=True, latin=DrawingFont(typeface=cells.FONT_NAME))
    run = RegularTextRun(rPr=props, t=text)
    rich = RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=props), r=[run])])
    return Title(tx=Text(rich=rich), overlay=False)


def rank_axis(worst: int) -> tuple[int, int]:
    """(top of the rank axis, its step): a round number at or past ``worst``, in about five steps."""
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000):
        if worst <= step * 5:
            break
    else:
        step = 10 ** len(str(worst))
    return int(math.ceil(worst / step) * step), step


def sweep_index(sweep: Sweep) -> int | None:
    """The step of the sweep at the weight now, or None when the weight is between two steps."""
    hits = np.flatnonzero(np.isclose(sweep.weights, sweep.current))
    return int(hits[0]) if len(hits) else None


def _sensitivity_chart(ws: Worksheet, sweep: Sweep, col: int, head: int, n: int, top: tuple[int, int]):
    chart = LineChart()
    now_at = sweep_index(sweep)
    rank_now = int(sweep.ranks[now_at]) if now_at is not None else 0
    chart.title = _title(
        translate("memo_company", "{signal} weight (now {weight}, rank {rank})").format(
            signal=signal_name(sweep.signal), weight=f"{sweep.current:+g}", rank=present.rank_text(rank_now)
        )
    )
    chart.style = 2
    chart.legend = None
    chart.y_axis.scaling.orientation = "maxMin"  # rank 1 at the top
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = top[0]
    chart.y_axis.majorUnit = top[1]
    chart.y_axis.number_format = "#,##0;-#,##0;"  # no "0" atop a rank axis
    chart.y_axis.majorGridlines = ChartLines()
    chart.y_axis.majorGridlines.spPr = GraphicalProperties(ln=LineProperties(solidFill="E3E3E3"))
    chart.x_axis.crosses = "max"  # the weights along the bottom, under the reversed ranks
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.x_axis.tickLblSkip = 1  # every label; only every fifth weight has one
    chart.x_axis.tickMarkSkip = 5
    # slanted: a small chart's slots are narrow, and LibreOffice breaks a level label ("+5/0")
    chart.x_axis.txPr = _text_props(CHART_LABEL_SZ, rot=-2_700_000)
    chart.y_axis.txPr = _text_props(CHART_LABEL_SZ)
    chart.display_blanks = "gap"
    chart.add_data(Reference(ws, min_col=col, min_row=head, max_row=head + n), titles_from_data=True)
    chart.add_data(Reference(ws, min_col=BAND_COL, min_row=head, max_row=head + n), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=LABEL_COL, min_row=head + 1, max_row=head + n))
    rank_s, band_s = chart.series
    rank_s.graphicalProperties.line.solidFill = "1F3864"
    rank_s.graphicalProperties.line.width = 28575  # 2.25 pt
    rank_s.smooth = False
    rank_s.marker.symbol = "none"
    if now_at is not None and rank_now > 0:  # the weight now: a dot on the line
        dot = Marker(symbol="circle", size=9)
        dot.graphicalProperties = GraphicalProperties(solidFill="E69500")
        dot.graphicalProperties.line.solidFill = "E69500"
        rank_s.dPt = [DataPoint(idx=now_at, marker=dot)]
    band_s.graphicalProperties.line.solidFill = "C0504D"
    band_s.graphicalProperties.line.dashStyle = "dash"
    band_s.graphicalProperties.line.width = 15875
    band_s.marker.symbol = "none"
    band_s.smooth = False
    return chart


def _sweeps(content: MemoContent, c: CompanyOut) -> dict[str, Sweep]:
    ranking = content.req.ranking
    row = ranking.table.row_of[c.id]
    return sensitivity(ranking.table, ranking.weights, ranking.policy, row, top_n=ranking.top_k)


def _chart_rows() -> int:
    return int(math.ceil(CHART_HEIGHT_PX * 0.75 / CHART_ROW_PT)) + 1


def _reserve_charts(ws: Worksheet, r: int, sweeps: dict[str, Sweep], top_n: int) -> tuple[int | None, int]:
    """The explanation and the rows the three charts cover: (the charts' first row, or None
    when the company is never ranked; the next free row)."""
    put(
        ws,
        r,
        1,
        translate(
            "memo_company",
            "Its shared rank as one weight moves from -100 to 100 in steps of 10, the other weights as now. "
            "Rank 1 is at the top; the dashed line is the top {top}; the dot marks the weight now. "
            "The figures are at the end of this sheet.",
        ).format(top=top_n),
        font=MUTED_FONT,
    )
    cells.merge(ws, r, 1, MEMO_SHEET_COLUMNS)
    r += 1
    if not any((s.ranks > 0).any() for s in sweeps.values()):
        put(
            ws,
            r,
            1,
            translate("memo_company", "Not ranked under any of these weights: no chart to draw."),
            font=MUTED_FONT,
        )
        cells.merge(ws, r, 1, MEMO_SHEET_COLUMNS)
        return None, r + 1
    for k in range(_chart_rows()):
        ws.row_dimensions[r + k].height = CHART_ROW_PT
    return r, r + _chart_rows()


def _sweep_table(ws: Worksheet, r: int, sweeps: dict[str, Sweep], top_n: int) -> tuple[int, int]:
    """The figures the charts draw, from row ``r``: (the header's row, the next free row)."""
    head = r
    cells.header_row(ws, head, [_tr(h) for h in SENSITIVITY_HEADERS])
    weights = next(iter(sweeps.values())).weights
    now = {signal: sweep_index(sweeps[signal]) for signal in SIGNALS}
    for i, wv in enumerate(weights):
        rr = head + 1 + i
        put(ws, rr, 1, float(wv), number_format="+0;-0;0")
        for col, signal in enumerate(SIGNALS, start=2):
            rank = int(sweeps[signal].ranks[i])
            here = now[signal] == i
            put(
                ws,
                rr,
                col,
                rank if rank > 0 else None,  # blank: a gap in the chart's line
                font=BOLD_FONT if here else None,
                fill=cells.TOP_FILL if here else None,
            )
        put(ws, rr, BAND_COL, top_n, font=MUTED_FONT)
        label = (f"{wv:+g}" if wv else "0") if np.isclose(wv, LABELLED).any() else ""
        put(ws, rr, LABEL_COL, label, font=MUTED_FONT)
    r = head + len(weights) + 1
    put(
        ws,
        r,
        1,
        translate(
            "memo_company",
            "Shaded: the weight now. A blank rank: not ranked at that weight (the missing-data policy "
            "leaves the company out; a gap in the line). A weight now between two steps has no dot; the "
            "chart's title gives it.",
        ),
        font=MUTED_FONT,
    )
    cells.merge(ws, r, 1, MEMO_SHEET_COLUMNS)
    return head, r + 1


def _place_charts(ws: Worksheet, sweeps: dict[str, Sweep], head: int, chart_row: int, top_n: int) -> None:
    n = len(next(iter(sweeps.values())).weights)
    worst = max([int(s.ranks.max()) for s in sweeps.values()] + [top_n])
    top = rank_axis(worst)
    total_px = sum(cells.column_px(w) for w in COMPANY_WIDTHS)
    width = (total_px - 2 * CHART_GAP_PX) / 3
    for k, signal in enumerate(SIGNALS):
        chart = _sensitivity_chart(ws, sweeps[signal], 2 + k, head, n, top)
        place_chart(ws, chart, chart_row, k * (width + CHART_GAP_PX), width, CHART_HEIGHT_PX)


#: The printed page's height in the sheet's points, before the print scale (A4 landscape, less
#: the top and bottom margins), and a row's height when none is set.
PAGE_BODY_PT = (cells.PAGE_HEIGHT_IN - 2 * cells.TOP_MARGIN_IN) * 72
DEFAULT_ROW_PT = 13.5


def _height_to(ws: Worksheet, last: int) -> float:
    """The height of rows 1..``last`` in points (a row without a height: the default)."""
    return sum(ws.row_dimensions[i].height or DEFAULT_ROW_PT for i in range(1, last + 1))


def _fits_on_page(ws: Worksheet, last: int, more_pt: float) -> bool:
    """``more_pt`` points more after row ``last`` still end on the page that row is on."""
    page = PAGE_BODY_PT / cells.print_scale(ws)
    used = _height_to(ws, last) % page
    return used + more_pt <= page


def _my_facts(ws: Worksheet, content: MemoContent, company_id: str, r: int) -> int:
    """The table of the analyst's facts still in force from row ``r``, each with its marker,
    source, date seen and who entered it, and beside it what the report says where the two
    disagree.  Returns the next free row."""
    facts = content.my_facts(company_id)
    cells.header_row(ws, r, [_tr(MY_FACT_HEADERS[0])], first=MY_FACT_COLS[0])
    for label, col in zip(MY_FACT_HEADERS[1:], MY_FACT_COLS[1:], strict=True):
        cells.header_row(ws, r, [_tr(label)], first=col)
    _merge_fact_row(ws, r)
    r += 1
    counted = content.counted(company_id)
    for f in facts:
        said = content.contradictions.get(f.id, [])
        beside = "\n".join(said) if said else translate("memo_company", "nothing that disagrees")
        if f.kind == "correction":
            status = translate("memo_company", "a note: shown, not counted in the signals")
        elif f.id in counted:
            status = translate("memo_company", "counted in the signals")
        else:
            status = translate("memo_company", "not counted: this memo ranks the report's facts only")
        values = (
            f"{present.MY_FACT_MARK} {my_fact_kind(f.kind)}",
            f"{my_fact_text(f)}\n({status})",
            my_fact_mark(f),
            beside,
        )
        # (the source is not made a link: LibreOffice shows a linked cell on one line, cut)
        for col, v in zip(MY_FACT_COLS, values, strict=True):
            put(ws, r, col, v, fill=cells.MY_FACT_FILL, font=BOLD_FONT if col == 1 else None)
        _merge_fact_row(ws, r)  # (the merged cells take the first one's fill)
        r += 1
    return r


def _merge_fact_row(ws: Worksheet, r: int) -> None:
    for first, nxt in zip(MY_FACT_COLS, (*MY_FACT_COLS[1:], MEMO_SHEET_COLUMNS + 1), strict=True):
        if nxt - 1 > first:
            cells.merge(ws, r, first, nxt - 1)


def company_sheet(ws: Worksheet, content: MemoContent, c: CompanyOut) -> None:
    req = content.req
    ds = req.dataset
    company = ds.company(c.id)
    row = req.ranking.table.row_of[c.id]
    cells.set_widths(ws, COMPANY_WIDTHS)
    r = 1

    def line(label: str, value, number_format: str | None = None) -> None:
        nonlocal r
        put(ws, r, 1, label, font=BOLD_FONT, align=TEXT)
        put(
            ws,
            r,
            2,
            value,
            align=NUMBER_LEFT if cells.is_number(value) else TEXT,
            number_format=number_format,
        )
        cells.merge(ws, r, 2, MEMO_SHEET_COLUMNS)
        r += 1

    def section(title: str) -> None:
        nonlocal r
        r += 1
        put(ws, r, 1, title, font=SECTION_FONT, align=cells.LINE)
        for col in range(1, MEMO_SHEET_COLUMNS + 1):
            ws.cell(row=r, column=col).border = cells.RULE
        r += 1

    title = c.name + (f" — {c.name_en}" if c.name_en and c.name_en != c.name else "")
    put(ws, r, 1, title, font=TITLE_FONT, align=cells.LINE)
    cells.merge(ws, r, 1, MEMO_SHEET_COLUMNS)
    ws.row_dimensions[r].height = 24
    r += 1
    links = (
        (1, translate("memo_company", "← back to the summary"), "Summary"),
        (3, translate("memo_company", "the shortlist"), "Shortlist"),
        (5, translate("memo_company", "compare"), "Compare"),
    )
    for col, text, key in links:
        put(ws, r, col, text, font=LINK_FONT, align=cells.LINE).hyperlink = cells.sheet_link(
            content.sheet(key)
        )
    r += 1
    if c.rank > 0:
        line(translate("memo_company", "Why"), content.reason(c))
    section(translate("memo_company", "Why it scores as it does"))
    cells.header_row(
        ws,
        r,
        [
            translate("memo_company", "Signal"),
            translate("memo_company", "Signal (0–1)"),
            translate("memo_company", "Weight"),
            translate("memo_company", "Points"),
            translate("memo_company", "Disclosed?"),
        ],
    )
    cells.merge(ws, r, 5, MEMO_SHEET_COLUMNS)
    r += 1
    sig = c.signals.model_dump()
    con = c.contributions.model_dump()
    for k in SIGNALS:
        weight = getattr(req.ranking.weights, k)
        put(
            ws,
            r,
            1,
            # the signal is difficulty (0 = easiest); its points are read as ease or as a moat
            translate("memo_company", "Difficulty (as {name})").format(
                name=present.contribution_name(k, weight)
            )
            if k == "difficulty" and weight
            else signal_name(k),
        )
        put(ws, r, 2, sig[k], number_format=SIGNAL_FORMAT)
        put(ws, r, 3, weight, number_format="+0;-0;0")
        put(ws, r, 4, con[k], number_format=SCORE_FORMAT)
        put(
            ws,
            r,
            5,
            translate("memo_company", "no — counted per the missing-data policy")
            if k in c.missing
            else translate("memo_company", "yes"),
        )
        cells.merge(ws, r, 5, MEMO_SHEET_COLUMNS)
        r += 1
    put(ws, r, 1, translate("memo_company", "Total"), font=BOLD_FONT)
    put(ws, r, 4, c.score, number_format=SCORE_FORMAT, font=BOLD_FONT)
    r += 1
    if c.in_universe:
        w = req.ranking.weights
        sentences = (
            translate("memo_company", "1 distinct sentence of the report")
            if c.traction == 1
            else translate("memo_company", "{n} distinct sentences of the report").format(n=c.traction)
        )
        norm = req.ranking.table.norm
        market = present.signal_text(norm.at("market", row))
        traction = present.signal_text(float(np.nan_to_num(norm.at("traction", row))))
        line(
            translate("memo_company", "Value parts"),
            translate(
                "memo_company",
                "market space {market}, weight {market_weight}; traction {traction} ({sentences}), weight "
                "{traction_weight}",
            ).format(
                market=market,
                market_weight=f"{w.market:g}",
                traction=traction,
                sentences=sentences,
                traction_weight=f"{w.traction:g}",
            ),
        )
        parts = req.ranking.funding_parts(row).values()
        weighted = translate("memo_company", "{part}, weight {weight}")
        line(
            translate("memo_company", "Funding parts"),
            "\n".join(
                weighted.format(part=present.funding_part_text(p), weight=f"{p.weight:g}") for p in parts
            ),
        )

    sweeps = _sweeps(content, c) if c.in_universe else None
    chart_row = None
    if sweeps is not None:
        cells.fit_rows(ws, 1, r)
        charts_pt = 3 * DEFAULT_ROW_PT + _chart_rows() * CHART_ROW_PT
        if not _fits_on_page(ws, r, charts_pt):
            ws.row_breaks.append(Break(id=r))  # the charts never straddle two pages
        section(translate("memo_company", "How its rank moves with each weight"))
        chart_row, r = _reserve_charts(ws, r, sweeps, req.ranking.top_k)

    section(translate("memo_company", "Profile"))
    if c.rank > 0:
        line(translate("memo_company", "Rank"), *cells.column_cell(columns.RANK, c))
    else:
        line(
            translate("memo_company", "Rank"),
            present.capital_first(present.not_ranked_reason(c.in_universe, req.ranking.universe)),
        )
    line(translate("memo_company", "Score (0–100)"), *cells.column_cell(columns.SCORE, c))
    lens = content.lenses
    marks = []
    if lens.robust[row]:
        marks.append(
            translate("memo_company", "{mark} robust: {definition}").format(
                mark=present.ROBUST_MARK, definition=present.robust_definition(lens.top_n)
            )
        )
    if lens.pareto[row]:
        marks.append(
            translate("memo_company", "{mark} Pareto-optimal: {definition}").format(
                mark=present.PARETO_MARK, definition=present.pareto_definition()
            )
        )
    top = int(lens.top_count[row])
    marks.append(
        translate(
            "memo_company", "in the top {top} under {count} of the {n} lenses (the {lenses} sheet)"
        ).format(top=lens.top_n, count=top, n=len(lens.lenses), lenses=content.sheet("Lenses"))
    )
    line(translate("memo_company", "Under other weights"), "\n".join(marks))
    if company.added_from:
        line(translate("memo_company", "Source"), present.added_text(company.added_from))
    line(translate("memo_company", "Country"), c.country or translate("memo_company", "not known"))
    line(translate("memo_company", "Kind"), present.kind_label(c.kind))
    if company.listed:
        line(translate("memo_company", "Listed"), company.listed)
    line(
        translate("memo_company", "Roles in the report"),
        ", ".join(present.role_label(x) for x in ds.roles_of(c.id)),
    )
    if c.aliases:
        line(translate("memo_company", "Also known as / products"), ", ".join(c.aliases))
    line(translate("memo_company", "Rank stability"), *cells.column_cell(columns.STABILITY, c))
    line(translate("memo_company", "Disclosed capital (USD)"), *cells.column_cell(columns.DISCLOSED, c))
    line(translate("memo_company", "Latest valuation (USD)"), *cells.column_cell(columns.VALUATION, c))
    line(translate("memo_company", "Latest round"), *cells.column_cell(columns.LATEST_ROUND, c))
    if company.note:
        line(translate("memo_company", "Data note"), company.note)
    entry = content.pipeline_of(c.id)
    if entry is not None:
        line(translate("memo_company", "Pipeline stage"), content.stage_label(entry.stage))
        if entry.owner:
            line(translate("memo_company", "Owner"), entry.owner)
        step = " · ".join(x for x in (entry.next_step, entry.next_date or "") if x)
        if step:
            line(translate("memo_company", "Next step"), step)

    section(translate("memo_company", "Traction & facts"))
    # the report's facts only: the analyst's are listed under "My facts", marked
    groups = [g for g in present.fact_groups(ds, c.id) if not any(f.analyst for f in g.facts)]
    if groups:
        cells.header_row(
            ws,
            r,
            [
                translate("memo_company", "Kind"),
                translate("memo_company", "Fact"),
                translate("memo_company", "Section"),
                translate("memo_company", "Quote"),
            ],
        )
        cells.merge(ws, r, 4, MEMO_SHEET_COLUMNS)
        r += 1
        for g in groups:
            put(ws, r, 1, present.fact_kind_label(g.kind))
            put(ws, r, 2, ", ".join(g.values(ds)))
            put(ws, r, 3, f"§{g.segment}")
            put(ws, r, 4, f"“{g.quote}”")
            cells.merge(ws, r, 4, MEMO_SHEET_COLUMNS)
            r += 1
    else:
        put(
            ws,
            r,
            1,
            translate("memo_company", "The report names no clients, outcomes or products of this company."),
            font=MUTED_FONT,
            align=cells.LINE,
        )
        r += 1

    section(translate("memo_company", "Segments"))
    cells.header_row(
        ws,
        r,
        [
            translate("memo_company", "Ref"),
            translate("memo_company", "Scenario × industry"),
            translate("memo_company", "Market ★"),
            translate("memo_company", "Logic ★"),
            translate("memo_company", "Compute ★"),
            translate("memo_company", "Corpus ★"),
        ],
    )
    r += 1
    for ref in c.segments:
        s = ds.segment_by_ref[ref]
        put(ws, r, 1, ref)
        put(ws, r, 2, f"{s.label}\n{s.label_zh}")
        for col, attr in enumerate(("market", "logic", "compute", "corpus"), start=3):
            put(ws, r, col, present.stars(getattr(s, attr)), font=STAR_FONT)
        r += 1

    section(translate("memo_company", "Funding history"))
    marks = content.round_marks(c)
    if c.rounds:
        cells.header_row(
            ws,
            r,
            [
                translate("memo_company", "Date"),
                translate("memo_company", "Round"),
                translate("memo_company", "Amount as written"),
                translate("memo_company", "Amount (USD)"),
                translate("memo_company", "Valuation as written"),
                translate("memo_company", "Valuation (USD)"),
                translate("memo_company", "Investors (lead first)"),
                translate("memo_company", "Note"),
            ],
        )
        r += 1
        for rd, mark in zip(c.rounds, marks, strict=True):
            lead = translate("memo_company", "{investor} (lead)")
            investors = ", ".join(
                lead.format(investor=i) if i in rd.lead_investors else i for i in rd.investors
            )
            label = present.round_label(rd)
            note = rd.ambiguity
            if mark is not None:  # the analyst's round: marked, its source in the note
                label = f"{present.MY_FACT_MARK} {label}"
                said = content.contradictions.get(mark.id, [])
                beside = translate("memo_company", "Beside the report: {fact}")
                note = "\n".join([present.analyst_mark(mark), *(beside.format(fact=x) for x in said)])
            if rd.superseded_by is not None:
                note = "\n".join(x for x in (note, present.superseded_text(rd.superseded_by)) if x)
            values = [
                (present.date_text(rd.date, rd.date_text), None),
                (label, None),
                (rd.amount_text or translate("memo_company", "undisclosed"), None),
                cells.usd_cell(rd.amount_usd, rd.amount_approximate),
                (rd.valuation_text or present.NONE, None),
                cells.usd_cell(rd.valuation_usd, rd.valuation_approximate),
                (investors, None),
                (note, None),
            ]
            fill = cells.MY_FACT_FILL if mark is not None else None
            for col, (v, fmt) in enumerate(values, start=1):
                put(ws, r, col, v, number_format=fmt, fill=fill)
            r += 1
    else:
        put(
            ws,
            r,
            1,
            translate("memo_company", "The report discloses no financing for this company."),
            font=MUTED_FONT,
            align=cells.LINE,
        )
        r += 1

    if content.my_facts(c.id):
        section(_tr(MY_FACTS_TITLE))
        r = _my_facts(ws, content, c.id, r)

    section(translate("memo_company", "What the report says"))
    cells.header_row(
        ws,
        r,
        [
            translate("memo_company", "Section"),
            translate("memo_company", "Role"),
            translate("memo_company", "Quote"),
        ],
    )
    cells.merge(ws, r, 3, MEMO_SHEET_COLUMNS)
    r += 1
    quotes = [(e.segment, e.role, e.quote) for e in c.evidence]
    seen = {q for _, _, q in quotes}
    quotes += [
        (rd.segment or "", "funding", rd.quote)
        for rd, mark in zip(c.rounds, marks, strict=True)
        if mark is None and rd.quote not in seen  # an analyst's round quotes its source, not the report
    ]
    for seg, role, quote in quotes:
        put(ws, r, 1, f"§{seg}" if seg else translate("memo_company", "source"))
        put(ws, r, 2, present.role_label(role))
        put(ws, r, 3, f"“{quote}”")
        cells.merge(ws, r, 3, MEMO_SHEET_COLUMNS)
        r += 1

    section(translate("memo_company", "Analyst notes"))
    note = req.notes.get(c.id, "")
    parts = cells.split_text(note) if note else [translate("memo_company", "(none)")]
    for i, part in enumerate(parts):
        put(
            ws,
            r,
            1,
            translate("memo_company", "Note") if i == 0 else translate("memo_company", "Note (continued)"),
            font=BOLD_FONT,
        )
        put(ws, r, 2, part)
        cells.merge(ws, r, 2, MEMO_SHEET_COLUMNS)
        r += 1
    if sweeps is not None and chart_row is not None:
        section(translate("memo_company", "The sensitivity charts' figures"))
        head, r = _sweep_table(ws, r, sweeps, req.ranking.top_k)
        _place_charts(ws, sweeps, head, chart_row, req.ranking.top_k)
    cells.fit_rows(ws)
    cells.print_setup(ws)
