"""A user's own universe: one table of companies, as CSV or XLSX, into a Dataset.

The table (documented in data/README.md, template in data/import_template.*) has one row per
company.  Each row becomes a company, a mention in each of its segments, and a funding event
when it carries funding figures; those records then go through the same validation as the
bundled data (:func:`core.loader.build_dataset`).  Segments are the report's nine, or the user's
own from a ``segments`` sheet (XLSX) or a ``<name>.segments.csv`` file beside the CSV.

Every problem is reported at once, located by the row and column the user sees in their
spreadsheet ("row 7, column F (funding_amount)").  The file is read, never written.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from core.loader import DatasetError, Problem, Row, build_dataset, bundled_dataset_dir, read_csv_rows
from core.models import Dataset, DatasetMeta
from core.money import parse_amount

#: Largest file accepted (bytes).  A million companies as CSV is about 150 MB.
MAX_FILE_BYTES = 512 * 1024 * 1024
#: Largest total size of an XLSX's parts once unzipped, and the largest compression ratio of a
#: part: beyond them the file is treated as a zip bomb.
MAX_UNZIPPED_BYTES = 2 * 1024 * 1024 * 1024
MAX_ZIP_RATIO = 150
#: Excel's own limit on the characters of one cell.
MAX_CELL_CHARS = 32_767
#: Cells meaning "no value", whatever the column (compared case-insensitively).
NA_TOKENS = frozenset({"", "na", "n/a", "#n/a", "null", "none", "nan", "nil", "-", "—", "–"})
DEFAULT_CURRENCY = "USD"

#: The columns of the companies table: column -> what it holds.
COLUMNS: dict[str, str] = {
    "id": "required; a unique id (letters, digits, _ . -)",
    "name": "required; the company's name",
    "name_en": "English name",
    "aliases": "other names and products, separated by ;",
    "country": "two-letter country code (CN, US, ...)",
    "kind": "bank, securities, insurer, fintech, payments, big_tech, ai_vendor, software_vendor, startup, "
    "platform, hospital, drug_maker, research or other",
    "listed": "listed or private",
    "note": "your note on the data",
    "segments": "section refs separated by ; (the report's 1.1.1 … 1.4.2, or your own segments)",
    "role": "adopter, vendor, funded or partner (default: funded when funding is given, else vendor)",
    "source": "where the facts come from (a sentence, a URL); shown as the evidence",
    "funding_amount": "a number, or text as the report writes it (2.5亿美元, 数千万元)",
    "funding_currency": "CNY or USD for a plain number (default USD)",
    "funding_round": "e.g. A, B+, Pre-A, 天使轮",
    "funding_date": "YYYY, YYYY-MM or YYYY-MM-DD (an Excel date works too)",
    "funding_cumulative": "true if the amount is the total raised to date",
    "valuation": "a number or text",
    "valuation_currency": "CNY or USD for a plain number (default: the funding currency)",
    "investors": "investor names separated by ;",
    "lead_investors": "the leads among them, separated by ;",
}
REQUIRED = ("id", "name")
SEGMENT_COLUMNS = (
    "ref",
    "scenario",
    "scenario_zh",
    "industry",
    "industry_zh",
    "market",
    "logic",
    "compute",
    "corpus",
)
_FUNDING_COLUMNS = (
    "funding_amount",
    "funding_round",
    "funding_date",
    "valuation",
    "investors",
    "lead_investors",
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    s = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        s = chr(65 + rem) + s
    return s


@dataclass
class Table:
    """A sheet as read: its header and its rows, with the row numbers the user sees."""

    source: str  # "companies.csv" or "book.xlsx, sheet Companies"
    header: list[str]
    rows: list[tuple[int, list[object]]] = field(default_factory=list)

    def column_label(self, name: str) -> str:
        try:
            return f"column {column_letter(self.header.index(name))} ({name})"
        except ValueError:
            return name


class ImportCancelled(Exception):
    """The user cancelled the import; nothing was loaded."""


Progress = Callable[[int, int], bool]


# --- reading files ------------------------------------------------------------------------


def _fail(file: str, message: str) -> DatasetError:
    return DatasetError([Problem(file, "", "", message)], file)


def _check_size(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _fail(path.name, f"cannot be read ({exc.strerror or exc}); check the path") from exc
    if size == 0:
        raise _fail(path.name, "the file is empty; it needs a header row and one row per company")
    if size > MAX_FILE_BYTES:
        raise _fail(
            path.name,
            f"the file is {size / 1024**2:,.0f} MB; the limit is {MAX_FILE_BYTES // 1024**2:,} MB. "
            "Split it or remove columns the screener does not use",
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise _fail(path.name, f"cannot be read ({exc.strerror or exc})") from exc


def _not_a_table(name: str, data: bytes) -> str | None:
    """A plain-words reason why these bytes are not a CSV or XLSX, or None."""
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data[
            :65536
        ] or (b"EncryptedPackage" in data[:65536]):
            return "a password-protected workbook; remove the password in Excel (File → Info) and save again"
        return "an old Excel 97–2003 (.xls) workbook; open it in Excel or LibreOffice and save it as .xlsx or CSV"
    for magic, what in (
        (b"%PDF", "a PDF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"Rar!", "a RAR archive"),
        (b"7z\xbc\xaf", "a 7-Zip archive"),
    ):
        if data.startswith(magic):
            return f"{what}, not a spreadsheet; export your table as CSV or XLSX"
    return None


def _decode(name: str, data: bytes) -> tuple[str, str | None]:
    """Text of a CSV: UTF-8 (with or without BOM), else GB18030 (a superset of GBK)."""
    if b"\x00" in data[:4096]:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            try:
                return data.decode("utf-16"), "read as UTF-16"
            except UnicodeDecodeError:
                pass
        raise _fail(name, "not a text file (it holds binary data); export your table as CSV or XLSX")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "read as Chinese GB18030/GBK text (not UTF-8)"
    except UnicodeDecodeError as exc:
        raise _fail(
            name, f"not UTF-8 or GBK text (byte {exc.start}); save it as “CSV UTF-8” in Excel"
        ) from exc


def _sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv_table(path: Path, data: bytes | None = None) -> tuple[Table, list[str]]:
    data = _check_size(path) if data is None else data
    reason = _not_a_table(path.name, data)
    if reason or data.startswith(b"PK\x03\x04"):
        raise _fail(path.name, reason or "an XLSX workbook with a .csv name; rename it to .xlsx")
    text, note = _decode(path.name, data)
    notes = [f"{path.name}: {note}"] if note else []
    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        raise _fail(path.name, "the file is empty; it needs a header row and one row per company")
    # strict: an unclosed quote is an error, not the rest of the file swallowed into one cell
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(lines[0]), strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise _fail(path.name, f"not readable as CSV ({exc})") from exc
    table = Table(path.name, [h.strip() for h in header])
    try:
        for number, values in enumerate(reader, start=2):
            table.rows.append((number, list(values)))
    except csv.Error as exc:
        row = len(table.rows) + 2
        raise _fail(
            path.name,
            f'row {row}: not readable as CSV ({exc}); look for a quote (") that is opened and not closed',
        ) from exc
    return table, notes


def _check_zip(path: Path, data: bytes) -> zipfile.ZipFile:
    reason = _not_a_table(path.name, data)
    if reason:
        raise _fail(path.name, reason)
    if not data.startswith(b"PK\x03\x04"):
        raise _fail(
            path.name, "not an Excel .xlsx workbook (it is not a zip package); export it as XLSX or CSV"
        )
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _fail(path.name, f"a damaged .xlsx workbook ({exc}); open and save it again in Excel") from exc
    total = sum(i.file_size for i in infos)
    worst = max((i.file_size / max(1, i.compress_size) for i in infos), default=0)
    if total > MAX_UNZIPPED_BYTES or worst > MAX_ZIP_RATIO:
        raise _fail(
            path.name,
            f"refused: it would unpack to {total / 1024**2:,.0f} MB (compression ratio up to {worst:,.0f}:1), "
            "which looks like a zip bomb or is beyond the limit "
            f"({MAX_UNZIPPED_BYTES // 1024**3} GB, ratio {MAX_ZIP_RATIO}:1)",
        )
    if "xl/workbook.xml" not in zf.namelist():
        raise _fail(path.name, "a zip file but not an Excel workbook; export your table as XLSX or CSV")
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
    from openpyxl import load_workbook

    data = _check_size(path) if data is None else data
    zf = _check_zip(path, data)
    parts = _sheet_parts(zf)
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        raise _fail(
            path.name, f"a damaged or unsupported workbook ({exc}); open and save it again in Excel"
        ) from exc
    try:
        names = wb.sheetnames
        if not names:
            raise _fail(path.name, "the workbook has no sheets")
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
                raise _fail(
                    source,
                    f"a damaged worksheet ({exc.__class__.__name__}); open and save the file again in Excel",
                ) from exc
            tables.append(table)
    finally:
        wb.close()
    return tables[0], tables[1], problems


# --- cells --------------------------------------------------------------------------------


def _cell_text(value: object) -> str | None:
    """A cell as text; None for a missing value ("NA", "null", empty ...)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        if value != value:
            return None
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    text = str(value).strip()
    return None if text.casefold() in NA_TOKENS else text


def _funding_date(text: str | None) -> str | None:
    """Accept 2024, 2024-03, 2024-03-12, 2024/3/12, 2024.3, 2024年3月 and Excel dates."""
    if text is None:
        return None
    t = text.strip()
    m = re.fullmatch(r"(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?)?(?: 00:00:00)?", t)
    if not m:
        return t  # left for the model to reject, located
    y, mo, d = m.groups()
    if d:
        return f"{y}-{int(mo):02d}-{int(d):02d}"
    if mo:
        return f"{y}-{int(mo):02d}"
    return y


# --- the table into records ---------------------------------------------------------------


def _cells(
    table: Table, number: int, values: list[object], problems: list[Problem], notes: list[str]
) -> dict:
    out: dict[str, str | None] = {}
    for i, name in enumerate(table.header):
        if not name:
            continue
        raw = values[i] if i < len(values) else None
        text = _cell_text(raw)
        if text is not None:
            if len(text) > MAX_CELL_CHARS:
                problems.append(
                    Problem(
                        table.source,
                        f"row {number}",
                        table.column_label(name),
                        f"{len(text):,} characters, more than a spreadsheet cell holds ({MAX_CELL_CHARS:,}); "
                        "shorten it",
                    )
                )
                text = None
            elif _CONTROL.search(text):
                notes.append(
                    str(
                        Problem(
                            table.source,
                            f"row {number}",
                            table.column_label(name),
                            "control characters removed (they cannot be shown or exported)",
                        )
                    )
                )
                text = _CONTROL.sub("", text).strip() or None
        out[name] = text
    return out


def _check_header(
    table: Table, required: tuple[str, ...], known: tuple[str, ...], problems: list[Problem], notes: list[str]
) -> None:
    seen: dict[str, int] = {}
    for i, h in enumerate(table.header):
        if not h:
            continue
        if h in seen:
            problems.append(
                Problem(
                    table.source,
                    "row 1",
                    f"column {column_letter(i)} ({h})",
                    f"the column name {h!r} is used twice (also column {column_letter(seen[h])}); rename one",
                )
            )
        seen.setdefault(h, i)
    for col in required:
        if col not in seen:
            problems.append(
                Problem(
                    table.source,
                    "row 1 (header)",
                    col,
                    "required column is missing; add a column with this name",
                )
            )
    unknown = [h for h in seen if h not in known]
    if unknown:
        notes.append(f"{table.source}: columns not used by the screener, ignored: {', '.join(unknown)}")


def _segment_rows(table: Table, problems: list[Problem], notes: list[str]) -> list[Row]:
    _check_header(
        table,
        ("ref", "scenario", "industry", "market", "logic", "compute", "corpus"),
        SEGMENT_COLUMNS,
        problems,
        notes,
    )
    labels = {c: table.column_label(c) for c in SEGMENT_COLUMNS}
    out = []
    for number, values in table.rows:
        cells = _cells(table, number, values, problems, notes)
        if not any(cells.values()):
            continue
        out.append(
            Row(
                table.source,
                number,
                {k: cells[k] for k in SEGMENT_COLUMNS if cells.get(k) is not None},
                labels,
            )
        )
    if not out:
        problems.append(
            Problem(table.source, "", "", "the segments table has no rows; add segments or remove it")
        )
    return out


def _labels(label: Callable[[str], str]) -> tuple[dict, dict, dict]:
    """For each derived record, field -> the user's column (for messages)."""
    company = {f: label(f) for f in ("id", "name", "name_en", "aliases", "country", "kind", "listed", "note")}
    mention = {
        "company_id": label("id"),
        "segment": label("segments"),
        "role": label("role"),
        "quote": label("source"),
    }
    funding = {
        "company_id": label("id"),
        "segment": label("segments"),
        "round": label("funding_round"),
        "date": label("funding_date"),
        "amount_text": label("funding_amount"),
        "currency": label("funding_currency"),
        "cumulative": label("funding_cumulative"),
        "valuation_text": label("valuation"),
        "valuation_currency": label("valuation_currency"),
        "investors": label("investors"),
        "lead_investors": label("lead_investors"),
        "quote": label("source"),
    }
    return company, mention, funding


def split_refs(text: str | None) -> list[str]:
    return [r.strip() for r in re.split(r"[;；,，]", text or "") if r.strip()]


def row_records(
    c: Mapping[str, str | None], number: int, source: str
) -> tuple[dict, list[dict], dict | None]:
    """The cells of the company, its mentions and its funding event made from one table row.

    The one place where the flat import format turns into the dataset's records, used for
    small files (then validated row by row) and for large ones (records made on request)."""
    company = {f: c[f] for f in _COMPANY_FIELDS if c.get(f) is not None}  # a missing cell takes the default
    quote = c.get("source") or f"Imported from {source}, row {number}"
    has_funding = any(c.get(f) for f in _FUNDING_COLUMNS)
    role = c.get("role") or ("funded" if has_funding else "vendor")
    refs = split_refs(c.get("segments"))
    mentions = [{"company_id": c.get("id"), "segment": ref, "role": role, "quote": quote} for ref in refs]
    funding = None
    if has_funding:
        amount = c.get("funding_amount") or ""
        stated = parse_amount(amount).currency if amount else None
        currency = c.get("funding_currency") or stated or DEFAULT_CURRENCY
        valuation = c.get("valuation") or ""
        v_stated = parse_amount(valuation).currency if valuation else None
        funding = {
            "id": f"row{number}.funding",
            "company_id": c.get("id"),
            # a funding event belongs to a segment; an import without one uses the first
            "segment": refs[0] if refs else None,
            "round": c.get("funding_round") or "",
            "date": _funding_date(c.get("funding_date")),
            "amount_text": amount,
            "currency": currency if amount else None,
            "cumulative": c.get("funding_cumulative") or "false",
            "valuation_text": valuation,
            "valuation_currency": (c.get("valuation_currency") or v_stated or currency)
            if valuation
            else None,
            "investors": c.get("investors") or "",
            "lead_investors": c.get("lead_investors") or "",
            "quote": quote,
        }
    return company, mentions, funding


_COMPANY_FIELDS = ("id", "name", "name_en", "aliases", "country", "kind", "listed", "note")


def _company_records(
    table: Table, problems: list[Problem], notes: list[str], progress: Progress | None
) -> tuple[list[Row], list[Row], list[Row]]:
    company_labels, mention_labels, funding_labels = _labels(table.column_label)
    companies, mentions, funding = [], [], []
    total = len(table.rows)
    src = table.source
    for k, (number, values) in enumerate(table.rows):
        if progress is not None and k % 5000 == 0 and progress(k, total) is False:
            raise ImportCancelled("import cancelled")
        c = _cells(table, number, values, problems, notes)
        if not any(c.values()):
            continue  # a blank line
        company, mention_cells, funding_cells = row_records(c, number, src)
        companies.append(Row(src, number, company, company_labels))
        if not c.get("id"):  # the missing id is reported once, on the company
            continue
        mentions += [Row(src, number, m, mention_labels) for m in mention_cells]
        if funding_cells is not None:
            funding.append(Row(src, number, funding_cells, funding_labels, key=c.get("id")))
    return companies, mentions, funding


def load_table_file(path: str | Path, progress: Progress | None = None) -> Dataset:
    """Load a user's CSV or XLSX companies table; raise DatasetError with every problem found."""
    path = Path(path)
    name = path.name
    suffix = path.suffix.lower()
    if not path.exists():
        raise _fail(str(path), "no such file; check the path")
    if suffix not in (".csv", ".xlsx", ".txt", ".tsv"):
        hint = (
            "an old .xls workbook: save it as .xlsx or CSV"
            if suffix == ".xls"
            else "use a .csv or .xlsx file"
        )
        raise _fail(name, f"not a file type the screener reads ({suffix or 'no extension'}); {hint}")
    data = _check_size(path)
    problems: list[Problem] = []
    notes: list[str] = []
    segments_table: Table | None = None
    if suffix != ".xlsx" and len(data) >= columnar_min_bytes():
        return _load_large_csv(path, data, progress)
    if suffix == ".xlsx":
        table, segments_table, xml_problems = read_xlsx_tables(path, data)
        problems += xml_problems
    else:
        table, read_notes = read_csv_table(path, data)
        notes += read_notes
        beside = path.with_name(f"{path.stem}.segments.csv")
        if beside.exists():
            segments_table, seg_notes = read_csv_table(beside)
            notes += seg_notes
    if not table.header or not any(table.header):
        raise _fail(table.source, "the first row must be a header with the column names (see the template)")
    _check_header(table, REQUIRED, tuple(COLUMNS), problems, notes)
    data_rows = [r for r in table.rows if any(_cell_text(v) is not None for v in r[1])]
    if not data_rows:
        raise _fail(table.source, "no companies: the file has a header row only; add one row per company")
    if any(p.record == "row 1 (header)" for p in problems):
        raise DatasetError(problems, str(path))

    companies, mentions, funding = _company_records(table, problems, notes, progress)
    tables = {"companies": companies, "mentions": mentions, "funding": funding}
    files = {"companies": table.source, "mentions": table.source, "funding": table.source}
    if segments_table is not None:
        tables["segments"] = _segment_rows(segments_table, problems, notes)
        files["segments"] = segments_table.source
    else:
        seg_problems: list[Problem] = []
        read = read_csv_rows(bundled_dataset_dir() / "segments.csv", seg_problems)
        assert read is not None and not seg_problems
        tables["segments"] = read[1]
        files["segments"] = "the report's segments"
    digest = hashlib.sha256(data).hexdigest()[:16]
    meta = DatasetMeta(name=path.stem, source=str(path))
    if progress is not None and progress(len(table.rows), len(table.rows)) is False:
        raise ImportCancelled("import cancelled")
    return build_dataset(
        tables, meta, origin=str(path), content_hash=digest, files=files, problems=problems, warnings=notes
    )


def columnar_min_bytes() -> int:
    from core.columnar import COLUMNAR_MIN_BYTES

    return COLUMNAR_MIN_BYTES


def _segments_for(path: Path, problems: list[Problem], notes: list[str]) -> tuple[tuple, str]:
    """The segments of an import: a NAME.segments.csv beside it, else the report's nine."""
    from core.loader import validate_rows
    from core.models import Segment

    beside = path.with_name(f"{path.stem}.segments.csv")
    if beside.exists():
        table, seg_notes = read_csv_table(beside)
        notes += seg_notes
        rows = _segment_rows(table, problems, notes)
        source = table.source
    else:
        rows = read_csv_rows(bundled_dataset_dir() / "segments.csv", problems)[1]  # type: ignore[index]
        source = "the report's segments"
    segments = tuple(rec for _, rec in validate_rows("segments", rows, problems) if isinstance(rec, Segment))
    return segments, source


def _load_large_csv(path: Path, data: bytes, progress: Progress | None) -> Dataset:
    from core.columnar import load_frame

    problems: list[Problem] = []
    notes: list[str] = []
    segments, source = _segments_for(path, problems, notes)
    return load_frame(path, data, segments, source, problems, notes, progress)


def write_templates(folder: Path) -> None:
    """Write data/import_template.csv and data/import_template.xlsx (the documented format)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    write_template_csv(folder / "import_template.csv")
    with (folder / "import_template.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    wb = Workbook()
    ws = wb.active
    ws.title = "Companies"
    for r in rows:
        ws.append([v if v else None for v in r])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "C2"
    help_ws = wb.create_sheet("Columns (help)")
    help_ws.append(["column", "what it holds"])
    for name, what in COLUMNS.items():
        help_ws.append([name, what])
    help_ws.append([])
    help_ws.append(
        [
            "segments",
            "optional: a sheet named Segments with ref, scenario, industry, market, logic, "
            "compute, corpus (stars 1-5) defines your own segments; without it the report's nine apply",
        ]
    )
    help_ws.column_dimensions["A"].width = 22
    help_ws.column_dimensions["B"].width = 100
    wb.save(folder / "import_template.xlsx")


def write_template_csv(path: Path) -> None:
    """The documented import format with two example rows (data/import_template.csv)."""
    rows = [
        {
            "id": "acme_ai",
            "name": "示例科技",
            "name_en": "Acme AI",
            "aliases": "AcmeCoder;示例",
            "country": "CN",
            "kind": "startup",
            "segments": "1.1.2",
            "role": "vendor",
            "source": "Deal database export, 2024-06",
            "funding_amount": "数千万元人民币",
            "funding_round": "A",
            "funding_date": "2024-05",
            "investors": "Example Capital;Another Fund",
            "lead_investors": "Example Capital",
        },
        {
            "id": "beta_health",
            "name": "Beta Health",
            "country": "US",
            "kind": "startup",
            "segments": "1.4.2",
            "funding_amount": "25000000",
            "funding_currency": "USD",
            "funding_round": "B",
            "funding_date": "2024",
            "valuation": "300000000",
        },
    ]
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(COLUMNS))
        w.writeheader()
        w.writerows(rows)
