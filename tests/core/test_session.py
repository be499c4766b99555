"""The screening session without Qt: ranking decisions, filters, shortlist, notes, the memo."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import session as session_module
from core.filters import Filters
from core.ingest import load_dataset
from core.results import build_result
from core.scoring import PRESETS, Weights
from core.session import Emitter, Session, preset_of
from core.signals import UNIVERSES, build_signals
from core.state import StateBusyError, StateStore

ROOT = Path(__file__).resolve().parents[2]

MINE_CSV = (
    "id,name,country,segments,funding_amount,funding_round,funding_date\n"
    "acme,示例科技,CN,1.1.2,数千万元人民币,A,2024-05\n"
    "beta,Beta Health,US,1.4.2,25000000,B,2024\n"
    "gamma,Gamma Retail,US,1.3.2,,,\n"
)


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


@pytest.fixture
def store(tmp_path):
    opened = StateStore.open(tmp_path / "state" / "state.sqlite")
    yield opened.store
    opened.store.close()


class Recorder:
    """Every event of a session, in order: (name, args)."""

    def __init__(self, s: Session) -> None:
        self.seen: list[tuple[str, tuple]] = []
        for name in (
            "dataset",
            "universe",
            "ranking",
            "shown",
            "shortlist",
            "stability",
            "note_saved",
            "not_saved",
            "warning",
        ):
            getattr(s.events, name).connect(lambda *args, n=name: self.seen.append((n, args)))

    def names(self) -> list[str]:
        return [n for n, _ in self.seen]

    def clear(self) -> None:
        self.seen.clear()


def busy(*_a, **_k):
    raise StateBusyError("Another copy of the app is using your saved data; try again in a moment.")


def moat() -> Weights:
    return PRESETS["moat"]


# --- ranking --------------------------------------------------------------------------------


def test_a_small_universe_is_ranked_at_once_and_observers_hear_of_it(ds):
    s = Session(ds)
    rec = Recorder(s)
    first = s.ranking
    assert first.stability_computed  # a small universe gets its stability at once
    assert s.request_rank(moat(), "zero") is None
    assert s.ranking.weights == moat() and s.ranking is not first
    assert rec.seen == [("ranking", (first, False))]  # the previous ranking, for the Δ column
    rec.clear()
    assert s.request_rank(moat(), "zero") is None  # nothing changed: nothing computed
    assert rec.seen == []


def test_a_policy_change_changes_the_shown_rows_with_the_ranking(ds):
    s = Session(ds)
    rec = Recorder(s)
    s.request_rank(PRESETS["balanced"], "exclude")
    assert rec.seen[-1][0] == "ranking" and rec.seen[-1][1][1] is True
    assert 0 < s.mask.sum() < s.signals.n_universe
    assert (s.mask == s.ranking.included).all()
    s.request_rank(PRESETS["balanced"], "zero")
    assert rec.seen[-1][1][1] is True and (s.mask == s.signals.in_universe).all()


def test_a_large_universe_ranks_in_jobs_one_at_a_time_latest_weights_last(ds, monkeypatch):
    monkeypatch.setattr(session_module, "ASYNC_RANK_MIN", 0)
    s = Session(ds)
    assert not s.ranking.stability_computed  # left for fill_stability
    rec = Recorder(s)
    job = s.request_rank(Weights(value=10), "zero")
    assert job is not None and s.rank_busy and rec.seen == []
    # the slider moves on while the job runs: remembered, not queued
    for v in (20, 30, 40):
        assert s.request_rank(Weights(value=v), "zero") is None
    assert s.rank_pending
    follow = s.rank_done(job, job.run())
    assert s.ranking.weights.value == 10 and rec.names() == ["ranking"]
    assert follow is not None and follow.weights.value == 40  # only the latest
    assert s.rank_done(follow, follow.run()) is None
    assert s.ranking.weights.value == 40 and not s.rank_busy and not s.rank_pending


def test_a_dropped_job_is_not_shown_and_the_latest_request_follows(ds, monkeypatch):
    monkeypatch.setattr(session_module, "ASYNC_RANK_MIN", 0)
    s = Session(ds)
    start = s.ranking.weights
    job = s.request_rank(Weights(funding=90), "zero")
    s.drop_running_rank()  # undo chose other weights while it ran
    assert s.request_rank(start, "zero") is None  # remembered
    rec = Recorder(s)
    assert s.rank_done(job, job.run()) is None  # not shown; the latest equals what is shown
    assert rec.seen == [] and s.ranking.weights == start


def test_a_ranking_for_the_old_universe_is_dropped(ds, tmp_path, monkeypatch):
    monkeypatch.setattr(session_module, "ASYNC_RANK_MIN", 0)
    (tmp_path / "mine.csv").write_text(MINE_CSV, encoding="utf-8")
    s = Session(ds)
    job = s.request_rank(moat(), "zero")
    s.set_dataset(load_dataset(tmp_path / "mine.csv"))
    shown = s.ranking
    follow = s.rank_done(job, job.run())
    assert s.ranking is shown and len(s.ranking.table) == 3
    assert follow is None  # the new universe was ranked with the latest weights already
    assert s.ranking.weights == moat()


def test_a_failed_job_frees_the_way_for_the_next(ds, monkeypatch):
    monkeypatch.setattr(session_module, "ASYNC_RANK_MIN", 0)
    s = Session(ds)
    job = s.request_rank(moat(), "zero")
    s.request_rank(Weights(value=5), "zero")
    follow = s.rank_done(job, None)
    assert follow is not None and follow.weights.value == 5 and s.rank_busy


def test_stability_is_filled_once(ds, monkeypatch):
    monkeypatch.setattr(session_module, "ASYNC_RANK_MIN", 0)
    s = Session(ds)
    rec = Recorder(s)
    assert s.fill_stability() is True
    assert s.ranking.stability_computed and rec.names() == ["stability"]
    assert s.fill_stability() is False and rec.names() == ["stability"]


# --- filters and shown rows -------------------------------------------------------------------


def test_filters_decide_the_shown_rows_as_the_command_line_does(ds):
    s = Session(ds)
    rec = Recorder(s)
    f = Filters(countries=frozenset({"US"}))
    s.set_filters(f)
    assert rec.names() == ["shown"]
    ids = s.shown_ids()
    assert ids and all(ds.company_by_id[i].country == "US" for i in ids)
    assert s.mask.sum() == len(ids)
    cli = build_result(ds, s.ranking, f, top=5)
    assert s.shown_ids(top=5) == [c.id for c in cli.companies]


def test_segment_sizes_count_companies_and_split_funding(ds):
    counts, funding = Session(ds).segment_sizes()
    assert set(counts) == {seg.ref for seg in ds.segments} == set(funding)
    assert all(n > 0 for n in counts.values())
    assert sum(funding.values()) > 0


# --- shortlist ------------------------------------------------------------------------------


def test_a_star_is_saved_first_then_shown(ds, store):
    s = Session(ds, store=store)
    rec = Recorder(s)
    assert s.set_shortlisted("openai", True)
    assert store.shortlist() == {"openai"} and s.shortlist == {"openai"}
    assert rec.seen == [("shortlist", ("openai", True))]
    assert Session(ds, store=store).shortlist == {"openai"}  # a new session reads it back


def test_a_star_the_store_refuses_changes_nothing_and_says_so(ds, store, monkeypatch):
    s = Session(ds, store=store)
    rec = Recorder(s)
    monkeypatch.setattr(store, "set_shortlisted", busy)
    assert s.set_shortlisted("pika", True) is False
    assert "pika" not in s.shortlist
    assert rec.names() == ["not_saved"] and rec.seen[0][1][0] == "Shortlist"
    assert "Another copy" in rec.seen[0][1][1]


def test_starring_with_shortlist_only_updates_the_shown_rows(ds):
    s = Session(ds)  # no store: stars are kept for the session
    s.set_filters(Filters(shortlist_only=True))
    assert s.shown_ids() == []
    rec = Recorder(s)
    s.set_shortlisted("replit", True)
    assert rec.names() == ["shortlist", "shown"]
    assert s.shown_ids() == ["replit"]
    s.set_shortlisted("replit", False)
    assert s.shown_ids() == [] and not s.mask.any()


# --- notes ----------------------------------------------------------------------------------


def test_a_note_the_store_refuses_is_kept_shown_and_saved_later(ds, store, monkeypatch):
    s = Session(ds, store=store)
    rec = Recorder(s)
    monkeypatch.setattr(store, "set_note", busy)
    assert s.save_note("pika", "kept on screen") is False
    assert rec.names() == ["not_saved"] and rec.seen[0][1][0] == "Note"
    assert s.note("pika") == "kept on screen" and s.has_unsaved_notes
    assert s.unsaved_notes() == [(ds.company("pika").name, "kept on screen")]
    assert s.retry_notes() is False  # still busy
    monkeypatch.undo()
    assert s.retry_notes() is True
    assert store.note("pika") == "kept on screen" and not s.has_unsaved_notes
    assert rec.seen[-1] == ("note_saved", ("pika",))


def test_an_unsaved_note_is_saved_under_its_own_dataset(ds, store, tmp_path, monkeypatch):
    (tmp_path / "mine.csv").write_text(MINE_CSV, encoding="utf-8")
    s = Session(ds, store=store)
    report_key = s.dataset_key
    monkeypatch.setattr(store, "set_note", busy)
    s.save_note("augment", "about Augment")
    monkeypatch.undo()
    s.set_dataset(load_dataset(tmp_path / "mine.csv"))
    assert s.dataset_key != report_key and store.dataset_key == s.dataset_key
    assert s.note("augment") == ""  # another dataset's note is not this one's
    assert s.unsaved_notes() == [(f"augment ({report_key})", "about Augment")]
    assert s.retry_notes()
    assert store.notes() == {}  # nothing written into the imported universe
    store.dataset_key = report_key
    assert store.note("augment") == "about Augment"


def test_an_unreadable_note_is_a_warning_not_an_error(ds, store, monkeypatch):
    s = Session(ds, store=store)
    rec = Recorder(s)
    monkeypatch.setattr(store, "note", busy)
    assert s.note("pika") == ""
    assert rec.names() == ["warning"] and "could not be read" in rec.seen[0][1][0]


def test_without_a_store_notes_are_kept_for_the_session(ds):
    s = Session(ds)
    assert s.save_note("pika", "only here") is True
    assert s.note("pika") == "only here" and not s.has_unsaved_notes


def test_the_session_knows_which_companies_have_a_note(ds, store, tmp_path, monkeypatch):
    store.set_note("pika", "  \nFirst line\nsecond line")
    s = Session(ds, store=store)
    assert s.noted == {"pika"} and s.note_heads() == {"pika": "First line"}
    changed: list[str] = []
    s.events.notes.connect(changed.append)
    s.save_note("augment", "Call back")
    assert s.noted == {"pika", "augment"} and changed == ["augment"]
    s.save_note("augment", "Call back")  # the same first line: nothing to tell
    assert changed == ["augment"]
    s.save_note("pika", "   ")  # an empty note is no note
    assert s.noted == {"augment"} and changed == ["augment", "pika"]
    monkeypatch.setattr(store, "set_note", busy)
    s.save_note("openai", "kept, not saved yet")  # kept by the session: marked all the same
    assert "openai" in s.noted
    monkeypatch.undo()
    (tmp_path / "mine.csv").write_text(MINE_CSV, encoding="utf-8")
    s.set_dataset(load_dataset(tmp_path / "mine.csv"))
    assert s.noted == frozenset()  # another dataset's notes are not this one's
    s.set_dataset(load_dataset())
    assert s.noted == {"augment", "openai"}
    assert Session(ds).noted == frozenset()  # no store: no notes yet


def test_unknown_country_is_a_filter_value(ds):
    from core.filters import UNKNOWN_COUNTRY, country_counts, parse_countries

    no_country = {c.id for c in ds.companies if not c.country}
    assert no_country
    s = Session(ds, universe="all")
    s.set_filters(Filters(countries=frozenset({UNKNOWN_COUNTRY})))
    assert set(s.shown_ids()) == no_country
    s.set_filters(Filters(countries=frozenset({UNKNOWN_COUNTRY, "GB"})))
    gb = {c.id for c in ds.companies if c.country == "GB"}
    assert set(s.shown_ids()) == no_country | gb
    assert s.filters.describe() == "country GB, unknown"
    assert country_counts(ds)[UNKNOWN_COUNTRY] == len(no_country)
    assert sum(country_counts(ds).values()) == len(ds.companies)
    assert parse_countries("cn, Unknown,?, us") == {"CN", "US", UNKNOWN_COUNTRY}
    assert parse_countries("") == frozenset()


# --- dataset --------------------------------------------------------------------------------


def test_another_dataset_clears_filters_and_has_its_own_shortlist(ds, store, tmp_path):
    (tmp_path / "mine.csv").write_text(MINE_CSV, encoding="utf-8")
    s = Session(ds, store=store, weights=moat(), policy="neutral")
    s.set_shortlisted("openai", True)
    s.set_filters(Filters(countries=frozenset({"US"})))
    rec = Recorder(s)
    s.set_dataset(load_dataset(tmp_path / "mine.csv"))
    assert rec.names() == ["dataset"]
    assert s.filters == Filters() and s.mask.all() and len(s.mask) == 3
    assert s.shortlist == frozenset()
    assert (s.ranking.weights, s.ranking.policy) == (moat(), "neutral")
    s.set_shortlisted("beta", True)
    s.set_dataset(load_dataset())
    assert s.shortlist == {"openai"}


# --- universe -------------------------------------------------------------------------------


def test_the_providers_universe_is_the_default_and_every_universe_can_be_screened(ds):
    s = Session(ds)
    assert s.universe == "providers" == s.signals.universe == s.ranking.universe
    every = Session(ds, universe="all")
    assert every.universe == "all" and every.mask.sum() == len(ds.companies)
    assert s.mask.sum() == s.signals.n_universe < len(ds.companies)
    with pytest.raises(ValueError, match="unknown universe"):
        Session(ds, universe="lenders")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    path=st.lists(st.sampled_from(UNIVERSES), min_size=1, max_size=5),
    starred=st.sets(st.sampled_from(["openai", "icbc", "bytedance", "pika", "moderna"]), max_size=4),
)
def test_switching_universe_keeps_the_shortlist_notes_and_filters(ds, tmp_path_factory, path, starred):
    opened = StateStore.open(tmp_path_factory.mktemp("state") / "state.sqlite")
    with opened.store as store:
        s = Session(ds, store=store)
        for cid in starred:
            assert s.set_shortlisted(cid, True)
            assert s.save_note(cid, f"note on {cid}")
        if "icbc" not in starred:
            s.save_note("icbc", "a bank: a reference client")
        f = Filters(countries=frozenset({"CN", "US"}))
        s.set_filters(f)
        rec = Recorder(s)
        for universe in path:
            before = s.universe
            changed = s.set_universe(universe)
            assert changed == (universe != before)
            assert s.universe == universe == s.signals.universe == s.ranking.universe
            assert s.shortlist == frozenset(starred) and s.filters == f
            for cid in starred:
                assert s.note(cid) == f"note on {cid}"
            assert s.note("icbc") == (
                "a bank: a reference client" if "icbc" not in starred else "note on icbc"
            )
            # the shown rows are the universe's, through the same filters
            assert not (s.mask & ~s.signals.in_universe).any()
            assert s.shown_ids() == [c.id for c in build_result(ds, s.ranking, f).companies]
            # a starred company outside the universe stays in the memo of the shortlist
            assert sorted(s.memo_request().company_ids) == sorted(starred)
        assert rec.names() == ["universe"] * sum(
            a != b for a, b in zip(["providers", *path], path, strict=False)
        )


def test_a_ranking_computed_for_the_universe_left_is_dropped(ds, monkeypatch):
    monkeypatch.setattr(session_module, "ASYNC_RANK_MIN", 0)
    s = Session(ds)
    job = s.request_rank(moat(), "zero")
    assert job is not None
    s.set_universe("adopters")
    assert s.universe == "adopters"
    s.rank_done(job, job.run())
    assert s.ranking.table is s.signals and s.ranking.universe == "adopters"


def test_a_new_dataset_is_screened_in_the_current_universe(ds, tmp_path):
    (tmp_path / "mine.csv").write_text(MINE_CSV, encoding="utf-8")
    s = Session(ds, universe="all")
    mine = load_dataset(tmp_path / "mine.csv")
    s.set_dataset(mine, build_signals(mine))  # built for providers: not used for "all"
    assert s.universe == "all" and s.signals.universe == "all"


# --- memo -----------------------------------------------------------------------------------


def test_memo_of_the_shortlist_in_rank_order_with_notes(ds, store):
    s = Session(ds, store=store)
    for cid in ("abridge", "openai"):
        s.set_shortlisted(cid, True)
    s.save_note("openai", "Ask about margins")
    s.set_filters(Filters(countries=frozenset({"CN"})))  # the shortlist ignores the table's filters
    m = s.memo_request()
    assert sorted(m.company_ids) == ["abridge", "openai"]
    places = [int(s.ranking.position[s.signals.row_of[c]]) for c in m.company_ids]
    assert places == sorted(places) and all(p > 0 for p in places)
    assert m.notes == {"openai": "Ask about margins"}
    assert m.selection == "shortlist" and m.filters == Filters()
    assert m.preset == "balanced" and m.screened == s.signals.n_universe
    kwargs = m.as_kwargs()
    assert kwargs["company_ids"] == list(m.company_ids) and kwargs["ranking"] is s.ranking


def test_memo_of_the_top_n_as_filtered(ds):
    s = Session(ds, weights=Weights(value=33))
    f = Filters(countries=frozenset({"US"}))
    s.set_filters(f)
    m = s.memo_request(4, preset="My view")
    assert m.company_ids == s.shown_ids(top=4) and len(m.company_ids) == 4
    assert m.selection == "top 4" and m.filters == f and m.preset == "My view"
    assert preset_of(s.ranking.weights) is None


def test_memo_notes_include_one_not_saved_yet_and_warn_when_unreadable(ds, store, monkeypatch):
    s = Session(ds, store=store)
    s.set_shortlisted("pika", True)
    monkeypatch.setattr(store, "set_note", busy)
    s.save_note("pika", "typed while busy")
    monkeypatch.setattr(store, "notes", busy)
    rec = Recorder(s)
    m = s.memo_request()
    assert m.notes == {"pika": "typed while busy"}
    assert rec.names() == ["warning"] and "for the memo" in rec.seen[0][1][0]


# --- plumbing -------------------------------------------------------------------------------


def test_an_emitter_calls_each_observer_until_disconnected():
    e = Emitter()
    seen = []
    first = e.connect(lambda x: seen.append(("a", x)))
    e.connect(lambda x: seen.append(("b", x)))
    e.emit(1)
    e.disconnect(first)
    e.disconnect(first)  # twice is harmless
    e.emit(2)
    assert seen == [("a", 1), ("b", 1), ("b", 2)]


def test_the_session_needs_no_qt():
    code = (
        "import sys, core.session\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'ui', 'exports'))\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
