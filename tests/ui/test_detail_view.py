"""The detail view's own evidence: the company's facts with their quotes, clients linked, roles,
and the figures the report gives for each of its segments."""

from __future__ import annotations

import html
import re

import pytest
from PySide6.QtCore import QUrl

from core import present
from core.present import fact_kind_label, fact_value_text
from core.results import company_out
from core.scoring import PRESETS, rank
from core.signals import build_signals
from ui.detail_view import COMPANY_LINK, DetailView, company_html


@pytest.fixture(scope="module")
def ranking(ds):
    return rank(build_signals(ds, universe="all"), PRESETS["balanced"])


def _plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<br\s*/?>|</p>|</tr>|</h3>", "\n", markup)))


def _html(ds, ranking, cid: str) -> str:
    return company_html(ds, company_out(ds, ranking, ranking.table.row_of[cid]), ranking)


def test_facts_are_listed_by_kind_each_with_its_quote_and_section(ds, ranking):
    markup = _html(ds, ranking, "sobot")
    text = _plain(markup)
    facts = ds.facts_of("sobot")
    assert {f.kind for f in facts} >= {"client", "outcome", "rounds_count"}
    traction = text[text.index("Traction & facts") : text.index("\nSegments\n")]
    for f in facts:
        assert fact_kind_label(f.kind) in traction
        assert fact_value_text(ds, f) in traction
        assert f"“{f.quote}”" in traction
        assert f"§{f.segment}" in traction
    # the quantified outcomes with their units, as the report gives them
    assert "98.5%" in traction and "95%" in traction and "7轮" in traction
    # kinds in their fixed order: clients before outcomes before rounds
    assert traction.index("Clients") < traction.index("Quantified outcomes") < traction.index("Rounds")


def test_a_client_in_the_dataset_is_linked_by_name(ds, ranking):
    markup = _html(ds, ranking, "sobot")
    assert f"<a href='{COMPANY_LINK}aeon_life'>{ds.company('aeon_life').name}</a>" in markup
    # one sentence supporting several facts of a kind is quoted once for them
    text = _plain(_html(ds, ranking, "qihuoshan"))
    traction = text[text.index("Traction & facts") : text.index("\nSegments\n")]
    quote = next(f.quote for f in ds.facts_of("qihuoshan") if f.value == "kuaishou")
    kinds = {f.kind for f in ds.facts_of("qihuoshan") if f.quote == quote}
    assert len(kinds) < sum(f.quote == quote for f in ds.facts_of("qihuoshan"))
    assert traction.count(quote) == len(kinds)
    assert "字节跳动, 小米, 快手" in traction


def test_a_company_without_facts_says_so(ds, ranking):
    cid = next(c.id for c in ds.companies if not ds.facts_of(c.id))
    assert "names no clients, outcomes or products" in _plain(_html(ds, ranking, cid))


def test_roles_include_listed_and_research(ds, ranking):
    assert "Roles: " in _plain(_html(ds, ranking, "xtalpi"))
    roles = re.search(r"Roles: (.*)", _plain(_html(ds, ranking, "xtalpi")))[1]
    assert present.role_label("listed") in roles.split(", ")
    research = next(m.company_id for m in ds.mentions if m.role == "research")
    roles = re.search(r"Roles: (.*)", _plain(_html(ds, ranking, research)))[1]
    assert present.role_label("research") in roles.split(", ")


def test_segment_rows_carry_the_segments_figures_one_line_each(ds, ranking):
    cid = next(c.id for c in ds.companies if "1.3.2" in ds.segments_of(c.id))
    text = _plain(_html(ds, ranking, cid))
    segments = text[text.index("\nSegments\n") : text.index("\nFunding\n")]
    line = next(ln for ln in segments.splitlines() if "132" in ln)
    assert "约132亿元" in line and line.startswith("Market size · ")
    # market context (wages, head counts) stays in the memo: the detail lists sizes and adoption
    assert "263亿元" not in segments
    figures = [ln for ln in segments.splitlines() if ln.startswith(("Market size · ", "Adoption · "))]
    shown = [
        n for s in ds.segments_of(cid) for n in ds.numbers_of(s) if n.kind in ("market_size", "adoption")
    ]
    assert len(figures) == len(shown)


def test_clicking_a_client_emits_its_id(qtbot, ds, ranking):
    view = DetailView()
    qtbot.addWidget(view)
    view.show_company(ds, ranking, ranking.table.row_of["sobot"], shortlisted=False, note="")
    assert "98.5%" in view.body.toPlainText()
    with qtbot.waitSignal(view.sig_company_link_clicked, timeout=1000) as blocker:
        view.body.anchorClicked.emit(QUrl(f"{COMPANY_LINK}aeon_life"))
    assert blocker.args == ["aeon_life"]


def test_the_funding_signal_is_shown_part_by_part(ds, ranking):
    row = ranking.table.row_of["openai"]
    text = _plain(_html(ds, ranking, "openai"))
    score = text[text.index("Rank ") : text.index("Traction & facts")]
    parts = ranking.funding_parts(row)
    for part in parts.values():
        assert f"{present.funding_part_text(part)}, weight {part.weight:g}" in score
    # OpenAI's $1B with no stated valuation: the capital is its valuation's floor, flagged as such
    assert parts["valuation"].status == "floor" and "the capital as a floor" in score
    assert parts["stage"].status == "left out" and "stage: not stated, left out" in score
    assert score.index("Funding = weighted mean") > score.index("Value = weighted mean")


def test_the_value_signal_shows_market_and_traction(ds, ranking):
    c = company_out(ds, ranking, ranking.table.row_of["openai"])
    text = _plain(_html(ds, ranking, "openai"))
    assert c.traction >= 2
    w = ranking.weights
    line = next(ln for ln in text.splitlines() if ln.startswith("Value = weighted mean"))
    assert f"({c.traction} distinct sentences of the report), weight {w.traction:g}" in line
    assert (
        f"market space {present.signal_text(ranking.table.norm['market'][ranking.table.row_of['openai']])}"
        in line
    )


def test_a_company_without_any_funding_figure_says_so_once(ds, ranking):
    cid = next(c.id for c in ds.companies if not ds.funding_of(c.id))
    text = _plain(_html(ds, ranking, cid))
    assert "Funding: the report discloses no figure" in text and "capital: none disclosed" not in text
