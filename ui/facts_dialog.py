"""Add fact… / Edit fact…: one analyst fact (core.analyst) about one company, typed in a dialog.

The dialog shows the fields of the kind chosen (a funding round: round, amount, date, valuation,
investors; a valuation: the valuation and its date; a client, outcome, listing or correction:
what happened), the source (required) and the date it was seen (today by default).  It checks
what it can itself (a source given, an amount in the report's grammar, a date of the form
YYYY, YYYY-MM or YYYY-MM-DD), then hands the values to ``submit``; a problem — its own or the
one ``submit`` raises — is shown under the field it is about, and the dialog stays open with
everything typed.  It takes plain data and imports nothing of the session.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from core import present
from core.money import parse_amount

#: The kinds of fact, in the order offered, with how the dialog names them (in English; shown
#: through :func:`_t`, context "facts_dialog").
KIND_LABELS: dict[str, str] = {
    "funding": QT_TRANSLATE_NOOP("facts_dialog", "Funding round"),
    "valuation": QT_TRANSLATE_NOOP("facts_dialog", "Valuation"),
    "client": QT_TRANSLATE_NOOP("facts_dialog", "Client won"),
    "outcome": QT_TRANSLATE_NOOP("facts_dialog", "Outcome"),
    "listing": QT_TRANSLATE_NOOP("facts_dialog", "Listing"),
    "correction": QT_TRANSLATE_NOOP("facts_dialog", "Correction note"),
}
#: The fields each kind shows (source and date seen are always shown).
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "funding": ("round", "amount", "date", "valuation", "investors"),
    "valuation": ("valuation", "date"),
    "client": ("text", "date"),
    "outcome": ("text", "date"),
    "listing": ("text", "date"),
    "correction": ("text", "date"),
}
#: How each field is named to the user (labels and error messages; in English, shown through
#: :func:`_t`).
FIELD_LABELS: dict[str, str] = {
    "kind": QT_TRANSLATE_NOOP("facts_dialog", "Kind"),
    "round": QT_TRANSLATE_NOOP("facts_dialog", "Round"),
    "amount": QT_TRANSLATE_NOOP("facts_dialog", "Amount"),
    "date": QT_TRANSLATE_NOOP("facts_dialog", "Date"),
    "valuation": QT_TRANSLATE_NOOP("facts_dialog", "Valuation"),
    "investors": QT_TRANSLATE_NOOP("facts_dialog", "Investors"),
    "text": QT_TRANSLATE_NOOP("facts_dialog", "What happened"),
    "source": QT_TRANSLATE_NOOP("facts_dialog", "Source"),
    "seen": QT_TRANSLATE_NOOP("facts_dialog", "Date seen"),
}
#: What the "text" field asks for, by kind.
_TEXT_HINTS = {
    "client": QT_TRANSLATE_NOOP("facts_dialog", "The client won, e.g. 招商银行 or “a top-3 state bank”"),
    "outcome": QT_TRANSLATE_NOOP("facts_dialog", "What happened, e.g. “contract renewed for 3 years”"),
    "listing": QT_TRANSLATE_NOOP("facts_dialog", "Where and when it listed, e.g. “HKEX, ticker 2556”"),
    "correction": QT_TRANSLATE_NOOP("facts_dialog", "What the report gets wrong, and what is right"),
}
AMOUNT_GRAMMAR = QT_TRANSLATE_NOOP(
    "facts_dialog", "as the report writes them: 50亿美元, 2.5亿元, 数千万元, $20M, 3000万人民币"
)
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def _t(text: str) -> str:
    """One of this module's constants (KIND_LABELS, FIELD_LABELS …) in the UI's language."""
    return QCoreApplication.translate("facts_dialog", text)


def field_errors(values: Mapping[str, object]) -> dict[str, str]:
    """What the dialog can tell is wrong with ``values`` before the store sees them, by field."""
    kind = str(values.get("kind", ""))
    shown = KIND_FIELDS.get(kind, ())
    errors: dict[str, str] = {}
    if kind not in KIND_FIELDS:
        errors["kind"] = QCoreApplication.translate("facts_dialog", "Choose a kind of fact: {kinds}.").format(
            kinds=", ".join(_t(label) for label in KIND_LABELS.values())
        )
    if not str(values.get("source", "")).strip():
        errors["source"] = QCoreApplication.translate(
            "facts_dialog", "Say where this comes from: a URL or a document (required)."
        )
    for name in ("amount", "valuation"):
        text = str(values.get(name, "")).strip()
        if name in shown and text and not parse_amount(text).parsed:
            errors[name] = QCoreApplication.translate(
                "facts_dialog", "“{text}” cannot be read as an amount. Write amounts {grammar}."
            ).format(text=text, grammar=_t(AMOUNT_GRAMMAR))
    when = str(values.get("date", "")).strip()
    if "date" in shown and when and not _DATE.match(when):
        errors["date"] = QCoreApplication.translate(
            "facts_dialog", "“{date}” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-03)."
        ).format(date=when)
    if kind == "funding" and not (
        str(values.get("amount", "")).strip() or str(values.get("round", "")).strip()
    ):
        errors["amount"] = QCoreApplication.translate(
            "facts_dialog", "Give the amount or the round (or both)."
        )
    if kind == "valuation" and not str(values.get("valuation", "")).strip():
        errors["valuation"] = QCoreApplication.translate("facts_dialog", "Give the valuation, e.g. 50亿美元.")
    if kind in _TEXT_HINTS and not str(values.get("text", "")).strip():
        hint = _t(_TEXT_HINTS[kind])
        errors["text"] = QCoreApplication.translate("facts_dialog", "Say what happened: {hint}.").format(
            hint=hint[0].lower() + hint[1:]
        )
    return errors


def field_of_message(message: str, kind: str) -> str | None:
    """The field a message from the store names (its first field name, as the user or the code
    names it), or None."""
    low = message.lower()
    best: tuple[int, str] | None = None
    for name in (*KIND_FIELDS.get(kind, ()), "source", "seen"):
        for word in dict.fromkeys((name, FIELD_LABELS[name].lower(), _t(FIELD_LABELS[name]).lower())):
            at = low.find(word)
            if at >= 0 and (best is None or at < best[0]):
                best = (at, name)
    return best[1] if best else None


def amount_preview(text: str) -> str:
    """What an amount reads as in US dollars, or why it cannot be read ("" when empty)."""
    if not text.strip():
        return ""
    money = parse_amount(text)
    if not money.parsed:
        return QCoreApplication.translate("facts_dialog", "not an amount yet — write it {grammar}").format(
            grammar=_t(AMOUNT_GRAMMAR)
        )
    usd = money.usd_point()
    if usd is None:
        return QCoreApplication.translate(
            "facts_dialog", "read as a figure without a currency (add 元 or 美元 to count it in US dollars)"
        )
    return QCoreApplication.translate("facts_dialog", "reads as {usd}").format(
        usd=present.usd(usd, money.approximate)
    )


class FactDialog(QDialog):
    """Add (or edit) one fact about one company.

    ``submit(values)`` stores the fact: it gets the fields as a dict (kind, round, amount, date,
    valuation, investors as a tuple, text, source, seen) and raises an exception whose message
    says what is wrong when the fact is refused (the dialog then stays open, the message under
    the field it names).  ``initial`` fills the fields (an edit)."""

    def __init__(
        self,
        company_name: str,
        submit: Callable[[dict[str, object]], object],
        *,
        initial: Mapping[str, object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        editing = initial is not None
        title = self.tr("Edit fact — {company}") if editing else self.tr("Add fact — {company}")
        self.setWindowTitle(title.format(company=company_name))
        self.setObjectName("fact_dialog")
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Your fact about <b>{company}</b>. It is kept beside the report's "
                "facts (never over them), marked as yours with its source, and counted in the "
                "ranking while View → Include my facts is on."
            ).format(company=present_html(company_name))
            + (
                self.tr(" Saving an edit retires the old fact and keeps it in the history.")
                if editing
                else ""
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = QFormLayout()
        layout.addLayout(self.form)

        self.kind = QComboBox()
        for key, label in KIND_LABELS.items():
            self.kind.addItem(_t(label), key)
        self.round = QLineEdit()
        self.round.setPlaceholderText(self.tr("As written: B轮, Series C, Pre-A …"))
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("50亿美元, 数千万元, $20M …"))
        self.date = QLineEdit()
        self.date.setPlaceholderText(self.tr("YYYY, YYYY-MM or YYYY-MM-DD"))
        self.valuation = QLineEdit()
        self.valuation.setPlaceholderText(self.tr("50亿美元, $1.2B …"))
        self.investors = QLineEdit()
        self.investors.setPlaceholderText(self.tr("Separated by ; — e.g. 红杉中国;高瓴"))
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(64)
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("A URL or a document (required)"))
        self.seen = QDateEdit()
        self.seen.setCalendarPopup(True)
        self.seen.setDisplayFormat("yyyy-MM-dd")
        self.seen.setDate(QDate.currentDate())
        self.widgets: dict[str, QWidget] = {
            "kind": self.kind,
            "round": self.round,
            "amount": self.amount,
            "date": self.date,
            "valuation": self.valuation,
            "investors": self.investors,
            "text": self.text,
            "source": self.source,
            "seen": self.seen,
        }
        mnemonics = {
            "kind": self.tr("&Kind"),
            "round": self.tr("&Round"),
            "amount": self.tr("&Amount"),
            "date": self.tr("Da&te"),
            "valuation": self.tr("&Valuation"),
            "investors": self.tr("&Investors"),
            "text": self.tr("&What happened"),
            "source": self.tr("&Source"),
            "seen": self.tr("Date s&een"),
        }
        self.errors: dict[str, QLabel] = {}
        self._rows: dict[str, QWidget] = {}
        for name, widget in self.widgets.items():
            widget.setAccessibleName(_t(FIELD_LABELS[name]))
            box = QWidget()
            bl = QVBoxLayout(box)
            bl.setContentsMargins(0, 0, 0, 0)
            bl.setSpacing(1)
            bl.addWidget(widget)
            if name in ("amount", "valuation"):
                preview = QLabel("")
                preview.setStyleSheet("color: #666")
                preview.setObjectName(f"{name}_preview")
                bl.addWidget(preview)
                widget.textChanged.connect(lambda t, p=preview: p.setText(amount_preview(t)))
            error = QLabel("")
            error.setObjectName(f"{name}_error")
            error.setWordWrap(True)
            error.setStyleSheet("color: #b3261e")
            error.setVisible(False)
            bl.addWidget(error)
            self.errors[name] = error
            label = QLabel(mnemonics[name])
            label.setBuddy(widget)
            self.form.addRow(label, box)
            self._rows[name] = box
        self.general_error = QLabel("")
        self.general_error.setObjectName("fact_error")
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet("color: #b3261e")
        self.general_error.setVisible(False)
        layout.addWidget(self.general_error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._show_kind_fields)
        if initial is not None:
            self.set_values(initial)
        self._show_kind_fields()
        self.kind.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- values ---------------------------------------------------------------------------

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def values(self) -> dict[str, object]:
        """What is typed, for the fields of the kind chosen (the others empty)."""
        kind = self.current_kind()
        shown = KIND_FIELDS[kind]

        def text_of(name: str) -> str:
            if name not in shown:
                return ""
            w = self.widgets[name]
            return (w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()).strip()  # type: ignore[attr-defined]

        investors = tuple(p.strip() for p in text_of("investors").replace("；", ";").split(";") if p.strip())
        return {
            "kind": kind,
            "round": text_of("round"),
            "amount": text_of("amount"),
            "date": text_of("date"),
            "valuation": text_of("valuation"),
            "investors": investors,
            "text": text_of("text"),
            "source": self.source.text().strip(),
            "seen": self.seen.date().toString("yyyy-MM-dd"),
        }

    def set_values(self, values: Mapping[str, object]) -> None:
        """Fill the fields (an edit, or a test)."""
        if "kind" in values:
            self.kind.setCurrentIndex(max(0, self.kind.findData(values["kind"])))
        for name in ("round", "amount", "date", "valuation", "source"):
            if name in values:
                self.widgets[name].setText(str(values[name] or ""))  # type: ignore[attr-defined]
        if "investors" in values:
            inv = values["investors"]
            self.investors.setText(inv if isinstance(inv, str) else ";".join(inv))  # type: ignore[arg-type]
        if "text" in values:
            self.text.setPlainText(str(values["text"] or ""))
        seen = str(values.get("seen") or "")
        if seen:
            parsed = QDate.fromString(seen, "yyyy-MM-dd")
            if parsed.isValid():
                self.seen.setDate(parsed)

    def _show_kind_fields(self) -> None:
        kind = self.current_kind()
        shown = KIND_FIELDS[kind]
        for name in ("round", "amount", "date", "valuation", "investors", "text"):
            self.form.setRowVisible(self._rows[name], name in shown)
        self.text.setPlaceholderText(_t(_TEXT_HINTS[kind]) if kind in _TEXT_HINTS else "")
        self.valuation.setPlaceholderText(
            self.tr("50亿美元, $1.2B … (required)")
            if kind == "valuation"
            else self.tr("50亿美元, $1.2B … (optional)")
        )
        self.clear_errors()

    # --- errors ---------------------------------------------------------------------------

    def clear_errors(self) -> None:
        for name, label in self.errors.items():
            label.setText("")
            label.setVisible(False)
            self.widgets[name].setStyleSheet("")
        self.general_error.setText("")
        self.general_error.setVisible(False)

    def show_errors(self, errors: Mapping[str, str]) -> None:
        """Each message under its field (the field outlined); the first such field takes the focus."""
        self.clear_errors()
        first = None
        for name, message in errors.items():
            if name in self.errors:
                label = self.errors[name]
                label.setText(
                    self.tr("{field}: {message}").format(field=_t(FIELD_LABELS[name]), message=message)
                )
                label.setVisible(True)
                self.widgets[name].setStyleSheet("border: 1px solid #b3261e")
                first = first or name
            else:
                self.general_error.setText(message)
                self.general_error.setVisible(True)
        if first is not None:
            self.widgets[first].setFocus(Qt.FocusReason.OtherFocusReason)

    def error_text(self) -> str:
        """Every message shown, one a line (tests, accessibility)."""
        lines = [label.text() for label in self.errors.values() if label.text()]
        if self.general_error.text():
            lines.append(self.general_error.text())
        return "\n".join(lines)

    # --- saving ---------------------------------------------------------------------------

    def try_accept(self) -> bool:
        """Check and store the fact: True (the dialog closes) when stored; else the problems
        are shown and everything typed stays."""
        values = self.values()
        errors = field_errors(values)
        if errors:
            self.show_errors(errors)
            return False
        try:
            self._submit(values)
        except Exception as exc:  # noqa: BLE001 — the store's or the checks' message, shown as is
            message = str(exc) or type(exc).__name__
            name = str(getattr(exc, "field", "") or "") or field_of_message(message, values["kind"])  # type: ignore[arg-type]
            if name and message.startswith(f"{name}: "):
                message = message[len(name) + 2 :]  # the field is named by the label already
                message = message[:1].upper() + message[1:]
            self.show_errors({name or "": message})
            return False
        self.accept()
        return True


def present_html(text: str) -> str:
    return html.escape(text)
