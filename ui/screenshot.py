"""Render the main window offscreen to a PNG (the README's screenshot).

    QT_QPA_PLATFORM=offscreen python3 -m ui.screenshot docs/screenshot.png
    QT_QPA_PLATFORM=offscreen python3 -m ui.screenshot docs/screenshot-1280x720.png --size 1280x720
    QT_QPA_PLATFORM=offscreen python3 -m ui.screenshot docs/screenshot-zh_CN.png --lang zh_CN

``--size WxH`` lays the window out as a first launch on a screen with that much available room
(:func:`ui.geometry.initial_geometry`, :func:`ui.geometry.share_width`); without it the
window is 1600×940.  ``--view lenses`` shows the Lenses tab; ``--view compare`` writes the
Compare window of the three shortlisted companies instead of the main window.  ``--lang zh_CN``
shows the window in 简体中文 (default English, whatever the system's language).

Uses the bundled data and a throwaway state folder, so the user's own shortlist, notes and
settings are neither shown nor touched.  Chinese names need a CJK font (Debian: fonts-noto-cjk).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

from core.i18n import LANGUAGES


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{3,5})\s*[x×X]\s*(\d{3,5})\s*", text)
    if match is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size such as 1280x720")
    return int(match.group(1)), int(match.group(2))


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python3 -m ui.screenshot", description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="docs/screenshot.png", type=Path, help="the PNG to write")
    parser.add_argument(
        "--size",
        type=_size,
        default=None,
        metavar="WxH",
        help="lay the window out as a first launch on a screen with this much room (e.g. 1280x720)",
    )
    parser.add_argument(
        "--view",
        choices=("main", "lenses", "compare"),
        default="main",
        help="main: the ranked table (default); lenses: the Lenses tab; compare: the Compare window",
    )
    parser.add_argument(
        "--lang", choices=tuple(LANGUAGES), default="en", help="the window's language (default en)"
    )
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    out: Path = args.out
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as home:
        os.environ["AIGC_SCREENER_HOME"] = home
        from PySide6.QtCore import QByteArray, QRect
        from PySide6.QtWidgets import QApplication

        from core.ingest import load_dataset
        from ui.app import create_window, ensure_app
        from ui.geometry import place_window, share_width
        from ui.i18n import install_translator

        app = ensure_app()
        install_translator(app, args.lang)
        window, _ = create_window(load_dataset(), Path(home))
        if args.size is None:
            window.resize(1600, 940)
        else:  # the first launch on a screen of that size
            place_window(window, QByteArray(), QRect(0, 0, *args.size))
            table_width = share_width(window.main_splitter, window.width())[1]
            window.table.reset_columns(fit_width=table_width)  # the default columns for that room
        window.show()
        for cid in ("augment", "fancytech", "zhipu_ai"):
            window.session.set_shortlisted(cid, True)
        note = {
            "en": "Ask DCM about the B round; check Deep Video traction.",
            "zh_CN": "向 DCM 了解 B 轮情况；核实 Deep Video 的市场进展。",
        }[args.lang]
        window.session.save_note("fancytech", note)
        window.weights_panel.sliders["funding"].setValue(70)
        for _ in range(5):
            app.processEvents()
        window.select_company("fancytech")
        import time

        end = time.monotonic() + 0.5  # let the detail and the rank stability settle
        while time.monotonic() < end or (
            time.monotonic() < end + 10
            and (window.lens_result is None or window.detail.sensitivity.sweeps() is None)
        ):  # the lenses and the sensitivity charts are computed off the UI thread
            app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        if args.view == "lenses":
            window.show_lenses()
            app.processEvents()
        if args.view == "compare":
            dialog = window.compare_shortlist()
            assert dialog is not None
            for _ in range(5):
                app.processEvents()
            ok = dialog.grab().save(str(out))
            dialog.close()
        else:
            ok = window.grab().save(str(out))
        window.close()
        window.store.close()
        QApplication.processEvents()
    print(f"{'wrote' if ok else 'could not write'} {out}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
