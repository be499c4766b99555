"""Add a user's companies beside the report's instead of replacing them (``main.py --add FILE``,
File → Add companies…).

:func:`add_companies` puts the companies of an added table beside the base dataset's.  One whose
name, English name or an alias is, once normalised (:func:`core.records.name_key`), the name of a
base company is the same company: its mentions, funding events and facts are attached to the
base company's id (those the base already has are not repeated), and the base company's record
is kept as it is — the report's facts are never overwritten.  The others are added, marked by the
file they come from (``Company.added_from``; :func:`added_from`).  Ids are kept unless one names a different company already there; then the added one is
renamed and a warning says so.  The result keeps the base's meta and origin, so its state key
(:func:`core.ingest.dataset_key`) — the user's shortlist, notes and facts — is the base's.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from core.ingest import DatasetError, Problem
from core.models import Company, CompanyFact, Dataset, FundingEvent, Mention
from core.paths import shown_path
from core.records import name_key

#: The fields a base company's names are matched on, strongest first, as :attr:`Merge.matched_on` says them.
MATCH_FIELDS = ("name", "English name", "alias")
#: The prefix of the warning lines that say which file added companies (one line per file).
ADDED_LINE = "added from "


class Merge(BaseModel):
    """An added company found to be a base company: its records now belong to ``report_id``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    added_id: str
    report_id: str
    added_name: str
    report_name: str
    matched_on: str  # "name" | "English name" | "alias": the base company's name that matched

    def describe(self) -> str:
        """One line a person reads: ``"Citi" (citi_added) is 花旗银行 (citibank), same alias``."""
        return (
            f"{self.added_name!r} ({self.added_id}) is {self.report_name} ({self.report_id}), "
            f"same {self.matched_on}"
        )


def _names(c: Company) -> list[tuple[str, str]]:
    """(field, name) of a company, strongest field first."""
    out = [("name", c.name)]
    if c.name_en:
        out.append(("English name", c.name_en))
    out.extend(("alias", a) for a in c.aliases)
    return out


def _file_name(extra: Dataset) -> str:
    """The added file as a person names it: its file name, else its dataset name."""
    if extra.origin:
        name = re.split(r"[\\/]", extra.origin.rstrip("/\\"))[-1]
        return shown_path(name, 80) if name else extra.origin
    return extra.name


def _slug(text: str) -> str:
    """Text made an id part (letters, digits, _ . -), never empty."""
    s = re.sub(r"[^A-Za-z0-9_.\-]+", "_", text).strip("_.-")
    return s[:40] or "added"


def _unique(base: str, taken: set[str]) -> str:
    out, n = base, 2
    while out in taken:
        out = f"{base}-{n}"
        n += 1
    taken.add(out)
    return out


def _refuse(file: str, message: str) -> DatasetError:
    return DatasetError([Problem(file, "", "", message)], file)


def _funding_key(f: FundingEvent) -> tuple:
    """What makes two funding events the same event of one company (ids and quotes aside)."""
    return (
        f.round_norm or name_key(f.round),
        f.status,
        f.date,
        name_key(f.amount_text),
        f.currency if f.amount_text else None,
        f.cumulative,
        name_key(f.valuation_text),
    )


def _same_period(a: str | None, b: str | None) -> bool:
    n = min(len(a or ""), len(b or ""))
    return not n or (a or "")[:n] == (b or "")[:n]


def _close(a: float | None, b: float | None) -> bool:
    """Two figures that are the same figure (1% apart at most), or either unknown."""
    return a is None or b is None or abs(a - b) <= 0.01 * max(abs(a), abs(b))


def _same_round(a: FundingEvent, b: FundingEvent, fx: float) -> bool:
    """Whether two funding events of one company are the same named round written twice: the same
    round (B轮 is Series B), neither a cumulative total, dates and figures that agree where both
    give them ("2024" and "2024-04"; 2.52亿美元 and $252M; a valuation one of them leaves out)."""
    if a.round_norm is None or a.round_norm != b.round_norm:
        return False
    if a.cumulative or b.cumulative or a.status != b.status or not _same_period(a.date, b.date):
        return False
    ua = a.amount.usd_point(fx) if a.amount_text else None
    ub = b.amount.usd_point(fx) if b.amount_text else None
    va, vb = a.valuation, b.valuation
    return _close(ua, ub) and _close(
        None if va is None else va.usd_point(fx), None if vb is None else vb.usd_point(fx)
    )


def _mention_key(m: Mention) -> tuple:
    return (m.company_id, m.segment, m.role)


def _fact_key(f: CompanyFact) -> tuple:
    return (f.company_id, f.kind, name_key(f.value), name_key(f.unit))


def add_companies(base: Dataset, extra: Dataset) -> tuple[Dataset, list[Merge]]:
    """``extra``'s companies beside ``base``'s, and the companies found to be base companies.

    Raises :class:`DatasetError` naming the added file when it cannot be added: a large table
    (read in columns), a base that is itself a large table, or a segment the base does not have.
    """
    file = _file_name(extra)
    if extra.columns is not None:
        raise _refuse(
            file,
            "a large table (read in columns) cannot be added to another dataset; add a smaller "
            "table (a CSV under 2 MB, or an .xlsx), or open this one on its own with --data",
        )
    if base.columns is not None:
        raise _refuse(
            file,
            f"the dataset it would be added to ({base.name}) is a large table read in columns, "
            "which takes no added companies; add the file to the report (leave --data out) or to a smaller table",
        )
    used = (
        {m.segment for m in extra.mentions}
        | {f.segment for f in extra.funding if f.segment}
        | {f.segment for f in extra.facts}
    )
    unknown = sorted(used - set(base.segment_by_ref))
    if unknown:
        known = ", ".join(base.segment_by_ref)
        raise _refuse(
            file,
            f"segment{'s' if len(unknown) > 1 else ''} {', '.join(unknown)} "
            f"{'are' if len(unknown) > 1 else 'is'} not in {base.name} (it has {known}); "
            "use those segment refs in the file's segments column, or open the file on its own with --data",
        )
    warnings: list[str] = list(base.warnings)
    for ref, seg in extra.segment_by_ref.items():
        mine = base.segment_by_ref.get(ref)
        if (
            mine is not None
            and ref in used
            and seg.model_dump(exclude={"facts"}) != mine.model_dump(exclude={"facts"})
        ):
            warnings.append(
                f"{file}: segment {ref} is defined differently there; {base.name}'s segment {ref} is used"
            )

    # the base's names: key -> (strength, company id); a name belongs to one company (validate.py)
    owner: dict[str, tuple[int, str]] = {}
    for c in base.companies:
        for field, n in _names(c):
            k = name_key(n)
            if k and (k not in owner or MATCH_FIELDS.index(field) < owner[k][0]):
                owner[k] = (MATCH_FIELDS.index(field), c.id)
    by_id = base.company_by_id
    merges: list[Merge] = []
    id_map: dict[str, str] = {}  # the added file's company id -> its id in the result
    taken = set(by_id)
    new_companies: list[Company] = []
    renamed: list[str] = []
    for c in extra.companies:
        best: tuple[int, int, str] | None = None  # (base field strength, added field strength, id)
        hits: dict[str, str] = {}  # base company id -> the added name that names it
        for j, (_, n) in enumerate(_names(c)):
            hit = owner.get(name_key(n))
            if hit is not None:
                hits.setdefault(hit[1], n)
            if hit is not None and (best is None or (hit[0], j) < best[:2]):
                best = (hit[0], j, hit[1])
        if len(hits) > 1:  # one added company, two of the base's: which one it is is a guess
            which = "; ".join(f"{n!r} is {by_id[cid].display_name} ({cid})" for cid, n in hits.items())
            raise _refuse(
                file,
                f"company {c.id} ({c.name}) has the names of {len(hits)} different companies of "
                f"{base.name}: {which}; keep the names of one company in its row (name, name_en, "
                "aliases), or give it a name of its own",
            )
        if best is not None:
            target = by_id[best[2]]
            id_map[c.id] = target.id
            merges.append(
                Merge(
                    added_id=c.id,
                    report_id=target.id,
                    added_name=c.name,
                    report_name=target.display_name,
                    matched_on=MATCH_FIELDS[best[0]],
                )
            )
            continue
        new_id = c.id
        if new_id in taken:
            new_id = _unique(f"{c.id}.{_slug(file.rsplit('.', 1)[0])}", taken)
            renamed.append(f"{c.id} → {new_id}")
        else:
            taken.add(new_id)
        id_map[c.id] = new_id
        new_companies.append(c.model_copy(update={"id": new_id, "added_from": file}))
    if renamed:
        warnings.append(
            f"{file}: {len(renamed)} id{'s' if len(renamed) > 1 else ''} already used by another "
            f"company of {base.name}, renamed: {', '.join(renamed[:10])}"
            + (f" and {len(renamed) - 10} more" if len(renamed) > 10 else "")
        )

    mentions = list(base.mentions)
    seen_m = {_mention_key(m) for m in mentions}
    for m in extra.mentions:
        m2 = m.model_copy(update={"company_id": id_map[m.company_id]})
        if _mention_key(m2) not in seen_m:
            seen_m.add(_mention_key(m2))
            mentions.append(m2)

    funding = list(base.funding)
    fund_ids = {f.id for f in funding}
    seen_f = {(f.company_id, _funding_key(f)) for f in funding}
    prefix = _slug(file)
    fx = base.meta.fx_cny_per_usd
    kept: dict[str, list[FundingEvent]] = {}
    for f in funding:
        kept.setdefault(f.company_id, []).append(f)
    for f in extra.funding:
        cid = id_map[f.company_id]
        key = (cid, _funding_key(f))
        if key in seen_f:  # the same round the base records: not twice
            continue
        if any(_same_round(g, f, fx) for g in kept.get(cid, ())):  # the same, written otherwise
            continue
        seen_f.add(key)
        fid = f.id if f.id not in fund_ids else _unique(f"{prefix}.{f.id}", fund_ids)
        fund_ids.add(fid)
        funding.append(f2 := f.model_copy(update={"id": fid, "company_id": cid}))
        kept.setdefault(cid, []).append(f2)

    facts = list(base.facts)
    seen_c = {_fact_key(f) for f in facts}
    for f in extra.facts:
        update = {"company_id": id_map[f.company_id]}
        if f.kind == "client" and f.value in id_map:
            update["value"] = id_map[f.value]
        f2 = f.model_copy(update=update)
        if _fact_key(f2) not in seen_c:
            seen_c.add(_fact_key(f2))
            facts.append(f2)

    n_merged = len({m.added_id for m in merges})
    warnings.extend(w for w in extra.warnings if w not in warnings)
    warnings.append(
        f"{ADDED_LINE}{file}: {len(new_companies)} compan{'y' if len(new_companies) == 1 else 'ies'} added, "
        f"{n_merged} merged with {base.name}'s"
    )
    digest = hashlib.sha256(f"{base.content_hash}+{extra.content_hash}".encode()).hexdigest()[:16]
    merged = Dataset(
        meta=base.meta,
        segments=base.segments,
        companies=(*base.companies, *new_companies),
        mentions=tuple(mentions),
        funding=tuple(funding),
        content_hash=digest,
        origin=base.origin,
        warnings=tuple(warnings),
        facts=tuple(facts),
        segment_numbers=base.segment_numbers,
    )
    return merged, merges


def added_from(ds: Dataset) -> dict[str, str]:
    """Company id -> the file it was added from, for the companies :func:`add_companies` added
    (empty for a dataset loaded as it is)."""
    return {c.id: c.added_from for c in ds.companies if c.added_from}


def add_files(base: Dataset, extras: Iterable[Dataset]) -> tuple[Dataset, list[Merge]]:
    """:func:`add_companies` for each dataset in turn (a later file matches the earlier ones' companies too)."""
    merges: list[Merge] = []
    for extra in extras:
        base, more = add_companies(base, extra)
        merges.extend(more)
    return base, merges
