"""Which companies are shown: one filter definition for the table, the CLI and the memo."""

from __future__ import annotations

from collections.abc import Collection, Mapping

import numpy as np
from pydantic import BaseModel, ConfigDict

from core.i18n import QT_TRANSLATE_NOOP, translate
from core.models import ROLES, Dataset
from core.signals import SignalTable
from core.source import squash

#: In ``Filters.countries``: the companies whose country is not known (the table holds "").
UNKNOWN_COUNTRY = ""
#: How that choice is named to the user (the country filter, ``--country unknown``): English
#: source text, :func:`unknown_country_label` in the current language.
UNKNOWN_COUNTRY_LABEL = QT_TRANSLATE_NOOP("filters", "Unknown")
#: In ``Filters.stages``: the companies not in the pipeline (no stage).
NO_STAGE = ""
#: How that choice is named to the user (:func:`no_stage_label` in the current language).
NO_STAGE_LABEL = QT_TRANSLATE_NOOP("filters", "Not in the pipeline")


def unknown_country_label() -> str:
    """The choice of the companies without a country, as a user reads it: "Unknown"."""
    return translate("filters", UNKNOWN_COUNTRY_LABEL)


def no_stage_label() -> str:
    """The choice of the companies not in the pipeline, as a user reads it: "Not in the pipeline"."""
    return translate("filters", NO_STAGE_LABEL)


def _stage_word(stage: str) -> str:
    """A stage in :meth:`Filters.describe`: its key in English ("diligence"), its default label
    (core.analyst.DEFAULT_STAGE_LABELS, marked there) in another language."""
    label = translate("analyst", stage.capitalize())
    return stage if label == stage.capitalize() else label


def country_text(code: str) -> str:
    """A country of the filter as a user reads it: the code, or "unknown"."""
    return code if code != UNKNOWN_COUNTRY else translate("filters", "unknown")


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
            parts.append(translate("filters", "search “{query}”").format(query=self.query))
        if self.countries:
            countries = ", ".join(sorted(country_text(c) for c in self.countries))
            parts.append(translate("filters", "country {values}").format(values=countries))
        for label, values in (
            (translate("filters", "segment {values}"), self.segments),
            (translate("filters", "scenario {values}"), self.scenarios),
            (translate("filters", "industry {values}"), self.industries),
            (translate("filters", "role {values}"), self.roles),
            (translate("filters", "kind {values}"), self.kinds),
        ):
            if values:
                parts.append(label.format(values=", ".join(sorted(values))))
        if self.stages:
            not_in = translate("filters", "not in the pipeline")
            named = sorted(not_in if st == NO_STAGE else _stage_word(st) for st in self.stages)
            parts.append(translate("filters", "stage {values}").format(values=", ".join(named)))
        if self.funded_only:
            parts.append(translate("filters", "funding disclosed only"))
        if self.shortlist_only:
            parts.append(translate("filters", "shortlisted only"))
        return "; ".join(parts) if parts else translate("filters", "none")


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
