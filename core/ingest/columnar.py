"""Large universes: the import format read into columns, checked with array operations.

A table of tens of thousands to a million companies is read with pandas' C parser into one
column per field, and checked column by column.  Rows a cheap check finds suspicious go through
the same row-by-row pydantic validation as a small file (:mod:`core.ingest.import_format`,
:mod:`core.ingest.validate`), so every message is the one a small file would give; checks
across rows (duplicate ids, unknown segments, one company under two names) run on whole
columns with the same wording.  The Dataset keeps the columns
(:class:`core.ingest.frame.CompanyFrame`).
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from core.ingest.arrays import (
    PY_SPACE,
    arrow,
    column,
    exploded_refs,
    longer_than,
    map_unique,
    no_ascii_controls,
    plain_numbers,
    plausible,
    printable_ascii,
    release,
    squash_arrow,
    stated_currency,
)
from core.ingest.bundled import report_segment_rows
from core.ingest.csvfile import (
    SNIFF_BYTES,
    check_csv_bytes,
    decode,
    read_csv_table,
    sniff_delimiter,
    text_encoding,
)
from core.ingest.errors import DatasetError, Problem, Progress, fail, tick
from core.ingest.frame import CompanyFrame
from core.ingest.import_format import (
    COLUMNS,
    CONTROL,
    FUNDING_COLUMNS,
    MAX_CELL_CHARS,
    NA_TOKENS,
    REQUIRED,
    check_header,
    company_records,
    funding_date,
    segment_rows,
    segments_beside,
)
from core.ingest.tables import Table
from core.ingest.validate import NO_COMPANIES, SEGMENT_REF, unique_problems, validate_rows
from core.models import Dataset
from core.money import parse_amount
from core.records import (
    CLEANED,
    DIRTY_CHARS,
    ROLES,
    TEXT_FIELDS,
    CompanyKind,
    DatasetMeta,
    Segment,
    check_partial_date,
    clean_field,
)

#: At most this many problems are listed (the message says how many more there are).
MAX_LISTED_PROBLEMS = 500

_ID = r"[A-Za-z0-9][A-Za-z0-9_.\-]*"
_KINDS = set(CompanyKind.__args__)  # type: ignore[attr-defined]
_BOOL_WORDS = {"true", "yes", "y", "1", "是", "false", "no", "n", "0", "否"}


def _case_variants(word: str) -> set[str]:
    out = {""}
    for ch in word:
        out = {o + v for o in out for v in {ch.lower(), ch.upper()}}
    return out


#: Every spelling of a "no value" token, so that a hash lookup finds it (no per-cell casefold).
_NA_VARIANTS = frozenset(v for t in NA_TOKENS for v in _case_variants(t))


#: Bytes per block of the streaming Arrow reader (a cancel is looked at between blocks).
BLOCK_BYTES = 1 << 20
#: The string type a cell is read as: pandas' own text columns ("str") hold it without a copy.
_TEXT = pd.StringDtype("pyarrow", na_value=np.nan)


def _plain_csv(data: bytes) -> bool:
    """Whether a UTF-8 CSV is one Arrow's reader splits exactly as the csv module does: no
    quote (where the strict reading could refuse what Arrow takes), no NUL, no carriage return
    but in a CRLF line end."""
    return b'"' not in data and b"\x00" not in data and data.count(b"\r") == data.count(b"\r\n")


def _arrow_frame(
    data: bytes, delimiter: str, header: list[str], step: Callable[[float], None] | None
) -> pd.DataFrame | None:
    """The used columns of a plain CSV (:func:`_plain_csv`) read by Arrow's multi-threaded
    reader, block by block (``step(fraction read)`` between blocks, which may raise to cancel);
    None when Arrow's reading would not be the csv module's (a row with another number of
    cells than the header, a blank line) - the caller then reads it the slow way."""
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    body = pa.py_buffer(data)[start:]
    names = [f"c{i}" for i in range(len(header))]
    used = {n: h.strip() for n, h in zip(names, header, strict=True) if h.strip() in COLUMNS}
    if len(set(used.values())) != len(used) or not used:
        return None
    lines = data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
    try:
        reader = pacsv.open_csv(
            body,
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=1, block_size=BLOCK_BYTES),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, quote_char=False, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.large_string() for n in used},
                include_columns=list(used),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                null_values=[],
                check_utf8=False,  # (decoded once already)
            ),
        )
        batches = []
        done = 0
        while True:
            try:
                batch = reader.read_next_batch()
            except StopIteration:
                break
            batches.append(batch)
            done += batch.num_rows
            if step is not None:
                step(min(1.0, done / max(1, lines - 1)))
    except pa.ArrowInvalid:
        return None
    table = pa.Table.from_batches(batches, schema=reader.schema)
    if table.num_rows != lines - 1:  # a line Arrow did not make a row of
        return None
    df = table.rename_columns([used[n] for n in table.column_names]).to_pandas(
        types_mapper={pa.large_string(): _TEXT}.get, self_destruct=True
    )
    return df


def read_frame(
    path: Path, data: bytes, step: Callable[[float], None] | None = None
) -> tuple[pd.DataFrame, list[str], list[str]]:
    """The columns of the CSV the screener uses, as text (missing cells as NA), with "_row", the
    row the user sees; the notes on how it was read; the header as written.

    The text is decoded and the dialect sniffed exactly as the row path does
    (:func:`core.ingest.csvfile.decode`, :func:`~core.ingest.csvfile.sniff_delimiter` on the same
    sample), so that both read the same cells.  A column the screener does not use is not read
    (a wide sheet costs no more than a narrow one), nor a longer row's cells beyond the header.
    A plain UTF-8 file (:func:`_plain_csv`, the usual export of a large table) is read by Arrow's
    multi-threaded reader in blocks (``step(fraction)`` after each); any other by the csv
    module's strict reading and pandas' C parser."""
    check_csv_bytes(path.name, data)
    _, note = text_encoding(path.name, data)
    sample = (
        data[: SNIFF_BYTES * 4].decode("utf-8-sig", errors="ignore")[:SNIFF_BYTES] if note is None else ""
    )
    if sample.strip() and _plain_csv(data):
        delimiter = sniff_delimiter(sample)
        header = next(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter), [])
        df = _arrow_frame(data, delimiter, header, step) if header else None
        if df is not None:
            df["_row"] = np.arange(2, len(df) + 2)
            return df, [], [h.strip() for h in header]
    return _pandas_frame(path, data)


def _pandas_frame(path: Path, data: bytes) -> tuple[pd.DataFrame, list[str], list[str]]:
    """:func:`read_frame` of any CSV: the csv module's strict reading, pandas' C parser."""
    check_csv_bytes(path.name, data)
    text, note = decode(path.name, data)
    notes = [f"{path.name}: {note}"] if note else []
    if not text.strip():
        raise fail(path.name, "the file is empty; it needs a header row and one row per company")
    sample = text[:SNIFF_BYTES]
    delimiter = sniff_delimiter(sample)
    written = data
    try:  # the row path's strict reading, cell by cell (linear, nothing kept): a quote left
        # open, or text after a closing quote, is refused by both paths alike
        for _ in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error:
        read_csv_table(path, written)  # raises the row path's own message
    if note is None:  # UTF-8: pandas reads the bytes themselves
        del text
        encoding = "utf-8-sig"
    else:
        data = text.encode("utf-8", errors="surrogatepass")
        del text
        encoding = "utf-8"
    try:
        header = next(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter), [])
    except csv.Error:
        header = []
    try:
        df = pd.read_csv(
            io.BytesIO(data),
            sep=delimiter,
            dtype="str",
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            index_col=False,  # a trailing separator must not turn the first column into an index
            usecols=[i for i, h in enumerate(header) if h.strip() in COLUMNS] if header else None,
            encoding=encoding,
            engine="c",
        )
    except (pd.errors.ParserError, ValueError) as exc:
        read_csv_table(path, written)  # the row path's message, when it refuses the file too
        raise fail(path.name, f"not readable as CSV ({exc})") from exc
    used = [h.strip() for h in header if h.strip() in COLUMNS]
    if header and len(used) == len(df.columns):  # the names as written (pandas renames a repeated one)
        df.columns = used
    else:
        df.columns = [str(c).strip() for c in df.columns]
        header = list(df.columns)
    df["_row"] = np.arange(2, len(df) + 2)
    return df, notes, [h.strip() for h in header]


def _normalise(
    df: pd.DataFrame,
    source: str,
    header: list[str],
    notes: list[str],
    as_written: dict[tuple[int, str], str],
    step: Callable[[float], None] | None = None,
) -> pd.DataFrame:
    """Each cell as the row path's reading of it (:func:`core.ingest.import_format.cell_text` and
    the cell checks): stripped, "NA"/"null"/empty missing, control characters removed (said) -
    in that order, and never in a cell too long to be taken (that one is refused).  A cell whose
    reading is not idempotent ("N\\x07A" reads "NA", which read again is missing) is kept in
    ``as_written`` by (row, column), for :func:`_row_problems`.  ``step(fraction done)`` is
    called after each column (it may raise to cancel)."""
    out = pd.DataFrame({"_row": df["_row"]})
    table = Table(source, header)
    content = np.zeros(len(df), dtype=bool)  # a row with any value is not a blank line
    names = list(dict.fromkeys(c for c in df.columns if c and c != "_row"))
    numbers = df["_row"].to_numpy()

    def read(cells: pd.Series) -> tuple[pd.Series, np.ndarray, np.ndarray, pd.Series | None]:
        # (the kernels of two columns run side by side; what is said is said in column order)
        s = cells.astype("str").str.strip()
        del cells
        missing = (s.isna() | s.isin(_NA_VARIANTS)).to_numpy(dtype=bool)  # (a short row's cells are NaN)
        long = longer_than(s, MAX_CELL_CHARS)
        if no_ascii_controls(s):  # (the usual column: no regular expression over it)
            bad = np.zeros(len(s), dtype=bool)
        else:
            bad = s.str.contains(CONTROL, regex=True).fillna(False).to_numpy(dtype=bool) & ~missing & ~long
        before = None
        if bad.any():
            before = s
            s = s.where(~bad, s.str.replace(CONTROL, "", regex=True).str.strip())
            missing = missing | (bad & s.eq("").to_numpy(dtype=bool))
        return s, missing, bad, before

    done = 0
    for at in range(0, len(names), 2):
        # (a column is taken out of the table read once its reading is made: the two copies of
        # the text are never all held at once, but for the two columns being read)
        pair = names[at : at + 2]
        cells = [df.pop(name) if list(df.columns).count(name) == 1 else df[name] for name in pair]
        with _in_pool(read, cells) as made:
            del cells
            for name, (s, missing, bad, before) in zip(pair, made, strict=True):
                if before is not None:
                    _say(notes, source, numbers[bad], table.column_label(name), CONTROL_REMOVED, name)
                    # "N\x07A" is the text "NA", not a missing value: its row is checked as written
                    revived = bad & ~missing & s.isin(_NA_VARIANTS).to_numpy(dtype=bool)
                    for number, text in zip(numbers[revived], before[revived], strict=True):
                        as_written[(int(number), name)] = text
                out[name] = s.where(~missing, pd.NA) if missing.any() else s
                content = content | ~missing
                del s, before
                done += 1
                if step is not None:
                    step(done / len(names))
        release()
    return out[content].reset_index(drop=True)


#: What the row path says of a cell it removed control characters from.
CONTROL_REMOVED = "control characters removed (they cannot be shown or exported)"
#: The text columns of the import format, and the field of the records each fills.
_TEXT_COLUMNS = {
    "name": "name",
    "name_en": "name_en",
    "aliases": "aliases",
    "note": "note",
    "source": "quote",
    "funding_round": "round",
    "funding_amount": "amount_text",
    "valuation": "valuation_text",
    "investors": "investors",
    "lead_investors": "lead_investors",
}
_DIRTY = DIRTY_CHARS
#: Cells kept as written: the funding record cleans each investor's name itself, after telling
#: the leads from the others by the names as written (as the row path does: "Ac\u200bme" and a
#: lead "Acme" are two entries there, so they must be here).
_CLEANED_BY_RECORD = frozenset({"investors", "lead_investors"})


def _say(notes: list[str], source: str, numbers: np.ndarray, label: str, message: str, name: str) -> None:
    """A note for each row, the first :data:`MAX_LISTED_PROBLEMS` of them listed."""
    for number in numbers[:MAX_LISTED_PROBLEMS]:
        notes.append(str(Problem(source, f"row {number}", label, message)))
    if len(numbers) > MAX_LISTED_PROBLEMS:
        notes.append(f"{source}: … and {len(numbers) - MAX_LISTED_PROBLEMS:,} more cells of {name} cleaned")


def _clean_text(
    df: pd.DataFrame,
    source: str,
    header: list[str],
    notes: list[str],
    as_written: dict[tuple[int, str], str],
    step: Callable[[], None] | None = None,
) -> np.ndarray:
    """Each text cell as its record keeps it (:func:`core.records.clean_field`: bidi controls,
    zero-width and other invisible characters removed, a name on one line), said as the row
    path says it; the rows where a cell held nothing else (kept as read, for the row path's
    message: they are checked one by one).  A cell that reads as a "no value" word once cleaned
    ("\\x9b-" is "-") is kept in ``as_written`` for :func:`_row_problems`, as in :func:`_normalise`."""
    emptied = np.zeros(len(df), dtype=bool)
    table = Table(source, header)

    def quoted() -> np.ndarray:  # a row whose source is a quote of a record
        funded = df[[c for c in FUNDING_COLUMNS if c in df]].notna().any(axis=1).to_numpy()
        refs = column(df, "segments").fillna("").str.replace(r"[;；,，]", "", regex=True).str.strip().ne("")
        return funded | refs.to_numpy(dtype=bool)

    def dirty_of(s: pd.Series) -> np.ndarray | None:  # (each column's own cells: side by side)
        if printable_ascii(s):  # nothing to clean, known from the bytes alone
            return None
        return (s.notna() & s.str.contains(_DIRTY, regex=True).fillna(False)).to_numpy(dtype=bool)

    cols = [c for c in _TEXT_COLUMNS if c in df.columns]
    masks: dict[str, np.ndarray | None] = {}
    with _in_pool(dirty_of, [df[c] for c in cols]) as made:
        for col, dirty in zip(cols, made, strict=True):
            masks[col] = dirty
            if step is not None:
                step()
    for col in cols:
        field = _TEXT_COLUMNS[col]
        if step is not None:
            step()
        s = df[col]
        dirty = masks.pop(col)
        if dirty is None or not dirty.any():
            continue
        kind = TEXT_FIELDS[field]
        at = np.flatnonzero(dirty)
        got = map_unique(s.iloc[at].reset_index(drop=True), lambda v, k=kind: clean_field(k, v))
        cleaned = np.array([g[0] for g in got], dtype=object)
        changed = np.array([g[1] for g in got], dtype=bool)
        gone = np.array([c is None for c in cleaned], dtype=bool)
        emptied[at[gone]] = True
        keep = ~gone
        values = s.to_numpy(dtype=object, na_value=None).copy()
        numbers = df["_row"].to_numpy()
        for j, i in enumerate(at):
            if keep[j] and cleaned[j] in _NA_VARIANTS:
                as_written[(int(numbers[i]), col)] = values[i]
        if col not in _CLEANED_BY_RECORD:
            values[at[keep]] = cleaned[keep]
            df[col] = pd.Series(values, index=df.index, dtype="str")
        said = at[keep & changed]
        if col == "source":
            said = said[quoted()[said]]
        _say(notes, source, df["_row"].to_numpy()[said], table.column_label(col), CLEANED, col)
    return emptied


def _well_formed(refs: pa.Array) -> np.ndarray:
    """Whether each segment reference is one the model takes (checked once per distinct one)."""
    distinct = pc.unique(refs)
    good = [r for r in distinct.to_pylist() if SEGMENT_REF.fullmatch(r)]
    return pc.is_in(refs, value_set=pa.array(good, type=refs.type)).to_numpy(zero_copy_only=False)


def _suspicious(
    df: pd.DataFrame,
    refs: tuple[np.ndarray, pa.Array],
    numbers: dict[str, np.ndarray] | None = None,
    step: Callable[[], None] | None = None,
) -> np.ndarray:
    """Rows a cheap look finds something wrong with (they are validated one by one); ``refs``
    is :func:`core.ingest.arrays.exploded_refs` of the segments column, ``numbers`` the
    :func:`core.ingest.arrays.plain_numbers` of the amount columns when made already."""
    numbers = numbers or {}
    checks: list[Callable[[], object]] = []  # (each a mask; two made side by side)
    # (the columns are taken out of the table here, not on the threads)
    cells = {name: column(df, name) for name in COLUMNS}

    def check(fn: Callable[[], object]) -> None:
        checks.append(fn)

    ids = cells["id"]
    check(lambda: ids.isna() | ~ids.fillna("x").str.fullmatch(_ID))
    parents, pieces = refs
    if len(parents):  # a reference the model refuses (its message is the row path's)

        def refused() -> np.ndarray:
            wrong = np.zeros(len(df), dtype=bool)
            wrong[parents[~_well_formed(pieces)]] = True
            return wrong

        check(refused)
    check(lambda: cells["name"].isna())
    country = cells["country"]
    check(lambda: country.notna() & ~country.fillna("CN").str.fullmatch(r"[A-Za-z]{2}"))
    check(lambda: cells["kind"].notna() & ~cells["kind"].isin(_KINDS))
    check(lambda: cells["listed"].notna() & ~cells["listed"].isin(["listed", "private"]))
    check(lambda: cells["role"].notna() & ~cells["role"].isin(ROLES))
    for cur in ("funding_currency", "valuation_currency"):
        check(lambda cur=cur: cells[cur].notna() & ~cells[cur].isin(["CNY", "USD"]))
    cum = cells["funding_cumulative"]
    check(lambda: cum.notna() & ~cum.str.strip().str.lower().isin(_BOOL_WORDS))
    dates = cells["funding_date"]
    check(lambda: dates.notna() & ~map_unique(dates, _date_ok).fillna(True).astype(bool))
    for name in COLUMNS:
        if name in df.columns:
            check(lambda name=name: longer_than(cells[name], MAX_CELL_CHARS))
    # an amount whose written currency contradicts the currency cell
    for text_col, cur_col in (("funding_amount", "funding_currency"), ("valuation", "valuation_currency")):

        def contradicted(text_col: str = text_col, cur_col: str = cur_col) -> object:
            text, cur = cells[text_col], cells[cur_col]
            # only words can name a currency ("2亿美元"); a plain number never contradicts the cell
            figures = numbers[text_col] if text_col in numbers else plain_numbers(text)
            both = text.notna() & cur.notna() & np.isnan(figures)
            if not both.any():
                return False
            stated = map_unique(text[both], stated_currency).reindex(df.index)
            return both & stated.notna() & (stated != cur)

        check(contradicted)
    bad = np.zeros(len(df), dtype=bool)
    with _in_pool(lambda fn: fn(), checks) as made:
        for mask in made:
            bad |= np.asarray(mask, dtype=bool)
            if step is not None:
                step()
    return bad


def _date_ok(text: str) -> bool:
    """The funding_date rule of the model (core.models.check_partial_date), per distinct value."""
    try:
        check_partial_date(funding_date(text) or "")
    except ValueError:
        return False
    return True


def _row_problems(
    df: pd.DataFrame,
    rows: np.ndarray,
    header: list[str],
    source: str,
    as_written: dict[tuple[int, str], str] | None = None,
) -> list[Problem]:
    """The exact messages for suspicious rows: the small-file path, on just those rows (their
    cells as read, or as written where :func:`_normalise` kept that)."""
    table = Table(source, header)
    kept = as_written or {}
    for _, r in df.iloc[rows].iterrows():
        number = int(r["_row"])
        cells = [kept.get((number, h), None if pd.isna(r.get(h)) else r.get(h)) for h in header]
        table.rows.append((number, cells))
    problems: list[Problem] = []
    notes: list[str] = []
    companies, mentions, funding = company_records(table, problems, notes, None)
    validate_rows("companies", companies, problems)
    validate_rows("mentions", mentions, problems)
    validate_rows("funding", funding, problems)
    return problems


def _cross_row_problems(
    df: pd.DataFrame,
    header: list[str],
    source: str,
    segment_refs: set[str],
    segments_file: str,
    refs: tuple[np.ndarray, pa.Array],
    step: Callable[[], None] | None = None,
    search_out: list[pa.Array] | None = None,
) -> list[Problem]:
    """The problems across rows (duplicate ids, unknown segments, one company under two names).
    ``step()`` is called between the long steps (it may raise to cancel); the search text of
    every row (:func:`search_text`, of the name keys made here) is put in ``search_out``."""
    table = Table(source, header)
    problems: list[Problem] = []
    ids = df["id"]
    numbers = df["_row"]
    # duplicate ids (Arrow's hash count first: almost always there are none)
    id_arr = arrow(ids)
    if len(pc.unique(pc.drop_null(id_arr))) != len(id_arr) - id_arr.null_count:  # (unique: the fast hash)
        dup = ids.notna() & ids.duplicated(keep="first")
    else:
        dup = pd.Series(False, index=ids.index)
    if step is not None:
        step()
    if dup.any():
        first_row = numbers.groupby(ids).transform("first")
        for cid, number, first in zip(ids[dup], numbers[dup], first_row[dup], strict=True):
            problems.append(
                Problem(
                    source,
                    f"row {number} ({cid})",
                    table.column_label("id"),
                    f"duplicate id {cid!r}, already used on row {int(first)} ({cid}); give each record its own",
                )
            )
    # unknown segment refs
    parents, pieces = refs
    if len(parents):  # (a row without an id makes no mention)
        keep = ids.notna().to_numpy()[parents] & _well_formed(pieces)
        known = pa.array(sorted(segment_refs), type=pieces.type)
        keep &= ~pc.is_in(pieces, value_set=known).to_numpy(zero_copy_only=False)
        for pos, ref in zip(parents[keep].tolist(), pieces.filter(pa.array(keep)).to_pylist(), strict=True):
            problems.append(
                Problem(
                    source,
                    f"row {numbers[pos]}",
                    table.column_label("segments"),
                    f"unknown segment {ref!r}; add it to {segments_file} or correct the reference",
                )
            )
    if step is not None:
        step()
    # one company under two names: any name, English name or alias used by two ids.  Every
    # row with an id counts, valid or not; a name that shows nothing names nobody.  In Arrow
    # arrays (no Python object per name); a frame only when two ids share a key (rare)
    id_all = arrow(ids)
    id_valid = id_all.is_valid()
    cols = [c for c in ("name", "name_en", "aliases") if c in df.columns]

    def texts_of(
        col: str, lo: int = 0, hi: int | None = None
    ) -> tuple[np.ndarray, pa.Array, np.ndarray | None]:
        """Each name of a column's rows ``lo:hi`` as compared (an alias per piece): its row
        (from ``lo``), its text, and the offsets of each row's pieces (aliases only)."""
        arr = arrow(df[col])
        if lo or hi is not None:
            arr = arr.slice(lo, (len(arr) if hi is None else hi) - lo)
        if col != "aliases":
            return np.arange(len(arr), dtype=np.int64), pc.fill_null(arr, ""), None
        lists = pc.split_pattern_regex(arr, pattern="[;；]")
        pos = pc.list_parent_indices(lists).to_numpy().astype(np.int64)
        offsets = lists.offsets.to_numpy().astype(np.int64)
        # (a name and an English name were stripped as read)
        text = pc.utf8_trim(pc.fill_null(pc.list_flatten(lists), ""), characters=PY_SPACE)
        return pos, text, offsets - offsets[0]

    def keys_for(task: tuple[str, int, int]) -> tuple[np.ndarray, np.ndarray, pa.Array, np.ndarray | None]:
        # (Arrow's kernels let go of the GIL: the columns are made side by side, in blocks of
        # rows; only the names that count are kept, not their text - a clash reads it again)
        col, lo, hi = task
        pos, text, offsets = texts_of(col, lo, hi)
        pos += lo
        key = squash_arrow(text)
        keep = pc.and_(pc.and_(pc.not_equal(text, ""), pc.not_equal(key, "")), id_valid.take(pa.array(pos)))
        del text
        keep_np = keep.to_numpy(zero_copy_only=False)
        return keep_np, pos[keep_np], key.filter(keep), offsets

    n_rows = len(df)
    tasks = [
        (c, lo, min(n_rows, lo + _KEY_BLOCK)) for c in cols for lo in range(0, max(n_rows, 1), _KEY_BLOCK)
    ]
    masks: dict[str, list[np.ndarray]] = {c: [] for c in cols}
    splits: dict[str, list[np.ndarray]] = {c: [] for c in cols}
    pos_parts, key_parts = [], []
    col_sizes = dict.fromkeys(cols, 0)
    with _in_pool(keys_for, tasks) as made:
        for (col, _, _), (keep_np, pos, key, offsets) in zip(tasks, made, strict=True):
            masks[col].append(keep_np)
            if offsets is not None:  # (each block's offsets follow on from the last one's)
                splits[col].append(offsets[1:] + (splits[col][-1][-1] if splits[col] else 0))
            pos_parts.append(pos)
            col_sizes[col] += len(pos)
            key_parts.append(key)
            del keep_np, pos, key, offsets
            if step is not None:
                step()
    kept = {
        c: (
            np.concatenate(masks[c]),
            np.concatenate([[0], *splits[c]]).astype(np.int64) if splits[c] else None,
        )
        for c in cols
    }
    del masks, splits
    if not pos_parts:
        if search_out is not None:
            search_out.append(search_text(len(df), {}))
        return problems
    release()
    pos_all = np.concatenate(pos_parts)
    del pos_parts
    keys = pa.chunked_array(key_parts, type=pa.large_string()).combine_chunks()
    del key_parts
    if step is not None:
        step()
    # a number per distinct id: the row itself when no id is repeated (no second hash table)
    id_codes = (
        pc.dictionary_encode(id_all).indices.to_numpy(zero_copy_only=False)[pos_all] if dup.any() else pos_all
    )
    one_id = _one_id_per_key(keys, id_codes, step)
    del id_codes
    release()
    if one_id:
        if search_out is not None and id_all.null_count == 0:  # (every name kept: its key is here)
            sizes = [col_sizes[c] for c in cols]
            starts = np.concatenate([[0], np.cumsum(sizes)])
            every = {
                col: (_spread(keys.slice(starts[i], sizes[i]), kept[col][0]), kept[col][1])
                for i, col in enumerate(cols)
            }
            search_out.append(search_text(len(df), every))
        return problems
    texts = []
    for col in cols:
        texts.append(texts_of(col)[1].filter(pa.array(kept[col][0])))
    names = pd.DataFrame(
        {
            "pos": pos_all,
            "col": np.repeat(np.array(cols, dtype=object), [col_sizes[c] for c in cols]),
            "text": pa.chunked_array(texts, type=pa.large_string()).to_numpy(),
            "key": keys.to_numpy(zero_copy_only=False),
            "id": id_all.take(pa.array(pos_all)).to_numpy(zero_copy_only=False),
        }
    )
    names = names.sort_values("pos", kind="stable").drop_duplicates(["key", "id"])
    clash = names[names.duplicated("key", keep=False)]
    if len(clash):
        owner = clash.drop_duplicates("key")
        first = dict(zip(owner["key"], zip(owner["id"], owner["pos"], strict=True), strict=True))
        for _, r in clash.iterrows():
            other_id, other_pos = first[r["key"]]
            if other_id == r["id"]:
                continue
            problems.append(
                Problem(
                    source,
                    f"row {numbers[r['pos']]} ({r['id']})",
                    table.column_label(r["col"]),
                    f"{r['text']!r} also names company {other_id!r} (row {numbers[other_pos]} ({other_id})); "
                    "one company, one row: merge them or rename one",
                )
            )
    return problems


def _spread(values: pa.Array, at: np.ndarray) -> pa.Array:
    """An array of ``len(at)`` texts: ``values`` in order where ``at`` holds, "" elsewhere."""
    if len(values) == len(at):
        return values
    empty = pa.nulls(len(at), type=pa.large_string())
    return pc.fill_null(pc.replace_with_mask(empty, pa.array(at), values), "")


#: Rows per block of the name keys (a block is a step between two progress calls).
_KEY_BLOCK = 1 << 18


@contextmanager
def _in_pool(fn: Callable, items: list) -> Iterator[Iterator]:
    """``fn`` of each item, in order as each is made, on two threads (Arrow's kernels release
    the GIL).  Leaving the block early (a cancel) drops the items not yet begun."""
    pool = ThreadPoolExecutor(max_workers=2)
    try:
        yield pool.map(fn, items)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def search_text(n: int, keys: dict[str, tuple[pa.Array, np.ndarray | None]]) -> pa.Array:
    """:func:`core.source.search_key` of every row's name, English name and aliases (as
    :meth:`core.ingest.frame.CompanyFrame._search_text` makes it), from the name keys of
    :func:`_cross_row_problems`: the key of each name, and of each alias piece with the offsets
    of each row's pieces.  A name key is the same of the cell and of its pieces joined (NFKC and
    case folding never reach across the private-use mark the aliases were split at, and the
    whitespace trimmed off a piece has an empty key), so the pieces' keys joined by a unit
    separator are the cell's."""
    empty = pa.scalar("", type=pa.large_string())
    parts = []
    for col in ("name", "name_en", "aliases"):
        if col not in keys:
            parts.append(pa.array(np.full(n, "", dtype=object), type=pa.large_string()))
            continue
        key, offsets = keys[col]
        if offsets is not None:
            joined = pa.LargeListArray.from_arrays(pa.array(offsets), key.cast(pa.large_string()))
            key = pc.fill_null(pc.binary_join(joined, pa.scalar("\x1f", type=pa.large_string())), empty)
        parts.append(key.cast(pa.large_string()))
    sep = pa.scalar("\x1f", type=pa.large_string())
    return pc.binary_join_element_wise(*parts, sep)


#: Above this many names the distinct-count is made in parts, side by side (see
#: :func:`_one_id_per_key`).
_SPLIT_KEYS = 1 << 18
_PARTS = 8


def _one_id_per_key(keys: pa.Array, id_codes: np.ndarray, step: Callable[[], None] | None = None) -> bool:
    """Whether no name key is used by two ids (``id_codes``: a number per distinct id): as
    many distinct keys as distinct (key, id) pairs - one hash of the text, then of integers
    (the common case, a universe without clashes, costs no sort).

    Many keys are split by their length in bytes (two equal keys have the same length, so no
    key is in two parts, and the counts add up), the parts hashed on two threads, ``step()``
    called after each (it may raise to cancel)."""
    if not len(keys):
        return True
    width = int(id_codes.max()) + 1

    def one(part: tuple[pa.Array, np.ndarray]) -> bool:
        k, ids = part
        if not len(k):
            return True
        encoded = pc.dictionary_encode(k)
        pairs = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64) * width + ids.astype(np.int64)
        return len(encoded.dictionary) == len(pc.unique(pa.array(pairs)))

    if len(keys) < _SPLIT_KEYS:
        return one((keys, id_codes))
    bucket = (pc.binary_length(keys).to_numpy(zero_copy_only=False) % _PARTS).astype(np.int8)
    if step is not None:
        step()

    def part(b: int) -> tuple[pa.Array, np.ndarray]:
        mask = bucket == b
        return keys.filter(pa.array(mask)), id_codes[mask]

    ok = True
    with _in_pool(lambda b: one(part(b)), list(range(_PARTS))) as results:
        for r in results:
            ok &= bool(r)
            if step is not None:
                step()
    return ok


def _segments_for(path: Path, problems: list[Problem], notes: list[str]) -> tuple[tuple[Segment, ...], str]:
    """The segments of an import: a NAME.segments.csv beside it, else the report's nine."""
    beside = segments_beside(path)
    if beside.exists():
        table, seg_notes = read_csv_table(beside)
        notes += seg_notes
        rows = segment_rows(table, problems, notes)
        source = table.source
    else:
        rows = report_segment_rows()
        source = "the report's segments"
    segments = tuple(rec for _, rec in validate_rows("segments", rows, problems) if isinstance(rec, Segment))
    return segments, source


def load_large_csv(path: Path, data: bytes | list[bytes], progress: Progress | None = None) -> Dataset:
    """A large CSV universe (the bytes of ``path``) as a Dataset backed by columns.  ``data`` may
    be a one-item list the bytes are taken out of, so that the caller keeps no reference to
    them and their memory goes once they are read."""

    def step(percent: int) -> None:
        tick(progress, percent, 100)

    step(0)
    data = data.pop() if isinstance(data, list) else data
    digest = hashlib.sha256(data).hexdigest()[:16]
    raw, read_notes, header = read_frame(path, data, lambda f: step(int(30 * f)))
    del data  # (the bytes read are not held while the columns are checked)
    box = [raw]
    del raw
    return load_frame(path, box, header, read_notes, digest, progress)


def load_frame(
    path: Path,
    raw: pd.DataFrame | list[pd.DataFrame],
    header: list[str],
    read_notes: list[str],
    digest: str,
    progress: Progress | None = None,
) -> Dataset:
    """The columns of a table as read (text, missing cells NA, "_row" the row the user sees,
    ``header`` the column names as written) checked and kept as a Dataset backed by columns:
    the one way on for a large CSV and a Parquet or Arrow file alike.  ``raw`` may be a
    one-item list the table is taken out of: its columns are then let go one by one as they
    are read (the caller keeps no reference), which keeps the peak memory near one copy."""
    raw = raw.pop() if isinstance(raw, list) else raw.copy(deep=False)
    problems: list[Problem] = []
    notes: list[str] = []
    segments, segments_file = _segments_for(path, problems, notes)

    def step(percent: int) -> None:
        release()
        tick(progress, percent, 100)

    notes += read_notes
    source = path.name
    check_header(Table(source, header), REQUIRED, tuple(COLUMNS), problems, notes)
    if any(p.record.startswith("row 1") for p in problems):
        raise DatasetError(problems, str(path))
    step(30)
    as_written: dict[tuple[int, str], str] = {}
    df = _normalise(raw, source, header, notes, as_written, lambda f: tick(progress, 30 + int(10 * f), 100))
    del raw
    if not len(df):
        raise fail(source, NO_COMPANIES)
    emptied = _clean_text(df, source, header, notes, as_written, lambda: tick(progress, 40, 100))
    release()
    step(45)
    refs = exploded_refs(column(df, "segments"))
    release()
    tick(progress, 45, 100)
    numbers = {c: plain_numbers(column(df, c)) for c in ("funding_amount", "valuation")}
    tick(progress, 45, 100)
    bad = np.flatnonzero(_suspicious(df, refs, numbers, lambda: tick(progress, 45, 100)) | emptied)
    problems += _row_problems(df, bad[: MAX_LISTED_PROBLEMS * 4], header, source, as_written)
    release()
    step(60)
    search: list[pa.Array] = []
    problems += _cross_row_problems(
        df,
        header,
        source,
        {s.ref for s in segments},
        segments_file,
        refs,
        lambda: tick(progress, 60, 100),
        search,
    )
    if problems:
        problems = unique_problems(problems)
        n = len(problems)
        listed = problems[:MAX_LISTED_PROBLEMS]
        if n > MAX_LISTED_PROBLEMS:
            listed.append(Problem(source, "", "", f"… and {n - MAX_LISTED_PROBLEMS:,} more problems"))
        raise DatasetError(listed, str(path))
    step(75)
    for text_col in ("funding_amount", "valuation"):
        text = column(df, text_col)
        number = numbers[text_col]
        words = text.notna() & np.isnan(number)
        readable = map_unique(text[words], lambda t: parse_amount(t).parsed).reindex(df.index)
        # unreadable words, and plain figures outside the plausible range (parse_amount's rule)
        unread = (words & ~readable.fillna(True).astype(bool)) | (~np.isnan(number) & ~plausible(number))
        unread_rows = np.flatnonzero(unread.to_numpy())
        if len(unread_rows) > MAX_LISTED_PROBLEMS:
            notes.append(
                f"{source}: … and {len(unread_rows) - MAX_LISTED_PROBLEMS:,} more {text_col} cells kept as written"
            )
        for pos in unread_rows[:MAX_LISTED_PROBLEMS]:
            m = parse_amount(text.iloc[pos])
            notes.append(
                str(
                    Problem(
                        source,
                        f"row {df['_row'].iloc[pos]} ({df['id'].iloc[pos]})",
                        Table(source, header).column_label(text_col),
                        f"{m.reason}; kept as written ({text.iloc[pos]!r}) and counted as undisclosed",
                    )
                )
            )
    for col in COLUMNS:
        if col not in df.columns:
            df[col] = pd.Series(pd.NA, index=df.index, dtype="str")
    frame = CompanyFrame(
        source,
        df,
        segments,
        refs if "segments" in df.columns else None,
        search_text=search[0] if search else None,
        numbers=numbers,
    )
    step(100)
    return Dataset(
        meta=DatasetMeta(name=path.stem, source=str(path)),
        segments=segments,
        companies=(),
        mentions=(),
        funding=(),
        content_hash=digest,
        origin=str(path),
        warnings=tuple(notes),
        columns=frame,
    )
