"""The command line of the analyst's own knowledge: `main.py facts …`, `main.py pipeline …`,
`--report-only` and `--add FILE` (issue 16).  Every test uses its own state folder."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

import main
from core import present
from core.results import RankResult


@pytest.fixture
def state(tmp_path) -> str:
    return str(tmp_path / "state")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def ranking(capsys, state: str, *extra: str) -> tuple[str, RankResult]:
    code, out, err = run(capsys, "rank", "--format", "json", "--top", "0", "--state", state, *extra)
    assert code == 0, err
    return out, RankResult.model_validate_json(out)


def order(result: RankResult) -> list[str]:
    return [c.id for c in result.companies]


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def add_funding(capsys, state: str, company: str = "augment", *more: str) -> tuple[int, str, str]:
    return run(
        capsys,
        "facts",
        "add",
        company,
        "--funding",
        "50亿美元",
        "--round",
        "D轮",
        "--date",
        "2025-09",
        "--investors",
        "Fund A;Fund B",
        "--source",
        "https://example.com/augment-d",
        "--state",
        state,
        *more,
    )


def test_a_fact_changes_the_ranking_and_report_only_gives_the_reports_back(capsys, state):
    report_json, report = ranking(capsys, state)
    assert not Path(state).exists()  # ranking reads the state; it creates none
    assert order(report)[:3] == ["zhipu_ai", "cognition_labs", "augment"]
    assert all(c.analyst_facts == 0 and c.stage is None for c in report.companies)

    code, out, err = add_funding(capsys, state)
    assert code == 0, err
    assert out.startswith("Added fact #1 on Augment: D轮 50亿美元 (2025-09)")

    _, mine = ranking(capsys, state)
    assert order(mine)[0] == "augment"  # the round moves it to the top
    augment = mine.companies[0]
    assert augment.analyst_facts == 1
    marked = [r for r in augment.rounds if r.analyst]
    assert len(marked) == 1 and marked[0].amount_text == "50亿美元" and marked[0].round == "D轮"
    assert marked[0].analyst.startswith(present.MY_FACT_MARK)
    assert "https://example.com/augment-d" in marked[0].analyst
    assert marked[0].investors == ["Fund A", "Fund B"]
    assert [r.analyst for r in augment.rounds if r.round == "B轮"] == [None]  # the report's kept as is

    # --report-only: the report's ranking back, to the byte
    only_json, _ = ranking(capsys, state, "--report-only")
    assert only_json == report_json
    # the lenses too
    code, lens_mine, _ = run(capsys, "lenses", "--format", "json", "--state", state)
    code2, lens_only, _ = run(capsys, "lenses", "--format", "json", "--state", state, "--report-only")
    code3, lens_none, _ = run(capsys, "lenses", "--format", "json", "--state", state + "-none")
    assert code == code2 == code3 == 0
    assert lens_only == lens_none != lens_mine


def test_retire_takes_the_fact_out_of_the_ranking_and_keeps_it(capsys, state):
    _, report = ranking(capsys, state)
    assert add_funding(capsys, state)[0] == 0
    code, out, err = run(capsys, "facts", "retire", "1", "--state", state)
    assert code == 0, err
    assert "Retired fact #1" in out
    _, after = ranking(capsys, state)
    assert [(c.id, c.score) for c in after.companies] == [(c.id, c.score) for c in report.companies]
    code, out, _ = run(capsys, "facts", "list", "--format", "json", "--state", state)
    facts = json.loads(out)
    assert [(f["id"], f["company"], f["kind"]) for f in facts] == [(1, "augment", "funding")]
    assert (
        facts[0]["retired"] and facts[0]["entered"] and facts[0]["source"] == "https://example.com/augment-d"
    )
    assert facts[0]["fields"] == {
        "round": "D轮",
        "amount": "50亿美元",
        "date": "2025-09",
        "investors": ["Fund A", "Fund B"],
    }
    # retiring it again, or a fact that is not there: one line, exit 2
    for fact_id in ("1", "7", "x"):
        code, _, err = run(capsys, "facts", "retire", fact_id, "--state", state)
        assert code == 2
        assert fact_id in one_error_line(err)


def test_export_and_import_round_trip_recognises_duplicates(capsys, state, tmp_path):
    assert add_funding(capsys, state)[0] == 0
    code, _, err = run(
        capsys,
        "facts",
        "add",
        "zhipu_ai",
        "--client",
        "招商银行 (a bank)",
        "--source",
        "deck.pdf",
        "--state",
        state,
    )
    assert code == 0, err
    out_csv = tmp_path / "facts.csv"
    code, out, err = run(capsys, "facts", "export", str(out_csv), "--state", state)
    assert code == 0, err
    assert "Wrote 2 facts" in out
    with out_csv.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["company_id"] for r in rows] == ["augment", "zhipu_ai"]

    other = str(tmp_path / "other")
    code, out, err = run(capsys, "facts", "import", str(out_csv), "--state", other)
    assert code == 0, err
    assert "Imported 2 facts" in out
    code, out, err = run(capsys, "facts", "import", str(out_csv), "--state", other)
    assert code == 0 and "Imported 0 facts" in out and "2 already there" in out

    def listed(where: str) -> list[tuple]:
        _, out, _ = run(capsys, "facts", "list", "--format", "json", "--state", where)
        return [(f["company"], f["kind"], f["fields"], f["source"], f["retired"]) for f in json.loads(out)]

    assert listed(other) == listed(state)
    # the same ranking from the imported facts
    assert order(ranking(capsys, other)[1]) == order(ranking(capsys, state)[1])


def test_unknown_company_and_unreadable_amount_are_refused_and_nothing_is_written(capsys, state):
    code, _, err = add_funding(capsys, state, "no_such_company")
    assert code == 2
    line = one_error_line(err)
    assert "no_such_company" in line and "rank --format json" in line
    code, _, err = run(
        capsys, "facts", "add", "augment", "--funding", "lots of money", "--source", "x", "--state", state
    )
    assert code == 2
    line = one_error_line(err)
    assert line.startswith("main.py: error: --funding:") and "lots of money" in line and "50亿美元" in line
    code, _, err = run(capsys, "facts", "add", "augment", "--funding", "5亿元", "--state", state)
    assert code == 2 and "--source" in one_error_line(err)
    code, _, err = run(capsys, "facts", "add", "augment", "--source", "x", "--state", state)
    assert code == 2 and "--funding" in one_error_line(err)
    code, _, err = run(
        capsys,
        "facts",
        "add",
        "augment",
        "--funding",
        "5亿元",
        "--client",
        "x",
        "--source",
        "x",
        "--state",
        state,
    )
    assert code == 2 and "one fact at a time" in one_error_line(err)
    assert not Path(state).exists()  # nothing written on an error


def test_an_import_with_a_bad_row_imports_nothing(capsys, state, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "company_id,kind,amount,round,source\n"
        "augment,funding,5亿美元,C轮,https://a\n"
        "nobody,funding,5亿美元,C轮,https://b\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "facts", "import", str(bad), "--state", state)
    assert code == 2
    line = one_error_line(err)
    assert "bad.csv" in line and "nobody" in line and "row 3" in line  # the row of the file (header: 1)
    unreadable = tmp_path / "amount.csv"
    unreadable.write_text("company_id,kind,amount,source\naugment,funding,many,https://a\n", encoding="utf-8")
    code, _, err = run(capsys, "facts", "import", str(unreadable), "--state", state)
    assert code == 2 and "amount.csv" in one_error_line(err) and "row 2" in one_error_line(err)
    _, out, _ = run(capsys, "facts", "list", "--format", "json", "--state", state)
    assert json.loads(out) == []


def test_pipeline_stage_shows_in_the_ranking(capsys, state):
    code, out, err = run(
        capsys,
        "pipeline",
        "set",
        "replit",
        "--stage",
        "Diligence",
        "--owner",
        "alice",
        "--next-step",
        "call the CEO",
        "--next-date",
        "2026-12-01",
        "--state",
        state,
    )
    assert code == 0, err
    assert out.startswith("Replit: Diligence") and "(added to your shortlist)" in out
    _, result = ranking(capsys, state)
    stages = {c.id: c.stage for c in result.companies if c.stage}
    assert stages == {"replit": "diligence"}
    _, out, _ = run(capsys, "pipeline", "list", "--format", "json", "--state", state)
    (entry,) = json.loads(out)
    assert entry["company"] == "replit" and entry["owner"] == "alice" and entry["next_date"] == "2026-12-01"
    for bad in (["--stage", "nowhere"], ["--next-date", "2026-13-01"], []):
        code, _, err = run(capsys, "pipeline", "set", "replit", *bad, "--state", state)
        assert code == 2, bad
        one_error_line(err)
    code, _, err = run(capsys, "pipeline", "set", "ghost", "--stage", "screening", "--state", state)
    assert code == 2 and "ghost" in one_error_line(err)


def write_companies(path: Path, rows: list[dict[str, str]]) -> Path:
    cols = ["id", "name", "aliases", "country", "kind", "segments", "funding_amount", "funding_round",
            "funding_date", "source"]  # fmt: skip
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, cols)
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in cols})
    return path


def test_add_merges_a_company_by_alias_and_adds_a_new_one(capsys, state, tmp_path):
    mine = write_companies(
        tmp_path / "mine.csv",
        [
            # aiXcoder's product name, written in capitals: the report's company, not a new one
            {"id": "xl", "name": "AIXCODER XL", "country": "CN", "kind": "startup", "segments": "1.1.2",
             "funding_amount": "10亿美元", "funding_round": "C轮", "funding_date": "2025-06",
             "source": "https://example.com/xl"},
            {"id": "newco", "name": "NewCo", "country": "US", "kind": "startup", "segments": "1.1.2",
             "funding_amount": "$20M", "funding_round": "A", "funding_date": "2025"},
        ],
    )  # fmt: skip
    _, report = ranking(capsys, state)
    code, out, err = run(
        capsys, "rank", "--format", "json", "--top", "0", "--state", state, "--add", str(mine)
    )
    assert code == 0, err
    assert "merged 'AIXCODER XL' (xl) is 硅心科技 (aiXcoder) (aixcoder), same alias" in err
    added = RankResult.model_validate_json(out)
    ids = order(added)
    assert "xl" not in ids and "newco" in ids and len(ids) == len(order(report)) + 1
    assert ids.index("aixcoder") < order(report).index("aixcoder")
    aix = next(c for c in added.companies if c.id == "aixcoder")
    assert [r.round for r in aix.rounds] == ["A+轮", "C轮"] and aix.added_from is None
    assert next(c for c in added.companies if c.id == "newco").added_from == "mine.csv"
    assert added.dataset.companies == report.dataset.companies + 1
    # the state is the report's: a fact on an added company is kept, and counted with --add
    code, _, err = add_funding(capsys, state, "newco", "--add", str(mine))
    assert code == 0, err
    _, with_fact = ranking(capsys, state, "--add", str(mine))
    assert order(with_fact)[0] == "newco"
    # without --add the fact's company is not there: the report's ranking, the fact left aside
    assert order(ranking(capsys, state)[1]) == order(report)
    # given before the command too, and check counts them
    code, out, err = run(capsys, "--add", str(mine), "check")
    assert code == 0 and f"{report.dataset.companies + 1} companies" in out


def test_add_refuses_a_file_it_cannot_add(capsys, state, tmp_path):
    own = write_companies(tmp_path / "own.csv", [{"id": "q", "name": "Q", "segments": "9.9"}])
    (tmp_path / "own.segments.csv").write_text(
        "ref,scenario,industry,market,logic,compute,corpus\n9.9,Mine,Mine,3,3,3,3\n", encoding="utf-8"
    )
    code, out, err = run(capsys, "rank", "--add", str(own), "--state", state)
    assert code == 2 and out == ""
    assert "own.csv" in err and "9.9" in err and "--data" in err
    code, _, err = run(capsys, "rank", "--add", str(tmp_path / "missing.csv"), "--state", state)
    assert code == 2 and "missing.csv" in err
