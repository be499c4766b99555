"""Signals: the universe a ranking screens, the company's own traction, funding that follows the
money, and honest ties - properties on synthetic data, and what must hold on the report's."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from core import present
from core.ingest import load_dataset
from core.models import ADOPTER_ROLES, PROVIDER_ROLES, ROLES, Dataset
from core.records import Company, CompanyFact, DatasetMeta, FundingEvent, Mention, Segment
from core.scoring import MISSING_POLICIES, PRESETS, Weights, composite_signals, rank, tie_key
from core.signals import BASE_SIGNALS, UNIVERSES, SignalTable, build_signals

FUNDING_ONLY = Weights(value=0, difficulty=0, funding=100)


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


# --- a small synthetic dataset --------------------------------------------------------------------

SEGMENTS = (
    Segment(ref="S1", scenario="A", industry="X", market=5, logic=3, compute=3, corpus=5),
    Segment(ref="S2", scenario="B", industry="X", market=2, logic=5, compute=4, corpus=4),
    Segment(ref="S3", scenario="C", industry="Y", market=4, logic=2, compute=2, corpus=2),
)
REFS = tuple(s.ref for s in SEGMENTS)


@st.composite
def datasets(draw) -> Dataset:
    """Up to 8 companies, each with mentions in random roles and segments, some with a funding
    event (in a segment or in none)."""
    n = draw(st.integers(1, 8))
    companies, mentions, funding = [], [], []
    for i in range(n):
        cid = f"c{i}"
        companies.append(Company(id=cid, name=f"Co {i}", kind=draw(st.sampled_from(["bank", "startup"]))))
        pairs = draw(st.sets(st.tuples(st.sampled_from(REFS), st.sampled_from(ROLES)), max_size=4))
        for ref, role in sorted(pairs):
            mentions.append(Mention(company_id=cid, segment=ref, role=role, quote=f"{cid} {role} in {ref}."))
        if draw(st.booleans()):
            funding.append(
                FundingEvent(
                    id=f"f{i}",
                    company_id=cid,
                    segment=draw(st.sampled_from((None, *REFS))),
                    amount_text=f"{draw(st.integers(1, 900))}万美元",
                    currency="USD",
                    quote=f"{cid} raised money.",
                )
            )
    return Dataset(
        meta=DatasetMeta(name="synthetic"),
        segments=SEGMENTS,
        companies=tuple(companies),
        mentions=tuple(mentions),
        funding=tuple(funding),
    )


def _expected_universe(ds: Dataset, cid: str, universe: str) -> tuple[bool, set[str]]:
    """The contract's rule, written independently of the store."""
    if universe == "all":
        return True, set(ds.segments_of(cid))
    wanted = set(PROVIDER_ROLES if universe == "providers" else ADOPTER_ROLES)
    ms = [m for m in ds.mentions_of(cid) if m.role in wanted]
    refs = {m.segment for m in ms}
    member = bool(ms)
    if "funded" in wanted:
        events = ds.funding_of(cid)
        member |= bool(events)
        refs |= {f.segment for f in events if f.segment}
    return member, refs


@settings(max_examples=80, deadline=None)
@given(data=datasets(), universe=st.sampled_from(UNIVERSES))
def test_the_universe_holds_the_companies_that_play_its_role_and_their_segments(data, universe):
    t = build_signals(data, universe=universe)
    stars = {s.ref: s.market for s in SEGMENTS}
    for row, cid in enumerate(t.ids):
        member, refs = _expected_universe(data, cid, universe)
        assert bool(t.in_universe[row]) == member, cid
        assert set(t.segments_of(row)) == (refs if member else set()), cid
        if member and refs:
            assert t.raw["market"][row] == pytest.approx(np.mean([stars[r] for r in refs]))
        else:
            assert not np.isfinite(t.norm["market"][row])
    r = rank(t, PRESETS["balanced"])
    assert set(r.order) == set(np.flatnonzero(t.in_universe))
    assert (r.rank[~t.in_universe] == 0).all()
    # normalised across the universe only: its best market is 1 (unless all are equal)
    inside = t.norm["market"][t.in_universe & np.isfinite(t.norm["market"])]
    if len(set(inside)) > 1:
        assert inside.max() == pytest.approx(1.0) and inside.min() == pytest.approx(0.0)


@settings(max_examples=60, deadline=None)
@given(data=datasets())
def test_no_pure_adopter_in_the_providers_universe(data):
    t = build_signals(data, universe="providers")
    adopters = build_signals(data, universe="adopters")
    for row, cid in enumerate(t.ids):
        roles = set(data.roles_of(cid))
        pure_adopter = roles <= {"adopter"} and "adopter" in roles and not data.funding_of(cid)
        if pure_adopter:
            assert not t.in_universe[row] and adopters.in_universe[adopters.row_of[cid]]
        if set(PROVIDER_ROLES) & roles and "adopter" in roles:  # both sides: in each
            assert t.in_universe[row] and adopters.in_universe[adopters.row_of[cid]]


def test_no_pure_adopter_in_the_report_providers(ds):
    t = build_signals(ds)
    assert t.universe == "providers"
    pure = {c.id for c in ds.companies if set(ds.roles_of(c.id)) == {"adopter"} and not ds.funding_of(c.id)}
    assert len(pure) >= 20  # banks, brokers, hospitals, drug makers ...
    providers = {str(i) for i, m in zip(t.ids, t.in_universe, strict=True) if m}
    assert not pure & providers
    # companies that both adopt and provide are screened in each universe
    both = {"bytedance", "amazon"} & {c.id for c in ds.companies}
    adopters = build_signals(ds, universe="adopters")
    for cid in both:
        assert t.in_universe[t.row_of[cid]] and adopters.in_universe[adopters.row_of[cid]]
    every = build_signals(ds, universe="all")
    assert every.in_universe.all()
    # a bank adopting a code assistant earns no market-space credit among providers
    r = rank(t, PRESETS["moat"])
    assert not {str(t.ids[i]) for i in r.order[:10]} & pure


def test_an_unknown_universe_is_refused(ds):
    with pytest.raises(ValueError, match="unknown universe"):
        build_signals(ds, universe="investors")


# --- traction -------------------------------------------------------------------------------------

SENTENCES = ("甲公司服务了乙银行。", "Acme cut costs by 40%.", "丙产品上线，用户超 1000 万。")
VALUES = {
    "client": "beta",
    "outcome": "40",
    "product": "Acme Copilot",
    "listing": "2024-06-13",
    "founded": "2020",
    "founder": "张三",
    "rounds_count": "3",
}


@st.composite
def facts(draw) -> list[CompanyFact]:
    out = []
    for _ in range(draw(st.integers(0, 10))):
        sentence = draw(st.sampled_from(SENTENCES))
        # the same sentence written with other whitespace is the same sentence
        spaced = draw(st.sampled_from(["", " ", "\n", "  "])).join(sentence.split(" ")) + draw(
            st.sampled_from(["", " ", "\t"])
        )
        kind = draw(st.sampled_from(list(VALUES)))
        out.append(CompanyFact(company_id="acme", segment="S1", kind=kind, value=VALUES[kind], quote=spaced))
    return out


def _facts_dataset(fs: list[CompanyFact]) -> Dataset:
    return Dataset(
        meta=DatasetMeta(name="facts"),
        segments=SEGMENTS,
        companies=(Company(id="acme", name="Acme"), Company(id="beta", name="Beta")),
        mentions=(
            Mention(company_id="acme", segment="S1", role="vendor", quote=SENTENCES[0]),
            Mention(company_id="beta", segment="S1", role="vendor", quote="Beta sells."),
        ),
        funding=(),
        facts=tuple(fs),
    )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fs=facts(), copies=st.integers(1, 3))
def test_traction_never_counts_one_sentence_twice(fs, copies):
    t = build_signals(_facts_dataset(fs))
    row = t.row_of["acme"]
    shown = {"".join(f.quote.split()) for f in fs if f.kind in ("client", "outcome", "product", "listing")}
    assert t.raw["traction"][row] == len(shown)
    # the same facts again (more facts, no new sentence) change nothing
    again = build_signals(_facts_dataset(fs * copies))
    assert again.raw["traction"][again.row_of["acme"]] == len(shown)
    # evidence: mentions, facts and funding quotes, each sentence once (the mention's is SENTENCES[0])
    every = {"".join(f.quote.split()) for f in fs} | {"".join(SENTENCES[0].split())}
    assert t.evidence[row] == len(every)
    assert t.raw["traction"][t.row_of["beta"]] == 0


def test_traction_raises_value_by_its_sub_weight(ds):
    t = build_signals(ds)
    traction = t.raw["traction"]
    assert traction[t.in_universe].max() >= 3
    market_only = composite_signals(t, Weights(market=1, traction=0), "zero").matrix[:, 0]
    mixed = composite_signals(t, Weights(market=2, traction=1), "zero").matrix[:, 0]
    # among companies of the same segments, more traction never gives less value
    for refs in {t.segments_of(i) for i in range(len(t)) if t.in_universe[i]}:
        rows = [i for i in range(len(t)) if t.in_universe[i] and t.segments_of(i) == refs]
        assert len({market_only[i] for i in rows}) == 1
        by_traction = sorted(rows, key=lambda i: traction[i])
        assert all(mixed[a] <= mixed[b] + 1e-12 for a, b in zip(by_traction, by_traction[1:], strict=False))


# --- funding follows the money --------------------------------------------------------------------


def test_on_funding_alone_the_money_comes_first(ds):
    for universe in ("providers", "all"):
        t = build_signals(ds, universe=universe)
        for policy in ("zero", "exclude"):
            r = rank(t, FUNDING_ONLY, policy)
            pos = {cid: int(r.position[t.row_of[cid]]) for cid in ("openai", "zhipu_ai", "leyan")}
            assert pos["openai"] < pos["leyan"] and pos["zhipu_ai"] < pos["leyan"], (universe, policy, pos)
            # a company with no funding figure never outranks one with any
            figure = np.zeros(len(t), dtype=bool)
            for k in ("capital", "valuation", "recency", "stage"):
                figure |= np.isfinite(t.norm[k])
            ranked = r.included
            if (ranked & ~figure).any():
                assert r.position[ranked & figure].max() < r.position[ranked & ~figure].min()
                assert r.rank[ranked & figure].max() < r.rank[ranked & ~figure].min()


def test_the_funding_parts_say_what_each_figure_counts_as(ds):
    t = build_signals(ds)
    r = rank(t, PRESETS["balanced"])
    openai = r.funding_parts(t.row_of["openai"])
    assert list(openai) == ["capital", "valuation", "recency", "stage"]
    assert openai["capital"].status == "disclosed" and openai["capital"].raw == pytest.approx(1e9)
    assert openai["valuation"].status == "floor" and openai["valuation"].raw == pytest.approx(1e9)
    assert openai["stage"].status == "left out" and openai["stage"].norm is None
    assert openai["capital"].weight == 3 and openai["stage"].weight == 1
    # the parts make the signal: the weighted mean of those counted, over the best company's
    augment = r.funding_parts(t.row_of["augment"])
    assert {p.status for p in augment.values()} == {"disclosed"}
    # a company without disclosed capital: missing parts count as the policy says
    quanzhen = r.funding_parts(t.row_of["quanzhen"])
    assert quanzhen["capital"].status == "zero" and quanzhen["stage"].status == "disclosed"
    neutral = rank(t, PRESETS["balanced"], "neutral").funding_parts(t.row_of["quanzhen"])
    assert neutral["capital"].status == "neutral"
    nothing = next(i for i in range(len(t)) if t.in_universe[i] and r.missing[i, 2])
    assert {p.status for p in r.funding_parts(nothing).values()} == {"none"}
    assert present.funding_part_text(openai["stage"]) == "stage: not stated, left out"
    assert present.funding_part_text(openai["capital"]).startswith("capital $1.00B (")
    assert present.funding_part_text(openai["valuation"]).startswith(
        "valuation at least $1.00B: none stated, the capital as a floor ("
    )
    leyan = r.funding_parts(t.row_of["leyan"])
    assert leyan["capital"].approximate and present.funding_part_text(leyan["capital"]).startswith(
        "capital ≈ $69.4M"
    )


def _funding_table(capital: np.ndarray, rest: dict[str, np.ndarray]) -> SignalTable:
    n = len(capital)
    raw = {k: np.full(n, 3.0) for k in BASE_SIGNALS}
    raw.update(rest)
    raw["capital"] = capital
    ids = np.array([f"c{i}" for i in range(n)], dtype=object)
    return SignalTable.from_columns(
        ids,
        ids,
        raw,
        capital,
        np.zeros(n, bool),
        rest["valuation"],
        7.2,
        np.array(["US"] * n, dtype=object),
        ("S1",),
        np.ones((n, 1), dtype=bool),
        np.zeros((n, len(ROLES)), dtype=bool),
        ids,
    )


maybe = st.one_of(st.none(), st.floats(1, 10))


@settings(max_examples=150, deadline=None)
@given(
    low=st.floats(1e5, 1e10),
    factor=st.floats(1.0, 1e3),
    valuation=st.one_of(st.none(), st.floats(1e5, 1e11)),
    recency=st.one_of(st.none(), st.floats(2015, 2025)),
    stage=st.one_of(st.none(), st.sampled_from([1.0, 3.0, 4.0, 6.0, 9.0])),
    others=st.lists(st.tuples(st.floats(1e5, 1e10), maybe), min_size=0, max_size=6),
    policy=st.sampled_from(MISSING_POLICIES),
    subs=st.tuples(*[st.floats(0, 10)] * 4),
)
def test_funding_is_monotone_in_disclosed_capital_with_the_rest_equal(
    low, factor, valuation, recency, stage, others, policy, subs
):
    high = low * factor
    n = 2 + len(others)
    capital = np.array([low, high] + [c for c, _ in others])
    nan = np.nan
    rest = {
        "valuation": np.array([valuation or nan] * 2 + [nan] * len(others)),
        "recency": np.array([recency or nan] * 2 + [2020.0 + (s or 0) for _, s in others]),
        "stage": np.array([stage or nan] * 2 + [s or nan for _, s in others]),
    }
    t = _funding_table(capital, rest)
    w = Weights(
        value=0,
        difficulty=0,
        funding=100,
        **dict(zip(("capital", "valuation", "recency", "stage"), subs, strict=True)),
    )
    f = composite_signals(t, w, policy).matrix[:, 2]
    a, b = t.row_of["c0"], t.row_of["c1"]
    assert f[b] >= f[a] - 1e-12
    r = rank(t, w, policy, stability=False)
    assert r.rank[b] <= r.rank[a] or not r.included[a]
    assert n == len(t)


@settings(max_examples=60, deadline=None)
@given(capital=st.floats(1e5, 1e10), stage=st.sampled_from([1.0, 6.0, 9.0]), recency=st.floats(2000, 2025))
def test_no_funding_figure_never_outranks_any_figure(capital, stage, recency):
    nan = np.nan
    rest = {
        "valuation": np.array([nan, nan, nan, nan]),
        "recency": np.array([nan, nan, recency, nan]),
        "stage": np.array([nan, stage, nan, nan]),
    }
    t = _funding_table(np.array([capital, nan, nan, nan]), rest)  # c3 has no figure at all
    for policy in ("zero", "exclude"):
        r = rank(t, FUNDING_ONLY, policy, stability=False)
        none = t.row_of["c3"]
        for cid in ("c0", "c1", "c2"):
            assert r.score[t.row_of[cid]] > r.score[none] or not r.included[none]


# --- honest ties ----------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(score=st.floats(0, 100, allow_nan=False))
def test_the_tie_key_is_the_score_as_it_reads(score):
    assert tie_key(np.array([score]))[0] == round(float(present.score_text(score)) * 10)


@st.composite
def tied_tables(draw) -> SignalTable:
    n = draw(st.integers(2, 40))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    raw = {k: rng.integers(1, 3, n).astype(float) for k in BASE_SIGNALS}
    raw["capital"] = np.where(rng.random(n) < 0.5, 10 ** rng.integers(6, 8, n).astype(float), np.nan)
    ids = np.array([f"c{i:02d}" for i in range(n)], dtype=object)
    names = np.array([f"Co {i % 5}" for i in range(n)], dtype=object)
    return SignalTable.from_columns(
        ids,
        names,
        raw,
        raw["capital"],
        np.zeros(n, bool),
        np.full(n, np.nan),
        7.2,
        np.array(["CN"] * n, dtype=object),
        ("S1",),
        np.ones((n, 1), dtype=bool),
        np.zeros((n, len(ROLES)), dtype=bool),
        names,
        in_universe=rng.random(n) < 0.8,
        evidence=rng.integers(0, 3, n).astype(float),
    )


@settings(max_examples=80, deadline=None)
@given(t=tied_tables(), w=st.sampled_from(list(PRESETS.values())), policy=st.sampled_from(MISSING_POLICIES))
def test_a_tie_rank_is_one_plus_the_number_strictly_higher(t, w, policy):
    r = rank(t, w, policy, stability=False)
    shown = [present.score_text(s) for s in r.score]
    ranked = list(r.order)
    assume(ranked)
    for place, i in enumerate(ranked, start=1):
        higher = sum(float(shown[j]) > float(shown[i]) for j in ranked)
        same = sum(shown[j] == shown[i] for j in ranked)
        assert r.rank[i] == 1 + higher
        assert r.position[i] == place
        assert bool(r.shared[i]) == (same > 1)
        assert present.rank_text(r.rank[i], r.shared[i]).endswith("=") == (same > 1)
    not_ranked = ~r.included
    assert (r.rank[not_ranked] == 0).all() and (r.position[not_ranked] == 0).all()
    # the note names the places a cut tie spans
    for top in range(1, len(ranked)):
        note = r.tie_note(top)
        cut = shown[ranked[top - 1]] == shown[ranked[top]]
        assert (note is not None) == cut
        if cut:
            group = [p for p, i in enumerate(ranked, start=1) if shown[i] == shown[ranked[top - 1]]]
            assert note.startswith(f"places {group[0]}–{group[-1]} are shared by {len(group)} companies")
    # a filtered list (every other company) names the places of the whole ranking
    some = np.array(ranked[::2])
    for top in range(1, len(some)):
        note = r.tie_note(top, some)
        a, b = some[top - 1], some[top]
        assert (note is not None) == (shown[a] == shown[b])
        if note:
            size = sum(shown[j] == shown[a] for j in ranked)
            assert note.startswith(
                f"places {r.rank[a]}–{r.rank[a] + size - 1} are shared by {size} companies"
            )


def test_ties_in_the_report_share_their_rank(ds):
    t = build_signals(ds)
    r = rank(t, PRESETS["balanced"])
    top = r.order[:20]
    groups: dict[float, list[int]] = {}
    for i in top:
        groups.setdefault(float(tie_key(r.score[i])), []).append(int(i))
    shared = [g for g in groups.values() if len(g) > 1]
    assert shared  # the report says too little about some companies to tell them apart
    for g in shared:
        assert len({int(r.rank[i]) for i in g}) == 1 and r.shared[g].all()
        # more quoted evidence first inside a tie
        ev = [t.evidence[i] for i in sorted(g, key=lambda i: r.position[i])]
        assert ev == sorted(ev, reverse=True)


@pytest.mark.parametrize("columnar", [False, True])
def test_making_the_signals_can_be_cancelled_between_its_steps(tmp_path, columnar: bool) -> None:
    from bench.generate import write
    from core.ingest import ImportCancelled
    from core.signals import STEPS

    data = load_dataset(write(tmp_path / "u.csv", 300), columnar_min_bytes=0 if columnar else 10**9)
    seen: list[tuple[int, int]] = []
    full = build_signals(data, progress=lambda done, total: seen.append((done, total)) is None)
    # every step in order; a step may be reported more than once (a cancel point inside it)
    assert seen == sorted(seen) and sorted(set(seen)) == [(i, STEPS) for i in range(STEPS + 1)]
    assert len(full) == 300
    for stop_at in range(STEPS + 1):  # a False at any step: no later step runs, the cancel is raised
        asked: list[int] = []

        def progress(done: int, total: int, stop_at: int = stop_at, asked: list[int] = asked) -> bool:
            asked.append(done)
            return done < stop_at

        with pytest.raises(ImportCancelled):
            build_signals(data, progress=progress)
        assert asked[-1] == stop_at and sorted(set(asked)) == list(range(stop_at + 1))
