"""The analyst's facts (core.analyst): checked at the boundary, added beside the report's
records, counted in the signals, the same on the record and the columnar paths."""

from __future__ import annotations

import numpy as np
import pytest

from core.analyst import (
    AnalystFact,
    FactError,
    FactInput,
    apply_facts,
    check_fact,
    contradictions,
    facts_from_csv,
    facts_to_csv,
)
from core.ingest import dataset_key, load_dataset
from core.scoring import DEFAULT_MISSING, DEFAULT_PRESET, PRESETS, rank
from core.signals import build_signals

W = PRESETS[DEFAULT_PRESET]


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def fact(fid: int = 1, **kw) -> AnalystFact:
    base = dict(company_id="fancytech", kind="funding", round="D轮", amount="50亿美元", date="2025-06")
    base.update(kw)
    return AnalystFact(id=fid, entered_at="2026-01-01T00:00:00+00:00", source="https://example.com/a", **base)


def order(data) -> list[str]:
    t = build_signals(data)
    r = rank(t, W, DEFAULT_MISSING)
    return [str(t.ids[i]) for i in r.order if r.included[i]]


def test_a_funding_fact_moves_a_company_up_and_off_gives_the_report_back(ds) -> None:
    before = order(ds)
    withfact = apply_facts(ds, [fact()])
    after = order(withfact)
    assert after.index("fancytech") < before.index("fancytech")
    assert (before.index("fancytech"), after.index("fancytech")) == (22, 7)
    assert dataset_key(withfact) == dataset_key(ds) and withfact.content_hash == ds.content_hash
    event = withfact.funding_of("fancytech")[-1]
    assert event.analyst is not None and event.analyst.id == 1 and event.quote == "https://example.com/a"
    assert all(e.analyst is None for e in ds.funding)  # the report's records are untouched
    assert order(apply_facts(ds, [])) == before
    assert apply_facts(ds, []) is ds


def test_a_retired_fact_counts_no_more(ds) -> None:
    retired = fact(retired_at="2026-02-01T00:00:00+00:00")
    assert not retired.active
    assert apply_facts(ds, [retired]) is ds


def test_a_client_fact_adds_traction(ds) -> None:
    f = fact(kind="client", round="", amount="", date="", text="won 招商银行 as a client (pilot)")
    t0, t1 = build_signals(ds), build_signals(apply_facts(ds, [f]))
    row0, row1 = t0.row_of["fancytech"], t1.row_of["fancytech"]
    assert t1.raw["traction"][row1] == t0.raw["traction"][row0] + 1
    added = [x for x in apply_facts(ds, [f]).facts_of("fancytech") if x.analyst is not None]
    assert added and added[0].value.startswith("won 招商银行")


@pytest.mark.parametrize(
    ("kw", "field", "words"),
    [
        (dict(amount="abc"), "amount", "cannot read 'abc'"),
        (dict(amount="50亿"), "amount", "names no currency"),
        (dict(amount="", round=""), "amount", "needs its amount or its round"),
        (dict(date="2024-13"), "date", "month out of range"),
        (dict(source=""), "source", "required"),
        (dict(source="\u202e\u200b"), "source", "invisible"),
        (dict(source="x" * 3000), "source", "at most 2000"),
        (dict(kind="rumour"), "kind", "choose one of"),
        (dict(company_id="a b"), "company_id", "main.py rank --format json"),
    ],
)
def test_a_bad_fact_is_refused_naming_the_field(kw, field, words) -> None:
    data = dict(company_id="fancytech", kind="funding", round="B轮", amount="5亿元", source="s")
    data.update(kw)
    with pytest.raises(FactError) as info:
        FactInput(**data)
    assert info.value.field == field and words in str(info.value)
    assert str(info.value).startswith(f"{field}: ")


def test_an_unknown_company_is_refused_with_how_to_find_ids(ds) -> None:
    inp = FactInput(company_id="nosuch", kind="funding", amount="5亿元", source="s")
    with pytest.raises(FactError) as info:
        check_fact(inp, ds)
    assert "nosuch" in str(info.value) and "rank --format json" in str(info.value)
    assert check_fact(FactInput(company_id="fancytech", kind="funding", amount="5亿元", source="s"), ds)


def test_hostile_text_is_cleaned_and_formulas_stay_text(tmp_path) -> None:
    f = FactInput(
        company_id="fancytech",
        kind="outcome",
        text='=HYPERLINK("http://x")\u202e evil',
        source="+cmd|' /C calc'!A0",
        investors=(),
    )
    assert "\u202e" not in f.text and f.text.startswith("=HYPERLINK")
    path = facts_to_csv([f], tmp_path / "f.csv") and tmp_path / "f.csv"
    raw = path.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in raw and "'+cmd" in raw  # a spreadsheet shows them as text
    (back,) = facts_from_csv(path)
    assert back.text == f.text and back.source == f.source


def test_csv_round_trip_keeps_every_field_and_leaves_retired_rows_out(tmp_path) -> None:
    facts = [
        fact(1, investors=("红杉", "IDG")),
        fact(2, kind="valuation", round="", amount="", valuation="200亿元"),
        fact(3, kind="client", round="", amount="", date="", text="a client\nsecond line"),
        fact(4, retired_at="2026-03-01T00:00:00+00:00"),
    ]
    path = tmp_path / "facts.csv"
    assert facts_to_csv(facts, path) == 4
    back = facts_from_csv(path)
    assert back == [f.as_input() for f in facts[:3]]


def test_a_bad_csv_row_names_file_row_and_column(tmp_path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("company_id,kind,amount,source\nfancytech,funding,5亿元,s\nfancytech,funding,lots,s\n")
    with pytest.raises(FactError) as info:
        facts_from_csv(path)
    assert str(info.value).startswith("in.csv, row 3, column amount: cannot read 'lots'")
    (tmp_path / "h.csv").write_text("company,kind\n")
    with pytest.raises(FactError, match="h.csv, header: missing column company_id, source"):
        facts_from_csv(tmp_path / "h.csv")


def test_a_fact_contradicting_the_report_is_told_beside_it(ds) -> None:
    # the report: FancyTech B轮 近亿元 (2023-09)
    f = fact(5, round="B轮", amount="5亿元", date="2023-09")
    lines = contradictions(apply_facts(ds, [f]), [f])
    assert lines == {5: ["the report says B轮 近亿元 (2023-09)"]}
    same = fact(6, round="B轮", amount="1亿元", date="2023")
    assert contradictions(ds, [same]) == {}


def test_apply_facts_on_a_columnar_dataset_equals_the_record_path(tmp_path) -> None:
    from bench.generate import write

    path = write(tmp_path / "u.csv", 300)
    rows_ds = load_dataset(path, columnar_min_bytes=10**12)
    cols_ds = load_dataset(path, columnar_min_bytes=0)
    assert rows_ds.columns is None and cols_ds.columns is not None
    ids = [c.id for c in rows_ds.companies]
    facts = [
        fact(1, company_id=ids[3]),
        fact(2, company_id=ids[10], kind="valuation", round="", amount="", valuation="3亿美元", date="2024"),
        fact(3, company_id=ids[20], round="C轮", amount="数千万元", date="2023-05"),
        fact(4, company_id=ids[20], kind="client", round="", amount="", date="", text="a bank"),
        fact(5, company_id=ids[30], retired_at="2026-01-01"),
    ]
    # a funding fact restating a round the file has: counts instead of it, on both paths
    restated = next(c for c in ids[40:] if any(f.round_norm for f in rows_ds.funding_of(c)))
    round_ = next(f for f in rows_ds.funding_of(restated) if f.round_norm)
    facts.append(fact(6, company_id=restated, round=round_.round, amount="7亿美元", date=round_.date or ""))
    a, b = apply_facts(rows_ds, facts), apply_facts(cols_ds, facts)
    assert b.columns is not None
    for cid in (ids[3], ids[10], ids[20], ids[30], restated):
        assert a.funding_of(cid) == b.funding_of(cid)
    assert [f.superseded_by for f in a.funding_of(restated) if f.id == round_.id] == [6]
    for universe in ("providers", "all"):
        ta, tb = build_signals(a, universe=universe), build_signals(b, universe=universe)
        order_b = [tb.row_of[str(i)] for i in ta.ids]
        for k in ("capital", "valuation", "recency", "stage", "traction", "market"):
            np.testing.assert_array_equal(ta.raw[k], np.asarray(tb.raw[k])[order_b], err_msg=k)
        np.testing.assert_array_equal(ta.funding_total_usd, np.asarray(tb.funding_total_usd)[order_b])
        np.testing.assert_array_equal(ta.in_universe, np.asarray(tb.in_universe)[order_b])
    tb0 = build_signals(cols_ds)
    row = tb0.row_of[ids[3]]
    assert build_signals(b).raw["capital"][row] != tb0.raw["capital"][row]


def test_a_fact_restating_a_report_round_counts_instead_of_it_not_beside_it(ds) -> None:
    """Augment's B轮 is 2.52亿美元 in the report; your B轮 of 3亿美元 (2024) is the same round:
    its capital is $300M, not $552M, the report's round is kept and marked, and with facts off
    the report's $252M is back."""
    from core.results import company_out

    restated = fact(company_id="augment", round="B轮", amount="3亿美元", date="2024")
    applied = apply_facts(ds, [restated])
    t = build_signals(applied)
    row = t.row_of["augment"]
    assert t.funding_total_usd[row] == pytest.approx(300e6)
    report_round = next(f for f in applied.funding_of("augment") if f.analyst is None and f.round == "B轮")
    assert report_round.superseded_by == 1 and report_round.amount_text == "2.52亿美元"
    out = company_out(applied, rank(t, W, DEFAULT_MISSING), row)
    assert [r.superseded_by for r in out.rounds if r.analyst is None and r.round == "B轮"] == [1]
    base = build_signals(ds)
    assert base.funding_total_usd[base.row_of["augment"]] == pytest.approx(252e6)
