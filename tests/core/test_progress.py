"""The command line's progress line: drawn on a terminal for long work, silent otherwise."""

from __future__ import annotations

import io

from core import progress as progress_mod
from core.progress import CliProgress


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_silent_when_stderr_is_not_a_terminal(monkeypatch) -> None:
    monkeypatch.setattr(progress_mod, "SHOW_AFTER_S", 0.0)
    out = io.StringIO()
    with CliProgress("Loading", out) as p:
        assert p(5, 10) is True
    assert out.getvalue() == ""


def test_a_terminal_sees_one_updating_line_after_the_first_second(monkeypatch) -> None:
    out = _Tty()
    clock = iter([0.0, 0.5, 1.5, 1.55, 2.0, 2.5])
    monkeypatch.setattr(progress_mod.time, "monotonic", lambda: next(clock))
    p = CliProgress("Loading u.csv", out)  # start 0.0
    p(1, 10)  # 0.5: too early, nothing
    assert out.getvalue() == ""
    p(5, 10)  # 1.5: drawn
    p(6, 10)  # 1.55: too soon to redraw
    p(9, 10)  # 2.0: redrawn
    p.done()  # 2.5
    text = out.getvalue()
    assert text.count("\r") == 3 and text.endswith("\n")
    assert " 50%" in text and " 90%" in text and " 60%" not in text
    assert "done in 2.5 s" in text


def test_short_work_prints_nothing_even_on_a_terminal() -> None:
    out = _Tty()
    with CliProgress("Ranking", out) as p:
        p(1, 2)
        p(2, 2)
    assert out.getvalue() == ""


def test_a_hostile_file_name_cannot_drive_the_terminal():
    import io

    from core.progress import CliProgress

    out = io.StringIO()
    p = CliProgress("Loading \x1b[2J\x1b]0;pwned\x07evil\u202e.csv", out, force=True)
    p.start -= 5  # as if the work had taken five seconds
    p(1, 2)
    p.done()
    text = out.getvalue()
    assert "\x1b[2J" not in text and "\x1b]0" not in text and "\u202e" not in text and "\x07" not in text
    assert "evil" in text and "50%" in text
