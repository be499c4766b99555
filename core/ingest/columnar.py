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

from core.ingest.arrays import column, map_unique, plain_numbers, squash, stated_currency
from core.ingest.bundled import report_segment_rows
from core.ingest.csvfile import SNIFF_BYTES, check_csv_bytes, decode, read_csv_table, sniff_delimiter
from core.ingest.errors import DatasetError, Problem, Progress, fail, tick
from core.ingest.frame import CompanyFrame
from core.ingest.import_format import (
    COLUMNS,
    CONTROL,
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
from core.ingest.validate import validate_rows
from core.models import Dataset
from core.money import parse_amount
from core.records import ROLES, CompanyKind, DatasetMeta, Segment, check_partial_date

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


def read_frame(path: Path, data: bytes) -> tuple[pd.DataFrame, list[str]]:
    """The CSV as text columns (missing cells as NA), with "_row", the row the user sees."""
    check_csv_bytes(path.name, data)
    notes: list[str] = []
    if not data.strip():
        raise fail(path.name, "the file is empty; it needs a header row and one row per company")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 (Excel's "Unicode text")
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as exc:
            raise fail(path.name, f"not readable UTF-16 text ({exc}); save it as CSV UTF-8") from exc
        notes.append(f"{path.name}: read as UTF-16")
    if b"\x00" in data[:4096]:
        decode(path.name, data[:4096])  # raises: binary data
    try:
        data.decode("utf-8")
        encoding = "utf-8-sig"
    except UnicodeDecodeError:
        decode(path.name, data)  # raises a clear error if it is not GB18030 either
        encoding = "gb18030"
        notes.append(f"{path.name}: read as Chinese GB18030/GBK text (not UTF-8)")
    sample = data[:SNIFF_BYTES].decode(encoding, errors="ignore").lstrip("\ufeff")
    delimiter = sniff_delimiter(sample)
    try:
        df = pd.read_csv(
            io.BytesIO(data),
            sep=delimiter,
            dtype="str",
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            index_col=False,  # a trailing separator must not turn the first column into an index
            encoding=encoding,
            engine="c",
        )
    except (pd.errors.ParserError, ValueError) as exc:
        raise fail(path.name, f"not readable as CSV ({exc})") from exc
    try:
        header = next(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter), [])
    except csv.Error:
        header = []
    if len(header) == len(df.columns):  # the names as written (pandas renames a repeated one)
        df.columns = [str(c).strip() for c in header]
    else:
        df.columns = [str(c).strip() for c in df.columns]
    df["_row"] = np.arange(2, len(df) + 2)
    return df, notes


def _normalise(df: pd.DataFrame, source: str, header: list[str], notes: list[str]) -> pd.DataFrame:
    """Strip cells, turn "NA"/"null"/empty into missing, remove control characters (said)."""
    out = pd.DataFrame({"_row": df["_row"]})
    table = Table(source, header)
    for name in COLUMNS:
        if name not in df.columns:
            continue
        s = df[name].astype("str").str.strip()
        bad = s.str.contains(CONTROL, regex=True)
        if bad.any():
            if int(bad.sum()) > MAX_LISTED_PROBLEMS:
                notes.append(
                    f"{source}: … and {int(bad.sum()) - MAX_LISTED_PROBLEMS:,} more cells of {name} cleaned"
                )
            for number in df.loc[bad, "_row"].head(MAX_LISTED_PROBLEMS):
                notes.append(
                    str(
                        Problem(
                            source,
                            f"row {number}",
                            table.column_label(name),
                            "control characters removed (they cannot be shown or exported)",
                        )
                    )
                )
            s = s.str.replace(CONTROL, "", regex=True).str.strip()
        missing = s.isin(_NA_VARIANTS)
        out[name] = s.where(~missing, pd.NA)
    return out


def _suspicious(df: pd.DataFrame) -> np.ndarray:
    """Rows a cheap look finds something wrong with (they are validated one by one)."""
    bad = np.zeros(len(df), dtype=bool)

    def flag(mask) -> None:
        nonlocal bad
        bad |= np.asarray(mask, dtype=bool)

    ids = column(df, "id")
    flag(ids.isna() | ~ids.fillna("x").str.fullmatch(_ID))
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
        both = text.notna() & cur.notna() & ~np.isfinite(plain_numbers(text))
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


def _row_problems(df: pd.DataFrame, rows: np.ndarray, header: list[str], source: str) -> list[Problem]:
    """The exact messages for suspicious rows: the small-file path, on just those rows."""
    table = Table(source, header)
    for _, r in df.iloc[rows].iterrows():
        table.rows.append((int(r["_row"]), [None if pd.isna(r.get(h)) else r.get(h) for h in header]))
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
                    f"duplicate id {cid!r}, already used on row {first} ({cid}); give each record its own",
                )
            )
    # unknown segment refs
    segs = column(df, "segments")
    has = segs.notna()
    if has.any():
        exploded = segs[has].str.split(r"[;；,，]", regex=True).explode().str.strip()
        exploded = exploded[exploded.fillna("") != ""]
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
    names["id"] = ids.to_numpy()[names["pos"].to_numpy()]
    names = names.drop_duplicates(["key", "id"])
    clash = names[names.duplicated("key", keep=False)]
    if len(clash):
        owner = clash.sort_values("pos").drop_duplicates("key")
        first = dict(zip(owner["key"], zip(owner["id"], owner["pos"], strict=True), strict=True))
        for _, r in clash.sort_values("pos").iterrows():
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
    raw, read_notes = read_frame(path, data)
    notes += read_notes
    header = [c for c in raw.columns if c != "_row"]
    source = path.name
    check_header(Table(source, header), REQUIRED, tuple(COLUMNS), problems, notes)
    if any(p.record.startswith("row 1") for p in problems):
        raise DatasetError(problems, str(path))
    step(30)
    df = _normalise(raw, source, header, notes)
    del raw
    df = df[df.drop(columns="_row").notna().any(axis=1)].reset_index(drop=True)  # blank lines
    if not len(df):
        raise fail(source, "no companies: the file has a header row only; add one row per company")
    step(45)
    bad = np.flatnonzero(_suspicious(df))
    problems += _row_problems(df, bad[: MAX_LISTED_PROBLEMS * 4], header, source)
    step(60)
    problems += _cross_row_problems(df, header, source, {s.ref for s in segments}, segments_file)
    if problems:
        n = len(problems)
        listed = problems[:MAX_LISTED_PROBLEMS]
        if n > MAX_LISTED_PROBLEMS:
            listed.append(Problem(source, "", "", f"… and {n - MAX_LISTED_PROBLEMS:,} more problems"))
        raise DatasetError(listed, str(path))
    step(75)
    for text_col in ("funding_amount", "valuation"):
        text = column(df, text_col)
        number = plain_numbers(text)
        words = text.notna() & ~np.isfinite(number)
        readable = map_unique(text[words], lambda t: parse_amount(t).parsed).reindex(df.index)
        unread = (words & ~readable.fillna(True).astype(bool)) | (np.isfinite(number) & (number <= 0))
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
