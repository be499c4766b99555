"""Sensitivity: a company's rank as one weight sweeps is the rank a direct re-rank gives, and
the same every time."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.ingest import load_dataset
from core.scoring import PRESETS, SIGNALS, Weights, rank
from core.sensitivity import SWEEP_STEPS, rank_of_row, sensitivity, sweep_values
from core.session import Session
from core.signals import build_signals
from tests.core.test_scoring import policies, synthetic, weights


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


@pytest.fixture(scope="module")
def table(ds):
    return build_signals(ds)


def direct_rank(t, w: Weights, policy, row: int, signal: str, value: float) -> int:
    """The company's rank from a full ranking with one weight set to ``value``."""
    return int(rank(t, w.model_copy(update={signal: float(value)}), policy, stability=False).rank[row])


def test_the_sweep_runs_from_minus_100_to_100_in_steps_of_10():
    assert SWEEP_STEPS == 21
    assert sweep_values().tolist() == [float(v) for v in range(-100, 101, 10)]
    assert sweep_values(3).tolist() == [-100.0, 0.0, 100.0]
    with pytest.raises(ValueError):
        sweep_values(1)


@settings(max_examples=40, deadline=None)
@given(
    w=weights(),
    policy=policies,
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(1, 40),
    pick=st.integers(0, 10**6),
    ties=st.booleans(),
)
def test_every_point_of_a_sweep_is_a_direct_re_rank(w, policy, seed, n, pick, ties):
    t = synthetic(n, seed, ties=ties, universe=True)
    row = pick % n
    sweeps = sensitivity(t, w, policy, row, steps=5)
    assert list(sweeps) == list(SIGNALS)
    for signal, sw in sweeps.items():
        assert sw.signal == signal and sw.current == getattr(w, signal)
        assert sw.weights.tolist() == [-100.0, -50.0, 0.0, 50.0, 100.0]
        assert sw.ranks.dtype == np.int64
        direct = [direct_rank(t, w, policy, row, signal, v) for v in sw.weights]
        assert sw.ranks.tolist() == direct, signal
    assert rank_of_row(t, w, policy, row) == int(rank(t, w, policy, stability=False).rank[row])


@pytest.mark.parametrize("preset", list(PRESETS))
@pytest.mark.parametrize("policy", ["zero", "exclude"])
def test_the_end_points_on_the_report_equal_a_direct_re_rank(table, preset, policy):
    w = PRESETS[preset]
    ranking = rank(table, w, policy, stability=False)
    for row in ranking.order[:: max(1, len(ranking.order) // 8)]:
        sweeps = sensitivity(table, w, policy, int(row))
        for signal, sw in sweeps.items():
            assert len(sw.weights) == SWEEP_STEPS
            for k in (0, SWEEP_STEPS - 1):
                assert sw.ranks[k] == direct_rank(table, w, policy, int(row), signal, sw.weights[k])
            # at the current weight (a multiple of 10 in every preset) it is the ranking's rank
            at = int(np.flatnonzero(sw.weights == sw.current)[0])
            assert sw.ranks[at] == ranking.rank[row]


def test_the_sweep_is_deterministic(ds, table):
    w = Weights(value=37, difficulty=-12, funding=55, traction=2)
    row = int(rank(table, w, "neutral").order[3])
    first = sensitivity(table, w, "neutral", row)
    again = sensitivity(table, w, "neutral", row)
    fresh = sensitivity(build_signals(ds), w, "neutral", row)  # a new table: no cache shared
    for signal in SIGNALS:
        for other in (again, fresh):
            assert np.array_equal(first[signal].ranks, other[signal].ranks)
            assert np.array_equal(first[signal].weights, other[signal].weights)


def test_a_company_outside_the_universe_is_never_ranked(ds, table):
    outside = int(np.flatnonzero(~table.in_universe)[0])
    for sw in sensitivity(table, PRESETS["balanced"], "zero", outside).values():
        assert not sw.ranks.any() and sw.best() == 0 and sw.worst() == 0 and not sw.in_top.any()


def test_under_exclude_a_company_without_funding_is_ranked_only_where_funding_does_not_weigh(table):
    w = Weights(value=50, difficulty=-50, funding=50)
    ranking = rank(table, w, "zero", stability=False)
    no_funding = int(next(r for r in ranking.order if ranking.missing[r, 2]))
    sw = sensitivity(table, w, "exclude", no_funding)["funding"]
    assert (sw.ranks > 0).tolist() == (sw.weights == 0).tolist()


def test_best_worst_and_the_top_band(table):
    w = PRESETS["balanced"]
    row = int(rank(table, w).order[0])
    sw = sensitivity(table, w, "zero", row, top_n=3)["difficulty"]
    assert sw.top_n == 3 and sw.best() == int(sw.ranks[sw.ranks > 0].min())
    assert sw.worst() == int(sw.ranks.max())
    assert sw.in_top.tolist() == [1 <= r <= 3 for r in sw.ranks]


def test_a_row_outside_the_table_is_refused(table):
    with pytest.raises(IndexError):
        sensitivity(table, Weights(), "zero", len(table))


def test_the_session_sweeps_with_its_weights_and_policy(ds):
    session = Session(ds, weights=PRESETS["moat"], policy="neutral")
    cid = session.shown_ids(1)[0]
    job = session.sensitivity_job(cid, top_n=5)
    assert job is not None and job.weights == session.weights and job.policy == "neutral"
    sweeps = job.run()
    row = session.signals.row_of[cid]
    for signal, sw in sweeps.items():
        assert sw.top_n == 5
        assert (
            sw.ranks.tolist()
            == sensitivity(session.signals, PRESETS["moat"], "neutral", row)[signal].ranks.tolist()
        )
    assert session.sensitivity_job("no-such-company") is None
    with pytest.raises(KeyError):
        session.sensitivity("no-such-company")
    assert session.sensitivity(cid)["value"].ranks.tolist() == sweeps["value"].ranks.tolist()
