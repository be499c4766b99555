"""The memo with the analyst's own facts and pipeline (issue 16): facts marked ✎ with their
source beside the report's (never replacing them), the Shortlist's Stage, Owner and Next step
columns, and the Pipeline sheet grouped by stage."""

from __future__ import annotations

import pytest

from core import analyst, present
from core.analyst import AnalystFact, PipelineEntry, apply_facts
from core.filters import Filters
from core.ingest import load_dataset
from core.records import AnalystMark
from core.results import shown_rows
from core.scoring import PRESETS, rank
from core.session import MemoSelection
from core.signals import build_signals
from exports import cells, sheets_tables
from exports import memo as memo_mod
from exports.memo import MemoRequest, build_workbook

SOURCE = "https://example.com/news/augment-series-c"
CLIENT_SOURCE = "Board deck, 2026-10, p. 4"


def fact(id: int, kind: str, **kw) -> AnalystFact:
    base = {
        "company_id": "augment",
        "source": SOURCE,
        "seen": "2026-11-20",
        "entered_by": "alice",
        "entered_at": "2026-11-20T10:00:00",
    }
    return AnalystFact(id=id, kind=kind, **{**base, **kw})


@pytest.fixture(scope="module")
def base():
    return load_dataset()


@pytest.fixture(scope="module")
def facts():
    return [
        # a later round than the report's
        fact(
            1, "funding", round="C轮", amount="5亿美元", date="2025-03", investors=("Sequoia", "Lightspeed")
        ),
        # the report's own round, told differently: shown beside it, the report's kept
        fact(2, "funding", round="B轮", amount="3亿美元", date="2024-04"),
        fact(3, "client", text="招商银行", source=CLIENT_SOURCE, entered_by="bob"),
        fact(4, "funding", round="D轮", amount="9亿美元", date="2025-09"),  # retired below
        fact(5, "correction", text="The B round closed in April, not January."),
    ]


@pytest.fixture(scope="module")
def active(facts):
    retired = facts[3].model_copy(update={"retired_at": "2026-11-21T09:00:00"})
    return [*facts[:3], retired, facts[4]]


@pytest.fixture(scope="module")
def ds(base, active):
    return apply_facts(base, active)


@pytest.fixture(scope="module")
def ranking(ds):
    return rank(build_signals(ds), PRESETS["balanced"])


def top_ids(ds, ranking, n: int) -> list[str]:
    ids = [str(ranking.table.ids[r]) for r in shown_rows(ds, ranking, Filters(), top=n)]
    return ids if "augment" in ids else [*ids, "augment"]


@pytest.fixture(scope="module")
def pipeline(ds, ranking):
    first = next(cid for cid in top_ids(ds, ranking, 6) if cid != "augment")
    of = {
        "augment": ("diligence", "alice", "Call the CFO", "2026-12-01"),
        "zhipu_ai": ("screening", "", "", ""),  # (not necessarily in the memo)
        first: ("committee", "bob", "IC vote", "2026-11-28"),
    }
    return {
        cid: PipelineEntry(
            company_id=cid,
            stage=stage,
            owner=owner,
            next_step=step,
            next_date=when,
            updated_at="2026-11-20T10:05:00",
        )
        for cid, (stage, owner, step, when) in of.items()
    }


LABELS = {"diligence": "Due diligence"}


@pytest.fixture(scope="module")
def wb(ds, ranking, active, pipeline):
    ids = top_ids(ds, ranking, 6)
    req = MemoRequest(
        dataset=ds,
        ranking=ranking,
        company_ids=ids,
        preset="balanced",
        selection=f"top {len(ids)}",
        pipeline=pipeline,
        stage_labels=LABELS,
        analyst_facts=active,
    )
    return ids, build_workbook(req)


def company_ws(wb, ds):
    c = ds.company("augment")
    return next(wb[n] for n in wb.sheetnames if n.endswith(c.name_en or c.name))


def rows_of(ws) -> list[list[object]]:
    return [[c.value for c in row] for row in ws.iter_rows()]


def texts(ws) -> list[str]:
    return [v for row in rows_of(ws) for v in row if isinstance(v, str)]


def mark_of(f) -> str:
    return present.analyst_mark(AnalystMark(id=f.id, source=f.source, seen=f.seen, entered_by=f.entered_by))


# --- the company sheet ------------------------------------------------------------------------


def test_company_sheet_lists_my_facts_with_the_marker_source_seen_and_who(wb, ds, facts):
    _, book = wb
    ws = company_ws(book, ds)
    rows = rows_of(ws)
    title = next(i for i, r in enumerate(rows) if r[0] and str(r[0]).startswith("My facts"))
    assert present.MY_FACT_MARK in rows[title][0]
    head = rows[title + 1]
    assert [v for v in head if v] == [
        "Kind",
        "What",
        f"{present.MY_FACT_MARK} Source, seen, by",
        "The report says",
    ]
    listed = {}
    for r in rows[title + 2 :]:
        if not (isinstance(r[0], str) and r[0].startswith(present.MY_FACT_MARK)):
            break
        listed[r[4]] = r
    # the active facts, each with its mark (source, date seen, who): the retired one is not listed
    assert set(listed) == {mark_of(f) for f in facts if f.id != 4}
    c_round = listed[mark_of(facts[0])]
    assert c_round[0] == f"{present.MY_FACT_MARK} Funding round"
    assert "C轮 · 5亿美元 · 2025-03" in c_round[1] and "Sequoia, Lightspeed" in c_round[1]
    assert "counted in the signals" in c_round[1]
    assert SOURCE in c_round[4] and "2026-11-20" in c_round[4] and "alice" in c_round[4]
    client = listed[mark_of(facts[2])]
    assert "招商银行" in client[1] and CLIENT_SOURCE in client[4] and "bob" in client[4]
    note = listed[mark_of(facts[4])]
    assert "not counted" in note[1] or "shown, not counted" in note[1]
    # the marked cells are set apart (a fill)
    cell = next(row[4] for row in ws.iter_rows() if row[4].value == c_round[4])
    assert cell.fill.fgColor.rgb.endswith(cells.MY_FACT_FILL.fgColor.rgb[-6:])


def test_a_contradicting_fact_shows_the_reports_beside_it_and_the_report_is_kept(wb, ds, base, active):
    _, book = wb
    ws = company_ws(book, ds)
    said = analyst.contradictions(ds, [f for f in active if f.active])
    assert said.get(2), "the B轮 fact disagrees with the report's B round"
    mine = next(r for r in rows_of(ws) if r[4] == mark_of(active[1]))
    assert mine[7] == "\n".join(said[2])
    # the funding history keeps the report's round as the report gives it, and marks mine
    report_rounds = [e for e in base.funding_of("augment")]
    history = [r for r in rows_of(ws) if r[1] and isinstance(r[1], str) and "轮" in r[1]]
    for e in report_rounds:
        if e.amount_text:
            assert any(r[2] == e.amount_text and not r[1].startswith(present.MY_FACT_MARK) for r in history)
    marked = [r for r in history if r[1].startswith(present.MY_FACT_MARK)]
    assert {r[2] for r in marked} == {"5亿美元", "3亿美元"}
    b = next(r for r in marked if r[2] == "3亿美元")
    assert b[7].startswith(mark_of(active[1])) and "Beside the report: " + said[2][0] in b[7]
    # the report's quotes are the report's: the analyst's source is never quoted as the report
    quoted = [t for t in texts(ws) if t.startswith("“")]
    assert not any(SOURCE in t for t in quoted)
    # the report's facts list the report's only; mine are under My facts
    traction = [r for r in rows_of(ws) if r[0] == present.fact_kind_label("client")]
    assert all("招商银行" not in str(r[1]) for r in traction)


def test_a_report_only_memo_lists_my_facts_as_not_counted(base, active):
    ranking = rank(build_signals(base), PRESETS["balanced"])
    ids = top_ids(base, ranking, 3)
    book = build_workbook(MemoRequest(dataset=base, ranking=ranking, company_ids=ids, analyst_facts=active))
    ws = company_ws(book, base)
    row = next(r for r in rows_of(ws) if r[4] == mark_of(active[0]))
    assert "not counted: this memo ranks the report's facts only" in row[1]
    method = {r[0].value: r[1].value for r in book["Method"].iter_rows(min_row=4) if r[0].value}
    assert "none of them counted" in method["Analyst facts"]


def test_facts_the_dataset_carries_are_marked_even_when_the_request_names_none(ds, ranking, active):
    ids = top_ids(ds, ranking, 3)
    book = build_workbook(MemoRequest(dataset=ds, ranking=ranking, company_ids=ids))
    ws = company_ws(book, ds)
    marks = [r[4] for r in rows_of(ws) if isinstance(r[0], str) and r[0].startswith(present.MY_FACT_MARK)]
    assert mark_of(active[0]) in marks and mark_of(active[2]) in marks
    method = {r[0].value: r[1].value for r in book["Method"].iter_rows(min_row=4) if r[0].value}
    assert "counted in the signals" in method["Analyst facts"]


# --- the Shortlist and the Pipeline sheet -----------------------------------------------------


def test_shortlist_gains_stage_owner_and_next_step(wb, ds, pipeline):
    ids, book = wb
    ws = book["Shortlist"]
    header = [c.value for c in ws[sheets_tables.HEADER_ROW]]
    assert header[-4:] == ["Stage", "Owner", "Next step", sheets_tables.NOTE_HEADER]
    col = {h: i for i, h in enumerate(header)}
    for i, cid in enumerate(ids):
        row = [c.value for c in ws[memo_mod.FIRST_DATA_ROW + i]]
        entry = pipeline.get(cid)
        if entry is None:
            assert row[col["Stage"]] in (None, "") and row[col["Owner"]] in (None, "")
        elif cid == "augment":
            assert row[col["Stage"]] == "Due diligence"  # the stage's label as renamed
            assert row[col["Owner"]] == "alice"
            assert row[col["Next step"]] == "Call the CFO · 2026-12-01"
    assert ws.auto_filter.ref.startswith(f"A{sheets_tables.HEADER_ROW}:R")


def test_pipeline_sheet_groups_companies_by_stage(wb, ds, ranking, pipeline):
    ids, book = wb
    assert book.sheetnames[:7] == [
        "Summary",
        "Shortlist",
        "Pipeline",
        "Compare",
        "Lenses",
        "Method",
        "Segments",
    ]
    ws = book["Pipeline"]
    rows = rows_of(ws)
    assert [v for v in rows[3] if v] == [
        "Stage",
        "Company",
        "#",
        "Owner",
        "Next step",
        "Next step date",
        "Last change",
    ]
    groups = [r[0] for r in rows[4:] if r[0] and r[1] is None]
    stages = sorted({e.stage for e in pipeline.values()}, key=analyst.STAGES.index)
    labels = [LABELS.get(s, s.capitalize()) for s in stages]
    assert [g.rsplit(" — ", 1)[0] for g in groups] == labels
    a = next(r for r in rows[4:] if r[1] and str(r[1]).startswith(ds.company("augment").name))
    i = ranking.table.row_of["augment"]
    assert a[0] == "Due diligence" and a[2] == int(ranking.rank[i]) and a[3] == "alice"
    assert a[4] == "Call the CFO" and a[5] == "2026-12-01" and a[6] == "2026-11-20 10:05"
    # a company of the memo opens its sheet
    link = next(c for row in ws.iter_rows() for c in row if c.value == a[1])
    assert link.hyperlink is not None and link.hyperlink.target.startswith("#")


def test_every_sheet_still_prints_with_no_character_below_8_points(wb):
    _, book = wb
    for ws in book.worksheets:
        assert cells.smallest_printed_pt(ws) >= cells.MIN_PRINTED_PT, (ws.title, cells.print_scale(ws))


def test_without_a_pipeline_or_facts_the_memo_is_as_before(base):
    ranking = rank(build_signals(base), PRESETS["balanced"])
    ids = top_ids(base, ranking, 3)
    book = build_workbook(MemoRequest(dataset=base, ranking=ranking, company_ids=ids))
    assert tuple(book.sheetnames[:6]) == memo_mod.FIXED_SHEETS and "Pipeline" not in book.sheetnames
    header = [c.value for c in book["Shortlist"][sheets_tables.HEADER_ROW]]
    assert "Stage" not in header and header[-1] == sheets_tables.NOTE_HEADER
    assert not any(str(t).startswith("My facts") for ws in book.worksheets[6:] for t in texts(ws))


def test_the_selection_carries_the_pipeline_and_facts_into_the_request(ds, ranking, active, pipeline):
    selection = MemoSelection(
        dataset=ds,
        ranking=ranking,
        company_ids=["augment"],
        analyst_facts=tuple(active),
        pipeline=pipeline,
        stage_labels=LABELS,
    )
    req = MemoRequest.of(selection)
    assert req.pipeline == pipeline and req.analyst_facts == tuple(active) and req.stage_labels == LABELS
    book = build_workbook(req)
    assert "Pipeline" in book.sheetnames
    bare = MemoRequest(dataset=ds, ranking=ranking, company_ids=["augment"])
    assert bare.pipeline == {} and bare.analyst_facts == ()
