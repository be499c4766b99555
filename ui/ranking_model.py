"""The ranked table: a numpy-backed QAbstractTableModel over a Ranking.

The model never copies the arithmetic: it reads scores, signals and stability from the
:class:`core.scoring.Ranking` and names from the Dataset.  Sorting happens inside the model
with numpy (no QSortFilterProxyModel), and a re-rank keeps the selection through
``layoutAboutToBeChanged`` / ``changePersistentIndexList`` / ``layoutChanged``.
"""

from __future__ import annotations

from enum import IntEnum

import numpy as np
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from core import columns, present
from core.columns import BADGES, RankedRows
from core.i18n import language
from core.lenses import LensResult
from core.models import Dataset
from core.scoring import SIGNALS, Ranking


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
    STAGE = 14


#: What each column is and how it reads: described once in core.columns, in Col's order.
COLUMNS = columns.TABLE
assert [c.key for c in COLUMNS] == [
    *("rank", "delta", "shortlisted", "company", "country", "segments", "score"),
    *(
        "value",
        "difficulty",
        "funding",
        "funding_total_usd",
        "latest_round",
        "latest_valuation_usd",
        "stability",
        "stage",
    ),
], "Col must follow core.columns.TABLE"

COMPANY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a typed value (float, int or str) to sort or test on
SCORE_ROLE = Qt.ItemDataRole.UserRole + 3  # score 0..100 as float, for the bar delegate

#: The signals as the score's tooltip names them (English; translated where shown).
_SIGNAL_NAMES = {
    "value": QT_TRANSLATE_NOOP("ranking_model", "value"),
    "difficulty": QT_TRANSLATE_NOOP("ranking_model", "difficulty"),
    "funding": QT_TRANSLATE_NOOP("ranking_model", "funding"),
}

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
_ALIGN_FLAGS = {
    "right": Qt.AlignmentFlag.AlignRight,
    "center": Qt.AlignmentFlag.AlignCenter,
    "left": Qt.AlignmentFlag.AlignLeft,
}
_ALIGNMENTS = [int(_ALIGN_FLAGS[c.align] | Qt.AlignmentFlag.AlignVCenter) for c in COLUMNS]
_HEADER_ALIGNMENTS = [
    int(
        (_ALIGN_FLAGS["right"] if c.align == "right" else _ALIGN_FLAGS["left"])
        | Qt.AlignmentFlag.AlignVCenter
    )
    for c in COLUMNS
]


def _sort_nan_last(key: np.ndarray, descending: bool) -> np.ndarray:
    """The order of ``key``, ascending or descending, NaN (undisclosed) last either way; stable,
    so equal keys (and the undisclosed among themselves) keep rank order."""
    missing = np.isnan(key)
    known = np.where(missing, 0.0, key)
    # lexsort: the last key is the primary one; it is stable
    return np.lexsort((-known if descending else known, missing))


class RankingModel(QAbstractTableModel):
    """Rows are the companies that pass the filters, in score order or the user's sort.

    Nothing is prepared per company: every cell is made when the view asks for it (only the
    visible ones), from the Ranking's arrays or the Dataset, so a million companies cost arrays,
    not a million Python strings.
    """

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
        self._src = RankedRows(dataset, ranking)  # per-row values, text made on demand
        self._lenses: LensResult | None = None  # the robust and Pareto badges, once computed
        self._lens_shared: np.ndarray | None = None  # its rows x lenses "rank is shared"
        self._visible = np.ones(n, dtype=bool)
        self._all_visible = True  # (then the rows are the ranking's order as it is: no pass over it)
        self._shortlist: set[str] = set()
        self._star = np.zeros(n, dtype=bool)
        self._note_heads: dict[str, str] = {}  # first line of each note, by company id
        self._noted = np.zeros(n, dtype=bool)
        self._fact_lines: dict[str, list[str]] = {}  # the analyst's facts, by company id
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
            self._pos = np.full(len(self._ids), -1, dtype=np.int32)  # (display rows fit: half the memory)
            self._pos[self._rows] = np.arange(len(self._rows), dtype=np.int32)
        p = int(self._pos[r])
        return p if p >= 0 else None

    def shown_ids(self) -> list[str]:
        return [str(x) for x in self._ids[self._rows]]

    def visible_count(self) -> int:
        return len(self._rows)

    def total_count(self) -> int:
        """The companies of the universe screened (the table shows those the filters let through)."""
        return self._table.n_universe

    def is_score_order(self) -> bool:
        return self._sort == (Col.RANK, Qt.SortOrder.AscendingOrder)

    def _sort_key(self, col: int, rows: np.ndarray) -> np.ndarray:
        if col == Col.DELTA:
            return self._delta_array()[rows].astype(np.float64)
        if col == Col.STAR:
            return self._star[rows].astype(np.float64)
        sort = COLUMNS[col].sort
        assert sort is not None
        return sort(self._src, rows)

    def _ordered_rows(self) -> np.ndarray:
        """Visible rows in score order, then re-sorted by the user's column (ties keep rank order)."""
        r = self._ranking
        base = r.order if self._all_visible else r.order[self._visible[r.order]]
        col, order = self._sort
        if col == Col.RANK:
            return base if order == Qt.SortOrder.AscendingOrder else base[::-1].copy()
        key = self._sort_key(col, base)
        if key.dtype.kind in "OUS":  # text: sort by its position in the sorted distinct values
            text = key.astype(str)
            key = np.unique(text, return_inverse=True)[1].astype(np.float64)
            key[text == ""] = np.nan  # an unknown text (country) is undisclosed too
        return base[_sort_nan_last(key.astype(np.float64), order == Qt.SortOrder.DescendingOrder)]

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

    def set_ranking(self, ranking: Ranking, *, baseline: np.ndarray | None = None) -> None:
        """Show a new ranking.  The Δ column compares it with ``baseline`` ranks when given,
        else with the baseline it already had (so a whole slider drag shows its total effect)."""
        if baseline is not None:
            self._prev_rank = baseline  # (a ranking's ranks are never changed: no copy of a million)
        self._ranking = ranking
        self._src.ranking = ranking
        self._delta = None
        self._relayout()

    def set_universe(self, ranking: Ranking, mask: np.ndarray) -> None:
        """Show the ranking of another universe of the same dataset (a new signal table with the
        same rows) and the rows of ``mask``; Δ starts afresh (ranks of two universes do not
        compare).  The user's sort is kept."""
        self.beginResetModel()
        self._ranking = ranking
        self._table = ranking.table
        self._ids = ranking.table.ids
        src = RankedRows(self._ds, ranking, self._lenses)
        src.stages, src.stage_labels, src.stage_order = (
            self._src.stages,
            self._src.stage_labels,
            self._src.stage_order,
        )
        self._src = src
        self._mark_notes()
        self._prev_rank = None
        self._delta = None
        self._visible = mask.astype(bool).copy()
        self._all_visible = bool(self._visible.all())
        self._rows = self._ordered_rows()
        self._pos = None
        self.endResetModel()

    def set_derived(self, dataset: Dataset, ranking: Ranking, mask: np.ndarray) -> None:
        """Show the same companies with other data (the analyst's facts applied or taken off):
        a new dataset and ranking over the same rows; Δ shows the change from the ranking shown."""
        previous = self._ranking.rank if len(self._ranking.rank) == len(ranking.rank) else None
        self._ds = dataset
        self.set_universe(ranking, mask)
        if previous is not None:
            self._prev_rank = previous

    def set_visible(self, mask: np.ndarray) -> None:
        """Show only the rows where ``mask`` (over the SignalTable's rows) is true."""
        if np.array_equal(mask, self._visible):
            return
        self.beginResetModel()
        self._visible = mask.astype(bool).copy()
        self._all_visible = bool(self._visible.all())
        self._rows = self._ordered_rows()
        self._pos = None
        self.endResetModel()

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

    def set_lenses(self, lenses: LensResult | None, shared: np.ndarray | None = None) -> None:
        """Show the robust (✓) and Pareto-optimal (◆) badges of ``lenses`` in the name cells (none
        while it is None, or when it is of another universe than the ranking's).  ``shared``:
        ``lenses.shared`` when computed already (off the UI thread)."""
        self._lenses = lenses
        self._lens_shared = shared
        self._src.lenses = lenses
        if self._rows.size:
            top, bottom = self.index(0, Col.NAME), self.index(len(self._rows) - 1, Col.NAME)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole])

    def badges(self, row: int) -> str:
        """The badges of the company at display ``row``: "✓◆", "✓", "◆" or ""."""
        return BADGES.row_text(self._src, int(self._rows[row]))

    def set_notes(self, heads: dict[str, str]) -> None:
        """The companies that have a note (their name cell carries a marker, its tooltip the
        note's first line): ``heads`` maps company id to that first line."""
        changed = (set(heads) ^ set(self._note_heads)) | {
            cid for cid, head in heads.items() if self._note_heads.get(cid, head) != head
        }
        self._note_heads = dict(heads)
        self._mark_notes()
        for cid in changed:
            row = self.row_of(cid)
            if row is not None:
                ix = self.index(row, Col.NAME)
                self.dataChanged.emit(ix, ix, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole])

    def set_facts(self, lines: dict[str, list[str]]) -> None:
        """The analyst's facts (core.analyst), as their name cell's tooltip says them: ``lines``
        maps company id to one line per active fact."""
        changed = set(lines) ^ set(self._fact_lines) | {
            cid for cid, ls in lines.items() if self._fact_lines.get(cid) != ls
        }
        self._fact_lines = {cid: list(ls) for cid, ls in lines.items() if ls}
        self._repaint(changed, Col.NAME, [Qt.ItemDataRole.ToolTipRole])

    def set_pipeline(
        self, stages: dict[str, str], labels: dict[str, str] | None = None, order: tuple[str, ...] = ()
    ) -> None:
        """The pipeline's stage of each company in it (company id -> stage), with the stages'
        labels and their order (the Stage column shows and sorts by them)."""
        src = self._src
        changed = set(stages) ^ set(src.stages) | {
            cid for cid, st in stages.items() if src.stages.get(cid) != st
        }
        relabelled = labels is not None and dict(labels) != dict(src.stage_labels)
        src.stages = dict(stages)
        if labels is not None:
            src.stage_labels = dict(labels)
        if order:
            src.stage_order = tuple(order)
        if self._sort[0] == Col.STAGE and (changed or relabelled):
            self._relayout()
        elif relabelled and self._rows.size:
            top, bottom = self.index(0, Col.STAGE), self.index(len(self._rows) - 1, Col.STAGE)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole])
        else:
            self._repaint(changed, Col.STAGE, [Qt.ItemDataRole.DisplayRole])

    def stage_text(self, row: int) -> str:
        """The stage shown for the company at display ``row`` ("" when none)."""
        return self._src.stage(int(self._rows[row]))

    def _repaint(self, ids, col: int, roles: list) -> None:
        for cid in ids:
            row = self.row_of(cid)
            if row is not None:
                ix = self.index(row, col)
                self.dataChanged.emit(ix, ix, roles)

    def _mark_notes(self) -> None:
        self._noted = np.zeros(len(self._ids), dtype=bool)
        if self._note_heads:
            rows = self._table.row_of.rows(set(self._note_heads))
            self._noted[rows[rows >= 0]] = True

    def has_note(self, row: int) -> bool:
        """The company at display ``row`` has a note."""
        return bool(self._noted[int(self._rows[row])])

    def _delta_at(self, i: int) -> int:
        """One row of :meth:`_delta_array`, without making the whole column (a repaint after a
        re-rank asks for the visible rows only)."""
        if self._delta is not None:
            return int(self._delta[i])
        if self._prev_rank is None:
            return 0
        prev, cur = int(self._prev_rank[i]), int(self._ranking.rank[i])
        return prev - cur if prev > 0 and cur > 0 else 0

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
        column = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _HEADER_ALIGNMENTS[section]
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
                d = self._delta_at(i)
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

    def _display(self, i: int, col: int) -> str:
        if col == Col.DELTA:
            return present.delta_text(self._delta_at(i))
        if col == Col.STAR:
            return COLUMNS[col].text(bool(self._star[i]))
        if col == Col.NAME:
            marks = [present.NOTE_MARK] if self._noted[i] else []
            badges = BADGES.row_text(self._src, i)
            if badges:
                marks.append(badges)
            return " ".join([*marks, COLUMNS[col].row_text(self._src, i)])
        return COLUMNS[col].row_text(self._src, i)

    def _tooltip(self, i: int, col: Col) -> str | None:
        r = self._ranking
        if col in (Col.VALUE, Col.DIFFICULTY, Col.FUNDING) and r.missing[i, col - Col.VALUE]:
            return self.tr("No figure disclosed: {policy}").format(policy=present.policy_sentence(r.policy))
        if col == Col.SCORE:
            con = r.contributions_of(i)
            parts = ", ".join(
                f"{QCoreApplication.translate('ranking_model', _SIGNAL_NAMES.get(name, name))} "
                f"{present.score_text(con[k])}"
                for k, name in enumerate(SIGNALS)
            )
            return self.tr("Score {score} = {parts}").format(
                score=present.score_text(r.score[i]), parts=parts
            )
        if col == Col.RANK:
            return self._rank_tooltip(i)
        if col in (Col.DISCLOSED, Col.VALUATION) and language() != "en":
            t = self._ranking.table
            if col == Col.DISCLOSED:
                return present.usd(_finite_or_none(t.funding_total_usd[i]), bool(t.funding_approx[i]))
            return present.usd(_finite_or_none(t.latest_valuation_usd[i]), bool(t.valuation_approx[i]))
        if col == Col.NAME:
            lines = []
            if self._noted[i]:
                note = self._note_heads.get(str(self._ids[i]), "")
                lines.append(self.tr("{mark} Your note: {note}").format(mark=present.NOTE_MARK, note=note))
            lines.extend(self._fact_lines.get(str(self._ids[i]), ()))
            lines.extend(self._badge_lines(i))
            return "\n".join(lines) or None
        return None

    def _badge_lines(self, i: int) -> list[str]:
        """What the company's badges say, with its rank under each lens."""
        lenses = self._src.current_lenses()
        if lenses is None or not (lenses.robust[i] or lenses.pareto[i]):
            return []
        out = []
        if lenses.robust[i]:
            if self._lens_shared is not None and self._lens_shared.shape == lenses.ranks.shape:
                shared = self._lens_shared[i]
            else:  # this row only: another company has its rank under the lens
                shared = (lenses.ranks == lenses.ranks[i]).sum(axis=0) > 1
            ranks = ", ".join(
                f"{present.lens_short(lens.name)} {present.rank_text(int(r), bool(sh))}"
                for lens, r, sh in zip(lenses.lenses, lenses.ranks[i], shared, strict=True)
            )
            out.append(
                self.tr("{mark} Robust: {definition} ({ranks})").format(
                    mark=present.ROBUST_MARK, definition=present.robust_definition(lenses.top_n), ranks=ranks
                )
            )
        if lenses.pareto[i]:
            out.append(
                self.tr("{mark} Pareto-optimal: {definition}").format(
                    mark=present.PARETO_MARK, definition=present.pareto_definition()
                )
            )
        return out

    def _rank_tooltip(self, i: int) -> str | None:
        r = self._ranking
        if r.rank[i] == 0:
            return present.capital_first(present.not_ranked_reason(bool(r.in_universe[i]), r.universe))
        if not r.shared[i]:
            return None
        others = len(r.tie_group(i)) - 1
        if others == 1:
            text = self.tr("Rank {rank}: shared with {others} other company scoring {score} · {order}")
        else:
            text = self.tr("Rank {rank}: shared with {others} other companies scoring {score} · {order}")
        return text.format(
            rank=present.rank_text(int(r.rank[i]), True),
            others=f"{others:,}",
            score=present.score_text(r.score[i]),
            order=present.capital_first(present.tie_order()),
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Col):
            return
        self._sort = (column, order)
        self._relayout()


def _finite_or_none(v: float) -> float | None:
    return float(v) if np.isfinite(v) else None
