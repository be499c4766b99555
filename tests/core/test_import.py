"""A user's own universe: good files load, bad files get a clear, located message and change nothing."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import pytest

import main
from core.ingest import COLUMNS, DatasetError, load_dataset
from core.ingest import files as ingest_files
from core.state import StateStore

HEADER = [
    "id",
    "name",
    "country",
    "segments",
    "funding_amount",
    "funding_currency",
    "funding_round",
    "funding_date",
]
GOOD = [
    ["acme", "示例科技", "CN", "1.1.2", "数千万元人民币", "", "A", "2024-05"],
    ["beta", "Beta Health", "US", "1.4.2", "25000000", "USD", "B", "2024"],
    ["gamma", "Gamma Retail", "NA", "1.3.2;1.2.2", "", "", "", ""],
]


def write_csv(path: Path, rows, header=HEADER, encoding="utf-8", delimiter=",") -> Path:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter)
    if header is not None:
        w.writerow(header)
    w.writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, rows, header=HEADER, segments=None) -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Companies"
    ws.append(header)
    for r in rows:
        ws.append(r)
    if segments is not None:
        seg = wb.create_sheet("Segments")
        for r in segments:
            seg.append(r)
    wb.save(path)
    return wb


@pytest.fixture
def before(tmp_path):
    """What is already loaded and stored: the bundled data and a store with a note and a star."""
    ds = load_dataset()
    opened = StateStore.open(tmp_path / "state.sqlite")
    opened.store.set_note("augment", "keep me")
    opened.store.set_shortlisted("openai", True)
    yield ds, opened.store
    opened.store.close()


def assert_unchanged(before) -> None:
    ds, store = before
    assert ds.summary().endswith("9 segments, 85 companies, 133 mentions, 27 funding events")
    assert store.notes() == {"augment": "keep me"} and store.shortlist() == {"openai"}


def problems_of(path: Path, **kw) -> list[str]:
    with pytest.raises(DatasetError) as info:
        load_dataset(path, **kw)
    return [str(p) for p in info.value.problems]


# --- good files -----------------------------------------------------------------------------


def test_a_good_csv_loads_through_the_same_validation(tmp_path):
    ds = load_dataset(write_csv(tmp_path / "u.csv", GOOD))
    assert [c.id for c in ds.companies] == ["acme", "beta", "gamma"]
    assert len(ds.segments) == 9  # the report's segments by default
    assert ds.segments_of("gamma") == ("1.2.2", "1.3.2")
    acme = ds.funding_by_company["acme"][0]
    assert (
        acme.amount.parsed
        and acme.amount.currency == "CNY"
        and acme.round_norm == "A"
        and acme.date == "2024-05"
    )
    beta = ds.funding_by_company["beta"][0]
    assert beta.amount.usd_point() == 25_000_000
    assert ds.company_by_id["gamma"].country is None  # "NA" is missing, not Namibia
    assert ds.warnings == ()


def test_the_shipped_templates_load_and_document_every_column():
    root = Path(__file__).resolve().parents[2] / "data"
    for name in ("import_template.csv", "import_template.xlsx"):
        ds = load_dataset(root / name)
        assert len(ds.companies) == 2 and ds.warnings == ()
    header = (root / "import_template.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header == list(COLUMNS)
    wb = openpyxl.load_workbook(root / "import_template.xlsx")
    companies, help_sheet = wb.worksheets
    assert [c.value for c in companies[1]] == list(COLUMNS)
    documented: dict[str, str] = {}
    for column, what in help_sheet.iter_rows(min_row=2, values_only=True):
        documented.setdefault(column, what)  # a last row says what a Segments sheet does
    documented.pop(None)
    assert documented == COLUMNS  # the help sheet says what each column holds, as the code does


# --- the CSV dialect is sniffed from a sample, not from the header line ------------------------

SEMICOLONS_WITH_A_COMMA_IN_THE_HEADER = (
    'id;name;country;segments;"notes, if any, e.g. source, date, analyst"\n'
    'acme;示例科技;CN;1.1.2;"from a deal database, 2024"\n'
    "beta;Beta Health;US;1.4.2;\n"
    'gamma;"Gamma; Retail";US;"1.3.2;1.2.2";none\n'
)
COMMAS_WITH_SEMICOLONS_IN_THE_HEADER = (
    'id,name,country,"aliases; products; brands; tickers; other names"\n'
    "acme,示例科技,CN,AcmeCoder;示例\n"
    "beta,Beta Health,US,\n"
)


@pytest.mark.parametrize("path_kind", [{"columnar_min_bytes": 10**12}, {"columnar_min_bytes": 0}])
def test_the_dialect_comes_from_a_sample_of_lines_not_the_first_line(tmp_path, path_kind):
    semi = _bytes(tmp_path / "semi.csv", SEMICOLONS_WITH_A_COMMA_IN_THE_HEADER.encode())
    ds = load_dataset(semi, **path_kind)
    assert [ds.company(i).name for i in ("acme", "beta", "gamma")] == [
        "示例科技",
        "Beta Health",
        "Gamma; Retail",
    ]
    assert ds.segments_of("gamma") == ("1.2.2", "1.3.2")
    assert any("ignored: notes, if any, e.g. source, date, analyst" in w for w in ds.warnings)
    commas = _bytes(tmp_path / "commas.csv", COMMAS_WITH_SEMICOLONS_IN_THE_HEADER.encode())
    ds = load_dataset(commas, **path_kind)
    assert (ds.company("acme").name, ds.company("beta").country) == ("示例科技", "US")
    assert any("ignored: aliases; products; brands; tickers; other names" in w for w in ds.warnings)
    tabs = _bytes(tmp_path / "tabs.tsv", b"id\tname\tcountry\nacme\tAcme, Inc.\tUS\nbeta\tBeta; Ltd\tCN\n")
    ds = load_dataset(tabs, **path_kind)
    assert (ds.company("acme").name, ds.company("beta").name) == ("Acme, Inc.", "Beta; Ltd")


@pytest.mark.parametrize(
    ("sample", "delimiter"),
    [
        ("id;name;country\na;A;US\nb;B;CN\n", ";"),
        ('id,name,"a; b; c"\nx,X,1\ny,Y,2\n', ","),
        ("id;name\n", ";"),  # one line: the first line's most frequent candidate
        ("id\na\nb\n", ","),  # nothing to tell by: a comma
        ("", ","),
        ("id,name,country\na,A,US\nb,B,C", ","),  # a sample cut in the middle of a line
    ],
)
def test_sniffing_and_its_fallbacks(sample, delimiter):
    from core.ingest.csvfile import sniff_delimiter

    assert sniff_delimiter(sample) == delimiter


def test_xlsx_with_its_own_segments_sheet(tmp_path):
    segs = [
        ["ref", "scenario", "industry", "market", "logic", "compute", "corpus"],
        ["S1", "Agents", "Logistics", 5, 2, 3, 3],
        ["S2", "Agents", "Legal", 3, 4, 4, 5],
    ]
    rows = [
        ["a1", "Alpha", "US", "S1", 1e7, "USD", "Seed", "2024"],
        ["b1", "Bravo", "CN", "S2", None, None, None, None],
    ]
    write_xlsx(tmp_path / "own.xlsx", rows, segments=segs)
    ds = load_dataset(tmp_path / "own.xlsx")
    assert [s.ref for s in ds.segments] == ["S1", "S2"]
    assert ds.segment_by_ref["S1"].market == 5
    assert ds.funding_by_company["a1"][0].amount.usd_point() == 1e7


def test_csv_with_a_segments_file_beside_it(tmp_path):
    write_csv(
        tmp_path / "u.segments.csv",
        [["X1", "Scn", "Ind", "4", "3", "3", "3"]],
        header=["ref", "scenario", "industry", "market", "logic", "compute", "corpus"],
    )
    ds = load_dataset(write_csv(tmp_path / "u.csv", [["a", "A", "US", "X1", "", "", "", ""]]))
    assert [s.ref for s in ds.segments] == ["X1"]


def test_utf8_bom_and_semicolons_and_excel_dates(tmp_path):
    p = write_csv(tmp_path / "bom.csv", GOOD, encoding="utf-8-sig", delimiter=";")
    assert [c.id for c in load_dataset(p).companies] == ["acme", "beta", "gamma"]
    import datetime as dt

    write_xlsx(tmp_path / "d.xlsx", [["a", "A", "US", "1.1.2", 5, "USD", "A", dt.datetime(2024, 3, 12)]])
    assert load_dataset(tmp_path / "d.xlsx").funding[0].date == "2024-03-12"


def test_gbk_encoded_csv(tmp_path):
    p = write_csv(tmp_path / "gbk.csv", GOOD, encoding="gbk")
    ds = load_dataset(p)
    assert ds.company_by_id["acme"].name == "示例科技"
    assert any("GB18030" in w for w in ds.warnings)


def test_na_null_and_empty_cells_are_missing(tmp_path):
    rows = [["a", "A", "null", "1.1.2", "N/A", "", "NA", "none"], ["b", "B", "", "", "", "", "", ""]]
    ds = load_dataset(write_csv(tmp_path / "na.csv", rows))
    assert ds.company_by_id["a"].country is None and ds.company_by_id["b"].country is None
    assert ds.funding == ()  # no funding figure at all
    assert ds.segments_of("b") == ()


def test_negative_and_unreadable_amounts_are_kept_as_text_and_flagged(tmp_path):
    rows = [
        ["a", "A", "US", "1.1.2", "-5000000", "USD", "A", ""],
        ["b", "B", "US", "1.1.2", "lots of money", "", "B", ""],
    ]
    ds = load_dataset(write_csv(tmp_path / "neg.csv", rows))
    a, b = ds.funding_by_company["a"][0], ds.funding_by_company["b"][0]
    assert a.amount_text == "-5000000" and not a.amount.parsed and a.amount.usd_point() is None
    assert b.amount_text == "lots of money" and not b.amount.parsed
    assert any("row 2" in w and "column E (funding_amount)" in w and "negative" in w for w in ds.warnings)
    assert any("row 3" in w and "kept as written" in w for w in ds.warnings)


def test_control_characters_are_removed_and_said(tmp_path):
    ds = load_dataset(write_csv(tmp_path / "ctl.csv", [["a", "Ac\x07me\x1b", "US", "1.1.2", "", "", "", ""]]))
    assert ds.company_by_id["a"].name == "Acme"
    assert any("row 2" in w and "column B (name)" in w and "control characters" in w for w in ds.warnings)


# --- bad files: each gets a clear, located message and changes nothing ------------------------


BAD_CASES = {
    "empty file": (lambda d: _bytes(d / "e.csv", b""), "the file is empty"),
    "blank lines only": (lambda d: _bytes(d / "b.csv", b"\n\n \n"), "the file is empty"),
    "header only": (lambda d: write_csv(d / "h.csv", []), "header row only"),
    "missing required columns": (
        lambda d: write_csv(d / "m.csv", [["x", "US"]], header=["ident", "country"]),
        "m.csv, row 1 (header), id: required column is missing",
    ),
    "duplicate ids": (
        lambda d: write_csv(d / "dup.csv", [GOOD[0], GOOD[0]]),
        "dup.csv, row 3 (acme), column A (id): duplicate id 'acme', already used on row 2",
    ),
    "duplicate column names": (
        lambda d: write_csv(d / "dc.csv", [["a", "A", "B"]], header=["id", "name", "name"]),
        "column C (name): the column name 'name' is used twice",
    ),
    "unknown segment ref": (
        lambda d: write_csv(d / "seg.csv", [["a", "A", "US", "9.9.9", "", "", "", ""]]),
        "seg.csv, row 2, column D (segments): unknown segment '9.9.9'",
    ),
    "bad country": (
        lambda d: write_csv(d / "cty.csv", [["a", "A", "China", "1.1.2", "", "", "", ""]]),
        "cty.csv, row 2 (a), column C (country): use a two-letter country code",
    ),
    "bad date": (
        lambda d: write_csv(d / "dt.csv", [["a", "A", "US", "1.1.2", "5", "USD", "A", "next spring"]]),
        "dt.csv, row 2 (a), column H (funding_date): use YYYY, YYYY-MM or YYYY-MM-DD",
    ),
    "a year out of range": (
        lambda d: write_csv(d / "yr.csv", [["a", "A", "US", "1.1.2", "5", "USD", "A", "1985-06-22"]]),
        "yr.csv, row 2 (a), column H (funding_date): use YYYY, YYYY-MM or YYYY-MM-DD (1990 to 2100)",
    ),
    "no such day": (
        lambda d: write_csv(d / "day.csv", [["a", "A", "US", "1.1.2", "5", "USD", "A", "2023-02-29"]]),
        "day.csv, row 2 (a), column H (funding_date): no such day: '2023-02-29'",
    ),
    "an unclosed quote": (
        lambda d: _bytes(d / "q.csv", b'id,name\na1,"Alpha\nb1,Beta\nc1,Gamma\n'),
        "not readable as CSV",
    ),
    "bad id": (
        lambda d: write_csv(d / "id.csv", [["a b!", "A", "US", "1.1.2", "", "", "", ""]]),
        "id.csv, row 2 (a b!), column A (id): String should match pattern",
    ),
    "same company twice under one name": (
        lambda d: write_csv(
            d / "nm.csv", [["a", "Acme", "", "", "", "", "", ""], ["b", "ACME", "", "", "", "", "", ""]]
        ),
        "nm.csv, row 3 (b), column B (name): 'ACME' also names company 'a'",
    ),
    "cell over 32,767 characters": (
        lambda d: write_csv(d / "long.csv", [["a", "x" * 40_000, "US", "", "", "", "", ""]]),
        "long.csv, row 2, column B (name): 40,000 characters, more than a spreadsheet cell holds",
    ),
    "stars out of range": (
        lambda d: (
            write_xlsx(
                d / "st.xlsx",
                [["a", "A", "US", "S1", None, None, None, None]],
                segments=[
                    ["ref", "scenario", "industry", "market", "logic", "compute", "corpus"],
                    ["S1", "s", "i", 7, 3, 3, 3],
                ],
            )
            and d / "st.xlsx"
        ),
        "st.xlsx, sheet Segments, row 2 (S1), column D (market): Input should be less than or equal to 5",
    ),
    "stars not numbers": (
        lambda d: (
            write_xlsx(
                d / "sn.xlsx",
                [["a", "A", "US", "S1", None, None, None, None]],
                segments=[
                    ["ref", "scenario", "industry", "market", "logic", "compute", "corpus"],
                    ["S1", "s", "i", 4, "hard", 3, 3],
                ],
            )
            and d / "sn.xlsx"
        ),
        "sn.xlsx, sheet Segments, row 2 (S1), column E (logic): Input should be a valid integer",
    ),
    "merged cells": (
        lambda d: _merged(d / "mg.xlsx"),
        "mg.xlsx, sheet Companies, row 2, cells C2:C3: merged cells",
    ),
    "formula without a cached value": (
        lambda d: (
            write_xlsx(d / "f.xlsx", [["a", "A", "US", "1.1.2", "=2*3", "USD", "A", "2024"]]) and d / "f.xlsx"
        ),
        "f.xlsx, sheet Companies, row 2, cell E2: a formula (=2*3) with no saved value",
    ),
    "an .xls renamed .xlsx": (
        lambda d: _bytes(d / "old.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
        "old Excel 97–2003 (.xls) workbook",
    ),
    "an encrypted workbook": (
        lambda d: _bytes(
            d / "enc.xlsx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + b"\0" * 100
            + "EncryptedPackage".encode("utf-16-le")
            + b"\0" * 100,
        ),
        "password-protected workbook",
    ),
    "a .xls file": (lambda d: _bytes(d / "x.xls", b"whatever"), "save it as .xlsx or CSV"),
    "not a spreadsheet (image)": (
        lambda d: _bytes(d / "pic.xlsx", b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
        "a PNG image, not a spreadsheet",
    ),
    "not a spreadsheet (binary as csv)": (
        lambda d: _bytes(d / "bin.csv", b"\x00\x01\x02garbage\x00" * 50),
        "not a text file",
    ),
    "a zip that is not a workbook": (
        lambda d: _zip(d / "z.xlsx", {"hello.txt": b"hi"}),
        "not an Excel workbook",
    ),
    "a zip bomb": (lambda d: _zip(d / "bomb.xlsx", {"xl/workbook.xml": b"\0" * 30_000_000}), "zip bomb"),
    "a damaged xlsx": (
        lambda d: _bytes(d / "dmg.xlsx", b"PK\x03\x04" + b"\x13" * 200),
        "damaged .xlsx workbook",
    ),
    "an undecodable csv": (
        lambda d: _bytes(d / "enc.csv", b"id,name\n\x81\xff\xfe\x80,\xff\xff\n"),
        "not UTF-8 or GBK text",
    ),
    "currency that contradicts the text": (
        lambda d: write_csv(d / "cur.csv", [["a", "A", "US", "1.1.2", "5亿美元", "CNY", "A", ""]]),
        "cur.csv, row 2 (a), column F (funding_currency): the text '5亿美元' says USD, the cell says CNY",
    ),
}


def _bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _merged(path: Path) -> Path:
    wb = write_xlsx(
        path,
        [
            ["a", "A", "US", "1.1.2", None, None, None, None],
            ["b", "B", None, "1.1.2", None, None, None, None],
        ],
    )
    wb.active.merge_cells("C2:C3")
    wb.save(path)
    return path


def _zip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


@pytest.mark.parametrize("case", list(BAD_CASES))
def test_bad_input_gets_a_clear_message_and_changes_nothing(tmp_path, before, case):
    make, message = BAD_CASES[case]
    path = make(tmp_path)
    problems = problems_of(path)
    assert any(message in p for p in problems), problems
    assert all("Traceback" not in p for p in problems)
    assert_unchanged(before)


def test_every_problem_is_reported_at_once(tmp_path):
    rows = [
        ["a", "A", "China", "1.1.2", "", "", "", ""],
        ["a", "B", "US", "7.7.7", "", "", "", ""],
        ["c", "", "US", "1.1.2", "5", "USD", "A", "soon"],
    ]
    problems = problems_of(write_csv(tmp_path / "many.csv", rows))
    text = "\n".join(problems)
    assert "row 2 (a), column C (country)" in text
    assert "row 3 (a), column A (id): duplicate id" in text
    assert "row 3, column D (segments): unknown segment '7.7.7'" in text
    assert "row 4 (c), column B (name)" in text
    assert "row 4 (c), column H (funding_date)" in text


def test_a_file_over_the_size_limit_is_refused(tmp_path, monkeypatch, before):
    monkeypatch.setattr(ingest_files, "MAX_FILE_BYTES", 1000)
    p = write_csv(tmp_path / "big.csv", GOOD * 20)
    assert any("the limit is" in p for p in problems_of(p))
    assert_unchanged(before)


def test_cli_data_with_a_bad_file_exits_2_listing_problems(tmp_path, capsys):
    p = write_csv(tmp_path / "bad.csv", [["a", "A", "China", "9.9", "", "", "", ""]])
    assert main.main(["rank", "--data", str(p)]) == 2
    err = capsys.readouterr().err
    assert "column C (country)" in err and "unknown segment '9.9'" in err and "Traceback" not in err
    good = write_csv(tmp_path / "good.csv", GOOD)
    assert main.main(["rank", "--data", str(good), "--top", "0"]) == 0
    assert "示例科技" in capsys.readouterr().out


# --- the columnar path for large files gives the same answers -------------------------------------


COLUMNAR = {"columnar_min_bytes": 0}  # read in columns whatever the size
XLSX_ONLY = {
    "stars out of range",
    "stars not numbers",
    "merged cells",
    "formula without a cached value",
    "an .xls renamed .xlsx",
    "an encrypted workbook",
    "a .xls file",
    "not a spreadsheet (image)",
    "a zip that is not a workbook",
    "a zip bomb",
    "a damaged xlsx",
}


@pytest.mark.parametrize("case", [c for c in BAD_CASES if c not in XLSX_ONLY])
def test_the_columnar_path_reports_bad_csv_the_same_way(tmp_path, before, case):
    make, message = BAD_CASES[case]
    path = make(tmp_path)
    problems = problems_of(path, **COLUMNAR)
    assert any(message in p for p in problems), problems
    assert_unchanged(before)


def test_the_columnar_path_loads_the_same_universe(tmp_path):
    header = [*HEADER, "valuation"]
    rows = [
        [*GOOD[0], "3亿"],  # a valuation without a currency: the funding's (CNY)
        [*GOOD[1], "300000000"],
        [*GOOD[2], ""],
        ["delta", "D\x07", "us", "1.1.2", "-5", "USD", "B", "2023/7", ""],
        ["eps", "E", "cn", "1.1.2", "1e9", "", "A", "1999", ""],  # not the parser's grammar
        ["zeta", "Z", "CN", "1.2.1", "1,500,000", "CNY", "C", "2024-02-29", "2亿元"],
    ]
    p = write_csv(tmp_path / "u.csv", rows, header=header)
    big = load_dataset(p, **COLUMNAR)
    assert big.columns is not None
    small = load_dataset(p, columnar_min_bytes=10**12)
    assert small.columns is None
    assert big.summary() == small.summary()
    assert sorted(big.warnings) == sorted(small.warnings)
    for cid in ("acme", "beta", "gamma", "delta", "eps", "zeta"):
        assert big.company(cid) == small.company(cid)
        assert big.mentions_of(cid) == small.mentions_of(cid)
        assert big.funding_of(cid) == small.funding_of(cid)
        assert big.segments_of(cid) == small.segments_of(cid)
        assert set(big.roles_of(cid)) == set(small.roles_of(cid))
    from core.scoring import PRESETS, rank
    from core.signals import build_signals

    a, b = build_signals(big), build_signals(small)
    assert list(a.ids) == list(b.ids)
    for k in a.raw:
        np.testing.assert_allclose(a.raw[k], b.raw[k], equal_nan=True)
    np.testing.assert_allclose(a.funding_total_usd, b.funding_total_usd, equal_nan=True)
    np.testing.assert_allclose(a.latest_valuation_usd, b.latest_valuation_usd, equal_nan=True)
    assert (a.valuation_approx == b.valuation_approx).all()
    assert list(a.countries) == list(b.countries) and big.country_counts() == small.country_counts()
    assert (a.funding_approx == b.funding_approx).all() and (a.segment_member == b.segment_member).all()
    assert (a.role_member == b.role_member).all()
    ra, rb = rank(a, PRESETS["balanced"]), rank(b, PRESETS["balanced"])
    assert list(ra.order) == list(rb.order)


# --- roles of an imported row, and the universes they put it in ---------------------------------

ROLE_HEADER = ["id", "name", "segments", "role", "funding_amount", "funding_currency"]
ROLE_ROWS = [
    ["bank", "A bank", "1.1.1;1.3.1", "adopter", "", ""],
    ["bankfund", "A bank with funding", "1.3.1;1.1.1", "adopter", "1000000", "USD"],
    ["maker", "A vendor", "1.1.2;1.4.1", "vendor", "", ""],
    ["ipo", "A listing", "1.4.1", "listed", "", ""],
    ["lab", "A lab", "1.2.2", "research", "", ""],
    ["friend", "A partner", "1.2.3", "partner", "", ""],
    ["default", "Default role", "1.3.2", "", "5000000", "USD"],
    ["nowhere", "No segment", "", "vendor", "", ""],
]


def test_an_import_takes_the_listed_and_research_roles(tmp_path):
    ds = load_dataset(write_csv(tmp_path / "roles.csv", ROLE_ROWS, header=ROLE_HEADER))
    assert ds.roles_of("ipo") == ("listed",) and ds.roles_of("lab") == ("research",)
    assert ds.roles_of("default") == ("funded",) and ds.facts == () and ds.segment_numbers == ()
    bad = [["x", "X", "1.1.1", "investor", "", ""]]
    for kw in ({}, COLUMNAR):
        problems = problems_of(write_csv(tmp_path / "bad.csv", bad, header=ROLE_HEADER), **kw)
        assert any("row 2, column D (role)" in p and "'listed' or 'research'" in p for p in problems), (
            problems
        )


@pytest.mark.parametrize("universe", ["providers", "adopters", "all"])
def test_both_import_paths_put_a_company_in_the_same_universe(tmp_path, universe):
    from core.signals import build_signals

    p = write_csv(tmp_path / "roles.csv", ROLE_ROWS, header=ROLE_HEADER)
    big, small = load_dataset(p, **COLUMNAR), load_dataset(p, columnar_min_bytes=10**12)
    assert big.columns is not None and small.columns is None
    a, b = build_signals(big, universe=universe), build_signals(small, universe=universe)
    assert list(a.ids) == list(b.ids)
    assert (a.in_universe == b.in_universe).all() and (a.segment_member == b.segment_member).all()
    for k in ("market", "logic", "compute", "corpus"):
        np.testing.assert_allclose(a.raw[k], b.raw[k], equal_nan=True)
    inside = {i for i, m in zip(a.ids, a.in_universe, strict=True) if m}
    expected = {
        "providers": {"bankfund", "maker", "ipo", "default"},  # a bank with funding counts as funded
        "adopters": {"bank", "bankfund"},
        "all": {r[0] for r in ROLE_ROWS},
    }[universe]
    assert inside == expected
    if universe == "providers":  # the bank's funding event sits in its first segment only
        row = list(a.ids).index("bankfund")
        assert [r for r, m in zip(a.segment_refs, a.segment_member[row], strict=True) if m] == ["1.3.1"]


def test_an_invisible_character_in_an_investor_gives_the_same_investors_on_both_paths(tmp_path: Path) -> None:
    # the row path tells the leads from the others by the names as written, then cleans each
    path = tmp_path / "t.csv"
    path.write_text("id,name,investors,lead_investors\nc0,Acme,Ac\u200bme;Beta,Acme\n", encoding="utf-8")
    small, big = load_dataset(path), load_dataset(path, columnar_min_bytes=0)
    assert big.columns is not None and small.columns is None
    assert big.funding_of("c0") == small.funding_of("c0")
    assert len(big.funding_of("c0")[0].investors) >= 2
    assert sorted(big.warnings) == sorted(small.warnings)
