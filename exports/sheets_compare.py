"""The Compare sheet: the memo's companies side by side, one column each, in blocks that fit
a printed page (the next block continues below, on its own page) (no Qt)."""

from __future__ import annotations

from collections.abc import Callable

from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from core import columns, present
from core.i18n import SOURCE_LANGUAGE, language, translate
from core.results import CompanyOut
from exports import cells
from exports.cells import (
    BOLD_FONT,
    HEAD,
    HEADER_FILL,
    HEADER_FONT,
    MUTED_FONT,
    SCORE_FORMAT,
    SIGNAL_FORMAT,
    STAR_FONT,
    put,
)
from exports.content import MAX_COMPARE, MemoContent

#: Companies side by side in one block (with the label column: seven columns a page).
PER_BLOCK = 6
LABEL_WIDTH = 24.0
COMPANY_WIDTH = 22.0
#: Lines of a funding timeline or of traction facts shown per company (the rest on its sheet).
MOST_LINES = 8

Cell = tuple[object, str | None]


def _lines(items: list[str]) -> str:
    if not items:
        return present.NONE
    shown = items[:MOST_LINES]
    more = len(items) - len(shown)
    return "\n".join(shown) + (
        "\n" + translate("memo_compare", "… {more} more on its sheet").format(more=more) if more > 0 else ""
    )


Row = tuple[str, Callable[[CompanyOut], Cell], object]


def compare_rows(content: MemoContent) -> list[tuple[str, list[Row]]]:
    """The comparison in parts, each (title, rows): a row is (label, cell maker, font)."""
    req = content.req
    ds = content.ds
    ranking = req.ranking
    lens = content.lenses
    row_of = ranking.table.row_of
    w = ranking.weights

    def marks(c: CompanyOut) -> Cell:
        row = row_of[c.id]
        out = []
        if lens.robust[row]:
            out.append(translate("memo_compare", "{mark} robust").format(mark=present.ROBUST_MARK))
        if lens.pareto[row]:
            out.append(translate("memo_compare", "{mark} Pareto-optimal").format(mark=present.PARETO_MARK))
        return ("\n".join(out) or present.NONE, None)

    def lenses_top(c: CompanyOut) -> Cell:
        return (
            translate("memo_compare", "{count} of {n}").format(
                count=int(lens.top_count[row_of[c.id]]), n=len(lens.lenses)
            ),
            None,
        )

    def contribution(k: str) -> Callable[[CompanyOut], Cell]:
        return lambda c: (getattr(c.contributions, k), SCORE_FORMAT)

    def signal(k: str) -> Callable[[CompanyOut], Cell]:
        def make(c: CompanyOut) -> Cell:
            if k in c.missing:
                return (translate("memo_compare", "no figure"), None)
            return (getattr(c.signals, k), SIGNAL_FORMAT)

        return make

    def segments(c: CompanyOut) -> Cell:
        chinese = language() != SOURCE_LANGUAGE  # the report's own Chinese names in a Chinese memo
        return (
            _lines(
                [
                    f"{ref} {ds.segment_by_ref[ref].label_zh if chinese else ds.segment_by_ref[ref].label}"
                    for ref in c.segments
                ]
            ),
            None,
        )

    def stars(attr: str) -> Callable[[CompanyOut], Cell]:
        def make(c: CompanyOut) -> Cell:
            lines = [f"{ref}  {present.stars(getattr(ds.segment_by_ref[ref], attr))}" for ref in c.segments]
            return (_lines(lines), None)

        return make

    def timeline(c: CompanyOut) -> Cell:
        out = []
        for rd, mark in zip(c.rounds, content.round_marks(c), strict=True):
            when = present.date_text(rd.date, rd.date_text)
            if mark is not None:  # the analyst's round, not the report's
                when = f"{present.MY_FACT_MARK} {when}"
            amount = present.usd(rd.amount_usd, rd.amount_approximate) if rd.amount_text else ""
            value = (
                translate("memo_compare", "valued {valuation}").format(
                    valuation=present.usd(rd.valuation_usd, rd.valuation_approximate)
                )
                if rd.valuation_text
                else ""
            )
            parts = [p for p in (when, present.round_label(rd), amount, value) if p and p != present.NONE]
            out.append(" · ".join(parts))
        return (_lines(out), None)

    def traction(c: CompanyOut) -> Cell:
        out = [
            (present.MY_FACT_MARK + " " if any(f.analyst for f in g.facts) else "")
            + f"{present.fact_kind_label(g.kind)}: {', '.join(g.values(ds))}"
            for g in present.fact_groups(ds, c.id)
        ]
        return (_lines(out), None)

    def fact(c: CompanyOut) -> Cell:
        return (content.strongest_fact(c) or present.NONE, None)

    def note(c: CompanyOut) -> Cell:
        text = req.notes.get(c.id, "")
        if not text:
            return (present.NONE, None)
        if len(text) > 300:
            return (
                cells.clean_text(text[:280]).rstrip()
                + translate("memo_compare", " … [the whole note is on its sheet]"),
                None,
            )
        return (text, None)

    difficulty_name = present.contribution_name("difficulty", w.difficulty)

    money = [
        (translate("memo_compare", "Rank"), lambda c: cells.column_cell(columns.RANK, c), BOLD_FONT),
        (
            translate("memo_compare", "Score (0–100)"),
            lambda c: cells.column_cell(columns.SCORE, c),
            BOLD_FONT,
        ),
        (translate("memo_compare", "Robust / Pareto"), marks, cells.MARK_FONT),
        (translate("memo_compare", "In the top {top} under").format(top=lens.top_n), lenses_top, None),
        (
            translate("memo_compare", "Points from value (weight {weight})").format(weight=f"{w.value:g}"),
            contribution("value"),
            None,
        ),
        (
            translate("memo_compare", "Points from {name} (difficulty weight {weight})").format(
                name=difficulty_name, weight=f"{w.difficulty:g}"
            ),
            contribution("difficulty"),
            None,
        ),
        (
            translate("memo_compare", "Points from funding (weight {weight})").format(
                weight=f"{w.funding:g}"
            ),
            contribution("funding"),
            None,
        ),
        (translate("memo_compare", "Value signal (0–1)"), signal("value"), None),
        (translate("memo_compare", "Difficulty signal (0–1)"), signal("difficulty"), None),
        (translate("memo_compare", "Funding signal (0–1)"), signal("funding"), None),
        (
            translate("memo_compare", "Disclosed capital (USD)"),
            lambda c: cells.column_cell(columns.DISCLOSED, c),
            None,
        ),
        (
            translate("memo_compare", "Latest valuation (USD)"),
            lambda c: cells.column_cell(columns.VALUATION, c),
            None,
        ),
        (
            translate("memo_compare", "Latest round"),
            lambda c: cells.column_cell(columns.LATEST_ROUND, c),
            None,
        ),
        (translate("memo_compare", "Funding timeline (USD)"), timeline, None),
    ]
    evidence = [
        (translate("memo_compare", "Segments"), segments, None),
        (translate("memo_compare", "Market space ★"), stars("market"), STAR_FONT),
        (translate("memo_compare", "Logic difficulty ★"), stars("logic"), STAR_FONT),
        (translate("memo_compare", "Compute difficulty ★"), stars("compute"), STAR_FONT),
        (translate("memo_compare", "Corpus difficulty ★"), stars("corpus"), STAR_FONT),
        (translate("memo_compare", "Traction: facts (✎ the analyst's own)"), traction, None),
        (translate("memo_compare", "Strongest quoted fact"), fact, None),
        (translate("memo_compare", "Analyst note"), note, None),
    ]
    return [
        (translate("memo_compare", "Scores and money"), money),
        (translate("memo_compare", "Segments and evidence"), evidence),
    ]


def compare_sheet(ws: Worksheet, content: MemoContent) -> None:
    rows = content.rows[:MAX_COMPARE]
    n = len(content.rows)
    cells.set_widths(ws, [LABEL_WIDTH] + [COMPANY_WIDTH] * PER_BLOCK)
    cells.sheet_title(ws, translate("memo_compare", "Compare: the companies side by side"))
    intro = (
        translate("memo_compare", "{n} companies, {per_page} to a page; the next continue below.").format(
            n=min(n, MAX_COMPARE), per_page=PER_BLOCK
        )
        + (
            translate("memo_compare", " The first {most} of {n}: the {shortlist} sheet lists all.").format(
                most=MAX_COMPARE, n=n, shortlist=content.sheet("Shortlist")
            )
            if n > MAX_COMPARE
            else ""
        )
        + translate(
            "memo_compare", " ≈ marks a converted or vague figure; each name opens the company's sheet."
        )
    )
    put(ws, 2, 1, intro, font=MUTED_FONT)
    cells.merge(ws, 2, 1, 1 + PER_BLOCK)
    r = 4
    if not rows:
        put(
            ws,
            r,
            1,
            translate("memo_compare", "No company: the memo is empty."),
            font=MUTED_FONT,
            align=cells.LINE,
        )
        cells.print_setup(ws)
        return
    parts = compare_rows(content)
    first = True
    for start in range(0, len(rows), PER_BLOCK):
        block = rows[start : start + PER_BLOCK]
        for title, spec in parts:
            if not first:
                ws.row_breaks.append(Break(id=r - 1))  # each part of a block starts a page
            first = False
            r = _names_header(ws, r, content, block, title)
            for i, (label, make, font) in enumerate(spec):
                band = cells.BAND_FILL if i % 2 else None
                put(ws, r, 1, label, font=BOLD_FONT, fill=band)
                for col, c in enumerate(block, start=2):
                    value, fmt = make(c)
                    align = cells.NUMBER_LEFT if cells.is_number(value) else cells.TEXT
                    put(ws, r, col, value, number_format=fmt, font=font, fill=band, align=align)
                r += 1
            r += 1
    ws.freeze_panes = "B1"
    cells.fit_rows(ws, 1)
    cells.print_setup(ws)


def _names_header(ws: Worksheet, r: int, content: MemoContent, block: list[CompanyOut], title: str) -> int:
    """The companies' names over a part of a block: the name (a link to its sheet), then the
    English name."""
    put(ws, r, 1, title, font=HEADER_FONT, fill=HEADER_FILL, align=HEAD)
    put(ws, r + 1, 1, "", fill=cells.LABEL_FILL)
    for i, c in enumerate(block, start=2):
        cell = put(ws, r, i, c.name, font=BOLD_FONT, fill=cells.LABEL_FILL, align=HEAD)
        sheet = content.memo_names.get(c.id)
        if sheet:
            cell.hyperlink = cells.sheet_link(sheet)
            cell.font = cells.LINK_BOLD_FONT
        english = c.name_en if c.name_en and c.name_en != c.name else ""
        put(ws, r + 1, i, english, fill=cells.LABEL_FILL, align=HEAD).border = cells.RULE
    ws.cell(row=r + 1, column=1).border = cells.RULE
    return r + 2
