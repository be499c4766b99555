"""The companies of a large import, kept in columns: a :class:`core.source.CompanyStore`.

A universe of tens of thousands to a million companies stays one pandas column per field of
the import format.  The pydantic records of one company are made when they are asked for (the
detail view, a memo), never a million of them; the signal columns of every company are made
by array operations, under the definitions of :mod:`core.signals` (the tests check that they
equal the record path's, company by company).
"""

from __future__ import annotations

from functools import cached_property

import numpy as np
import pandas as pd

from core.ingest.arrays import map_unique, plain_numbers, plausible, squash, stated_currency
from core.ingest.import_format import COLUMNS, FUNDING_COLUMNS, funding_date, row_records, split_refs
from core.money import parse_amount
from core.records import ROLES, Company, FundingEvent, Mention, Role, Segment, normalise_round, round_stage
from core.source import BASE_SIGNALS, DEFAULT_UNIVERSE, SEGMENT_SIGNALS, SignalColumns, universe_roles

_REFS = r"[;；,，]"


class CompanyFrame:
    """The companies of a large import, one column per field, one row per company."""

    def __init__(self, source: str, df: pd.DataFrame, segments: tuple[Segment, ...]) -> None:
        self.source = source
        self.df = df.reset_index(drop=True)
        self.segments = segments
        self._index = pd.Index(self.df["id"])
        self._segment_order = {s.ref: i for i, s in enumerate(segments)}
        self._has_funding = (
            self.df[[c for c in FUNDING_COLUMNS if c in self.df]].notna().any(axis=1).to_numpy()
        )
        present = self.df["segments"].dropna()
        self._n_mentions = (
            int(present.str.split(_REFS, regex=True).explode().str.strip().ne("").sum())
            if len(present)
            else 0
        )

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
        pos = self._index.get_loc(company_id)
        row = self.df.iloc[int(pos)]
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
    def _search_text(self) -> np.ndarray:
        """Every name and alias squashed, joined by a unit separator (core.source.search_key);
        made once (it depends on neither the universe nor the exchange rate)."""
        df = self.df
        # (squash drops the unit separator: the aliases are split at a private-use mark instead)
        aliases = df["aliases"].fillna("").str.replace(r"[;；]", "\ue000", regex=True)
        aliases = squash(aliases).str.replace("\ue000", "\x1f", regex=False)
        search = squash(df["name"]) + "\x1f" + squash(df["name_en"]) + "\x1f" + aliases
        return search.to_numpy(dtype=object)

    # --- the SignalSource question --------------------------------------------------------------

    def signal_columns(self, fx_cny_per_usd: float, universe: str = DEFAULT_UNIVERSE) -> SignalColumns:
        """Every raw signal of every company, by array operations (see core.signals).

        A row is one company with one role in each of its segments (its ``role`` cell, else
        funded when it has funding, else vendor) and at most one funding event, in its first
        segment: it is in a universe when that role is one of the universe's, or when it has
        funding and ``funded`` is one of them (then in its first segment only, unless its role
        already puts it in all of them) - the rule of core.source.RecordStore.universe_segments.
        """
        df = self.df
        n = len(df)
        refs = tuple(s.ref for s in self.segments)
        col = {r: j for j, r in enumerate(refs)}
        member = np.zeros((n, len(refs)), dtype=bool)
        first = np.full(n, -1, dtype=np.int64)  # the column of each row's first segment
        segs = df["segments"]
        has = segs.notna()
        if has.any():
            exploded = segs[has].str.split(_REFS, regex=True).explode().str.strip()
            exploded = exploded[exploded.ne("")]
            firsts = exploded.groupby(level=0).first()
            firsts = firsts[firsts.isin(col.keys())]
            first[firsts.index.to_numpy()] = firsts.map(col).to_numpy(dtype=np.int64)
            exploded = exploded[exploded.isin(col.keys())]
            member[exploded.index.to_numpy(), exploded.map(col).to_numpy(dtype=np.int64)] = True
        count = member.sum(axis=1)
        roles_text = df["role"].fillna(
            pd.Series(np.where(self._has_funding, "funded", "vendor"), index=df.index)
        )
        wanted = universe_roles(universe)
        if wanted is None:
            in_universe = np.ones(n, dtype=bool)
            umember = member
        else:
            plays = roles_text.isin(wanted).to_numpy() & (count > 0)
            umember = member & plays[:, None]
            in_universe = plays.copy()
            if "funded" in wanted:
                in_universe |= self._has_funding
                by_funding = np.flatnonzero(self._has_funding & ~plays & (first >= 0))
                umember[by_funding, first[by_funding]] = True
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
            words = text.notna() & np.isnan(plain_numbers(text))
            return map_unique(text[words], stated_currency).reindex(df.index)

        fund_cur = df["funding_currency"].fillna(stated("funding_amount")).fillna("USD")
        val_cur = df["valuation_currency"].fillna(stated("valuation")).fillna(fund_cur)
        amount_usd, amount_approx = _amounts(df["funding_amount"], fund_cur, fx_cny_per_usd)
        valuation_usd, valuation_approx = _amounts(df["valuation"], val_cur, fx_cny_per_usd)
        raw["capital"] = amount_usd
        raw["valuation"] = valuation_usd
        normal = map_unique(df["funding_date"], funding_date).astype("str")
        parts = normal.str.extract(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$").astype(float)
        y, m, d = parts[0].to_numpy(), parts[1].to_numpy(), parts[2].to_numpy()
        raw["recency"] = np.where(
            np.isnan(m),
            y + 0.5,
            np.where(np.isnan(d), y + (m - 0.5) / 12, y + (m - 1) / 12 + (d - 0.5) / 365),
        )
        stages = {t: round_stage(normalise_round(t)) for t in df["funding_round"].dropna().unique()}
        raw["stage"] = df["funding_round"].map(stages, na_action="ignore").astype(float).to_numpy()
        role_member = np.zeros((n, len(ROLES)), dtype=bool)
        for j, r in enumerate(ROLES):
            role_member[:, j] = (roles_text == r).to_numpy() & (count > 0)

        return SignalColumns(
            ids=df["id"].to_numpy(dtype=object),
            names=df["name"].to_numpy(dtype=object),
            raw=raw,
            funding_total_usd=amount_usd,
            funding_approx=amount_approx,
            latest_valuation_usd=valuation_usd,
            fx_cny_per_usd=fx_cny_per_usd,
            countries=df["country"].fillna("").str.upper().to_numpy(dtype=str),
            segment_refs=refs,
            segment_member=umember,
            role_member=role_member,
            search_text=self._search_text,
            valuation_approx=valuation_approx,
            universe=universe,
            in_universe=in_universe,
            kinds=(df["kind"] if "kind" in df else pd.Series("other", index=df.index))
            .fillna("other")
            .to_numpy(dtype=object),
        )


def _amounts(text: pd.Series, currency: pd.Series, fx: float) -> tuple[np.ndarray, np.ndarray]:
    """US-dollar point estimates (NaN when none) and whether each is approximate."""
    usd = np.full(len(text), np.nan)
    approx = np.zeros(len(text), dtype=bool)
    has = text.notna().to_numpy()
    if not has.any():
        return usd, approx
    plain = plain_numbers(text)
    cur = currency.fillna("USD").to_numpy(dtype=object)
    is_plain = plausible(plain)  # an implausible figure is undisclosed, as parse_amount says
    rate = np.where(cur == "CNY", 1.0 / fx, 1.0)
    usd[is_plain] = plain[is_plain] * rate[is_plain]
    approx[is_plain] = cur[is_plain] == "CNY"
    rest = has & np.isnan(plain)
    if rest.any():
        texts = text[rest]
        curs = currency[rest].fillna("USD")
        parsed = {}
        for t, c in set(zip(texts, curs, strict=True)):
            m = parse_amount(t, c)
            v = m.usd_point(fx)
            parsed[(t, c)] = (np.nan, False) if v is None else (v, bool(m.approximate or m.currency != "USD"))
        vals = [parsed[(t, c)] for t, c in zip(texts, curs, strict=True)]
        usd[rest] = [v for v, _ in vals]
        approx[rest] = [a for _, a in vals]
    return usd, approx
