"""The presentation vocabulary: money, rounds, dates, scores, stability and labels."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import present
from core.ingest import load_dataset
from core.models import ROLES
from core.results import RoundOut
from core.scoring import MISSING_POLICIES, PRESETS, STABILITY_TOP_K
from core.signals import UNIVERSES

# --- money ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "approximate", "text"),
    [
        (2.52e8, False, "$252.0M"),
        (6.944e7, True, "≈ $69.4M"),
        (1e9, False, "$1.00B"),
        (2.7778e9, True, "≈ $2.78B"),
        (950e3, False, "$950K"),
        (950e3, True, "≈ $950K"),
        (45e3, False, "$45.0K"),
        (9_500, True, "≈ $9.5K"),
        (999_960, True, "≈ $1.0M"),  # rounds up to the next unit, never "$1000K"
        (999.7, False, "$1.0K"),
        (694_444_444.44, True, "≈ $694.4M"),  # the memo once showed "≈ $694,444,444"
        (694, True, "≈ $690"),
        (12, False, "$12"),
        (None, True, "—"),
        (math.nan, False, "—"),
        (math.inf, True, "—"),
    ],
)
def test_usd_reads_in_units(value, approximate, text):
    assert present.usd(value, approximate) == text


_FIGURE = re.compile(r"^(≈ )?\$([\d,]+(?:\.\d+)?)([KMB]?)$")
_UNIT = {"": 1.0, "K": 1e3, "M": 1e6, "B": 1e9}


def _last_digit_place(figure: str, unit: str) -> float:
    """The place value (in dollars) of the last non-zero digit written."""
    whole, _, frac = figure.replace(",", "").partition(".")
    digits = (whole + frac).rstrip("0")
    if not digits.strip("0"):
        return math.inf  # "$0": no digit claims any precision
    return 10.0 ** (len(whole) - len(digits)) * _UNIT[unit]


@given(st.floats(min_value=0.01, max_value=1e13, allow_nan=False, allow_infinity=False))
def test_an_approximate_figure_is_never_shown_to_the_dollar(value):
    text = present.usd(value, approximate=True)
    m = _FIGURE.match(text)
    assert m and m.group(1), text
    figure, unit = m.group(2), m.group(3)
    assert _last_digit_place(figure, unit) >= 10, text
    if value >= 1000:
        assert unit, text  # in K, M or B
        shown = float(figure.replace(",", "")) * _UNIT[unit]
        assert shown == pytest.approx(value, rel=0.05), text


@given(st.floats(min_value=1000, max_value=1e13, allow_nan=False, allow_infinity=False))
def test_an_exact_figure_reads_close_to_its_value_and_has_no_approx_mark(value):
    text = present.usd(value, approximate=False)
    m = _FIGURE.match(text)
    assert m and not m.group(1) and m.group(3), text
    shown = float(m.group(2).replace(",", "")) * _UNIT[m.group(3)]
    assert shown == pytest.approx(value, rel=0.05)
    assert not re.search(r"\d{4}", m.group(2)), text  # thousands are grouped, never "1000K"


@given(st.floats(min_value=1, max_value=1e13, allow_nan=False, allow_infinity=False), st.booleans())
def test_usd_unit_is_the_unit_usd_writes(value, approximate):
    divisor, decimals, suffix = present.usd_unit(value)
    text = present.usd(value, approximate)
    if value >= 1000:
        assert text.endswith(suffix) and suffix
        assert len(text.rpartition(".")[2]) - len(suffix) == decimals or (decimals == 0 and "." not in text)


def test_figures_round_half_up_as_a_spreadsheet_does():
    assert present.fixed(0.125, 2) == "0.13"
    assert present.fixed(12.25, 1) == "12.3"
    assert present.fixed(1234.5, 0) == "1,235"
    assert present.score_text(12.25) == "12.3"
    assert present.stability_text(0.645) == "65%" and present.stability_text(None) == "—"


# --- rounds ---------------------------------------------------------------------------------


@dataclass
class R:
    round: str = ""
    status: str = "completed"
    date: str | None = None
    cumulative: bool = False
    amount_text: str = ""
    valuation_text: str = ""


@pytest.mark.parametrize(
    ("record", "label"),
    [
        (R("B轮", amount_text="2.52亿美元", valuation_text="9.77亿美元"), "B轮"),
        (R("B轮", status="planned", valuation_text="200亿估值"), "B轮 (planned; valuation only)"),
        (R("B轮", status="planned", amount_text="1亿元"), "B轮 (planned)"),
        (R(cumulative=True, amount_text="超25亿元"), "total to date"),
        (R("A轮", cumulative=True, amount_text="50亿人民币"), "A轮 (total to date)"),
        (R(amount_text="1亿美元"), "unnamed round"),
        (R(valuation_text="5亿美元"), "valuation"),
        (R(status="planned"), "unnamed round (planned)"),
        (R("新一轮", amount_text="数亿元"), "新一轮"),
    ],
)
def test_round_labels(record, label):
    assert present.round_label(record) == label


@given(
    st.sampled_from(["", "B轮", "Pre-A轮", "新一轮"]),
    st.sampled_from(["completed", "planned"]),
    st.booleans(),
    st.sampled_from(["", "1亿元"]),
    st.sampled_from(["", "10亿元"]),
)
def test_a_round_label_is_never_bare_and_says_planned(name, status, cumulative, amount, valuation):
    label = present.round_label(R(name, status, None, cumulative, amount, valuation))
    assert label and label.strip().lower() != "round"
    assert ("planned" in label) == (status == "planned")
    assert ("total to date" in label) == cumulative
    assert label.startswith(name)


def test_latest_round_is_the_latest_completed_named_or_dated_round():
    rounds = [
        R("Pre-A轮", date="2022"),
        R("B轮", date="2023-09", amount_text="近亿元"),
        R("A轮", date="2022-11"),
        R("C轮", status="planned"),  # planned: not a round yet
        R(cumulative=True, date="2024-01", amount_text="5亿元"),  # a total, not a round
    ]
    assert present.latest_round(rounds) == "B轮 (2023-09)"
    assert present.latest_round([R("A1轮"), R("A轮")]) == "A1轮"  # undated: the later stage
    assert present.latest_round([R("A轮"), R("B轮", date="2021")]) == "B轮 (2021)"  # a dated one wins
    assert present.latest_round([R(date="2024", amount_text="1亿美元")]) == "unnamed round (2024)"
    assert present.latest_round([R(amount_text="近5000万元")]) == ""  # no name, no date
    assert present.latest_round([]) == "" and present.round_text("") == "—"


def test_bundled_rounds_read_as_the_report_writes_them():
    ds = load_dataset()
    assert present.latest_round(ds.funding_of("augment")) == "B轮 (2024)"
    assert present.latest_round(ds.funding_of("shengshu")) == "新一轮 (2024-03-12)"
    assert present.latest_round(ds.funding_of("zhipu_ai")) == ""  # a cumulative total only
    planned = next(f for f in ds.funding_of("baichuan") if f.status == "planned")
    assert present.round_label(planned) == "B轮 (planned; valuation only)"
    # a RoundOut reads the same as the record it comes from
    fields = set(RoundOut.model_fields)
    for f in ds.funding:
        data = {k: getattr(f, k) for k in fields if hasattr(f, k)}
        out = RoundOut.model_construct(**data)
        assert present.round_label(out) == present.round_label(f)


def test_dates_as_written():
    assert present.date_text("2024-03", "2024年3月") == "2024-03"
    assert present.date_text("2024") == "2024"
    assert present.date_text(None, "年初") == "年初"
    assert present.date_text(None) == "—"


# --- scores, signals, ranks, stability, labels ----------------------------------------------


def test_scores_signals_ranks_and_stars():
    assert present.score_text(98.34567) == "98.3" and present.score_text(None) == "—"
    assert present.signal_text(0.8343) == "0.83" and present.signal_text(0.0, missing=True) == "n/a"
    assert present.rank_text(1024) == "1,024" and present.rank_text(0) == "—"
    assert present.rank_text(8, True) == "8=" and present.rank_text(8, False) == "8"
    assert present.rank_text(0, True) == "—"  # not ranked: no place to share
    assert present.delta_text(3) == "▲3" and present.delta_text(-2) == "▼2" and present.delta_text(0) == ""
    assert present.stars(4) == "★★★★☆" and present.stars(0) == "☆☆☆☆☆" and present.stars(9) == "★★★★★"
    assert present.name_text("智谱AI", "Zhipu AI") == "智谱AI  ·  Zhipu AI"
    assert present.name_text("Replit", "Replit") == "Replit"


def test_stability_sentence_in_every_state():
    k = STABILITY_TOP_K
    assert "all weights are zero" in present.stability_sentence(0.5, top_k=k, all_zero=True)
    assert "stop moving" in present.stability_sentence(None, top_k=k, all_zero=False, computed=False)
    assert "outside the best 2,000" in present.stability_sentence(None, top_k=k, all_zero=False)
    text = present.stability_sentence(0.65, top_k=k, all_zero=False)
    assert text == (
        "Rank stability: 65%, the share of 500 random ±20% changes of the weights that keep the "
        "company in the top 10."
    )
    assert present.stability_definition(5, seed=True).endswith("top 5 (random seed 0)")


def test_labels_cover_every_policy_kind_role_and_preset():
    for p in MISSING_POLICIES:
        assert present.policy_label(p) != p and present.policy_sentence(p) != p
    assert present.policy_sentence("neutral", capital=True) == "Undisclosed figures count as neutral (0.5)"
    assert present.kind_label("ai_vendor") == "AI vendor" and present.kind_label("food_maker") == "food maker"
    assert present.role_label("funded") == "Funded"
    for role in ROLES:
        assert present.role_label(role) in present.ROLE_LABELS.values()
    for universe in UNIVERSES:
        assert present.universe_label(universe) != universe
        assert present.universe_sentence(universe).startswith(universe)
    assert present.not_ranked_reason(False, "providers") == "not ranked: outside the providers universe"
    assert present.not_ranked_reason(True, "providers") == present.NOT_RANKED
    for name in PRESETS:
        assert present.preset_label(name) != name
    assert present.preset_label(None) == "custom weights"
