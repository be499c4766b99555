"""The columns of a ranked list, described once (no Qt).

A :class:`Column` says what a column is called (in a window or a workbook, and in a narrow
terminal), how it is aligned, what its header tooltip says, how its value reads (through
:mod:`core.present`) and how it sorts.  It reads its value from either source a view has:

* a :class:`core.results.CompanyOut` (``of_company``) — the command line (table, CSV) and the
  Excel memo;
* a row of a Ranking's arrays (``of_row`` over :class:`RankedRows`, and ``sort`` over many
  rows at once) — the lazy table model, which makes only the cells the view shows.

Both give the same raw value for the same company (``tests/test_views_agree.py`` holds every
view to it), and ``text`` turns it into what every view shows.

The lists at the bottom say which columns each view shows, in order.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from core import present
from core.i18n import QT_TRANSLATE_NOOP, translate
from core.lenses import DEFAULT_TOP_N, LensResult
from core.models import Dataset
from core.results import CompanyOut
from core.scoring import SIGNALS, Ranking

Align = Literal["left", "right", "center"]
#: What a column holds, for a writer that types its cells (the memo's number formats).
Kind = Literal["text", "rank", "score", "signal", "usd", "share", "flag", "delta", "star"]


def _opt(x: float) -> float | None:
    x = float(x)
    return x if math.isfinite(x) else None


class RankedRows:
    """Raw per-row values of a Dataset and its Ranking, made on demand (the table's source).

    Text that costs a lookup (names, the latest round) is cached per row; ``ranking`` may be
    replaced by a re-rank (the cache depends on the dataset only).
    """

    CACHE_MAX = 20_000

    def __init__(self, dataset: Dataset, ranking: Ranking, lenses: LensResult | None = None) -> None:
        self.dataset = dataset
        self.ranking = ranking
        #: the universe under every lens (core.lenses), once computed: the robust and Pareto
        #: badges; None while it is not (or no longer) the ranking's universe
        self.lenses = lenses
        #: the pipeline (core.analyst): each company's stage, by id; the stages' labels (as the
        #: user renamed them) and their order — set by the view that shows the Stage column
        self.stages: Mapping[str, str] = {}
        self.stage_labels: Mapping[str, str] = {}
        self.stage_order: Sequence[str] = ()
        self._cache: dict[tuple[int, str], Any] = {}

    @property
    def table(self):
        return self.ranking.table

    def company_id(self, i: int) -> str:
        return str(self.table.ids[i])

    def _cached(self, i: int, what: str, make: Callable[[str], Any]) -> Any:
        key = (i, what)
        value = self._cache.get(key)
        if value is None:
            if len(self._cache) > self.CACHE_MAX:
                self._cache.clear()
            value = self._cache[key] = make(self.company_id(i))
        return value

    def names(self, i: int) -> tuple[str, str]:
        def make(cid: str) -> tuple[str, str]:
            c = self.dataset.company(cid)
            return (c.name, c.name_en)

        return self._cached(i, "names", make)

    def latest_round(self, i: int) -> str:
        return self._cached(i, "round", lambda cid: present.latest_round(self.dataset.funding_of(cid)))

    def stability(self, i: int) -> float | None:
        return None if self.ranking.all_zero else _opt(self.ranking.stability[i])

    def stage(self, i: int) -> str:
        """The pipeline stage of the company at row ``i`` as the user names it; "" when none."""
        if not self.stages:
            return ""
        stage = self.stages.get(self.company_id(i), "")
        return present.stage_label(stage, self.stage_labels)

    def stage_key(self, rows: np.ndarray) -> np.ndarray:
        """The stages' place in the pipeline's order; NaN for a company not in it."""
        key = np.full(len(rows), np.nan)
        if not self.stages:
            return key
        place = {st: float(k) for k, st in enumerate(self.stage_order)}
        for k, i in enumerate(rows):
            stage = self.stages.get(self.company_id(int(i)))
            if stage:
                key[k] = place.get(stage, float(len(place)))
        return key

    def current_lenses(self) -> LensResult | None:
        """The lens result when it is of the ranking's universe, else None."""
        lenses = self.lenses
        return lenses if lenses is not None and lenses.table is self.table else None

    def badges(self, i: int) -> tuple[bool, bool] | None:
        """(robust, Pareto-optimal) of the company at row ``i``; None before the lenses are computed."""
        lenses = self.current_lenses()
        return None if lenses is None else (bool(lenses.robust[i]), bool(lenses.pareto[i]))


@dataclass(frozen=True)
class Column:
    """One column of a ranked list.

    ``of_company(c)`` and ``of_row(rows, i)`` give the raw value (a number, a text, or a tuple
    such as (usd, approximate)); ``text(raw)`` is how it reads; ``csv(raw)`` the value a CSV
    holds (default: the raw value, "" for None); ``sort(rows, row_indexes)`` a numpy key (NaN
    where nothing is disclosed: a view sorts those last in both orders), or None when the view
    orders it itself.

    ``header_en``, ``short_en`` and ``tooltip_en`` are the English source text (marked for
    translation under the context "columns"; a tooltip may be a function that writes it);
    ``header``, ``short`` and ``tooltip`` give them in the current language (core.i18n).
    """

    key: str
    header_en: str
    short_en: str
    align: Align = "left"
    kind: Kind = "text"
    tooltip_en: str | Callable[[], str] = ""
    of_company: Callable[[CompanyOut], Any] | None = None
    of_row: Callable[[RankedRows, int], Any] | None = None
    text: Callable[[Any], str] = str
    sort: Callable[[RankedRows, np.ndarray], np.ndarray] | None = None
    csv: Callable[[Any], object] | None = None
    width: int = 0  # at most this many terminal columns (0: no limit)
    memo_width: float = 10

    @property
    def header(self) -> str:
        """What the column is called (a window, a workbook), in the current language."""
        return translate("columns", self.header_en)

    @property
    def short(self) -> str:
        """What the column is called in a narrow terminal, in the current language."""
        return translate("columns", self.short_en)

    @property
    def tooltip(self) -> str:
        """What the header's tooltip says, in the current language ("" for none)."""
        tip = self.tooltip_en
        if callable(tip):
            return tip()
        return translate("columns", tip) if tip else ""

    def company_text(self, c: CompanyOut) -> str:
        assert self.of_company is not None, self.key
        return self.text(self.of_company(c))

    def row_text(self, rows: RankedRows, i: int) -> str:
        assert self.of_row is not None, self.key
        return self.text(self.of_row(rows, i))

    def csv_value(self, c: CompanyOut) -> object:
        assert self.of_company is not None, self.key
        raw = self.of_company(c)
        value = self.csv(raw) if self.csv is not None else raw
        return "" if value is None else value


def _usd_text(raw: tuple[float | None, bool]) -> str:
    # a cell of a table or of the CLI: compact, the same in both languages (the 亿/万 form is in
    # the detail view and the cell's tooltip: present.usd with local=True)
    return present.usd(*raw, local=False)


def _usd_csv(raw: tuple[float | None, bool]) -> object:
    return None if raw[0] is None else round(raw[0])


def _undisclosed(a: np.ndarray, missing: np.ndarray | None = None) -> np.ndarray:
    """A sort key with NaN where nothing is disclosed (or ``missing`` is true): whoever sorts
    puts NaN last in both orders (``ui.ranking_model`` does it in one place)."""
    key = np.asarray(a, dtype=np.float64)
    return key if missing is None else np.where(missing, np.nan, key)


def _latest_round_key(s: RankedRows, rows: np.ndarray) -> np.ndarray:
    """The latest round's date (an undated round before any dated one); NaN where none is
    shown.  Which rows show one is read from the label itself up to ``RankedRows.CACHE_MAX``
    rows (a dated valuation alone is no round); a larger sort reads it from the arrays."""
    recency, stage = s.table.raw["recency"][rows], s.table.raw["stage"][rows]
    key = np.where(np.isfinite(recency), recency, np.where(np.isfinite(stage), -np.inf, np.nan))
    if len(rows) <= RankedRows.CACHE_MAX:
        shown = np.fromiter((bool(s.latest_round(int(i))) for i in rows), dtype=bool, count=len(rows))
        key = np.where(shown, np.nan_to_num(key, nan=-np.inf, posinf=np.inf, neginf=-np.inf), np.nan)
    return key


def _signal(j: int, key: str, header: str, short: str, tooltip: str) -> Column:
    return Column(
        key=key,
        header_en=header,
        short_en=short,
        align="right",
        kind="signal",
        tooltip_en=tooltip,
        of_company=lambda c: (getattr(c.signals, key), key in c.missing),
        of_row=lambda s, i: (float(s.ranking.signals[i, j]), bool(s.ranking.missing[i, j])),
        text=lambda raw: present.signal_text(*raw),
        csv=lambda raw: raw[0],
        # shown "n/a" when not disclosed: sorts last, whatever the policy counts it as
        sort=lambda s, rows: _undisclosed(s.ranking.signals[rows, j], s.ranking.missing[rows, j]),
        width=5,
        memo_width=9,
    )


def _segments_key(s: RankedRows, rows: np.ndarray) -> np.ndarray:
    # by the first segment, then the next: the membership pattern read as a number
    member = s.table.segment_member
    weights = 2.0 ** np.arange(member.shape[1] - 1, -1, -1)
    return -(member[rows] @ weights)


RANK = Column(
    key="rank",
    header_en="#",
    short_en="#",
    align="right",
    kind="rank",
    tooltip_en=QT_TRANSLATE_NOOP(
        "columns",
        "Rank by score in the universe: equal scores (to one decimal) share a rank, shown “8=” "
        "(click to return to score order)",
    ),
    of_company=lambda c: (c.rank, c.shared),
    of_row=lambda s, i: (int(s.ranking.rank[i]), bool(s.ranking.shared[i])),
    text=lambda raw: present.rank_text(*raw),
    csv=lambda raw: raw[0],
    sort=lambda s, rows: np.where(s.ranking.position[rows] > 0, s.ranking.position[rows], np.inf),
    width=6,
    memo_width=7,
)
POSITION = Column(
    key="position",
    header_en=QT_TRANSLATE_NOOP("columns", "Place"),
    short_en=QT_TRANSLATE_NOOP("columns", "Place"),
    align="right",
    kind="rank",
    tooltip_en=QT_TRANSLATE_NOOP(
        "columns",
        "The place in the ranked list (inside a tie: more quoted evidence, then disclosed capital, then name)",
    ),
    of_company=lambda c: c.position,
    of_row=lambda s, i: int(s.ranking.position[i]),
    text=present.rank_text,
    sort=RANK.sort,
    width=5,
    memo_width=7,
)
KIND = Column(
    key="kind",
    header_en=QT_TRANSLATE_NOOP("columns", "Kind"),
    short_en=QT_TRANSLATE_NOOP("columns", "Kind"),
    tooltip_en=QT_TRANSLATE_NOOP("columns", "What kind of company it is (bank, startup, AI vendor …)"),
    of_company=lambda c: c.kind,
    of_row=lambda s, i: str(s.table.kinds[i]),
    text=present.kind_label,
    sort=lambda s, rows: s.table.kinds[rows].astype(str),
    width=15,
    memo_width=14,
)
DELTA = Column(
    key="delta",
    header_en="Δ",
    short_en="Δ",
    align="right",
    kind="delta",
    tooltip_en=QT_TRANSLATE_NOOP("columns", "Change of rank since the last weight change (▲ up, ▼ down)"),
    text=present.delta_text,
)
STAR = Column(
    key="shortlisted",
    header_en="★",
    short_en="★",
    align="center",
    kind="star",
    tooltip_en=QT_TRANSLATE_NOOP("columns", "Shortlisted (Space toggles)"),
    text=lambda on: "★" if on else "☆",
)
ID = Column(key="id", header_en="Id", short_en="Id", of_company=lambda c: c.id)
COMPANY = Column(
    key="company",
    header_en=QT_TRANSLATE_NOOP("columns", "Company"),
    short_en=QT_TRANSLATE_NOOP("columns", "Company"),
    tooltip_en=QT_TRANSLATE_NOOP("columns", "The name as the report writes it, with the English name"),
    of_company=lambda c: (c.name, c.name_en),
    of_row=lambda s, i: s.names(i),
    text=lambda raw: present.name_text(*raw),
    sort=lambda s, rows: rows.astype(np.float64),  # the table's rows are in name order
)


def badges_text(raw: tuple[bool, bool] | None) -> str:
    """The robust and Pareto marks of a company: "✓◆", "✓", "◆" or ""."""
    if raw is None:
        return ""
    robust, pareto = raw
    return (present.ROBUST_MARK if robust else "") + (present.PARETO_MARK if pareto else "")


def badges_tooltip(top_n: int = DEFAULT_TOP_N) -> str:
    """What the two marks mean."""
    return translate(
        "columns",
        "{robust_mark} robust: {robust} (every preset and saved profile; see the Lenses tab) · "
        "{pareto_mark} Pareto-optimal: {pareto}",
    ).format(
        robust_mark=present.ROBUST_MARK,
        robust=present.robust_definition(top_n),
        pareto_mark=present.PARETO_MARK,
        pareto=present.pareto_definition(),
    )


def _badges_key(s: RankedRows, rows: np.ndarray) -> np.ndarray:
    """Robust and Pareto first, then robust, then Pareto, then the rest; NaN before computed."""
    lenses = s.current_lenses()
    if lenses is None:
        return np.full(len(rows), np.nan)
    return -(2.0 * lenses.robust[rows] + lenses.pareto[rows])


BADGES = Column(
    key="badges",
    header_en=present.ROBUST_MARK + present.PARETO_MARK,
    short_en=present.ROBUST_MARK + present.PARETO_MARK,
    align="center",
    tooltip_en=badges_tooltip,
    of_row=lambda s, i: s.badges(i),
    text=badges_text,
    sort=_badges_key,
    width=2,
    memo_width=5,
)
NAME = Column(
    key="name",
    header_en=QT_TRANSLATE_NOOP("columns", "Company"),
    short_en=QT_TRANSLATE_NOOP("columns", "Company"),
    of_company=lambda c: c.name,
    of_row=lambda s, i: s.names(i)[0],
    width=16,
    memo_width=20,
)
NAME_EN = Column(
    key="name_en",
    header_en=QT_TRANSLATE_NOOP("columns", "English name"),
    short_en=QT_TRANSLATE_NOOP("columns", "English"),
    of_company=lambda c: c.name_en,
    of_row=lambda s, i: s.names(i)[1],
    width=24,
    memo_width=24,
)
COUNTRY = Column(
    key="country",
    header_en=QT_TRANSLATE_NOOP("columns", "Country"),
    short_en=QT_TRANSLATE_NOOP("columns", "Ctry"),
    of_company=lambda c: c.country or "",
    of_row=lambda s, i: str(s.table.countries[i]),
    text=lambda v: v or present.NONE,
    sort=lambda s, rows: s.table.countries[rows],
    width=4,
    memo_width=8,
)
SEGMENTS = Column(
    key="segments",
    header_en=QT_TRANSLATE_NOOP("columns", "Segments"),
    short_en=QT_TRANSLATE_NOOP("columns", "Segments"),
    tooltip_en=QT_TRANSLATE_NOOP("columns", "The report's segments (section refs) the company plays in"),
    of_company=lambda c: tuple(c.segments),
    of_row=lambda s, i: s.table.segments_of(i),
    text=present.segments_text,
    csv=";".join,
    sort=_segments_key,
    width=24,
    memo_width=14,
)
SCORE = Column(
    key="score",
    header_en=QT_TRANSLATE_NOOP("columns", "Score"),
    short_en=QT_TRANSLATE_NOOP("columns", "Score"),
    align="right",
    kind="score",
    tooltip_en=QT_TRANSLATE_NOOP("columns", "Score 0–100 under the current weights"),
    of_company=lambda c: c.score,
    of_row=lambda s, i: float(s.ranking.score[i]),
    text=present.score_text,
    sort=lambda s, rows: s.ranking.score[rows],
    width=6,
    memo_width=12,
)
VALUE = _signal(
    0,
    "value",
    QT_TRANSLATE_NOOP("columns", "Value"),
    QT_TRANSLATE_NOOP("columns", "Value"),
    QT_TRANSLATE_NOOP("columns", "Value signal 0–1: market-space stars of the company's segments"),
)
DIFFICULTY = _signal(
    1,
    "difficulty",
    QT_TRANSLATE_NOOP("columns", "Difficulty"),
    QT_TRANSLATE_NOOP("columns", "Diff"),
    QT_TRANSLATE_NOOP("columns", "Difficulty signal 0–1: logic, compute and corpus stars (higher = harder)"),
)
FUNDING = _signal(
    2,
    "funding",
    QT_TRANSLATE_NOOP("columns", "Funding"),
    QT_TRANSLATE_NOOP("columns", "Fund"),
    QT_TRANSLATE_NOOP("columns", "Funding signal 0–1: disclosed capital, valuation, recency, stage"),
)
DISCLOSED = Column(
    key="funding_total_usd",
    header_en=QT_TRANSLATE_NOOP("columns", "Disclosed (USD)"),
    short_en=QT_TRANSLATE_NOOP("columns", "Disclosed"),
    align="right",
    kind="usd",
    tooltip_en=QT_TRANSLATE_NOOP(
        "columns", "Disclosed capital in US dollars; ≈ where the text is vague or in yuan"
    ),
    of_company=lambda c: (c.funding_total_usd, c.funding_approximate),
    of_row=lambda s, i: (_opt(s.table.funding_total_usd[i]), bool(s.table.funding_approx[i])),
    text=_usd_text,
    csv=_usd_csv,
    sort=lambda s, rows: _undisclosed(s.table.funding_total_usd[rows]),
    width=10,
    memo_width=15,
)
DISCLOSED_APPROX = Column(
    key="funding_approximate",
    header_en=QT_TRANSLATE_NOOP("columns", "Disclosed is approximate"),
    short_en="≈",
    kind="flag",
    of_company=lambda c: c.funding_approximate,
)
AMOUNTS = Column(
    key="amounts_written",
    header_en=QT_TRANSLATE_NOOP("columns", "Amount as written"),
    short_en=QT_TRANSLATE_NOOP("columns", "Amounts"),
    tooltip_en=QT_TRANSLATE_NOOP("columns", "Every amount the report gives, as written"),
    of_company=lambda c: "; ".join(
        r.amount_text + (f" ({translate('present', present.TOTAL_TO_DATE)})" if r.cumulative else "")
        for r in c.rounds
        if r.amount_text
    ),
    memo_width=22,
)
LATEST_ROUND = Column(
    key="latest_round",
    header_en=QT_TRANSLATE_NOOP("columns", "Latest round"),
    short_en=QT_TRANSLATE_NOOP("columns", "Latest round"),
    tooltip_en=QT_TRANSLATE_NOOP(
        "columns", "The latest completed round with a name or a date, in the report's words"
    ),
    of_company=lambda c: c.latest_round,
    of_row=lambda s, i: s.latest_round(i),
    text=present.round_text,
    sort=lambda s, rows: _latest_round_key(s, rows),
    width=24,
    memo_width=18,
)
VALUATION = Column(
    key="latest_valuation_usd",
    header_en=QT_TRANSLATE_NOOP("columns", "Valuation (USD)"),
    short_en=QT_TRANSLATE_NOOP("columns", "Valuation"),
    align="right",
    kind="usd",
    tooltip_en=QT_TRANSLATE_NOOP(
        "columns", "Latest valuation in US dollars; ≈ where the text is vague or in yuan"
    ),
    of_company=lambda c: (c.latest_valuation_usd, c.latest_valuation_approximate),
    of_row=lambda s, i: (_opt(s.table.latest_valuation_usd[i]), bool(s.table.valuation_approx[i])),
    text=_usd_text,
    csv=_usd_csv,
    sort=lambda s, rows: _undisclosed(s.table.latest_valuation_usd[rows]),
    width=10,
    memo_width=15,
)
VALUATION_APPROX = Column(
    key="latest_valuation_approximate",
    header_en=QT_TRANSLATE_NOOP("columns", "Valuation is approximate"),
    short_en="≈",
    kind="flag",
    of_company=lambda c: c.latest_valuation_approximate,
)
STABILITY = Column(
    key="stability",
    header_en=QT_TRANSLATE_NOOP("columns", "Stability"),
    short_en=QT_TRANSLATE_NOOP("columns", "Stab."),
    align="right",
    kind="share",
    tooltip_en=lambda: translate("columns", "Rank stability: {definition}").format(
        definition=present.stability_definition()
    ),
    of_company=lambda c: c.stability,
    of_row=lambda s, i: s.stability(i),
    text=present.stability_text,
    # "n/a" with all weights zero, "—" before it is computed: last either way
    sort=lambda s, rows: _undisclosed(
        s.ranking.stability[rows], np.full(len(rows), s.ranking.all_zero, dtype=bool)
    ),
    width=5,
    memo_width=10,
)

STAGE = Column(
    key="stage",
    header_en=QT_TRANSLATE_NOOP("columns", "Stage"),
    short_en=QT_TRANSLATE_NOOP("columns", "Stage"),
    tooltip_en=QT_TRANSLATE_NOOP(
        "columns",
        "The company's stage in your pipeline (Screening, Contacted, Diligence, Committee, "
        "Invested, Passed); empty when it is not in it. Edit it in the Pipeline tab",
    ),
    of_company=lambda c: getattr(c, "stage", "") or "",
    of_row=lambda s, i: s.stage(i),
    sort=lambda s, rows: s.stage_key(rows),
    width=10,
    memo_width=12,
)

assert tuple(c.key for c in (VALUE, DIFFICULTY, FUNDING)) == SIGNALS

#: The desktop table, in order (ui.ranking_model.Col follows it).
TABLE: Sequence[Column] = (
    RANK,
    DELTA,
    STAR,
    COMPANY,
    COUNTRY,
    SEGMENTS,
    SCORE,
    VALUE,
    DIFFICULTY,
    FUNDING,
    DISCLOSED,
    LATEST_ROUND,
    VALUATION,
    STABILITY,
    STAGE,
)
#: `main.py rank` (the terminal table).
CLI: Sequence[Column] = (
    RANK,
    NAME,
    NAME_EN,
    KIND,
    COUNTRY,
    SEGMENTS,
    SCORE,
    VALUE,
    DIFFICULTY,
    FUNDING,
    DISCLOSED,
    LATEST_ROUND,
    VALUATION,
    STABILITY,
)
#: `main.py rank --format csv`: machine values (dollars, 0–1 shares), the latest round as shown.
CSV: Sequence[Column] = (
    RANK,
    POSITION,
    ID,
    NAME,
    NAME_EN,
    KIND,
    COUNTRY,
    SEGMENTS,
    SCORE,
    VALUE,
    DIFFICULTY,
    FUNDING,
    DISCLOSED,
    DISCLOSED_APPROX,
    LATEST_ROUND,
    VALUATION,
    VALUATION_APPROX,
    STABILITY,
)
#: The memo's Shortlist sheet (the memo adds the analyst's note after these).
MEMO: Sequence[Column] = (
    RANK,
    NAME,
    NAME_EN,
    COUNTRY,
    SEGMENTS,
    SCORE,
    VALUE,
    DIFFICULTY,
    FUNDING,
    DISCLOSED,
    AMOUNTS,
    LATEST_ROUND,
    VALUATION,
    STABILITY,
)
