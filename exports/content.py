"""What a memo holds, worked out once for all its sheets (no Qt).

:class:`MemoRequest` is :class:`core.session.MemoSelection` (the one description of a memo's
content, which the session and the command line fill) plus how the memo is written.
:class:`MemoContent` is what the sheets read: the companies as the views show them, the
lenses, the tie at the memo's last place, the report's title and date, the gaps in the
figures.  Nothing here writes a cell.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

import numpy as np

from core import analyst, present
from core.i18n import QT_TRANSLATE_NOOP, translate
from core.lenses import DEFAULT_TOP_N, LensResult, compute_lenses, default_lenses
from core.models import Dataset
from core.records import AnalystMark
from core.results import CompanyOut, company_out, shown_rows
from core.scoring import SIGNALS
from core.session import MemoSelection


class MemoError(Exception):
    """The memo could not be written; the message says why and what to do."""


class MemoCancelled(Exception):
    """The user cancelled the export; nothing was written."""


@dataclass(frozen=True)
class MemoRequest(MemoSelection):
    """A memo to write: what it holds (:class:`core.session.MemoSelection`, every field of it)
    and how it is written: its time stamp, and whether one sheet per company is added."""

    created: datetime = field(default_factory=lambda: datetime.now().astimezone())
    memo_sheets: bool = True

    @classmethod
    def of(cls, selection: MemoSelection, **how: object) -> MemoRequest:
        """The request for a session's :meth:`core.session.Session.memo_request`."""
        return cls(**selection.as_kwargs(), **how)  # type: ignore[arg-type]


class CompanyNames(Mapping[str, str]):
    """Company names by id, asked of the dataset one at a time (a large import has no index)."""

    def __init__(self, ds: Dataset) -> None:
        self._ds = ds

    def __getitem__(self, company_id: str) -> str:
        try:
            return self._ds.company(company_id).name
        except (KeyError, LookupError) as exc:
            raise KeyError(company_id) from exc

    def __iter__(self) -> Iterator[str]:
        return (c.id for c in self._ds.companies)

    def __len__(self) -> int:
        return self._ds.n_companies

    def __bool__(self) -> bool:  # "names or {}" must keep it, even for a large import
        return True


def company_label(name: str, name_en: str) -> str:
    """A company in running text: "智谱AI (Zhipu AI)"; the name alone when the two agree."""
    return f"{name} ({name_en})" if name_en and name_en != name else name


# --- the source and the date of the data ------------------------------------------------------

_TITLE = re.compile(r"《[^》]+》.*")
_PATHLIKE = re.compile(r"[/\\]|\.(txt|csv|xlsx?|json|md|pdf)$", re.IGNORECASE)


def source_title(ds: Dataset) -> str:
    """The source of the data named by its title, never by a file path: the report's title
    from 《 on ("《中美 AIGC 产业…报告》, appendix sections 1.1.1–1.4.2"), else the parts of the
    stated source that are not a path, else the dataset's name (an imported file's name
    without its folder)."""
    source = " ".join(ds.meta.source.split())
    m = _TITLE.search(source)
    if m:
        return m.group(0).strip()
    parts = [p.strip() for p in re.split(r"\s+[—–-]\s+", source) if p.strip()]
    kept = [p for p in parts if not _PATHLIKE.search(p)]
    return " — ".join(kept) if kept else ds.name


def is_report(ds: Dataset) -> bool:
    """The data is the report's (its source names a title 《…》), not the user's own table."""
    return bool(_TITLE.search(ds.meta.source))


def latest_date(ds: Dataset, recency: np.ndarray | None = None) -> str | None:
    """The latest date the data gives for an event ("2024-07"; a year when only that is
    known): the latest dated funding event, or, for a large import with no records at hand,
    the latest recency year of the signal table; None when the data dates nothing."""
    dates = [r.date for r in ds.funding if r.date]
    if dates:
        return max(dates)  # ISO dates of any precision sort as text ("2024" < "2024-03")
    if recency is not None and len(recency) and np.isfinite(recency).any():
        return str(int(math.floor(float(np.nanmax(recency)))))
    return None


def report_only(c: CompanyOut) -> CompanyOut:
    """``c`` with the report's facts and rounds only (the analyst's, marked, left out)."""
    facts = [f for f in c.facts if not getattr(f, "analyst", None)]
    rounds = [r for r in c.rounds if not getattr(r, "analyst", None)]
    if len(facts) == len(c.facts) and len(rounds) == len(c.rounds):
        return c
    return c.model_copy(update={"facts": facts, "rounds": rounds})


# --- the content ----------------------------------------------------------------------------

#: The Summary lists at most this many companies with their reasons; the Compare sheet puts at
#: most this many side by side (the Shortlist sheet lists them all).
MAX_SUMMARY_ROWS = 30
MAX_COMPARE = 24


@dataclass
class MemoContent:
    """What every sheet reads, worked out once."""

    req: MemoRequest
    rows: list[CompanyOut]
    memo_names: dict[str, str] = field(default_factory=dict)  # company id -> its sheet's name
    #: A fixed sheet's key (its English name, exports.memo.FIXED_SHEETS) -> its name in the memo.
    sheet_names: dict[str, str] = field(default_factory=dict)

    def sheet(self, key: str) -> str:
        """The name in this memo of the fixed sheet ``key`` ("Summary"; 摘要 in Chinese)."""
        return self.sheet_names.get(key) or translate("memo", key)

    @property
    def selection_text(self) -> str:
        """The request's selection in words (core.session: "shortlist", "top 20", "full ranking")."""
        return selection_text(self.req.selection)

    @property
    def ds(self) -> Dataset:
        return self.req.dataset

    @cached_property
    def names(self) -> CompanyNames:
        return CompanyNames(self.req.dataset)

    @cached_property
    def lenses(self) -> LensResult:
        """The universe under every lens of the request (every preset when it names none):
        robust = in the top :data:`core.lenses.DEFAULT_TOP_N` under each."""
        chosen = self.req.lenses or tuple(default_lenses())
        ranking = self.req.ranking
        return compute_lenses(
            ranking.table, chosen, ranking.policy, DEFAULT_TOP_N, sub_weights=ranking.weights
        )

    @cached_property
    def lens_shared(self) -> np.ndarray:
        """rows x lenses: the rank under that lens is shared (computed once)."""
        return self.lenses.shared

    @property
    def ids(self) -> list[str]:
        return [c.id for c in self.rows]

    def reason(self, c: CompanyOut) -> str:
        """The one-line reason of the Summary (core.present.reason_line); its quoted fact is the
        report's (an analyst's fact has a source, not a quote of the report)."""
        return present.reason_line(report_only(c), weights=self.req.ranking.weights, names=self.names)

    def strongest_fact(self, c: CompanyOut) -> str:
        """The company's strongest fact quoted from the report (core.present.strongest_fact)."""
        return present.strongest_fact(report_only(c), self.names)

    # --- ties ---------------------------------------------------------------------------------

    @cached_property
    def tie_note(self) -> str | None:
        """What to say when the memo's last company shares its place with one left out (a "top
        N" memo whose boundary cuts a tie: Ranking.tie_note over the rows the table showed);
        None otherwise (a shortlist is chosen by hand, not cut at a place)."""
        req = self.req
        if not req.selection.startswith("top "):
            return None
        shortlist = req.company_ids if req.filters.shortlist_only else ()
        shown = shown_rows(req.dataset, req.ranking, req.filters, shortlist)
        return req.ranking.tie_note(len(req.company_ids), shown)

    def tie_note_text(self) -> str:
        """The Method sheet's line on a tie at the memo's last place."""
        note = self.tie_note
        selection = self.req.selection
        if note is not None:
            return translate(
                "memo_content", "{tie}; the memo holds the first of them in the order inside a tie."
            ).format(tie=present.capital_first(note))
        if selection.startswith("top "):
            return translate(
                "memo_content", "None: the last place in the memo is not shared with a company left out."
            )
        if selection == "shortlist":
            return translate(
                "memo_content", "Not applicable: a shortlist is chosen by hand, not cut at a place."
            )
        return translate("memo_content", "None: the memo holds every ranked company shown.")

    def shared_in_memo(self) -> list[CompanyOut]:
        """The memo's ranked companies whose rank another company shares ("8=")."""
        return [c for c in self.rows if c.rank > 0 and c.shared]

    # --- gaps ---------------------------------------------------------------------------------

    def weighed(self) -> list[str]:
        w = self.req.ranking.weights
        return [k for k in SIGNALS if getattr(w, k)]

    def undisclosed(self) -> dict[str, list[CompanyOut]]:
        """By weighted signal: the memo's companies the data gives no figure for."""
        return {k: [c for c in self.rows if k in c.missing] for k in self.weighed()}

    # --- the data's date ------------------------------------------------------------------------

    @cached_property
    def latest(self) -> str | None:
        return latest_date(self.req.dataset, self.req.ranking.table.raw.get("recency"))

    @property
    def source(self) -> str:
        return source_title(self.req.dataset)

    # --- the analyst's own facts and pipeline (core.analyst) ------------------------------------

    @cached_property
    def _active_facts(self) -> dict[str, list[Any]]:
        """Company id -> its analyst's facts still in force, oldest first."""
        out: dict[str, list[Any]] = {}
        for f in sorted(self.req.analyst_facts, key=lambda f: f.id):
            if f.active:
                out.setdefault(f.company_id, []).append(f)
        return out

    def my_facts(self, company_id: str) -> list[Any]:
        """The company's analyst's facts in force: the request's, or, when the request names
        none, those the dataset carries (their marks), so a caller that passes no facts still
        shows them apart from the report's."""
        if self.req.analyst_facts:
            return self._active_facts.get(company_id, [])
        return carried_facts(self.ds, company_id)

    @cached_property
    def contradictions(self) -> dict[int, list[str]]:
        """Fact id -> the report's facts it contradicts, in plain words (core.analyst)."""
        facts = [f for fs in self._active_facts.values() for f in fs]
        return analyst.contradictions(self.ds, facts) if facts else {}

    def counted(self, company_id: str) -> set[int]:
        """The ids of the analyst's facts the memo's dataset carries for this company (counted in
        its signals); none when the memo is of the report's facts only."""
        marks = [e.analyst for e in self.ds.funding_of(company_id)]
        marks += [f.analyst for f in self.ds.facts_of(company_id)]
        return {m.id for m in marks if m is not None}

    def round_marks(self, c: CompanyOut) -> list[AnalystMark | None]:
        """The analyst's mark of each of ``c.rounds`` (None: the report's round)."""
        marks = [e.analyst for e in self.ds.funding_of(c.id)]
        return marks if len(marks) == len(c.rounds) else [None] * len(c.rounds)

    @property
    def has_pipeline(self) -> bool:
        return bool(self.req.pipeline)

    def pipeline_of(self, company_id: str) -> Any | None:
        return self.req.pipeline.get(company_id)

    def stage_label(self, stage: str) -> str:
        """A stage by its label: the analyst's own name for it, or its default name (translated)."""
        return present.stage_label(stage, self.req.stage_labels) if stage else ""

    def in_memo(self, company_id: str) -> bool:
        return company_id in self._id_set

    @cached_property
    def _id_set(self) -> frozenset[str]:
        return frozenset(self.ids)


def selection_text(selection: str) -> str:
    """A memo's selection in words: "shortlist", "top 20", "full ranking" (core.session), in the
    memo's language."""
    if selection == "shortlist":
        return translate("memo_content", "shortlist")
    if selection == "full ranking":
        return translate("memo_content", "full ranking")
    if selection.startswith("top ") and selection[4:].isdigit():
        return translate("memo_content", "top {n}").format(n=selection[4:])
    return selection


#: The analyst's kinds of fact as the memo names them.
MY_FACT_KIND_LABELS = {
    "funding": QT_TRANSLATE_NOOP("memo_content", "Funding round"),
    "valuation": QT_TRANSLATE_NOOP("memo_content", "Valuation"),
    "client": QT_TRANSLATE_NOOP("memo_content", "Client"),
    "outcome": QT_TRANSLATE_NOOP("memo_content", "Outcome"),
    "listing": QT_TRANSLATE_NOOP("memo_content", "Listing"),
    "correction": QT_TRANSLATE_NOOP("memo_content", "Correction note"),
}


def my_fact_kind(kind: str) -> str:
    label = MY_FACT_KIND_LABELS.get(kind)
    return translate("memo_content", label) if label else kind.replace("_", " ").capitalize()


def my_fact_mark(fact: Any) -> str:
    """The marker line of one of the analyst's facts (core.present.analyst_mark): "✎ my fact
    #12 · source: … · seen 2026-11-20 · by alice"."""
    mark = AnalystMark(id=fact.id, source=fact.source, seen=fact.seen, entered_by=fact.entered_by)
    return present.analyst_mark(mark)


def my_fact_text(fact: Any) -> str:
    """What one of the analyst's facts says, as entered: "B轮 · 5亿美元 · 2025-03 · valued
    30亿美元 · investors A, B"; a client, outcome, listing or correction by its text."""
    if fact.kind in ("funding", "valuation"):
        parts = [fact.round, fact.amount, fact.date]
        if fact.valuation:
            parts.append(translate("memo_content", "valued {valuation}").format(valuation=fact.valuation))
        if fact.investors:
            parts.append(
                translate("memo_content", "investors {names}").format(names=", ".join(fact.investors))
            )
    else:
        parts = [fact.text, fact.date]
    return " · ".join(p for p in parts if p) or present.NONE


@dataclass(frozen=True)
class CarriedFact:
    """One of the analyst's facts as the dataset carries it (a funding event or company fact
    with its :class:`core.records.AnalystMark`): what the memo shows of an analyst's fact."""

    id: int
    company_id: str
    kind: str
    source: str
    seen: str
    entered_by: str
    round: str = ""
    amount: str = ""
    date: str = ""
    valuation: str = ""
    investors: tuple[str, ...] = ()
    text: str = ""
    active: bool = True


def carried_facts(ds: Dataset, company_id: str) -> list[CarriedFact]:
    """The analyst's facts the dataset carries for a company, by fact id."""
    out: dict[int, CarriedFact] = {}
    for e in ds.funding_of(company_id):
        m = e.analyst
        if m is not None:
            out[m.id] = CarriedFact(
                id=m.id,
                company_id=company_id,
                kind="funding" if e.round or e.amount_text else "valuation",
                source=m.source,
                seen=m.seen,
                entered_by=m.entered_by,
                round=e.round,
                amount=e.amount_text,
                date=e.date_text or e.date or "",
                valuation=e.valuation_text,
                investors=tuple(i.name for i in e.investors),
            )
    for f in ds.facts_of(company_id):
        m = f.analyst
        if m is not None and m.id not in out:
            out[m.id] = CarriedFact(
                id=m.id,
                company_id=company_id,
                kind=f.kind,
                source=m.source,
                seen=m.seen,
                entered_by=m.entered_by,
                text=f.value,
            )
    return [out[k] for k in sorted(out)]


def stage_order(stage: str) -> int:
    """Where a stage's group comes on the Pipeline sheet: the pipeline's order, any other after."""
    try:
        return analyst.STAGES.index(stage)
    except ValueError:
        return len(analyst.STAGES)


def memo_content(req: MemoRequest) -> MemoContent:
    """The request's companies as the views show them (MemoError for an id not in the data)."""
    row_of = req.ranking.table.row_of
    row_of.rows(req.company_ids)  # (one scan for them all; each is then looked up from memory)
    unknown = [cid for cid in req.company_ids if cid not in row_of]
    if unknown:
        raise MemoError(
            translate("memo_content", "unknown company id(s): {ids}").format(ids=", ".join(unknown[:5]))
        )
    rows = [company_out(req.dataset, req.ranking, row_of[cid]) for cid in req.company_ids]
    return MemoContent(req=req, rows=rows)
