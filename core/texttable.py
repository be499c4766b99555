"""Plain-text tables that line up Chinese and Latin text (a CJK character is two columns wide)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def display_width(s: str) -> int:
    return sum(
        2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1 for ch in s
    )


def clip(s: str, width: int) -> str:
    """Cut ``s`` to at most ``width`` columns, marking a cut with an ellipsis."""
    if display_width(s) <= width:
        return s
    out, used = [], 0
    for ch in s:
        w = display_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def pad(s: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - display_width(s))
    return gap + s if right else s + gap


def render(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    right: Sequence[bool],
    max_width: Sequence[int] | None = None,
) -> str:
    """A table with a header rule; ``right`` marks right-aligned (numeric) columns."""
    cols = len(headers)
    limits = list(max_width) if max_width else [10**6] * cols
    cells = [[clip(str(r[i]), limits[i]) for i in range(cols)] for r in rows]
    widths = [max([display_width(headers[i])] + [display_width(r[i]) for r in cells]) for i in range(cols)]
    lines = ["  ".join(pad(headers[i], widths[i], right[i]) for i in range(cols)).rstrip()]
    lines.append("  ".join("-" * widths[i] for i in range(cols)))
    for r in cells:
        lines.append("  ".join(pad(r[i], widths[i], right[i]) for i in range(cols)).rstrip())
    return "\n".join(lines)
