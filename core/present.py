"""The presentation vocabulary: how every view writes a figure, a round, a rating or a label.

The table, the detail view, the segment map, the command line (table, CSV, JSON) and the Excel
memo all format through these functions, so one fact reads the same wherever it is shown.
No Qt here (core never imports Qt).

Money
    :func:`usd` writes US dollars in readable units: ``$252.0M``, ``≈ $69.4M``, ``$1.00B``,
    ``$950K``.  An approximate figure (read from vague wording or converted from yuan) carries
    "≈" and is never shown to the dollar.  :func:`usd_unit` is the same choice of unit for a
    spreadsheet number format.
Rounds
    :func:`round_label` is one funding record as a reader wants it ("B轮", "A轮 (total to date)",
    "B轮 (planned; valuation only)"), never a bare "round"; :func:`latest_round` is the one
    "latest round" label every view shows ("B轮 (2024-03)"), in the report's own words.
Dates
    :func:`date_text`: dates at the precision the report wrote them ("2024", "2024-03").
Ratings, scores, signals, ranks, ties, stability, policies, kinds, roles, presets, universes
    :func:`stars`, :func:`score_text`, :func:`signal_text`, :func:`rank_text` ("8=" for a
    shared rank), :data:`TIE_ORDER`, :func:`stability_text`, :func:`stability_sentence`,
    :func:`stability_definition`, :func:`policy_label`, :func:`policy_sentence`,
    :func:`kind_label`, :func:`role_label`, :func:`preset_label`, :func:`universe_label`,
    :func:`universe_sentence`.
Weights and reasons
    :func:`weights_in_words` ("Balanced (value 50, difficulty -50, funding 50): equal weight on
    more value …, easier segments and more funding."), :func:`reason_line` (a company's score,
    its contributions largest first, and its strongest quoted fact: the memo's Summary).
Funding parts
    :func:`funding_part_text`: one sub-signal of the funding signal, as the detail view
    explains it ("capital $1.00B (1.00)", "valuation at least $1.00B: none stated, the capital as a
    floor (0.93)", "recency 2023.5 (0.75)", "stage D (0.80)", "stage: not stated, left out").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol

from core.models import CompanyFact, Dataset, SegmentNumber, normalise_round, round_stage
from core.records import ROUND_STAGE, AnalystMark
from core.scoring import (
    PRESET_LABELS,
    PRESETS,
    STABILITY_CANDIDATES,
    STABILITY_DRAWS,
    STABILITY_SEED,
    STABILITY_SPREAD,
    STABILITY_TOP_K,
    FundingPart,
    Weights,
)

#: What every view shows for a figure that is not there.
NONE = "—"
APPROX = "≈ "

# --- money ----------------------------------------------------------------------------------

#: (divisor, decimals, suffix), largest first.
_UNITS: tuple[tuple[float, int, str], ...] = (
    (1e9, 2, "B"),
    (1e6, 1, "M"),
    (1e3, 0, "K"),
)


def _finite(value: float | None) -> bool:
    return value is not None and isinstance(value, (int, float)) and math.isfinite(value)


def fixed(x: float, decimals: int, *, grouping: bool = True) -> str:
    """``x`` with ``decimals`` decimals, halves rounded away from zero as a spreadsheet does
    ("0.25" -> "0.3"), so a figure reads the same in a table cell and in the Excel memo."""
    spec = f"{',' if grouping else ''}.{decimals}f"
    r = repr(float(x))
    head, dot, tail = r.partition(".")
    if dot and "e" not in r and len(tail) == decimals + 1 and tail.endswith("5"):
        q = Decimal(r).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        return format(q, spec)
    return format(float(x), spec)


def usd_unit(value: float) -> tuple[float, int, str]:
    """The unit a dollar figure is written in: (divisor, decimals, suffix).

    ``(1e6, 1, "M")`` for 252e6; ``(1.0, 0, "")`` below a thousand.  Thousands keep one decimal
    below $100K ("$45.0K") and none above ("$950K").  A figure that rounds up to a thousand of
    its unit takes the next one: 999,960 reads "$1.0M", not "$1,000K".
    """
    a = abs(float(value))
    units = ((1.0, 0, ""), *reversed(_UNITS))  # smallest first
    pick = 0
    for i, (divisor, _, _) in enumerate(units):
        if a >= divisor:
            pick = i
    if pick + 1 < len(units):
        divisor, decimals, _ = units[pick]
        if float(fixed(a / divisor, decimals, grouping=False)) >= 1000:
            pick += 1
    divisor, decimals, suffix = units[pick]
    if suffix == "K" and float(fixed(a / divisor, 1, grouping=False)) < 100:
        decimals = 1
    return divisor, decimals, suffix


def to_tens(a: float) -> float:
    """``a`` rounded to tens, halves up (694 -> 690, 65 -> 70)."""
    return float(Decimal(repr(float(a))).quantize(Decimal("1E1"), rounding=ROUND_HALF_UP))


def usd(value: float | None, approximate: bool) -> str:
    """US dollars in readable units: "$252.0M", "≈ $69.4M", "$1.00B", "$950K"; "—" for none.

    An approximate figure is never written to the dollar: below a thousand it is rounded to
    tens ("≈ $690").
    """
    if not _finite(value):
        return NONE
    assert value is not None
    v = float(value)
    sign = "-" if v < 0 else ""
    prefix = APPROX if approximate else ""
    a = abs(v)
    if approximate and a < 1000:
        a = to_tens(a)
    divisor, decimals, suffix = usd_unit(a)
    if not suffix:
        return f"{prefix}{sign}${fixed(a, 0)}"
    return f"{prefix}{sign}${fixed(a / divisor, decimals)}{suffix}"


def amount_usd_text(written: str, value: float | None, approximate: bool) -> str:
    """An amount as written with its dollars beside it: "2.52亿美元 ($252.0M)"."""
    if not written:
        return usd(value, approximate)
    return f"{written} ({usd(value, approximate)})" if _finite(value) else written


# --- dates ----------------------------------------------------------------------------------


def date_text(date: str | None, written: str = "") -> str:
    """A date at the precision the report wrote it: "2024", "2024-03", "2024-03-12".

    ``date`` is the dataset's partial ISO date; without one, the words as written ("年初")
    or "—".
    """
    if date:
        return date
    return written or NONE


def _date_key(date: str | None) -> float:
    """A partial ISO date as a fractional year (mid-period where the precision is coarse)."""
    if not date:
        return -math.inf
    try:
        parts = [int(p) for p in date.split("-")]
    except ValueError:
        return -math.inf
    if len(parts) == 1:
        return parts[0] + 0.5
    if len(parts) == 2:
        return parts[0] + (parts[1] - 0.5) / 12
    return parts[0] + (parts[1] - 1) / 12 + (parts[2] - 0.5) / 365


# --- rounds ---------------------------------------------------------------------------------


class RoundLike(Protocol):
    """A funding record: core.models.FundingEvent and core.results.RoundOut both are one."""

    @property
    def round(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def date(self) -> str | None: ...
    @property
    def cumulative(self) -> bool: ...
    @property
    def amount_text(self) -> str: ...
    @property
    def valuation_text(self) -> str: ...


TOTAL_TO_DATE = "total to date"
UNNAMED_ROUND = "unnamed round"
VALUATION_ONLY = "valuation only"
PLANNED = "planned"


def round_label(r: RoundLike) -> str:
    """One funding record as a reader wants it, never a bare "round".

    The report's own round text ("B轮", "新一轮") comes first; a record without one is
    "total to date" (a cumulative figure), "valuation" (a valuation alone) or "unnamed round".
    Qualifiers follow in brackets: a cumulative figure of a named round says "total to date",
    a planned round "planned", a record with a valuation and no amount "valuation only":
    "A轮 (total to date)", "B轮 (planned; valuation only)".
    """
    valuation_only = not r.amount_text and bool(r.valuation_text)
    if r.round:
        name = r.round
    elif r.cumulative:
        name = TOTAL_TO_DATE
    elif valuation_only:
        name = "valuation"
    else:
        name = UNNAMED_ROUND
    qualifiers = []
    if r.cumulative and r.round:
        qualifiers.append(TOTAL_TO_DATE)
    if r.status == "planned":
        qualifiers.append(PLANNED)
    if valuation_only and name != "valuation":
        qualifiers.append(VALUATION_ONLY)
    return f"{name} ({'; '.join(qualifiers)})" if qualifiers else name


def is_round(r: RoundLike) -> bool:
    """A completed round with a name or a date (a cumulative total without a name is not a round)."""
    if r.status != "completed":
        return False
    if r.cumulative and not r.round:
        return False
    return bool(r.round or r.date)


def latest_round(rounds: Iterable[RoundLike]) -> str:
    """The one "latest round" label every view shows: "B轮 (2024-03)", "" when there is none.

    The latest completed round with a name or a date (:func:`is_round`): the latest date
    first (an undated round comes before any dated one), then the later stage, then the later
    record of the report.  Named in the report's own words ("B轮", "新一轮"); a dated round
    without a name is "unnamed round (2024)".
    """
    best: tuple[tuple[float, float, int], RoundLike] | None = None
    for i, r in enumerate(rounds):
        if not is_round(r):
            continue
        stage = round_stage(normalise_round(r.round))
        key = (_date_key(r.date), -1.0 if stage is None else stage, i)
        if best is None or key > best[0]:
            best = (key, r)
    if best is None:
        return ""
    r = best[1]
    name = r.round or UNNAMED_ROUND
    return f"{name} ({r.date})" if r.date else name


def round_text(label: str) -> str:
    """A latest-round label in a cell: the label, or "—"."""
    return label or NONE


def capital_first(text: str) -> str:
    """``text`` with its first letter in upper case (a clause made a sentence)."""
    return text[:1].upper() + text[1:]


# --- ratings, scores, signals, ranks --------------------------------------------------------


def stars(n: int) -> str:
    """3 -> "★★★☆☆" (clamped to 0..5)."""
    n = max(0, min(5, int(n)))
    return "★" * n + "☆" * (5 - n)


def score_text(score: float | None) -> str:
    """A score 0–100 with one decimal: "98.3".  Rounded to 4 decimals first, as the JSON is,
    so the figure in a table cell and the one in the JSON read the same."""
    if not _finite(score):
        return NONE
    assert score is not None
    return fixed(round(float(score), 4), 1)


def signal_text(value: float | None, missing: bool = False) -> str:
    """A signal 0–1: "0.83"; "n/a" when the company discloses no figure for it."""
    if missing:
        return "n/a"
    if not _finite(value):
        return NONE
    assert value is not None
    return fixed(round(float(value), 6), 2)


def rank_text(rank: int | None, shared: bool = False) -> str:
    """A rank: "1", "1,024", "8=" when other companies share it (equal scores at the display
    resolution, core.scoring); "—" for a company not ranked (rank 0: outside the universe, or
    left out by the missing-data policy)."""
    if rank is None or int(rank) <= 0:
        return NONE
    return f"{int(rank):,}" + ("=" if shared else "")


#: How a tie is ordered, as a clause (core.scoring, "Ties").
TIE_ORDER = (
    "equal scores (to one decimal) share a rank, shown “8=”; inside a tie, companies with more "
    "distinct quoted sentences in the report come first, then larger disclosed capital, then by name"
)


def delta_text(delta: int) -> str:
    """A change of rank: "▲3" (up), "▼2" (down), "" (none)."""
    d = int(delta)
    return f"▲{d:,}" if d > 0 else f"▼{-d:,}" if d < 0 else ""


def segments_text(segments: Iterable[str]) -> str:
    return " ".join(segments)


def name_text(name: str, name_en: str) -> str:
    """A company's name as written, with its English name when it differs: "智谱AI  ·  Zhipu AI"."""
    return f"{name}  ·  {name_en}" if name_en and name_en != name else name


# --- stability ------------------------------------------------------------------------------


#: Marks a company that has a note (the table's name cell).
NOTE_MARK = "✎"


#: Marks the analyst's own facts (core.analyst), wherever they are shown beside the report's.
MY_FACT_MARK = "✎"


def analyst_mark(mark: AnalystMark | None) -> str:
    """Where an analyst's fact comes from, on one line: "✎ my fact #12 · source:
    https://… · seen 2026-11-20 · by alice"; "" for a report fact (None)."""
    if mark is None:
        return ""
    source = " ".join(mark.source.split())
    if len(source) > 120:
        source = source[:119].rstrip() + "…"
    return f"{MY_FACT_MARK} my fact #{mark.id} · source: {source} · seen {mark.seen} · by {mark.entered_by}"


def stage_label(stage: str, labels: Mapping[str, str] | None = None) -> str:
    """A pipeline stage as shown: its label (renamed or default: "Diligence"); "" for none."""
    if not stage:
        return ""
    if labels and labels.get(stage):
        return labels[stage]
    return stage.replace("_", " ").capitalize()


def note_first_line(text: str, most: int = 120) -> str:
    """A note's first non-empty line, cut to ``most`` characters with "…": a tooltip's preview."""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return line if len(line) <= most else line[: most - 1].rstrip() + "…"


def stability_text(value: float | None) -> str:
    """Rank stability as a share: "65%"; "—" when not computed or not meaningful."""
    if not _finite(value):
        return NONE
    assert value is not None
    return fixed(float(value) * 100, 0) + "%"


def stability_definition(top_k: int = STABILITY_TOP_K, *, seed: bool = False) -> str:
    """What rank stability is, as a clause: "the share of 500 random ±20% changes of the
    weights that keep the company in the top 10"."""
    spread = f"±{STABILITY_SPREAD:.0%}"
    text = f"the share of {STABILITY_DRAWS} random {spread} changes of the weights that keep the company in the top {top_k}"
    return text + (f" (random seed {STABILITY_SEED})" if seed else "")


def stability_sentence(value: float | None, *, top_k: int, all_zero: bool, computed: bool = True) -> str:
    """The sentence on a company's rank stability (the detail view's).

    ``all_zero``: every weight is zero (stability then means nothing); ``computed``: the
    ranking's stability has been computed (the app computes it when the sliders rest); a None
    ``value`` with both false and true is a company outside the candidates of a large universe.
    """
    if all_zero:
        return "Rank stability: not meaningful while all weights are zero."
    if not computed:
        return "Rank stability: computed as soon as the weights stop moving."
    if not _finite(value):
        return f"Rank stability: not computed for this company (outside the best {STABILITY_CANDIDATES:,})."
    return f"Rank stability: {stability_text(value)}, {stability_definition(top_k)}."


# --- policy, kinds, roles, presets ----------------------------------------------------------

#: The missing-data policies as menu items.
POLICY_LABELS: dict[str, str] = {
    "zero": "Undisclosed counts as zero",
    "neutral": "Undisclosed counts as neutral (0.5)",
    "exclude": "Exclude companies without the figure",
}
#: The missing-data policies as a clause ("…; undisclosed figures count as zero").
POLICY_SENTENCES: dict[str, str] = {
    "zero": "undisclosed figures count as zero",
    "neutral": "undisclosed figures count as neutral (0.5)",
    "exclude": "a company without a figure for a weighted signal is left out",
}


def policy_label(policy: str) -> str:
    """A missing-data policy as a menu item: "Undisclosed counts as neutral (0.5)"."""
    return POLICY_LABELS.get(policy, policy)


def policy_sentence(policy: str, *, capital: bool = False) -> str:
    """A missing-data policy as a clause: "undisclosed figures count as zero"."""
    text = POLICY_SENTENCES.get(policy, policy)
    return capital_first(text) if capital else text


#: A company the policy "exclude" left out of the ranking, as said everywhere.
NOT_RANKED = "not ranked: no figure for a weighted signal (missing-data policy: exclude)"

KIND_LABELS: dict[str, str] = {
    "big_tech": "big tech",
    "ai_vendor": "AI vendor",
    "software_vendor": "software vendor",
    "drug_maker": "drug maker",
}
ROLE_LABELS: dict[str, str] = {
    "adopter": "Adopter",
    "vendor": "Vendor",
    "funded": "Funded",
    "partner": "Partner",
    "listed": "Listed",
    "research": "Research",
}
#: The universes as menu items (core.source.UNIVERSES).
UNIVERSE_LABELS: dict[str, str] = {
    "providers": "Providers",
    "adopters": "Adopters",
    "all": "All companies",
}
#: What each universe holds, as a clause ("…; universe: providers, …").
UNIVERSE_SENTENCES: dict[str, str] = {
    "providers": "providers (vendors, model and tool makers, funded and listed AIGC companies)",
    "adopters": "adopters (the companies that use AIGC: the demand side)",
    "all": "all companies (providers, adopters, partners and research actors)",
}
#: A company outside the universe ranked, as said everywhere.
NOT_IN_UNIVERSE = "not ranked: outside the {universe} universe"


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.replace("_", " "))


def role_label(role: str) -> str:
    return ROLE_LABELS.get(role, role.capitalize())


def universe_label(universe: str) -> str:
    """A universe as a menu item: "Providers"."""
    return UNIVERSE_LABELS.get(universe, universe)


def universe_sentence(universe: str) -> str:
    """A universe as a clause: "providers (vendors, model and tool makers, …)"."""
    return UNIVERSE_SENTENCES.get(universe, universe)


def not_ranked_reason(in_universe: bool, universe: str) -> str:
    """Why a company has no rank: outside the universe, or left out by the policy."""
    return NOT_RANKED if in_universe else NOT_IN_UNIVERSE.format(universe=universe)


# --- funding parts --------------------------------------------------------------------------

FUNDING_PART_LABELS: dict[str, str] = {
    "capital": "capital",
    "valuation": "valuation",
    "recency": "recency",
    "stage": "stage",
}


def _part_figure(part: FundingPart) -> str:
    if part.raw is None:
        return NONE
    if part.key in ("capital", "valuation"):
        return usd(part.raw, part.approximate)
    if part.key == "recency":  # a fractional year, mid-period where the date is coarse
        return fixed(part.raw, 1, grouping=False)
    names = [name for name, stage in ROUND_STAGE.items() if stage == part.raw]
    return names[0] if names else fixed(part.raw, 1, grouping=False)


def funding_part_text(part: FundingPart) -> str:
    """One part of the funding signal, its figure (dollars; recency as a fractional year, mid-period
    where the date is coarse; stage by its round name) and its 0–1 value, or what it counts as:
    "capital $1.00B (1.00)", "valuation at least $1.00B: none stated, the capital as a floor (0.93)",
    "recency 2024.3 (0.95)", "stage D (0.80)", "stage: not stated, left out",
    "recency: not stated, counts as zero"."""
    label = FUNDING_PART_LABELS.get(part.key, part.key)
    norm = f" ({signal_text(part.norm)})" if part.norm is not None else ""
    if part.status == "disclosed":
        return f"{label} {_part_figure(part)}{norm}"
    if part.status == "floor":
        return f"{label} at least {_part_figure(part)}: none stated, the capital as a floor{norm}"
    if part.status == "left out":
        return f"{label}: not stated, left out"
    if part.status == "neutral":
        return f"{label}: not stated, counts as neutral (0.5)"
    if part.status == "zero":
        return f"{label}: not stated, counts as zero"
    return f"{label}: none disclosed"


def preset_label(name: str | None) -> str:
    """A preset's name for people: "Market first"; "custom weights" for none."""
    if not name:
        return "custom weights"
    return PRESET_LABELS.get(name, name)


# --- the company's facts and the segments' figures, as text ---------------------------------
# How a fact or a figure reads, for the memo and the GUI alike.

#: What each kind of company fact is called, in the order the views list them.
FACT_KIND_LABELS: dict[str, str] = {
    "client": "Clients",
    "outcome": "Quantified outcomes",
    "product": "Products",
    "founded": "Founded",
    "founder": "Founders",
    "listing": "Listing",
    "rounds_count": "Rounds (as written)",
}


def fact_kind_label(kind: str) -> str:
    """A kind of company fact as a heading: "Quantified outcomes"."""
    return FACT_KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())


_FIGURE = re.compile(r"[^A-Za-z]*\d")  # a figure, perhaps with words around it: "超过70", "15至20"


def _joined(value: str, unit: str) -> str:
    """A figure and its unit: "40%", "5轮", "132亿元", "3 million users"; anything else keeps
    its unit apart: "百万行量级 (行/月)", "HEC169584 (候选分子)"."""
    if not unit:
        return value
    if not value:
        return unit
    if not _FIGURE.fullmatch(value):
        return f"{value} ({unit})"
    return f"{value} {unit}" if unit[0].isascii() and unit[0].isalpha() else f"{value}{unit}"


def fact_value_text(ds: Dataset, fact: CompanyFact) -> str:
    """A company fact as it reads: a client by its name (its value is the client's company id),
    a quantity with its unit ("98.5%", "8轮"), anything else with its unit in brackets
    ("2024-06-13 (港股)")."""
    if fact.kind == "client" and fact.value in ds.company_by_id:
        return ds.company(fact.value).name
    if fact.kind in ("outcome", "rounds_count"):
        return _joined(fact.value, fact.unit)
    return f"{fact.value} ({fact.unit})" if fact.unit else fact.value


@dataclass(frozen=True)
class FactGroup:
    """Facts of one kind that one sentence of the report supports (the quote shown once)."""

    kind: str
    segment: str
    quote: str
    facts: tuple[CompanyFact, ...]

    def values(self, ds: Dataset) -> list[str]:
        out: list[str] = []
        for f in self.facts:
            text = fact_value_text(ds, f)
            if text not in out:
                out.append(text)
        return out


def fact_groups(ds: Dataset, company_id: str) -> list[FactGroup]:
    """The company's facts by kind, in the order of :data:`FACT_KIND_LABELS`, then in report
    order; facts of one kind from one sentence are one group."""
    order = {k: i for i, k in enumerate(FACT_KIND_LABELS)}
    groups: dict[tuple[str, str, str], list[CompanyFact]] = {}
    for f in sorted(ds.facts_of(company_id), key=lambda f: order.get(f.kind, len(order))):
        groups.setdefault((f.kind, f.segment, f.quote), []).append(f)
    return [FactGroup(kind, seg, quote, tuple(facts)) for (kind, seg, quote), facts in groups.items()]


#: The kinds of segment figures the map and the detail view list (the memo lists every kind),
#: with their headings.
SHOWN_NUMBER_KINDS: dict[str, str] = {"market_size": "Market size", "adoption": "Adoption"}
NUMBER_KIND_LABELS: dict[str, str] = {
    **SHOWN_NUMBER_KINDS,
    "market_context": "Market context",
    "efficiency": "Efficiency",
    "funding_stats": "Funding statistics",
    "research": "Research",
}


def number_kind_label(kind: str) -> str:
    return NUMBER_KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())


def number_text(n: SegmentNumber) -> str:
    """One figure of a segment on one line, as the report words it, with its year and whether it
    is a forecast: "中国AI大模型市场规模: 216亿元 (2024, forecast)"."""
    tail = ", ".join(w for w in (n.year, "forecast" if n.forecast else "") if w)
    return f"{n.metric}: {n.text}" + (f" ({tail})" if tail else "")


def shown_numbers(ds: Dataset, ref: str) -> list[tuple[str, list[SegmentNumber]]]:
    """A segment's market sizes and adoption statistics, as (heading, figures) in that order."""
    numbers = ds.numbers_of(ref)
    groups = [(label, [n for n in numbers if n.kind == kind]) for kind, label in SHOWN_NUMBER_KINDS.items()]
    return [(label, ns) for label, ns in groups if ns]


def score_rules(universe: str | None = None) -> list[str]:
    """How the score is made, a sentence or two per rule: the universe (``universe``, or the
    three of them), the signals, traction, funding, the score, amounts, ties.  The memo's Method
    sheet and the app's help both say it this way."""
    if universe is None:
        where = (
            "Universe: providers by default (vendors, model and tool makers, funded and listed AIGC "
            "companies), adopters (the demand side) or all."
        )
    else:
        where = f"Universe: {universe_sentence(universe)}."
    return [
        where + " A company's segment signals come from the segments where it plays the universe's role "
        "(a bank adopting a code assistant earns no market-space credit as a provider); every signal is "
        "normalised across the companies of the universe only.",
        "Signals 0–1 per company: value = market-space stars of its segments mixed with its traction; "
        "difficulty = logic, compute and corpus stars; funding = disclosed capital (log scale), latest "
        "valuation (log), recency and stage. A company in several segments gets the mean of their stars.",
        "Traction: the number of distinct sentences of the report among the company's named clients, "
        "quantified outcomes, products and listing, each sentence counted once however many facts it "
        "supports, on a log scale (log(1 + n)); mixed into value by the value sub-weights (market, traction).",
        "Funding follows the money: capital weighs most (sub-weights capital, valuation, recency, stage); a "
        "company with disclosed capital and no stated valuation has its capital as a floor for its valuation "
        "(a post-money valuation is at least the capital raised), and an unstated recency or stage is left "
        "out of its mean instead of counting as zero; a company with no funding figure never outranks one "
        "with any.",
        "Score = 100 × Σ|w|·s′ / Σ|w|, with s′ = s for a positive weight and 1 − s for a negative one "
        "(a negative difficulty weight prefers easier segments). Contributions add up to the score.",
        "Amounts are kept as written; vague words get documented ranges (超X: X–1.2X; 近X: 0.9X–X; 数亿: 2–9亿; "
        "亿级: 1–5亿) and a point estimate; yuan are converted at the stated rate. Such figures are marked ≈.",
        f"Ties: {TIE_ORDER}. Source of every fact: the quoted sentence of the report, with its section.",
    ]


# --- weights and reasons in words (the memo's Summary, the lenses) ----------------------------

#: What a positive and a negative weight on each signal prefer, as a phrase.
WEIGHT_PHRASES: dict[str, tuple[str, str]] = {
    "value": ("more value (market space and traction)", "less value (market space and traction)"),
    "difficulty": ("harder segments (difficulty as a moat)", "easier segments"),
    "funding": ("more funding", "less funding"),
}
#: The sub-weights of each signal, as the words name them.
_SUB_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("value", ("market", "traction")),
    ("difficulty", ("logic", "compute", "corpus")),
    ("funding", ("capital", "valuation", "recency", "stage")),
)


def _joined_words(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _g(x: float) -> str:
    return f"{float(x):g}"


def weights_in_words(weights: Weights) -> str:
    """The weights as a sentence a committee reads: the preset they equal (or "Custom
    weights"), the three weights, and what they prefer with each one's share of the score:
    "Balanced (value 50, difficulty -50, funding 50): equal weight on more value (market space
    and traction), easier segments and more funding."  Sub-weights are named where they
    differ from the defaults; all-zero weights say that every company scores 0."""
    preset = next((key for key, w in PRESETS.items() if w == weights), None)
    head = (PRESET_LABELS[preset] if preset else "Custom weights") + (
        f" (value {_g(weights.value)}, difficulty {_g(weights.difficulty)}, funding {_g(weights.funding)})"
    )
    w = {k: float(getattr(weights, k)) for k in WEIGHT_PHRASES}
    total = sum(abs(v) for v in w.values())
    if total == 0:
        return f"{head}: every weight is zero, so every company scores 0 and shares rank 1."
    weighed = sorted((k for k in w if w[k]), key=lambda k: -abs(w[k]))  # stable: signal order in a tie
    phrases = [WEIGHT_PHRASES[k][0 if w[k] > 0 else 1] for k in weighed]
    if len({abs(w[k]) for k in weighed}) == 1:
        body = f"only {phrases[0]}" if len(weighed) == 1 else "equal weight on " + _joined_words(phrases)
    else:
        body = _joined_words(
            [f"{p} {fixed(abs(w[k]) / total * 100, 0)}%" for k, p in zip(weighed, phrases, strict=True)]
        )
        body += " of the score"
    ignored = [k for k in WEIGHT_PHRASES if not w[k]]
    text = f"{head}: {body}"
    if ignored:
        text += f"; {_joined_words(ignored)} not weighed"
    default = Weights()
    subs = []
    for signal, keys in _SUB_GROUPS:
        if signal in weighed and any(getattr(weights, k) != getattr(default, k) for k in keys):
            subs.append(f"{signal} mixes " + _joined_words([f"{k} {_g(getattr(weights, k))}" for k in keys]))
    if subs:
        text += "; " + "; ".join(subs)
    return text + "."


class _ContributionsLike(Protocol):
    @property
    def value(self) -> float: ...
    @property
    def difficulty(self) -> float: ...
    @property
    def funding(self) -> float: ...


class _FactLike(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def value(self) -> str: ...
    @property
    def unit(self) -> str: ...
    @property
    def segment(self) -> str: ...
    @property
    def quote(self) -> str: ...


class _RoundOutLike(RoundLike, Protocol):
    @property
    def amount_usd(self) -> float | None: ...
    @property
    def amount_approximate(self) -> bool: ...
    @property
    def segment(self) -> str | None: ...
    @property
    def quote(self) -> str: ...
    @property
    def date_text(self) -> str: ...


class _EvidenceLike(Protocol):
    @property
    def segment(self) -> str: ...
    @property
    def quote(self) -> str: ...


class CompanyLike(Protocol):
    """What :func:`reason_line` reads of a company: core.results.CompanyOut is one."""

    @property
    def rank(self) -> int: ...
    @property
    def score(self) -> float: ...
    @property
    def contributions(self) -> _ContributionsLike: ...
    @property
    def missing(self) -> list[str]: ...
    @property
    def facts(self) -> list[_FactLike]: ...
    @property
    def rounds(self) -> list[_RoundOutLike]: ...
    @property
    def evidence(self) -> list[_EvidenceLike]: ...


#: The order in which a company's quoted facts count as its strongest: a quantified outcome, a
#: named client, a listing, then its largest disclosed round ("round"), a product, the rest.
FACT_STRENGTH: tuple[str, ...] = (
    "outcome",
    "client",
    "listing",
    "round",
    "product",
    "rounds_count",
    "founded",
    "founder",
)
#: What each fact kind is called in a reason line (plural where several values share a quote).
_REASON_FACT_WORDS: dict[str, tuple[str, str]] = {
    "outcome": ("outcome", "outcomes"),
    "client": ("client", "clients"),
    "listing": ("listed", "listed"),
    "product": ("product", "products"),
    "rounds_count": ("rounds", "rounds"),
    "founded": ("founded", "founded"),
    "founder": ("founder", "founders"),
}


def contribution_name(signal: str, weight: float | None) -> str:
    """A signal's contribution as a reason names it: difficulty is "ease" under a negative
    weight and "moat" under a positive one (the same signal read two ways)."""
    if signal == "difficulty" and weight is not None and weight != 0:
        return "ease" if weight < 0 else "moat"
    return signal


def _quoted(quote: str, segment: str | None) -> str:
    q = " ".join(quote.split())
    return f"“{q}”" + (f" ({segment})" if segment else "")


def strongest_fact(company: CompanyLike, names: Mapping[str, str] | None = None) -> str:
    """The company's strongest quoted fact as a phrase with its quote in full and its section:
    "clients 招商银行, 工商银行: “…” (1.2.1)", "raised 2.52亿美元 ($252.0M), B轮, 2024: “…”
    (1.1.2)"; without facts or rounds, the first quote about it; "" when there is none.
    ``names`` maps a client's company id to its name (else the id is shown)."""
    names = names or {}
    strength = {k: i for i, k in enumerate(FACT_STRENGTH)}
    best: _FactLike | None = None
    for f in company.facts:
        if f.kind in strength and (best is None or strength[f.kind] < strength[best.kind]):
            best = f
    funded = [r for r in company.rounds if r.status == "completed" and _finite(r.amount_usd)]
    biggest = max(funded, key=lambda r: float(r.amount_usd or 0.0), default=None)
    if biggest is not None and (best is None or strength["round"] < strength[best.kind]):
        parts = [amount_usd_text(biggest.amount_text, biggest.amount_usd, biggest.amount_approximate)]
        if biggest.round:
            parts.append(biggest.round)
        if biggest.date or biggest.date_text:
            parts.append(date_text(biggest.date, biggest.date_text))
        return f"raised {', '.join(parts)}: {_quoted(biggest.quote, biggest.segment)}"
    if best is not None:
        same = [f for f in company.facts if f.kind == best.kind and f.quote == best.quote]
        values: list[str] = []
        for f in same:
            if f.kind == "client":
                text = names.get(f.value, f.value)
            elif f.kind in ("outcome", "rounds_count"):
                text = _joined(f.value, f.unit)
            else:
                text = f"{f.value} ({f.unit})" if f.unit else f.value
            if text not in values:
                values.append(text)
        one, many = _REASON_FACT_WORDS.get(best.kind, (best.kind, best.kind))
        word = many if len(values) > 1 else one
        return f"{word} {', '.join(values)}: {_quoted(best.quote, best.segment)}"
    if company.evidence:
        e = company.evidence[0]
        return _quoted(e.quote, e.segment)
    return ""


def reason_line(
    company: CompanyLike, *, weights: Weights | None = None, names: Mapping[str, str] | None = None
) -> str:
    """One line on why a company ranks where it does: its score and its contributions, largest
    first ("91.3 points: ease 33.3, funding 30.2, value 27.8"), the weighted signals it has no
    figure for, then its strongest quoted fact in full (:func:`strongest_fact`).

    ``weights`` (the ranking's) names the difficulty contribution "ease" or "moat"; ``names``
    maps client ids to names."""
    con = company.contributions
    items = [(k, float(getattr(con, k))) for k in ("value", "difficulty", "funding")]
    shown = [(k, v) for k, v in sorted(items, key=lambda kv: -kv[1]) if score_text(v) != "0.0"]
    head = f"{score_text(company.score)} points"
    if shown:
        wd = None if weights is None else float(weights.difficulty)
        head += ": " + ", ".join(f"{contribution_name(k, wd)} {score_text(v)}" for k, v in shown)
    weighed = (
        {"value", "difficulty", "funding"}
        if weights is None
        else {k for k in WEIGHT_PHRASES if getattr(weights, k)}
    )
    gaps = [k for k in company.missing if k in weighed]
    if gaps:
        head += f" (no figure for {_joined_words(gaps)})"
    fact = strongest_fact(company, names)
    return f"{head}; {fact}" if fact else head


# --- lenses -----------------------------------------------------------------------------------

#: A preset's lens as a column heading.
LENS_SHORT: dict[str, str] = {
    "balanced": "Balanced",
    "market_first": "Market",
    "easy_landing": "Easy",
    "follow_the_money": "Money",
    "moat": "Moat",
}
ROBUST_MARK = "✓"
PARETO_MARK = "◆"


def lens_short(name: str, most: int = 12) -> str:
    """A lens as a column heading: "Market" for market_first, a profile by its name (cut to
    ``most`` characters with "…")."""
    if name in LENS_SHORT:
        return LENS_SHORT[name]
    text = name.removeprefix("profile:")
    return text if len(text) <= most else text[: most - 1] + "…"


def weights_triple(weights: Weights | Mapping[str, float]) -> str:
    """The three signed weights in brackets: "(50, -50, 50)" (of Weights or their dump)."""
    w = weights.model_dump() if isinstance(weights, Weights) else weights
    return f"({_g(w['value'])}, {_g(w['difficulty'])}, {_g(w['funding'])})"


def robust_definition(top_n: int) -> str:
    """What "robust" means, as a clause."""
    return f"in the top {top_n} under every lens"


#: What "Pareto-optimal" means, as a clause.
PARETO_DEFINITION = (
    "no other company is at least as good on value, ease (1 − difficulty) and funding and better on one"
)


def added_text(file: str) -> str:
    """What a company added by the user (File → Add companies…, ``--add``) is marked with, in
    every view: where it came from."""
    return f"Added by you from {file} (not in the report)"


def superseded_text(fact_id: int) -> str:
    """What a report round says when the analyst's fact of the same round counts instead."""
    return f"Not counted: your fact #{fact_id} of the same round counts instead (the report's figures are kept here)"
