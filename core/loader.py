"""One way in for data: read tables, validate every record, check the records against each other.

A dataset is a folder of CSV files, one per table (see data/README.md):

    segments.csv       the segments and their star ratings              (required)
    companies.csv      the organizations                                (required)
    mentions.csv       company x segment x role, with the quote         (optional)
    funding.csv        financing events                                 (optional)
    segment_facts.csv  market figures and sector funding statistics     (optional)
    meta.json          name, source, exchange rate                      (optional)

The bundled report data and a user's own files go through :func:`load_dataset` alike.  It
collects every problem it finds before giving up, each located by file, record and field, and
raises :class:`DatasetError` with all of them; nothing is half-loaded.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ValidationError

from core.models import Company, Dataset, DatasetMeta, FundingEvent, Mention, Segment, SegmentFact

TABLES: dict[str, type[BaseModel]] = {
    "segments": Segment,
    "companies": Company,
    "mentions": Mention,
    "funding": FundingEvent,
    "segment_facts": SegmentFact,
}
REQUIRED_TABLES = ("segments", "companies")
# Columns a table may have although its model has no field of that name.
_EXTRA_COLUMNS = {"funding": ("lead_investors",)}
# Fields computed or attached by the loader, never read from a column.
_DERIVED_FIELDS = {"facts"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a dataset, located so that a person can find and fix it."""

    file: str
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        where = ", ".join(p for p in (self.file, self.record, self.field) if p)
        return f"{where}: {self.message}"


class DatasetError(Exception):
    """The dataset could not be loaded; ``problems`` lists every reason found."""

    def __init__(self, problems: list[Problem], origin: str = "") -> None:
        self.problems = problems
        self.origin = origin
        head = f"{origin}: " if origin else ""
        n = len(problems)
        super().__init__(
            f"{head}{n} problem{'s' if n != 1 else ''} in the dataset:\n"
            + "\n".join(f"  - {p}" for p in problems)
        )


@dataclass(frozen=True)
class Row:
    """A record as read: its cells, and how a person finds it ("row 5" of "companies.csv")."""

    file: str
    number: int
    cells: Mapping[str, str | None]
    labels: Mapping[str, str] | None = None  # field -> the column as the user sees it
    key: str | None = None  # what names the record in messages, if not its id or ref

    @property
    def record(self) -> str:
        key = self.key or self.cells.get("id") or self.cells.get("ref")
        return f"row {self.number}" + (f" ({key})" if key else "")

    def label(self, field: str) -> str:
        """The column a field came from, e.g. "column F (funding_amount)" for an imported sheet."""
        if self.labels and field in self.labels:
            return self.labels[field]
        return field


def bundled_dataset_dir() -> Path:
    """The report's dataset shipped with the app (works from a checkout and when installed)."""
    return Path(str(resources.files("data") / "report"))


def dataset_key(ds: Dataset) -> str:
    """The key a user's shortlist and notes for this dataset are kept under.

    The bundled report data is ``bundled:report`` wherever the app is installed; any other
    dataset is keyed by its resolved path, so editing its files keeps the user's notes.
    """
    if not ds.origin:
        return "bundled:report"
    here = Path(ds.origin).resolve()
    return "bundled:report" if here == bundled_dataset_dir().resolve() else f"file:{here}"


def read_csv_rows(path: Path, problems: list[Problem]) -> tuple[list[str], list[Row]] | None:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(
            Problem(path.name, "", "", f"not UTF-8 text (byte {exc.start}); save it as UTF-8 CSV")
        )
        return None
    except OSError as exc:
        problems.append(Problem(path.name, "", "", f"cannot be read: {exc.strerror or exc}"))
        return None
    reader = csv.reader(text.splitlines(keepends=True))
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
            rows.append(Row(path.name, i, cells))
    except csv.Error as exc:
        problems.append(Problem(path.name, f"row {reader.line_num}", "", f"not readable as CSV: {exc}"))
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


def _field_of(error: Mapping, fields: Iterable[str]) -> tuple[str, str]:
    """The field a pydantic error belongs to, and its message in plain words."""
    loc = error.get("loc") or ()
    msg = str(error.get("msg", "invalid"))
    msg = re.sub(r"^(Value error|Assertion failed), ", "", msg)
    if loc and isinstance(loc[0], str):
        return loc[0], msg
    m = re.match(r"(\w+): (.*)", msg, re.S)
    if m and m.group(1) in fields:
        return m.group(1), m.group(2)
    return "", msg


def validate_rows(table: str, rows: Iterable[Row], problems: list[Problem]) -> list[tuple[Row, BaseModel]]:
    """Validate each row against its table's model; bad rows become problems, not records."""
    model = TABLES[table]
    out: list[tuple[Row, BaseModel]] = []
    for row in rows:
        try:
            out.append((row, model.model_validate(dict(row.cells))))
        except ValidationError as exc:
            for err in exc.errors():
                fname, msg = _field_of(err, model.model_fields)
                value = row.cells.get(fname) if fname else None
                detail = f" (got {value!r})" if value not in (None, "") and "got" not in msg else ""
                problems.append(
                    Problem(row.file, row.record, row.label(fname) if fname else "", msg + detail)
                )
    return out


def build_dataset(
    tables: Mapping[str, list[Row]],
    meta: DatasetMeta,
    *,
    origin: str = "",
    content_hash: str = "",
    files: Mapping[str, str] | None = None,
    problems: list[Problem] | None = None,
    warnings: list[str] | None = None,
) -> Dataset:
    """Validate rows of every table, cross-check them, and build the Dataset.

    ``files`` maps a table name to the file name shown in messages.  Raises DatasetError
    with every problem found (including any passed in via ``problems``).
    """
    problems = list(problems or [])
    files = dict(files or {})
    for t in TABLES:
        files.setdefault(t, f"{t}.csv")

    valid = {t: validate_rows(t, tables.get(t, []), problems) for t in TABLES}

    def unique(table: str, key: str) -> dict[str, tuple[Row, BaseModel]]:
        """Valid records by key; a key used twice is a problem even when a row is otherwise invalid."""
        first: dict[str, Row] = {}
        for row in tables.get(table, []):
            k = (
                (row.cells.get(key) or "").strip()
                if isinstance(row.cells.get(key), str)
                else row.cells.get(key)
            )
            if not k:
                continue
            if k in first:
                problems.append(
                    Problem(
                        row.file,
                        row.record,
                        row.label(key),
                        f"duplicate {key} {k!r}, already used on {first[k].record}; give each record its own",
                    )
                )
            else:
                first[k] = row
        seen: dict[str, tuple[Row, BaseModel]] = {}
        for row, rec in valid[table]:
            seen.setdefault(getattr(rec, key), (row, rec))
        return seen

    segments = unique("segments", "ref")
    companies = unique("companies", "id")
    funding = unique("funding", "id")

    # The same company under two names: every name and alias must belong to one company only.
    owner: dict[str, tuple[str, Row]] = {}
    for row, c in companies.values():
        assert isinstance(c, Company)
        own = set()
        for n in c.all_names:
            column = "name" if n == c.name else "name_en" if n == c.name_en else "aliases"
            key = re.sub(r"\s+", "", n).casefold()
            if key in own:
                continue
            own.add(key)
            if key in owner and owner[key][0] != c.id:
                other_id, other_row = owner[key]
                problems.append(
                    Problem(
                        row.file,
                        row.record,
                        row.label(column),
                        f"{n!r} also names company {other_id!r} ({other_row.record}); "
                        "one company, one row: merge them or rename one",
                    )
                )
            else:
                owner[key] = (c.id, row)

    table_of = {"company": "companies", "segment": "segments"}

    def check_ref(row: Row, field: str, value: str, known: Mapping, what: str) -> bool:
        if value not in known:
            problems.append(
                Problem(
                    row.file,
                    row.record,
                    row.label(field),
                    f"unknown {what} {value!r}; add it to {files[table_of[what]]} or correct the reference",
                )
            )
            return False
        return True

    # a reference to a record that exists but is itself invalid is not reported twice
    company_ids = {**{r.cells.get("id"): None for r in tables.get("companies", [])}, **companies}
    segment_refs = {**{r.cells.get("ref"): None for r in tables.get("segments", [])}, **segments}
    for table in ("mentions", "funding", "segment_facts"):
        for row, rec in valid[table]:
            if hasattr(rec, "company_id"):
                check_ref(row, "company_id", rec.company_id, company_ids, "company")
            if rec.segment is not None:  # an imported funding event may belong to no segment
                check_ref(row, "segment", rec.segment, segment_refs, "segment")

    # Partnerships are recorded on both sides, in the same segment.
    pairs = {(rec.company_id, rec.segment, p) for _, rec in valid["mentions"] for p in rec.partners}
    for row, rec in valid["mentions"]:
        assert isinstance(rec, Mention)
        for p in rec.partners:
            if not check_ref(row, "partners", p, company_ids, "company"):
                continue
            if (p, rec.segment, rec.company_id) not in pairs:
                problems.append(
                    Problem(
                        row.file,
                        row.record,
                        "partners",
                        f"partnership with {p!r} in {rec.segment} is recorded on one side only; "
                        f"add a mention of {p!r} in {rec.segment} listing {rec.company_id!r} as partner",
                    )
                )

    if problems:
        raise DatasetError(problems, origin)

    facts_by_seg: dict[str, list[SegmentFact]] = {}
    for _, f in valid["segment_facts"]:
        assert isinstance(f, SegmentFact)
        facts_by_seg.setdefault(f.segment, []).append(f)
    segs = tuple(
        s.model_copy(update={"facts": tuple(facts_by_seg.get(s.ref, ()))})  # type: ignore[union-attr]
        for _, s in segments.values()
    )
    flagged = list(warnings or [])
    for row, f in funding.values():
        assert isinstance(f, FundingEvent)
        for field, text, money in (
            ("amount_text", f.amount_text, f.amount),
            ("valuation_text", f.valuation_text, f.valuation),
        ):
            if text and money is not None and not money.parsed:
                flagged.append(
                    str(
                        Problem(
                            row.file,
                            row.record,
                            row.label(field),
                            f"{money.reason}; kept as written ({text!r}) and counted as undisclosed",
                        )
                    )
                )
    return Dataset(
        meta=meta,
        segments=segs,  # type: ignore[arg-type]
        companies=tuple(c for _, c in companies.values()),  # type: ignore[misc]
        mentions=tuple(m for _, m in valid["mentions"]),  # type: ignore[misc]
        funding=tuple(f for _, f in funding.values()),  # type: ignore[misc]
        content_hash=content_hash,
        origin=origin,
        warnings=tuple(flagged),
    )


def _read_meta(folder: Path, problems: list[Problem]) -> DatasetMeta:
    path = folder / "meta.json"
    default = DatasetMeta(name=folder.name)
    if not path.exists():
        return default
    try:
        raw = json.loads(path.read_text(encoding="utf-8-sig"))
        return DatasetMeta.model_validate(raw)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        problems.append(Problem(path.name, "", "", f"not readable as JSON: {exc}"))
    except ValidationError as exc:
        for err in exc.errors():
            fname, msg = _field_of(err, DatasetMeta.model_fields)
            problems.append(Problem(path.name, "", fname, msg))
    return default


def load_dataset(path: str | Path | None = None) -> Dataset:
    """Load and validate a dataset: a folder of CSV tables (the bundled report's when ``path`` is
    None), or a user's CSV/XLSX table of companies (see :mod:`core.importer`)."""
    folder = Path(path) if path is not None else bundled_dataset_dir()
    origin = str(folder)
    if not folder.exists():
        raise DatasetError([Problem(origin, "", "", "no such file or folder; check the path")], origin)
    if not folder.is_dir():
        from core.importer import load_table_file  # a user's own table of companies

        return load_table_file(folder)
    problems: list[Problem] = []
    digest = hashlib.sha256()
    tables: dict[str, list[Row]] = {}
    for table in TABLES:
        p = folder / f"{table}.csv"
        if not p.exists():
            if table in REQUIRED_TABLES:
                problems.append(Problem(p.name, "", "", "required file is missing"))
            continue
        digest.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
        read = read_csv_rows(p, problems)
        if read is None:
            continue
        header, rows = read
        ok = _check_header(table, p.name, header + list(_EXTRA_COLUMNS.get(table, ())), problems)
        tables[table] = rows if ok else []
    meta = _read_meta(folder, problems)
    if (folder / "meta.json").exists():
        digest.update(b"meta.json\0" + (folder / "meta.json").read_bytes())
    return build_dataset(tables, meta, origin=origin, content_hash=digest.hexdigest()[:16], problems=problems)
