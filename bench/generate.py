"""Deterministic synthetic universes in the import format (data/README.md).

    python3 -m bench.generate OUT.csv N [--seed 0]
    python3 -m bench.generate OUT.parquet N       # the same table as Parquet (text columns)

A realistic mix: Chinese and Latin names, one to three of the report's segments, about 55% of
companies with a disclosed round — amounts as plain US-dollar numbers, as yuan numbers, and in
the report's vague wording (数千万元, 近亿元, 超2亿元 …) — rounds, dates at year, month or day
precision, a few valuations and investors, and undisclosed figures left empty or "NA".
The same N and seed always give the same bytes.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import numpy as np

from core.ingest import COLUMNS

SEGMENTS = ["1.1.1", "1.1.2", "1.2.1", "1.2.2", "1.2.3", "1.3.1", "1.3.2", "1.4.1", "1.4.2"]
KINDS = [
    "startup",
    "startup",
    "startup",
    "ai_vendor",
    "software_vendor",
    "fintech",
    "big_tech",
    "drug_maker",
    "other",
]
COUNTRIES = ["CN", "CN", "CN", "US", "US", "GB", "SG", "DE", "JP", "NA"]
ROUNDS = ["天使轮", "Pre-A", "A", "A+", "B", "B+", "C", "D", "E", "Strategic"]
VAGUE = [
    "数千万元",
    "近亿元",
    "超2亿元",
    "数亿元人民币",
    "亿级人民币",
    "近5000万元",
    "超1亿美元",
    "数百万美元",
]
SYLLABLES = list("智数云星深度灵犀海天元启明极光量子视界医药芯")
LATIN = [
    "Nova",
    "Quant",
    "Deep",
    "Bright",
    "Vector",
    "Atlas",
    "Helix",
    "Lumen",
    "Orbit",
    "Cobalt",
    "Pixel",
    "Sage",
]


def rows(n: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    seg_count = rng.choice([1, 1, 1, 2, 2, 3], size=n)
    seg_pick = rng.integers(0, len(SEGMENTS), size=(n, 3))
    kind = rng.integers(0, len(KINDS), size=n)
    country = rng.integers(0, len(COUNTRIES), size=n)
    chinese = rng.random(n) < 0.5
    syll = rng.integers(0, len(SYLLABLES), size=(n, 3))
    latin = rng.integers(0, len(LATIN), size=(n, 2))
    has_round = rng.random(n) < 0.55
    amount_form = rng.random(n)
    amount_usd = np.round(10 ** rng.uniform(5.5, 9.3, size=n), -3)
    round_pick = rng.integers(0, len(ROUNDS), size=n)
    year = rng.integers(2015, 2025, size=n)
    month = rng.integers(1, 13, size=n)
    day = rng.integers(1, 29, size=n)
    precision = rng.random(n)
    has_val = rng.random(n) < 0.15
    val_mult = rng.uniform(3, 12, size=n)
    vague = rng.integers(0, len(VAGUE), size=n)
    for i in range(n):
        refs = sorted({SEGMENTS[j] for j in seg_pick[i, : seg_count[i]]})
        if chinese[i]:
            name = "".join(SYLLABLES[j] for j in syll[i]) + "科技"
            name_en = f"{LATIN[latin[i, 0]]} {LATIN[latin[i, 1]]} Tech"
        else:
            name = f"{LATIN[latin[i, 0]]}{LATIN[latin[i, 1]].lower()} AI"
            name_en = ""
        row = {
            "id": f"c{i:07d}",
            "name": f"{name} {i}",
            "name_en": f"{name_en} {i}" if name_en else "",
            "country": COUNTRIES[country[i]],
            "kind": KINDS[kind[i]],
            "segments": ";".join(refs),
        }
        if has_round[i]:
            f = amount_form[i]
            if f < 0.45:
                row["funding_amount"], row["funding_currency"] = f"{amount_usd[i]:.0f}", "USD"
            elif f < 0.75:
                row["funding_amount"], row["funding_currency"] = f"{amount_usd[i] * 7.2:.0f}", "CNY"
            elif f < 0.95:
                row["funding_amount"] = VAGUE[vague[i]]
            else:
                row["funding_amount"] = "NA"  # a round without a disclosed amount
            row["funding_round"] = ROUNDS[round_pick[i]]
            p = precision[i]
            row["funding_date"] = (
                f"{year[i]}"
                if p < 0.3
                else f"{year[i]}-{month[i]:02d}"
                if p < 0.8
                else f"{year[i]}-{month[i]:02d}-{day[i]:02d}"
            )
            if has_val[i] and f < 0.45:
                row["valuation"] = f"{amount_usd[i] * val_mult[i]:.0f}"
        yield row


def write(path: Path, n: int, seed: int = 0) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(COLUMNS), lineterminator="\n")
        w.writeheader()
        w.writerows(rows(n, seed))
    return path


def write_parquet(path: Path, n: int, seed: int = 0) -> Path:
    """The table :func:`write` writes, as a Parquet file of text columns (empty cells missing)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    cols: dict[str, list] = {c: [] for c in COLUMNS}
    for row in rows(n, seed):
        for c in COLUMNS:
            cols[c].append(row.get(c) or None)
    pq.write_table(pa.table({c: pa.array(v, type=pa.string()) for c, v in cols.items()}), path)
    return path


if __name__ == "__main__":
    out, n = Path(sys.argv[1]), int(sys.argv[2])
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 0
    (write_parquet if out.suffix.lower() == ".parquet" else write)(out, n, seed)
    print(f"wrote {n:,} companies to {out}")
