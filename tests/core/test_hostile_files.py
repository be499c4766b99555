"""Hostile files: every reader is linear, every formula cell is read the same way, no encoding is
guessed into mojibake, and a long cell gets the documented message (issue 13, helper READ).

Each case is a file an attacker (or an unlucky export) could hand the screener; each must end in
a loaded dataset that says what it did, or a DatasetError naming the file, the row or cell, and
what to do, and never in a traceback or a hang.  Both import paths (row by row; in columns,
forced with ``columnar_min_bytes=0``) must give the same verdict.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from core.ingest import DatasetError, load_dataset
from tests.helpers import run_guarded

ROW_PATH = {"columnar_min_bytes": 10**12}
COLUMNAR = {"columnar_min_bytes": 0}
BOTH_PATHS = pytest.mark.parametrize("path_kind", [ROW_PATH, COLUMNAR], ids=["rows", "columns"])
#: The hang guard: generous, for a slow CI machine; a quadratic reader takes minutes, not seconds.
HANG_GUARD_S = 60


def within_guard(fn, *args, **kwargs):
    """Run ``fn`` in a thread; fail (not hang) when it has not returned within the guard."""
    got = run_guarded(HANG_GUARD_S, fn, *args, **kwargs)
    if isinstance(got, BaseException):
        raise got
    return got


def problems(path: Path, **kw) -> list[str]:
    with pytest.raises(DatasetError) as info:
        within_guard(load_dataset, path, **kw)
    return [str(p) for p in info.value.problems]


def csv_bytes(rows: list[list[str]], header=("id", "name", "country")) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


# --- Time: every reader is linear in its input --------------------------------------------------


def xlsx_with_sheet_xml(path: Path, sheet_data: bytes, title: str = "Companies", prefix: bytes = b"") -> Path:
    """A real workbook (openpyxl's) whose first sheet's <sheetData> is replaced by ``sheet_data``."""
    wb = openpyxl.Workbook()
    wb.active.title = title
    wb.active.append(["id"])
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(
                    rb"<sheetData>.*</sheetData>|<sheetData/>", lambda _: sheet_data, data, flags=re.S
                )
                if prefix:  # the same namespace under a prefix: <x:sheetData>, <x:c> ...
                    data = data.replace(
                        b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
                        b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                        b'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
                    )
            out.writestr(info, data)
    return path


def cell(ref: str, value: str, t: str = "inlineStr") -> bytes:
    if t == "inlineStr":
        return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'.encode()
    return f'<c r="{ref}" t="{t}"><v>{value}</v></c>'.encode()


HEADER_ROW = b'<row r="1">' + cell("A1", "id") + cell("B1", "name") + cell("C1", "funding_amount") + b"</row>"


def test_a_damaged_worksheet_of_40000_unclosed_cells_is_refused_without_a_hang(tmp_path):
    body = b"".join(b'<row r="%d"><c r="A%d"><f>1+1' % (i, i) for i in range(2, 40_002))
    path = xlsx_with_sheet_xml(tmp_path / "unclosed.xlsx", b"<sheetData>" + HEADER_ROW + body)
    (message,) = problems(path)
    assert message.startswith("unclosed.xlsx, sheet Companies: a damaged worksheet")
    assert "open and save the file again in Excel" in message


def test_a_cell_at_the_last_row_and_column_is_read_sparse(tmp_path):
    # 1 KB of XML naming cell XFD1048576 once asked for a million empty rows 16,384 cells wide
    rows = b'<row r="2">' + cell("A2", "a") + cell("B2", "Alpha") + b"</row>"
    far = b'<row r="1048576">' + cell("XFD1048576", "far away") + b"</row>"
    path = xlsx_with_sheet_xml(
        tmp_path / "far.xlsx", b"<sheetData>" + HEADER_ROW + rows + far + b"</sheetData>"
    )
    ds = within_guard(load_dataset, path)
    assert [c.id for c in ds.companies] == ["a"]


@BOTH_PATHS
def test_a_wide_header_and_many_short_rows_stay_linear(tmp_path, path_kind):
    # a row costs the columns the screener reads, not the sheet's width times its rows
    header = ["id", "name", *[f"x{i}" for i in range(3_000)]]
    text = ",".join(header) + "\n" + "".join(f"c{i},C {i}\n" for i in range(20_000))
    path = tmp_path / "wide.csv"
    path.write_text(text, encoding="utf-8")
    ds = within_guard(load_dataset, path, **path_kind)
    assert any("columns not used by the screener" in w for w in ds.warnings)


def test_the_delimiter_sniff_is_linear_in_quotes():
    from core.ingest.csvfile import SNIFF_BYTES, sniff_delimiter

    # csv.Sniffer searches from every quote to its partner: seconds on 64 KB of ,"a ,"a ...
    sample = "\n".join(',"a' * 250 for _ in range(SNIFF_BYTES // 750))
    assert within_guard(sniff_delimiter, sample) == ","


# --- Workbooks: every formula cell is treated the same --------------------------------------------


def formula_sheet(formula_cell: bytes, title="Companies", prefix=b"") -> tuple[bytes, str, bytes]:
    rows = b'<row r="2">' + cell("A2", "a") + cell("B2", "Alpha") + formula_cell + b"</row>"
    return b"<sheetData>" + HEADER_ROW + rows + b"</sheetData>", title, prefix


UNSAVED = {
    "plain": b'<c r="C2"><f>2*3</f></c>',
    "empty saved value (openpyxl)": b'<c r="C2"><f>2*3</f><v></v></c>',
    "type before reference": b'<c t="n" r="C2" s="0"><f>2*3</f></c>',
    "self-closing value": b'<c r="C2"><f>2*3</f><v/></c>',
    "shared formula": b'<c r="C2"><f t="shared" si="0"/></c>',
}
SHEET_TITLES = ["Companies", "A&B <co>", "‮Evil", "数据"]


@pytest.mark.parametrize("title", SHEET_TITLES)
@pytest.mark.parametrize("variant", list(UNSAVED))
def test_a_formula_with_no_saved_value_is_refused_whatever_the_sheet(tmp_path, variant, title):
    data, _, _ = formula_sheet(UNSAVED[variant])
    path = xlsx_with_sheet_xml(tmp_path / "f.xlsx", data, title=title)
    found = problems(path)
    (message,) = [p for p in found if "cell C2" in p]
    assert ", row 2, cell C2: a formula" in message and "with no saved value" in message
    assert "\u202e" not in message  # a sheet name's bidi override is shown escaped


def test_a_formula_with_no_saved_value_under_a_namespace_prefix(tmp_path):
    sheet = (
        b"<x:sheetData>"
        + HEADER_ROW.replace(b"<row", b"<x:row").replace(b"</row>", b"</x:row>")
        + b'<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c>'
        + b'<x:c r="B2" t="inlineStr"><x:is><x:t>Alpha</x:t></x:is></x:c>'
        + b'<x:c r="C2"><x:f>2*3</x:f></x:c></x:row></x:sheetData>'
    )
    path = xlsx_with_sheet_xml(tmp_path / "ns.xlsx", sheet, prefix=b"x")
    assert any(
        "ns.xlsx, sheet Companies, row 2, cell C2: a formula (=2*3) with no saved value" in p
        for p in problems(path)
    )


@pytest.mark.parametrize(
    ("formula_cell", "amount"),
    [
        (b'<c r="C2"><f>2*3</f><v>6</v></c>', "6"),
        ('<c t="str" r="C2"><f>"5"&amp;"亿元"</f><v>5亿元</v></c>'.encode(), "5亿元"),
        (b'<c r="C2" t="str"><f>""</f><v></v></c>', None),  # a saved empty text: an empty cell
    ],
)
def test_a_formula_with_a_saved_value_is_read_as_that_value(tmp_path, formula_cell, amount):
    data, _, _ = formula_sheet(formula_cell)
    ds = load_dataset(xlsx_with_sheet_xml(tmp_path / "v.xlsx", data, title="A&B"))
    events = ds.funding_by_company.get("a", ())
    assert (events[0].amount_text if events else None) == amount


@pytest.mark.parametrize("error", ["#DIV/0!", "#REF!", "#VALUE!", "#NAME?"])
def test_an_excel_error_is_refused_located(tmp_path, error):
    data, _, _ = formula_sheet(b'<c r="C2" t="e"><f>1/0</f><v>' + error.encode() + b"</v></c>")
    found = problems(xlsx_with_sheet_xml(tmp_path / "e.xlsx", data))
    assert f"e.xlsx, sheet Companies, row 2, cell C2 (funding_amount): an Excel error ({error})" in "\n".join(
        found
    )


def test_excel_na_is_a_missing_value_and_unused_columns_are_not_read(tmp_path):
    rows = (
        b'<row r="2">'
        + cell("A2", "a")
        + cell("B2", "Alpha")
        + b'<c r="C2" t="e"><v>#N/A</v></c><c r="D2"><f>1/0</f></c><c r="E2" t="e"><v>#REF!</v></c></row>'
    )
    header = HEADER_ROW.replace(b"</row>", cell("D1", "my calc") + cell("E1", "other") + b"</row>")
    ds = load_dataset(
        xlsx_with_sheet_xml(tmp_path / "na.xlsx", b"<sheetData>" + header + rows + b"</sheetData>")
    )
    assert ds.funding_by_company.get("a", ()) == ()
    assert any("ignored: my calc, other" in w for w in ds.warnings)


def test_rows_out_of_order_are_a_damaged_sheet_not_rows_dropped(tmp_path):
    rows = (
        b'<row r="3">'
        + cell("A3", "b")
        + cell("B3", "B")
        + b'</row><row r="2">'
        + cell("A2", "a")
        + cell("B2", "A")
        + b"</row>"
    )
    (message,) = problems(
        xlsx_with_sheet_xml(tmp_path / "o.xlsx", b"<sheetData>" + HEADER_ROW + rows + b"</sheetData>")
    )
    assert "a damaged worksheet" in message and "row 2 comes after row 3" in message


# --- Text: no encoding guessed into mojibake ------------------------------------------------------

SAVE_AS_UTF8 = "save it as “CSV UTF-8” in Excel"
AMBIGUOUS = {
    "Latin-1 (also valid GB18030)": ("Crédit Agricole", "latin-1"),
    "Windows-1252 quotes": ("“Quoted” Corp", "cp1252"),
    "Portuguese Latin-1 (pairs into GB2312)": ("Informação SA", "latin-1"),
    "German Latin-1": ("Müller Straße", "latin-1"),
    "Cyrillic Windows-1251": ("Яндекс технологии", "cp1251"),
    "Greek Windows-1253": ("Εταιρεία", "cp1253"),
    "Shift-JIS": ("ソフトバンク", "shift_jis"),
    "Big5 (traditional Chinese)": ("騰訊控股", "big5"),
    "Mac Roman": ("Société Générale", "mac_roman"),
}


@BOTH_PATHS
@pytest.mark.parametrize("case", list(AMBIGUOUS))
def test_text_that_is_not_utf8_is_never_guessed_into_mojibake(tmp_path, case, path_kind):
    name, codec = AMBIGUOUS[case]
    path = tmp_path / "enc.csv"
    path.write_bytes(csv_bytes([["a", "Alpha", "FR"], ["b", name, "FR"]]).encode(codec))
    (message,) = problems(path, **path_kind)
    assert message.startswith("enc.csv: not UTF-8 or GBK text: line 3 (")
    assert SAVE_AS_UTF8 in message


READABLE = {
    "UTF-8": ("utf-8", None),
    "UTF-8 with BOM": ("utf-8-sig", None),
    "UTF-16 LE with BOM": ("utf-16", "read as UTF-16"),
    "UTF-16 BE with BOM": ("utf-16-be", "read as UTF-16"),
    "GBK (Chinese Excel)": ("gbk", "GB18030/GBK"),
}


@BOTH_PATHS
@pytest.mark.parametrize("case", list(READABLE))
def test_utf8_utf16_and_plain_chinese_gbk_are_read_and_said(tmp_path, case, path_kind):
    codec, note = READABLE[case]
    text = csv_bytes(
        [["a", "中国工商银行", "CN"], ["b", "示例科技，有限公司（北京）", "CN"], ["c", "Acme", "US"]]
    )
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    path = tmp_path / "ok.csv"
    path.write_bytes(data)
    ds = within_guard(load_dataset, path, **path_kind)
    names = {ds.company(i).name for i in ("a", "b", "c")}
    assert names == {"中国工商银行", "示例科技，有限公司（北京）", "Acme"}
    if note:
        assert any(w.startswith("ok.csv: ") and note in w for w in ds.warnings), ds.warnings
    else:
        assert not any("read as" in w for w in ds.warnings)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("id,name\na,Alpha\n".encode("utf-16-le"), "UTF-16 text without a byte-order mark"),
        ("id,name\na,Alpha\n".encode("utf-32"), "UTF-32 text"),
        (b"\xff\xfe" + "id,name\na,Alpha\n".encode("utf-16-le")[:-1], "damaged UTF-16 text"),
    ],
    ids=["utf-16 without BOM", "utf-32", "utf-16 cut in a character"],
)
def test_other_unicode_forms_are_refused_with_how_to_save_as_utf8(tmp_path, data, message):
    path = tmp_path / "u.csv"
    path.write_bytes(data)
    (found,) = problems(path, **ROW_PATH)
    assert found.startswith(f"u.csv: {message}") and SAVE_AS_UTF8 in found


# --- Messages: a long cell gets the documented 32,767-character message ---------------------------


@BOTH_PATHS
@pytest.mark.parametrize("length", [40_000, 131_073, 1_000_000])
def test_a_long_cell_gets_the_spreadsheet_limit_message_not_the_csv_modules(tmp_path, path_kind, length):
    path = tmp_path / "long.csv"
    path.write_text(csv_bytes([["a", "x" * length, "US"]]), encoding="utf-8")
    found = problems(path, **path_kind)
    assert (
        f"long.csv, row 2, column B (name): {length:,} characters, more than a spreadsheet cell holds (32,767)"
        in ("\n".join(found))
    )
    assert not any("field larger than field limit" in p for p in found)


# --- A folder of tables: unreadable parts are problems, never tracebacks --------------------------


def report_copy(tmp_path: Path) -> Path:
    from core.ingest import bundled_dataset_dir

    folder = tmp_path / "report"
    folder.mkdir()
    for p in bundled_dataset_dir().iterdir():
        if p.is_file():
            (folder / p.name).write_bytes(p.read_bytes())
    return folder


def test_a_folder_table_that_is_a_folder_is_a_problem(tmp_path):
    folder = report_copy(tmp_path)
    (folder / "funding.csv").unlink()
    (folder / "funding.csv").mkdir()
    found = problems(folder)
    assert any(p.startswith("funding.csv: cannot be read") for p in found), found


def test_a_folder_meta_json_that_is_a_folder_is_a_problem(tmp_path):
    folder = report_copy(tmp_path)
    if (folder / "meta.json").exists():
        (folder / "meta.json").unlink()
    (folder / "meta.json").mkdir()
    assert any(p.startswith("meta.json: cannot be read") for p in problems(folder))


def test_a_folder_table_with_an_unclosed_quote_is_located(tmp_path):
    folder = report_copy(tmp_path)
    text = (folder / "funding.csv").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    (folder / "funding.csv").write_text(
        "".join(lines[:3]) + '"unclosed,' + "".join(lines[3:]), encoding="utf-8"
    )
    found = problems(folder)
    assert any(
        p.startswith("funding.csv, row 4: not readable as CSV") and "not closed" in p for p in found
    ), found


def test_a_folder_cell_with_a_line_separator_stays_one_cell(tmp_path):
    folder = report_copy(tmp_path)
    path = folder / "companies.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    note = rows[0].index("note")
    rows[1][note] = "first\u2028second\x1cthird"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    ds = load_dataset(folder)
    assert len(ds.companies) == len(load_dataset().companies)


def test_a_folder_cell_beyond_the_csv_module_limit_is_no_csv_error(tmp_path):
    folder = report_copy(tmp_path)
    path = folder / "companies.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    rows[1][rows[0].index("note")] = "n" * 200_000
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    try:
        load_dataset(folder)
    except DatasetError as exc:
        assert not any("field larger than field limit" in str(p) for p in exc.problems)
