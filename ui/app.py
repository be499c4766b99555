"""Start the Qt application around a loaded dataset."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from core.loader import dataset_key
from core.models import Dataset
from core.state import StateError, StateStore, state_file, state_folder
from ui.main_window import MainWindow

APP_NAME = "AIGC Screener"


def settings_for(state_path: Path | None) -> QSettings:
    """Window and ranking settings, an INI file beside the state store (never the registry)."""
    folder = state_folder(state_path)
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def ensure_app() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("aigc-screener")
    return app  # type: ignore[return-value]


def create_window(ds: Dataset, state_path: Path | None = None) -> tuple[MainWindow, list[str]]:
    """The main window with the user's store and settings, and notices to show the user."""
    notices: list[str] = []
    store = None
    try:
        opened = StateStore.open(state_file(state_path), dataset_key(ds))
        store = opened.store
        notices.extend(opened.notices)
    except StateError as exc:
        notices.append(f"{exc} The app runs without saving your shortlist and notes this time.")
    return MainWindow(ds, store, settings_for(state_path)), notices


def run_app(dataset: Dataset, state_path: Path | None = None) -> int:
    app = ensure_app()
    window, notices = create_window(dataset, state_path)
    window.show()
    for text in notices:
        QTimer.singleShot(0, lambda t=text: QMessageBox.warning(window, APP_NAME, t))
    code = app.exec()
    if window.store is not None:
        window.store.close()
    return code
