"""Work off the UI thread: one cancellable task runner for import, export and ranking
(cf. Orange3 ``widgets/utils/concurrent.py``).

A task is a plain function ``fn(progress)`` — ``progress(done, total)`` reports how far it got
and returns False once the task is cancelled, and the function then stops (raising its own
"cancelled" exception).  :meth:`TaskRunner.start` runs it in a thread of its own and calls back
on the UI thread with its result, or with the exception it raised; the worker never touches a
widget.  :meth:`TaskRunner.shutdown` cancels every task still running and waits for it, so
that no half work is left and Qt never destroys a running thread.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from core.ingest import load_dataset
from core.signals import build_signals

Progress = Callable[[int, int], bool]


class Task(QThread):
    """One function run in its own thread (its signals are emitted from that thread)."""

    sig_progress = Signal(int, int)
    """Steps done and total."""

    sig_done = Signal(object)
    """The function's result."""

    sig_failed = Signal(object)
    """The exception the function raised."""

    def __init__(self, fn: Callable[[Progress], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._cancel = False
        self.callbacks: dict[str, Callable[..., object]] = {}

    def cancel(self) -> None:
        self._cancel = True

    def cancelled(self) -> bool:
        return self._cancel

    def _progress(self, done: int, total: int) -> bool:
        self.sig_progress.emit(done, total)
        return not self._cancel

    def run(self) -> None:
        try:
            result = self._fn(self._progress)
        except Exception as exc:  # noqa: BLE001 - handed to the UI thread, which says what failed
            self.sig_failed.emit(exc)
        else:
            self.sig_done.emit(result)


class TaskRunner(QObject):
    """Starts tasks and keeps them until they end; :meth:`shutdown` stops them all.

    A task's callbacks are called by the runner (on the UI thread, where it lives), so that
    none is called once the runner, and the window that owns it, is gone."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: list[Task] = []

    def start(
        self,
        fn: Callable[[Progress], object],
        *,
        on_done: Callable[[object], object],
        on_failed: Callable[[Exception], object],
        on_progress: Callable[[int, int], object] | None = None,
        on_finished: Callable[[], object] | None = None,
    ) -> Task:
        """Run ``fn`` in a thread of its own.  The callbacks run on the UI thread:
        ``on_progress(done, total)`` while it works, ``on_done(result)`` or
        ``on_failed(exception)`` when it ends, then ``on_finished()``."""
        task = Task(fn, self)
        task.callbacks = {"done": on_done, "failed": on_failed}
        if on_progress is not None:
            task.callbacks["progress"] = on_progress
        if on_finished is not None:
            task.callbacks["finished"] = on_finished
        task.sig_progress.connect(self._on_progress)
        task.sig_done.connect(self._on_done)
        task.sig_failed.connect(self._on_failed)
        task.finished.connect(self._on_finished)
        self._tasks.append(task)
        task.start()
        return task

    def _call(self, what: str, *args: object) -> None:
        task = self.sender()
        callback = task.callbacks.get(what) if isinstance(task, Task) else None
        if callback is not None:
            callback(*args)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self._call("progress", done, total)

    @Slot(object)
    def _on_done(self, result: object) -> None:
        self._call("done", result)

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        self._call("failed", exc)

    @Slot()
    def _on_finished(self) -> None:
        task = self.sender()
        self._call("finished")
        if isinstance(task, Task):
            with contextlib.suppress(ValueError):
                self._tasks.remove(task)
            task.callbacks = {}
            task.deleteLater()

    def running(self) -> list[Task]:
        out = []
        for task in self._tasks:
            with contextlib.suppress(RuntimeError):  # already deleted
                if task.isRunning():
                    out.append(task)
        return out

    def shutdown(self) -> None:
        """Cancel every task still running and wait for each to end."""
        for task in list(self._tasks):
            with contextlib.suppress(RuntimeError):  # already deleted
                task.cancel()
                task.wait()


def load_universe(path: Path, progress: Progress):
    """Read and validate a table file (or a dataset folder) and compute its signals — both
    off the UI thread: seconds for a million companies.  Returns (Dataset, SignalTable)."""
    ds = load_dataset(path, progress)
    return ds, build_signals(ds, progress=progress)


def add_universe(base, path: Path, progress: Progress):
    """Read a table of the user's companies and put them beside ``base``'s (core.merge), off the
    UI thread.  Returns (the merged Dataset, the merges, how many companies are new)."""
    from core.merge import add_companies

    extra = load_dataset(path, progress)
    merged, merges = add_companies(base, extra)
    return merged, merges, extra.n_companies - len(merges)
