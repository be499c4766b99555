"""The bundled dataset: faithful to the report, validated, and its errors located."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from core.ingest import DatasetError, bundled_dataset_dir, load_dataset
from core.models import normalise_round

ROOT = Path(__file__).resolve().parents[2]


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def test_bundled_dataset_loads_from_package(ds):
    assert bundled_dataset_dir().is_dir()
    assert len(ds.segments) == 9
    assert len(ds.companies) > 60
    assert ds.content_hash and len(ds.content_hash) == 16
    assert ds.meta.fx_cny_per_usd > 0
    assert ds.warnings == ()  # every amount of the report is read


def _report_sections(report_text: str) -> dict[str, str]:
    appendix = report_text[report_text.index("附录") :]
    parts = re.split(r"(?m)^\s*(1\.[1-4]\.[1-3])\s+", appendix)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def test_star_ratings_are_the_reports(ds, report_text):
    sections = _report_sections(report_text)
    assert set(sections) == {s.ref for s in ds.segments}
    labels = {
        "market": "市场空间",
        "logic": "逻辑难度",
        "compute": "算力成本",
        "corpus": "语料大小（成本）",
    }
    for seg in ds.segments:
        body = sections[seg.ref]
        assert body.startswith(seg.industry_zh), (seg.ref, body[:20])
        for attr, label in labels.items():
            m = re.search(label + r"：\s*(★+)", body)
            assert m, (seg.ref, label)
            assert getattr(seg, attr) == len(m.group(1)), (seg.ref, attr)
            assert 1 <= getattr(seg, attr) <= 5


def test_every_quote_is_verbatim_in_the_report(ds, report_text):
    text = _squash(report_text)
    quotes = [("mention", m.company_id, m.quote) for m in ds.mentions]
    quotes += [("funding", f.id, f.quote) for f in ds.funding]
    quotes += [("fact", s.ref, f.quote) for s in ds.segments for f in s.facts]
    missing = [(kind, key, q) for kind, key, q in quotes if _squash(q) not in text]
    assert not missing
    assert len(quotes) > 100


def test_quotes_name_their_company(ds):
    """Each mention's sentence names the company (by name, English name or an alias)."""
    for m in ds.mentions:
        c = ds.company_by_id[m.company_id]
        names = [_squash(n).casefold() for n in c.all_names]
        q = _squash(m.quote).casefold()
        assert any(n in q for n in names), (c.id, m.segment, m.quote)


def test_no_company_twice_under_another_spelling(ds):
    seen: dict[str, str] = {}
    for c in ds.companies:
        for n in {_squash(x).casefold() for x in c.all_names}:
            assert seen.setdefault(n, c.id) == c.id, (n, c.id, seen[n])


def test_every_company_is_mentioned_and_every_segment_populated(ds):
    for c in ds.companies:
        assert ds.mentions_by_company[c.id], c.id
    for s in ds.segments:
        assert any(m.segment == s.ref for m in ds.mentions), s.ref
        assert any(f.kind == "market" for f in s.facts), s.ref


def test_partnerships_recorded_on_both_sides(ds):
    pairs = {(m.company_id, m.segment, p) for m in ds.mentions for p in m.partners}
    assert len(pairs) >= 10
    for a, seg, b in pairs:
        assert (b, seg, a) in pairs


def test_funded_companies_have_a_funded_mention(ds):
    for f in ds.funding:
        roles = {(m.segment, m.role) for m in ds.mentions_by_company[f.company_id]}
        assert (f.segment, "funded") in roles, f.id


# Every amount form the dataset uses, read by a person: text -> (low, high) in the currency.
Y, W = 1e8, 1e4
AMOUNTS = {
    "2.52亿美元": (2.52 * Y, 2.52 * Y),
    "9.77亿美元": (9.77 * Y, 9.77 * Y),
    "1.75亿美元": (1.75 * Y, 1.75 * Y),
    "20亿美元": (20 * Y, 20 * Y),
    "9740万美元": (9740 * W, 9740 * W),
    "11.6亿美元": (11.6 * Y, 11.6 * Y),
    "6500万美元": (6500 * W, 6500 * W),
    "5亿美元": (5 * Y, 5 * Y),
    "10亿美元": (10 * Y, 10 * Y),
    "1亿美元": (1 * Y, 1 * Y),
    "1.35亿美元": (1.35 * Y, 1.35 * Y),
    "1.2亿美元": (1.2 * Y, 1.2 * Y),
    "5300万美元": (5300 * W, 5300 * W),
    "2.12亿美元": (2.12 * Y, 2.12 * Y),
    "1.5亿美元": (1.5 * Y, 1.5 * Y),
    "8.5亿美元": (8.5 * Y, 8.5 * Y),
    "超25亿元": (25 * Y, 30 * Y),
    "数千万元人民币": (2000 * W, 9000 * W),
    "亿级人民币": (1 * Y, 5 * Y),
    "数亿元": (2 * Y, 9 * Y),
    "数亿元人民币": (2 * Y, 9 * Y),
    "近6亿": (5.4 * Y, 6 * Y),
    "近亿元": (0.9 * Y, 1 * Y),
    "近5000万元": (4500 * W, 5000 * W),
    "超7亿元人民币": (7 * Y, 8.4 * Y),
    "50亿人民币": (50 * Y, 50 * Y),
    "200亿估值": (200 * Y, 200 * Y),
    "200亿": (200 * Y, 200 * Y),
}


def test_every_parsed_amount_agrees_with_its_text(ds):
    for f in ds.funding:
        for text, money in ((f.amount_text, f.amount), (f.valuation_text, f.valuation)):
            if not text:
                continue
            assert text in AMOUNTS, f"{f.id}: add {text!r} to the table of read amounts"
            assert money is not None and money.parsed, (f.id, text)
            assert (money.low, money.high) == pytest.approx(AMOUNTS[text]), (f.id, text)
            assert money.currency in {"CNY", "USD"}
            if "美元" in text:
                assert money.currency == "USD"
            elif "元" in text or "人民币" in text:
                assert money.currency == "CNY"
            else:  # the report names no currency: the reading must be explained
                assert f.ambiguity, f"{f.id}: currency of {text!r} is a reading; explain it"


def test_funding_events_are_faithful(ds):
    by_company = ds.funding_by_company
    augment = [f for f in by_company["augment"] if not f.cumulative]
    assert [(f.round_norm, f.date, f.amount_text, f.valuation_text, f.post_money) for f in augment] == [
        ("B", "2024", "2.52亿美元", "9.77亿美元", True)
    ]
    replit = by_company["replit"][0]
    assert replit.lead_investors == ("a16z",) and replit.amount.usd_point() == pytest.approx(97.4e6)
    fancy = [f for f in by_company["fancytech"] if f.round_norm == "B"]
    assert len(fancy) == 1  # reported in 1.2.2 and 1.3.2, one real round
    assert fancy[0].lead_investors == ("DCM",)
    assert {i.name for i in fancy[0].investors} >= {"金沙江创投", "华山资本"}
    assert any(f.cumulative for f in by_company["hippocratic_ai"])
    assert any(f.status == "planned" for f in by_company["baichuan"])


def test_data_readme_states_the_counts(ds):
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    facts = [f for s in ds.segments for f in s.facts]
    roles = {
        r: sum(1 for m in ds.mentions if m.role == r) for r in ("vendor", "adopter", "funded", "partner")
    }
    countries = {c: sum(1 for x in ds.companies if x.country == c) for c in ("CN", "US")}
    for n, what in (
        (len(ds.segments), "segments"),
        (len(ds.companies), "companies"),
        (len(ds.mentions), "mentions"),
        (len(ds.funding), "funding events"),
        (len(facts), r"segment\s+facts"),
        (sum(f.kind == "market" for f in facts), "market figures"),
        (sum(f.kind == "funding_stats" for f in facts), "sector funding statistics"),
        *((n, r) for r, n in roles.items()),
        *((n, c) for c, n in countries.items()),
        (sum(1 for f in ds.funding if f.ambiguity), "of the 27 funding events carry an ambiguity note"),
        (sum(len(m.partners) for m in ds.mentions), "partner links"),
    ):
        assert re.search(rf"\b{n}\b\**\s+{what}", readme), f"data/README.md should say '{n} {what}'"


@pytest.mark.parametrize(
    ("text", "norm"),
    [
        ("A+轮", "A+"),
        ("A1 轮", "A1"),
        ("A1轮", "A1"),
        ("Pre-A轮", "Pre-A"),
        ("B轮", "B"),
        ("D轮", "D"),
        ("天使轮", "Angel"),
        ("新一轮", None),
        ("", None),
        ("上市", "IPO"),
    ],
)
def test_round_normalisation(text, norm):
    assert normalise_round(text) == norm


# --- a broken copy reports every problem, located -------------------------------------------


def _edit_csv(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def broken(tmp_path) -> Path:
    dst = tmp_path / "broken"
    shutil.copytree(bundled_dataset_dir(), dst)
    return dst


def test_broken_copy_reports_every_problem_located(broken):
    _edit_csv(
        broken / "segments.csv",
        "1.1.2,Code R&D,代码研发,IT & software development,信息技术与软件开发业,5",
        "1.1.2,Code R&D,代码研发,IT & software development,信息技术与软件开发业,6",
    )
    lines = (broken / "companies.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    first_id = lines[1].split(",")[0]
    second_id = lines[2].split(",")[0]
    # a duplicate id on row 3, and a missing name on row 4
    lines[2] = first_id + lines[2][len(second_id) :]
    fields = lines[3].split(",")
    fields[1] = ""
    lines[3] = ",".join(fields)
    (broken / "companies.csv").write_text("".join(lines), encoding="utf-8")
    mlines = (broken / "mentions.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    mfields = mlines[1].split(",")
    mfields[1] = "9.9.9"
    mlines[1] = ",".join(mfields)
    (broken / "mentions.csv").write_text("".join(mlines), encoding="utf-8")

    with pytest.raises(DatasetError) as info:
        load_dataset(broken)
    found = {(p.file, p.record.split(" (")[0], p.field) for p in info.value.problems}
    assert ("segments.csv", "row 3", "market") in found
    assert ("companies.csv", "row 3", "id") in found
    assert ("companies.csv", "row 4", "name") in found
    assert ("mentions.csv", "row 2", "segment") in found
    text = str(info.value)
    assert "less than or equal to 5" in text and "9.9.9" in text and "duplicate id" in text


def test_missing_column_and_missing_file_are_reported_together(broken):
    _edit_csv(broken / "companies.csv", "id,name,", "ident,name,")
    (broken / "segments.csv").unlink()
    with pytest.raises(DatasetError) as info:
        load_dataset(broken)
    msgs = [str(p) for p in info.value.problems]
    assert any("companies.csv, header, id: required column is missing" in m for m in msgs)
    assert any(m.startswith("segments.csv: required file is missing") for m in msgs)


def test_one_sided_partnership_is_refused(broken):
    path = broken / "mentions.csv"
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    target = next(r for r in rows if r["partners"])
    partner = target["partners"].split(";")[0]
    rows = [
        r
        for r in rows
        if not (
            r["company_id"] == partner
            and r["segment"] == target["segment"]
            and target["company_id"] in r["partners"]
        )
    ]
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0]))
    w.writeheader()
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    with pytest.raises(DatasetError) as info:
        load_dataset(broken)
    assert any("one side only" in p.message for p in info.value.problems)


def test_cli_check_prints_problems_without_traceback(broken, capsys):
    import main

    _edit_csv(broken / "segments.csv", ",4,4,4,4", ",4,4,x,4")
    assert main.main(["check", "--data", str(broken)]) == 2
    err = capsys.readouterr().err
    assert "segments.csv, row 2 (1.1.1), compute" in err
    assert "Traceback" not in err
    assert main.main(["check"]) == 0
    assert "9 segments" in capsys.readouterr().out
