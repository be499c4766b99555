"""A user's CSV: its encoding, its dialect sniffed from a sample, its rows as the user sees them."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from core.ingest.errors import fail
from core.ingest.files import is_zip, not_a_table, read_checked
from core.ingest.tables import Table

#: The delimiters a CSV may use (Excel writes ";" where "," is the decimal separator).
DELIMITERS = ",;\t"
#: How much of a file the dialect is sniffed from.
SNIFF_BYTES = 64 * 1024
SNIFF_LINES = 50


def check_csv_bytes(name: str, data: bytes) -> None:
    """Refuse bytes that are plainly not a CSV (an image, a workbook with a .csv name ...)."""
    reason = not_a_table(data)
    if reason or is_zip(data):
        raise fail(name, reason or "an XLSX workbook with a .csv name; rename it to .xlsx")


def decode(name: str, data: bytes) -> tuple[str, str | None]:
    """Text of a CSV: UTF-8 (with or without BOM), else GB18030 (a superset of GBK).

    Returns the text and a note on how it was read when that was not UTF-8."""
    if b"\x00" in data[:4096]:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            try:
                return data.decode("utf-16"), "read as UTF-16"
            except UnicodeDecodeError:
                pass
        raise fail(name, "not a text file (it holds binary data); export your table as CSV or XLSX")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "read as Chinese GB18030/GBK text (not UTF-8)"
    except UnicodeDecodeError as exc:
        raise fail(
            name, f"not UTF-8 or GBK text (byte {exc.start}); save it as “CSV UTF-8” in Excel"
        ) from exc


def sniff_delimiter(sample: str) -> str:
    """The delimiter of a CSV, judged from a sample of its first lines, not from its header alone.

    :class:`csv.Sniffer` chooses among comma, semicolon and tab by where quoted fields sit and by
    which character every line holds equally often.  When it cannot tell (one line only, or no
    consistent candidate) the first line's most frequent candidate is used, and a comma when it
    holds none."""
    lines = sample.splitlines()
    if len(lines) > 1 and not sample.endswith(("\n", "\r")):
        lines = lines[:-1]  # a line cut off by the sample would count fewer delimiters
    lines = [line for line in lines if line.strip()][:SNIFF_LINES]
    if len(lines) > 1:
        try:
            return csv.Sniffer().sniff("\n".join(lines) + "\n", delimiters=DELIMITERS).delimiter
        except csv.Error:
            pass
    first = lines[0] if lines else ""
    counts = {d: first.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv_table(path: Path, data: bytes | None = None) -> tuple[Table, list[str]]:
    """The CSV's header and rows (numbered as the user sees them), and notes on how it was read."""
    data = read_checked(path) if data is None else data
    check_csv_bytes(path.name, data)
    text, note = decode(path.name, data)
    notes = [f"{path.name}: {note}"] if note else []
    if not text.strip():
        raise fail(path.name, "the file is empty; it needs a header row and one row per company")
    delimiter = sniff_delimiter(text[:SNIFF_BYTES])
    # strict: an unclosed quote is an error, not the rest of the file swallowed into one cell
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise fail(path.name, f"not readable as CSV ({exc})") from exc
    table = Table(path.name, [h.strip() for h in header])
    try:
        for number, values in enumerate(reader, start=2):
            table.rows.append((number, list(values)))
    except csv.Error as exc:
        row = len(table.rows) + 2
        raise fail(
            path.name,
            f'row {row}: not readable as CSV ({exc}); look for a quote (") that is opened and not closed',
        ) from exc
    return table, notes
