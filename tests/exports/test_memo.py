"""The Excel memo, read back with openpyxl as a reviewer would."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import openpyxl
import pytest

import main
from core import present
from core.filters import Filters
from core.ingest import bundled_dataset_dir, load_dataset
from core.results import shown_rows
from core.scoring import PRESETS, rank
from core.signals import build_signals
from core.state import StateStore
from exports import cells, sheets_tables
from exports import memo as memo_mod
from exports.memo import MemoError, MemoRequest, clean_sheet_name, write_memo


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


@pytest.fixture(scope="module")
def ranking(ds):
    return rank(build_signals(ds), PRESETS["balanced"])


def request(ds, ranking, ids, **kw) -> MemoRequest:
    return MemoRequest(dataset=ds, ranking=ranking, company_ids=ids, preset="balanced", **kw)


def top_ids(ds, ranking, n: int) -> list[str]:
    return [str(ranking.table.ids[r]) for r in shown_rows(ds, ranking, Filters(), top=n)]


def test_workbook_holds_every_sheet_and_the_ranking(tmp_path, ds, ranking):
    ids = top_ids(ds, ranking, 8)
    out = write_memo(tmp_path / "memo.xlsx", request(ds, ranking, ids, notes={ids[0]: "Strong team"}))
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:6] == ["Summary", "Shortlist", "Compare", "Lenses", "Method", "Segments"]
    assert len(wb.sheetnames) == 6 + len(ids)
    ws = wb["Shortlist"]
    header = [c.value for c in ws[4]]
    assert header[:6] == ["#", "Company", "English name", "Country", "Segments", "Score"]
    row_of = ranking.table.row_of
    for i, cid in enumerate(ids):
        r = memo_mod.FIRST_DATA_ROW + i
        c = ds.company_by_id[cid]
        assert ws.cell(r, 1).value == int(ranking.rank[row_of[cid]])
        assert ws.cell(r, 2).value == c.name
        assert ws.cell(r, 3).value == c.name_en
        assert ws.cell(r, 6).value == pytest.approx(float(ranking.score[row_of[cid]]), abs=1e-3)
        assert ws.cell(r, 7).value == pytest.approx(float(ranking.signals[row_of[cid], 0]), abs=1e-5)
        total = ranking.table.funding_total_usd[row_of[cid]]
        if total == total:
            assert ws.cell(r, 10).value == pytest.approx(float(total))
    assert ws.cell(memo_mod.FIRST_DATA_ROW, 15).value == "Strong team"
    # styled and usable: frozen panes, autofilter, number formats, data bar, a native chart
    assert ws.freeze_panes == "C5"
    assert ws.auto_filter.ref.startswith("A4:O")
    assert ws.cell(5, 6).number_format == "0.0"
    augment = memo_mod.FIRST_DATA_ROW + ids.index("augment")
    assert (
        ws.cell(augment, 10).number_format == '"$"#,##0.0,,"M"'
    )  # Augment's $252.0M: a number read in millions
    rules = [rule for cf in ws.conditional_formatting for rule in cf.rules]
    assert any(rule.type == "dataBar" for rule in rules)
    assert len(ws._charts) == 1
    assert ws.page_setup.orientation == "landscape"
    # method sheet: reproducible
    method = {r[0].value: r[1].value for r in wb["Method"].iter_rows(min_row=4) if r[0].value}
    assert method["Dataset content hash (SHA-256, first 16 hex)"] == ds.content_hash
    assert method["Weight: value"] == 50 and method["Weight: difficulty"] == -50
    assert method["Exchange rate (CNY per USD)"] == 7.2
    assert method["Missing-data policy"].startswith("zero")
    assert method["Filters in effect"] == "none"
    assert "AIGC screener" in method["App version"]
    # segments sheet: the nine with their ratings
    seg = wb["Segments"]
    refs = [seg.cell(r, 1).value for r in range(4, 13)]
    assert refs == [s.ref for s in ds.segments]
    # the ratings as stars, each in a cell of its own; the counts in theirs
    assert [seg.cell(r, 3).value for r in range(4, 13)] == [present.stars(s.market) for s in ds.segments]
    assert [seg.cell(r, 6).value for r in range(4, 13)] == [present.stars(s.corpus) for s in ds.segments]
    assert all(isinstance(seg.cell(r, 7).value, int) for r in range(4, 13))


def test_memo_sheet_has_profile_scores_segments_funding_quotes_and_notes(tmp_path, ds, ranking):
    out = write_memo(
        tmp_path / "m.xlsx", request(ds, ranking, ["fancytech"], notes={"fancytech": "Call DCM"})
    )
    wb = openpyxl.load_workbook(out)
    ws = wb[wb.sheetnames[6]]
    text = "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)
    assert "FancyTech" in text and "Why it scores as it does" in text
    assert "近亿元" in text and "DCM (lead)" in text and "Call DCM" in text
    for m in ds.mentions_by_company["fancytech"]:
        assert m.quote in text
    assert "★★★★★" in text
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1


def test_no_formula_cells_and_hostile_text_stays_text(tmp_path, ranking):
    data = tmp_path / "data"
    shutil.copytree(bundled_dataset_dir(), data)
    companies = (data / "companies.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(companies)))
    rows[0]["name"] = "@evil"
    rows[1]["name"] = '=HYPERLINK("http://x","click")'
    rows[2]["name_en"] = "-2+3"
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0]))
    w.writeheader()
    w.writerows(rows)
    (data / "companies.csv").write_text(buf.getvalue(), encoding="utf-8")
    ds = load_dataset(data)
    r = rank(build_signals(ds), PRESETS["balanced"])
    ids = [rows[0]["id"], rows[1]["id"], rows[2]["id"]]
    notes = {ids[0]: "=1+1", ids[1]: "+cmd|' /C calc'!A0", ids[2]: "bell\x07 and nul\x00 gone"}
    out = write_memo(tmp_path / "evil.xlsx", request(ds, r, ids, notes=notes))
    wb = openpyxl.load_workbook(out)
    formulas = [
        (ws.title, c.coordinate)
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.data_type == "f"
    ]
    assert formulas == []
    values = {c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row}
    assert "@evil" in values and "=1+1" in values and "-2+3" in values
    assert '=HYPERLINK("http://x","click")' in values
    assert "bell and nul gone" in values


def test_long_notes_are_split_not_cut(tmp_path, ds, ranking):
    long = "投资要点" * 9000  # 36,000 characters, more than a cell holds
    out = write_memo(tmp_path / "long.xlsx", request(ds, ranking, ["augment"], notes={"augment": long}))
    wb = openpyxl.load_workbook(out)
    short = wb["Shortlist"].cell(memo_mod.FIRST_DATA_ROW, 15).value
    assert len(short) <= sheets_tables.NOTE_IN_TABLE and short.endswith(
        "[the whole note is on the company's sheet]"
    )
    assert long.startswith(short.removesuffix(sheets_tables.NOTE_MORE))
    ws = wb[wb.sheetnames[6]]
    parts = [r[1].value for r in ws.iter_rows() if r[0].value in ("Note", "Note (continued)")]
    assert len(parts) == 2 and "".join(parts) == long


def test_sheet_names_are_clean_and_unique():
    taken: set[str] = set()
    a = clean_sheet_name("1 Abc/Def: [x]*?\\ very long name that goes on and on", taken)
    b = clean_sheet_name("1 Abc/Def: [x]*?\\ very long name that goes on and on", taken)
    c = clean_sheet_name("history", taken)
    assert len(a) <= 31 and len(b) <= 31 and a != b
    assert not set("[]:*?/\\") & set(a + b)
    assert c.casefold() != "history"


def test_a_failed_write_leaves_the_old_file_whole(tmp_path, ds, ranking, monkeypatch):
    """A disk that fills up half-way: a message, the earlier file whole, no temporary file, and
    no "Exception ignored in ZipFile.__del__" afterwards (the archive is closed on failure)."""
    import errno
    import gc
    import io
    import sys

    target = tmp_path / "memo.xlsx"
    write_memo(target, request(ds, ranking, top_ids(ds, ranking, 3)))
    before = target.read_bytes()

    class FillsUp(io.FileIO):
        def write(self, b):
            if self.tell() + len(b) > 4096:
                raise OSError(errno.ENOSPC, "No space left on device")
            return super().write(b)

    monkeypatch.setattr(memo_mod.os, "fdopen", lambda fd, mode: FillsUp(fd, "wb"))
    ignored = []
    monkeypatch.setattr(sys, "unraisablehook", ignored.append)
    with pytest.raises(MemoError, match="disk is full.*earlier file is unchanged"):
        write_memo(target, request(ds, ranking, top_ids(ds, ranking, 5)))
    gc.collect()
    assert ignored == []
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.xlsx"]  # no temporary file left


def test_a_target_held_open_gets_a_message(tmp_path, ds, ranking, monkeypatch):
    target = tmp_path / "memo.xlsx"
    target.write_bytes(b"old")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(memo_mod.os, "replace", locked)
    with pytest.raises(MemoError, match="open in Excel or another program"):
        write_memo(target, request(ds, ranking, ["augment"]))
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.xlsx"]


def test_bad_targets(tmp_path, ds, ranking):
    req = request(ds, ranking, ["augment"])
    with pytest.raises(MemoError, match="ending in .xlsx"):
        write_memo(tmp_path / "memo.csv", req)
    with pytest.raises(MemoError, match="does not exist"):
        write_memo(tmp_path / "nope" / "memo.xlsx", req)


def test_progress_can_cancel(tmp_path, ds, ranking):
    seen = []

    def progress(done, total):
        seen.append((done, total))
        return done < 5

    with pytest.raises(memo_mod.MemoCancelled):
        write_memo(tmp_path / "c.xlsx", request(ds, ranking, top_ids(ds, ranking, 10)), progress)
    assert not (tmp_path / "c.xlsx").exists()
    assert seen and seen[-1][0] >= 5


# --- the command line --------------------------------------------------------------------


def test_cli_export_top_and_shortlist(tmp_path, capsys):
    out = tmp_path / "top.xlsx"
    assert (
        main.main(["export", str(out), "--top", "5", "--preset", "market_first", "--state", str(tmp_path)])
        == 0
    )
    wb = openpyxl.load_workbook(out)
    assert len(wb.sheetnames) == 6 + 5
    method = {r[0].value: r[1].value for r in wb["Method"].iter_rows(min_row=4) if r[0].value}
    assert method["Preset"] == "Market first" and method["Memo"] == "top 5, 5 companies"
    assert "Wrote 5 companies" in capsys.readouterr().out
    # the shortlist and notes from the state store
    with StateStore.open(Path(tmp_path) / "state.sqlite").store as store:
        store.set_shortlisted("openai", True)
        store.set_shortlisted("icbc", True)
        store.set_note("openai", "=SUM(A1)")
    out2 = tmp_path / "short.xlsx"
    assert main.main(["export", str(out2), "--shortlist", "--state", str(tmp_path)]) == 0
    ws = openpyxl.load_workbook(out2)["Shortlist"]
    names = [ws.cell(r, 2).value for r in (5, 6)]
    assert set(names) == {"OpenAI", "中国工商银行"}
    notes = {ws.cell(r, 2).value: ws.cell(r, 15).value for r in (5, 6)}
    assert notes["OpenAI"] == "=SUM(A1)"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--top", "3", "--shortlist"], "either --top N or --shortlist"),
        (["--shortlist"], "shortlist is empty"),
        (["--top", "x"], "not a number"),
        (["--weights", "nope=1"], "unknown weight"),
    ],
)
def test_cli_export_bad_arguments(tmp_path, capsys, argv, message):
    assert main.main(["export", str(tmp_path / "m.xlsx"), "--state", str(tmp_path), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_cli_export_unwritable_target(tmp_path, capsys):
    assert main.main(["export", str(tmp_path / "missing" / "m.xlsx"), "--state", str(tmp_path)]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_stale_temporaries_of_an_interrupted_export_are_cleaned(tmp_path, ds, ranking):
    import os
    import time

    old = tmp_path / ".~memo.abc123.xlsx.tmp"
    old.write_bytes(b"PK half")
    past = time.time() - 3600
    os.utime(old, (past, past))
    recent = tmp_path / ".~memo.def456.xlsx.tmp"  # perhaps another export still running
    recent.write_bytes(b"PK")
    write_memo(tmp_path / "memo.xlsx", request(ds, ranking, ["augment"]))
    assert not old.exists() and recent.exists()
    assert (tmp_path / "memo.xlsx").stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    import os

    m = os.umask(0)
    os.umask(m)
    return m


def test_text_a_workbook_cannot_hold_and_apostrophes(tmp_path, ds, ranking):
    notes = {"augment": "bad \ufffe\uffff and a lone \ud800 surrogate", "openai": "x" * 40_000}
    out = write_memo(tmp_path / "odd.xlsx", request(ds, ranking, ["augment", "openai"], notes=notes))
    wb = openpyxl.load_workbook(out)  # the file opens
    values = {c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row}
    assert "bad  and a lone  surrogate" in values
    taken: set[str] = set()
    name = clean_sheet_name("1 O'Reilly Media and a very long tail'", taken)
    assert not name.startswith("'") and not name.endswith("'") and len(name) <= 31
    assert memo_mod.sheet_link("1 O'Reilly") == "#'1 O''Reilly'!A1"


def test_a_cell_longer_than_excel_holds_is_flagged_not_a_crash(tmp_path, ds, ranking):
    from core.models import Company

    long_ds = ds.__class__(
        meta=ds.meta,
        segments=ds.segments,
        companies=tuple(
            Company(**{**c.model_dump(), "note": "y" * 40_000}) if c.id == "augment" else c
            for c in ds.companies
        ),
        mentions=ds.mentions,
        funding=ds.funding,
    )
    out = write_memo(tmp_path / "long.xlsx", request(long_ds, ranking, ["augment"]))
    ws = openpyxl.load_workbook(out).worksheets[6]
    note = next(r[1].value for r in ws.iter_rows() if r[0].value == "Data note")
    assert len(note) <= 32_767 and note.endswith("longer than an Excel cell holds]")


def test_memo_sheets_are_capped_and_the_method_says_so(tmp_path, ds, ranking, monkeypatch):
    monkeypatch.setattr(memo_mod, "MAX_MEMO_SHEETS", 5)
    ids = top_ids(ds, ranking, 12)
    wb = openpyxl.load_workbook(write_memo(tmp_path / "cap.xlsx", request(ds, ranking, ids)))
    assert len(wb.sheetnames) == 6 + 5
    assert wb["Shortlist"].cell(memo_mod.FIRST_DATA_ROW + 11, 1).value == 12  # all rows listed
    method = {r[0].value: r[1].value for r in wb["Method"].iter_rows(min_row=4) if r[0].value}
    assert method["Memo sheets"] == "one per company for the first 5 (of 12; the Shortlist sheet lists all)"


def test_money_cells_read_in_units_and_approximate_ones_never_to_the_dollar(tmp_path, ds, ranking):
    out = write_memo(tmp_path / "money.xlsx", request(ds, ranking, ["baichuan", "augment"]))
    wb = openpyxl.load_workbook(out)
    ws = wb["Shortlist"]
    header = [c.value for c in ws[4]]
    rows = {ws.cell(r, 2).value: r for r in (5, 6)}
    disclosed, valuation = header.index("Disclosed (USD)") + 1, header.index("Valuation (USD)") + 1
    baichuan = ws.cell(rows["百川智能"], disclosed)
    assert baichuan.value == pytest.approx(5e9 / 7.2)  # still a number: it sorts and sums
    assert baichuan.number_format == '"≈ $"#,##0.0,,"M"'  # shown "≈ $694.4M"
    assert ws.cell(rows["百川智能"], valuation).number_format == '"≈ $"#,##0.00,,,"B"'  # "≈ $2.78B"
    assert ws.cell(rows["Augment"], valuation).number_format == '"$"#,##0.0,,"M"'  # "$977.0M"
    assert ws.cell(rows["百川智能"], header.index("Latest round") + 1).value == "A轮 (2024-07)"
    approximate = [
        c for sheet in wb.worksheets for row in sheet.iter_rows() for c in row if "≈" in c.number_format
    ]
    assert approximate  # ... and every one is scaled to K, M or B by trailing commas, never to the dollar
    assert all(re.search(r'0,+"[KMB]"$', c.number_format) for c in approximate)
    # the memo sheet's funding history: amount and valuation each in a column of its own
    sheet = wb[wb.sheetnames[6]] if "Baichuan" in wb.sheetnames[6] else wb[wb.sheetnames[7]]
    head = next(r for r in sheet.iter_rows() if r[0].value == "Date")
    labels = [c.value for c in head]
    assert labels[:6] == [
        "Date",
        "Round",
        "Amount as written",
        "Amount (USD)",
        "Valuation as written",
        "Valuation (USD)",
    ]
    planned = next(r for r in sheet.iter_rows() if r[1].value and "planned" in str(r[1].value))
    assert [c.value for c in planned[1:5]] == [
        "B轮 (planned; valuation only)",
        "undisclosed",
        "—",
        "200亿估值",
    ]
    assert planned[5].value == pytest.approx(2e10 / 7.2) and planned[5].number_format == '"≈ $"#,##0.00,,,"B"'


def test_segments_sheet_lists_every_figure_in_cells_of_its_own_with_the_full_quote(tmp_path, ds, ranking):
    out = write_memo(tmp_path / "seg.xlsx", request(ds, ranking, top_ids(ds, ranking, 3)))
    ws = openpyxl.load_workbook(out)["Segments"]
    head = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Ref" and r > 3)
    labels = [ws.cell(head, c).value for c in range(1, len(memo_mod.NUMBER_LABELS) + 1)]
    assert labels == list(memo_mod.NUMBER_LABELS)
    end = next(
        r for r in range(head, ws.max_row + 1) if ws.cell(r, 1).value == sheets_tables.MORE_QUOTES_TITLE
    )
    rows = [
        {label: ws.cell(r, c).value for c, label in enumerate(labels, start=1)}
        for r in range(head + 1, end)
        if ws.cell(r, 1).value
    ]
    assert len(rows) == len(ds.segment_numbers)  # every figure, every kind, none of them split
    estimate = next(r for r in rows if r["Ref"] == "1.3.2" and r["Figure"] == 132)
    assert isinstance(estimate["Figure"], float | int)  # a number that sorts and sums
    assert estimate["Unit"] == "亿元" and estimate["As written"] == "约132亿元"
    assert estimate["Year"] == present.NONE and estimate["Forecast"] == "no"
    number = next(n for n in ds.numbers_of("1.3.2") if n.value == 132)
    assert estimate["Quote"] == f"“{number.quote}”"  # in full
    forecast = next(r for r in rows if r["Ref"] == "1.4.1" and r["Figure"] == 29.94)
    assert (forecast["Year"], forecast["Forecast"], forecast["Unit"]) == ("2026", "yes", "亿美元")
    assert {r["Kind"] for r in rows} >= {"Market size", "Adoption", "Market context"}


def test_a_quote_longer_than_a_cell_continues_on_the_next_row(tmp_path, ds, ranking, monkeypatch):
    monkeypatch.setattr(cells, "CHUNK", 40)
    out = write_memo(tmp_path / "seg.xlsx", request(ds, ranking, top_ids(ds, ranking, 1)))
    ws = openpyxl.load_workbook(out)["Segments"]
    number = max(ds.segment_numbers, key=lambda n: len(n.quote))
    col = len(memo_mod.NUMBER_LABELS)
    values = [ws.cell(r, col).value or "" for r in range(1, ws.max_row + 1)]
    start = next(i for i, v in enumerate(values) if v and v.startswith(f"“{number.quote[:20]}"))
    text = "".join(values[start : start + -(-(len(number.quote) + 2) // 40)])
    assert text == f"“{number.quote}”"
    assert ws.cell(start + 2, 1).value == "(quote continued)"


def test_memo_sheet_lists_the_companys_facts_with_their_quotes(tmp_path, ds, ranking):
    out = write_memo(tmp_path / "facts.xlsx", request(ds, ranking, ["sobot"]))
    wb = openpyxl.load_workbook(out)
    ws = wb[wb.sheetnames[6]]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    start = next(i for i, r in enumerate(rows) if r[0] == "Traction & facts")
    assert rows[start + 1][:4] == ["Kind", "Fact", "Section", "Quote"]
    facts = {}
    for r in rows[start + 2 :]:
        if not r[0]:
            break
        facts.setdefault(r[0], []).append(r)
    assert facts["Clients"][0][1] == "百年人寿" and facts["Clients"][0][2] == "§1.3.1"
    outcome = facts["Quantified outcomes"][0]
    assert outcome[1] == "98.5%, 95%"
    quote = next(f.quote for f in ds.facts_of("sobot") if f.value == "98.5")
    assert outcome[3] == f"“{quote}”"
    assert facts["Rounds (as written)"][0][1] == "7轮"


def test_shared_ranks_the_universe_and_a_cut_tie_are_in_the_memo(tmp_path, ds):
    adopters = rank(build_signals(ds, universe="adopters"), PRESETS["balanced"])
    ids = top_ids(ds, adopters, 10)
    note = adopters.tie_note(10)
    assert note and note.startswith("places 7–14")  # the data: eight adopters tie at places 7 to 14
    out = write_memo(tmp_path / "ties.xlsx", request(ds, adopters, ids, selection="top 10"))
    wb = openpyxl.load_workbook(out)
    ws = wb["Shortlist"]
    ranks = [ws.cell(memo_mod.FIRST_DATA_ROW + i, 1) for i in range(10)]
    assert [c.value for c in ranks] == [int(adopters.rank[adopters.table.row_of[i]]) for i in ids]
    shared = [bool(adopters.shared[adopters.table.row_of[i]]) for i in ids]
    assert [c.value for c, on in zip(ranks, shared, strict=True) if on] == [2, 2, 2, 7, 7, 7, 7]
    for cell, on in zip(ranks, shared, strict=True):  # the number stays a number; "=" is its format
        assert cell.number_format == (memo_mod.RANK_SHARED_FORMAT if on else "General")
    assert note in ws.cell(3, 1).value and "Adopters" in ws.cell(2, 1).value
    # company sheets: named and ranked "7="
    sheet = wb[next(n for n in wb.sheetnames if n.startswith("7= "))]
    rank_cell = next(row[1] for row in sheet.iter_rows(max_col=2) if row[0].value == "Rank")
    assert (rank_cell.value, rank_cell.number_format) == (7, memo_mod.RANK_SHARED_FORMAT)
    method = {r[0].value: r[1].value for r in wb["Method"].iter_rows(min_row=4) if r[0].value}
    assert method["Universe"] == f"Adopters: {present.universe_sentence('adopters')}"
    assert method["Companies in the universe"] == int(adopters.in_universe.sum()) < len(ds.companies)
    assert method["Tie at the cut"].startswith(present.capital_first(note))
    assert method["Ties"] == present.capital_first(present.TIE_ORDER) + "."
    assert method["Sub-weights: value (market, traction)"] == "2, 1"
    lines = [
        r[0].value
        for r in wb["Method"].iter_rows()
        if r[0].value and str(r[0].value).startswith(("Traction", "Funding follows"))
    ]
    assert len(lines) == 2 and "each sentence counted once" in lines[0] and "floor" in lines[1]


def test_a_shortlist_memo_cuts_no_tie_and_names_the_universe(tmp_path, ds, ranking):
    out = write_memo(tmp_path / "s.xlsx", request(ds, ranking, ["openai", "icbc"]))
    wb = openpyxl.load_workbook(out)
    method = {r[0].value: r[1].value for r in wb["Method"].iter_rows(min_row=4) if r[0].value}
    assert method["Universe"].startswith("Providers: ")
    assert method["Tie at the cut"].startswith("Not applicable")
    # a starred company outside the universe stays in the memo, not ranked, and says why
    ws = wb["Shortlist"]
    assert ws.cell(memo_mod.FIRST_DATA_ROW + 1, 2).value == ds.company("icbc").name
    assert ws.cell(memo_mod.FIRST_DATA_ROW + 1, 1).value == present.NONE
    sheet = wb[wb.sheetnames[7]]
    profile = {row[0].value: row[1].value for row in sheet.iter_rows(max_col=2) if row[0].value}
    assert profile["Rank"] == "Not ranked: outside the providers universe"


def test_memo_sheet_shows_value_and_funding_parts(tmp_path, ds, ranking):
    out = write_memo(tmp_path / "parts.xlsx", request(ds, ranking, ["openai"]))
    wb = openpyxl.load_workbook(out)
    profile = {
        row[0].value: row[1].value for row in wb[wb.sheetnames[6]].iter_rows(max_col=2) if row[0].value
    }
    parts = ranking.funding_parts(ranking.table.row_of["openai"])
    assert profile["Funding parts"].splitlines() == [
        f"{present.funding_part_text(p)}, weight {p.weight:g}" for p in parts.values()
    ]
    assert "the capital as a floor" in profile["Funding parts"]
    traction = int(ranking.table.raw["traction"][ranking.table.row_of["openai"]])
    assert f"({traction} distinct sentences of the report), weight 1" in profile["Value parts"]
