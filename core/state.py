"""The investor's own state: shortlist, notes and saved weight profiles, kept in one SQLite file.

What is kept
------------
* **Shortlist** (starred company ids) and **notes** (one text per company) are kept *per dataset*.
  A dataset is named by a key string: ``"bundled:report"`` for the bundled report data, or the
  resolved path of a user's own data folder.  The same company id in two datasets is two separate
  entries, so each dataset shows its own shortlist and notes.
* **Weight profiles** are *global*: a profile is only a named :class:`~core.scoring.Weights`, which
  means the same thing whatever data it is applied to, so every dataset sees the same profiles.
  Profile names are compared exactly (case-sensitive) after leading and trailing spaces are
  stripped; they are separate from the built-in :data:`~core.scoring.PRESETS`.

Where
-----
``state.sqlite`` in :func:`default_state_dir`: the folder named by the environment variable
``AIGC_SCREENER_HOME`` if set, otherwise the platform's per-user data folder.  Open it with
:meth:`StateStore.open`, which returns the store and a list of plain-words notices for the caller
(GUI or CLI) to show.

Safety
------
* Every write is one short transaction, committed before the call returns (WAL journal,
  ``synchronous=FULL``), so a process killed right after a call loses nothing.
* Several copies of the app may use the same file at once.  A write waits up to the busy timeout
  (5 s) for another copy's write to finish, then raises :class:`StateBusyError`.
* A damaged file, or one written by a newer version of the app, is never repaired or overwritten:
  it is moved aside untouched (with its ``-wal``/``-shm``/``-journal`` companions) as
  ``state.sqlite.corrupt-YYYYmmdd-HHMMSS`` or ``state.sqlite.newer-version-YYYYmmdd-HHMMSS``, a
  fresh store is started, and a notice says so.  Opening never raises for these.
* The schema version is ``PRAGMA user_version``; :data:`MIGRATIONS` lists the forward steps, which
  run in one transaction.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import sys
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import Literal

from core.analyst import (
    DEFAULT_STAGE_LABELS,
    FIELD_NAMES,
    STAGES,
    AnalystFact,
    FactInput,
    PipelineChange,
    PipelineEntry,
    fact_key,
)
from core.paths import describe_os_error, shown_path
from core.records import ONLY_INVISIBLE, check_partial_date, clean_line, name_key
from core.scoring import Weights

log = logging.getLogger(__name__)

APP_DIR_NAME = "aigc-screener"
STATE_FILENAME = "state.sqlite"
HOME_ENV = "AIGC_SCREENER_HOME"
DEFAULT_DATASET_KEY = "bundled:report"
DEFAULT_BUSY_TIMEOUT_MS = 5000
PROFILE_NAME_MAX = 60
# Files SQLite keeps next to the database; they belong to it and travel with it.
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")

# SQLite primary result codes used to tell "busy" and "damaged" apart from other failures.
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_CORRUPT = 11
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26


class StateError(Exception):
    """The saved state could not be read or written; the message is meant for the user."""


class StateBusyError(StateError):
    """Another copy of the app held the state file for longer than the busy timeout."""


# --------------------------------------------------------------------------------------------
# Location


def default_state_dir(*, environ: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    """The folder that holds ``state.sqlite`` (not created here).

    ``$AIGC_SCREENER_HOME`` if set; otherwise on Linux ``$XDG_DATA_HOME/aigc-screener`` (default
    ``~/.local/share/aigc-screener``), on macOS ``~/Library/Application Support/aigc-screener``,
    on Windows ``%APPDATA%\\aigc-screener``.  ``environ`` and ``platform`` default to
    ``os.environ`` and ``sys.platform``.
    """
    env = os.environ if environ is None else environ
    plat = sys.platform if platform is None else platform
    override = env.get(HOME_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    if plat.startswith("win"):
        appdata = env.get("APPDATA", "").strip()
        base = Path(appdata) if appdata else Path.home() / "AppData" / "Roaming"
        return base / APP_DIR_NAME
    if plat == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_DIR_NAME
    xdg = env.get("XDG_DATA_HOME", "").strip()
    # the XDG spec says a relative path is invalid and must be ignored
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"
    return base / APP_DIR_NAME


def default_state_path() -> Path:
    """``state.sqlite`` in :func:`default_state_dir`."""
    return default_state_dir() / STATE_FILENAME


# --------------------------------------------------------------------------------------------
# Schema and migrations

Migration = Callable[[sqlite3.Connection], None]


def state_folder(state_path: Path | str | None = None) -> Path:
    """The folder of the user's state (``state.sqlite`` and ``settings.ini``).

    ``state_path`` is a folder, or a ``.sqlite`` file whose folder is meant; None means
    :func:`default_state_dir` (the ``AIGC_SCREENER_HOME`` environment variable overrides it).
    """
    folder = default_state_dir() if state_path is None else Path(state_path).expanduser()
    return folder.parent if folder.suffix == ".sqlite" else folder


def state_file(state_path: Path | str | None = None) -> Path:
    """The state database a ``--state`` argument (folder or file) or the default names."""
    if state_path is not None and Path(state_path).suffix == ".sqlite":
        return Path(state_path).expanduser()
    return state_folder(state_path) / STATE_FILENAME


def _v1_initial(conn: sqlite3.Connection) -> None:
    """Version 1: shortlist and notes per dataset, profiles global."""
    conn.execute(
        """CREATE TABLE shortlist (
            dataset     TEXT NOT NULL,
            company_id  TEXT NOT NULL,
            added_at    TEXT NOT NULL,
            PRIMARY KEY (dataset, company_id)
        ) WITHOUT ROWID"""
    )
    conn.execute(
        """CREATE TABLE notes (
            dataset     TEXT NOT NULL,
            company_id  TEXT NOT NULL,
            text        TEXT NOT NULL,
            updated_at  TEXT NOT NULL,
            PRIMARY KEY (dataset, company_id)
        ) WITHOUT ROWID"""
    )
    conn.execute(
        """CREATE TABLE profiles (
            name         TEXT NOT NULL PRIMARY KEY,
            weights_json TEXT NOT NULL,
            updated_at   TEXT NOT NULL
        )"""
    )


def _v2_analyst(conn: sqlite3.Connection) -> None:
    """Version 2: the analyst's facts with their log, and the deal pipeline with its log, per
    dataset; the labels of the pipeline's stages, global (core.analyst)."""
    conn.execute(
        """CREATE TABLE analyst_facts (
            id          INTEGER PRIMARY KEY,
            dataset     TEXT NOT NULL,
            company_id  TEXT NOT NULL,
            kind        TEXT NOT NULL,
            fields      TEXT NOT NULL,
            source      TEXT NOT NULL,
            seen        TEXT NOT NULL,
            entered_by  TEXT NOT NULL,
            entered_at  TEXT NOT NULL,
            retired_at  TEXT,
            replaces    INTEGER
        )"""
    )
    conn.execute("CREATE INDEX analyst_facts_dataset ON analyst_facts (dataset, company_id)")
    conn.execute(
        """CREATE TABLE fact_log (
            id       INTEGER PRIMARY KEY,
            dataset  TEXT NOT NULL,
            fact_id  INTEGER NOT NULL,
            action   TEXT NOT NULL,
            at       TEXT NOT NULL
        )"""
    )
    conn.execute(
        """CREATE TABLE pipeline (
            dataset     TEXT NOT NULL,
            company_id  TEXT NOT NULL,
            stage       TEXT NOT NULL,
            owner       TEXT NOT NULL DEFAULT '',
            next_step   TEXT NOT NULL DEFAULT '',
            next_date   TEXT NOT NULL DEFAULT '',
            updated_at  TEXT NOT NULL,
            PRIMARY KEY (dataset, company_id)
        ) WITHOUT ROWID"""
    )
    conn.execute(
        """CREATE TABLE pipeline_log (
            id          INTEGER PRIMARY KEY,
            dataset     TEXT NOT NULL,
            company_id  TEXT NOT NULL,
            field       TEXT NOT NULL,
            old         TEXT NOT NULL,
            new         TEXT NOT NULL,
            at          TEXT NOT NULL
        )"""
    )
    conn.execute(
        """CREATE TABLE stage_labels (
            stage  TEXT NOT NULL PRIMARY KEY,
            label  TEXT NOT NULL
        )"""
    )


# MIGRATIONS[i] brings a file from version i to version i + 1.  To change the schema, append a
# function (never edit one that has shipped: files out there are already past it), and update
# CURRENT_COLUMNS to the schema it leaves.  A step runs inside the migration transaction, so it
# must use conn.execute (not executescript, which commits) and must not COMMIT itself.
MIGRATIONS: tuple[Migration, ...] = (_v1_initial, _v2_analyst)
SCHEMA_VERSION = len(MIGRATIONS)

# The columns each table has at SCHEMA_VERSION; a file claiming that version must have them.
CURRENT_COLUMNS: dict[str, tuple[str, ...]] = {
    "shortlist": ("dataset", "company_id", "added_at"),
    "notes": ("dataset", "company_id", "text", "updated_at"),
    "profiles": ("name", "weights_json", "updated_at"),
    "analyst_facts": (
        "id",
        "dataset",
        "company_id",
        "kind",
        "fields",
        "source",
        "seen",
        "entered_by",
        "entered_at",
        "retired_at",
        "replaces",
    ),
    "fact_log": ("id", "dataset", "fact_id", "action", "at"),
    "pipeline": ("dataset", "company_id", "stage", "owner", "next_step", "next_date", "updated_at"),
    "pipeline_log": ("id", "dataset", "company_id", "field", "old", "new", "at"),
    "stage_labels": ("stage", "label"),
}


def _user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Bring the database on ``conn`` (autocommit mode) up to ``len(migrations)``; return it.

    All missing steps run in one ``BEGIN IMMEDIATE`` transaction, so a failing step leaves the
    file exactly as it was, and two copies of the app starting at once migrate it only once.
    A file already at (or past) the target is left alone.
    """
    target = len(migrations)
    if _user_version(conn) >= target:
        return _user_version(conn)
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = _user_version(conn)  # another copy may have migrated it meanwhile
        if version < 0:
            raise sqlite3.DatabaseError(f"schema version {version} is not one this app writes")
        for step in range(version, target):
            migrations[step](conn)
            conn.execute(f"PRAGMA user_version = {step + 1:d}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return max(version, target)


def _schema_problem(conn: sqlite3.Connection, version: int) -> str | None:
    """Why a readable file is not one of ours, or None."""
    if version < 0:  # PRAGMA user_version is any 32-bit number; this app only writes 0 and up
        return f"schema version {version}, which no version of this app writes"
    if version == 0:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return f"it holds unknown tables ({', '.join(sorted(tables))})" if tables else None
    if version == SCHEMA_VERSION:
        for table, columns in CURRENT_COLUMNS.items():
            have = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
            missing = [c for c in columns if c not in have]
            if missing:
                return f"table {table} lacks {', '.join(missing)}"
    return None


# --------------------------------------------------------------------------------------------
# Errors


def _error_kind(exc: sqlite3.Error) -> Literal["busy", "damaged", "readonly", "other"]:
    """busy: another copy holds the file; damaged: not a (sound) database; readonly: the file or
    its folder cannot be written (SQLite needs to write its -wal/-shm files beside the file)."""
    code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11+
    if code is not None:
        primary = code & 0xFF
        if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
            return "busy"
        if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            return "damaged"
        if primary in (_SQLITE_READONLY, _SQLITE_CANTOPEN):
            return "readonly"
        return "other"
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "busy"
    if "not a database" in text or "malformed" in text:
        return "damaged"
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return "readonly"
    return "other"


def _user_error(exc: sqlite3.Error, writing: bool) -> StateError:
    kind = _error_kind(exc)
    if kind == "busy":
        if writing:
            return StateBusyError(
                "Another copy of the app is saving to your shortlist and notes right now, so this "
                "change was not saved. Please try again in a moment."
            )
        return StateBusyError(
            "Another copy of the app is using your saved shortlist and notes right now, so they "
            "could not be read. Please try again in a moment."
        )
    if kind == "damaged":
        return StateError(
            "The file with your shortlist and notes has become damaged, so "
            + ("this change was not saved." if writing else "it could not be read.")
            + " Restart the app: it will keep the damaged file aside and start afresh."
        )
    if kind == "readonly":
        return StateError(
            "Your shortlist and notes could not be "
            + ("saved" if writing else "read")
            + " because their file or its folder cannot be written to (it may be read-only). "
            "Make it writable, or choose another folder with --state or AIGC_SCREENER_HOME."
        )
    what = "saved" if writing else "read"
    return StateError(f"Your shortlist and notes could not be {what} ({exc}).")


class _ReadOnly(Exception):
    """Internal: the file or its folder cannot be written; the store is read into memory."""


class _Unreadable(Exception):
    """Internal: the file is damaged or too new, and must be moved aside."""

    def __init__(self, kind: Literal["damaged", "newer"], detail: str, existed: dict[str, bool]):
        super().__init__(detail)
        self.kind = kind
        self.detail = detail
        self.existed = existed  # which companion files were there before we looked


def _notice(kind: Literal["damaged", "newer"], aside: Path) -> str:
    if kind == "newer":
        return (
            "Your saved shortlist, notes and profiles were written by a newer version of the app, "
            f"which this version cannot read. They were kept as {aside} (the newer version can use "
            f"them again if you rename that file back to {STATE_FILENAME}); this version started "
            "with an empty shortlist."
        )
    return (
        "Your saved shortlist and notes could not be read (the file is damaged). "
        f"It was kept as {aside}; the app started with an empty shortlist."
    )


def _notice_stuck(kind: Literal["damaged", "newer"], path: Path, reason: str) -> str:
    why = "was written by a newer version of the app" if kind == "newer" else "is damaged"
    return (
        f"Your saved shortlist and notes could not be read (the file {why}), and the file could not "
        f"be moved out of the way ({reason}). It was left untouched at {shown_path(path)}; the app "
        "started with an empty shortlist that will not be kept after it closes."
    )


_WHERE_ELSE = "choose another folder with --state or the AIGC_SCREENER_HOME environment variable"


def _notice_read_only(path: Path, reason: str, *, copied: bool) -> str:
    kept = (
        "Your saved shortlist, notes and profiles are shown, but changes made now"
        if copied
        else "The app started with an empty shortlist; changes made now"
    )
    return (
        f"Your shortlist and notes cannot be saved at {shown_path(path)}: {reason}. {kept} will "
        f"not be kept after the app closes. To keep them, make that folder writable, or {_WHERE_ELSE}."
    )


def _notice_folder(path: Path) -> str:
    return (
        f"Your shortlist and notes cannot be kept at {shown_path(path)}: that is a folder, not a "
        f"file. Move or rename that folder, or {_WHERE_ELSE}. This time the app started with an "
        "empty shortlist that will not be kept after it closes."
    )


def _read_only_reason(path: Path) -> str | None:
    """Why the state file (or, for a new one, its folder) cannot be written, or None.

    SQLite keeps ``-wal`` and ``-shm`` files beside the database, so the folder must be
    writable too.  A file without any write permission bit counts as read-only even for a user
    (such as root) whom the system would let write it: the user marked it so.
    """
    folder = path.parent
    try:
        if path.exists() and (not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222):
            return "the file is read-only"
        if not os.access(folder, os.W_OK):
            return f"the folder {shown_path(folder)} is read-only for you"
    except OSError as exc:
        return describe_os_error(exc)
    return None


# --------------------------------------------------------------------------------------------
# Opening


def _companion(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _connect(target: str, busy_timeout_ms: int, *, uri: bool = False) -> sqlite3.Connection:
    # isolation_level=None: autocommit; every write below opens and commits its own transaction.
    # check_same_thread=False: the store serialises its own use of the connection with a lock.
    return sqlite3.connect(
        target, timeout=busy_timeout_ms / 1000, isolation_level=None, check_same_thread=False, uri=uri
    )


def _check_contents(conn: sqlite3.Connection, existed: dict[str, bool]) -> None:
    """Raise _Unreadable if the database on ``conn`` is too new, damaged or not ours."""
    version = _user_version(conn)
    if version > SCHEMA_VERSION:
        raise _Unreadable("newer", f"schema version {version}, this app knows {SCHEMA_VERSION}", existed)
    result = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
    if result != ["ok"]:
        raise _Unreadable("damaged", "; ".join(result[:5]), existed)
    problem = _schema_problem(conn, version)
    if problem:
        raise _Unreadable("damaged", problem, existed)


def _probe(path: Path, busy_timeout_ms: int, existed: dict[str, bool]) -> None:
    """Check an existing file through a read-only connection, which cannot change it."""
    conn = None
    try:
        conn = _connect(path.resolve().as_uri() + "?mode=ro", busy_timeout_ms, uri=True)
        _check_contents(conn, existed)
    except sqlite3.Error as exc:
        kind = _error_kind(exc)
        if kind == "damaged":
            raise _Unreadable("damaged", str(exc), existed) from exc
        if kind == "readonly":
            raise _ReadOnly(str(exc)) from exc
        raise _user_error(exc, writing=False) from exc
    finally:
        if conn is not None:
            conn.close()


def _read_into_memory(path: Path, busy_timeout_ms: int) -> sqlite3.Connection:
    """A copy in memory of a state file that may be read but not written.

    Raises _Unreadable (too new, damaged) or sqlite3.Error.  A WAL database in a folder that
    cannot be written opens read-only only if its -wal and -shm files exist; otherwise it is
    read as immutable (nothing can be writing to it: nobody may write in that folder).
    """
    existed = {s: _companion(path, s).exists() for s in COMPANION_SUFFIXES}
    uri = path.resolve().as_uri()
    last: sqlite3.Error | None = None
    # without a -wal file the database file holds everything: read it as immutable, which
    # creates no -wal/-shm files; with one, read through it (falling back if that fails)
    queries = ("?mode=ro", "?mode=ro&immutable=1") if existed["-wal"] else ("?mode=ro&immutable=1",)
    for query in queries:
        src = None
        try:
            src = _connect(uri + query, busy_timeout_ms, uri=True)
            _check_contents(src, existed)
            mem = _connect(":memory:", busy_timeout_ms)
            src.backup(mem)
            mem.execute("PRAGMA foreign_keys = ON")
            migrate(mem)
            return mem
        except sqlite3.Error as exc:
            if _error_kind(exc) == "damaged":
                raise _Unreadable("damaged", str(exc), existed) from exc
            last = exc
        finally:
            if src is not None:
                src.close()
    assert last is not None
    raise last


def _open_checked(path: Path, busy_timeout_ms: int) -> sqlite3.Connection:
    """A configured, migrated connection to ``path``; raises _Unreadable, StateError."""
    existed = {s: _companion(path, s).exists() for s in COMPANION_SUFFIXES}
    if path.exists() and path.stat().st_size > 0:  # an empty file is a new database
        _probe(path, busy_timeout_ms, existed)
    try:
        conn = _connect(str(path), busy_timeout_ms)
    except sqlite3.Error as exc:
        if _error_kind(exc) == "readonly":
            raise _ReadOnly(str(exc)) from exc
        raise _user_error(exc, writing=False) from exc
    try:
        version = _user_version(conn)
        if version > SCHEMA_VERSION:  # another, newer copy wrote it since the probe
            raise _Unreadable("newer", f"schema version {version}", existed)
        if version < 0:
            raise _Unreadable("damaged", f"schema version {version}", existed)
        _configure(conn, busy_timeout_ms)
        migrate(conn)
    except _Unreadable:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        kind = _error_kind(exc)
        if kind == "damaged":
            raise _Unreadable("damaged", str(exc), existed) from exc
        if kind == "readonly":
            raise _ReadOnly(str(exc)) from exc
        raise _user_error(exc, writing=True) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def _configure(conn: sqlite3.Connection, busy_timeout_ms: int) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms):d}")
    conn.execute("PRAGMA journal_mode = WAL")  # persistent in the file; a no-op once set
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")


def _set_aside(path: Path, kind: Literal["damaged", "newer"], existed: dict[str, bool]) -> Path:
    """Rename the file (and the companions it had) to a timestamped name next to it; return it.

    Companion files that only appeared because this code looked at the file hold nothing of the
    user's and are removed, so a fresh database at ``path`` cannot pick them up.
    """
    label = "newer-version" if kind == "newer" else "corrupt"
    base = f"{path.name}.{label}-{datetime.now().strftime('%Y%m%d-%H%M%S')}"
    aside = path.with_name(base)
    n = 0
    while any(p.exists() for p in [aside, *(_companion(aside, s) for s in COMPANION_SUFFIXES)]):
        n += 1
        aside = path.with_name(f"{base}-{n}")
    path.rename(aside)
    for suffix in COMPANION_SUFFIXES:
        side = _companion(path, suffix)
        if not side.exists():
            continue
        if existed.get(suffix, True):
            side.rename(_companion(aside, suffix))
        else:
            side.unlink()
    return aside


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _check_dataset_key(key: str) -> str:
    if not isinstance(key, str):
        raise TypeError(f"a dataset key is a string, not {type(key).__name__}")
    if not key.strip():
        raise ValueError("A dataset key must not be empty.")
    return key


def _check_id(company_id: str) -> str:
    if not isinstance(company_id, str):
        raise TypeError(f"a company id is a string, not {type(company_id).__name__}")
    if not company_id.strip():
        raise ValueError("A company id must not be empty.")
    return company_id


def _clean_profile_name(name: str) -> str:
    if not isinstance(name, str):
        raise TypeError(f"a profile name is a string, not {type(name).__name__}")
    clean = name.strip()
    if not clean:
        raise ValueError("A profile needs a name.")
    if len(clean) > PROFILE_NAME_MAX:
        raise ValueError(
            f"A profile name can be at most {PROFILE_NAME_MAX} characters long; this one has {len(clean)}."
        )
    return clean


# --------------------------------------------------------------------------------------------
# The store


@dataclass
class OpenResult:
    """What :meth:`StateStore.open` gives back.

    ``notices`` are plain-words messages for the user (empty when all went well); ``set_aside``
    lists the files that were moved out of the way (damaged or too new), kept untouched.
    """

    store: StateStore
    notices: list[str] = field(default_factory=list)
    set_aside: list[Path] = field(default_factory=list)


class StateStore:
    """Shortlist and notes of one dataset, and the global weight profiles, in a SQLite file.

    Create it with :meth:`open`.  ``path`` is the database file; ``dataset_key`` names the
    dataset whose shortlist and notes the methods read and write (it may be reassigned to switch
    datasets).  ``persistent`` is False only when the file could not be used at all and the
    store lives in memory for this session.  Every method commits before it returns.  Methods
    raise :class:`StateBusyError` when another copy of the app holds the file too long, and
    :class:`StateError` for other storage failures; bad arguments raise ValueError/TypeError.
    The store may be shared between threads.
    """

    def __init__(
        self, conn: sqlite3.Connection, path: Path, dataset_key: str, *, persistent: bool = True
    ) -> None:
        self._conn: sqlite3.Connection | None = conn
        self._lock = threading.RLock()
        self.path = path
        self._dataset_key = _check_dataset_key(dataset_key)
        self.persistent = persistent
        self.problems: list[str] = []
        """Plain-words reports from the last :meth:`profiles` call about profiles left out."""

    # -- opening and closing ------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str | None = None,
        dataset_key: str = DEFAULT_DATASET_KEY,
        *,
        busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    ) -> OpenResult:
        """Open (creating if needed) the state file and return the store with notices to show.

        ``path`` is the database file, or an existing folder to hold ``state.sqlite``; by default
        ``state.sqlite`` in :func:`default_state_dir`.  Missing parent folders are created.  A
        damaged or too-new file (any schema version above this app's, or below 0) is moved aside
        and a fresh one started, with a notice; this never raises for those.  Nor for a file that
        can be read but not written (or a folder that cannot be written): the store is read into
        memory (``persistent`` False) with a notice that changes will not be kept; nor for a
        folder where the file belongs (an empty in-memory store, with a notice).  Raises :class:`StateBusyError` if another copy of the app keeps the
        file locked beyond ``busy_timeout_ms`` while it must be set up, and :class:`StateError`
        if the folder or file cannot be created or opened at all.
        """
        _check_dataset_key(dataset_key)
        file = default_state_path() if path is None else Path(path).expanduser()
        try:
            if file.is_dir() and file.suffix != ".sqlite":
                file = file / STATE_FILENAME
            if file.is_dir():  # a folder where the file belongs: never make a store inside it
                return OpenResult(cls._in_memory(file, dataset_key), [_notice_folder(file)], [])
            os.stat(file)
        except FileNotFoundError:
            pass  # a new store
        except (OSError, ValueError) as exc:  # a link loop, a name too long, no permission …
            why = describe_os_error(exc) if isinstance(exc, OSError) else "the path holds a NUL character"
            raise StateError(
                f"Your shortlist and notes could not be opened at {shown_path(file)}: {why}."
            ) from exc
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StateError(
                f"The folder for your shortlist and notes, {shown_path(file.parent)}, could not be "
                f"created: {describe_os_error(exc)}."
            ) from exc
        read_only = _read_only_reason(file)
        if read_only:
            return cls._read_only(file, dataset_key, read_only, busy_timeout_ms)
        notices: list[str] = []
        set_aside: list[Path] = []
        for _attempt in range(3):
            try:
                conn = _open_checked(file, busy_timeout_ms)
            except _ReadOnly as exc:
                log.warning("state file %s cannot be written: %s", file, exc)
                return cls._read_only(
                    file, dataset_key, "it or its folder cannot be written to", busy_timeout_ms
                )
            except _Unreadable as bad:
                try:
                    aside = _set_aside(file, bad.kind, bad.existed)
                except FileNotFoundError:
                    continue  # another copy of the app moved it aside first
                except OSError as exc:
                    log.warning(
                        "state file %s is unusable (%s) and could not be moved: %s", file, bad.detail, exc
                    )
                    notices.append(_notice_stuck(bad.kind, file, describe_os_error(exc)))
                    return OpenResult(cls._in_memory(file, dataset_key), notices, set_aside)
                log.warning("state file %s set aside as %s: %s", file, aside, bad.detail)
                notices.append(_notice(bad.kind, aside))
                set_aside.append(aside)
                continue
            except OSError as exc:
                raise StateError(
                    f"Your shortlist and notes could not be opened at {shown_path(file)}: "
                    f"{describe_os_error(exc)}."
                ) from exc
            return OpenResult(cls(conn, file, dataset_key), notices, set_aside)
        notices.append(
            "Your shortlist and notes file kept turning out unreadable, so the app started with an "
            "empty shortlist that will not be kept after it closes."
        )
        return OpenResult(cls._in_memory(file, dataset_key), notices, set_aside)

    @classmethod
    def _read_only(cls, file: Path, dataset_key: str, reason: str, busy_timeout_ms: int) -> OpenResult:
        """The store read into memory from a file that cannot be written (or an empty one when
        there is none, or it is damaged or too new and cannot be moved aside), with a notice."""
        try:
            exists = file.exists() and file.stat().st_size > 0
        except OSError:
            exists = False
        if not exists:
            notice = _notice_read_only(file, reason, copied=False)
            return OpenResult(cls._in_memory(file, dataset_key), [notice], [])
        try:
            conn = _read_into_memory(file, busy_timeout_ms)
        except _Unreadable as bad:
            log.warning("state file %s is unusable (%s) and cannot be moved: %s", file, bad.detail, reason)
            notice = _notice_stuck(bad.kind, file, reason)
            return OpenResult(cls._in_memory(file, dataset_key), [notice], [])
        except sqlite3.Error as exc:
            log.warning("state file %s cannot be read: %s", file, exc)
            notice = (
                f"Your saved shortlist and notes at {shown_path(file)} could not be read ({reason}; "
                f"{exc}). The file was left untouched; the app started with an empty shortlist that "
                f"will not be kept after it closes. Make that folder writable, or {_WHERE_ELSE}."
            )
            return OpenResult(cls._in_memory(file, dataset_key), [notice], [])
        notice = _notice_read_only(file, reason, copied=True)
        return OpenResult(cls(conn, file, dataset_key, persistent=False), [notice], [])

    @classmethod
    def _in_memory(cls, path: Path, dataset_key: str) -> StateStore:
        conn = _connect(":memory:", DEFAULT_BUSY_TIMEOUT_MS)
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
        return cls(conn, path, dataset_key, persistent=False)

    def close(self) -> None:
        """Close the file.  Everything is already saved; closing again does nothing."""
        with self._lock:
            conn, self._conn = self._conn, None
            if conn is not None:
                # nothing is pending: every write was committed when it was made
                with suppress(sqlite3.Error):
                    conn.close()

    @property
    def closed(self) -> bool:
        return self._conn is None

    def __enter__(self) -> StateStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self.closed else ("open" if self.persistent else "in memory")
        return f"StateStore({str(self.path)!r}, dataset_key={self.dataset_key!r}, {state})"

    @property
    def dataset_key(self) -> str:
        """The dataset whose shortlist and notes this store reads and writes."""
        return self._dataset_key

    @dataset_key.setter
    def dataset_key(self, key: str) -> None:
        self._dataset_key = _check_dataset_key(key)

    # -- transactions -------------------------------------------------------------------

    def _live(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StateError("The shortlist and notes have been closed; open them again to continue.")
        return self._conn

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = self._live()
            try:
                yield conn
            except sqlite3.Error as exc:
                raise _user_error(exc, writing=False) from exc

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction, committed on leaving (rolled back on any exception)."""
        with self._lock:
            conn = self._live()
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield conn
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        with suppress(sqlite3.Error):  # the original error matters more
                            conn.execute("ROLLBACK")
                    raise
            except sqlite3.Error as exc:
                raise _user_error(exc, writing=True) from exc

    # -- shortlist ----------------------------------------------------------------------

    def shortlist(self) -> set[str]:
        """The ids of the companies starred in this dataset."""
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT company_id FROM shortlist WHERE dataset = ?", (self.dataset_key,)
            ).fetchall()
        return {str(r[0]) for r in rows}

    def is_shortlisted(self, company_id: str) -> bool:
        """Whether the company is starred in this dataset."""
        _check_id(company_id)
        with self._reading() as conn:
            row = conn.execute(
                "SELECT 1 FROM shortlist WHERE dataset = ? AND company_id = ?",
                (self.dataset_key, company_id),
            ).fetchone()
        return row is not None

    def set_shortlisted(self, company_id: str, on: bool) -> None:
        """Star (``on``) or unstar the company; starring twice keeps the first date."""
        _check_id(company_id)
        with self._writing() as conn:
            if on:
                conn.execute(
                    "INSERT INTO shortlist (dataset, company_id, added_at) VALUES (?, ?, ?) "
                    "ON CONFLICT (dataset, company_id) DO NOTHING",
                    (self.dataset_key, company_id, _now()),
                )
            else:
                conn.execute(
                    "DELETE FROM shortlist WHERE dataset = ? AND company_id = ?",
                    (self.dataset_key, company_id),
                )

    def toggle(self, company_id: str) -> bool:
        """Flip the company's star (in one transaction) and return whether it is now starred."""
        _check_id(company_id)
        with self._writing() as conn:
            gone = conn.execute(
                "DELETE FROM shortlist WHERE dataset = ? AND company_id = ?",
                (self.dataset_key, company_id),
            ).rowcount
            if gone:
                return False
            conn.execute(
                "INSERT INTO shortlist (dataset, company_id, added_at) VALUES (?, ?, ?)",
                (self.dataset_key, company_id, _now()),
            )
            return True

    # -- notes --------------------------------------------------------------------------

    def note(self, company_id: str) -> str:
        """The note on the company in this dataset, or ``""``."""
        _check_id(company_id)
        with self._reading() as conn:
            row = conn.execute(
                "SELECT text FROM notes WHERE dataset = ? AND company_id = ?",
                (self.dataset_key, company_id),
            ).fetchone()
        return "" if row is None else str(row[0])

    def set_note(self, company_id: str, text: str) -> None:
        """Save the note as written; an empty (or all-whitespace) text deletes it."""
        _check_id(company_id)
        if not isinstance(text, str):
            raise TypeError(f"a note is a string, not {type(text).__name__}")
        with self._writing() as conn:
            if text.strip():
                conn.execute(
                    "INSERT INTO notes (dataset, company_id, text, updated_at) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (dataset, company_id) "
                    "DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
                    (self.dataset_key, company_id, text, _now()),
                )
            else:
                conn.execute(
                    "DELETE FROM notes WHERE dataset = ? AND company_id = ?",
                    (self.dataset_key, company_id),
                )

    def notes(self) -> dict[str, str]:
        """Every note in this dataset, by company id."""
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT company_id, text FROM notes WHERE dataset = ? ORDER BY company_id",
                (self.dataset_key,),
            ).fetchall()
        return {str(cid): str(text) for cid, text in rows}

    # -- profiles (global) --------------------------------------------------------------

    def profiles(self) -> dict[str, Weights]:
        """The saved weight profiles by name, in name order (shared by all datasets).

        A profile whose stored weights no longer validate is left out and described in
        :attr:`problems` (which this call replaces); it stays in the file, and saving a profile
        of the same name replaces it.
        """
        with self._reading() as conn:
            rows = conn.execute("SELECT name, weights_json FROM profiles").fetchall()
        out: dict[str, Weights] = {}
        problems: list[str] = []
        for name, raw in sorted(rows, key=lambda r: (str(r[0]).casefold(), str(r[0]))):
            try:
                out[str(name)] = Weights.model_validate_json(raw)
            except (ValueError, TypeError):  # pydantic's ValidationError is a ValueError
                problems.append(
                    f'The saved profile "{name}" could not be read (its weights are not valid for '
                    "this version of the app) and was left out."
                )
        self.problems = problems
        return out

    def save_profile(self, name: str, weights: Weights) -> str:
        """Save ``weights`` under ``name`` (stripped; 1 to 60 characters), replacing a profile of
        that name.  Returns the name as saved; raises ValueError with a plain message for a bad name.
        """
        clean = _clean_profile_name(name)
        if not isinstance(weights, Weights):
            raise TypeError(f"a profile holds Weights, not {type(weights).__name__}")
        with self._writing() as conn:
            conn.execute(
                "INSERT INTO profiles (name, weights_json, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (name) DO UPDATE SET weights_json = excluded.weights_json, "
                "updated_at = excluded.updated_at",
                (clean, weights.model_dump_json(), _now()),
            )
        return clean

    def rename_profile(self, old: str, new: str) -> str:
        """Rename a profile; returns the new name as saved.

        Raises ValueError (plain message) if there is no profile ``old``, if ``new`` is not a
        valid name, or if another profile is already called ``new``.
        """
        if not isinstance(old, str):
            raise TypeError(f"a profile name is a string, not {type(old).__name__}")
        old_clean = old.strip()
        new_clean = _clean_profile_name(new)
        with self._writing() as conn:
            if conn.execute("SELECT 1 FROM profiles WHERE name = ?", (old_clean,)).fetchone() is None:
                raise ValueError(f'There is no saved profile called "{old_clean}".')
            if new_clean == old_clean:
                return new_clean
            if conn.execute("SELECT 1 FROM profiles WHERE name = ?", (new_clean,)).fetchone():
                raise ValueError(
                    f'There is already a profile called "{new_clean}". Choose another name, or '
                    "delete that profile first."
                )
            conn.execute(
                "UPDATE profiles SET name = ?, updated_at = ? WHERE name = ?",
                (new_clean, _now(), old_clean),
            )
        return new_clean

    def delete_profile(self, name: str) -> None:
        """Delete the profile called ``name`` (stripped); nothing happens if there is none."""
        if not isinstance(name, str):
            raise TypeError(f"a profile name is a string, not {type(name).__name__}")
        with self._writing() as conn:
            conn.execute("DELETE FROM profiles WHERE name = ?", (name.strip(),))

    # -- analyst facts (per dataset; never deleted) ------------------------------------------

    def _fact_rows(self, conn: sqlite3.Connection, where: str, args: tuple) -> list[AnalystFact]:
        rows = conn.execute(
            f"SELECT {_FACT_COLUMNS} FROM analyst_facts WHERE dataset = ? {where} ORDER BY id",
            (self.dataset_key, *args),
        ).fetchall()
        out, problems = _facts_of_rows(rows)
        self.problems = problems
        return out

    def _fact(self, conn: sqlite3.Connection, fact_id: int) -> AnalystFact:
        if not isinstance(fact_id, int) or isinstance(fact_id, bool):
            raise TypeError(f"a fact id is a whole number, not {type(fact_id).__name__}")
        found = self._fact_rows(conn, "AND id = ?", (fact_id,))
        if not found:
            raise StateError(f"There is no fact #{fact_id} for this dataset; list them with `facts list`.")
        return found[0]

    def _insert_fact(self, conn: sqlite3.Connection, inp: FactInput, replaces: int | None, now: str) -> int:
        cur = conn.execute(
            "INSERT INTO analyst_facts (dataset, company_id, kind, fields, source, seen, entered_by, "
            "entered_at, retired_at, replaces) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)",
            (
                self.dataset_key,
                inp.company_id,
                inp.kind,
                json.dumps(inp.field_values(), ensure_ascii=False),
                inp.source,
                inp.seen,
                inp.entered_by,
                now,
                replaces,
            ),
        )
        fact_id = int(cur.lastrowid or 0)
        self._log_fact(conn, fact_id, "edit" if replaces is not None else "add", now)
        return fact_id

    def _log_fact(self, conn: sqlite3.Connection, fact_id: int, action: str, now: str) -> None:
        conn.execute(
            "INSERT INTO fact_log (dataset, fact_id, action, at) VALUES (?, ?, ?, ?)",
            (self.dataset_key, fact_id, action, now),
        )

    def add_fact(self, inp: FactInput) -> AnalystFact:
        """Keep a new fact for this dataset (committed at once); returns it with its id."""
        if not isinstance(inp, FactInput):
            raise TypeError(f"a fact is a FactInput, not {type(inp).__name__}")
        inp = inp.as_input() if isinstance(inp, AnalystFact) else inp
        with self._writing() as conn:
            fact_id = self._insert_fact(conn, inp, None, _now())
            return self._fact(conn, fact_id)

    def retire_fact(self, fact_id: int) -> AnalystFact:
        """Retire a fact (it stays, listed as retired, and no longer counts)."""
        with self._writing() as conn:
            fact = self._fact(conn, fact_id)
            if not fact.active:
                raise StateError(f"Fact #{fact_id} was already retired (at {fact.retired_at}).")
            now = _now()
            conn.execute("UPDATE analyst_facts SET retired_at = ? WHERE id = ?", (now, fact_id))
            self._log_fact(conn, fact_id, "retire", now)
            return self._fact(conn, fact_id)

    def restore_fact(self, fact_id: int) -> AnalystFact:
        """Undo the retiring of a fact: it is active again."""
        with self._writing() as conn:
            fact = self._fact(conn, fact_id)
            if fact.active:
                raise StateError(f"Fact #{fact_id} is not retired; there is nothing to restore.")
            conn.execute("UPDATE analyst_facts SET retired_at = NULL WHERE id = ?", (fact_id,))
            self._log_fact(conn, fact_id, "restore", _now())
            return self._fact(conn, fact_id)

    def edit_fact(self, fact_id: int, inp: FactInput) -> AnalystFact:
        """Retire the fact and keep ``inp`` in its place (``replaces`` it), in one transaction."""
        if not isinstance(inp, FactInput):
            raise TypeError(f"a fact is a FactInput, not {type(inp).__name__}")
        inp = inp.as_input() if isinstance(inp, AnalystFact) else inp
        with self._writing() as conn:
            old = self._fact(conn, fact_id)
            if not old.active:
                raise StateError(f"Fact #{fact_id} is retired; restore it before editing it.")
            if inp.company_id != old.company_id:
                raise ValueError(
                    f"company_id: an edit keeps the company ({old.company_id}); add a new fact instead"
                )
            now = _now()
            conn.execute("UPDATE analyst_facts SET retired_at = ? WHERE id = ?", (now, fact_id))
            self._log_fact(conn, fact_id, "retire", now)
            new_id = self._insert_fact(conn, inp, fact_id, now)
            return self._fact(conn, new_id)

    def facts(self, company_id: str | None = None, include_retired: bool = True) -> list[AnalystFact]:
        """The facts of this dataset (of one company), oldest first; retired ones too unless
        ``include_retired`` is False.  A row that no longer validates is left out and described
        in :attr:`problems`."""
        where, args = "", ()
        if company_id is not None:
            _check_id(company_id)
            where, args = "AND company_id = ?", (company_id,)
        if not include_retired:
            where += " AND retired_at IS NULL"
        with self._reading() as conn:
            return self._fact_rows(conn, where, args)

    def fact_log(self, fact_id: int | None = None) -> list[tuple[int, str, str]]:
        """(fact id, action, time) of every add, retire, restore and edit, oldest first."""
        where, args = ("AND fact_id = ?", (fact_id,)) if fact_id is not None else ("", ())
        with self._reading() as conn:
            rows = conn.execute(
                f"SELECT fact_id, action, at FROM fact_log WHERE dataset = ? {where} ORDER BY id",
                (self.dataset_key, *args),
            ).fetchall()
        return [(int(a), str(b), str(c)) for a, b, c in rows]

    def import_facts(self, inputs: Iterable[FactInput]) -> tuple[int, int]:
        """Keep each fact unless it duplicates an active one (same company, kind and fields,
        normalised: :func:`core.analyst.fact_key`), in one transaction; (added, duplicates)."""
        items = list(inputs)
        for inp in items:
            if not isinstance(inp, FactInput):
                raise TypeError(f"a fact is a FactInput, not {type(inp).__name__}")
        added = dupes = 0
        with self._writing() as conn:
            have = {fact_key(f) for f in self._fact_rows(conn, "AND retired_at IS NULL", ())}
            now = _now()
            for inp in items:
                key = fact_key(inp)
                if key in have:
                    dupes += 1
                    continue
                have.add(key)
                self._insert_fact(conn, inp.as_input() if isinstance(inp, AnalystFact) else inp, None, now)
                added += 1
        return added, dupes

    # -- pipeline (per dataset) and stage labels (global) -----------------------------------

    def stage_labels(self) -> dict[str, str]:
        """Every stage's label, in stage order (a renamed stage shows its new label)."""
        with self._reading() as conn:
            rows = dict(conn.execute("SELECT stage, label FROM stage_labels").fetchall())
        return {s: str(rows.get(s) or DEFAULT_STAGE_LABELS[s]) for s in STAGES}

    def rename_stage(self, stage: str, label: str) -> str:
        """Call a stage ``label`` (cleaned, 1 to 40 characters; empty: its default label)."""
        _check_stage(stage)
        if not isinstance(label, str):
            raise TypeError(f"a label is a string, not {type(label).__name__}")
        clean = clean_line(label)
        if len(clean) > STAGE_LABEL_MAX:
            raise ValueError(f"A stage label can be at most {STAGE_LABEL_MAX} characters long.")
        with self._writing() as conn:
            if not clean:
                conn.execute("DELETE FROM stage_labels WHERE stage = ?", (stage,))
            else:
                conn.execute(
                    "INSERT INTO stage_labels (stage, label) VALUES (?, ?) "
                    "ON CONFLICT (stage) DO UPDATE SET label = excluded.label",
                    (stage, clean),
                )
        return clean or DEFAULT_STAGE_LABELS[stage]

    def pipeline(self) -> dict[str, PipelineEntry]:
        """Every company of this dataset in the pipeline, by id."""
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT company_id, stage, owner, next_step, next_date, updated_at FROM pipeline "
                "WHERE dataset = ? ORDER BY company_id",
                (self.dataset_key,),
            ).fetchall()
        return {
            str(r[0]): PipelineEntry(
                company_id=str(r[0]),
                stage=str(r[1]),
                owner=str(r[2]),
                next_step=str(r[3]),
                next_date=str(r[4]),
                updated_at=str(r[5]),
            )
            for r in rows
        }

    def set_pipeline(
        self,
        company_id: str,
        *,
        stage: str | None = None,
        owner: str | None = None,
        next_step: str | None = None,
        next_date: str | None = None,
    ) -> PipelineEntry:
        """Set the given fields of a company's pipeline entry (None: unchanged; "" clears the
        owner, next step or date); a company not in the pipeline enters it at ``stage``
        (default screening).  Each changed field is logged with its time."""
        _check_id(company_id)
        new = _pipeline_fields(stage, owner, next_step, next_date)
        with self._writing() as conn:
            row = conn.execute(
                "SELECT stage, owner, next_step, next_date FROM pipeline WHERE dataset = ? AND company_id = ?",
                (self.dataset_key, company_id),
            ).fetchone()
            old = (
                dict(zip(("stage", "owner", "next_step", "next_date"), map(str, row), strict=True))
                if row is not None
                else {"stage": "", "owner": "", "next_step": "", "next_date": ""}
            )
            merged = {**old, **new}
            if not merged["stage"]:
                merged["stage"] = STAGES[0]
            now = _now()
            changed = [k for k in ("stage", "owner", "next_step", "next_date") if merged[k] != old[k]]
            if changed:
                conn.execute(
                    "INSERT INTO pipeline (dataset, company_id, stage, owner, next_step, next_date, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dataset, company_id) DO UPDATE SET "
                    "stage = excluded.stage, owner = excluded.owner, next_step = excluded.next_step, "
                    "next_date = excluded.next_date, updated_at = excluded.updated_at",
                    (
                        self.dataset_key,
                        company_id,
                        *(merged[k] for k in ("stage", "owner", "next_step", "next_date")),
                        now,
                    ),
                )
                for k in changed:
                    conn.execute(
                        "INSERT INTO pipeline_log (dataset, company_id, field, old, new, at) VALUES (?, ?, ?, ?, ?, ?)",
                        (self.dataset_key, company_id, k, old[k], merged[k], now),
                    )
            got = conn.execute(
                "SELECT updated_at FROM pipeline WHERE dataset = ? AND company_id = ?",
                (self.dataset_key, company_id),
            ).fetchone()
        return PipelineEntry(company_id=company_id, **merged, updated_at=str(got[0]) if got else now)

    def pipeline_log(self, company_id: str | None = None) -> list[PipelineChange]:
        """Every change to the pipeline of this dataset (of one company), oldest first."""
        where, args = "", ()
        if company_id is not None:
            _check_id(company_id)
            where, args = "AND company_id = ?", (company_id,)
        with self._reading() as conn:
            rows = conn.execute(
                f"SELECT company_id, field, old, new, at FROM pipeline_log WHERE dataset = ? {where} ORDER BY id",
                (self.dataset_key, *args),
            ).fetchall()
        return [
            PipelineChange(company_id=str(a), field=str(b), old=str(c), new=str(d), at=str(e))
            for a, b, c, d, e in rows
        ]


# --------------------------------------------------------------------------------------------
# Facts and pipeline: helpers, and reading the facts from any thread

STAGE_LABEL_MAX = 40
PIPELINE_TEXT_MAX = 500
_FACT_COLUMNS = "id, company_id, kind, fields, source, seen, entered_by, entered_at, retired_at, replaces"


def _facts_of_rows(rows: Sequence[tuple]) -> tuple[list[AnalystFact], list[str]]:
    out: list[AnalystFact] = []
    problems: list[str] = []
    for fid, cid, kind, fields_json, source, seen, by, at, retired, replaces in rows:
        try:
            fields = json.loads(fields_json) if fields_json else {}
            if not isinstance(fields, dict):
                raise ValueError("fields are not an object")
            fields = {k: v for k, v in fields.items() if k in FIELD_NAMES}
            out.append(
                AnalystFact(
                    id=int(fid),
                    company_id=cid,
                    kind=kind,
                    **fields,
                    source=source,
                    seen=seen,
                    entered_by=by,
                    entered_at=str(at),
                    retired_at=None if retired is None else str(retired),
                    replaces=None if replaces is None else int(replaces),
                )
            )
        except (ValueError, TypeError) as exc:
            problems.append(f"Fact #{fid} could not be read ({exc}) and was left out.")
    return out, problems


def _check_stage(stage: str) -> str:
    if stage not in STAGES:
        raise ValueError(f"stage: choose one of {', '.join(STAGES)}, got {stage!r}")
    return stage


def _pipeline_fields(
    stage: str | None, owner: str | None, next_step: str | None, next_date: str | None
) -> dict[str, str]:
    new: dict[str, str] = {}
    if stage is not None:
        new["stage"] = _check_stage(stage)
    for name, value in (("owner", owner), ("next_step", next_step)):
        if value is None:
            continue
        if not isinstance(value, str):
            raise TypeError(f"{name} is a string, not {type(value).__name__}")
        clean = clean_line(value)
        if value.strip() and not name_key(clean):  # "" clears it; invisible characters alone do not
            raise ValueError(f"{name}: {ONLY_INVISIBLE.format(value[:80])}")
        if len(clean) > PIPELINE_TEXT_MAX:
            raise ValueError(f"{name}: at most {PIPELINE_TEXT_MAX} characters; shorten it")
        new[name] = clean
    if next_date is not None:
        if not isinstance(next_date, str):
            raise TypeError(f"next_date is a string, not {type(next_date).__name__}")
        d = unicodedata.normalize("NFKC", clean_line(next_date))  # "２０２６－１２－０１" is 2026-12-01
        if d:
            try:
                check_partial_date(d)
            except ValueError as exc:
                raise ValueError(f"next_date: {exc}") from None
        new["next_date"] = d
    return new


def read_facts(state_file: Path | str, dataset_key: str) -> list[AnalystFact]:
    """The facts of a dataset as kept in a state file, read through a connection of its own
    (read-only, closed before returning): safe in any thread.  [] when there is no such file,
    or it has no facts yet (an older schema); :class:`StateError` when it cannot be read."""
    _check_dataset_key(dataset_key)
    path = Path(state_file)
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return []
    except OSError:
        return []
    conn = None
    try:
        conn = _connect(path.resolve().as_uri() + "?mode=ro", DEFAULT_BUSY_TIMEOUT_MS, uri=True)
        if _user_version(conn) < 2:
            return []
        rows = conn.execute(
            f"SELECT {_FACT_COLUMNS} FROM analyst_facts WHERE dataset = ? ORDER BY id", (dataset_key,)
        ).fetchall()
    except sqlite3.Error as exc:
        raise _user_error(exc, writing=False) from exc
    finally:
        if conn is not None:
            conn.close()
    return _facts_of_rows(rows)[0]
