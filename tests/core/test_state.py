"""The user-state store: round-trips, isolation, durability, damaged files, two copies at once."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from core import state
from core.scoring import PRESETS, Weights
from core.state import (
    MIGRATIONS,
    SCHEMA_VERSION,
    STATE_FILENAME,
    OpenResult,
    StateBusyError,
    StateError,
    StateStore,
    default_state_dir,
    migrate,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "state" / STATE_FILENAME


@pytest.fixture
def store(db: Path):
    result = StateStore.open(db)
    assert result.notices == []
    with result.store as s:
        yield s


def raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def integrity(path: Path) -> list[str]:
    conn = raw(path)
    try:
        return [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def filled_db(path: Path, n: int = 300) -> bytes:
    """A real, closed state file with enough rows to span many pages; its bytes."""
    with StateStore.open(path).store as s:
        for i in range(n):
            s.set_note(f"c{i:04d}", f"note {i} " + "x" * 200)
            s.set_shortlisted(f"c{i:04d}", i % 3 == 0)
        s.save_profile("mine", PRESETS["moat"])
    assert not Path(f"{path}-wal").exists()  # closing the last connection folds the WAL in
    return path.read_bytes()


# -- location -------------------------------------------------------------------------------


def test_state_dir_env_override_wins(tmp_path: Path):
    env = {"AIGC_SCREENER_HOME": str(tmp_path / "custom"), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    assert default_state_dir(environ=env, platform="linux") == tmp_path / "custom"
    assert default_state_dir(environ=env, platform="win32") == tmp_path / "custom"


def test_state_dir_per_platform(tmp_path: Path):
    home = Path.home()  # the conftest points HOME at a temporary folder
    assert default_state_dir(environ={}, platform="linux") == home / ".local" / "share" / "aigc-screener"
    xdg = {"XDG_DATA_HOME": str(tmp_path / "xdg")}
    assert default_state_dir(environ=xdg, platform="linux") == tmp_path / "xdg" / "aigc-screener"
    relative = {"XDG_DATA_HOME": "relative/dir"}  # invalid per the XDG spec: ignored
    assert default_state_dir(environ=relative, platform="linux") == home / ".local/share/aigc-screener"
    assert default_state_dir(environ={}, platform="darwin") == (
        home / "Library" / "Application Support" / "aigc-screener"
    )
    appdata = {"APPDATA": str(tmp_path / "Roaming")}
    assert default_state_dir(environ=appdata, platform="win32") == tmp_path / "Roaming" / "aigc-screener"


def test_open_without_path_uses_env_folder_and_creates_it(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("AIGC_SCREENER_HOME", str(tmp_path / "deep" / "er"))
    result = StateStore.open()
    assert isinstance(result, OpenResult)
    with result.store as s:
        assert s.path == tmp_path / "deep" / "er" / STATE_FILENAME
        assert s.dataset_key == "bundled:report"
        assert s.persistent
        s.set_note("a", "hello")
    assert (tmp_path / "deep" / "er" / STATE_FILENAME).is_file()


def test_open_accepts_a_folder(tmp_path: Path):
    with StateStore.open(tmp_path).store as s:
        assert s.path == tmp_path / STATE_FILENAME


def test_connection_settings(store: StateStore, db: Path):
    conn = store._conn
    assert conn is not None
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    assert not conn.in_transaction
    other = raw(db)
    assert other.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    other.close()


# -- round-trips ----------------------------------------------------------------------------


def test_shortlist_round_trip(store: StateStore):
    assert store.shortlist() == set()
    assert not store.is_shortlisted("c1")
    store.set_shortlisted("c1", True)
    store.set_shortlisted("c1", True)  # twice is once
    store.set_shortlisted("c2", True)
    assert store.shortlist() == {"c1", "c2"}
    assert store.is_shortlisted("c1")
    store.set_shortlisted("c1", False)
    store.set_shortlisted("c1", False)  # unstarring an unstarred company is fine
    assert store.shortlist() == {"c2"}
    assert store.toggle("c3") is True
    assert store.is_shortlisted("c3")
    assert store.toggle("c3") is False
    assert not store.is_shortlisted("c3")
    assert store.shortlist() == {"c2"}


def test_notes_round_trip(store: StateStore):
    assert store.note("c1") == ""
    assert store.notes() == {}
    store.set_note("c1", "first")
    store.set_note("c1", "second\nline two  ")  # kept exactly as written
    store.set_note("c2", "逻辑复杂度高，值得跟进")
    assert store.note("c1") == "second\nline two  "
    assert store.notes() == {"c1": "second\nline two  ", "c2": "逻辑复杂度高，值得跟进"}
    store.set_note("c1", "")
    store.set_note("c2", "  \n ")  # blank counts as empty
    store.set_note("c9", "")  # deleting a note that does not exist is fine
    assert store.notes() == {}
    assert store.note("c1") == ""


def test_profiles_round_trip(store: StateStore):
    assert store.profiles() == {}
    for name, weights in PRESETS.items():
        store.save_profile(name, weights)
    assert store.profiles() == PRESETS
    custom = Weights(value=12.5, difficulty=-3, funding=0, logic=0, corpus=7.25, stage=100)
    assert store.save_profile("  My view  ", custom) == "My view"
    assert store.profiles()["My view"] == custom
    store.save_profile("My view", Weights())  # the same name overwrites
    assert store.profiles()["My view"] == Weights()
    assert store.problems == []


def test_profiles_are_listed_by_name(store: StateStore):
    for name in ("beta", "Alpha", "gamma"):
        store.save_profile(name, Weights())
    assert list(store.profiles()) == ["Alpha", "beta", "gamma"]


@pytest.mark.parametrize("bad", ["", "   ", "x" * 61, " " + "y" * 61 + " "])
def test_profile_names_must_have_1_to_60_characters(store: StateStore, bad: str):
    with pytest.raises(ValueError, match="profile"):
        store.save_profile(bad, Weights())
    store.save_profile("ok", Weights())
    with pytest.raises(ValueError, match="profile"):
        store.rename_profile("ok", bad)
    assert list(store.profiles()) == ["ok"]


def test_profile_name_of_60_characters_is_fine(store: StateStore):
    name = "z" * 60
    assert store.save_profile(f"  {name} ", Weights()) == name
    assert list(store.profiles()) == [name]


def test_rename_and_delete_profiles(store: StateStore):
    store.save_profile("one", PRESETS["moat"])
    store.save_profile("two", PRESETS["balanced"])
    assert store.rename_profile("one", " uno ") == "uno"
    assert store.profiles() == {"two": PRESETS["balanced"], "uno": PRESETS["moat"]}
    with pytest.raises(ValueError, match="already a profile"):
        store.rename_profile("uno", "two")
    with pytest.raises(ValueError, match="no saved profile"):
        store.rename_profile("missing", "three")
    assert store.rename_profile("uno", "uno") == "uno"  # to itself: nothing to do
    assert store.profiles() == {"two": PRESETS["balanced"], "uno": PRESETS["moat"]}
    store.delete_profile("uno")
    store.delete_profile("uno")  # deleting twice is fine
    assert store.profiles() == {"two": PRESETS["balanced"]}


def test_invalid_stored_profile_is_skipped_and_reported(store: StateStore, db: Path):
    store.save_profile("good", PRESETS["moat"])
    conn = raw(db)
    conn.executemany(
        "INSERT INTO profiles (name, weights_json, updated_at) VALUES (?, ?, 'x')",
        [("too big", '{"value": 500}'), ("garbled", "{not json"), ("wrong type", '["a list"]')],
    )
    conn.close()
    assert store.profiles() == {"good": PRESETS["moat"]}
    assert len(store.problems) == 3
    assert all("could not be read" in p for p in store.problems)
    assert any('"too big"' in p for p in store.problems)
    store.save_profile("too big", Weights())  # saving over it repairs it
    store.delete_profile("garbled")
    store.delete_profile("wrong type")
    assert store.profiles() == {"good": PRESETS["moat"], "too big": Weights()}
    assert store.problems == []


def test_bad_arguments(store: StateStore):
    with pytest.raises(ValueError):
        store.set_shortlisted("  ", True)
    with pytest.raises(ValueError):
        store.set_note("", "text")
    with pytest.raises(TypeError):
        store.toggle(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        store.save_profile("p", {"value": 1})  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        store.dataset_key = ""
    with pytest.raises(ValueError):
        StateStore.open(store.path, dataset_key=" ")


# -- datasets and persistence ---------------------------------------------------------------


def test_datasets_are_isolated_but_share_profiles(db: Path):
    with StateStore.open(db, "bundled:report").store as a, StateStore.open(db, "/data/mine").store as b:
        a.set_shortlisted("c1", True)
        a.set_note("c1", "from the report")
        b.set_shortlisted("c2", True)
        b.set_note("c1", "same id, other dataset")
        a.save_profile("shared", PRESETS["moat"])
        assert a.shortlist() == {"c1"}
        assert b.shortlist() == {"c2"}
        assert a.note("c1") == "from the report"
        assert b.notes() == {"c1": "same id, other dataset"}
        assert b.profiles() == {"shared": PRESETS["moat"]}
        b.delete_profile("shared")
        assert a.profiles() == {}
        a.dataset_key = "/data/mine"  # a store can switch datasets
        assert a.shortlist() == {"c2"}


def test_everything_persists_across_reopen(db: Path):
    with StateStore.open(db, "ds").store as s:
        s.set_shortlisted("c1", True)
        s.toggle("c2")
        s.set_note("c1", "keep me")
        s.save_profile("mine", PRESETS["easy_landing"])
    result = StateStore.open(db, "ds")
    assert result.notices == [] and result.set_aside == []
    with result.store as s:
        assert s.shortlist() == {"c1", "c2"}
        assert s.notes() == {"c1": "keep me"}
        assert s.profiles() == {"mine": PRESETS["easy_landing"]}


def test_closed_store_refuses_politely(db: Path):
    s = StateStore.open(db).store
    with s:
        s.set_note("c1", "x")
    assert s.closed
    s.close()  # closing twice is fine
    with pytest.raises(StateError, match="closed"):
        s.note("c1")
    with pytest.raises(StateError, match="closed"):
        s.set_note("c1", "y")


# -- damaged and newer files ----------------------------------------------------------------


def assert_fresh_and_working(result: OpenResult, db: Path) -> None:
    s = result.store
    assert s.persistent and s.path == db
    assert s.shortlist() == set() and s.notes() == {} and s.profiles() == {}
    s.set_note("c1", "a new start")
    s.toggle("c1")
    assert s.note("c1") == "a new start" and s.shortlist() == {"c1"}
    assert integrity(db) == ["ok"]


def test_random_bytes_are_set_aside_untouched(db: Path):
    db.parent.mkdir(parents=True)
    garbage = random.Random(0).randbytes(8192)
    wal_garbage = random.Random(1).randbytes(1000)
    db.write_bytes(garbage)
    Path(f"{db}-wal").write_bytes(wal_garbage)  # a companion file travels with it
    result = StateStore.open(db)
    with result.store:
        assert len(result.set_aside) == 1
        aside = result.set_aside[0]
        assert aside.parent == db.parent
        assert aside.name.startswith(f"{STATE_FILENAME}.corrupt-")
        assert aside.read_bytes() == garbage
        assert Path(f"{aside}-wal").read_bytes() == wal_garbage
        assert len(result.notices) == 1
        notice = result.notices[0]
        assert "could not be read" in notice and "damaged" in notice and str(aside) in notice
        assert "empty shortlist" in notice
        assert_fresh_and_working(result, db)


def test_truncated_database_is_set_aside_untouched(tmp_path: Path, db: Path):
    data = filled_db(tmp_path / "good" / STATE_FILENAME)
    db.parent.mkdir(parents=True)
    cut = data[: len(data) // 2]
    db.write_bytes(cut)
    result = StateStore.open(db)
    with result.store:
        [aside] = result.set_aside
        assert aside.read_bytes() == cut
        assert aside.name.startswith(f"{STATE_FILENAME}.corrupt-")
        # companions that only appeared because the file was looked at are not kept
        assert not Path(f"{aside}-wal").exists() and not Path(f"{aside}-shm").exists()
        assert "damaged" in result.notices[0]
        assert_fresh_and_working(result, db)


def test_scrambled_pages_are_set_aside(tmp_path: Path, db: Path):
    """A file with a sound header but malformed pages."""
    data = bytearray(filled_db(tmp_path / "good" / STATE_FILENAME))
    page = int.from_bytes(data[16:18], "big")
    for p in range(2, len(data) // page):  # scribble over every b-tree page header but the schema's
        data[p * page + 3 : p * page + 8] = b"\xff\xff\xff\xff\xff"
    db.parent.mkdir(parents=True)
    db.write_bytes(bytes(data))
    result = StateStore.open(db)
    with result.store:
        [aside] = result.set_aside
        assert aside.read_bytes() == bytes(data)
        assert_fresh_and_working(result, db)


def test_quick_check_failure_is_set_aside(db: Path):
    """A file SQLite reads without error, but whose quick_check finds a broken constraint."""
    with StateStore.open(db).store as s:
        s.save_profile("fine", Weights())
    conn = raw(db)
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'profiles'").fetchone()[0]
    loose = sql.replace("weights_json TEXT NOT NULL", "weights_json TEXT")
    assert loose != sql
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'profiles'", (loose,))
    conn.close()
    conn = raw(db)
    conn.execute("INSERT INTO profiles VALUES ('broken', NULL, 'x')")
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'profiles'", (sql,))
    conn.close()
    conn = raw(db)
    assert conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]
    conn.close()
    before = db.read_bytes()
    result = StateStore.open(db)
    with result.store:
        [aside] = result.set_aside
        assert aside.read_bytes() == before
        assert "damaged" in result.notices[0]
        assert_fresh_and_working(result, db)


def test_a_foreign_sqlite_file_is_set_aside(db: Path):
    db.parent.mkdir(parents=True)
    conn = raw(db)
    conn.execute("CREATE TABLE something_else (x)")
    conn.execute("INSERT INTO something_else VALUES (1)")
    conn.close()
    before = db.read_bytes()
    result = StateStore.open(db)
    with result.store:
        [aside] = result.set_aside
        assert aside.read_bytes() == before
        assert_fresh_and_working(result, db)


def test_newer_version_is_set_aside_untouched(db: Path):
    with StateStore.open(db).store as s:
        s.set_note("c1", "from the future")
    conn = raw(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = db.read_bytes()
    result = StateStore.open(db)
    with result.store:
        [aside] = result.set_aside
        assert aside.name.startswith(f"{STATE_FILENAME}.newer-version-")
        assert aside.read_bytes() == before
        [notice] = result.notices
        assert "newer version" in notice and str(aside) in notice
        assert_fresh_and_working(result, db)


def test_set_aside_names_do_not_collide(db: Path):
    db.parent.mkdir(parents=True)
    contents = [f"not a database, attempt {i} ".encode() * 50 for i in range(3)]
    asides = []
    for data in contents:  # most likely within the same second
        db.write_bytes(data)
        result = StateStore.open(db)
        result.store.close()
        asides += result.set_aside
    assert len(set(asides)) == 3
    assert [a.read_bytes() for a in asides] == contents


def test_file_that_cannot_be_moved_gives_an_in_memory_store(db: Path, monkeypatch):
    db.parent.mkdir(parents=True)
    db.write_bytes(b"garbage" * 100)

    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(state, "_set_aside", refuse)
    result = StateStore.open(db)
    with result.store as s:
        assert not s.persistent
        assert result.set_aside == []
        [notice] = result.notices
        assert "could not be moved" in notice and "will not be kept" in notice
        s.set_note("c1", "for this session")
        assert s.note("c1") == "for this session"
    assert db.read_bytes() == b"garbage" * 100


def test_empty_file_is_a_new_store(db: Path):
    db.parent.mkdir(parents=True)
    db.touch()
    result = StateStore.open(db)
    with result.store as s:
        assert result.notices == []
        s.set_note("c1", "x")
    assert integrity(db) == ["ok"]


# -- migrations -----------------------------------------------------------------------------


def table_columns(path: Path) -> dict[str, list[str]]:
    conn = raw(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: [r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')] for t in tables}
    finally:
        conn.close()


def test_migration_from_v0(db: Path):
    db.parent.mkdir(parents=True)
    conn = raw(db)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("DROP TABLE t")  # a real, empty database file at version 0
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    conn.close()
    assert db.stat().st_size > 0
    result = StateStore.open(db)
    with result.store as s:
        assert result.notices == []
        s.set_note("c1", "x")
    conn = raw(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
    tables = table_columns(db)
    assert {t: tables[t] for t in ("shortlist", "notes", "profiles")} == {
        "shortlist": ["dataset", "company_id", "added_at"],
        "notes": ["dataset", "company_id", "text", "updated_at"],
        "profiles": ["name", "weights_json", "updated_at"],
    }
    # version 2: the analyst's facts with their log, the pipeline with its log, stage labels
    assert set(tables) - {"shortlist", "notes", "profiles"} == {
        "analyst_facts",
        "fact_log",
        "pipeline",
        "pipeline_log",
        "stage_labels",
    }
    assert tables == {t: list(c) for t, c in state.CURRENT_COLUMNS.items()}


def test_migrations_run_forward_in_one_transaction(db: Path):
    db.parent.mkdir(parents=True)
    conn = raw(db)
    assert migrate(conn) == SCHEMA_VERSION
    assert migrate(conn) == SCHEMA_VERSION  # already current: nothing happens
    conn.execute("INSERT INTO profiles VALUES ('p', '{}', 'x')")

    def v2_good(c: sqlite3.Connection) -> None:
        c.execute("ALTER TABLE profiles ADD COLUMN favourite INTEGER NOT NULL DEFAULT 0")

    def v3_broken(c: sqlite3.Connection) -> None:
        c.execute("CREATE TABLE half_done (x)")
        c.execute("SELECT * FROM no_such_table")

    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, [*MIGRATIONS, v2_good, v3_broken])
    assert not conn.in_transaction
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION  # all or nothing
    assert "favourite" not in [r[1] for r in conn.execute("PRAGMA table_info(profiles)")]
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'half_done'").fetchone() is None

    assert migrate(conn, [*MIGRATIONS, v2_good]) == SCHEMA_VERSION + 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    assert conn.execute("SELECT name, favourite FROM profiles").fetchall() == [("p", 0)]
    conn.close()


# -- two copies of the app at once ----------------------------------------------------------


def test_two_stores_interleaved_see_everything(db: Path):
    a = StateStore.open(db).store
    b = StateStore.open(db).store
    try:
        for i in range(20):
            first, second = (a, b) if i % 2 == 0 else (b, a)
            first.set_shortlisted(f"c{i}", True)
            second.set_note(f"c{i}", f"note {i}")
            first.save_profile(f"p{i}", Weights(value=i))
            assert second.is_shortlisted(f"c{i}")  # the other one sees it at once
            assert first.note(f"c{i}") == f"note {i}"
        assert a.toggle("c0") is False
        assert b.is_shortlisted("c0") is False
        for s in (a, b):
            assert s.shortlist() == {f"c{i}" for i in range(1, 20)}
            assert s.notes() == {f"c{i}": f"note {i}" for i in range(20)}
            assert s.profiles() == {f"p{i}": Weights(value=i) for i in range(20)}
        assert integrity(db) == ["ok"]
    finally:
        a.close()
        b.close()
    assert integrity(db) == ["ok"]


def test_two_stores_writing_from_threads(db: Path):
    stores = [StateStore.open(db).store for _ in range(2)]
    errors: list[BaseException] = []

    def work(s: StateStore, tag: str) -> None:
        try:
            for i in range(40):
                s.set_note(f"{tag}{i}", f"{tag} {i}")
                s.toggle(f"{tag}{i}")
                s.save_profile(f"{tag}{i % 5}", Weights(value=i))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(s, tag)) for s, tag in zip(stores, "ab", strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    try:
        assert errors == []
        for s in stores:
            assert len(s.notes()) == 80 and len(s.shortlist()) == 80 and len(s.profiles()) == 10
    finally:
        for s in stores:
            s.close()
    assert integrity(db) == ["ok"]


def test_busy_database_raises_a_clear_error(db: Path):
    with StateStore.open(db).store as s:
        s.set_note("c1", "before")
    blocker = raw(db)
    blocker.execute("BEGIN EXCLUSIVE")
    blocker.execute("INSERT INTO notes VALUES ('bundled:report', 'c2', 'held', 'x')")
    try:
        result = StateStore.open(db, busy_timeout_ms=50)  # opening needs no write lock
        with result.store as s:
            assert s.note("c1") == "before"  # reading still works (WAL)
            with pytest.raises(StateBusyError, match="Another copy of the app") as info:
                s.set_note("c1", "after")
            assert "try again" in str(info.value)
            with pytest.raises(StateBusyError):
                s.toggle("c1")
            with pytest.raises(StateBusyError):
                s.save_profile("p", Weights())
            assert s._conn is not None and not s._conn.in_transaction  # nothing left hanging
            blocker.execute("COMMIT")
            s.set_note("c1", "after")
            assert s.notes() == {"c1": "after", "c2": "held"}
    finally:
        if blocker.in_transaction:
            blocker.execute("ROLLBACK")
        blocker.close()


def test_busy_while_a_new_file_is_set_up(db: Path):
    db.parent.mkdir(parents=True)
    blocker = raw(db)
    blocker.execute("PRAGMA journal_mode = WAL")
    blocker.execute("BEGIN EXCLUSIVE")
    blocker.execute("CREATE TABLE other_copy_is_migrating (x)")
    try:
        with pytest.raises(StateBusyError):
            StateStore.open(db, busy_timeout_ms=50)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    with StateStore.open(db).store as s:
        s.set_note("c1", "fine now")


# -- durability -----------------------------------------------------------------------------


def test_killed_process_loses_nothing(db: Path):
    code = textwrap.dedent(
        f"""
        import os, signal
        from core.state import StateStore
        from core.scoring import Weights

        store = StateStore.open({str(db)!r}, "ds").store
        store.set_note("c1", "written just before the crash")
        store.toggle("c1")
        store.save_profile("last", Weights(value=7))
        # no close(): the process dies here
        if hasattr(signal, "SIGKILL"):
            os.kill(os.getpid(), signal.SIGKILL)
        os._exit(0)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, timeout=120)
    assert proc.returncode in (0, -9), proc.stderr.decode(errors="replace")
    if proc.returncode == -9:
        assert Path(f"{db}-wal").exists()  # it really died without closing
    result = StateStore.open(db, "ds")
    with result.store as s:
        assert result.notices == []
        assert s.note("c1") == "written just before the crash"
        assert s.shortlist() == {"c1"}
        assert s.profiles() == {"last": Weights(value=7)}
    assert integrity(db) == ["ok"]


# -- boundaries -----------------------------------------------------------------------------


def test_state_module_needs_no_qt_or_ui():
    code = (
        "import sys, core.state\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'ui')]\n"
        "assert not bad, bad\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")
