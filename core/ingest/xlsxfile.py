"""A user's XLSX workbook: refused when damaged, a zip bomb or not a workbook; read as values.

Merged cells and formulas without a saved value are read from the sheet's XML and reported
where the user sees them ("cells C2:C3", "cell E2"), since openpyxl's values hide both.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from core.ingest.errors import Problem, fail
from core.ingest.files import is_zip, not_a_table, read_checked
from core.ingest.tables import Table

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


_MERGE = re.compile(rb'<mergeCell ref="([A-Z]+\d+):([A-Z]+\d+)"')
_FORMULA_CELL = re.compile(rb'<c r="([A-Z]+\d+)"[^>]*>(<f[ >/].*?)</c>', re.S)


def _sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> the part holding it (xl/worksheets/sheetN.xml)."""
    wb = zf.read("xl/workbook.xml")
    rels = zf.read("xl/_rels/workbook.xml.rels") if "xl/_rels/workbook.xml.rels" in zf.namelist() else b""
    targets = {
        m.group(1).decode(): m.group(2).decode()
        for m in re.finditer(rb'<Relationship[^>]*Id="([^"]+)"[^>]*Target="([^"]+)"', rels)
    }
    targets.update(
        {
            m.group(2).decode(): m.group(1).decode()
            for m in re.finditer(rb'<Relationship[^>]*Target="([^"]+)"[^>]*Id="([^"]+)"', rels)
        }
    )
    out = {}
    for m in re.finditer(rb'<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"', wb):
        target = targets.get(m.group(2).decode(), "")
        target = target.lstrip("/")
        out[m.group(1).decode()] = target if target.startswith("xl/") else f"xl/{target}"
    return out


def _sheet_xml_problems(zf: zipfile.ZipFile, part: str, source: str) -> list[Problem]:
    """Merged cells and formulas with no saved value, read from the sheet's XML."""
    try:
        xml = zf.read(part)
    except KeyError:
        return []
    problems = []
    for m in _MERGE.finditer(xml):
        a, b = m.group(1).decode(), m.group(2).decode()
        row = re.sub(r"\D", "", a)
        problems.append(
            Problem(
                source,
                f"row {row}",
                f"cells {a}:{b}",
                "merged cells: unmerge them and give each row its own value (Home → Merge → Unmerge)",
            )
        )
    for m in _FORMULA_CELL.finditer(xml):
        body = m.group(2)
        value = re.search(rb"<v>([^<]+)</v>", body)
        if value:  # a saved (cached) value: the sheet was calculated
            continue
        ref = m.group(1).decode()
        formula = re.search(rb"<f[^>]*>(.*?)</f>", body, re.S)
        text = formula.group(1).decode(errors="replace") if formula else ""
        problems.append(
            Problem(
                source,
                f"row {re.sub(r'[A-Z]', '', ref)}",
                f"cell {ref}",
                f"a formula (={text}) with no saved value; open the file in Excel and save it, "
                "or paste the values instead of formulas",
            )
        )
    return problems


def read_xlsx_tables(path: Path, data: bytes | None = None) -> tuple[Table, Table | None, list[Problem]]:
    """The companies sheet (named "companies", else the first) and the optional "segments" sheet."""
    from openpyxl import load_workbook  # slow to import; only a workbook needs it

    data = read_checked(path) if data is None else data
    zf = _check_zip(path, data)
    parts = _sheet_parts(zf)
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        raise fail(
            path.name, f"a damaged or unsupported workbook ({exc}); open and save it again in Excel"
        ) from exc
    try:
        names = wb.sheetnames
        if not names:
            raise fail(path.name, "the workbook has no sheets")
        by_lower = {n.casefold(): n for n in names}
        company_sheet = by_lower.get("companies", names[0])
        segment_sheet = by_lower.get("segments")
        problems: list[Problem] = []
        tables = []
        for sheet in (company_sheet, segment_sheet):
            if sheet is None:
                tables.append(None)
                continue
            source = f"{path.name}, sheet {sheet}"
            problems += _sheet_xml_problems(zf, parts.get(sheet, ""), source)
            try:
                ws = wb[sheet]
                rows = ws.iter_rows(values_only=True)
                header_row = next(rows, None)
                if header_row is None:
                    tables.append(Table(source, []))
                    continue
                table = Table(source, ["" if h is None else str(h).strip() for h in header_row])
                for number, values in enumerate(rows, start=2):
                    table.rows.append((number, list(values)))
            except Exception as exc:  # noqa: BLE001 - a damaged sheet inside a valid zip
                raise fail(
                    source,
                    f"a damaged worksheet ({exc.__class__.__name__}); open and save the file again in Excel",
                ) from exc
            tables.append(table)
    finally:
        wb.close()
    return tables[0], tables[1], problems
