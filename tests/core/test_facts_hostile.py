"""Hostile input to the analyst's facts, the pipeline and the merging of added companies: each
is refused in one line naming the file, row or field (nothing written), or taken as the value it
is (never counted twice, never stored in a form that compares wrong)."""

from __future__ import annotations

import datetime as dt
import os
import sys

import pytest

import main
from core.analyst import FactError, FactInput, check_fact, fact_key, fact_rows_from_csv
from core.ingest import DatasetError, load_dataset
from core.merge import add_companies
from core.state import StateStore

HEADER = (
    "id,name,name_en,aliases,country,kind,listed,note,segments,role,source,funding_amount,"
    "funding_currency,funding_round,funding_date,funding_cumulative,valuation,valuation_currency,"
    "investors,lead_investors\n"
)


@pytest.fixture(scope="module")
def report():
    return load_dataset(None)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def facts_csv(tmp_path, text: str, name: str = "in.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- dates: stored as the ASCII date they are ---------------------------------------------------


def test_full_width_dates_are_kept_as_ascii() -> None:
    f = FactInput(
        company_id="augment",
        kind="funding",
        round="C轮",
        date="２０２４－０１",
        source="s",
        seen="２０２５-01-02",
    )
    assert (f.date, f.seen) == ("2024-01", "2025-01-02")
    same = FactInput(company_id="augment", kind="funding", round="C轮", date="2024-01", source="s")
    assert fact_key(f) == fact_key(same)


@pytest.mark.parametrize("seen", ["1000-01-01", "2999-01-01"])
def test_a_seen_date_before_1990_or_in_the_future_is_refused(report, seen) -> None:
    f = FactInput(company_id="augment", kind="client", text="x", source="s", seen=seen)
    with pytest.raises(FactError, match="seen: the day you saw the fact") as info:
        check_fact(f, report)
    assert info.value.field == "seen"
    today = FactInput(
        company_id="augment", kind="client", text="x", source="s", seen=dt.date.today().isoformat()
    )
    assert check_fact(today, report) is today


# --- a facts CSV -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "company_id,kind,source,company_id\naugment,client,s,replit\n",
            "column company_id appears more than once",
        ),
        ("company_id,kind,text,source,ammount\naugment,client,x,s,5亿元\n", "unknown column 'ammount'"),
        ("company,kind\n", "missing column company_id, source"),
        ("", "the file is empty"),
        (
            "company_id,kind,text,source\naugment,client,招商银行, 平安,s\n",
            "row 2: 5 cells but the header has 4",
        ),
        ('company_id,kind,text,source\naugment,client,"open,s\naugment,client,x,s\n', "never closed"),
        (
            "company_id,kind,text,source\naugment,client,x,s\naugment,client," + "a" * 140_000 + ",s\n",
            "row 3",
        ),
    ],
)
def test_a_bad_facts_file_is_refused_naming_what_is_wrong(tmp_path, text, expected) -> None:
    with pytest.raises(FactError, match=expected) as info:
        fact_rows_from_csv(facts_csv(tmp_path, text))
    assert str(info.value).startswith("in.csv")
    assert "\n" not in str(info.value)


def test_a_utf16_facts_file_says_what_to_do(tmp_path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("company_id,kind,text,source\naugment,client,x,s\n", encoding="utf-16")
    with pytest.raises(FactError, match="UTF-16 text; save it as CSV UTF-8"):
        fact_rows_from_csv(path)


def test_a_folder_is_not_a_facts_file(tmp_path) -> None:
    with pytest.raises(FactError, match="a folder; give a facts CSV file"):
        fact_rows_from_csv(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo") or sys.platform == "win32", reason="no FIFOs here")
def test_a_fifo_is_refused_without_waiting(tmp_path) -> None:
    fifo = tmp_path / "facts.csv"
    os.mkfifo(fifo)
    with pytest.raises(FactError, match="not a regular file"):
        fact_rows_from_csv(fifo)


def test_facts_import_of_a_refused_file_writes_nothing(tmp_path, capsys) -> None:
    state = str(tmp_path / "state")
    bad = facts_csv(tmp_path, "company_id,kind,text,source,company_id\naugment,client,x,s,replit\n")
    code, _, err = run(capsys, "facts", "import", str(bad), "--state", state)
    assert code == 2 and "appears more than once" in one_line(err)
    code, out, _ = run(capsys, "facts", "list", "--format", "json", "--state", state)
    assert code == 0 and out.strip() in ("", "[]")


# --- facts add: never the same fact twice ------------------------------------------------------


def test_adding_the_same_fact_again_is_refused(tmp_path, capsys) -> None:
    state = str(tmp_path / "state")
    code, _, err = run(
        capsys, "facts", "add", "augment", "--funding", "5亿美元", "--source", "s", "--state", state
    )
    assert code == 0, err
    for written in ("５亿美元", "5亿\u200b美元"):  # the same amount written otherwise
        code, _, err = run(
            capsys, "facts", "add", "augment", "--funding", written, "--source", "t", "--state", state
        )
        assert code == 2 and "you already have this fact, #1" in one_line(err)
    code, out, _ = run(capsys, "facts", "list", "--format", "json", "--state", state)
    assert out.count('"id"') == 1
    code, _, _ = run(capsys, "facts", "retire", "1", "--state", state)
    code, _, err = run(
        capsys, "facts", "add", "augment", "--funding", "5亿美元", "--source", "s", "--state", state
    )
    assert code == 0, err  # once retired, it may be entered again


# --- pipeline ----------------------------------------------------------------------------------


def test_pipeline_text_of_invisible_characters_alone_is_refused_not_a_clear(tmp_path, capsys) -> None:
    state = str(tmp_path / "state")
    assert run(capsys, "pipeline", "set", "augment", "--owner", "alice", "--state", state)[0] == 0
    code, _, err = run(capsys, "pipeline", "set", "augment", "--owner", "\u200b\u202e", "--state", state)
    assert code == 2 and one_line(err).startswith("main.py: error: --owner: holds only invisible")
    code, _, err = run(capsys, "pipeline", "set", "augment", "--owner", "a" * 600, "--state", state)
    assert code == 2 and "--owner: at most 500 characters" in one_line(err)
    with StateStore.open(tmp_path / "state" / "state.sqlite", "k").store as store:
        entry = store.set_pipeline("augment", next_date="２０２６－１２－０１", owner="bob\nby")
        assert (entry.next_date, entry.owner) == ("2026-12-01", "bob by")


def test_pipeline_owner_is_kept_after_a_refusal(tmp_path, capsys) -> None:
    state = str(tmp_path / "state")
    run(capsys, "pipeline", "set", "augment", "--owner", "alice", "--state", state)
    run(capsys, "pipeline", "set", "augment", "--owner", "\u200b", "--state", state)
    code, out, _ = run(capsys, "pipeline", "list", "--format", "json", "--state", state)
    assert '"owner": "alice"' in out


# --- merging added companies -------------------------------------------------------------------


def test_an_added_company_with_the_names_of_two_report_companies_is_refused(tmp_path, report) -> None:
    path = tmp_path / "two.csv"
    path.write_text(HEADER + "two,Augment,Replit,,US,startup,,,1.1.2,vendor,x,1亿美元,,A,2024-05,,,,,\n")
    with pytest.raises(
        DatasetError, match=r"names of 2 different companies .*Augment \(augment\).*Replit \(replit\)"
    ):
        add_companies(report, load_dataset(path))


def test_the_reports_round_written_again_is_not_counted_twice(tmp_path, report) -> None:
    # the report: Augment B轮 2.52亿美元 (2024), valued at 9.77亿美元; the file leaves the valuation out
    path = tmp_path / "again.csv"
    path.write_text(
        HEADER
        + "z1,ＡＵＧＭＥＮＴ,,,US,startup,,,1.1.2,vendor,x,252000000,USD,Series B,2024-04,,,,,\n"
        + "z2,Replit,,,US,startup,,,1.1.2,vendor,x,3亿美元,,C轮,2025,,,,,\n",
        encoding="utf-8",
    )
    merged, merges = add_companies(report, load_dataset(path))
    assert {m.report_id for m in merges} == {"augment", "replit"}
    assert len(merged.funding_of("augment")) == len(report.funding_of("augment"))
    assert len(merged.funding_of("replit")) == len(report.funding_of("replit")) + 1  # a new round counts


def test_a_different_amount_for_the_same_round_is_kept(tmp_path, report) -> None:
    path = tmp_path / "other.csv"
    path.write_text(HEADER + "z1,Augment,,,US,startup,,,1.1.2,vendor,x,2.27亿美元,,B轮,2024,,,,,\n")
    merged, _ = add_companies(report, load_dataset(path))
    assert len(merged.funding_of("augment")) == len(report.funding_of("augment")) + 1


def test_a_value_starting_with_a_dash_says_how_to_give_it(tmp_path, capsys) -> None:
    state = str(tmp_path / "state")
    code, _, err = run(
        capsys, "facts", "add", "augment", "--funding", "-5亿美元", "--source", "s", "--state", state
    )
    assert code == 2 and "given as --funding=VALUE" in one_line(err)
    code, _, err = run(
        capsys, "facts", "add", "augment", "--funding=-5亿美元", "--source", "s", "--state", state
    )
    assert code == 2 and "negative amount" in one_line(err)
