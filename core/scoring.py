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
* All weights zero: every score is 0, every contribution 0, and every company shares rank 1
  (listed in the order inside a tie, below).
* Sub-weights (>= 0) mix the value sub-signals (market 2, traction 1), the difficulty
  sub-signals (logic, compute, corpus: 1 each) and the funding sub-signals (capital 3,
  valuation 1, recency 1, stage 1: the money first).  All-zero sub-weights of a signal fall
  back to equal ones.
* Missing data policy, for a figure a company does not have:
  ``zero`` - it counts as 0 (the default: nothing disclosed, no credit);
  ``neutral`` - it counts as 0.5;
  ``exclude`` - a company with no figure at all for a signal whose weight is not zero is left
  out of the ranking.  Within funding, a company with disclosed capital has an unstated
  recency or stage left out of its mean (and an unstated valuation floored at its capital,
  core.signals); for a company without disclosed capital a missing sub-signal counts as zero
  (zero, exclude) or 0.5 (neutral): nobody scores better for disclosing less.
  With a negative weight, a figure counted as zero earns that signal's full credit (zero
  funding is the least funding); choose neutral or exclude if that is not what is meant.
* The universe: only the companies of the table's universe are ranked (core.signals); the
  others have rank 0 and no place, like a company the policy excludes.
* Ties are honest.  Scores are compared at their display resolution, one decimal: two
  companies tie when their scores read the same (equal after rounding to 0.1 point, halves up,
  as :func:`core.present.score_text` writes them).  A company's ``rank`` is 1 + the number of
  ranked companies scoring strictly higher (shared ranks 1, 2, 2, 4; shown "2="), its
  ``position`` its place in the list.  Inside a tie the order is: more distinct quoted
  sentences about the company (its mentions, facts and funding quotes, each sentence once),
  then larger disclosed capital, then name (case-folded), then id - the same on every machine.
* Rank stability: the share of random weight perturbations (each weight times a factor drawn
  uniformly from [0.8, 1.2], 500 draws, seed 0) in which the company stays in the top k (10),
  scores compared at the same resolution.  Companies tied with the k-th score share the places
  left (three tied for two places get 2/3 each), so equal companies get equal stability
  whatever their names.  With all weights zero every company is tied: stability is then k/n for
  all and the views show it as "—".  Sub-weights are not perturbed.  With more than
  ``STABILITY_FULL_LIMIT`` ranked companies it is computed for the best
  ``STABILITY_CANDIDATES`` by base score (others are NaN: not computed).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from core.i18n import QT_TRANSLATE_NOOP
from core.signals import FUNDING_SIGNALS, SignalTable, minmax

MissingPolicy = Literal["zero", "neutral", "exclude"]
MISSING_POLICIES: tuple[MissingPolicy, ...] = ("zero", "neutral", "exclude")
DEFAULT_MISSING: MissingPolicy = "zero"
SIGNALS = ("value", "difficulty", "funding")
VALUE_SUBS = ("market", "traction")
DIFFICULTY_SUBS = ("logic", "compute", "corpus")
FUNDING_SUBS = FUNDING_SIGNALS
SUB_WEIGHTS = VALUE_SUBS + DIFFICULTY_SUBS + FUNDING_SUBS

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
    market: SubWeight = 2
    traction: SubWeight = 1
    logic: SubWeight = 1
    compute: SubWeight = 1
    corpus: SubWeight = 1
    capital: SubWeight = 3
    valuation: SubWeight = 1
    recency: SubWeight = 1
    stage: SubWeight = 1

    def vector(self) -> np.ndarray:
        return np.array([self.value, self.difficulty, self.funding], dtype=np.float64)

    def sub_key(self) -> tuple[float, ...]:
        return tuple(getattr(self, k) for k in SUB_WEIGHTS)


PRESETS: dict[str, Weights] = {
    "balanced": Weights(value=50, difficulty=-50, funding=50),
    "market_first": Weights(value=100, difficulty=-20, funding=20),
    "easy_landing": Weights(value=30, difficulty=-100, funding=20),
    "follow_the_money": Weights(value=20, difficulty=0, funding=100),
    "moat": Weights(value=40, difficulty=80, funding=30),
}
#: The presets' names for people: English source text, translate("scoring", …) where shown
#: (core.present.preset_label does).
PRESET_LABELS: dict[str, str] = {
    "balanced": QT_TRANSLATE_NOOP("scoring", "Balanced"),
    "market_first": QT_TRANSLATE_NOOP("scoring", "Market first"),
    "easy_landing": QT_TRANSLATE_NOOP("scoring", "Easy landing"),
    "follow_the_money": QT_TRANSLATE_NOOP("scoring", "Follow the money"),
    "moat": QT_TRANSLATE_NOOP("scoring", "Difficulty as a moat"),
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
    wsum = _weight_present(present, w)
    has = wsum > 0
    stack[~present] = 0.0 if skip_nan else fill  # (in place: a million rows make no second copy)
    del present
    if skip_nan:
        num = stack @ w
        return np.where(has, num / np.where(has, wsum, 1.0), np.nan), has
    return stack @ w / w.sum(), has


def _weight_present(present: np.ndarray, w: np.ndarray) -> np.ndarray:
    """``present @ w`` for a boolean matrix, a block of rows at a time: numpy would first make
    a float copy of the whole matrix (the same products, the same sums)."""
    n = present.shape[0]
    out = np.empty(n)
    step = 65_536
    for start in range(0, n, step):
        out[start : start + step] = present[start : start + step] @ w
    return out


def _sub_weights(weights: Weights, keys: tuple[str, ...]) -> np.ndarray:
    w = np.array([getattr(weights, k) for k in keys], dtype=np.float64)
    return w if w.sum() > 0 else np.ones_like(w)


def composite_signals(table: SignalTable, weights: Weights, policy: MissingPolicy) -> Prepared:
    """The three composite signals, prepared for scoring (cached per policy and sub-weights)."""
    key = ("prepared", policy, weights.sub_key())
    cached = table._cache.get(key)
    if cached is not None:
        return cached
    norm = table.norm
    fill = 0.5 if policy == "neutral" else 0.0
    # value mixes the segment's market space with the company's own traction; no segment in
    # the universe, no value figure
    wm, wt = _sub_weights(weights, VALUE_SUBS)
    market = norm["market"]
    traction = np.nan_to_num(norm["traction"], nan=0.0)
    value = minmax(np.where(np.isfinite(market), (wm * market + wt * traction) / (wm + wt), np.nan))
    # difficulty mixes the raw star ratings (a star is a star in each), then is normalised
    diff, diff_has = _weighted_mean(
        [table.raw[k] for k in DIFFICULTY_SUBS], list(_sub_weights(weights, DIFFICULTY_SUBS)), True, fill
    )
    diff = minmax(diff)
    fund, fund_has = _funding(table, weights, fill)
    missing = np.column_stack([~np.isfinite(value), ~diff_has, ~fund_has])
    matrix = np.column_stack([value, diff, fund])
    del value, diff, fund
    matrix[missing] = fill
    prepared = Prepared(np.ascontiguousarray(matrix), missing, policy)
    table._cache[key] = prepared
    return prepared


def _funding(table: SignalTable, weights: Weights, fill: float) -> tuple[np.ndarray, np.ndarray]:
    """The funding signal 0..1 (NaN without any figure that weighs), and whether each has one.

    A company with disclosed capital: the sub-weighted mean of the sub-signals it has (an
    unstated recency or stage is left out; its valuation has the capital as a floor).  Without
    disclosed capital: the mean over all four, a missing one counting as zero - or under
    neutral as 0.5 on the final scale.  Then divided by the best company's, so the best has 1.
    """
    w = _sub_weights(weights, FUNDING_SUBS)
    filled = np.empty((len(table), len(FUNDING_SUBS)))
    for j, k in enumerate(FUNDING_SUBS):  # one normalised column at a time (they are made when asked)
        filled[:, j] = table.norm[k]
    present = np.isfinite(filled)
    filled[~present] = 0.0  # (in place: a million rows make no second copy)
    wsum = _weight_present(present, w)
    has = wsum > 0
    capital = present[:, 0].copy()
    total = filled @ w
    if not fill:
        del filled, present  # (a million rows: let the temporaries go as soon as they are used)
    skip = total / np.where(has, wsum, 1.0)  # the mean of what is there
    del wsum
    total /= w.sum()
    disclosed = np.where(capital, skip, total)
    del total
    top = float(disclosed[has].max()) if has.any() else 0.0
    scale = top if top > 0 else 1.0
    if fill:
        # under neutral a missing sub-signal counts as 0.5 on the final scale, the same as a
        # company with no funding figure at all
        filled[~present] = fill * scale
        neutral = (filled @ w) / w.sum()
        del filled, present
        disclosed = np.where(capital, skip, neutral)
    del skip
    disclosed /= scale
    np.minimum(disclosed, 1.0, out=disclosed)
    disclosed[~has] = np.nan
    return disclosed, has


#: Scores are compared at their display resolution, in points: two scores tie when they read the
#: same with one decimal (core.present.score_text).
SCORE_RESOLUTION = 0.1


def tie_key(score: np.ndarray) -> np.ndarray:
    """Scores as whole tenths of a point, as they read with one decimal (halves up, after
    rounding to 4 decimals as the JSON does): equal keys are a tie.  Works on any shape."""
    # a score is 0..100 with at most 4 decimals here, so its tenths are exact to ~1e-12: the
    # small nudge makes a half (66.65) round up as the decimal text does, and moves no other
    return np.floor(np.round(score, 4) * 10.0 + 0.5 + 1e-7)


@dataclass(frozen=True)
class FundingPart:
    """One sub-signal of a company's funding signal, as the detail view explains it.

    ``raw`` in its own unit (USD, fractional year, stage; the valuation floor is the capital),
    ``norm`` 0..1 across the universe (None when there is no figure), ``weight`` its
    sub-weight, ``status`` what the figure is: "disclosed"; "floor" (valuation: none stated, the
    disclosed capital counts as a floor); "left out" (not stated by a company with disclosed
    capital: not in its mean); "zero" or "neutral" (not stated by a company without disclosed
    capital: counted as the missing-data policy says); "none" (the company has no funding
    figure at all: the whole signal is missing).
    """

    key: str
    raw: float | None
    norm: float | None
    weight: float
    status: Literal["disclosed", "floor", "left out", "zero", "neutral", "none"]
    approximate: bool = False  # a dollar figure read from vague wording or converted from yuan


@dataclass(frozen=True)
class Ranking:
    """The result every view reads: scores, order, ranks, contributions, stability.

    Arrays are indexed by the SignalTable's rows.  ``order`` lists the ranked rows best first;
    ``rank`` is the shared rank (1 + the number of ranked companies scoring strictly higher at
    the display resolution), ``shared`` whether another company has the same, ``position`` the
    1-based place in ``order``; all three 0/False for a company not ranked - outside the
    table's universe, or left out by the policy (its score is still computed, with missing
    figures counted as the policy says, but it takes no place in the order).  ``stability`` is
    NaN until computed (:func:`fill_stability`); ``contributions`` are computed on first use.
    """

    table: SignalTable
    weights: Weights
    policy: MissingPolicy
    signals: np.ndarray  # n x 3 composite signals used (0..1)
    missing: np.ndarray  # n x 3 bool
    score: np.ndarray  # n, 0..100
    order: np.ndarray  # ranked rows, best first
    rank: np.ndarray  # n, int, shared rank; 0 = not ranked
    stability: np.ndarray  # n, 0..1 or NaN (not computed)
    top_k: int
    position: np.ndarray  # n, int, place in order (1-based); 0 = not ranked
    shared: np.ndarray  # n, bool: the rank is shared with another company

    @property
    def included(self) -> np.ndarray:
        return self.rank > 0

    @property
    def universe(self) -> str:
        return self.table.universe

    @property
    def in_universe(self) -> np.ndarray:
        """Bool over the rows: the company is in the universe ranked (it may still be left
        out by the missing-data policy)."""
        return self.table.in_universe

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

    def tie_group(self, row: int, rows: np.ndarray | None = None) -> np.ndarray:
        """The rows of ``rows`` (default: the whole ranking, best first) tied with ``row``."""
        place = int(self.rank[row])
        if rows is None and place > 0:
            # the whole ranking: the tie is the run of ``order`` from the shared rank on, as
            # long as the rows that share it (no pass over the scores of a million rows)
            return self.order[place - 1 : place - 1 + int(np.count_nonzero(self.rank == place))]
        rows = self.order if rows is None else np.asarray(rows)
        keys = tie_key(self.score[rows])
        return rows[keys == tie_key(self.score[row])]

    def tie_note(self, top_n: int, rows: np.ndarray | None = None) -> str | None:
        """What to say when the first ``top_n`` of ``rows`` (default: the whole ranking, best
        first; a view passes the rows it shows, filtered) end inside a tie, e.g. "places 8–18
        are shared by 11 companies (score 66.7)" - the places the tie spans in the whole
        ranking, as its ranks read; None when the boundary cuts no tie."""
        rows = self.order if rows is None else np.asarray(rows)
        if top_n <= 0 or len(rows) <= top_n:
            return None
        last_in, first_out = rows[top_n - 1], rows[top_n]
        key = tie_key(self.score[last_in])
        if key != tie_key(self.score[first_out]):
            return None
        first = int(self.rank[last_in])
        # the rows sharing a place are those with its rank (ranks come from the same tie key)
        size = int(np.count_nonzero(self.rank == first))
        return f"places {first}–{first + size - 1} are shared by {size} companies (score {key / 10:.1f})"

    def funding_parts(self, row: int) -> dict[str, FundingPart]:
        """The parts of one company's funding signal, sub-signal by sub-signal (in
        :data:`FUNDING_SUBS` order), with what each counts as under this ranking's policy."""
        t = self.table
        w = _sub_weights(self.weights, FUNDING_SUBS)
        has_capital = bool(np.isfinite(_norm_at(t, "capital", row)))
        has_any = not bool(self.missing[row, SIGNALS.index("funding")])
        out: dict[str, FundingPart] = {}
        for key, weight in zip(FUNDING_SUBS, w, strict=True):
            norm = _norm_at(t, key, row)
            raw = float(t.raw[key][row])
            status: str
            if np.isfinite(norm):
                status = "floor" if key == "valuation" and bool(t.valuation_floor[row]) else "disclosed"
            elif not has_any:
                status = "none"
            elif has_capital:
                status = "left out"
            else:
                status = "neutral" if self.policy == "neutral" else "zero"
            approx = {
                "capital": bool(t.funding_approx[row]),
                "valuation": bool(t.funding_approx[row] if status == "floor" else t.valuation_approx[row]),
            }.get(key, False)
            out[key] = FundingPart(
                key=key,
                raw=raw if np.isfinite(raw) and status in ("disclosed", "floor") else None,
                norm=norm if np.isfinite(norm) else None,
                weight=float(weight),
                status=status,  # type: ignore[arg-type]
                approximate=approx and status in ("disclosed", "floor"),
            )
        return out


def _norm_at(table: SignalTable, key: str, row: int) -> float:
    """One company's normalised signal (without making the whole column, core.signals.Normalised)."""
    at = getattr(table.norm, "at", None)
    return at(key, row) if at is not None else float(table.norm[key][row])


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


def _rank_key(score: np.ndarray) -> np.ndarray:
    """What orders the scores, best first: ``1001 - tenths`` (:func:`tie_key`), as 16-bit
    integers when the scores are 0..100 (numpy sorts those by radix, in linear time)."""
    key = tie_key(score)
    np.subtract(1001.0, key, out=key)  # scores are 0..100: 1..1001 tenths
    if len(key) and np.isfinite(key).all() and key.min() >= 0 and key.max() <= np.iinfo(np.int16).max:
        return key.astype(np.int16)
    return key


def _order(table: SignalTable, key: np.ndarray, included: np.ndarray | None) -> np.ndarray:
    """Rows best first: by score at the display resolution (:func:`_rank_key`), then the order
    inside a tie: the rows in tie order (:attr:`SignalTable.tie_rows`), stably sorted by key."""
    rows = table.tie_rows
    if included is not None:
        rows = rows[included[rows]]
    return rows[np.argsort(key[rows], kind="stable")].astype(np.int64, copy=False)


def _shared_ranks(key: np.ndarray, order: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(rank, position, shared) over n rows for the rows of ``order`` (best first, so ascending
    in :func:`_rank_key`)."""
    rank_ = np.zeros(n, dtype=np.int64)
    position = np.zeros(n, dtype=np.int64)
    shared = np.zeros(n, dtype=bool)
    if len(order):
        k = key[order]  # ascending along the order: equal keys are runs
        new = np.empty(len(k), dtype=bool)
        new[0] = True
        np.not_equal(k[1:], k[:-1], out=new[1:])
        starts = np.flatnonzero(new)  # where each run of a shared score begins
        run = np.cumsum(new) - 1
        rank_[order] = starts[run] + 1
        position[order] = np.arange(1, len(order) + 1)
        shared[order] = (np.diff(starts, append=len(k)) > 1)[run]
    return rank_, position, shared


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
    included = None if table.in_universe.all() else table.in_universe
    if policy == "exclude":
        kept = ~(prepared.missing & (w != 0)).any(axis=1)
        included = kept if included is None else included & kept
    key = _rank_key(score)
    order = _order(table, key, included)
    n = len(table)
    ranks, position, shared = _shared_ranks(key, order, n)
    del key
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
        position=position,
        shared=shared,
    )
    if stability:
        fill_stability(ranking, draws=draws, seed=seed)
    return ranking


def fill_stability(ranking: Ranking, *, draws: int = STABILITY_DRAWS, seed: int = STABILITY_SEED) -> None:
    """Compute the ranking's rank stability in place."""
    stab = rank_stability(
        ranking.signals, ranking.weights.vector(), ranking.order, top_k=ranking.top_k, draws=draws, seed=seed
    )
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
        scores = tie_key(_scores(sub, w * factors[start : start + chunk]))  # m x r
        # the k-th best score of each draw; companies tied with it share the places left
        kth = np.partition(scores, len(candidates) - k, axis=0)[len(candidates) - k]
        above = scores > kth
        tied = scores == kth
        places = k - above.sum(axis=0)  # per draw
        hits += above.sum(axis=1) + (tied * (places / tied.sum(axis=0))).sum(axis=1)
    out[candidates] = hits / draws
    return out
