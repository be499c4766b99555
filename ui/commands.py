"""The undo steps: a change of weights (a slider drag is one step) and a star."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from core.scoring import MissingPolicy, Weights
from core.session import Session

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
        super().__init__("Change weights")
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
        super().__init__(("Shortlist " if on else "Unshortlist ") + name)
        self.session, self.cid, self.on = session, company_id, on

    def redo(self) -> None:
        if not self.session.set_shortlisted(self.cid, self.on):
            self.setObsolete(True)  # not saved: no step to undo

    def undo(self) -> None:
        if not self.session.set_shortlisted(self.cid, not self.on):
            self.setObsolete(True)
