"""Column helpers of the large-file path: each rule once per distinct value, not once per row."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from core.money import AMOUNT_RANGE, parse_amount
from core.records import name_key
from core.source import release_memory

_PLAIN = r"[0-9]+(?:\.[0-9]+)?"
#: What Python's str.strip() removes (Arrow's own trim knows another whitespace).
PY_SPACE = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
#: How segment references are separated in a cell (core.ingest.import_format.split_refs).
REF_SEPARATORS = "[;；,，]"
#: Text whose name key (:func:`core.records.name_key`) Arrow's kernels give exactly: ASCII and
#: the CJK unified ideographs (NFKC and case folding leave both as they are).
_PLAIN_TEXT = r"^[\x00-\x7f\x{4e00}-\x{9fff}]*$"


def release() -> None:
    """Give the memory freed by a step back to the system (:func:`core.source.release_memory`)."""
    release_memory()


def arrow(s: pd.Series) -> pa.Array:
    """A text column as one Arrow string array (missing cells null), without a copy when it
    already is one."""
    arr = pa.array(s.array) if isinstance(s.dtype, pd.StringDtype) else None
    if arr is None:
        arr = pa.array(s.astype(object).where(s.notna(), None).to_numpy(), type=pa.large_string())
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    return arr.cast(pa.large_string()) if arr.type != pa.large_string() else arr


def exploded_refs(s: pd.Series) -> tuple[np.ndarray, pa.Array]:
    """Every segment reference of every row, as :func:`core.ingest.import_format.split_refs`
    reads a cell (split, stripped, empty pieces left out): the row position of each, and the
    references, in row order.  One pass of Arrow kernels, no Python per row."""
    lists = pc.split_pattern_regex(arrow(s), pattern=REF_SEPARATORS)
    parents = pc.list_parent_indices(lists).to_numpy()
    refs = pc.utf8_trim(pc.list_flatten(lists), characters=PY_SPACE)
    keep = pc.not_equal(refs, "").to_numpy(zero_copy_only=False)
    return parents[keep], refs.filter(pa.array(keep))


def column(df: pd.DataFrame, name: str) -> pd.Series:
    """The column, or all missing when the file has no such column."""
    if name in df.columns:
        return df[name]
    return pd.Series(pd.NA, index=df.index, dtype="str")


#: pandas' own text columns: Arrow strings, missing cells NaN.
TEXT = pd.StringDtype("pyarrow", na_value=np.nan)


def text_series(arr: pa.Array | pa.ChunkedArray, index: pd.Index | None = None) -> pd.Series:
    """An Arrow string array as a pandas text column (:data:`TEXT`), without a Python object
    per value."""
    chunked = arr if isinstance(arr, pa.ChunkedArray) else pa.chunked_array([arr])
    out = chunked.to_pandas(types_mapper={pa.large_string(): TEXT, pa.string(): TEXT}.get)
    if index is not None:
        out.index = index
    return out


def _ascii(arr: pa.Array) -> bool:
    b = _bytes(arr)
    return not len(b) or int(b.max()) < 0x80


def text_bytes(s: pd.Series) -> np.ndarray:
    """The UTF-8 bytes of a text column's values, end to end (a view, no copy)."""
    return _bytes(arrow(s))


def _bytes(arr: pa.Array) -> np.ndarray:
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    if arr.type != pa.large_string():
        arr = arr.cast(pa.large_string())
    offsets, data = arr.buffers()[1], arr.buffers()[2]
    if data is None or not len(arr):
        return np.zeros(0, dtype=np.uint8)
    at = np.frombuffer(offsets, dtype=np.int64)[arr.offset : arr.offset + len(arr) + 1]
    return np.frombuffer(data, dtype=np.uint8)[at[0] : at[-1]]


def printable_ascii(s: pd.Series) -> bool:
    """Whether every value of a text column is printable ASCII (bytes 0x20 to 0x7e): such text
    holds no control, invisible or bidi character, and NFKC leaves it as it is.  Two passes
    over the bytes, no regular expression."""
    b = text_bytes(s)
    return not len(b) or (int(b.min()) >= 0x20 and int(b.max()) <= 0x7E)


def no_ascii_controls(s: pd.Series) -> bool:
    """Whether no value of a text column holds an ASCII control character (below 0x20, or
    0x7f; in UTF-8 these bytes stand only for themselves)."""
    b = text_bytes(s)
    return not len(b) or (int(b.min()) >= 0x20 and not bool((b == 0x7F).any()))


def within_chars(s: pd.Series, limit: int) -> bool:
    """Whether no value of a text column is longer than ``limit`` characters, known from the
    lengths in bytes alone when none is longer than that (a character is one byte or more);
    False when that does not settle it."""
    if not isinstance(s.dtype, pd.StringDtype):
        return False
    arr = pa.array(s.array)
    for chunk in arr.chunks if isinstance(arr, pa.ChunkedArray) else [arr]:
        longest = pc.max(pc.binary_length(chunk)).as_py() if len(chunk) else None
        if longest is not None and longest > limit:
            return False
    return True


def longer_than(s: pd.Series, limit: int) -> np.ndarray:
    """Whether each value of a text column is longer than ``limit`` characters (missing: no)."""
    if within_chars(s, limit):
        return np.zeros(len(s), dtype=bool)
    return s.str.len().fillna(0).gt(limit).to_numpy(dtype=bool)


def keys_of(arr: pa.Array, fn: Callable[[str], str], ascii_pattern: str) -> pa.Array:
    """``fn`` of every value (missing read as ""), as an Arrow string array: Arrow's kernels
    where the text is ASCII or CJK ideographs (where they give the same as ``fn``), ``fn``
    itself once per distinct other value."""
    arr = pc.fill_null(arr, "")
    out = pc.utf8_lower(pc.replace_substring_regex(arr, pattern=ascii_pattern, replacement=""))
    if _ascii(arr):  # (an English name column: no regular expression to know it is plain)
        return out
    plain = pc.match_substring_regex(arr, pattern=_PLAIN_TEXT)
    if pc.all(plain).as_py() is False:
        other = pc.invert(plain)
        texts = arr.filter(other)
        distinct = pc.unique(texts)
        mapped = pa.array([fn(u) for u in distinct.to_pylist()], type=out.type)
        out = pc.replace_with_mask(out, other, mapped.take(pc.index_in(texts, value_set=distinct)))
    return out


def squash_arrow(arr: pa.Array) -> pa.Array:
    """:func:`core.source.squash` of every value of an Arrow string array (missing read as "")."""
    return keys_of(arr, name_key, r"[\x00-\x20\x7f]+")


def squash(s: pd.Series) -> pd.Series:
    """:func:`core.source.squash` of every value of a column: the search key of a name, and the
    form two names are compared in (:func:`core.records.name_key`)."""
    return text_series(squash_arrow(arrow(s)), s.index)


def plain_numbers(text: pd.Series) -> np.ndarray:
    """Amounts written as a plain number, in the money parser's grammar (ASCII digits, one
    decimal point, thousands commas); NaN for anything else, which goes through the parser
    itself.  A figure beyond the float range is infinite (never an error)."""
    t = text.fillna("").astype("str").str.replace(",", "", regex=False)
    plain = t.str.fullmatch(_PLAIN).fillna(False).to_numpy(dtype=bool)
    out = np.full(len(text), np.nan)
    if plain.any():
        figures = arrow(t[plain])
        try:  # Arrow's parse rounds correctly, as float() does
            out[plain] = pc.cast(figures, pa.float64()).to_numpy()
        except (pa.ArrowInvalid, OverflowError):  # a figure beyond the float range
            with np.errstate(over="ignore"):
                out[plain] = t[plain].astype(object).map(float).to_numpy(dtype=float)
    return out


def plausible(figures: np.ndarray) -> np.ndarray:
    """Whether each figure is a plausible amount (:data:`core.money.AMOUNT_RANGE`); NaN is not."""
    low, high = AMOUNT_RANGE
    with np.errstate(invalid="ignore"):
        return (figures >= low) & (figures <= high)


def map_unique(s: pd.Series, fn: Callable[[str], object]) -> pd.Series:
    """``fn`` of each value, computed once per distinct value (dates, rounds and vague amounts
    repeat a lot in a large universe)."""
    present = s.dropna()
    if not len(present):
        return pd.Series(pd.NA, index=s.index, dtype=object)
    table = {u: fn(u) for u in present.unique()}
    return s.map(table, na_action="ignore")


def lookup(s: pd.Series, fn: Callable[[str], object], missing: object, dtype=object) -> np.ndarray:
    """``fn`` of each value as a numpy array (``missing`` where the cell is missing), computed
    once per distinct value and spread by Arrow's hash lookup, not by a Python loop per row."""
    arr = arrow(s)
    distinct = pc.drop_null(pc.unique(arr))
    values = np.empty(len(distinct) + 1, dtype=dtype)
    values[:-1] = [fn(u) for u in distinct.to_pylist()]
    values[-1] = missing
    at = pc.fill_null(pc.index_in(arr, value_set=distinct), len(distinct)).to_numpy()
    return values[at]


@lru_cache(maxsize=1 << 16)
def stated_currency(text: str) -> str | None:
    """The currency an amount's own words name ("2亿美元" USD), or None."""
    m = parse_amount(text)
    return m.currency if m.parsed and m.currency_stated else None
