"""The detail view of one company: who it is, why it scores as it does, and every quote."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core import present
from core.models import Dataset
from core.results import CompanyOut, company_out
from core.scoring import SIGNALS, Ranking

SIGNAL_COLORS = {"value": "#4285f4", "difficulty": "#f4b400", "funding": "#0f9d58"}
NOTE_SAVE_MS = 400


def _e(s: object) -> str:
    return html.escape(str(s))


def _usd_cell(value: float | None, approximate: bool) -> str:
    return _e(present.usd(value, approximate))


def funding_rows(c: CompanyOut) -> list[tuple[str, str, str, str, str, str]]:
    """The funding timeline as plain text cells: date, round, amount as written, amount in
    USD, valuation as written, valuation in USD (each figure in its own column)."""
    rows = []
    for r in c.rounds:
        rows.append(
            (
                present.date_text(r.date, r.date_text),
                present.round_label(r),
                r.amount_text or "undisclosed",
                present.usd(r.amount_usd, r.amount_approximate),
                r.valuation_text or present.NONE,
                present.usd(r.valuation_usd, r.valuation_approximate),
            )
        )
    return rows


def company_html(ds: Dataset, c: CompanyOut, ranking: Ranking) -> str:
    """The body of the detail view, as HTML (Qt's rich-text subset)."""
    company = ds.company(c.id)
    out = []
    facts = [c.country or "country not known", present.kind_label(c.kind)]
    if company.listed:
        facts.append(company.listed)
    roles = ", ".join(present.role_label(r) for r in ds.roles_of(c.id))
    out.append(f"<p style='color:#666'>{_e(' · '.join(facts))}<br>Roles: {_e(roles)}</p>")
    if c.aliases:
        out.append(f"<p><b>Also known as / products:</b> {_e(', '.join(c.aliases))}</p>")
    if company.note:
        out.append(f"<p style='color:#666'><i>Data note: {_e(company.note)}</i></p>")

    # the score, broken down
    w = ranking.weights
    if c.rank > 0:
        head = (
            f"Rank {present.rank_text(c.rank)} of {present.rank_text(int((ranking.rank > 0).sum()))}"
            f" · score {present.score_text(c.score)}"
        )
    else:
        head = f"{present.capital_first(present.NOT_RANKED)} · score {present.score_text(c.score)}"
    out.append(f"<h3>{_e(head)}</h3>")
    out.append("<table cellspacing='0' cellpadding='2' width='100%'>")
    sig = c.signals.model_dump()
    con = c.contributions.model_dump()
    for k in SIGNALS:
        weight = getattr(w, k)
        if k in c.missing:
            signal = f"signal {present.signal_text(sig[k], True)} (not disclosed; counted as {present.signal_text(sig[k])})"
        else:
            signal = f"signal {present.signal_text(sig[k])}"
        direction = "prefers less" if weight < 0 else "prefers more" if weight > 0 else "off"
        # Qt's rich text honours pixel widths on cells: 2 px per point, 100 points = 200 px
        px = max(0, min(200, round(con[k] * 2)))
        bar = (
            f"<table cellspacing='0' cellpadding='0'><tr><td width='{px}' bgcolor='{SIGNAL_COLORS[k]}' "
            f"height='10'></td><td width='{200 - px}'></td></tr></table>"
            if px
            else ""
        )
        out.append(
            f"<tr><td>{k.capitalize()}</td>"
            f"<td>{bar}</td>"
            f"<td align='right' width='14%'>+{present.score_text(con[k])}</td>"
            f"<td style='color:#666'>{_e(signal)}, weight {weight:+.0f} ({direction})</td></tr>"
        )
    out.append("</table>")
    stab = present.stability_sentence(
        c.stability, top_k=ranking.top_k, all_zero=ranking.all_zero, computed=ranking.stability_computed
    )
    out.append(f"<p>{_e(stab)} {_e(present.policy_sentence(ranking.policy, capital=True))}.</p>")

    # segments with their stars
    out.append("<h3>Segments</h3><table cellspacing='0' cellpadding='3'>")
    out.append(
        "<tr style='color:#666'><td></td><td>Segment</td><td>Market</td><td>Logic</td><td>Compute</td>"
        "<td>Corpus</td></tr>"
    )
    for ref in c.segments:
        s = ds.segment_by_ref[ref]
        out.append(
            f"<tr><td>{_e(ref)}</td><td>{_e(s.label)}<br>"
            f"<span style='color:#666'>{_e(s.label_zh)}</span></td>"
            + "".join(
                f"<td style='color:#d69600'>{present.stars(getattr(s, a))}</td>"
                for a in ("market", "logic", "compute", "corpus")
            )
            + "</tr>"
        )
    out.append("</table>")

    # funding: the figures every view shows, then the timeline
    out.append("<h3>Funding</h3>")
    if c.rounds:
        out.append(
            f"<p>Disclosed capital: <b>{_usd_cell(c.funding_total_usd, c.funding_approximate)}</b>"
            f" · latest valuation: <b>{_usd_cell(c.latest_valuation_usd, c.latest_valuation_approximate)}</b>"
            f" · latest round: <b>{_e(present.round_text(c.latest_round))}</b></p>"
        )
        out.append("<table cellspacing='0' cellpadding='3' width='100%'>")
        out.append(
            "<tr style='color:#666'><td>Date</td><td>Round</td><td>Amount as written</td><td>Amount (USD)</td>"
            "<td>Valuation as written</td><td>Valuation (USD)</td><td>Investors (lead in bold)</td></tr>"
        )
        for r, (date, label, amount, amount_usd, valuation, valuation_usd) in zip(
            c.rounds, funding_rows(c), strict=True
        ):
            inv = ", ".join(f"<b>{_e(i)}</b>" if i in r.lead_investors else _e(i) for i in r.investors)
            out.append(
                f"<tr><td>{_e(date)}</td><td>{_e(label)}</td><td>{_e(amount)}</td>"
                f"<td align='right'>{_e(amount_usd)}</td><td>{_e(valuation)}</td>"
                f"<td align='right'>{_e(valuation_usd)}</td><td>{inv or present.NONE}</td></tr>"
            )
        out.append("</table>")
        for r in c.rounds:
            if r.ambiguity:
                out.append(f"<p style='color:#8a6d00'>⚠ {_e(present.round_label(r))}: {_e(r.ambiguity)}</p>")
    else:
        out.append("<p style='color:#666'>The report discloses no financing for this company.</p>")

    # every quote
    out.append("<h3>What the report says</h3>")
    for e in c.evidence:
        out.append(
            f"<p style='margin-top:6px'>"
            f"<span style='color:#666'>§{_e(e.segment)} · {_e(present.role_label(e.role))}</span>"
            f"<br>“{_e(e.quote)}”</p>"
        )
    seen = {e.quote for e in c.evidence}
    for r in c.rounds:
        if r.quote not in seen:
            seen.add(r.quote)
            out.append(
                f"<p style='margin-top:6px'><span style='color:#666'>{_e('§' + r.segment if r.segment else 'Source')} · Funding</span>"
                f"<br>“{_e(r.quote)}”</p>"
            )
    return "".join(out)


class DetailView(QWidget):
    """Shows the selected company, its shortlist star and its notes."""

    sig_shortlist_toggled = Signal(str, bool)
    """The user starred (True) or unstarred (False) the company with this id."""

    sig_note_edited = Signal(str, str)
    """The note of a company changed (debounced while typing; flushed on switching company)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._company_id: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.title = QLabel("Select a company")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        top.addWidget(self.title, 1)
        self.star = QToolButton()
        self.star.setCheckable(True)
        self.star.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.star.setToolTip("Add to or remove from the shortlist (Space in the table)")
        self.star.toggled.connect(self._on_star_toggled)
        top.addWidget(self.star, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)

        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("detail_splitter")
        self.body = QTextBrowser()
        self.body.setOpenLinks(False)
        split.addWidget(self.body)
        notes_box = QWidget()
        nl = QVBoxLayout(notes_box)
        nl.setContentsMargins(0, 0, 0, 0)
        self.notes_label = QLabel("&Notes")
        nl.addWidget(self.notes_label)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText("Your notes on this company — saved as you type")
        self.notes.setAccessibleName("Notes")
        self.notes_label.setBuddy(self.notes)
        self.notes.textChanged.connect(self._on_notes_changed)
        nl.addWidget(self.notes)
        self.saved_label = QLabel("")
        self.saved_label.setStyleSheet("color: gray")
        nl.addWidget(self.saved_label)
        split.addWidget(notes_box)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        self.splitter = split
        layout.addWidget(split, 1)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_MS)
        self._note_timer.timeout.connect(self.flush_note)
        self._loading = False
        self.clear()

    def company_id(self) -> str | None:
        return self._company_id

    def clear(self) -> None:
        self.flush_note()
        self._company_id = None
        self._loading = True
        self.title.setText("Select a company")
        self.body.setHtml(
            "<p style='color:#666'>Select a company in the table to see its segments, its funding, "
            "why it scores as it does and every sentence of the report it comes from.</p>"
        )
        self.notes.setPlainText("")
        self.notes.setEnabled(False)
        self.star.setEnabled(False)
        self.star.setChecked(False)
        self._set_star_text(False)
        self.saved_label.setText("")
        self._loading = False

    def show_company(self, ds: Dataset, ranking: Ranking, row: int, *, shortlisted: bool, note: str) -> None:
        """Fill the view with the company at ``row`` of the ranking's table."""
        cid = str(ranking.table.ids[row])
        if cid != self._company_id:
            self.flush_note()
        c = company_out(ds, ranking, row)
        scroll = self.body.verticalScrollBar().value() if cid == self._company_id else 0
        same = cid == self._company_id
        self._company_id = cid
        self._loading = True
        name = _e(c.name)
        if c.name_en and c.name_en != c.name:
            name += f"  <span style='font-weight:normal'>{_e(c.name_en)}</span>"
        self.title.setText(name)
        self.body.setHtml(company_html(ds, c, ranking))
        self.body.verticalScrollBar().setValue(scroll)
        self.star.setEnabled(True)
        self.star.setChecked(shortlisted)
        self._set_star_text(shortlisted)
        if not same:
            self.notes.setPlainText(note)
            self.saved_label.setText("")
        self.notes.setEnabled(True)
        self._loading = False

    def set_shortlisted(self, on: bool) -> None:
        self._loading = True
        self.star.setChecked(on)
        self._set_star_text(on)
        self._loading = False

    def _set_star_text(self, on: bool) -> None:
        self.star.setText("★ Shortlisted" if on else "☆ Shortlist")

    def _on_star_toggled(self, on: bool) -> None:
        self._set_star_text(on)
        if not self._loading and self._company_id:
            self.sig_shortlist_toggled.emit(self._company_id, on)

    def _on_notes_changed(self) -> None:
        if self._loading or not self._company_id:
            return
        self.saved_label.setText("Editing…")
        self._note_timer.start()

    def flush_note(self) -> None:
        """Save a pending note edit now (on switching company, closing, exporting)."""
        if self._note_timer.isActive():
            self._note_timer.stop()
        if self._company_id and self.saved_label.text() == "Editing…":
            self.saved_label.setText("Saved")  # the receiver says otherwise if saving fails
            self.sig_note_edited.emit(self._company_id, self.notes.toPlainText())
