"""The signal table at scale: what it keeps per company, and how it reads.

The table keeps ids and names as Arrow text (:class:`core.signals.TextColumn`), finds an id's
row without a Python dict of every id (:class:`core.signals.RowIndex`), makes its normalised
signals when asked (:class:`core.signals.Normalised`) and sorts its rows in pieces; each
reads as the object arrays and dicts it replaces, with the same figures.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest

from core.ingest import load_dataset
from core.scoring import PRESETS, Weights, rank
from core.signals import (
    BASE_SIGNALS,
    SORT_PARTS,
    STEPS,
    SignalTable,
    TextColumn,
    build_signals,
    minmax,
    name_keys,
    name_order,
    sorted_rows,
)


@pytest.fixture(scope="module")
def table() -> SignalTable:
    return build_signals(load_dataset(), universe="providers")


def test_text_column_reads_as_an_object_array() -> None:
    values = ["b", None, "ä", "中文", "a"]
    col = TextColumn(pa.array(values))
    plain = np.array(values, dtype=object)
    assert len(col) == 5 and list(col) == values and col.tolist() == values
    for i in (0, 1, 3, -1, np.int64(2)):
        assert col[i] == plain[i]
    for rows in (
        [4, 0, 0],
        np.array([2, 3]),
        np.array([], dtype=np.int64),
        np.array([True, False, True, False, True]),
    ):
        got = col[rows]
        assert got.dtype == object and got.tolist() == plain[rows].tolist()
    assert col[1:4].tolist() == values[1:4]
    assert np.asarray(col).tolist() == values
    assert "中文" in col and "x" not in col and 3 not in col
    with pytest.raises(IndexError):
        col[5]
    with pytest.raises(IndexError):
        col[np.array([0, 5])]
    with pytest.raises(IndexError):
        col[np.array([True, False])]


def test_row_index_finds_ids_as_a_dict_would(table: SignalTable) -> None:
    ids = list(table.ids)
    index = table.row_of
    expected = {cid: row for row, cid in enumerate(ids)}
    for cid, row in expected.items():
        assert index[cid] == row and cid in index and index.get(cid) == row
    assert "no such company" not in index and index.get("no such company", -7) == -7 and None not in index
    with pytest.raises(KeyError):
        index["no such company"]
    many = [ids[5], "nope", ids[0], ids[5], *ids[10:30], 12]
    assert index.rows(many).tolist() == [expected.get(c, -1) if isinstance(c, str) else -1 for c in many]
    assert index.rows([]).tolist() == [] and index.rows(["nope"]).tolist() == [-1]


def test_normalised_signals_are_made_when_asked_and_read_as_a_dict(table: SignalTable) -> None:
    norm = table.norm
    assert list(norm) == list(BASE_SIGNALS) and len(norm) == len(BASE_SIGNALS) and "market" in norm
    inside = table.in_universe
    for key in BASE_SIGNALS:
        col = norm[key]
        assert col.shape == (len(table),) and np.isnan(col[~inside]).all()
        assert np.nanmin(col) >= 0 and np.nanmax(col) <= 1
        for row in range(len(table)):
            one = norm.at(key, row)
            assert (np.isnan(one) and np.isnan(col[row])) or one == col[row]
    stars = np.where(inside, table.raw["market"], np.nan)
    np.testing.assert_array_equal(norm["market"], minmax(stars))
    with pytest.raises(KeyError):
        norm["nothing"]


def test_the_sort_in_pieces_is_the_one_sort() -> None:
    rng = np.random.default_rng(3)
    words = ["Acme", "acme", "ÄCME", "Zeta", "zeta ai", "智谱", "", "beta", "Beta", "ǅx", "straße", "STRASSE"]
    names = [words[i] for i in rng.integers(0, len(words), 3000)]
    ids = [f"c{i}" for i in rng.permutation(3000)]
    keys = name_keys(names, ids)
    expected = sorted(range(3000), key=lambda i: (names[i].casefold(), ids[i]))
    assert name_order(names, ids).tolist() == expected
    for parts in (1, 2, SORT_PARTS, 50):
        ticks: list[int] = []
        got = sorted_rows(keys, parts, lambda t=ticks: t.append(1))
        assert got.tolist() == expected
        assert len(ticks) == (parts if parts > 1 else 0)
    one = name_keys(["only"], ["x"])
    assert sorted_rows(one, SORT_PARTS).tolist() == [0]
    assert sorted_rows(name_keys([], []), SORT_PARTS).tolist() == []


def test_build_reports_every_step_in_order_and_leaves_the_store_columns_as_they_are() -> None:
    ds = load_dataset()
    seen: list[int] = []
    table = build_signals(ds, progress=lambda done, total: seen.append(done) is None and total == STEPS)
    assert seen == sorted(seen) and sorted(set(seen)) == list(range(STEPS + 1))  # (cancel points repeat one)
    cols = ds.store.signal_columns(ds.meta.fx_cny_per_usd, "providers")
    raw = dict(cols["raw"])
    again = SignalTable.from_columns(**cols)
    assert set(cols["raw"]) == set(raw) and all(cols["raw"][k] is raw[k] for k in raw)  # not emptied
    assert list(again.ids) == list(table.ids)
    for k in BASE_SIGNALS:
        if k != "traction":  # (the store's columns have no sentence counts: build_signals adds them)
            np.testing.assert_array_equal(again.norm[k], table.norm[k])


def test_a_table_without_kinds_or_evidence_shares_one_default(table: SignalTable) -> None:
    n = 4
    t = SignalTable.from_columns(
        ids=np.array(["d", "c", "b", "a"], dtype=object),
        names=np.array(["D", "C", "B", "A"], dtype=object),
        raw={k: np.arange(n, dtype=float) for k in BASE_SIGNALS if k != "traction"},
        funding_total_usd=np.full(n, np.nan),
        funding_approx=np.zeros(n, dtype=bool),
        latest_valuation_usd=np.full(n, np.nan),
        fx_cny_per_usd=7.0,
        countries=np.array(["CN", "US", "", "CN"]),
        segment_refs=("1",),
        segment_member=np.ones((n, 1), dtype=bool),
        role_member=np.zeros((n, 6), dtype=bool),
        search_text=np.array(["d", "c", "b", "a"], dtype=object),
    )
    assert list(t.ids) == ["a", "b", "c", "d"] and t.kinds.tolist() == ["other"] * n
    assert t.evidence.tolist() == [0.0] * n and t.raw["traction"].tolist() == [0.0] * n
    assert t.valuation_approx.all() and list(t.norm["traction"]) == [0.5] * n
    r = rank(t, PRESETS["balanced"])
    assert sorted(r.order.tolist()) == [0, 1, 2, 3] and (r.rank > 0).all()
    zero = rank(t, Weights(value=0, difficulty=0, funding=0))
    assert (zero.rank == 1).all()


@pytest.mark.parametrize("scans", [0, 2, 100])
def test_an_id_lookup_finds_the_first_row_of_each_id_by_scan_and_by_search(scans: int) -> None:
    import pyarrow as pa

    from core.source import IdLookup

    values = ["b", "a", "c", "a", "zz", None, "中", "é", "a\x00", "", "B"]
    lookup = IdLookup(pa.array(values, type=pa.large_string()))
    lookup.SCANS = scans
    for q in [*values, "x", "ä", None, 3]:
        expected = next((i for i, v in enumerate(values) if q is not None and v == q), -1)
        assert lookup.find(q) == expected, q
