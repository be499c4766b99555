"""A user's table of companies, CSV or XLSX, read row by row into a validated Dataset.

Each row becomes a company, a mention in each of its segments and a funding event when it
carries funding figures (:mod:`core.ingest.import_format`); those records then go through the
same validation as the bundled data (:func:`core.ingest.validate.build_dataset`).  Segments are
the report's nine, or the user's own from a ``segments`` sheet (XLSX) or a
``<name>.segments.csv`` file beside the CSV.

Every problem is reported at once, located by the row and column the user sees in their
spreadsheet ("row 7, column F (funding_amount)").  The file is read, never written.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from core.ingest.bundled import report_segment_rows
from core.ingest.csvfile import read_csv_table
from core.ingest.errors import DatasetError, Problem, Progress, fail, tick
from core.ingest.import_format import (
    COLUMNS,
    REQUIRED,
    SEGMENT_COLUMNS,
    cell_at,
    cell_text,
    check_header,
    company_records,
    read_positions,
    segment_rows,
    segments_beside,
)
from core.ingest.tables import Row, Table
from core.ingest.validate import build_dataset
from core.ingest.xlsxfile import read_xlsx_tables
from core.models import Dataset
from core.records import DatasetMeta


def load_table(path: Path, data: bytes, progress: Progress | None = None) -> Dataset:
    """The companies table in ``data`` (the bytes of ``path``) as a Dataset; DatasetError otherwise."""
    problems: list[Problem] = []
    notes: list[str] = []
    segments_table: Table | None = None
    if path.suffix.lower() == ".xlsx":
        table, segments_table, xml_problems = read_xlsx_tables(path, data, COLUMNS, SEGMENT_COLUMNS)
        problems += xml_problems
    else:
        table, read_notes = read_csv_table(path, data)
        notes += read_notes
        if segments_beside(path).exists():
            segments_table, seg_notes = read_csv_table(segments_beside(path))
            notes += seg_notes
    if not table.header or not any(table.header):
        raise fail(table.source, "the first row must be a header with the column names (see the template)")
    check_header(table, REQUIRED, tuple(COLUMNS), problems, notes)
    # the header first, as the columnar path does: rows are not read against a broken header
    if any(p.record.startswith("row 1") for p in problems):
        raise DatasetError(problems, str(path))
    positions = read_positions(table, COLUMNS)
    if not any(cell_text(cell_at(values, i)) is not None for _, values in table.rows for i, _ in positions):
        raise fail(table.source, "no companies: the file has a header row only; add one row per company")

    companies, mentions, funding = company_records(table, problems, notes, progress)
    tables: dict[str, list[Row]] = {"companies": companies, "mentions": mentions, "funding": funding}
    files = {"companies": table.source, "mentions": table.source, "funding": table.source}
    if segments_table is not None:
        tables["segments"] = segment_rows(segments_table, problems, notes)
        files["segments"] = segments_table.source
    else:
        tables["segments"] = report_segment_rows()
        files["segments"] = "the report's segments"
    digest = hashlib.sha256(data).hexdigest()[:16]
    meta = DatasetMeta(name=path.stem, source=str(path))
    n = len(table.rows)
    tick(progress, n, n)
    return build_dataset(
        tables,
        meta,
        origin=str(path),
        content_hash=digest,
        files=files,
        problems=problems,
        warnings=notes,
        check=lambda: tick(progress, n, n),  # (a cancel point while the records are checked)
    )
