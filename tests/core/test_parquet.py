"""Parquet and Arrow IPC (Feather) imports: the same companies, signals and messages as a CSV."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.feather as feather
import pyarrow.parquet as pq
import pytest

from bench.generate import write, write_parquet
from core.ingest import COLUMNS, DatasetError, ImportCancelled, load_dataset
from core.signals import build_signals


def _same_signals(a, b) -> None:
    ta, tb = build_signals(a), build_signals(b)
    assert list(ta.ids) == list(tb.ids)
    for k in ta.raw:
        np.testing.assert_array_equal(ta.raw[k], tb.raw[k])
    np.testing.assert_array_equal(ta.segment_member, tb.segment_member)


def test_a_parquet_file_loads_as_its_csv(tmp_path: Path) -> None:
    csv_ds = load_dataset(write(tmp_path / "u.csv", 400), columnar_min_bytes=0)
    pq_ds = load_dataset(write_parquet(tmp_path / "u.parquet", 400))
    assert pq_ds.store.n_companies == csv_ds.store.n_companies == 400
    assert pq_ds.store.n_mentions == csv_ds.store.n_mentions
    assert pq_ds.store.n_funding == csv_ds.store.n_funding
    _same_signals(csv_ds, pq_ds)
    cid = str(build_signals(csv_ds).ids[7])
    assert pq_ds.store.company(cid) == csv_ds.store.company(cid)


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_feather_and_typed_columns_read_as_the_csv_text(tmp_path: Path) -> None:
    rows = _rows(write(tmp_path / "u.csv", 50))
    cols = {c: [r[c] or None for r in rows] for c in COLUMNS}
    table = pa.table({c: pa.array(v, type=pa.string()) for c, v in cols.items()})
    # a plain USD amount as a float column, as a spreadsheet tool would write it
    amounts = [float(a) if a and a.isdigit() else None for a in cols["funding_amount"]]
    numeric = table.drop_columns(["funding_amount"]).append_column("funding_amount", pa.array(amounts))
    feather.write_feather(numeric, tmp_path / "u.feather")
    plain = [
        r | {"funding_amount": (r["funding_amount"] if r["funding_amount"].isdigit() else "")} for r in rows
    ]
    with (tmp_path / "p.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(COLUMNS), lineterminator="\n")
        w.writeheader()
        w.writerows(plain)
    _same_signals(
        load_dataset(tmp_path / "p.csv", columnar_min_bytes=0), load_dataset(tmp_path / "u.feather")
    )


def test_a_bad_parquet_file_gives_the_csv_messages(tmp_path: Path) -> None:
    rows = _rows(write(tmp_path / "u.csv", 30))
    rows[4]["country"] = "China"
    rows[9]["id"] = rows[2]["id"]
    with (tmp_path / "bad.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(COLUMNS), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    pq.write_table(
        pa.table({c: pa.array([r[c] or None for r in rows], type=pa.string()) for c in COLUMNS}),
        tmp_path / "bad.parquet",
    )
    with pytest.raises(DatasetError) as from_csv:
        load_dataset(tmp_path / "bad.csv", columnar_min_bytes=0)
    with pytest.raises(DatasetError) as from_parquet:
        load_dataset(tmp_path / "bad.parquet")
    said = [(p.record, p.field, p.message) for p in from_csv.value.problems]
    assert said and [(p.record, p.field, p.message) for p in from_parquet.value.problems] == said
    assert all(p.file == "bad.parquet" for p in from_parquet.value.problems)


def test_a_file_that_is_not_parquet_is_refused_in_plain_words(tmp_path: Path) -> None:
    bad = tmp_path / "x.parquet"
    bad.write_bytes(b"id,name\nc1,Acme\n")
    with pytest.raises(DatasetError, match="not a readable Parquet file"):
        load_dataset(bad)


def test_a_parquet_without_the_required_columns_says_which(tmp_path: Path) -> None:
    pq.write_table(pa.table({"company": ["Acme"]}), tmp_path / "x.parquet")
    with pytest.raises(DatasetError) as err:
        load_dataset(tmp_path / "x.parquet")
    assert any("row 1" in p.record for p in err.value.problems)


def test_a_parquet_import_can_be_cancelled(tmp_path: Path) -> None:
    path = write_parquet(tmp_path / "u.parquet", 100)
    with pytest.raises(ImportCancelled):
        load_dataset(path, lambda done, total: done < 50)
