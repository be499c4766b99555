"""The memo in 简体中文 (issue 17): with a Chinese catalogue its sheets, titles, headers and
labels read in Chinese, its links follow the translated sheet names, and in English nothing
changes.  The catalogue is built here from the translation fragments (data/i18n/fragments), so
the test does not wait for the shipped zh_CN.ts."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest

from core import i18n
from core.filters import Filters
from core.ingest import load_dataset
from core.results import shown_rows
from core.scoring import PRESETS, rank
from core.signals import build_signals
from exports import cells
from exports import memo as memo_mod
from exports.content import MemoRequest
from exports.memo import FIXED_SHEETS, build_workbook

FRAGMENTS = Path(__file__).resolve().parents[2] / "data" / "i18n" / "fragments"
ZH_SHEETS = {
    "Summary": "摘要",
    "Shortlist": "候选清单",
    "Compare": "对比",
    "Lenses": "多视角",
    "Method": "方法",
    "Segments": "细分赛道",
}


def fragment_catalogue() -> dict[tuple[str, str], str]:
    """(context, source) -> translation from every fragment (the memo's, and others present)."""
    table: dict[tuple[str, str], str] = {}
    for path in sorted(FRAGMENTS.glob("*.json")):
        for context, messages in json.loads(path.read_text(encoding="utf-8")).items():
            for source, text in messages.items():
                if text:
                    table[(context, source)] = text
    return table


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


@pytest.fixture(scope="module")
def request10(ds):
    ranking = rank(build_signals(ds), PRESETS["balanced"])
    ids = [str(ranking.table.ids[r]) for r in shown_rows(ds, ranking, Filters(), top=10)]
    return MemoRequest(dataset=ds, ranking=ranking, company_ids=ids, preset="balanced", selection="top 10")


@pytest.fixture
def chinese(monkeypatch):
    """The language set to 简体中文 with the fragments' catalogue; English again afterwards."""
    table = fragment_catalogue()
    monkeypatch.setattr(i18n, "catalogue", lambda code: table if code == "zh_CN" else {})
    i18n.set_language("zh_CN")
    try:
        yield table
    finally:
        i18n.set_language("en")


def texts(ws) -> list[str]:
    return [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def has_cjk(text: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", text))


def test_english_is_unchanged(request10):
    assert i18n.language() == "en"
    wb = build_workbook(request10)
    assert wb.sheetnames[: len(FIXED_SHEETS)] == list(FIXED_SHEETS)
    assert wb["Summary"]["A1"].value == "Investment memo: the top 10 providers"
    company = wb[wb.sheetnames[len(FIXED_SHEETS)]]
    assert company.cell(2, 1).value == "← back to the summary"
    assert company.cell(2, 1).hyperlink.location == "'Summary'!A1" or company.cell(
        2, 1
    ).hyperlink.target.endswith("'Summary'!A1")
    assert wb["Summary"].oddFooter.center.text == "&A — page &P of &N"


def test_sheets_titles_and_links_in_chinese(request10, chinese):
    wb = build_workbook(request10)
    names = wb.sheetnames
    assert names[: len(FIXED_SHEETS)] == [ZH_SHEETS[k] for k in FIXED_SHEETS]
    for name in names:  # every sheet name is one Excel accepts
        assert len(name) <= cells.SHEET_NAME_MAX and not re.search(r"[\[\]:*?/\\]", name)
    summary = wb["摘要"]
    assert summary["A1"].value.startswith("投资备忘录")
    # every link inside the workbook opens a sheet that exists
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                link = cell.hyperlink
                if link is None:
                    continue
                where = link.location or link.target or ""
                m = re.match(r"#?'((?:[^']|'')+)'!", where)
                assert m, where
                assert m.group(1).replace("''", "'") in names, where
    company = wb[names[len(FIXED_SHEETS)]]
    assert has_cjk(company.title)  # a company sheet is named by the company's own (Chinese) name
    assert company.cell(2, 1).value == "← 返回摘要"
    labels = [v for v in texts(company)]
    assert "得分构成" in labels and "融资历史" in labels and "报告原文" in labels
    assert company.oddFooter.center.text == "&A — 第 &P 页，共 &N 页"
    method = [wb["方法"].cell(r, 1).value for r in range(4, 12)]
    assert "备忘录" in method and "公司工作表" in method
    headers = [wb["细分赛道"].cell(3, c).value for c in range(1, 4)]
    assert headers == ["编号", "应用场景 × 行业", "市场空间 ★"]


def test_english_again_after_chinese(request10, chinese):
    build_workbook(request10)
    i18n.set_language("en")
    wb = build_workbook(request10)
    assert wb.sheetnames[: len(FIXED_SHEETS)] == list(FIXED_SHEETS)
    assert not any(has_cjk(t) for t in texts(wb["Method"])[:3])


def test_untranslatable_sheet_name_falls_back(monkeypatch):
    """A translation that is not a valid sheet name (too long, a forbidden character) is not used."""
    monkeypatch.setattr(i18n, "catalogue", lambda code: {("memo", "Summary"): "摘要/概览"})
    i18n.set_language("zh_CN")
    try:
        assert memo_mod.sheet_title("Summary") == "Summary"
    finally:
        i18n.set_language("en")


def test_fragment_keeps_placeholders():
    """Every translation of the memo's fragment names the same {placeholders} as its source."""
    fmt = string.Formatter()
    data = json.loads((FRAGMENTS / "memo.json").read_text(encoding="utf-8"))
    for context, messages in data.items():
        for source, text in messages.items():
            assert text, (context, source)
            want = {n for _, n, _, _ in fmt.parse(source) if n is not None}
            got = {n for _, n, _, _ in fmt.parse(text) if n is not None}
            assert want == got, (context, source, text)
