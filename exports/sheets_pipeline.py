"""The memo's Pipeline sheet: the analyst's deal pipeline grouped by stage, in the pipeline's
order (core.analyst.STAGES, each by its label as renamed), each company with its shared rank,
owner, next step, its date and the time of the last change (no Qt).  The memo has the sheet
only when the request names a pipeline."""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from core import present
from core.i18n import QT_TRANSLATE_NOOP, translate
from exports import cells
from exports.cells import BOLD_FONT, LINK_FONT, MUTED_FONT, SECTION_FONT, put
from exports.content import MemoContent, company_label, stage_order

PIPELINE_SHEET_COLUMNS = (
    (QT_TRANSLATE_NOOP("memo_pipeline", "Stage"), 14.0),
    (QT_TRANSLATE_NOOP("memo_pipeline", "Company"), 30.0),
    ("#", 7.0),
    (QT_TRANSLATE_NOOP("memo_pipeline", "Owner"), 14.0),
    (QT_TRANSLATE_NOOP("memo_pipeline", "Next step"), 36.0),
    (QT_TRANSLATE_NOOP("memo_pipeline", "Next step date"), 13.0),
    (QT_TRANSLATE_NOOP("memo_pipeline", "Last change"), 17.0),
)
HEADER_ROW = 4


def _when(iso: str | None) -> str:
    """An ISO time as "2026-11-20 14:05" (what the state store wrote, minutes kept)."""
    if not iso:
        return present.NONE
    return iso.replace("T", " ")[:16]


def pipeline_sheet(ws: Worksheet, content: MemoContent) -> None:
    req = content.req
    ds = req.dataset
    ranking = req.ranking
    row_of = ranking.table.row_of
    ncols = len(PIPELINE_SHEET_COLUMNS)
    entries = sorted(req.pipeline.values(), key=lambda e: stage_order(e.stage))
    cells.sheet_title(ws, content.sheet("Pipeline"))
    put(
        ws,
        2,
        1,
        (
            translate("memo_pipeline", "The analyst's pipeline, 1 company by stage; ")
            if len(entries) == 1
            else translate("memo_pipeline", "The analyst's pipeline, {n} companies by stage; ").format(
                n=len(entries)
            )
        )
        + translate(
            "memo_pipeline",
            "# is the company's shared rank in this memo's ranking (— not ranked); a name in blue opens its sheet.",
        ),
        font=MUTED_FONT,
        align=cells.LINE,
    )
    cells.set_widths(ws, [w for _, w in PIPELINE_SHEET_COLUMNS])
    cells.header_row(
        ws, HEADER_ROW, [translate("memo_pipeline", h) for h, _ in PIPELINE_SHEET_COLUMNS], dark=True
    )
    r = HEADER_ROW + 1

    def rank_of(company_id: str) -> tuple[int, bool]:
        if company_id not in row_of:
            return 0, False
        i = row_of[company_id]
        return int(ranking.rank[i]), bool(ranking.shared[i])

    groups: dict[str, list] = {}
    for e in entries:
        groups.setdefault(e.stage, []).append(e)
    for stage, group in groups.items():
        label = content.stage_label(stage)
        put(ws, r, 1, f"{label} — {len(group)}", font=SECTION_FONT, align=cells.LINE)
        cells.fill_row(ws, r, 1, ncols, cells.BAND_FILL)
        r += 1

        def order(e) -> tuple[int, int, str]:
            rank, _ = rank_of(e.company_id)
            return (0 if rank > 0 else 1, rank, e.company_id)

        for e in sorted(group, key=order):
            try:
                c = ds.company(e.company_id)
                name = company_label(c.name, c.name_en)
            except (KeyError, LookupError):
                name = translate("memo_pipeline", "{id} (not in this data)").format(id=e.company_id)
            put(ws, r, 1, label)
            cell = put(ws, r, 2, name, font=BOLD_FONT)
            sheet = content.memo_names.get(e.company_id)
            if sheet:
                cell.hyperlink = cells.sheet_link(sheet)
                cell.font = LINK_FONT
            value, fmt = cells.rank_cell(*rank_of(e.company_id))
            put(ws, r, 3, value, number_format=fmt)
            put(ws, r, 4, e.owner or present.NONE)
            put(ws, r, 5, e.next_step or present.NONE)
            put(ws, r, 6, e.next_date or present.NONE)
            put(ws, r, 7, _when(e.updated_at))
            r += 1
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(ncols)}{max(r - 1, HEADER_ROW)}"
    cells.fit_rows(ws, HEADER_ROW)
    cells.print_setup(ws, f"{HEADER_ROW}:{HEADER_ROW}")
