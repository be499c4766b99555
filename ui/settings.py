"""The app's settings (window layout, last weights and filters, folders), declared once.

Each key is a :class:`Setting` with its type, its default and how it is stored; every read and
write of the settings file goes through one (``WEIGHTS.read(qsettings)``,
``EXPORT_FOLDER.write(qsettings, folder)``).  A value that is missing, of another type or that no
longer validates reads as the default, never as an error.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QLocale, QSettings

from core.filters import Filters
from core.i18n import check_language, language_from_locale
from core.scoring import DEFAULT_MISSING, DEFAULT_PRESET, MISSING_POLICIES, PRESETS, MissingPolicy, Weights
from core.signals import DEFAULT_UNIVERSE, UNIVERSES

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One key of the settings file: ``decode`` turns what is stored into a ``T`` (raising
    ValueError or TypeError for a value it cannot use), ``encode`` a ``T`` into what is stored."""

    key: str
    default: Callable[[], T]
    decode: Callable[[object], T]
    encode: Callable[[T], object]
    doc: str = ""

    def read(self, settings: QSettings) -> T:
        raw = settings.value(self.key)
        if raw is None or raw == "":
            return self.default()
        try:
            return self.decode(raw)
        except (ValueError, TypeError):  # unreadable or of an older shape: the default
            return self.default()

    def write(self, settings: QSettings, value: T) -> None:
        settings.setValue(self.key, self.encode(value))


def _bytes(raw: object) -> QByteArray:
    if not isinstance(raw, QByteArray) or raw.isEmpty():
        raise TypeError("not saved Qt state")
    return raw


def _policy(raw: object) -> MissingPolicy:
    if raw not in MISSING_POLICIES:
        raise ValueError(f"unknown policy {raw!r}")
    return raw  # type: ignore[return-value]


def _universe(raw: object) -> str:
    if raw not in UNIVERSES:
        raise ValueError(f"unknown universe {raw!r}")
    return str(raw)


def _state(key: str, doc: str) -> Setting[QByteArray]:
    return Setting(key, QByteArray, _bytes, lambda v: v, doc)


def _text(key: str, doc: str, default: Callable[[], str] = str) -> Setting[str]:
    return Setting(key, default, str, str, doc)


WINDOW_GEOMETRY = _state("window/geometry", "the main window's size and place")
MAIN_SPLITTER = _state("window/main_splitter", "left panel | table | right side")
RIGHT_SPLITTER = _state("window/right_splitter", "detail view above the segment map")
DETAIL_SPLITTER = _state(
    "window/detail_panes",
    "the detail view's text, its sensitivity charts and its notes (was window/detail_splitter, "
    "text and notes only)",
)
TABLE_HEADER = _state(
    "window/table_columns",
    "the table's columns: which are shown, their order and widths (was window/table_header, "
    "which showed every column: a layout saved then gives way to the default set)",
)


def _weights(raw: object) -> Weights:
    """Saved weights; those saved before the value sub-weights existed (no ``market`` key) with the
    old default sub-weights (all 1) take today's default sub-weights, so the old Balanced is still
    Balanced and not "Custom"."""
    data = json.loads(str(raw))
    if not isinstance(data, dict):
        raise TypeError("weights are not an object")
    if "market" not in data and all(data.get(k, 1) == 1 for k in OLD_DEFAULT_SUBS):
        data = {k: v for k, v in data.items() if k not in OLD_DEFAULT_SUBS}
    return Weights.model_validate(data)


#: The sub-weights before version 0.2, all 1 by default.
OLD_DEFAULT_SUBS = ("logic", "compute", "corpus", "capital", "valuation", "recency", "stage")

WEIGHTS: Setting[Weights] = Setting(
    "ranking/weights",
    lambda: PRESETS[DEFAULT_PRESET],
    _weights,
    lambda w: w.model_dump_json(),
    "the last weights (JSON)",
)
POLICY: Setting[MissingPolicy] = Setting(
    "ranking/policy", lambda: DEFAULT_MISSING, _policy, str, "the last missing-data policy"
)
FILTERS: Setting[Filters] = Setting(
    "ranking/filters",
    Filters,
    lambda raw: Filters.model_validate_json(str(raw)),
    lambda f: f.model_dump_json(),
    "the last filters (JSON)",
)
UNIVERSE: Setting[str] = Setting(
    "ranking/universe",
    lambda: DEFAULT_UNIVERSE,
    _universe,
    str,
    "the universe screened: providers, adopters or all",
)
SELECTED = _text("ranking/selected", "the company last looked at (its id)")
EXPORT_FOLDER = _text("export/folder", "where the last memo was saved", lambda: str(Path.home()))
IMPORT_FOLDER = _text("import/folder", "where the last file was imported from", lambda: str(Path.home()))
DATA_PATH = _text("data/path", "the universe imported last; empty for the report's data")


def _bool(raw: object) -> bool:
    """A flag as QSettings gives it back: a bool, or "true"/"false" from an INI file."""
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in ("true", "1", "yes"):
        return True
    if text in ("false", "0", "no"):
        return False
    raise ValueError(f"not a flag: {raw!r}")


def _paths(raw: object) -> list[str]:
    data = json.loads(str(raw))
    if not isinstance(data, list) or not all(isinstance(p, str) for p in data):
        raise TypeError("not a list of paths")
    return data


def _system_language() -> str:
    return language_from_locale(QLocale.system().name())


LANGUAGE: Setting[str] = Setting(
    "ui/language",
    _system_language,
    lambda raw: check_language(str(raw)),
    str,
    "View → Language: en or zh_CN (default: 简体中文 on a Chinese system, else English); "
    "applies at the next start",
)
INCLUDE_FACTS: Setting[bool] = Setting(
    "analyst/include_facts",
    lambda: True,
    _bool,
    lambda on: "true" if on else "false",
    "View → Include my facts: your facts count in the ranking (on by default)",
)
ADDED_FILES: Setting[list[str]] = Setting(
    "data/added",
    list,
    _paths,
    json.dumps,
    "the files added beside the dataset with File → Add companies… (JSON list), added again next start",
)

#: Every key the app reads or writes.
ALL: tuple[Setting, ...] = (
    WINDOW_GEOMETRY,
    MAIN_SPLITTER,
    RIGHT_SPLITTER,
    DETAIL_SPLITTER,
    TABLE_HEADER,
    WEIGHTS,
    POLICY,
    FILTERS,
    UNIVERSE,
    SELECTED,
    EXPORT_FOLDER,
    IMPORT_FOLDER,
    DATA_PATH,
    INCLUDE_FACTS,
    ADDED_FILES,
    LANGUAGE,
)
