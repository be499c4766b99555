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
from pathlib import Path

import numpy as np
import pandas as pd

from core.ingest.arrays import column, map_unique, plain_numbers, plausible, squash, stated_currency
from core.ingest.bundled import report_segment_rows
from core.ingest.csvfile import SNIFF_BYTES, check_csv_bytes, decode, read_csv_table, sniff_delimiter
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


def read_frame(path: Path, data: bytes) -> tuple[pd.DataFrame, list[str], list[str]]:
    """The columns of the CSV the screener uses, as text (missing cells as NA), with "_row", the
    row the user sees; the notes on how it was read; the header as written.

    The text is decoded and the dialect sniffed exactly as the row path does
    (:func:`core.ingest.csvfile.decode`, :func:`~core.ingest.csvfile.sniff_delimiter` on the same
    sample), so that both read the same cells.  A column the screener does not use is not read
    (a wide sheet costs no more than a narrow one), nor a longer row's cells beyond the header."""
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
    df: pd.DataFrame, source: str, header: list[str], notes: list[str], as_written: dict[tuple[int, str], str]
) -> pd.DataFrame:
    """Each cell as the row path's reading of it (:func:`core.ingest.import_format.cell_text` and
    the cell checks): stripped, "NA"/"null"/empty missing, control characters removed (said) -
    in that order, and never in a cell too long to be taken (that one is refused).  A cell whose
    reading is not idempotent ("N\\x07A" reads "NA", which read again is missing) is kept in
    ``as_written`` by (row, column), for :func:`_row_problems`."""
    out = pd.DataFrame({"_row": df["_row"]})
    table = Table(source, header)
    content = np.zeros(len(df), dtype=bool)  # a row with any value is not a blank line
    for name in dict.fromkeys(c for c in df.columns if c and c != "_row"):
        s = df[name].astype("str").str.strip()
        missing = (s.isna() | s.isin(_NA_VARIANTS)).to_numpy(dtype=bool)  # (a short row's cells are NaN)
        long = s.str.len().fillna(0).gt(MAX_CELL_CHARS).to_numpy(dtype=bool)
        bad = s.str.contains(CONTROL, regex=True).fillna(False).to_numpy(dtype=bool) & ~missing & ~long
        if bad.any():
            _say(notes, source, df["_row"].to_numpy()[bad], table.column_label(name), CONTROL_REMOVED, name)
            before = s
            s = s.where(~bad, s.str.replace(CONTROL, "", regex=True).str.strip())
            missing = missing | (bad & s.eq("").to_numpy(dtype=bool))
            # "N\x07A" is the text "NA", not a missing value: its row is checked as written
            revived = bad & ~missing & s.isin(_NA_VARIANTS).to_numpy(dtype=bool)
            for number, text in zip(df["_row"].to_numpy()[revived], before[revived], strict=True):
                as_written[(int(number), name)] = text
        out[name] = s.where(~missing, pd.NA)
        content = content | ~missing
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
) -> np.ndarray:
    """Each text cell as its record keeps it (:func:`core.records.clean_field`: bidi controls,
    zero-width and other invisible characters removed, a name on one line), said as the row
    path says it; the rows where a cell held nothing else (kept as read, for the row path's
    message: they are checked one by one).  A cell that reads as a "no value" word once cleaned
    ("\\x9b-" is "-") is kept in ``as_written`` for :func:`_row_problems`, as in :func:`_normalise`."""
    emptied = np.zeros(len(df), dtype=bool)
    table = Table(source, header)
    funded = df[[c for c in FUNDING_COLUMNS if c in df]].notna().any(axis=1).to_numpy()
    refs = column(df, "segments").fillna("").str.replace(r"[;；,，]", "", regex=True).str.strip().ne("")
    quoted = funded | refs.to_numpy(dtype=bool)  # a row whose source is a quote of a record
    for col, field in _TEXT_COLUMNS.items():
        if col not in df.columns:
            continue
        s = df[col]
        dirty = (s.notna() & s.str.contains(_DIRTY, regex=True).fillna(False)).to_numpy(dtype=bool)
        if not dirty.any():
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
        values[at[keep]] = cleaned[keep]
        df[col] = pd.Series(values, index=df.index, dtype="str")
        said = at[keep & changed]
        if col == "source":
            said = said[quoted[said]]
        _say(notes, source, df["_row"].to_numpy()[said], table.column_label(col), CLEANED, col)
    return emptied


def _suspicious(df: pd.DataFrame) -> np.ndarray:
    """Rows a cheap look finds something wrong with (they are validated one by one)."""
    bad = np.zeros(len(df), dtype=bool)

    def flag(mask) -> None:
        nonlocal bad
        bad |= np.asarray(mask, dtype=bool)

    ids = column(df, "id")
    flag(ids.isna() | ~ids.fillna("x").str.fullmatch(_ID))
    segs = column(df, "segments")
    if segs.notna().any():  # a reference the model refuses (its message is the row path's)
        refs = segs.dropna().str.split(r"[;；,，]", regex=True).explode().str.strip()
        refs = refs[refs.ne("")]
        wrong = refs[~refs.str.fullmatch(SEGMENT_REF.pattern).fillna(False).astype(bool)]
        flag(np.isin(np.arange(len(df)), wrong.index.unique().to_numpy()))
    flag(column(df, "name").isna())
    country = column(df, "country")
    flag(country.notna() & ~country.fillna("CN").str.fullmatch(r"[A-Za-z]{2}"))
    flag(column(df, "kind").notna() & ~column(df, "kind").isin(_KINDS))
    flag(column(df, "listed").notna() & ~column(df, "listed").isin(["listed", "private"]))
    flag(column(df, "role").notna() & ~column(df, "role").isin(ROLES))
    for cur in ("funding_currency", "valuation_currency"):
        flag(column(df, cur).notna() & ~column(df, cur).isin(["CNY", "USD"]))
    cum = column(df, "funding_cumulative")
    flag(cum.notna() & ~cum.str.strip().str.lower().isin(_BOOL_WORDS))
    dates = column(df, "funding_date")
    flag(dates.notna() & ~map_unique(dates, _date_ok).fillna(True).astype(bool))
    for name in COLUMNS:
        if name in df.columns:
            flag(df[name].str.len().fillna(0) > MAX_CELL_CHARS)
    # an amount whose written currency contradicts the currency cell
    for text_col, cur_col in (("funding_amount", "funding_currency"), ("valuation", "valuation_currency")):
        text, cur = column(df, text_col), column(df, cur_col)
        # only words can name a currency ("2亿美元"); a plain number never contradicts the cell
        both = text.notna() & cur.notna() & np.isnan(plain_numbers(text))
        if both.any():
            stated = map_unique(text[both], stated_currency).reindex(df.index)
            flag(both & stated.notna() & (stated != cur))
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
    df: pd.DataFrame, header: list[str], source: str, segment_refs: set[str], segments_file: str
) -> list[Problem]:
    table = Table(source, header)
    problems: list[Problem] = []
    ids = df["id"]
    numbers = df["_row"]
    # duplicate ids
    dup = ids.notna() & ids.duplicated(keep="first")
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
    segs = column(df, "segments")
    has = segs.notna() & ids.notna()  # (a row without an id makes no mention)
    if has.any():
        exploded = segs[has].str.split(r"[;；,，]", regex=True).explode().str.strip()
        exploded = exploded[exploded.fillna("") != ""]
        exploded = exploded[exploded.str.fullmatch(SEGMENT_REF.pattern).fillna(False).astype(bool)]
        unknown = exploded[~exploded.isin(segment_refs)]
        for pos, ref in unknown.items():
            problems.append(
                Problem(
                    source,
                    f"row {numbers[pos]}",
                    table.column_label("segments"),
                    f"unknown segment {ref!r}; add it to {segments_file} or correct the reference",
                )
            )
    # one company under two names: any name, English name or alias used by two ids
    parts = []
    for col in ("name", "name_en", "aliases"):
        s = column(df, col)
        if col == "aliases":
            s = s.str.split(r"[;；]", regex=True).explode()
        s = s.dropna()
        if not len(s):
            continue
        s = s.astype("str")
        s = s[s.str.strip() != ""]
        parts.append(pd.DataFrame({"pos": s.index, "col": col, "text": s.str.strip().to_numpy()}))
    names = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame({"pos": [], "col": [], "text": []})
    names["key"] = squash(names["text"].astype("str")).to_numpy()
    names["id"] = ids.to_numpy(dtype=object, na_value=None)[names["pos"].to_numpy(dtype=np.int64)]
    # every row with an id counts, valid or not; a name that shows nothing names nobody.  In the
    # order the row path reads them: by row, then name, English name, aliases (a stable sort)
    names = names[names["id"].notna() & names["key"].ne("")].sort_values("pos", kind="stable")
    names = names.drop_duplicates(["key", "id"])
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


def load_large_csv(path: Path, data: bytes, progress: Progress | None = None) -> Dataset:
    """A large CSV universe (the bytes of ``path``) as a Dataset backed by columns."""
    problems: list[Problem] = []
    notes: list[str] = []
    segments, segments_file = _segments_for(path, problems, notes)

    def step(percent: int) -> None:
        tick(progress, percent, 100)

    step(0)
    raw, read_notes, header = read_frame(path, data)
    notes += read_notes
    source = path.name
    check_header(Table(source, header), REQUIRED, tuple(COLUMNS), problems, notes)
    if any(p.record.startswith("row 1") for p in problems):
        raise DatasetError(problems, str(path))
    step(30)
    as_written: dict[tuple[int, str], str] = {}
    df = _normalise(raw, source, header, notes, as_written)  # blank lines left out
    del raw
    if not len(df):
        raise fail(source, NO_COMPANIES)
    emptied = _clean_text(df, source, header, notes, as_written)
    step(45)
    bad = np.flatnonzero(_suspicious(df) | emptied)
    problems += _row_problems(df, bad[: MAX_LISTED_PROBLEMS * 4], header, source, as_written)
    step(60)
    problems += _cross_row_problems(df, header, source, {s.ref for s in segments}, segments_file)
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
        number = plain_numbers(text)
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
    frame = CompanyFrame(source, df, segments)
    step(100)
    return Dataset(
        meta=DatasetMeta(name=path.stem, source=str(path)),
        segments=segments,
        companies=(),
        mentions=(),
        funding=(),
        content_hash=hashlib.sha256(data).hexdigest()[:16],
        origin=str(path),
        warnings=tuple(notes),
        columns=frame,
    )
