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


def _latest_round(ds: Dataset, cid: str) -> tuple[str, float]:
    """Text and sort key of the latest completed round with a name or a date."""
    best = None
    for f in ds.funding_by_company.get(cid, ()):
        if f.status != "completed" or f.cumulative and not f.round:
            continue
        key = f.year_fraction or 0.0
        if best is None or key >= best[1]:
            label = f.round_norm or f.round or "round"
            best = (f"{label} ({f.date})" if f.date else label, key)
    return best if best else ("", -math.inf)


class RankingModel(QAbstractTableModel):
    """Rows are the companies that pass the filters, in score order or the user's sort."""

    sig_order_changed = Signal()
    """The display order changed (a re-rank, a sort or a filter)."""

    def __init__(self, dataset: Dataset, ranking: Ranking, parent=None) -> None:
        super().__init__(parent)
        self._ds = dataset
        t = ranking.table
        self._ranking = ranking
        self._prev_rank: np.ndarray | None = None
        n = len(t)
        self._ids = [str(i) for i in t.ids.tolist()]
        self._row_of_id = {cid: i for i, cid in enumerate(self._ids)}
        companies = [dataset.company_by_id[cid] for cid in self._ids]
        self._name = [
            f"{c.name}  ·  {c.name_en}" if c.name_en and c.name_en != c.name else c.name for c in companies
        ]
        self._name_key = np.array([c.name.casefold() for c in companies], dtype=object)
        self._country = [c.country or "" for c in companies]
        self._segments = [" ".join(t.segments_of(i)) for i in range(n)]
        rounds = [_latest_round(dataset, cid) for cid in self._ids]
        self._round = [r[0] for r in rounds]
        self._round_key = np.array([r[1] for r in rounds])
        self._disclosed = [
            format_usd(v, approximate=bool(a)) if math.isfinite(v) else "—"
            for v, a in zip(t.funding_total_usd.tolist(), t.funding_approx.tolist(), strict=True)
        ]
        self._valuation = [
            format_usd(v, approximate=bool(a)) if math.isfinite(v) else "—"
            for v, a in zip(t.latest_valuation_usd.tolist(), t.valuation_approx.tolist(), strict=True)
        ]
        self._visible = np.ones(n, dtype=bool)
        self._shortlist: set[str] = set()
        self._sort: tuple[int, Qt.SortOrder] = (Col.RANK, Qt.SortOrder.AscendingOrder)
        self._rows = self._ordered_rows()

    # --- what the rows are ------------------------------------------------------------------

    @property
    def ranking(self) -> Ranking:
        return self._ranking

    def company_id(self, row: int) -> str:
        return self._ids[int(self._rows[row])]

    def row_of(self, company_id: str) -> int | None:
        """The display row of a company, or None if it is not shown."""
        r = self._row_of_id.get(company_id)
        if r is None:
            return None
        hits = np.flatnonzero(self._rows == r)
        return int(hits[0]) if len(hits) else None

    def shown_ids(self) -> list[str]:
        return [self._ids[int(r)] for r in self._rows]

    def visible_count(self) -> int:
        return len(self._rows)

    def total_count(self) -> int:
        return len(self._ids)

    def is_score_order(self) -> bool:
        return self._sort == (Col.RANK, Qt.SortOrder.AscendingOrder)

    def _sort_key(self, col: int, rows: np.ndarray) -> np.ndarray:
        r = self._ranking
        t = r.table
        if col == Col.DELTA:
            return self._delta_array()[rows].astype(np.float64)
        if col == Col.STAR:
            return np.array([self._ids[i] in self._shortlist for i in rows], dtype=np.float64)
        if col == Col.NAME:
            return self._name_key[rows]
        if col == Col.COUNTRY:
            return np.array([self._country[i] for i in rows], dtype=object)
        if col == Col.SEGMENTS:
            return np.array([self._segments[i] for i in rows], dtype=object)
        if col == Col.SCORE:
            return r.score[rows]
        if col in (Col.VALUE, Col.DIFFICULTY, Col.FUNDING):
            return r.signals[rows, col - Col.VALUE]
        if col == Col.DISCLOSED:
            return np.nan_to_num(t.funding_total_usd[rows], nan=-1.0)
        if col == Col.ROUND:
            return self._round_key[rows]
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
        if key.dtype == object:  # text: sort by its position in the sorted distinct values
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
        self._relayout()

    def set_visible(self, mask: np.ndarray) -> None:
        """Show only the rows where ``mask`` (over the SignalTable's rows) is true."""
        if np.array_equal(mask, self._visible):
            return
        self.beginResetModel()
        self._visible = mask.astype(bool).copy()
        self._rows = self._ordered_rows()
        self.endResetModel()
        self.sig_order_changed.emit()

    def set_shortlist(self, ids: set[str]) -> None:
        changed = ids ^ self._shortlist
        self._shortlist = set(ids)
        for cid in changed:
            row = self.row_of(cid)
            if row is not None:
                ix = self.index(row, Col.STAR)
                self.dataChanged.emit(ix, ix, [Qt.ItemDataRole.DisplayRole])

    def _delta_array(self) -> np.ndarray:
        if self._prev_rank is None:
            return np.zeros(len(self._ids), dtype=np.int64)
        prev, cur = self._prev_rank, self._ranking.rank
        return np.where((prev > 0) & (cur > 0), prev - cur, 0)

    # --- QAbstractTableModel ----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

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
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        i = int(self._rows[index.row()])
        col = Col(index.column())
        r = self._ranking
        if role == COMPANY_ID_ROLE:
            return self._ids[i]
        if role == SCORE_ROLE:
            return float(r.score[i])
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(i, col)
        if role == SORT_ROLE:
            v = self._sort_key(col, np.array([i]))[0]
            return v if isinstance(v, str) else float(v)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if col == Col.STAR:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == Col.DELTA:
                d = int(self._delta_array()[i])
                if d:
                    return QBrush(_UP if d > 0 else _DOWN)
            if col == Col.STAR and self._ids[i] in self._shortlist:
                return QBrush(QColor(214, 150, 0))
            return None
        if role == Qt.ItemDataRole.FontRole and col == Col.STAR:
            f = QFont()
            f.setPointSizeF(f.pointSizeF() * 1.15)
            return f
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(i, col)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(i, col)
        return None

    def _display(self, i: int, col: Col) -> str:
        r = self._ranking
        if col == Col.RANK:
            return str(int(r.rank[i])) if r.rank[i] > 0 else "–"
        if col == Col.DELTA:
            d = int(self._delta_array()[i])
            return f"▲{d}" if d > 0 else f"▼{-d}" if d < 0 else ""
        if col == Col.STAR:
            return "★" if self._ids[i] in self._shortlist else "☆"
        if col == Col.NAME:
            return self._name[i]
        if col == Col.COUNTRY:
            return self._country[i]
        if col == Col.SEGMENTS:
            return self._segments[i]
        if col == Col.SCORE:
            return f"{r.score[i]:,.1f}"
        if col in (Col.VALUE, Col.DIFFICULTY, Col.FUNDING):
            k = col - Col.VALUE
            return "n/a" if r.missing[i, k] else f"{r.signals[i, k]:.2f}"
        if col == Col.DISCLOSED:
            return self._disclosed[i]
        if col == Col.ROUND:
            return self._round[i]
        if col == Col.VALUATION:
            return self._valuation[i]
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
