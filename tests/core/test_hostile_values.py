"""Hostile values in a user's table (issue 13): numbers, text and messages, on both import paths.

Each class of fault has its tests here; every case runs row by row and in columns (the large-file
path, forced with ``columnar_min_bytes=0``), and both must give the same verdict and values.

- Numbers: a figure beyond the float range, and implausible magnitudes (amounts outside
  1,000 … 10 trillion in their currency, years outside 1990 … 2100, exchange rates outside
  0.5 … 50, stars outside 1 … 5) are a located warning or error, never taken silently, and one
  such row rescales no other company's funding signal.
- Text: bidi controls, zero-width and other invisible characters, C1 controls (a terminal's escape
  introducer) and line/paragraph separators are removed from what is shown, and said; a cell of
  nothing else is refused; names equal but for invisible characters, width or case are one
  company (compared in NFKC, case-folded), while each is displayed as written.
- Messages: a date error quotes what was written; a wrong id is one problem, not one per record.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import unicodedata
from pathlib import Path

import numpy as np
import pytest

from core.filters import Filters, filter_mask
from core.ingest import DatasetError, bundled_dataset_dir, load_dataset
from core.money import AMOUNT_RANGE, parse_amount
from core.records import UNSAFE_CHARS, DatasetMeta, FundingEvent, SegmentNumber, name_key
from core.signals import build_signals

PATHS = {"rows": {"columnar_min_bytes": 10**12}, "columns": {"columnar_min_bytes": 0}}
BOTH_PATHS = pytest.mark.parametrize("path_kind", list(PATHS))

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


def write_csv(path: Path, rows, header=HEADER) -> Path:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(header)
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def problems(path: Path, path_kind: str) -> list[str]:
    with pytest.raises(DatasetError) as info:
        load_dataset(path, **PATHS[path_kind])
    return [str(p) for p in info.value.problems]


def loaded(path: Path, path_kind: str):
    ds = load_dataset(path, **PATHS[path_kind])
    assert (ds.columns is not None) == (path_kind == "columns")
    return ds


# --- Numbers ------------------------------------------------------------------------------------

HUGE = "1" + "0" * 400  # beyond the float range: float() of it is infinite
IMPLAUSIBLE = {
    "beyond the float range": HUGE,
    "1e300 written out": "1" + "0" * 300,
    "9.99e307 written out": "999" + "0" * 305,
    "1e-7": "0.0000001",
    "an amount in millions": "25",
    "just above ten trillion": "10000000000001",
    "words beyond ten trillion": "3万亿亿美元",
    "full-width digits beyond": "１" + "０" * 20,
}


@BOTH_PATHS
@pytest.mark.parametrize("case", list(IMPLAUSIBLE))
def test_an_implausible_amount_is_said_and_rescales_no_other_company(tmp_path, path_kind, case):
    figure = IMPLAUSIBLE[case]
    others = [
        ["b", "Beta", "US", "1.1.2", "5000000", "USD", "A", "2023"],
        ["c", "Gamma", "US", "1.1.2", "80000000", "USD", "B", "2024"],
    ]
    bad = loaded(
        write_csv(tmp_path / "bad.csv", [["a", "Alpha", "US", "1.1.2", figure, "USD", "C", "2024"], *others]),
        path_kind,
    )
    base = loaded(
        write_csv(tmp_path / "base.csv", [["a", "Alpha", "US", "1.1.2", "", "", "C", "2024"], *others]),
        path_kind,
    )
    said = [w for w in bad.warnings if "row 2 (a), column E (funding_amount)" in w]
    assert len(said) == 1 and "counted as undisclosed" in said[0], bad.warnings
    assert "amount taken" in said[0] or "cannot read" in said[0], said
    a, b = build_signals(bad), build_signals(base)
    assert np.isnan(a.funding_total_usd[list(a.ids).index("a")])
    for k in ("capital", "valuation", "recency", "stage"):
        np.testing.assert_allclose(a.raw[k], b.raw[k], equal_nan=True, err_msg=k)
    for k in a.norm:  # the normalised signals: nothing rescaled
        np.testing.assert_allclose(a.norm[k], b.norm[k], equal_nan=True, err_msg=k)


@BOTH_PATHS
def test_a_valuation_beyond_the_float_range_is_said_not_a_crash(tmp_path, path_kind):
    p = write_csv(
        tmp_path / "v.csv",
        [["a", "Alpha", "US", "1.1.2", "5000000", "USD", "A", "2024", HUGE]],
        header=[*HEADER, "valuation"],
    )
    ds = loaded(p, path_kind)
    assert any(
        "row 2 (a), column I (valuation): the figure is more than any amount taken" in w for w in ds.warnings
    )
    assert np.isnan(build_signals(ds).latest_valuation_usd).all()


def test_the_plausible_range_of_an_amount():
    low, high = AMOUNT_RANGE
    assert (low, high) == (1e3, 1e13)
    assert parse_amount("1000").point == 1000 and parse_amount("10000000000000").point == 1e13
    for text in ("999", "10000000000001", "0.5", "1亿亿亿元", HUGE):
        m = parse_amount(text)
        assert not m.parsed and "amount taken" in m.reason, (text, m)
    assert parse_amount("１２３４５６７", "USD").point == 1234567  # full-width digits read as digits
    assert not parse_amount("٣٠٠٠", "USD").parsed  # other digits are not guessed
    assert parse_amount("数万亿元").point == 5e12  # the largest vague form still reads


@BOTH_PATHS
@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("1989", "(1990 to 2100), got '1989'"),
        ("2101-01", "(1990 to 2100), got '2101-01'"),
        ("0000", "(1990 to 2100), got '0000'"),
        ("99999", "got '99999'"),
    ],
)
def test_a_year_out_of_range_is_a_located_error(tmp_path, path_kind, date, message):
    p = write_csv(tmp_path / "y.csv", [["a", "Alpha", "US", "1.1.2", "5000000", "USD", "A", date]])
    assert any("row 2 (a), column H (funding_date)" in p and message in p for p in problems(p, path_kind)), (
        problems(p, path_kind)
    )


@BOTH_PATHS
@pytest.mark.parametrize("stars", ["0", "6", "1e9", "-1"])
def test_stars_out_of_range_are_a_located_error(tmp_path, path_kind, stars):
    p = write_csv(tmp_path / "s.csv", [["a", "Alpha", "US", "S1", "", "", "", ""]])
    write_csv(
        tmp_path / "s.segments.csv",
        [["S1", "s", "i", stars, "3", "3", "3"]],
        header=["ref", "scenario", "industry", "market", "logic", "compute", "corpus"],
    )
    assert any("s.segments.csv, row 2 (S1), column D (market)" in p for p in problems(p, path_kind))


@pytest.mark.parametrize("fx", [0.4, 51, 1e308, -7.2])
def test_an_exchange_rate_out_of_range_is_a_located_error(tmp_path, fx):
    folder = tmp_path / "report"
    shutil.copytree(bundled_dataset_dir(), folder)
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    (folder / "meta.json").write_text(json.dumps({**meta, "fx_cny_per_usd": fx}), encoding="utf-8")
    with pytest.raises(DatasetError) as info:
        load_dataset(folder)
    assert any(p.file == "meta.json" and p.field == "fx_cny_per_usd" for p in info.value.problems)
    for ok in (0.5, 50):
        assert DatasetMeta(name="x", fx_cny_per_usd=ok).fx_cny_per_usd == ok


@pytest.mark.parametrize(("kind", "value"), [("value", "1e300"), ("value", "-1e16"), ("value", "inf")])
def test_a_segment_figure_out_of_range_is_refused(kind, value):
    with pytest.raises(ValueError):
        SegmentNumber.model_validate(
            {"segment": "1.1.2", "kind": "market_size", "metric": "m", kind: value, "quote": "q"}
        )


# --- Text ---------------------------------------------------------------------------------------

#: A name as written -> as shown.
DIRTY_NAMES = {
    "Ev\u202eli\u202c Corp": "Evli Corp",  # a right-to-left override
    "\u2066Iso\u2069late": "Isolate",  # bidi isolates
    "Zero\u200bWidth\ufeff": "ZeroWidth",  # zero-width space, BOM
    "Line\u2028Sep\u2029Para": "Line Sep Para",  # line and paragraph separators
    "Next\x85Line": "Next Line",  # NEL
    "CSI\x9b31mRed": "CSI31mRed",  # the C1 escape introducer
    "Esc\x1b[31mRed": "Esc[31mRed",  # ESC: the sequence is inert without it
    "Tag\U000e0041s": "Tags",  # a tag character
    "Soft\u00adhyphen": "Softhyphen",
}


@BOTH_PATHS
@pytest.mark.parametrize("written", list(DIRTY_NAMES))
def test_bidi_controls_and_invisible_characters_are_removed_and_said(tmp_path, path_kind, written):
    rows = [["a", written, "US", "1.1.2", "", "", "", ""]]
    header = [*HEADER, "aliases", "note", "source"]
    p = write_csv(
        tmp_path / "t.csv", [[*rows[0], f"x{written};y", f"line one\n{written}", written]], header=header
    )
    ds = loaded(p, path_kind)
    c = ds.company("a")
    assert c.name == DIRTY_NAMES[written]
    assert c.aliases == ["x" + DIRTY_NAMES[written], "y"]
    assert c.note.startswith("line one\n")  # prose keeps its line breaks (a separator becomes one)
    assert c.note.replace("\n", " ") == "line one " + DIRTY_NAMES[written]
    assert ds.mentions_of("a")[0].quote.replace("\n", " ") == DIRTY_NAMES[written]
    for text in (c.name, *c.aliases, c.note, ds.mentions_of("a")[0].quote):
        assert not UNSAFE_CHARS.search(text)
        assert all(unicodedata.category(ch) not in ("Cc", "Cs", "Zl", "Zp") or ch == "\n" for ch in text)
    said = {w.split(": ")[0] for w in ds.warnings}
    for column in ("column B (name)", "column I (aliases)", "column K (source)"):
        assert f"t.csv, row 2, {column}" in said, ds.warnings
    assert build_signals(ds).names[0] == DIRTY_NAMES[written]  # the columns hold what is shown


@BOTH_PATHS
@pytest.mark.parametrize("written", ["\u200b", "\u202e\u202c", "\u200d\ufe0f", "\u3164", "\u2066\u2069"])
def test_a_cell_of_only_invisible_characters_is_refused(tmp_path, path_kind, written):
    p = write_csv(tmp_path / "t.csv", [["a", written, "US", "1.1.2", "", "", "", ""]])
    assert any(
        "row 2 (a), column B (name): holds only invisible or control characters" in p
        for p in problems(p, path_kind)
    ), problems(p, path_kind)


SAME_NAME = {
    "a zero-width space": ("Acme", "Ac\u200bme"),
    "full width": ("Acme", "Ａｃｍｅ"),
    "a joiner and case": ("Acme", "ACME\u200d"),
    "an ideographic space": ("示例科技", "示例\u3000科技"),
    "half-width katakana": ("カナ", "ｶﾅ"),
    "case folding": ("Straße", "STRASSE"),
    "a bidi mark": ("Acme", "\u200fAcme"),
    "a variation selector": ("Acme", "Acme\ufe0f"),
}


@BOTH_PATHS
@pytest.mark.parametrize("case", list(SAME_NAME))
def test_names_equal_but_for_invisible_characters_width_or_case_are_one_company(tmp_path, path_kind, case):
    first, second = SAME_NAME[case]
    p = write_csv(
        tmp_path / "n.csv",
        [["a", first, "US", "1.1.2", "", "", "", ""], ["b", second, "US", "1.1.2", "", "", "", ""]],
    )
    found = problems(p, path_kind)
    assert any(
        "row 3 (b), column B (name)" in m and "also names company 'a' (row 2 (a))" in m for m in found
    ), found
    assert name_key(first) == name_key(second)


@BOTH_PATHS
def test_a_name_is_shown_as_written_and_found_in_any_width(tmp_path, path_kind):
    p = write_csv(
        tmp_path / "w.csv",
        [["a", "Ａｃｍｅ ｶﾅ", "US", "1.1.2", "", "", "", ""], ["b", "Beta", "US", "1.1.2", "", "", "", ""]],
    )
    ds = loaded(p, path_kind)
    assert ds.company("a").name == "Ａｃｍｅ ｶﾅ"  # displayed as written
    table = build_signals(ds, universe="all")
    for query in ("acme", "ACMEカナ", "ａｃｍｅ", "Ac\u200bme"):
        shown = [i for i, m in zip(table.ids, filter_mask(table, Filters(query=query)), strict=True) if m]
        assert shown == ["a"], query


# --- Messages -----------------------------------------------------------------------------------


@BOTH_PATHS
@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2024/13/1", "month out of range (1 to 12) in '2024/13/1'"),
        ("2024年2月30日", "no such day: '2024年2月30日'"),
        ("2023.2.29", "no such day: '2023.2.29'"),
    ],
)
def test_a_date_error_quotes_what_was_written(tmp_path, path_kind, written, message):
    p = write_csv(tmp_path / "d.csv", [["a", "Alpha", "US", "1.1.2", "5000000", "USD", "A", written]])
    found = [m for m in problems(p, path_kind) if "column H (funding_date)" in m]
    assert len(found) == 1 and found[0].endswith(message), found


def test_a_date_error_of_a_record_quotes_its_date_as_written():
    with pytest.raises(ValueError, match=r"month out of range \(1 to 12\) in '2024/13/1'"):
        FundingEvent.model_validate(
            {"id": "f", "company_id": "a", "date": "2024-13-01", "date_text": "2024/13/1", "quote": "q"}
        )


@BOTH_PATHS
def test_a_wrong_id_is_one_problem_not_one_per_record(tmp_path, path_kind):
    rows = [
        ["a b", "Alpha", "US", "1.1.2;1.4.2", "5000000", "USD", "A", "2024"],
        ["ok", "Okay", "US", "1.1.2", "", "", "", ""],
        ["ok", "Okay again", "US", "1.1.2", "", "", "", ""],
        ["ok", "Okay thrice", "US", "1.1.2", "5000000", "USD", "A", "2024"],
    ]
    found = problems(write_csv(tmp_path / "i.csv", rows), path_kind)
    assert [m for m in found if m.startswith("i.csv, row 2")] == [
        "i.csv, row 2 (a b), column A (id): String should match pattern '^[A-Za-z0-9][A-Za-z0-9_.\\-]*$' (got 'a b')"
    ]
    assert [m.split(": ")[0] for m in found if "duplicate id" in m] == [
        "i.csv, row 4 (ok), column A (id)",
        "i.csv, row 5 (ok), column A (id)",
    ]
    assert len(found) == len(set(found)) == 3


def test_an_investor_named_as_lead_and_again_with_an_invisible_character_is_one_lead():
    from core.records import FundingEvent

    event = FundingEvent.model_validate(
        {
            "id": "f1",
            "company_id": "acme",
            "segment": "1.1.2",
            "round": "A轮",
            "amount_text": "1亿美元",
            "currency": "USD",
            "investors": "Ac\u200bme;Beta;ＢＥＴＡ",
            "lead_investors": "Acme",
            "quote": "Acme raised a round.",
        }
    )
    assert [(i.name, i.lead) for i in event.investors] == [("Acme", True), ("Beta", False)]
