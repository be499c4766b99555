"""The Lenses sheet: each company's rank under every preset and saved profile, side by side,
with the robust and Pareto-optimal marks (core.lenses) (no Qt)."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from core import present
from core.i18n import translate
from exports import cells
from exports.cells import (
    BOLD_FONT,
    CENTER,
    LINK_FONT,
    MARK_FONT,
    MUTED_FONT,
    SECTION_FONT,
    TEXT,
    TOP_FILL,
    put,
)
from exports.content import MemoContent, company_label

#: A rank no other company shares, padded on the right by the width of "=", so it lines up
#: with a shared one ("8=").
RANK_ALIGNED = "#,##0_="
#: The memo's companies listed at most, and the others in the top N under some lens.
MAX_MEMO_ROWS = 100
MAX_OTHER_ROWS = 60
#: Columns around the lenses: #, company; then robust, Pareto, how many lenses.
FIXED_LEFT = (6.0, 26.0)
FIXED_RIGHT = (9.0, 9.0, 10.0)
LENS_WIDTH_MOST = 12.0
LENS_WIDTH_LEAST = 7.0


def lens_widths(n_lenses: int) -> list[float]:
    """The sheet's column widths: lenses share what fits A4 landscape at the least print scale."""
    n_cols = len(FIXED_LEFT) + n_lenses + len(FIXED_RIGHT)
    room = cells.max_total_width(n_cols)
    width = cells.widths_for(
        room, FIXED_LEFT + FIXED_RIGHT, n_lenses, least=LENS_WIDTH_LEAST, most=LENS_WIDTH_MOST
    )
    return [*FIXED_LEFT, *([width] * n_lenses), *FIXED_RIGHT]


def lenses_sheet(ws: Worksheet, content: MemoContent) -> None:
    lens = content.lenses
    ranking = content.req.ranking
    t = ranking.table
    k = len(lens.lenses)
    widths = lens_widths(k)
    last_col = len(widths)
    cells.set_widths(ws, widths)
    cells.sheet_title(
        ws, translate("memo_lenses", "Lenses: the ranking under every preset and saved profile"), last_col
    )
    put(
        ws,
        2,
        1,
        translate(
            "memo_lenses",
            "Each column ranks the whole {universe} universe under one lens (its weights: value, difficulty, "
            "funding; the sub-weights and the missing-data policy as in this memo); a shaded rank is in the "
            "top {top}, “8=” a shared rank, “—” not ranked. Robust {robust_mark}: {robust}. Pareto "
            "{pareto_mark}: {pareto}.",
        ).format(
            universe=present.universe_label(ranking.universe).lower(),
            top=lens.top_n,
            robust_mark=present.ROBUST_MARK,
            robust=present.robust_definition(lens.top_n),
            pareto_mark=present.PARETO_MARK,
            pareto=present.pareto_definition(),
        ),
        font=MUTED_FONT,
    )
    cells.merge(ws, 2, 1, last_col)
    headers = (
        ["#", translate("memo_lenses", "Company")]
        + [f"{x.label}\n{present.weights_triple(x.weights)}" for x in lens.lenses]
        + [
            translate("memo_lenses", "Robust {mark}").format(mark=present.ROBUST_MARK),
            translate("memo_lenses", "Pareto {mark}").format(mark=present.PARETO_MARK),
            translate("memo_lenses", "Top {top} under").format(top=lens.top_n),
        ]
    )
    r = 4
    put(ws, r, 1, translate("memo_lenses", "This memo's companies"), font=SECTION_FONT, align=cells.LINE)
    r += 1
    cells.header_row(ws, r, headers, dark=True)
    header = r
    r += 1
    memo_rows = [t.row_of[c.id] for c in content.rows]
    for row in memo_rows[:MAX_MEMO_ROWS]:
        r = _lens_row(ws, r, content, row, memo_rank=True)
    if len(memo_rows) > MAX_MEMO_ROWS:
        more = len(memo_rows) - MAX_MEMO_ROWS
        put(
            ws,
            r,
            2,
            translate("memo_lenses", "… and {more} more (the first {most} are listed).").format(
                more=f"{more:,}", most=MAX_MEMO_ROWS
            ),
            font=MUTED_FONT,
        )
        cells.merge(ws, r, 2, last_col)
        r += 1
    in_memo = set(memo_rows)
    others = [int(x) for x in lens.top_rows() if int(x) not in in_memo]
    if others:
        r += 1
        put(
            ws,
            r,
            1,
            translate("memo_lenses", "Not in this memo, but in the top {top} under at least one lens").format(
                top=lens.top_n
            ),
            font=SECTION_FONT,
            align=cells.LINE,
        )
        r += 1
        cells.header_row(ws, r, headers, dark=True)
        r += 1
        for row in others[:MAX_OTHER_ROWS]:
            r = _lens_row(ws, r, content, row, memo_rank=False)
        if len(others) > MAX_OTHER_ROWS:
            put(
                ws,
                r,
                2,
                translate("memo_lenses", "… and {more} more.").format(
                    more=f"{len(others) - MAX_OTHER_ROWS:,}"
                ),
                font=MUTED_FONT,
            )
            cells.merge(ws, r, 2, last_col)
            r += 1
    r += 1
    put(ws, r, 1, translate("memo_lenses", "The lenses"), font=SECTION_FONT, align=cells.LINE)
    r += 1
    for x in lens.lenses:
        put(
            ws,
            r,
            1,
            x.label
            + (
                translate("memo_lenses", " (saved profile)")
                if x.is_profile and "profile" not in x.label
                else ""
            ),
            font=BOLD_FONT,
        )
        cells.merge(ws, r, 1, 2)
        put(ws, r, 3, present.weights_in_words(x.weights), align=TEXT)
        cells.merge(ws, r, 3, last_col)
        r += 1
    ws.freeze_panes = ws.cell(row=header + 1, column=3)
    cells.fit_rows(ws, 1)
    cells.print_setup(ws, f"{header}:{header}")


def _lens_row(ws: Worksheet, r: int, content: MemoContent, row: int, *, memo_rank: bool) -> int:
    lens = content.lenses
    ranking = content.req.ranking
    t = ranking.table
    cid = str(t.ids[row])
    company = content.ds.company(cid)
    if memo_rank:
        value, fmt = cells.rank_cell(int(ranking.rank[row]), bool(ranking.shared[row]))
    else:
        value, fmt = "", None
    put(ws, r, 1, value, number_format=fmt)
    name = put(ws, r, 2, company_label(company.name, company.name_en))
    sheet = content.memo_names.get(cid)
    if sheet:
        name.hyperlink = cells.sheet_link(sheet)
        name.font = LINK_FONT
    shared = content.lens_shared
    for j in range(len(lens.lenses)):
        rank = int(lens.ranks[row, j])
        value, fmt = cells.rank_cell(rank, bool(shared[row, j]))
        fmt = fmt or (RANK_ALIGNED if rank > 0 else None)  # "8" lines up with "8="
        fill = TOP_FILL if 0 < rank <= lens.top_n else None
        put(ws, r, 3 + j, value, number_format=fmt, fill=fill)
    col = 3 + len(lens.lenses)
    put(ws, r, col, present.ROBUST_MARK if lens.robust[row] else "", font=MARK_FONT, align=CENTER)
    put(ws, r, col + 1, present.PARETO_MARK if lens.pareto[row] else "", font=MARK_FONT, align=CENTER)
    put(
        ws,
        r,
        col + 2,
        translate("memo_lenses", "{count} of {n}").format(count=int(lens.top_count[row]), n=len(lens.lenses)),
        align=CENTER,
    )
    for c in range(1, col + 3):
        ws.cell(row=r, column=c).border = cells.HAIRLINE
    return r + 1
