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

from core import i18n
from core.i18n import QT_TRANSLATE_NOOP, language, translate
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


def usd(value: float | None, approximate: bool, *, local: bool = True) -> str:
    """US dollars in readable units: "$252.0M", "≈ $69.4M", "$1.00B", "$950K"; "—" for none.

    An approximate figure is never written to the dollar: below a thousand it is rounded to
    tens ("≈ $690").  In 简体中文 (:func:`core.i18n.language`) the figure in 亿/万 follows, as
    :func:`usd_wan` writes it: "$252.0M（2.52亿美元）", "≈ $69.4M（约6940万美元）"; not with
    ``local=False`` (where the amount is already written in Chinese beside it).
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
    figure = f"{fixed(a / divisor, decimals)}{suffix}" if suffix else fixed(a, 0)
    text = f"{prefix}{sign}${figure}"
    if local and i18n.language() == "zh_CN":
        return f"{text}（{usd_wan(v, approximate)}）"
    return text


#: The Chinese units of a large figure, largest first: 万亿 (10^12), 亿 (10^8), 万 (10^4).
_WAN_UNITS: tuple[tuple[float, str], ...] = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))


def _trimmed(x: float, decimals: int) -> str:
    """``x`` with at most ``decimals`` decimals and no trailing zeros: 2.50 -> "2.5", 10.00 -> "10"."""
    text = fixed(x, decimals, grouping=False)
    return text.rstrip("0").rstrip(".") if "." in text else text


def usd_wan(value: float | None, approximate: bool) -> str:
    """US dollars in 亿/万 as the Chinese press writes them: "2.52亿美元", "约6940万美元",
    "95万美元", "10亿美元", "690美元"; "—" for none.

    Three or four significant figures (2 decimals of 亿; of 万, none from 1000万, one from 100万,
    two below); a figure that rounds up to 10000 of its unit takes the next one (1亿, not
    10000万).  An approximate figure reads "约…" and, below a thousand, is rounded to tens.
    """
    if not _finite(value):
        return NONE
    assert value is not None
    v = float(value)
    sign = "-" if v < 0 else ""
    a = abs(v)
    if approximate and a < 1000:
        a = to_tens(a)
    figure = fixed(a, 0)
    for i, (divisor, unit) in enumerate(_WAN_UNITS):
        q = a / divisor
        if q < 1:
            continue
        decimals = 2 if unit != "万" or q < 100 else (1 if q < 1000 else 0)
        if float(fixed(q, decimals, grouping=False)) >= 10000 and i > 0:
            bigger, bigger_unit = _WAN_UNITS[i - 1]
            figure = _trimmed(a / bigger, 2) + bigger_unit
        else:
            figure = _trimmed(q, decimals) + unit
        break
    return f"{'约' if approximate else ''}{sign}{figure}美元"


def amount_usd_text(written: str, value: float | None, approximate: bool) -> str:
    """An amount as written with its dollars beside it: "2.52亿美元 ($252.0M)"; in 简体中文
    "2.52亿美元（$252.0M）" (the amount is already written in Chinese units)."""
    if not written:
        return usd(value, approximate)
    if not _finite(value):
        return written
    if i18n.language() == "zh_CN":
        return f"{written}（{usd(value, approximate, local=False)}）"
    return f"{written} ({usd(value, approximate)})"


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


#: Words of a round label (English source text: translate("present", …) where shown).
TOTAL_TO_DATE = QT_TRANSLATE_NOOP("present", "total to date")
UNNAMED_ROUND = QT_TRANSLATE_NOOP("present", "unnamed round")
VALUATION_ONLY = QT_TRANSLATE_NOOP("present", "valuation only")
PLANNED = QT_TRANSLATE_NOOP("present", "planned")
VALUATION_ROUND = QT_TRANSLATE_NOOP("present", "valuation")


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
        name = translate("present", TOTAL_TO_DATE)
    elif valuation_only:
        name = translate("present", VALUATION_ROUND)
    else:
        name = translate("present", UNNAMED_ROUND)
    qualifiers = []
    if r.cumulative and r.round:
        qualifiers.append(translate("present", TOTAL_TO_DATE))
    if r.status == "planned":
        qualifiers.append(translate("present", PLANNED))
    if valuation_only and (r.round or r.cumulative):
        qualifiers.append(translate("present", VALUATION_ONLY))
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
    name = r.round or translate("present", UNNAMED_ROUND)
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
        return translate("present", "n/a")
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
TIE_ORDER = QT_TRANSLATE_NOOP(
    "present",
    "equal scores (to one decimal) share a rank, shown “8=”; inside a tie, companies with more "
    "distinct quoted sentences in the report come first, then larger disclosed capital, then by name",
)


def tie_order() -> str:
    """:data:`TIE_ORDER` in the current language."""
    return translate("present", TIE_ORDER)


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
    return translate("present", "{mark} my fact #{id} · source: {source} · seen {seen} · by {by}").format(
        mark=MY_FACT_MARK, id=mark.id, source=source, seen=mark.seen, by=mark.entered_by
    )


def stage_label(stage: str, labels: Mapping[str, str] | None = None) -> str:
    """A pipeline stage as shown: its label (renamed or default: "Diligence"); "" for none.
    A label the user has not renamed (the default) reads in the current language."""
    if not stage:
        return ""
    label = labels.get(stage) if labels else None
    default = stage.replace("_", " ").capitalize()  # core.analyst.DEFAULT_STAGE_LABELS
    if label and label != default:
        return label
    return translate("analyst", default)  # marked in core.analyst (not imported here: a cycle)


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
    text = translate(
        "present",
        "the share of {draws} random {spread} changes of the weights that keep the company in the top {top_k}",
    ).format(draws=STABILITY_DRAWS, spread=spread, top_k=top_k)
    return text + (translate("present", " (random seed {seed})").format(seed=STABILITY_SEED) if seed else "")


def stability_sentence(value: float | None, *, top_k: int, all_zero: bool, computed: bool = True) -> str:
    """The sentence on a company's rank stability (the detail view's).

    ``all_zero``: every weight is zero (stability then means nothing); ``computed``: the
    ranking's stability has been computed (the app computes it when the sliders rest); a None
    ``value`` with both false and true is a company outside the candidates of a large universe.
    """
    if all_zero:
        return translate("present", "Rank stability: not meaningful while all weights are zero.")
    if not computed:
        return translate("present", "Rank stability: computed as soon as the weights stop moving.")
    if not _finite(value):
        return translate(
            "present", "Rank stability: not computed for this company (outside the best {n})."
        ).format(n=f"{STABILITY_CANDIDATES:,}")
    return translate("present", "Rank stability: {share}, {definition}.").format(
        share=stability_text(value), definition=stability_definition(top_k)
    )


# --- policy, kinds, roles, presets ----------------------------------------------------------

#: The missing-data policies as menu items.
# The labels below are English source text, marked for translation: the functions that read
# them (policy_label, kind_label …) give them in the current language.
POLICY_LABELS: dict[str, str] = {
    "zero": QT_TRANSLATE_NOOP("present", "Undisclosed counts as zero"),
    "neutral": QT_TRANSLATE_NOOP("present", "Undisclosed counts as neutral (0.5)"),
    "exclude": QT_TRANSLATE_NOOP("present", "Exclude companies without the figure"),
}
#: The missing-data policies as a clause ("…; undisclosed figures count as zero").
POLICY_SENTENCES: dict[str, str] = {
    "zero": QT_TRANSLATE_NOOP("present", "undisclosed figures count as zero"),
    "neutral": QT_TRANSLATE_NOOP("present", "undisclosed figures count as neutral (0.5)"),
    "exclude": QT_TRANSLATE_NOOP("present", "a company without a figure for a weighted signal is left out"),
}


def policy_label(policy: str) -> str:
    """A missing-data policy as a menu item: "Undisclosed counts as neutral (0.5)"."""
    return translate("present", POLICY_LABELS[policy]) if policy in POLICY_LABELS else policy


def policy_sentence(policy: str, *, capital: bool = False) -> str:
    """A missing-data policy as a clause: "undisclosed figures count as zero"."""
    text = translate("present", POLICY_SENTENCES[policy]) if policy in POLICY_SENTENCES else policy
    return capital_first(text) if capital else text


#: A company the policy "exclude" left out of the ranking, as said everywhere.
NOT_RANKED = QT_TRANSLATE_NOOP(
    "present", "not ranked: no figure for a weighted signal (missing-data policy: exclude)"
)

#: Every company kind (core.records.CompanyKind) as a label.
KIND_LABELS: dict[str, str] = {
    "bank": QT_TRANSLATE_NOOP("present", "bank"),
    "securities": QT_TRANSLATE_NOOP("present", "securities"),
    "insurer": QT_TRANSLATE_NOOP("present", "insurer"),
    "fintech": QT_TRANSLATE_NOOP("present", "fintech"),
    "payments": QT_TRANSLATE_NOOP("present", "payments"),
    "big_tech": QT_TRANSLATE_NOOP("present", "big tech"),
    "ai_vendor": QT_TRANSLATE_NOOP("present", "AI vendor"),
    "software_vendor": QT_TRANSLATE_NOOP("present", "software vendor"),
    "startup": QT_TRANSLATE_NOOP("present", "startup"),
    "platform": QT_TRANSLATE_NOOP("present", "platform"),
    "hospital": QT_TRANSLATE_NOOP("present", "hospital"),
    "drug_maker": QT_TRANSLATE_NOOP("present", "drug maker"),
    "research": QT_TRANSLATE_NOOP("present", "research"),
    "other": QT_TRANSLATE_NOOP("present", "other"),
}
ROLE_LABELS: dict[str, str] = {
    "adopter": QT_TRANSLATE_NOOP("present", "Adopter"),
    "vendor": QT_TRANSLATE_NOOP("present", "Vendor"),
    "funded": QT_TRANSLATE_NOOP("present", "Funded"),
    "partner": QT_TRANSLATE_NOOP("present", "Partner"),
    "listed": QT_TRANSLATE_NOOP("present", "Listed"),
    "research": QT_TRANSLATE_NOOP("present", "Research"),
}
#: The universes as menu items (core.source.UNIVERSES).
UNIVERSE_LABELS: dict[str, str] = {
    "providers": QT_TRANSLATE_NOOP("present", "Providers"),
    "adopters": QT_TRANSLATE_NOOP("present", "Adopters"),
    "all": QT_TRANSLATE_NOOP("present", "All companies"),
}
#: What each universe holds, as a clause ("…; universe: providers, …").
UNIVERSE_SENTENCES: dict[str, str] = {
    "providers": QT_TRANSLATE_NOOP(
        "present", "providers (vendors, model and tool makers, funded and listed AIGC companies)"
    ),
    "adopters": QT_TRANSLATE_NOOP("present", "adopters (the companies that use AIGC: the demand side)"),
    "all": QT_TRANSLATE_NOOP("present", "all companies (providers, adopters, partners and research actors)"),
}
#: The universes as a word inside a sentence (the English word is the universe's name).
UNIVERSE_WORDS: dict[str, str] = {
    "providers": QT_TRANSLATE_NOOP("present", "providers"),
    "adopters": QT_TRANSLATE_NOOP("present", "adopters"),
    "all": QT_TRANSLATE_NOOP("present", "all"),
}
#: A company outside the universe ranked, as said everywhere.
NOT_IN_UNIVERSE = QT_TRANSLATE_NOOP("present", "not ranked: outside the {universe} universe")


def kind_label(kind: str) -> str:
    return translate("present", KIND_LABELS[kind]) if kind in KIND_LABELS else kind.replace("_", " ")


def role_label(role: str) -> str:
    return translate("present", ROLE_LABELS[role]) if role in ROLE_LABELS else role.capitalize()


def universe_label(universe: str) -> str:
    """A universe as a menu item: "Providers"."""
    return translate("present", UNIVERSE_LABELS[universe]) if universe in UNIVERSE_LABELS else universe


def universe_sentence(universe: str) -> str:
    """A universe as a clause: "providers (vendors, model and tool makers, …)"."""
    return translate("present", UNIVERSE_SENTENCES[universe]) if universe in UNIVERSE_SENTENCES else universe


def not_ranked_text() -> str:
    """:data:`NOT_RANKED` in the current language."""
    return translate("present", NOT_RANKED)


def not_ranked_reason(in_universe: bool, universe: str) -> str:
    """Why a company has no rank: outside the universe, or left out by the policy."""
    if in_universe:
        return not_ranked_text()
    word = translate("present", UNIVERSE_WORDS[universe]) if universe in UNIVERSE_WORDS else universe
    return translate("present", NOT_IN_UNIVERSE).format(universe=word)


# --- funding parts --------------------------------------------------------------------------

FUNDING_PART_LABELS: dict[str, str] = {
    "capital": QT_TRANSLATE_NOOP("present", "capital"),
    "valuation": QT_TRANSLATE_NOOP("present", "valuation"),
    "recency": QT_TRANSLATE_NOOP("present", "recency"),
    "stage": QT_TRANSLATE_NOOP("present", "stage"),
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
    label = (
        translate("present", FUNDING_PART_LABELS[part.key]) if part.key in FUNDING_PART_LABELS else part.key
    )
    norm = f" ({signal_text(part.norm)})" if part.norm is not None else ""
    if part.status == "disclosed":
        return translate("present", "{label} {figure}{norm}").format(
            label=label, figure=_part_figure(part), norm=norm
        )
    if part.status == "floor":
        return translate(
            "present", "{label} at least {figure}: none stated, the capital as a floor{norm}"
        ).format(label=label, figure=_part_figure(part), norm=norm)
    if part.status == "left out":
        return translate("present", "{label}: not stated, left out").format(label=label)
    if part.status == "neutral":
        return translate("present", "{label}: not stated, counts as neutral (0.5)").format(label=label)
    if part.status == "zero":
        return translate("present", "{label}: not stated, counts as zero").format(label=label)
    return translate("present", "{label}: none disclosed").format(label=label)


def preset_label(name: str | None) -> str:
    """A preset's name for people: "Market first"; "custom weights" for none."""
    if not name:
        return translate("present", "custom weights")
    return translate("scoring", PRESET_LABELS[name]) if name in PRESET_LABELS else name


# --- the company's facts and the segments' figures, as text ---------------------------------
# How a fact or a figure reads, for the memo and the GUI alike.

#: What each kind of company fact is called, in the order the views list them.
FACT_KIND_LABELS: dict[str, str] = {
    "client": QT_TRANSLATE_NOOP("present", "Clients"),
    "outcome": QT_TRANSLATE_NOOP("present", "Quantified outcomes"),
    "product": QT_TRANSLATE_NOOP("present", "Products"),
    "founded": QT_TRANSLATE_NOOP("present", "Founded"),
    "founder": QT_TRANSLATE_NOOP("present", "Founders"),
    "listing": QT_TRANSLATE_NOOP("present", "Listing"),
    "rounds_count": QT_TRANSLATE_NOOP("present", "Rounds (as written)"),
}


def fact_kind_label(kind: str) -> str:
    """A kind of company fact as a heading: "Quantified outcomes"."""
    if kind in FACT_KIND_LABELS:
        return translate("present", FACT_KIND_LABELS[kind])
    return kind.replace("_", " ").capitalize()


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
SHOWN_NUMBER_KINDS: dict[str, str] = {
    "market_size": QT_TRANSLATE_NOOP("present", "Market size"),
    "adoption": QT_TRANSLATE_NOOP("present", "Adoption"),
}
NUMBER_KIND_LABELS: dict[str, str] = {
    **SHOWN_NUMBER_KINDS,
    "market_context": QT_TRANSLATE_NOOP("present", "Market context"),
    "efficiency": QT_TRANSLATE_NOOP("present", "Efficiency"),
    "funding_stats": QT_TRANSLATE_NOOP("present", "Funding statistics"),
    "research": QT_TRANSLATE_NOOP("present", "Research"),
}


def number_kind_label(kind: str) -> str:
    if kind in NUMBER_KIND_LABELS:
        return translate("present", NUMBER_KIND_LABELS[kind])
    return kind.replace("_", " ").capitalize()


def number_text(n: SegmentNumber) -> str:
    """One figure of a segment on one line, as the report words it, with its year and whether it
    is a forecast: "中国AI大模型市场规模: 216亿元 (2024, forecast)"."""
    tail = ", ".join(w for w in (n.year, translate("present", "forecast") if n.forecast else "") if w)
    return f"{n.metric}: {n.text}" + (f" ({tail})" if tail else "")


def shown_numbers(ds: Dataset, ref: str) -> list[tuple[str, list[SegmentNumber]]]:
    """A segment's market sizes and adoption statistics, as (heading, figures) in that order."""
    numbers = ds.numbers_of(ref)
    groups = [
        (translate("present", label), [n for n in numbers if n.kind == kind])
        for kind, label in SHOWN_NUMBER_KINDS.items()
    ]
    return [(label, ns) for label, ns in groups if ns]


def score_rules(universe: str | None = None) -> list[str]:
    """How the score is made, a sentence or two per rule: the universe (``universe``, or the
    three of them), the signals, traction, funding, the score, amounts, ties.  The memo's Method
    sheet and the app's help both say it this way."""
    if universe is None:
        where = translate(
            "present",
            "Universe: providers by default (vendors, model and tool makers, funded and listed AIGC "
            "companies), adopters (the demand side) or all.",
        )
    else:
        where = translate("present", "Universe: {universe}.").format(universe=universe_sentence(universe))
    return [
        where
        + translate(
            "present",
            " A company's segment signals come from the segments where it plays the universe's role "
            "(a bank adopting a code assistant earns no market-space credit as a provider); every signal is "
            "normalised across the companies of the universe only.",
        ),
        translate(
            "present",
            "Signals 0–1 per company: value = market-space stars of its segments mixed with its traction; "
            "difficulty = logic, compute and corpus stars; funding = disclosed capital (log scale), latest "
            "valuation (log), recency and stage. A company in several segments gets the mean of their stars.",
        ),
        translate(
            "present",
            "Traction: the number of distinct sentences of the report among the company's named clients, "
            "quantified outcomes, products and listing, each sentence counted once however many facts it "
            "supports, on a log scale (log(1 + n)); mixed into value by the value sub-weights (market, traction).",
        ),
        translate(
            "present",
            "Funding follows the money: capital weighs most (sub-weights capital, valuation, recency, stage); a "
            "company with disclosed capital and no stated valuation has its capital as a floor for its valuation "
            "(a post-money valuation is at least the capital raised), and an unstated recency or stage is left "
            "out of its mean instead of counting as zero; a company with no funding figure never outranks one "
            "with any.",
        ),
        translate(
            "present",
            "Score = 100 × Σ|w|·s′ / Σ|w|, with s′ = s for a positive weight and 1 − s for a negative one "
            "(a negative difficulty weight prefers easier segments). Contributions add up to the score.",
        ),
        translate(
            "present",
            "Amounts are kept as written; vague words get documented ranges (超X: X–1.2X; 近X: 0.9X–X; 数亿: 2–9亿; "
            "亿级: 1–5亿) and a point estimate; yuan are converted at the stated rate. Such figures are marked ≈.",
        ),
        translate(
            "present",
            "Ties: {ties}. Source of every fact: the quoted sentence of the report, with its section.",
        ).format(ties=tie_order()),
    ]


# --- weights and reasons in words (the memo's Summary, the lenses) ----------------------------

#: What a positive and a negative weight on each signal prefer, as a phrase.
WEIGHT_PHRASES: dict[str, tuple[str, str]] = {
    "value": (
        QT_TRANSLATE_NOOP("present", "more value (market space and traction)"),
        QT_TRANSLATE_NOOP("present", "less value (market space and traction)"),
    ),
    "difficulty": (
        QT_TRANSLATE_NOOP("present", "harder segments (difficulty as a moat)"),
        QT_TRANSLATE_NOOP("present", "easier segments"),
    ),
    "funding": (QT_TRANSLATE_NOOP("present", "more funding"), QT_TRANSLATE_NOOP("present", "less funding")),
}
#: The signals and sub-weights as words in a sentence (the English word is the key).
WEIGHT_WORDS: dict[str, str] = {
    "value": QT_TRANSLATE_NOOP("present", "value"),
    "difficulty": QT_TRANSLATE_NOOP("present", "difficulty"),
    "funding": QT_TRANSLATE_NOOP("present", "funding"),
    "market": QT_TRANSLATE_NOOP("present", "market"),
    "traction": QT_TRANSLATE_NOOP("present", "traction"),
    "logic": QT_TRANSLATE_NOOP("present", "logic"),
    "compute": QT_TRANSLATE_NOOP("present", "compute"),
    "corpus": QT_TRANSLATE_NOOP("present", "corpus"),
    "capital": QT_TRANSLATE_NOOP("present", "capital"),
    "valuation": QT_TRANSLATE_NOOP("present", "valuation"),
    "recency": QT_TRANSLATE_NOOP("present", "recency"),
    "stage": QT_TRANSLATE_NOOP("present", "stage"),
    "ease": QT_TRANSLATE_NOOP("present", "ease"),
    "moat": QT_TRANSLATE_NOOP("present", "moat"),
}


def weight_word(key: str) -> str:
    """A signal or a sub-weight as a word in a sentence: "value", "compute" (in the current language)."""
    return translate("present", WEIGHT_WORDS[key]) if key in WEIGHT_WORDS else key


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
    return translate("present", "{items} and {last}").format(
        items=translate("present", ", ").join(items[:-1]), last=items[-1]
    )


def _g(x: float) -> str:
    return f"{float(x):g}"


def weights_in_words(weights: Weights) -> str:
    """The weights as a sentence a committee reads: the preset they equal (or "Custom
    weights"), the three weights, and what they prefer with each one's share of the score:
    "Balanced (value 50, difficulty -50, funding 50): equal weight on more value (market space
    and traction), easier segments and more funding."  Sub-weights are named where they
    differ from the defaults; all-zero weights say that every company scores 0."""
    preset = next((key for key, w in PRESETS.items() if w == weights), None)
    name = translate("scoring", PRESET_LABELS[preset]) if preset else translate("present", "Custom weights")
    head = name + translate("present", " (value {value}, difficulty {difficulty}, funding {funding})").format(
        value=_g(weights.value), difficulty=_g(weights.difficulty), funding=_g(weights.funding)
    )
    w = {k: float(getattr(weights, k)) for k in WEIGHT_PHRASES}
    total = sum(abs(v) for v in w.values())
    if total == 0:
        return translate(
            "present", "{head}: every weight is zero, so every company scores 0 and shares rank 1."
        ).format(head=head)
    weighed = sorted((k for k in w if w[k]), key=lambda k: -abs(w[k]))  # stable: signal order in a tie
    phrases = [translate("present", WEIGHT_PHRASES[k][0 if w[k] > 0 else 1]) for k in weighed]
    if len({abs(w[k]) for k in weighed}) == 1:
        if len(weighed) == 1:
            body = translate("present", "only {what}").format(what=phrases[0])
        else:
            body = translate("present", "equal weight on {what}").format(what=_joined_words(phrases))
    else:
        body = _joined_words(
            [f"{p} {fixed(abs(w[k]) / total * 100, 0)}%" for k, p in zip(weighed, phrases, strict=True)]
        )
        body = translate("present", "{shares} of the score").format(shares=body)
    ignored = [weight_word(k) for k in WEIGHT_PHRASES if not w[k]]
    text = translate("present", "{head}: {body}").format(head=head, body=body)
    if ignored:
        text += translate("present", "; {signals} not weighed").format(signals=_joined_words(ignored))
    default = Weights()
    subs = []
    for signal, keys in _SUB_GROUPS:
        if signal in weighed and any(getattr(weights, k) != getattr(default, k) for k in keys):
            parts = _joined_words([f"{weight_word(k)} {_g(getattr(weights, k))}" for k in keys])
            subs.append(
                translate("present", "{signal} mixes {parts}").format(signal=weight_word(signal), parts=parts)
            )
    if subs:
        text += "; " + "; ".join(subs)
    return text + translate("present", ".")


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
    "outcome": (QT_TRANSLATE_NOOP("present", "outcome"), QT_TRANSLATE_NOOP("present", "outcomes")),
    "client": (QT_TRANSLATE_NOOP("present", "client"), QT_TRANSLATE_NOOP("present", "clients")),
    "listing": (QT_TRANSLATE_NOOP("present", "listed"), QT_TRANSLATE_NOOP("present", "listed")),
    "product": (QT_TRANSLATE_NOOP("present", "product"), QT_TRANSLATE_NOOP("present", "products")),
    "rounds_count": (QT_TRANSLATE_NOOP("present", "rounds"), QT_TRANSLATE_NOOP("present", "rounds")),
    "founded": (QT_TRANSLATE_NOOP("present", "founded"), QT_TRANSLATE_NOOP("present", "founded")),
    "founder": (QT_TRANSLATE_NOOP("present", "founder"), QT_TRANSLATE_NOOP("present", "founders")),
}


def contribution_name(signal: str, weight: float | None) -> str:
    """A signal's contribution as a reason names it: difficulty is "ease" under a negative
    weight and "moat" under a positive one (the same signal read two ways)."""
    if signal == "difficulty" and weight is not None and weight != 0:
        return weight_word("ease" if weight < 0 else "moat")
    return weight_word(signal)


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
        return translate("present", "raised {what}: {quote}").format(
            what=", ".join(parts), quote=_quoted(biggest.quote, biggest.segment)
        )
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
        word = translate("present", many if len(values) > 1 else one)
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
    head = translate("present", "{score} points").format(score=score_text(company.score))
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
        head += translate("present", " (no figure for {signals})").format(
            signals=_joined_words([weight_word(k) for k in gaps])
        )
    fact = strongest_fact(company, names)
    return f"{head}; {fact}" if fact else head


# --- lenses -----------------------------------------------------------------------------------

#: A preset's lens as a column heading.
LENS_SHORT: dict[str, str] = {
    "balanced": QT_TRANSLATE_NOOP("present", "Balanced"),
    "market_first": QT_TRANSLATE_NOOP("present", "Market"),
    "easy_landing": QT_TRANSLATE_NOOP("present", "Easy"),
    "follow_the_money": QT_TRANSLATE_NOOP("present", "Money"),
    "moat": QT_TRANSLATE_NOOP("present", "Moat"),
}
ROBUST_MARK = "✓"
PARETO_MARK = "◆"


def lens_short(name: str, most: int = 12) -> str:
    """A lens as a column heading: "Market" for market_first, a profile by its name (cut to
    ``most`` characters with "…")."""
    if name in LENS_SHORT:
        return translate("present", LENS_SHORT[name])
    text = name.removeprefix("profile:")
    return text if len(text) <= most else text[: most - 1] + "…"


def weights_triple(weights: Weights | Mapping[str, float]) -> str:
    """The three signed weights in brackets: "(50, -50, 50)" (of Weights or their dump)."""
    w = weights.model_dump() if isinstance(weights, Weights) else weights
    return f"({_g(w['value'])}, {_g(w['difficulty'])}, {_g(w['funding'])})"


def robust_definition(top_n: int) -> str:
    """What "robust" means, as a clause."""
    return translate("present", "in the top {n} under every lens").format(n=top_n)


#: What "Pareto-optimal" means, as a clause.
PARETO_DEFINITION = QT_TRANSLATE_NOOP(
    "present",
    "no other company is at least as good on value, ease (1 − difficulty) and funding and better on one",
)


def pareto_definition() -> str:
    """:data:`PARETO_DEFINITION` in the current language."""
    return translate("present", PARETO_DEFINITION)


def added_text(file: str) -> str:
    """What a company added by the user (File → Add companies…, ``--add``) is marked with, in
    every view: where it came from."""
    return translate("present", "Added by you from {file} (not in the report)").format(file=file)


def superseded_text(fact_id: int) -> str:
    """What a report round says when the analyst's fact of the same round counts instead."""
    return translate(
        "present",
        "Not counted: your fact #{id} of the same round counts instead (the report's figures are kept here)",
    ).format(id=fact_id)


def listed(items: Iterable[str]) -> str:
    """Items of a list in a sentence: "a, b, c" ("a、b、c" in 简体中文)."""
    return translate("present", ", ").join(items)


def segment_names(label: str, label_zh: str) -> tuple[str, str]:
    """A segment's two names, the one of the current language first: ("Code R&D × Finance",
    "代码研发 × 金融业"), or the other way round in 简体中文 (the report's own Chinese)."""
    if language() == "zh_CN" and label_zh:
        return label_zh, label
    return label, label_zh
