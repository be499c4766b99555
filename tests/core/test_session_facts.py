"""A session with the analyst's facts: a fact re-ranks, 'Include my facts' off gives the report back."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.analyst import FactError, FactInput
from core.ingest import load_dataset
from core.session import Session
from core.state import StateStore


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def ranked_ids(s: Session) -> list[str]:
    r = s.ranking
    return [str(s.signals.ids[i]) for i in r.order if r.included[i]]


def funding() -> FactInput:
    return FactInput(
        company_id="fancytech",
        kind="funding",
        round="D轮",
        amount="50亿美元",
        date="2025-06",
        source="https://x",
    )


@pytest.mark.parametrize("with_store", [True, False])
def test_a_fact_reranks_and_off_gives_the_report_ranking_back(tmp_path: Path, ds, with_store: bool) -> None:
    store = StateStore.open(tmp_path / "state.sqlite").store if with_store else None
    s = Session(ds, store=store)
    report = ranked_ids(s)
    seen: list = []
    s.events.facts_changed.connect(lambda cid: seen.append(cid))
    f = s.add_fact(funding())
    assert f is not None and seen == ["fancytech"]
    mine = ranked_ids(s)
    assert mine.index("fancytech") < report.index("fancytech")
    assert s.set_include_facts(False) and ranked_ids(s) == report and s.dataset is ds
    assert s.set_include_facts(True) and ranked_ids(s) == mine
    s.retire_fact(f.id)
    assert ranked_ids(s) == report
    assert [x.active for x in s.facts()] == [False]  # kept, retired
    s.restore_fact(f.id)
    assert ranked_ids(s) == mine
    if store is not None:  # a new session reads them back
        again = Session(ds, store=store)
        assert ranked_ids(again) == mine
        assert ranked_ids(Session(ds, store=store, include_facts=False)) == report
        store.close()


def test_an_unknown_company_is_refused(ds) -> None:
    s = Session(ds)
    with pytest.raises(FactError, match="no company 'nosuch'"):
        s.add_fact(FactInput(company_id="nosuch", kind="funding", amount="5亿元", source="s"))
    assert s.facts() == []


def test_shortlisting_puts_a_company_in_the_pipeline_at_screening(tmp_path: Path, ds) -> None:
    with StateStore.open(tmp_path / "state.sqlite").store as store:
        s = Session(ds, store=store)
        changed: list = []
        s.events.pipeline_changed.connect(changed.append)
        s.set_shortlisted("zhipu_ai", True)
        assert s.pipeline()["zhipu_ai"].stage == "screening" and changed == ["zhipu_ai"]
        s.set_pipeline("zhipu_ai", stage="committee")
        s.set_shortlisted("zhipu_ai", False)
        s.set_shortlisted("zhipu_ai", True)
        assert s.stage_of("zhipu_ai") == "committee"  # a stage it has is kept
        assert s.memo_request().pipeline["zhipu_ai"].stage == "committee"


def test_the_same_fact_twice_is_refused_and_counted_once() -> None:
    """Typed twice (in the dialog, say), a round would count twice: the second is refused with
    the first one's number."""
    from core.analyst import FactError, FactInput
    from core.ingest import load_dataset
    from core.session import Session

    session = Session(load_dataset())
    inp = FactInput(company_id="augment", kind="funding", round="D轮", amount="50亿美元", source="https://a")
    first = session.add_fact(inp)
    assert first is not None
    with pytest.raises(FactError, match=f"#{first.id}"):
        session.add_fact(inp.model_copy(update={"amount": "５０亿美元"}))
    assert len(session.facts("augment")) == 1
