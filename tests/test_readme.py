"""The README's examples are the program's own output.

Every fenced block right after a line ending "Example, `python3 main.py …`:" is compared with
what that command prints, so a change to the data, the scoring or the layout that the README
does not follow fails here (the README once showed a stability of 99% where the program printed
29%).  After an intended change, ``python3 -m tests.test_readme`` rewrites the blocks.
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import sys
from pathlib import Path

import pytest

import main

README = Path(__file__).resolve().parents[1] / "README.md"
EXAMPLE = re.compile(r"Example, `(python3 main\.py [^`]+)`:\n\n```\n(.*?)\n```", re.DOTALL)


def examples(text: str) -> list[re.Match[str]]:
    return list(EXAMPLE.finditer(text))


def run(command: str) -> str:
    """What ``command`` (``python3 main.py …``) prints, run in this process."""
    argv = shlex.split(command)
    assert argv[:2] == ["python3", "main.py"], command
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main.main(argv[2:])
    assert code == 0, command
    return out.getvalue().rstrip("\n")


def test_the_readme_has_examples():
    found = [m.group(1) for m in examples(README.read_text(encoding="utf-8"))]
    assert "python3 main.py rank --top 10" in found
    assert len(found) >= 2


@pytest.mark.parametrize("match", examples(README.read_text(encoding="utf-8")), ids=lambda m: m.group(1))
def test_a_readme_example_is_what_the_program_prints(match):
    command, shown = match.group(1), match.group(2)
    assert shown == run(command), (
        f"README example of `{command}` is out of date: python3 -m tests.test_readme"
    )


def test_a_stability_figure_that_drifted_is_caught():
    """The whole block is compared, its last column and footer included: the README's old 99%
    against the program's 29% is a difference."""
    text = README.read_text(encoding="utf-8")
    m = examples(text)[0]
    lines = m.group(2).splitlines()
    assert lines[-1].endswith("keep the company in the top 10.")  # the footer is in the block
    row = lines[3]
    assert re.search(r"\d+%$", row), row
    drifted_row = re.sub(r"\d+%$", "29%" if row.endswith("99%") else "99%", row)
    drifted = text.replace(m.group(2), "\n".join([*lines[:3], drifted_row, *lines[4:]]))
    assert examples(drifted)[0].group(2) != run(m.group(1))


def rewrite(path: Path = README) -> int:
    """Replace every example block with what its command prints now; the number changed."""
    text = path.read_text(encoding="utf-8")
    changed = 0

    def fresh(m: re.Match[str]) -> str:
        nonlocal changed
        out = run(m.group(1))
        changed += out != m.group(2)
        return f"Example, `{m.group(1)}`:\n\n```\n{out}\n```"

    path.write_text(EXAMPLE.sub(fresh, text), encoding="utf-8")
    return changed


if __name__ == "__main__":
    print(f"{rewrite()} example(s) rewritten in {README}", file=sys.stderr)
