"""Scoring: the properties any ranking must have, and orders a reader of the report expects."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import present
from core.ingest import load_dataset
from core.scoring import MISSING_POLICIES, PRESETS, SUB_WEIGHTS, Weights, composite_signals, rank
from core.signals import BASE_SIGNALS, SignalTable, build_signals


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


@pytest.fixture(scope="module")
def table(ds):
    return build_signals(ds)


def ordered_ids(r) -> list[str]:
    return [str(r.table.ids[i]) for i in r.order]


weight = st.floats(min_value=-100, max_value=100, allow_nan=False).map(lambda x: round(x, 3))
sub = st.floats(min_value=0, max_value=100, allow_nan=False).map(lambda x: round(x, 3))
policies = st.sampled_from(MISSING_POLICIES)


@st.composite
def weights(draw, subs: bool = True) -> Weights:
    kw = {k: draw(weight) for k in ("value", "difficulty", "funding")}
    if subs:
        kw.update({k: draw(sub) for k in SUB_WEIGHTS})
    return Weights(**kw)


def synthetic(n: int, seed: int, ties: bool = False, universe: bool = False) -> SignalTable:
    """A random universe (some figures missing); with ``ties`` many companies share signals;
    with ``universe`` about a third of the companies are outside the universe."""
    rng = np.random.default_rng(seed)
    raw = {}
    for k in BASE_SIGNALS:
        col = rng.integers(1, 4, n).astype(float) if ties else rng.uniform(1, 5, n)
        if k in ("capital", "valuation"):
            col = 10 ** (col + 5)
        if k == "traction":
            col = rng.integers(0, 4, n).astype(float)  # a count of sentences, never missing
        elif k not in ("market", "logic", "compute", "corpus"):
            col[rng.random(n) < 0.4] = np.nan
        raw[k] = col
    ids = np.array([f"c{i:05d}" for i in range(n)], dtype=object)
    names = np.array([f"Co {rng.integers(0, n)}" for _ in range(n)], dtype=object)
    return SignalTable.from_columns(
        ids,
        names,
        raw,
        raw["capital"],
        np.zeros(n, bool),
        raw["valuation"],
        7.2,
        np.array(["CN"] * n, dtype=object),
        ("S1",),
        np.ones((n, 1), dtype=bool),
        np.zeros((n, 6), dtype=bool),
        names,
        in_universe=rng.random(n) < 0.65 if universe else None,
        evidence=rng.integers(0, 3, n).astype(float),
    )


def tie_order_key(t: SignalTable, i: int) -> tuple:
    """The documented order inside a tie: more quoted sentences, larger capital, name, id."""
    capital = t.funding_total_usd[i]
    return (
        -t.evidence[i],
        -(capital if np.isfinite(capital) else -1.0),
        str(t.names[i]).casefold(),
        str(t.ids[i]),
    )


# --- properties -------------------------------------------------------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(w=weights(), policy=policies, perm_seed=st.integers(0, 2**32 - 1))
def test_shuffling_the_input_leaves_the_ranking_unchanged(ds, w, policy, perm_seed):
    perm = np.random.default_rng(perm_seed).permutation(len(ds.companies))
    shuffled = dataclasses.replace(ds, companies=tuple(ds.companies[i] for i in perm))
    a = rank(build_signals(ds), w, policy)
    b = rank(build_signals(shuffled), w, policy)
    assert ordered_ids(a) == ordered_ids(b)
    np.testing.assert_allclose(np.sort(a.score), np.sort(b.score))


@settings(max_examples=60, deadline=None)
@given(w=weights(), factor=st.floats(0.01, 1.0), policy=policies, seed=st.integers(0, 50))
def test_scaling_all_weights_leaves_the_ranking_unchanged(w, factor, policy, seed):
    t = synthetic(60, seed)
    scaled = w.model_copy(update={k: getattr(w, k) * factor for k in ("value", "difficulty", "funding")})
    a, b = rank(t, w, policy, stability=False), rank(t, scaled, policy, stability=False)
    assert ordered_ids(a) == ordered_ids(b)
    np.testing.assert_allclose(a.score, b.score, atol=1e-6)


@settings(max_examples=60, deadline=None)
@given(
    w=weights(), which=st.integers(0, 2), step=st.floats(0.1, 100), policy=policies, seed=st.integers(0, 50)
)
def test_raising_a_weight_never_lowers_the_score_of_the_strict_maximum(w, which, step, policy, seed):
    t = synthetic(40, seed)
    name = ("value", "difficulty", "funding")[which]
    col = composite_signals(t, w, policy).matrix[:, which]
    best = int(np.argmax(col))
    if np.sum(col == col[best]) > 1:
        return  # no strict maximum on this signal
    raised = w.model_copy(update={name: min(100.0, getattr(w, name) + step)})
    before = rank(t, w, policy, stability=False).score[best]
    after = rank(t, raised, policy, stability=False).score[best]
    assert after >= before - 1e-9


@settings(max_examples=60, deadline=None)
@given(w=weights(), policy=policies, seed=st.integers(0, 50))
def test_no_nan_for_any_weights(w, policy, seed):
    for t in (synthetic(30, seed), synthetic(30, seed, ties=True)):
        for ws in (w, Weights(value=0, difficulty=0, funding=0)):
            r = rank(t, ws, policy, draws=50)
            for arr in (r.score, r.contributions, r.signals, r.stability):
                assert np.isfinite(arr).all()
            assert ((r.score >= -1e-9) & (r.score <= 100 + 1e-9)).all()
            np.testing.assert_allclose(r.contributions.sum(axis=1), r.score, atol=1e-9)


@settings(max_examples=30, deadline=None)
@given(w=weights(), policy=policies, seed=st.integers(0, 50))
def test_ties_always_in_the_same_order(w, policy, seed):
    t = synthetic(80, seed, ties=True)
    r = rank(t, w, policy, stability=False)
    ids = ordered_ids(r)
    assert ids == ordered_ids(rank(t, w, policy, stability=False))
    # by the score as it reads, then the documented order inside a tie
    keys = [(-float(present.score_text(r.score[i])), *tie_order_key(t, i)) for i in r.order]
    assert keys == sorted(keys)
    # equal companies have equal stability, whatever their names
    full = rank(t, w, policy, draws=100)
    for i in full.order:
        same = np.flatnonzero(np.all(full.signals == full.signals[i], axis=1) & full.included)
        assert np.all(full.stability[same] == full.stability[i])


def test_all_zero_weights_are_defined(table):
    r = rank(table, Weights(value=0, difficulty=0, funding=0))
    assert r.all_zero
    assert (r.score == 0).all()
    # one tie: every company of the universe shares rank 1, listed in the order inside a tie
    inside = table.in_universe
    assert (r.rank[inside] == 1).all() and r.shared[inside].all() and (r.rank[~inside] == 0).all()
    keys = [tie_order_key(table, i) for i in r.order]
    assert keys == sorted(keys) and len(keys) == inside.sum()
    assert list(r.position[r.order]) == list(range(1, len(r.order) + 1))


def test_missing_policy_changes_what_undisclosed_counts_as(table):
    w = Weights(value=0, difficulty=0, funding=100)
    inside = table.in_universe
    undisclosed = ~np.isfinite(table.funding_total_usd) & ~np.isfinite(table.latest_valuation_usd)
    undisclosed &= ~np.isfinite(table.raw["stage"]) & ~np.isfinite(table.raw["recency"])
    undisclosed &= inside
    assert undisclosed.sum() > 20
    zero = rank(table, w, "zero")
    neutral = rank(table, w, "neutral")
    excl = rank(table, w, "exclude")
    assert (zero.score[undisclosed] == 0).all()
    assert np.allclose(neutral.score[undisclosed], 50)
    assert (excl.rank[undisclosed] == 0).all() and (excl.rank[inside & ~undisclosed] > 0).all()
    assert len(excl.order) == (inside & ~undisclosed).sum()
    # with the funding weight at zero, nobody of the universe is excluded for lacking funding figures
    value_only = rank(table, Weights(value=100, difficulty=0, funding=0), "exclude")
    assert (value_only.rank[inside] > 0).all() and (value_only.rank[~inside] == 0).all()


def test_stability_is_seeded_and_bounded(table):
    w = PRESETS["balanced"]
    a = rank(table, w)
    b = rank(table, w)
    np.testing.assert_array_equal(a.stability, b.stability)
    assert ((a.stability >= 0) & (a.stability <= 1)).all()
    top = a.order[:3]
    assert (a.stability[top] >= 0.5).all()
    assert a.stability[a.order[-1]] == 0


# --- orders a reader of the report expects ------------------------------------------------


def _only_in(ds, table, market_stars: int) -> list[int]:
    segs = ds.segment_by_ref
    return [
        i
        for i, refs in enumerate(table.segments_of(r) for r in range(len(table)))
        if refs and all(segs[r].market == market_stars for r in refs)
    ]


def test_value_alone_puts_five_star_markets_above_three_star(ds, table):
    r = rank(table, Weights(value=100, difficulty=0, funding=0))
    five, three = _only_in(ds, table, 5), _only_in(ds, table, 3)
    assert five and three
    assert r.rank[five].max() < r.rank[three].min()


def test_prefer_easy_puts_easy_segments_above_hard_ones(ds, table):
    r = rank(table, Weights(value=0, difficulty=-100, funding=0))
    row = table.row_of
    only = {
        ref: [i for i in range(len(table)) if table.segments_of(i) == (ref,)] for ref in ("1.1.2", "1.4.1")
    }
    # 1.1.2 is rated 3/3/5 for difficulty, 1.4.1 5/4/5
    assert r.rank[only["1.1.2"]].max() < r.rank[only["1.4.1"]].min()
    moat = rank(table, Weights(value=0, difficulty=100, funding=0))
    assert moat.rank[row["shuimu"]] < moat.rank[row["augment"]]


def test_follow_the_money_ranks_funded_companies_first(ds, table):
    r = rank(table, Weights(value=0, difficulty=0, funding=100))
    row = table.row_of
    assert r.rank[row["augment"]] < r.rank[row["aixcoder"]]
    assert r.rank[row["baichuan"]] < r.rank[row["kuaizi"]]
    funded = np.isfinite(table.funding_total_usd) & table.in_universe
    unfunded = ~np.isfinite(table.funding_total_usd) & ~np.isfinite(table.raw["stage"]) & table.in_universe
    assert unfunded.any()
    assert r.rank[funded].max() < r.rank[unfunded].min()
    assert r.position[funded].max() < r.position[unfunded].min()


def test_capital_counts_a_cumulative_total_once(table):
    row = table.row_of
    # Abridge: total 2.12亿美元 includes its 1.5亿美元 C round
    assert table.funding_total_usd[row["abridge"]] == pytest.approx(2.12e8)
    # Replit: one round of 9740万美元, exact
    assert table.funding_total_usd[row["replit"]] == pytest.approx(9.74e7)
    assert not table.funding_approx[row["replit"]]
    # 硅心科技: 数千万元人民币 -> 5000万 / 7.2, approximate
    assert table.funding_total_usd[row["aixcoder"]] == pytest.approx(5e7 / 7.2)
    assert table.funding_approx[row["aixcoder"]]
    # a different exchange rate changes conversions only
    other = build_signals(load_dataset(), fx_cny_per_usd=6.0)
    assert other.funding_total_usd[other.row_of["aixcoder"]] == pytest.approx(5e7 / 6.0)
    assert other.funding_total_usd[other.row_of["replit"]] == pytest.approx(9.74e7)


def test_exclude_never_rewards_disclosing_less(table):
    r = rank(table, Weights(value=0, difficulty=0, funding=100), "exclude")
    row = table.row_of
    # 杭州全诊医学 discloses a dated C round but no amount: it must not outrank companies with figures
    assert r.rank[row["quanzhen"]] > r.rank[row["augment"]]
    assert r.rank[row["quanzhen"]] > r.rank[row["baichuan"]]
    assert r.rank[row["quanzhen"]] > 0  # it has a figure (its round), so it is ranked


def test_stability_sums_to_k_and_ties_share_the_places(table):
    base = rank(table, PRESETS["balanced"], stability=False)
    # a top k whose boundary cuts a tie of companies with the same signals (any weights tie them)
    same = [
        np.array_equal(base.signals[a], base.signals[b])
        for a, b in zip(base.order, base.order[1:], strict=False)
    ]
    k = same.index(True) + 1
    r = rank(table, PRESETS["balanced"], top_k=k)
    assert r.stability.sum() == pytest.approx(r.top_k)
    tied = [i for i in r.tie_group(r.order[k - 1]) if np.array_equal(r.signals[i], r.signals[r.order[k - 1]])]
    assert len(tied) > 1 and len({round(float(r.stability[i]), 12) for i in tied}) == 1
    assert r.stability[tied[0]] < 1
    assert r.tie_note(k) is not None
    zero = rank(table, Weights(value=0, difficulty=0, funding=0))
    inside = table.in_universe
    assert np.allclose(zero.stability[inside], zero.top_k / inside.sum())
    assert (zero.stability[~inside] == 0).all()


def test_neutral_counts_a_missing_figure_as_half(table):
    w = Weights(value=0, difficulty=0, funding=100)
    r = rank(table, w, "neutral")
    none = (
        ~np.isfinite(table.funding_total_usd)
        & ~np.isfinite(table.raw["stage"])
        & ~np.isfinite(table.raw["recency"])
    )
    none &= ~np.isfinite(table.latest_valuation_usd)
    assert np.allclose(r.signals[none, 2], 0.5)
    assert r.signals[:, 2].max() == pytest.approx(1.0)
