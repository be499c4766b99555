"""Fixtures the window tests share: the bundled dataset (read once) and a window over it with a
throwaway state folder."""

from __future__ import annotations

import pytest

from core.ingest import load_dataset


@pytest.fixture(scope="session")
def ds():
    return load_dataset()


@pytest.fixture
def win(qtbot, ds, tmp_path):
    from tests.ui.test_main_window import open_window

    w = open_window(qtbot, ds, tmp_path / "state")
    yield w
    w.close()
    if w.store is not None:
        w.store.close()
