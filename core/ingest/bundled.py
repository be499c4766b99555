"""The report's dataset shipped with the app, and the key a user's notes on a dataset are kept under."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from core.ingest.errors import Problem
from core.ingest.folder import read_csv_rows
from core.ingest.tables import Row
from core.models import Dataset
from core.paths import shown_path


def bundled_dataset_dir() -> Path:
    """The report's dataset shipped with the app (works from a checkout and when installed)."""
    return Path(str(resources.files("data") / "report"))


def report_segment_rows() -> list[Row]:
    """The rows of the report's nine segments: the segments of an import that brings none."""
    problems: list[Problem] = []
    read = read_csv_rows(bundled_dataset_dir() / "segments.csv", problems)
    if read is None or problems:  # the bundled data is checked by the tests; this is a broken install
        raise RuntimeError(f"the bundled segments cannot be read: {'; '.join(map(str, problems))}")
    return read[1]


def dataset_key(ds: Dataset) -> str:
    """The key a user's shortlist and notes for this dataset are kept under.

    The bundled report data is ``bundled:report`` wherever the app is installed; any other
    dataset is keyed by its resolved path, so editing its files keeps the user's notes.
    """
    if not ds.origin:
        return "bundled:report"
    try:
        here = Path(ds.origin).resolve()
        bundled = here == bundled_dataset_dir().resolve()
    except (OSError, RuntimeError):  # moved or made a loop since it was read: keyed as given
        here, bundled = Path(os.path.abspath(ds.origin)), False
    # a key is stored as UTF-8 text: bytes of the path that are not UTF-8 are written \xNN
    return "bundled:report" if bundled else f"file:{shown_path(here, limit=10**6)}"
