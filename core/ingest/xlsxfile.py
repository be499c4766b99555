"""A user's XLSX workbook: refused when damaged, a zip bomb or not a workbook; read as values.

Each sheet is streamed once by openpyxl's own parser, extended so that merged cells, formulas
without a saved value and Excel errors are reported where the user sees them ("cells C2:C3",
"cell E2"), since the values alone hide them.  A formula cell is read as its saved value (what
Excel shows), whatever the sheet's name or the order of its XML attributes; one with no saved
value (a file written by a program that does not calculate) is refused, located.
"""

from __future__ import annotations

import io
import unicodedata
import warnings
import zipfile
from collections.abc import Collection
from pathlib import Path

from core.ingest.errors import DatasetError, Problem, fail
from core.ingest.files import is_zip, not_a_table, read_checked
from core.ingest.tables import Table, column_letter

#: Largest total size of an XLSX's parts once unzipped, and the largest compression ratio of a
#: part: beyond them the file is treated as a zip bomb.
MAX_UNZIPPED_BYTES = 2 * 1024 * 1024 * 1024
MAX_ZIP_RATIO = 150


def _check_zip(path: Path, data: bytes) -> zipfile.ZipFile:
    reason = not_a_table(data)
    if reason:
        raise fail(path.name, reason)
    if not is_zip(data):
        raise fail(
            path.name, "not an Excel .xlsx workbook (it is not a zip package); export it as XLSX or CSV"
        )
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise fail(path.name, f"a damaged .xlsx workbook ({exc}); open and save it again in Excel") from exc
    total = sum(i.file_size for i in infos)
    worst = max((i.file_size / max(1, i.compress_size) for i in infos), default=0)
    if total > MAX_UNZIPPED_BYTES or worst > MAX_ZIP_RATIO:
        raise fail(
            path.name,
            f"refused: it would unpack to {total / 1024**2:,.0f} MB (compression ratio up to {worst:,.0f}:1), "
            "which looks like a zip bomb or is beyond the limit "
            f"({MAX_UNZIPPED_BYTES // 1024**3} GB, ratio {MAX_ZIP_RATIO}:1)",
        )
    if "xl/workbook.xml" not in zf.namelist():
        raise fail(path.name, "a zip file but not an Excel workbook; export your table as XLSX or CSV")
    return zf


#: Excel's error values; "#N/A" is read as a missing value (as the text "#N/A" is).
_NOT_AVAILABLE = "#N/A"


def _shown(name: str) -> str:
    """A sheet name as a message can show it: control, format and separator characters escaped."""
    return "".join(
        f"\\u{ord(ch):04x}" if unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"} else ch
        for ch in name
    )


def _sheet_parser():
    """openpyxl's own streaming worksheet parser, told to note what it reads past.

    It reads a cell's saved value (what Excel shows, ``data_only``) and is extended to keep
    each formula cell with no saved value, and each cell holding an Excel error, so that every
    such cell is treated the same whatever the sheet's name, prefixes or attribute order."""
    from openpyxl.worksheet._reader import FORMULA_TAG, VALUE_TAG, WorkSheetParser

    class SheetParser(WorkSheetParser):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.unsaved: list[tuple[int, int, str]] = []  # row, column, the formula
            self.errors: list[tuple[int, int, str]] = []  # row, column, the error value

        def parse_cell(self, element):
            cell = super().parse_cell(element)
            formula = element.find(FORMULA_TAG)
            saved = element.find(VALUE_TAG)
            # an empty <v> is a saved empty text only in a text cell (t="str"); in a number cell it
            # is what programs that write formulas without calculating them leave
            unsaved = saved is None or (not saved.text and element.get("t") != "str")
            if formula is not None and unsaved and cell["value"] is None:
                text = formula.text or ""
                self.unsaved.append((cell["row"], cell["column"], text))
            elif cell["data_type"] == "e" and cell["value"] not in (None, _NOT_AVAILABLE):
                self.errors.append((cell["row"], cell["column"], str(cell["value"])))
            return cell

    return SheetParser


def _read_sheet(wb, sheet: str, source: str, known: Collection[str]) -> tuple[Table, list[Problem]]:
    """One sheet, streamed once: its header (row 1) and, of each later row, the cells under the
    columns the screener reads (sparse: a row costs what it holds, not the sheet's width), with
    the merged cells, formulas without saved values and Excel errors among those cells."""
    from openpyxl.utils.cell import range_boundaries

    ws = wb[sheet]
    parser_class = _sheet_parser()
    table = Table(source, [])
    wanted: dict[int, str] = {}  # 1-based column -> name, the columns read
    last = 0
    with ws._get_source() as src:  # noqa: SLF001 - openpyxl's read-only sheet part
        parser = parser_class(
            src,
            ws._shared_strings,  # noqa: SLF001
            data_only=True,
            epoch=wb.epoch,
            date_formats=wb._date_formats,  # noqa: SLF001
            timedelta_formats=wb._timedelta_formats,  # noqa: SLF001
        )
        for number, cells in parser.parse():
            if number <= last:
                raise ValueError(f"row {number} comes after row {last}")
            last = number
            if number == 1:
                width = max((c["column"] for c in cells), default=0)
                header = [""] * width
                for c in cells:
                    header[c["column"] - 1] = "" if c["value"] is None else str(c["value"]).strip()
                table.header = header
                seen: set[str] = set()
                for i, name in enumerate(header, start=1):
                    if name in known and name not in seen:
                        seen.add(name)
                        wanted[i] = name
                continue
            values = {
                c["column"] - 1: c["value"] for c in cells if c["column"] in wanted and c["value"] is not None
            }
            table.rows.append((number, values))
    problems = []
    for ref in getattr(parser.merged_cells, "mergeCell", None) or []:
        min_col, min_row, max_col, max_row = range_boundaries(ref.ref)
        if any(min_col <= col <= max_col for col in wanted):
            a, _, b = ref.ref.partition(":")
            problems.append(
                Problem(
                    source,
                    f"row {min_row}",
                    f"cells {a}:{b or a}",
                    "merged cells: unmerge them and give each row its own value (Home → Merge → Unmerge)",
                )
            )
    for row, col, text in parser.unsaved:
        if col in wanted:
            what = f"a formula (={text})" if text else "a formula (shared with the cells above it)"
            problems.append(
                Problem(
                    source,
                    f"row {row}",
                    f"cell {column_letter(col - 1)}{row}",
                    f"{what} with no saved value; open the file in Excel and save it, "
                    "or paste the values instead of formulas",
                )
            )
    for row, col, value in parser.errors:
        if col in wanted:
            problems.append(
                Problem(
                    source,
                    f"row {row}",
                    f"cell {column_letter(col - 1)}{row} ({wanted[col]})",
                    f"an Excel error ({value}) instead of a value; correct the formula or clear the cell",
                )
            )
    return table, problems


def read_xlsx_tables(
    path: Path,
    data: bytes | None = None,
    columns: Collection[str] = (),
    segment_columns: Collection[str] = (),
) -> tuple[Table, Table | None, list[Problem]]:
    """The companies sheet (named "companies", else the first) and the optional "segments" sheet.

    Of each sheet, the header and the cells under ``columns`` (``segment_columns``): what Excel
    shows in each (a formula's saved value); a formula with no saved value, an Excel error
    (other than #N/A, a missing value) and merged cells among them are problems located by cell.
    Linear in the size of the workbook."""
    from openpyxl import load_workbook  # slow to import; only a workbook needs it

    data = read_checked(path) if data is None else data
    _check_zip(path, data).close()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns of parts it skips; they are not the user's data
        try:
            wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
            raise fail(
                path.name,
                f"a damaged or unsupported workbook ({_reason(exc)}); open and save it again in Excel",
            ) from exc
        try:
            names = wb.sheetnames
            if not names:
                raise fail(path.name, "the workbook has no sheets")
            by_lower: dict[str, str] = {}
            for n in names:
                by_lower.setdefault(n.casefold(), n)
            company_sheet = by_lower.get("companies", names[0])
            segment_sheet = by_lower.get("segments")
            problems: list[Problem] = []
            tables: list[Table | None] = []
            for sheet, known in ((company_sheet, columns), (segment_sheet, segment_columns)):
                if sheet is None:
                    tables.append(None)
                    continue
                source = f"{path.name}, sheet {_shown(sheet)}"
                try:
                    table, sheet_problems = _read_sheet(wb, sheet, source, set(known))
                except DatasetError:
                    raise
                except Exception as exc:  # noqa: BLE001 - a damaged sheet inside a valid zip
                    raise fail(
                        source,
                        f"a damaged worksheet ({_reason(exc)}); open and save the file again in Excel",
                    ) from exc
                problems += sheet_problems
                tables.append(table)
        finally:
            wb.close()
    return tables[0], tables[1], problems


def _reason(exc: BaseException) -> str:
    """What went wrong, in one short line (the kind of error and the start of its text)."""
    text = " ".join(str(exc).split())[:160]
    return f"{exc.__class__.__name__}: {text}" if text else exc.__class__.__name__
