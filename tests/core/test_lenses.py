"""Lenses: every rank is the ranking's own, and the robust and Pareto flags are true to their
definitions (property tests on random universes and random points)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from core.ingest import load_dataset
from core.lenses import (
    DEFAULT_TOP_N,
    Lens,
    compute_lenses,
    default_lenses,
    pareto_front,
    profile_lens,
)
from core.scoring import MISSING_POLICIES, PRESET_LABELS, PRESETS, Weights, composite_signals, rank
from core.session import Session
from core.signals import build_signals
from core.state import StateStore
from tests.core.test_scoring import policies, synthetic, weights


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


@pytest.fixture(scope="module")
def table(ds):
    return build_signals(ds)


def dominates(a: np.ndarray, b: np.ndarray) -> bool:
    """``a`` at least as good as ``b`` on every column and better on one (the definition)."""
    return bool(np.all(a >= b) and np.any(a > b))


def check_front(points: np.ndarray, mask: np.ndarray) -> None:
    """No row of the front is dominated by any row; every other row is dominated by a row of the
    front."""
    front = np.flatnonzero(mask)
    assert len(front) >= 1 or len(points) == 0
    for i in range(len(points)):
        if mask[i]:
            assert not any(dominates(points[j], points[i]) for j in range(len(points))), i
        else:
            assert any(dominates(points[j], points[i]) for j in front), i


# --- the Pareto front -------------------------------------------------------------------------

# small integer grids make many equal and weakly dominated points; floats make few
grid_points = hnp.arrays(
    np.float64,
    st.tuples(st.integers(0, 60), st.integers(1, 4)),
    elements=st.integers(0, 4).map(float),
)
float_points = hnp.arrays(
    np.float64,
    st.tuples(st.integers(0, 60), st.just(3)),
    elements=st.floats(0, 1, allow_nan=False, allow_infinity=False, width=32),
)


@settings(max_examples=150, deadline=None)
@given(points=st.one_of(grid_points, float_points))
def test_the_pareto_front_is_true_to_its_definition(points):
    mask = pareto_front(points)
    assert mask.dtype == bool and mask.shape == (len(points),)
    check_front(points, mask)


@settings(max_examples=30, deadline=None)
@given(points=grid_points, seed=st.integers(0, 2**32 - 1))
def test_the_pareto_front_does_not_depend_on_the_row_order(points, seed):
    perm = np.random.default_rng(seed).permutation(len(points))
    assert np.array_equal(pareto_front(points)[perm], pareto_front(points[perm]))


def test_equal_points_share_their_verdict():
    pts = np.array([[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [0.5, 0.5, 0.5], [0.5, 0.5, 0.5]])
    assert pareto_front(pts).tolist() == [True, True, False, False]


@pytest.mark.parametrize("shape", ["plane", "random"])
def test_the_front_holds_across_many_blocks(shape):
    """More rows than one block (2,048): on a plane every point is on the front (the worst case
    of the block algorithm), in a random cloud few are; both checked against brute force."""
    rng = np.random.default_rng(7)
    n = 3000
    if shape == "plane":
        xy = rng.uniform(0, 1, (n, 2))
        pts = np.column_stack([xy, 2.0 - xy.sum(axis=1)])
    else:
        pts = rng.uniform(0, 1, (n, 3)).round(2)
    mask = pareto_front(pts)
    ge = (pts[None, :, :] >= pts[:, None, :]).all(axis=2)  # ge[i, j]: row j >= row i everywhere
    gt = (pts[None, :, :] > pts[:, None, :]).any(axis=2)
    dominated = (ge & gt).any(axis=1)
    assert np.array_equal(mask, ~dominated)
    assert mask.all() if shape == "plane" else 0 < mask.sum() < n // 10


def test_pareto_front_refuses_missing_figures():
    with pytest.raises(ValueError, match="finite"):
        pareto_front(np.array([[0.1, np.nan, 0.3]]))
    assert pareto_front(np.zeros((0, 3))).shape == (0,)


# --- lenses on random universes ------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(
    ws=st.lists(weights(subs=False), min_size=1, max_size=4),
    policy=policies,
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(1, 60),
    top_n=st.integers(1, 12),
    ties=st.booleans(),
)
def test_lens_ranks_robust_and_pareto_are_true_to_their_definitions(ws, policy, seed, n, top_n, ties):
    t = synthetic(n, seed, ties=ties, universe=True)
    lenses = [Lens(f"l{i}", f"Lens {i}", w) for i, w in enumerate(ws)]
    res = compute_lenses(t, lenses, policy, top_n)
    assert res.ranks.shape == (n, len(lenses)) and res.ranks.dtype == np.int64
    for j, w in enumerate(ws):  # every rank is the ranking's own
        assert np.array_equal(res.ranks[:, j], rank(t, w, policy, stability=False).rank)
    in_band = (res.ranks >= 1) & (res.ranks <= top_n)
    assert np.array_equal(res.robust, in_band.all(axis=1))  # robust ⇔ rank ≤ top_n under every lens
    ranked = (res.ranks > 0).any(axis=1)
    pts = composite_signals(t, Weights(), policy).matrix.copy()
    pts[:, 1] = 1.0 - pts[:, 1]  # ease
    assert not res.pareto[~ranked].any()  # only ranked companies compete
    rows = np.flatnonzero(ranked)
    check_front(pts[rows], res.pareto[rows])
    for row in rows[:3]:
        assert res.ranks_of(int(row)) == {f"l{j}": int(res.ranks[row, j]) for j in range(len(ws))}


@settings(max_examples=40, deadline=None)
@given(
    w=weights(subs=False),
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(1, 60),
    policy=st.sampled_from(["zero", "neutral"]),
)
def test_weights_counting_value_ease_and_funding_rank_a_pareto_company_first(w, seed, n, policy):
    """A dominated company never scores above the one dominating it, so whatever weights prefer
    more value, easier segments and more funding, a Pareto-optimal company is ranked 1."""
    w = Weights(value=abs(w.value), difficulty=-abs(w.difficulty), funding=abs(w.funding))
    t = synthetic(n, seed, universe=True)
    res = compute_lenses(t, [Lens("w", "w", w)], policy)
    first = res.ranks[:, 0] == 1
    if first.any():
        assert (first & res.pareto).any()


def test_order_lists_the_ranked_companies_most_lenses_first(table):
    res = compute_lenses(table, default_lenses(), "zero", 5)
    order = res.order()
    assert sorted(order.tolist()) == np.flatnonzero((res.ranks > 0).any(axis=1)).tolist()
    counts = res.top_count[order]
    assert all(a >= b for a, b in zip(counts, counts[1:], strict=False))
    top = res.top_rows()
    assert set(top.tolist()) == set(np.flatnonzero(res.in_top.any(axis=1)).tolist())
    assert np.array_equal(order, compute_lenses(table, default_lenses(), "zero", 5).order())


def test_shared_marks_the_ranks_other_companies_hold_too(table):
    res = compute_lenses(table, default_lenses(), "zero")
    for j, lens in enumerate(res.lenses):
        ranking = rank(table, lens.weights, "zero", stability=False)
        assert np.array_equal(res.shared[:, j], ranking.shared)


def test_top_n_must_be_positive(table):
    with pytest.raises(ValueError, match="top_n"):
        compute_lenses(table, default_lenses(), "zero", 0)


def test_no_lenses_gives_no_robust_company(table):
    res = compute_lenses(table, [], "zero")
    assert res.ranks.shape == (len(table), 0) and not res.robust.any() and not res.pareto.any()
    assert len(res.order()) == 0


# --- the lenses offered --------------------------------------------------------------------------


def test_default_lenses_are_the_presets_then_the_profiles():
    growth = Weights(value=80, difficulty=0, funding=20)
    lenses = default_lenses({"Growth": growth, "=odd": Weights()})
    assert [lens.name for lens in lenses] == [*PRESETS, "profile:Growth", "profile:=odd"]
    assert [lens.label for lens in lenses[: len(PRESETS)]] == [PRESET_LABELS[k] for k in PRESETS]
    assert lenses[len(PRESETS)] == profile_lens("Growth", growth) and lenses[-1].is_profile
    assert all(lens.weights == PRESETS[lens.name] for lens in lenses[: len(PRESETS)])
    assert [lens.name for lens in default_lenses()] == list(PRESETS)


def test_a_presets_lens_ranks_as_the_preset(table):
    res = compute_lenses(table, default_lenses(), "exclude", DEFAULT_TOP_N)
    for j, key in enumerate(PRESETS):
        assert np.array_equal(res.ranks[:, j], rank(table, PRESETS[key], "exclude").rank)
    assert res.policy == "exclude" and res.top_n == DEFAULT_TOP_N


# --- the session's lenses ------------------------------------------------------------------------


def test_the_session_offers_saved_profiles_as_lenses(ds, tmp_path):
    growth = Weights(value=90, difficulty=-10, funding=0, traction=3)
    opened = StateStore.open(tmp_path / "state.sqlite")
    with opened.store as store:
        store.save_profile("Growth", growth)
        session = Session(ds, store=store, weights=Weights(value=10, difficulty=0, funding=10, market=1))
        names = [lens.name for lens in session.lens_list()]
        assert names == [*PRESETS, "profile:Growth"]
        job = session.lens_job(top_n=7)
        assert job.policy == session.policy and job.sub_weights == session.weights
        res = job.run()
        assert res.top_n == 7
        assert np.array_equal(res.ranks[:, -1], rank(session.signals, growth, session.policy).rank)
        # the Pareto figures use the session's sub-weights
        pts = composite_signals(session.signals, session.weights, session.policy).matrix.copy()
        pts[:, 1] = 1 - pts[:, 1]
        ranked = (res.ranks > 0).any(axis=1)
        check_front(pts[ranked], res.pareto[ranked])
        assert np.array_equal(session.lenses(7).ranks, res.ranks)


def test_a_session_without_a_store_has_the_presets_only(ds):
    session = Session(ds)
    assert [lens.name for lens in session.lens_list()] == list(PRESETS)
    assert session.memo_request(5).lenses == tuple(session.lens_list())


def test_unreadable_profiles_are_reported_and_the_presets_stay(ds, tmp_path):
    opened = StateStore.open(tmp_path / "state.sqlite")
    with opened.store as store:
        session = Session(ds, store=store)
        warnings: list[str] = []
        session.events.warning.connect(warnings.append)
        store.close()  # reading now fails
        assert [lens.name for lens in session.lens_list()] == list(PRESETS)
        assert warnings and "profiles could not be read" in warnings[0]


@pytest.mark.parametrize("policy", MISSING_POLICIES)
def test_every_policy_gives_robust_companies_inside_the_band(table, policy):
    res = compute_lenses(table, default_lenses(), policy, 20)
    for row in np.flatnonzero(res.robust):
        assert all(1 <= r <= 20 for r in res.ranks_of(int(row)).values())
