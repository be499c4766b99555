"""Lenses: the universe ranked under several sets of weights side by side.

A *lens* is one set of weights with a name: every built-in preset (:data:`core.scoring.PRESETS`)
and every profile the user saved (named ``profile:<name>``).  :func:`compute_lenses` ranks the
universe under each, with :func:`core.scoring.rank` itself, so a company's rank under a lens is
exactly the rank ``main.py rank --preset <lens>`` prints (shared: 1 + the number of companies
scoring strictly higher at the display resolution; 0 = not ranked).  Two flags come with it:

* **robust** - the company is ranked under every lens and is in the top N (``rank <= top_n``,
  a shared rank counting as its first place) under each of them: a pick that does not depend on
  which reasonable weights an investor holds.
* **Pareto-optimal** - among the companies ranked (under at least one lens), no other is at
  least as good on value, ease (``1 - difficulty``) and funding and strictly better on one.
  The three figures are the composite signals the ranking itself uses
  (:func:`core.scoring.composite_signals`: missing figures filled as the missing-data policy
  says), made with the sub-weights of ``sub_weights`` (default: the presets' sub-weights).
  No weights with value, ease and funding all counted positively can put a dominated company
  above the one dominating it, so the Pareto set holds the best company of every such lens.

Nothing here imports Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from core.i18n import translate
from core.scoring import (
    DEFAULT_MISSING,
    PRESET_LABELS,
    PRESETS,
    MissingPolicy,
    Weights,
    composite_signals,
    rank,
)
from core.signals import SignalTable

#: The robust threshold when none is given: the top 10 under every lens.
DEFAULT_TOP_N = 10
#: The prefix of a saved profile's lens name ("profile:Growth").
PROFILE_PREFIX = "profile:"
#: Names of the Pareto dimensions, in the columns of :attr:`LensResult.points`.
PARETO_AXES = ("value", "ease", "funding")


@dataclass(frozen=True)
class Lens:
    """One set of weights the universe is looked at through.

    ``name`` is a preset key (``balanced``) or ``profile:<name>`` for a saved profile; ``label``
    what a view shows ("Balanced", "Growth (profile)")."""

    name: str
    label: str
    weights: Weights

    @property
    def is_profile(self) -> bool:
        return self.name.startswith(PROFILE_PREFIX)


def preset_lens(key: str) -> Lens:
    """The lens of one built-in preset."""
    return Lens(name=key, label=translate("scoring", PRESET_LABELS.get(key, key)), weights=PRESETS[key])


def profile_lens(name: str, weights: Weights) -> Lens:
    """The lens of one saved profile."""
    return Lens(name=f"{PROFILE_PREFIX}{name}", label=f"{name} (profile)", weights=weights)


def default_lenses(profiles: Mapping[str, Weights] | None = None) -> list[Lens]:
    """Every preset (in :data:`core.scoring.PRESETS` order), then every saved profile (in the
    mapping's order, as the state store lists them)."""
    lenses = [preset_lens(key) for key in PRESETS]
    for name, weights in (profiles or {}).items():
        lenses.append(profile_lens(name, weights))
    return lenses


@dataclass(frozen=True)
class LensResult:
    """The universe under every lens.  Arrays are indexed by the table's rows.

    ``ranks`` is rows x lenses (int64): the shared rank each lens gives, 0 = not ranked (outside
    the universe, or left out by the missing-data policy under that lens).  ``robust`` and
    ``pareto`` are the module's two flags; ``points`` the rows x 3 (value, ease, funding)
    figures the Pareto flag was computed on; ``candidates`` the rows ranked under at least one
    lens (the set the Pareto front is taken over); ``policy`` the missing-data policy."""

    lenses: tuple[Lens, ...]
    ranks: np.ndarray
    robust: np.ndarray
    pareto: np.ndarray
    top_n: int
    table: SignalTable
    points: np.ndarray | None = None
    candidates: np.ndarray | None = None
    policy: MissingPolicy = DEFAULT_MISSING

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(lens.name for lens in self.lenses)

    def ranks_of(self, row: int) -> dict[str, int]:
        """The company's rank under each lens, by lens name (0 = not ranked)."""
        return {lens.name: int(r) for lens, r in zip(self.lenses, self.ranks[row], strict=True)}

    @property
    def shared(self) -> np.ndarray:
        """rows x lenses: another company has the same rank under that lens (a tie, "5=")."""
        out = np.zeros(self.ranks.shape, dtype=bool)
        for j in range(self.ranks.shape[1]):
            col = self.ranks[:, j]
            values, counts = np.unique(col[col > 0], return_counts=True)
            out[:, j] = np.isin(col, values[counts > 1])
        return out

    @property
    def in_top(self) -> np.ndarray:
        """rows x lenses: the company is in the top N under that lens."""
        return (self.ranks > 0) & (self.ranks <= self.top_n)

    @property
    def top_count(self) -> np.ndarray:
        """Under how many lenses each company is in the top N."""
        return self.in_top.sum(axis=1)

    def order(self) -> np.ndarray:
        """The ranked rows for a side-by-side view: more lenses with the company in the top N
        first, then the better worst rank (unranked counting as last), then the better rank
        under the first lens, then the table's order inside a tie."""
        ranks = self.ranks
        if ranks.shape[1] == 0:
            return np.zeros(0, dtype=np.int64)
        rows = np.flatnonzero((ranks > 0).any(axis=1))
        big = np.iinfo(np.int64).max // 4
        sub = np.where(ranks[rows] > 0, ranks[rows], big)
        keys = (
            self.table.tie_order[rows],
            sub[:, 0],
            sub.max(axis=1),
            -self.top_count[rows],
        )
        return rows[np.lexsort(keys)]

    def top_rows(self) -> np.ndarray:
        """The rows of :meth:`order` in the top N under at least one lens."""
        rows = self.order()
        return rows[self.top_count[rows] > 0]


def compute_lenses(
    table: SignalTable,
    lenses: Sequence[Lens],
    policy: MissingPolicy,
    top_n: int = DEFAULT_TOP_N,
    *,
    sub_weights: Weights | None = None,
    progress: Callable[[int, int], object] | None = None,
) -> LensResult:
    """Rank the table under every lens (:func:`core.scoring.rank`, without stability) and flag
    the robust and Pareto-optimal companies.  ``sub_weights`` gives the sub-weights of the
    Pareto figures (default: :class:`Weights` defaults, as every preset has).  ``progress`` is
    told ``(done, total)`` after each lens (a progress line; its answer is not a cancel)."""
    if top_n < 1:
        raise ValueError(f"top_n must be at least 1 (got {top_n})")
    lenses = tuple(lenses)
    n = len(table)
    ranks = np.zeros((n, len(lenses)), dtype=np.int64)
    for j, lens in enumerate(lenses):
        ranks[:, j] = rank(table, lens.weights, policy, stability=False).rank
        if progress is not None:
            progress(j + 1, len(lenses) + 1)
    robust = ((ranks > 0) & (ranks <= top_n)).all(axis=1) if lenses else np.zeros(n, dtype=bool)
    candidates = (ranks > 0).any(axis=1)
    prepared = composite_signals(table, sub_weights or Weights(), policy)
    points = prepared.matrix.copy()
    points[:, 1] = 1.0 - points[:, 1]  # ease: less difficulty is better
    pareto = np.zeros(n, dtype=bool)
    rows = np.flatnonzero(candidates)
    if len(rows):
        pareto[rows] = pareto_front(points[rows])
    return LensResult(
        lenses=lenses,
        ranks=ranks,
        robust=robust,
        pareto=pareto,
        top_n=int(top_n),
        table=table,
        points=points,
        candidates=candidates,
        policy=policy,
    )


def dominated_by(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """len(a) x len(b) bool: ``a[i]`` is dominated by ``b[j]`` (``b[j] >= a[i]`` on every
    column, ``>`` on one; every column maximised)."""
    ge = (b[None, :, :] >= a[:, None, :]).all(axis=2)
    gt = (b[None, :, :] > a[:, None, :]).any(axis=2)
    return ge & gt


#: Rows compared against the front at once (bounded by ``_PARETO_CELLS`` / front size) and rows
#: compared with each other at once, in :func:`pareto_front`.
_PARETO_BLOCK = 65_536
_PARETO_SUB = 1_024
_PARETO_CELLS = 8_000_000


def _filter(chunk: np.ndarray, keep: np.ndarray, against: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The rows of ``chunk`` (and their ``keep`` indices) that no row of ``against`` dominates.

    ``against`` is taken in groups, strongest (largest sum) first, and the rows it dominates
    are dropped after each group, so most rows leave after the first few comparisons."""
    if not len(against) or not len(chunk):
        return chunk, keep
    strong = against[np.argsort(-against.sum(axis=1), kind="stable")]
    start = 0
    while start < len(strong) and len(chunk):
        step = max(8, _PARETO_CELLS // (4 * len(chunk)))
        alive = ~dominated_by(chunk, strong[start : start + step]).any(axis=1)
        chunk, keep = chunk[alive], keep[alive]
        start += step
    return chunk, keep


def pareto_front(points: np.ndarray) -> np.ndarray:
    """Bool mask over the rows of ``points`` (n x d, finite): True where no other row is at
    least as good on every column and better on one (every column maximised).  Equal rows do
    not dominate each other: both are on the front or neither.

    The rows are sorted lexicographically best first and equal rows merged; a row can then
    only be dominated by one before it, and (domination being transitive) by one already on
    the front.  They are checked in blocks, vectorised: a large block against the front found
    so far, then its survivors in small blocks against the rows the block added to the front
    and against each other.  The cost is O(n log n) for the sort plus O(n x f x d) for the
    comparisons, f the size of the front: small for real data (a few dozen; about 120 for a
    million uniformly random points, ~2 s), so the whole is close to O(n log n).  In the worst
    case, every row on the front (points on a plane), it is O(n^2 x d): fine for n <= 20,000.
    """
    pts = np.asarray(points, dtype=np.float64)
    if pts.ndim != 2:
        raise ValueError(f"points must be a 2-d array (got shape {pts.shape})")
    n, d = pts.shape
    if n == 0:
        return np.zeros(0, dtype=bool)
    if not np.isfinite(pts).all():
        raise ValueError("points must be finite (fill missing figures first)")
    pts = pts + 0.0  # -0.0 and 0.0 are one figure
    order = np.lexsort(tuple(-pts[:, k] for k in range(d - 1, -1, -1)))  # best first
    ranked_all = pts[order]
    # identical rows share one verdict: decide on the distinct rows, spread back
    new_group = np.ones(n, dtype=bool)
    new_group[1:] = (ranked_all[1:] != ranked_all[:-1]).any(axis=1)
    group = np.cumsum(new_group) - 1
    ranked = ranked_all[new_group]
    m = len(ranked)
    front = np.zeros((0, d))
    front_idx: list[np.ndarray] = []
    start = 0
    while start < m:
        block = max(_PARETO_SUB, min(_PARETO_BLOCK, _PARETO_CELLS // max(1, len(front))))
        chunk, keep = _filter(ranked[start : start + block], np.arange(start, min(m, start + block)), front)
        settled = len(front)
        for s in range(0, len(chunk), _PARETO_SUB):
            sub, sub_keep = _filter(chunk[s : s + _PARETO_SUB], keep[s : s + _PARETO_SUB], front[settled:])
            sub, sub_keep = _filter(sub, sub_keep, sub)
            if len(sub):
                front = np.vstack([front, sub])
                front_idx.append(sub_keep)
        start += block
    on_distinct = np.zeros(m, dtype=bool)
    if front_idx:
        on_distinct[np.concatenate(front_idx)] = True
    out = np.empty(n, dtype=bool)
    out[order] = on_distinct[group]
    return out
