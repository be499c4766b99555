"""Amounts of money as the report writes them.

The report writes amounts the way Chinese financial press does: "2.52亿美元", "超25亿元",
"数千万元人民币", "亿级人民币", "近亿元".  :func:`parse_amount` turns such a text into a
:class:`Money`: a range (low, high) with a point estimate, the currency, and flags saying
whether the figure is approximate and whether the currency was stated.  It never guesses:
text it does not understand comes back with ``parsed=False`` and a reason.

Conventions for vague words (documented here and in data/README.md; X is the written figure,
U the unit such as 万 = 10^4 or 亿 = 10^8):

===========  ==========================  ===============  ============
written      meaning                     range            point
===========  ==========================  ===============  ============
X            exact                       [X, X]           X
超X / 逾X    more than X                 [X, 1.2X]        1.1X
X多 / 1亿多  more than X (same)          [X, 1.2X]        1.1X
近X / 将近X  nearly X                    [0.9X, X]        0.95X
约X / X左右  about X                     [0.9X, 1.1X]     X
数U          several U ("数亿" etc.)     [2U, 9U]         5U
U级          on the order of U ("亿级")  [U, 5U]          2U
近U          nearly one U ("近亿")       [0.9U, U]        0.95U
===========  ==========================  ===============  ============

Every form other than a plain exact figure is flagged ``approximate``.  A figure outside
:data:`AMOUNT_RANGE` (a thousand to ten trillion in its currency: 1e-7, 1e300, an amount typed
in millions) is not taken: it comes back unparsed with the reason, so that the loader keeps it
as written, counts it as undisclosed and says so.  Full-width figures ("３０００万") read as
their ASCII forms (NFKC); other digits are not guessed.  Conversion to US
dollars uses one rate, CNY per USD (:data:`DEFAULT_FX_CNY_PER_USD`), that the caller passes in
and the user can change.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Literal

from pydantic import BaseModel, ConfigDict

Currency = Literal["CNY", "USD"]

#: The default exchange rate, yuan per US dollar (the 2023–2024 average, rounded).
DEFAULT_FX_CNY_PER_USD = 7.2
#: The exchange rates accepted (CNY per USD): anything outside is a typing error.
FX_RANGE = (0.5, 50.0)
#: The amounts taken as a figure, in the amount's own currency: from a thousand to ten
#: trillion.  A figure outside (1e-7, 1e300, an amount written in millions as "25") is kept as
#: written and counted as undisclosed, with a warning, so that one typing error cannot
#: rescale every other company's funding signal.
AMOUNT_RANGE = (1e3, 1e13)

Qualifier = Literal["exact", "more_than", "nearly", "about", "several", "order_of"]

_UNIT_CHARS = {"十": 10, "百": 100, "千": 1_000, "万": 10_000, "亿": 100_000_000}
_EN_SUFFIX = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
}

# Currency markers, longest first so that "元人民币" wins over "元".
_CURRENCY_MARKERS: list[tuple[str, Currency]] = [
    ("元人民币", "CNY"),
    ("人民币", "CNY"),
    ("美元", "USD"),
    ("美金", "USD"),
    ("rmb", "CNY"),
    ("cny", "CNY"),
    ("usd", "USD"),
    ("us$", "USD"),
    ("元", "CNY"),
    ("¥", "CNY"),
    ("￥", "CNY"),
    ("$", "USD"),
]
_QUALIFIERS: list[tuple[str, Qualifier]] = [
    ("超过", "more_than"),
    ("将近", "nearly"),
    ("接近", "nearly"),
    ("超", "more_than"),
    ("逾", "more_than"),
    ("近", "nearly"),
    ("约", "about"),
    ("大约", "about"),
]
# Words that may follow an amount and carry no meaning for its size.
_TRAILING_WORDS = ("的融资", "融资", "估值", "左右")
_NUMBER = re.compile(r"^([0-9]+(?:\.[0-9]+)?)")


class Money(BaseModel):
    """An amount as written, with the range it stands for.

    ``low``, ``high`` and ``point`` are in units of ``currency`` (not in millions).  When the
    text names no currency, ``currency`` is the caller's default (or None) and
    ``currency_stated`` is False.  ``parsed`` False means the text was not understood; then
    every number is None and ``reason`` says why.
    """

    model_config = ConfigDict(frozen=True)

    text: str
    parsed: bool
    low: float | None = None
    high: float | None = None
    point: float | None = None
    currency: Currency | None = None
    currency_stated: bool = False
    approximate: bool = False
    qualifier: Qualifier | None = None
    reason: str = ""

    def usd(self, fx_cny_per_usd: float = DEFAULT_FX_CNY_PER_USD) -> tuple[float, float, float] | None:
        """(low, point, high) in US dollars, or None when unparsed or of unknown currency."""
        if not self.parsed or self.currency is None or self.point is None:
            return None
        rate = 1.0 if self.currency == "USD" else 1.0 / fx_cny_per_usd
        assert self.low is not None and self.high is not None
        return (self.low * rate, self.point * rate, self.high * rate)

    def usd_point(self, fx_cny_per_usd: float = DEFAULT_FX_CNY_PER_USD) -> float | None:
        v = self.usd(fx_cny_per_usd)
        return None if v is None else v[1]


def implausible(figure: float) -> str:
    """Why ``figure`` (in units of its currency) is not a plausible amount, or ""."""
    low, high = AMOUNT_RANGE
    if low <= figure <= high:
        return ""
    if figure < low:
        return (
            f"{figure:.3g} is less than any amount taken (at least {low:,.0f}); "
            "write the amount in full units (25000000 for 25 million)"
        )
    shown = f"{figure:.3g}" if math.isfinite(figure) else "the figure"
    return f"{shown} is more than any amount taken (at most {high:,.0f}, ten trillion); check it"


def _unparsed(text: str, reason: str) -> Money:
    return Money(text=text, parsed=False, reason=reason)


def _strip_currency(s: str) -> tuple[str, Currency | None]:
    low = s.lower()
    for marker, cur in _CURRENCY_MARKERS:
        if low.endswith(marker):
            return s[: len(s) - len(marker)], cur
        if low.startswith(marker):
            return s[len(marker) :], cur
    return s, None


def _units(s: str) -> float | None:
    """Multiplier of a run of unit characters such as 千万 (1e7) or 万亿 (1e12)."""
    if not s:
        return 1.0
    mult = 1.0
    for ch in s:
        if ch not in _UNIT_CHARS:
            return None
        mult *= _UNIT_CHARS[ch]
    return mult


def parse_amount(text: str | None, default_currency: Currency | None = None) -> Money:
    """Parse an amount written in the report's style (or a plain/English figure).

    ``default_currency`` is used when the text names none (e.g. "近6亿", "200亿估值");
    the result then has ``currency_stated=False`` so callers can flag the reading.
    """
    raw = "" if text is None else str(text)
    # full-width figures and signs ("３０００万", "＄5M") read as their ASCII forms
    s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", raw)).replace(",", "").replace("，", "")
    if not s:
        return _unparsed(raw, "no amount given")
    if s in {"未披露", "未透露", "不详", "undisclosed", "n/a", "na"}:
        return _unparsed(raw, "amount not disclosed")
    if s.startswith(("-", "−", "负")):
        return _unparsed(raw, "negative amount")

    changed = True
    while changed:
        changed = False
        for word in _TRAILING_WORDS:
            if s.endswith(word) and len(s) > len(word):
                s = s[: -len(word)]
                changed = True
    about_suffix = raw.strip().endswith("左右")

    s, currency = _strip_currency(s)
    currency_stated = currency is not None
    # "元" may sit between the figure and "人民币" was handled; a second marker is tolerated
    s, second = _strip_currency(s)
    if second is not None:
        if currency is not None and second != currency:
            return _unparsed(raw, "two different currencies")
        currency = second
        currency_stated = True

    qualifier: Qualifier = "about" if about_suffix else "exact"
    for word, q in _QUALIFIERS:
        if s.startswith(word):
            qualifier = q
            s = s[len(word) :]
            break

    if "多" in s:  # "1亿多", "10多亿": more than the figure
        if qualifier != "exact":
            return _unparsed(raw, "'多' with another qualifier")
        qualifier = "more_than"
        s = s.replace("多", "", 1)

    several = False
    order_of = False
    m = _NUMBER.match(s)
    if m:
        number = float(m.group(1))
        rest = s[m.end() :]
    else:
        number = None
        rest = s
    if rest.startswith("数"):
        if number is not None:
            return _unparsed(raw, "a figure and '数' together")
        several = True
        rest = rest[1:]
    if rest.endswith("级"):
        order_of = True
        rest = rest[:-1]

    mult = _units(rest)
    if mult is None:
        en = _EN_SUFFIX.get(rest.lower())
        if en is None or number is None:
            return _unparsed(raw, f"cannot read {raw.strip()!r} as an amount")
        mult = en
    if number is None and (not rest or not (several or order_of or qualifier != "exact")):
        # "亿美元" alone names no figure; "近亿", "数亿" and "亿级" imply one unit.
        return _unparsed(raw, f"no figure in {raw.strip()!r}")
    if currency is None:
        currency = default_currency

    base = (1.0 if number is None else number) * mult
    if math.isfinite(base) and base <= 0:
        return _unparsed(raw, "amount must be a positive figure")

    if several:
        if qualifier != "exact":
            return _unparsed(raw, "'数' with a qualifier")
        qualifier = "several"
        low, high, point = 2 * base, 9 * base, 5 * base
    elif order_of:
        qualifier = "order_of"
        low, high, point = base, 5 * base, 2 * base
    elif qualifier == "more_than":
        low, high, point = base, 1.2 * base, 1.1 * base
    elif qualifier == "nearly":
        low, high, point = 0.9 * base, base, 0.95 * base
    elif qualifier == "about":
        low, high, point = 0.9 * base, 1.1 * base, base
    else:
        low = high = point = base
    if reason := implausible(point):
        return _unparsed(raw, reason)

    return Money(
        text=raw,
        parsed=True,
        low=low,
        high=high,
        point=point,
        currency=currency,
        currency_stated=currency_stated,
        approximate=qualifier != "exact",
        qualifier=qualifier,
    )
