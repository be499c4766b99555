"""The analyst's facts and the pipeline in the state store: committed at once, never deleted."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from core.analyst import FactInput
from core.state import MIGRATIONS, SCHEMA_VERSION, StateError, StateStore, read_facts

KEY = "bundled:report"


def inp(**kw) -> FactInput:
    data = dict(
        company_id="fancytech",
        kind="funding",
        round="B轮",
        amount="5亿元",
        source="https://x",
        seen="2026-01-02",
    )
    data.update(kw)
    return FactInput(**data)


@pytest.fixture
def store(tmp_path: Path):
    with StateStore.open(tmp_path / "state.sqlite", KEY).store as s:
        yield s


def test_add_retire_restore_edit_keep_the_whole_history(store: StateStore) -> None:
    a = store.add_fact(inp())
    assert a.id >= 1 and a.active and a.entered_by
    r = store.retire_fact(a.id)
    assert not r.active and store.facts(include_retired=False) == []
    assert [f.id for f in store.facts()] == [a.id]  # retired, still listed
    with pytest.raises(StateError, match=f"#{a.id} was already retired"):
        store.retire_fact(a.id)
    assert store.restore_fact(a.id).active
    b = store.edit_fact(a.id, inp(amount="6亿元"))
    assert b.replaces == a.id and b.amount == "6亿元"
    assert [(f.id, f.active) for f in store.facts()] == [(a.id, False), (b.id, True)]
    assert [x[1] for x in store.fact_log()] == ["add", "retire", "restore", "retire", "edit"]
    with pytest.raises(StateError, match="#999"):
        store.retire_fact(999)


def test_facts_are_per_dataset(store: StateStore) -> None:
    store.add_fact(inp())
    store.dataset_key = "file:/other"
    assert store.facts() == []


def test_import_recognises_duplicates(store: StateStore) -> None:
    store.add_fact(inp())
    dup = inp(round=" B轮 ", amount="5亿元", source="another source")  # same fields, other source
    new = inp(round="C轮")
    assert store.import_facts([dup, new, new]) == (1, 2)
    assert len(store.facts()) == 2


def test_read_facts_from_another_thread(tmp_path: Path, store: StateStore) -> None:
    store.add_fact(inp())
    got: list = []
    t = threading.Thread(target=lambda: got.append(read_facts(store.path, KEY)))
    t.start()
    t.join()
    assert [f.company_id for f in got[0]] == ["fancytech"]
    assert read_facts(tmp_path / "none.sqlite", KEY) == []


def test_pipeline_set_logged_and_stages_renamed(store: StateStore) -> None:
    e = store.set_pipeline("fancytech", owner="alice")
    assert e.stage == "screening" and e.owner == "alice"
    e = store.set_pipeline("fancytech", stage="diligence", next_date="2026-02")
    assert (e.stage, e.owner, e.next_date) == ("diligence", "alice", "2026-02")
    assert [(c.field, c.old, c.new) for c in store.pipeline_log("fancytech")] == [
        ("stage", "", "screening"),
        ("owner", "", "alice"),
        ("stage", "screening", "diligence"),
        ("next_date", "", "2026-02"),
    ]
    assert store.pipeline()["fancytech"].stage == "diligence"
    with pytest.raises(ValueError, match="stage: choose one of"):
        store.set_pipeline("fancytech", stage="won")
    assert store.rename_stage("diligence", "DD") == "DD"
    assert store.stage_labels()["diligence"] == "DD"
    assert store.rename_stage("diligence", "") == "Diligence"


def test_migration_from_version_1_keeps_shortlist_and_notes(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    MIGRATIONS[0](conn)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO shortlist VALUES (?, 'zhipu_ai', '2025-01-01')", (KEY,))
    conn.execute("INSERT INTO notes VALUES (?, 'zhipu_ai', 'keep me', '2025-01-01')", (KEY,))
    conn.close()
    assert read_facts(path, KEY) == []  # an older file has no facts yet
    result = StateStore.open(path, KEY)
    with result.store as s:
        assert result.notices == []
        assert s.shortlist() == {"zhipu_ai"} and s.note("zhipu_ai") == "keep me"
        s.add_fact(inp())
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
    conn.close()
    assert len(read_facts(path, KEY)) == 1
