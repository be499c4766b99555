"""The one way in for data: a path (or nothing, for the bundled report) into a validated Dataset."""

from __future__ import annotations

from pathlib import Path

from core.ingest.bundled import bundled_dataset_dir
from core.ingest.columnar import load_large_csv
from core.ingest.errors import DatasetError, Problem, Progress, fail
from core.ingest.files import read_checked
from core.ingest.folder import load_folder
from core.ingest.table_file import load_table
from core.models import Dataset

#: CSV files at least this large (bytes) are read in columns; smaller ones row by row.
COLUMNAR_MIN_BYTES = 2_000_000
#: The file types a user's table may come in.
TABLE_SUFFIXES = (".csv", ".xlsx", ".txt", ".tsv")


def load_dataset(
    path: str | Path | None = None,
    progress: Progress | None = None,
    *,
    columnar_min_bytes: int = COLUMNAR_MIN_BYTES,
) -> Dataset:
    """Load and validate a dataset, or raise DatasetError listing every problem found.

    ``path`` is a folder of CSV tables like data/report (the bundled report's when None), or a
    user's CSV or XLSX table of companies, one row per company (data/README.md).  A CSV of
    ``columnar_min_bytes`` or more is read in columns, a smaller one (and any workbook) row by
    row; both give the same records and the same messages.  ``progress(done, total)`` is called
    as the file is read; when it returns False the load stops with ImportCancelled.
    """
    path = Path(path) if path is not None else bundled_dataset_dir()
    if not path.exists():
        origin = str(path)
        raise DatasetError([Problem(origin, "", "", "no such file or folder; check the path")], origin)
    if path.is_dir():
        return load_folder(path, progress)
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        hint = (
            "an old .xls workbook: save it as .xlsx or CSV"
            if suffix == ".xls"
            else "use a .csv or .xlsx file"
        )
        raise fail(path.name, f"not a file type the screener reads ({suffix or 'no extension'}); {hint}")
    data = read_checked(path)
    if suffix != ".xlsx" and len(data) >= columnar_min_bytes:
        return load_large_csv(path, data, progress)
    return load_table(path, data, progress)
