"""Which companies are shown: one filter definition for the table, the CLI and the memo."""

from __future__ import annotations

from collections.abc import Collection

import numpy as np
from pydantic import BaseModel, ConfigDict

from core.signals import SignalTable, squash


class Filters(BaseModel):
    """Empty fields filter nothing.  Within a field any value matches (OR); fields combine (AND)."""

    model_config = ConfigDict(frozen=True)

    query: str = ""
    countries: frozenset[str] = frozenset()
    segments: frozenset[str] = frozenset()
    scenarios: frozenset[str] = frozenset()
    industries: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    funded_only: bool = False
    shortlist_only: bool = False

    def is_empty(self) -> bool:
        return self == Filters()

    def describe(self) -> str:
        """One line for a status bar or a memo's method sheet."""
        parts = []
        if self.query:
            parts.append(f"search “{self.query}”")
        for label, values in (
            ("country", self.countries),
            ("segment", self.segments),
            ("scenario", self.scenarios),
            ("industry", self.industries),
            ("role", self.roles),
        ):
            if values:
                parts.append(f"{label} {', '.join(sorted(values))}")
        if self.funded_only:
            parts.append("funding disclosed only")
        if self.shortlist_only:
            parts.append("shortlisted only")
        return "; ".join(parts) if parts else "none"


def filter_mask(
    table: SignalTable,
    filters: Filters,
    *,
    segment_refs_by_scenario: dict[str, set[str]] | None = None,
    segment_refs_by_industry: dict[str, set[str]] | None = None,
    shortlist: Collection[str] = (),
) -> np.ndarray:
    """Boolean mask over the table's rows of the companies the filters let through."""
    n = len(table)
    mask = np.ones(n, dtype=bool)
    if filters.countries:
        wanted = {c.upper() for c in filters.countries}
        mask &= np.fromiter((c in wanted for c in table.countries), dtype=bool, count=n)
    seg_sets = []
    if filters.segments:
        seg_sets.append(set(filters.segments))
    if filters.scenarios:
        refs = set().union(*((segment_refs_by_scenario or {}).get(s, set()) for s in filters.scenarios))
        seg_sets.append(refs)
    if filters.industries:
        refs = set().union(*((segment_refs_by_industry or {}).get(s, set()) for s in filters.industries))
        seg_sets.append(refs)
    for refs in seg_sets:
        mask &= np.fromiter((not refs.isdisjoint(s) for s in table.segments), dtype=bool, count=n)
    if filters.roles:
        roles = set(filters.roles)
        mask &= np.fromiter((not roles.isdisjoint(r) for r in table.roles), dtype=bool, count=n)
    if filters.funded_only:
        mask &= np.isfinite(table.funding_total_usd)
    if filters.shortlist_only:
        ids = set(shortlist)
        mask &= np.fromiter((i in ids for i in table.ids), dtype=bool, count=n)
    q = squash(filters.query)
    if q:
        rows = np.flatnonzero(mask)
        hits = np.fromiter((q in table.search_text[i] for i in rows), dtype=bool, count=len(rows))
        mask[:] = False
        mask[rows[hits]] = True
    return mask
