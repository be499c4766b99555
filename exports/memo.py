"""The Excel memo for an investment committee (openpyxl; no Qt).

One workbook: a Shortlist sheet (the companies, their scores, a data bar and a chart), a
Method sheet that makes the memo reproducible, a Segments sheet, and one memo sheet per
company.  The GUI and the command line both call :func:`write_memo`.

Safety rules, applied to every cell this module writes:

* Text is always text: a value starting with ``=`` is stored as a string, never a formula,
  and text starting with ``= + - @`` gets Excel's quote prefix so editing it keeps it text.
* Characters a workbook cannot hold (control characters) are removed.
* Text longer than a cell holds (32,767 characters) is split over continuation rows on a
  memo sheet, and marked "[continues on the memo sheet]" in the shortlist table; never cut
  silently.
* Sheet names are cleaned (no ``[]:*?/\\``, at most 31 characters) and unique.
* The file is written to a temporary file beside the target and moved into place with
  ``os.replace``: a failure leaves any earlier file whole and no half-written file.  The
  temporary name is cut to fit the file system; an existing read-only target is never replaced.
"""

from __future__ import annotations

import contextlib
import glob
import math
import os
import re
import stat
import tempfile
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zipfile import ZipFile

import numpy as np

try:
    from lxml.etree import SerialisationError
except ImportError:  # openpyxl writes without lxml then, and only raises OSError

    class SerialisationError(Exception):  # type: ignore[no-redef]
        """Never raised: lxml is not installed."""


from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import DataBarRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.worksheet import Worksheet

from core import __version__, columns, present
from core.columns import Column
from core.filters import Filters
from core.models import Dataset
from core.paths import describe_os_error, name_max, path_problem, shown_path, too_long_name
from core.results import CompanyOut, company_out, shown_rows
from core.scoring import SIGNALS, Ranking
from core.texttable import display_width

CELL_MAX = 32_767
#: Memo sheets are written for the first this-many companies (the shortlist sheet lists all).
MAX_MEMO_SHEETS = 100
CHUNK = 32_000  # what one continuation row holds
SHEET_NAME_MAX = 31
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_RISKY_START = ("=", "+", "-", "@")
CUT_MARKER = " … [cut here: the full text is longer than an Excel cell holds]"

HEADER_FILL = PatternFill("solid", fgColor="1F3864")
HEADER_FONT = Font(bold=True, color="FFFFFF")
TITLE_FONT = Font(bold=True, size=14)
SECTION_FONT = Font(bold=True, size=12, color="1F3864")
MUTED_FONT = Font(color="666666", italic=True)
STAR_FONT = Font(color="D69600")
THIN = Side(style="thin", color="BBBBBB")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
LEFT_WRAP = Alignment(wrap_text=True, vertical="top", horizontal="left")
LINE_HEIGHT = 15.0  # points per line of 11-pt text
MAX_ROW_HEIGHT = 409.0
SIGNAL_FORMAT = "0.00"
SCORE_FORMAT = "0.0"
PCT_FORMAT = "0%"
RANK_SHARED_FORMAT = '#,##0"="'  # a rank other companies share: 8 reads "8="


class MemoError(Exception):
    """The memo could not be written; the message says why and what to do."""


class MemoCancelled(Exception):
    """The user cancelled the export; nothing was written."""


@dataclass
class MemoRequest:
    """Everything a memo shows; the ranking and dataset are the ones the app shows."""

    dataset: Dataset
    ranking: Ranking
    company_ids: Sequence[str]
    notes: dict[str, str] = field(default_factory=dict)
    filters: Filters = field(default_factory=Filters)
    preset: str | None = None
    selection: str = "shortlist"
    screened: int | None = None
    created: datetime = field(default_factory=lambda: datetime.now().astimezone())
    memo_sheets: bool = True


# --- safe cells ---------------------------------------------------------------------------


_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def clean_text(value: str) -> str:
    """Remove characters a workbook cannot hold: control characters other than tab and newline,
    lone surrogates, U+FFFE and U+FFFF (a file holding them will not open)."""
    return _NOT_XML.sub("", ILLEGAL_CHARACTERS_RE.sub("", value))


def put(
    ws: Worksheet,
    row: int,
    col: int,
    value,
    *,
    number_format: str | None = None,
    font=None,
    align: Alignment | None | bool = None,
    fill=None,
):
    """Write one cell.  Strings are always stored as text (never a formula)."""
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        text = fit_cell(value, CUT_MARKER)
        cell.value = text
        cell.data_type = "s"  # "=1+1" stays the text "=1+1"
        if text.startswith(_RISKY_START):
            cell.quotePrefix = True
    elif isinstance(value, float) and not math.isfinite(value):
        cell.value = None
    else:
        cell.value = value
    if number_format:
        cell.number_format = number_format
    if font is not None:
        cell.font = font
    if align is not False:  # False: leave the default alignment (the fast table rows)
        cell.alignment = align if align is not None else TOP
    if fill is not None:
        cell.fill = fill
    return cell


def _finite(value):
    """A number for a cell; NaN and infinities become an empty cell."""
    return None if isinstance(value, float) and not math.isfinite(value) else value


def split_text(text: str, size: int = CHUNK) -> list[str]:
    text = clean_text(text)
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


def fit_rows(
    ws: Worksheet, first: int = 1, last: int | None = None, columns: Sequence[int] | None = None
) -> None:
    """Give rows holding wrapped text a height that shows it all (neither Excel nor LibreOffice
    sizes rows of a generated file by itself).  Merged cells count the width of their range."""
    merged = {}
    for rng in ws.merged_cells.ranges:
        merged[(rng.min_row, rng.min_col)] = sum(
            ws.column_dimensions[get_column_letter(c)].width or 8.43
            for c in range(rng.min_col, rng.max_col + 1)
        )
    last = ws.max_row if last is None else last
    for row in ws.iter_rows(min_row=first, max_row=last):
        lines = 1
        for cell in row if columns is None else (row[c - 1] for c in columns if c <= len(row)):
            if not isinstance(cell.value, str) or not (cell.alignment and cell.alignment.wrap_text):
                continue
            width = (
                merged.get((cell.row, cell.column)) or ws.column_dimensions[cell.column_letter].width or 8.43
            )
            per_line = max(1.0, width * 1.1)
            n = sum(max(1, math.ceil(display_width(part) / per_line)) for part in cell.value.split("\n"))
            lines = max(lines, n)
        if lines > 1:
            ws.row_dimensions[row[0].row].height = min(MAX_ROW_HEIGHT, LINE_HEIGHT * lines + 2)


def fit_cell(text: str, marker: str = " … [continues on the memo sheet]") -> str:
    """Text for one cell: whole if it fits, else cut with a visible marker (the full text is elsewhere)."""
    text = clean_text(text)
    if len(text) <= CELL_MAX:
        return text
    return text[: CELL_MAX - len(marker)] + marker


def clean_sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name (compared case-insensitively, as Excel does)."""
    base = _BAD_SHEET_CHARS.sub("_", clean_text(name)).strip().strip("'") or "Sheet"
    if base.casefold() == "history":
        base = "History_"
    candidate = base[:SHEET_NAME_MAX].strip("'").strip() or "Sheet"  # Excel forbids a leading/trailing '
    n = 2
    while candidate.casefold() in taken:
        suffix = f" ({n})"
        candidate = base[: SHEET_NAME_MAX - len(suffix)].rstrip("'").rstrip() + suffix
        n += 1
    taken.add(candidate.casefold())
    return candidate


def sheet_link(name: str) -> str:
    """An in-workbook link to a sheet (an apostrophe in the name is doubled, as Excel wants)."""
    return "#'" + name.replace("'", "''") + "'!A1"


def _header(ws: Worksheet, row: int, labels: Sequence[str]) -> None:
    for i, label in enumerate(labels, start=1):
        put(
            ws,
            row,
            i,
            label,
            font=HEADER_FONT,
            fill=HEADER_FILL,
            align=Alignment(vertical="center", wrap_text=True),
        )


def _widths(ws: Worksheet, widths: Sequence[float]) -> None:
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def _print_setup(ws: Worksheet, title_rows: str | None = None) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.4
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddFooter.center.text = "&A — page &P of &N"
    ws.oddHeader.left.text = "AIGC screener memo"


def usd_format(value: float, approximate: bool) -> str | None:
    """The number format that shows a dollar figure as :func:`core.present.usd` writes it
    ("$252.0M", "≈ $69.4M", "$1.00B", "$950K"): the cell keeps the number (it sorts and
    sums), the reader sees readable units.  None for an approximate figure below a thousand
    (written as text: a number format cannot round to tens)."""
    divisor, decimals, suffix = present.usd_unit(value)
    prefix = '"≈ $"' if approximate else '"$"'
    if not suffix:
        return None if approximate else prefix + "#,##0"
    scale = "," * round(math.log10(divisor) / 3)  # each trailing comma divides by a thousand
    return f'{prefix}#,##0{"." + "0" * decimals if decimals else ""}{scale}"{suffix}"'


def usd_cell(value: float | None, approximate: bool) -> tuple[object, str | None]:
    """(cell value, number format) for a dollar figure; "—" for none."""
    if value is None or not math.isfinite(value):
        return present.NONE, None
    fmt = usd_format(value, approximate)
    return (value, fmt) if fmt else (present.usd(value, approximate), None)


def column_cell(col: Column, c: CompanyOut) -> tuple[object, str | None]:
    """(cell value, number format) of one column for one company: numbers stay numbers with a
    number format that reads as the column's text; everything else is the column's text."""
    assert col.of_company is not None
    raw = col.of_company(c)
    if col.kind == "rank":
        rank, shared = raw if isinstance(raw, tuple) else (raw, False)
        if rank > 0:
            # the number stays a number (it sorts); a shared rank reads "8=" as in every view
            return rank, RANK_SHARED_FORMAT if shared else None
        return present.rank_text(rank), None
    if col.kind == "score" and raw is not None:
        return raw, SCORE_FORMAT
    if col.kind == "signal" and not raw[1]:
        return raw[0], SIGNAL_FORMAT
    if col.kind == "usd":
        return usd_cell(*raw)
    if col.kind == "share" and raw is not None:
        return raw, PCT_FORMAT
    return col.text(raw), None


# --- sheets -------------------------------------------------------------------------------

#: The Shortlist sheet's columns: the ranked list's (core.columns.MEMO, its rank the shared
#: rank of every view, "8="), then the note.
MEMO_COLUMNS = list(columns.MEMO)
NOTE_HEADER = "Analyst note"
SHORTLIST_COLUMNS = [(col.header, col.memo_width) for col in MEMO_COLUMNS] + [(NOTE_HEADER, 50)]
FIRST_DATA_ROW = 5
MEMO_SHEET_COLUMNS = 8  # a memo sheet's widest table: the funding history


def tie_note(req: MemoRequest) -> str | None:
    """What to say when the memo's last company shares its place with one left out (a "top N"
    memo whose boundary cuts a tie: Ranking.tie_note over the rows the table showed); None
    otherwise (a shortlist is chosen by hand, not cut at a place)."""
    if not req.selection.startswith("top "):
        return None
    shortlist = req.company_ids if req.filters.shortlist_only else ()
    shown = shown_rows(req.dataset, req.ranking, req.filters, shortlist)
    return req.ranking.tie_note(len(req.company_ids), shown)


def tie_note_text(req: MemoRequest) -> str:
    """The Method sheet's line on a tie at the memo's last place."""
    note = tie_note(req)
    if note is not None:
        return present.capital_first(note) + "; the memo holds the first of them in the order inside a tie."
    if req.selection.startswith("top "):
        return "None: the last place in the memo is not shared with a company left out."
    if req.selection == "shortlist":
        return "Not applicable: a shortlist is chosen by hand, not cut at a place."
    return "None: the memo holds every ranked company shown."


def _shortlist_sheet(
    ws: Worksheet, req: MemoRequest, rows: list[CompanyOut], memo_names: dict[str, str]
) -> None:
    ws.title = "Shortlist"
    w = req.ranking.weights
    put(ws, 1, 1, f"AIGC screener — {req.selection} memo", font=TITLE_FONT)
    put(
        ws,
        2,
        1,
        f"{req.dataset.name} · {present.universe_label(req.ranking.universe)}"
        f" · weights value {w.value:+g}, difficulty {w.difficulty:+g}, funding {w.funding:+g}"
        f" · {present.policy_sentence(req.ranking.policy)} · 1 USD = {req.ranking.table.fx_cny_per_usd:g} CNY"
        f" · {req.created:%Y-%m-%d %H:%M}",
        font=MUTED_FONT,
    )
    note = tie_note(req)
    put(
        ws,
        3,
        1,
        "≈ marks figures converted from yuan or read from vague wording; “8=” a rank shared by equal scores"
        + (f"; {note}, cut by this memo's last place" if note else "")
        + " (see the Method sheet).",
        font=MUTED_FONT,
    )
    _header(ws, 4, [c for c, _ in SHORTLIST_COLUMNS])
    _widths(ws, [w for _, w in SHORTLIST_COLUMNS])
    r = FIRST_DATA_ROW
    for c in rows:
        note = req.notes.get(c.id, "")
        made = [column_cell(col, c) for col in MEMO_COLUMNS]
        values = [v for v, _ in made] + [fit_cell(note) if note else ""]
        formats = [f for _, f in made] + [None]
        # one append per row (the fast way to make cells), then the few per-cell settings
        cells = [fit_cell(v, CUT_MARKER) if isinstance(v, str) else _finite(v) for v in values]
        ws.append(cells)
        for col, (v, fmt) in enumerate(zip(cells, formats, strict=True), start=1):
            if fmt:
                ws.cell(row=r, column=col).number_format = fmt
            elif isinstance(v, str) and v.startswith(_RISKY_START):
                cell = ws.cell(row=r, column=col)
                cell.value = v
                cell.data_type = "s"  # "=1+1" stays the text "=1+1"
                cell.quotePrefix = True
        if note:
            ws.cell(row=r, column=len(values)).alignment = WRAP
        if c.id in memo_names:
            cell = ws.cell(row=r, column=2)
            cell.hyperlink = sheet_link(memo_names[c.id])
            cell.font = Font(color="1F5FBF", underline="single")
        r += 1
    last = r - 1
    ws.freeze_panes = ws.cell(row=FIRST_DATA_ROW, column=3)
    ncols = len(SHORTLIST_COLUMNS)
    ws.auto_filter.ref = f"A4:{get_column_letter(ncols)}{max(last, 4)}"
    if last >= FIRST_DATA_ROW:
        score_range = f"F{FIRST_DATA_ROW}:F{last}"
        ws.conditional_formatting.add(
            score_range,
            DataBarRule(
                start_type="num", start_value=0, end_type="num", end_value=100, color="5B9BD5", showValue=True
            ),
        )
        chart = BarChart()
        chart.type = "bar"
        chart.style = 10
        chart.gapWidth = 40
        chart.title = "Score (0–100)"
        chart.y_axis.title = "Score"
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 100
        chart.y_axis.majorUnit = 20
        chart.x_axis.delete = False  # openpyxl hides axes unless told otherwise
        chart.y_axis.delete = False
        chart.legend = None
        shown = min(last, FIRST_DATA_ROW + 29)  # the chart shows at most the first 30 companies
        data = Reference(ws, min_col=6, min_row=4, max_row=shown)
        cats = Reference(ws, min_col=2, min_row=FIRST_DATA_ROW, max_row=shown)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(cats)
        chart.x_axis.scaling.orientation = "maxMin"  # best at the top
        chart.x_axis.tickLblSkip = 1
        chart.height = max(6.0, 0.75 * (shown - FIRST_DATA_ROW + 1) + 3)
        chart.width = 18
        # below the table, so the printed page keeps the table readable
        ws.add_chart(chart, f"B{last + 3}")
    ws.row_dimensions[4].height = 2 * LINE_HEIGHT + 2  # bold headers such as "Valuation (USD)" take two lines
    fit_rows(ws, FIRST_DATA_ROW, last, columns=[len(SHORTLIST_COLUMNS)])  # only notes wrap
    _print_setup(ws, "4:4")


def _method_sheet(ws: Worksheet, req: MemoRequest, n_rows: int) -> None:
    w = req.ranking.weights
    ds = req.dataset
    preset = present.preset_label(req.preset)
    policy = present.policy_sentence(req.ranking.policy)
    universe = req.ranking.universe
    rows: list[tuple[str, object]] = [
        ("Memo", f"{req.selection}, {n_rows} companies"),
        (
            "Memo sheets",
            (
                f"one per company for the first {min(n_rows, MAX_MEMO_SHEETS)}"
                + (f" (of {n_rows}; the Shortlist sheet lists all)" if n_rows > MAX_MEMO_SHEETS else "")
            )
            if req.memo_sheets
            else "none",
        ),
        ("Created", req.created.strftime("%Y-%m-%d %H:%M:%S %Z").strip()),
        ("App version", f"AIGC screener {__version__}"),
        ("Dataset", ds.name),
        ("Dataset source", ds.meta.source),
        ("Dataset content hash (SHA-256, first 16 hex)", ds.content_hash),
        ("Universe", f"{present.universe_label(universe)}: {present.universe_sentence(universe)}"),
        ("Companies screened", req.screened if req.screened is not None else int(req.ranking.included.sum())),
        ("Companies in the universe", int(req.ranking.in_universe.sum())),
        ("Companies in the dataset", ds.n_companies),
        ("Filters in effect", req.filters.describe()),
        ("Preset", preset),
        ("Weight: value", w.value),
        ("Weight: difficulty", w.difficulty),
        ("Weight: funding", w.funding),
        ("Sub-weights: value (market, traction)", f"{w.market:g}, {w.traction:g}"),
        ("Sub-weights: difficulty (logic, compute, corpus)", f"{w.logic:g}, {w.compute:g}, {w.corpus:g}"),
        (
            "Sub-weights: funding (capital, valuation, recency, stage)",
            f"{w.capital:g}, {w.valuation:g}, {w.recency:g}, {w.stage:g}",
        ),
        ("Missing-data policy", f"{req.ranking.policy}: {policy}"),
        ("Exchange rate (CNY per USD)", req.ranking.table.fx_cny_per_usd),
        ("Rank stability", present.capital_first(present.stability_definition(req.ranking.top_k, seed=True))),
        ("Ties", present.capital_first(present.TIE_ORDER) + "."),
        ("Tie at the cut", tie_note_text(req)),
    ]
    put(ws, 1, 1, "Method", font=TITLE_FONT)
    put(ws, 2, 1, "Everything needed to reproduce this memo's ranking.", font=MUTED_FONT)
    r = 4
    for label, value in rows:
        put(ws, r, 1, label, font=Font(bold=True), align=WRAP)
        put(ws, r, 2, value, align=WRAP)
        r += 1
    r += 1
    put(ws, r, 1, "How the score is made", font=SECTION_FONT)
    r += 1
    for line in present.score_rules(universe):
        put(ws, r, 1, line, align=WRAP)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
        r += 1
    _widths(ws, [46, 90])
    fit_rows(ws)
    _print_setup(ws)


def _segments_sheet(ws: Worksheet, req: MemoRequest) -> None:
    ds = req.dataset
    put(ws, 1, 1, "Segments of the report", font=TITLE_FONT)
    labels = [
        "Ref",
        "Scenario",
        "Industry",
        "Market",
        "Logic",
        "Compute",
        "Corpus",
        "Market ★",
        "Difficulty ★ (L/C/C)",
        "Companies",
        "Market figures (quoted)",
        "Sector funding statistics (quoted)",
    ]
    _header(ws, 3, labels)
    _widths(ws, [7, 30, 30, 9, 9, 12, 10, 10, 20, 10, 70, 60])
    counts = req.ranking.table.segment_counts()
    r = 4
    for s in ds.segments:
        market = "\n".join(f"§{s.ref} “{f.quote}”" for f in s.facts if f.kind == "market")
        stats = "\n".join(f"§{s.ref} “{f.quote}”" for f in s.facts if f.kind == "funding_stats")
        values = [
            s.ref,
            f"{s.scenario}\n{s.scenario_zh}",
            f"{s.industry}\n{s.industry_zh}",
            s.market,
            s.logic,
            s.compute,
            s.corpus,
            present.stars(s.market),
            f"{present.stars(s.logic)}\n{present.stars(s.compute)}\n{present.stars(s.corpus)}",
            counts.get(s.ref, 0),
            market,
            stats,
        ]
        for col, v in enumerate(values, start=1):
            put(ws, r, col, v, align=WRAP, font=STAR_FONT if col in (8, 9) else None)
        r += 1
    ws.freeze_panes = "B4"
    ws.auto_filter.ref = f"A3:{get_column_letter(len(labels))}{r - 1}"
    r = _segment_numbers_table(ws, req, r + 1)
    fit_rows(ws, 4)
    _print_setup(ws, "3:3")


#: The Segments sheet's table of figures: its columns, and the column the quote starts in
#: (merged to the sheet's last column).
NUMBER_LABELS = ("Ref", "Kind", "Metric", "Figure", "Unit", "As written", "Year", "Forecast", "Quote")
NUMBER_QUOTE_COL = len(NUMBER_LABELS)
SEGMENT_SHEET_COLUMNS = 12


def _segment_numbers_table(ws: Worksheet, req: MemoRequest, r: int) -> int:
    """The figures the report gives for each segment, one row each: the figure as a number, its
    unit, year and whether it is a forecast in cells of their own, and the quote in full (over
    continuation rows if it is longer than a cell holds).  Returns the next free row."""
    numbers = [n for s in req.dataset.segments for n in req.dataset.numbers_of(s.ref)]
    if not numbers:
        return r
    put(ws, r, 1, "Figures the report gives", font=SECTION_FONT)
    r += 1
    _header_row(ws, r, NUMBER_LABELS)
    r += 1
    for n in numbers:
        cells = [
            n.segment,
            present.number_kind_label(n.kind),
            n.metric,
            n.value,
            n.unit,
            n.text,
            n.year or present.NONE,
            "yes" if n.forecast else "no",
        ]
        for col, v in enumerate(cells, start=1):
            put(ws, r, col, v, align=WRAP)
        for i, part in enumerate(split_text(f"“{n.quote}”", CHUNK)):
            if i:
                put(ws, r, 1, "(quote continued)", font=MUTED_FONT)
            put(ws, r, NUMBER_QUOTE_COL, part, align=WRAP)
            ws.merge_cells(
                start_row=r, start_column=NUMBER_QUOTE_COL, end_row=r, end_column=SEGMENT_SHEET_COLUMNS
            )
            r += 1
    return r


def _memo_sheet(ws: Worksheet, req: MemoRequest, c: CompanyOut) -> None:
    ds = req.dataset
    company = ds.company(c.id)
    r = 1

    def line(label: str, value, number_format: str | None = None) -> None:
        nonlocal r
        put(ws, r, 1, label, font=Font(bold=True), align=WRAP)
        put(ws, r, 2, value, align=LEFT_WRAP, number_format=number_format)
        r += 1

    def section(title: str) -> None:
        nonlocal r
        r += 1
        put(ws, r, 1, title, font=SECTION_FONT)
        r += 1

    title = c.name + (f" — {c.name_en}" if c.name_en and c.name_en != c.name else "")
    put(ws, r, 1, title, font=TITLE_FONT)
    r += 1
    put(
        ws, r, 1, "← back to the shortlist", font=Font(color="1F5FBF", underline="single")
    ).hyperlink = "#'Shortlist'!A1"
    r += 2
    section("Profile")
    if c.rank > 0:
        line("Rank", *column_cell(columns.RANK, c))
    else:
        line("Rank", present.capital_first(present.not_ranked_reason(c.in_universe, req.ranking.universe)))
    line("Score (0–100)", *column_cell(columns.SCORE, c))
    line("Country", c.country or "not known")
    line("Kind", present.kind_label(c.kind))
    if company.listed:
        line("Listed", company.listed)
    line("Roles in the report", ", ".join(present.role_label(r) for r in ds.roles_of(c.id)))
    if c.aliases:
        line("Also known as / products", ", ".join(c.aliases))
    line("Rank stability", *column_cell(columns.STABILITY, c))
    line("Disclosed capital (USD)", *column_cell(columns.DISCLOSED, c))
    line("Latest valuation (USD)", *column_cell(columns.VALUATION, c))
    line("Latest round", *column_cell(columns.LATEST_ROUND, c))
    if company.note:
        line("Data note", company.note)

    section("Why it scores as it does")
    _header_row(ws, r, ["Signal", "Signal (0–1)", "Weight", "Contribution (points)", "Disclosed?"])
    r += 1
    sig = c.signals.model_dump()
    con = c.contributions.model_dump()
    for k in SIGNALS:
        for col, v in enumerate(
            [
                k.capitalize(),
                sig[k],
                getattr(req.ranking.weights, k),
                con[k],
                "no — counted per the missing-data policy" if k in c.missing else "yes",
            ],
            start=1,
        ):
            put(ws, r, col, v, number_format={2: SIGNAL_FORMAT, 4: SCORE_FORMAT}.get(col))
        r += 1
    put(ws, r, 1, "Total", font=Font(bold=True))
    put(ws, r, 4, c.score, number_format=SCORE_FORMAT, font=Font(bold=True))
    r += 1
    if c.in_universe:
        w = req.ranking.weights
        sentences = f"{c.traction} distinct sentence{'' if c.traction == 1 else 's'} of the report"
        r += 1
        row = req.ranking.table.row_of[c.id]
        norm = req.ranking.table.norm
        market = present.signal_text(float(norm["market"][row]))
        traction = present.signal_text(float(np.nan_to_num(norm["traction"][row])))
        line(
            "Value parts",
            f"market space {market}, weight {w.market:g}; traction {traction} ({sentences}), weight {w.traction:g}",
        )
        parts = req.ranking.funding_parts(row).values()
        line(
            "Funding parts",
            "\n".join(f"{present.funding_part_text(p)}, weight {p.weight:g}" for p in parts),
        )

    section("Traction & facts")
    groups = present.fact_groups(ds, c.id)
    if groups:
        _header_row(ws, r, ["Kind", "Fact", "Section", "Quote"])
        r += 1
        for g in groups:
            put(ws, r, 1, present.fact_kind_label(g.kind), align=WRAP)
            put(ws, r, 2, ", ".join(g.values(ds)), align=WRAP)
            put(ws, r, 3, f"§{g.segment}")
            put(ws, r, 4, f"“{g.quote}”", align=WRAP)
            ws.merge_cells(start_row=r, start_column=4, end_row=r, end_column=MEMO_SHEET_COLUMNS)
            r += 1
    else:
        put(ws, r, 1, "The report names no clients, outcomes or products of this company.", font=MUTED_FONT)
        r += 1

    section("Segments")
    _header_row(ws, r, ["Ref", "Scenario × industry", "Market", "Logic", "Compute", "Corpus"])
    r += 1
    for ref in c.segments:
        s = ds.segment_by_ref[ref]
        put(ws, r, 1, ref)
        put(ws, r, 2, f"{s.label}\n{s.label_zh}", align=WRAP)
        for col, attr in enumerate(("market", "logic", "compute", "corpus"), start=3):
            put(ws, r, col, present.stars(getattr(s, attr)), font=STAR_FONT)
        r += 1

    section("Funding history")
    if c.rounds:
        _header_row(
            ws,
            r,
            [
                "Date",
                "Round",
                "Amount as written",
                "Amount (USD)",
                "Valuation as written",
                "Valuation (USD)",
                "Investors (lead first)",
                "Note",
            ],
        )
        r += 1
        for rd in c.rounds:
            investors = ", ".join(f"{i} (lead)" if i in rd.lead_investors else i for i in rd.investors)
            cells = [
                (present.date_text(rd.date, rd.date_text), None),
                (present.round_label(rd), None),
                (rd.amount_text or "undisclosed", None),
                usd_cell(rd.amount_usd, rd.amount_approximate),
                (rd.valuation_text or present.NONE, None),
                usd_cell(rd.valuation_usd, rd.valuation_approximate),
                (investors, None),
                (rd.ambiguity, None),
            ]
            for col, (v, fmt) in enumerate(cells, start=1):
                put(ws, r, col, v, number_format=fmt, align=WRAP)
            r += 1
    else:
        put(ws, r, 1, "The report discloses no financing for this company.", font=MUTED_FONT)
        r += 1

    section("What the report says")
    _header_row(ws, r, ["Section", "Role", "Quote"])
    r += 1
    quotes = [(e.segment, e.role, e.quote) for e in c.evidence]
    seen = {q for _, _, q in quotes}
    quotes += [(rd.segment or "", "funding", rd.quote) for rd in c.rounds if rd.quote not in seen]
    for seg, role, quote in quotes:
        put(ws, r, 1, f"§{seg}" if seg else "source")
        put(ws, r, 2, present.role_label(role))
        put(ws, r, 3, f"“{quote}”", align=WRAP)
        ws.merge_cells(start_row=r, start_column=3, end_row=r, end_column=MEMO_SHEET_COLUMNS)
        r += 1

    section("Analyst notes")
    note = req.notes.get(c.id, "")
    parts = split_text(note) if note else ["(none)"]
    for i, part in enumerate(parts):
        put(ws, r, 1, "Note" if i == 0 else "Note (continued)", font=Font(bold=True))
        put(ws, r, 2, part, align=WRAP)
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=MEMO_SHEET_COLUMNS)
        r += 1
    _widths(ws, [24, 34, 18, 14, 18, 14, 36, 44])
    fit_rows(ws)
    _print_setup(ws)


def _header_row(ws: Worksheet, row: int, labels: Sequence[str]) -> None:
    for i, label in enumerate(labels, start=1):
        put(ws, row, i, label, font=Font(bold=True), fill=PatternFill("solid", fgColor="DDE4F0"))
        ws.cell(row=row, column=i).border = Border(bottom=THIN)


# --- the workbook and the safe write ------------------------------------------------------


def build_workbook(req: MemoRequest, progress: Callable[[int, int], bool] | None = None) -> Workbook:
    """The memo as an openpyxl Workbook.  ``progress(done, total)`` returning False cancels."""
    ds = req.dataset
    row_of = req.ranking.table.row_of
    unknown = [cid for cid in req.company_ids if cid not in row_of]
    if unknown:
        raise MemoError(f"unknown company id(s): {', '.join(unknown[:5])}")
    rows = [company_out(ds, req.ranking, row_of[cid]) for cid in req.company_ids]
    total = len(rows) + (min(len(rows), MAX_MEMO_SHEETS) if req.memo_sheets else 0) + 3
    done = 0

    def tick(n: int = 1) -> None:
        nonlocal done
        done += n
        if progress is not None and progress(done, total) is False:
            raise MemoCancelled("export cancelled")

    wb = Workbook()
    taken = {"shortlist", "method", "segments"}
    with_memo = rows[:MAX_MEMO_SHEETS] if req.memo_sheets else []
    memo_names = {
        c.id: clean_sheet_name(
            f"{present.rank_text(c.rank, c.shared) if c.rank > 0 else '–'} {c.name_en or c.name}", taken
        )
        for c in with_memo
    }
    _shortlist_sheet(wb.active, req, rows, memo_names)
    tick(len(rows))
    _method_sheet(wb.create_sheet("Method"), req, len(rows))
    tick()
    _segments_sheet(wb.create_sheet("Segments"), req)
    tick()
    for c in with_memo:
        _memo_sheet(wb.create_sheet(memo_names[c.id]), req, c)
        tick()
    wb.properties.title = "AIGC screener memo"
    wb.properties.creator = f"AIGC screener {__version__}"
    tick()
    return wb


#: The temporary file a memo is written to, beside the target: ``.~{stem}.XXXXXXXX.xlsx.tmp``.
TMP_SUFFIX = ".xlsx.tmp"
_TMP_OVERHEAD = len(".~") + len(".") + 8 + len(TMP_SUFFIX)  # 8: the random part mkstemp adds


def _temporary_prefix(target: Path, folder: Path) -> str:
    """The prefix of the temporary file beside ``target``: the target's stem, cut so that the
    whole temporary name fits the file system even when the target's own name only just fits."""
    stem = target.stem
    budget = max(1, name_max(folder) - _TMP_OVERHEAD)
    while len(os.fsencode(stem)) > budget:
        stem = stem[:-1]
    return f".~{stem}."


def _remove_stale_temporaries(target: Path, folder: Path, older_than_s: float = 600.0) -> None:
    """Delete temporary files an interrupted earlier export of the same target left behind."""
    now = datetime.now().timestamp()
    pattern = glob.escape(_temporary_prefix(target, folder)) + "*" + TMP_SUFFIX
    with contextlib.suppress(OSError):
        for stale in folder.glob(pattern):
            with contextlib.suppress(OSError):
                if now - stale.stat().st_mtime > older_than_s:
                    stale.unlink()


def _ordinary_permissions(path: Path) -> None:
    """mkstemp makes a private file; a memo gets the permissions any new file would (umask)."""
    umask = os.umask(0)
    os.umask(umask)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o666 & ~umask)


def _check_target(target: Path, folder: Path) -> None:
    """Raise MemoError when the memo cannot or must not be written at ``target``: its folder is
    missing (or not a folder), its name is too long, it is a folder, a link loop, or an existing
    read-only file (never replaced silently)."""
    shown = shown_path(target)
    problem = path_problem(folder)
    if problem and not os.path.lexists(folder):
        raise MemoError(
            f"{shown}: the folder {shown_path(folder)} does not exist; create it or choose another folder"
        )
    if problem:
        raise MemoError(f"{shown}: the folder {shown_path(folder)} cannot be used: {problem}")
    try:
        if not folder.is_dir():
            raise MemoError(f"{shown}: {shown_path(folder)} is not a folder; choose another folder")
    except OSError as exc:
        raise MemoError(f"{shown}: {describe_os_error(exc)}") from exc
    too_long = too_long_name(target, folder)
    if too_long:
        raise MemoError(f"{shown}: {too_long}")
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return  # a new file (or a link to a missing one, which is replaced by the memo)
    except OSError as exc:
        raise MemoError(f"{shown}: {describe_os_error(exc)}") from exc
    if stat.S_ISDIR(st.st_mode):
        raise MemoError(f"{shown} is a folder; give a file name ending in .xlsx")
    # a file with no write permission was made read-only on purpose (even root may not replace it)
    if not st.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise MemoError(
            f"{shown} is read-only, so it was not replaced. Save under another name, or make the "
            "file writable first."
        )


class _Guarded:
    """The temporary file as the zip writer sees it.  After a failure (a full disk) it is
    dropped: what the abandoned zip archive still tries to write when it is garbage-collected
    goes nowhere, instead of failing again as "Exception ignored in ZipFile.__del__"."""

    def __init__(self, fh) -> None:
        self._fh = fh
        self.dropped = False
        self._pos = 0  # once dropped: where the writes that go nowhere would be

    def drop(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self._pos = self._fh.tell()
        self.dropped = True

    def write(self, data) -> int:
        if self.dropped:
            self._pos += len(data)
            return len(data)
        return self._fh.write(data)

    def seek(self, offset: int, whence: int = 0) -> int:
        if self.dropped:
            self._pos = offset if whence == 0 else self._pos + offset
            return self._pos
        return self._fh.seek(offset, whence)

    def tell(self) -> int:
        return self._pos if self.dropped else self._fh.tell()

    def flush(self) -> None:
        if not self.dropped:
            self._fh.flush()

    def seekable(self) -> bool:
        return True


def _release(exc: BaseException) -> None:
    """Close what a failed save left open: the zip archive, and each worksheet's half-written
    XML stream with its temporary file (openpyxl writes a sheet to a temporary file first).
    Left to the garbage collector, each would try to finish writing and print "Exception
    ignored in …" on a full disk."""
    seen: set[int] = set()
    for frame, _line in traceback.walk_tb(exc.__traceback__):
        for value in list(frame.f_locals.values()):
            if id(value) in seen:
                continue
            seen.add(id(value))
            if isinstance(value, WorksheetWriter):
                with contextlib.suppress(Exception):
                    value.xf.close()
                with contextlib.suppress(Exception):
                    value.cleanup()
            elif isinstance(value, ZipFile):
                with contextlib.suppress(Exception):
                    value.close()


def _save(wb: Workbook, fh) -> None:
    """Write the workbook into an open binary file; on any failure nothing is left open that
    could write to it (or fail) later."""
    guarded = _Guarded(fh)
    try:
        wb.save(guarded)
    except BaseException as exc:
        guarded.drop()
        _release(exc)
        raise


def write_memo(
    path: str | Path, req: MemoRequest, progress: Callable[[int, int], bool] | None = None
) -> Path:
    """Write the memo to ``path`` safely (temporary file beside it, then an atomic replace).

    Raises MemoError (a message naming the file and what to do) when the target cannot or must
    not be written; MemoCancelled when ``progress`` returns False.  Nothing is left behind by a
    failure: no temporary file, no open file, and the earlier file (if any) is whole.
    """
    target = Path(path).expanduser()
    shown = shown_path(target)
    if target.suffix.lower() != ".xlsx":
        raise MemoError(f"{shown}: the memo is an Excel workbook; give a file name ending in .xlsx")
    folder = target.parent if str(target.parent) else Path(".")
    _check_target(target, folder)
    wb = build_workbook(req, progress)
    _remove_stale_temporaries(target, folder)
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=_temporary_prefix(target, folder), suffix=TMP_SUFFIX, dir=folder
        )
    except OSError as exc:
        raise MemoError(
            f"{shown}: cannot write in {shown_path(folder)}: {describe_os_error(exc)}; choose a "
            "folder you can write to"
        ) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            _save(wb, fh)
            fh.flush()
            os.fsync(fh.fileno())
        _ordinary_permissions(tmp)
        os.replace(tmp, target)
    except PermissionError as exc:
        raise MemoError(
            f"{shown} could not be replaced: it may be open in Excel or another program, or "
            "read-only. Close it there, or save under another name."
        ) from exc
    except OSError as exc:
        raise MemoError(
            f"{shown} could not be written: {describe_os_error(exc)}; the earlier file is unchanged"
        ) from exc
    except SerialisationError as exc:  # lxml: the temporary file of a sheet could not be written
        raise MemoError(
            f"{shown} could not be written: the temporary space ran out ({exc}); free some disk "
            "space and try again. The earlier file is unchanged"
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return target
