"""A user's CSV: its encoding, its dialect sniffed from a sample, its rows as the user sees them."""

from __future__ import annotations

import csv
import io
import re
import sys
from collections import Counter
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


#: The note a CSV read as Chinese GBK carries (both import paths give it).
GBK_NOTE = "read as Chinese GB18030/GBK text (not UTF-8)"
_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
#: Characters a Chinese text in GBK is made of besides ASCII: CJK ideographs and punctuation,
#: full-width forms, the punctuation Chinese text uses (“” — … · × ÷ ① Ⅲ ℃ №).
_CHINESE_TEXT = re.compile(
    "[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
    "\u2010-\u2027\u2030-\u203b\u2103\u2116\u2160-\u217f\u2460-\u24ff\u00b7\u00d7\u00f7]*"
)
_SAVE_AS_UTF8 = (
    "save it as “CSV UTF-8” in Excel (File → Save As → CSV UTF-8), or choose the character set "
    "Unicode (UTF-8) when saving in LibreOffice or Numbers"
)


def _where(data: bytes, offset: int) -> str:
    """ "line 3 ('Cr\\xe9dit Agricole')": where a byte sits, quoted as it is written."""
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", max(0, offset - 40), offset) + 1 or max(0, offset - 40)
    end = data.find(b"\n", offset, offset + 40)
    snippet = data[start : end if end != -1 else offset + 40].decode("utf-8", "backslashreplace").strip()
    return f"line {line} ({snippet!r})"


def _reads_as_chinese(data: bytes) -> int | None:
    """None when every non-ASCII byte of ``data`` pairs into a Chinese character of GBK, most of
    them common ones (GB2312 level 1); else the offset of the first byte that does not.

    Text in a Western or Cyrillic code page also decodes as GBK more often than not (Latin-1
    "Crédit" reads "Cr閐it"), so decoding alone proves nothing; those texts put single accented
    letters between ASCII ones, or pair into rare characters and letters no Chinese text uses.
    Linear in the data."""
    ideographs = common = 0
    for m in _HIGH_RUN.finditer(data):
        run = m.group()
        try:
            text = run.decode("gb18030")
        except UnicodeDecodeError:
            return m.start()
        if len(text) * 2 != len(run) or not _CHINESE_TEXT.fullmatch(text):
            return m.start()
        for i, ch in enumerate(text):
            if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff":
                ideographs += 1
                common += 0xB0 <= run[2 * i] <= 0xD7
    if ideographs and common * 2 < ideographs:
        return next(_HIGH_RUN.finditer(data)).start()
    return None


def _valid_utf8(data: bytes) -> bool:
    """Whether ``data`` is UTF-8 text, by Arrow's validation of the bytes where they are (the
    same rule as Python's strict decoder: no surrogate, overlong form or code point beyond
    U+10FFFF), without making a str of a file; False when it cannot tell."""
    try:
        import numpy as np
        import pyarrow as pa

        offsets = pa.py_buffer(np.array([0, len(data)], dtype=np.int64))
        arr = pa.LargeBinaryArray.from_buffers(pa.large_binary(), 1, [None, offsets, pa.py_buffer(data)])
        arr.cast(pa.large_string())
    except Exception:  # (invalid, or no Arrow: the decoder decides)
        return False
    return True


def text_encoding(name: str, data: bytes) -> tuple[str, str | None]:
    """The codec the CSV ``data`` is read with, and the note said when it is not UTF-8.

    UTF-8 (with or without a BOM) and UTF-16 with a BOM are read as such; text that is not UTF-8
    is read as Chinese GBK/GB18030 (what Excel writes on a Chinese Windows) only when it can be
    nothing else (:func:`_reads_as_chinese`); anything else is refused with how to save it as
    UTF-8, never guessed.  Raises DatasetError."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise fail(name, f"UTF-32 text, which the screener does not read; {_SAVE_AS_UTF8}")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", "read as UTF-16"
    head = data[:4096]
    if b"\x00" in head:
        even, odd = head[0::2], head[1::2]
        if even.count(0) > len(even) * 0.4 or odd.count(0) > len(odd) * 0.4:
            raise fail(
                name, f"UTF-16 text without a byte-order mark, which cannot be read safely; {_SAVE_AS_UTF8}"
            )
        raise fail(name, "not a text file (it holds binary data); export your table as CSV or XLSX")
    try:
        if not _valid_utf8(data):
            data.decode("utf-8")  # (raises; its error says where)
    except UnicodeDecodeError as exc:
        bad = _reads_as_chinese(data)
        if bad is not None:
            first = min(bad, exc.start)
            raise fail(
                name,
                f"not UTF-8 or GBK text: {_where(data, first)} holds bytes that are not UTF-8, and "
                f"guessing their encoding could garble names; {_SAVE_AS_UTF8}",
            ) from exc
        return "gb18030", GBK_NOTE
    return "utf-8-sig", None


def decode(name: str, data: bytes) -> tuple[str, str | None]:
    """Text of a CSV (:func:`text_encoding`), and a note on how it was read when that was not UTF-8."""
    codec, note = text_encoding(name, data)
    try:
        return data.decode(codec), note
    except UnicodeDecodeError as exc:
        raise fail(
            name, f"damaged {codec.upper()} text at {_where(data, exc.start)}; {_SAVE_AS_UTF8}"
        ) from exc


def sniff_delimiter(sample: str) -> str:
    """The delimiter of a CSV, judged from a sample of its first lines, not from its header alone.

    Each candidate (comma, semicolon, tab) splits the sample's records as a CSV reader would,
    quotes respected; the one that gives the most records the same number (above one) of fields
    wins, the larger number breaking a tie.  When none splits anything (one line only, or no
    candidate) the first line's most frequent candidate is used, and a comma when it holds none.
    Linear in the sample (:class:`csv.Sniffer` is not: its quote search is quadratic)."""
    lines = sample.splitlines()
    if len(lines) > 1 and not sample.endswith(("\n", "\r")):
        lines = lines[:-1]  # a line cut off by the sample would count fewer delimiters
    lines = [line for line in lines if line.strip()][:SNIFF_LINES]
    if len(lines) > 1:
        best: tuple[float, int, int] | None = None
        choice = ","
        for rank, d in enumerate(DELIMITERS):
            try:
                counts = [len(r) for r in csv.reader(io.StringIO("\n".join(lines) + "\n"), delimiter=d)]
            except csv.Error:
                continue
            tally = Counter(c for c in counts if c)
            if not tally:
                continue
            mode = max(tally, key=lambda c: (tally[c], c))
            if mode <= 1:
                continue
            key = (tally[mode] / tally.total(), mode, -rank)
            if best is None or key > best:
                best, choice = key, d
        if best is not None and best[0] > 0.5:
            return choice
    first = lines[0] if lines else ""
    counts = {d: first.count(d) for d in DELIMITERS}
    best_d = max(counts, key=lambda d: counts[d])
    return best_d if counts[best_d] else ","


def allow_long_fields(text: str) -> None:
    """Let the csv module read a cell of any length, so that a long cell gets the located
    32,767-character message instead of the module's own field limit (only ever raised)."""
    if csv.field_size_limit() < len(text) + 1:
        csv.field_size_limit(min(sys.maxsize, len(text) + 1))


def read_csv_table(path: Path, data: bytes | None = None) -> tuple[Table, list[str]]:
    """The CSV's header and rows (numbered as the user sees them), and notes on how it was read."""
    data = read_checked(path) if data is None else data
    check_csv_bytes(path.name, data)
    text, note = decode(path.name, data)
    notes = [f"{path.name}: {note}"] if note else []
    if not text.strip():
        raise fail(path.name, "the file is empty; it needs a header row and one row per company")
    delimiter = sniff_delimiter(text[:SNIFF_BYTES])
    allow_long_fields(text)
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
