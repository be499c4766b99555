"""The headless command line: `main.py rank`, `main.py lenses` and `main.py check`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import main
from core import present
from core.ingest import load_dataset
from core.results import LensesResult, RankResult
from core.scoring import PRESETS, Weights
from core.signals import build_signals
from core.state import StateStore
from core.texttable import display_width
from tests.helpers import write_named_companies


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output_validates_against_the_contract(capsys):
    code, out, _ = run(capsys, "rank", "--format", "json", "--top", "0")
    assert code == 0
    result = RankResult.model_validate_json(out)
    ds = load_dataset()
    assert result.dataset.companies == len(ds.companies)
    assert result.dataset.universe == "providers"
    assert result.dataset.screened == result.dataset.ranked == len(result.companies) < len(ds.companies)
    n = len(result.companies)
    assert [c.position for c in result.companies] == list(range(1, n + 1))
    scores = [c.score for c in result.companies]
    assert scores == sorted(scores, reverse=True)
    # shared ranks: 1 + the number scoring strictly higher, as the scores read
    shown = [present.score_text(c.score) for c in result.companies]
    for c, text in zip(result.companies, shown, strict=True):
        assert c.rank == 1 + sum(float(o) > float(text) for o in shown)
        assert c.shared == (shown.count(text) > 1) and c.in_universe
    assert any(c.shared for c in result.companies) and result.tie_note is None  # --top 0 cuts nothing
    assert result.preset == "balanced" and result.weights["value"] == 50
    assert result.dataset.missing == "zero" and result.dataset.fx_cny_per_usd == 7.2
    assert len(result.segments) == 9
    for c in result.companies:
        assert c.evidence and all(e.quote for e in c.evidence)
        assert sum(c.contributions.model_dump().values()) == pytest.approx(c.score, abs=1e-3)
        assert 0 <= c.stability <= 1
    augment = next(c for c in result.companies if c.id == "augment")
    assert augment.funding_total_usd == pytest.approx(2.52e8)
    assert augment.latest_valuation_usd == pytest.approx(9.77e8)
    assert augment.rounds[0].amount_text == "2.52亿美元" and augment.rounds[0].round == "B轮"
    assert augment.rounds[0].date_text == "2024年" and augment.latest_round == "B轮 (2024)"
    for c in result.companies:  # the label every view shows, made from the rounds it carries
        assert c.latest_round == present.latest_round(c.rounds)
        assert [p.key for p in c.funding_parts] == ["capital", "valuation", "recency", "stage"]
        assert c.evidence_sentences >= 1 and 0 <= c.traction <= len(c.facts)
        for f in c.facts:
            assert f.quote and f.kind and f.segment
    openai = next(c for c in result.companies if c.id == "openai")
    assert openai.traction >= 1 and {f.kind for f in openai.facts} >= {"product"}
    assert {p.key: p.status for p in openai.funding_parts}["valuation"] == "floor"
    raw = json.loads(out)
    assert {"weights", "dataset", "segments", "companies"} <= set(raw)
    assert raw["dataset"]["universe"] == "providers" and raw["weights"]["market"] == 2


def test_weights_preset_missing_and_filters_are_applied(capsys):
    code, out, _ = run(
        capsys,
        "rank",
        "--format",
        "json",
        "--preset",
        "follow_the_money",
        "--weights",
        "difficulty=-10",
        "--missing",
        "neutral",
        "--country",
        "us",
        "--segment",
        "1.1.2,1.4.2",
        "--top",
        "5",
    )
    assert code == 0
    r = RankResult.model_validate_json(out)
    assert r.weights["funding"] == 100 and r.weights["difficulty"] == -10
    assert r.preset == "follow_the_money with difficulty=-10"
    assert r.dataset.missing == "neutral"
    assert 0 < len(r.companies) <= 5
    for c in r.companies:
        assert c.country == "US" and {"1.1.2", "1.4.2"} & set(c.segments)


def test_fx_changes_conversions(capsys):
    _, out, _ = run(capsys, "rank", "--format", "json", "--top", "0", "--fx", "6")
    r = RankResult.model_validate_json(out)
    assert r.dataset.fx_cny_per_usd == 6
    aix = next(c for c in r.companies if c.id == "aixcoder")
    assert aix.funding_total_usd == pytest.approx(5e7 / 6)


def test_table_lines_up_chinese_and_latin_names(capsys):
    code, out, _ = run(capsys, "rank", "--top", "0")
    assert code == 0
    lines = out.splitlines()
    table = lines[1:-1]
    n = build_signals(load_dataset()).n_universe
    assert len(table) == 2 + n
    widths = {display_width(line) for line in table}
    assert len(widths) == 1, widths  # every row ends in the same column
    assert any("字节跳动" in line for line in table) and "Augment" in out
    assert lines[0].endswith("undisclosed figures count as zero; 1 USD = 7.2 CNY; filters: none")
    assert "Latest round" in lines[1] and "Valuation" in lines[1]
    augment = next(line for line in table if "Augment" in line)
    assert "$252.0M" in augment and "B轮 (2024)" in augment and "$977.0M" in augment
    leyan = next(line for line in table if "乐言科技" in line)
    assert "≈ $69.4M" in leyan and "D轮 (2024-04)" in leyan
    assert lines[-1] == (
        f"{n} shown. Stab. = the share of 500 random ±20% changes of the weights that keep the company in the top 10."
    )
    # a shared rank reads "5=", and the ranks of a tie are the same
    ranks = [line.split()[0] for line in table[2:]]
    shared = [r for r in ranks if r.endswith("=")]
    assert shared and all(ranks.count(r) > 1 for r in shared)
    assert "— providers: " in lines[0] and f"{n} of " in lines[0]


def test_csv_output(capsys):
    code, out, _ = run(capsys, "rank", "--format", "csv", "--top", "3")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 3 and rows[0]["rank"] == "1" and rows[0]["position"] == "1"
    code, out, _ = run(capsys, "rank", "--format", "csv", "--top", "0")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["position"] for r in rows] == [str(i) for i in range(1, len(rows) + 1)]
    assert any(r["rank"] != r["position"] for r in rows)  # a shared rank
    by_id = {r["id"]: r for r in rows}
    augment, leyan = by_id["augment"], by_id["leyan"]
    assert augment["kind"] == "startup" and augment["latest_round"] == "B轮 (2024)"
    assert augment["funding_total_usd"] == "252000000" and augment["funding_approximate"] == "False"
    assert leyan["latest_round"] == "D轮 (2024-04)" and leyan["funding_approximate"] == "True"
    assert leyan["latest_valuation_usd"] == "" and leyan["segments"] == "1.3.2"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--weights", "taste=5"], "unknown weight 'taste'"),
        (["--weights", "value=high"], "'high' is not a number"),
        (["--weights", "value=500"], "outside -100..100"),
        (["--weights", "logic=-1"], "outside 0..100"),
        (["--preset", "yolo"], "unknown preset 'yolo'"),
        (["--segment", "1.1.9"], "unknown segment 1.1.9"),
        (["--country", "ZZ"], "no company from ZZ"),
        (["--missing", "maybe"], "not one of zero|neutral|exclude"),
        (["--top", "-1"], "whole number"),
        (["--top", "2.5"], "whole number"),
        (["--format", "xml"], "not one of table|json|csv"),
        (["--fx", "0"], "plausible"),
        (["--bogus"], "unrecognized arguments"),
        (["--universe", "lenders"], "not one of providers|adopters|all"),
        (["--kind", "bank,dragon"], "unknown kind dragon"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(capsys, argv, message):
    code, out, err = run(capsys, "rank", *argv)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert message in err


def test_universe_and_kind_choose_the_companies(capsys):
    ds = load_dataset()
    universes = {}
    for universe in ("providers", "adopters", "all"):
        code, out, _ = run(capsys, "rank", "--format", "json", "--top", "0", "--universe", universe)
        r = RankResult.model_validate_json(out)
        assert code == 0 and r.dataset.universe == universe
        universes[universe] = {c.id for c in r.companies}
    assert universes["all"] == {c.id for c in ds.companies}
    assert universes["providers"] | universes["adopters"] <= universes["all"]
    assert {"icbc", "moderna"} <= universes["adopters"] - universes["providers"]
    assert "bytedance" in universes["providers"] & universes["adopters"]
    code, out, _ = run(capsys, "rank", "--format", "json", "--top", "0", "--kind", "startup,AI-vendor")
    r = RankResult.model_validate_json(out)
    assert code == 0 and r.companies and {c.kind for c in r.companies} == {"startup", "ai_vendor"}
    assert r.filters == "kind ai_vendor, startup"
    # `check` takes the option too (its summary is of the whole dataset)
    code, out, _ = run(capsys, "check", "--universe", "adopters")
    assert code == 0 and f"{len(ds.companies)} companies" in out
    assert run(capsys, "check", "--universe", "x")[0] == 2


def test_sub_weights_of_value_mix_market_and_traction(capsys):
    _, out, _ = run(capsys, "rank", "--format", "json", "--top", "0", "--weights", "market=0,traction=1")
    by_traction = RankResult.model_validate_json(out)
    assert by_traction.weights["market"] == 0 and by_traction.weights["traction"] == 1
    values = {c.id: c.signals.value for c in by_traction.companies}
    counts = {c.id: c.traction for c in by_traction.companies}
    ids = sorted(values, key=lambda i: counts[i])
    assert all(values[a] <= values[b] for a, b in zip(ids, ids[1:], strict=False))


def test_the_top_n_that_cuts_a_tie_says_so(capsys):
    _, out, _ = run(capsys, "rank", "--format", "json", "--top", "0")
    full = RankResult.model_validate_json(out)
    cut = next(
        i
        for i in range(1, len(full.companies))
        if full.companies[i - 1].shared and full.companies[i].rank == full.companies[i - 1].rank
    )
    code, out, _ = run(capsys, "rank", "--top", str(cut))
    footer = out.splitlines()[-1]
    first = full.companies[cut - 1].rank
    size = sum(c.rank == first for c in full.companies)
    assert footer.startswith(f"{cut} shown; places {first}–{first + size - 1} are shared by {size} companies")
    _, out, _ = run(capsys, "rank", "--format", "json", "--top", str(cut))
    assert RankResult.model_validate_json(out).tie_note == footer.split("; ", 1)[1].split(". Stab.")[0]


def test_rank_on_a_broken_dataset_exits_2(capsys, tmp_path):
    code, _, err = run(capsys, "rank", "--data", str(tmp_path / "nope"))
    assert code == 2 and "no such file or folder" in err and "Traceback" not in err


def test_options_before_the_command_count(tmp_path, capsys):
    bad = tmp_path / "bad"
    bad.mkdir()
    assert main.main(["--data", str(bad), "check"]) == 2  # the folder given first is used
    assert "not a dataset folder" in capsys.readouterr().err
    out = tmp_path / "m.xlsx"
    assert main.main(["--state", str(tmp_path / "st"), "export", str(out), "--top", "2"]) == 0
    assert (tmp_path / "st" / "state.sqlite").exists()


def test_a_closed_pipe_is_not_an_error(tmp_path):
    import subprocess
    import sys

    proc = subprocess.run(
        f"{sys.executable} main.py rank --top 0 --format json | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
        cwd=str(Path(__file__).resolve().parents[2]),
    )
    assert proc.stdout == '{\n "weight' and "Traceback" not in proc.stderr


def test_country_unknown_selects_the_companies_without_one(capsys):
    assert (
        main.main(["rank", "--universe", "all", "--country", "unknown", "--top", "0", "--format", "json"])
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert out["companies"] and all(c["country"] is None for c in out["companies"])
    assert main.main(["rank", "--country", "ZZ"]) == 2
    assert "countries here:" in capsys.readouterr().err


# --- lenses ---------------------------------------------------------------------------------------


def lenses_json(capsys, *argv: str) -> LensesResult:
    code, out, err = run(capsys, "lenses", "--format", "json", *argv)
    assert code == 0, err
    return LensesResult.model_validate_json(out)


def rank_by_id(capsys, *argv: str) -> dict[str, int]:
    code, out, err = run(capsys, "rank", "--format", "json", "--top", "0", *argv)
    assert code == 0, err
    return {c.id: c.rank for c in RankResult.model_validate_json(out).companies}


@pytest.mark.parametrize(
    "options",
    [[], ["--universe", "adopters"], ["--missing", "exclude"], ["--missing", "neutral", "--fx", "7"]],
)
def test_lens_ranks_equal_the_ranks_of_rank_preset(capsys, options):
    """Every company's rank under each preset's lens is the rank `rank --preset` prints for it."""
    result = lenses_json(capsys, "--top", "0", *options)
    assert [lens.name for lens in result.lenses] == list(PRESETS)
    listed = {c.id for c in result.companies}
    for lens in result.lenses:
        assert lens.weights == PRESETS[lens.name].model_dump()
        ranks = rank_by_id(capsys, "--preset", lens.name, *options)
        assert {c.id: c.ranks[lens.name] for c in result.companies if c.ranks[lens.name]} == ranks
        assert set(ranks) <= listed  # --top 0 lists every company ranked under some lens
    assert len(listed) == result.dataset.ranked


def test_lenses_list_the_top_n_of_every_lens_and_flag_robust_and_pareto(capsys):
    full = lenses_json(capsys, "--top", "0")
    top = lenses_json(capsys, "--top", "12")
    assert full.top_n == 10 and top.top_n == 12
    expected = {c.id for c in full.companies if any(1 <= r <= 12 for r in c.ranks.values())}
    assert [c.id for c in top.companies] != [] and {c.id for c in top.companies} == expected
    for c in top.companies:
        assert c.robust == all(1 <= r <= 12 for r in c.ranks.values())
        assert c.top == sum(1 <= r <= 12 for r in c.ranks.values())
    counts = [c.top for c in top.companies]
    assert counts == sorted(counts, reverse=True)  # most lenses first
    assert sum(c.pareto for c in full.companies) == full.n_pareto >= 1
    by_id = {c.id: c for c in full.companies}
    assert all(c.pareto == by_id[c.id].pareto and c.ranks == by_id[c.id].ranks for c in top.companies)
    wide = lenses_json(capsys, "--top", "60")
    assert all(c.robust for c in wide.companies) and wide.n_robust == len(wide.companies)


def test_lenses_take_the_filters_and_keep_the_universe_ranks(capsys):
    everyone = {c.id: c for c in lenses_json(capsys, "--top", "0").companies}
    us = lenses_json(capsys, "--top", "0", "--country", "US")
    ds = load_dataset()
    assert us.companies and all(ds.company(c.id).country == "US" for c in us.companies)
    assert all(c.ranks == everyone[c.id].ranks for c in us.companies)
    assert us.filters == "country US"


def test_lenses_table_and_csv(capsys, tmp_path):
    code, out, _ = run(capsys, "lenses", "--top", "5")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("China–US AIGC") and "5 lenses" in lines[0]
    assert lines[1].split() == [
        "Company",
        "English",
        "Balanced",
        "Market",
        "Easy",
        "Money",
        "Moat",
        "Top",
        "Robust",
        "Pareto",
    ]
    assert any("Pareto ◆ = no other company" in ln for ln in lines[-3:])
    result = lenses_json(capsys, "--top", "5")
    assert len(lines) == 2 + 1 + len(result.companies) + 5
    rule = display_width(lines[2])
    assert all(display_width(ln) <= rule for ln in lines[3 : 3 + len(result.companies)])
    assert (
        lines[-5]
        == f"{len(result.companies)} shown: the companies in the top 5 under at least one lens, most lenses first."
    )
    code, out, _ = run(capsys, "lenses", "--top", "5", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == [c.id for c in result.companies]
    for r, c in zip(rows, result.companies, strict=True):
        assert {k: int(r[f"rank:{k}"]) for k in PRESETS} == c.ranks
        assert r["robust"] == str(c.robust) and r["pareto"] == str(c.pareto) and int(r["top"]) == c.top


def test_lenses_include_saved_profiles_and_create_no_state(capsys, tmp_path):
    state = tmp_path / "st"
    assert lenses_json(capsys, "--state", str(state)).lenses[-1].name == "moat"
    assert not state.exists()  # reading lenses creates no state file
    growth = Weights(value=90, difficulty=-10, funding=30, traction=2)
    with StateStore.open(state / "state.sqlite").store as store:
        store.save_profile("=Growth", growth)
    result = lenses_json(capsys, "--state", str(state), "--top", "0")
    assert [lens.name for lens in result.lenses] == [*PRESETS, "profile:=Growth"]
    ranks = rank_by_id(capsys, "--weights", "value=90,difficulty=-10,funding=30,traction=2")
    assert {c.id: c.ranks["profile:=Growth"] for c in result.companies} == ranks
    code, out, _ = run(capsys, "--state", str(state), "lenses", "--format", "csv")
    assert code == 0 and "rank:profile:=Growth" in out.splitlines()[0]
    code, out, _ = run(capsys, "lenses", "--state", str(state))
    assert code == 0 and "=Growth = =Growth (profile) (90, -10, 30)" in out


def test_lenses_csv_neutralises_formulas(tmp_path, capsys):
    names = ['=HYPERLINK("http://x","x")', "+SUM(1,2)", "-2+3", "@SUM(A1)"]
    path = write_named_companies(tmp_path / "hostile.csv", names)
    code, out, err = run(capsys, "lenses", "--data", str(path), "--format", "csv", "--top", "0")
    assert code == 0, err
    table = list(csv.DictReader(io.StringIO(out)))
    assert len(table) == len(names)
    assert {r["name"] for r in table} == {"'" + n for n in names}
    for r in table:
        assert int(r["rank:balanced"]) >= 1  # numbers stay numbers


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--top", "-1"], "whole number"),
        (["--format", "xml"], "not one of table|json|csv"),
        (["--missing", "maybe"], "not one of zero|neutral|exclude"),
        (["--universe", "lenders"], "not one of providers|adopters|all"),
        (["--preset", "moat"], "unrecognized arguments"),
    ],
)
def test_lenses_bad_arguments_exit_2_with_one_line(capsys, argv, message):
    code, out, err = run(capsys, "lenses", *argv)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and message in err
