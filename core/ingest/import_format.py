"""The import format: one table, one row per company (data/README.md, data/import_template.*).

The columns, what a cell means ("NA" is missing, an Excel date is a date), and the records one
row makes: a company, a mention in each of its segments, a funding event when it carries
funding figures.  Both ways of reading a table (:mod:`core.ingest.table_file` row by row,
:mod:`core.ingest.columnar` in columns) make their records here, so that they agree.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from core.ingest.errors import Problem, Progress, tick
from core.ingest.tables import Row, Table, column_letter
from core.money import parse_amount

#: Excel's own limit on the characters of one cell.
MAX_CELL_CHARS = 32_767
#: Cells meaning "no value", whatever the column (compared case-insensitively).
NA_TOKENS = frozenset({"", "na", "n/a", "#n/a", "null", "none", "nan", "nil", "-", "—", "–"})
DEFAULT_CURRENCY = "USD"

#: The columns of the companies table: column -> what it holds.
COLUMNS: dict[str, str] = {
    "id": "required; a unique id (letters, digits, _ . -)",
    "name": "required; the company's name",
    "name_en": "English name",
    "aliases": "other names and products, separated by ;",
    "country": "two-letter country code (CN, US, ...)",
    "kind": "bank, securities, insurer, fintech, payments, big_tech, ai_vendor, software_vendor, startup, "
    "platform, hospital, drug_maker, research or other",
    "listed": "listed or private",
    "note": "your note on the data",
    "segments": "section refs separated by ; (the report's 1.1.1 … 1.4.2, or your own segments)",
    "role": "adopter, vendor, funded, listed, partner or research (default: funded when funding is given, "
    "else vendor)",
    "source": "where the facts come from (a sentence, a URL); shown as the evidence",
    "funding_amount": "a number, or text as the report writes it (2.5亿美元, 数千万元)",
    "funding_currency": "CNY or USD for a plain number (default USD)",
    "funding_round": "e.g. A, B+, Pre-A, 天使轮",
    "funding_date": "YYYY, YYYY-MM or YYYY-MM-DD (an Excel date works too)",
    "funding_cumulative": "true if the amount is the total raised to date",
    "valuation": "a number or text",
    "valuation_currency": "CNY or USD for a plain number (default: the funding currency)",
    "investors": "investor names separated by ;",
    "lead_investors": "the leads among them, separated by ;",
}
REQUIRED = ("id", "name")
SEGMENT_COLUMNS = (
    "ref",
    "scenario",
    "scenario_zh",
    "industry",
    "industry_zh",
    "market",
    "logic",
    "compute",
    "corpus",
)
FUNDING_COLUMNS = (
    "funding_amount",
    "funding_round",
    "funding_date",
    "valuation",
    "investors",
    "lead_investors",
)
COMPANY_FIELDS = ("id", "name", "name_en", "aliases", "country", "kind", "listed", "note")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def cell_text(value: object) -> str | None:
    """A cell as text; None for a missing value ("NA", "null", empty ...)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        if value != value:
            return None
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    text = str(value).strip()
    return None if text.casefold() in NA_TOKENS else text


def funding_date(text: str | None) -> str | None:
    """Accept 2024, 2024-03, 2024-03-12, 2024/3/12, 2024.3, 2024年3月 and Excel dates."""
    if text is None:
        return None
    t = text.strip()
    m = re.fullmatch(r"(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?)?(?: 00:00:00)?", t)
    if not m:
        return t  # left for the model to reject, located
    y, mo, d = m.groups()
    if d:
        return f"{y}-{int(mo):02d}-{int(d):02d}"
    if mo:
        return f"{y}-{int(mo):02d}"
    return y


# --- the table into records ---------------------------------------------------------------


def cell_at(values: Sequence[object] | Mapping[int, object], index: int) -> object:
    """The cell in column ``index`` (0-based) of a row read as a list, or sparse as a mapping."""
    if isinstance(values, Mapping):
        return values.get(index)
    return values[index] if index < len(values) else None


def row_values(values: Sequence[object] | Mapping[int, object]) -> Iterable[object]:
    """Every cell a row holds, whichever way it was read."""
    return values.values() if isinstance(values, Mapping) else values


def read_positions(table: Table, known: Iterable[str]) -> list[tuple[int, str]]:
    """(column index, name) of the columns of ``known`` the header names, each once (the first).

    Only these are read from a row: a cell under a column the screener does not use is not looked
    at, so a row costs the same however wide the sheet is."""
    wanted = set(known)
    seen: set[str] = set()
    out = []
    for i, name in enumerate(table.header):
        if name in wanted and name not in seen:
            seen.add(name)
            out.append((i, name))
    return out


def _cells(
    table: Table,
    number: int,
    values: Sequence[object] | Mapping[int, object],
    problems: list[Problem],
    notes: list[str],
    positions: list[tuple[int, str]],
) -> dict:
    out: dict[str, str | None] = {}
    for i, name in positions:
        text = cell_text(cell_at(values, i))
        if text is not None:
            if len(text) > MAX_CELL_CHARS:
                problems.append(
                    Problem(
                        table.source,
                        f"row {number}",
                        table.column_label(name),
                        f"{len(text):,} characters, more than a spreadsheet cell holds ({MAX_CELL_CHARS:,}); "
                        "shorten it",
                    )
                )
                text = None
            elif CONTROL.search(text):
                notes.append(
                    str(
                        Problem(
                            table.source,
                            f"row {number}",
                            table.column_label(name),
                            "control characters removed (they cannot be shown or exported)",
                        )
                    )
                )
                text = CONTROL.sub("", text).strip() or None
        out[name] = text
    return out


def check_header(
    table: Table, required: tuple[str, ...], known: tuple[str, ...], problems: list[Problem], notes: list[str]
) -> None:
    seen: dict[str, int] = {}
    for i, h in enumerate(table.header):
        if not h:
            continue
        if h in seen:
            problems.append(
                Problem(
                    table.source,
                    "row 1",
                    f"column {column_letter(i)} ({h})",
                    f"the column name {h!r} is used twice (also column {column_letter(seen[h])}); rename one",
                )
            )
        seen.setdefault(h, i)
    for col in required:
        if col not in seen:
            problems.append(
                Problem(
                    table.source,
                    "row 1 (header)",
                    col,
                    "required column is missing; add a column with this name",
                )
            )
    unknown = [h for h in seen if h not in known]
    if unknown:
        notes.append(f"{table.source}: columns not used by the screener, ignored: {', '.join(unknown)}")


def segment_rows(table: Table, problems: list[Problem], notes: list[str]) -> list[Row]:
    check_header(
        table,
        ("ref", "scenario", "industry", "market", "logic", "compute", "corpus"),
        SEGMENT_COLUMNS,
        problems,
        notes,
    )
    labels = {c: table.column_label(c) for c in SEGMENT_COLUMNS}
    positions = read_positions(table, SEGMENT_COLUMNS)
    out = []
    for number, values in table.rows:
        cells = _cells(table, number, values, problems, notes, positions)
        if not any(cells.values()):
            continue
        out.append(
            Row(
                table.source,
                number,
                {k: cells[k] for k in SEGMENT_COLUMNS if cells.get(k) is not None},
                labels,
            )
        )
    if not out:
        problems.append(
            Problem(table.source, "", "", "the segments table has no rows; add segments or remove it")
        )
    return out


def _labels(label: Callable[[str], str]) -> tuple[dict, dict, dict]:
    """For each derived record, field -> the user's column (for messages)."""
    company = {f: label(f) for f in ("id", "name", "name_en", "aliases", "country", "kind", "listed", "note")}
    mention = {
        "company_id": label("id"),
        "segment": label("segments"),
        "role": label("role"),
        "quote": label("source"),
    }
    funding = {
        "company_id": label("id"),
        "segment": label("segments"),
        "round": label("funding_round"),
        "date": label("funding_date"),
        "amount_text": label("funding_amount"),
        "currency": label("funding_currency"),
        "cumulative": label("funding_cumulative"),
        "valuation_text": label("valuation"),
        "valuation_currency": label("valuation_currency"),
        "investors": label("investors"),
        "lead_investors": label("lead_investors"),
        "quote": label("source"),
    }
    return company, mention, funding


def segments_beside(path: Path) -> Path:
    """Where a CSV's own segments are: NAME.segments.csv beside NAME.csv."""
    return path.with_name(f"{path.stem}.segments.csv")


def split_refs(text: str | None) -> list[str]:
    return [r.strip() for r in re.split(r"[;；,，]", text or "") if r.strip()]


def row_records(
    c: Mapping[str, str | None], number: int, source: str
) -> tuple[dict, list[dict], dict | None]:
    """The cells of the company, its mentions and its funding event made from one table row.

    The one place where the flat import format turns into the dataset's records, used for
    small files (then validated row by row) and for large ones (records made on request)."""
    company = {f: c[f] for f in COMPANY_FIELDS if c.get(f) is not None}  # a missing cell takes the default
    quote = c.get("source") or f"Imported from {source}, row {number}"
    has_funding = any(c.get(f) for f in FUNDING_COLUMNS)
    role = c.get("role") or ("funded" if has_funding else "vendor")
    refs = split_refs(c.get("segments"))
    mentions = [{"company_id": c.get("id"), "segment": ref, "role": role, "quote": quote} for ref in refs]
    funding = None
    if has_funding:
        amount = c.get("funding_amount") or ""
        stated = parse_amount(amount).currency if amount else None
        currency = c.get("funding_currency") or stated or DEFAULT_CURRENCY
        valuation = c.get("valuation") or ""
        v_stated = parse_amount(valuation).currency if valuation else None
        funding = {
            "id": f"row{number}.funding",
            "company_id": c.get("id"),
            # a funding event belongs to a segment; an import without one uses the first
            "segment": refs[0] if refs else None,
            "round": c.get("funding_round") or "",
            "date": funding_date(c.get("funding_date")),
            "date_text": c.get("funding_date") or "",
            "amount_text": amount,
            "currency": currency if amount else None,
            "cumulative": c.get("funding_cumulative") or "false",
            "valuation_text": valuation,
            "valuation_currency": (c.get("valuation_currency") or v_stated or currency)
            if valuation
            else None,
            "investors": c.get("investors") or "",
            "lead_investors": c.get("lead_investors") or "",
            "quote": quote,
        }
    return company, mentions, funding


def company_records(
    table: Table, problems: list[Problem], notes: list[str], progress: Progress | None
) -> tuple[list[Row], list[Row], list[Row]]:
    """The rows of the companies, mentions and funding events the table's rows make (not yet validated)."""
    company_labels, mention_labels, funding_labels = _labels(table.column_label)
    companies, mentions, funding = [], [], []
    total = len(table.rows)
    src = table.source
    positions = read_positions(table, COLUMNS)
    for k, (number, values) in enumerate(table.rows):
        if k % 5000 == 0:
            tick(progress, k, total)
        c = _cells(table, number, values, problems, notes, positions)
        if not any(c.values()):
            continue  # a blank line
        company, mention_cells, funding_cells = row_records(c, number, src)
        companies.append(Row(src, number, company, company_labels))
        if not c.get("id"):  # the missing id is reported once, on the company
            continue
        mentions += [Row(src, number, m, mention_labels) for m in mention_cells]
        if funding_cells is not None:
            funding.append(Row(src, number, funding_cells, funding_labels, key=c.get("id")))
    return companies, mentions, funding
