"""Weights in words and the one-line reason per company (core.present): what the memo's Summary
says about the screen and about each pick."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings

from core import present
from core.filters import Filters
from core.ingest import load_dataset
from core.results import build_result
from core.scoring import PRESET_LABELS, PRESETS, Weights, rank
from core.signals import build_signals
from tests.core.test_scoring import weights


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


@pytest.fixture(scope="module")
def table(ds):
    return build_signals(ds)


def companies(ds, table, w: Weights):
    ranking = rank(table, w, "zero", stability=False)
    return build_result(ds, ranking, Filters(), top=0).companies


# --- weights in words ------------------------------------------------------------------------


@pytest.mark.parametrize("key", list(PRESETS))
def test_every_preset_reads_with_its_name_and_weights(key):
    w = PRESETS[key]
    text = present.weights_in_words(w)
    assert text.startswith(
        f"{PRESET_LABELS[key]} (value {w.value:g}, difficulty {w.difficulty:g}, funding {w.funding:g}): "
    )
    assert text.endswith(".") and "mixes" not in text  # presets keep the default sub-weights


def test_balanced_weighs_three_things_equally_and_market_first_says_the_shares():
    assert present.weights_in_words(PRESETS["balanced"]).endswith(
        "equal weight on more value (market space and traction), easier segments and more funding."
    )
    text = present.weights_in_words(PRESETS["market_first"])
    assert "more value (market space and traction) 71%" in text and "easier segments 14%" in text
    assert "harder segments (difficulty as a moat) 53%" in present.weights_in_words(PRESETS["moat"])
    assert present.weights_in_words(PRESETS["follow_the_money"]).endswith("; difficulty not weighed.")


def test_zero_weights_and_custom_sub_weights_are_said():
    assert "every company scores 0" in present.weights_in_words(Weights(value=0, difficulty=0, funding=0))
    text = present.weights_in_words(Weights(value=10, difficulty=0, funding=0, market=1))
    assert text.startswith("Custom weights (value 10, difficulty 0, funding 0): only more value")
    assert "value mixes market 1 and traction 1" in text and "funding mixes" not in text


@settings(max_examples=80, deadline=None)
@given(w=weights())
def test_the_words_name_each_weighed_signal_in_its_direction(w):
    text = present.weights_in_words(w)
    for signal, (more, less) in present.WEIGHT_PHRASES.items():
        x = getattr(w, signal)
        assert (more in text) == (x > 0), signal
        assert (less in text) == (x < 0), signal
    shares = [int(p) for p in re.findall(r" (\d+)%", text)]
    assert not shares or 98 <= sum(shares) <= 102


# --- the reason line --------------------------------------------------------------------------


def quotes_of(c) -> set[str]:
    found = {" ".join(f.quote.split()) for f in c.facts}
    found |= {" ".join(r.quote.split()) for r in c.rounds}
    return found | {" ".join(e.quote.split()) for e in c.evidence}


def test_a_reason_is_the_score_its_contributions_largest_first_and_a_whole_quote(ds, table):
    names = {c.id: c.name for c in ds.companies}
    w = PRESETS["balanced"]
    for c in companies(ds, table, w):
        line = present.reason_line(c, weights=w, names=names)
        assert "\n" not in line
        head, _, fact = line.partition("; ")
        assert head.startswith(f"{present.score_text(c.score)} points")
        parts = re.findall(r"(value|ease|funding) (\d+\.\d)", head)
        values = [float(v) for _, v in parts]
        assert values == sorted(values, reverse=True) and values
        assert sum(values) == pytest.approx(c.score, abs=0.16)
        quoted = re.search(r"“(.*)”", fact)
        assert quoted and quoted.group(1) in quotes_of(c)  # the quote whole, never cut
        assert ("no figure for funding" in head) == ("funding" in c.missing)


def test_the_strongest_fact_comes_first(ds, table):
    names = {c.id: c.name for c in ds.companies}
    by_id = {c.id: c for c in companies(ds, table, PRESETS["balanced"])}
    # a quantified outcome beats a product
    assert "outcome 60秒: “OpenAI的 Sora文生视频长达60秒；” (1.2.2)" in present.reason_line(by_id["openai"])
    # a disclosed round beats a product; its amount as written and in dollars
    assert "raised 2.52亿美元 ($252.0M), B轮, 2024: “Augment：" in present.reason_line(by_id["augment"])
    # a client is named by its name, given the names
    sensetime = present.reason_line(by_id["sensetime"], names=names)
    assert "client 海通证券: “海通证券：与商汤科技合作" in sensetime
    # several facts of one kind from one sentence are listed together
    assert "outcomes 超过70%, 百万行量级 (行/月)" in present.reason_line(by_id["bytedance"])


def test_difficulty_reads_as_ease_or_moat_with_the_weights(ds, table):
    c = next(c for c in companies(ds, table, PRESETS["moat"]) if c.contributions.difficulty > 1)
    assert " moat " in present.reason_line(c, weights=PRESETS["moat"])
    b = next(c for c in companies(ds, table, PRESETS["balanced"]) if c.contributions.difficulty > 1)
    assert " ease " in present.reason_line(b, weights=PRESETS["balanced"])
    assert " difficulty " in present.reason_line(b)  # without the weights: the signal's own name


def test_a_reason_with_zero_weights_is_the_score_and_the_fact(ds, table):
    zero = Weights(value=0, difficulty=0, funding=0)
    c = companies(ds, table, zero)[0]
    line = present.reason_line(c, weights=zero)
    assert line.startswith("0.0 points; ") and "no figure" not in line
