"""The weights panel: three signed sliders, presets and the user's own profiles, sub-weights,
the missing-data policy and a reset."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.present import policy_label, preset_label
from core.scoring import (
    DEFAULT_MISSING,
    DEFAULT_PRESET,
    DIFFICULTY_SUBS,
    FUNDING_SUBS,
    MISSING_POLICIES,
    PRESET_LABELS,
    PRESETS,
    SIGNALS,
    VALUE_SUBS,
    MissingPolicy,
    Weights,
)
from core.state import StateError
from ui.qt_utils import signals_blocked

#: The context of this module's constants (marked with QT_TRANSLATE_NOOP, translated by _tr).
_CONTEXT = "weights_panel"
#: Each signal's label and tooltip (English; :func:`_tr` gives them in the language shown).
SIGNAL_LABELS = {
    "value": (
        QT_TRANSLATE_NOOP("weights_panel", "Value"),
        QT_TRANSLATE_NOOP(
            "weights_panel",
            "Market-space stars of the company's segments, mixed with its traction: the sentences of the "
            "report naming its clients, quantified outcomes, products and listing",
        ),
    ),
    "difficulty": (
        QT_TRANSLATE_NOOP("weights_panel", "Difficulty"),
        QT_TRANSLATE_NOOP(
            "weights_panel",
            "Logic, compute and corpus stars. Negative: prefer easier segments; positive: difficulty is a moat",
        ),
    ),
    "funding": (
        QT_TRANSLATE_NOOP("weights_panel", "Funding"),
        QT_TRANSLATE_NOOP(
            "weights_panel", "Disclosed capital, latest valuation, recency and stage of funding"
        ),
    ),
}
SUB_LABELS = {
    "market": QT_TRANSLATE_NOOP("weights_panel", "Market space"),
    "traction": QT_TRANSLATE_NOOP("weights_panel", "Traction"),
    "logic": QT_TRANSLATE_NOOP("weights_panel", "Logic difficulty"),
    "compute": QT_TRANSLATE_NOOP("weights_panel", "Compute cost"),
    "corpus": QT_TRANSLATE_NOOP("weights_panel", "Corpus cost"),
    "capital": QT_TRANSLATE_NOOP("weights_panel", "Disclosed capital"),
    "valuation": QT_TRANSLATE_NOOP("weights_panel", "Latest valuation"),
    "recency": QT_TRANSLATE_NOOP("weights_panel", "Recency"),
    "stage": QT_TRANSLATE_NOOP("weights_panel", "Stage"),
}
#: The signals' labels with their keyboard mnemonics (Alt+V, Alt+D, Alt+F).
_MNEMONIC_LABELS = {
    "value": QT_TRANSLATE_NOOP("weights_panel", "&Value"),
    "difficulty": QT_TRANSLATE_NOOP("weights_panel", "&Difficulty"),
    "funding": QT_TRANSLATE_NOOP("weights_panel", "&Funding"),
}
_CUSTOM = QT_TRANSLATE_NOOP("weights_panel", "Custom")


def _tr(text: str) -> str:
    """One of this module's constants in the language shown."""
    return QCoreApplication.translate(_CONTEXT, text)


class WeightsPanel(QWidget):
    """Edits a :class:`Weights` and a missing-data policy; emits :attr:`sig_changed` on every change."""

    sig_changed = Signal()
    """The weights or the policy changed (read them with :meth:`weights` and :meth:`policy`)."""

    sig_gesture_started = Signal()
    """The user began a new slider drag or edit: undo starts a new step."""

    sig_profiles_changed = Signal()
    """A profile was saved, renamed or deleted (the lenses include every saved profile)."""

    def __init__(self, profiles=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profiles = profiles  # a core.state.StateStore, or None (no saved profiles)
        self._updating = False
        self.sliders: dict[str, QSlider] = {}
        self.spins: dict[str, QSpinBox] = {}
        self.sub_spins: dict[str, QSpinBox] = {}

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)

        preset_row = QHBoxLayout()
        self.preset_combo = QComboBox()
        self.preset_combo.setToolTip(self.tr("Named weights: the built-in presets and your saved profiles"))
        self.preset_combo.setAccessibleName(self.tr("Weight preset"))
        preset_row.addWidget(self.preset_combo, 1)
        self.profile_button = QToolButton()
        self.profile_button.setText(self.tr("Profiles"))
        self.profile_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self.profile_button)
        self.save_action = menu.addAction(self.tr("Save current weights as…"), self._on_save_profile)
        self.rename_action = menu.addAction(self.tr("Rename profile…"), self._on_rename_profile)
        self.delete_action = menu.addAction(self.tr("Delete profile"), self._on_delete_profile)
        self.profile_button.setMenu(menu)
        self.profile_button.setEnabled(profiles is not None)
        preset_row.addWidget(self.profile_button)
        outer.addLayout(preset_row)

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for row, key in enumerate(SIGNALS):
            label, tip = (_tr(text) for text in SIGNAL_LABELS[key])
            lab = QLabel(_tr(_MNEMONIC_LABELS[key]))
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(-100, 100)
            slider.setPageStep(10)
            slider.setTickInterval(50)
            slider.setTickPosition(QSlider.TickPosition.TicksBelow)
            slider.setToolTip(tip)
            slider.setAccessibleName(self.tr("{signal} weight").format(signal=label))
            spin = QSpinBox()
            spin.setRange(-100, 100)
            spin.setToolTip(tip)
            spin.setAccessibleName(self.tr("{signal} weight value").format(signal=label))
            lab.setBuddy(slider)
            slider.valueChanged.connect(spin.setValue)
            spin.valueChanged.connect(slider.setValue)
            spin.valueChanged.connect(self._on_value_changed)
            slider.sliderPressed.connect(self.sig_gesture_started)
            grid.addWidget(lab, row, 0)
            grid.addWidget(slider, row, 1)
            grid.addWidget(spin, row, 2)
            self.sliders[key] = slider
            self.spins[key] = spin
        outer.addLayout(grid)

        self.policy_combo = QComboBox()
        for p in MISSING_POLICIES:
            self.policy_combo.addItem(policy_label(p), p)
        self.policy_combo.setToolTip(self.tr("What a figure the report does not disclose counts as"))
        self.policy_combo.setAccessibleName(self.tr("Missing-data policy"))
        self.policy_combo.currentIndexChanged.connect(self._on_policy_changed)
        outer.addWidget(self.policy_combo)
        for combo in (self.preset_combo, self.policy_combo):  # narrow panels elide, never widen
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)

        self.advanced_button = QToolButton()
        self.advanced_button.setText(self.tr("Advanced: sub-weights"))
        self.advanced_button.setCheckable(True)
        self.advanced_button.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_button.setAutoRaise(True)
        self.advanced_button.toggled.connect(self._on_advanced_toggled)
        outer.addWidget(self.advanced_button)
        self.advanced = QWidget()
        form = QFormLayout(self.advanced)
        form.setContentsMargins(12, 0, 0, 0)
        for key in VALUE_SUBS + DIFFICULTY_SUBS + FUNDING_SUBS:
            spin = QSpinBox()
            spin.setRange(0, 100)
            if key in VALUE_SUBS:
                tip = self.tr("Mix inside value (relative; all zero counts as equal)")
            elif key in DIFFICULTY_SUBS:
                tip = self.tr("Mix inside difficulty (relative; all zero counts as equal)")
            else:
                tip = self.tr("Mix inside funding (relative; all zero counts as equal)")
            spin.setToolTip(tip)
            spin.valueChanged.connect(self._on_value_changed)
            form.addRow(_tr(SUB_LABELS[key]), spin)
            self.sub_spins[key] = spin
        self.advanced.setVisible(False)
        outer.addWidget(self.advanced)

        self.reset_button = QPushButton(self.tr("&Reset weights"))
        self.reset_button.setToolTip(self.tr("Back to the balanced preset, undisclosed counting as zero"))
        self.reset_button.clicked.connect(self.reset)
        outer.addWidget(self.reset_button)

        self.preset_combo.activated.connect(self._on_preset_chosen)
        self._fill_presets()
        self.set_state(PRESETS[DEFAULT_PRESET], DEFAULT_MISSING, emit=False)

    # --- state ------------------------------------------------------------------------------

    def weights(self) -> Weights:
        values = {k: float(self.spins[k].value()) for k in SIGNALS}
        values.update({k: float(s.value()) for k, s in self.sub_spins.items()})
        return Weights(**values)

    def policy(self) -> MissingPolicy:
        return self.policy_combo.currentData()

    def set_state(self, weights: Weights, policy: MissingPolicy, *, emit: bool = True) -> None:
        """Show ``weights`` and ``policy`` (no intermediate signals; one sig_changed if ``emit``)."""
        self._updating = True
        try:
            for k in SIGNALS:
                self.spins[k].setValue(round(getattr(weights, k)))
            for k, s in self.sub_spins.items():
                s.setValue(round(getattr(weights, k)))
            self.policy_combo.setCurrentIndex(max(0, self.policy_combo.findData(policy)))
        finally:
            self._updating = False
        self._sync_preset_label()
        if emit:
            self.sig_changed.emit()

    def reset(self) -> None:
        self.sig_gesture_started.emit()
        self.set_state(PRESETS[DEFAULT_PRESET], DEFAULT_MISSING)

    def _on_value_changed(self, _value: int) -> None:
        if self._updating:
            return
        self._sync_preset_label()
        self.sig_changed.emit()

    def _on_policy_changed(self, _index: int) -> None:
        if self._updating:
            return
        self.sig_gesture_started.emit()
        self.sig_changed.emit()

    def _on_advanced_toggled(self, on: bool) -> None:
        self.advanced.setVisible(on)
        self.advanced_button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

    # --- presets and profiles ---------------------------------------------------------------

    def _saved_profiles(self) -> dict[str, Weights]:
        if self._profiles is None:
            return {}
        try:
            return dict(self._profiles.profiles())
        except StateError:
            return {}  # the store is busy or unreadable: the presets still work

    def _fill_presets(self) -> None:
        combo = self.preset_combo
        with signals_blocked(combo):
            combo.clear()
            for key in PRESET_LABELS:
                combo.addItem(preset_label(key), ("preset", key))
            saved = self._saved_profiles()
            if saved:
                combo.insertSeparator(combo.count())
                for name in sorted(saved, key=str.casefold):
                    combo.addItem(self.tr("My: {name}").format(name=name), ("profile", name))
            combo.addItem(_tr(_CUSTOM), ("custom", ""))
        self._sync_preset_label()

    def _weights_of(self, data) -> Weights | None:
        kind, name = data
        if kind == "preset":
            return PRESETS[name]
        if kind == "profile":
            return self._saved_profiles().get(name)
        return None

    def _sync_preset_label(self) -> None:
        """Show the preset or profile the current weights equal, else "Custom"."""
        current = self.weights()
        combo = self.preset_combo
        match = combo.count() - 1
        here = combo.currentData()
        if here and here[0] != "custom" and self._weights_of(here) == current:
            match = combo.currentIndex()
        else:
            for i in range(combo.count()):
                data = combo.itemData(i)
                if data and data[0] != "custom" and self._weights_of(data) == current:
                    match = i
                    break
        with signals_blocked(combo):
            combo.setCurrentIndex(match)
        profile = combo.currentData()
        is_profile = bool(profile) and profile[0] == "profile"
        self.rename_action.setEnabled(is_profile)
        self.delete_action.setEnabled(is_profile)

    def current_preset(self) -> str | None:
        data = self.preset_combo.currentData()
        return data[1] if data and data[0] in ("preset", "profile") else None

    def _on_preset_chosen(self, index: int) -> None:
        w = self._weights_of(self.preset_combo.itemData(index))
        if w is not None:
            self.sig_gesture_started.emit()
            self.set_state(w, self.policy())

    def _ask_name(self, title: str, text: str = "") -> str | None:
        name, ok = QInputDialog.getText(self, title, self.tr("Profile name:"), text=text)
        name = name.strip()
        return name if ok and name else None

    def _on_save_profile(self) -> None:
        name = self._ask_name(self.tr("Save weights as a profile"))
        if name is None:
            return
        if name in self._saved_profiles():
            answer = QMessageBox.question(
                self,
                self.tr("Replace profile?"),
                self.tr("A profile named “{name}” exists. Replace it?").format(name=name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._profile_call(self._profiles.save_profile, name, self.weights())

    def _on_rename_profile(self) -> None:
        data = self.preset_combo.currentData()
        if not data or data[0] != "profile":
            return
        new = self._ask_name(self.tr("Rename profile"), data[1])
        if new is not None and new != data[1]:
            self._profile_call(self._profiles.rename_profile, data[1], new)

    def _on_delete_profile(self) -> None:
        data = self.preset_combo.currentData()
        if not data or data[0] != "profile":
            return
        answer = QMessageBox.question(
            self, self.tr("Delete profile?"), self.tr("Delete the profile “{name}”?").format(name=data[1])
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._profile_call(self._profiles.delete_profile, data[1])

    def _profile_call(self, fn, *args) -> None:
        try:
            fn(*args)
        except (ValueError, OSError, StateError) as exc:
            QMessageBox.warning(self, self.tr("Profile not saved"), str(exc))
        self._fill_presets()
        self.sig_profiles_changed.emit()
