"""The large-file path's shortcuts give what the plain way gives.

The name keys of the cross-row check are made in blocks of rows on two threads and reused for
the search text; the distinct-key count is made in parts by key length; amounts are parsed
once.  Here the blocks and parts are made tiny, so that a small table goes through every one
of those ways, and the results are compared with the plain ones (the search text with the
frame's own lazy making of it, the problems with the row path's).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pyarrow as pa
import pytest

import core.ingest.columnar as columnar
from core.ingest import DatasetError, ImportCancelled, load_dataset
from core.ingest.frame import CompanyFrame
from core.source import search_key

HEADER = ["id", "name", "name_en", "aliases", "country", "segments", "funding_amount", "valuation"]

#: Names and aliases Arrow's kernels do not key alone (full width, case folding, combining
#: marks, Hangul, invisible characters), with empty and blank alias pieces.
NAMES = [
    ("Ａｃｍｅ", "ΣΊΣΥΦΟΣ", "ｶﾀｶﾅ; ;Ab\u200bc；；x"),
    ("e\u0301clair", "Straße", ";  ;"),
    ("智谱 AI", "Zhipu AI", "智谱华章;GLM"),
    ("한국\u1100\u1161", "Café", "\u3000Acme Labs\u3000; ﬁne"),
    ("Plain", "", ""),
    ("ǅemal", "İstanbul", "ß;ẞ;ss"),
]


def _rows(n: int, clash: bool = False) -> list[list[str]]:
    rows = []
    for i in range(n):
        name, en, aliases = NAMES[i % len(NAMES)]
        rows.append(
            [
                f"c{i}",
                f"{name} {i}",
                f"{en} {i}" if en else "",
                "".join(
                    p if p in ";；" or not p.strip() else f"{p} {i}" for p in re.split("([;；])", aliases)
                ),
                "CN",
                "1.1.1;1.1.2",
                f"{i},000" if i % 3 else "about 2亿美元",
                str(i * 1000) if i % 2 else "",
            ]
        )
    if clash:
        rows[-1][3] = rows[0][1]  # an alias naming the first company
    return rows


def _write(tmp_path: Path, rows: list[list[str]]) -> Path:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HEADER)
    w.writerows(rows)
    path = tmp_path / "universe.csv"
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


@pytest.fixture
def tiny_blocks(monkeypatch):
    monkeypatch.setattr(columnar, "_KEY_BLOCK", 5)
    monkeypatch.setattr(columnar, "_SPLIT_KEYS", 1)


@pytest.mark.parametrize("blocks", [False, True])
def test_the_search_text_made_from_the_name_keys_is_the_frames_own(tmp_path, request, blocks):
    if blocks:
        request.getfixturevalue("tiny_blocks")
    ds = load_dataset(_write(tmp_path, _rows(23)), columnar_min_bytes=0)
    frame = ds.columns
    made = frame.__dict__["_search_text"]  # handed over by the reader
    plain = CompanyFrame(frame.source, frame.df, frame.segments)._search_text
    assert made.type == pa.large_string() and made.equals(plain)
    for i, text in enumerate(made.to_pylist()):
        r = frame.df.iloc[i]
        cells = [r["name"], r["name_en"]]
        names = [c if isinstance(c, str) else "" for c in cells]
        aliases = r["aliases"] if isinstance(r["aliases"], str) else ""
        pieces = aliases.replace("；", ";").split(";") if aliases else [""]
        assert text == search_key([*names, *pieces])


def test_tiny_blocks_find_the_same_clash_as_the_row_path(tmp_path, tiny_blocks):
    path = _write(tmp_path, _rows(17, clash=True))
    with pytest.raises(DatasetError) as big:
        load_dataset(path, columnar_min_bytes=0)
    with pytest.raises(DatasetError) as small:
        load_dataset(path, columnar_min_bytes=10**12)
    assert sorted(map(str, big.value.problems)) == sorted(map(str, small.value.problems))
    assert any("also names company" in str(p) for p in big.value.problems)


def test_tiny_blocks_load_what_the_row_path_loads(tmp_path, tiny_blocks):
    path = _write(tmp_path, _rows(19))
    big = load_dataset(path, columnar_min_bytes=0)
    small = load_dataset(path, columnar_min_bytes=10**12)
    assert big.summary() == small.summary()
    assert sorted(big.warnings) == sorted(small.warnings)


def test_progress_never_goes_back_and_a_cancel_in_the_name_keys_stops_the_load(tmp_path, tiny_blocks):
    path = _write(tmp_path, _rows(29))
    seen: list[int] = []
    load_dataset(path, lambda done, total: seen.append(done) is None, columnar_min_bytes=0)
    assert seen == sorted(seen) and seen[-1] == 100
    assert seen.count(60) > 3  # (a step per block of names)
    calls = []

    def cancel_in_keys(done: int, total: int) -> bool:
        calls.append(done)
        return not (done == 60 and calls.count(60) == 5)  # (in the blocks of name keys)

    with pytest.raises(ImportCancelled):
        load_dataset(path, cancel_in_keys, columnar_min_bytes=0)


def test_the_row_path_can_be_cancelled_while_its_records_are_checked(tmp_path) -> None:
    """A small file takes the row path: once its rows are read (progress at 100%), the records
    are still being checked, with a cancel point every few hundred of them."""
    from bench.generate import write
    from core.ingest import ImportCancelled

    path = write(tmp_path / "u.csv", 2000)
    calls: list[tuple[int, int]] = []

    def count(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    load_dataset(path, progress=count, columnar_min_bytes=10**9)
    at_end = [c for c in calls if c[0] == c[1]]
    assert len(at_end) > 2  # the read's last tick, then cancel points while checking

    seen: list[int] = []

    def stop_once_checking(done: int, total: int) -> bool:
        if done == total:
            seen.append(done)
        return len(seen) < 2  # the first call while checking says stop

    with pytest.raises(ImportCancelled):
        load_dataset(path, progress=stop_once_checking, columnar_min_bytes=10**9)
