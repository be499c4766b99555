"""A ranked result as terminal text or CSV (what `main.py rank` prints), from the columns of
:mod:`core.columns` and the words of :mod:`core.present`."""

from __future__ import annotations

import csv
import io

from core import columns, present
from core.results import RankResult
from core.texttable import render


def headline(result: RankResult) -> str:
    """One line: the dataset, the universe, the weights, the missing-data policy, the rate and
    the filters."""
    w = result.weights
    d = result.dataset
    return (
        f"{d.name} — {d.universe}: {d.screened} of {d.companies} companies"
        + (f" ({d.ranked} ranked)" if d.ranked != d.screened else "")
        + f"; weights value={w['value']:g} difficulty={w['difficulty']:g} funding={w['funding']:g}"
        + (f" (preset {result.preset})" if result.preset else "")
        + f"; {present.policy_sentence(d.missing)}; 1 USD = {d.fx_cny_per_usd:g} CNY"
        + f"; filters: {result.filters}"
    )


def format_table(result: RankResult) -> str:
    """The headline, the table (Chinese and Latin text lined up), and a footer on stability."""
    cols = columns.CLI
    rows = [[col.company_text(c) for col in cols] for c in result.companies]
    table = render(
        [col.short for col in cols],
        rows,
        [col.align == "right" for col in cols],
        max_width=[col.width or 10**6 for col in cols],
    )
    stab = columns.STABILITY.short
    footer = f"{len(result.companies)} shown"
    if result.tie_note:
        footer += f"; {result.tie_note}"
    footer += f". {stab} = {present.stability_definition(result.top_k)}."
    return headline(result) + "\n" + table + "\n" + footer


def format_csv(result: RankResult) -> str:
    """One header row of column keys, then one row per company (machine values)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([col.key for col in columns.CSV])
    for c in result.companies:
        w.writerow([col.csv_value(c) for col in columns.CSV])
    return buf.getvalue()
