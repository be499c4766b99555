"""Where a dataset's companies live, and what the signals ask of them.

A :class:`core.models.Dataset` keeps its companies in a store.  The bundled data and a small
import keep validated records in memory (:class:`RecordStore`); a large import keeps one
column per field (:class:`core.ingest.frame.CompanyFrame`) and makes the records of one company
when asked.  Both answer the same questions (:class:`CompanyStore`), among them the one the
signals ask (:class:`SignalSource`): the raw signal columns of every company, each store by
its own means (row by row here, by array operations there), under the definitions written in
:mod:`core.signals`, which normalises the columns without knowing which store gave them.
"""

from __future__ import annotations

import contextlib
import ctypes
import sys
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import TYPE_CHECKING, Literal, NotRequired, Protocol, TypedDict

import numpy as np

if TYPE_CHECKING:
    import pyarrow as pa

from core.records import (
    ADOPTER_ROLES,
    PROVIDER_ROLES,
    ROLES,
    Company,
    FundingEvent,
    Mention,
    Role,
    Segment,
    name_key,
    quote_key,
)

SEGMENT_SIGNALS = ("market", "logic", "compute", "corpus")
#: Signals of the company's own evidence (the report's sentences about it), not of its segments.
COMPANY_SIGNALS = ("traction",)
FUNDING_SIGNALS = ("capital", "valuation", "recency", "stage")
BASE_SIGNALS = SEGMENT_SIGNALS + COMPANY_SIGNALS + FUNDING_SIGNALS

#: The companies a ranking screens (see :func:`universe_roles` and core.signals).
Universe = Literal["providers", "adopters", "all"]
UNIVERSES: tuple[Universe, ...] = ("providers", "adopters", "all")
DEFAULT_UNIVERSE: Universe = "providers"
_UNIVERSE_ROLES: dict[str, tuple[Role, ...] | None] = {
    "providers": PROVIDER_ROLES,
    "adopters": ADOPTER_ROLES,
    "all": None,
}
#: Companies between two cancel points of the record path's signal columns (about 0.02 s).
CHECK_EVERY = 1000
#: Fact kinds that show a company's traction (core.signals, "traction").
TRACTION_FACT_KINDS = ("client", "outcome", "product", "listing")


def universe_roles(universe: str) -> frozenset[str] | None:
    """The roles that put a company in a universe, None for "all" (every company).

    A company is in the universe when it has a mention with one of these roles, or a funding
    event while ``funded`` is one of them (a funding event counts as the role funded).
    """
    if universe not in _UNIVERSE_ROLES:
        raise ValueError(f"unknown universe {universe!r}; choose one of {', '.join(UNIVERSES)}")
    roles = _UNIVERSE_ROLES[universe]
    return None if roles is None else frozenset(roles)


class _Quoted(Protocol):
    @property
    def company_id(self) -> str: ...
    @property
    def quote(self) -> str: ...


def sentence_counts(
    ids: np.ndarray, mentions: Iterable[_Quoted], funding: Iterable[_Quoted], facts: Iterable[_Quoted]
) -> tuple[np.ndarray, np.ndarray]:
    """Per company id: (traction sentences, evidence sentences), each sentence counted once.

    A sentence is a quote with its whitespace removed (:func:`core.records.quote_key`).
    Traction counts the distinct sentences of the company's facts of the kinds in
    :data:`TRACTION_FACT_KINDS`; evidence the distinct sentences about it among its mentions,
    facts and funding events (the first thing that orders a tie, core.scoring).  Records of
    companies not in ``ids`` are ignored; a company without any has 0 and 0.
    """
    traction: dict[str, set[str]] = {}
    evidence: dict[str, set[str]] = {}
    for record in (*mentions, *funding):
        evidence.setdefault(record.company_id, set()).add(quote_key(record.quote))
    for fact in facts:
        key = quote_key(fact.quote)
        evidence.setdefault(fact.company_id, set()).add(key)
        if getattr(fact, "kind", None) in TRACTION_FACT_KINDS:
            traction.setdefault(fact.company_id, set()).add(key)
    if not evidence:  # a large import keeps no records: nothing to count
        return np.zeros(len(ids)), np.zeros(len(ids))
    t = np.fromiter((len(traction.get(i, ())) for i in ids), dtype=np.float64, count=len(ids))
    e = np.fromiter((len(evidence.get(i, ())) for i in ids), dtype=np.float64, count=len(ids))
    return t, e


def _malloc_trim():
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None).malloc_trim  # glibc; absent under musl
    except (OSError, AttributeError):
        return None


_TRIM = _malloc_trim()

#: glibc's M_MMAP_THRESHOLD, and the size from which a block is mapped on its own.
_M_MMAP_THRESHOLD = -3
_MAP_FROM = 1 << 20


def _map_large_blocks() -> None:
    """Have the C heap map every block of a megabyte or more on its own, so that freeing it
    gives it back to the system at once.  glibc otherwise raises that threshold after the first
    such block is freed (up to 32 MB), and the million-row temporaries of a large import and
    of a ranking (8 MB a column) then stay in its heap: some 50 MB more at the peak."""
    if _TRIM is None:
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).mallopt(_M_MMAP_THRESHOLD, _MAP_FROM)


_map_large_blocks()


def release_memory() -> None:
    """Give the memory freed by a step of a large import back to the system: Arrow's allocator
    (mimalloc) and the C heap (pandas' and numpy's temporaries) otherwise keep freed blocks,
    which at a million companies doubled the peak.  A few microseconds."""
    import pyarrow as pa  # (already loaded by pandas wherever there is work to release)

    pa.default_memory_pool().release_unused()
    if _TRIM is not None:
        _TRIM(0)


class IdLookup:
    """The first position of an id in an Arrow array of ids, without a Python object per id.

    The first few ids asked for are found by one scan each (a few milliseconds at a million);
    after :data:`SCANS` of them a sorted permutation of the ids is made once (8 bytes an id,
    a fraction of a second at a million) and every later id is found by a binary search of it
    (twenty-odd comparisons).  Found ids are remembered."""

    SCANS = 8
    _REMEMBER = 1 << 16

    def __init__(self, ids: pa.Array) -> None:
        self._ids = ids
        self._known: dict[str, int] = {}
        self._scans = 0
        self._perm: np.ndarray | None = None

    def _search(self, cid: str) -> int:
        import bisect

        perm, ids = self._perm, self._ids
        assert perm is not None
        at = bisect.bisect_left(range(len(perm)), cid, key=lambda i: ids[int(perm[i])].as_py())
        return int(perm[at]) if at < len(perm) and ids[int(perm[at])].as_py() == cid else -1

    def find(self, cid: object) -> int:
        """The row of ``cid`` (its first), or -1."""
        if not isinstance(cid, str):
            return -1
        row = self._known.get(cid)
        if row is not None:
            return row
        if self._perm is None and self._scans < self.SCANS:
            import pyarrow.compute as pc

            self._scans += 1
            row = int(pc.index(self._ids, cid).as_py())
        else:
            if self._perm is None:
                import pyarrow.compute as pc

                # stable: equal ids keep their order, so the search finds the first
                self._perm = pc.sort_indices(self._ids).to_numpy()  # (nulls last)
                self._perm = self._perm[: len(self._ids) - self._ids.null_count]
            row = self._search(cid)
        if len(self._known) >= self._REMEMBER:
            self._known.clear()
        self._known[cid] = row
        return row

    def remember(self, found: dict[str, int]) -> None:
        """Rows found by a caller's own bulk lookup."""
        if len(self._known) + len(found) > self._REMEMBER:
            self._known.clear()
        if len(found) <= self._REMEMBER:
            self._known.update(found)


class ImportCancelled(Exception):
    """The user cancelled an import (reading the file or making its signals); nothing was
    loaded.  (Defined here so that :mod:`core.signals` can raise it; the readers re-export it
    from :mod:`core.ingest`.)"""


def squash(text: str) -> str:
    """The form a name is searched in ("智谱 AI" finds "智谱AI", "ａｃｍｅ" finds "Acme"):
    :func:`core.records.name_key`, the form in which two names are the same name."""
    return name_key(text)


def search_key(names: Iterable[str]) -> str:
    """Every name and alias of a company, squashed, separated by a unit separator."""
    return "\x1f".join(squash(n) for n in names)


class SignalColumns(TypedDict):
    """The raw signals of every company, in any row order (see SignalTable.from_columns)."""

    ids: np.ndarray | pa.Array  # company ids (object array, or Arrow strings for a large import)
    names: np.ndarray | pa.Array  # names as written (likewise)
    raw: dict[str, np.ndarray]  # BASE_SIGNALS -> float column, NaN where there is no figure
    funding_total_usd: np.ndarray
    funding_approx: np.ndarray
    latest_valuation_usd: np.ndarray
    fx_cny_per_usd: float
    countries: np.ndarray
    segment_refs: tuple[str, ...]
    segment_member: np.ndarray  # bool, rows x segment_refs
    role_member: np.ndarray  # bool, rows x ROLES
    search_text: np.ndarray | pa.Array  # search_key() of each company's names (Arrow for a large import)
    valuation_approx: np.ndarray
    # the universe the segment signals and membership were computed for (see universe_roles):
    # in_universe marks its companies; segment_member and the segment signals of each company
    # cover only the segments where it plays the universe's role (none for a company outside)
    universe: NotRequired[str]
    in_universe: NotRequired[np.ndarray]  # bool
    kinds: NotRequired[np.ndarray]  # object array of company kinds ("bank", "startup" ...)


class SignalSource(Protocol):
    """A source that can give the raw signal columns of its companies."""

    def signal_columns(
        self,
        fx_cny_per_usd: float,
        universe: str = DEFAULT_UNIVERSE,
        *,
        check: Callable[[], None] | None = None,
    ) -> SignalColumns:
        """``check()`` is called every few tenths of a second at most; it raises to cancel."""
        ...


class CompanyStore(SignalSource, Protocol):
    """Where a dataset's companies live: what every view and the signals may ask of them."""

    @property
    def n_companies(self) -> int: ...

    @property
    def n_mentions(self) -> int: ...

    @property
    def n_funding(self) -> int: ...

    def company(self, company_id: str) -> Company: ...

    def mentions_of(self, company_id: str) -> tuple[Mention, ...]: ...

    def funding_of(self, company_id: str) -> tuple[FundingEvent, ...]:
        """The company's funding events, oldest first."""
        ...

    def segments_of(self, company_id: str) -> tuple[str, ...]:
        """Section refs a company appears in, in the order of the dataset's segments."""
        ...

    def roles_of(self, company_id: str) -> tuple[Role, ...]:
        """The company's roles, in the order of ROLES."""
        ...

    def country_counts(self) -> dict[str, int]: ...


def _objects(values: list) -> np.ndarray:
    arr = np.empty(len(values), dtype=object)
    arr[:] = values
    return arr


class RecordStore:
    """Companies as validated records in memory: the bundled data and a small import."""

    def __init__(
        self,
        segments: tuple[Segment, ...],
        companies: tuple[Company, ...],
        mentions: tuple[Mention, ...],
        funding: tuple[FundingEvent, ...],
    ) -> None:
        self.segments = segments
        self.companies = companies
        self.mentions = mentions
        self.funding = funding

    @cached_property
    def company_by_id(self) -> dict[str, Company]:
        return {c.id: c for c in self.companies}

    @cached_property
    def mentions_by_company(self) -> dict[str, tuple[Mention, ...]]:
        out: dict[str, list[Mention]] = {c.id: [] for c in self.companies}
        for m in self.mentions:
            out.setdefault(m.company_id, []).append(m)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def funding_by_company(self) -> dict[str, tuple[FundingEvent, ...]]:
        out: dict[str, list[FundingEvent]] = {c.id: [] for c in self.companies}
        for f in self.funding:
            out.setdefault(f.company_id, []).append(f)
        return {k: tuple(sorted(v, key=lambda f: (f.year_fraction or 0.0, f.id))) for k, v in out.items()}

    @cached_property
    def _segment_order(self) -> dict[str, int]:
        return {s.ref: i for i, s in enumerate(self.segments)}

    # --- the CompanyStore questions -------------------------------------------------------------

    @property
    def n_companies(self) -> int:
        return len(self.companies)

    @property
    def n_mentions(self) -> int:
        return len(self.mentions)

    @property
    def n_funding(self) -> int:
        return len(self.funding)

    def company(self, company_id: str) -> Company:
        return self.company_by_id[company_id]

    def mentions_of(self, company_id: str) -> tuple[Mention, ...]:
        return self.mentions_by_company.get(company_id, ())

    def funding_of(self, company_id: str) -> tuple[FundingEvent, ...]:
        return self.funding_by_company.get(company_id, ())

    def segments_of(self, company_id: str) -> tuple[str, ...]:
        refs = {m.segment for m in self.mentions_by_company.get(company_id, ())}
        refs |= {f.segment for f in self.funding_by_company.get(company_id, ()) if f.segment}
        order = self._segment_order
        return tuple(sorted(refs, key=lambda r: order.get(r, len(order))))

    def roles_of(self, company_id: str) -> tuple[Role, ...]:
        roles = {m.role for m in self.mentions_by_company.get(company_id, ())}
        return tuple(r for r in ROLES if r in roles)

    def country_counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for c in self.companies:
            if c.country:
                out[c.country] = out.get(c.country, 0) + 1
        return out

    # --- the SignalSource question --------------------------------------------------------------

    def universe_segments(self, company_id: str, universe: str) -> tuple[bool, tuple[str, ...]]:
        """Whether the company is in the universe, and the segments where it plays the
        universe's role (in the dataset's order): its mentions with one of the universe's
        roles, and, when ``funded`` is one of them, the segments of its funding events."""
        wanted = universe_roles(universe)
        if wanted is None:
            return True, self.segments_of(company_id)
        mentions = [m for m in self.mentions_of(company_id) if m.role in wanted]
        refs = {m.segment for m in mentions}
        member = bool(mentions)
        if "funded" in wanted:
            events = self.funding_of(company_id)
            member |= bool(events)
            refs |= {f.segment for f in events if f.segment}
        order = self._segment_order
        return member, tuple(sorted(refs, key=lambda r: order.get(r, len(order))))

    def signal_columns(
        self,
        fx_cny_per_usd: float,
        universe: str = DEFAULT_UNIVERSE,
        *,
        check: Callable[[], None] | None = None,
    ) -> SignalColumns:
        """Every raw signal of every company, record by record (see core.signals)."""
        fx = fx_cny_per_usd
        cs = self.companies
        n = len(cs)
        raw = {k: np.full(n, np.nan) for k in BASE_SIGNALS}
        total = np.full(n, np.nan)
        approx = np.zeros(n, dtype=bool)
        valuation = np.full(n, np.nan)
        val_approx = np.zeros(n, dtype=bool)
        in_universe = np.zeros(n, dtype=bool)
        universe_refs: list[tuple[str, ...]] = []
        segs = {s.ref: s for s in self.segments}
        for i, c in enumerate(cs):
            if check is not None and i % CHECK_EVERY == 0:
                check()
            member, refs = self.universe_segments(c.id, universe)
            in_universe[i] = member
            universe_refs.append(refs)
            if refs:
                for k in SEGMENT_SIGNALS:
                    raw[k][i] = sum(getattr(segs[r], k) for r in refs) / len(refs)
            single = 0.0
            single_any = False
            single_approx = False
            cum_best: tuple[float, bool] | None = None
            latest_val: tuple[float, float, bool] | None = None  # (when, usd, approximate)
            events = self.funding_of(c.id)
            # the analyst's rounds that restate a report round with a valuation of their own
            revalued = {f.analyst.id for f in events if f.analyst is not None and f.valuation is not None}
            for f in events:
                when = f.year_fraction if f.year_fraction is not None else -np.inf
                val = f.valuation if f.superseded_by not in revalued else None
                usd = val.usd_point(fx) if val is not None else None
                if usd is not None and (latest_val is None or when >= latest_val[0]):
                    latest_val = (when, usd, bool(val.approximate or val.currency != "USD"))
                if f.status != "completed":
                    continue
                if f.year_fraction is not None:
                    raw["recency"][i] = np.fmax(raw["recency"][i], f.year_fraction)
                if (stage := f.stage) is not None:
                    raw["stage"][i] = np.fmax(raw["stage"][i], stage)
                if f.superseded_by is not None:  # the analyst's figures for this round count instead
                    continue
                m = f.amount
                usd = m.usd_point(fx)
                if usd is None:
                    continue
                vague = m.approximate or m.currency != "USD"
                if f.cumulative:
                    if cum_best is None or usd > cum_best[0]:
                        cum_best = (usd, vague)
                else:
                    single += usd
                    single_any = True
                    single_approx |= vague
            candidates = []
            if single_any:
                candidates.append((single, single_approx))
            if cum_best is not None:
                candidates.append(cum_best)
            if candidates:
                best = max(candidates, key=lambda t: t[0])
                total[i], approx[i] = best
                raw["capital"][i] = best[0]
            if latest_val is not None:
                valuation[i] = latest_val[1]
                val_approx[i] = latest_val[2]
                raw["valuation"][i] = latest_val[1]

        refs = tuple(seg.ref for seg in self.segments)
        col = {r: j for j, r in enumerate(refs)}
        seg_member = np.zeros((n, len(refs)), dtype=bool)
        role_member = np.zeros((n, len(ROLES)), dtype=bool)
        for i, c in enumerate(cs):
            for r in universe_refs[i]:
                seg_member[i, col[r]] = True
            for r in self.roles_of(c.id):
                role_member[i, ROLES.index(r)] = True
        return SignalColumns(
            ids=_objects([c.id for c in cs]),
            names=_objects([c.name for c in cs]),
            raw=raw,
            funding_total_usd=total,
            funding_approx=approx,
            latest_valuation_usd=valuation,
            fx_cny_per_usd=fx,
            countries=_objects([c.country or "" for c in cs]),
            segment_refs=refs,
            segment_member=seg_member,
            role_member=role_member,
            search_text=_objects([search_key(c.all_names) for c in cs]),
            valuation_approx=val_approx,
            universe=universe,
            in_universe=in_universe,
            kinds=_objects([c.kind for c in cs]),
        )
