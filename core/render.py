"""A ranked result as terminal text or CSV (what `main.py rank` prints), from the columns of
:mod:`core.columns` and the words of :mod:`core.present`; the lenses likewise (`main.py lenses`)."""

from __future__ import annotations

import csv
import io
import re

from core import columns, present
from core.results import LensesResult, RankResult
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


#: What a spreadsheet may take for the start of a formula when a CSV cell begins with it
#: (OWASP, "CSV Injection"): = + - @, a tab and a carriage return.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def neutralise(value: object) -> object:
    """A CSV cell that a spreadsheet will not run: text starting with = + - @, a tab or a
    carriage return (also after leading spaces) gets a single quote in front, as OWASP
    recommends ("=1+1" is written "'=1+1").  Numbers, and text that is only a number ("-12.5"),
    stay as they are."""
    if not isinstance(value, str) or not value:
        return value
    if value[0] in FORMULA_START or value.lstrip()[:1] in FORMULA_START:
        if _PLAIN_NUMBER.fullmatch(value):
            return value
        return "'" + value
    return value


def format_csv(result: RankResult) -> str:
    """One header row of column keys, then one row per company (machine values).  No text
    cell can run as a spreadsheet formula (:func:`neutralise`)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([col.key for col in columns.CSV])
    for c in result.companies:
        w.writerow([neutralise(col.csv_value(c)) for col in columns.CSV])
    return buf.getvalue()


# --- lenses (`main.py lenses`) ----------------------------------------------------------------


def lenses_headline(result: LensesResult) -> str:
    """One line: the dataset, the universe, the number of lenses, the policy, the rate, the filters."""
    d = result.dataset
    return (
        f"{d.name} — {d.universe}: {d.screened} of {d.companies} companies"
        + (f" ({d.ranked} ranked)" if d.ranked != d.screened else "")
        + f"; {len(result.lenses)} lenses"
        + f"; {present.policy_sentence(d.missing)}; 1 USD = {d.fx_cny_per_usd:g} CNY"
        + f"; filters: {result.filters}"
    )


def format_lenses_table(result: LensesResult, *, all_rows: bool = False) -> str:
    """The headline, one row per company with its rank under each lens, how many lenses have it
    in the top N, and the robust and Pareto marks; a footer naming each lens's weights and
    saying what the marks mean.  ``all_rows``: the rows are every ranked company, not only
    those in some lens's top N (the footer says which)."""
    n = result.top_n
    heads = ["Company", "English"] + [present.lens_short(lens.name) for lens in result.lenses]
    heads += ["Top", "Robust", "Pareto"]
    right = [False, False] + [True] * len(result.lenses) + [True, False, False]
    rows = []
    for c in result.companies:
        english = c.name_en if c.name_en and c.name_en != c.name else ""
        cells = [c.name, english]
        cells += [present.rank_text(c.ranks[lens.name], c.shared[lens.name]) for lens in result.lenses]
        cells += [
            f"{c.top}/{len(result.lenses)}",
            present.ROBUST_MARK if c.robust else "",
            present.PARETO_MARK if c.pareto else "",
        ]
        rows.append(cells)
    widths = [16, 18] + [10**6] * (len(heads) - 2)
    table = render(heads, rows, right, max_width=widths)
    legend = "; ".join(
        (
            f"{lens.label} "
            if present.lens_short(lens.name) == lens.label
            else f"{present.lens_short(lens.name)} = {lens.label} "
        )
        + present.weights_triple(lens.weights)
        for lens in result.lenses
    )
    which = "every ranked company" if all_rows else f"the companies in the top {n} under at least one lens"
    of = result.dataset.ranked
    footer = [
        f"{len(result.companies)} shown: {which}, most lenses first.",
        f"Lenses (value, difficulty, funding): {legend}.",
        f"Top = under how many lenses the company is in the top {n}.",
        f"Robust {present.ROBUST_MARK} = {present.robust_definition(n)}: {result.n_robust} of {of} ranked.",
        f"Pareto {present.PARETO_MARK} = {present.pareto_definition()}: {result.n_pareto} of {of} ranked.",
    ]
    return "\n".join([lenses_headline(result), table, *footer])


def format_lenses_csv(result: LensesResult) -> str:
    """One header row (id, name, name_en, ``rank:<lens>`` per lens, top, robust, pareto), then one
    row per company.  No cell, a profile's name in the header included, can run as a
    spreadsheet formula (:func:`neutralise`)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    names = [lens.name for lens in result.lenses]
    w.writerow(
        [
            neutralise(h)
            for h in ["id", "name", "name_en", *(f"rank:{n}" for n in names), "top", "robust", "pareto"]
        ]
    )
    for c in result.companies:
        row = [c.id, c.name, c.name_en, *(c.ranks[n] for n in names), c.top, c.robust, c.pareto]
        w.writerow([neutralise(v) for v in row])
    return buf.getvalue()
