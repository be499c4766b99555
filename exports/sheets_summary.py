"""The memo's first sheet, the one a committee reads: what was screened, the weights in words,
the companies with a one-line reason each, the robust and Pareto-optimal picks, and the
caveats (no Qt)."""

from __future__ import annotations

import numpy as np
from openpyxl.worksheet.worksheet import Worksheet

from core import present
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
    TITLE_FONT,
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
    "Company",
    "English name",
    "Robust",
    "Pareto",
    "Why it ranks here: points by signal, then its strongest quoted fact",
)
REASON_COL = len(SUMMARY_HEADERS)
#: How many names a list of robust or Pareto-optimal companies spells out before "and N more".
MAX_NAMED = 15


def memo_title(content: MemoContent) -> str:
    req = content.req
    universe = present.universe_label(req.ranking.universe).lower()
    n = len(content.rows)
    if req.selection == "shortlist":
        return f"Investment memo: a shortlist of {n} {universe}"
    if req.selection.startswith("top "):
        return f"Investment memo: the top {n} {universe}"
    return f"Investment memo: {n} {universe}, ranked"


def _names(content: MemoContent, rows: np.ndarray) -> str:
    t = content.req.ranking.table
    out = []
    for r in rows[:MAX_NAMED]:
        cid = str(t.ids[r])
        c = content.ds.company(cid)
        out.append(company_label(c.name, c.name_en) + (" ★" if content.in_memo(cid) else ""))
    more = len(rows) - MAX_NAMED
    text = ", ".join(out)
    return text + (f" and {more:,} more (the Lenses sheet lists them)" if more > 0 else "")


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
    head = f"{present.capital_first(present.robust_definition(lens.top_n))} ({n_lenses} lenses: {labels})"
    if len(robust):
        lines.append(
            (
                "Robust picks",
                f"{head}: {_names(content, robust)}. {len(robust):,} compan{'y' if len(robust) == 1 else 'ies'}, "
                f"{_in_memo_count(content, robust)} of them in this memo (★).",
            )
        )
    else:
        top = lens.top_rows()
        closest = ""
        if len(top):
            best = top[0]
            c = content.ds.company(str(lens.table.ids[best]))
            closest = (
                f"; the closest is {company_label(c.name, c.name_en)}, in the top {lens.top_n} under "
                f"{int(lens.top_count[best])} of the {n_lenses}"
            )
        lines.append(
            ("Robust picks", f"None: no company is {present.robust_definition(lens.top_n)}{closest}.")
        )
    if len(pareto):
        lines.append(
            (
                "Pareto-optimal",
                f"{present.capital_first(present.PARETO_DEFINITION)}: {_names(content, pareto)}. "
                f"{len(pareto):,} compan{'y' if len(pareto) == 1 else 'ies'}, "
                f"{_in_memo_count(content, pareto)} of them in this memo (★).",
            )
        )
    t = content.req.ranking.table
    neither = [c for c in content.rows if not lens.robust[t.row_of[c.id]] and not lens.pareto[t.row_of[c.id]]]
    if neither and len(neither) < len(content.rows):
        shown = ", ".join(company_label(c.name, c.name_en) for c in neither[:MAX_NAMED])
        more = len(neither) - MAX_NAMED
        lines.append(
            (
                "Neither",
                f"{len(neither)} of this memo's {len(content.rows)} companies are neither robust nor "
                f"Pareto-optimal: {shown}{f' and {more} more' if more > 0 else ''}; their place depends "
                "on the weights (see the Lenses sheet and each company's sensitivity charts).",
            )
        )
    return lines


def _policy_effect(policy: str, signal: str) -> str:
    if policy == "zero":
        return f"the missing-data policy counts an undisclosed figure as zero, so {signal} adds no points to their score"
    if policy == "neutral":
        return f"the missing-data policy counts an undisclosed figure as neutral (0.5): their {signal} is a middle value, not a known one"
    return "the missing-data policy leaves a company without the figure out of the ranking"


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
                "Tie at the border",
                f"{present.capital_first(note)}: the memo's last place cuts this tie. It holds {held} of them, "
                "the first in the order inside a tie (below); the companies left out score the same as the "
                "last ones in.",
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
                "Shared ranks",
                f"{groups}. {present.capital_first(present.TIE_ORDER)}.",
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
                "Undisclosed figures",
                f"{len(rows)} of the {n} companies in this memo have no {signal} figure in the data "
                f"({names}{f' and {more} more' if more > 0 else ''}); {_policy_effect(policy, signal)}.",
            )
        )
    if not any_gap and n:
        out.append(
            (
                "Undisclosed figures",
                f"Every company in this memo has a figure for each weighted signal "
                f"({present.policy_sentence(policy)} elsewhere in the ranking).",
            )
        )
    latest = content.latest
    whose = "the report" if is_report(content.ds) else "the data"
    if latest:
        year = latest[:4]
        out.append(
            (
                "Date of the figures",
                f"The figures are as of {whose} ({year}; its latest dated event is {latest}). Rounds, "
                f"valuations, listings and clients since then are not in this screen: check them before "
                f"a decision.",
            )
        )
    else:
        out.append(
            (
                "Date of the figures",
                f"{present.capital_first(whose)} dates no event: how current the figures are is not known.",
            )
        )
    fx = req.ranking.table.fx_cny_per_usd
    approx = [c for c in content.rows if c.funding_approximate or c.latest_valuation_approximate]
    if approx:
        out.append(
            (
                "Approximate figures",
                f"≈ marks a dollar figure converted from yuan (1 USD = {fx:g} CNY) or read from vague "
                f"wording (数亿元, 近亿元): {len(approx)} of the {n} companies have one. The amounts as "
                "written are beside them on the Shortlist and company sheets.",
            )
        )
    planned = [(c, rd) for c in content.rows for rd in c.rounds if rd.status == "planned"]
    if planned:
        shown = ", ".join(
            f"{company_label(c.name, c.name_en)}: {present.round_label(rd)}" for c, rd in planned[:MAX_NAMED]
        )
        out.append(
            (
                "Planned rounds",
                f"Marked “planned” wherever they appear ({shown}): a planned round's amount is not "
                "counted as capital raised; its valuation counts.",
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
    ws.title = "Summary"
    cells.set_widths(ws, SUMMARY_WIDTHS)
    put(ws, 1, 1, memo_title(content), font=TITLE_FONT, align=cells.LINE)
    cells.merge(ws, 1, 1, LAST_COL)
    ws.row_dimensions[1].height = 24
    put(
        ws,
        2,
        1,
        f"AIGC screener · {req.created:%d %B %Y} · sheets: Summary, Shortlist, Compare, Lenses, Method, "
        "Segments, then one per company",
        font=SUBTITLE_FONT,
        align=cells.LINE,
    )
    cells.merge(ws, 2, 1, LAST_COL)

    r = _section(ws, 3, "What was screened")
    universe = ranking.universe
    in_universe = int(ranking.in_universe.sum())
    screened = req.screened if req.screened is not None else int(ranking.included.sum())
    r = _label_value(ws, r, "Source", content.source)
    r = _label_value(
        ws,
        r,
        "Universe",
        f"{present.universe_label(universe)}: {present.universe_sentence(universe)} "
        f"{in_universe:,} of the dataset's {ds.n_companies:,} companies; {screened:,} ranked"
        + (f" after the filters ({req.filters.describe()})" if req.filters.describe() != "none" else "")
        + ".",
    )
    r = _label_value(ws, r, "Weights", present.weights_in_words(ranking.weights))
    r = _label_value(ws, r, "Missing figures", present.policy_sentence(ranking.policy, capital=True) + ".")
    r = _label_value(
        ws,
        r,
        "Dataset",
        f"{ds.name} · {len(ds.segments)} segments · content hash {ds.content_hash or present.NONE}",
    )
    r = _label_value(
        ws,
        r,
        "Date",
        f"Memo written {req.created:%Y-%m-%d %H:%M}"
        + (f"; the data's latest dated event is {content.latest}" if content.latest else "")
        + ".",
    )

    heading = "The shortlist" if req.selection == "shortlist" else f"The {req.selection}"
    r = _section(ws, r, f"{heading} ({len(content.rows)} companies)")
    cells.header_row(ws, r, SUMMARY_HEADERS)
    r += 1
    lens = content.lenses
    row_of = ranking.table.row_of
    for c in content.rows[:MAX_SUMMARY_ROWS]:
        r = _company_row(ws, r, content, c, bool(lens.robust[row_of[c.id]]), bool(lens.pareto[row_of[c.id]]))
    if len(content.rows) > MAX_SUMMARY_ROWS:
        more = len(content.rows) - MAX_SUMMARY_ROWS
        put(ws, r, 2, f"… and {more:,} more: the Shortlist sheet lists every company.", font=MUTED_FONT)
        cells.merge(ws, r, 2, LAST_COL)
        r += 1
    if not content.rows:
        put(ws, r, 2, "No company: the memo is empty.", font=MUTED_FONT)
        cells.merge(ws, r, 2, LAST_COL)
        r += 1
    put(
        ws,
        r,
        2,
        f"Robust ✓: {present.robust_definition(lens.top_n)} (the Lenses sheet). Pareto ◆: "
        f"{present.PARETO_DEFINITION}. Points are the score's parts (0–100 in all); “ease” is the "
        "difficulty signal under a negative weight.",
        font=MUTED_FONT,
        align=TEXT,
    )
    cells.merge(ws, r, 2, LAST_COL)
    r += 1

    r = _section(ws, r, "Robust and Pareto-optimal picks")
    for label, text in robust_lines(content):
        r = _label_value(ws, r, label, text)

    r = _section(ws, r, "Caveats")
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
            + (f"; {content.strongest_fact(c)}" if content.strongest_fact(c) else "")
        )
    )
    put(ws, r, REASON_COL, reason)
    for col in range(1, LAST_COL + 1):
        ws.cell(row=r, column=col).border = cells.HAIRLINE
    return r + 1
