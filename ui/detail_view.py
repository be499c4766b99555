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

from core.models import Dataset
from core.money import format_usd
from core.results import CompanyOut, company_out
from core.scoring import Ranking

ROLE_LABELS = {"adopter": "Adopter", "vendor": "Vendor", "funded": "Funded", "partner": "Partner"}
KIND_LABELS = {
    "big_tech": "big tech",
    "ai_vendor": "AI vendor",
    "software_vendor": "software vendor",
    "drug_maker": "drug maker",
}
SIGNAL_COLORS = {"value": "#4285f4", "difficulty": "#f4b400", "funding": "#0f9d58"}
NOTE_SAVE_MS = 400


def stars(n: int) -> str:
    return "★" * n + "☆" * (5 - n)


def _e(s: object) -> str:
    return html.escape(str(s))


def company_html(ds: Dataset, c: CompanyOut, ranking: Ranking) -> str:
    """The body of the detail view, as HTML (Qt's rich-text subset)."""
    company = ds.company(c.id)
    out = []
    kind = KIND_LABELS.get(c.kind, c.kind.replace("_", " "))
    facts = [c.country or "country not known", kind]
    if company.listed:
        facts.append(company.listed)
    roles = ", ".join(ROLE_LABELS[r] for r in ds.roles_of(c.id))
    out.append(f"<p style='color:#666'>{_e(' · '.join(facts))}<br>Roles: {_e(roles)}</p>")
    if c.aliases:
        out.append(f"<p><b>Also known as / products:</b> {_e(', '.join(c.aliases))}</p>")
    if company.note:
        out.append(f"<p style='color:#666'><i>Data note: {_e(company.note)}</i></p>")

    # the score, broken down
    w = ranking.weights
    if c.rank > 0:
        head = f"Rank {c.rank:,} of {int((ranking.rank > 0).sum()):,} · score {c.score:.1f}"
    else:
        head = "Not ranked: no figure for a weighted signal (missing-data policy: exclude)"
    out.append(f"<h3>{_e(head)}</h3>")
    out.append("<table cellspacing='0' cellpadding='2' width='100%'>")
    sig = c.signals.model_dump()
    con = c.contributions.model_dump()
    for k in ("value", "difficulty", "funding"):
        weight = getattr(w, k)
        missing = " (not disclosed)" if k in c.missing else ""
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
            f"<td align='right' width='14%'>+{con[k]:.1f}</td>"
            f"<td style='color:#666'>signal {sig[k]:.2f}{missing}, "
            f"weight {weight:+.0f} ({direction})</td></tr>"
        )
    out.append("</table>")
    if ranking.all_zero:
        stab_text = "Rank stability: not meaningful while all weights are zero."
    elif not ranking.stability_computed:
        stab_text = "Rank stability: computed as soon as the weights stop moving."
    elif c.stability is None:
        stab_text = "Rank stability: not computed for this company (outside the best 2,000)."
    else:
        stab_text = (
            f"Rank stability: <b>{c.stability:.0%}</b>, its share of the top {ranking.top_k} over 500 random "
            "±20% changes of the weights."
        )
    out.append(f"<p>{stab_text} Undisclosed figures count as <b>{_e(ranking.policy)}</b>.</p>")

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
                f"<td style='color:#d69600'>{stars(getattr(s, a))}</td>"
                for a in ("market", "logic", "compute", "corpus")
            )
            + "</tr>"
        )
    out.append("</table>")

    # funding timeline
    out.append("<h3>Funding</h3>")
    if c.funding_total_usd is not None:
        approx = c.funding_approximate
        out.append(f"<p>Disclosed capital: <b>{format_usd(c.funding_total_usd, approximate=approx)}</b>")
        if c.latest_valuation_usd is not None:
            approx_val = c.latest_valuation_approximate
            out.append(f" · latest valuation {format_usd(c.latest_valuation_usd, approximate=approx_val)}")
        out.append("</p>")
    if c.rounds:
        out.append("<table cellspacing='0' cellpadding='3' width='100%'>")
        out.append(
            "<tr style='color:#666'><td>Date</td><td>Round</td><td>Amount as written</td><td>≈ USD</td>"
            "<td>Valuation</td><td>Investors (lead in bold)</td></tr>"
        )
        for r in c.rounds:
            label = r.label or "—"
            usd = format_usd(r.amount_usd, approximate=r.amount_approximate) if r.amount_usd else "—"
            val = r.valuation_text or "—"
            if r.valuation_usd:
                usd = format_usd(r.valuation_usd, approximate=r.valuation_approximate)
                val += f"<br><span style='color:#666'>{usd}</span>"
            inv = ", ".join(f"<b>{_e(i)}</b>" if i in r.lead_investors else _e(i) for i in r.investors)
            out.append(
                f"<tr><td>{_e(r.date or '—')}</td><td>{_e(label)}</td>"
                f"<td>{_e(r.amount_text or 'undisclosed')}</td>"
                f"<td align='right'>{usd}</td><td>{val}</td><td>{inv or '—'}</td></tr>"
            )
        out.append("</table>")
        for f in ds.funding_of(c.id):
            if f.ambiguity:
                out.append(f"<p style='color:#8a6d00'>⚠ {_e(f.round or 'Funding')}: {_e(f.ambiguity)}</p>")
    else:
        out.append("<p style='color:#666'>The report discloses no financing for this company.</p>")

    # every quote
    out.append("<h3>What the report says</h3>")
    for e in c.evidence:
        out.append(
            f"<p style='margin-top:6px'>"
            f"<span style='color:#666'>§{_e(e.segment)} · {_e(ROLE_LABELS[e.role])}</span>"
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
