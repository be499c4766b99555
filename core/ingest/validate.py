"""Every record checked: each row against its table's model, then the records against each other.

The bundled report data and a user's own files go through :func:`build_dataset` alike (the
bundled data is the first test of the import path).  It collects every problem before giving
up and raises :class:`~core.ingest.errors.DatasetError` with all of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from pydantic import BaseModel, ValidationError

from core.ingest.errors import DatasetError, Problem
from core.ingest.tables import Row
from core.models import Dataset
from core.records import (
    CLEANED,
    DIRTY_CHARS,
    TEXT_FIELDS,
    Company,
    CompanyFact,
    DatasetMeta,
    FundingEvent,
    Mention,
    Segment,
    SegmentFact,
    SegmentNumber,
    _split_list,
    clean_field,
    name_key,
)

DIRTY = re.compile(DIRTY_CHARS)
#: How many rows are validated between two calls of a ``check`` (a cancel point): about 0.03 s.
CHECK_EVERY = 500
#: What a table of companies without one is told.
NO_COMPANIES = "no companies: the file has a header row only; add one row per company"
#: A segment reference as the models take it (core.records.SegmentRef).
SEGMENT_REF = re.compile(r"[A-Za-z0-9][A-Za-z0-9._\-]*")

#: The tables of a dataset and the model that validates each row of each.
TABLES: dict[str, type[BaseModel]] = {
    "segments": Segment,
    "companies": Company,
    "mentions": Mention,
    "funding": FundingEvent,
    "segment_facts": SegmentFact,
    "company_facts": CompanyFact,
    "segment_numbers": SegmentNumber,
}


def field_of(error: Mapping, fields: Iterable[str]) -> tuple[str, str]:
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


def validate_rows(
    table: str,
    rows: Iterable[Row],
    problems: list[Problem],
    notes: list[str] | None = None,
    check: Callable[[], None] | None = None,
) -> list[tuple[Row, BaseModel]]:
    """Validate each row against its table's model; bad rows become problems, not records.

    A message quotes what the user wrote (a date as written, not its reading).  ``notes``, when
    given, is told of every text cell of a valid row that was cleaned (:data:`CLEANED`).
    ``check()`` is called every :data:`CHECK_EVERY` rows (it raises to cancel)."""
    model = TABLES[table]
    written = getattr(model, "WRITTEN", {})
    out: list[tuple[Row, BaseModel]] = []
    for k, row in enumerate(rows):
        if check is not None and k % CHECK_EVERY == 0:
            check()
        try:
            out.append((row, model.model_validate(dict(row.cells))))
        except ValidationError as exc:
            for err in exc.errors():
                fname, msg = field_of(err, model.model_fields)
                value = (row.cells.get(written.get(fname, "")) or row.cells.get(fname)) if fname else None
                quoted = "got" in msg or repr(value) in msg
                detail = f" (got {value!r})" if value not in (None, "") and not quoted else ""
                problems.append(
                    Problem(row.file, row.record, row.label(fname) if fname else "", msg + detail)
                )
            continue
        if notes is not None:
            for fname, value in row.cells.items():
                kind = TEXT_FIELDS.get(fname)
                if kind and isinstance(value, str) and DIRTY.search(value) and clean_field(kind, value)[1]:
                    notes.append(str(Problem(row.file, f"row {row.number}", row.label(fname), CLEANED)))
    return out


def _names_of(row: Row) -> list[tuple[str, str]]:
    """(column, name) of a company row: its name, English name and aliases, cleaned as the record
    keeps them (as written when cleaning leaves nothing: that row is refused anyway)."""
    out = []
    for column in ("name", "name_en", "aliases"):
        value = row.cells.get(column)
        if not isinstance(value, str) or not value.strip():
            continue
        kind = TEXT_FIELDS[column]
        cleaned = clean_field(kind, value)[0] if DIRTY.search(value) else None
        text = value if cleaned is None else cleaned
        if kind == "list":
            out += [(column, p) for p in _split_list(text)]  # type: ignore[union-attr]
        else:
            out.append((column, text.strip()))
    return out


def unique_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Each problem once: a row of an import makes a company, its mentions and its funding, and
    a cell wrong for all of them (an id) is one problem for the person who fixes it."""
    seen: set[tuple[str, str, str, str]] = set()
    out = []
    for p in problems:
        key = (p.file, p.record.split(" (", 1)[0], p.field, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
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
    check: Callable[[], None] | None = None,
) -> Dataset:
    """Validate rows of every table, cross-check them, and build the Dataset.

    ``files`` maps a table name to the file name shown in messages.  Raises DatasetError
    with every problem found (including any passed in via ``problems``).  ``check()`` is
    called every few hundred rows (it raises :class:`ImportCancelled` to stop).
    """
    problems = list(problems or [])
    files = dict(files or {})
    for t in TABLES:
        files.setdefault(t, f"{t}.csv")

    if "companies" in tables and not tables["companies"] and not problems:
        # every row blank once read (a control character alone): nothing to screen, said as a
        # large file's reading says it
        raise DatasetError([Problem(files["companies"], "", "", NO_COMPANIES)], origin)
    cleaned: list[str] = []
    valid = {t: validate_rows(t, tables.get(t, []), problems, cleaned, check) for t in TABLES}

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
    # Every row with an id counts, valid or not (as for duplicate ids), its names as cleaned.
    owner: dict[str, tuple[str, Row]] = {}
    seen: set[tuple[str, str]] = set()  # (id, name): a row repeating its id's name is said once
    for row in tables.get("companies", []):
        cid = row.cells.get("id")
        cid = cid.strip() if isinstance(cid, str) else cid
        if not cid:
            continue
        for column, n in _names_of(row):
            key = name_key(n)  # NFKC, invisible characters and case ignored
            if not key or (cid, key) in seen:
                continue
            seen.add((cid, key))
            if key in owner and owner[key][0] != cid:
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
                owner.setdefault(key, (cid, row))

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
    for table in ("mentions", "funding", "segment_facts", "company_facts", "segment_numbers"):
        for row, rec in valid[table]:
            if hasattr(rec, "company_id"):
                check_ref(row, "company_id", rec.company_id, company_ids, "company")
        # a segment is looked up for every row, valid or not (as for duplicate ids), when it is
        # written as a reference; one that is not is the model's problem, said once
        for row in tables.get(table, []):
            ref = row.cells.get("segment")
            ref = ref.strip() if isinstance(ref, str) else None
            if ref and SEGMENT_REF.fullmatch(ref):  # an imported funding event may belong to no segment
                check_ref(row, "segment", ref, segment_refs, "segment")
    # A company's fact sits where the report names the company: it has a mention in that
    # segment.  A client is a company of the dataset, and the service is recorded in the
    # mentions too: the client is an adopter there listing the company as a partner.
    mentioned = {(m.company_id, m.segment) for _, m in valid["mentions"]}
    adopters = {
        (m.company_id, m.segment, p) for _, m in valid["mentions"] if m.role == "adopter" for p in m.partners
    }
    for row, rec in valid["company_facts"]:
        assert isinstance(rec, CompanyFact)
        if rec.company_id in companies and (rec.company_id, rec.segment) not in mentioned:
            problems.append(
                Problem(
                    row.file,
                    row.record,
                    "segment",
                    f"{rec.company_id!r} has no mention in {rec.segment}; a fact belongs to a segment "
                    f"where the company is named (add the mention to {files['mentions']} or correct the segment)",
                )
            )
        if rec.kind != "client" or not check_ref(row, "value", rec.value, company_ids, "company"):
            continue
        if (rec.value, rec.segment, rec.company_id) not in adopters:
            problems.append(
                Problem(
                    row.file,
                    row.record,
                    "value",
                    f"{rec.value!r} is a client of {rec.company_id!r} in {rec.segment}, but "
                    f"{files['mentions']} has no adopter mention of {rec.value!r} in {rec.segment} "
                    f"listing {rec.company_id!r} as partner; add it or correct the fact",
                )
            )

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
        raise DatasetError(unique_problems(problems), origin)

    facts_by_seg: dict[str, list[SegmentFact]] = {}
    for _, f in valid["segment_facts"]:
        assert isinstance(f, SegmentFact)
        facts_by_seg.setdefault(f.segment, []).append(f)
    segs = tuple(
        s.model_copy(update={"facts": tuple(facts_by_seg.get(s.ref, ()))})  # type: ignore[union-attr]
        for _, s in segments.values()
    )
    flagged = [*(warnings or []), *cleaned]
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
    flagged = list(dict.fromkeys(flagged))  # a cell cleaned for a mention and a funding event: once
    return Dataset(
        meta=meta,
        segments=segs,  # type: ignore[arg-type]
        companies=tuple(c for _, c in companies.values()),  # type: ignore[misc]
        mentions=tuple(m for _, m in valid["mentions"]),  # type: ignore[misc]
        funding=tuple(f for _, f in funding.values()),  # type: ignore[misc]
        content_hash=content_hash,
        origin=origin,
        warnings=tuple(flagged),
        facts=tuple(f for _, f in valid["company_facts"]),  # type: ignore[misc]
        segment_numbers=tuple(n for _, n in valid["segment_numbers"]),  # type: ignore[misc]
    )
