"""Sensitivity charts: a company's rank as one weight sweeps -100..100, the others fixed.

:class:`SensitivityChart` paints one :class:`core.sensitivity.Sweep` (rank 1 at the top, the
top-N band shaded, the weight now marked by a dashed line and a dot at the rank now, a gap where
the company is not ranked); :class:`SensitivityPanel` holds the three charts (value, difficulty,
funding) under a one-line caption.  The geometry (axis range, ticks, runs in the top N) is plain
functions, testable without painting; the sweeps are computed off the UI thread by the window.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from core.scoring import SIGNALS
from core.sensitivity import SWEEP_MAX, SWEEP_MIN, Sweep

#: The line of each signal (the detail view's contribution bars use the same colours).
LINE_COLORS = {"value": "#4285f4", "difficulty": "#c88a00", "funding": "#0f9d58"}
#: Each chart's title, in English (shown through :func:`title`).
TITLES = {
    "value": QT_TRANSLATE_NOOP("sensitivity_chart", "Value"),
    "difficulty": QT_TRANSLATE_NOOP("sensitivity_chart", "Difficulty"),
    "funding": QT_TRANSLATE_NOOP("sensitivity_chart", "Funding"),
}
#: No label on a chart is smaller than this (points).
MIN_POINT_SIZE = 8.0
_BAND = QColor(222, 242, 226)
_BAND_EDGE = QColor(120, 180, 130)
_AXIS = QColor(120, 120, 120)
_TEXT = QColor(60, 60, 60)
_MUTED = QColor(130, 130, 130)


def title(signal: str) -> str:
    """The chart title of ``signal`` in the language shown ("Value"; an unknown signal as it is)."""
    return QCoreApplication.translate("sensitivity_chart", TITLES[signal]) if signal in TITLES else signal


# --- geometry, without painting ---------------------------------------------------------------


def nice_ceiling(n: int) -> int:
    """The smallest of 5, 10, 20, 25, 50, 100, 200, 250, 500 … that is at least ``n``."""
    n = max(1, int(n))
    base = 1
    while True:
        for step in (1, 2, 2.5, 5):
            value = int(step * base)
            if value >= n and value >= 5:
                return value
        base *= 10


def rank_range(sweep: Sweep, current_rank: int = 0) -> int:
    """The lowest rank the chart's axis shows (rank 1 is the top): room for every rank of the
    sweep, the rank now and the whole top-N band, rounded up to a round number."""
    worst = max(sweep.worst(), int(current_rank), sweep.top_n)
    return nice_ceiling(worst)


def top_runs(sweep: Sweep) -> list[tuple[float, float]]:
    """The weight ranges (first and last swept weight of each run) where the company is in the
    top N, in order."""
    runs: list[tuple[float, float]] = []
    start = None
    for k, inside in enumerate(sweep.in_top.tolist()):
        if inside and start is None:
            start = k
        if start is not None and (not inside or k == len(sweep.weights) - 1):
            end = k if inside else k - 1
            runs.append((float(sweep.weights[start]), float(sweep.weights[end])))
            start = None
    return runs


def _w(x: float) -> str:
    """A weight with its sign, a true minus: "+50", "−20", "0"."""
    return f"{x:+.0f}".replace("-", "−") if round(x) else "0"


def sweep_summary(sweep: Sweep, current_rank: int = 0) -> str:
    """The chart in words (its tooltip and accessible description): "Value weight (now +50):
    rank 5 now; in the top 10 from -20 to +100; best 2 (at +100), worst 31 (at -100)"."""
    name = title(sweep.signal) if sweep.signal in TITLES else sweep.signal.capitalize()
    head = QCoreApplication.translate("sensitivity_chart", "{title} weight (now {weight})").format(
        title=name, weight=_w(sweep.current)
    )
    words = [
        QCoreApplication.translate("sensitivity_chart", "rank {rank} now").format(rank=current_rank)
        if current_rank > 0
        else QCoreApplication.translate("sensitivity_chart", "not ranked now")
    ]
    runs = top_runs(sweep)
    if not runs:
        words.append(
            QCoreApplication.translate(
                "sensitivity_chart", "never in the top {n} as it sweeps {low} to {high}"
            ).format(n=sweep.top_n, low=_w(SWEEP_MIN), high=_w(SWEEP_MAX))
        )
    elif runs == [(float(sweep.weights[0]), float(sweep.weights[-1]))]:
        words.append(
            QCoreApplication.translate("sensitivity_chart", "in the top {n} at every weight").format(
                n=sweep.top_n
            )
        )
    else:
        spans = QCoreApplication.translate("sensitivity_chart", ", ").join(
            _w(a)
            if a == b
            else QCoreApplication.translate("sensitivity_chart", "{low} to {high}").format(
                low=_w(a), high=_w(b)
            )
            for a, b in runs
        )
        words.append(
            QCoreApplication.translate("sensitivity_chart", "in the top {n} from {spans}").format(
                n=sweep.top_n, spans=spans
            )
        )
    best, worst = sweep.best(), sweep.worst()
    if best:
        at_best = float(sweep.weights[int(np.flatnonzero(sweep.ranks == best)[0])])
        at_worst = float(sweep.weights[int(np.flatnonzero(sweep.ranks == worst)[-1])])
        words.append(
            QCoreApplication.translate(
                "sensitivity_chart", "best {best} (at {at_best}), worst {worst} (at {at_worst})"
            ).format(best=best, at_best=_w(at_best), worst=worst, at_worst=_w(at_worst))
        )
    unranked = int((sweep.ranks == 0).sum())
    if unranked:
        words.append(
            QCoreApplication.translate(
                "sensitivity_chart", "not ranked at {unranked} of {total} weights"
            ).format(unranked=unranked, total=len(sweep.ranks))
        )
    return QCoreApplication.translate("sensitivity_chart", "{head}: {words}").format(
        head=head, words=QCoreApplication.translate("sensitivity_chart", "; ").join(words)
    )


# --- the widgets --------------------------------------------------------------------------------


class SensitivityChart(QWidget):
    """One small line chart: rank (1 at the top) against one weight, -100..100."""

    def __init__(self, signal: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.signal = signal
        self._sweep: Sweep | None = None
        self._current_rank = 0
        self._stale = False
        self._message = ""
        self.setObjectName(f"sensitivity_{signal}")
        self.setAccessibleName(self.tr("{title} sensitivity chart").format(title=title(signal)))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        font = QFont(self.font())
        font.setPointSizeF(max(MIN_POINT_SIZE, font.pointSizeF() * 0.85))
        self.setFont(font)

    # --- state ------------------------------------------------------------------------------

    def sweep(self) -> Sweep | None:
        return self._sweep

    def current_rank(self) -> int:
        return self._current_rank

    def is_stale(self) -> bool:
        """The sweep shown is of weights no longer current (a new one is being computed)."""
        return self._stale

    def message(self) -> str:
        return self._message

    def set_sweep(self, sweep: Sweep | None, current_rank: int = 0, *, message: str = "") -> None:
        """Show ``sweep`` (None: only ``message``, e.g. "Computing…")."""
        self._sweep = sweep
        self._current_rank = int(current_rank)
        self._stale = False
        self._message = message
        text = sweep_summary(sweep, current_rank) if sweep is not None else message
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self.update()

    def set_stale(self, stale: bool = True) -> None:
        if self._stale != stale:
            self._stale = stale
            self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(130, 108)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(64, 40)

    # --- painting ---------------------------------------------------------------------------

    def _plot_rect(self, fm: QFontMetrics, hi: int) -> QRectF:
        left = fm.horizontalAdvance(str(hi)) + 8
        top = fm.height() + 6
        bottom = self.height() - fm.height() - 6
        right = self.width() - 8
        return QRectF(left, top, max(10, right - left), max(10, bottom - top))

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        title_font = QFont(self.font())
        title_font.setBold(True)
        sweep = self._sweep
        p.setFont(title_font)
        p.setPen(_TEXT)
        p.drawText(
            QRectF(2, 0, self.width() - 4, fm.height() + 4), Qt.AlignmentFlag.AlignLeft, title(self.signal)
        )
        if sweep is None:
            p.setFont(self.font())
            p.setPen(_MUTED)
            p.drawText(
                QRectF(0, fm.height(), self.width(), self.height() - fm.height()),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self._message,
            )
            p.end()
            return
        p.setFont(self.font())
        p.setPen(_MUTED)
        now = self.tr("now {weight}").format(weight=_w(sweep.current))
        p.drawText(QRectF(2, 0, self.width() - 6, fm.height() + 4), Qt.AlignmentFlag.AlignRight, now)
        if self._stale:
            p.setOpacity(0.4)
        hi = rank_range(sweep, self._current_rank)
        plot = self._plot_rect(fm, hi)

        def x_of(w: float) -> float:
            return plot.left() + (w - SWEEP_MIN) / (SWEEP_MAX - SWEEP_MIN) * plot.width()

        def y_of(rank: float) -> float:
            return plot.top() + (rank - 0.5) / hi * plot.height()

        # the top-N band, its edge labelled
        band_bottom = min(plot.bottom(), y_of(sweep.top_n + 0.5))
        p.fillRect(QRectF(plot.left(), plot.top(), plot.width(), band_bottom - plot.top()), _BAND)
        p.setPen(QPen(_BAND_EDGE, 1))
        p.drawLine(QPointF(plot.left(), band_bottom), QPointF(plot.right(), band_bottom))
        # axes and ticks: ranks 1, N and the axis end; weights -100, 0, +100
        p.setPen(QPen(_AXIS, 1))
        p.drawRect(plot)
        p.setPen(QPen(_AXIS, 1, Qt.PenStyle.DotLine))
        p.drawLine(QPointF(x_of(0), plot.top()), QPointF(x_of(0), plot.bottom()))
        p.setPen(_TEXT)
        # rank labels: the axis end, the band's edge (N), then 1 where it does not crowd them
        placed: list[float] = []
        for rank, y in ((hi, y_of(hi)), (sweep.top_n, band_bottom), (1, y_of(1))):
            if any(abs(y - other) < fm.height() * 0.9 for other in placed):
                continue
            placed.append(y)
            label_rect = QRectF(0, y - fm.height() / 2, plot.left() - 3, fm.height())
            p.drawText(label_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(rank))
        # the weights under the axis: each label centred on its tick, kept inside the widget
        top_of_labels = plot.bottom() + 2
        for w, text in ((SWEEP_MIN, f"−{-SWEEP_MIN:.0f}"), (0.0, "0"), (SWEEP_MAX, f"+{SWEEP_MAX:.0f}")):
            tw = fm.horizontalAdvance(text)
            left = min(max(0.0, x_of(w) - tw / 2), self.width() - tw - 1)
            p.drawText(QRectF(left, top_of_labels, tw + 1, fm.height() + 2), Qt.AlignmentFlag.AlignLeft, text)

        # the line, broken where the company is not ranked; those weights marked on the axis
        color = QColor(LINE_COLORS.get(self.signal, "#444"))
        path = QPainterPath()
        drawing = False
        for w, r in zip(sweep.weights.tolist(), sweep.ranks.tolist(), strict=True):
            if r > 0:
                point = QPointF(x_of(w), y_of(r))
                if drawing:
                    path.lineTo(point)
                else:
                    path.moveTo(point)
                drawing = True
            else:
                drawing = False
        p.setPen(QPen(color, 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        p.setPen(QPen(_MUTED, 1))
        for w, r in zip(sweep.weights.tolist(), sweep.ranks.tolist(), strict=True):
            if r == 0:
                x = x_of(w)
                p.drawLine(QPointF(x - 2, plot.bottom() - 5), QPointF(x + 2, plot.bottom() - 1))
                p.drawLine(QPointF(x - 2, plot.bottom() - 1), QPointF(x + 2, plot.bottom() - 5))

        # the weight now: a dashed line, and a dot at the rank now
        x_now = x_of(min(SWEEP_MAX, max(SWEEP_MIN, sweep.current)))
        p.setPen(QPen(QColor(40, 40, 40), 1, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x_now, plot.top()), QPointF(x_now, plot.bottom()))
        if self._current_rank > 0:
            p.setPen(QPen(QColor(255, 255, 255), 1.5))
            p.setBrush(QColor(30, 30, 30))
            p.drawEllipse(QPointF(x_now, y_of(self._current_rank)), 3.5, 3.5)
        p.setOpacity(1.0)
        if self._stale:
            p.setPen(_MUTED)
            p.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("updating…"))
        p.end()


class SensitivityPanel(QWidget):
    """The three sensitivity charts of the company shown, under a caption."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sensitivity_panel")
        self._company_id: str | None = None
        self._sweeps: dict[str, Sweep] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(2)
        # one line, cut when the pane is narrow (the whole of it in the tooltip)
        self.caption = QLabel()
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        font = QFont(self.caption.font())
        font.setPointSizeF(max(MIN_POINT_SIZE, font.pointSizeF() * 0.9))
        self.caption.setFont(font)
        self.caption.setStyleSheet("color: #555")
        layout.addWidget(self.caption)
        row = QHBoxLayout()
        row.setSpacing(4)
        self.charts = {signal: SensitivityChart(signal) for signal in SIGNALS}
        for chart in self.charts.values():
            row.addWidget(chart, 1)
        layout.addLayout(row, 1)
        self._set_caption(None)
        self.clear()

    def _set_caption(self, top_n: int | None) -> None:
        band = self.tr("top {n}").format(n=top_n) if top_n else self.tr("the top N")
        self.caption.setText(
            self.tr("<b>Sensitivity</b>: rank vs each weight, −100…+100 · shaded: {band}").format(band=band)
        )
        self.caption.setToolTip(
            self.tr(
                "The company's rank (1 at the top) as each weight sweeps from {low} to {high} in steps "
                "of 10, the other weights fixed. Shaded: ranks 1 to {n}. Dashed line: the weight now, "
                "with a dot at the rank now. A gap (× on the axis): not ranked at that weight (the "
                "missing-data policy leaves it out)."
            ).format(low=f"−{-SWEEP_MIN:.0f}", high=f"+{SWEEP_MAX:.0f}", n=top_n or "N")
        )

    def company_id(self) -> str | None:
        """The company whose sweeps are shown (or being computed)."""
        return self._company_id

    def sweeps(self) -> dict[str, Sweep] | None:
        return self._sweeps

    def is_pending(self) -> bool:
        return (
            any(c.is_stale() or c.sweep() is None for c in self.charts.values())
            and self._company_id is not None
        )

    def clear(self, message: str | None = None) -> None:
        """No company: the charts show ``message`` (by default "Select a company")."""
        if message is None:
            message = self.tr("Select a company")
        self._company_id = None
        self._sweeps = None
        for chart in self.charts.values():
            chart.set_sweep(None, message=message)

    def set_pending(self, company_id: str) -> None:
        """New sweeps of ``company_id`` are being computed: the charts of that company stay,
        dimmed; another company's are cleared."""
        if company_id == self._company_id and self._sweeps is not None:
            for chart in self.charts.values():
                chart.set_stale(True)
            return
        self._company_id = company_id
        self._sweeps = None
        for chart in self.charts.values():
            chart.set_sweep(None, message=self.tr("Computing…"))

    def set_current(self) -> None:
        """The sweeps shown answer the weights now again (no longer dimmed)."""
        for chart in self.charts.values():
            chart.set_stale(False)

    def set_sweeps(self, company_id: str, sweeps: dict[str, Sweep], current_rank: int) -> None:
        """Show the sweeps of ``company_id``; ``current_rank`` its rank under the weights now."""
        self._company_id = company_id
        self._sweeps = dict(sweeps)
        for signal, chart in self.charts.items():
            chart.set_sweep(sweeps.get(signal), current_rank)
        top = next(iter(sweeps.values())).top_n if sweeps else None
        self._set_caption(top)

    def set_failed(self, message: str) -> None:
        self._sweeps = None
        for chart in self.charts.values():
            chart.set_sweep(None, message=message)
