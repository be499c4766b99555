"""The one way in for data: a path (or nothing, for the bundled report) into a validated Dataset."""

from __future__ import annotations

import os
from pathlib import Path

from core.ingest.bundled import bundled_dataset_dir
from core.ingest.columnar import load_large_csv
from core.ingest.errors import DatasetError, Problem, Progress, fail
from core.ingest.files import read_checked
from core.ingest.folder import load_folder
from core.ingest.parquet import ARROW_SUFFIXES, load_arrow_file
from core.ingest.table_file import load_table
from core.models import Dataset
from core.paths import path_problem, shown_path

#: CSV files at least this large (bytes) are read in columns; smaller ones row by row.
COLUMNAR_MIN_BYTES = 2_000_000
#: The file types a user's table may come in.
TABLE_SUFFIXES = (".csv", ".xlsx", ".txt", ".tsv", *ARROW_SUFFIXES)


def load_dataset(
    path: str | Path | None = None,
    progress: Progress | None = None,
    *,
    columnar_min_bytes: int = COLUMNAR_MIN_BYTES,
) -> Dataset:
    """Load and validate a dataset, or raise DatasetError listing every problem found.

    ``path`` is a folder of CSV tables like data/report (the bundled report's when None), or a
    user's CSV, XLSX, Parquet or Arrow IPC (Feather) table of companies, one row per company (data/README.md).  A CSV of
    ``columnar_min_bytes`` or more is read in columns, a smaller one (and any workbook) row by
    row; both give the same records and the same messages.  ``progress(done, total)`` is called
    as the file is read; when it returns False the load stops with ImportCancelled.

    A path that cannot be used raises DatasetError with one plain-words problem: an empty
    path, a missing file, a symbolic-link loop, a name too long for the file system, a name
    that is not UTF-8 text, a folder that is not a dataset folder.  ``"."`` is the current
    folder (named by its full path in messages).
    """
    path = _checked_path(path)
    if path.is_dir():
        return load_folder(path, progress)
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        hint = (
            "an old .xls workbook: save it as .xlsx or CSV"
            if suffix == ".xls"
            else "use a .csv, .xlsx, .parquet or .feather file"
        )
        raise fail(path.name, f"not a file type the screener reads ({suffix or 'no extension'}); {hint}")
    if suffix in ARROW_SUFFIXES:
        return load_arrow_file(path, progress)
    data = read_checked(path)
    if suffix != ".xlsx" and len(data) >= columnar_min_bytes:
        box = [data]  # (handed over: the bytes go once they are read, not when the load ends)
        del data
        return load_large_csv(path, box, progress)
    return load_table(path, data, progress)


def _refuse(origin: str, message: str) -> DatasetError:
    return DatasetError([Problem(origin, "", "", message)], origin)


def _checked_path(path: str | Path | None) -> Path:
    """The dataset path to read, absolute, or a DatasetError saying plainly why it cannot be."""
    if path is None:
        return bundled_dataset_dir()
    if isinstance(path, str) and not path.strip():
        # Path("") is the current folder; an empty --data or text box is a mistake, not that
        raise _refuse(
            "(no path)", "no dataset given (the path is empty); give a CSV/XLSX file or a dataset folder"
        )
    path = Path(path)
    origin = shown_path(path)
    problem = path_problem(path)
    if problem:
        raise _refuse(origin, problem)
    try:
        is_dir = path.is_dir()
    except OSError as exc:  # changed since it was looked at
        raise _refuse(origin, path_problem(path) or f"cannot be read ({exc})") from exc
    if is_dir:
        path = Path(os.path.abspath(path))  # "." and ".." get a name, and messages say where
        missing = [n for n in ("segments.csv", "companies.csv") if not (path / n).is_file()]
        if len(missing) == 2:
            try:
                tables = sorted(
                    shown_path(p.name, 60) for p in path.iterdir() if p.suffix.lower() in TABLE_SUFFIXES
                )[:3]
            except OSError:
                tables = []
            hint = f" (it holds {', '.join(tables)}: give the file itself)" if tables else ""
            raise _refuse(
                shown_path(path),
                "this folder is not a dataset folder: it has neither segments.csv nor companies.csv"
                f"{hint}; give a CSV/XLSX table of companies, or a folder like data/report",
            )
    return path
