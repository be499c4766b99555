"""The memo's cell craft (openpyxl; no Qt): safe text, fonts, padding, row heights, money
formats and the print arithmetic every sheet of the memo shares.

Rules, applied to every cell the memo writes:

* Text is always text: a value starting with ``=`` is stored as a string, never a formula,
  and text starting with ``= + - @`` gets Excel's quote prefix so editing it keeps it text.
* Characters a workbook cannot hold (control characters) are removed.
* Text longer than a cell holds (32,767 characters) is cut with a visible marker (the memo
  splits such text over continuation rows where it must be whole).
* Padding: text is indented from its cell's left edge and numbers from its right edge, so two
  neighbouring cells never run together ("$252.0M 2.52亿美元", never "$252.0M2.52亿美元").
* One font family (Arial, Liberation Sans where Arial is missing: the same widths), never
  smaller than :data:`MIN_FONT_PT`; the sheets' column widths keep the fit-to-width print scale
  at :data:`MIN_PRINT_SCALE` or more, so no printed character is smaller than 8 pt
  (:func:`print_scale`, :func:`smallest_printed_pt`).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from copy import copy

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.worksheet import Worksheet

from core import present
from core.columns import Column
from core.i18n import QT_TRANSLATE_NOOP, translate
from core.results import CompanyOut

CELL_MAX = 32_767
CHUNK = 32_000  # what one continuation row holds
SHEET_NAME_MAX = 31
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
RISKY_START = ("=", "+", "-", "@")
CUT_MARKER = QT_TRANSLATE_NOOP(
    "memo_cells", " … [cut here: the full text is longer than an Excel cell holds]"
)
#: What fit_cell marks a cut with by default: the full text is on the company's sheet.
CONTINUES_MARKER = QT_TRANSLATE_NOOP("memo_cells", " … [continues on the memo sheet]")
#: The memo's printed page header, and its name in the workbook's properties.
MEMO_HEADER = QT_TRANSLATE_NOOP("memo_cells", "AIGC screener memo")

# --- fonts and styles ---------------------------------------------------------------------

#: One family everywhere: Arial in Excel, Liberation Sans (the same metrics) in LibreOffice.
FONT_NAME = "Arial"
#: The smallest font the memo uses, and the smallest a printed character may be.
MIN_FONT_PT = 10.0
MIN_PRINTED_PT = 8.0
#: Every sheet's columns fit the printed page at this scale or more (10 pt prints at 8 pt).
MIN_PRINT_SCALE = MIN_PRINTED_PT / MIN_FONT_PT

BODY_FONT = Font(name=FONT_NAME, size=10)
BOLD_FONT = Font(name=FONT_NAME, size=10, bold=True)
TITLE_FONT = Font(name=FONT_NAME, size=16, bold=True, color="1F3864")
SUBTITLE_FONT = Font(name=FONT_NAME, size=11, color="333333")
SECTION_FONT = Font(name=FONT_NAME, size=12, bold=True, color="1F3864")
MUTED_FONT = Font(name=FONT_NAME, size=10, italic=True, color="555555")
STAR_FONT = Font(name=FONT_NAME, size=10, color="A66F00")
MARK_FONT = Font(name=FONT_NAME, size=12, bold=True, color="1E7B34")
HEADER_FONT = Font(name=FONT_NAME, size=10, bold=True, color="FFFFFF")
LINK_FONT = Font(name=FONT_NAME, size=10, color="1F5FBF", underline="single")
LINK_BOLD_FONT = Font(name=FONT_NAME, size=10, bold=True, color="1F5FBF", underline="single")
HEADER_FILL = PatternFill("solid", fgColor="1F3864")
LABEL_FILL = PatternFill("solid", fgColor="DDE4F0")
BAND_FILL = PatternFill("solid", fgColor="F2F5FA")
TOP_FILL = PatternFill("solid", fgColor="D9EAD3")
#: The analyst's own facts (✎), set apart from the report's.
MY_FACT_FILL = PatternFill("solid", fgColor="FFF2CC")
THIN = Side(style="thin", color="BBBBBB")
RULE = Border(bottom=THIN)
HAIRLINE = Border(bottom=Side(style="hair", color="CCCCCC"))

#: Text: left, from the top, wrapped, one indent of padding from the left edge.
TEXT = Alignment(horizontal="left", vertical="top", wrap_text=True, indent=1)
#: A line that may run on over empty cells to its right (titles, notes under a table).
LINE = Alignment(horizontal="left", vertical="top", indent=0)
#: Numbers: right, one indent of padding from the right edge.
NUMBER = Alignment(horizontal="right", vertical="top", indent=1)
#: A figure beside its label (the Method sheet, a profile): left, like the text around it.
NUMBER_LEFT = Alignment(horizontal="left", vertical="top", indent=1)
CENTER = Alignment(horizontal="center", vertical="top", wrap_text=True)
HEAD = Alignment(horizontal="left", vertical="center", wrap_text=True, indent=1)

#: Points per line of 10-pt text (CJK lines are the tallest), and the tallest row Excel allows.
LINE_HEIGHT = 13.5
LINE_HEIGHT_CJK = 15.5
ROW_PADDING = 4.0
MAX_ROW_HEIGHT = 409.0

SIGNAL_FORMAT = "0.00"
SCORE_FORMAT = "0.0"
PCT_FORMAT = "0%"
RANK_SHARED_FORMAT = '#,##0"="'  # a rank other companies share: 8 reads "8="


def use_memo_fonts(wb: Workbook) -> None:
    """Make the memo's body font the workbook's default (the font of every cell written
    without one, e.g. the fast rows of a long shortlist), instead of Calibri 11."""
    wb._fonts = IndexedList([BODY_FONT])  # font 0: the default of every unstyled cell
    normal = wb._named_styles["Normal"]
    normal.font = copy(BODY_FONT)


# --- safe cells ---------------------------------------------------------------------------

_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def clean_text(value: str) -> str:
    """Remove characters a workbook cannot hold: control characters other than tab and newline,
    lone surrogates, U+FFFE and U+FFFF (a file holding them will not open)."""
    return _NOT_XML.sub("", ILLEGAL_CHARACTERS_RE.sub("", value))


def fit_cell(text: str, marker: str = CONTINUES_MARKER) -> str:
    """Text for one cell: whole if it fits, else cut with a visible marker (the full text is
    elsewhere); a marker of this module's (:data:`CUT_MARKER`) is translated."""
    text = clean_text(text)
    if len(text) <= CELL_MAX:
        return text
    marker = translate("memo_cells", marker)
    return text[: CELL_MAX - len(marker)] + marker


def split_text(text: str, size: int | None = None) -> list[str]:
    """``text`` in pieces of at most ``size`` characters (default :data:`CHUNK`), each for a
    continuation row; one empty piece for empty text."""
    size = CHUNK if size is None else size
    text = clean_text(text)
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


def finite(value):
    """A number for a cell; NaN and infinities become an empty cell."""
    return None if isinstance(value, float) and not math.isfinite(value) else value


def is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _styled(
    cell: Cell, font: Font, align: Alignment, fill: PatternFill | None, number_format: str | None
) -> None:
    """Give ``cell`` this font, alignment, fill and number format.  The combination is made once
    per workbook and copied after that: setting styles one by one hashes each style object,
    which dominates the time of a long memo."""
    wb = cell.parent.parent
    cache = wb.__dict__.setdefault("_memo_styles", {})
    key = (id(font), id(align), id(fill), number_format)
    hit = cache.get(key)
    if hit is not None:
        cell._style = copy(hit[0])
        return
    cell.font = font
    cell.alignment = align
    if fill is not None:
        cell.fill = fill
    if number_format:
        cell.number_format = number_format
    cache[key] = (copy(cell._style), font, align, fill)  # the objects kept: their ids stay theirs


def put(
    ws: Worksheet,
    row: int,
    col: int,
    value,
    *,
    number_format: str | None = None,
    font: Font | None = None,
    align: Alignment | None = None,
    fill: PatternFill | None = None,
) -> Cell:
    """Write one cell.  Strings are always stored as text (never a formula).  Without an
    explicit ``align`` text is padded and wrapped (:data:`TEXT`) and a number padded from the
    right (:data:`NUMBER`); ``font`` defaults to the body font."""
    cell = ws.cell(row=row, column=col)
    risky = False
    if isinstance(value, str):
        text = fit_cell(value, CUT_MARKER)
        cell.value = text
        cell.data_type = "s"  # "=1+1" stays the text "=1+1"
        risky = text.startswith(RISKY_START)
    else:
        cell.value = finite(value)
    _styled(
        cell,
        font if font is not None else BODY_FONT,
        align if align is not None else (NUMBER if is_number(value) else TEXT),
        fill,
        number_format,
    )
    if risky:
        cell.quotePrefix = True
    return cell


def merge(ws: Worksheet, row: int, first: int, last: int) -> None:
    """Merge one row's cells ``first``..``last`` (nothing to merge when they are one).  The
    cells under the first are left unmade (openpyxl's merge_cells makes and styles each, the
    slowest step of a memo); a first cell with a border or fill lends it to them."""
    if last <= first:
        return
    ws.merged_cells.add(
        MergedCellRange(ws, f"{get_column_letter(first)}{row}:{get_column_letter(last)}{row}")
    )
    start = ws._cells.get((row, first))
    if start is not None and (start._style.borderId or start._style.fillId):
        for col in range(first + 1, last + 1):
            ws.cell(row=row, column=col)._style = copy(start._style)


def sheet_title(ws: Worksheet, text: str, last_col: int | None = None) -> None:
    """A sheet's title in its first row (merged across to ``last_col`` when given)."""
    put(ws, 1, 1, text, font=TITLE_FONT, align=LINE)
    if last_col is not None:
        merge(ws, 1, 1, last_col)
    ws.row_dimensions[1].height = 24


def set_widths(ws: Worksheet, widths: Sequence[float]) -> None:
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def column_width(ws: Worksheet, col: int) -> float:
    """A column's width in characters; 0 for a hidden column (it does not print)."""
    dim = ws.column_dimensions[get_column_letter(col)]
    return 0.0 if dim.hidden else dim.width or 8.43


def is_hidden(ws: Worksheet, col: int) -> bool:
    return bool(ws.column_dimensions[get_column_letter(col)].hidden)


def header_row(ws: Worksheet, row: int, labels: Sequence[str], *, first: int = 1, dark: bool = False) -> None:
    """A table's header: bold labels on a fill, a rule below, wrapped to the column width."""
    for i, label in enumerate(labels, start=first):
        cell = put(
            ws,
            row,
            i,
            label,
            font=HEADER_FONT if dark else BOLD_FONT,
            fill=HEADER_FILL if dark else LABEL_FILL,
            align=HEAD,
        )
        cell.border = RULE


# --- row heights --------------------------------------------------------------------------


#: What a character takes in a wrapped line, in pixels of a column: a Latin letter of 10-pt
#: Arial on average (erring wide), a symbol (★ ◆ ✓, drawn from a fallback font) and a CJK
#: character.
LATIN_PX = 5.8
SYMBOL_PX = 10.0
CJK_PX = 13.4
#: Bold text is this much wider.
BOLD_WIDER = 1.1


def _char_px(ch: str) -> float:
    if unicodedata.east_asian_width(ch) in "WF":
        return CJK_PX
    if "\u2190" <= ch <= "\u2bff":
        return SYMBOL_PX
    return LATIN_PX


def text_px(text: str) -> float:
    """The width ``text`` takes on one line, in column pixels (10-pt Arial, CJK fallback)."""
    return sum(_char_px(ch) for ch in text)


def lines_needed(text: str, width: float) -> int:
    """How many lines ``text`` takes wrapped in a cell ``width`` characters wide (padding
    counted; erring on more lines, never fewer): words wrap whole, CJK text anywhere."""
    room = max(LATIN_PX, width * 7.0 - 16.0)  # the column's pixels less its padding and indent
    lines = 0
    for part in text.split("\n"):
        if text_px(part) <= room:
            lines += 1
            continue
        used, n = 0.0, 1
        for word in re.findall(
            r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+\s*|\s+",
            part,
        ):
            w = text_px(word)
            if used + w > room and used > 0:
                n += 1
                used = 0.0
            while w > room:  # a word longer than a line is broken
                w -= room
                n += 1
            used += w
        lines += n
    return max(1, lines)


def has_cjk(text: str) -> bool:
    return any(unicodedata.east_asian_width(ch) in "WF" for ch in text)


def fit_rows(
    ws: Worksheet, first: int = 1, last: int | None = None, columns: Iterable[int] | None = None
) -> None:
    """Give rows holding wrapped text a height that shows it all (neither Excel nor LibreOffice
    sizes rows of a generated file by itself).  Merged cells count the width of their range;
    a font larger than 10 pt counts its size, bold text its width, a CJK line its height."""
    merged = {}
    for rng in ws.merged_cells.ranges:
        if rng.min_row == rng.max_row:
            merged[(rng.min_row, rng.min_col)] = sum(
                column_width(ws, c) for c in range(rng.min_col, rng.max_col + 1)
            )
    last = ws.max_row if last is None else last
    wanted = None if columns is None else set(columns)
    hidden = {c for c in range(1, ws.max_column + 1) if is_hidden(ws, c)}
    heights: dict[int, float] = {}
    for (r, col), cell in ws._cells.items():  # the cells made, not every place in the range
        if r < first or r > last or col in hidden or (wanted is not None and col not in wanted):
            continue
        value = cell.value
        if not isinstance(value, str) or not value:
            continue
        if not (cell.alignment and cell.alignment.wrap_text) and "\n" not in value:
            continue
        width = merged.get((r, col)) or column_width(ws, col)
        font = cell.font
        size = float(font.sz or 10) if font is not None else 10.0
        wider = BOLD_WIDER if font is not None and font.b else 1.0
        n = lines_needed(value, width * 10.0 / size / wider)
        line = LINE_HEIGHT_CJK if has_cjk(value) else LINE_HEIGHT
        heights[r] = max(heights.get(r, 0.0), n * line * size / 10.0 + ROW_PADDING)
    for r, height in heights.items():
        if height > LINE_HEIGHT + ROW_PADDING + 0.01:
            ws.row_dimensions[r].height = min(MAX_ROW_HEIGHT, round(height, 1))


# --- sheet names and links ----------------------------------------------------------------


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


def sheet_link(name: str, cell: str = "A1") -> str:
    """An in-workbook link to a sheet (an apostrophe in the name is doubled, as Excel wants)."""
    return "#'" + name.replace("'", "''") + "'!" + cell


# --- money and columns as cells -----------------------------------------------------------


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


def column_header(col: Column) -> str:
    """A column's header in the memo's language (core.columns marks its headers under the
    context "columns")."""
    return translate("columns", col.header)


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


def rank_cell(rank: int, shared: bool) -> tuple[object, str | None]:
    """(cell value, number format) of a shared rank: 8 formatted "8=", or "—" unranked."""
    if rank > 0:
        return rank, RANK_SHARED_FORMAT if shared else None
    return present.NONE, None


# --- printing -----------------------------------------------------------------------------

#: A4 landscape, in inches, and the side margins the memo sets.
PAGE_WIDTH_IN = 11.69
PAGE_HEIGHT_IN = 8.27
SIDE_MARGIN_IN = 0.4
TOP_MARGIN_IN = 0.6
#: Screen pixels per inch: Excel sizes columns in pixels at 96 per inch.
PX_PER_IN = 96.0
EMU_PER_PX = 9525
PRINTABLE_PX = (PAGE_WIDTH_IN - 2 * SIDE_MARGIN_IN) * PX_PER_IN


def column_px(width: float) -> int:
    """A column ``width`` characters wide, in pixels, as Excel draws it (7 px per character of
    the default 10-pt Arial / 11-pt Calibri, plus 5 px of cell padding); 0 when hidden."""
    return int(width * 7 + 5) if width > 0 else 0


def chart_extent(ws: Worksheet, chart) -> tuple[float, float]:
    """(left edge, width) of a chart on its sheet, in pixels."""
    anchor = chart.anchor
    if isinstance(anchor, str):
        _row, col = coordinate_to_tuple(anchor)
        col0, offset = col - 1, 0.0
    else:
        col0, offset = anchor._from.col, anchor._from.colOff / EMU_PER_PX
    left = sum(column_px(column_width(ws, c)) for c in range(1, col0 + 1)) + offset
    return left, chart.width / 2.54 * PX_PER_IN


def used_columns(ws: Worksheet) -> int:
    """The last column that holds a value, a merged range or a chart (what prints)."""
    last = 0
    for (_row, col), cell in ws._cells.items():
        if col > last and cell.value is not None and cell.value != "" and not is_hidden(ws, col):
            last = col
    for rng in ws.merged_cells.ranges:
        last = max(last, rng.max_col)
    px = 0.0
    for chart in ws._charts:
        left, width = chart_extent(ws, chart)
        px = max(px, left + width)
    col, edge = 0, 0.0
    while edge < px:
        col += 1
        edge += column_px(column_width(ws, col))
    return max(last, col)


def sheet_px(ws: Worksheet, last: int | None = None) -> int:
    last = used_columns(ws) if last is None else last
    return sum(column_px(column_width(ws, c)) for c in range(1, last + 1))


def print_scale(ws: Worksheet) -> float:
    """The scale fit-to-width prints the sheet at on A4 landscape (1.0 when it fits as is)."""
    px = sheet_px(ws)
    return 1.0 if px <= 0 else min(1.0, PRINTABLE_PX / px)


def smallest_font_pt(ws: Worksheet) -> float:
    """The smallest font of a cell that shows something."""
    sizes = [
        float(c.font.sz or MIN_FONT_PT)
        for c in ws._cells.values()
        if c.value is not None and c.value != "" and c.font is not None
    ]
    return min(sizes, default=MIN_FONT_PT)


def smallest_printed_pt(ws: Worksheet) -> float:
    """The smallest character the sheet prints, in points, at its fit-to-width scale."""
    return smallest_font_pt(ws) * print_scale(ws)


def widths_for(total: float, fixed: Sequence[float], flexible: int, *, least: float, most: float) -> float:
    """The width of each of ``flexible`` equal columns beside ``fixed`` ones, so that the sheet
    fits ``total`` characters (at least ``least``, at most ``most``)."""
    if flexible <= 0:
        return most
    room = (total - sum(fixed)) / flexible
    return max(least, min(most, math.floor(room)))


#: The widest a sheet's columns may add up to (in characters) and still print at
#: :data:`MIN_PRINT_SCALE` or more: 7 px a character plus 5 px of padding a column.
def max_total_width(n_columns: int, scale: float = MIN_PRINT_SCALE) -> float:
    return (PRINTABLE_PX / scale - 5 * n_columns) / 7


def print_setup(ws: Worksheet, title_rows: str | None = None, *, header: str | None = None) -> None:
    """A4 landscape, fit to the page width (as many pages down as needed), a footer with the
    sheet's name and page numbers; ``header`` (default: the memo's name) top left."""
    if header is None:
        header = translate("memo_cells", MEMO_HEADER)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = SIDE_MARGIN_IN
    ws.page_margins.top = ws.page_margins.bottom = TOP_MARGIN_IN
    ws.page_margins.header = ws.page_margins.footer = 0.3
    if title_rows:
        ws.print_title_rows = title_rows
    # &A: the sheet's name, &P: the page, &N: the pages
    ws.oddFooter.center.text = translate("memo_cells", "&A — page &P of &N")
    ws.oddFooter.center.font = f"{FONT_NAME},Regular"
    ws.oddFooter.center.size = 9
    ws.oddHeader.left.text = header
    ws.oddHeader.left.font = f"{FONT_NAME},Regular"
    ws.oddHeader.left.size = 9
    ws.sheet_view.showGridLines = False


def fill_row(ws: Worksheet, row: int, first: int, last: int, fill: PatternFill) -> None:
    for col in range(first, last + 1):
        ws.cell(row=row, column=col).fill = fill
