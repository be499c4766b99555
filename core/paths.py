"""What went wrong with a path, in plain words with what to do: a missing file, a symbolic-link
loop, a name too long or not UTF-8, a denied permission, a full disk.  Standard library only, so
the ingest package, the state store and the memo writer all say it the same way."""

from __future__ import annotations

import errno
import os
from pathlib import Path

#: The longest name of one file or folder most file systems take (bytes, encoded).
NAME_MAX_DEFAULT = 255

_OS_ERRORS = {
    errno.ENOENT: "there is no such file or folder; check the path",
    errno.ENOTDIR: "a part of the path is a file, not a folder; check the path",
    errno.ELOOP: "the path goes round a loop of symbolic links (a link that leads back to itself); "
    "point the link at the real file",
    errno.ENAMETOOLONG: "the name is too long for the file system; choose a shorter name or a folder "
    "nearer the top",
    errno.EACCES: "permission denied; choose a file or folder you may use, or ask for access",
    errno.EPERM: "the operation is not permitted here; choose another file or folder",
    errno.EROFS: "the file system is read-only; choose a folder you can write to",
    errno.ENOSPC: "the disk is full; free some space or choose another disk",
    errno.EDQUOT: "your disk quota is used up; free some space or choose another disk",
    errno.EFBIG: "the file grew larger than the file system allows; choose another disk",
    errno.EISDIR: "it is a folder, not a file",
    errno.EIO: "the disk reported an input/output error; check the disk",
}


def describe_os_error(exc: OSError) -> str:
    """What an OSError means, in plain words with what to do (no errno, no traceback)."""
    text = _OS_ERRORS.get(exc.errno or 0)
    if text:
        return text
    return str(exc.strerror or exc).strip() or type(exc).__name__


def shown_path(path: str | os.PathLike[str], limit: int = 200) -> str:
    """A path as text that can always be printed: bytes that are not UTF-8 shown as \\xNN, and a
    path longer than ``limit`` characters shortened in the middle (with its length)."""
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    if len(text) <= limit:
        return text
    keep = max(10, limit // 2 - 10)
    return f"{text[:keep]}…{text[-keep:]} ({len(text):,} characters)"


def not_utf8(path: str | os.PathLike[str]) -> bool:
    """Whether the path holds bytes that are not UTF-8 text (as Python reads them: surrogates)."""
    try:
        os.fspath(path).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def name_max(folder: Path) -> int:
    """The longest file name (bytes) the file system of ``folder`` takes."""
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (OSError, ValueError, AttributeError):  # no pathconf (Windows), or not a folder
        return NAME_MAX_DEFAULT


def too_long_name(path: Path, folder: Path | None = None) -> str | None:
    """Why the last part of ``path`` is too long for its file system, or None."""
    size = len(os.fsencode(path.name))
    limit = name_max(folder if folder is not None else path.parent)
    if size <= limit:
        return None
    return (
        f"the file name is {size:,} bytes long and the file system takes at most {limit:,}; "
        "choose a shorter name"
    )


def path_problem(path: Path) -> str | None:
    """Why ``path`` cannot be used as a file or folder to read, in plain words, or None.

    Tells a missing path from a symbolic-link loop, a name too long, a path through a file and
    a denied permission: ``Path.exists`` reports all of them as "does not exist" (or raises).
    """
    if not_utf8(path):
        return (
            "the name holds bytes that are not UTF-8 text (shown as \\xNN); rename the file or "
            "folder using ordinary characters"
        )
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ENOENT and os.path.lexists(path):
            return "a symbolic link whose target is missing; point the link at the real file"
        if exc.errno == errno.ENAMETOOLONG:
            return _too_long(path) or describe_os_error(exc)
        return describe_os_error(exc)
    except ValueError:  # a NUL byte in the name
        return "the name holds a NUL character; check the path"
    return None


def _too_long(path: Path) -> str | None:
    """Which part of a path is too long for the file system, with the numbers."""
    limit = name_max(Path(os.path.abspath(path)).anchor or Path("."))
    for part in path.parts:
        size = len(os.fsencode(part))
        if size > limit:
            return (
                f"a name in the path is {size:,} bytes long and the file system takes at most "
                f"{limit:,}; choose a shorter name"
            )
    size = len(os.fsencode(os.path.abspath(path)))
    return f"the path is {size:,} bytes long, more than the file system takes; choose a folder nearer the top"
