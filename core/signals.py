"""Signals: the numbers a company is scored on, computed once per dataset and universe.

This module is the one place where every signal formula is written down (data/README.md and
the app's help point here).  The raw figures are computed by the dataset's store, which knows
how it keeps its companies (:class:`core.source.SignalSource`): record by record
(:class:`core.source.RecordStore`) or by array operations for a large import
(:class:`core.ingest.frame.CompanyFrame`), both to these definitions (the tests hold them
equal); the normalisation below is done here, once, whatever the store.

The universe (``providers`` by default, ``adopters`` or ``all``; :func:`core.source.universe_roles`)
says which companies are screened.  A company is in it when it has a mention with one of the
universe's roles - providers: vendor, funded, listed; adopters: adopter - or, for providers, a
funding event (which counts as the role funded); ``all`` holds every company.  Partners and
research actors belong to neither side and show in ``all`` only.  A company that both adopts
and provides is in each.  Every normalisation below runs across the universe's companies
only; a company outside it keeps its row in the table (its raw figures, for a memo of a
shortlist) but has no normalised figure (NaN) and takes no place in a ranking.
For each company of the universe:

Segment signals (from the segments where the company plays the universe's role - a bank
adopting a code assistant earns no market-space credit as a provider; in ``all`` every segment
it appears in - through a mention or, for providers, a funding event; a company in several
segments gets the **mean** of their star ratings):

* ``market``  - market-space stars (the segment half of *value*)
* ``logic``, ``compute``, ``corpus`` - the three difficulty stars (the *difficulty* sub-signals)

Company signal (from the company's own evidence, the facts the report states about it):

* ``traction`` - the number of distinct report sentences among its facts of the kinds
  client, outcome, product and listing (:data:`core.source.TRACTION_FACT_KINDS`); a sentence
  is a quote with its whitespace removed, and counts once however many facts it supports.
  Scored as ``log1p(count)`` (the third sentence adds less than the first).  A company
  without such facts has 0 (nothing shown, no credit) - a count, never a missing figure.
  A large import has no facts: 0 for all, which changes no order.

Funding signals (from the company's funding events; planned rounds count only for valuation):

* ``capital``   - disclosed capital in US dollars: the larger of the sum of its single completed
  rounds and its largest reported cumulative total (a cumulative figure already contains the
  rounds), each amount at its point estimate, converted at the dataset's CNY-per-USD rate;
  scored on a log10 scale.
* ``valuation`` - the latest stated valuation in US dollars (log10 scale).  A company with
  disclosed capital and no stated valuation gets its capital as a **floor** (a post-money
  valuation is at least the capital raised), flagged in :attr:`SignalTable.valuation_floor`
  and shown as such in the detail view; the floor takes part in the scale like any figure.
* ``recency``   - the date of the latest dated completed event, as a fractional year
  (mid-period when only the year or month is known).
* ``stage``     - the latest stage reached (Angel 1, Pre-A 2, A 3, B 4, C 5, D 6, ..., IPO 9;
  see :data:`core.records.ROUND_STAGE`).

Every raw signal is then normalised to 0..1 across the universe by min-max:
``(x - min) / (max - min)``; when all companies share one value it is 0.5 for all.  For the
funding signals the scale starts one step below the smallest figure (a decade for capital and
valuation, a year for recency, a stage for stage), so that the smallest disclosed figure still
counts for more than no figure: ``(x - (min - step)) / (max - (min - step))``.  A company
with no figure for a signal has NaN there: what that counts as is the scoring's missing-data
policy, never decided here - except inside funding for a company with disclosed capital (below).

The composite signals the weights act on (:func:`core.scoring.composite_signals`) are

* ``value``      = the sub-weighted mean of ``market`` and ``traction`` (both 0..1 as above;
  sub-weights ``market`` 2 and ``traction`` 1 by default); a company with no segment in the
  universe has no value figure
* ``difficulty`` = the sub-weighted mean of the raw ``logic``, ``compute``, ``corpus`` stars
  (a star counts the same in each; equal sub-weights by default)
* ``funding``    = the sub-weighted mean of ``capital``, ``valuation``, ``recency``, ``stage``
  (sub-weights 3, 1, 1, 1 by default: the money first).  For a company with disclosed capital
  an unstated recency or stage is **left out** of its mean (the report's silence on a round's
  date or name does not sink a large disclosed sum); for a company without disclosed capital a
  missing sub-signal counts as the missing-data policy says (zero, or 0.5 under neutral)

each normalised once more so that the best company on a signal has 1.0: value and
difficulty by min-max, funding by dividing by its maximum (so that any disclosed figure still
counts for more than none).

How scores are compared, and how a tie is ordered, is :mod:`core.scoring`'s: ties at the
score's display resolution (0.1 point), ordered by the number of distinct quoted sentences
about the company (:attr:`SignalTable.evidence`), then disclosed capital, then name, then id.
The table keeps rows sorted by name (then id).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from core.models import ROLES, Dataset
from core.source import (
    BASE_SIGNALS,
    COMPANY_SIGNALS,
    DEFAULT_UNIVERSE,
    FUNDING_SIGNALS,
    SEGMENT_SIGNALS,
    UNIVERSES,
    ImportCancelled,
    Universe,
    release_memory,
    sentence_counts,
    universe_roles,
)

# the names other modules read from here: the signals, the universes, and the search form of a name
__all__ = [
    "BASE_SIGNALS",
    "COMPANY_SIGNALS",
    "DEFAULT_UNIVERSE",
    "FUNDING_SIGNALS",
    "ImportCancelled",
    "SEGMENT_SIGNALS",
    "UNIVERSES",
    "RowIndex",
    "SignalTable",
    "Universe",
    "build_signals",
    "minmax",
]


def minmax(x: np.ndarray, floor_step: float = 0.0) -> np.ndarray:
    """Normalise to 0..1 ignoring NaN; NaN stays NaN.

    With ``floor_step`` the scale starts that far below the smallest figure, so that the
    smallest disclosed figure still counts for more than none.  Without it a constant
    column becomes 0.5.
    """
    x = np.asarray(x, dtype=np.float64)
    finite = np.isfinite(x)
    if not finite.any():
        return np.full_like(x, np.nan)
    lo = float(x[finite].min()) - floor_step
    hi = float(x[finite].max())
    if hi - lo <= 1e-12 * max(1.0, abs(hi)):
        return np.where(finite, 0.5, np.nan)
    return (x - lo) / (hi - lo)


#: Text whose case folding Arrow's lower-casing gives exactly: ASCII and the CJK ideographs.
_FOLDS_AS_LOWER = r"^[\x00-\x7f\x{4e00}-\x{9fff}]*$"


def _strings(values) -> pa.Array:
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if isinstance(values, pa.Array):
        return values.cast(pa.large_string())
    return pa.array(np.asarray(values, dtype=object), type=pa.large_string())


def name_order(names, ids) -> np.ndarray:
    """The rows in table order: by case-folded name, then id (code-point order, as Python
    compares strings).  Arrow's sort; Python's casefold only once per distinct name that is
    neither ASCII nor CJK ideographs."""
    text = pc.fill_null(_strings(names), "")
    plain = pc.match_substring_regex(text, pattern=_FOLDS_AS_LOWER)
    keys = pc.utf8_lower(text)
    if pc.all(plain).as_py() is False:
        other = pc.invert(plain)
        rest = text.filter(other)
        distinct = pc.unique(rest)
        folded = pa.array([v.casefold() for v in distinct.to_pylist()], type=pa.large_string())
        keys = pc.replace_with_mask(keys, other, folded.take(pc.index_in(rest, value_set=distinct)))
    by = pa.table({"key": keys, "id": pc.fill_null(_strings(ids), "")})
    return pc.sort_indices(by, sort_keys=[("key", "ascending"), ("id", "ascending")]).to_numpy()


def _objects(values, order: np.ndarray) -> np.ndarray:
    """An object array of the values in table order (an Arrow array becomes Python strings)."""
    if isinstance(values, pa.Array | pa.ChunkedArray):
        return values.take(pa.array(order)).to_numpy(zero_copy_only=False)
    return np.asarray(values, dtype=object)[order]


def _text_column(values, order: np.ndarray) -> pd.Series:
    """A text column in table order as pandas' Arrow-backed text (no Python object per row)."""
    arr = _strings(values).take(pa.array(order))
    dtype = pd.StringDtype("pyarrow", na_value=np.nan)
    return pa.chunked_array([arr]).to_pandas(types_mapper={pa.large_string(): dtype}.get)


class RowIndex:
    """Company id -> table row, hash-indexed (a pandas Index, compact for millions of ids)."""

    def __init__(self, ids: np.ndarray) -> None:
        self._index = pd.Index(ids)

    def __getitem__(self, cid: str) -> int:
        return int(self._index.get_loc(cid))

    def __contains__(self, cid: object) -> bool:
        return cid in self._index

    def get(self, cid: str, default=None):
        return self[cid] if cid in self._index else default

    def rows(self, cids) -> np.ndarray:
        """Rows of many ids at once (-1 for an unknown id)."""
        return self._index.get_indexer(list(cids))


@dataclass
class SignalTable:
    """Columnar signals of a universe of companies, rows sorted by (name, id).

    The table holds every company of the dataset; ``in_universe`` marks those of its
    ``universe``, across which everything is normalised (the others have NaN in ``norm``).
    ``raw`` holds each base signal in its own unit (stars, sentences, USD, fractional year,
    stage; the valuation with its floor, see the module docstring); ``norm`` the same
    normalised to 0..1 (NaN where the company has no figure).  Segment membership (the
    segments where the company plays the universe's role) and role membership are boolean
    matrices (rows x ``segment_refs``, rows x ``ROLES``), so that filtering a million
    companies is a few array operations.
    """

    ids: np.ndarray  # object array of company ids
    names: np.ndarray  # object array of names as written
    raw: dict[str, np.ndarray]
    norm: dict[str, np.ndarray]
    funding_total_usd: np.ndarray  # the capital figure in USD, NaN if none disclosed
    funding_approx: np.ndarray  # bool: the capital figure rests on a vague or converted amount
    latest_valuation_usd: np.ndarray
    fx_cny_per_usd: float
    countries: np.ndarray  # two-letter code or ""
    segment_refs: tuple[str, ...]
    segment_member: np.ndarray  # bool, rows x segments
    role_member: np.ndarray  # bool, rows x ROLES
    search_text: pd.Series  # search_key() of every company's names and aliases
    valuation_approx: np.ndarray  # bool: the valuation is vague or converted
    universe: str  # the universe the table was made for (core.source.UNIVERSES)
    in_universe: np.ndarray  # bool: the company is in that universe
    kinds: np.ndarray  # object array: each company's kind ("bank", "startup" ...)
    evidence: np.ndarray  # distinct quoted sentences about each company (mentions, facts, funding)
    valuation_floor: np.ndarray  # bool: raw["valuation"] is the capital as a floor (none stated)
    _cache: dict = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def row_of(self) -> RowIndex:
        cached = self._cache.get("row_of")
        if cached is None:
            cached = self._cache["row_of"] = RowIndex(self.ids)
        return cached

    def segments_of(self, row: int) -> tuple[str, ...]:
        return tuple(ref for ref, on in zip(self.segment_refs, self.segment_member[row], strict=True) if on)

    def roles_of(self, row: int) -> tuple[str, ...]:
        return tuple(r for r, on in zip(ROLES, self.role_member[row], strict=True) if on)

    def segment_counts(self) -> dict[str, int]:
        """Companies of the universe per segment (where they play the universe's role)."""
        return dict(zip(self.segment_refs, self.segment_member.sum(axis=0).tolist(), strict=True))

    @property
    def n_universe(self) -> int:
        """How many companies the universe holds."""
        return int(self.in_universe.sum())

    @property
    def tie_order(self) -> np.ndarray:
        """Each row's place in the order inside a tie (0 first): more distinct quoted
        sentences first, then larger disclosed capital (none last), then name, then id (the
        rows are in name order).  Computed once per table."""
        cached = self._cache.get("tie_order")
        if cached is None:
            n = len(self)
            funding = np.nan_to_num(self.funding_total_usd, nan=-1.0)
            by = np.lexsort((np.arange(n), -funding, -self.evidence))
            cached = np.empty(n, dtype=np.int64)
            cached[by] = np.arange(n, dtype=np.int64)
            self._cache["tie_order"] = cached
        return cached

    @classmethod
    def from_columns(
        cls,
        ids: np.ndarray,
        names: np.ndarray,
        raw: dict[str, np.ndarray],
        funding_total_usd: np.ndarray,
        funding_approx: np.ndarray,
        latest_valuation_usd: np.ndarray,
        fx_cny_per_usd: float,
        countries: np.ndarray,
        segment_refs: tuple[str, ...],
        segment_member: np.ndarray,
        role_member: np.ndarray,
        search_text,
        valuation_approx: np.ndarray | None = None,
        universe: str = "all",
        in_universe: np.ndarray | None = None,
        kinds: np.ndarray | None = None,
        evidence: np.ndarray | None = None,
    ) -> SignalTable:
        """Build a table from raw columns (any row order): sorts by name and normalises
        across the universe.  Without ``in_universe`` every company is in it; a ``raw``
        without ``traction`` (a store with no facts) has 0 for all; ``kinds`` defaults to
        "other" and ``evidence`` to 0."""
        n = len(ids)
        order = name_order(names, ids)
        raw = dict(raw)
        for k in COMPANY_SIGNALS:
            if k not in raw:
                raw[k] = np.zeros(n)
        raw = {k: np.asarray(v, dtype=np.float64)[order] for k, v in raw.items()}
        member = np.ones(n, dtype=bool) if in_universe is None else np.asarray(in_universe, dtype=bool)[order]
        # a post-money valuation is at least the capital raised: the floor where none is stated
        capital = raw["capital"]
        floor = ~np.isfinite(raw["valuation"]) & np.isfinite(capital) & (capital > 0)
        raw["valuation"] = np.where(floor, capital, raw["valuation"])

        def inside(v: np.ndarray) -> np.ndarray:
            return np.where(member, v, np.nan)

        norm = {k: minmax(inside(raw[k])) for k in SEGMENT_SIGNALS}
        norm["traction"] = minmax(inside(np.log1p(np.nan_to_num(raw["traction"], nan=0.0))))
        norm["recency"] = minmax(inside(raw["recency"]), floor_step=1.0)  # a year before the oldest
        norm["stage"] = minmax(inside(raw["stage"]), floor_step=1.0)  # a stage before the earliest
        for k in ("capital", "valuation"):
            v = raw[k]
            with np.errstate(divide="ignore", invalid="ignore"):
                logged = np.where(v > 0, np.log10(np.where(v > 0, v, 1.0)), np.nan)
            norm[k] = minmax(inside(logged), floor_step=1.0)  # a decade below the smallest
        return cls(
            ids=_objects(ids, order),
            names=_objects(names, order),
            raw=raw,
            norm=norm,
            funding_total_usd=np.asarray(funding_total_usd, dtype=np.float64)[order],
            funding_approx=np.asarray(funding_approx, dtype=bool)[order],
            latest_valuation_usd=np.asarray(latest_valuation_usd, dtype=np.float64)[order],
            fx_cny_per_usd=fx_cny_per_usd,
            countries=np.asarray(countries, dtype=str)[order],
            segment_refs=tuple(segment_refs),
            segment_member=np.asarray(segment_member, dtype=bool)[order],
            role_member=np.asarray(role_member, dtype=bool)[order],
            search_text=_text_column(search_text, order),
            valuation_approx=(
                np.ones(n, dtype=bool) if valuation_approx is None else np.asarray(valuation_approx, bool)
            )[order],
            universe=universe,
            in_universe=member,
            kinds=(np.full(n, "other", dtype=object) if kinds is None else np.asarray(kinds, dtype=object))[
                order
            ],
            evidence=(np.zeros(n) if evidence is None else np.asarray(evidence, dtype=np.float64))[order],
            valuation_floor=floor,
        )


#: The steps :func:`build_signals` reports: (done, STEPS) after each.
STEPS = 4


def build_signals(
    ds: Dataset,
    fx_cny_per_usd: float | None = None,
    *,
    universe: Universe | str = DEFAULT_UNIVERSE,
    progress: Callable[[int, int], bool] | None = None,
) -> SignalTable:
    """Every base signal of every company in the dataset, normalised across the universe.

    The dataset's store gives the raw columns for the universe (:class:`core.source.SignalSource`);
    the company signals come from the dataset's records (its facts; none for a large import).
    This module never reads a file or knows how the store keeps its companies.

    ``progress(done, STEPS)`` is called before the work and after each of its steps; when it
    returns False the work stops there with :class:`core.source.ImportCancelled`."""

    def step(done: int) -> None:
        release_memory()  # (the allocators keep freed blocks otherwise)
        if progress is not None and progress(done, STEPS) is False:
            raise ImportCancelled("cancelled while making the signals")

    universe_roles(universe)  # an unknown universe is refused here, before any work
    step(0)
    fx = ds.meta.fx_cny_per_usd if fx_cny_per_usd is None else fx_cny_per_usd
    cols = dict(ds.store.signal_columns(fx, universe))
    step(1)
    traction, evidence = sentence_counts(cols["ids"], ds.mentions, ds.funding, ds.facts)
    cols["raw"] = {**cols["raw"], "traction": traction}
    cols["evidence"] = evidence
    step(2)
    table = SignalTable.from_columns(**cols)
    del cols
    step(3)
    table.row_of  # noqa: B018 - the id index, made here rather than on the first click
    step(STEPS)
    return table
