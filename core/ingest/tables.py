"""What a reader gives: tables and records as read, with the names a person finds them by."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    s = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        s = chr(65 + rem) + s
    return s


@dataclass
class Table:
    """A sheet as read: its header and its rows, with the row numbers the user sees."""

    source: str  # "companies.csv" or "book.xlsx, sheet Companies"
    header: list[str]
    rows: list[tuple[int, list[object]]] = field(default_factory=list)

    def column_label(self, name: str) -> str:
        try:
            return f"column {column_letter(self.header.index(name))} ({name})"
        except ValueError:
            return name


@dataclass(frozen=True)
class Row:
    """A record as read: its cells, and how a person finds it ("row 5" of "companies.csv")."""

    file: str
    number: int
    cells: Mapping[str, str | None]
    labels: Mapping[str, str] | None = None  # field -> the column as the user sees it
    key: str | None = None  # what names the record in messages, if not its id or ref

    @property
    def record(self) -> str:
        key = self.key or self.cells.get("id") or self.cells.get("ref")
        return f"row {self.number}" + (f" ({key})" if key else "")

    def label(self, field: str) -> str:
        """The column a field came from, e.g. "column F (funding_amount)" for an imported sheet."""
        if self.labels and field in self.labels:
            return self.labels[field]
        return field
