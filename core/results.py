"""The ranked result as plain records: the contract of `main.py rank --format json`.

The command line, the Excel memo and any other tool read a ranking through these models, so
the arithmetic lives in one place (core.scoring) and the shape is validated here.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping

import numpy as np
from pydantic import BaseModel, ConfigDict

from core.filters import Filters, filter_mask
from core.lenses import LensResult
from core.merge import added_from
from core.models import Dataset
from core.present import latest_round
from core.scoring import FUNDING_SUBS, SIGNALS, MissingPolicy, Ranking


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SegmentOut(_Out):
    ref: str
    scenario: str
    industry: str
    scenario_zh: str
    industry_zh: str
    market: int
    logic: int
    compute: int
    corpus: int


class DatasetOut(_Out):
    name: str
    companies: int  # every company of the dataset
    universe: str  # the universe screened: providers | adopters | all (core.source)
    screened: int  # companies in that universe
    ranked: int  # companies of the universe the missing-data policy left in the ranking
    fx_cny_per_usd: float
    missing: MissingPolicy
    content_hash: str


class RoundOut(_Out):
    """One funding record.  The amount and the valuation are separate figures, each with its
    text as written, its point estimate in US dollars and whether that is approximate (vague
    wording or converted from yuan).  How a record reads is :func:`core.present.round_label`."""

    round: str
    round_norm: str | None
    status: str
    date: str | None  # partial ISO date at the precision written: "2024", "2024-03"
    date_text: str  # the date as the report writes it: "2024年3月"
    amount_text: str
    amount_usd: float | None
    amount_approximate: bool
    valuation_text: str
    valuation_usd: float | None
    valuation_approximate: bool
    cumulative: bool
    investors: list[str]
    lead_investors: list[str]
    segment: str | None
    quote: str
    ambiguity: str
    # your fact (main.py facts add), as every view marks it (core.present.analyst_mark); None = the report's
    analyst: str | None = None
    # a report round your fact of the same round counts instead of (core.present.superseded_text)
    superseded_by: int | None = None


class EvidenceOut(_Out):
    segment: str
    role: str
    quote: str


class FactOut(_Out):
    """Something the report says the company has done or is (core.records.CompanyFact)."""

    kind: str  # client | outcome | product | founded | founder | listing | rounds_count
    value: str
    unit: str
    segment: str
    quote: str
    analyst: str | None = None  # your fact, marked with its source; None = the report's


class FundingPartOut(_Out):
    """One sub-signal of the funding signal (core.scoring.FundingPart)."""

    key: str  # capital | valuation | recency | stage
    raw: float | None  # USD, fractional year or stage; the valuation floor is the capital
    norm: float | None  # 0..1 across the universe
    weight: float
    status: str  # disclosed | floor | left out | zero | neutral | none
    approximate: bool  # the dollar figure is read from vague wording or converted from yuan


class Signals3(_Out):
    value: float
    difficulty: float
    funding: float


class CompanyOut(_Out):
    rank: int  # 1 + the companies of the universe scoring strictly higher (shared); 0 = not ranked
    position: int  # the place in the ranked list (1-based); 0 = not ranked
    shared: bool  # another company has the same rank (equal score to one decimal)
    in_universe: bool
    id: str
    name: str
    name_en: str
    aliases: list[str]
    country: str | None
    kind: str
    segments: list[str]
    score: float
    signals: Signals3
    missing: list[str]
    contributions: Signals3
    stability: float | None
    funding_total_usd: float | None
    funding_approximate: bool
    latest_valuation_usd: float | None
    latest_valuation_approximate: bool
    latest_round: str  # the label every view shows (core.present.latest_round); "" for none
    rounds: list[RoundOut]
    funding_parts: list[FundingPartOut]
    evidence: list[EvidenceOut]
    facts: list[FactOut]
    traction: int  # distinct report sentences among its client, outcome, product and listing facts
    evidence_sentences: int  # distinct report sentences about it: mentions, facts, funding
    analyst_facts: int = 0  # your active facts on it counted in this ranking (0 with --report-only)
    stage: str | None = None  # its pipeline stage (main.py pipeline set); None when not in the pipeline
    added_from: str | None = None  # the file it was added from (--add FILE); None for the dataset's own


class RankResult(_Out):
    weights: dict[str, float]
    preset: str | None
    filters: str
    top_k: int
    tie_note: str | None  # the last place shown cuts a tie: "places 8–18 are shared by 11 companies (…)"
    dataset: DatasetOut
    segments: list[SegmentOut]
    companies: list[CompanyOut]


def _num(x: float) -> float | None:
    return None if x is None or not math.isfinite(float(x)) else float(x)


def _mark(record: object) -> str | None:
    """The analyst mark of a funding event or fact (core.present.analyst_mark); None for the report's."""
    mark = getattr(record, "analyst", None)
    if mark is None:
        return None
    from core.present import analyst_mark

    return analyst_mark(mark)


def company_out(
    ds: Dataset,
    ranking: Ranking,
    row: int,
    *,
    analyst_facts: Mapping[str, int] | None = None,
    stages: Mapping[str, str] | None = None,
    added: Mapping[str, str] | None = None,
) -> CompanyOut:
    t = ranking.table
    cid = str(t.ids[row])
    c = ds.company(cid)
    fx = t.fx_cny_per_usd
    rounds = []
    events = ds.funding_of(cid)
    for f in events:
        m = f.amount
        v = f.valuation
        rounds.append(
            RoundOut(
                round=f.round,
                round_norm=f.round_norm,
                status=f.status,
                date=f.date,
                date_text=f.date_text,
                amount_text=f.amount_text,
                amount_usd=m.usd_point(fx),
                amount_approximate=m.parsed and (m.approximate or m.currency != "USD"),
                valuation_text=f.valuation_text,
                valuation_usd=v.usd_point(fx) if v else None,
                valuation_approximate=bool(v and v.parsed and (v.approximate or v.currency != "USD")),
                cumulative=f.cumulative,
                investors=[i.name for i in f.investors],
                lead_investors=list(f.lead_investors),
                segment=f.segment,
                quote=f.quote,
                ambiguity=f.ambiguity,
                analyst=_mark(f),
                superseded_by=f.superseded_by,
            )
        )
    sig = ranking.signals[row]
    con = ranking.contributions_of(row)
    inside = bool(t.in_universe[row])
    parts = ranking.funding_parts(row)
    return CompanyOut(
        rank=int(ranking.rank[row]),
        position=int(ranking.position[row]),
        shared=bool(ranking.shared[row]),
        in_universe=inside,
        id=cid,
        name=c.name,
        name_en=c.name_en,
        aliases=list(c.aliases),
        country=c.country,
        kind=c.kind,
        # the segments where it plays the universe's role; all of its own outside the universe
        segments=list(t.segments_of(row) if inside else ds.segments_of(cid)),
        score=round(float(ranking.score[row]), 4),
        signals=Signals3(**{k: round(float(sig[i]), 6) for i, k in enumerate(SIGNALS)}),
        missing=[k for i, k in enumerate(SIGNALS) if ranking.missing[row, i]],
        contributions=Signals3(**{k: round(float(con[i]), 4) for i, k in enumerate(SIGNALS)}),
        stability=None if ranking.all_zero else _num(ranking.stability[row]),
        funding_total_usd=_num(t.funding_total_usd[row]),
        funding_approximate=bool(t.funding_approx[row]),
        latest_valuation_usd=_num(t.latest_valuation_usd[row]),
        latest_valuation_approximate=bool(t.valuation_approx[row]),
        latest_round=latest_round(events),
        rounds=rounds,
        funding_parts=[
            FundingPartOut(
                key=k,
                raw=parts[k].raw,
                norm=None if parts[k].norm is None else round(parts[k].norm, 6),
                weight=parts[k].weight,
                status=parts[k].status,
                approximate=parts[k].approximate,
            )
            for k in FUNDING_SUBS
        ],
        evidence=[EvidenceOut(segment=m.segment, role=m.role, quote=m.quote) for m in ds.mentions_of(cid)],
        facts=[
            FactOut(
                kind=f.kind, value=f.value, unit=f.unit, segment=f.segment, quote=f.quote, analyst=_mark(f)
            )
            for f in ds.facts_of(cid)
        ],
        traction=int(t.raw["traction"][row]),
        evidence_sentences=int(t.evidence[row]),
        analyst_facts=(analyst_facts or {}).get(cid, 0),
        stage=(stages or {}).get(cid),
        added_from=(added if added is not None else added_from(ds)).get(cid),
    )


def segment_index(ds: Dataset) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    by_scenario: dict[str, set[str]] = {}
    by_industry: dict[str, set[str]] = {}
    for s in ds.segments:
        by_scenario.setdefault(s.scenario, set()).add(s.ref)
        by_industry.setdefault(s.industry, set()).add(s.ref)
    return by_scenario, by_industry


def dataset_mask(
    ds: Dataset,
    table,
    filters: Filters,
    shortlist: Collection[str] = (),
    stages: Mapping[str, str] | None = None,
) -> np.ndarray:
    """The filters over a dataset's signal table (scenarios and industries read from its
    segments; ``stages``: the pipeline stage of each company in it, for the stage filter)."""
    by_scenario, by_industry = segment_index(ds)
    return filter_mask(
        table,
        filters,
        segment_refs_by_scenario=by_scenario,
        segment_refs_by_industry=by_industry,
        shortlist=shortlist,
        stages=stages,
    )


def shown_rows(
    ds: Dataset, ranking: Ranking, filters: Filters, shortlist: Collection[str] = (), top: int = 0
) -> np.ndarray:
    """Ranked rows that pass the filters, best first, at most ``top`` (0 = all)."""
    mask = dataset_mask(ds, ranking.table, filters, shortlist)
    rows = ranking.order[mask[ranking.order]]
    return rows[:top] if top > 0 else rows


def shortlist_rows(ds: Dataset, ranking: Ranking, filters: Filters, shortlist: Collection[str]) -> np.ndarray:
    """Shortlisted rows that pass the filters: ranked ones in rank order, then any not ranked
    (left out by the policy, or outside the universe: a starred company stays in its memo even
    when it is not ranked), by name."""
    mask = dataset_mask(ds, ranking.table, filters, shortlist)
    starred = np.zeros(len(mask), dtype=bool)
    found = ranking.table.row_of.rows(set(shortlist)) if shortlist else np.zeros(0, dtype=np.int64)
    starred[found[found >= 0]] = True
    rows = np.flatnonzero(mask & starred)
    places = ranking.position[rows]
    key = np.where(places > 0, places, np.iinfo(np.int64).max)
    return rows[np.argsort(key, kind="stable")]


def build_result(
    ds: Dataset,
    ranking: Ranking,
    filters: Filters,
    *,
    top: int = 0,
    preset: str | None = None,
    shortlist: Collection[str] = (),
    analyst_facts: Mapping[str, int] | None = None,
    stages: Mapping[str, str] | None = None,
) -> RankResult:
    """The ranking as plain records; ``analyst_facts`` (company id -> the user's active facts
    counted) and ``stages`` (company id -> pipeline stage) fill those fields of each company."""
    shown = shown_rows(ds, ranking, filters, shortlist)
    added = added_from(ds)
    rows = shown[:top] if top > 0 else shown
    return RankResult(
        weights=ranking.weights.model_dump(),
        preset=preset,
        filters=filters.describe(),
        top_k=ranking.top_k,
        tie_note=ranking.tie_note(top, shown) if top > 0 else None,
        dataset=DatasetOut(
            name=ds.name,
            companies=ds.n_companies,
            universe=ranking.universe,
            screened=ranking.table.n_universe,
            ranked=int(ranking.included.sum()),
            fx_cny_per_usd=ranking.table.fx_cny_per_usd,
            missing=ranking.policy,
            content_hash=ds.content_hash,
        ),
        segments=[
            SegmentOut(
                ref=s.ref,
                scenario=s.scenario,
                industry=s.industry,
                scenario_zh=s.scenario_zh,
                industry_zh=s.industry_zh,
                market=s.market,
                logic=s.logic,
                compute=s.compute,
                corpus=s.corpus,
            )
            for s in ds.segments
        ],
        companies=[
            company_out(ds, ranking, int(r), analyst_facts=analyst_facts, stages=stages, added=added)
            for r in rows
        ],
    )


# --- lenses: the contract of `main.py lenses --format json` -------------------------------------


class LensOut(_Out):
    """One lens: a preset key or ``profile:<name>``, its label and its weights (sub-weights too)."""

    name: str
    label: str
    weights: dict[str, float]


class LensCompanyOut(_Out):
    """One company under every lens (core.lenses.LensResult)."""

    id: str
    name: str
    name_en: str
    ranks: dict[str, int]  # lens name -> shared rank under it, as `rank --preset` gives; 0 = not ranked
    shared: dict[str, bool]  # lens name -> another company has the same rank under it ("5=")
    top: int  # under how many lenses it is in the top N
    robust: bool  # in the top N under every lens
    pareto: bool  # no company is at least as good on value, ease and funding and better on one


class LensesResult(_Out):
    lenses: list[LensOut]
    top_n: int  # the band of "robust": ranks 1..top_n under every lens
    n_robust: int  # robust companies in the universe (listed or not)
    n_pareto: int  # Pareto-optimal companies in the universe (listed or not)
    filters: str
    dataset: DatasetOut
    companies: list[LensCompanyOut]  # most lenses with the company in the top N first


def lens_rows(ds: Dataset, result: LensResult, filters: Filters, *, top: bool = True) -> np.ndarray:
    """The rows a lenses view lists, in :meth:`LensResult.order`: those passing the filters and
    ranked under some lens; with ``top`` only those in the top N under at least one lens."""
    rows = result.top_rows() if top else result.order()
    mask = dataset_mask(ds, result.table, filters)
    return rows[mask[rows]]


def build_lenses_result(
    ds: Dataset, result: LensResult, filters: Filters, *, top: bool = True
) -> LensesResult:
    """The lenses as plain records (``main.py lenses --format json``)."""
    t = result.table
    rows = lens_rows(ds, result, filters, top=top)
    top_count = result.top_count
    shared = result.shared
    companies = []
    for r in rows:
        c = ds.company(str(t.ids[r]))
        companies.append(
            LensCompanyOut(
                id=c.id,
                name=c.name,
                name_en=c.name_en,
                ranks=result.ranks_of(int(r)),
                shared={lens.name: bool(x) for lens, x in zip(result.lenses, shared[r], strict=True)},
                top=int(top_count[r]),
                robust=bool(result.robust[r]),
                pareto=bool(result.pareto[r]),
            )
        )
    ranked = int((result.ranks > 0).any(axis=1).sum()) if result.lenses else 0
    return LensesResult(
        lenses=[
            LensOut(name=lens.name, label=lens.label, weights=lens.weights.model_dump())
            for lens in result.lenses
        ],
        top_n=result.top_n,
        n_robust=int(result.robust.sum()),
        n_pareto=int(result.pareto.sum()),
        filters=filters.describe(),
        dataset=DatasetOut(
            name=ds.name,
            companies=ds.n_companies,
            universe=t.universe,
            screened=t.n_universe,
            ranked=ranked,
            fx_cny_per_usd=t.fx_cny_per_usd,
            missing=result.policy,
            content_hash=ds.content_hash,
        ),
        companies=companies,
    )
