"""The companies of a large import, kept in columns: a :class:`core.source.CompanyStore`.

A universe of tens of thousands to a million companies stays one pandas column per field of
the import format.  The pydantic records of one company are made when they are asked for (the
detail view, a memo), never a million of them; the signal columns of every company are made
by array operations, under the definitions of :mod:`core.signals` (the tests check that they
equal the record path's, company by company).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from core.ingest.arrays import (
    arrow,
    exploded_refs,
    lookup,
    map_unique,
    plain_numbers,
    plausible,
    squash_arrow,
    stated_currency,
)
from core.ingest.import_format import COLUMNS, FUNDING_COLUMNS, funding_date, row_records, split_refs
from core.money import parse_amount
from core.records import ROLES, Company, FundingEvent, Mention, Role, Segment, normalise_round, round_stage
from core.source import (
    BASE_SIGNALS,
    DEFAULT_UNIVERSE,
    SEGMENT_SIGNALS,
    IdLookup,
    SignalColumns,
    universe_roles,
)


class CompanyFrame:
    """The companies of a large import, one column per field, one row per company."""

    def __init__(
        self,
        source: str,
        df: pd.DataFrame,
        segments: tuple[Segment, ...],
        refs: tuple[np.ndarray, pa.Array] | None = None,
        search_text: pa.Array | None = None,
        numbers: dict[str, np.ndarray] | None = None,
    ) -> None:
        """``refs`` is :func:`core.ingest.arrays.exploded_refs` of the segments column, when the
        reader has it already; ``search_text`` the search text of every row (as
        :attr:`_search_text` makes it) and ``numbers`` the
        :func:`core.ingest.arrays.plain_numbers` of amount columns, when the reader made them."""
        self.source = source
        self.df = df.reset_index(drop=True)
        self.segments = segments
        self._segment_order = {s.ref: i for i, s in enumerate(segments)}
        self._has_funding = (
            self.df[[c for c in FUNDING_COLUMNS if c in self.df]].notna().any(axis=1).to_numpy()
        )
        self._refs = exploded_refs(self.df["segments"]) if refs is None else refs
        self._n_mentions = len(self._refs[0])
        self._numbers = dict(numbers or {})
        if search_text is not None:
            self.__dict__["_search_text"] = search_text  # (the cached property, made already)

    def _plain(self, name: str) -> np.ndarray:
        """:func:`core.ingest.arrays.plain_numbers` of a column, made once."""
        if name not in self._numbers:
            self._numbers[name] = plain_numbers(self.df[name])
        return self._numbers[name]

    @cached_property
    def _ids(self) -> pa.Array:
        return arrow(self.df["id"])

    @cached_property
    def _lookup(self) -> IdLookup:
        return IdLookup(self._ids)

    def _position(self, company_id: str) -> int:
        """The row of a company id (:class:`core.source.IdLookup`: a hash index of the ids
        would hold a Python string per company)."""
        pos = self._lookup.find(company_id)
        if pos < 0:
            raise KeyError(company_id)
        return pos

    # --- the CompanyStore questions -------------------------------------------------------------

    @property
    def n_companies(self) -> int:
        return len(self.df)

    @property
    def n_mentions(self) -> int:
        return self._n_mentions

    @property
    def n_funding(self) -> int:
        return int(self._has_funding.sum())

    def _cells(self, company_id: str) -> tuple[dict, int]:
        row = self.df.iloc[self._position(company_id)]
        cells = {k: (None if pd.isna(v) else str(v)) for k, v in row.items() if k in COLUMNS}
        return cells, int(row["_row"])

    def company(self, company_id: str) -> Company:
        cells, number = self._cells(company_id)
        return Company.model_validate(row_records(cells, number, self.source)[0])

    def mentions_of(self, company_id: str) -> tuple[Mention, ...]:
        cells, number = self._cells(company_id)
        return tuple(Mention.model_validate(m) for m in row_records(cells, number, self.source)[1])

    def funding_of(self, company_id: str) -> tuple[FundingEvent, ...]:
        cells, number = self._cells(company_id)
        f = row_records(cells, number, self.source)[2]
        return () if f is None else (FundingEvent.model_validate(f),)

    def segments_of(self, company_id: str) -> tuple[str, ...]:
        cells, _ = self._cells(company_id)
        refs = set(split_refs(cells.get("segments")))
        return tuple(sorted(refs, key=lambda r: self._segment_order.get(r, len(self._segment_order))))

    def roles_of(self, company_id: str) -> tuple[Role, ...]:
        roles = {m.role for m in self.mentions_of(company_id)}
        return tuple(r for r in ROLES if r in roles)

    def country_counts(self) -> dict[str, int]:
        return {str(k): int(v) for k, v in self.df["country"].dropna().str.upper().value_counts().items()}

    @cached_property
    def _search_text(self) -> pa.Array:
        """Every name and alias squashed, joined by a unit separator (core.source.search_key);
        made once (it depends on neither the universe nor the exchange rate), in Arrow."""
        df = self.df
        # (squash drops the unit separator: the aliases are split at a private-use mark instead)
        aliases = pc.replace_substring_regex(pc.fill_null(arrow(df["aliases"]), ""), "[;；]", "\ue000")
        aliases = pc.replace_substring(squash_arrow(aliases), "\ue000", "\x1f")
        sep = pa.scalar("\x1f", type=pa.large_string())
        return pc.binary_join_element_wise(
            squash_arrow(arrow(df["name"])), squash_arrow(arrow(df["name_en"])), aliases, sep
        )

    # --- the SignalSource question --------------------------------------------------------------

    def signal_columns(
        self,
        fx_cny_per_usd: float,
        universe: str = DEFAULT_UNIVERSE,
        *,
        check: Callable[[], None] | None = None,
    ) -> SignalColumns:
        """Every raw signal of every company, by array operations (see core.signals).

        A row is one company with one role in each of its segments (its ``role`` cell, else
        funded when it has funding, else vendor) and at most one funding event, in its first
        segment: it is in a universe when that role is one of the universe's, or when it has
        funding and ``funded`` is one of them (then in its first segment only, unless its role
        already puts it in all of them) - the rule of core.source.RecordStore.universe_segments.
        """

        def cancel_point() -> None:
            if check is not None:
                check()

        df = self.df
        n = len(df)
        refs = tuple(s.ref for s in self.segments)
        member = np.zeros((n, len(refs)), dtype=bool)
        first = np.full(n, -1, dtype=np.int64)  # the column of each row's first segment
        parents, pieces = self._refs
        if len(parents):
            known = pa.array(list(refs), type=pieces.type)
            code = pc.fill_null(pc.index_in(pieces, value_set=known), -1).to_numpy().astype(np.int64)
            rows, at = np.unique(parents, return_index=True)  # each row's first reference
            first[rows] = code[at]  # (-1 when it is not a known segment)
            ok = code >= 0
            member[parents[ok], code[ok]] = True
        cancel_point()
        count = member.sum(axis=1)
        # each row's role: its cell, else funded when it has funding, else vendor (one bool
        # column per role: no text per row)
        role = df["role"]
        unset = role.isna().to_numpy(dtype=bool)
        plays_role = {
            r: role.eq(r).fillna(False).to_numpy(dtype=bool)
            | (
                unset
                & (self._has_funding if r == "funded" else ~self._has_funding if r == "vendor" else False)
            )
            for r in ROLES
        }
        wanted = universe_roles(universe)
        if wanted is None:
            in_universe = np.ones(n, dtype=bool)
            umember = member
        else:
            plays = np.logical_or.reduce([plays_role[r] for r in wanted]) & (count > 0)
            umember = member & plays[:, None]
            in_universe = plays.copy()
            if "funded" in wanted:
                in_universe |= self._has_funding
                by_funding = np.flatnonzero(self._has_funding & ~plays & (first >= 0))
                umember[by_funding, first[by_funding]] = True
        cancel_point()
        ucount = umember.sum(axis=1)
        raw = {k: np.full(n, np.nan) for k in BASE_SIGNALS}
        with np.errstate(invalid="ignore", divide="ignore"):
            for k in SEGMENT_SIGNALS:
                stars = np.array([getattr(s, k) for s in self.segments], dtype=np.float64)
                raw[k] = np.where(ucount > 0, (umember @ stars) / np.maximum(ucount, 1), np.nan)

        # the currencies row_records gives: the cell, else what the text says, else USD; a
        # valuation falls back to the funding's currency
        def stated(name: str) -> pd.Series:
            text = df[name]
            words = text.notna() & np.isnan(self._plain(name))
            return map_unique(text[words], stated_currency).reindex(df.index)

        cancel_point()
        fund_cur = df["funding_currency"].fillna(stated("funding_amount")).fillna("USD")
        cancel_point()
        val_cur = df["valuation_currency"].fillna(stated("valuation")).fillna(fund_cur)
        cancel_point()
        amount_usd, amount_approx = _amounts(
            df["funding_amount"], fund_cur, fx_cny_per_usd, self._plain("funding_amount")
        )
        cancel_point()
        valuation_usd, valuation_approx = _amounts(
            df["valuation"], val_cur, fx_cny_per_usd, self._plain("valuation")
        )
        raw["capital"] = amount_usd
        raw["valuation"] = valuation_usd
        cancel_point()
        raw["recency"] = lookup(df["funding_date"], _year_fraction, np.nan, np.float64)
        cancel_point()
        raw["stage"] = lookup(df["funding_round"], _stage, np.nan, np.float64)
        cancel_point()
        role_member = np.zeros((n, len(ROLES)), dtype=bool)
        for j, r in enumerate(ROLES):
            role_member[:, j] = plays_role[r] & (count > 0)

        cancel_point()
        return SignalColumns(
            ids=arrow(df["id"]),  # (Arrow: the table makes one Python string each, in its order)
            names=arrow(df["name"]),
            raw=raw,
            funding_total_usd=amount_usd,
            funding_approx=amount_approx,
            latest_valuation_usd=valuation_usd,
            fx_cny_per_usd=fx_cny_per_usd,
            countries=lookup(df["country"], str.upper, "", dtype="<U2"),
            segment_refs=refs,
            segment_member=umember,
            role_member=role_member,
            search_text=self._search_text,
            valuation_approx=valuation_approx,
            universe=universe,
            in_universe=in_universe,
            # (a few distinct kinds: one Python string each, shared by the rows)
            kinds=lookup(df["kind"], str, "other") if "kind" in df else np.full(n, "other", dtype=object),
        )


def _amounts(
    text: pd.Series, currency: pd.Series, fx: float, plain: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """US-dollar point estimates (NaN when none) and whether each is approximate; ``plain`` is
    :func:`core.ingest.arrays.plain_numbers` of ``text`` when made already."""
    usd = np.full(len(text), np.nan)
    approx = np.zeros(len(text), dtype=bool)
    has = text.notna().to_numpy()
    if not has.any():
        return usd, approx
    plain = plain_numbers(text) if plain is None else plain
    cny = currency.eq("CNY").fillna(False).to_numpy(dtype=bool)
    is_plain = plausible(plain)  # an implausible figure is undisclosed, as parse_amount says
    rate = np.where(cny, 1.0 / fx, 1.0)
    usd[is_plain] = plain[is_plain] * rate[is_plain]
    approx[is_plain] = cny[is_plain]
    rest = has & np.isnan(plain)
    if rest.any():  # words: parsed once per distinct (text, currency)
        texts = text[rest].to_numpy(dtype=object)
        curs = currency[rest].fillna("USD").to_numpy(dtype=object)
        codes, _ = pd.factorize(pd.MultiIndex.from_arrays([texts, curs]))
        _, at = np.unique(codes, return_index=True)
        got_usd = np.full(len(at), np.nan)
        got_approx = np.zeros(len(at), dtype=bool)
        for j, i in enumerate(at):
            m = parse_amount(texts[i], curs[i])
            v = m.usd_point(fx)
            if v is not None:
                got_usd[j], got_approx[j] = v, bool(m.approximate or m.currency != "USD")
        usd[rest] = got_usd[codes]
        approx[rest] = got_approx[codes]
    return usd, approx


_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def _year_fraction(text: str) -> float:
    """A funding date as a fractional year (mid-period when only the year or month is known)."""
    m = _DATE.match(str(funding_date(text)))
    if m is None:
        return np.nan
    y = float(m.group(1))
    if m.group(2) is None:
        return y + 0.5
    mo = float(m.group(2))
    if m.group(3) is None:
        return y + (mo - 0.5) / 12
    return y + (mo - 1) / 12 + (float(m.group(3)) - 0.5) / 365


def _stage(text: str) -> float:
    stage = round_stage(normalise_round(text))
    return np.nan if stage is None else float(stage)
