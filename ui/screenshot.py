"""Render the main window offscreen to a PNG (the README's screenshot).

    QT_QPA_PLATFORM=offscreen python3 -m ui.screenshot docs/screenshot.png

Uses the bundled data and a throwaway state folder, so the user's own shortlist, notes and
settings are neither shown nor touched.  Chinese names need a CJK font (Debian: fonts-noto-cjk).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "docs/screenshot.png")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as home:
        os.environ["AIGC_SCREENER_HOME"] = home
        from PySide6.QtWidgets import QApplication

        from core.ingest import load_dataset
        from ui.app import create_window, ensure_app

        app = ensure_app()
        window, _ = create_window(load_dataset(), Path(home))
        window.resize(1600, 940)
        window.show()
        for cid in ("augment", "fancytech", "zhipu_ai"):
            window.session.set_shortlisted(cid, True)
        window.session.save_note("fancytech", "Ask DCM about the B round; check Deep Video traction.")
        window.weights_panel.sliders["funding"].setValue(70)
        for _ in range(5):
            app.processEvents()
        window.select_company("fancytech")
        import time

        end = time.monotonic() + 0.5  # let the detail and the rank stability settle
        while time.monotonic() < end:
            app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        ok = window.grab().save(str(out))
        window.close()
        window.store.close()
        QApplication.processEvents()
    print(f"{'wrote' if ok else 'could not write'} {out}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
