"""Column helpers of the large-file path: each rule once per distinct value, not once per row."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from core.money import parse_amount

_PLAIN = r"\d+(?:\.\d+)?"


def column(df: pd.DataFrame, name: str) -> pd.Series:
    """The column, or all missing when the file has no such column."""
    if name in df.columns:
        return df[name]
    return pd.Series(pd.NA, index=df.index, dtype="str")


def squash(s: pd.Series) -> pd.Series:
    """Whitespace removed and lower-cased (:func:`core.source.squash` on a column, with Arrow's kernels)."""
    arr = pa.array(s.fillna("").astype(object).to_numpy(), type=pa.string())
    out = pc.utf8_lower(pc.replace_substring_regex(arr, pattern=r"\s+", replacement=""))
    return pd.Series(out.to_numpy(zero_copy_only=False), index=s.index, dtype=object)


def plain_numbers(text: pd.Series) -> np.ndarray:
    """Amounts written as a plain number, in the money parser's grammar (digits, one decimal
    point, thousands commas); NaN for anything else, which goes through the parser itself."""
    t = text.fillna("").astype("str").str.replace(",", "", regex=False)
    plain = t.str.fullmatch(_PLAIN).fillna(False).to_numpy(dtype=bool)
    out = np.full(len(text), np.nan)
    if plain.any():
        out[plain] = pd.to_numeric(t[plain]).to_numpy(dtype=float)
    return out


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
