"""The state of one screening session, without Qt.

A :class:`Session` holds what the analyst is looking at — the dataset, the universe screened
(providers, adopters or all) and its signals, the weights and missing-data policy, the ranking they give, the filters and the rows they let
through, the shortlist and the notes (kept in the state store) — and the decisions about it:
when to rank again and whether off the UI thread, which rows are shown, what a memo holds.

The window observes it through plain callbacks (:class:`SessionEvents`, an observer list per
kind of change, as napari's ``ViewerModel`` emits events its Qt window listens to); the command
line and the memo read it (:meth:`Session.shown_rows`, :meth:`Session.memo_request`).  Nothing
here imports Qt or ``exports``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, fields

import numpy as np

from core import present
from core.analyst import (
    STAGES,
    AnalystFact,
    FactError,
    FactInput,
    PipelineEntry,
    apply_facts,
    check_fact,
    same_fact,
)
from core.filters import Filters
from core.i18n import translate
from core.ingest import dataset_key
from core.lenses import DEFAULT_TOP_N, Lens, LensResult, compute_lenses, default_lenses
from core.models import Dataset
from core.results import dataset_mask, shortlist_rows
from core.scoring import (
    DEFAULT_MISSING,
    DEFAULT_PRESET,
    PRESETS,
    STABILITY_TOP_K,
    MissingPolicy,
    Ranking,
    Weights,
    fill_stability,
    rank,
)
from core.sensitivity import SWEEP_STEPS, Sweep, sensitivity
from core.signals import DEFAULT_UNIVERSE, UNIVERSES, SignalTable, Universe, build_signals
from core.state import StateError, StateStore

#: From this many companies on, a new ranking is computed off the UI thread (a :class:`RankJob`).
ASYNC_RANK_MIN = 50_000


class Emitter:
    """An observer list: ``connect`` a plain callable, ``emit`` calls each in order."""

    def __init__(self, doc: str = "") -> None:
        self.__doc__ = doc
        self._callbacks: list[Callable[..., object]] = []

    def connect(self, callback: Callable[..., object]) -> Callable[..., object]:
        self._callbacks.append(callback)
        return callback

    def disconnect(self, callback: Callable[..., object]) -> None:
        with contextlib.suppress(ValueError):
            self._callbacks.remove(callback)

    def emit(self, *args: object) -> None:
        for callback in list(self._callbacks):
            callback(*args)


class SessionEvents:
    """What a session tells its observers."""

    def __init__(self) -> None:
        self.dataset = Emitter("() another dataset is screened; filters are cleared")
        self.universe = Emitter(
            "(universe: str) another universe of the dataset is screened: new signals and ranking "
            "(Session.signals, Session.ranking) and shown rows; filters, shortlist and notes are kept"
        )
        self.ranking = Emitter(
            "(previous: Ranking, shown_changed: bool) a new ranking; shown_changed when the "
            "shown rows changed with it (the missing-data policy)"
        )
        self.shown = Emitter("() the shown rows changed (filters or shortlist)")
        self.shortlist = Emitter("(company_id: str, on: bool) a company was starred or unstarred")
        self.stability = Emitter("() rank stability of the ranking has been computed")
        self.note_saved = Emitter("(company_id: str) a note kept unsaved has now been saved")
        self.notes = Emitter(
            "(company_id: str) the note on a company changed (Session.noted and note_heads follow)"
        )
        self.not_saved = Emitter("(what: str, message: str) a write to the state store failed")
        self.warning = Emitter("(message: str) something could not be read; the session goes on")
        self.facts_changed = Emitter(
            "(company_id: str | None) the analyst's facts (of that company; None: any) or 'Include "
            "my facts' changed, and Session.dataset, .signals and .ranking reflect them now: refresh "
            "as for a universe change (filters, shortlist and notes are kept)"
        )
        self.facts_job = Emitter(
            "(job: FactsJob) the facts changed on a large dataset: run the job off the UI thread "
            "and hand its result to Session.facts_done (then facts_changed follows)"
        )
        self.pipeline_changed = Emitter(
            "(company_id: str | None) a company's pipeline entry (None: a stage label) changed"
        )


@dataclass(frozen=True)
class RankJob:
    """One ranking to compute off the UI thread; :meth:`Session.rank_done` takes its result."""

    table: SignalTable
    weights: Weights
    policy: MissingPolicy
    token: int

    def run(self, _progress: object = None) -> Ranking:
        return rank(self.table, self.weights, self.policy, stability=False)


@dataclass(frozen=True)
class FactsJob:
    """The signals of the dataset with the analyst's facts, to build off the UI thread
    (:meth:`Session.facts_done` takes the result)."""

    dataset: Dataset
    universe: str
    token: int

    def run(self, _progress: object = None) -> SignalTable:
        return build_signals(self.dataset, universe=self.universe)


@dataclass(frozen=True)
class LensJob:
    """The universe under every lens, to compute off the UI thread (:meth:`Session.lens_job`).

    ``sub_weights`` are the session's weights when the job was made: the Pareto figures use
    their sub-weights (core.lenses)."""

    table: SignalTable
    lenses: tuple[Lens, ...]
    policy: MissingPolicy
    top_n: int
    sub_weights: Weights

    def run(self, _progress: object = None) -> LensResult:
        return compute_lenses(self.table, self.lenses, self.policy, self.top_n, sub_weights=self.sub_weights)


@dataclass(frozen=True)
class SensitivityJob:
    """One company's rank as each weight sweeps (:func:`core.sensitivity.sensitivity`), to
    compute off the UI thread (:meth:`Session.sensitivity_job`); ``run`` returns the sweeps by
    signal."""

    table: SignalTable
    weights: Weights
    policy: MissingPolicy
    company_id: str
    row: int
    top_n: int = STABILITY_TOP_K
    steps: int = SWEEP_STEPS

    def run(self, _progress: object = None) -> dict[str, Sweep]:
        return sensitivity(self.table, self.weights, self.policy, self.row, self.steps, top_n=self.top_n)


@dataclass(frozen=True)
class MemoSelection:
    """What a memo holds: the one description of a memo's content.

    ``exports.memo.MemoRequest`` extends it with how the memo is written (its time stamp,
    whether company sheets are added): ``MemoRequest.of(selection)``.  ``lenses``: the lenses
    the memo compares (every preset and saved profile, :meth:`Session.lens_list`); empty means
    the built-in presets."""

    dataset: Dataset
    ranking: Ranking
    company_ids: Sequence[str]
    notes: dict[str, str] = field(default_factory=dict)
    filters: Filters = field(default_factory=Filters)
    preset: str | None = None
    selection: str = "shortlist"
    screened: int | None = None
    lenses: tuple[Lens, ...] = ()
    # the analyst's facts of the dataset (retired ones too: the memo shows the active ones),
    # the pipeline by company and the stages' labels
    analyst_facts: tuple[AnalystFact, ...] = ()
    pipeline: dict[str, PipelineEntry] = field(default_factory=dict)
    stage_labels: dict[str, str] = field(default_factory=dict)

    def as_kwargs(self) -> dict[str, object]:
        """Every field of the selection by name (a subclass's own fields left out)."""
        return {f.name: getattr(self, f.name) for f in fields(MemoSelection)}


def preset_of(weights: Weights) -> str | None:
    """The built-in preset these weights equal, or None."""
    return next((key for key, w in PRESETS.items() if w == weights), None)


class Session:
    """One dataset screened with one set of weights, filters and the user's own state.

    ``store`` is the user's :class:`core.state.StateStore` (shortlist and notes), or None when
    there is none this time: then stars and notes are kept for the session only.
    """

    def __init__(
        self,
        dataset: Dataset,
        *,
        store: StateStore | None = None,
        weights: Weights | None = None,
        policy: MissingPolicy = DEFAULT_MISSING,
        filters: Filters | None = None,
        signals: SignalTable | None = None,
        stability: bool | None = None,
        universe: Universe | str = DEFAULT_UNIVERSE,
        include_facts: bool = True,
    ) -> None:
        """``stability``: compute rank stability now (default: for a universe smaller than
        :data:`ASYNC_RANK_MIN`; a larger one fills it later with :meth:`fill_stability`).
        ``dataset`` is the report's (the base); the session screens it with the analyst's
        active facts applied (:func:`core.analyst.apply_facts`) while ``include_facts``.
        ``signals``, when given, must be those of the dataset screened for ``universe``."""
        if universe not in UNIVERSES:
            raise ValueError(f"unknown universe {universe!r}; choose one of {', '.join(UNIVERSES)}")
        self.events = SessionEvents()
        self.store = store
        self.include_facts = bool(include_facts)
        self.base = dataset
        self._key = dataset_key(dataset)
        if store is not None:
            store.dataset_key = self._key
        # facts and pipeline when there is no store: kept for this session only
        self._memory_facts: dict[str, list[AnalystFact]] = {}
        self._memory_pipeline: dict[str, dict[str, PipelineEntry]] = {}
        self._memory_labels: dict[str, str] = {}
        self._facts: list[AnalystFact] = self._read_facts()
        self.dataset = self._derived()
        self.signals = self._signals_for(self.dataset, universe, signals)
        self.weights = weights if weights is not None else PRESETS[DEFAULT_PRESET]
        self.policy: MissingPolicy = policy
        if stability is None:
            stability = len(self.signals) < ASYNC_RANK_MIN
        self.ranking: Ranking = rank(self.signals, self.weights, self.policy, stability=stability)
        self._shortlist: set[str] = set(store.shortlist()) if store is not None else set()
        self.filters = filters if filters is not None else Filters()
        self._mask = self._compute_mask()
        # notes that could not be saved yet, by (dataset key, company id); tried again later
        self._unsaved: dict[tuple[str, str], str] = {}
        # notes when there is no store: kept for this session only
        self._memory_notes: dict[tuple[str, str], str] = {}
        # the first line of every non-empty note of the dataset, by company (the table's marker)
        self._note_heads: dict[str, str] = self._read_note_heads()
        self._token = 0
        self._busy = False
        self._pending = False

    # --- dataset ------------------------------------------------------------------------------

    @staticmethod
    def _signals_for(dataset: Dataset, universe: str, signals: SignalTable | None) -> SignalTable:
        """The given signals when they are the universe's, else the dataset's built for it."""
        if signals is not None and signals.universe == universe:
            return signals
        return build_signals(dataset, universe=universe)

    @property
    def universe(self) -> str:
        """The universe screened: providers, adopters or all (core.signals)."""
        return self.signals.universe

    def set_universe(self, universe: Universe | str, signals: SignalTable | None = None) -> bool:
        """Screen another universe of the same dataset with the current weights and policy.

        Filters, shortlist and notes are kept (they are the analyst's, keyed by company); a
        ranking still being computed for the old universe is dropped when it arrives.
        ``signals``: the table for ``universe`` when built already (off the UI thread for a
        large dataset).  False when the universe was already the one screened."""
        if universe not in UNIVERSES:
            raise ValueError(f"unknown universe {universe!r}; choose one of {', '.join(UNIVERSES)}")
        if universe == self.universe:
            return False
        self.signals = self._signals_for(self.dataset, universe, signals)
        small = len(self.signals) < ASYNC_RANK_MIN
        self.ranking = rank(self.signals, self.weights, self.policy, stability=small)
        self._token += 1
        self._mask = self._compute_mask()
        self.events.universe.emit(universe)
        return True

    @property
    def dataset_key(self) -> str:
        """The key the shortlist and notes of the current dataset are kept under."""
        return self._key

    def set_dataset(self, dataset: Dataset, signals: SignalTable | None = None) -> None:
        """Screen another universe with the current weights; filters are cleared.  A ranking
        still being computed for the old universe is dropped when it arrives."""
        self.base = dataset
        self._key = dataset_key(dataset)
        if self.store is not None:
            self.store.dataset_key = self._key
        self._facts = self._read_facts()
        self.dataset = self._derived()
        self.signals = self._signals_for(self.dataset, self.universe, signals)
        self.ranking = rank(self.signals, self.weights, self.policy, stability=False)
        self._token += 1
        self._shortlist = set()
        if self.store is not None:
            try:
                self._shortlist = set(self.store.shortlist())
            except StateError as exc:
                self.events.warning.emit(f"Your shortlist could not be read: {exc}")
        self.filters = Filters()
        self._mask = self._compute_mask()
        self._note_heads = self._read_note_heads()
        self.events.dataset.emit()

    def company_name(self, company_id: str) -> str:
        return self.dataset.company(company_id).name

    def segment_sizes(self) -> tuple[dict[str, int], dict[str, float]]:
        """Companies of the universe per segment (where they play its role), and their
        disclosed funding in USD (a company in several segments is split between them equally)."""
        t = self.signals
        member = t.segment_member
        per_company = np.nan_to_num(t.funding_total_usd) / np.maximum(member.sum(axis=1), 1)
        funding = per_company @ member
        return t.segment_counts(), dict(zip(t.segment_refs, funding.tolist(), strict=True))

    # --- ranking ------------------------------------------------------------------------------

    @property
    def rank_busy(self) -> bool:
        """A :class:`RankJob` is out and its result not yet taken."""
        return self._busy

    @property
    def rank_pending(self) -> bool:
        """Weights were asked for while a job was out: another ranking follows its result."""
        return self._pending

    def request_rank(self, weights: Weights, policy: MissingPolicy) -> RankJob | None:
        """Rank with these weights and policy (the latest asked for always wins).

        A universe smaller than :data:`ASYNC_RANK_MIN` is ranked at once (the ranking event
        follows) and None returned; for a larger one a :class:`RankJob` is returned to run off
        the UI thread — one at a time: while one is out the request is remembered and the
        job for the latest weights is returned by :meth:`rank_done`, so a slider drag never
        queues up work.  None too when nothing changed."""
        self.weights, self.policy = weights, policy
        if self._busy:
            self._pending = True
            return None
        if (weights, policy) == (self.ranking.weights, self.ranking.policy):
            return None
        if len(self.signals) < ASYNC_RANK_MIN:
            self._set_ranking(rank(self.signals, weights, policy, stability=False))
            return None
        self._busy = True
        self._token += 1
        return RankJob(self.signals, weights, policy, self._token)

    def rank_done(self, job: RankJob, ranking: Ranking | None) -> RankJob | None:
        """Take a job's result (None if it failed): shown if it still answers the latest
        request for this universe; returns the next job when weights changed meanwhile."""
        self._busy = False
        if ranking is not None and job.token == self._token and ranking.table is self.signals:
            self._set_ranking(ranking)
        if self._pending:
            self._pending = False
            return self.request_rank(self.weights, self.policy)
        return None

    def drop_running_rank(self) -> None:
        """A ranking still being computed is not shown when it arrives (undo chose others)."""
        self._token += 1

    def _set_ranking(self, ranking: Ranking) -> None:
        previous = self.ranking
        self.ranking = ranking
        shown_changed = ranking.policy == "exclude" or ranking.policy != previous.policy
        if shown_changed:
            self._mask = self._compute_mask()
        self.events.ranking.emit(previous, shown_changed)

    def fill_stability(self) -> bool:
        """Compute the ranking's rank stability (once); True when it was computed now."""
        if self.ranking.stability_computed:
            return False
        fill_stability(self.ranking)
        self.events.stability.emit()
        return True

    # --- filters and shown rows -----------------------------------------------------------------

    def set_filters(self, filters: Filters) -> None:
        self.filters = filters
        self._mask = self._compute_mask()
        self.events.shown.emit()

    def _compute_mask(self) -> np.ndarray:
        stages = {cid: e.stage for cid, e in self.pipeline().items()} if self.filters.stages else None
        mask = dataset_mask(self.dataset, self.signals, self.filters, self._shortlist, stages)
        mask &= self.ranking.included
        return mask

    @property
    def mask(self) -> np.ndarray:
        """Boolean over the signal table's rows: the companies shown (the universe, the
        filters, and the missing-data policy when it excludes).  Read-only."""
        return self._mask

    def shown_rows(self, top: int = 0) -> np.ndarray:
        """Ranked rows shown, best first, at most ``top`` (0 = all): :func:`core.results.shown_rows`
        from the mask kept for the filters (not the filters over a million rows again)."""
        order = self.ranking.order
        rows = order[self._mask[order]]
        return rows[:top] if top > 0 else rows

    def shown_ids(self, top: int = 0) -> list[str]:
        return [str(self.signals.ids[r]) for r in self.shown_rows(top)]

    # --- shortlist ------------------------------------------------------------------------------

    @property
    def shortlist(self) -> frozenset[str]:
        return frozenset(self._shortlist)

    def is_shortlisted(self, company_id: str) -> bool:
        return company_id in self._shortlist

    def set_shortlisted(self, company_id: str, on: bool) -> bool:
        """Star or unstar a company, saved first: False (and ``not_saved``) when the store
        refused, and then nothing changes."""
        if self.store is not None:
            try:
                self.store.set_shortlisted(company_id, on)
            except StateError as exc:
                self.events.not_saved.emit("Shortlist", str(exc))
                return False
        if on:
            self._shortlist.add(company_id)
        else:
            self._shortlist.discard(company_id)
        self.events.shortlist.emit(company_id, on)
        if on and company_id not in self.pipeline():
            self.set_pipeline(company_id, stage=STAGES[0])
        if self.filters.shortlist_only:
            self._mask = self._compute_mask()
            self.events.shown.emit()
        return True

    # --- notes ----------------------------------------------------------------------------------

    def note(self, company_id: str) -> str:
        """The note on a company: one not saved yet as kept, else as stored."""
        key = (self._key, company_id)
        if key in self._unsaved:
            return self._unsaved[key]
        if self.store is None:
            return self._memory_notes.get(key, "")
        try:
            return self.store.note(company_id)
        except StateError as exc:
            self.events.warning.emit(f"Your note could not be read: {exc}")
            return ""

    def save_note(self, company_id: str, text: str) -> bool:
        """Save a note; False (and ``not_saved``) when the store refused: the text is then
        kept, shown by :meth:`note`, and saved by :meth:`retry_notes`.  Either way
        :attr:`noted` follows (``notes`` event)."""
        key = (self._key, company_id)
        saved = True
        if self.store is None:
            self._memory_notes[key] = text
        else:
            try:
                self.store.set_note(company_id, text)
            except StateError as exc:
                self._unsaved[key] = text
                self.events.not_saved.emit("Note", str(exc))
                saved = False
            else:
                self._unsaved.pop(key, None)
        self._set_note_head(company_id, text)
        return saved

    @property
    def noted(self) -> frozenset[str]:
        """The companies of the dataset that have a (non-empty) note."""
        return frozenset(self._note_heads)

    def note_heads(self) -> dict[str, str]:
        """The first line of each non-empty note of the dataset, by company id."""
        return dict(self._note_heads)

    def _set_note_head(self, company_id: str, text: str) -> None:
        head = present.note_first_line(text) if text.strip() else None
        if self._note_heads.get(company_id) == head:
            return
        if head is None:
            self._note_heads.pop(company_id, None)
        else:
            self._note_heads[company_id] = head
        self.events.notes.emit(company_id)

    def _read_note_heads(self) -> dict[str, str]:
        """Which companies of the dataset have a note, and its first line (as the store and
        the notes kept here have them)."""
        notes: dict[str, str] = {}
        if self.store is not None:
            try:
                notes = self.store.notes()
            except StateError as exc:
                self.events.warning.emit(f"Your notes could not be read: {exc}")
        mine = {**self._memory_notes, **self._unsaved}
        notes.update({cid: text for (key, cid), text in mine.items() if key == self._key})
        return {cid: present.note_first_line(text) for cid, text in notes.items() if text.strip()}

    @property
    def has_unsaved_notes(self) -> bool:
        return bool(self._unsaved)

    def unsaved_notes(self) -> list[tuple[str, str]]:
        """(company, text) of each note not saved yet; a company of another dataset is named
        by its id and that dataset."""
        out = []
        for (key, cid), text in self._unsaved.items():
            label = self.company_name(cid) if key == self._key else f"{cid} ({key})"
            out.append((label, text))
        return out

    @contextlib.contextmanager
    def _store_dataset(self, key: str) -> Iterator[StateStore]:
        assert self.store is not None
        here = self.store.dataset_key
        self.store.dataset_key = key
        try:
            yield self.store
        finally:
            self.store.dataset_key = here

    def retry_notes(self) -> bool:
        """Try again to save the notes not saved yet (each under its own dataset); True when
        none is left."""
        for (key, cid), text in list(self._unsaved.items()):
            try:
                with self._store_dataset(key) as store:
                    store.set_note(cid, text)
            except StateError:
                continue
            del self._unsaved[(key, cid)]
            if key == self._key:
                self.events.note_saved.emit(cid)
        return not self._unsaved

    def _notes(self, what: str) -> dict[str, str]:
        notes: dict[str, str] = {}
        if self.store is not None:
            try:
                notes = self.store.notes()
            except StateError as exc:
                self.events.warning.emit(f"Notes could not be read for {what}: {exc}")
        mine = {**self._memory_notes, **self._unsaved}
        notes.update({cid: text for (key, cid), text in mine.items() if key == self._key})
        return {cid: text for cid, text in notes.items() if text.strip()}

    # --- lenses and sensitivity ------------------------------------------------------------------

    def profiles(self) -> dict[str, Weights]:
        """The weight profiles saved in the state store, in name order; none without a store.
        A store that cannot be read, or a profile that no longer validates, is reported on
        :attr:`SessionEvents.warning` and the rest goes on."""
        if self.store is None:
            return {}
        try:
            profiles = self.store.profiles()
        except StateError as exc:
            self.events.warning.emit(f"Your saved profiles could not be read: {exc}")
            return {}
        for problem in self.store.problems:
            self.events.warning.emit(problem)
        return profiles

    def lens_list(self) -> list[Lens]:
        """Every built-in preset, then every saved profile (core.lenses.default_lenses)."""
        return default_lenses(self.profiles())

    def lens_job(self, top_n: int = DEFAULT_TOP_N, lenses: Sequence[Lens] | None = None) -> LensJob:
        """The universe under every lens (default :meth:`lens_list`) with the session's policy,
        as a job to run off the UI thread; robust means in the top ``top_n`` under every lens."""
        chosen = tuple(self.lens_list() if lenses is None else lenses)
        return LensJob(self.signals, chosen, self.policy, int(top_n), self.weights)

    def lenses(self, top_n: int = DEFAULT_TOP_N, lenses: Sequence[Lens] | None = None) -> LensResult:
        """:meth:`lens_job`, computed now."""
        return self.lens_job(top_n, lenses).run()

    def sensitivity_job(
        self, company_id: str, top_n: int = STABILITY_TOP_K, steps: int = SWEEP_STEPS
    ) -> SensitivityJob | None:
        """The company's rank as each weight sweeps -100..100, the others at the session's
        weights and policy, as a job to run off the UI thread; None for a company not in the
        dataset."""
        row = self.signals.row_of.get(company_id)
        if row is None:
            return None
        return SensitivityJob(
            self.signals, self.weights, self.policy, company_id, int(row), int(top_n), steps
        )

    def sensitivity(self, company_id: str, top_n: int = STABILITY_TOP_K) -> dict[str, Sweep]:
        """:meth:`sensitivity_job`, computed now (KeyError for a company not in the dataset)."""
        job = self.sensitivity_job(company_id, top_n)
        if job is None:
            raise KeyError(company_id)
        return job.run()

    # --- memo -----------------------------------------------------------------------------------

    def memo_request(self, top_n: int | None = None, *, preset: str | None = None) -> MemoSelection:
        """What an export writes: the shortlist (``top_n`` None), or the top N of the shown
        rows.  ``preset`` names the weights (default: the built-in preset they equal)."""
        if top_n is None:
            rows = shortlist_rows(self.dataset, self.ranking, Filters(), self._shortlist)
            filters, selection = Filters(), "shortlist"
        else:
            rows = self.shown_rows(top_n)
            filters, selection = self.filters, f"top {len(rows)}"
        return MemoSelection(
            dataset=self.dataset,
            ranking=self.ranking,
            company_ids=[str(self.signals.ids[r]) for r in rows],
            notes=self._notes("the memo"),
            filters=filters,
            preset=preset if preset is not None else preset_of(self.ranking.weights),
            selection=selection,
            screened=int(self.ranking.included.sum()),
            lenses=tuple(self.lens_list()),
            analyst_facts=tuple(self._facts),
            pipeline=self.pipeline(),
            stage_labels=self.stage_labels(),
        )

    # --- the analyst's facts --------------------------------------------------------------------

    def _read_facts(self) -> list[AnalystFact]:
        if self.store is None:
            return list(self._memory_facts.get(self._key, []))
        try:
            facts = self.store.facts()
        except StateError as exc:
            self.events.warning.emit(f"Your facts could not be read: {exc}")
            return []
        for problem in self.store.problems:
            self.events.warning.emit(problem)
        return facts

    def _derived(self) -> Dataset:
        """The dataset screened: the base with the active facts while they are included."""
        if not self.include_facts:
            return self.base
        return apply_facts(self.base, [f for f in self._facts if f.active])

    def facts(self, company_id: str | None = None, include_retired: bool = True) -> list[AnalystFact]:
        """The analyst's facts of the dataset (of one company), oldest first."""
        return [
            f
            for f in self._facts
            if (company_id is None or f.company_id == company_id) and (include_retired or f.active)
        ]

    def fact(self, fact_id: int) -> AnalystFact | None:
        return next((f for f in self._facts if f.id == fact_id), None)

    def _write_fact(self, what: str, write: Callable[[StateStore], AnalystFact]) -> AnalystFact | None:
        assert self.store is not None
        try:
            return write(self.store)
        except StateError as exc:
            self.events.not_saved.emit(what, str(exc))
            return None

    def _memory_write(self, fact: AnalystFact) -> AnalystFact:
        kept = self._memory_facts.setdefault(self._key, [])
        for i, f in enumerate(kept):
            if f.id == fact.id:
                kept[i] = fact
                break
        else:
            kept.append(fact)
        return fact

    def _memory_new(self, inp: FactInput, replaces: int | None = None) -> AnalystFact:
        kept = self._memory_facts.setdefault(self._key, [])
        next_id = max((f.id for f in kept), default=0) + 1
        data = inp.model_dump(include=set(FactInput.model_fields))
        return self._memory_write(AnalystFact(**data, id=next_id, entered_at=_now(), replaces=replaces))

    def _memory_fact(self, fact_id: int, retired: bool | None) -> AnalystFact:
        fact = next((f for f in self._memory_facts.get(self._key, []) if f.id == fact_id), None)
        if fact is None:
            raise StateError(f"There is no fact #{fact_id} for this dataset.")
        if retired is True and fact.active:
            raise StateError(f"Fact #{fact_id} is not retired; there is nothing to restore.")
        if retired is False and not fact.active:
            raise StateError(f"Fact #{fact_id} was already retired (at {fact.retired_at}).")
        return fact

    def add_fact(self, inp: FactInput) -> AnalystFact | None:
        """Keep a new fact (checked against the dataset: :class:`core.analyst.FactError` when it
        cannot be taken); the dataset, signals and ranking follow.  None (and ``not_saved``)
        when the store refused it."""
        check_fact(inp, self.base)
        twin = same_fact(inp, self.facts(inp.company_id))
        if twin is not None:  # it would count twice
            raise FactError(
                translate(
                    "session",
                    "You already have this fact: #{id} ({summary}); nothing was added. To change it, "
                    "edit #{id} or retire it first.",
                ).format(id=twin.id, summary=twin.summary())
            )
        if self.store is None:
            fact: AnalystFact | None = self._memory_new(inp)
        else:
            fact = self._write_fact("Fact", lambda s: s.add_fact(inp))
        if fact is not None:
            self._facts_updated(fact.company_id)
        return fact

    def retire_fact(self, fact_id: int) -> AnalystFact | None:
        """Retire a fact (kept, listed as retired, no longer counted); StateError for an
        unknown or retired fact; None (and ``not_saved``) when the store refused."""
        if self.store is None:
            old = self._memory_fact(fact_id, retired=False)
            fact: AnalystFact | None = self._memory_write(old.model_copy(update={"retired_at": _now()}))
        else:
            self._check_known(fact_id)
            fact = self._write_fact("Fact", lambda s: s.retire_fact(fact_id))
        if fact is not None:
            self._facts_updated(fact.company_id)
        return fact

    def restore_fact(self, fact_id: int) -> AnalystFact | None:
        """Make a retired fact active again (undo of a retire)."""
        if self.store is None:
            old = self._memory_fact(fact_id, retired=True)
            fact: AnalystFact | None = self._memory_write(old.model_copy(update={"retired_at": None}))
        else:
            self._check_known(fact_id)
            fact = self._write_fact("Fact", lambda s: s.restore_fact(fact_id))
        if fact is not None:
            self._facts_updated(fact.company_id)
        return fact

    def edit_fact(self, fact_id: int, inp: FactInput) -> AnalystFact | None:
        """Retire a fact and keep ``inp`` in its place (``replaces`` it)."""
        check_fact(inp, self.base)
        if self.store is None:
            old = self._memory_fact(fact_id, retired=False)
            if inp.company_id != old.company_id:
                raise ValueError(
                    f"company_id: an edit keeps the company ({old.company_id}); add a new fact instead"
                )
            self._memory_write(old.model_copy(update={"retired_at": _now()}))
            fact: AnalystFact | None = self._memory_new(inp, replaces=fact_id)
        else:
            self._check_known(fact_id)
            fact = self._write_fact("Fact", lambda s: s.edit_fact(fact_id, inp))
        if fact is not None:
            self._facts_updated(fact.company_id)
        return fact

    def _check_known(self, fact_id: int) -> None:
        """A fact of another dataset is not this session's to change."""
        if self.fact(fact_id) is None:
            raise StateError(f"There is no fact #{fact_id} for this dataset; list them with `facts list`.")

    def set_include_facts(self, on: bool) -> bool:
        """Count the analyst's facts in the signals (on) or screen the report's data alone;
        False when it was so already."""
        if bool(on) == self.include_facts:
            return False
        self.include_facts = bool(on)
        self._rederive(None)
        return True

    def reload_facts(self) -> None:
        """Read the facts from the store again (another copy of the app or the command line may
        have changed them) and re-derive the dataset."""
        self._facts = self._read_facts()
        self._rederive(None)

    def _facts_updated(self, company_id: str | None) -> None:
        self._facts = self._read_facts()
        self._rederive(company_id)

    def _rederive(self, company_id: str | None) -> None:
        """The dataset with the facts as they are now, its signals and ranking: at once for a
        small dataset; for a large one a :class:`FactsJob` (``facts_job`` event)."""
        dataset = self._derived()
        self._token += 1
        if dataset is self.dataset and self.signals.universe == self.universe:
            self.events.facts_changed.emit(company_id)
            return
        if self.dataset.n_companies < ASYNC_RANK_MIN:
            self._set_derived(dataset, build_signals(dataset, universe=self.universe))
            self.events.facts_changed.emit(company_id)
            return
        self._facts_token = (self._token, company_id)
        self.events.facts_job.emit(FactsJob(dataset, self.universe, self._token))

    def facts_done(self, job: FactsJob, table: SignalTable | None) -> bool:
        """Take a :class:`FactsJob`'s result (None if it failed): used when it still answers
        the latest change; True then (and ``facts_changed``)."""
        token, company_id = getattr(self, "_facts_token", (None, None))
        if table is None or job.token != token or job.universe != self.universe:
            return False
        self._set_derived(job.dataset, table)
        self.events.facts_changed.emit(company_id)
        return True

    def _set_derived(self, dataset: Dataset, signals: SignalTable) -> None:
        self.dataset = dataset
        self.signals = signals
        small = len(signals) < ASYNC_RANK_MIN
        self.ranking = rank(signals, self.weights, self.policy, stability=small)
        self._busy = False
        self._pending = False
        self._mask = self._compute_mask()

    # --- pipeline -------------------------------------------------------------------------------

    def pipeline(self) -> dict[str, PipelineEntry]:
        """The companies of the dataset in the pipeline, by id."""
        if self.store is None:
            return dict(self._memory_pipeline.get(self._key, {}))
        try:
            return self.store.pipeline()
        except StateError as exc:
            self.events.warning.emit(f"Your pipeline could not be read: {exc}")
            return {}

    def stage_of(self, company_id: str) -> str:
        """The company's pipeline stage, or ""."""
        entry = self.pipeline().get(company_id)
        return entry.stage if entry is not None else ""

    def set_pipeline(
        self,
        company_id: str,
        *,
        stage: str | None = None,
        owner: str | None = None,
        next_step: str | None = None,
        next_date: str | None = None,
    ) -> PipelineEntry | None:
        """Set fields of a company's pipeline entry (:meth:`core.state.StateStore.set_pipeline`);
        None (and ``not_saved``) when the store refused; ValueError for a bad stage or date."""
        if self.store is None:
            from core.state import _pipeline_fields

            new = _pipeline_fields(stage, owner, next_step, next_date)
            kept = self._memory_pipeline.setdefault(self._key, {})
            old = kept.get(company_id, PipelineEntry(company_id=company_id))
            entry: PipelineEntry | None = old.model_copy(update={**new, "updated_at": _now()})
            assert entry is not None
            kept[company_id] = entry
        else:
            try:
                entry = self.store.set_pipeline(
                    company_id, stage=stage, owner=owner, next_step=next_step, next_date=next_date
                )
            except StateError as exc:
                self.events.not_saved.emit("Pipeline", str(exc))
                return None
        self.events.pipeline_changed.emit(company_id)
        return entry

    def stage_labels(self) -> dict[str, str]:
        """Every stage's label as shown, in stage order: a renamed stage its own label, the
        others their default in the current language (core.present.stage_label)."""
        from core.analyst import DEFAULT_STAGE_LABELS

        if self.store is None:
            labels = {s: self._memory_labels.get(s) or DEFAULT_STAGE_LABELS[s] for s in STAGES}
        else:
            try:
                labels = self.store.stage_labels()
            except StateError as exc:
                self.events.warning.emit(f"Your stage names could not be read: {exc}")
                labels = dict(DEFAULT_STAGE_LABELS)
        return {s: present.stage_label(s, labels) for s in STAGES}

    def rename_stage(self, stage: str, label: str) -> str | None:
        """Call a stage ``label`` ("" gives back its default); None when the store refused."""
        if self.store is None:
            from core.analyst import DEFAULT_STAGE_LABELS
            from core.records import clean_line

            if stage not in STAGES:
                raise ValueError(f"stage: choose one of {', '.join(STAGES)}, got {stage!r}")
            clean = clean_line(label)
            self._memory_labels[stage] = clean
            shown = clean or DEFAULT_STAGE_LABELS[stage]
        else:
            try:
                shown = self.store.rename_stage(stage, label)
            except StateError as exc:
                self.events.not_saved.emit("Stage name", str(exc))
                return None
        self.events.pipeline_changed.emit(None)
        return shown

    def pipeline_log(self, company_id: str | None = None) -> list:
        """Every change to the pipeline (of one company), oldest first."""
        if self.store is None:
            return []
        try:
            return self.store.pipeline_log(company_id)
        except StateError as exc:
            self.events.warning.emit(f"Your pipeline's history could not be read: {exc}")
            return []


def _now() -> str:
    from datetime import datetime, timezone

    return datetime.now(timezone.utc).isoformat(timespec="seconds")
