"""Test-wide settings: Qt renders offscreen, and no test touches the user's real settings or state."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT.parent / "shared" / "seed" / "000_9b3be8e60b1bd743.txt"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Point every per-user location (settings, state, caches) at a throwaway folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("AIGC_SCREENER_HOME", str(home / "aigc-screener"))
    yield home


@pytest.fixture(scope="session")
def report_text() -> str:
    if not REPORT.exists():
        pytest.skip(f"the report text is not at {REPORT} (it is always there in CI)")
    return REPORT.read_text(encoding="utf-8")
