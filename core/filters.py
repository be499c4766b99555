"""Which companies are shown: one filter definition for the table, the CLI and the memo."""

from __future__ import annotations

from collections.abc import Collection, Mapping

import numpy as np
from pydantic import BaseModel, ConfigDict

from core.models import ROLES, Dataset
from core.signals import SignalTable
from core.source import squash

#: In ``Filters.countries``: the companies whose country is not known (the table holds "").
UNKNOWN_COUNTRY = ""
#: How that choice is named to the user (the country filter, ``--country unknown``).
UNKNOWN_COUNTRY_LABEL = "Unknown"
#: In ``Filters.stages``: the companies not in the pipeline (no stage).
NO_STAGE = ""
#: How that choice is named to the user.
NO_STAGE_LABEL = "Not in the pipeline"


def country_text(code: str) -> str:
    """A country of the filter as a user reads it: the code, or "unknown"."""
    return code if code != UNKNOWN_COUNTRY else UNKNOWN_COUNTRY_LABEL.lower()


def parse_countries(text: str) -> frozenset[str]:
    """Countries as a user writes them, comma-separated: "CN,US", "unknown" (or "?") for the
    companies without a country."""
    out = set()
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        out.add(UNKNOWN_COUNTRY if part.lower() in ("unknown", "?") else part.upper())
    return frozenset(out)


def country_counts(dataset: Dataset) -> dict[str, int]:
    """Companies per country a filter can choose, :data:`UNKNOWN_COUNTRY` among them when some
    companies have no country."""
    counts = dataset.country_counts()
    unknown = dataset.n_companies - sum(counts.values())
    return {**counts, UNKNOWN_COUNTRY: unknown} if unknown > 0 else dict(counts)


class Filters(BaseModel):
    """Empty fields filter nothing.  Within a field any value matches (OR); fields combine (AND).
    ``countries`` may hold :data:`UNKNOWN_COUNTRY` for the companies without a country."""

    model_config = ConfigDict(frozen=True)

    query: str = ""
    countries: frozenset[str] = frozenset()
    segments: frozenset[str] = frozenset()
    scenarios: frozenset[str] = frozenset()
    industries: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()  # company kinds (core.records.CompanyKind): "bank", "startup" ...
    stages: frozenset[str] = frozenset()  # pipeline stages (core.analyst.STAGES); NO_STAGE: none
    funded_only: bool = False
    shortlist_only: bool = False

    def is_empty(self) -> bool:
        return self == Filters()

    def describe(self) -> str:
        """One line for a status bar or a memo's method sheet."""
        parts = []
        if self.query:
            parts.append(f"search “{self.query}”")
        if self.countries:
            parts.append(f"country {', '.join(sorted(country_text(c) for c in self.countries))}")
        for label, values in (
            ("segment", self.segments),
            ("scenario", self.scenarios),
            ("industry", self.industries),
            ("role", self.roles),
            ("kind", self.kinds),
        ):
            if values:
                parts.append(f"{label} {', '.join(sorted(values))}")
        if self.stages:
            named = sorted(NO_STAGE_LABEL.lower() if st == NO_STAGE else st for st in self.stages)
            parts.append(f"stage {', '.join(named)}")
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
    stages: Mapping[str, str] | None = None,
) -> np.ndarray:
    """Boolean mask over the table's rows of the companies the filters let through.

    ``stages``: the pipeline stage of each company in it (company id -> stage), for
    ``filters.stages``; without it the stage filter lets every company through."""
    n = len(table)
    mask = np.ones(n, dtype=bool)
    if filters.countries:
        mask &= np.isin(table.countries, [c.upper() for c in filters.countries])
    col = {ref: j for j, ref in enumerate(table.segment_refs)}
    seg_sets = []
    if filters.segments:
        seg_sets.append(set(filters.segments))
    if filters.scenarios:
        seg_sets.append(
            set().union(*((segment_refs_by_scenario or {}).get(s, set()) for s in filters.scenarios))
        )
    if filters.industries:
        seg_sets.append(
            set().union(*((segment_refs_by_industry or {}).get(s, set()) for s in filters.industries))
        )
    for refs in seg_sets:
        cols = [col[r] for r in refs if r in col]
        mask &= table.segment_member[:, cols].any(axis=1) if cols else False
    if filters.roles:
        cols = [ROLES.index(r) for r in filters.roles if r in ROLES]
        mask &= table.role_member[:, cols].any(axis=1) if cols else False
    if filters.kinds:
        mask &= np.isin(table.kinds, list(filters.kinds))
    if filters.funded_only:
        mask &= np.isfinite(table.funding_total_usd)
    if filters.shortlist_only:
        rows = table.row_of.rows(shortlist) if shortlist else np.array([], dtype=np.int64)
        keep = np.zeros(n, dtype=bool)
        keep[rows[rows >= 0]] = True
        mask &= keep
    if filters.stages and stages is not None:
        mask &= stage_mask(table, filters.stages, stages)
    q = squash(filters.query)
    if q:
        mask &= table.search_text.str.contains(q, regex=False).to_numpy(dtype=bool)
    return mask


def stage_mask(table: SignalTable, chosen: Collection[str], stages: Mapping[str, str]) -> np.ndarray:
    """Boolean mask over the table's rows of the companies whose pipeline stage is one of
    ``chosen`` (:data:`NO_STAGE` among them: the companies not in the pipeline).  ``stages``
    maps company id to stage; the pipeline is small, so this costs its size, not the table's."""
    chosen = set(chosen)
    in_stage = np.zeros(len(table), dtype=bool)
    ids = [cid for cid, st in stages.items() if st in chosen]
    if ids:
        rows = table.row_of.rows(ids)
        in_stage[rows[rows >= 0]] = True
    if NO_STAGE in chosen:
        staged = np.zeros(len(table), dtype=bool)
        if stages:
            rows = table.row_of.rows(list(stages))
            staged[rows[rows >= 0]] = True
        in_stage |= ~staged
    return in_stage
