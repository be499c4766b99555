"""A dataset as a folder of CSV tables, one per table (see data/README.md):

    segments.csv       the segments and their star ratings              (required)
    companies.csv      the organizations                                (required)
    mentions.csv       company x segment x role, with the quote         (optional)
    funding.csv        financing events                                 (optional)
    segment_facts.csv  segment sentences: market, funding, adoption...  (optional)
    company_facts.csv  a company's clients, outcomes, products, ...     (optional)
    segment_numbers.csv the figures each segment's text gives           (optional)
    meta.json          name, source, exchange rate                      (optional)

The bundled report data is such a folder (data/report).  The files are our own documented
format: UTF-8, comma-separated, a header row with the field names of the table's model.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from core.ingest.csvfile import allow_long_fields
from core.ingest.errors import DatasetError, Problem, Progress, tick
from core.ingest.files import read_checked
from core.ingest.tables import Row
from core.ingest.validate import TABLES, build_dataset, field_of
from core.models import Dataset
from core.records import DatasetMeta

REQUIRED_TABLES = ("segments", "companies")
# Columns a table may have although its model has no field of that name.
_EXTRA_COLUMNS = {"funding": ("lead_investors",)}
# Fields computed or attached by the loader, never read from a column.
_DERIVED_FIELDS = {"facts"}


def _read_bytes(path: Path, problems: list[Problem]) -> bytes | None:
    """A table's bytes (within the size limit), or None and a problem: never an OSError."""
    try:
        return read_checked(path)
    except DatasetError as exc:
        problems += exc.problems
        return None


def read_csv_rows(
    path: Path, problems: list[Problem], data: bytes | None = None
) -> tuple[list[str], list[Row]] | None:
    """The header and the non-blank rows of one table, or None (and a problem) when unreadable."""
    data = _read_bytes(path, problems) if data is None else data
    if data is None:
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(
            Problem(path.name, "", "", f"not UTF-8 text (byte {exc.start}); save it as UTF-8 CSV")
        )
        return None
    allow_long_fields(text)
    # the csv module splits lines itself: str.splitlines would also split at U+2028, \x1c ...
    # inside a quoted cell; strict: an unclosed quote is an error, not the rest of the file
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        problems.append(Problem(path.name, "", "", "the file is empty; it needs a header row"))
        return None
    except csv.Error as exc:
        problems.append(Problem(path.name, "row 1", "", f"not readable as CSV: {exc}"))
        return None
    rows: list[Row] = []
    try:
        for i, values in enumerate(reader, start=2):
            if not any(v.strip() for v in values):
                continue
            cells = {h: (values[j] if j < len(values) else "") for j, h in enumerate(header) if h}
            # a row with no id of its own (a mention, a fact) is named by its company or segment
            key = (
                None
                if cells.get("id") or cells.get("ref")
                else (cells.get("company_id") or cells.get("segment"))
            )
            rows.append(Row(path.name, i, cells, key=(key or "").strip() or None))
    except csv.Error as exc:
        problems.append(
            Problem(
                path.name,
                f"row {len(rows) + 2}",
                "",
                f'not readable as CSV ({exc}); look for a quote (") that is opened and not closed',
            )
        )
    return header, rows


def _check_header(table: str, file: str, header: Iterable[str], problems: list[Problem]) -> bool:
    model = TABLES[table]
    present = set(header)
    required = [
        name for name, f in model.model_fields.items() if f.is_required() and name not in _DERIVED_FIELDS
    ]
    missing = [c for c in required if c not in present]
    for col in missing:
        problems.append(Problem(file, "header", col, "required column is missing; add it"))
    return not missing


def _read_meta(folder: Path, problems: list[Problem], digest) -> DatasetMeta:
    path = folder / "meta.json"
    default = DatasetMeta(name=folder.name or str(folder))
    if not path.exists():
        return default
    data = _read_bytes(path, problems)
    if data is None:
        return default
    digest.update(b"meta.json\0" + data)
    try:
        raw = json.loads(data.decode("utf-8-sig"))
        return DatasetMeta.model_validate(raw)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        problems.append(Problem(path.name, "", "", f"not readable as JSON: {exc}"))
    except ValidationError as exc:
        for err in exc.errors():
            fname, msg = field_of(err, DatasetMeta.model_fields)
            problems.append(Problem(path.name, "", fname, msg))
    return default


def load_folder(folder: Path, progress: Progress | None = None) -> Dataset:
    """Read, validate and cross-check every table of the folder; raise DatasetError with every problem."""
    origin = str(folder)
    problems: list[Problem] = []
    digest = hashlib.sha256()
    tables: dict[str, list[Row]] = {}
    for k, table in enumerate(TABLES):
        tick(progress, k, len(TABLES))
        p = folder / f"{table}.csv"
        if not p.exists():
            if table in REQUIRED_TABLES:
                problems.append(Problem(p.name, "", "", "required file is missing"))
            continue
        data = _read_bytes(p, problems)
        if data is None:
            continue
        digest.update(p.name.encode() + b"\0" + data + b"\0")
        read = read_csv_rows(p, problems, data)
        if read is None:
            continue
        header, rows = read
        ok = _check_header(table, p.name, header + list(_EXTRA_COLUMNS.get(table, ())), problems)
        tables[table] = rows if ok else []
    meta = _read_meta(folder, problems, digest)
    return build_dataset(tables, meta, origin=origin, content_hash=digest.hexdigest()[:16], problems=problems)
