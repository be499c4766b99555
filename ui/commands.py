"""The undo steps: a change of weights (a slider drag is one step), a star, and the analyst's
facts (add, edit, retire, restore: never deleted, so every step can be undone)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from core.analyst import AnalystFact
from core.scoring import MissingPolicy, Weights
from core.session import Session
from core.state import StateError

#: Weights and missing-data policy, as one undoable state.
WeightsState = tuple[Weights, MissingPolicy]


def changed(before: WeightsState, after: WeightsState) -> frozenset[str]:
    """Names of the weights (and "policy") that differ between two states."""
    names = {k for k in Weights.model_fields if getattr(before[0], k) != getattr(after[0], k)}
    if before[1] != after[1]:
        names.add("policy")
    return frozenset(names)


class WeightsCommand(QUndoCommand):
    """A change of weights or policy, already shown when pushed.  Consecutive changes of the
    same control, in one gesture (a slider drag) and less than two seconds apart, merge into
    one undo step.  ``apply`` shows a state again without recording a step."""

    ID = 1
    MERGE_WINDOW_S = 2.0

    def __init__(
        self,
        apply: Callable[[WeightsState], None],
        before: WeightsState,
        after: WeightsState,
        gesture: int,
    ) -> None:
        super().__init__(QCoreApplication.translate("commands", "Change weights"))
        self.apply, self.before, self.after, self.gesture = apply, before, after, gesture
        self.fields = changed(before, after)
        self.time = time.monotonic()
        self._first = True

    def id(self) -> int:
        return self.ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, WeightsCommand)
            or other.gesture != self.gesture
            or other.fields != self.fields
            or other.time - self.time > self.MERGE_WINDOW_S
        ):
            return False
        self.after, self.time = other.after, other.time
        return True

    def redo(self) -> None:
        if self._first:  # already applied by the user's own gesture
            self._first = False
            return
        self.apply(self.after)

    def undo(self) -> None:
        self.apply(self.before)


class ShortlistCommand(QUndoCommand):
    """Star or unstar a company.  A change the store refused is no step to undo."""

    def __init__(self, session: Session, company_id: str, on: bool) -> None:
        name = session.company_name(company_id)
        text = (
            QCoreApplication.translate("commands", "Shortlist {name}")
            if on
            else QCoreApplication.translate("commands", "Unshortlist {name}")
        )
        super().__init__(text.format(name=name))
        self.session, self.cid, self.on = session, company_id, on

    def redo(self) -> None:
        if not self.session.set_shortlisted(self.cid, self.on):
            self.setObsolete(True)  # not saved: no step to undo

    def undo(self) -> None:
        if not self.session.set_shortlisted(self.cid, not self.on):
            self.setObsolete(True)


class _FactCommand(QUndoCommand):
    """A change to the analyst's facts, already made when pushed (the dialog stored it, so that
    a refused fact keeps the dialog open); undo and redo go through the session.  A step the
    store refuses is dropped (no step to undo), and the session says why."""

    def __init__(self, session: Session, text: str) -> None:
        super().__init__(text)
        self.session = session
        self._first = True

    def _do(self, *steps: tuple[str, int]) -> None:
        for method, fact_id in steps:
            try:
                done = getattr(self.session, method)(fact_id)
            except (StateError, ValueError, KeyError):
                done = None
            if done is None or done is False:
                self.setObsolete(True)
                return


class AddFactCommand(_FactCommand):
    """A fact added: undo retires it, redo restores it."""

    def __init__(self, session: Session, fact: AnalystFact) -> None:
        text = QCoreApplication.translate("commands", "Add fact about {name}")
        super().__init__(session, text.format(name=session.company_name(fact.company_id)))
        self.fact_id = fact.id

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._do(("restore_fact", self.fact_id))

    def undo(self) -> None:
        self._do(("retire_fact", self.fact_id))


class RetireFactCommand(_FactCommand):
    """A fact retired (or, ``restore``, a retired one restored): undo does the opposite."""

    def __init__(self, session: Session, fact: AnalystFact, *, restore: bool = False) -> None:
        text = (
            QCoreApplication.translate("commands", "Restore fact about {name}")
            if restore
            else QCoreApplication.translate("commands", "Retire fact about {name}")
        )
        super().__init__(session, text.format(name=session.company_name(fact.company_id)))
        self.fact_id = fact.id
        self.restore = restore
        self._first = False  # applied by redo when pushed

    def redo(self) -> None:
        self._do(("restore_fact" if self.restore else "retire_fact", self.fact_id))

    def undo(self) -> None:
        self._do(("retire_fact" if self.restore else "restore_fact", self.fact_id))


class EditFactCommand(_FactCommand):
    """A fact edited (the old one retired, the new one replacing it): undo retires the new one
    and restores the old; redo the opposite."""

    def __init__(self, session: Session, old_id: int, new: AnalystFact) -> None:
        text = QCoreApplication.translate("commands", "Edit fact about {name}")
        super().__init__(session, text.format(name=session.company_name(new.company_id)))
        self.old_id, self.new_id = old_id, new.id

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._do(("retire_fact", self.old_id), ("restore_fact", self.new_id))

    def undo(self) -> None:
        self._do(("retire_fact", self.new_id), ("restore_fact", self.old_id))
