"""The window's analysis panes — the Lenses tab, the sensitivity charts and Compare — as a part
of :class:`ui.main_window.MainWindow` kept in a module of its own.  Each pane's work runs in the
window's task runner; the window gives the session, the widgets and the status bar."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QMessageBox,
)

from core.sensitivity import Sweep, rank_of_row
from core.session import LensJob, SensitivityJob
from ui.compare_view import CompareDialog, compare_problem
from ui.lenses_view import ShownLenses, prepare


class AnalysisMixin:
    """Lenses, sensitivity and compare for the main window (which holds the state they use)."""

    # --- lenses -----------------------------------------------------------------------------

    def _lens_inputs(self) -> tuple:
        """What the lenses depend on: the universe's signal table (by identity), the policy,
        the sub-weights (the Pareto figures), the saved profiles and the robust threshold."""
        s = self.session
        return (
            id(s.signals),
            s.policy,
            s.weights.sub_key(),
            self._profiles_version,
            self.lenses_view.top_n.value(),
        )

    def _on_profiles_changed(self) -> None:
        self._profiles_version += 1
        self.request_lenses()

    def request_lenses(self) -> None:
        """Compute the universe under every preset and saved profile off the UI thread (one
        job at a time: a request while one runs is taken up when it ends)."""
        self._lens_timer.stop()
        if self._lens_running:
            return  # the job's end looks again at the inputs
        key = self._lens_inputs()
        if key == self._lens_key:
            return
        job = self.session.lens_job(top_n=self.lenses_view.top_n.value())
        self._lens_running = True
        self.lenses_view.set_computing()
        if self.lens_result is not None and self.lens_result.table is not self.session.signals:
            # another universe's (or dataset's) ranks and badges are never shown
            self.lens_result = None
            self.model.set_lenses(None)
            self.lenses_view.set_result(None, None)
            self.lenses_view.set_computing()

        self.tasks.start(
            lambda _progress: prepare(job.run()),
            on_done=lambda shown: self._on_lenses_done(job, key, shown),
            on_failed=lambda exc: self._on_lenses_failed(key, exc),
            on_finished=self._on_lenses_finished,
        )

    def _on_lenses_done(self, job: LensJob, key: tuple, shown: ShownLenses) -> None:
        if key != self._lens_inputs() or job.table is not self.session.signals:
            return  # stale: the inputs changed meanwhile (the next job follows)
        self._lens_key = key
        self.lens_result = shown.result
        self.model.set_lenses(shown.result, shown.shared)
        self.lenses_view.set_result(shown, self.session.dataset, self.session.mask)
        if self._selected_id is not None:
            self.lenses_view.select_company(self._selected_id, notify=False)
        self.sig_lenses_updated.emit()

    def _on_lenses_failed(self, key: tuple, exc: Exception) -> None:
        self._lens_key = key  # not tried again until the inputs change
        text = QCoreApplication.translate("analysis", "The lenses could not be computed: {error}").format(
            error=exc
        )
        self.lenses_view.status.setText(text)
        self.statusBar().showMessage(text, 15000)

    def _on_lenses_finished(self) -> None:
        self._lens_running = False
        if self._lens_inputs() != self._lens_key:
            self.request_lenses()

    def show_lenses(self) -> None:
        """View → Lenses: the Lenses tab, its table focused."""
        self.views.setCurrentWidget(self.lenses_view)
        self.lenses_view.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_ranking(self) -> None:
        """View → Ranking: the ranked table, focused."""
        self.views.setCurrentWidget(self.table)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- sensitivity ------------------------------------------------------------------------

    def request_sensitivity(self) -> None:
        """Compute the selected company's sweeps off the UI thread (when the weights and the
        selection rest); one job at a time, the latest request taken up when it ends."""
        self._sens_timer.stop()
        cid = self._selected_id
        panel = self.detail.sensitivity
        if cid is None:
            self._sens_key = None
            return
        s = self.session
        key = (cid, id(s.signals), s.weights, s.policy)
        if key == self._sens_key and panel.company_id() == cid and panel.sweeps() is not None:
            panel.set_current()  # the weights came back to those of the charts shown
            return
        panel.set_pending(cid)
        if self._sens_running:
            self._sens_pending = True
            return
        job = s.sensitivity_job(cid, top_n=s.ranking.top_k)
        if job is None:
            panel.set_failed(QCoreApplication.translate("analysis", "Not in this dataset"))
            return
        self._sens_running = True

        def work(progress) -> tuple[dict[str, Sweep], int]:
            sweeps = job.run(progress)
            return sweeps, rank_of_row(job.table, job.weights, job.policy, job.row)

        self.tasks.start(
            work,
            on_done=lambda out: self._on_sensitivity_done(job, key, *out),
            on_failed=lambda exc: self._on_sensitivity_failed(job, exc),
            on_finished=self._on_sensitivity_finished,
        )

    def _sensitivity_current(self, job: SensitivityJob) -> bool:
        s = self.session
        return (
            job.company_id == self._selected_id
            and job.table is s.signals
            and job.weights == s.weights
            and job.policy == s.policy
        )

    def _on_sensitivity_done(
        self, job: SensitivityJob, key: tuple, sweeps: dict[str, Sweep], rank_now: int
    ) -> None:
        if not self._sensitivity_current(job):
            return  # stale: another company or other weights by now (the next job follows)
        self._sens_key = key
        self.detail.sensitivity.set_sweeps(job.company_id, sweeps, rank_now)
        self.sig_sensitivity_shown.emit(job.company_id)

    def _on_sensitivity_failed(self, job: SensitivityJob, exc: Exception) -> None:
        if self._sensitivity_current(job):
            self.detail.sensitivity.set_failed(
                QCoreApplication.translate("analysis", "Could not be computed: {error}").format(error=exc)
            )

    def _on_sensitivity_finished(self) -> None:
        self._sens_running = False
        if self._sens_pending:
            self._sens_pending = False
            self.request_sensitivity()

    # --- compare ----------------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        """The companies selected in the table (Ctrl+click, Shift+click), in the table's order."""
        rows = sorted({ix.row() for ix in self.table.selectionModel().selectedRows()})
        return [self.model.company_id(r) for r in rows if r < self.model.rowCount()]

    def shortlist_ids(self) -> list[str]:
        """The shortlist in score order (companies not ranked last, by name)."""
        s = self.session
        t = s.signals
        t.row_of.rows(s.shortlist)  # (one scan for them all; each is then looked up from memory)
        ids = [cid for cid in s.shortlist if cid in t.row_of]
        position = s.ranking.position

        def key(cid: str) -> tuple[int, int]:
            p = int(position[t.row_of[cid]])
            return (0, p) if p > 0 else (1, int(t.row_of[cid]))

        return sorted(ids, key=key)

    def compare_selected(self) -> CompareDialog | None:
        """View → Compare selected (Ctrl+Shift+C): the companies selected in the table."""
        return self.compare(self.selected_ids())

    def compare_shortlist(self) -> CompareDialog | None:
        """View → Compare shortlist: the shortlisted companies."""
        return self.compare(self.shortlist_ids(), what="shortlisted")

    def compare_from_toolbar(self) -> CompareDialog | None:
        """The toolbar's Compare: the selected companies, or the shortlist when fewer than two
        are selected and it holds some."""
        if len(self.selected_ids()) < 2 and self.session.shortlist:
            return self.compare_shortlist()
        return self.compare_selected()

    def compare(self, company_ids: list[str], what: str = "selected") -> CompareDialog | None:
        """Open the side-by-side view of 2–5 companies; any other number is refused with a
        message saying how to choose (in a message box and the status bar)."""
        problem = compare_problem(len(company_ids))
        if problem is not None:
            if what != "selected":
                problem = problem.replace(" selected.", f" {what}.", 1)
            self.compare_message = problem
            self.statusBar().showMessage(problem, 15000)
            if self._compare_box is not None:
                with contextlib.suppress(RuntimeError):  # already closed and deleted
                    self._compare_box.close()
            box = QMessageBox(
                QMessageBox.Icon.Information,
                QCoreApplication.translate("analysis", "Compare"),
                problem,
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            self._compare_box = box
            self.sig_compare_refused.emit(problem)
            return None
        self.compare_message = ""
        self.detail.flush_note()
        s = self.session
        notes = {cid: s.note(cid) for cid in company_ids}
        lenses = (
            self.lens_result if self.lens_result is not None and self.lens_result.table is s.signals else None
        )
        dialog = CompareDialog(self, s.dataset, s.ranking, company_ids, notes, lenses)
        dialog.sig_company_clicked.connect(self._on_company_link)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        self.compare_dialog = dialog
        return dialog
