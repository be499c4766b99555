"""Compare: two to five companies side by side, one column each.

Rows: who it is; rank and score; the lenses (robust ✓, Pareto ◆, its rank under each lens); the
three signals and their contributions with each weight; funding in US dollars; the segments with
their star ratings; the funding timeline; the traction facts with their quotes; the analyst's
notes.  Every figure is formatted by :mod:`core.present`, as in the table and the detail view.

:class:`CompareDialog` is a non-modal window over a :class:`QTextBrowser`: its text is
selectable with the mouse and the keyboard, Ctrl+C copies a selection, "Copy all" the whole
comparison as text, a company's name opens it in the main window, Esc closes.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core import present
from core.lenses import LensResult
from core.models import Dataset
from core.results import CompanyOut, company_out
from core.scoring import SIGNALS, Ranking
from ui.detail_view import COMPANY_LINK, funding_rows

#: How many companies Compare puts side by side.
MIN_COMPARE, MAX_COMPARE = 2, 5
#: The width of one company's column and of the row labels (px), for the dialog's first size.
COLUMN_PX, LABEL_PX = 250, 130
#: The share of the table's width the row labels take (%).
LABEL_SHARE = 12
_MUTED = "color:#666"
_NOWRAP = "white-space:nowrap"


def _e(s: object) -> str:
    return html.escape(str(s))


#: The signals as the comparison names them (translated at use, context "compare_view").
SIGNAL_NAMES = {
    "value": QT_TRANSLATE_NOOP("compare_view", "Value"),
    "difficulty": QT_TRANSLATE_NOOP("compare_view", "Difficulty"),
    "funding": QT_TRANSLATE_NOOP("compare_view", "Funding"),
}


def _unbroken(text: str) -> str:
    """``text`` that a line never breaks inside: Qt's nowrap keeps spaces, but Chinese breaks
    between any two characters, so those are joined by a word joiner (ASCII text as it is)."""
    return text if text.isascii() else "\u2060".join(text)


def _signal_name(key: str) -> str:
    name = SIGNAL_NAMES.get(key)
    return QCoreApplication.translate("compare_view", name) if name else key.capitalize()


def compare_problem(n: int) -> str | None:
    """Why ``n`` companies cannot be compared (None when they can), in words a user acts on."""
    how = QCoreApplication.translate(
        "compare_view",
        "Select them in the table with Ctrl+click (or Shift+click for a range) and choose "
        "View → Compare selected (Ctrl+Shift+C), or shortlist them and choose Compare shortlist.",
    )
    if n < MIN_COMPARE:
        if n == 0:
            text = QCoreApplication.translate(
                "compare_view", "Compare needs {min} to {max} companies; no company is selected. {how}"
            )
        else:
            text = QCoreApplication.translate(
                "compare_view", "Compare needs {min} to {max} companies; only 1 company is selected. {how}"
            )
        return text.format(min=MIN_COMPARE, max=MAX_COMPARE, how=how)
    if n > MAX_COMPARE:
        return QCoreApplication.translate(
            "compare_view",
            "Compare shows at most {max} companies side by side; {n} are selected. Select {min} to {max}. {how}",
        ).format(min=MIN_COMPARE, max=MAX_COMPARE, n=n, how=how)
    return None


# --- the comparison as HTML ---------------------------------------------------------------------


def _rank_cell(c: CompanyOut, ranking: Ranking, best: bool) -> str:
    if c.rank <= 0:
        text = present.capital_first(present.not_ranked_reason(c.in_universe, ranking.universe))
        return f"<span style='{_MUTED}'>{_e(text)}</span>"
    universe = present.universe_label(ranking.universe).lower()
    rank = _e(present.rank_text(c.rank, c.shared))
    rank = f"<b>{rank}</b>" if best else rank
    return QCoreApplication.translate(
        "compare_view", "{rank} of {total} {universe}<br>score <b>{score}</b>"
    ).format(
        rank=f"<span style='font-size:large'>{rank}</span>",
        total=f"{int(ranking.included.sum()):,}",
        universe=_e(universe),
        score=_e(present.score_text(c.score)),
    )


def _lens_cell(lenses: LensResult | None, row: int) -> str:
    if lenses is None:
        text = QCoreApplication.translate("compare_view", "being computed")
        return f"<span style='{_MUTED}'>{_e(text)}</span>"
    marks = []
    if lenses.robust[row]:
        robust = _e(QCoreApplication.translate("compare_view", "robust"))
        marks.append(f"<b style='color:#16703a'>{present.ROBUST_MARK} {robust}</b>")
    if lenses.pareto[row]:
        pareto = _e(QCoreApplication.translate("compare_view", "Pareto-optimal"))
        marks.append(f"<b style='color:#6a3ca0'>{present.PARETO_MARK} {pareto}</b>")
    top = int(lenses.top_count[row])
    lines = [" · ".join(marks)] if marks else []
    lines.append(
        _e(
            QCoreApplication.translate(
                "compare_view", "in the top {top_n} under {count} of {lenses} lenses"
            ).format(top_n=lenses.top_n, count=top, lenses=len(lenses.lenses))
        )
    )
    ranks = []
    for j, lens in enumerate(lenses.lenses):
        rank = int(lenses.ranks[row, j])
        shared = rank > 0 and int((lenses.ranks[:, j] == rank).sum()) > 1
        text = present.rank_text(rank, shared)
        ranks.append(f"<span style='{_NOWRAP}'>{_e(present.lens_short(lens.name))} {_e(text)}</span>")
    lines.append(", ".join(ranks))
    return "<br>".join(lines)


def _signals_cell(c: CompanyOut) -> str:
    sig = c.signals.model_dump()
    out = []
    for k in SIGNALS:
        missing = k in c.missing
        text = present.signal_text(sig[k], missing)
        if missing:
            text += QCoreApplication.translate("compare_view", " (counted as {signal})").format(
                signal=present.signal_text(sig[k])
            )
        out.append(f"<span style='{_NOWRAP}'>{_e(_signal_name(k))} {_e(text)}</span>")
    return "<br>".join(out)


def _contributions_cell(c: CompanyOut, ranking: Ranking) -> str:
    con = c.contributions.model_dump()
    w = ranking.weights
    weight_text = QCoreApplication.translate("compare_view", "(weight {weight})")
    out = []
    for k in SIGNALS:
        name = present.contribution_name(k, float(getattr(w, k)))
        out.append(
            f"<span style='{_NOWRAP}'>{_e(name.capitalize())} +{_e(present.score_text(con[k]))}</span>"
            f" <span style='{_MUTED}'>{_e(weight_text.format(weight=f'{getattr(w, k):+.0f}'))}</span>"
        )
    return "<br>".join(out)


def _money_cell(c: CompanyOut) -> str:
    return QCoreApplication.translate(
        "compare_view", "Disclosed {disclosed}<br>Valuation {valuation}<br>Latest round {round}"
    ).format(
        disclosed=f"<b style='{_NOWRAP}'>{_e(present.usd(c.funding_total_usd, c.funding_approximate))}</b>",
        valuation=f"<b style='{_NOWRAP}'>"
        f"{_e(present.usd(c.latest_valuation_usd, c.latest_valuation_approximate))}</b>",
        round=_e(present.round_text(c.latest_round)),
    )


def _segments_cell(ds: Dataset, c: CompanyOut) -> str:
    if not c.segments:
        text = QCoreApplication.translate("compare_view", "no segment")
        return f"<span style='{_MUTED}'>{_e(text)}</span>"
    out = []
    for ref in c.segments:
        s = ds.segment_by_ref[ref]
        ratings = " ".join(
            f"<span style='{_NOWRAP}'>{_e(_unbroken(label))} <span style='color:#d69600'>{present.stars(getattr(s, a))}</span></span>"
            for a, label in (
                ("market", QCoreApplication.translate("compare_view", "Market")),
                ("logic", QCoreApplication.translate("compare_view", "Logic")),
                ("compute", QCoreApplication.translate("compare_view", "Compute")),
                ("corpus", QCoreApplication.translate("compare_view", "Corpus")),
            )
        )
        first, second = present.segment_names(s.label, s.label_zh)
        out.append(f"<b>{_e(ref)}</b> {_e(first)} <span style='{_MUTED}'>{_e(second)}</span><br>{ratings}")
    return "<br><br>".join(out)


def _timeline_cell(c: CompanyOut) -> str:
    if not c.rounds:
        none = QCoreApplication.translate("compare_view", "no financing disclosed")
        return f"<span style='{_MUTED}'>{_e(none)}</span>"
    out = []
    for r, (date, label, amount, amount_usd, valuation, valuation_usd) in zip(
        c.rounds, funding_rows(c), strict=True
    ):
        line = f"<b style='{_NOWRAP}'>{_e(date)}</b> {_e(label)}<br>{_e(amount)}"
        if amount_usd != present.NONE:
            line += f" <span style='{_NOWRAP}'>({_e(amount_usd)})</span>"
        if r.valuation_text or r.valuation_usd is not None:
            line += "<br>" + _e(
                QCoreApplication.translate("compare_view", "valuation {valuation}").format(
                    valuation=valuation
                )
            )
            if valuation_usd != present.NONE:
                line += f" <span style='{_NOWRAP}'>({_e(valuation_usd)})</span>"
        if r.investors:
            inv = ", ".join(f"<b>{_e(i)}</b>" if i in r.lead_investors else _e(i) for i in r.investors)
            investors = _e(QCoreApplication.translate("compare_view", "investors"))
            line += f"<br><span style='{_MUTED}'>{investors}</span> {inv}"
        out.append(line)
    return "<br><br>".join(out)


def _facts_cell(ds: Dataset, company_id: str) -> str:
    groups = present.fact_groups(ds, company_id)
    if not groups:
        none = QCoreApplication.translate("compare_view", "no clients, outcomes or products named")
        return f"<span style='{_MUTED}'>{_e(none)}</span>"
    out = []
    for g in groups:
        values = ", ".join(_e(v) for v in g.values(ds))
        out.append(
            f"<b>{_e(present.fact_kind_label(g.kind))}</b>: {values} <span style='{_MUTED}'>§{_e(g.segment)}</span>"
            f"<br><span style='color:#555'>“{_e(g.quote)}”</span>"
        )
    return "<br><br>".join(out)


def _notes_cell(note: str) -> str:
    if not note.strip():
        text = QCoreApplication.translate("compare_view", "no note")
        return f"<span style='{_MUTED}'>{_e(text)}</span>"
    return "<br>".join(_e(line) for line in note.splitlines())


def compare_html(
    ds: Dataset,
    ranking: Ranking,
    company_ids: Sequence[str],
    notes: Mapping[str, str] | None = None,
    lenses: LensResult | None = None,
) -> str:
    """The companies side by side as an HTML table (Qt's rich-text subset), in the given order.
    ``lenses`` is used when it is of the ranking's universe."""
    notes = notes or {}
    t = ranking.table
    if lenses is not None and lenses.table is not t:
        lenses = None
    rows = [t.row_of[cid] for cid in company_ids]
    companies = [company_out(ds, ranking, r) for r in rows]
    ranked = [c.rank for c in companies if c.rank > 0]
    best_rank = min(ranked) if ranked else 0
    # the row labels a narrow column, the companies equal shares of the rest
    width = f"{(100 - LABEL_SHARE) // max(1, len(companies))}%"

    def row(label: str, cells: list[str]) -> str:
        tds = "".join(f"<td valign='top' width='{width}'>{cell}</td>" for cell in cells)
        return (
            f"<tr><td valign='top' width='{LABEL_SHARE}%' style='{_MUTED}; background-color:#f3f3f3'>"
            f"<b>{_e(label)}</b></td>"
            f"{tds}</tr>"
        )

    head = []
    for c in companies:
        name = f"<a href='{COMPANY_LINK}{_e(c.id)}'><b>{_e(c.name)}</b></a>"
        if c.name_en and c.name_en != c.name:
            name += f"<br>{_e(c.name_en)}"
        facts = [
            c.country or QCoreApplication.translate("compare_view", "country not known"),
            present.kind_label(c.kind),
        ]
        head.append(
            f"<span style='font-size:large'>{name}</span><br><span style='{_MUTED}'>{_e(' · '.join(facts))}</span>"
        )
    out = [
        "<table cellspacing='0' cellpadding='6' border='1' style='border-collapse:collapse; border-color:#ccc' width='100%'>",
        row("", head),
        row(
            QCoreApplication.translate("compare_view", "Rank"),
            [_rank_cell(c, ranking, c.rank == best_rank) for c in companies],
        ),
        row(QCoreApplication.translate("compare_view", "Lenses"), [_lens_cell(lenses, r) for r in rows]),
        row(QCoreApplication.translate("compare_view", "Signals"), [_signals_cell(c) for c in companies]),
        row(
            QCoreApplication.translate("compare_view", "Contributions"),
            [_contributions_cell(c, ranking) for c in companies],
        ),
        row(QCoreApplication.translate("compare_view", "Funding"), [_money_cell(c) for c in companies]),
        row(
            QCoreApplication.translate("compare_view", "Segments"), [_segments_cell(ds, c) for c in companies]
        ),
        row(
            QCoreApplication.translate("compare_view", "Funding timeline"),
            [_timeline_cell(c) for c in companies],
        ),
        row(
            QCoreApplication.translate("compare_view", "Traction & facts"),
            [_facts_cell(ds, c.id) for c in companies],
        ),
        row(
            QCoreApplication.translate("compare_view", "Your notes"),
            [_notes_cell(notes.get(c.id, "")) for c in companies],
        ),
        "</table>",
    ]
    return "".join(out)


# --- the window ---------------------------------------------------------------------------------


class CompareDialog(QDialog):
    """The comparison of 2–5 companies, non-modal; refuses any other number (ValueError)."""

    sig_company_clicked = Signal(str)
    """The user clicked a company's name (its id)."""

    def __init__(
        self,
        parent: QWidget | None,
        dataset: Dataset,
        ranking: Ranking,
        company_ids: Sequence[str],
        notes: Mapping[str, str] | None = None,
        lenses: LensResult | None = None,
    ) -> None:
        problem = compare_problem(len(company_ids))
        if problem is not None:
            raise ValueError(problem)
        super().__init__(parent)
        self._ids = list(company_ids)
        self.setObjectName("compare_dialog")
        names = [dataset.company(cid).name for cid in self._ids]
        self.setWindowTitle(self.tr("Compare — {companies}").format(companies=", ".join(names)))
        layout = QVBoxLayout(self)
        weights = present.weights_in_words(ranking.weights)
        self.intro = QLabel(
            self.tr("{n} companies side by side under the current weights: {weights} {policy}.").format(
                n=len(self._ids),
                weights=weights,
                policy=present.policy_sentence(ranking.policy, capital=True),
            )
        )
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.intro)
        self.body = QTextBrowser()
        self.body.setObjectName("compare_body")
        self.body.setAccessibleName(self.tr("Companies compared side by side"))
        self.body.setOpenLinks(False)
        self.body.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.body.anchorClicked.connect(self._on_anchor)
        self.body.setHtml(compare_html(dataset, ranking, self._ids, notes, lenses))
        layout.addWidget(self.body, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(self.tr("&Copy all"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_all)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._fit(len(self._ids))
        self.body.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fit(self, n: int) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        width, height = LABEL_PX + COLUMN_PX * n + 40, 700
        if room is not None:
            width, height = min(width, room.width() - 40), min(height, room.height() - 60)
        self.resize(width, height)

    def company_ids(self) -> list[str]:
        """The companies compared, in their columns' order."""
        return list(self._ids)

    def text(self) -> str:
        """The comparison as plain text (what Copy all copies)."""
        return self.intro.text() + "\n\n" + self.body.toPlainText()

    def copy_all(self) -> None:
        QApplication.clipboard().setText(self.text())

    def _on_anchor(self, url) -> None:
        target = url.toString()
        if target.startswith(COMPANY_LINK):
            self.sig_company_clicked.emit(target[len(COMPANY_LINK) :])
