"""The memo's first sheet, the one a committee reads: what was screened, the weights in words,
the companies with a one-line reason each, the robust and Pareto-optimal picks, and the
caveats (no Qt)."""

from __future__ import annotations

import numpy as np
from openpyxl.worksheet.worksheet import Worksheet

from core import present
from core.i18n import QT_TRANSLATE_NOOP, translate
from core.results import CompanyOut
from exports import cells
from exports.cells import (
    BOLD_FONT,
    CENTER,
    LINK_FONT,
    MARK_FONT,
    MUTED_FONT,
    SECTION_FONT,
    SUBTITLE_FONT,
    TEXT,
    put,
)
from exports.content import MAX_SUMMARY_ROWS, MemoContent, company_label, is_report

#: The Summary's columns: rank, company, English name, the two marks, the reason (wide).
SUMMARY_WIDTHS = (6.0, 17.0, 17.0, 9.0, 9.0, 98.0)
LAST_COL = len(SUMMARY_WIDTHS)
#: A label spans the first two columns, its value the rest.
LABEL_COLS = (1, 2)
VALUE_COLS = (3, LAST_COL)
SUMMARY_HEADERS = (
    "#",
    QT_TRANSLATE_NOOP("memo_summary", "Company"),
    QT_TRANSLATE_NOOP("memo_summary", "English name"),
    QT_TRANSLATE_NOOP("memo_summary", "Robust"),
    QT_TRANSLATE_NOOP("memo_summary", "Pareto"),
    QT_TRANSLATE_NOOP("memo_summary", "Why it ranks here: points by signal, then its strongest quoted fact"),
)
REASON_COL = len(SUMMARY_HEADERS)
#: How many names a list of robust or Pareto-optimal companies spells out before "and N more".
MAX_NAMED = 15


def memo_title(content: MemoContent) -> str:
    req = content.req
    universe = present.universe_label(req.ranking.universe).lower()
    n = len(content.rows)
    if req.selection == "shortlist":
        return translate("memo_summary", "Investment memo: a shortlist of {n} {universe}").format(
            n=n, universe=universe
        )
    if req.selection.startswith("top "):
        return translate("memo_summary", "Investment memo: the top {n} {universe}").format(
            n=n, universe=universe
        )
    return translate("memo_summary", "Investment memo: {n} {universe}, ranked").format(n=n, universe=universe)


def _names(content: MemoContent, rows: np.ndarray) -> str:
    t = content.req.ranking.table
    out = []
    for r in rows[:MAX_NAMED]:
        cid = str(t.ids[r])
        c = content.ds.company(cid)
        out.append(company_label(c.name, c.name_en) + (" ★" if content.in_memo(cid) else ""))
    more = len(rows) - MAX_NAMED
    text = ", ".join(out)
    if more <= 0:
        return text
    return text + translate("memo_summary", " and {more} more (the {lenses} sheet lists them)").format(
        more=f"{more:,}", lenses=content.sheet("Lenses")
    )


def _and_more(more: int) -> str:
    """ " and 3 more" after a list of names cut short; "" when none is left out."""
    return translate("memo_summary", " and {more} more").format(more=more) if more > 0 else ""


def _companies(n: int) -> str:
    """ "1 company", "12 companies"."""
    if n == 1:
        return translate("memo_summary", "1 company")
    return translate("memo_summary", "{n} companies").format(n=f"{n:,}")


def _in_memo_count(content: MemoContent, rows: np.ndarray) -> int:
    ids = content.req.ranking.table.ids[np.asarray(rows, dtype=np.int64)]  # (the rows' ids at once)
    return sum(content.in_memo(str(cid)) for cid in ids)


def robust_lines(content: MemoContent) -> list[tuple[str, str]]:
    """(label, sentence) for the robust picks, the Pareto-optimal ones, and the memo's companies
    that are neither."""
    lens = content.lenses
    n_lenses = len(lens.lenses)
    labels = ", ".join(x.label for x in lens.lenses)
    order = lens.order()
    robust = order[lens.robust[order]]
    pareto = order[lens.pareto[order]]
    lines: list[tuple[str, str]] = []
    head = translate("memo_summary", "{definition} ({n} lenses: {labels})").format(
        definition=present.capital_first(present.robust_definition(lens.top_n)), n=n_lenses, labels=labels
    )
    picked = translate("memo_summary", "{head}: {names}. {companies}, {in_memo} of them in this memo (★).")
    if len(robust):
        lines.append(
            (
                translate("memo_summary", "Robust picks"),
                picked.format(
                    head=head,
                    names=_names(content, robust),
                    companies=_companies(len(robust)),
                    in_memo=_in_memo_count(content, robust),
                ),
            )
        )
    else:
        top = lens.top_rows()
        closest = ""
        if len(top):
            best = top[0]
            c = content.ds.company(str(lens.table.ids[best]))
            closest = translate(
                "memo_summary", "; the closest is {company}, in the top {top} under {count} of the {n}"
            ).format(
                company=company_label(c.name, c.name_en),
                top=lens.top_n,
                count=int(lens.top_count[best]),
                n=n_lenses,
            )
        lines.append(
            (
                translate("memo_summary", "Robust picks"),
                translate("memo_summary", "None: no company is {definition}{closest}.").format(
                    definition=present.robust_definition(lens.top_n), closest=closest
                ),
            )
        )
    if len(pareto):
        lines.append(
            (
                translate("memo_summary", "Pareto-optimal"),
                picked.format(
                    head=present.capital_first(present.pareto_definition()),
                    names=_names(content, pareto),
                    companies=_companies(len(pareto)),
                    in_memo=_in_memo_count(content, pareto),
                ),
            )
        )
    t = content.req.ranking.table
    neither = [c for c in content.rows if not lens.robust[t.row_of[c.id]] and not lens.pareto[t.row_of[c.id]]]
    if neither and len(neither) < len(content.rows):
        shown = ", ".join(company_label(c.name, c.name_en) for c in neither[:MAX_NAMED])
        more = len(neither) - MAX_NAMED
        lines.append(
            (
                translate("memo_summary", "Neither"),
                translate(
                    "memo_summary",
                    "{count} of this memo's {n} companies are neither robust nor Pareto-optimal: "
                    "{names}{more}; their place depends on the weights (see the {lenses} sheet and each "
                    "company's sensitivity charts).",
                ).format(
                    count=len(neither),
                    n=len(content.rows),
                    names=shown,
                    more=_and_more(more),
                    lenses=content.sheet("Lenses"),
                ),
            )
        )
    return lines


#: The signals as the caveats name them.
SIGNAL_NAMES = {
    "value": QT_TRANSLATE_NOOP("memo_summary", "value"),
    "difficulty": QT_TRANSLATE_NOOP("memo_summary", "difficulty"),
    "funding": QT_TRANSLATE_NOOP("memo_summary", "funding"),
}


def signal_name(signal: str) -> str:
    name = SIGNAL_NAMES.get(signal)
    return translate("memo_summary", name) if name else signal


def _policy_effect(policy: str, signal: str) -> str:
    if policy == "zero":
        return translate(
            "memo_summary",
            "the missing-data policy counts an undisclosed figure as zero, so {signal} adds no points to "
            "their score",
        ).format(signal=signal_name(signal))
    if policy == "neutral":
        return translate(
            "memo_summary",
            "the missing-data policy counts an undisclosed figure as neutral (0.5): their {signal} is a "
            "middle value, not a known one",
        ).format(signal=signal_name(signal))
    return translate(
        "memo_summary", "the missing-data policy leaves a company without the figure out of the ranking"
    )


def caveat_lines(content: MemoContent) -> list[tuple[str, str]]:
    """(label, sentence) for each caveat: ties at the border, undisclosed figures, the data's
    date, approximate figures, planned rounds."""
    req = content.req
    out: list[tuple[str, str]] = []
    note = content.tie_note
    if note is not None:
        last = content.rows[-1].rank
        held = sum(c.rank == last for c in content.rows)
        out.append(
            (
                translate("memo_summary", "Tie at the border"),
                translate(
                    "memo_summary",
                    "{tie}: the memo's last place cuts this tie. It holds {held} of them, the first in the "
                    "order inside a tie (below); the companies left out score the same as the last ones in.",
                ).format(tie=present.capital_first(note), held=held),
            )
        )
    shared = content.shared_in_memo()
    if shared:
        by_rank: dict[int, list[str]] = {}
        for c in shared:
            by_rank.setdefault(c.rank, []).append(company_label(c.name, c.name_en))
        groups = "; ".join(f"{rank}= {', '.join(names)}" for rank, names in sorted(by_rank.items()))
        out.append(
            (
                translate("memo_summary", "Shared ranks"),
                translate("memo_summary", "{groups}. {order}.").format(
                    groups=groups, order=present.capital_first(present.tie_order())
                ),
            )
        )
    n = len(content.rows)
    policy = req.ranking.policy
    gaps = content.undisclosed()
    any_gap = False
    for signal, rows in gaps.items():
        if not rows:
            continue
        any_gap = True
        names = ", ".join(company_label(c.name, c.name_en) for c in rows[:MAX_NAMED])
        more = len(rows) - MAX_NAMED
        out.append(
            (
                translate("memo_summary", "Undisclosed figures"),
                translate(
                    "memo_summary",
                    "{count} of the {n} companies in this memo have no {signal} figure in the data "
                    "({names}{more}); {effect}.",
                ).format(
                    count=len(rows),
                    n=n,
                    signal=signal_name(signal),
                    names=names,
                    more=_and_more(more),
                    effect=_policy_effect(policy, signal),
                ),
            )
        )
    if not any_gap and n:
        out.append(
            (
                translate("memo_summary", "Undisclosed figures"),
                translate(
                    "memo_summary",
                    "Every company in this memo has a figure for each weighted signal ({policy} elsewhere "
                    "in the ranking).",
                ).format(policy=present.policy_sentence(policy)),
            )
        )
    latest = content.latest
    report = is_report(content.ds)
    if latest:
        year = latest[:4]
        text = (
            translate(
                "memo_summary",
                "The figures are as of the report ({year}; its latest dated event is {latest}). Rounds, "
                "valuations, listings and clients since then are not in this screen: check them before "
                "a decision.",
            )
            if report
            else translate(
                "memo_summary",
                "The figures are as of the data ({year}; its latest dated event is {latest}). Rounds, "
                "valuations, listings and clients since then are not in this screen: check them before "
                "a decision.",
            )
        )
        out.append((translate("memo_summary", "Date of the figures"), text.format(year=year, latest=latest)))
    else:
        out.append(
            (
                translate("memo_summary", "Date of the figures"),
                translate(
                    "memo_summary", "The report dates no event: how current the figures are is not known."
                )
                if report
                else translate(
                    "memo_summary", "The data dates no event: how current the figures are is not known."
                ),
            )
        )
    fx = req.ranking.table.fx_cny_per_usd
    approx = [c for c in content.rows if c.funding_approximate or c.latest_valuation_approximate]
    if approx:
        out.append(
            (
                translate("memo_summary", "Approximate figures"),
                translate(
                    "memo_summary",
                    "≈ marks a dollar figure converted from yuan (1 USD = {fx} CNY) or read from vague "
                    "wording (数亿元, 近亿元): {count} of the {n} companies have one. The amounts as "
                    "written are beside them on the {shortlist} and company sheets.",
                ).format(fx=f"{fx:g}", count=len(approx), n=n, shortlist=content.sheet("Shortlist")),
            )
        )
    planned = [(c, rd) for c in content.rows for rd in c.rounds if rd.status == "planned"]
    if planned:
        shown = ", ".join(
            f"{company_label(c.name, c.name_en)}: {present.round_label(rd)}" for c, rd in planned[:MAX_NAMED]
        )
        out.append(
            (
                translate("memo_summary", "Planned rounds"),
                translate(
                    "memo_summary",
                    "Marked “planned” wherever they appear ({rounds}): a planned round's amount is not "
                    "counted as capital raised; its valuation counts.",
                ).format(rounds=shown),
            )
        )
    return out


def _label_value(ws: Worksheet, r: int, label: str, value: str, *, font=None) -> int:
    put(ws, r, LABEL_COLS[0], label, font=BOLD_FONT)
    cells.merge(ws, r, *LABEL_COLS)
    put(ws, r, VALUE_COLS[0], value, font=font, align=TEXT)
    cells.merge(ws, r, *VALUE_COLS)
    return r + 1


def _section(ws: Worksheet, r: int, title: str) -> int:
    r += 1
    put(ws, r, 1, title, font=SECTION_FONT, align=cells.LINE)
    for col in range(1, LAST_COL + 1):
        ws.cell(row=r, column=col).border = cells.RULE
    return r + 1


def summary_sheet(ws: Worksheet, content: MemoContent) -> None:
    req = content.req
    ds = content.ds
    ranking = req.ranking
    ws.title = content.sheet("Summary")
    cells.set_widths(ws, SUMMARY_WIDTHS)
    cells.sheet_title(ws, memo_title(content), LAST_COL)
    put(
        ws,
        2,
        1,
        translate(
            "memo_summary", "AIGC screener · {date:%d %B %Y} · sheets: {sheets}, then one per company"
        ).format(
            date=req.created,
            sheets=", ".join(
                content.sheet(k) for k in ("Summary", "Shortlist", "Compare", "Lenses", "Method", "Segments")
            ),
        ),
        font=SUBTITLE_FONT,
        align=cells.LINE,
    )
    cells.merge(ws, 2, 1, LAST_COL)

    r = _section(ws, 3, translate("memo_summary", "What was screened"))
    universe = ranking.universe
    in_universe = int(ranking.in_universe.sum())
    screened = req.screened if req.screened is not None else int(ranking.included.sum())
    r = _label_value(ws, r, translate("memo_summary", "Source"), content.source)
    filters = req.filters.describe()
    universe_text = translate(
        "memo_summary",
        "{universe}: {sentence} {in_universe} of the dataset's {n} companies; {screened} ranked",
    ).format(
        universe=present.universe_label(universe),
        sentence=present.universe_sentence(universe),
        in_universe=f"{in_universe:,}",
        n=f"{ds.n_companies:,}",
        screened=f"{screened:,}",
    )
    if filters != "none":
        universe_text += translate("memo_summary", " after the filters ({filters})").format(filters=filters)
    r = _label_value(
        ws, r, translate("memo_summary", "Universe"), universe_text + translate("memo_summary", ".")
    )
    r = _label_value(ws, r, translate("memo_summary", "Weights"), present.weights_in_words(ranking.weights))
    r = _label_value(
        ws,
        r,
        translate("memo_summary", "Missing figures"),
        present.policy_sentence(ranking.policy, capital=True) + translate("memo_summary", "."),
    )
    r = _label_value(
        ws,
        r,
        translate("memo_summary", "Dataset"),
        translate("memo_summary", "{name} · {n} segments · content hash {hash}").format(
            name=ds.name, n=len(ds.segments), hash=ds.content_hash or present.NONE
        ),
    )
    written = translate("memo_summary", "Memo written {date:%Y-%m-%d %H:%M}").format(date=req.created)
    if content.latest:
        written += translate("memo_summary", "; the data's latest dated event is {latest}").format(
            latest=content.latest
        )
    r = _label_value(ws, r, translate("memo_summary", "Date"), written + translate("memo_summary", "."))

    heading = (
        translate("memo_summary", "The shortlist ({n} companies)")
        if req.selection == "shortlist"
        else translate("memo_summary", "The {selection} ({n} companies)")
    )
    r = _section(ws, r, heading.format(selection=content.selection_text, n=len(content.rows)))
    cells.header_row(ws, r, [translate("memo_summary", h) for h in SUMMARY_HEADERS])
    r += 1
    lens = content.lenses
    row_of = ranking.table.row_of
    for c in content.rows[:MAX_SUMMARY_ROWS]:
        r = _company_row(ws, r, content, c, bool(lens.robust[row_of[c.id]]), bool(lens.pareto[row_of[c.id]]))
    if len(content.rows) > MAX_SUMMARY_ROWS:
        more = len(content.rows) - MAX_SUMMARY_ROWS
        put(
            ws,
            r,
            2,
            translate("memo_summary", "… and {more} more: the {shortlist} sheet lists every company.").format(
                more=f"{more:,}", shortlist=content.sheet("Shortlist")
            ),
            font=MUTED_FONT,
        )
        cells.merge(ws, r, 2, LAST_COL)
        r += 1
    if not content.rows:
        put(ws, r, 2, translate("memo_summary", "No company: the memo is empty."), font=MUTED_FONT)
        cells.merge(ws, r, 2, LAST_COL)
        r += 1
    put(
        ws,
        r,
        2,
        translate(
            "memo_summary",
            "Robust ✓: {robust} (the {lenses} sheet). Pareto ◆: {pareto}. Points are the score's parts "
            "(0–100 in all); “ease” is the difficulty signal under a negative weight.",
        ).format(
            robust=present.robust_definition(lens.top_n),
            lenses=content.sheet("Lenses"),
            pareto=present.pareto_definition(),
        ),
        font=MUTED_FONT,
        align=TEXT,
    )
    cells.merge(ws, r, 2, LAST_COL)
    r += 1

    r = _section(ws, r, translate("memo_summary", "Robust and Pareto-optimal picks"))
    for label, text in robust_lines(content):
        r = _label_value(ws, r, label, text)

    r = _section(ws, r, translate("memo_summary", "Caveats"))
    for label, text in caveat_lines(content):
        r = _label_value(ws, r, label, text)

    cells.fit_rows(ws, 3)
    ws.freeze_panes = None
    cells.print_setup(ws)


def _company_row(
    ws: Worksheet, r: int, content: MemoContent, c: CompanyOut, robust: bool, pareto: bool
) -> int:
    value, fmt = cells.rank_cell(c.rank, c.shared)
    put(ws, r, 1, value, number_format=fmt)
    name = put(ws, r, 2, c.name)
    sheet = content.memo_names.get(c.id)
    if sheet:
        name.hyperlink = cells.sheet_link(sheet)
        name.font = LINK_FONT
    put(ws, r, 3, c.name_en if c.name_en and c.name_en != c.name else "")
    put(ws, r, 4, present.ROBUST_MARK if robust else "", font=MARK_FONT, align=CENTER)
    put(ws, r, 5, present.PARETO_MARK if pareto else "", font=MARK_FONT, align=CENTER)
    reason = (
        content.reason(c)
        if c.rank > 0
        else (
            present.capital_first(present.not_ranked_reason(c.in_universe, content.req.ranking.universe))
            + (
                translate("memo_summary", "; {fact}").format(fact=content.strongest_fact(c))
                if content.strongest_fact(c)
                else ""
            )
        )
    )
    put(ws, r, REASON_COL, reason)
    for col in range(1, LAST_COL + 1):
        ws.cell(row=r, column=col).border = cells.HAIRLINE
    return r + 1
