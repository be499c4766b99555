"""The universe screened (providers, adopters, all) and the filters: search, country, scenario,
industry, segment, role, kind, funding disclosed, shortlisted."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from core import present
from core.filters import (
    NO_STAGE,
    UNKNOWN_COUNTRY,
    Filters,
    country_counts,
    no_stage_label,
    unknown_country_label,
)
from core.i18n import language
from core.models import ROLES, Dataset
from core.signals import DEFAULT_UNIVERSE, UNIVERSES
from ui.geometry import LEFT_MAX
from ui.qt_utils import signals_blocked

#: Translated where shown: ``QCoreApplication.translate(_CONTEXT, name)``.
_CONTEXT = "filters_panel"
_COUNTRY_NAMES = {
    "CN": QT_TRANSLATE_NOOP("filters_panel", "China"),
    "US": QT_TRANSLATE_NOOP("filters_panel", "United States"),
    "GB": QT_TRANSLATE_NOOP("filters_panel", "United Kingdom"),
    "FR": QT_TRANSLATE_NOOP("filters_panel", "France"),
    "IE": QT_TRANSLATE_NOOP("filters_panel", "Ireland"),
}
_ALL = ""
#: The widest the panel should need to be (px): the left pane's widest share, less the room of
#: the scroll area it sits in (its frame and scroll bar).
MOST_WIDTH = LEFT_MAX - 16
#: The country combo's choice for the companies without a country (its data cannot be "": All).
_UNKNOWN_CHOICE = "?"
#: The stage combo's choice for the companies not in the pipeline (its data cannot be "": Any).
_NO_STAGE_CHOICE = "-"
#: The universe buttons' text, each with its keyboard mnemonic (Alt+P, Alt+A, Alt+L).
_UNIVERSE_TEXT = {
    "providers": QT_TRANSLATE_NOOP("filters_panel", "&Providers"),
    "adopters": QT_TRANSLATE_NOOP("filters_panel", "&Adopters"),
    "all": QT_TRANSLATE_NOOP("filters_panel", "A&ll"),
}


def _both(english: str, chinese: str, chinese_first: bool) -> str:
    """A scenario's or industry's name in English and in the report's Chinese."""
    return (f"{chinese}  {english}" if chinese_first else f"{english}  {chinese}").strip()


def _country_name(code: str) -> str:
    """The country's name in the language shown (its code when it has no name here)."""
    name = _COUNTRY_NAMES.get(code)
    return QCoreApplication.translate(_CONTEXT, name) if name else code


class FiltersPanel(QWidget):
    """Builds a :class:`core.filters.Filters` from its controls; emits :attr:`sig_changed`."""

    sig_changed = Signal()
    """Any filter changed (typing in the search box is debounced by 150 ms)."""

    sig_universe_changed = Signal(str)
    """The user chose another universe: "providers", "adopters" or "all"."""

    sig_results_requested = Signal()
    """Enter or ↓ in the search box: go to the results (the search is applied first)."""

    def __init__(self, dataset: Dataset, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)

        # the universe comes first: it says which companies there are to filter
        self.universe_buttons: dict[str, QRadioButton] = {}
        self._universe_group = QButtonGroup(self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for u in UNIVERSES:
            button = QRadioButton(QCoreApplication.translate(_CONTEXT, _UNIVERSE_TEXT[u]))
            button.setToolTip(present.capital_first(present.universe_sentence(u)))
            button.setAccessibleName(
                self.tr("Universe: {universe}").format(universe=present.universe_label(u))
            )
            self._universe_group.addButton(button)
            self.universe_buttons[u] = button
            row.addWidget(button)
        row.addStretch(1)
        self.universe_buttons[DEFAULT_UNIVERSE].setChecked(True)
        self._universe_group.buttonToggled.connect(self._on_universe_toggled)
        universe_box = QWidget()
        universe_box.setLayout(row)
        universe_box.setToolTip(
            self.tr(
                "Which companies are screened and normalised together: providers (what an investor can "
                "back), adopters (the demand side) or all. Shortlist and notes are kept when you switch."
            )
        )
        form.addRow(self.tr("Universe"), universe_box)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name, English name, alias or product…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search companies"))
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.sig_changed)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._to_results)
        self.search.installEventFilter(self)
        form.addRow(self.tr("&Search"), self.search)

        self.country = QComboBox()
        form.addRow(self.tr("&Country"), self.country)
        self.scenario = QComboBox()
        form.addRow(self.tr("Sce&nario"), self.scenario)
        self.industry = QComboBox()
        form.addRow(self.tr("&Industry"), self.industry)
        self.segment = QComboBox()
        self.segment.setToolTip(self.tr("Or click a segment on the map"))
        form.addRow(self.tr("Se&gment"), self.segment)

        self.role = QComboBox()
        self.role.addItem(self.tr("Any role"), _ALL)
        for r in ROLES:
            self.role.addItem(present.role_label(r), r)
        form.addRow(self.tr("&Role"), self.role)
        self.kind = QComboBox()
        self.kind.setToolTip(self.tr("What kind of company: startup, big tech, AI vendor, bank …"))
        self.kind.addItem(self.tr("Any kind"), _ALL)
        form.addRow(self.tr("&Kind"), self.kind)
        self.stage = QComboBox()
        self.stage.setToolTip(self.tr("Your pipeline's stage (the Pipeline tab, Ctrl+3)"))
        self.stage.setAccessibleName(self.tr("Pipeline stage"))
        self.stage.addItem(self.tr("Any stage"), _ALL)
        form.addRow(self.tr("S&tage"), self.stage)

        self.funded_only = QCheckBox(self.tr("Funding &disclosed only"))
        self.shortlist_only = QCheckBox(self.tr("Shortlisted &only"))
        form.addRow(self.funded_only)
        form.addRow(self.shortlist_only)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)
        form.addRow(self.clear_button)

        for combo in (
            self.country,
            self.scenario,
            self.industry,
            self.segment,
            self.role,
            self.kind,
            self.stage,
        ):
            combo.currentIndexChanged.connect(self._emit)
            # long Chinese/English labels must not widen the panel: the popup shows them whole
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        for box in (self.funded_only, self.shortlist_only):
            box.toggled.connect(self._emit)
        self._quiet = False
        self._fill(dataset)
        if self.minimumSizeHint().width() > MOST_WIDTH:
            # longer labels (Chinese mnemonics, "国家/地区(C)") would widen the left pane: a row
            # too wide for it puts its field under its label instead
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

    def _fill(self, dataset: Dataset) -> None:
        """The choices a dataset offers: its countries, scenarios, industries and segments."""
        self._quiet = True
        try:
            for combo in (self.country, self.scenario, self.industry, self.segment):
                combo.clear()
            self.country.addItem(self.tr("All countries"), _ALL)
            counts = country_counts(dataset)
            for code in sorted(c for c in counts if c != UNKNOWN_COUNTRY):
                self.country.addItem(f"{_country_name(code)} ({code}) — {counts[code]:,}", code)
            if UNKNOWN_COUNTRY in counts:  # last: the companies without a country
                self.country.addItem(
                    f"{unknown_country_label()} — {counts[UNKNOWN_COUNTRY]:,}", _UNKNOWN_CHOICE
                )
            self.scenario.addItem(self.tr("All scenarios"), _ALL)
            self.industry.addItem(self.tr("All industries"), _ALL)
            self.segment.addItem(self.tr("All segments"), _ALL)
            scenarios: set[str] = set()
            industries: set[str] = set()
            zh = language() == "zh_CN"  # the report's own Chinese names first
            for s in dataset.segments:
                if s.scenario not in scenarios:
                    scenarios.add(s.scenario)
                    self.scenario.addItem(_both(s.scenario, s.scenario_zh, zh), s.scenario)
                if s.industry not in industries:
                    industries.add(s.industry)
                    self.industry.addItem(_both(s.industry, s.industry_zh, zh), s.industry)
                label = s.label_zh if zh and s.scenario_zh and s.industry_zh else s.label
                self.segment.addItem(f"{s.ref}  {label}", s.ref)
        finally:
            self._quiet = False

    def set_dataset(self, dataset: Dataset) -> None:
        """Offer another dataset's choices; every filter is cleared (one sig_changed)."""
        self._fill(dataset)
        self.clear()

    def _emit(self, *_args) -> None:
        if not self._quiet:
            self.sig_changed.emit()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self._to_results()
            return True
        return super().eventFilter(watched, event)

    def _to_results(self) -> None:
        self.flush()
        self.sig_results_requested.emit()

    def flush(self) -> None:
        """Apply a search still being typed now (sig_changed), not after the debounce."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.sig_changed.emit()

    def filters(self) -> Filters:
        def one(combo: QComboBox) -> frozenset[str]:
            v = combo.currentData()
            return frozenset({v}) if v else frozenset()

        countries = frozenset(UNKNOWN_COUNTRY if c == _UNKNOWN_CHOICE else c for c in one(self.country))
        stages = frozenset(NO_STAGE if st == _NO_STAGE_CHOICE else st for st in one(self.stage))
        return Filters(
            query=self.search.text().strip(),
            countries=countries,
            scenarios=one(self.scenario),
            industries=one(self.industry),
            segments=one(self.segment),
            roles=one(self.role),
            kinds=one(self.kind),
            stages=stages,
            funded_only=self.funded_only.isChecked(),
            shortlist_only=self.shortlist_only.isChecked(),
        )

    def set_filters(self, f: Filters) -> None:
        """Show ``f`` (single values per field, as the controls hold); emits one sig_changed."""
        self._quiet = True
        try:
            with signals_blocked(self.search):
                self.search.setText(f.query)
            for combo, values in (
                (self.country, {_UNKNOWN_CHOICE if c == UNKNOWN_COUNTRY else c for c in f.countries}),
                (self.scenario, f.scenarios),
                (self.industry, f.industries),
                (self.segment, f.segments),
                (self.role, f.roles),
                (self.kind, f.kinds),
                (self.stage, {_NO_STAGE_CHOICE if st == NO_STAGE else st for st in f.stages}),
            ):
                v = next(iter(values), _ALL)
                combo.setCurrentIndex(max(0, combo.findData(v)))
            self.funded_only.setChecked(f.funded_only)
            self.shortlist_only.setChecked(f.shortlist_only)
        finally:
            self._quiet = False
        self.sig_changed.emit()

    def set_kinds(self, counts: dict[str, int]) -> None:
        """Offer these kinds of company (with how many of each the universe holds); the kind
        chosen stays chosen (offered with 0 if the universe has none of it).  Emits nothing."""
        current = self.kind.currentData() or _ALL
        if current != _ALL:
            counts = {current: 0, **counts}
        self._quiet = True
        try:
            self.kind.clear()
            self.kind.addItem(self.tr("Any kind"), _ALL)
            for kind in sorted(counts, key=lambda k: (-counts[k], present.kind_label(k))):
                self.kind.addItem(f"{present.kind_label(kind)} — {counts[kind]:,}", kind)
            self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        finally:
            self._quiet = False

    def set_stages(self, stages: tuple[str, ...], labels: dict[str, str], counts: dict[str, int]) -> None:
        """Offer the pipeline's stages (by their labels, with how many companies each holds) and
        "Not in the pipeline"; the stage chosen stays chosen.  Emits nothing."""
        current = self.stage.currentData() or _ALL
        self._quiet = True
        try:
            self.stage.clear()
            self.stage.addItem(self.tr("Any stage"), _ALL)
            for st in stages:
                self.stage.addItem(f"{labels.get(st) or st.capitalize()} — {counts.get(st, 0):,}", st)
            self.stage.addItem(no_stage_label(), _NO_STAGE_CHOICE)
            self.stage.setCurrentIndex(max(0, self.stage.findData(current)))
        finally:
            self._quiet = False

    def set_stage(self, stage: str | None) -> None:
        """Choose a stage (None: any; NO_STAGE: not in the pipeline); emits sig_changed."""
        value = _ALL if stage is None else _NO_STAGE_CHOICE if stage == NO_STAGE else stage
        self.stage.setCurrentIndex(max(0, self.stage.findData(value)))

    def universe(self) -> str:
        """The universe chosen."""
        return next(u for u, b in self.universe_buttons.items() if b.isChecked())

    def set_universe(self, universe: str) -> None:
        """Show ``universe`` as chosen (emits nothing)."""
        with signals_blocked(self._universe_group):
            self.universe_buttons[universe].setChecked(True)

    def _on_universe_toggled(self, button: QRadioButton, checked: bool) -> None:
        if checked:
            self.sig_universe_changed.emit(self.universe())

    def set_segment(self, ref: str) -> None:
        self.segment.setCurrentIndex(max(0, self.segment.findData(ref or _ALL)))

    def clear(self) -> None:
        self.set_filters(Filters())

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
