"""The analyst's own facts on top of the report's, and the deal pipeline (no Qt).

A fact the analyst learns - a funding round, a valuation, a client won, an outcome, a listing,
a correction note - is entered as a :class:`FactInput` (the boundary: the command line, the
GUI's dialog, a CSV import), checked against the dataset (:func:`check_fact`) and kept in the
state store (:mod:`core.state`) as an :class:`AnalystFact`, with its source, the date it was
seen and who entered it; a fact is never deleted, only retired (an edit retires the old one
and adds one that ``replaces`` it).

:func:`apply_facts` gives the dataset with the active facts added beside the report's: a
funding or valuation fact becomes a :class:`core.records.FundingEvent`, a client, outcome or
listing a :class:`core.records.CompanyFact`, each marked by its :class:`core.records.AnalystMark`
(the report's records have none), so that the signals count them and every view can tell
them apart.  The report's records are never changed; :func:`contradictions` says which of them
a fact disagrees with, to be shown beside it.
"""

from __future__ import annotations

import csv
import datetime as _dt
import getpass
import io
import re
import stat
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any, Literal

import numpy as np
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from core.i18n import QT_TRANSLATE_NOOP, translate
from core.models import Dataset
from core.money import Money, parse_amount
from core.records import (
    ONLY_INVISIBLE,
    AnalystMark,
    Company,
    CompanyFact,
    FundingEvent,
    Mention,
    Role,
    Segment,
    check_partial_date,
    clean_line,
    clean_prose,
    name_key,
    normalise_round,
)
from core.source import DEFAULT_UNIVERSE, CompanyStore, RecordStore, SignalColumns

FactKind = Literal["funding", "valuation", "client", "outcome", "listing", "correction"]
FACT_KINDS: tuple[str, ...] = ("funding", "valuation", "client", "outcome", "listing", "correction")
#: Kinds counted in the signals (a correction note is shown, never counted).
COUNTED_KINDS: tuple[str, ...] = ("funding", "valuation", "client", "outcome", "listing")
#: What each kind is called in a view.
#: (English source text: :func:`fact_kind_label` gives it in the current language.)
FACT_KIND_LABELS: dict[str, str] = {
    "funding": QT_TRANSLATE_NOOP("analyst", "Funding round"),
    "valuation": QT_TRANSLATE_NOOP("analyst", "Valuation"),
    "client": QT_TRANSLATE_NOOP("analyst", "Client"),
    "outcome": QT_TRANSLATE_NOOP("analyst", "Outcome"),
    "listing": QT_TRANSLATE_NOOP("analyst", "Listing"),
    "correction": QT_TRANSLATE_NOOP("analyst", "Correction"),
}

#: The pipeline's stages, in order (their labels may be renamed: core.state.StateStore.rename_stage).
STAGES: tuple[str, ...] = ("screening", "contacted", "diligence", "committee", "invested", "passed")
#: The stages' default labels (English source text, kept as the state's default: a label the
#: user has not renamed is shown in the current language by :func:`stage_default_label` and
#: core.present.stage_label).
DEFAULT_STAGE_LABELS: dict[str, str] = {
    "screening": QT_TRANSLATE_NOOP("analyst", "Screening"),
    "contacted": QT_TRANSLATE_NOOP("analyst", "Contacted"),
    "diligence": QT_TRANSLATE_NOOP("analyst", "Diligence"),
    "committee": QT_TRANSLATE_NOOP("analyst", "Committee"),
    "invested": QT_TRANSLATE_NOOP("analyst", "Invested"),
    "passed": QT_TRANSLATE_NOOP("analyst", "Passed"),
}
assert tuple(DEFAULT_STAGE_LABELS) == STAGES
assert all(label == s.capitalize() for s, label in DEFAULT_STAGE_LABELS.items())


def fact_kind_label(kind: str) -> str:
    """A kind of analyst fact as a view names it: "Funding round" (in the current language)."""
    return translate("analyst", FACT_KIND_LABELS[kind]) if kind in FACT_KIND_LABELS else kind


def stage_default_label(stage: str) -> str:
    """A stage's default label in the current language: "Diligence"."""
    return translate("analyst", DEFAULT_STAGE_LABELS[stage]) if stage in DEFAULT_STAGE_LABELS else stage


#: The longest text each field takes (a longer one is refused, never cut).
MAX_LEN: dict[str, int] = {
    "company_id": 200,
    "round": 100,
    "amount": 100,
    "date": 10,
    "valuation": 100,
    "investor": 200,
    "text": 4000,
    "source": 2000,
    "seen": 10,
    "entered_by": 100,
}
MAX_INVESTORS = 50
#: The grammar an amount is written in, for messages.
AMOUNT_GRAMMAR = QT_TRANSLATE_NOOP(
    "analyst", 'write it as the report does, with its currency: "50亿美元", "2.5亿元", "数千万元", "$20M"'
)
#: How to find a company's id, for messages.
FIND_IDS = QT_TRANSLATE_NOOP(
    "analyst", "find ids with `python3 main.py rank --format json` (field id) or in the detail view"
)


def _too_long(most: int, got: int) -> str:
    return translate("analyst", "at most {most} characters, got {got}; shorten it").format(
        most=most, got=f"{got:,}"
    )


_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class FactError(ValueError):
    """A fact that cannot be taken; the message names the field and says what to do.
    ``field`` is the field at fault ("" when the fact as a whole)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


def _today() -> str:
    return _dt.date.today().isoformat()


def _user() -> str:
    try:
        name = clean_line(getpass.getuser() or "")
    except Exception:  # no user name in this environment (getpass raises OSError, KeyError ...)
        name = ""
    return name[: MAX_LEN["entered_by"]] or "me"


def _cap(field: str, text: str) -> str:
    most = MAX_LEN[field]
    if len(text) > most:
        raise ValueError(_too_long(most, len(text)))
    return text


def _line(field: str) -> Callable[[object], object]:
    def validate(v: object) -> object:
        if v is None:
            return ""
        if not isinstance(v, str):
            return v
        if len(v) > 4 * MAX_LEN[field] + 100:  # (not cleaned at all: far too long anyway)
            raise ValueError(_too_long(MAX_LEN[field], len(v)))
        return _cap(field, _visible(v, clean_line(v)))

    return validate


def _date_line(field: str) -> Callable[[object], object]:
    """A date field: one line, NFKC-normalised ("２０２４－０１" is "2024-01"), so that it is
    compared, sorted and shown as the ASCII date it is."""
    line = _line(field)

    def validate(v: object) -> object:
        out = line(v)
        return unicodedata.normalize("NFKC", out) if isinstance(out, str) else out

    return validate


def _visible(written: str, out: str) -> str:
    if written.strip() and not name_key(out):
        raise ValueError(ONLY_INVISIBLE.format(written[:80]))
    return out


def _prose(field: str) -> Callable[[object], object]:
    def validate(v: object) -> object:
        if v is None:
            return ""
        if not isinstance(v, str):
            return v
        if len(v) > 4 * MAX_LEN[field] + 100:
            raise ValueError(_too_long(MAX_LEN[field], len(v)))
        return _cap(field, _visible(v, clean_prose(v)))

    return validate


def _investors(v: object) -> object:
    if v is None:
        return ()
    items = re.split(r"[;；]", v) if isinstance(v, str) else v
    if not isinstance(items, list | tuple):
        return v
    out: list[str] = []
    seen: set[str] = set()
    for item in items:
        if not isinstance(item, str):
            raise ValueError(translate("analyst", "investors are names (text)"))
        name = _cap("investor", clean_line(item))
        key = name_key(name)
        if key and key not in seen:
            seen.add(key)
            out.append(name)
    if len(out) > MAX_INVESTORS:
        raise ValueError(
            translate("analyst", "at most {most} investors, got {got}").format(
                most=MAX_INVESTORS, got=len(out)
            )
        )
    return tuple(out)


def _amount_problem(text: str) -> str:
    """Why an amount as written cannot be taken, or ""."""
    m = parse_amount(text)
    if not m.parsed:
        why = (
            m.reason
            if m.reason.startswith("cannot read")
            else translate("analyst", "cannot read {text} as an amount ({reason})").format(
                text=repr(text), reason=m.reason
            )
        )
        return f"{why}; {translate('analyst', AMOUNT_GRAMMAR)}"
    if not m.currency_stated:
        return translate("analyst", "{text} names no currency; {grammar}").format(
            text=repr(text), grammar=translate("analyst", AMOUNT_GRAMMAR)
        )
    return ""


def _plain_message(exc: ValidationError) -> tuple[str, str]:
    """The first error of a validation as (field, "field: what to do")."""
    err = exc.errors(include_url=False)[0]
    loc = [str(p) for p in err.get("loc", ()) if not isinstance(p, int)]
    field = loc[0] if loc else ""
    msg = str(err.get("msg", "")).removeprefix("Value error, ")
    if err.get("type") == "missing":
        msg = translate("analyst", "required; give it")
    elif err.get("type") == "literal_error" and field == "kind":
        msg = translate("analyst", "choose one of {kinds}, got {got}").format(
            kinds=", ".join(FACT_KINDS), got=repr(err.get("input"))
        )
    elif err.get("type") in ("too_short", "string_too_short") and field == "source":
        msg = translate("analyst", "required: where the fact comes from (a URL or a document); give it")
    elif err.get("type") == "extra_forbidden":
        msg = translate("analyst", "not a field of a fact")
    if not field and (m := re.match(r"([a-z_]+): ", msg)) and m.group(1) in FactInput.model_fields:
        field = m.group(1)
    if field and msg.startswith(f"{field}: "):
        return field, msg
    return field, f"{field}: {msg}" if field else msg


class FactInput(BaseModel):
    """One fact as the analyst gives it (strict, frozen).  Making one raises :class:`FactError`
    (a ValueError) with a plain message naming the field, never pydantic's error."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    company_id: Annotated[str, BeforeValidator(_line("company_id"))]
    kind: FactKind
    round: Annotated[str, BeforeValidator(_line("round"))] = ""
    amount: Annotated[str, BeforeValidator(_line("amount"))] = ""
    date: Annotated[str, BeforeValidator(_date_line("date"))] = ""
    valuation: Annotated[str, BeforeValidator(_line("valuation"))] = ""
    investors: Annotated[tuple[str, ...], BeforeValidator(_investors)] = ()
    text: Annotated[str, BeforeValidator(_prose("text"))] = ""
    source: Annotated[str, BeforeValidator(_prose("source")), Field(min_length=1)]
    seen: Annotated[str, BeforeValidator(_date_line("seen"))] = Field(default_factory=_today)
    entered_by: Annotated[str, BeforeValidator(_line("entered_by"))] = Field(default_factory=_user)

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            field, msg = _plain_message(exc)
            raise FactError(msg, field) from None

    @classmethod
    def model_validate(cls, obj: Any, *args: Any, **kwargs: Any):  # type: ignore[override]
        try:
            return super().model_validate(obj, *args, **kwargs)
        except ValidationError as exc:
            field, msg = _plain_message(exc)
            raise FactError(msg, field) from None

    @model_validator(mode="after")
    def _fits_kind(self) -> FactInput:
        if not _ID.fullmatch(self.company_id):
            raise ValueError(
                "company_id: "
                + translate(
                    "analyst", "a company id such as 'zhipu' (letters, digits, . _ -), got {got}; {find}"
                ).format(got=repr(self.company_id), find=translate("analyst", FIND_IDS))
            )
        for field in ("amount", "valuation"):
            text = getattr(self, field)
            if text and (problem := _amount_problem(text)):
                raise ValueError(f"{field}: {problem}")
        if self.date:
            try:
                check_partial_date(self.date)
            except ValueError as exc:
                raise ValueError(
                    "date: " + translate("analyst", "the date of the event: {why}").format(why=exc)
                ) from None
        if not _DAY.fullmatch(self.seen):
            raise ValueError(
                "seen: "
                + translate("analyst", "the date you saw it as YYYY-MM-DD, got {got}").format(
                    got=repr(self.seen)
                )
            )
        try:
            _dt.date.fromisoformat(self.seen)
        except ValueError:
            raise ValueError(
                "seen: " + translate("analyst", "no such day: {got}").format(got=repr(self.seen))
            ) from None
        if not self.entered_by:
            raise ValueError("entered_by: " + translate("analyst", "who entered the fact; give a name"))
        kind = self.kind
        if kind == "funding":
            if not self.amount and not self.round:
                raise ValueError(
                    "amount: "
                    + translate(
                        "analyst",
                        'a funding fact needs its amount or its round (or both), e.g. amount "5亿元" round "B轮"; {grammar}',
                    ).format(grammar=translate("analyst", AMOUNT_GRAMMAR))
                )
            if self.round and normalise_round(self.round) is None and not self.amount:
                raise ValueError(
                    "round: "
                    + translate(
                        "analyst",
                        '{round} names no round (write "A轮", "Series B", "Pre-A", "IPO" ...) and there is no amount',
                    ).format(round=repr(self.round))
                )
        elif kind == "valuation":
            if not self.valuation:
                raise ValueError(
                    "valuation: "
                    + translate("analyst", "a valuation fact needs the valuation; {grammar}").format(
                        grammar=translate("analyst", AMOUNT_GRAMMAR)
                    )
                )
        elif not self.text:
            raise ValueError(
                "text: "
                + translate("analyst", "a {kind} fact needs the text of what happened").format(kind=kind)
            )
        if kind == "listing" and not self.date:
            raise ValueError(
                "date: "
                + translate("analyst", "a listing fact needs the listing date (YYYY, YYYY-MM or YYYY-MM-DD)")
            )
        if kind not in ("funding", "valuation") and (self.round or self.amount or self.investors):
            raise ValueError(
                "round: "
                + translate(
                    "analyst", "a {kind} fact has no round, amount or investors; use a funding fact"
                ).format(kind=kind)
            )
        return self

    def field_values(self) -> dict[str, object]:
        """The fields of its kind that are given (round, amount, date, valuation, investors,
        text), as JSON-ready values: what ``facts list --format json`` calls ``fields``."""
        out: dict[str, object] = {}
        for name in FIELD_NAMES:
            v = getattr(self, name)
            if v:
                out[name] = list(v) if isinstance(v, tuple) else v
        return out

    def summary(self) -> str:
        """The fact in one line: "B轮 5亿元 (2025-03)", "client: 招商银行"."""
        if self.kind == "funding":
            head = " ".join(p for p in (self.round, self.amount) if p)
            tail = f" ({self.date})" if self.date else ""
            val = f", valued at {self.valuation}" if self.valuation else ""
            return head + tail + val
        if self.kind == "valuation":
            return f"valued at {self.valuation}" + (f" ({self.date})" if self.date else "")
        first = self.text.splitlines()[0] if self.text else ""
        return f"{self.kind}: {first}" + (f" ({self.date})" if self.date else "")


#: The kind-specific fields of a fact (FactInput.field_values, the ``fields`` JSON of the store).
FIELD_NAMES: tuple[str, ...] = ("round", "amount", "date", "valuation", "investors", "text")


class AnalystFact(FactInput):
    """A fact as kept in the state store."""

    id: int
    entered_at: str
    retired_at: str | None = None
    replaces: int | None = None  # the fact this one edited (that one is retired)

    @property
    def active(self) -> bool:
        return self.retired_at is None

    @property
    def mark(self) -> AnalystMark:
        return AnalystMark(id=self.id, source=self.source, seen=self.seen, entered_by=self.entered_by)

    def as_input(self) -> FactInput:
        """The fact as it was entered (for an edit, an export)."""
        return FactInput.model_validate(self.model_dump(include=set(FactInput.model_fields)))


class PipelineEntry(BaseModel):
    """A company's place in the deal pipeline."""

    model_config = ConfigDict(frozen=True)

    company_id: str
    stage: str = "screening"
    owner: str = ""
    next_step: str = ""
    next_date: str = ""
    updated_at: str = ""


class PipelineChange(BaseModel):
    """One change to a company's pipeline entry, as logged."""

    model_config = ConfigDict(frozen=True)

    company_id: str
    field: str
    old: str
    new: str
    at: str


def fact_key(fact: FactInput) -> tuple:
    """What makes two facts the same fact: company, kind and fields, normalised (spacing,
    width and case of each text; investors in any order).  Source, seen and who do not count."""
    return (
        fact.company_id,
        fact.kind,
        name_key(fact.round),
        name_key(fact.amount),
        fact.date,
        name_key(fact.valuation),
        tuple(sorted(name_key(i) for i in fact.investors)),
        name_key(fact.text),
    )


def same_fact(inp: FactInput, facts: Iterable[AnalystFact]) -> AnalystFact | None:
    """The active fact among ``facts`` that ``inp`` repeats (:func:`fact_key`), or None: adding
    it again would count the same round, client or listing twice."""
    key = fact_key(inp)
    return next((f for f in facts if f.active and fact_key(f) == key), None)


# --- checking against the dataset ------------------------------------------------------------


def check_fact(inp: FactInput, ds: Dataset) -> FactInput:
    """The fact when the dataset can take it; :class:`FactError` else (an unknown company)."""
    if not isinstance(inp, FactInput):
        raise FactError("a fact is a FactInput")
    if not ds.has_company(inp.company_id):
        raise FactError(
            "company_id: "
            + translate("analyst", "there is no company {id} in {dataset}; {find}").format(
                id=repr(inp.company_id), dataset=ds.name, find=translate("analyst", FIND_IDS)
            ),
            "company_id",
        )
    # (checked as a fact comes in, not as a kept one is read back: a clock put right again
    # must not make a kept fact unreadable)
    latest = (_dt.date.today() + _dt.timedelta(days=1)).isoformat()  # (a time zone ahead)
    if not "1990-01-01" <= inp.seen <= latest:
        raise FactError(  # (English: not yet in data/i18n/zh_CN.ts)
            f"seen: the day you saw the fact, between 1990-01-01 and today, got {inp.seen!r}; correct it",
            "seen",
        )
    return inp


# --- the dataset with the facts --------------------------------------------------------------


def _currency(text: str) -> str | None:
    return parse_amount(text).currency if text else None


def fact_records(ds: Dataset, fact: AnalystFact) -> tuple[FundingEvent | None, CompanyFact | None]:
    """The record a fact becomes in the dataset (none for a correction)."""
    mark = fact.mark
    if fact.kind in ("funding", "valuation"):
        event = FundingEvent(
            id=f"analyst-{fact.id}",
            company_id=fact.company_id,
            round=fact.round if fact.kind == "funding" else "",
            date_text=fact.date,
            date=fact.date or None,
            amount_text=fact.amount if fact.kind == "funding" else "",
            currency=_currency(fact.amount) if fact.kind == "funding" else None,
            valuation_text=fact.valuation,
            valuation_currency=_currency(fact.valuation),
            investors=";".join(fact.investors),
            quote=fact.source,
            analyst=mark,
        )
        return event, None
    if fact.kind in ("client", "outcome", "listing"):
        segs = ds.segments_of(fact.company_id)
        segment = segs[0] if segs else (ds.segments[0].ref if ds.segments else "analyst")
        if fact.kind == "listing":
            value, unit = fact.date, fact.text
        else:
            value, unit = fact.text.splitlines()[0] if fact.text else fact.text, ""
        return None, CompanyFact(
            company_id=fact.company_id,
            segment=segment,
            kind=fact.kind,
            value=value,
            unit=unit,
            quote=fact.text,
            analyst=mark,
        )
    return None, None


def apply_facts(ds: Dataset, facts: Sequence[AnalystFact]) -> Dataset:
    """The dataset with the active facts beside the report's records (the same meta, origin
    and content hash: the same dataset key).  Facts of companies not in the dataset, retired
    facts and corrections add nothing; with nothing to add, ``ds`` itself is returned.  A large
    (columnar) dataset gets a store that adds the facts' funding to its companies."""
    events: list[FundingEvent] = []
    records: list[CompanyFact] = []
    known: dict[str, bool] = {}
    for fact in facts:
        if not fact.active or fact.kind not in COUNTED_KINDS:
            continue
        if fact.company_id not in known:
            known[fact.company_id] = ds.has_company(fact.company_id)
        if not known[fact.company_id]:
            continue
        event, record = fact_records(ds, fact)
        if event is not None:
            events.append(event)
        if record is not None:
            records.append(record)
    if not events and not records:
        return ds
    # a funding fact of a round the report has (same company, same round, figures of its own)
    # counts instead of the report's round, which stays as it is, marked, not counted twice
    superseded: dict[str, int] = {}
    for e in events:
        if e.round_norm is None or e.analyst is None:
            continue
        for r in ds.funding_of(e.company_id):
            if (
                r.analyst is None
                and not r.cumulative
                and r.round_norm == e.round_norm
                and r.id not in superseded
            ):
                superseded[r.id] = e.analyst.id

    def marked(events: Iterable[FundingEvent]) -> tuple[FundingEvent, ...]:
        return tuple(
            f.model_copy(update={"superseded_by": superseded[f.id]}) if f.id in superseded else f
            for f in events
        )

    if ds.columns is None:
        return replace(ds, funding=marked(ds.funding) + tuple(events), facts=ds.facts + tuple(records))
    added: dict[str, list[FundingEvent]] = {}
    for e in events:
        added.setdefault(e.company_id, []).append(e)
    store = FactOverlay(ds.columns, ds.segments, {k: tuple(v) for k, v in added.items()}, superseded)
    return replace(ds, facts=ds.facts + tuple(records), columns=store)


def _by_date(events: Iterable[FundingEvent]) -> tuple[FundingEvent, ...]:
    return tuple(sorted(events, key=lambda f: (f.year_fraction or 0.0, f.id)))


class FactOverlay:
    """A large dataset's store with the analyst's funding facts added to some companies: it
    answers as the base store does, but for those companies, whose funding and signal rows it
    makes from their records (the record path's rules, :class:`core.source.RecordStore`)."""

    def __init__(
        self,
        base: CompanyStore,
        segments: tuple[Segment, ...],
        added: dict[str, tuple[FundingEvent, ...]],
        superseded: dict[str, int] | None = None,
    ) -> None:
        self.base = base
        self.segments = segments
        self.added = added
        self.superseded = superseded or {}  # report round id -> the fact that counts instead

    def __getattr__(self, name: str) -> Any:  # anything else the base store has (its columns ...)
        if name in ("base", "segments", "added", "superseded"):
            raise AttributeError(name)
        return getattr(self.base, name)

    @property
    def n_companies(self) -> int:
        return self.base.n_companies

    @property
    def n_mentions(self) -> int:
        return self.base.n_mentions

    @property
    def n_funding(self) -> int:
        return self.base.n_funding + sum(len(v) for v in self.added.values())

    def company(self, company_id: str) -> Company:
        return self.base.company(company_id)

    def mentions_of(self, company_id: str) -> tuple[Mention, ...]:
        return self.base.mentions_of(company_id)

    def funding_of(self, company_id: str) -> tuple[FundingEvent, ...]:
        mine = self.added.get(company_id)
        base = self.base.funding_of(company_id)
        if not mine:
            return base
        base = tuple(
            f.model_copy(update={"superseded_by": self.superseded[f.id]}) if f.id in self.superseded else f
            for f in base
        )
        return _by_date(base + mine)

    def segments_of(self, company_id: str) -> tuple[str, ...]:
        return self.base.segments_of(company_id)

    def roles_of(self, company_id: str) -> tuple[Role, ...]:
        return self.base.roles_of(company_id)

    def country_counts(self) -> dict[str, int]:
        return self.base.country_counts()

    def signal_columns(
        self,
        fx_cny_per_usd: float,
        universe: str = DEFAULT_UNIVERSE,
        *,
        check: Callable[[], None] | None = None,
    ) -> SignalColumns:
        cols = self.base.signal_columns(fx_cny_per_usd, universe, check=check)
        rows = _rows_of(cols["ids"], list(self.added))
        for cid, row in rows.items():
            one = RecordStore(
                self.segments, (self.company(cid),), self.mentions_of(cid), self.funding_of(cid)
            ).signal_columns(fx_cny_per_usd, universe)
            for k, col in one["raw"].items():
                if k in cols["raw"]:
                    cols["raw"][k][row] = col[0]
            for k in (
                "funding_total_usd",
                "funding_approx",
                "latest_valuation_usd",
                "valuation_approx",
                "segment_member",
                "role_member",
                "in_universe",
            ):
                if k in cols and k in one:
                    cols[k][row] = one[k][0]  # type: ignore[literal-required]
        return cols


def _rows_of(ids: object, wanted: list[str]) -> dict[str, int]:
    """The first row of each wanted id among ``ids`` (an object array or an Arrow array)."""
    if not wanted:
        return {}
    if isinstance(ids, np.ndarray):
        at: dict[str, int] = {}
        want = set(wanted)
        for i, v in enumerate(ids):
            if v in want and v not in at:
                at[v] = i
        return at
    import pyarrow as pa
    import pyarrow.compute as pc

    arr = ids if isinstance(ids, pa.Array) else pa.array(ids)
    out: dict[str, int] = {}
    for cid in wanted:
        pos = int(pc.index(arr, pa.scalar(cid, type=arr.type)).as_py())
        if pos >= 0:
            out[cid] = pos
    return out


# --- contradictions --------------------------------------------------------------------------


def _usd(m: Money | None, fx: float) -> float | None:
    return None if m is None else m.usd_point(fx)


def _differ(a: float | None, b: float | None) -> bool:
    """Two figures that are not the same figure (more than 5% apart)."""
    if a is None or b is None:
        return False
    return abs(a - b) > 0.05 * max(abs(a), abs(b))


def _same_period(a: str | None, b: str | None) -> bool:
    """Two partial dates that may be the same (equal at the coarser precision), or either unknown."""
    if not a or not b:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _report_line(e: FundingEvent) -> str:
    parts = [p for p in (e.round, e.amount_text) if p]
    if e.valuation_text and not e.amount_text:
        parts.append(f"valued at {e.valuation_text}")
    when = e.date or e.date_text
    return "the report says " + (" ".join(parts) or "a funding event") + (f" ({when})" if when else "")


def contradictions(ds: Dataset, facts: Iterable[AnalystFact]) -> dict[int, list[str]]:
    """For each active fact that disagrees with the report, the report's facts it disagrees
    with, in plain words ("the report says B轮 2.52亿美元 (2024-01)").  The report's facts
    stay as they are: a view shows these lines beside the fact."""
    fx = ds.meta.fx_cny_per_usd
    out: dict[int, list[str]] = {}
    for fact in facts:
        if not fact.active or not ds.has_company(fact.company_id):
            continue
        lines: list[str] = []
        report = [e for e in ds.funding_of(fact.company_id) if e.analyst is None]
        if fact.kind == "funding":
            norm = normalise_round(fact.round)
            amount = _usd(parse_amount(fact.amount), fx) if fact.amount else None
            for e in report:
                if norm is None or e.round_norm != norm or e.cumulative:
                    continue
                if _differ(amount, _usd(e.amount, fx)) or not _same_period(fact.date, e.date):
                    lines.append(_report_line(e))
        elif fact.kind == "valuation":
            mine = _usd(parse_amount(fact.valuation), fx)
            dated = [e for e in report if e.valuation is not None]
            if fact.date:
                dated = [e for e in dated if e.date and _same_period(fact.date, e.date)]
            elif dated:
                dated = [max(dated, key=lambda e: e.year_fraction or 0.0)]
            lines += [_report_line(e) for e in dated if _differ(mine, _usd(e.valuation, fx))]
        elif fact.kind == "listing":
            for f in ds.facts_of(fact.company_id):
                if f.kind == "listing" and f.analyst is None and not _same_period(fact.date, f.value):
                    lines.append(f"the report says listed {f.value}" + (f" ({f.unit})" if f.unit else ""))
        if lines:
            out[fact.id] = lines
    return out


# --- CSV -------------------------------------------------------------------------------------

CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "company_id",
    "kind",
    "round",
    "amount",
    "date",
    "valuation",
    "investors",
    "text",
    "source",
    "seen",
    "entered_by",
    "entered_at",
    "retired_at",
    "replaces",
)
#: The most rows a facts file may hold.
MAX_CSV_ROWS = 100_000
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _neutral(value: str) -> str:
    """A cell a spreadsheet will not run as a formula (core.render.neutralise): a quote in front."""
    from core.render import neutralise

    out = neutralise(value)
    return out if isinstance(out, str) else str(out)


def _unneutral(value: str) -> str:
    if (
        value.startswith("'")
        and value[1:2]
        and (value[1] in _FORMULA_START or value[1:].lstrip()[:1] in _FORMULA_START)
    ):
        return value[1:]
    return value


def facts_to_csv(facts: Iterable[FactInput], path: Path | str) -> int:
    """Write the facts (retired ones with the time they were retired) to a UTF-8 CSV file;
    returns the number written.  No cell can run as a spreadsheet formula."""
    n = 0
    with Path(path).open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(CSV_COLUMNS)
        for f in facts:
            row: dict[str, object] = {
                **f.model_dump(include=set(FactInput.model_fields)),
                "investors": ";".join(f.investors),
            }
            if isinstance(f, AnalystFact):
                row.update(
                    id=f.id, entered_at=f.entered_at, retired_at=f.retired_at or "", replaces=f.replaces or ""
                )
            w.writerow([_neutral(str(row.get(c, "") or "")) for c in CSV_COLUMNS])
            n += 1
    return n


def facts_from_csv(path: Path | str) -> list[FactInput]:
    """The facts of a CSV file (as :func:`facts_to_csv` writes it; columns company_id, kind and
    source required, the others optional).  Rows of retired facts (a ``retired_at``) are history
    and are left out.  :class:`FactError` names the file, the row and the column at fault."""
    return [inp for _, inp in fact_rows_from_csv(path)]


def fact_rows_from_csv(path: Path | str) -> list[tuple[int, FactInput]]:
    """:func:`facts_from_csv` with the row of the file each fact is on (the header is row 1)."""
    p = Path(path)
    name = p.name or str(p)
    try:
        mode = p.stat().st_mode
    except OSError as exc:
        raise FactError(f"{name}: cannot read the file ({exc.strerror or exc}); give a CSV file") from None
    if not stat.S_ISREG(mode):  # a folder, a FIFO (reading it would wait for ever), a device
        what = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
        raise FactError(f"{name}: {what}; give a facts CSV file (main.py facts export writes one)")
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise FactError(f"{name}: cannot read the file ({exc.strerror or exc})") from None
    if len(raw) > 200 * 1024 * 1024:
        raise FactError(
            f"{name}: the file is over 200 MB; a facts file is far smaller - is it the right file?"
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FactError(f"{name}: UTF-16 text; save it as CSV UTF-8")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FactError(f"{name}, row {line}: not UTF-8 text; save it as CSV UTF-8") from None
    del raw
    if "\x00" in text:
        raise FactError(f"{name}: holds NUL bytes; not a CSV text file")
    if not text.strip():
        raise FactError(
            f"{name}: the file is empty; it needs a header row ({', '.join(CSV_COLUMNS)}) and one row per fact"
        )
    # strict: a quote left open is an error, not the rest of the file read into one cell
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [clean_line(h).lower() for h in next(reader, [])]
    except csv.Error as exc:
        raise FactError(f"{name}, row 1: not readable as CSV ({exc})") from None
    twice = sorted({h for h in header if h and header.count(h) > 1})
    if twice:
        raise FactError(f"{name}, header: column {', '.join(twice)} appears more than once; keep one of each")
    unknown = [h for h in header if h and h not in CSV_COLUMNS]
    missing = [c for c in ("company_id", "kind", "source") if c not in header]
    if missing:
        raise FactError(
            f"{name}, header: missing column {', '.join(missing)}; the columns are {', '.join(CSV_COLUMNS)}"
            + (f" (not {', '.join(repr(u) for u in unknown[:10])})" if unknown else "")
        )
    if unknown:
        raise FactError(
            f"{name}, header: unknown column {', '.join(repr(u) for u in unknown[:10])}; "
            f"the columns are {', '.join(CSV_COLUMNS)}: rename or delete it"
        )
    keep = [c for c in FactInput.model_fields if c in header]
    width = len(header)
    out: list[tuple[int, FactInput]] = []
    row_no = 1
    try:
        for cells in reader:
            row_no += 1
            if not any(c.strip() for c in cells):
                continue
            if len(out) >= MAX_CSV_ROWS:
                raise FactError(f"{name}: more than {MAX_CSV_ROWS:,} facts; split the file")
            if len(cells) > width and any(c.strip() for c in cells[width:]):
                raise FactError(
                    f"{name}, row {row_no}: {len(cells)} cells but the header has {width} columns; "
                    "a text holding a comma must be in double quotes"
                )
            values = dict(zip(header, cells, strict=False))
            if (values.get("retired_at") or "").strip():
                continue
            data = {c: _unneutral(values.get(c) or "") for c in keep}
            for c in ("seen", "entered_by"):
                if not data.get(c):
                    data.pop(c, None)
            try:
                out.append((row_no, FactInput(**data)))
            except FactError as exc:
                col = exc.field or "row"
                msg = str(exc).removeprefix(f"{exc.field}: ") if exc.field else str(exc)
                raise FactError(f"{name}, row {row_no}, column {col}: {msg}", exc.field) from None
    except csv.Error as exc:
        why = str(exc)
        if "field larger" in why:
            why = f"a cell is over {csv.field_size_limit():,} characters; a fact's text is at most {MAX_LEN['text']:,}"
        elif "unexpected end of data" in why or "EOF" in why:
            why = "a double quote is opened and never closed"
        raise FactError(f"{name}, row {row_no + 1}: not readable as CSV ({why}); correct it") from None
    return out
