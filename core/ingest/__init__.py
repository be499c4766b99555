"""One way in for data: the bundled report, a folder of tables or a user's CSV/XLSX into a Dataset.

:func:`load_dataset` is the entry point; every reader collects all the problems of a file and
raises :class:`DatasetError` with each located by file, row and column.  The modules, each
importing only those listed before it:

    errors         Problem, DatasetError, ImportCancelled, progress
    tables         a table and a record as read, with the names a person finds them by
    validate       each record against its model, then the records against each other
    files          size limits, what a file really is, and what is wrong with a path
    csvfile        a user's CSV: encoding, the dialect sniffed from a sample, its rows
    xlsxfile       a user's workbook: zip checks, merged cells, formulas without values
    import_format  the one-row-per-company format: columns, cells, the records a row makes
    folder         a folder of CSV tables (data/report)
    bundled        the report's data shipped with the app; the key notes are kept under
    table_file     a user's table, row by row (small files, workbooks)
    arrays, frame  column helpers; the columnar store of a large import (a CompanyStore)
    columnar       a large CSV, read and checked in columns
    parquet        a Parquet or Arrow IPC (Feather) table, on the columnar path
    entry          load_dataset: which of the above a path needs
"""

from core.ingest.bundled import bundled_dataset_dir, dataset_key
from core.ingest.entry import load_dataset
from core.ingest.errors import DatasetError, ImportCancelled, Problem, Progress
from core.ingest.import_format import COLUMNS

__all__ = [
    "COLUMNS",
    "DatasetError",
    "ImportCancelled",
    "Problem",
    "Progress",
    "bundled_dataset_dir",
    "dataset_key",
    "load_dataset",
]
