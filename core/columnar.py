"""Large universes: the import format read into columns, checked with array operations.

A table of tens of thousands to a million companies is read with pandas' C parser into one
column per field, and checked column by column.  Rows a cheap check finds suspicious go through
the same row-by-row pydantic validation as a small file (:mod:`core.importer`), so every message
is the one a small file would give; checks across rows (duplicate ids, unknown segments, one
company under two names) run on whole columns with the same wording.  The Dataset keeps the
columns (:class:`CompanyFrame`) and makes the pydantic records of one company when it is asked
for them (the detail view, a memo), never a million of them.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd

from core.importer import (
    _CONTROL,
    _FUNDING_COLUMNS,
    COLUMNS,
    MAX_CELL_CHARS,
    NA_TOKENS,
    REQUIRED,
    ImportCancelled,
    Progress,
    Table,
    _check_header,
    _company_records,
    _decode,
    _fail,
    _funding_date,
    _not_a_table,
    _sniff_delimiter,
    row_records,
    split_refs,
)
from core.loader import DatasetError, Problem, validate_rows
from core.models import (
    ROLES,
    Company,
    CompanyKind,
    Dataset,
    DatasetMeta,
    FundingEvent,
    Mention,
    Segment,
    check_partial_date,
    normalise_round,
    round_stage,
)
from core.money import parse_amount

#: Files at least this large (bytes) are read in columns; smaller ones row by row.
COLUMNAR_MIN_BYTES = 2_000_000
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


def _squash(s: pd.Series) -> pd.Series:
    """Whitespace removed and lower-cased, with Arrow's compute kernels when pandas has them."""
    try:
        import pyarrow as pa
        import pyarrow.compute as pc

        arr = pa.array(s.fillna("").astype(object).to_numpy(), type=pa.string())
        out = pc.utf8_lower(pc.replace_substring_regex(arr, pattern=r"\s+", replacement=""))
        return pd.Series(out.to_numpy(zero_copy_only=False), index=s.index, dtype=object)
    except ImportError:  # pragma: no cover - pyarrow is a dependency; this keeps the rule in one place
        return s.fillna("").str.replace(r"\s+", "", regex=True).str.lower()


def _column(df: pd.DataFrame, name: str) -> pd.Series:
    if name in df.columns:
        return df[name]
    return pd.Series(pd.NA, index=df.index, dtype="str")


class CompanyFrame:
    """The companies of a large import, one column per field, one row per company."""

    def __init__(self, source: str, df: pd.DataFrame, segments: tuple[Segment, ...]) -> None:
        self.source = source
        self.df = df.reset_index(drop=True)
        self._index = pd.Index(self.df["id"])
        self._segment_order = {s.ref: i for i, s in enumerate(segments)}
        refs = self.df["segments"]
        self._seg_lists = refs  # text; split per company on request
        self._has_funding = (
            self.df[[c for c in _FUNDING_COLUMNS if c in self.df]].notna().any(axis=1).to_numpy()
        )
        present = refs.dropna()
        self.n_mentions = (
            int(present.str.split(r"[;；,，]", regex=True).explode().str.strip().ne("").sum())
            if len(present)
            else 0
        )
        self.n_funding = int(self._has_funding.sum())

    @property
    def n_companies(self) -> int:
        return len(self.df)

    def _cells(self, company_id: str) -> tuple[dict, int]:
        pos = self._index.get_loc(company_id)
        row = self.df.iloc[int(pos)]
        cells = {k: (None if pd.isna(v) else str(v)) for k, v in row.items() if k in COLUMNS}
        return cells, int(row["_row"])

    def company(self, company_id: str) -> Company:
        cells, number = self._cells(company_id)
        return Company.model_validate(row_records(cells, number, self.source)[0])

    def mentions_of(self, company_id: str) -> tuple[Mention, ...]:
        cells, number = self._cells(company_id)
        return tuple(Mention.model_validate(m) for m in row_records(cells, number, self.source)[1])

    def funding_of(self, company_id: str) -> tuple[FundingEvent, ...]:
        cells, number = self._cells(company_id)
        f = row_records(cells, number, self.source)[2]
        return () if f is None else (FundingEvent.model_validate(f),)

    def segments_of(self, company_id: str) -> tuple[str, ...]:
        cells, _ = self._cells(company_id)
        refs = set(split_refs(cells.get("segments")))
        return tuple(sorted(refs, key=lambda r: self._segment_order.get(r, len(self._segment_order))))

    def roles_of(self, company_id: str) -> tuple[str, ...]:
        return tuple({m.role for m in self.mentions_of(company_id)} & set(ROLES))

    def country_counts(self) -> dict[str, int]:
        return {str(k): int(v) for k, v in self.df["country"].dropna().str.upper().value_counts().items()}


# --- reading --------------------------------------------------------------------------------


def read_frame(path: Path, data: bytes) -> tuple[pd.DataFrame, list[str]]:
    """The CSV as text columns (missing cells as NA), with "_row", the row the user sees."""
    reason = _not_a_table(path.name, data)
    if reason or data.startswith(b"PK\x03\x04"):
        raise _fail(path.name, reason or "an XLSX workbook with a .csv name; rename it to .xlsx")
    notes: list[str] = []
    if not data.strip():
        raise _fail(path.name, "the file is empty; it needs a header row and one row per company")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 (Excel's "Unicode text")
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as exc:
            raise _fail(path.name, f"not readable UTF-16 text ({exc}); save it as CSV UTF-8") from exc
        notes.append(f"{path.name}: read as UTF-16")
    if b"\x00" in data[:4096]:
        _decode(path.name, data[:4096])  # raises: binary data
    try:
        data.decode("utf-8")
        encoding = "utf-8-sig"
    except UnicodeDecodeError:
        _decode(path.name, data)  # raises a clear error if it is not GB18030 either
        encoding = "gb18030"
        notes.append(f"{path.name}: read as Chinese GB18030/GBK text (not UTF-8)")
    head = data[:65536].decode(encoding, errors="ignore").lstrip("\ufeff")
    first_line = head.splitlines()[0] if head.strip() else ""
    try:
        df = pd.read_csv(
            io.BytesIO(data),
            sep=_sniff_delimiter(first_line),
            dtype="str",
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            index_col=False,  # a trailing separator must not turn the first column into an index
            encoding=encoding,
            engine="c",
        )
    except (pd.errors.ParserError, ValueError) as exc:
        raise _fail(path.name, f"not readable as CSV ({exc})") from exc
    import csv

    header = next(csv.reader([first_line], delimiter=_sniff_delimiter(first_line)), [])
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
        bad = s.str.contains(_CONTROL, regex=True)
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
            s = s.str.replace(_CONTROL, "", regex=True).str.strip()
        missing = s.isin(_NA_VARIANTS)
        out[name] = s.where(~missing, pd.NA)
    return out


def _suspicious(df: pd.DataFrame) -> np.ndarray:
    """Rows a cheap look finds something wrong with (they are validated one by one)."""
    bad = np.zeros(len(df), dtype=bool)

    def flag(mask) -> None:
        nonlocal bad
        bad |= np.asarray(mask, dtype=bool)

    ids = _column(df, "id")
    flag(ids.isna() | ~ids.fillna("x").str.fullmatch(_ID))
    flag(_column(df, "name").isna())
    country = _column(df, "country")
    flag(country.notna() & ~country.fillna("CN").str.fullmatch(r"[A-Za-z]{2}"))
    flag(_column(df, "kind").notna() & ~_column(df, "kind").isin(_KINDS))
    flag(_column(df, "listed").notna() & ~_column(df, "listed").isin(["listed", "private"]))
    flag(_column(df, "role").notna() & ~_column(df, "role").isin(ROLES))
    for cur in ("funding_currency", "valuation_currency"):
        flag(_column(df, cur).notna() & ~_column(df, cur).isin(["CNY", "USD"]))
    cum = _column(df, "funding_cumulative")
    flag(cum.notna() & ~cum.str.strip().str.lower().isin(_BOOL_WORDS))
    dates = _column(df, "funding_date")
    flag(dates.notna() & ~_map_unique(dates, _date_ok).fillna(True).astype(bool))
    for name in COLUMNS:
        if name in df.columns:
            flag(df[name].str.len().fillna(0) > MAX_CELL_CHARS)
    # an amount whose written currency contradicts the currency cell
    for text_col, cur_col in (("funding_amount", "funding_currency"), ("valuation", "valuation_currency")):
        text, cur = _column(df, text_col), _column(df, cur_col)
        # only words can name a currency ("2亿美元"); a plain number never contradicts the cell
        both = text.notna() & cur.notna() & ~np.isfinite(_numeric(text))
        if both.any():
            stated = _map_unique(text[both], _stated_currency).reindex(df.index)
            flag(both & stated.notna() & (stated != cur))
    return bad


def _date_ok(text: str) -> bool:
    """The funding_date rule of the model (core.models.check_partial_date), per distinct value."""
    try:
        check_partial_date(_funding_date(text) or "")
    except ValueError:
        return False
    return True


_PLAIN = r"\d+(?:\.\d+)?"


def _plain_numbers(text: pd.Series) -> np.ndarray:
    """Amounts written as a plain number, in the money parser's grammar (digits, one decimal
    point, thousands commas); NaN for anything else, which goes through the parser itself."""
    t = text.fillna("").astype("str").str.replace(",", "", regex=False)
    plain = t.str.fullmatch(_PLAIN).fillna(False).to_numpy(dtype=bool)
    out = np.full(len(text), np.nan)
    if plain.any():
        out[plain] = pd.to_numeric(t[plain]).to_numpy(dtype=float)
    return out


def _map_unique(s: pd.Series, fn) -> pd.Series:
    """``fn`` of each value, computed once per distinct value (dates, rounds and vague amounts
    repeat a lot in a large universe)."""
    present = s.dropna()
    if not len(present):
        return pd.Series(pd.NA, index=s.index, dtype=object)
    table = {u: fn(u) for u in present.unique()}
    return s.map(table, na_action="ignore")


def _numeric(text: pd.Series) -> np.ndarray:
    return _plain_numbers(text)


_STATED: dict[str, str | None] = {}


def _stated_currency(text: str) -> str | None:
    if text not in _STATED:
        m = parse_amount(text)
        _STATED[text] = m.currency if m.parsed and m.currency_stated else None
    return _STATED[text]


def _row_problems(df: pd.DataFrame, rows: np.ndarray, header: list[str], source: str) -> list[Problem]:
    """The exact messages for suspicious rows: the small-file path, on just those rows."""
    table = Table(source, header)
    for _, r in df.iloc[rows].iterrows():
        table.rows.append((int(r["_row"]), [None if pd.isna(r.get(h)) else r.get(h) for h in header]))
    problems: list[Problem] = []
    notes: list[str] = []
    companies, mentions, funding = _company_records(table, problems, notes, None)
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
    segs = _column(df, "segments")
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
        s = _column(df, col)
        if col == "aliases":
            s = s.str.split(r"[;；]", regex=True).explode()
        s = s.dropna()
        if not len(s):
            continue
        s = s.astype("str")
        s = s[s.str.strip() != ""]
        parts.append(pd.DataFrame({"pos": s.index, "col": col, "text": s.str.strip().to_numpy()}))
    names = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame({"pos": [], "col": [], "text": []})
    names["key"] = _squash(names["text"].astype("str")).to_numpy()
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


def load_frame(
    path: Path,
    data: bytes,
    segments: tuple[Segment, ...],
    segments_file: str,
    extra_problems: list[Problem],
    notes: list[str],
    progress: Progress | None = None,
) -> Dataset:
    """A large CSV universe as a Dataset backed by columns."""
    import hashlib

    def tick(done: int) -> None:
        if progress is not None and progress(done, 100) is False:
            raise ImportCancelled("import cancelled")

    tick(0)
    raw, read_notes = read_frame(path, data)
    notes += read_notes
    header = [c for c in raw.columns if c != "_row"]
    source = path.name
    problems = list(extra_problems)
    _check_header(Table(source, header), REQUIRED, tuple(COLUMNS), problems, notes)
    if any(p.record.startswith("row 1") for p in problems):
        raise DatasetError(problems, str(path))
    tick(30)
    df = _normalise(raw, source, header, notes)
    del raw
    df = df[df.drop(columns="_row").notna().any(axis=1)].reset_index(drop=True)  # blank lines
    if not len(df):
        raise _fail(source, "no companies: the file has a header row only; add one row per company")
    tick(45)
    bad = np.flatnonzero(_suspicious(df))
    problems += _row_problems(df, bad[: MAX_LISTED_PROBLEMS * 4], header, source)
    tick(60)
    problems += _cross_row_problems(df, header, source, {s.ref for s in segments}, segments_file)
    if problems:
        n = len(problems)
        listed = problems[:MAX_LISTED_PROBLEMS]
        if n > MAX_LISTED_PROBLEMS:
            listed.append(Problem(source, "", "", f"… and {n - MAX_LISTED_PROBLEMS:,} more problems"))
        raise DatasetError(listed, str(path))
    tick(75)
    for text_col in ("funding_amount", "valuation"):
        text = _column(df, text_col)
        number = _numeric(text)
        words = text.notna() & ~np.isfinite(number)
        readable = _map_unique(text[words], lambda t: parse_amount(t).parsed).reindex(df.index)
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
    tick(100)
    return Dataset(
        meta=DatasetMeta(name=path.stem, source=str(path)),
        segments=segments,
        companies=(),
        mentions=(),
        funding=(),
        content_hash=hashlib.sha256(data).hexdigest()[:16],
        origin=str(path),
        warnings=tuple(notes),
        frame=frame,
    )


# --- signals ----------------------------------------------------------------------------------


def _amounts(text: pd.Series, currency: pd.Series, fx: float) -> tuple[np.ndarray, np.ndarray]:
    """US-dollar point estimates (NaN when none) and whether each is approximate."""
    usd = np.full(len(text), np.nan)
    approx = np.zeros(len(text), dtype=bool)
    has = text.notna().to_numpy()
    if not has.any():
        return usd, approx
    plain = _plain_numbers(text)
    cur = currency.fillna("USD").to_numpy(dtype=object)
    is_plain = np.isfinite(plain) & (plain > 0)
    rate = np.where(cur == "CNY", 1.0 / fx, 1.0)
    usd[is_plain] = plain[is_plain] * rate[is_plain]
    approx[is_plain] = cur[is_plain] == "CNY"
    rest = has & ~np.isfinite(plain)
    if rest.any():
        texts = text[rest]
        curs = currency[rest].fillna("USD")
        parsed = {}
        for t, c in set(zip(texts, curs, strict=True)):
            m = parse_amount(t, c)
            v = m.usd_point(fx)
            parsed[(t, c)] = (np.nan, False) if v is None else (v, bool(m.approximate or m.currency != "USD"))
        vals = [parsed[(t, c)] for t, c in zip(texts, curs, strict=True)]
        usd[rest] = [v for v, _ in vals]
        approx[rest] = [a for _, a in vals]
    return usd, approx


def frame_signal_columns(ds: Dataset, fx: float) -> dict:
    """The inputs of SignalTable.from_columns for a columnar dataset, all by array operations."""
    from core.signals import BASE_SIGNALS, SEGMENT_SIGNALS

    frame: CompanyFrame = ds.frame
    df = frame.df
    n = len(df)
    refs = tuple(s.ref for s in ds.segments)
    col = {r: j for j, r in enumerate(refs)}
    member = np.zeros((n, len(refs)), dtype=bool)
    segs = df["segments"]
    has = segs.notna()
    if has.any():
        exploded = segs[has].str.split(r"[;；,，]", regex=True).explode().str.strip()
        exploded = exploded[exploded.isin(col.keys())]
        member[exploded.index.to_numpy(), exploded.map(col).to_numpy(dtype=np.int64)] = True
    count = member.sum(axis=1)
    raw = {k: np.full(n, np.nan) for k in BASE_SIGNALS}
    with np.errstate(invalid="ignore", divide="ignore"):
        for k in SEGMENT_SIGNALS:
            stars = np.array([getattr(s, k) for s in ds.segments], dtype=np.float64)
            raw[k] = np.where(count > 0, (member @ stars) / np.maximum(count, 1), np.nan)

    # the currencies row_records gives: the cell, else what the text says, else USD; a
    # valuation falls back to the funding's currency
    def stated(col: str) -> pd.Series:
        text = df[col]
        words = text.notna() & ~np.isfinite(_plain_numbers(text))
        return _map_unique(text[words], _stated_currency).reindex(df.index)

    fund_cur = df["funding_currency"].fillna(stated("funding_amount")).fillna("USD")
    val_cur = df["valuation_currency"].fillna(stated("valuation")).fillna(fund_cur)
    amount_usd, amount_approx = _amounts(df["funding_amount"], fund_cur, fx)
    valuation_usd, valuation_approx = _amounts(df["valuation"], val_cur, fx)
    raw["capital"] = amount_usd
    raw["valuation"] = valuation_usd
    normal = _map_unique(df["funding_date"], _funding_date).astype("str")
    parts = normal.str.extract(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$").astype(float)
    y, m, d = parts[0].to_numpy(), parts[1].to_numpy(), parts[2].to_numpy()
    raw["recency"] = np.where(
        np.isnan(m), y + 0.5, np.where(np.isnan(d), y + (m - 0.5) / 12, y + (m - 1) / 12 + (d - 0.5) / 365)
    )
    stages = {t: round_stage(normalise_round(t)) for t in df["funding_round"].dropna().unique()}
    raw["stage"] = df["funding_round"].map(stages, na_action="ignore").astype(float).to_numpy()
    roles_text = df["role"].fillna(
        pd.Series(np.where(frame._has_funding, "funded", "vendor"), index=df.index)
    )
    role_member = np.zeros((n, len(ROLES)), dtype=bool)
    for j, r in enumerate(ROLES):
        role_member[:, j] = (roles_text == r).to_numpy() & (count > 0)

    aliases = df["aliases"].fillna("").str.replace(";", "\x1f")
    search = _squash(df["name"]) + "\x1f" + _squash(df["name_en"]) + "\x1f" + _squash(aliases)
    return dict(
        ids=df["id"].to_numpy(dtype=object),
        names=df["name"].to_numpy(dtype=object),
        raw=raw,
        funding_total_usd=amount_usd,
        funding_approx=amount_approx,
        latest_valuation_usd=valuation_usd,
        fx_cny_per_usd=fx,
        countries=df["country"].fillna("").str.upper().to_numpy(dtype=str),
        segment_refs=refs,
        segment_member=member,
        role_member=role_member,
        search_text=search.to_numpy(dtype=object),
        valuation_approx=valuation_approx,
    )
