"""Scoring: weights over prepared signals, a ranking, and how stable it is.

Semantics every view and export shares (see also :mod:`core.signals`):

* Three signed weights, value, difficulty and funding, each in -100..100.  A positive weight
  prefers more of a signal; a negative one prefers less (a negative difficulty weight means
  "prefer easier segments", a positive one "difficulty is a moat").
* ``raw = sum(w_i * s_i) / sum(|w_i|)`` over the composite signals s_i in 0..1.  The reported
  score is ``100 * (raw + N)`` with ``N = sum(|w_i| for w_i < 0) / sum(|w_i|)``, which is the
  same as scoring a negatively weighted signal as ``1 - s_i``: the score is 0..100 for any
  weights, and the order is the order of ``raw``.
* Contribution of signal i to the score (points; they add up to the score):
  ``100 * |w_i| * (s_i if w_i >= 0 else 1 - s_i) / sum(|w_i|)``.
* All weights zero: every score is 0, every contribution 0, and the order is by name.
* Sub-weights (>= 0) mix the difficulty sub-signals (logic, compute, corpus) and the funding
  sub-signals (capital, valuation, recency, stage); by default equal.  All-zero sub-weights
  fall back to equal ones.
* Missing data policy, for a figure a company does not have:
  ``zero`` - it counts as 0 (the default: nothing disclosed, no credit);
  ``neutral`` - it counts as 0.5;
  ``exclude`` - a company with no figure at all for a signal whose weight is not zero is left
  out of the ranking; within funding, a missing sub-signal of a company that has others counts
  as zero (nobody scores better for disclosing less).
  With a negative weight, a figure counted as zero earns that signal's full credit (zero
  funding is the least funding); choose neutral or exclude if that is not what is meant.
* Ties: scores are compared rounded to 1e-6 points, then by name (case-folded), then by id.
* Rank stability: the share of random weight perturbations (each weight times a factor drawn
  uniformly from [0.8, 1.2], 500 draws, seed 0) in which the company stays in the top k (10).
  Companies tied with the k-th score share the places left (three tied for two places get 2/3
  each), so equal companies get equal stability whatever their names.  With all weights zero
  every company is tied: stability is then k/n for all and the views show it as "—".
  Sub-weights are not perturbed.  With more than
  ``STABILITY_FULL_LIMIT`` ranked companies it is computed for the best
  ``STABILITY_CANDIDATES`` by base score (others are NaN: not computed).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from core.signals import FUNDING_SIGNALS, SignalTable, minmax

MissingPolicy = Literal["zero", "neutral", "exclude"]
MISSING_POLICIES: tuple[MissingPolicy, ...] = ("zero", "neutral", "exclude")
DEFAULT_MISSING: MissingPolicy = "zero"
SIGNALS = ("value", "difficulty", "funding")
DIFFICULTY_SUBS = ("logic", "compute", "corpus")
FUNDING_SUBS = FUNDING_SIGNALS

STABILITY_DRAWS = 500
STABILITY_SPREAD = 0.2  # each weight times a factor drawn uniformly from [1 - spread, 1 + spread]
STABILITY_TOP_K = 10
STABILITY_SEED = 0
STABILITY_FULL_LIMIT = 2_000
STABILITY_CANDIDATES = 2_000

Weight = Annotated[float, Field(ge=-100, le=100, allow_inf_nan=False)]
SubWeight = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]


class Weights(BaseModel):
    """The investor's weights: three signed top-level weights and non-negative sub-weights."""

    model_config = ConfigDict(frozen=True)

    value: Weight = 50
    difficulty: Weight = -50
    funding: Weight = 50
    logic: SubWeight = 1
    compute: SubWeight = 1
    corpus: SubWeight = 1
    capital: SubWeight = 1
    valuation: SubWeight = 1
    recency: SubWeight = 1
    stage: SubWeight = 1

    def vector(self) -> np.ndarray:
        return np.array([self.value, self.difficulty, self.funding], dtype=np.float64)

    def sub_key(self) -> tuple[float, ...]:
        return tuple(getattr(self, k) for k in DIFFICULTY_SUBS + FUNDING_SUBS)


PRESETS: dict[str, Weights] = {
    "balanced": Weights(value=50, difficulty=-50, funding=50),
    "market_first": Weights(value=100, difficulty=-20, funding=20),
    "easy_landing": Weights(value=30, difficulty=-100, funding=20),
    "follow_the_money": Weights(value=20, difficulty=0, funding=100),
    "moat": Weights(value=40, difficulty=80, funding=30),
}
PRESET_LABELS: dict[str, str] = {
    "balanced": "Balanced",
    "market_first": "Market first",
    "easy_landing": "Easy landing",
    "follow_the_money": "Follow the money",
    "moat": "Difficulty as a moat",
}
DEFAULT_PRESET = "balanced"


@dataclass(frozen=True)
class Prepared:
    """Composite signals of every company for one policy and one set of sub-weights.

    ``matrix`` is n x 3 (value, difficulty, funding) with missing figures already filled per
    the policy; ``missing`` marks the (company, signal) pairs with no figure at all.
    """

    matrix: np.ndarray
    missing: np.ndarray
    policy: MissingPolicy


def _weighted_mean(
    cols: list[np.ndarray], weights: list[float], skip_nan: bool, fill: float
) -> tuple[np.ndarray, np.ndarray]:
    """Sub-weighted mean of columns, and whether each row has any figure that weighs.

    Missing figures count as ``fill``, or with ``skip_nan`` are left out of the mean.
    All-zero sub-weights count as equal ones.
    """
    w = np.asarray(weights, dtype=np.float64)
    if w.sum() <= 0:
        w = np.ones_like(w)
    stack = np.column_stack(cols)
    present = np.isfinite(stack)
    wsum = present @ w
    has = wsum > 0
    if skip_nan:
        num = np.where(present, stack, 0.0) @ w
        return np.where(has, num / np.where(has, wsum, 1.0), np.nan), has
    return np.where(present, stack, fill) @ w / w.sum(), has


def composite_signals(table: SignalTable, weights: Weights, policy: MissingPolicy) -> Prepared:
    """The three composite signals, prepared for scoring (cached per policy and sub-weights)."""
    key = ("prepared", policy, weights.sub_key())
    cached = table._cache.get(key)
    if cached is not None:
        return cached
    norm = table.norm
    fill = 0.5 if policy == "neutral" else 0.0
    value = minmax(norm["market"])
    # difficulty mixes the raw star ratings (a star is a star in each), then is normalised
    diff, diff_has = _weighted_mean(
        [table.raw[k] for k in DIFFICULTY_SUBS], [getattr(weights, k) for k in DIFFICULTY_SUBS], True, fill
    )
    diff = minmax(diff)
    # within funding a missing sub-signal counts as zero (zero, exclude) or 0.5 (neutral): a
    # company never scores better for disclosing less
    cols = [norm[k] for k in FUNDING_SUBS]
    sub_w = [getattr(weights, k) for k in FUNDING_SUBS]
    disclosed, fund_has = _weighted_mean(cols, sub_w, False, 0.0)
    top = float(disclosed[fund_has].max()) if fund_has.any() else 0.0
    scale = top if top > 0 else 1.0
    # scaled so the best company has 1; under neutral a missing sub-signal counts as 0.5 on that
    # scale, the same as a company with no funding figure at all
    fund = disclosed if fill == 0 else _weighted_mean(cols, sub_w, False, fill * scale)[0]
    fund = np.where(fund_has, np.minimum(fund / scale, 1.0), np.nan)
    missing = np.column_stack([~np.isfinite(value), ~diff_has, ~fund_has])
    matrix = np.where(missing, fill, np.column_stack([value, diff, fund]))
    prepared = Prepared(np.ascontiguousarray(matrix), missing, policy)
    table._cache[key] = prepared
    return prepared


#: Scores are compared at this resolution (points), then by name: the same inputs give the same
#: order on every machine, whatever the last bits of floating point do.
SCORE_RESOLUTION = 1e-6


@dataclass(frozen=True)
class Ranking:
    """The result every view reads: scores, order, ranks, contributions, stability.

    Arrays are indexed by the SignalTable's rows.  ``order`` lists the ranked rows best first;
    ``rank`` is 1-based, 0 for a company the policy excluded (its score is still computed,
    with missing figures counted as zero, but it takes no place in the order).  ``stability``
    is NaN until computed (:func:`fill_stability`); ``contributions`` are computed on first use.
    """

    table: SignalTable
    weights: Weights
    policy: MissingPolicy
    signals: np.ndarray  # n x 3 composite signals used (0..1)
    missing: np.ndarray  # n x 3 bool
    score: np.ndarray  # n, 0..100
    order: np.ndarray  # ranked rows, best first
    rank: np.ndarray  # n, int, 0 = excluded
    stability: np.ndarray  # n, 0..1 or NaN (not computed)
    top_k: int

    @property
    def included(self) -> np.ndarray:
        return self.rank > 0

    @property
    def all_zero(self) -> bool:
        return not np.any(self.weights.vector())

    @cached_property
    def contributions(self) -> np.ndarray:
        """n x 3 points each signal adds to the score (they sum to the score)."""
        w = self.weights.vector()
        total = np.abs(w).sum()
        if total == 0:
            return np.zeros_like(self.signals)
        flipped = np.where(w < 0, 1.0 - self.signals, self.signals)
        return flipped * (np.abs(w) / total * 100.0)

    def contributions_of(self, row: int) -> np.ndarray:
        """The three contributions of one company, without computing everyone's."""
        w = self.weights.vector()
        total = np.abs(w).sum()
        if total == 0:
            return np.zeros(3)
        s = self.signals[row]
        return np.where(w < 0, 1.0 - s, s) * (np.abs(w) / total * 100.0)

    @property
    def stability_computed(self) -> bool:
        return bool(len(self.order) == 0 or np.isfinite(self.stability[self.order[0]]))


def _scores(matrix: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Score 0..100 of every row for a weight vector (or a matrix of weight vectors, R x 3)."""
    w = np.atleast_2d(w)
    total = np.abs(w).sum(axis=1)
    neg = np.where(w < 0, -w, 0.0).sum(axis=1)
    safe = np.where(total > 0, total, 1.0)
    out = (matrix @ w.T + neg) / safe * 100.0
    out[:, total == 0] = 0.0
    return out


def score_of(matrix: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Scores for one weight vector: one matrix-vector product and one addition."""
    total = float(np.abs(w).sum())
    if total == 0:
        return np.zeros(matrix.shape[0])
    coef = w * (100.0 / total)
    out = matrix @ coef
    out += float(np.where(w < 0, -w, 0.0).sum()) * 100.0 / total
    return out


def _quantised(score: np.ndarray) -> np.ndarray:
    return np.rint(score * (1.0 / SCORE_RESOLUTION))


def _order(table: SignalTable, score: np.ndarray, included: np.ndarray | None) -> np.ndarray:
    """Rows best first.  The key is unique per row (quantised score, then row, and rows are in
    name order), so an ordinary unstable sort gives the one deterministic order."""
    n = len(score)
    rows = table._cache.get("arange")
    if rows is None or len(rows) != n:
        rows = table._cache["arange"] = np.arange(n, dtype=np.int64)
    key = (-_quantised(score)).astype(np.int64)
    key *= n
    key += rows
    if included is None:
        return np.argsort(key)
    keep = np.flatnonzero(included)
    return keep[np.argsort(key[keep])]


def rank(
    table: SignalTable,
    weights: Weights,
    policy: MissingPolicy = DEFAULT_MISSING,
    *,
    stability: bool = True,
    top_k: int = STABILITY_TOP_K,
    draws: int = STABILITY_DRAWS,
    seed: int = STABILITY_SEED,
) -> Ranking:
    """Score and order the universe.  With ``stability`` False the (costlier) rank stability is
    left for :func:`fill_stability`, as the app does while a slider moves."""
    prepared = composite_signals(table, weights, policy)
    w = weights.vector()
    score = score_of(prepared.matrix, w)
    included = None
    if policy == "exclude":
        included = ~(prepared.missing & (w != 0)).any(axis=1)
    order = _order(table, score, included)
    n = len(table)
    ranks = np.zeros(n, dtype=np.int64)
    ranks[order] = np.arange(1, len(order) + 1)
    ranking = Ranking(
        table=table,
        weights=weights,
        policy=policy,
        signals=prepared.matrix,
        missing=prepared.missing,
        score=score,
        order=order,
        rank=ranks,
        stability=np.full(n, np.nan),
        top_k=top_k,
    )
    if stability:
        fill_stability(ranking, draws=draws, seed=seed)
    return ranking


def fill_stability(ranking: Ranking, *, draws: int = STABILITY_DRAWS, seed: int = STABILITY_SEED) -> None:
    """Compute the ranking's rank stability in place."""
    stab = rank_stability(
        ranking.signals, ranking.weights.vector(), ranking.order, top_k=ranking.top_k, draws=draws, seed=seed
    )
    if ranking.policy == "exclude":
        stab[~ranking.included] = 0.0  # never ranked, so never in the top k
    ranking.stability[:] = stab


def rank_stability(
    matrix: np.ndarray,
    w: np.ndarray,
    order: np.ndarray,
    *,
    top_k: int = STABILITY_TOP_K,
    draws: int = STABILITY_DRAWS,
    seed: int = STABILITY_SEED,
) -> np.ndarray:
    """Share of perturbed-weight draws in which each ranked row stays in the top k.

    ``order`` is the base ranking (rows best first, excluded rows absent).  Rows not ranked,
    and rows outside the candidate set of a large universe, get NaN.
    """
    n = matrix.shape[0]
    out = np.full(n, np.nan)
    if len(order) == 0 or draws <= 0:
        return out
    candidates = order if len(order) <= STABILITY_FULL_LIMIT else order[:STABILITY_CANDIDATES]
    sub = matrix[candidates]
    rng = np.random.default_rng(seed)
    factors = rng.uniform(1 - STABILITY_SPREAD, 1 + STABILITY_SPREAD, size=(draws, len(w)))
    hits = np.zeros(len(candidates), dtype=np.float64)
    k = min(top_k, len(candidates))
    chunk = max(1, 4_000_000 // max(1, len(candidates)))
    for start in range(0, draws, chunk):
        scores = _quantised(_scores(sub, w * factors[start : start + chunk]))  # m x r
        # the k-th best score of each draw; companies tied with it share the places left
        kth = np.partition(scores, len(candidates) - k, axis=0)[len(candidates) - k]
        above = scores > kth
        tied = scores == kth
        places = k - above.sum(axis=0)  # per draw
        hits += above.sum(axis=1) + (tied * (places / tied.sum(axis=0))).sum(axis=1)
    out[candidates] = hits / draws
    return out
