"""What can go wrong reading a dataset, said so that a person can find and fix it.

Every reader collects the problems it finds before giving up and raises :class:`DatasetError`
with all of them, each located by file, record and field; nothing is half-loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from core.source import ImportCancelled

__all__ = ["DatasetError", "ImportCancelled", "Problem", "Progress", "fail", "tick"]

#: Called with (done, total) while a file is read; returning False cancels the import.
Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a dataset, located so that a person can find and fix it."""

    file: str
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        where = ", ".join(p for p in (self.file, self.record, self.field) if p)
        return f"{where}: {self.message}"


class DatasetError(Exception):
    """The dataset could not be loaded; ``problems`` lists every reason found."""

    def __init__(self, problems: list[Problem], origin: str = "") -> None:
        self.problems = problems
        self.origin = origin
        head = f"{origin}: " if origin else ""
        n = len(problems)
        super().__init__(
            f"{head}{n} problem{'s' if n != 1 else ''} in the dataset:\n"
            + "\n".join(f"  - {p}" for p in problems)
        )


def fail(file: str, message: str) -> DatasetError:
    """The error for a file that cannot be read at all (one problem, about the whole file)."""
    return DatasetError([Problem(file, "", "", message)], file)


def tick(progress: Progress | None, done: int, total: int) -> None:
    """Report progress; raise :class:`ImportCancelled` when the user asked to stop."""
    if progress is not None and progress(done, total) is False:
        raise ImportCancelled("import cancelled")
