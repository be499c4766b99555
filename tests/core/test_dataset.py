"""The bundled dataset: faithful to the report, validated, and its errors located."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from core.ingest import DatasetError, bundled_dataset_dir, load_dataset
from core.models import ADOPTER_ROLES, PROVIDER_ROLES, ROLES, normalise_round
from core.records import COMPANY_FACT_KINDS, SEGMENT_NUMBER_KINDS

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
    quotes += [("company fact", f.company_id, f.quote) for f in ds.facts]
    quotes += [("segment number", n.segment, n.quote) for n in ds.segment_numbers]
    missing = [(kind, key, q) for kind, key, q in quotes if _squash(q) not in text]
    assert not missing
    assert len(quotes) > 400


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


# --- roles: who provides, who adopts -----------------------------------------------------------


def test_roles_say_who_provides_and_who_adopts(ds):
    roles = {(m.company_id, m.segment, m.role) for m in ds.mentions}
    # a service to a named client is a vendor's (the report's pattern: 硅心科技 for 国金证券)
    for cid, seg in (
        ("sensetime", "1.1.1"),
        ("amazon", "1.1.2"),
        ("huawei", "1.4.1"),
        ("formation_bio", "1.4.1"),
    ):
        assert (cid, seg, "vendor") in roles and (cid, seg, "partner") not in roles, cid
    # those who receive 七火山's Lava service adopt it
    for cid in ("bytedance", "xiaomi", "kuaishou"):
        assert (cid, "1.2.2", "adopter") in roles and (cid, "1.2.2", "partner") not in roles, cid
    # 晶泰科技 is named only for its listing
    assert [(m.segment, m.role) for m in ds.mentions_by_company["xtalpi"]] == [("1.4.1", "listed")]
    assert ds.company_by_id["xtalpi"].kind == "ai_vendor" and ds.company_by_id["xtalpi"].listed == "listed"
    # universities are research, on neither side
    for cid in ("bit", "uc"):
        assert {m.role for m in ds.mentions_by_company[cid]} == {"research"}, cid
        assert ds.company_by_id[cid].kind == "research"
    uc = ds.company_by_id["uc"]
    assert (uc.name, uc.country) == ("加州大学", "US") and "campus" in uc.note
    assert [(m.segment, m.role) for m in ds.mentions_by_company["uc"]] == [("1.2.2", "research")]
    assert ds.company_by_id["accenture"].kind == "other"  # only an adopter in the report
    assert set(PROVIDER_ROLES) == {"vendor", "funded", "listed"} and ADOPTER_ROLES == ("adopter",)


def test_no_company_is_on_a_side_through_a_partner_row_alone(ds):
    for c in ds.companies:
        roles = {m.role for m in ds.mentions_by_company[c.id]}
        if "partner" in roles:
            assert roles & {*PROVIDER_ROLES, *ADOPTER_ROLES, "research"} - {"partner"}, c.id
    sides = {
        c.id: {m.role for m in ds.mentions_by_company[c.id]} & {*PROVIDER_ROLES, *ADOPTER_ROLES}
        for c in ds.companies
    }
    assert {cid for cid, s in sides.items() if not s} == {"bit", "uc"}


# --- company facts and segment numbers ------------------------------------------------------------


def test_every_fact_names_a_known_company_and_segment(ds):
    refs = {s.ref for s in ds.segments}
    placed = {(m.company_id, m.segment) for m in ds.mentions}
    assert len(ds.facts) > 100 and set(COMPANY_FACT_KINDS) == {f.kind for f in ds.facts}
    for f in ds.facts:
        assert f.company_id in ds.company_by_id and f.segment in refs, f
        assert (f.company_id, f.segment) in placed, f  # the fact sits where the report names the company
        if f.kind in ("outcome", "product", "founder"):
            assert _squash(f.value).casefold() in _squash(f.quote).casefold(), f  # as written
    for n in ds.segment_numbers:
        assert n.segment in refs and n.kind in SEGMENT_NUMBER_KINDS, n
        written = n.as_written or f"{n.value:g}"
        assert _squash(written) in _squash(n.quote), n  # the figure as the sentence writes it
    for s in ds.segments:
        assert ds.numbers_of(s.ref), s.ref  # every segment has figures
    assert ds.numbers_of("9.9.9") == () and ds.facts_of("no-such-company") == ()


def test_facts_and_numbers_keep_report_order(ds, report_text):
    text = _squash(report_text)
    refs = [s.ref for s in ds.segments]
    for rows in (ds.facts, ds.segment_numbers):
        keys = [(refs.index(r.segment), text.index(_squash(r.quote))) for r in rows]
        assert keys == sorted(keys)
    assert [f.kind for f in ds.facts_of("sobot")] == ["client", "outcome", "outcome", "rounds_count"]


def test_a_client_fact_and_the_partner_links_agree(ds):
    """A vendor's client is an adopter there listing the vendor, and every such link is a client fact."""
    clients = {(f.company_id, f.segment, f.value) for f in ds.facts if f.kind == "client"}
    adopts = {(m.company_id, m.segment, p) for m in ds.mentions if m.role == "adopter" for p in m.partners}
    provides = {(m.company_id, m.segment, p) for m in ds.mentions if m.role == "vendor" for p in m.partners}
    served = {(v, seg, c) for v, seg, c in provides if (c, seg, v) in adopts}
    assert clients == served
    assert ("openai", "1.4.1", "sanofi") in clients and ("formation_bio", "1.4.1", "sanofi") in clients
    assert {c for v, _, c in clients if v == "qihuoshan"} == {"bytedance", "xiaomi", "kuaishou"}


def test_founding_dates_and_round_counts_are_the_reports(ds):
    founded = {f.company_id: f.value for f in ds.facts if f.kind == "founded"}
    assert founded == {
        "aishi": "2023-04",
        "fancytech": "2020-04",
        "hippocratic_ai": "2023",
        "abridge": "2018",
        "quanzhen": "2016",
        "baichuan": "2023",
    }
    rounds = {f.company_id: (f.value, f.unit) for f in ds.facts if f.kind == "rounds_count"}
    assert rounds == {"wofeng": ("5", "轮"), "sobot": ("7", "轮"), "leyan": ("8", "轮")}
    assert [(f.value, f.unit) for f in ds.facts_of("xtalpi")] == [("2024-06-13", "港股")]
    assert [f.value for f in ds.facts_of("hidream") if f.kind == "founder"] == ["梅涛"]
    for f in ds.facts:
        if f.kind == "founded":  # the year as the sentence writes it
            assert f"{f.value[:4]}年" in _squash(f.quote), f


def test_sentences_are_counted_once(ds):
    """A sentence is its quote without whitespace: one sentence behind several facts is one key."""
    sobot = {f.sentence for f in ds.facts_of("sobot") if f.kind in ("client", "outcome")}
    assert len(sobot) == 1  # 百年人寿 and both rates come from one sentence
    spaced = next(f for f in ds.facts_of("icbc"))
    assert spaced.sentence == _squash(spaced.quote)


def _number(ds, ref: str, value: float, year: str = "") -> list:
    return [n for n in ds.numbers_of(ref) if n.value == pytest.approx(value) and (not year or n.year == year)]


def test_segment_market_sizes_are_the_reports(ds):
    (n,) = _number(ds, "1.3.1", 18.5)
    assert (n.kind, n.unit, n.text, n.forecast) == ("market_size", "亿元", "约18.5亿元", False)
    (n,) = _number(ds, "1.3.2", 132)
    assert (n.kind, n.unit, n.text) == ("market_size", "亿元", "约132亿元")
    (n,) = _number(ds, "1.4.1", 10.4, "2022")
    assert (n.kind, n.unit, n.forecast) == ("market_size", "亿美元", False)
    (n,) = _number(ds, "1.4.1", 29.94, "2026")
    assert (n.kind, n.unit, n.forecast) == ("market_size", "亿美元", True)
    (n,) = _number(ds, "1.2.2", 216, "2024")
    assert (n.kind, n.unit, n.forecast, n.text) == ("market_size", "亿元", True, "216亿元")
    gartner = [n for n in ds.numbers_of("1.1.2") if "598" in n.quote]
    assert sorted((n.value, n.unit) for n in gartner) == [(63, "%"), (598, "家")]
    assert all(n.kind == "adoption" for n in gartner)
    banks = sorted(n.value for n in ds.numbers_of("1.2.1") if "上市银行" in n.quote)
    assert banks == [6, 42]
    stages = [n.value for n in ds.numbers_of("1.4.1") if "布局的环节" in n.quote]
    assert stages == [700, 392, 235, 149, 83, 57, 26]
    (uc,) = [n for n in ds.numbers_of("1.2.2") if n.kind == "research"]
    assert (uc.value, uc.unit, uc.text) == (13, "W", "约为13W") and "加州大学" in uc.quote


def test_new_segment_sentences_are_segment_facts(ds):
    kinds = {(s.ref, f.kind) for s in ds.segments for f in s.facts}
    assert {
        ("1.1.2", "adoption"),
        ("1.2.1", "adoption"),
        ("1.4.1", "adoption"),
        ("1.2.2", "research"),
    } <= kinds
    quotes = {_squash(f.quote) for s in ds.segments for f in s.facts}
    for n in ds.segment_numbers:  # every figure's sentence is among the segment's sentences
        assert any(_squash(n.quote) in q for q in quotes), n


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
    roles = {r: sum(1 for m in ds.mentions if m.role == r) for r in ROLES}
    fact_kinds = {k: sum(1 for f in ds.facts if f.kind == k) for k in COMPANY_FACT_KINDS}
    number_kinds = {k: sum(1 for n in ds.segment_numbers if n.kind == k) for k in SEGMENT_NUMBER_KINDS}
    countries = {c: sum(1 for x in ds.companies if x.country == c) for c in ("CN", "US")}
    for n, what in (
        (len(ds.segments), "segments"),
        (len(ds.companies), "companies"),
        (len(ds.mentions), "mentions"),
        (len(ds.funding), "funding events"),
        (len(facts), r"segment\s+facts"),
        (sum(f.kind == "market" for f in facts), "market figures"),
        (sum(f.kind == "funding_stats" for f in facts), "sector funding statistics"),
        (sum(f.kind == "adoption" for f in facts), "adoption statistics"),
        (sum(f.kind == "research" for f in facts), "research result"),
        (len(ds.facts), r"company\s+facts"),
        (len({f.company_id for f in ds.facts}), "companies have facts"),
        (len({f.sentence for f in ds.facts}), "distinct sentences"),
        (len(ds.segment_numbers), r"segment\s+numbers"),
        *((n, f"`{k}`") for k, n in fact_kinds.items()),
        *((n, f"`{k}`") for k, n in number_kinds.items()),
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


def test_a_folder_without_facts_or_numbers_still_loads(broken):
    (broken / "company_facts.csv").unlink()
    (broken / "segment_numbers.csv").unlink()
    ds = load_dataset(broken)
    assert ds.facts == () and ds.segment_numbers == () and ds.facts_of("sobot") == ()
    assert ds.numbers_of("1.3.1") == () and len(ds.companies) == len(load_dataset().companies)


def _rewrite_rows(path: Path, edits: dict[int, dict[str, str]]) -> None:
    """Change cells of data rows (1 = the first row under the header) of a CSV table."""
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    for i, cells in edits.items():
        rows[i - 1].update(cells)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def test_bad_facts_and_numbers_are_located(broken):
    _rewrite_rows(
        broken / "company_facts.csv",
        {
            1: {"company_id": "nobody"},
            2: {"kind": "award"},
            3: {"quote": " "},
            4: {"value": "sinolink_securities"},  # sensetime's client is 海通证券, not 国金证券
            6: {"segment": "1.4.2"},  # 软通动力 is not named in 1.4.2
        },
    )
    founded = next(
        i
        for i, line in enumerate((broken / "company_facts.csv").read_text().splitlines())
        if ",founded," in line
    )
    _rewrite_rows(broken / "company_facts.csv", {founded: {"value": "2023年"}})
    _rewrite_rows(
        broken / "segment_numbers.csv", {1: {"value": "约2793"}, 2: {"segment": "9.9"}, 3: {"year": "23年"}}
    )
    with pytest.raises(DatasetError) as info:
        load_dataset(broken)
    found = {str(p).split(":")[0] for p in info.value.problems}
    assert {
        "company_facts.csv, row 2 (nobody), company_id",
        "company_facts.csv, row 3 (aixcoder), kind",
        "company_facts.csv, row 4 (aixcoder), quote",
        "company_facts.csv, row 5 (sensetime), value",
        "company_facts.csv, row 7 (isoftstone), segment",
        f"company_facts.csv, row {founded + 1} (aishi), value",
        "segment_numbers.csv, row 2 (1.1.1), value",
        "segment_numbers.csv, row 3 (9.9), segment",
        "segment_numbers.csv, row 4 (1.1.1), year",
    } <= found, found
    text = str(info.value)
    assert "unknown company 'nobody'" in text and "no adopter mention of 'sinolink_securities'" in text
    assert "plain number" in text and "unknown segment '9.9'" in text
