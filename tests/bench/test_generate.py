"""The benchmark's synthetic universes: deterministic, in the import format, loadable both ways."""

from __future__ import annotations

from bench.generate import write
from core.ingest import load_dataset


def test_the_same_seed_gives_the_same_bytes(tmp_path):
    a = write(tmp_path / "a.csv", 500, seed=3).read_bytes()
    b = write(tmp_path / "b.csv", 500, seed=3).read_bytes()
    c = write(tmp_path / "c.csv", 500, seed=4).read_bytes()
    assert a == b and a != c


def test_a_generated_universe_loads_the_same_by_rows_and_by_columns(tmp_path):
    path = write(tmp_path / "u.csv", 3000, seed=0)
    by_rows = load_dataset(path, columnar_min_bytes=10**12)
    by_columns = load_dataset(path, columnar_min_bytes=0)
    assert by_rows.columns is None and by_columns.columns is not None
    assert by_rows.summary() == by_columns.summary()
    assert by_rows.warnings == () and by_columns.warnings == ()
    funded = [f for f in by_rows.funding]
    assert 0.45 < len(funded) / 3000 < 0.65  # about 55% disclose a round
    assert any(not f.amount_text for f in funded) and any(
        "万" in f.amount_text or "亿" in f.amount_text for f in funded
    )
    for cid in ("c0000000", "c0001234", "c0002999"):
        assert by_rows.company(cid) == by_columns.company(cid)
        assert by_rows.funding_of(cid) == by_columns.funding_of(cid)
