"""The Excel memo for an investment committee (openpyxl; no Qt).

One workbook, in the order a committee reads it:

* **Summary** (exports.sheets_summary): what was screened (the report by its title, the
  universe, the date), the weights in words, the companies with shared ranks and a one-line
  reason each, the robust and Pareto-optimal picks, the caveats;
* **Shortlist**, **Method** and **Segments** (exports.sheets_tables); the Shortlist gains
  Stage, Owner and Next step columns when the request names a pipeline;
* **Pipeline** (exports.sheets_pipeline), after the Shortlist, when the request names a
  pipeline: the analyst's companies grouped by stage;
* **Compare** (exports.sheets_compare): the companies side by side, six to a printed page;
* **Lenses** (exports.sheets_lenses): each company's rank under every preset and saved profile;
* one sheet per company (exports.sheets_company), with three sensitivity charts and the
  analyst's own facts marked ✎ with their source, beside the report's.

The GUI and the command line both call :func:`write_memo` with a :class:`MemoRequest`.  Cell
craft (safe text, padding, fonts, the print arithmetic) is exports.cells.

The file is written to a temporary file beside the target and moved into place with
``os.replace``: a failure leaves any earlier file whole and no half-written file.  The temporary
name is cut to fit the file system; an existing read-only target is never replaced.
"""

from __future__ import annotations

import contextlib
import glob
import os
import stat
import tempfile
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zipfile import ZipFile

try:
    from lxml.etree import SerialisationError
except ImportError:  # openpyxl writes without lxml then, and only raises OSError

    class SerialisationError(Exception):  # type: ignore[no-redef]
        """Never raised: lxml is not installed."""


from openpyxl import Workbook
from openpyxl.worksheet._writer import WorksheetWriter

from core import __version__, present
from core.i18n import QT_TRANSLATE_NOOP, SOURCE_LANGUAGE, language, translate
from core.paths import describe_os_error, name_max, path_problem, shown_path, too_long_name
from exports import cells
from exports.cells import (
    CELL_MAX,
    CHUNK,
    RANK_SHARED_FORMAT,
    clean_sheet_name,
    sheet_link,
    usd_cell,
    usd_format,
)
from exports.content import MemoCancelled, MemoContent, MemoError, MemoRequest, memo_content
from exports.sheets_company import MEMO_SHEET_COLUMNS, company_sheet
from exports.sheets_compare import compare_sheet
from exports.sheets_lenses import lenses_sheet
from exports.sheets_pipeline import pipeline_sheet
from exports.sheets_summary import summary_sheet
from exports.sheets_tables import (
    FIRST_DATA_ROW,
    NUMBER_LABELS,
    SHORTLIST_COLUMNS,
    method_sheet,
    segments_sheet,
    shortlist_sheet,
)

__all__ = [
    "CELL_MAX",
    "CHUNK",
    "FIRST_DATA_ROW",
    "FIXED_SHEETS",
    "MAX_MEMO_SHEETS",
    "PIPELINE_SHEET",
    "MEMO_SHEET_COLUMNS",
    "NUMBER_LABELS",
    "RANK_SHARED_FORMAT",
    "SHORTLIST_COLUMNS",
    "MemoCancelled",
    "MemoContent",
    "MemoError",
    "MemoRequest",
    "build_workbook",
    "clean_sheet_name",
    "sheet_link",
    "usd_cell",
    "usd_format",
    "write_memo",
]

#: Memo sheets are written for the first this-many companies (the shortlist sheet lists all).
MAX_MEMO_SHEETS = 100
#: The sheets every memo opens with, in order; one sheet per company follows.  These are the
#: sheets' keys and English names; :func:`sheet_title` names them in the memo's language.
FIXED_SHEETS = (
    QT_TRANSLATE_NOOP("memo", "Summary"),
    QT_TRANSLATE_NOOP("memo", "Shortlist"),
    QT_TRANSLATE_NOOP("memo", "Compare"),
    QT_TRANSLATE_NOOP("memo", "Lenses"),
    QT_TRANSLATE_NOOP("memo", "Method"),
    QT_TRANSLATE_NOOP("memo", "Segments"),
)
#: The sheet of the analyst's pipeline, after the Shortlist when the request names a pipeline.
PIPELINE_SHEET = QT_TRANSLATE_NOOP("memo", "Pipeline")


def sheet_title(key: str) -> str:
    """The name of one of the fixed sheets in the memo's language: a valid sheet name (at most
    31 characters, none of []:*?/\\), its English name when the translation is not one."""
    title = translate("memo", key)
    if title != key and (len(title) > cells.SHEET_NAME_MAX or cells._BAD_SHEET_CHARS.search(title)):
        return key
    return title


def company_sheet_name(rank: int, shared: bool, name: str, name_en: str) -> str:
    """A company sheet's name before it is made valid and unique: its shared rank and its
    English name in English ("3= Zhipu AI"), its own name in Chinese ("3= 智谱AI")."""
    shown = name if language() != SOURCE_LANGUAGE or not name_en else name_en
    return f"{present.rank_text(rank, shared) if rank > 0 else '–'} {shown}"


# --- the workbook and the safe write ------------------------------------------------------


def build_workbook(req: MemoRequest, progress: Callable[[int, int], bool] | None = None) -> Workbook:
    """The memo as an openpyxl Workbook.  ``progress(done, total)`` returning False cancels."""
    content = memo_content(req)
    rows = content.rows
    with_memo = rows[:MAX_MEMO_SHEETS] if req.memo_sheets else []
    total = len(rows) + len(with_memo) + len(FIXED_SHEETS) + content.has_pipeline
    done = 0

    def tick(n: int = 1) -> None:
        nonlocal done
        done += n
        if progress is not None and progress(done, total) is False:
            raise MemoCancelled("export cancelled")

    wb = Workbook()
    cells.use_memo_fonts(wb)
    fixed = FIXED_SHEETS
    if content.has_pipeline:  # the analyst's pipeline, after the Shortlist
        fixed = (*FIXED_SHEETS[:2], PIPELINE_SHEET, *FIXED_SHEETS[2:])
    content.sheet_names = {key: sheet_title(key) for key in fixed}
    taken = {name.casefold() for name in (*fixed, *content.sheet_names.values())}
    content.memo_names = {
        c.id: clean_sheet_name(company_sheet_name(c.rank, c.shared, c.name, c.name_en), taken)
        for c in with_memo
    }
    summary = wb.active
    summary.title = content.sheet_names["Summary"]
    sheets = {
        key: (summary if key == "Summary" else wb.create_sheet(content.sheet_names[key])) for key in fixed
    }
    summary_sheet(sheets["Summary"], content)
    tick()
    shortlist_sheet(sheets["Shortlist"], content)
    tick(len(rows) + 1)
    if content.has_pipeline:
        pipeline_sheet(sheets[PIPELINE_SHEET], content)
        tick()
    compare_sheet(sheets["Compare"], content)
    tick()
    lenses_sheet(sheets["Lenses"], content)
    tick()
    method_sheet(sheets["Method"], content, MAX_MEMO_SHEETS)
    tick()
    segments_sheet(sheets["Segments"], content)
    for c in with_memo:
        company_sheet(wb.create_sheet(content.memo_names[c.id]), content, c)
        tick()
    wb.properties.title = translate("memo_cells", cells.MEMO_HEADER)
    wb.properties.creator = f"AIGC screener {__version__}"
    tick()
    return wb


#: The temporary file a memo is written to, beside the target: ``.~{stem}.XXXXXXXX.xlsx.tmp``.
TMP_SUFFIX = ".xlsx.tmp"
_TMP_OVERHEAD = len(".~") + len(".") + 8 + len(TMP_SUFFIX)  # 8: the random part mkstemp adds


def _temporary_prefix(target: Path, folder: Path) -> str:
    """The prefix of the temporary file beside ``target``: the target's stem, cut so that the
    whole temporary name fits the file system even when the target's own name only just fits."""
    stem = target.stem
    budget = max(1, name_max(folder) - _TMP_OVERHEAD)
    while len(os.fsencode(stem)) > budget:
        stem = stem[:-1]
    return f".~{stem}."


def _remove_stale_temporaries(target: Path, folder: Path, older_than_s: float = 600.0) -> None:
    """Delete temporary files an interrupted earlier export of the same target left behind."""
    now = datetime.now().timestamp()
    pattern = glob.escape(_temporary_prefix(target, folder)) + "*" + TMP_SUFFIX
    with contextlib.suppress(OSError):
        for stale in folder.glob(pattern):
            with contextlib.suppress(OSError):
                if now - stale.stat().st_mtime > older_than_s:
                    stale.unlink()


def _ordinary_permissions(path: Path) -> None:
    """mkstemp makes a private file; a memo gets the permissions any new file would (umask)."""
    umask = os.umask(0)
    os.umask(umask)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o666 & ~umask)


def _check_target(target: Path, folder: Path) -> None:
    """Raise MemoError when the memo cannot or must not be written at ``target``: its folder is
    missing (or not a folder), its name is too long, it is a folder, a link loop, or an existing
    read-only file (never replaced silently)."""
    shown = shown_path(target)
    problem = path_problem(folder)
    if problem and not os.path.lexists(folder):
        raise MemoError(
            translate(
                "memo", "{file}: the folder {folder} does not exist; create it or choose another folder"
            ).format(file=shown, folder=shown_path(folder))
        )
    if problem:
        raise MemoError(
            translate("memo", "{file}: the folder {folder} cannot be used: {problem}").format(
                file=shown, folder=shown_path(folder), problem=problem
            )
        )
    try:
        if not folder.is_dir():
            raise MemoError(
                translate("memo", "{file}: {folder} is not a folder; choose another folder").format(
                    file=shown, folder=shown_path(folder)
                )
            )
    except OSError as exc:
        raise MemoError(f"{shown}: {describe_os_error(exc)}") from exc
    too_long = too_long_name(target, folder)
    if too_long:
        raise MemoError(f"{shown}: {too_long}")
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return  # a new file (or a link to a missing one, which is replaced by the memo)
    except OSError as exc:
        raise MemoError(f"{shown}: {describe_os_error(exc)}") from exc
    if stat.S_ISDIR(st.st_mode):
        raise MemoError(
            translate("memo", "{file} is a folder; give a file name ending in .xlsx").format(file=shown)
        )
    # a file with no write permission was made read-only on purpose (even root may not replace it)
    if not st.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise MemoError(
            translate(
                "memo",
                "{file} is read-only, so it was not replaced. Save under another name, or make the "
                "file writable first.",
            ).format(file=shown)
        )


class _Guarded:
    """The temporary file as the zip writer sees it.  After a failure (a full disk) it is
    dropped: what the abandoned zip archive still tries to write when it is garbage-collected
    goes nowhere, instead of failing again as "Exception ignored in ZipFile.__del__"."""

    def __init__(self, fh) -> None:
        self._fh = fh
        self.dropped = False
        self._pos = 0  # once dropped: where the writes that go nowhere would be

    def drop(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self._pos = self._fh.tell()
        self.dropped = True

    def write(self, data) -> int:
        if self.dropped:
            self._pos += len(data)
            return len(data)
        return self._fh.write(data)

    def seek(self, offset: int, whence: int = 0) -> int:
        if self.dropped:
            self._pos = offset if whence == 0 else self._pos + offset
            return self._pos
        return self._fh.seek(offset, whence)

    def tell(self) -> int:
        return self._pos if self.dropped else self._fh.tell()

    def flush(self) -> None:
        if not self.dropped:
            self._fh.flush()

    def seekable(self) -> bool:
        return True


def _release(exc: BaseException) -> None:
    """Close what a failed save left open: the zip archive, and each worksheet's half-written
    XML stream with its temporary file (openpyxl writes a sheet to a temporary file first).
    Left to the garbage collector, each would try to finish writing and print "Exception
    ignored in …" on a full disk."""
    seen: set[int] = set()
    for frame, _line in traceback.walk_tb(exc.__traceback__):
        for value in list(frame.f_locals.values()):
            if id(value) in seen:
                continue
            seen.add(id(value))
            if isinstance(value, WorksheetWriter):
                with contextlib.suppress(Exception):
                    value.xf.close()
                with contextlib.suppress(Exception):
                    value.cleanup()
            elif isinstance(value, ZipFile):
                with contextlib.suppress(Exception):
                    value.close()


def _save(wb: Workbook, fh) -> None:
    """Write the workbook into an open binary file; on any failure nothing is left open that
    could write to it (or fail) later."""
    guarded = _Guarded(fh)
    try:
        wb.save(guarded)
    except BaseException as exc:
        guarded.drop()
        _release(exc)
        raise


def write_memo(
    path: str | Path, req: MemoRequest, progress: Callable[[int, int], bool] | None = None
) -> Path:
    """Write the memo to ``path`` safely (temporary file beside it, then an atomic replace).

    Raises MemoError (a message naming the file and what to do) when the target cannot or must
    not be written; MemoCancelled when ``progress`` returns False.  Nothing is left behind by a
    failure: no temporary file, no open file, and the earlier file (if any) is whole.
    """
    target = Path(path).expanduser()
    shown = shown_path(target)
    if target.suffix.lower() != ".xlsx":
        raise MemoError(
            translate(
                "memo", "{file}: the memo is an Excel workbook; give a file name ending in .xlsx"
            ).format(file=shown)
        )
    folder = target.parent if str(target.parent) else Path(".")
    _check_target(target, folder)
    wb = build_workbook(req, progress)
    _remove_stale_temporaries(target, folder)
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=_temporary_prefix(target, folder), suffix=TMP_SUFFIX, dir=folder
        )
    except OSError as exc:
        raise MemoError(
            translate(
                "memo", "{file}: cannot write in {folder}: {error}; choose a folder you can write to"
            ).format(file=shown, folder=shown_path(folder), error=describe_os_error(exc))
        ) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            _save(wb, fh)
            fh.flush()
            os.fsync(fh.fileno())
        _ordinary_permissions(tmp)
        os.replace(tmp, target)
    except PermissionError as exc:
        raise MemoError(
            translate(
                "memo",
                "{file} could not be replaced: it may be open in Excel or another program, or "
                "read-only. Close it there, or save under another name.",
            ).format(file=shown)
        ) from exc
    except OSError as exc:
        raise MemoError(
            translate("memo", "{file} could not be written: {error}; the earlier file is unchanged").format(
                file=shown, error=describe_os_error(exc)
            )
        ) from exc
    except SerialisationError as exc:  # lxml: the temporary file of a sheet could not be written
        raise MemoError(
            translate(
                "memo",
                "{file} could not be written: the temporary space ran out ({error}); free some disk "
                "space and try again. The earlier file is unchanged",
            ).format(file=shown, error=exc)
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return target
