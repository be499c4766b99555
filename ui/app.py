"""Start the Qt application around a loaded dataset."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from core.models import Dataset
from ui.main_window import MainWindow


def run_app(dataset: Dataset) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("AIGC Screener")
    app.setOrganizationName("aigc-screener")
    window = MainWindow(dataset)
    window.show()
    return app.exec()
