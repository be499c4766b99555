"""Adding a user's companies beside the report's (core.merge, `main.py --add FILE`)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from core.ingest import DatasetError, bundled_dataset_dir, dataset_key, load_dataset
from core.merge import Merge, add_companies, add_files, added_from
from core.scoring import PRESETS, rank
from core.signals import build_signals

HEADER = ["id", "name", "name_en", "aliases", "country", "kind", "segments", "role", "source"]
FUNDING = ["funding_amount", "funding_round", "funding_date"]


def write(path: Path, rows: list[dict[str, str]]) -> Path:
    cols = [*HEADER, *FUNDING]
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, cols)
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in cols})
    return path


@pytest.fixture(scope="module")
def report():
    return load_dataset()


def _ranking(ds):
    r = rank(build_signals(ds), PRESETS["balanced"], "zero")
    return [
        (str(ds_id), round(float(s), 6))
        for ds_id, s in zip(r.table.ids[r.order], r.score[r.order], strict=True)
    ]


def test_a_company_matching_by_alias_is_merged_and_a_new_one_added(report, tmp_path):
    f = write(
        tmp_path / "mine.csv",
        [
            {
                "id": "citi_x",
                "name": "Citi Group",
                "aliases": "Ｃｉｔｉ",
                "kind": "bank",
                "segments": "1.2.1",
                "role": "adopter",
                "source": "https://example.com/citi",
            },
            {
                "id": "newco",
                "name": "新公司",
                "name_en": "NewCo",
                "country": "CN",
                "kind": "startup",
                "segments": "1.1.2",
                "funding_amount": "5亿元",
                "funding_round": "C轮",
                "funding_date": "2025-06",
            },
        ],
    )
    merged, merges = add_companies(report, load_dataset(f))
    assert merges == [
        Merge(
            added_id="citi_x",
            report_id="citibank",
            added_name="Citi Group",
            report_name="花旗银行 (Citibank)",
            matched_on="alias",
        )
    ]
    assert merged.n_companies == report.n_companies + 1
    assert "citi_x" not in merged.company_by_id
    assert merged.company("citibank") == report.company("citibank")  # the report's record kept as is
    # the same mention (segment and role) the report has is not repeated
    assert merged.mentions_of("citibank") == report.mentions_of("citibank")
    assert added_from(merged) == {"newco": "mine.csv"}
    assert [f.round for f in merged.funding_of("newco")] == ["C轮"]
    # the state key (shortlist, notes, facts) is the report's; the meta too
    assert dataset_key(merged) == dataset_key(report) == "bundled:report"
    assert merged.meta == report.meta and merged.segments == report.segments
    assert merged.content_hash != report.content_hash
    assert any("added from mine.csv: 1 company added, 1 merged" in w for w in merged.warnings)
    assert "newco" in _ids_ranked(merged)


def _ids_ranked(ds) -> list[str]:
    return [cid for cid, _ in _ranking(ds)]


def test_merged_funding_counts_for_the_report_company(report, tmp_path):
    f = write(
        tmp_path / "rounds.csv",
        [
            {
                "id": "aug",
                "name": "AUGMENT",
                "segments": "1.1.2",
                "funding_amount": "50亿美元",
                "funding_round": "D轮",
                "funding_date": "2025-09",
            }
        ],
    )
    merged, merges = add_companies(report, load_dataset(f))
    assert [m.report_id for m in merges] == ["augment"] and merges[0].matched_on == "name"
    rounds = merged.funding_of("augment")
    assert [r.round for r in rounds] == ["B轮", "D轮"]
    assert len({r.id for r in merged.funding}) == len(merged.funding)
    before, after = _ids_ranked(report), _ids_ranked(merged)
    assert after.index("augment") < before.index("augment")


def test_an_id_used_by_a_different_company_is_renamed(report, tmp_path):
    f = write(tmp_path / "x.csv", [{"id": "augment", "name": "Augment Robotics", "segments": "1.1.2"}])
    merged, merges = add_companies(report, load_dataset(f))
    assert merges == []
    assert merged.company("augment") == report.company("augment")
    assert merged.company("augment.x").name == "Augment Robotics"
    assert added_from(merged) == {"augment.x": "x.csv"}
    assert any("renamed: augment → augment.x" in w for w in merged.warnings)


def test_the_report_added_to_itself_changes_nothing(report):
    merged, merges = add_companies(report, load_dataset(bundled_dataset_dir()))
    assert len(merges) == report.n_companies
    assert all(m.added_id == m.report_id for m in merges)
    assert merged.companies == report.companies
    assert merged.mentions == report.mentions and merged.funding == report.funding
    assert merged.facts == report.facts
    assert added_from(merged) == {}
    assert _ranking(merged) == _ranking(report)


def test_two_added_rows_merge_into_one_report_company(report, tmp_path):
    f = write(
        tmp_path / "two.csv",
        [
            {"id": "a", "name": "Citibank", "segments": "1.1.1", "role": "adopter"},
            {"id": "b", "name": "citi", "segments": "1.3.1", "role": "adopter"},
        ],
    )
    merged, merges = add_companies(report, load_dataset(f))
    assert [(m.added_id, m.report_id, m.matched_on) for m in merges] == [
        ("a", "citibank", "English name"),
        ("b", "citibank", "alias"),
    ]
    assert merged.n_companies == report.n_companies
    assert merged.segments_of("citibank") == ("1.1.1", "1.2.1", "1.3.1")
    assert len(merged.mentions) == len(report.mentions) + 1


def test_invisible_characters_do_not_hide_a_match(report, tmp_path):
    f = write(
        tmp_path / "inv.csv",
        [{"id": "z", "name": "Ci\u200bti\u2060", "segments": "1.2.1", "role": "adopter"}],
    )
    merged, merges = add_companies(report, load_dataset(f))
    assert [m.report_id for m in merges] == ["citibank"]
    # a name of nothing but invisible characters never reaches the merge: the loader refuses it
    bad = write(tmp_path / "bad.csv", [{"id": "z", "name": "\u200b\u200d\ufe0f", "segments": "1.2.1"}])
    with pytest.raises(DatasetError, match="invisible"):
        load_dataset(bad)


def test_a_segment_the_report_does_not_have_is_refused(report, tmp_path):
    f = write(tmp_path / "own.csv", [{"id": "q", "name": "Q", "segments": "9.9"}])
    (tmp_path / "own.segments.csv").write_text(
        "ref,scenario,industry,market,logic,compute,corpus\n9.9,Mine,Mine,3,3,3,3\n", encoding="utf-8"
    )
    extra = load_dataset(f)
    with pytest.raises(DatasetError) as err:
        add_companies(report, extra)
    text = str(err.value)
    assert "own.csv" in text and "9.9" in text and "--data" in text and "1.1.1" in text


def test_a_large_table_is_refused_with_what_to_do(report, tmp_path):
    f = write(tmp_path / "big.csv", [{"id": "q", "name": "Q", "segments": "1.1.2"}])
    extra = load_dataset(f, columnar_min_bytes=0)
    assert extra.columns is not None
    with pytest.raises(DatasetError) as err:
        add_companies(report, extra)
    assert "big.csv" in str(err.value) and "--data" in str(err.value)
    with pytest.raises(DatasetError, match="large table"):
        add_companies(extra, load_dataset(f))


def test_two_files_funding_ids_do_not_collide(report, tmp_path):
    one = write(
        tmp_path / "one.csv", [{"id": "p", "name": "P", "segments": "1.1.2", "funding_amount": "$20M"}]
    )
    two = write(
        tmp_path / "two.csv", [{"id": "p", "name": "P2", "segments": "1.1.2", "funding_amount": "$30M"}]
    )
    merged, merges = add_files(report, [load_dataset(one), load_dataset(two)])
    assert merges == []
    assert {c: added_from(merged)[c] for c in ("p", "p.two")} == {"p": "one.csv", "p.two": "two.csv"}
    ids = [f.id for f in merged.funding]
    assert len(ids) == len(set(ids))
    assert [f.amount_text for f in merged.funding_of("p.two")] == ["$30M"]
    # the second file's company matches the first file's by name
    three = write(tmp_path / "three.csv", [{"id": "pp", "name": "p", "segments": "1.1.2"}])
    again, merges = add_companies(merged, load_dataset(three))
    assert [(m.added_id, m.report_id) for m in merges] == [("pp", "p")]
    assert added_from(again) == added_from(merged)


def test_an_added_company_says_where_it_came_from_in_every_view(tmp_path) -> None:
    """The detail view, the table tooltip, the JSON and the memo read the one record field
    through core.present.added_text."""
    from core import present
    from core.ingest import load_dataset
    from core.merge import add_companies, added_from

    path = tmp_path / "mine.csv"
    path.write_text("id,name,country,segments\nnewco,新公司,CN,1.1.2\n", encoding="utf-8")
    merged, _ = add_companies(load_dataset(), load_dataset(path))
    assert merged.company("newco").added_from == "mine.csv"
    assert added_from(merged) == {"newco": "mine.csv"}
    assert present.added_text("mine.csv") == "Added by you from mine.csv (not in the report)"
    assert all(not c.added_from for c in load_dataset().companies)
