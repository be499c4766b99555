"""Start the Qt application around a loaded dataset."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from core.ingest import dataset_key
from core.models import Dataset
from core.paths import shown_path
from core.session import Session
from core.state import StateError, StateStore, state_file, state_folder
from ui import settings as keys
from ui.dialogs import notice_box
from ui.i18n import install_translator
from ui.main_window import MainWindow

APP_NAME = "AIGC Screener"


def settings_for(state_path: Path | None) -> QSettings:
    """Window and ranking settings, an INI file beside the state store (never the registry).

    A folder that cannot be made (read-only, a file in the way, a name too long) is no error:
    the settings then hold for this session only (QSettings reports it in ``status()``)."""
    folder = state_folder(state_path)
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def _exists(path: Path) -> bool:
    """Whether a path exists; False for one that cannot even be looked at (a name too long)."""
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


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
        notices.append(
            QCoreApplication.translate(
                "app", "{problem} The app runs without saving your shortlist and notes this time."
            ).format(problem=exc)
        )
    settings = settings_for(state_path)
    session = Session(
        ds,
        store=store,
        weights=keys.WEIGHTS.read(settings),
        policy=keys.POLICY.read(settings),
        universe=keys.UNIVERSE.read(settings),
        include_facts=keys.INCLUDE_FACTS.read(settings),
    )
    return MainWindow(session, settings), notices


def run_app(
    dataset: Dataset, state_path: Path | None = None, *, reopen_last: bool = True, language: str | None = None
) -> int:
    """Show the window; with ``reopen_last`` the universe imported last time is read again
    (in the background, after the window is up) unless it is the dataset already shown.

    The window is in ``language`` ("en", "zh_CN"), by default the one chosen in View → Language
    (at first the system's)."""
    app = ensure_app()
    install_translator(app, language or keys.LANGUAGE.read(settings_for(state_path)))
    window, notices = create_window(dataset, state_path)
    window.show()
    for text in notices:  # non-blocking, so the window is usable while the notice is read
        QTimer.singleShot(0, notice_box(window, APP_NAME, text).open)
    last = keys.DATA_PATH.read(window.settings)
    # the files added last time (File → Add companies…), added again - each merge listed to
    # confirm again - after the universe they were added to is read again
    added = [Path(p) for p in keys.ADDED_FILES.read(window.settings)] if reopen_last else []
    gone = [p for p in added if not _exists(p)]
    added = [p for p in added if p not in gone]

    def add_next(*_: object) -> None:
        if added:
            window.add_companies(added.pop(0))
        else:
            window.sig_add_finished.disconnect(add_next)

    if added:
        window.sig_add_finished.connect(add_next)
    reopening = False
    if reopen_last and last and last != dataset.origin:
        if _exists(Path(last)):
            reopening = True
            QTimer.singleShot(0, lambda: window.import_file(Path(last)))
        else:
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "app", "The universe you imported last, {path}, is no longer there"
                ).format(path=last),
                15000,
            )
    if added and reopening:

        def after_import(*_: object) -> None:
            window.sig_import_finished.disconnect(after_import)
            keys.ADDED_FILES.write(window.settings, [str(p) for p in added])  # (the import cleared it)
            add_next()

        window.sig_import_finished.connect(after_import)
    elif added:
        QTimer.singleShot(0, add_next)
    if gone:
        keys.ADDED_FILES.write(window.settings, [str(p) for p in added])
        text = QCoreApplication.translate(
            "app",
            "These files of companies you added last time are no longer there, so their companies "
            "are not shown: {files}. Add them again with File → Add companies…",
        ).format(files=", ".join(shown_path(p) for p in gone))
        QTimer.singleShot(0, notice_box(window, APP_NAME, text).open)
    code = app.exec()
    if window.store is not None:
        window.store.close()
    return code
