"""Item delegates of the ranked table."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.ranking_model import SCORE_ROLE


class ScoreBarDelegate(QStyledItemDelegate):
    """The score as a number over an inline bar of its length (0–100)."""

    bar_color = QColor(66, 133, 244, 70)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        score = index.data(SCORE_ROLE)
        rect = QRectF(opt.rect).adjusted(3, 4, -3, -4)
        painter.save()
        if isinstance(score, float) and score > 0:
            bar = QRectF(rect.left(), rect.top(), rect.width() * min(score, 100.0) / 100.0, rect.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.bar_color)
            painter.drawRoundedRect(bar, 2, 2)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = opt.palette.ColorRole.HighlightedText if selected else opt.palette.ColorRole.Text
        painter.setPen(opt.palette.color(role))
        painter.drawText(
            rect.adjusted(0, 0, -2, 0), int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text
        )
        painter.restore()
