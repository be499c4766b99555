"""The dataset's records, validated with pydantic at the boundary.

Each model validates one row of one table (see data/README.md for the file formats).  Cells
arrive as text; the validators turn them into typed values (lists split on ";", booleans,
star ratings, partial ISO dates) and compute the derived fields (normalised round, parsed
amounts).  Cross-record rules (ids that must exist, duplicates, partnerships recorded on both
sides) are checked by :mod:`core.ingest.validate`, which sees all records at once; the records
together make a :class:`core.models.Dataset`.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from core.money import DEFAULT_FX_CNY_PER_USD, Currency, Money, parse_amount

Role = Literal["adopter", "vendor", "funded", "partner", "listed", "research"]
#: Every role a mention may have (see data/README.md, "Roles"), in the order the views list them.
ROLES: tuple[Role, ...] = ("adopter", "vendor", "funded", "partner", "listed", "research")
#: Roles of a company that sells, builds or is financed for AIGC: the "providers" universe.
PROVIDER_ROLES: tuple[Role, ...] = ("vendor", "funded", "listed")
#: Roles of a company that uses AIGC: the "adopters" universe.  ``partner`` and ``research``
#: belong to neither (such a company shows in the "all" universe only).
ADOPTER_ROLES: tuple[Role, ...] = ("adopter",)

CompanyKind = Literal[
    "bank",
    "securities",
    "insurer",
    "fintech",
    "payments",
    "big_tech",
    "ai_vendor",
    "software_vendor",
    "startup",
    "platform",
    "hospital",
    "drug_maker",
    "research",
    "other",
]

FactKind = Literal["market", "funding_stats", "adoption", "research"]
CompanyFactKind = Literal["client", "outcome", "product", "founded", "founder", "listing", "rounds_count"]
#: What each kind of company fact records (data/README.md, "Company facts").
COMPANY_FACT_KINDS: tuple[CompanyFactKind, ...] = (
    "client",
    "outcome",
    "product",
    "founded",
    "founder",
    "listing",
    "rounds_count",
)
SegmentNumberKind = Literal[
    "market_size", "market_context", "adoption", "efficiency", "funding_stats", "research"
]
SEGMENT_NUMBER_KINDS: tuple[SegmentNumberKind, ...] = (
    "market_size",
    "market_context",
    "adoption",
    "efficiency",
    "funding_stats",
    "research",
)
DatePrecision = Literal["year", "month", "day"]


def _blank_to_none(v: object) -> object:
    if v is None:
        return None
    if isinstance(v, str):
        v = v.strip()
        return v or None
    return v


def _split_list(v: object) -> object:
    if v is None:
        return []
    if isinstance(v, str):
        return [p.strip() for p in re.split(r"[;；]", v) if p.strip()]
    return v


def _to_bool(v: object) -> object:
    if isinstance(v, str):
        s = v.strip().lower()
        if s in {"true", "yes", "y", "1", "是"}:
            return True
        if s in {"false", "no", "n", "0", "否", ""}:
            return False
        raise ValueError(f"expected true or false, got {v!r}")
    return v


def _strip(v: object) -> object:
    if v is None:
        return ""
    return v.strip() if isinstance(v, str) else v


OptStr = Annotated[str | None, BeforeValidator(_blank_to_none)]
Text = Annotated[str, BeforeValidator(_strip)]
NonEmpty = Annotated[str, BeforeValidator(_strip), Field(min_length=1)]
StrList = Annotated[list[str], BeforeValidator(_split_list)]
Flag = Annotated[bool, BeforeValidator(_to_bool)]
Stars = Annotated[int, Field(ge=1, le=5)]
Slug = Annotated[str, BeforeValidator(_strip), Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")]
SegmentRef = Annotated[str, BeforeValidator(_strip), Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._\-]*$")]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore", str_strip_whitespace=True)


class SegmentFact(_Record):
    """A sentence the report gives about a segment: market size, sector funding statistics,
    adoption across an industry, or a research result."""

    segment: SegmentRef
    kind: FactKind
    quote: NonEmpty


class Segment(_Record):
    """An application scenario crossed with an industry, with the report's star ratings."""

    ref: SegmentRef
    scenario: NonEmpty
    scenario_zh: Text = ""
    industry: NonEmpty
    industry_zh: Text = ""
    market: Stars
    logic: Stars
    compute: Stars
    corpus: Stars
    facts: tuple[SegmentFact, ...] = ()

    @property
    def label(self) -> str:
        return f"{self.scenario} × {self.industry}"

    @property
    def label_zh(self) -> str:
        return f"{self.scenario_zh} × {self.industry_zh}" if self.scenario_zh else ""

    @property
    def difficulty(self) -> float:
        """Mean of the three difficulty ratings (logic, compute, corpus), 1..5."""
        return (self.logic + self.compute + self.corpus) / 3


class Company(_Record):
    """An organization the dataset names, with its products and other spellings as aliases."""

    id: Slug
    name: NonEmpty
    name_en: Text = ""
    aliases: StrList = []
    country: OptStr = None
    kind: CompanyKind = "other"
    listed: Annotated[Literal["listed", "private"] | None, BeforeValidator(_blank_to_none)] = None
    note: Text = ""

    @field_validator("country")
    @classmethod
    def _country(cls, v: str | None) -> str | None:
        if v is None:
            return None
        if not re.fullmatch(r"[A-Za-z]{2}", v):
            raise ValueError(f"use a two-letter country code such as CN or US, got {v!r}")
        return v.upper()

    @property
    def display_name(self) -> str:
        if self.name_en and self.name_en != self.name:
            return f"{self.name} ({self.name_en})"
        return self.name

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *([self.name_en] if self.name_en else []), *self.aliases)


class Mention(_Record):
    """A company named in a segment in a role, with the sentence the fact comes from."""

    company_id: Slug
    segment: SegmentRef
    role: Role
    partners: StrList = []
    quote: NonEmpty


def quote_key(quote: str) -> str:
    """A report sentence with all whitespace removed: how two quotes are known to be one sentence."""
    return "".join(quote.split())


class CompanyFact(_Record):
    """Something the report says a company has done or is, with the sentence it comes from.

    ``kind`` says what ``value`` (and ``unit``) hold (data/README.md, "company_facts.csv"):
    ``client`` the id of a company it serves; ``outcome`` a result as written (``超过70`` ``%``);
    ``product`` a product, model or platform it names; ``founded`` the founding date
    (``YYYY`` or ``YYYY-MM``); ``founder`` a founder's name; ``listing`` the listing date, with
    the market as written as unit (``2024-06-13`` ``港股``); ``rounds_count`` the number of
    financing rounds the report says it has completed (``8`` ``轮``).
    """

    company_id: Slug
    segment: SegmentRef
    kind: CompanyFactKind
    value: NonEmpty
    unit: Text = ""
    quote: NonEmpty

    @model_validator(mode="after")
    def _value_fits_kind(self) -> CompanyFact:
        v = self.value
        if self.kind == "client" and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.\-]*", v):
            raise ValueError(f"value: a client is named by its company id, got {v!r}")
        if self.kind in ("founded", "listing"):
            try:
                check_partial_date(v)
            except ValueError as exc:
                raise ValueError(f"value: a {self.kind} date: {exc}") from None
        if self.kind == "rounds_count" and not (v.isdigit() and int(v) > 0):
            raise ValueError(f"value: the number of rounds as a whole number, got {v!r}")
        return self

    @property
    def sentence(self) -> str:
        """The quote with its whitespace removed: one report sentence, one key."""
        return quote_key(self.quote)


def _number(v: object) -> object:
    if isinstance(v, str):
        s = v.strip().replace(",", "")
        try:
            return float(s)
        except ValueError:
            raise ValueError(f"write the figure as a plain number such as 18.5, got {v!r}") from None
    return v


class SegmentNumber(_Record):
    """A figure the report gives for a segment: a number with its unit as written (``亿元``,
    ``%``, ``家``), the figure as the report words it when not a plain one (``as_written``:
    ``约18.5亿元``, ``超过600亿以上``), the year it is for (``2024``, ``2020-2022``, or empty) and whether it is a
    forecast or expectation (预计, 有望, 将达到)."""

    segment: SegmentRef
    kind: SegmentNumberKind
    metric: NonEmpty
    value: Annotated[float, BeforeValidator(_number), Field(allow_inf_nan=False)]
    unit: Text = ""
    as_written: Text = ""
    year: Text = ""
    forecast: Flag = False
    quote: NonEmpty

    @field_validator("year")
    @classmethod
    def _year(cls, v: str) -> str:
        if v and not re.fullmatch(r"(19|20|21)\d\d(?:-(19|20|21)\d\d)?", v):
            raise ValueError(f"write the year as YYYY or YYYY-YYYY, or leave it empty, got {v!r}")
        return v

    @property
    def text(self) -> str:
        """The figure as the report words it (``约18.5亿元``), else the number and its unit."""
        return self.as_written or f"{self.value:g}{self.unit}"


class Investor(_Record):
    name: NonEmpty
    lead: bool = False


_ROUND_PATTERNS: list[tuple[str, str]] = [
    (r"天使\+?|angel", "Angel"),
    (r"种子|seed", "Seed"),
    (r"pre-?a\+?", "Pre-A"),
    (r"pre-?b\+?", "Pre-B"),
    (r"[a-h]\d", "UPPER"),
    (r"[a-h]\+", "{L}+"),
    (r"[a-h]", "{L}"),
    (r"上市|ipo", "IPO"),
    (r"战略|strategic", "Strategic"),
]

#: Stage order used by the funding signal: later rounds mean a more mature company.
ROUND_STAGE: dict[str, float] = {
    "Seed": 0.5,
    "Angel": 1.0,
    "Pre-A": 2.0,
    "A": 3.0,
    "A+": 3.5,
    "Pre-B": 3.7,
    "B": 4.0,
    "B+": 4.5,
    "C": 5.0,
    "C+": 5.5,
    "D": 6.0,
    "D+": 6.5,
    "E": 7.0,
    "F": 7.5,
    "G": 8.0,
    "H": 8.5,
    "IPO": 9.0,
}


def check_partial_date(v: str) -> str:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` between 1990 and 2100, a real calendar date."""
    import datetime as _dt

    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", v)
    if not m or not (1990 <= int(m.group(1)) <= 2100):
        raise ValueError(f"use YYYY, YYYY-MM or YYYY-MM-DD (1990 to 2100), got {v!r}")
    if m.group(2) and not 1 <= int(m.group(2)) <= 12:
        raise ValueError(f"month out of range in {v!r}")
    if m.group(3):
        try:
            _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            raise ValueError(f"no such day: {v!r}") from None
    return v


def normalise_round(text: str | None) -> str | None:
    """ "A+轮" -> "A+", "A1 轮" -> "A1", "Pre-A轮" -> "Pre-A", "天使轮" -> "Angel".

    None for an empty text or one that names no round ("新一轮", "新融资").
    """
    if not text:
        return None
    s = re.sub(r"\s+", "", text).lower()
    s = re.sub(r"(轮|融资|round|series)", "", s)
    for pattern, label in _ROUND_PATTERNS:
        m = re.fullmatch(pattern, s)
        if m:
            if label == "UPPER":
                return s.upper()
            if "{L}" in label:
                return label.replace("{L}", s[0].upper())
            return label
    return None


def round_stage(norm: str | None) -> float | None:
    if norm is None:
        return None
    if norm in ROUND_STAGE:
        return ROUND_STAGE[norm]
    if len(norm) == 2 and norm[0] in "ABCDEFGH" and norm[1].isdigit():  # A1, B2 ...
        return ROUND_STAGE[norm[0]] + 0.3
    return None


class FundingEvent(_Record):
    """One financing fact: a round, or a cumulative total, as the report states it."""

    id: Slug
    company_id: Slug
    segment: Annotated[SegmentRef | None, BeforeValidator(_blank_to_none)] = None
    round: Text = ""
    status: Literal["completed", "planned"] = "completed"
    date_text: Text = ""
    date: OptStr = None
    amount_text: Text = ""
    currency: Annotated[Currency | None, BeforeValidator(_blank_to_none)] = None
    cumulative: Flag = False
    valuation_text: Text = ""
    valuation_currency: Annotated[Currency | None, BeforeValidator(_blank_to_none)] = None
    post_money: Flag = False
    investors: tuple[Investor, ...] = ()
    quote: NonEmpty
    ambiguity: Text = ""

    @model_validator(mode="before")
    @classmethod
    def _investors_from_cells(cls, data: object) -> object:
        """Build the investor list from the ``investors`` and ``lead_investors`` cells."""
        if not isinstance(data, dict) or not isinstance(data.get("investors", ""), str):
            return data
        data = dict(data)
        names = _split_list(data.get("investors"))
        leads = _split_list(data.pop("lead_investors", ""))
        assert isinstance(names, list) and isinstance(leads, list)
        ordered = list(leads) + [n for n in names if n not in leads]
        data["investors"] = tuple(Investor(name=n, lead=n in leads) for n in ordered)
        return data

    @field_validator("date")
    @classmethod
    def _date(cls, v: str | None) -> str | None:
        return None if v is None else check_partial_date(v)

    @model_validator(mode="after")
    def _amounts_readable(self) -> FundingEvent:
        if self.amount_text:
            if self.currency is None:
                raise ValueError("currency: give CNY or USD for the amount (the reading of its currency)")
            m = self.amount
            # an amount the parser cannot read is kept as written and flagged by the loader
            if m.parsed and m.currency_stated and m.currency != self.currency:
                raise ValueError(
                    f"currency: the text {self.amount_text!r} says {m.currency}, "
                    f"the cell says {self.currency}"
                )
        if self.valuation_text:
            if self.valuation_currency is None:
                raise ValueError("valuation_currency: give CNY or USD for the valuation")
            v = self.valuation
            if v is not None and v.parsed and v.currency_stated and v.currency != self.valuation_currency:
                raise ValueError(
                    f"valuation_currency: the text {self.valuation_text!r} says {v.currency}, "
                    f"the cell says {self.valuation_currency}"
                )
        return self

    @property
    def round_norm(self) -> str | None:
        return normalise_round(self.round)

    @property
    def stage(self) -> float | None:
        return round_stage(self.round_norm)

    @property
    def date_precision(self) -> DatePrecision | None:
        if self.date is None:
            return None
        return ("year", "month", "day")[self.date.count("-")]

    @property
    def year_fraction(self) -> float | None:
        """The date as a fractional year (mid-period where the precision is coarse)."""
        if self.date is None:
            return None
        parts = [int(p) for p in self.date.split("-")]
        if len(parts) == 1:
            return parts[0] + 0.5
        if len(parts) == 2:
            return parts[0] + (parts[1] - 0.5) / 12
        return parts[0] + (parts[1] - 1) / 12 + (parts[2] - 0.5) / 365

    @property
    def amount(self) -> Money:
        return parse_amount(self.amount_text, self.currency)

    @property
    def valuation(self) -> Money | None:
        if not self.valuation_text:
            return None
        return parse_amount(self.valuation_text, self.valuation_currency)

    @property
    def lead_investors(self) -> tuple[str, ...]:
        return tuple(i.name for i in self.investors if i.lead)


class DatasetMeta(_Record):
    name: NonEmpty
    source: Text = ""
    fx_cny_per_usd: Annotated[float, Field(gt=0, lt=1000)] = DEFAULT_FX_CNY_PER_USD
