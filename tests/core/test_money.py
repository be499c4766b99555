"""The money parser reads every amount form the report uses, and refuses to guess."""

from __future__ import annotations

import pytest

from core.money import parse_amount

Y = 1e8  # 亿
W = 1e4  # 万

# text, default currency, (low, point, high), currency, approximate, qualifier
CASES = [
    ("2.52亿美元", None, (2.52 * Y, 2.52 * Y, 2.52 * Y), "USD", False, "exact"),
    ("9740万美元", None, (9740 * W, 9740 * W, 9740 * W), "USD", False, "exact"),
    ("1.35亿美元", None, (1.35 * Y, 1.35 * Y, 1.35 * Y), "USD", False, "exact"),
    ("10亿美元", None, (10 * Y, 10 * Y, 10 * Y), "USD", False, "exact"),
    ("1.75亿美元", None, (1.75 * Y, 1.75 * Y, 1.75 * Y), "USD", False, "exact"),
    ("6500万美元", None, (6500 * W, 6500 * W, 6500 * W), "USD", False, "exact"),
    ("5300万美元", None, (5300 * W, 5300 * W, 5300 * W), "USD", False, "exact"),
    ("36.01亿美元", None, (36.01 * Y, 36.01 * Y, 36.01 * Y), "USD", False, "exact"),
    ("50亿人民币", None, (50 * Y, 50 * Y, 50 * Y), "CNY", False, "exact"),
    ("超25亿元", None, (25 * Y, 27.5 * Y, 30 * Y), "CNY", True, "more_than"),
    ("超7亿元人民币", None, (7 * Y, 7.7 * Y, 8.4 * Y), "CNY", True, "more_than"),
    ("数千万元人民币", None, (2000 * W, 5000 * W, 9000 * W), "CNY", True, "several"),
    ("数千万元", None, (2000 * W, 5000 * W, 9000 * W), "CNY", True, "several"),
    ("数亿元", None, (2 * Y, 5 * Y, 9 * Y), "CNY", True, "several"),
    ("数亿元人民币", None, (2 * Y, 5 * Y, 9 * Y), "CNY", True, "several"),
    ("亿级人民币", None, (1 * Y, 2 * Y, 5 * Y), "CNY", True, "order_of"),
    ("近1亿元", None, (0.9 * Y, 0.95 * Y, 1 * Y), "CNY", True, "nearly"),
    ("近亿元", None, (0.9 * Y, 0.95 * Y, 1 * Y), "CNY", True, "nearly"),
    ("近5000万元", None, (4500 * W, 4750 * W, 5000 * W), "CNY", True, "nearly"),
    ("近6亿", "CNY", (5.4 * Y, 5.7 * Y, 6 * Y), "CNY", True, "nearly"),
    ("200亿估值", "CNY", (200 * Y, 200 * Y, 200 * Y), "CNY", False, "exact"),
    ("$97.4M", None, (97.4e6, 97.4e6, 97.4e6), "USD", False, "exact"),
    ("1,500,000", "USD", (1.5e6, 1.5e6, 1.5e6), "USD", False, "exact"),
    ("约3亿元", None, (2.7 * Y, 3 * Y, 3.3 * Y), "CNY", True, "about"),
    ("1亿多元", None, (1 * Y, 1.1 * Y, 1.2 * Y), "CNY", True, "more_than"),
    ("10多亿美元", None, (10 * Y, 11 * Y, 12 * Y), "USD", True, "more_than"),
]


@pytest.mark.parametrize(("text", "default", "expected", "currency", "approx", "qualifier"), CASES)
def test_report_forms(text, default, expected, currency, approx, qualifier):
    m = parse_amount(text, default)
    assert m.parsed, m.reason
    assert (m.low, m.point, m.high) == pytest.approx(expected)
    assert m.low <= m.point <= m.high
    assert m.currency == currency
    assert m.approximate is approx
    assert m.qualifier == qualifier
    assert m.text == text


def test_unstated_currency_is_flagged_not_invented():
    m = parse_amount("近6亿")
    assert m.parsed and m.currency is None and not m.currency_stated
    assert m.usd() is None
    stated = parse_amount("近6亿元", "USD")
    assert stated.currency == "CNY" and stated.currency_stated


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "no amount"),
        (None, "no amount"),
        ("未披露", "not disclosed"),
        ("-5亿元", "negative"),
        ("abc", "cannot read"),
        ("很多钱", "cannot read"),
        ("亿美元", "no figure"),
        ("5亿美元港元", "cannot read"),
        ("3数亿", "figure and '数'"),
        ("0元", "positive"),
        ("1e999亿", "cannot read"),
        ("12.3.4亿", "cannot read"),
    ],
)
def test_garbage_is_unparsed_with_a_reason(text, reason):
    m = parse_amount(text)
    assert not m.parsed
    assert reason in m.reason
    assert m.low is m.high is m.point is None
    assert m.usd() is None


def test_usd_conversion_uses_the_given_rate():
    m = parse_amount("72亿元")
    assert m.usd(7.2) == pytest.approx((1e9, 1e9, 1e9))
    assert m.usd_point(8.0) == pytest.approx(9e8)
    assert parse_amount("1亿美元").usd(100.0) == pytest.approx((1e8, 1e8, 1e8))
