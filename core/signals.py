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

from collections.abc import Callable, Mapping
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
    IdLookup,
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
    "Normalised",
    "SEGMENT_SIGNALS",
    "UNIVERSES",
    "RowIndex",
    "SignalTable",
    "TextColumn",
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
    return _scaled(x, _scale(x, floor_step))


#: How :func:`minmax` maps a column: (lo, hi), "none" (no finite figure) or "constant".
_Scale = tuple[float, float] | str


def _scale(x: np.ndarray, floor_step: float) -> _Scale:
    finite = np.isfinite(x)
    if not finite.any():
        return "none"
    lo = float(np.min(x, where=finite, initial=np.inf)) - floor_step
    hi = float(np.max(x, where=finite, initial=-np.inf))
    if hi - lo <= 1e-12 * max(1.0, abs(hi)):
        return "constant"
    return lo, hi


def _scaled(x: np.ndarray, scale: _Scale) -> np.ndarray:
    if scale == "none":
        return np.full_like(x, np.nan)
    if scale == "constant":
        return np.where(np.isfinite(x), 0.5, np.nan)
    lo, hi = scale
    return (x - lo) / (hi - lo)


#: Text whose case folding Arrow's lower-casing gives exactly: ASCII and the CJK ideographs.
_FOLDS_AS_LOWER = r"^[\x00-\x7f\x{4e00}-\x{9fff}]*$"


def _strings(values) -> pa.Array:
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if isinstance(values, pa.Array):
        return values.cast(pa.large_string())
    return pa.array(np.asarray(values, dtype=object), type=pa.large_string())


def name_keys(names, ids) -> pa.Table:
    """What the table's rows are sorted on (:func:`name_order`): the case-folded name, then the id.
    Arrow's lower-casing; Python's casefold only once per distinct name that is neither ASCII
    nor CJK ideographs."""
    text = pc.fill_null(_strings(names), "")
    plain = pc.match_substring_regex(text, pattern=_FOLDS_AS_LOWER)
    keys = pc.utf8_lower(text)
    if pc.all(plain).as_py() is False:
        other = pc.invert(plain)
        rest = text.filter(other)
        distinct = pc.unique(rest)
        folded = pa.array([v.casefold() for v in distinct.to_pylist()], type=pa.large_string())
        keys = pc.replace_with_mask(keys, other, folded.take(pc.index_in(rest, value_set=distinct)))
    return pa.table({"key": keys, "id": pc.fill_null(_strings(ids), "")})


_SORT_KEYS = [("key", "ascending"), ("id", "ascending")]


def sorted_rows(keys: pa.Table, parts: int = 1, tick: Callable[[], None] | None = None) -> np.ndarray:
    """The rows of :func:`name_keys` in order (code-point order, as Python compares strings).

    In ``parts`` pieces: the rows are split by ranges of the key (at quantiles of a sample),
    each range sorted on its own and ``tick()`` called after each, a cancel point every
    fraction of a second at a million rows (and the pieces, smaller, sort faster)."""
    n = keys.num_rows
    if parts <= 1:
        return pc.sort_indices(keys, sort_keys=_SORT_KEYS).to_numpy().astype(np.int64)
    key = keys.column("key").combine_chunks()
    at = np.linspace(0, n - 1, min(n, 4096)).astype(np.int64) if n else np.zeros(0, dtype=np.int64)
    sample = sorted(set(key.take(pa.array(at)).to_pylist()))
    pivots = sorted({sample[len(sample) * i // parts] for i in range(1, parts)}) if sample else []
    piece = np.zeros(n, dtype=np.int16)  # how many pivots are at or below the row's key
    for p in pivots:
        piece += pc.greater_equal(key, pa.scalar(p, type=key.type)).to_numpy(zero_copy_only=False)
    del key
    out = []
    for b in range(parts):
        rows = np.flatnonzero(piece == b)
        if len(rows):
            order = pc.sort_indices(keys.take(pa.array(rows)), sort_keys=_SORT_KEYS).to_numpy()
            out.append(rows[order])
        if tick is not None:
            tick()
    return np.concatenate(out) if out else np.zeros(0, dtype=np.int64)


def name_order(names, ids) -> np.ndarray:
    """The rows in table order: by case-folded name, then id (code-point order, as Python
    compares strings)."""
    return sorted_rows(name_keys(names, ids))


def _taken(values, order: np.ndarray) -> pa.Array:
    """Text values in table order, as one Arrow array (no Python object per row)."""
    return _strings(values).take(pa.array(order))


def _text_column(values, order: np.ndarray) -> pd.Series:
    """A text column in table order as pandas' Arrow-backed text (no Python object per row)."""
    dtype = pd.StringDtype("pyarrow", na_value=np.nan)
    return pa.chunked_array([_taken(values, order)]).to_pandas(types_mapper={pa.large_string(): dtype}.get)


def _reordered(values, order: np.ndarray) -> np.ndarray:
    """A float column in table order; one of zeros only (the sentence counts of a large
    import) is a fresh ``np.zeros``, whose pages the system maps only when written."""
    if values is None:
        return np.zeros(len(order))
    v = np.asarray(values, dtype=np.float64)
    return v[order] if v.any() else np.zeros(len(order))


#: The pieces :meth:`SignalTable.from_columns` sorts its rows in (:func:`sorted_rows`).
SORT_PARTS = 4


class TextColumn:
    """A column of text, one value per table row, kept as one Arrow array: at a million
    companies a fifth of the memory of an object array of Python strings, which are made only
    for the rows asked for.  Reads like the object array it replaces: ``col[row]`` is a str,
    ``col[rows]`` (integers or a boolean mask) and ``col[a:b]`` object arrays; it iterates,
    has a length and converts with ``np.asarray``/``tolist``.  :attr:`arrow` is the array
    itself, for array operations."""

    __slots__ = ("arrow",)

    def __init__(self, values) -> None:
        self.arrow: pa.Array = _strings(values)

    def __len__(self) -> int:
        return len(self.arrow)

    def __getitem__(self, key):
        if isinstance(key, int | np.integer):
            return self.arrow[int(key)].as_py()
        if isinstance(key, slice):
            return self._objects(self.arrow[key])
        rows = np.asarray(key)
        if rows.dtype == bool:
            if rows.shape != (len(self),):
                raise IndexError(f"boolean index of shape {rows.shape} for {len(self)} rows")
            rows = np.flatnonzero(rows)
        elif rows.size == 0:
            rows = rows.astype(np.int64)
        elif rows.dtype.kind not in "iu":
            raise IndexError(f"only integers, slices and boolean masks index a text column, not {rows.dtype}")
        rows = np.where(rows < 0, rows + len(self), rows)
        if rows.size and (rows.min() < 0 or rows.max() >= len(self)):
            raise IndexError("row out of range")
        return self._objects(self.arrow.take(pa.array(rows.ravel(), type=pa.int64()))).reshape(rows.shape)

    @staticmethod
    def _objects(arr: pa.Array) -> np.ndarray:
        out = np.empty(len(arr), dtype=object)
        out[:] = arr.to_pylist()
        return out

    def __iter__(self):
        step = 65_536  # Python strings for a block at a time, not the whole column
        for start in range(0, len(self), step):
            yield from self.arrow.slice(start, step).to_pylist()

    def __contains__(self, value: object) -> bool:
        return isinstance(value, str) and pc.index(self.arrow, value).as_py() >= 0

    def __array__(self, dtype=None, copy=None) -> np.ndarray:
        out = self._objects(self.arrow)
        return out if dtype is None else out.astype(dtype)

    def tolist(self) -> list:
        return self.arrow.to_pylist()

    def __repr__(self) -> str:
        head = ", ".join(repr(v) for v in self.arrow.slice(0, 3).to_pylist())
        return f"TextColumn([{head}{', ...' if len(self) > 3 else ''}], {len(self)} rows)"


class Normalised(Mapping):
    """The normalised signals (module docstring) of a table, made from the raw ones when asked:
    only each signal's scale is kept (its smallest and largest figure), so that a million
    companies keep no second copy of their signals.  Reads as the dict of the base signals it
    stands for; each ``norm[key]`` is a new array (a few milliseconds at a million rows), and
    :meth:`at` gives one company's figure without making the column."""

    def __init__(self, raw: dict[str, np.ndarray], member: np.ndarray) -> None:
        self._raw = raw
        self._member = member
        self._scales: dict[str, _Scale] = {}

    def _inside(self, key: str, rows: slice) -> np.ndarray:
        """The raw figures of the rows on the signal's scale (log for the sums, log1p for the
        sentence count), NaN outside the universe."""
        v = self._raw[key][rows]
        if key == "traction":
            v = np.log1p(np.nan_to_num(v, nan=0.0))
        elif key in ("capital", "valuation"):
            with np.errstate(divide="ignore", invalid="ignore"):
                v = np.where(v > 0, np.log10(np.where(v > 0, v, 1.0)), np.nan)
        return np.where(self._member[rows], v, np.nan)

    def _scale_of(self, key: str, inside: np.ndarray | None = None) -> _Scale:
        scale = self._scales.get(key)
        if scale is None:
            if inside is None:
                inside = self._inside(key, slice(None))
            # the funding figures: a year before the oldest, a stage before the earliest, a
            # decade below the smallest sum
            scale = self._scales[key] = _scale(inside, 1.0 if key in FUNDING_SIGNALS else 0.0)
        return scale

    def prepare(self) -> None:
        """Find every signal's scale now (a pass over each column), not on first use."""
        for key in BASE_SIGNALS:
            self._scale_of(key)

    def __getitem__(self, key: str) -> np.ndarray:
        if key not in BASE_SIGNALS:
            raise KeyError(key)
        inside = self._inside(key, slice(None))
        return _scaled(inside, self._scale_of(key, inside))

    def at(self, key: str, row: int) -> float:
        """``self[key][row]``, without making the column."""
        if key not in BASE_SIGNALS:
            raise KeyError(key)
        row = int(row)
        if not -len(self._member) <= row < len(self._member):
            raise IndexError(row)
        row %= len(self._member)
        scale = self._scale_of(key)
        # one figure as numpy scalars (the same ufuncs as the column's, so the same bits), without
        # the column's masks and temporaries: an export asks this 50,000 times for 10,000 rows
        if not self._member[row] or scale == "none":
            return float("nan")
        v = self._raw[key][row]
        if key == "traction":
            v = np.log1p(v if v == v else 0.0)
        elif key in ("capital", "valuation"):
            if not v > 0:
                return float("nan")
            v = np.log10(v)
        if scale == "constant":
            return 0.5 if np.isfinite(v) else float("nan")
        lo, hi = scale
        return float((v - lo) / (hi - lo))

    def __iter__(self):
        return iter(BASE_SIGNALS)

    def __len__(self) -> int:
        return len(BASE_SIGNALS)

    def __repr__(self) -> str:
        return f"Normalised({', '.join(BASE_SIGNALS)})"


class RowIndex:
    """Company id -> table row, over the table's ids as they are (no Python object per row):
    :class:`core.source.IdLookup` for one id; many ids at once take one scan in all
    (:meth:`rows`)."""

    def __init__(self, ids: TextColumn) -> None:
        self._ids = ids.arrow
        self._lookup = IdLookup(self._ids)

    def _find(self, cid: object) -> int:
        return self._lookup.find(cid)

    def __getitem__(self, cid: str) -> int:
        row = self._find(cid)
        if row < 0:
            raise KeyError(cid)
        return row

    def __contains__(self, cid: object) -> bool:
        return self._find(cid) >= 0

    def get(self, cid: str, default=None):
        row = self._find(cid)
        return row if row >= 0 else default

    def rows(self, cids) -> np.ndarray:
        """Rows of many ids at once (-1 for an unknown id)."""
        cids = list(cids)
        out = np.full(len(cids), -1, dtype=np.int64)
        wanted = list(dict.fromkeys(c for c in cids if isinstance(c, str)))
        if not wanted:
            return out
        if len(wanted) <= 8:
            return np.array([self._find(c) for c in cids], dtype=np.int64)
        at = pc.index_in(self._ids, value_set=pa.array(wanted, type=pa.large_string()))
        valid = at.is_valid()
        found = np.full(len(wanted), -1, dtype=np.int64)
        places, rows = at.filter(valid).to_numpy(), np.flatnonzero(valid.to_numpy(zero_copy_only=False))
        found[places[::-1]] = rows[::-1]  # the first row of an id, as a single lookup finds
        place = dict(zip(wanted, found.tolist(), strict=True))
        self._lookup.remember(place)
        for i, c in enumerate(cids):
            if isinstance(c, str):
                out[i] = place[c]
        return out


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
    companies is a few array operations.  No Python string is kept per company: ids
    and names are Arrow text read like object arrays (:class:`TextColumn`), ``row_of`` finds
    an id by a scan (:class:`RowIndex`) and ``norm`` makes a column when asked
    (:class:`Normalised`; ``norm.at(key, row)`` for one company).
    """

    ids: TextColumn  # company ids (reads like an object array: ids[row] is a str)
    names: TextColumn  # names as written (likewise)
    raw: dict[str, np.ndarray]
    norm: Mapping[str, np.ndarray]  # computed on first use (Normalised)
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
    def tie_rows(self) -> np.ndarray:
        """The rows in the order inside a tie: more distinct quoted sentences first, then
        larger disclosed capital (none last), then name, then id (the rows are in name
        order, and the sort is stable).  Computed once per table."""
        cached = self._cache.get("tie_rows")
        if cached is None:
            funding = np.nan_to_num(self.funding_total_usd, nan=-1.0)
            if len(self) and self.evidence.min() == self.evidence.max():  # (a large import: no quotes)
                cached = np.argsort(-funding, kind="stable")
            else:
                cached = np.lexsort((-funding, -self.evidence))
            self._cache["tie_rows"] = cached
        return cached

    @property
    def tie_order(self) -> np.ndarray:
        """Each row's place in the order inside a tie (0 first; :attr:`tie_rows`).  Made when
        asked, from :attr:`tie_rows` (a few milliseconds at a million rows; the table keeps
        no second array of them)."""
        n = len(self)
        out = np.empty(n, dtype=np.int64)
        out[self.tie_rows] = np.arange(n, dtype=np.int64)
        return out

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
        return cls._build({k: v for k, v in locals().items() if k != "cls"})

    @classmethod
    def _build(cls, cols: dict, tick: Callable[[], None] | None = None) -> SignalTable:
        """:meth:`from_columns` on a dict of its arguments, which it empties as it goes: each
        source column is let go once its table-order copy is made (at a million companies
        the two would otherwise all be held at once).  ``tick()`` is called between the
        parts (a cancel point)."""

        def between() -> None:
            if tick is not None:
                tick()

        ids, names = cols.pop("ids"), cols.pop("names")
        n = len(ids)
        keys = name_keys(names, ids)
        between()
        order = sorted_rows(keys, SORT_PARTS, tick)
        del keys
        ids_ = TextColumn(_taken(ids, order))
        del ids
        names_ = TextColumn(_taken(names, order))
        del names
        search = _text_column(cols.pop("search_text"), order)
        between()
        source = dict(cols.pop("raw"))  # (a copy: the caller's dict is left as it is)
        raw = {k: _reordered(source.pop(k), order) for k in list(source)}
        for k in COMPANY_SIGNALS:
            if k not in raw:
                raw[k] = np.zeros(n)
        in_universe = cols.pop("in_universe", None)
        member = np.ones(n, dtype=bool) if in_universe is None else np.asarray(in_universe, dtype=bool)[order]
        del in_universe
        # a post-money valuation is at least the capital raised: the floor where none is stated
        capital = raw["capital"]
        floor = ~np.isfinite(raw["valuation"]) & np.isfinite(capital) & (capital > 0)
        raw["valuation"] = np.where(floor, capital, raw["valuation"])

        def taken(key: str, dtype, default: Callable[[], np.ndarray] | None = None) -> np.ndarray:
            v = cols.pop(key, None)
            if v is None and default is not None:
                return default()
            return np.asarray(v, dtype=dtype)[order]

        def same(value, dtype) -> Callable[[], np.ndarray]:
            def make() -> np.ndarray:
                out = np.empty(n, dtype=dtype)
                out[:] = value  # (one object for every row, not one each as np.full makes)
                return out

            return make

        rest = {
            "funding_total_usd": taken("funding_total_usd", np.float64),
            "funding_approx": taken("funding_approx", bool),
            "latest_valuation_usd": taken("latest_valuation_usd", np.float64),
            "countries": taken("countries", str),
            "segment_member": taken("segment_member", bool),
            "role_member": taken("role_member", bool),
            "valuation_approx": taken("valuation_approx", bool, same(True, bool)),
            "kinds": taken("kinds", object, same("other", object)),
            "evidence": _reordered(cols.pop("evidence", None), order),
        }
        return cls(
            ids=ids_,
            names=names_,
            raw=raw,
            norm=Normalised(raw, member),
            fx_cny_per_usd=cols.pop("fx_cny_per_usd"),
            segment_refs=tuple(cols.pop("segment_refs")),
            search_text=search,
            universe=cols.pop("universe", "all"),
            in_universe=member,
            valuation_floor=floor,
            **rest,
        )


#: The steps :func:`build_signals` reports: (done, STEPS) after each: the store's raw columns,
#: the sentence counts, then the table's parts (:data:`TABLE_PARTS`: the sort keys, the sort in
#: :data:`SORT_PARTS` pieces, the text columns, the number columns), then the order inside a
#: tie and the scales of the normalised signals.  At a million companies none of these takes
#: more than about 0.2 s (the store's own step is the store's).
TABLE_PARTS = 1 + SORT_PARTS + 2
STEPS = 2 + TABLE_PARTS + 1


def _sentence_counts(ids, ds: Dataset) -> tuple[np.ndarray, np.ndarray]:
    """:func:`core.source.sentence_counts` of the dataset's records; a large import (Arrow ids)
    has none but the analyst's facts (core.analyst), counted for their few companies."""
    if isinstance(ids, np.ndarray) or not ds.facts:
        return sentence_counts(ids, ds.mentions, ds.funding, ds.facts)
    wanted = list(dict.fromkeys(f.company_id for f in ds.facts))
    few = np.empty(len(wanted), dtype=object)
    few[:] = wanted
    t_few, e_few = sentence_counts(few, (), (), ds.facts)
    at = pc.index_in(ids, value_set=pa.array(wanted, type=ids.type))
    rows = np.flatnonzero(pc.is_valid(at).to_numpy(zero_copy_only=False))
    which = pc.filter(at, pc.is_valid(at)).to_numpy(zero_copy_only=False).astype(np.int64)
    traction, evidence = np.zeros(len(ids)), np.zeros(len(ids))
    traction[rows], evidence[rows] = t_few[which], e_few[which]
    return traction, evidence


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
    cols = dict(ds.store.signal_columns(fx, universe, check=lambda: step(0)))
    step(1)
    traction, evidence = _sentence_counts(cols["ids"], ds)
    cols["raw"] = {**cols["raw"], "traction": traction}
    cols["evidence"] = evidence
    del traction, evidence
    step(2)
    done = [2]

    def part() -> None:
        done[0] += 1
        step(done[0])

    table = SignalTable._build(cols, tick=part)
    step(STEPS - 1)
    # the order inside a tie and the scales of the normalised signals: here, off the UI thread,
    # rather than in the first ranking
    table.tie_rows  # noqa: B018
    if isinstance(table.norm, Normalised):
        table.norm.prepare()
    step(STEPS)
    return table
