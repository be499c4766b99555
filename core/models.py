"""The data model: the records of a dataset (:mod:`core.records`) and the Dataset that holds them.

A Dataset is what the ingest gives (:func:`core.ingest.load_dataset`) and every view reads:
its segments, and its companies in a store (:mod:`core.source`) — validated records in
memory, or the columns of a large import — asked through the same methods either way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from core.records import (
    ADOPTER_ROLES,
    PROVIDER_ROLES,
    ROLES,
    Company,
    CompanyFact,
    CompanyKind,
    DatasetMeta,
    FundingEvent,
    Investor,
    Mention,
    Role,
    Segment,
    SegmentFact,
    SegmentNumber,
    check_partial_date,
    normalise_round,
    round_stage,
)
from core.source import CompanyStore, RecordStore

# the record types are part of the data model: `from core.models import Company` reads as before
__all__ = [
    "ADOPTER_ROLES",
    "PROVIDER_ROLES",
    "ROLES",
    "Company",
    "CompanyFact",
    "CompanyKind",
    "Dataset",
    "DatasetMeta",
    "FundingEvent",
    "Investor",
    "Mention",
    "Role",
    "Segment",
    "SegmentFact",
    "SegmentNumber",
    "check_partial_date",
    "normalise_round",
    "round_stage",
]


@dataclass(frozen=True)
class Dataset:
    """A validated universe: segments, companies, what the report says about each."""

    meta: DatasetMeta
    segments: tuple[Segment, ...]
    companies: tuple[Company, ...]
    mentions: tuple[Mention, ...]
    funding: tuple[FundingEvent, ...]
    content_hash: str = ""
    origin: str = ""
    warnings: tuple[str, ...] = ()  # things kept as written but flagged (e.g. an unreadable amount)
    # What the report says a company has done or is (company_facts.csv), and the figures it
    # gives for each segment (segment_numbers.csv); both in file order, empty for an import.
    facts: tuple[CompanyFact, ...] = ()
    segment_numbers: tuple[SegmentNumber, ...] = ()
    # A large import keeps its companies in columns (core.ingest.frame.CompanyFrame) and makes
    # the records of one company on request; then the three tuples above are empty.
    columns: CompanyStore | None = field(default=None, repr=False, compare=False)

    @property
    def name(self) -> str:
        return self.meta.name

    @cached_property
    def records(self) -> RecordStore:
        """The records above, indexed by company (empty for a large import)."""
        return RecordStore(self.segments, self.companies, self.mentions, self.funding)

    @cached_property
    def store(self) -> CompanyStore:
        """Where the companies live: a large import's columns, else the records above."""
        return self.records if self.columns is None else self.columns

    # --- access that works for both kinds of store --------------------------------------------

    @property
    def n_companies(self) -> int:
        return self.store.n_companies

    def company(self, company_id: str) -> Company:
        return self.store.company(company_id)

    def has_company(self, company_id: str) -> bool:
        """Whether the dataset has a company of this id."""
        try:
            self.company(company_id)
        except KeyError:
            return False
        return True

    def mentions_of(self, company_id: str) -> tuple[Mention, ...]:
        return self.store.mentions_of(company_id)

    def funding_of(self, company_id: str) -> tuple[FundingEvent, ...]:
        """The company's funding events, oldest first."""
        return self.store.funding_of(company_id)

    def segments_of(self, company_id: str) -> tuple[str, ...]:
        """Section refs a company appears in, in report order."""
        return self.store.segments_of(company_id)

    def roles_of(self, company_id: str) -> tuple[Role, ...]:
        return self.store.roles_of(company_id)

    def country_counts(self) -> dict[str, int]:
        return self.store.country_counts()

    def facts_of(self, company_id: str) -> tuple[CompanyFact, ...]:
        """The company's facts in report (file) order; empty when it has none (and for a large import)."""
        return self.facts_by_company.get(company_id, ())

    def numbers_of(self, ref: str) -> tuple[SegmentNumber, ...]:
        """The figures the report gives for a segment, in report order; empty when none."""
        return self.numbers_by_segment.get(ref, ())

    def summary(self) -> str:
        s = self.store
        return (
            f"{self.name}: {len(self.segments)} segments, {self.n_companies:,} companies, "
            f"{s.n_mentions:,} mentions, {s.n_funding:,} funding events"
        )

    # --- the records, indexed (a large import's are empty: ask company() and the like) -----------

    @cached_property
    def segment_by_ref(self) -> dict[str, Segment]:
        return {s.ref: s for s in self.segments}

    @cached_property
    def facts_by_company(self) -> dict[str, tuple[CompanyFact, ...]]:
        out: dict[str, list[CompanyFact]] = {}
        for f in self.facts:
            out.setdefault(f.company_id, []).append(f)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def numbers_by_segment(self) -> dict[str, tuple[SegmentNumber, ...]]:
        out: dict[str, list[SegmentNumber]] = {}
        for n in self.segment_numbers:
            out.setdefault(n.segment, []).append(n)
        return {k: tuple(v) for k, v in out.items()}

    @property
    def company_by_id(self) -> dict[str, Company]:
        return self.records.company_by_id

    @property
    def mentions_by_company(self) -> dict[str, tuple[Mention, ...]]:
        return self.records.mentions_by_company

    @property
    def funding_by_company(self) -> dict[str, tuple[FundingEvent, ...]]:
        return self.records.funding_by_company
