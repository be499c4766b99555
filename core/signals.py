"""Signals: the numbers a company is scored on, computed once per dataset.

This module is the one place where every signal formula is written down (data/README.md and
the app's help point here).  The raw figures are computed by the dataset's store, which knows
how it keeps its companies (:class:`core.source.SignalSource`): record by record
(:class:`core.source.RecordStore`) or by array operations for a large import
(:class:`core.ingest.frame.CompanyFrame`), both to these definitions (the tests hold them
equal); the normalisation below is done here, once, whatever the store.  For each company:

Segment signals (from the segments the company appears in, through a mention or a funding
event; a company in several segments gets the **mean** of their star ratings):

* ``market``  - market-space stars (the *value* signal)
* ``logic``, ``compute``, ``corpus`` - the three difficulty stars (the *difficulty* sub-signals)

Funding signals (from the company's funding events; planned rounds count only for valuation):

* ``capital``   - disclosed capital in US dollars: the larger of the sum of its single completed
  rounds and its largest reported cumulative total (a cumulative figure already contains the
  rounds), each amount at its point estimate, converted at the dataset's CNY-per-USD rate;
  scored on a log10 scale.
* ``valuation`` - the latest stated valuation in US dollars (log10 scale).
* ``recency``   - the date of the latest dated completed event, as a fractional year
  (mid-period when only the year or month is known).
* ``stage``     - the latest stage reached (Angel 1, Pre-A 2, A 3, B 4, C 5, D 6, ..., IPO 9;
  see :data:`core.records.ROUND_STAGE`).

Every raw signal is then normalised to 0..1 across the loaded universe by min-max:
``(x - min) / (max - min)``; when all companies share one value it is 0.5 for all.  For the
funding signals the scale starts one step below the smallest figure (a decade for capital and
valuation, a year for recency, a stage for stage), so that the smallest disclosed figure still
counts for more than no figure: ``(x - (min - step)) / (max - (min - step))``.  A company
with no figure for a signal has NaN there: what that counts as is the scoring's missing-data
policy, never decided here.

The composite signals the weights act on are

* ``value``      = ``market``
* ``difficulty`` = the sub-weighted mean of the raw ``logic``, ``compute``, ``corpus`` stars
  (a star counts the same in each)
* ``funding``    = the sub-weighted mean of ``capital``, ``valuation``, ``recency``, ``stage``

each normalised once more so that the best company on a signal has 1.0: value and
difficulty by min-max, funding by dividing by its maximum (so that any disclosed figure still
counts for more than none)
(see :func:`core.scoring.composite_signals`, which also applies the missing-data policy).
The table keeps rows sorted by name (then id), so that a stable sort on score alone breaks
ties by name everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from core.models import ROLES, Dataset
from core.source import BASE_SIGNALS, FUNDING_SIGNALS, SEGMENT_SIGNALS

# the names other modules read from here: the signals, and the search form of a name
__all__ = [
    "BASE_SIGNALS",
    "FUNDING_SIGNALS",
    "SEGMENT_SIGNALS",
    "RowIndex",
    "SignalTable",
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

    ``raw`` holds each base signal in its own unit (stars, USD, fractional year, stage);
    ``norm`` the same normalised to 0..1 (NaN where the company has no figure).  Segment and
    role membership are boolean matrices (rows x ``segment_refs``, rows x ``ROLES``), so that
    filtering a million companies is a few array operations.
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
        return dict(zip(self.segment_refs, self.segment_member.sum(axis=0).tolist(), strict=True))

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
    ) -> SignalTable:
        """Build a table from raw columns (any row order): sorts by name and normalises."""
        keys = pd.Series(names, dtype=object).astype(str).str.casefold().to_numpy(dtype=str)
        order = np.lexsort((np.asarray(ids, dtype=str), keys))
        raw = {k: np.asarray(v, dtype=np.float64)[order] for k, v in raw.items()}
        norm = {k: minmax(raw[k]) for k in SEGMENT_SIGNALS}
        norm["recency"] = minmax(raw["recency"], floor_step=1.0)  # a year before the oldest
        norm["stage"] = minmax(raw["stage"], floor_step=1.0)  # a stage before the earliest
        for k in ("capital", "valuation"):
            v = raw[k]
            with np.errstate(divide="ignore", invalid="ignore"):
                logged = np.where(v > 0, np.log10(np.where(v > 0, v, 1.0)), np.nan)
            norm[k] = minmax(logged, floor_step=1.0)  # a decade below the smallest
        n = len(ids)
        return cls(
            ids=np.asarray(ids, dtype=object)[order],
            names=np.asarray(names, dtype=object)[order],
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
            search_text=pd.Series(np.asarray(search_text, dtype=object)[order], dtype="str").reset_index(
                drop=True
            ),
            valuation_approx=(
                np.ones(n, dtype=bool) if valuation_approx is None else np.asarray(valuation_approx, bool)
            )[order],
        )


def build_signals(ds: Dataset, fx_cny_per_usd: float | None = None) -> SignalTable:
    """Every base signal of every company in the dataset, normalised across it.

    The dataset's store gives the raw columns (:class:`core.source.SignalSource`); this module
    never reads a file or knows how the store keeps its companies."""
    fx = ds.meta.fx_cny_per_usd if fx_cny_per_usd is None else fx_cny_per_usd
    return SignalTable.from_columns(**ds.store.signal_columns(fx))
