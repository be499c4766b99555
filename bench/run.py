"""The benchmark: speed at 100 to 1,000,000 companies, beside the physical floor.

    python3 -m bench.run                       # N = 100, 10,000, 100,000, 1,000,000
    python3 -m bench.run --sizes 100,10000     # a quicker run
    python3 -m bench.run --open-only --sizes 100000,1000000   # only the open figures (no GUI)

Prints a table and one JSON line (the last line).  Universes are generated once
(deterministically, bench/generate.py) into bench/.cache/.  Every GUI figure is measured in the
real main window, offscreen, in a fresh process with a throwaway state folder.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench" / ".cache"
DEFAULT_SIZES = (100, 10_000, 100_000, 1_000_000)
REPEATS = 21


def universe(n: int, suffix: str = ".csv") -> Path:
    from bench.generate import write, write_parquet

    path = CACHE / f"universe-{n}{suffix}"
    if not path.exists():
        (write_parquet if suffix == ".parquet" else write)(path, n, seed=0)
    return path


def _median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 3)


# --- 1. core re-rank versus the floor ----------------------------------------------------------


def core_rerank(n: int) -> dict:
    import numpy as np
    import pandas as pd

    from core.ingest import load_dataset
    from core.scoring import PRESETS, composite_signals, rank
    from core.signals import build_signals

    ds = load_dataset(universe(n))
    table = build_signals(ds)
    base = PRESETS["balanced"]
    rank(table, base, stability=False)  # warm: composite signals are prepared once per policy
    matrix = composite_signals(table, base, "zero").matrix
    frame = pd.DataFrame(matrix[:, :3], columns=["value", "difficulty", "funding"])
    frame["name"] = table.names
    ours, floor, pandas_way = [], [], []
    for i in range(REPEATS):
        w = base.model_copy(update={"value": 20 + (i % 60)})  # one slider step each time
        t0 = time.perf_counter()
        rank(table, w, stability=False)
        ours.append(time.perf_counter() - t0)
        vec = w.vector()
        t0 = time.perf_counter()
        s = matrix @ vec
        np.argsort(s)
        floor.append(time.perf_counter() - t0)
        # the pandas way a user would write it: a score column, then a sort
        t0 = time.perf_counter()
        frame.assign(
            score=frame["value"] * vec[0] + frame["difficulty"] * vec[1] + frame["funding"] * vec[2]
        ).sort_values("score", ascending=False)
        pandas_way.append(time.perf_counter() - t0)
    o, f, p = _median_ms(ours), _median_ms(floor), _median_ms(pandas_way)
    return {
        "rerank_ms": o,
        "floor_ms": f,
        "ratio": round(o / f, 2) if f else None,
        "pandas_rerank_ms": p,
        "rerank_vs_pandas": round(o / p, 2) if p else None,
    }


# --- 2, 3, 5. the real window, offscreen, in a child process ----------------------------------

_GUI_CHILD = r"""
import json, os, sys, time, statistics
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QTimer, QElapsedTimer
from PySide6.QtWidgets import QApplication
from core.ingest import load_dataset
from ui.app import create_window, ensure_app

path, state, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
app = ensure_app()
t0 = time.perf_counter()
ds = load_dataset(path)
loaded = time.perf_counter() - t0
w, _ = create_window(ds, Path(state))
w.resize(1500, 900)
w.show()
app.processEvents()
w.table.viewport().repaint()
window = time.perf_counter() - t0  # from the file to the first painted table
table = w.table

from PySide6.QtCore import QEventLoop
wake = QTimer(); wake.setInterval(50); wake.start()  # never sleep longer than this
def wait(cond, limit=60.0):
    # like the app's own event loop: sleep until an event (a ranking, a timer) arrives
    end = time.perf_counter() + limit
    while not cond() and time.perf_counter() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)

samples = []
slider = w.weights_panel.sliders["value"]
for i in range(repeats):
    target = -80 + (i * 7) % 160
    if target == slider.value():
        target += 1
    t = time.perf_counter()
    slider.setValue(target)
    wait(lambda: w.ranking.weights.value == target and not w._rank_busy)
    app.processEvents()  # the paint the model update asked for (once; no extra repaint)
    samples.append(time.perf_counter() - t)

# a continuous drag: the value moves every 16 ms for 2 s; a 5 ms heartbeat timer measures how
# long the UI thread is ever kept from it
beats = []
heart = QTimer(); heart.setInterval(5); heart.timeout.connect(lambda: beats.append(time.perf_counter()))
step = {"v": -100}
def move():
    step["v"] = -100 if step["v"] >= 100 else step["v"] + 3
    slider.setValue(step["v"])
drag = QTimer(); drag.setInterval(16); drag.timeout.connect(move)
heart.start(); drag.start()
end = time.perf_counter() + 2.0
while time.perf_counter() < end:
    app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
drag.stop(); heart.stop(); wake.stop()
wait(lambda: not w._rank_busy)
gaps = [b - a for a, b in zip(beats, beats[1:])] or [0.0]
import resource
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"load_s": loaded, "window_s": window, "repaint": samples, "max_block_s": max(gaps),
                  "beats": len(beats), "rss_mb": rss}))
w.close()
"""


def gui(n: int) -> dict:
    with tempfile.TemporaryDirectory() as state:
        proc = subprocess.run(
            [sys.executable, "-c", _GUI_CHILD, str(universe(n)), state, str(REPEATS)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "AIGC_SCREENER_HOME": state},
            timeout=3600,
        )
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    rep = sorted(out["repaint"])
    return {
        "load_csv_s": round(out["load_s"], 2),
        "open_in_window_s": round(out["window_s"], 2),
        "slider_repaint_ms": _median_ms(out["repaint"]),
        "slider_repaint_p90_ms": round(rep[int(0.9 * (len(rep) - 1))] * 1000, 3),
        "drag_max_block_ms": round(out["max_block_s"] * 1000, 1),
        "app_peak_memory_mb": round(out["rss_mb"], 1),
    }


# --- 2b. opening a file: read, validate, signals, first ranking, beside a raw Arrow read ------

_OPEN_CHILD = r"""
import json, resource, sys, threading, time
import pyarrow as pa, pyarrow.csv, pyarrow.compute as pc
from core.ingest import load_dataset
from core.scoring import PRESETS, rank
from core.signals import build_signals
from core.source import ImportCancelled
path, raw = sys.argv[1], sys.argv[2] == "raw"
out = {}
if raw:  # the floor: Arrow's multi-threaded CSV reader, every column as it infers it
    t0 = time.perf_counter(); pyarrow.csv.read_csv(path); out["arrow_read_s"] = time.perf_counter() - t0
    # the least any open that checks ids and names must do beyond the read: the read as text,
    # one hash of the ids, the name key (NFKC, lower case) and its hash, and the name sort
    t0 = time.perf_counter()
    t = pyarrow.csv.read_csv(path, convert_options=pyarrow.csv.ConvertOptions(
        column_types={c: pa.large_string() for c in ("id", "name")}, include_columns=["id", "name"]))
    pc.unique(t["id"]); key = pc.utf8_lower(pc.utf8_normalize(t["name"], "NFKC")); pc.unique(key); pc.sort_indices(key)
    out["kernel_floor_s"] = time.perf_counter() - t0
    del t, key
ticks = []
def progress(done, total):
    ticks.append(time.perf_counter())
    return True
t0 = time.perf_counter(); ticks.append(t0); ds = load_dataset(path, progress=progress); t1 = time.perf_counter()
table = build_signals(ds, progress=progress); t2 = time.perf_counter()
rank(table, PRESETS["balanced"]); t3 = time.perf_counter()
ticks.append(t2)
out.update(load_s=t1 - t0, signals_s=t2 - t1, rank_s=t3 - t2, open_s=t3 - t0,
           rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
           longest_progress_gap_s=max(b - a for a, b in zip(ticks, ticks[1:])))
del ds, table
# a real cancel, asked at 10 moments spread over the open: how long until it takes effect
lags = []
for k in range(10):
    asked = []
    def stop(done, total):
        return not asked
    def ask(at=(k + 0.5) / 10 * (t2 - t0)):
        time.sleep(at); asked.append(time.perf_counter())
    th = threading.Thread(target=ask); th.start()
    try:
        build_signals(load_dataset(path, progress=stop), progress=stop)
    except ImportCancelled:
        lags.append(time.perf_counter() - asked[0])
    th.join()
out["cancel_lag_max_s"] = max(lags) if lags else None
out["cancel_lag_median_s"] = sorted(lags)[len(lags) // 2] if lags else None
print(json.dumps(out))
"""


def open_file(path: Path, raw: bool = True) -> dict:
    """Open (read, validate, signals, first ranking) in a fresh process, and the raw Arrow read
    of the same file in the same process first (the file is then in the page cache for both)."""
    proc = subprocess.run(
        [sys.executable, "-c", _OPEN_CHILD, str(path), "raw" if raw else "-"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    res = {k: round(v, 3) for k, v in out.items()}
    if raw:
        res["open_vs_arrow"] = round(out["open_s"] / out["arrow_read_s"], 1)
        res["floor_vs_arrow"] = round(out["kernel_floor_s"] / out["arrow_read_s"], 1)
    return res


# --- 4. start-up --------------------------------------------------------------------------------

_STARTUP_CHILD = r"""
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QObject, QEvent
from PySide6.QtWidgets import QApplication
from core.ingest import load_dataset
from ui.app import create_window, ensure_app
app = ensure_app()
w, _ = create_window(load_dataset(), sys.argv[1])
class Painted(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            print("painted", time.time(), flush=True)
            os._exit(0)
        return False
f = Painted()
w.installEventFilter(f)
w.table.viewport().installEventFilter(f)
w.show()
app.exec()
"""


def startup() -> float:
    samples = []
    for _ in range(5):
        with tempfile.TemporaryDirectory() as state:
            t0 = time.time()
            proc = subprocess.run(
                [sys.executable, "-c", _STARTUP_CHILD, state],
                cwd=ROOT,
                capture_output=True,
                text=True,
                env={**os.environ, "AIGC_SCREENER_HOME": state},
                timeout=120,
            )
            line = next(x for x in proc.stdout.splitlines() if x.startswith("painted"))
            samples.append(float(line.split()[1]) - t0)
    return round(statistics.median(samples), 3)


# --- 6. export ----------------------------------------------------------------------------------


def export() -> dict:
    from core.filters import Filters
    from core.ingest import load_dataset
    from core.results import shown_rows
    from core.scoring import PRESETS, rank
    from core.signals import build_signals
    from exports.memo import MemoRequest, write_memo

    ds = load_dataset(universe(10_000))
    ranking = rank(build_signals(ds), PRESETS["balanced"])
    ids = [str(ranking.table.ids[r]) for r in shown_rows(ds, ranking, Filters())]
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        write_memo(Path(out) / "sheet.xlsx", MemoRequest(ds, ranking, ids[:10_000], memo_sheets=False))
        sheet = time.perf_counter() - t0
        t0 = time.perf_counter()
        write_memo(Path(out) / "memos.xlsx", MemoRequest(ds, ranking, ids[:50]))
        memos = time.perf_counter() - t0
        t0 = time.perf_counter()  # what File → Export memo writes for a top 10,000 (memo sheets capped)
        write_memo(Path(out) / "app.xlsx", MemoRequest(ds, ranking, ids[:10_000]))
        app_export = time.perf_counter() - t0
    return {
        "export_10000_rows_s": round(sheet, 2),
        "export_50_memos_s": round(memos, 2),
        "export_top_10000_as_the_app_s": round(app_export, 2),
    }


# --- 7. memory ------------------------------------------------------------------------------------

_MEMORY_CHILD = r"""
import resource, sys
from core.ingest import load_dataset
from core.scoring import PRESETS, rank
from core.signals import build_signals
ds = load_dataset(sys.argv[1])
r = rank(build_signals(ds), PRESETS["balanced"])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def memory(n: int) -> float:
    proc = subprocess.run(
        [sys.executable, "-c", _MEMORY_CHILD, str(universe(n))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    return round(int(proc.stdout.strip().splitlines()[-1]) / 1024, 1)  # MB (ru_maxrss is in KB on Linux)


# --- the run ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default=",".join(str(n) for n in DEFAULT_SIZES))
    ap.add_argument("--open-only", action="store_true", help="only open vs the raw Arrow read, and Parquet")
    args = ap.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")]
    if args.open_only:
        out = {n: open_file(universe(n)) for n in sizes}
        out["parquet"] = {n: open_file(universe(n, ".parquet"), raw=False) for n in sizes}
        for n in sizes:
            o = out[n]
            print(
                f"N={n:>9,}  arrow read {o['arrow_read_s']:.2f} s  open {o['open_s']:.2f} s "
                f"(load {o['load_s']:.2f}, signals {o['signals_s']:.2f}, rank {o['rank_s']:.2f})  "
                f"ratio {o['open_vs_arrow']:.1f}x  (kernel floor {o['kernel_floor_s']:.2f} s, "
                f"{o['floor_vs_arrow']:.1f}x)  peak {o['rss_mb']:.0f} MB  longest progress gap "
                f"{o['longest_progress_gap_s']:.2f} s  cancel lag max {o['cancel_lag_max_s'] or 0:.2f} s  "
                f"Parquet open {out['parquet'][n]['open_s']:.2f} s"
            )
        print(json.dumps(out))
        return 0
    for n in sizes:
        universe(n)
    result: dict = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "sizes": {},
    }
    rows = []
    for n in sizes:
        core = core_rerank(n)
        opened = open_file(universe(n))
        ui = gui(n)
        result["sizes"][n] = {**core, **ui, **{f"open_{k}": v for k, v in opened.items()}}
        rows.append((n, core, ui, opened))
    biggest = max(sizes)
    result[f"parquet_open_{biggest}"] = open_file(universe(biggest, ".parquet"), raw=False)
    result["startup_s"] = startup()
    result.update(export())
    result[f"peak_memory_mb_{biggest}"] = memory(biggest)

    print(f"machine: {result['machine']}")
    print(
        f"{'N':>10} {'re-rank ms':>11} {'floor ms':>9} {'ratio':>6} {'pandas ms':>10} {'vs pandas':>10} "
        f"{'slider→paint ms':>16} {'(p90)':>7} {'drag max block ms':>18} {'arrow read s':>13} {'open s':>7} "
        f"{'open/arrow':>11} {'in window s':>12} {'app MB':>7}"
    )
    for n, core, ui, op in rows:
        print(
            f"{n:>10,} {core['rerank_ms']:>11.2f} {core['floor_ms']:>9.2f} {core['ratio']:>6.2f} "
            f"{core['pandas_rerank_ms']:>10.2f} {core['rerank_vs_pandas']:>10.2f} "
            f"{ui['slider_repaint_ms']:>16.2f} {ui['slider_repaint_p90_ms']:>7.1f} {ui['drag_max_block_ms']:>18.1f} "
            f"{op['arrow_read_s']:>13.2f} {op['open_s']:>7.2f} {op['open_vs_arrow']:>11.1f} "
            f"{ui['open_in_window_s']:>12.2f} {ui['app_peak_memory_mb']:>7.0f}"
        )
    pq_open = result[f"parquet_open_{biggest}"]
    print(f"Parquet open at {biggest:,} (read, validate, signals, first ranking): {pq_open['open_s']:.2f} s")
    print(f"start-up to first paint (bundled data): {result['startup_s']:.2f} s")
    print(
        f"export 10,000-row shortlist sheet: {result['export_10000_rows_s']:.2f} s; 50 memo sheets: "
        f"{result['export_50_memos_s']:.2f} s; the app's export of a top 10,000 (with 100 memo sheets): "
        f"{result['export_top_10000_as_the_app_s']:.2f} s"
    )
    print(
        f"peak memory with {biggest:,} companies loaded and ranked: {result[f'peak_memory_mb_{biggest}']:,.0f} MB"
    )
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
