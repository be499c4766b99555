"""A user's file before it is read: not too large, and the kind of file it claims to be.  What
went wrong with a path, in plain words, is :mod:`core.paths` (shared with the state store and the
memo writer)."""

from __future__ import annotations

from pathlib import Path

from core.ingest.errors import fail
from core.paths import describe_os_error

#: Largest file accepted (bytes).  A million companies as CSV is about 150 MB.
MAX_FILE_BYTES = 512 * 1024 * 1024


def size_text(size: int, limit: int) -> tuple[str, str]:
    """Two sizes written so that they read differently whenever they differ (never
    "512 MB; the limit is 512 MB"): in MB with as many decimals as it takes, else in bytes."""
    mb = 1024**2
    for decimals in range(4):
        a, b = f"{size / mb:,.{decimals}f}", f"{limit / mb:,.{decimals}f}"
        if a != b:
            return f"{a} MB", f"{b} MB" if limit % mb else f"{limit // mb:,} MB"
    return f"{size:,} bytes", f"{limit:,} bytes ({limit / mb:,.0f} MB)"


def read_checked(path: Path) -> bytes:
    """The file's bytes, or a DatasetError for a missing, empty or too large file."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise fail(path.name, f"cannot be read: {describe_os_error(exc)}") from exc
    if size == 0:
        raise fail(path.name, "the file is empty; it needs a header row and one row per company")
    if size > MAX_FILE_BYTES:
        have, limit = size_text(size, MAX_FILE_BYTES)
        raise fail(
            path.name,
            f"the file is {have}; the limit is {limit}. Split it or remove columns the screener does not use",
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise fail(path.name, f"cannot be read: {describe_os_error(exc)}") from exc


def not_a_table(data: bytes) -> str | None:
    """A plain-words reason why these bytes are not a CSV or XLSX, or None."""
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data[
            :65536
        ] or (b"EncryptedPackage" in data[:65536]):
            return "a password-protected workbook; remove the password in Excel (File → Info) and save again"
        return "an old Excel 97–2003 (.xls) workbook; open it in Excel or LibreOffice and save it as .xlsx or CSV"
    for magic, what in (
        (b"%PDF", "a PDF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"Rar!", "a RAR archive"),
        (b"7z\xbc\xaf", "a 7-Zip archive"),
    ):
        if data.startswith(magic):
            return f"{what}, not a spreadsheet; export your table as CSV or XLSX"
    return None


def is_zip(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04")
