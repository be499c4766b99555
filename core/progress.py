"""Progress of long work on the command line: one updating line on a terminal's stderr.

:class:`CliProgress` is a ``progress(done, total)`` callable (:data:`core.ingest.Progress`): it
draws "label  42%" on stderr, rewritten in place, once the work has taken more than
:data:`SHOW_AFTER_S` (short work prints nothing), and nothing at all when stderr is not a
terminal (a pipe, a log file, a test).  It never cancels: it always returns True.
"""

from __future__ import annotations

import re
import sys
import time
from typing import TextIO

#: Work shorter than this shows no progress line.
SHOW_AFTER_S = 1.0
#: At most this often is the line redrawn.
REDRAW_S = 0.1


#: Characters that would move the cursor or start an escape sequence on a terminal.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class CliProgress:
    """``with CliProgress("Loading universe.csv") as progress: load_dataset(path, progress)``."""

    def __init__(self, label: str, stream: TextIO | None = None, *, force: bool = False) -> None:
        # a file name can hold anything: never let it drive the terminal
        self.label = _CONTROLS.sub("?", label.encode("utf-8", "backslashreplace").decode("utf-8"))
        self.stream = sys.stderr if stream is None else stream
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = force or bool(isatty and isatty())
        self.start = time.monotonic()
        self._drawn = 0.0
        self.shown = False

    def __call__(self, done: int, total: int) -> bool:
        if not self.enabled:
            return True
        now = time.monotonic()
        if now - self.start < SHOW_AFTER_S or now - self._drawn < REDRAW_S:
            return True
        self._drawn = now
        percent = f"{100 * done / total:3.0f}%" if total else f"{done:,}"
        self.stream.write(f"\r{self.label}  {percent}  {now - self.start:4.1f} s\x1b[K")
        self.stream.flush()
        self.shown = True
        return True

    def done(self) -> None:
        """End the line (only when one was drawn)."""
        if self.shown:
            self.stream.write(f"\r{self.label}  done in {time.monotonic() - self.start:.1f} s\x1b[K\n")
            self.stream.flush()
            self.shown = False

    def __enter__(self) -> CliProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.done()
