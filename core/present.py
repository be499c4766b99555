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
Ratings, scores, signals, ranks, stability, policies, kinds, roles, presets
    :func:`stars`, :func:`score_text`, :func:`signal_text`, :func:`rank_text`,
    :func:`stability_text`, :func:`stability_sentence`, :func:`stability_definition`,
    :func:`policy_label`, :func:`policy_sentence`, :func:`kind_label`, :func:`role_label`,
    :func:`preset_label`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol

from core.models import normalise_round, round_stage
from core.scoring import (
    PRESET_LABELS,
    STABILITY_CANDIDATES,
    STABILITY_DRAWS,
    STABILITY_SEED,
    STABILITY_SPREAD,
    STABILITY_TOP_K,
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


def rank_text(rank: int | None) -> str:
    """A rank: "1", "1,024"; "—" for a company the missing-data policy left out (rank 0)."""
    if rank is None or int(rank) <= 0:
        return NONE
    return f"{int(rank):,}"


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
}


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.replace("_", " "))


def role_label(role: str) -> str:
    return ROLE_LABELS.get(role, role.capitalize())


def preset_label(name: str | None) -> str:
    """A preset's name for people: "Market first"; "custom weights" for none."""
    if not name:
        return "custom weights"
    return PRESET_LABELS.get(name, name)
