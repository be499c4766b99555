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

_PLAIN = r"[0-9]+(?:\.[0-9]+)?"


def column(df: pd.DataFrame, name: str) -> pd.Series:
    """The column, or all missing when the file has no such column."""
    if name in df.columns:
        return df[name]
    return pd.Series(pd.NA, index=df.index, dtype="str")


def _keys(s: pd.Series, fn: Callable[[str], str], ascii_pattern: str) -> pd.Series:
    """``fn`` of every value: Arrow's kernels where the text is ASCII (where they give the same
    as ``fn``), ``fn`` itself once per distinct other value."""
    arr = pa.array(s.fillna("").astype(object).to_numpy(), type=pa.string())
    ascii_ = pc.string_is_ascii(arr).to_numpy(zero_copy_only=False)
    out = pc.utf8_lower(pc.replace_substring_regex(arr, pattern=ascii_pattern, replacement=""))
    result = pd.Series(out.to_numpy(zero_copy_only=False), index=s.index, dtype=object)
    if not ascii_.all():
        other = ~ascii_
        texts = pd.Series(arr.to_numpy(zero_copy_only=False)[other], dtype=object)
        result[other] = map_unique(texts, fn).to_numpy(dtype=object)
    return result


def squash(s: pd.Series) -> pd.Series:
    """:func:`core.source.squash` of every value of a column: the search key of a name, and the
    form two names are compared in (:func:`core.records.name_key`)."""
    return _keys(s, name_key, r"[\x00-\x20\x7f]+")


def plain_numbers(text: pd.Series) -> np.ndarray:
    """Amounts written as a plain number, in the money parser's grammar (ASCII digits, one
    decimal point, thousands commas); NaN for anything else, which goes through the parser
    itself.  A figure beyond the float range is infinite (never an error)."""
    t = text.fillna("").astype("str").str.replace(",", "", regex=False)
    plain = t.str.fullmatch(_PLAIN).fillna(False).to_numpy(dtype=bool)
    out = np.full(len(text), np.nan)
    if plain.any():
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


@lru_cache(maxsize=1 << 16)
def stated_currency(text: str) -> str | None:
    """The currency an amount's own words name ("2亿美元" USD), or None."""
    m = parse_amount(text)
    return m.currency if m.parsed and m.currency_stated else None
