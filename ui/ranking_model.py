"""The ranked table: a numpy-backed QAbstractTableModel over a Ranking.

The model never copies the arithmetic: it reads scores, signals and stability from the
:class:`core.scoring.Ranking` and names from the Dataset.  Sorting happens inside the model
with numpy (no QSortFilterProxyModel), and a re-rank keeps the selection through
``layoutAboutToBeChanged`` / ``changePersistentIndexList`` / ``layoutChanged``.
"""

from __future__ import annotations

import math
from enum import IntEnum

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from core.models import Dataset
from core.money import format_usd
from core.scoring import Ranking


class Col(IntEnum):
    RANK = 0
    DELTA = 1
    STAR = 2
    NAME = 3
    COUNTRY = 4
    SEGMENTS = 5
    SCORE = 6
    VALUE = 7
    DIFFICULTY = 8
    FUNDING = 9
    DISCLOSED = 10
    ROUND = 11
    VALUATION = 12
    STABILITY = 13


HEADERS = {
    Col.RANK: "#",
    Col.DELTA: "Δ",
    Col.STAR: "★",
    Col.NAME: "Company",
    Col.COUNTRY: "Country",
    Col.SEGMENTS: "Segments",
    Col.SCORE: "Score",
    Col.VALUE: "Value",
    Col.DIFFICULTY: "Difficulty",
    Col.FUNDING: "Funding",
    Col.DISCLOSED: "Disclosed (USD)",
    Col.ROUND: "Latest round",
    Col.VALUATION: "Valuation (USD)",
    Col.STABILITY: "Stability",
}
HEADER_TIPS = {
    Col.RANK: "Rank by score in the whole universe (click to return to score order)",
    Col.DELTA: "Change of rank since the last weight change (▲ up, ▼ down)",
    Col.STAR: "Shortlisted (Space toggles)",
    Col.SCORE: "Score 0–100 under the current weights",
    Col.VALUE: "Value signal 0–1: market-space stars of the company's segments",
    Col.DIFFICULTY: "Difficulty signal 0–1: logic, compute and corpus stars (higher = harder)",
    Col.FUNDING: "Funding signal 0–1: disclosed capital, valuation, recency, stage",
    Col.DISCLOSED: "Disclosed capital in US dollars; ≈ where the text is vague or in yuan",
    Col.STABILITY: "Share of ±20% weight perturbations in which the company stays in the top 10",
}
NUMERIC = {
    Col.RANK,
    Col.DELTA,
    Col.SCORE,
    Col.VALUE,
    Col.DIFFICULTY,
    Col.FUNDING,
    Col.DISCLOSED,
    Col.VALUATION,
    Col.STABILITY,
}

COMPANY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a typed value (float, int or str) to sort or test on
SCORE_ROLE = Qt.ItemDataRole.UserRole + 3  # score 0..100 as float, for the bar delegate

_UP = QColor(22, 130, 60)
_DOWN = QColor(190, 50, 40)
_UP_BRUSH = QBrush(_UP)
_DOWN_BRUSH = QBrush(_DOWN)
_STAR_BRUSH = QBrush(QColor(214, 150, 0))
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_FONT = Qt.ItemDataRole.FontRole
_HANDLED_ROLES = frozenset(
    {
        _DISPLAY,
        _ALIGN,
        _FOREGROUND,
        _FONT,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        COMPANY_ID_ROLE,
        SORT_ROLE,
        SCORE_ROLE,
    }
)
_ALIGNMENTS = [
    int(
        (
            Qt.AlignmentFlag.AlignRight
            if c in NUMERIC
            else Qt.AlignmentFlag.AlignCenter
            if c == Col.STAR
            else Qt.AlignmentFlag.AlignLeft
        )
        | Qt.AlignmentFlag.AlignVCenter
    )
    for c in Col
]


def _latest_round(ds: Dataset, cid: str) -> str:
    """The latest completed round with a name or a date, as text."""
    best = None
    for f in ds.funding_of(cid):
        if f.status != "completed" or f.cumulative and not f.round:
            continue
        key = f.year_fraction or 0.0
        if best is None or key >= best[1]:
            label = f.round_norm or f.round or "round"
            best = (f"{label} ({f.date})" if f.date else label, key)
    return best[0] if best else ""


class RankingModel(QAbstractTableModel):
    """Rows are the companies that pass the filters, in score order or the user's sort.

    Nothing is prepared per company: every cell is made when the view asks for it (only the
    visible ones), from the Ranking's arrays or the Dataset, so a million companies cost arrays,
    not a million Python strings.
    """

    sig_order_changed = Signal()
    """The display order changed (a re-rank, a sort or a filter)."""

    def __init__(self, dataset: Dataset, ranking: Ranking, parent=None) -> None:
        super().__init__(parent)
        self._ds = dataset
        t = ranking.table
        self._ranking = ranking
        self._table = t
        self._prev_rank: np.ndarray | None = None
        self._delta: np.ndarray | None = None
        n = len(t)
        self._ids = t.ids  # object array, rows in name order
        self._cells: dict[tuple[int, str], str] = {}  # per-company text made on demand
        self._visible = np.ones(n, dtype=bool)
        self._shortlist: set[str] = set()
        self._star = np.zeros(n, dtype=bool)
        self._sort: tuple[int, Qt.SortOrder] = (Col.RANK, Qt.SortOrder.AscendingOrder)
        self._pos: np.ndarray | None = None  # table row -> display row
        self._star_font = QFont()
        self._star_font.setPointSizeF(self._star_font.pointSizeF() * 1.15)
        self._rows = self._ordered_rows()

    # --- what the rows are ------------------------------------------------------------------

    @property
    def ranking(self) -> Ranking:
        return self._ranking

    def company_id(self, row: int) -> str:
        return str(self._ids[int(self._rows[row])])

    def row_of(self, company_id: str) -> int | None:
        """The display row of a company, or None if it is not shown."""
        r = self._table.row_of.get(company_id)
        if r is None:
            return None
        if self._pos is None:
            self._pos = np.full(len(self._ids), -1, dtype=np.int64)
            self._pos[self._rows] = np.arange(len(self._rows))
        p = int(self._pos[r])
        return p if p >= 0 else None

    def shown_ids(self) -> list[str]:
        return [str(x) for x in self._ids[self._rows]]

    def visible_count(self) -> int:
        return len(self._rows)

    def total_count(self) -> int:
        return len(self._ids)

    def is_score_order(self) -> bool:
        return self._sort == (Col.RANK, Qt.SortOrder.AscendingOrder)

    def _text(self, i: int, what: str) -> str:
        """Per-company text made once on demand (names, segments, latest round)."""
        key = (i, what)
        text = self._cells.get(key)
        if text is None:
            cid = str(self._ids[i])
            if what == "name":
                c = self._ds.company(cid)
                text = f"{c.name}  ·  {c.name_en}" if c.name_en and c.name_en != c.name else c.name
            elif what == "segments":
                text = " ".join(self._table.segments_of(i))
            else:
                text = _latest_round(self._ds, cid)
            if len(self._cells) > 20_000:
                self._cells.clear()
            self._cells[key] = text
        return text

    def _sort_key(self, col: int, rows: np.ndarray) -> np.ndarray:
        r = self._ranking
        t = self._table
        if col == Col.DELTA:
            return self._delta_array()[rows].astype(np.float64)
        if col == Col.STAR:
            return self._star[rows].astype(np.float64)
        if col == Col.NAME:
            return rows.astype(np.float64)  # the table's rows are in name order
        if col == Col.COUNTRY:
            return t.countries[rows]
        if col == Col.SEGMENTS:
            # by the first segment, then the next: the membership pattern read as a number
            weights = 2.0 ** np.arange(t.segment_member.shape[1] - 1, -1, -1)
            return -(t.segment_member[rows] @ weights)
        if col == Col.SCORE:
            return r.score[rows]
        if col in (Col.VALUE, Col.DIFFICULTY, Col.FUNDING):
            return r.signals[rows, col - Col.VALUE]
        if col == Col.DISCLOSED:
            return np.nan_to_num(t.funding_total_usd[rows], nan=-1.0)
        if col == Col.ROUND:
            return np.nan_to_num(t.raw["recency"][rows], nan=-1.0)
        if col == Col.VALUATION:
            return np.nan_to_num(t.latest_valuation_usd[rows], nan=-1.0)
        if col == Col.STABILITY:
            return np.nan_to_num(r.stability[rows], nan=-1.0)
        return r.rank[rows].astype(np.float64)

    def _ordered_rows(self) -> np.ndarray:
        """Visible rows in score order, then re-sorted by the user's column (ties keep rank order)."""
        r = self._ranking
        base = r.order[self._visible[r.order]]
        col, order = self._sort
        if col == Col.RANK:
            return base if order == Qt.SortOrder.AscendingOrder else base[::-1].copy()
        key = self._sort_key(col, base)
        if key.dtype.kind in "OUS":  # text: sort by its position in the sorted distinct values
            key = np.unique(key.astype(str), return_inverse=True)[1].astype(np.float64)
        # stable, so equal keys stay in rank order, ascending or descending
        idx = np.argsort(-key if order == Qt.SortOrder.DescendingOrder else key, kind="stable")
        return base[idx]

    def _relayout(self) -> None:
        """Recompute the display order keeping persistent indexes (the selection) on their companies."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [
            self.company_id(i.row()) if i.isValid() and i.row() < len(self._rows) else None for i in old
        ]
        self._rows = self._ordered_rows()
        self._pos = None
        new = []
        for idx, cid in zip(old, old_ids, strict=True):
            row = self.row_of(cid) if cid is not None else None
            new.append(self.index(row, idx.column()) if row is not None else QModelIndex())
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()
        self.sig_order_changed.emit()

    def set_ranking(self, ranking: Ranking, *, baseline: np.ndarray | None = None) -> None:
        """Show a new ranking.  The Δ column compares it with ``baseline`` ranks when given,
        else with the baseline it already had (so a whole slider drag shows its total effect)."""
        if baseline is not None:
            self._prev_rank = baseline.copy()
        self._ranking = ranking
        self._delta = None
        self._relayout()

    def set_visible(self, mask: np.ndarray) -> None:
        """Show only the rows where ``mask`` (over the SignalTable's rows) is true."""
        if np.array_equal(mask, self._visible):
            return
        self.beginResetModel()
        self._visible = mask.astype(bool).copy()
        self._rows = self._ordered_rows()
        self._pos = None
        self.endResetModel()
        self.sig_order_changed.emit()

    def stability_changed(self) -> None:
        """The ranking's stability was computed: repaint that column."""
        if self._rows.size:
            top, bottom = self.index(0, Col.STABILITY), self.index(len(self._rows) - 1, Col.STABILITY)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole])

    def set_shortlist(self, ids: set[str]) -> None:
        changed = ids ^ self._shortlist
        self._shortlist = set(ids)
        self._star[:] = False
        rows = self._table.row_of.rows(self._shortlist) if self._shortlist else np.array([], dtype=np.int64)
        self._star[rows[rows >= 0]] = True
        for cid in changed:
            row = self.row_of(cid)
            if row is not None:
                ix = self.index(row, Col.STAR)
                self.dataChanged.emit(ix, ix, [Qt.ItemDataRole.DisplayRole])

    def _delta_array(self) -> np.ndarray:
        if self._delta is None:
            if self._prev_rank is None:
                self._delta = np.zeros(len(self._ids), dtype=np.int64)
            else:
                prev, cur = self._prev_rank, self._ranking.rank
                self._delta = np.where((prev > 0) & (cur > 0), prev - cur, 0)
        return self._delta

    # --- QAbstractTableModel ----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Col):
            return None
        col = Col(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS.get(col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            right = Qt.AlignmentFlag.AlignRight if col in NUMERIC else Qt.AlignmentFlag.AlignLeft
            return int(right | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        # Called for every visible cell and many roles on each repaint: unused roles leave first.
        if role not in _HANDLED_ROLES:
            return None
        row = index.row()
        if not 0 <= row < len(self._rows):
            return None
        col = index.column()
        if role == _ALIGN:
            return _ALIGNMENTS[col]
        i = int(self._rows[row])
        if role == _DISPLAY:
            return self._display(i, col)
        if role == _FOREGROUND:
            if col == Col.DELTA:
                d = int(self._delta_array()[i])
                return (_UP_BRUSH if d > 0 else _DOWN_BRUSH) if d else None
            return _STAR_BRUSH if col == Col.STAR and self._star[i] else None
        if role == _FONT:
            return self._star_font if col == Col.STAR else None
        r = self._ranking
        if role == COMPANY_ID_ROLE:
            return str(self._ids[i])
        if role == SCORE_ROLE:
            return float(r.score[i])
        if role == SORT_ROLE:
            v = self._sort_key(col, np.array([i]))[0]
            return v if isinstance(v, str) else float(v)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(i, Col(col))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(i, col)
        return None

    def _display(self, i: int, col: Col) -> str:
        r = self._ranking
        t = self._table
        if col == Col.RANK:
            return f"{int(r.rank[i]):,}" if r.rank[i] > 0 else "–"
        if col == Col.DELTA:
            d = int(self._delta_array()[i])
            return f"▲{d:,}" if d > 0 else f"▼{-d:,}" if d < 0 else ""
        if col == Col.STAR:
            return "★" if self._star[i] else "☆"
        if col == Col.NAME:
            return self._text(i, "name")
        if col == Col.COUNTRY:
            return str(t.countries[i])
        if col == Col.SEGMENTS:
            return self._text(i, "segments")
        if col == Col.SCORE:
            return f"{r.score[i]:,.1f}"
        if col in (Col.VALUE, Col.DIFFICULTY, Col.FUNDING):
            k = col - Col.VALUE
            return "n/a" if r.missing[i, k] else f"{r.signals[i, k]:.2f}"
        if col == Col.DISCLOSED:
            v = t.funding_total_usd[i]
            return format_usd(v, approximate=bool(t.funding_approx[i])) if math.isfinite(v) else "—"
        if col == Col.ROUND:
            return self._text(i, "round")
        if col == Col.VALUATION:
            v = t.latest_valuation_usd[i]
            return format_usd(v, approximate=bool(t.valuation_approx[i])) if math.isfinite(v) else "—"
        if col == Col.STABILITY:
            s = r.stability[i]
            return f"{s:.0%}" if math.isfinite(s) and not r.all_zero else "—"
        return ""

    def _tooltip(self, i: int, col: Col) -> str | None:
        r = self._ranking
        if col in (Col.VALUE, Col.DIFFICULTY, Col.FUNDING) and r.missing[i, col - Col.VALUE]:
            return f"No figure disclosed; counted as {r.policy} under the missing-data policy"
        if col == Col.SCORE:
            con = r.contributions_of(i)
            parts = ", ".join(
                f"{name} {con[k]:.1f}" for k, name in enumerate(("value", "difficulty", "funding"))
            )
            return f"Score {r.score[i]:.1f} = {parts}"
        if col == Col.RANK and r.rank[i] == 0:
            return "Excluded from the ranking: no figure for a weighted signal (missing-data policy: exclude)"
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Col):
            return
        self._sort = (column, order)
        self._relayout()
