"""Generated hostile tables through both import paths and the command line (issue 13).

Hypothesis writes tables in the import format with any Unicode in the text cells (controls,
bidi overrides, invisible characters, lone surrogates included), figures of any magnitude in any
spelling, odd dates, and several encodings, then reads each table row by row and in columns
(``columnar_min_bytes=0``) and runs ``main.main(["check" / "rank", "--data", ...])`` on it.

What must hold for every example:

- only :class:`core.ingest.DatasetError` escapes a load, and the command line exits 0 or 2 with
  no traceback;
- both paths agree: both refuse with the same problems, or both load the same companies, records,
  warnings and signals;
- nothing hangs: each load runs in a thread joined with a generous guard (:data:`HANG_GUARD_S`);
  a load that grew with the square of its input would trip it (there is no other timing here).

Each run tries :data:`EXAMPLES` tables through both paths, :data:`CLI_EXAMPLES` through the
command line (two commands each) and :data:`XLSX_EXAMPLES` workbooks.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

import main
from core.ingest import DatasetError, load_dataset
from core.records import clean_line, name_key
from core.signals import build_signals
from tests.helpers import run_guarded

#: Seconds a load may take before the test says it hangs (a small table loads in milliseconds).
HANG_GUARD_S = 20
#: Examples per run of the both-paths property, and of the command-line property.
EXAMPLES = 100
CLI_EXAMPLES = 25
XLSX_EXAMPLES = 30

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
    # new examples on every local run; in CI (CI=true) the same examples every time, so a landing
    # never depends on a draw (a failure found locally becomes an @example)
    derandomize=bool(os.environ.get("CI")),
)

HEADER = [
    "id",
    "name",
    "name_en",
    "aliases",
    "country",
    "kind",
    "segments",
    "role",
    "source",
    "note",
    "funding_amount",
    "funding_currency",
    "funding_round",
    "funding_date",
    "valuation",
    "investors",
    "lead_investors",
]

# --- what a hostile cell looks like ------------------------------------------------------------

#: Characters an attacker reaches for: controls, escapes, bidi, invisible, line separators,
#: full-width and look-alike letters, quotes and delimiters.
NASTY = (
    "\x01\x07\x08\x0b\x0c\x1b\x7f\x85\x9b\xa0\xad\u061c\u200b\u200c\u200d\u200e\u200f"
    "\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff\ufe0f"
    "\U000e0041\u3000\u3164\uff21\uff41\u0410\u0430\u00df\u0130\u212a"
    "\",;\t\r\n'=+-@#"
)
#: What no text file holds as text: a NUL and lone surrogates (written "surrogatepass", the
#: bytes a careless tool leaves).  One table in four carries one.
POISON = ["\x00", "\ud800", "\udfff", "\udc80"]
#: Any code point a text file can hold.
held = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
held_text = st.text(held, min_size=1, max_size=15)
nasty_text = st.text(st.sampled_from(NASTY) | held, min_size=1, max_size=12)
any_text = st.one_of(
    held_text,
    nasty_text,
    st.sampled_from(["", " ", "NA", "n/a", "null", "—", "-", "N\x07A", "\u200b", "\u202e", "=1+1", "@x"]),
)


def mostly(good: list[str], hostile=any_text):
    """A cell that is usually one of ``good`` (so that many tables load and the paths are compared
    on what they took), else anything."""
    return st.one_of(*[st.sampled_from(good)] * 6, hostile)


names = st.one_of(
    st.sampled_from(
        ["Acme", "ACME", "Ａｃｍｅ", "Ac\u200bme", "Ac me", "Acme\u202e", "示例科技", "示例 科技"]
    ),
    held_text,
    nasty_text,
    any_text,
)
ids = st.one_of(
    st.integers(0, 99).map(lambda i: f"c{i}"),
    st.integers(0, 99).map(lambda i: f"c{i}"),
    mostly(
        ["a", "b", "c", "d", "e", "A", "c-1", "c.2"],
        st.sampled_from(["a", "x y", "", "é", "a\u200b", "NA"]) | any_text,
    ),
)
countries = mostly(["CN", "us", "", "NA"], st.sampled_from(["China", "Ｕｓ", "U\u200bS"]) | any_text)
segments = mostly(
    ["1.1.2", "1.4.2;1.1.1", "1.1.2；1.2.1", "", "1.3.2 ; 1.2.2"],
    st.sampled_from(["9.9", ";", "1.1.2\u200b", ":", "1.1.2;9.9"]) | any_text,
)
figures = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(min_value=-(10**400), max_value=10**400).map(str),
    st.floats(min_value=1e-12, max_value=1e320).map(lambda f: f"{f:f}"),
    st.floats(min_value=0, max_value=1e16).map(lambda f: f"{f:,.2f}"),
    st.sampled_from(
        [
            "数千万元人民币",
            "2.52亿美元",
            "超25亿元",
            "近亿元",
            "亿级人民币",
            "3万亿亿美元",
            "１２３４５６７",
            "５亿元",
            "",
            "",
        ]
    ),
    st.sampled_from(
        ["1e300", "9.99e307", "0.0000001", "1" + "0" * 400, "999", "1000", "10000000000000", "5"]
    ),
    any_text,
)
dates = mostly(
    ["2024", "2024-03", "2024-02-29", "2024/3/12", "2024年3月", ""],
    st.sampled_from(["2023-02-29", "2024/13/1", "1989", "2101", "0000", "99999", "2024年2月30日"])
    | st.dates().map(lambda d: d.strftime("%Y/%m/%d"))
    | any_text,
)
kinds = mostly(["", "startup", "bank", "ai_vendor"])
roles = mostly(["", "vendor", "adopter", "funded", "listed"])
currencies = mostly(["", "USD", "CNY"])
rounds = st.one_of(st.sampled_from(["", "A", "B+", "天使轮", "Pre-A", "C1 轮"]), any_text)

ROW = st.fixed_dictionaries(
    {
        "id": ids,
        "name": names,
        "name_en": names,
        "aliases": st.lists(names, max_size=3).map(";".join),
        "country": countries,
        "kind": kinds,
        "segments": segments,
        "role": roles,
        "source": any_text,
        "note": any_text,
        "funding_amount": figures,
        "funding_currency": currencies,
        "funding_round": rounds,
        "funding_date": dates,
        "valuation": figures,
        "investors": st.lists(names, max_size=2).map(";".join),
        "lead_investors": names,
    }
)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "gb18030", "latin-1", "cp1252"]


#: A row whose structure is right (its own id, a known country, kind, role, segment, currency,
#: date) and whose text and figures are anything: such tables load, and what each path took
#: from the hostile cells is compared.
TEXT_ROW = st.fixed_dictionaries(
    {
        "name": names.filter(lambda t: bool(name_key(clean_line(t)))),
        "name_en": names,
        "aliases": st.lists(names, max_size=3).map(";".join),
        "country": st.sampled_from(["CN", "us", "", "NA"]),
        "kind": st.sampled_from(["", "startup", "bank", "ai_vendor"]),
        "segments": st.sampled_from(["1.1.2", "1.4.2;1.1.1", "1.1.2；1.2.1", "", "1.3.2 ; 1.2.2"]),
        "role": st.sampled_from(["", "vendor", "adopter", "funded", "listed"]),
        "source": any_text,
        "note": any_text,
        "funding_amount": figures,
        "funding_currency": st.sampled_from(["", "USD", "CNY"]),
        "funding_round": rounds,
        "funding_date": st.sampled_from(["2024", "2024-03", "2024-02-29", "2024/3/12", "2024年3月", ""]),
        "valuation": figures,
        "investors": st.lists(names, max_size=2).map(";".join),
        "lead_investors": names,
    }
)


def poisoned(rows: list[dict], poison: tuple[str, int, str] | None) -> list[dict]:
    if poison is None:
        return rows
    char, at, column = poison
    rows = [dict(r) for r in rows]
    r = rows[at % len(rows)]
    r[column] = r[column][:1] + char + r[column][1:]
    return rows


REQUIRED_FIRST = st.lists(st.sampled_from(HEADER[2:]), max_size=len(HEADER) - 2, unique=True).map(
    lambda c: [*HEADER[:2], *c]
)
TABLE = st.tuples(
    st.tuples(
        st.lists(ROW, min_size=1, max_size=6),
        st.one_of(
            st.none(),
            st.none(),
            st.none(),
            st.tuples(st.sampled_from(POISON), st.integers(0, 5), st.sampled_from(HEADER)),
        ),
    ).map(lambda rp: poisoned(*rp)),
    st.sampled_from(["utf-8"] * 8 + ENCODINGS),
    st.sampled_from([",", ";", "\t"]),
    # id and name (required) usually come first; any other columns in any order
    st.one_of(
        *[REQUIRED_FIRST] * 4,
        st.lists(st.sampled_from(HEADER), min_size=1, max_size=len(HEADER), unique=True),
    ),
)


TEXT_TABLE = st.tuples(
    st.lists(TEXT_ROW, min_size=1, max_size=6).map(
        lambda rows: [{"id": f"c{i}", **r} for i, r in enumerate(rows)]
    ),
    st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16"]),
    st.sampled_from([",", ";", "\t"]),
    REQUIRED_FIRST,
)


def table_bytes(rows: list[dict], encoding: str, delimiter: str, columns: list[str]) -> bytes:
    """The table as a file would hold it; text an encoding cannot hold is written as it would be
    by a careless tool (surrogates passed through, or replaced)."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    w.writerow(columns)
    for r in rows:
        w.writerow([r[c] for c in columns])
    text = buf.getvalue()
    errors = "surrogatepass" if encoding.startswith("utf") else "replace"
    return text.encode(encoding, errors=errors)


# --- running a load under the guard -------------------------------------------------------------


def guarded(fn, *args, **kwargs):
    """``fn(*args, **kwargs)`` under the hang guard: its result, or the exception it raised."""
    return run_guarded(HANG_GUARD_S, fn, *args, **kwargs)


def outcome(path: Path, **kw):
    """("refused", the problems) or ("loaded", the dataset); anything else escaping fails."""
    got = guarded(load_dataset, path, **kw)
    if isinstance(got, DatasetError):
        assert got.problems, "a DatasetError names its problems"
        for p in got.problems:
            assert "Traceback" not in str(p) and str(p).strip()
        return "refused", sorted(str(p) for p in got.problems)
    if isinstance(got, BaseException):
        raise AssertionError(f"{type(got).__name__} escaped load_dataset({kw}): {got}") from got
    return "loaded", got


def assert_same_dataset(small, big) -> None:
    assert big.columns is not None and small.columns is None
    assert big.summary() == small.summary()
    assert sorted(big.warnings) == sorted(small.warnings)
    ids = [c.id for c in small.companies]
    for cid in ids:
        assert big.company(cid) == small.company(cid)
        assert big.mentions_of(cid) == small.mentions_of(cid)
        assert big.funding_of(cid) == small.funding_of(cid)
        assert big.segments_of(cid) == small.segments_of(cid)
        assert set(big.roles_of(cid)) == set(small.roles_of(cid))
    assert big.country_counts() == small.country_counts()
    for universe in ("providers", "all"):
        a, b = build_signals(big, universe=universe), build_signals(small, universe=universe)
        assert list(a.ids) == list(b.ids)
        for k in a.raw:
            np.testing.assert_allclose(a.raw[k], b.raw[k], equal_nan=True, err_msg=k)
        np.testing.assert_allclose(a.funding_total_usd, b.funding_total_usd, equal_nan=True)
        np.testing.assert_allclose(a.latest_valuation_usd, b.latest_valuation_usd, equal_nan=True)
        # the same names searched (the columns keep an empty English name's separator)
        assert [x.replace("\x1f", "") for x in a.search_text] == [
            y.replace("\x1f", "") for y in b.search_text
        ]
        assert (a.in_universe == b.in_universe).all()
        finite = a.raw["capital"][np.isfinite(a.raw["capital"])]
        assert ((finite >= 1e3 / 50) & (finite <= 1e13)).all(), "an implausible amount was taken"


def assert_clean(ds) -> None:
    """What a loaded dataset shows holds no character that cannot be shown or exported."""
    from core.records import UNSAFE_CHARS

    for c in ds.companies:
        for text in (c.name, c.name_en, *c.aliases, c.note):
            assert not UNSAFE_CHARS.search(text), repr(text)
        for text in (c.name, c.name_en, *c.aliases):
            assert "\n" not in text and "\r" not in text and "\u2028" not in text, repr(text)


# --- the properties -----------------------------------------------------------------------------


@FUZZ
@given(table=TABLE)
def test_both_paths_agree_on_any_table(tmp_path_factory, table):
    rows, encoding, delimiter, columns = table
    path = tmp_path_factory.mktemp("fuzz") / "t.csv"
    path.write_bytes(table_bytes(rows, encoding, delimiter, columns))
    small = outcome(path, columnar_min_bytes=10**12)
    big = outcome(path, columnar_min_bytes=0)
    event(small[0])
    assert small[0] == big[0], (small, big)
    if small[0] == "refused":
        assert small[1] == big[1]
    else:
        assert_same_dataset(small[1], big[1])
        assert_clean(small[1])


@FUZZ
@given(table=TEXT_TABLE)
@example(  # found by the harness: a lead investor of only a zero-width space
    table=(
        [
            {
                "id": "c0",
                "name": "Acme",
                "name_en": "Acme",
                "aliases": "",
                "country": "CN",
                "kind": "",
                "segments": "1.1.2",
                "role": "",
                "source": "0",
                "note": "0",
                "funding_amount": "0.0",
                "funding_currency": "",
                "funding_round": "",
                "funding_date": "2024",
                "valuation": "0.0",
                "investors": "",
                "lead_investors": "\u200b",
            }
        ],
        "utf-8",
        ",",
        ["id", "name", "name_en", "lead_investors"],
    )
)
def test_both_paths_take_the_same_values_from_hostile_text_and_figures(tmp_path_factory, table):
    rows, encoding, delimiter, columns = table
    path = tmp_path_factory.mktemp("fuzz") / "t.csv"
    path.write_bytes(table_bytes(rows, encoding, delimiter, columns))
    small = outcome(path, columnar_min_bytes=10**12)
    big = outcome(path, columnar_min_bytes=0)
    event(small[0])
    assert small[0] == big[0], (small, big)
    if small[0] == "refused":  # one company under two names, a currency the text contradicts ...
        assert small[1] == big[1]
    else:
        assert_same_dataset(small[1], big[1])
        assert_clean(small[1])


@settings(FUZZ, max_examples=CLI_EXAMPLES)
@given(table=TABLE, fmt=st.sampled_from(["table", "csv", "json"]))
def test_the_command_line_never_shows_a_traceback(tmp_path_factory, table, fmt):
    rows, encoding, delimiter, columns = table
    path = tmp_path_factory.mktemp("cli") / "t.csv"
    path.write_bytes(table_bytes(rows, encoding, delimiter, columns))
    for argv in (
        ["check", "--data", str(path)],
        ["rank", "--data", str(path), "--top", "0", "--format", fmt],
    ):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = guarded(main.main, argv)
        assert code in (0, 2), (argv, code, err.getvalue()[-2000:])
        assert "Traceback" not in err.getvalue() and "Traceback" not in out.getvalue()
        if code == 2:
            assert err.getvalue().strip(), "a refusal says why"


@settings(FUZZ, max_examples=XLSX_EXAMPLES)
@given(rows=st.lists(ROW, min_size=1, max_size=4))
def test_a_workbook_of_any_cells_is_loaded_or_refused_with_a_message(tmp_path_factory, rows):
    openpyxl = pytest.importorskip("openpyxl")
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Companies"
    ws.append(HEADER)
    for r in rows:
        # a workbook cannot hold what XML cannot: those are written as Excel would (dropped)
        ws.append([ILLEGAL_CHARACTERS_RE.sub("", r[c].encode("utf-8", "replace").decode()) for c in HEADER])
    path = tmp_path_factory.mktemp("xlsx") / "t.xlsx"
    wb.save(path)
    kind, value = outcome(path)
    if kind == "loaded":
        assert_clean(value)
