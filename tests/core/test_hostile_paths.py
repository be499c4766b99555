"""Hostile paths, state files, export targets and CSV output (issue 13: Paths, State, Output,
Messages).  Every case ends in the documented error type with a plain message, or in a notice;
never a traceback, and nothing wrong is taken or replaced silently.

Read-only cases and root: the suite may run as root, which ignores permission bits.  Each
read-only test therefore (a) sets the real permission bits, (b) when running as root, also makes
``os.access`` answer as the system would for an ordinary user (only for the paths made
read-only), and (c) where SQLite itself must meet the refusal, opens its connection read-only
(``mode=ro``) so that the real "attempt to write a readonly database" error is raised and handled.
The code under test never asks "am I root": it checks ``os.access`` and the permission bits.
"""

from __future__ import annotations

import csv
import io
import os
import sqlite3
from pathlib import Path

import pytest

import main
from core import state
from core.ingest import DatasetError, load_dataset
from core.ingest import files as files_mod
from core.render import neutralise
from core.state import SCHEMA_VERSION, STATE_FILENAME, StateError, StateStore
from exports import memo as memo_mod
from exports.memo import MemoError, write_memo
from tests.helpers import write_named_companies

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "data" / "import_template.csv"
NAME_MAX = 255
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def deny_writes(monkeypatch, *paths: Path) -> None:
    """Make ``paths`` read-only: the permission bits, and (as root, who ignores them) what
    ``os.access`` answers for them, as it would for the user who owns the file."""
    for p in paths:
        p.chmod(0o555 if p.is_dir() else 0o444)
    if IS_ROOT:
        real = os.access
        denied = {os.path.abspath(p) for p in paths}

        def access(path, mode, *args, **kwargs):
            if mode & os.W_OK and os.path.abspath(path) in denied:
                return False
            return real(path, mode, *args, **kwargs)

        monkeypatch.setattr(os, "access", access)


@pytest.fixture
def restore_modes(tmp_path):
    yield
    for p in tmp_path.rglob("*"):
        if not p.is_symlink():
            p.chmod(0o755 if p.is_dir() else 0o644)


# --- Paths: a dataset path that cannot be read -----------------------------------------------


def _hostile_dataset_paths(tmp: Path) -> dict[str, tuple[str, str]]:
    """name -> (path as given, a phrase the message must hold)."""
    (tmp / "loop").symlink_to(tmp / "loop")
    (tmp / "ping").symlink_to(tmp / "pong")
    (tmp / "pong").symlink_to(tmp / "ping")
    (tmp / "dangling.csv").symlink_to(tmp / "gone.csv")
    (tmp / "plain.csv").write_bytes(TEMPLATE.read_bytes())
    bad_name = os.fsdecode(os.fsencode(str(tmp)) + b"/caf\xe9.csv")
    Path(bad_name).write_bytes(TEMPLATE.read_bytes())
    (tmp / "not_a_dataset").mkdir()
    (tmp / "not_a_dataset" / "mine.csv").write_bytes(TEMPLATE.read_bytes())
    deep = "/".join(["d" * 200] * 25)
    return {
        "empty": ("", "the path is empty"),
        "blank": ("   ", "the path is empty"),
        "self loop": (str(tmp / "loop"), "loop of symbolic links"),
        "two-link loop": (str(tmp / "ping"), "loop of symbolic links"),
        "dangling link": (str(tmp / "dangling.csv"), "symbolic link whose target is missing"),
        "name too long": (str(tmp / ("x" * 300 + ".csv")), "304 bytes long"),
        "path too long": (str(tmp / deep / "a.csv"), "path is"),
        "not UTF-8": (bad_name, "not UTF-8"),
        "through a file": (str(tmp / "plain.csv" / "a.csv"), "a part of the path is a file"),
        "NUL": (str(tmp / "a\0b.csv"), "NUL"),
        "missing": (str(tmp / "nope.csv"), "no such file or folder"),
        "not a dataset folder": (str(tmp / "not_a_dataset"), "give the file itself"),
    }


CASES = [
    "empty",
    "blank",
    "self loop",
    "two-link loop",
    "dangling link",
    "name too long",
    "path too long",
    "not UTF-8",
    "through a file",
    "NUL",
    "missing",
    "not a dataset folder",
]


@pytest.mark.parametrize("case", CASES)
def test_a_dataset_path_that_cannot_be_read_gets_a_plain_message(tmp_path, case):
    path, phrase = _hostile_dataset_paths(tmp_path)[case]
    with pytest.raises(DatasetError) as info:
        load_dataset(path)
    text = str(info.value)
    assert phrase in text
    assert len(info.value.problems) == 1
    text.encode("utf-8")  # printable anywhere: bytes that are not UTF-8 are shown as \xNN


@pytest.mark.parametrize("case", CASES)
def test_the_cli_says_the_same_and_exits_2(tmp_path, capsys, case):
    path, phrase = _hostile_dataset_paths(tmp_path)[case]
    if "\0" in path:
        pytest.skip("a NUL cannot reach a command line")
    for command in ("check", "rank"):
        code, out, err = run(capsys, command, "--data", path)
        assert code == 2 and out == ""
        assert phrase in err and "Traceback" not in err


@pytest.mark.parametrize("case", CASES)
def test_the_gui_import_worker_says_the_same(tmp_path, case):
    from ui.tasks import load_universe  # what File → Import runs off the UI thread

    path, phrase = _hostile_dataset_paths(tmp_path)[case]
    with pytest.raises(DatasetError, match=phrase):
        load_universe(path, lambda done, total: True)


def test_dot_is_the_current_folder_named_by_its_full_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DatasetError) as info:
        load_dataset(".")
    assert info.value.origin == str(tmp_path) and "not a dataset folder" in str(info.value)
    # a real dataset folder given as "." loads, and is named after the folder
    monkeypatch.chdir(ROOT / "data" / "report")
    assert len(load_dataset(".").companies) == len(load_dataset().companies)


def test_an_empty_data_option_is_not_the_current_folder(capsys):
    code, _, err = run(capsys, "check", "--data", "")
    assert code == 2 and "the path is empty" in err and len(err.strip().splitlines()) == 1


def test_a_dataset_reached_through_a_name_that_is_not_utf8_keys_its_notes_as_text(tmp_path):
    from core.ingest import dataset_key

    odd = Path(os.fsdecode(os.fsencode(str(tmp_path)) + b"/\xff.csv"))
    odd.write_bytes(TEMPLATE.read_bytes())
    link = tmp_path / "data.csv"  # a UTF-8 name that leads to one that is not
    link.symlink_to(odd)
    ds = load_dataset(link)
    key = dataset_key(ds)
    assert key.endswith("\\xff.csv")
    key.encode("utf-8")  # a key the state store can hold
    with StateStore.open(tmp_path / "st", key).store as s:
        s.set_note("acme_ai", "kept")
        assert s.note("acme_ai") == "kept"


# --- Messages: sizes ---------------------------------------------------------------------------


@pytest.mark.parametrize(("extra", "said"), [(1, "536,870,913 bytes"), (1024**2, "513 MB")])
def test_a_file_over_the_limit_says_its_real_size(tmp_path, extra, said):
    big = tmp_path / "big.csv"
    with big.open("wb") as fh:  # sparse: takes no disk space
        fh.truncate(files_mod.MAX_FILE_BYTES + extra)
    with pytest.raises(DatasetError) as info:
        load_dataset(big)
    text = str(info.value)
    assert f"the file is {said}" in text and "512 MB" in text
    assert "the file is 512 MB" not in text


# --- State ---------------------------------------------------------------------------------------


def _state_with_a_note(db: Path) -> None:
    with StateStore.open(db).store as s:
        s.set_note("c1", "my note")
        s.set_shortlisted("c1", True)


@pytest.mark.parametrize(
    ("version", "kind"),
    [(-1, "damaged"), (-(2**31), "damaged"), (SCHEMA_VERSION + 1, "newer"), (2**31 - 1, "newer")],
)
def test_a_schema_version_of_any_value_is_set_aside_with_a_notice(tmp_path, version, kind):
    db = tmp_path / STATE_FILENAME
    _state_with_a_note(db)
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    before = db.read_bytes()
    result = StateStore.open(db)
    with result.store as s:
        [aside] = result.set_aside
        assert aside.read_bytes() == before
        [notice] = result.notices
        assert ("newer version" if kind == "newer" else "damaged") in notice
        assert s.persistent and s.note("c1") == ""
        s.set_note("c2", "fresh")
    assert StateStore.open(db).store.note("c2") == "fresh"


@pytest.mark.parametrize("as_given", ["the file", "its folder"])
def test_a_state_file_that_is_a_folder_is_not_used_as_a_folder(tmp_path, capsys, as_given):
    home = tmp_path / "home"
    (home / STATE_FILENAME).mkdir(parents=True)
    given = home / STATE_FILENAME if as_given == "the file" else home
    result = StateStore.open(given)
    with result.store as s:
        assert not s.persistent
        [notice] = result.notices
        assert "is a folder, not a file" in notice and "--state" in notice
    assert list((home / STATE_FILENAME).iterdir()) == []  # nothing made inside it
    # the command line prints the notice and still writes the memo
    out = tmp_path / "m.xlsx"
    code, _, err = run(capsys, "export", str(out), "--top", "2", "--state", str(home))
    assert code == 0 and out.exists() and "is a folder, not a file" in err
    assert list((home / STATE_FILENAME).iterdir()) == []


def test_a_read_only_state_folder_is_read_and_said_so(tmp_path, monkeypatch, restore_modes):
    folder = tmp_path / "ro"
    db = folder / STATE_FILENAME
    _state_with_a_note(db)
    before = db.read_bytes()
    deny_writes(monkeypatch, folder)
    result = StateStore.open(db)
    with result.store as s:
        assert not s.persistent
        [notice] = result.notices
        assert "cannot be saved" in notice and "read-only" in notice and "will not be kept" in notice
        assert s.note("c1") == "my note" and s.shortlist() == {"c1"}  # the user's data, shown
        s.set_note("c1", "changed for this session")
        assert s.note("c1") == "changed for this session"
    assert db.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == [STATE_FILENAME]  # no -wal/-shm made


def test_a_read_only_state_file_is_read_and_said_so(tmp_path, restore_modes):
    db = tmp_path / STATE_FILENAME
    _state_with_a_note(db)
    db.chmod(0o444)  # no write bit: refused even for root, who could write it
    result = StateStore.open(db)
    with result.store as s:
        assert not s.persistent and s.note("c1") == "my note"
        [notice] = result.notices
        assert "the file is read-only" in notice


def test_sqlite_refusing_to_write_gives_the_notice_not_an_error(tmp_path, monkeypatch):
    """The folder looks writable, but SQLite cannot write (a read-only mount, say): the real
    "attempt to write a readonly database" from the migration is turned into the notice."""
    db = tmp_path / STATE_FILENAME
    conn = sqlite3.connect(db)  # an old file: opening it must migrate it, which writes
    conn.execute("CREATE TABLE IF NOT EXISTS shortlist (dataset TEXT, company_id TEXT, added_at TEXT)")
    conn.close()
    conn = sqlite3.connect(db)
    conn.execute("DROP TABLE shortlist")
    conn.close()
    real_connect = state._connect

    def read_only_connect(target, busy_timeout_ms, *, uri=False):
        if not uri and target != ":memory:":
            return real_connect(Path(target).resolve().as_uri() + "?mode=ro", busy_timeout_ms, uri=True)
        return real_connect(target, busy_timeout_ms, uri=uri)

    monkeypatch.setattr(state, "_connect", read_only_connect)
    result = StateStore.open(db)
    with result.store as s:
        assert not s.persistent
        [notice] = result.notices
        assert "cannot be saved" in notice
        s.set_shortlisted("c1", True)
        assert s.shortlist() == {"c1"}


def test_a_damaged_file_in_a_read_only_folder_gets_the_notice(tmp_path, monkeypatch, restore_modes):
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / STATE_FILENAME
    db.write_bytes(b"not a database " * 100)
    deny_writes(monkeypatch, folder)
    if IS_ROOT:  # root could rename inside a read-only folder; an ordinary user could not
        real_rename = Path.rename

        def rename(self, target):
            if self.parent == folder:
                raise PermissionError(13, "Permission denied")
            return real_rename(self, target)

        monkeypatch.setattr(Path, "rename", rename)
    result = StateStore.open(db)
    with result.store as s:
        assert not s.persistent
        [notice] = result.notices
        assert "damaged" in notice and "could not be moved" in notice
    assert db.read_bytes() == b"not a database " * 100


@pytest.mark.parametrize("case", ["loop", "name too long", "through a file"])
def test_a_state_path_that_cannot_be_used_is_a_state_error(tmp_path, capsys, case):
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "file").write_text("x")
    path = {
        "loop": tmp_path / "loop",
        "name too long": tmp_path / ("s" * 300),
        "through a file": tmp_path / "file" / "state",
    }[case]
    with pytest.raises(StateError) as info:
        StateStore.open(path)
    assert "Traceback" not in str(info.value)
    code, _, err = run(capsys, "export", str(tmp_path / "m.xlsx"), "--top", "1", "--state", str(path))
    assert code == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_the_gui_starts_with_a_notice_on_a_state_path_it_cannot_use(qtbot, tmp_path):
    from ui.app import create_window

    (tmp_path / "file").write_text("x")
    window, notices = create_window(load_dataset(), tmp_path / "file" / "state")
    qtbot.addWidget(window)
    assert window.store is None and notices and "without saving" in notices[0]


# --- Export targets ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def req():
    from core.scoring import PRESETS, rank
    from core.signals import build_signals

    ds = load_dataset()
    ranking = rank(build_signals(ds), PRESETS["balanced"])
    ids = [str(ranking.table.ids[r]) for r in ranking.order[:2]]
    return memo_mod.MemoRequest(dataset=ds, ranking=ranking, company_ids=ids, selection="top 2")


def test_an_existing_read_only_target_is_not_replaced(tmp_path, req, restore_modes):
    target = tmp_path / "memo.xlsx"
    target.write_bytes(b"the committee's copy")
    target.chmod(0o444)
    with pytest.raises(MemoError, match="read-only, so it was not replaced"):
        write_memo(target, req)
    assert target.read_bytes() == b"the committee's copy"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.xlsx"]


def test_a_target_the_user_may_not_write_is_not_replaced(tmp_path, req, monkeypatch):
    target = tmp_path / "memo.xlsx"
    target.write_bytes(b"someone else's")  # write bits set, but not for this user
    real = os.access
    monkeypatch.setattr(
        os, "access", lambda p, m, *a, **k: False if Path(p) == target and m & os.W_OK else real(p, m)
    )
    with pytest.raises(MemoError, match="read-only"):
        write_memo(target, req)
    assert target.read_bytes() == b"someone else's"


def test_a_target_name_too_long_is_refused_before_any_work(tmp_path, req):
    target = tmp_path / ("m" * (NAME_MAX - 4) + ".xlsx")  # 256 bytes
    with pytest.raises(MemoError, match="256 bytes long"):
        write_memo(target, req)


@pytest.mark.parametrize("name", ["m" * (NAME_MAX - 5) + ".xlsx", "é" * 125 + ".xlsx"])
def test_only_the_temporary_name_too_long_still_writes(tmp_path, req, name):
    target = tmp_path / name  # fits (255 bytes or fewer); ".~{stem}.XXXXXXXX.xlsx.tmp" would not
    assert write_memo(target, req) == target
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_a_target_name_that_is_not_utf8_is_written_and_shown(tmp_path, capsys):
    target = os.fsdecode(os.fsencode(str(tmp_path)) + b"/m\xe9mo.xlsx")
    code, out, _ = run(capsys, "export", target, "--top", "2", "--state", str(tmp_path / "st"))
    assert code == 0 and Path(target).exists() and "m\\xe9mo.xlsx" in out


@pytest.mark.parametrize("case", ["loop", "through a file", "a folder"])
def test_a_target_that_cannot_be_a_file_is_refused(tmp_path, req, case):
    (tmp_path / "loop.xlsx").symlink_to(tmp_path / "loop.xlsx")
    (tmp_path / "file").write_text("x")
    (tmp_path / "dir.xlsx").mkdir()
    target, phrase = {
        "loop": (tmp_path / "loop.xlsx", "loop"),
        "through a file": (tmp_path / "file" / "m.xlsx", "is not a folder"),
        "a folder": (tmp_path / "dir.xlsx", "is a folder"),
    }[case]
    with pytest.raises(MemoError, match=phrase):
        write_memo(target, req)


def test_cleaning_up_stale_temporaries_takes_a_name_literally(tmp_path, req):
    other = tmp_path / ".~other.abc12345.xlsx.tmp"  # another export's, an hour old
    other.write_bytes(b"PK")
    os.utime(other, (0, 0))
    write_memo(tmp_path / "*.xlsx", req)  # "*" is a file name here, not a pattern
    assert other.exists()


# --- Output: CSV cells that a spreadsheet would run ---------------------------------------------


HOSTILE_NAMES = [
    '=HYPERLINK("http://example.com","x")',
    "+SUM(1,2)",
    "-2+3",
    "@SUM(A1)",
    " =1+1",
    "=cmd|' /C calc'!A0",
]


def test_rank_csv_neutralises_formulas_and_keeps_numbers(tmp_path, capsys):
    path = write_named_companies(tmp_path / "hostile.csv", HOSTILE_NAMES)
    code, out, err = run(capsys, "rank", "--data", str(path), "--format", "csv", "--top", "0")
    assert code == 0, err
    table = list(csv.DictReader(io.StringIO(out)))
    assert len(table) == len(HOSTILE_NAMES) and all(r["name"].startswith("'") for r in table)
    assert {r["name_en"] for r in table} >= {"'=cmd|' /C calc'!A0", "'-2+3", "'@SUM(A1)"}
    for r in table:
        for key, value in r.items():
            assert not value or value.lstrip()[:1] not in "=+-@" or value.startswith("'") or _number(value), (
                key
            )
        float(r["score"]), float(r["funding"]), int(r["funding_total_usd"])  # numbers stay numbers


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+1+1", "'+1+1"),
        ("-1+1", "'-1+1"),
        ("@x", "'@x"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("\n=1", "'\n=1"),
        ("\u00a0=1", "'\u00a0=1"),
        ("-12.5", "-12.5"),
        ("+3e5", "+3e5"),
        ("plain", "plain"),
        ("a=b", "a=b"),
        (-0.5, -0.5),
        (7, 7),
    ],
)
def test_neutralise_follows_owasp(value, written):
    assert neutralise(value) == written


@pytest.mark.skipif(not hasattr(__import__("signal"), "SIGXFSZ"), reason="needs RLIMIT_FSIZE (POSIX)")
@pytest.mark.parametrize("limit", [40_000, 60_000, 100_000, 150_000])
def test_a_disk_that_fills_up_during_an_export_gives_one_message(tmp_path, limit):
    """A real write failure (the file-size limit: EFBIG, as a full disk gives ENOSPC) wherever
    it strikes — in a sheet's temporary file or in the workbook — ends in one message: no
    traceback, no "Exception ignored", no temporary file, the earlier memo whole."""
    import subprocess
    import sys

    target = tmp_path / "memo.xlsx"
    target.write_bytes(b"the earlier memo")
    code = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "import main\n"
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, resource.RLIM_INFINITY))\n"
        "code = main.main(sys.argv[1:])\n"
        "import gc; gc.collect()\n"
        "sys.exit(code)\n"
    )
    argv = ["export", str(target), "--top", "60", "--state", str(tmp_path / "st")]
    state_dir = tmp_path / "st"
    state_dir.mkdir()
    StateStore.open(state_dir / STATE_FILENAME).store.close()  # made before the limit applies
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-c", code, *argv], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 2, proc.stderr
    assert "could not be written" in proc.stderr and "earlier file is unchanged" in proc.stderr
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert target.read_bytes() == b"the earlier memo"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.xlsx", "st"]
