"""The detail view of one company: who it is, why it scores as it does, and every quote."""

from __future__ import annotations

import html
import math
import re
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QTextOption
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
from core.present import fact_groups, fact_kind_label, fact_value_text, number_text, shown_numbers
from core.results import CompanyOut, company_out
from core.scoring import SIGNALS, Ranking
from ui.sensitivity_chart import SensitivityPanel

SIGNAL_COLORS = {"value": "#4285f4", "difficulty": "#f4b400", "funding": "#0f9d58"}
NOTE_SAVE_MS = 400
#: The first heights (at least, on a pane of 400 px) of the sensitivity charts and of the notes
#: (with their label), in px.
SENSITIVITY_PX = 96
NOTES_PX = 66
#: What the notes say when an undo left a written note empty (and it was not saved).
UNDO_EMPTIED = QT_TRANSLATE_NOOP(
    "DetailView", "Undo emptied the note: not saved (Ctrl+Shift+Z brings it back)"
)
#: A link to another company in the detail view: "company:<id>".
COMPANY_LINK = "company:"
#: The links of the "My facts" section: "fact-edit:<id>", "fact-retire:<id>", "fact-restore:<id>",
#: and "fact-add:" (a new fact about the company shown).
FACT_LINKS = ("fact-edit:", "fact-retire:", "fact-restore:", "fact-add:")
#: The colour of the analyst's own facts (and their marks) in the detail view.
MY_COLOR = "#6a3d9a"
#: The signals as the score breakdown names them (translated at use, context "detail_view").
SIGNAL_NAMES = {
    "value": QT_TRANSLATE_NOOP("detail_view", "Value"),
    "difficulty": QT_TRANSLATE_NOOP("detail_view", "Difficulty"),
    "funding": QT_TRANSLATE_NOOP("detail_view", "Funding"),
}
#: The kinds of the analyst's facts as the "My facts" section names them (translated at use).
MY_FACT_KINDS = {
    "funding": QT_TRANSLATE_NOOP("detail_view", "Funding"),
    "valuation": QT_TRANSLATE_NOOP("detail_view", "Valuation"),
    "client": QT_TRANSLATE_NOOP("detail_view", "Client"),
    "outcome": QT_TRANSLATE_NOOP("detail_view", "Outcome"),
    "listing": QT_TRANSLATE_NOOP("detail_view", "Listing"),
    "correction": QT_TRANSLATE_NOOP("detail_view", "Correction"),
}


def _e(s: object) -> str:
    return html.escape(str(s))


def _signal_name(key: str) -> str:
    """A signal's name in the breakdown ("Value"), in the UI's language."""
    name = SIGNAL_NAMES.get(key)
    return QCoreApplication.translate("detail_view", name) if name else key.capitalize()


#: Keeps a cell or a span on one line ("≈ $381.9M", "★★★☆☆", "Difficulty").
NOWRAP = "white-space:nowrap"
#: The longest contribution bar in the detail view (100 points), in pixels.
BAR_PX = 120


def _one_line(text: str) -> str:
    """Escaped ``text`` that never wraps (a figure, a rating)."""
    return f"<span style='{NOWRAP}'>{_e(text)}</span>"


#: A dollar figure inside a sentence: "≈ $381.9M", "at least $1.00B", "-$5K".
_FIGURE = re.compile(r"(?:≈ )?-?\$[\d.,]+[KMB]?")


def _e_figures(text: str) -> str:
    """Escaped ``text`` whose dollar figures never wrap ("≈ / $381.9M")."""
    out, last = [], 0
    for m in _FIGURE.finditer(text):
        out.append(_e(text[last : m.start()]))
        out.append(_one_line(m.group()))
        last = m.end()
    out.append(_e(text[last:]))
    return "".join(out)


def _usd_cell(value: float | None, approximate: bool) -> str:
    return _one_line(present.usd(value, approximate))


def funding_rows(c: CompanyOut) -> list[tuple[str, str, str, str, str, str]]:
    """The funding timeline as plain text cells: date, round, amount as written, amount in
    USD, valuation as written, valuation in USD (each figure in its own column)."""
    rows = []
    for r in c.rounds:
        rows.append(
            (
                present.date_text(r.date, r.date_text),
                present.round_label(r),
                r.amount_text or QCoreApplication.translate("detail_view", "undisclosed"),
                present.usd(r.amount_usd, r.amount_approximate),
                r.valuation_text or present.NONE,
                present.usd(r.valuation_usd, r.valuation_approximate),
            )
        )
    return rows


def facts_html(ds: Dataset, company_id: str) -> str:
    """The company's own evidence: its facts by kind (clients linked to their own detail when
    the dataset has them), each with the sentence and section it comes from."""
    groups = fact_groups(ds, company_id)
    text = QCoreApplication.translate("detail_view", "Traction & facts")
    out = [f"<h3>{_e(text)}</h3>"]
    if not groups:
        none = QCoreApplication.translate(
            "detail_view", "The report names no clients, outcomes or products of this company."
        )
        out.append(f"<p style='color:#666'>{_e(none)}</p>")
        return "".join(out)
    kind = None
    for g in groups:
        if g.kind != kind:
            kind = g.kind
            out.append(f"<p style='margin-top:8px; margin-bottom:0'><b>{_e(fact_kind_label(kind))}</b></p>")
        mine = [f.analyst for f in g.facts if getattr(f, "analyst", None) is not None]
        if mine:  # the analyst's own: marked, with its source (never mixed with a report quote)
            values = ", ".join(dict.fromkeys(_e(f.value) for f in g.facts))
            out.append(
                f"<p style='margin-top:2px; margin-left:12px'><span style='color:{MY_COLOR}'>"
                f"{_e(present.MY_FACT_MARK)}</span> {values}<br>"
                f"<span style='color:{MY_COLOR}'>{_e(present.analyst_mark(mine[0]))}</span></p>"
            )
            continue
        values = []
        for f in g.facts:
            if f.kind == "client" and f.value in ds.company_by_id:
                values.append(f"<a href='{COMPANY_LINK}{_e(f.value)}'>{_e(ds.company(f.value).name)}</a>")
            else:
                values.append(_e(fact_value_text(ds, f)))
        shown = ", ".join(dict.fromkeys(values))
        out.append(
            f"<p style='margin-top:2px; margin-left:12px'>{shown} "
            f"<span style='color:#666'>§{_e(g.segment)}</span><br>"
            f"<span style='color:#555'>“{_e(g.quote)}”</span></p>"
        )
    return "".join(out)


def tie_sentence(ds: Dataset, ranking: Ranking, row: int, most: int = 6) -> str:
    """Who shares the company's rank, and how a tie is ordered."""
    others = [int(r) for r in ranking.tie_group(row) if int(r) != row]
    names = [ds.company(str(ranking.table.ids[r])).name for r in others[:most]]
    more = len(others) - len(names)
    who = ", ".join(names)
    if more:
        who = QCoreApplication.translate("detail_view", "{names} and {more} more").format(
            names=who, more=more
        )
    return QCoreApplication.translate(
        "detail_view", "Shares rank {rank} with {names} (all {score}); {tie_order}."
    ).format(
        rank=present.rank_text(int(ranking.rank[row])),
        names=who,
        score=present.score_text(ranking.score[row]),
        tie_order=present.tie_order(),
    )


def parts_html(c: CompanyOut, ranking: Ranking, row: int) -> str:
    """What the value and funding signals are made of: value's market space and traction, and
    funding's capital, valuation, recency and stage, each with what it counts as (disclosed, the
    capital as a valuation floor, left out, or counted per the missing-data policy)."""
    t = ranking.table
    w = ranking.weights
    market, traction = t.norm.at("market", row), t.norm.at("traction", row)
    stars_mean = float(t.raw["market"][row])
    if c.traction == 1:
        sentences = QCoreApplication.translate("detail_view", "{n} distinct sentence of the report")
    else:
        sentences = QCoreApplication.translate("detail_view", "{n} distinct sentences of the report")
    sentences = sentences.format(n=c.traction)
    if math.isfinite(market):
        market_text = QCoreApplication.translate(
            "detail_view", "market space {signal} ({stars}★ on average)"
        ).format(signal=present.signal_text(market), stars=f"{stars_mean:.1f}")
    else:
        market_text = QCoreApplication.translate("detail_view", "market space: no segment in this universe")
    traction_text = QCoreApplication.translate("detail_view", "traction {signal} ({sentences})").format(
        signal=present.signal_text(traction if math.isfinite(traction) else 0.0), sentences=sentences
    )
    value = QCoreApplication.translate(
        "detail_view",
        "<b>Value</b> = weighted mean of {market}, weight {market_weight}; "
        "{traction}, weight {traction_weight}",
    ).format(
        market=_e(market_text),
        market_weight=f"{w.market:g}",
        traction=_e(traction_text),
        traction_weight=f"{w.traction:g}",
    )
    out = [f"<p style='margin-top:4px; color:#444'>{value}</p>"]
    parts = ranking.funding_parts(row).values()
    if all(p.status == "none" for p in parts):
        none = QCoreApplication.translate(
            "detail_view",
            "<b>Funding</b>: the report discloses no figure (capital, valuation, date or stage); {policy}.",
        ).format(policy=_e(present.policy_sentence(ranking.policy)))
        out.append(f"<p style='margin-top:2px; color:#444'>{none}</p>")
        return "".join(out)
    out.append(
        "<p style='margin-top:2px; color:#444'>"
        + QCoreApplication.translate(
            "detail_view", "<b>Funding</b> = weighted mean of what counts, scaled so the best company has 1:"
        )
    )
    for part in parts:
        line = QCoreApplication.translate("detail_view", "{part}, weight {weight}").format(
            part=_e_figures(present.funding_part_text(part)), weight=f"{part.weight:g}"
        )
        out.append(f"<br>&nbsp;&nbsp;{line}")
    out.append("</p>")
    return "".join(out)


def my_facts_html(
    facts: Sequence[object],
    contradictions: Mapping[int, Sequence[str]] | None = None,
    *,
    include: bool = True,
    report: Sequence[str] = (),
) -> str:
    """The analyst's own facts about the company (core.analyst.AnalystFact): each marked
    (core.present.analyst_mark) with its source, Edit and Retire links, and beside it the report's
    facts it contradicts; the retired ones after them, with Restore.  ``include``: whether they
    count in the ranking (View → Include my facts)."""
    contradictions = contradictions or {}
    active = [f for f in facts if getattr(f, "retired_at", None) is None]
    retired = [f for f in facts if getattr(f, "retired_at", None) is not None]
    title = QCoreApplication.translate("detail_view", "My facts")
    out = [f"<h3 style='color:{MY_COLOR}'>{_e(present.MY_FACT_MARK)} {_e(title)}</h3>"]
    text = QCoreApplication.translate("detail_view", "Add fact…")
    add_link = f"<a href='fact-add:'>{_e(text)}</a>"
    if not facts:
        none = QCoreApplication.translate(
            "detail_view",
            "None yet. {add_fact} (Ctrl+Shift+F): a round, a valuation, a client, an outcome, "
            "a listing or a correction, with its source.",
        ).format(add_fact=add_link)
        out.append(f"<p style='color:#666'>{none}</p>")
        return "".join(out)
    if active:
        counted = (
            QCoreApplication.translate("detail_view", "Counted in the ranking (View → Include my facts).")
            if include
            else QCoreApplication.translate(
                "detail_view", "Not counted: View → Include my facts is off; the ranking is the report's."
            )
        )
        out.append(f"<p style='color:#666; margin-top:0'>{_e(counted)}</p>")
    for f in active:
        fid = int(f.id)
        summary = f.summary() if hasattr(f, "summary") else str(f)
        kind = str(getattr(f, "kind", ""))
        kind_name = MY_FACT_KINDS.get(kind)
        kind_name = QCoreApplication.translate("detail_view", kind_name) if kind_name else kind.capitalize()
        mark = present.analyst_mark(getattr(f, "mark", f))
        out.append(
            f"<p style='margin-top:6px'><span style='color:{MY_COLOR}'><b>{_e(present.MY_FACT_MARK)} "
            f"{_e(kind_name)}</b>: {_e(summary)}</span>"
        )
        investors = getattr(f, "investors", ())
        if investors:
            line = QCoreApplication.translate("detail_view", "Investors: {investors}").format(
                investors=", ".join(investors)
            )
            out.append(f"<br><span style='color:#444'>{_e(line)}</span>")
        text = getattr(f, "text", "")
        if text and kind in ("funding", "valuation"):
            out.append(f"<br><span style='color:#444'>{_e(text)}</span>")
        out.append(f"<br><span style='color:#666'>{_e(mark)}</span>")
        for line in contradictions.get(fid, ()):
            differs = QCoreApplication.translate(
                "detail_view", "⚠ Differs from the report: {fact} (the report's fact is kept as it is)"
            )
            # the words escaped as text (an apostrophe stays as it is), the report's fact as markup
            differs = html.escape(differs, quote=False).format(fact=_e(line))
            out.append(f"<br><span style='color:#8a6d00'>{differs}</span>")
        edit = _e(QCoreApplication.translate("detail_view", "Edit…"))
        retire = _e(QCoreApplication.translate("detail_view", "Retire"))
        out.append(
            f"<br><a href='fact-edit:{fid}'>{edit}</a> &nbsp; <a href='fact-retire:{fid}'>{retire}</a></p>"
        )
    if retired:
        head = QCoreApplication.translate("detail_view", "<b>Retired</b> (kept in the history)")
        out.append(f"<p style='color:#888; margin-top:8px'>{head}</p>")
        for f in retired:
            fid = int(f.id)
            when = str(getattr(f, "retired_at", ""))[:16].replace("T", " ")
            summary = f.summary() if hasattr(f, "summary") else str(f)
            retired_when = QCoreApplication.translate("detail_view", "retired {when}").format(when=when)
            restore = _e(QCoreApplication.translate("detail_view", "Restore"))
            out.append(
                f"<p style='color:#888; margin-top:2px; margin-left:12px'>#{fid} {_e(summary)} · "
                f"{_e(retired_when)} · <a href='fact-restore:{fid}'>{restore}</a></p>"
            )
    out.append(f"<p>{add_link} (Ctrl+Shift+F)</p>")
    return "".join(out)


def company_html(
    ds: Dataset,
    c: CompanyOut,
    ranking: Ranking,
    my_facts: str = "",
) -> str:
    """The body of the detail view, as HTML (Qt's rich-text subset); ``my_facts`` is the
    analyst's section (:func:`my_facts_html`), shown before the report's facts."""
    company = ds.company(c.id)
    out = []
    facts = [
        c.country or QCoreApplication.translate("detail_view", "country not known"),
        present.kind_label(c.kind),
    ]
    if company.listed:
        facts.append(company.listed)
    roles = present.listed(present.role_label(r) for r in ds.roles_of(c.id))
    roles = QCoreApplication.translate("detail_view", "Roles: {roles}").format(roles=roles)
    out.append(f"<p style='color:#666'>{_e(' · '.join(facts))}<br>{_e(roles)}</p>")
    if company.added_from:
        out.append(f"<p style='color:{MY_COLOR}'><b>{_e(present.added_text(company.added_from))}</b></p>")
    if c.aliases:
        aka = QCoreApplication.translate("detail_view", "<b>Also known as / products:</b> {aliases}")
        out.append(f"<p>{aka.format(aliases=_e(', '.join(c.aliases)))}</p>")
    if company.note:
        note = QCoreApplication.translate("detail_view", "Data note: {note}").format(note=company.note)
        out.append(f"<p style='color:#666'><i>{_e(note)}</i></p>")

    # the score, broken down
    w = ranking.weights
    row = ranking.table.row_of[c.id]
    universe = present.universe_label(ranking.universe).lower()
    if c.rank > 0:
        head = QCoreApplication.translate(
            "detail_view", "Rank {rank} of {total} {universe} · score {score}"
        ).format(
            rank=present.rank_text(c.rank, c.shared),
            total=f"{int(ranking.included.sum()):,}",
            universe=universe,
            score=present.score_text(c.score),
        )
    else:
        reason = present.not_ranked_reason(c.in_universe, ranking.universe)
        head = QCoreApplication.translate("detail_view", "{reason} · score {score}").format(
            reason=present.capital_first(reason), score=present.score_text(c.score)
        )
    out.append(f"<h3>{_e(head)}</h3>")
    if c.shared:
        out.append(f"<p style='color:#8a6d00'>{_e(tie_sentence(ds, ranking, row))}</p>")
    out.append("<table cellspacing='0' cellpadding='2'>")
    sig = c.signals.model_dump()
    con = c.contributions.model_dump()
    for k in SIGNALS:
        weight = getattr(w, k)
        if k in c.missing:
            signal = QCoreApplication.translate(
                "detail_view", "signal {signal} (not disclosed; counted as {counted})"
            ).format(signal=present.signal_text(sig[k], True), counted=present.signal_text(sig[k]))
        else:
            signal = QCoreApplication.translate("detail_view", "signal {signal}").format(
                signal=present.signal_text(sig[k])
            )
        if weight < 0:
            direction = QCoreApplication.translate("detail_view", "prefers less")
        elif weight > 0:
            direction = QCoreApplication.translate("detail_view", "prefers more")
        else:
            direction = QCoreApplication.translate("detail_view", "off")
        described = QCoreApplication.translate(
            "detail_view", "{signal}, weight {weight} ({direction})"
        ).format(signal=signal, weight=f"{weight:+.0f}", direction=direction)
        # Qt's rich text honours pixel widths on cells: 1.2 px per point, 100 points = 120 px, so
        # the breakdown fits a narrow pane; what the signal and weight are goes on a line of its own
        px = max(0, min(BAR_PX, round(con[k] * BAR_PX / 100)))
        bar = (
            f"<table cellspacing='0' cellpadding='0'><tr><td width='{px}' bgcolor='{SIGNAL_COLORS[k]}' "
            f"height='10'></td><td width='{BAR_PX - px}'></td></tr></table>"
            if px
            else ""
        )
        out.append(
            f"<tr><td style='{NOWRAP}'>{_e(_signal_name(k))}</td>"
            f"<td>{bar}</td>"
            f"<td align='right' style='{NOWRAP}'>+{present.score_text(con[k])}</td></tr>"
            f"<tr><td></td><td colspan='2' style='color:#666'>{_e(described)}</td></tr>"
        )
    out.append("</table>")
    if c.in_universe:
        out.append(parts_html(c, ranking, row))
    stab = present.stability_sentence(
        c.stability, top_k=ranking.top_k, all_zero=ranking.all_zero, computed=ranking.stability_computed
    )
    policy = present.policy_sentence(ranking.policy, capital=True)
    out.append(
        "<p>"
        + QCoreApplication.translate("detail_view", "{stability} {policy}.").format(
            stability=_e(stab), policy=_e(policy)
        )
        + "</p>"
    )

    out.append(my_facts)
    out.append(facts_html(ds, c.id))

    # segments with their stars
    segments = _e(QCoreApplication.translate("detail_view", "Segments"))
    out.append(f"<h3>{segments}</h3><table cellspacing='0' cellpadding='3'>")
    ratings = (
        QCoreApplication.translate("detail_view", "Market"),
        QCoreApplication.translate("detail_view", "Logic"),
        QCoreApplication.translate("detail_view", "Compute"),
        QCoreApplication.translate("detail_view", "Corpus"),
    )
    out.append("<tr style='color:#666'><td></td>" + "".join(f"<td>{_e(r)}</td>" for r in ratings) + "</tr>")
    for ref in c.segments:
        s = ds.segment_by_ref[ref]
        # the names on a line of their own, the four ratings under them: fits a narrow pane
        first, second = present.segment_names(s.label, s.label_zh)
        out.append(
            f"<tr><td>{_e(ref)}</td><td colspan='4'>{_e(first)} "
            f"<span style='color:#666'>{_e(second)}</span></td></tr>"
            "<tr><td></td>"
            + "".join(
                f"<td style='color:#d69600; {NOWRAP}'>{present.stars(getattr(s, a))}</td>"
                for a in ("market", "logic", "compute", "corpus")
            )
            + "</tr>"
        )
        for label, numbers in shown_numbers(ds, ref):
            for n in numbers:
                out.append(
                    f"<tr><td></td><td colspan='4' style='color:#555'>{_e(label)} · {_e(number_text(n))}</td></tr>"
                )
    out.append("</table>")

    # funding: the figures every view shows, then the timeline
    text = QCoreApplication.translate("detail_view", "Funding")
    out.append(f"<h3>{_e(text)}</h3>")
    if c.rounds:
        figures = QCoreApplication.translate(
            "detail_view",
            "Disclosed capital: <b>{capital}</b> · latest valuation: <b>{valuation}</b>"
            " · latest round: <b>{round}</b>",
        ).format(
            capital=_usd_cell(c.funding_total_usd, c.funding_approximate),
            valuation=_usd_cell(c.latest_valuation_usd, c.latest_valuation_approximate),
            round=_e(present.round_text(c.latest_round)),
        )
        out.append(f"<p>{figures}</p>")
        amount_label = _e(QCoreApplication.translate("detail_view", "Amount"))
        valuation_label = _e(QCoreApplication.translate("detail_view", "Valuation"))
        investors_label = _e(QCoreApplication.translate("detail_view", "Investors"))
        # one block per round — date and round, then the amount and the valuation each as written
        # and in US dollars in their own cells, then the investors — so it reads in a narrow pane
        out.append("<table cellspacing='0' cellpadding='2' width='100%'>")
        for r, (date, label, amount, amount_usd, valuation, valuation_usd) in zip(
            c.rounds, funding_rows(c), strict=True
        ):
            inv = ", ".join(f"<b>{_e(i)}</b>" if i in r.lead_investors else _e(i) for i in r.investors)
            mine = getattr(r, "analyst", None)
            if mine:
                label = f"{present.MY_FACT_MARK} {label}"
            out.append(
                f"<tr><td style='{NOWRAP}; padding-top:6px'><b>{_e(date)}</b></td>"
                f"<td colspan='2' style='padding-top:6px{'; color:' + MY_COLOR if mine else ''}'><b>{_e(label)}</b></td></tr>"
                f"<tr><td style='color:#666'>{amount_label}</td><td>{_e(amount)}</td>"
                f"<td align='right' style='{NOWRAP}'>{_e(amount_usd)}</td></tr>"
            )
            if r.valuation_text or r.valuation_usd is not None:
                out.append(
                    f"<tr><td style='color:#666'>{valuation_label}</td><td>{_e(valuation)}</td>"
                    f"<td align='right' style='{NOWRAP}'>{_e(valuation_usd)}</td></tr>"
                )
            if inv:  # lead investors in bold
                out.append(
                    f"<tr><td style='color:#666'>{investors_label}</td><td colspan='2'>{inv}</td></tr>"
                )
            if mine:
                out.append(f"<tr><td></td><td colspan='2' style='color:{MY_COLOR}'>{_e(mine)}</td></tr>")
            if r.superseded_by is not None:
                out.append(
                    f"<tr><td></td><td colspan='2' style='color:{MY_COLOR}'>"
                    f"{_e(present.superseded_text(r.superseded_by))}</td></tr>"
                )
        out.append("</table>")
        for r in c.rounds:
            if r.ambiguity:
                out.append(f"<p style='color:#8a6d00'>⚠ {_e(present.round_label(r))}: {_e(r.ambiguity)}</p>")
    else:
        none = QCoreApplication.translate(
            "detail_view", "The report discloses no financing for this company."
        )
        out.append(f"<p style='color:#666'>{_e(none)}</p>")

    # every quote
    text = QCoreApplication.translate("detail_view", "What the report says")
    out.append(f"<h3>{_e(text)}</h3>")
    for e in c.evidence:
        out.append(
            f"<p style='margin-top:6px'>"
            f"<span style='color:#666'>§{_e(e.segment)} · {_e(present.role_label(e.role))}</span>"
            f"<br>“{_e(e.quote)}”</p>"
        )
    seen = {e.quote for e in c.evidence}
    source = QCoreApplication.translate("detail_view", "Source")
    funding = QCoreApplication.translate("detail_view", "Funding")
    for r in c.rounds:
        if getattr(r, "analyst", None):
            continue  # the analyst's round: shown with its source above, not as the report's words
        if r.quote not in seen:
            seen.add(r.quote)
            out.append(
                f"<p style='margin-top:6px'><span style='color:#666'>"
                f"{_e('§' + r.segment if r.segment else source)} · {_e(funding)}</span>"
                f"<br>“{_e(r.quote)}”</p>"
            )
    return "".join(out)


class DetailView(QWidget):
    """Shows the selected company, its shortlist star and its notes."""

    sig_shortlist_toggled = Signal(str, bool)
    """The user starred (True) or unstarred (False) the company with this id."""

    sig_note_edited = Signal(str, str)
    """The note of a company changed (debounced while typing; flushed on switching company)."""

    sig_company_link_clicked = Signal(str)
    """The user clicked the name of another company (a client): its id."""

    sig_add_fact = Signal(str)
    """The user asked to add a fact about the company with this id."""

    sig_fact_action = Signal(str, int)
    """The user asked to "edit", "retire" or "restore" the analyst fact with this id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._company_id: str | None = None
        self._facts: list[object] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.title = QLabel(self.tr("Select a company"))
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
        self.star.setToolTip(self.tr("Add to or remove from the shortlist (Space in the table)"))
        self.star.toggled.connect(self._on_star_toggled)
        top.addWidget(self.star, 0, Qt.AlignmentFlag.AlignTop)
        self.add_fact_button = QToolButton()
        self.add_fact_button.setObjectName("add_fact_button")
        self.add_fact_button.setText(f"{present.MY_FACT_MARK} " + self.tr("Add fact…"))
        self.add_fact_button.setToolTip(
            self.tr(
                "Add your own fact about this company — a round, a valuation, a client, an outcome, "
                "a listing or a correction — with its source (Ctrl+Shift+F)"
            )
        )
        self.add_fact_button.clicked.connect(self._on_add_fact)
        top.addWidget(self.add_fact_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)

        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("detail_splitter")
        self.body = QTextBrowser()
        self.body.setOpenLinks(False)
        # a narrow pane wraps between words, never inside one ("Difficult / y")
        self.body.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        # Qt's layout of full-width tables can overshoot the viewport by a pixel or two: no
        # scroll bar for that, one only when something real is wider than the pane
        self.body.horizontalScrollBar().rangeChanged.connect(self._on_hscroll_range)
        self.body.anchorClicked.connect(self._on_anchor_clicked)
        split.addWidget(self.body)
        # the company's rank as each weight sweeps: filled by the window, off the UI thread
        self.sensitivity = SensitivityPanel()
        split.addWidget(self.sensitivity)
        notes_box = QWidget()
        nl = QVBoxLayout(notes_box)
        nl.setContentsMargins(0, 0, 0, 0)
        # "Notes" and whether they are saved on one line: the editor keeps the height
        head = QHBoxLayout()
        self.notes_label = QLabel(self.tr("&Notes"))
        head.addWidget(self.notes_label, 0, Qt.AlignmentFlag.AlignTop)
        self.saved_label = QLabel("")
        self.saved_label.setStyleSheet("color: gray")
        self.saved_label.setWordWrap(True)
        self.saved_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.saved_label, 1)
        nl.addLayout(head)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Your notes on this company — saved as you type"))
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setMinimumHeight(40)  # two lines; the pane can be dragged taller
        self.notes_label.setBuddy(self.notes)
        self.notes.textChanged.connect(self._on_notes_changed)
        nl.addWidget(self.notes)
        split.addWidget(notes_box)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 0)
        split.setStretchFactor(2, 1)
        self.splitter = split
        self._panes_set = False  # the panes get their first sizes at the first layout
        layout.addWidget(split, 1)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_MS)
        self._note_timer.timeout.connect(self.flush_note)
        self._loading = False
        self._stored_note = ""
        self._undo_steps = 0
        self.clear()

    def keep_panes(self) -> None:
        """The panes were restored from the user's settings: keep them as they are."""
        self._panes_set = True

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._first_panes()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self._first_panes()

    def _first_panes(self) -> None:
        total = sum(self.splitter.sizes())
        if not self._panes_set and self.isVisible() and total > 0:
            # the first layout: the charts and the notes their own heights, the text the rest
            self._panes_set = True
            # a taller pane (a large screen) gives the charts and the notes a little more
            charts = min(max(SENSITIVITY_PX, round(total * 0.24)), 150, total // 3)
            notes = min(max(NOTES_PX, round(total * 0.15)), 120, total // 4)
            self.splitter.setSizes([max(1, total - charts - notes), charts, notes])

    def _on_hscroll_range(self, _low: int, high: int) -> None:
        policy = Qt.ScrollBarPolicy.ScrollBarAlwaysOff if high <= 2 else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        if self.body.horizontalScrollBarPolicy() != policy:
            self.body.setHorizontalScrollBarPolicy(policy)

    def company_id(self) -> str | None:
        return self._company_id

    def clear(self) -> None:
        """No company: the view invites a selection."""
        self.show_empty(
            self.tr("Select a company"),
            self.tr(
                "Select a company in the table to see its segments, its funding, "
                "why it scores as it does and every sentence of the report it comes from."
            ),
        )

    def show_empty(self, title: str, message: str) -> None:
        """No company to show, and why (``message``: plain text), e.g. nothing matches the filters."""
        self.flush_note()
        self._company_id = None
        self._facts = []
        self._loading = True
        self.sensitivity.clear("")
        self.title.setText(_e(title))
        self.body.setHtml(f"<p style='color:#666'>{_e(message)}</p>")
        self._set_note_text("")
        self.notes.setEnabled(False)
        self.star.setEnabled(False)
        self.add_fact_button.setEnabled(False)
        self.star.setChecked(False)
        self._set_star_text(False)
        self.saved_label.setText("")
        self._loading = False

    def show_company(
        self,
        ds: Dataset,
        ranking: Ranking,
        row: int,
        *,
        shortlisted: bool,
        note: str,
        facts: Sequence[object] = (),
        contradictions: Mapping[int, Sequence[str]] | None = None,
        include_facts: bool = True,
        stage: str = "",
    ) -> None:
        """Fill the view with the company at ``row`` of the ranking's table; ``facts`` are the
        analyst's facts about it (core.analyst.AnalystFact, retired ones too), ``contradictions``
        the report's facts each contradicts, ``stage`` its pipeline stage as named."""
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
        if stage:
            name += f"  <span style='font-weight:normal; color:#666'>· {_e(stage)}</span>"
        self.title.setText(name)
        self._facts = list(facts)
        self.body.setHtml(
            company_html(ds, c, ranking, my_facts_html(facts, contradictions, include=include_facts))
        )
        self.body.verticalScrollBar().setValue(scroll)
        self.star.setEnabled(True)
        self.add_fact_button.setEnabled(True)
        self.star.setChecked(shortlisted)
        self._set_star_text(shortlisted)
        if not same:
            self._set_note_text(note)
            self.saved_label.setText("")
        self.notes.setEnabled(True)
        self._loading = False

    def set_shortlisted(self, on: bool) -> None:
        self._loading = True
        self.star.setChecked(on)
        self._set_star_text(on)
        self._loading = False

    def _set_star_text(self, on: bool) -> None:
        self.star.setText("★ " + self.tr("Shortlisted") if on else "☆ " + self.tr("Shortlist"))

    def _on_star_toggled(self, on: bool) -> None:
        self._set_star_text(on)
        if not self._loading and self._company_id:
            self.sig_shortlist_toggled.emit(self._company_id, on)

    def _on_add_fact(self) -> None:
        if self._company_id:
            self.sig_add_fact.emit(self._company_id)

    def facts(self) -> list[object]:
        """The analyst's facts shown (retired ones too)."""
        return list(self._facts)

    def _on_anchor_clicked(self, url) -> None:
        target = url.toString()
        if target.startswith(COMPANY_LINK):
            self.sig_company_link_clicked.emit(target[len(COMPANY_LINK) :])
            return
        if target == "fact-add:":
            self._on_add_fact()
            return
        for link in FACT_LINKS[:3]:
            if target.startswith(link) and target[len(link) :].isdigit():
                self.sig_fact_action.emit(link[len("fact-") : -1], int(target[len(link) :]))

    def _set_note_text(self, text: str) -> None:
        """Show a company's note as stored; its undo history starts here."""
        self.notes.setPlainText(text)  # clears the editor's undo history
        self._stored_note = text
        self._undo_steps = self.notes.document().availableUndoSteps()

    def _on_notes_changed(self) -> None:
        doc = self.notes.document()
        steps = doc.availableUndoSteps()
        undone = steps < self._undo_steps  # an undo takes a step off; typing adds or extends one
        self._undo_steps = steps
        if self._loading or not self._company_id:
            return
        text = self.notes.toPlainText()
        if not undone:
            # Qt merges a whole run of typing into one undo step; a word typed is one step here:
            # the next keystroke after a space or a line break starts a new step
            pos = self.notes.textCursor().position()
            if pos > 0 and doc.characterAt(pos - 1).isspace():
                doc.setModified(False)  # an unmodified document does not merge the next edit
        if undone and not text.strip() and self._stored_note.strip():
            # an undo never empties a written note silently: this is not saved; redo brings the
            # text back, and deleting the text (not an undo) removes the note
            self._note_timer.stop()
            self.saved_label.setText(QCoreApplication.translate("DetailView", UNDO_EMPTIED))
            return
        self.saved_label.setText(self.tr("Editing…"))
        self._note_timer.start()

    def flush_note(self) -> None:
        """Save a pending note edit now (on switching company, closing, exporting)."""
        if self._note_timer.isActive():
            self._note_timer.stop()
        if self._company_id and self.saved_label.text() == self.tr("Editing…"):
            self.saved_label.setText(self.tr("Saved"))  # the receiver says otherwise if saving fails
            self._stored_note = self.notes.toPlainText()
            self.notes.document().setModified(False)  # a pause in typing ends an undo step
            self.sig_note_edited.emit(self._company_id, self._stored_note)
