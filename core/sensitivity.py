"""Sensitivity: how a company's rank moves as one weight sweeps, the others fixed.

For each of the three signed weights (value, difficulty, funding) the weight takes
:data:`SWEEP_STEPS` evenly spaced values from -100 to 100 (-100, -90, ..., 100 by default), the
other two weights and every sub-weight staying as they are, and the company's shared rank is
read at each: exactly the rank :func:`core.scoring.rank` gives for those weights (1 + the
number of ranked companies scoring strictly higher at the display resolution; 0 = not ranked,
e.g. left out by the ``exclude`` policy once a signal it has no figure for weighs).

The composite signals are prepared once (they do not depend on the top-level weights); each
step is then one matrix-vector product and one count, so a sweep is cheap even for a large
universe (63 products for the three sweeps).  Nothing here imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.scoring import (
    SIGNALS,
    STABILITY_TOP_K,
    MissingPolicy,
    Weights,
    composite_signals,
    score_of,
    tie_key,
)
from core.signals import SignalTable

#: How many weights each sweep takes, from -100 to 100 (21: a step of 10).
SWEEP_STEPS = 21
SWEEP_MIN = -100.0
SWEEP_MAX = 100.0


@dataclass(frozen=True)
class Sweep:
    """One weight swept: ``weights`` the values it takes (ascending), ``ranks`` the company's
    shared rank at each (int64, 0 = not ranked), ``current`` the weight's value now, ``top_n``
    the band a view marks (ranks 1..top_n)."""

    signal: str
    weights: np.ndarray
    ranks: np.ndarray
    current: float
    top_n: int

    @property
    def in_top(self) -> np.ndarray:
        """At each swept weight: the company is in the top N."""
        return (self.ranks > 0) & (self.ranks <= self.top_n)

    def best(self) -> int:
        """The best rank over the sweep (0 when never ranked)."""
        ranked = self.ranks[self.ranks > 0]
        return int(ranked.min()) if len(ranked) else 0

    def worst(self) -> int:
        """The worst rank over the sweep among the weights where it is ranked (0 when never)."""
        ranked = self.ranks[self.ranks > 0]
        return int(ranked.max()) if len(ranked) else 0


def sweep_values(steps: int = SWEEP_STEPS) -> np.ndarray:
    """The weights a sweep takes: ``steps`` evenly spaced values from -100 to 100."""
    if steps < 2:
        raise ValueError(f"a sweep needs at least 2 steps (got {steps})")
    return np.linspace(SWEEP_MIN, SWEEP_MAX, steps)


def rank_of_row(
    table: SignalTable, weights: Weights, policy: MissingPolicy, row: int, *, prepared=None
) -> int:
    """The shared rank one company gets under these weights (0 = not ranked), without ordering
    everyone: 1 + the number of ranked companies whose score reads higher."""
    prepared = prepared or composite_signals(table, weights, policy)
    return _rank_at(table, prepared, weights.vector(), policy, row)


def _included(table: SignalTable, prepared, w: np.ndarray, policy: MissingPolicy) -> np.ndarray:
    included = table.in_universe
    if policy == "exclude":
        included = included & ~(prepared.missing & (w != 0)).any(axis=1)
    return included


def _rank_at(table: SignalTable, prepared, w: np.ndarray, policy: MissingPolicy, row: int) -> int:
    included = _included(table, prepared, w, policy)
    if not included[row]:
        return 0
    keys = tie_key(score_of(prepared.matrix, w))
    return int(np.count_nonzero(included & (keys > keys[row]))) + 1


def sensitivity(
    table: SignalTable,
    weights: Weights,
    policy: MissingPolicy,
    row: int,
    steps: int = SWEEP_STEPS,
    *,
    top_n: int = STABILITY_TOP_K,
) -> dict[str, Sweep]:
    """The company's rank as each weight sweeps -100..100 with the others fixed, keyed
    ``value``, ``difficulty``, ``funding`` (:data:`core.scoring.SIGNALS` order)."""
    n = len(table)
    if not 0 <= row < n:
        raise IndexError(f"row {row} is not in the table ({n} rows)")
    values = sweep_values(steps)
    prepared = composite_signals(table, weights, policy)
    base = weights.vector()
    out: dict[str, Sweep] = {}
    for i, signal in enumerate(SIGNALS):
        ranks = np.zeros(len(values), dtype=np.int64)
        for k, v in enumerate(values):
            w = base.copy()
            w[i] = v
            ranks[k] = _rank_at(table, prepared, w, policy, row)
        out[signal] = Sweep(
            signal=signal, weights=values.copy(), ranks=ranks, current=float(base[i]), top_n=int(top_n)
        )
    return out
