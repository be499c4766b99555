"""A user's table of companies as a Parquet or Arrow IPC (Feather) file.

The columns are read by Arrow (only those of the import format), turned into text the way a
CSV cell reads (a whole number without a decimal point, a missing value as missing), and then
take the large-file path of a CSV (:func:`core.ingest.columnar.load_frame`): the same checks, the
same messages, rows numbered as a spreadsheet shows them (the header is row 1).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.feather as feather
import pyarrow.parquet as pq

from core.ingest.columnar import load_frame
from core.ingest.errors import Progress, fail, tick
from core.ingest.import_format import COLUMNS
from core.models import Dataset

#: The file types read here, and what each is.
ARROW_SUFFIXES = {".parquet": "Parquet", ".feather": "Arrow IPC (Feather)", ".arrow": "Arrow IPC"}
_TEXT = pd.StringDtype("pyarrow", na_value=np.nan)


def _as_text(col: pa.ChunkedArray) -> pa.ChunkedArray:
    """A column as the text a CSV would hold: whole floats without ".0" (1e6 reads "1000000"),
    booleans as true/false, dates as ISO dates; missing stays missing."""
    t = col.type
    if pa.types.is_large_string(t):
        return col
    if pa.types.is_dictionary(t):
        col = col.cast(t.value_type)
        t = col.type
    if pa.types.is_floating(t):
        whole = pc.and_(pc.equal(pc.floor(col), col), pc.less(pc.abs(col), 1e15))
        ints = pc.cast(pc.if_else(whole, col, 0.0), pa.int64()).cast(pa.large_string())
        return pc.if_else(whole, ints, col.cast(pa.large_string()))
    if pa.types.is_boolean(t):
        return pc.if_else(col, "true", "false").cast(pa.large_string())
    if pa.types.is_timestamp(t) or pa.types.is_date(t):
        return pc.strftime(col, format="%Y-%m-%d").cast(pa.large_string())
    return col.cast(pa.large_string())


#: Rows per batch of a Parquet file read (a cancel is looked at between batches).
BATCH_ROWS = 1 << 17


def _read_parquet(path: Path, used: list[str], progress: Progress | None) -> pa.Table:
    """The ``used`` columns of a Parquet file, read batch by batch (``progress`` told between
    batches: a cancel is not held up by a large file); the table :func:`pyarrow.parquet.read_table`
    gives, in as many chunks as batches."""
    if len(set(used)) != len(used):  # (a name given twice: as pyarrow reads it)
        return pq.read_table(path, columns=used)
    with pq.ParquetFile(path) as pf:
        rows = max(1, pf.metadata.num_rows)
        batches, done = [], 0
        for batch in pf.iter_batches(batch_size=BATCH_ROWS, columns=used):
            batches.append(batch)
            done += batch.num_rows
            tick(progress, min(19, int(20 * done / rows)), 100)
        schema = pf.schema_arrow
    return pa.Table.from_batches(batches, schema=pa.schema([schema.field(n) for n in used]))


def load_arrow_file(path: Path, progress: Progress | None = None) -> Dataset:
    """The companies table in a Parquet or Arrow IPC file as a Dataset; DatasetError otherwise."""
    kind = ARROW_SUFFIXES[path.suffix.lower()]
    tick(progress, 0, 100)
    try:
        if kind == "Parquet":
            names = pq.read_schema(path).names
            header = [str(n) for n in names]
            used = [n for n in names if str(n).strip() in COLUMNS]
            table = _read_parquet(path, used, progress) if used else None
        else:
            table = feather.read_table(path)
            header = [str(n) for n in table.column_names]
            table = table.select([n for n in table.column_names if n.strip() in COLUMNS])
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise fail(path.name, f"not a readable {kind} file ({exc})") from exc
    tick(progress, 20, 100)
    if table is None or table.num_columns == 0:
        df = pd.DataFrame(index=pd.RangeIndex(0))
    else:
        try:
            cols = {n.strip(): _as_text(table.column(i)) for i, n in enumerate(table.column_names)}
        except (pa.ArrowException, ValueError) as exc:
            raise fail(path.name, f"a column cannot be read as text ({exc})") from exc
        del table
        df = pa.table(cols).to_pandas(types_mapper={pa.large_string(): _TEXT}.get, self_destruct=True)
        del cols
    df["_row"] = np.arange(2, len(df) + 2)
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 22), b""):
            h.update(block)
    tick(progress, 30, 100)
    box = [df]  # (handed over: its columns go as they are checked)
    del df
    return load_frame(path, box, [h.strip() for h in header], [], h.hexdigest()[:16], progress)
