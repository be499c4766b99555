"""Helpers the test modules share: a hang guard for readers, and a table of hostile names in the
import format."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterable
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parents[1] / "data" / "import_template.csv"


def run_guarded(guard_s: float, fn, *args, **kwargs):
    """``fn(*args, **kwargs)`` in a thread: its result, or the exception it raised (returned, not
    raised); the test fails when it has not returned within ``guard_s`` seconds (a hang or
    super-linear growth) — a generous guard, not a timing assertion."""
    out: dict[str, object] = {}

    def run() -> None:
        try:
            out["value"] = fn(*args, **kwargs)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            out["error"] = exc

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(guard_s)
    assert not t.is_alive(), (
        f"{getattr(fn, '__name__', fn)} did not return within {guard_s} s: a hang or super-linear?"
    )
    return out["error"] if "error" in out else out["value"]


def write_named_companies(path: Path, names: Iterable[str]) -> Path:
    """A CSV in the import format with one funded company per name (id c0, c1, …)."""
    cols = TEMPLATE.read_text(encoding="utf-8").splitlines()[0].split(",")
    rows = []
    for i, name in enumerate(names):
        row = dict.fromkeys(cols, "")
        row.update(id=f"c{i}", name=name, name_en=name, country="US", kind="startup", segments="1.1.2")
        row.update(funding_amount=str(10_000_000 * (i + 1)), funding_currency="USD", funding_date="2024")
        rows.append(row)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, cols)
        w.writeheader()
        w.writerows(rows)
    return path
