"""The Qt binding itself: PySide6 6.12.0 drops a reference to None on many calls, and Python 3.11
then aborts the app ("deallocating None") after a few minutes of painting.  This guards the pin."""

from __future__ import annotations

import sys

from PySide6.QtGui import QImage, QPainter


def test_calls_returning_nothing_keep_none_alive(qapp):
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(5000):
        painter.save()
        painter.restore()
    drift = sys.getrefcount(None) - before
    painter.end()
    assert abs(drift) < 100, f"the Qt binding lost {-drift} references to None; use PySide6 < 6.12"
