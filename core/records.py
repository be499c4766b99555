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
import unicodedata
from typing import Annotated, ClassVar, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from core.money import DEFAULT_FX_CNY_PER_USD, FX_RANGE, Currency, Money, parse_amount

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


# --- text that can be shown, exported and told apart -----------------------------------------

#: Characters removed from every text of a record: C0 controls but tab and line breaks, DEL, C1
#: controls (U+0080-U+009F, which hold a terminal's escape introducer U+009B), the bidi marks,
#: embeddings, overrides and isolates (U+061C, U+200E/F, U+202A-E, U+2066-9), zero-width space,
#: word joiner and invisible operators (U+200B, U+2060-4), the byte order mark (U+FEFF), the soft
#: hyphen, Mongolian vowel separator and interlinear annotation marks, lone surrogates and the
#: tag characters (U+E0000-E007F).  They cannot be shown, reorder what is shown around them
#: (a name that reads backwards in a sheet name or a link), or make two names that look the
#: same differ.  Zero-width joiners (U+200C/D) and variation selectors stay: emoji and several
#: scripts need them; they are ignored when names are compared (:func:`name_key`).
UNSAFE_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]"
)
#: Line and paragraph breaks, and tabs: a name, a round or an amount is one line (a space
#: takes their place); a note or a quote keeps its line breaks (as "\n").
LINE_BREAKS = re.compile("[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
_PROSE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
#: What :func:`name_key` ignores besides whitespace: everything :data:`UNSAFE_CHARS` removes,
#: and the other invisible characters (joiners, variation selectors, Hangul fillers, the
#: combining grapheme joiner, Khmer inherent vowels, free variation selectors).
_INVISIBLE = re.compile(
    "[\\s\x00-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    "\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb"
    "\ud800-\udfff\U000e0000-\U000e0fff]+"
)
#: What a line of text that cleaning emptied is told.
ONLY_INVISIBLE = (
    "holds only invisible or control characters (got {!r}); write the text or leave the cell empty"
)


def clean_line(text: str) -> str:
    """One line of text as shown: :data:`UNSAFE_CHARS` removed, line breaks and tabs a space, stripped."""
    return UNSAFE_CHARS.sub("", LINE_BREAKS.sub(" ", text)).strip()


def clean_prose(text: str) -> str:
    """A note or a quote as shown: :data:`UNSAFE_CHARS` removed, every line break a "\\n", stripped."""
    return UNSAFE_CHARS.sub("", _PROSE_BREAKS.sub("\n", text)).strip()


def name_key(text: str) -> str:
    """The form in which two names are the same name: NFKC (full-width "Ａｃｍｅ" is "Acme",
    "ｶ" is "カ"), whitespace and invisible characters removed, case-folded.  Only compared,
    never shown: a name is displayed as written (cleaned of :data:`UNSAFE_CHARS`)."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", _INVISIBLE.sub("", text))).casefold()


def _cleaner(clean):
    def validate(v: object) -> object:
        if v is None:
            return ""
        if not isinstance(v, str):
            return v
        out = clean(v)
        if v.strip() and not name_key(out):  # nothing left that shows
            raise ValueError(ONLY_INVISIBLE.format(v))
        return out

    return validate


def _clean_list(v: object) -> object:
    items = _split_list(v)
    if isinstance(v, str) and isinstance(items, list):
        out = [clean_line(p) for p in items]
        for p, c in zip(items, out, strict=True):
            if not name_key(c):
                raise ValueError(ONLY_INVISIBLE.format(p))
        return out
    return items


_line = _cleaner(clean_line)
_prose = _cleaner(clean_prose)

OptStr = Annotated[str | None, BeforeValidator(_blank_to_none)]
#: A line of text (a name, a round, an amount as written): cleaned, may be empty.
Text = Annotated[str, BeforeValidator(_line)]
NonEmpty = Annotated[str, BeforeValidator(_line), Field(min_length=1)]
#: Text that may run over lines (a note, a quote): cleaned, line breaks kept.
Prose = Annotated[str, BeforeValidator(_prose)]
NonEmptyProse = Annotated[str, BeforeValidator(_prose), Field(min_length=1)]
StrList = Annotated[list[str], BeforeValidator(_clean_list)]
#: How each text field of the records is cleaned: "line", "prose" or "list" (of lines, ";").
TEXT_FIELDS: dict[str, str] = {
    **dict.fromkeys(
        (
            "name",
            "name_en",
            "scenario",
            "scenario_zh",
            "industry",
            "industry_zh",
            "round",
            "date_text",
            "amount_text",
            "valuation_text",
            "value",
            "unit",
            "metric",
            "as_written",
            "year",
        ),
        "line",
    ),
    **dict.fromkeys(("note", "quote", "ambiguity", "source"), "prose"),
    **dict.fromkeys(("aliases", "partners", "investors", "lead_investors"), "list"),
}
#: What a person is told where a text was cleaned.
CLEANED = "invisible or control characters removed, line breaks in a name made spaces (they cannot be shown or exported safely)"
#: The characters a text field loses or changes, but NUL and lone surrogates (which no decoded
#: file holds): a cheap test, also for Arrow's regular expressions, of whether a cell needs a look.
DIRTY_CHARS = (
    "[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb\U000e0000-\U000e007f\t\n\r\x85\u2028\u2029"
    # and what is kept but shows nothing (a text of nothing else is refused)
    "\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200c\u200d\u206a-\u206f\u3164\ufe00-\ufe0f"
    "\uffa0\ufff0-\ufff8\U000e0080-\U000e0fff]"
)


def clean_field(kind: str, text: str) -> tuple[str | None, bool]:
    """A cell of a text field as its record keeps it, and whether cleaning changed more than
    the surrounding whitespace (and Windows line ends in prose).  None when some part of it
    holds only invisible characters: the record refuses it (:data:`ONLY_INVISIBLE`)."""
    if kind == "list":
        items = _split_list(text)
        assert isinstance(items, list)
        out = [clean_line(p) for p in items]
        if not all(name_key(p) for p in out):
            return None, True
        return ";".join(out), out != items
    clean = clean_prose if kind == "prose" else clean_line
    base = text.strip()
    out = clean(text)
    if base and not name_key(out):
        return None, True
    if kind == "prose":
        base = base.replace("\r\n", "\n").replace("\r", "\n")
    return out, out != base


Flag = Annotated[bool, BeforeValidator(_to_bool)]
Stars = Annotated[int, Field(ge=1, le=5)]
Slug = Annotated[str, BeforeValidator(_strip), Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")]
SegmentRef = Annotated[str, BeforeValidator(_strip), Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._\-]*$")]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore", str_strip_whitespace=True)


class AnalystMark(_Record):
    """Marks a record as the analyst's own fact (core.analyst), not the report's: which fact,
    its source, the date it was seen and who entered it.  None on a record means the report's."""

    id: int
    source: str
    seen: str
    entered_by: str


def _only_marks(v: object) -> object:
    """Only :mod:`core.analyst` marks a record: a file's ``analyst`` cell is ignored."""
    return v if isinstance(v, AnalystMark) else None


#: The analyst's mark on a record, or None (the report's): never read from a data file.
Mark = Annotated[AnalystMark | None, BeforeValidator(_only_marks)]


class SegmentFact(_Record):
    """A sentence the report gives about a segment: market size, sector funding statistics,
    adoption across an industry, or a research result."""

    segment: SegmentRef
    kind: FactKind
    quote: NonEmptyProse


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
    note: Prose = ""
    # the file of the user's a company was added from (File → Add companies…, --add); "" for the
    # dataset's own.  Set only by core.merge, never read from a data file.
    added_from: Text = ""

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
    quote: NonEmptyProse


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
    quote: NonEmptyProse
    analyst: Mark = None  # the analyst's own fact (core.analyst); None: the report's

    @model_validator(mode="after")
    def _value_fits_kind(self) -> CompanyFact:
        if self.analyst is not None:  # the analyst's words as written (a client by name, say)
            return self
        v = self.value
        if self.kind == "client" and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.\-]*", v):
            raise ValueError(f"value: a client is named by its company id, got {v!r}")
        if self.kind in ("founded", "listing"):
            try:
                check_partial_date(v)
            except ValueError as exc:
                raise ValueError(f"value: a {self.kind} date: {exc}") from None
        if self.kind == "rounds_count" and not (v.isascii() and v.isdigit() and 0 < int(v) <= 100):
            raise ValueError(f"value: the number of rounds as a whole number from 1 to 100, got {v!r}")
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
    value: Annotated[float, BeforeValidator(_number), Field(allow_inf_nan=False, ge=-1e15, le=1e15)]
    unit: Text = ""
    as_written: Text = ""
    year: Text = ""
    forecast: Flag = False
    quote: NonEmptyProse

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


def check_partial_date(v: str, written: str = "") -> str:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` between 1990 and 2100, a real calendar date.

    A message quotes ``written``, the date as the user wrote it ("2024/13/1"), when given;
    else ``v``."""
    import datetime as _dt

    w = written or v
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", v)
    if not m or not (1990 <= int(m.group(1)) <= 2100):
        raise ValueError(f"use YYYY, YYYY-MM or YYYY-MM-DD (1990 to 2100), got {w!r}")
    if m.group(2) and not 1 <= int(m.group(2)) <= 12:
        raise ValueError(f"month out of range (1 to 12) in {w!r}")
    if m.group(3):
        try:
            _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            raise ValueError(f"no such day: {w!r}") from None
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
    """One financing fact: a round, or a cumulative total, as the report states it.

    ``date_text`` is the date as written ("2024年3月", "2024/3/12"), ``date`` its reading."""

    #: field -> the field holding it as the user wrote it (messages quote that)
    WRITTEN: ClassVar[dict[str, str]] = {"date": "date_text"}

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
    # the analyst's fact whose figures count instead of this report round's (the same round,
    # other figures: core.analyst.apply_facts); the report's round is kept and shown, not counted twice
    superseded_by: int | None = None
    quote: NonEmptyProse
    ambiguity: Prose = ""
    analyst: Mark = None  # the analyst's own fact (core.analyst); None: the report's

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
        # one investor once: compared cleaned and normalised ("Acme" as lead and "Ac\u200bme" among
        # the investors are one lead investor), shown as first written
        seen: set[str] = set()
        investors = []
        for n, lead in [(n, True) for n in leads] + [(n, False) for n in names]:
            key = name_key(clean_line(n))
            if key in seen:
                continue
            if key:  # a name of only invisible characters is left for the record to refuse
                seen.add(key)
            investors.append(Investor(name=n, lead=lead))
        data["investors"] = tuple(investors)
        return data

    @field_validator("date")
    @classmethod
    def _date(cls, v: str | None, info: ValidationInfo) -> str | None:
        # a message quotes the date as written ("2024/13/1"), not the reading of it
        return None if v is None else check_partial_date(v, info.data.get("date_text") or "")

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
    source: Prose = ""
    fx_cny_per_usd: Annotated[float, Field(ge=FX_RANGE[0], le=FX_RANGE[1])] = DEFAULT_FX_CNY_PER_USD
