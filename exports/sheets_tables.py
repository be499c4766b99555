"""The memo's reference sheets: the Shortlist table, the Method that makes the memo
reproducible, and the Segments of the report (no Qt)."""

from __future__ import annotations

import math

from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import DataBarRule
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from core import __version__, columns, present
from core.i18n import QT_TRANSLATE_NOOP, translate
from exports import cells
from exports.cells import (
    BOLD_FONT,
    LINK_FONT,
    MUTED_FONT,
    NUMBER,
    NUMBER_LEFT,
    SECTION_FONT,
    STAR_FONT,
    TEXT,
    put,
)
from exports.content import MemoContent

# --- Shortlist ------------------------------------------------------------------------------

#: The Shortlist sheet's columns: the ranked list's (core.columns.MEMO, its rank the shared
#: rank of every view, "8="), then the note.
MEMO_COLUMNS = list(columns.MEMO)
NOTE_HEADER = QT_TRANSLATE_NOOP("memo_tables", "Analyst note")
#: Widths (characters) chosen so the fifteen columns print on A4 landscape at 80% or more:
#: names, segments, amounts and rounds wrap inside their cells instead of running on.
SHORTLIST_WIDTHS: dict[str, float] = {
    "rank": 5,
    "name": 15,
    "name_en": 13,
    "country": 9,
    "segments": 11,
    "score": 10,
    "value": 8,
    "difficulty": 10,
    "funding": 9,
    "funding_total_usd": 11,
    "amounts_written": 15,
    "latest_round": 13,
    "latest_valuation_usd": 11,
    "stability": 10,
}
NOTE_WIDTH = 20
SHORTLIST_COLUMNS = [(col.header, SHORTLIST_WIDTHS.get(col.key, col.memo_width)) for col in MEMO_COLUMNS] + [
    (NOTE_HEADER, NOTE_WIDTH)
]
#: With a pipeline (the request names one) the Shortlist adds these before the note, blank for a
#: company not in it; the note and a few wide columns narrow so the sheet still prints at 80%.
PIPELINE_COLUMNS = [
    (QT_TRANSLATE_NOOP("memo_tables", "Stage"), 11.0),
    (QT_TRANSLATE_NOOP("memo_tables", "Owner"), 8.0),
    (QT_TRANSLATE_NOOP("memo_tables", "Next step"), 10.0),
]
PIPELINE_WIDTHS: dict[str, float] = {
    **SHORTLIST_WIDTHS,
    "name": 14,
    "name_en": 9,
    "segments": 10,
    "score": 8,
    "amounts_written": 10,
    "latest_round": 10,
}
PIPELINE_NOTE_WIDTH = 9
HEADER_ROW = 4
FIRST_DATA_ROW = 5
#: A note longer than this is shortened in the table (with a marker); the company's sheet has it whole.
NOTE_IN_TABLE = 400
NOTE_MORE = QT_TRANSLATE_NOOP("memo_tables", " … [the whole note is on the company's sheet]")
NOTE_CUT = QT_TRANSLATE_NOOP("memo_tables", " … [cut here: the note is longer than the table shows]")
SCORE_COL = 1 + next(i for i, col in enumerate(MEMO_COLUMNS) if col.key == "score")
NAME_COL = 1 + next(i for i, col in enumerate(MEMO_COLUMNS) if col.key == "name")
_WRAPPED_KEYS = {"name", "name_en", "segments", "amounts_written", "latest_round", "country"}


def _short_note(note: str, has_sheet: bool) -> str:
    if len(note) <= NOTE_IN_TABLE:
        return cells.fit_cell(note)
    more = translate("memo_tables", NOTE_MORE)
    return cells.clean_text(note[: NOTE_IN_TABLE - len(more)]).rstrip() + (
        more if has_sheet else translate("memo_tables", NOTE_CUT)
    )


def shortlist_columns(with_pipeline: bool) -> list[tuple[str, float]]:
    """The Shortlist sheet's (header, width): the ranked list's columns, the pipeline's when
    there is one, then the note; the headers in the memo's language (core.columns.Column.title
    for the ranked list's)."""
    note = translate("memo_tables", NOTE_HEADER)
    if not with_pipeline:
        ranked = [
            (cells.column_header(col), width)
            for col, (_, width) in zip(MEMO_COLUMNS, SHORTLIST_COLUMNS, strict=False)
        ]
        return [*ranked, (note, NOTE_WIDTH)]
    ranked = [
        (cells.column_header(col), PIPELINE_WIDTHS.get(col.key, col.memo_width)) for col in MEMO_COLUMNS
    ]
    pipeline = [(translate("memo_tables", h), w) for h, w in PIPELINE_COLUMNS]
    return [*ranked, *pipeline, (note, PIPELINE_NOTE_WIDTH)]


def _pipeline_cells(content: MemoContent, company_id: str) -> list[tuple[object, None]]:
    """The Stage, Owner and Next step cells of a company: blank when it is not in the pipeline."""
    entry = content.pipeline_of(company_id)
    if entry is None:
        return [("", None)] * len(PIPELINE_COLUMNS)
    step = " · ".join(x for x in (entry.next_step, entry.next_date or "") if x)
    return [(content.stage_label(entry.stage), None), (entry.owner or "", None), (step, None)]


def shortlist_sheet(ws: Worksheet, content: MemoContent) -> None:
    req = content.req
    rows = content.rows
    with_pipeline = content.has_pipeline
    header = shortlist_columns(with_pipeline)
    ncols = len(header)
    w = req.ranking.weights
    cells.sheet_title(
        ws,
        translate("memo_tables", "AIGC screener — {selection} memo").format(selection=content.selection_text),
        ncols,
    )
    put(
        ws,
        2,
        1,
        translate(
            "memo_tables",
            "{source} · {universe} · weights value {value}, difficulty {difficulty}, funding {funding}"
            " · {policy} · 1 USD = {fx} CNY · {date:%Y-%m-%d %H:%M}",
        ).format(
            source=content.source,
            universe=present.universe_label(req.ranking.universe),
            value=f"{w.value:+g}",
            difficulty=f"{w.difficulty:+g}",
            funding=f"{w.funding:+g}",
            policy=present.policy_sentence(req.ranking.policy),
            fx=f"{req.ranking.table.fx_cny_per_usd:g}",
            date=req.created,
        ),
        font=MUTED_FONT,
    )
    cells.merge(ws, 2, 1, ncols)
    note = content.tie_note
    put(
        ws,
        3,
        1,
        translate(
            "memo_tables",
            "≈ marks figures converted from yuan or read from vague wording; “8=” a rank shared by equal scores",
        )
        + (
            translate("memo_tables", "; {tie}, cut by this memo's last place").format(tie=note)
            if note
            else ""
        )
        + translate("memo_tables", "; each name opens the company's sheet (see the {method} sheet).").format(
            method=content.sheet("Method")
        ),
        font=MUTED_FONT,
    )
    cells.merge(ws, 3, 1, ncols)
    cells.header_row(ws, HEADER_ROW, [c for c, _ in header], dark=True)
    cells.set_widths(ws, [w for _, w in header])

    # a style per column and number format, made once and copied to every cell (the fast way
    # to style a long table: no per-cell look-ups)
    aligns = [
        cells.TEXT if col.key in _WRAPPED_KEYS else (NUMBER if col.kind != "text" else TEXT)
        for col in MEMO_COLUMNS
    ] + [TEXT] * (len(PIPELINE_COLUMNS) * with_pipeline + 1)
    styles: dict[tuple[int, str | None], object] = {}

    def style(col: int, fmt: str | None):
        made = styles.get((col, fmt))
        if made is None:
            scratch = Cell(ws, row=FIRST_DATA_ROW, column=col)  # not on the sheet: a style to copy
            scratch.alignment = aligns[col - 1]
            if fmt:
                scratch.number_format = fmt
            made = styles[(col, fmt)] = scratch._style
        return made  # Cell() copies it

    r = FIRST_DATA_ROW
    for c in rows:
        text = req.notes.get(c.id, "")
        made = [cells.column_cell(col, c) for col in MEMO_COLUMNS]
        if with_pipeline:
            made += _pipeline_cells(content, c.id)
        made.append((_short_note(text, c.id in content.memo_names) if text else "", None))
        row_cells = []
        for col, (v, fmt) in enumerate(made, start=1):
            v = cells.fit_cell(v, cells.CUT_MARKER) if isinstance(v, str) else cells.finite(v)
            cell = Cell(ws, value=v, style_array=style(col, fmt))
            if isinstance(v, str):
                cell.data_type = "s"  # "=1+1" stays the text "=1+1"
                if v.startswith(cells.RISKY_START):
                    cell.quotePrefix = True
            row_cells.append(cell)
        ws.append(row_cells)
        if c.id in content.memo_names:
            cell = ws.cell(row=r, column=NAME_COL)
            cell.hyperlink = cells.sheet_link(content.memo_names[c.id])
            cell.font = LINK_FONT
        r += 1
    last = r - 1
    ws.freeze_panes = ws.cell(row=FIRST_DATA_ROW, column=NAME_COL + 1)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(ncols)}{max(last, HEADER_ROW)}"
    if last >= FIRST_DATA_ROW:
        scores = [c.score for c in rows if c.rank > 0 and math.isfinite(c.score)]
        low = max(0.0, math.floor(min(scores, default=0.0) / 10) * 10 - 10)
        score_range = f"{get_column_letter(SCORE_COL)}{FIRST_DATA_ROW}:{get_column_letter(SCORE_COL)}{last}"
        ws.conditional_formatting.add(
            score_range,
            DataBarRule(
                start_type="num",
                start_value=low,
                end_type="num",
                end_value=100,
                color="8FB4E3",
                showValue=True,
            ),
        )
        _score_chart(ws, last)
    cells.fit_rows(ws, 1, 3)
    cells.fit_rows(ws, HEADER_ROW, HEADER_ROW)
    if len(rows) <= 2000:  # a long table keeps one line a row (its cells still wrap on screen)
        cells.fit_rows(ws, FIRST_DATA_ROW, last)
    cells.print_setup(ws, f"{HEADER_ROW}:{HEADER_ROW}")


def _score_chart(ws: Worksheet, last: int) -> None:
    chart = BarChart()
    chart.type = "bar"
    chart.style = 10
    chart.gapWidth = 40
    chart.title = translate("memo_tables", "Score (0–100)")
    chart.y_axis.title = translate("memo_tables", "Score")
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 100
    chart.y_axis.majorUnit = 20
    chart.x_axis.delete = False  # openpyxl hides axes unless told otherwise
    chart.y_axis.delete = False
    chart.legend = None
    shown = min(last, FIRST_DATA_ROW + 29)  # the chart shows at most the first 30 companies
    data = Reference(ws, min_col=SCORE_COL, min_row=HEADER_ROW, max_row=shown)
    cats = Reference(ws, min_col=NAME_COL, min_row=FIRST_DATA_ROW, max_row=shown)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(cats)
    chart.x_axis.scaling.orientation = "maxMin"  # best at the top
    chart.x_axis.tickLblSkip = 1
    chart.height = max(6.0, 0.75 * (shown - FIRST_DATA_ROW + 1) + 3)
    chart.width = 18
    # below the table, so the printed page keeps the table readable
    ws.add_chart(chart, f"B{last + 3}")


# --- Method ---------------------------------------------------------------------------------

METHOD_WIDTHS = (36.0, 104.0)
#: The missing-data policies by their keys (core.scoring), as the Method sheet names them.
POLICY_NAMES = {
    "zero": QT_TRANSLATE_NOOP("memo_tables", "zero"),
    "neutral": QT_TRANSLATE_NOOP("memo_tables", "neutral"),
    "exclude": QT_TRANSLATE_NOOP("memo_tables", "exclude"),
}


def method_rows(content: MemoContent, max_memo_sheets: int) -> list[tuple[str, object]]:
    """(label, value) of each line of the Method sheet, in the memo's language."""
    req = content.req
    n_rows = len(content.rows)
    w = req.ranking.weights
    ds = req.dataset
    universe = req.ranking.universe
    lens = content.lenses

    def in_language(text: str) -> str:
        return translate("memo_tables", text)

    if req.memo_sheets:
        memo_sheets = translate("memo_tables", "one per company for the first {n}").format(
            n=min(n_rows, max_memo_sheets)
        )
        if n_rows > max_memo_sheets:
            memo_sheets += translate("memo_tables", " (of {n}; the {shortlist} sheet lists all)").format(
                n=n_rows, shortlist=content.sheet("Shortlist")
            )
    else:
        memo_sheets = translate("memo_tables", "none")
    policy = req.ranking.policy
    rows: list[tuple[str, object]] = [
        (
            QT_TRANSLATE_NOOP("memo_tables", "Memo"),
            translate("memo_tables", "{selection}, {n} companies").format(
                selection=content.selection_text, n=n_rows
            ),
        ),
        (QT_TRANSLATE_NOOP("memo_tables", "Memo sheets"), memo_sheets),
        (QT_TRANSLATE_NOOP("memo_tables", "Created"), req.created.strftime("%Y-%m-%d %H:%M:%S %Z").strip()),
        (QT_TRANSLATE_NOOP("memo_tables", "App version"), f"AIGC screener {__version__}"),
        (QT_TRANSLATE_NOOP("memo_tables", "Dataset"), ds.name),
        (QT_TRANSLATE_NOOP("memo_tables", "Dataset source"), content.source),
        (QT_TRANSLATE_NOOP("memo_tables", "Dataset content hash (SHA-256, first 16 hex)"), ds.content_hash),
        (QT_TRANSLATE_NOOP("memo_tables", "Latest dated event in the data"), content.latest or present.NONE),
        (
            QT_TRANSLATE_NOOP("memo_tables", "Universe"),
            f"{present.universe_label(universe)}: {present.universe_sentence(universe)}",
        ),
        (
            QT_TRANSLATE_NOOP("memo_tables", "Companies screened"),
            req.screened if req.screened is not None else int(req.ranking.included.sum()),
        ),
        (QT_TRANSLATE_NOOP("memo_tables", "Companies in the universe"), int(req.ranking.in_universe.sum())),
        (QT_TRANSLATE_NOOP("memo_tables", "Companies in the dataset"), ds.n_companies),
        (QT_TRANSLATE_NOOP("memo_tables", "Filters in effect"), req.filters.describe()),
        (QT_TRANSLATE_NOOP("memo_tables", "Preset"), present.preset_label(req.preset)),
        (QT_TRANSLATE_NOOP("memo_tables", "Weights in words"), present.weights_in_words(w)),
        (QT_TRANSLATE_NOOP("memo_tables", "Weight: value"), w.value),
        (QT_TRANSLATE_NOOP("memo_tables", "Weight: difficulty"), w.difficulty),
        (QT_TRANSLATE_NOOP("memo_tables", "Weight: funding"), w.funding),
        (
            QT_TRANSLATE_NOOP("memo_tables", "Sub-weights: value (market, traction)"),
            f"{w.market:g}, {w.traction:g}",
        ),
        (
            QT_TRANSLATE_NOOP("memo_tables", "Sub-weights: difficulty (logic, compute, corpus)"),
            f"{w.logic:g}, {w.compute:g}, {w.corpus:g}",
        ),
        (
            QT_TRANSLATE_NOOP("memo_tables", "Sub-weights: funding (capital, valuation, recency, stage)"),
            f"{w.capital:g}, {w.valuation:g}, {w.recency:g}, {w.stage:g}",
        ),
        (
            QT_TRANSLATE_NOOP("memo_tables", "Missing-data policy"),
            f"{in_language(POLICY_NAMES[policy]) if policy in POLICY_NAMES else policy}: {present.policy_sentence(policy)}",
        ),
        (QT_TRANSLATE_NOOP("memo_tables", "Exchange rate (CNY per USD)"), req.ranking.table.fx_cny_per_usd),
        (
            QT_TRANSLATE_NOOP("memo_tables", "Rank stability"),
            present.capital_first(present.stability_definition(req.ranking.top_k, seed=True)),
        ),
        (
            QT_TRANSLATE_NOOP("memo_tables", "Ties"),
            present.capital_first(present.tie_order()) + translate("memo_tables", "."),
        ),
        (QT_TRANSLATE_NOOP("memo_tables", "Tie at the cut"), content.tie_note_text()),
        (
            QT_TRANSLATE_NOOP("memo_tables", "Lenses"),
            "; ".join(f"{x.label} {present.weights_triple(x.weights)}" for x in lens.lenses)
            + translate("memo_tables", " (value, difficulty, funding)."),
        ),
        (
            QT_TRANSLATE_NOOP("memo_tables", "Robust"),
            present.capital_first(present.robust_definition(lens.top_n)) + translate("memo_tables", "."),
        ),
        (
            QT_TRANSLATE_NOOP("memo_tables", "Pareto-optimal"),
            present.capital_first(present.pareto_definition()) + translate("memo_tables", "."),
        ),
        (QT_TRANSLATE_NOOP("memo_tables", "Analyst facts"), analyst_facts_text(content)),
        (
            QT_TRANSLATE_NOOP("memo_tables", "Sensitivity charts"),
            translate(
                "memo_tables",
                "On each company's sheet: its shared rank as one weight sweeps from -100 to 100 in steps of "
                "10, the other weights and the sub-weights as above.",
            ),
        ),
    ]
    return [(in_language(label), value) for label, value in rows]


def analyst_facts_text(content: MemoContent) -> str:
    """The Method sheet's line on the analyst's own facts: how many the memo's companies have and
    how many of them the ranking counts."""
    facts = [(cid, f) for cid in content.ids for f in content.my_facts(cid)]
    if not facts:
        return translate("memo_tables", "None on the memo's companies: every fact is the report's.")
    counted = sum(1 for cid, f in facts if f.id in content.counted(cid))
    n = len(facts)
    how = (
        translate("memo_tables", "{counted} of them counted in the signals").format(counted=counted)
        if counted
        else translate("memo_tables", "none of them counted: this ranking is of the report's facts only")
    )
    text = (
        translate(
            "memo_tables",
            "1 of the analyst's own fact on the memo's companies ({how}); each is marked {mark} with its "
            "source, the date seen and who entered it on the company's sheet, beside the report's facts it "
            "disagrees with. The report's facts are never replaced.",
        )
        if n == 1
        else translate(
            "memo_tables",
            "{n} of the analyst's own facts on the memo's companies ({how}); each is marked {mark} with "
            "its source, the date seen and who entered it on the company's sheet, beside the report's "
            "facts it disagrees with. The report's facts are never replaced.",
        )
    )
    return text.format(n=n, how=how, mark=present.MY_FACT_MARK)


def method_sheet(ws: Worksheet, content: MemoContent, max_memo_sheets: int) -> None:
    cells.sheet_title(ws, content.sheet("Method"))
    put(
        ws,
        2,
        1,
        translate("memo_tables", "Everything needed to reproduce this memo's ranking."),
        font=MUTED_FONT,
        align=cells.LINE,
    )
    cells.set_widths(ws, METHOD_WIDTHS)
    r = 4
    for label, value in method_rows(content, max_memo_sheets):
        put(ws, r, 1, label, font=BOLD_FONT, align=TEXT)
        # the value sits beside its label: left-aligned, numbers too
        put(ws, r, 2, value, align=NUMBER_LEFT if cells.is_number(value) else TEXT)
        r += 1
    r += 1
    put(ws, r, 1, translate("memo_tables", "How the score is made"), font=SECTION_FONT, align=cells.LINE)
    r += 1
    for line in present.score_rules(content.req.ranking.universe):
        put(ws, r, 1, line, align=TEXT)
        cells.merge(ws, r, 1, 2)
        r += 1
    cells.fit_rows(ws)
    cells.print_setup(ws)


# --- Segments -------------------------------------------------------------------------------

#: The Segments sheet's grid, shared by its three tables.
SEGMENT_WIDTHS = (7.0, 36.0, 11.0, 11.0, 12.0, 11.0, 12.0, 10.0, 9.0, 40.0)
SEGMENT_SHEET_COLUMNS = len(SEGMENT_WIDTHS)
SEGMENT_LABELS = (
    QT_TRANSLATE_NOOP("memo_tables", "Ref"),
    QT_TRANSLATE_NOOP("memo_tables", "Scenario × industry"),
    QT_TRANSLATE_NOOP("memo_tables", "Market ★"),
    QT_TRANSLATE_NOOP("memo_tables", "Logic ★"),
    QT_TRANSLATE_NOOP("memo_tables", "Compute ★"),
    QT_TRANSLATE_NOOP("memo_tables", "Corpus ★"),
    QT_TRANSLATE_NOOP("memo_tables", "Companies"),
    QT_TRANSLATE_NOOP("memo_tables", "Figures quoted"),
    QT_TRANSLATE_NOOP("memo_tables", "Market size, as the report gives it"),
)
#: The column the market sizes start in (merged to the sheet's last column).
MARKET_SIZE_COL = len(SEGMENT_LABELS)
#: The Segments sheet's table of figures: its columns, the quote in the last (merged to the
#: sheet's last column).
NUMBER_LABELS = (
    QT_TRANSLATE_NOOP("memo_tables", "Ref"),
    QT_TRANSLATE_NOOP("memo_tables", "Metric"),
    QT_TRANSLATE_NOOP("memo_tables", "Kind"),
    QT_TRANSLATE_NOOP("memo_tables", "Figure"),
    QT_TRANSLATE_NOOP("memo_tables", "Unit"),
    QT_TRANSLATE_NOOP("memo_tables", "As written"),
    QT_TRANSLATE_NOOP("memo_tables", "Year"),
    QT_TRANSLATE_NOOP("memo_tables", "Forecast"),
    QT_TRANSLATE_NOOP("memo_tables", "Quote"),
)
NUMBER_QUOTE_COL = len(NUMBER_LABELS)
#: The title of the Segments sheet's last table: what the report says beyond its figures.
MORE_QUOTES_TITLE = QT_TRANSLATE_NOOP("memo_tables", "More the report says about the segments")
#: The kinds of a segment's quoted facts (core.records.FactKind).
SEGMENT_FACT_KINDS = {
    "market": QT_TRANSLATE_NOOP("memo_tables", "Market"),
    "funding_stats": QT_TRANSLATE_NOOP("memo_tables", "Funding stats"),
    "adoption": QT_TRANSLATE_NOOP("memo_tables", "Adoption"),
    "research": QT_TRANSLATE_NOOP("memo_tables", "Research"),
}


def _labels(labels) -> list[str]:
    return [translate("memo_tables", x) for x in labels]


def segments_sheet(ws: Worksheet, content: MemoContent) -> None:
    req = content.req
    ds = req.dataset
    cells.sheet_title(ws, translate("memo_tables", "Segments of the report"))
    put(
        ws,
        2,
        1,
        translate(
            "memo_tables",
            "Ratings from the report: market space, and the difficulty of logic, compute and corpus "
            "(more stars: larger, harder). Companies: how many of the universe play its role there.",
        ),
        font=MUTED_FONT,
    )
    cells.merge(ws, 2, 1, SEGMENT_SHEET_COLUMNS)
    cells.set_widths(ws, SEGMENT_WIDTHS)
    cells.header_row(ws, 3, _labels(SEGMENT_LABELS), dark=True)
    cells.merge(ws, 3, MARKET_SIZE_COL, SEGMENT_SHEET_COLUMNS)
    counts = req.ranking.table.segment_counts()
    r = 4
    for s in ds.segments:
        put(ws, r, 1, s.ref)
        put(ws, r, 2, f"{s.scenario} × {s.industry}\n{s.scenario_zh} × {s.industry_zh}")
        for col, attr in enumerate(("market", "logic", "compute", "corpus"), start=3):
            put(ws, r, col, present.stars(getattr(s, attr)), font=STAR_FONT)
        put(ws, r, 7, counts.get(s.ref, 0))
        put(ws, r, 8, len(ds.numbers_of(s.ref)))
        sizes = [present.number_text(n) for n in ds.numbers_of(s.ref) if n.kind == "market_size"]
        put(ws, r, MARKET_SIZE_COL, "\n".join(sizes) or present.NONE)
        cells.merge(ws, r, MARKET_SIZE_COL, SEGMENT_SHEET_COLUMNS)
        r += 1
    ws.freeze_panes = "B4"
    ws.auto_filter.ref = f"A3:{get_column_letter(MARKET_SIZE_COL - 1)}{r - 1}"
    r = _segment_numbers_table(ws, content, r + 1)
    r = _segment_quotes_table(ws, content, r + 1)
    cells.fit_rows(ws, 2)
    cells.print_setup(ws)  # no repeated header: the sheet holds three tables


def _segment_numbers_table(ws: Worksheet, content: MemoContent, r: int) -> int:
    """The figures the report gives for each segment, one row each: the figure as a number, its
    unit, year and whether it is a forecast in cells of their own, and the quote in full (over
    continuation rows if it is longer than a cell holds).  Returns the next free row."""
    ds = content.ds
    numbers = [n for s in ds.segments for n in ds.numbers_of(s.ref)]
    if not numbers:
        return r
    put(ws, r, 1, translate("memo_tables", "Figures the report gives"), font=SECTION_FONT, align=cells.LINE)
    r += 1
    cells.header_row(ws, r, _labels(NUMBER_LABELS))
    cells.merge(ws, r, NUMBER_QUOTE_COL, SEGMENT_SHEET_COLUMNS)
    r += 1
    for n in numbers:
        values = [
            n.segment,
            n.metric,
            present.number_kind_label(n.kind),
            n.value,
            n.unit,
            n.text,
            n.year or present.NONE,
            translate("memo_tables", "yes") if n.forecast else translate("memo_tables", "no"),
        ]
        for col, v in enumerate(values, start=1):
            put(ws, r, col, v)
        for i, part in enumerate(cells.split_text(f"“{n.quote}”")):
            if i:
                put(ws, r, 1, translate("memo_tables", "(quote continued)"), font=MUTED_FONT)
            put(ws, r, NUMBER_QUOTE_COL, part)
            cells.merge(ws, r, NUMBER_QUOTE_COL, SEGMENT_SHEET_COLUMNS)
            r += 1
    return r


def _segment_quotes_table(ws: Worksheet, content: MemoContent, r: int) -> int:
    """What the report says about a segment beyond its figures: each quoted sentence not
    already quoted with a figure, in a row of its own, whole."""
    ds = content.ds
    quoted = {(n.segment, n.quote) for n in ds.segment_numbers}
    facts = [(s.ref, f) for s in ds.segments for f in s.facts if (s.ref, f.quote) not in quoted]
    if not facts:
        return r
    put(ws, r, 1, translate("memo_tables", MORE_QUOTES_TITLE), font=SECTION_FONT, align=cells.LINE)
    r += 1
    cells.header_row(ws, r, _labels(["Ref", "Kind", "Quote"]))
    cells.merge(ws, r, 3, SEGMENT_SHEET_COLUMNS)
    r += 1
    for ref, f in facts:
        put(ws, r, 1, ref)
        kind = SEGMENT_FACT_KINDS.get(f.kind)
        put(ws, r, 2, translate("memo_tables", kind) if kind else f.kind.replace("_", " ").capitalize())
        for i, part in enumerate(cells.split_text(f"“{f.quote}”")):
            if i:
                put(ws, r, 1, translate("memo_tables", "(quote continued)"), font=MUTED_FONT)
            put(ws, r, 3, part)
            cells.merge(ws, r, 3, SEGMENT_SHEET_COLUMNS)
            r += 1
    return r
