"""简体中文 and English (issue 17): the translation is complete and in sync with the code, the .qm
is built from the .ts, core.i18n works without Qt, money reads in 亿/万, and the window shows
Chinese in zh_CN.  Every test leaves the app in English."""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from core import i18n
from ui.i18n import placeholders, qt_tool, run_lrelease, ts_in_sync

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "data" / "i18n" / "zh_CN.ts"
QM = ROOT / "data" / "i18n" / "zh_CN.qm"
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(autouse=True)
def _english_after():
    """Each test ends in English, the Qt translators removed, so the other tests run in English."""
    yield
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        from ui.i18n import install_translator

        install_translator(app, "en")
    i18n.set_language("en")


def _messages(ts: Path):
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


# --- (a) the translation is complete --------------------------------------------------------


def test_every_text_has_a_finished_translation():
    assert TS.exists(), f"{TS} is missing: make it with python3 -m ui.i18n"
    problems = []
    count = 0
    for context, message in _messages(TS):
        count += 1
        source = message.findtext("source") or ""
        tr = message.find("translation")
        where = f"{context or '(no context)'} | {source!r}"
        if not context:
            problems.append(f"{where}: no context (a bare tr() outside a QObject method)")
        if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{where}: unfinished")
            continue
        forms = [f.text or "" for f in tr.findall("numerusform")] or [tr.text or ""]
        for text in forms:
            if not text.strip():
                problems.append(f"{where}: empty translation")
            elif placeholders(text) != placeholders(source):
                problems.append(f"{where}: placeholders {sorted(placeholders(text))} in {text!r}")
    assert count > 0, "the .ts holds no message"
    assert not problems, f"{len(problems)} of {count} messages:\n" + "\n".join(problems)


def test_placeholders_compare_as_a_multiset():
    assert placeholders("Rank {rank} of {total}") == placeholders("第 {rank} 名，共 {total} 名")
    assert placeholders("{a} and {a}") != placeholders("{a}")
    assert placeholders("100% {n}") == placeholders("{n} 100%")  # a bare % is no placeholder
    assert placeholders("%1 of %n") != placeholders("%1")
    assert placeholders("{date:%d %B %Y}") == placeholders("{date:%Y年%m月%d日}")  # one field, its own format
    assert placeholders("{date:%d}") != placeholders("{day}")


# --- (b) the .ts is in sync with the code ---------------------------------------------------


def test_ts_holds_exactly_the_texts_of_the_code():
    if qt_tool("lupdate") is None:
        pytest.skip("pyside6-lupdate is not installed (it comes with the PySide6 wheel)")
    missing, stale = ts_in_sync(TS, ROOT)
    assert not missing and not stale, (
        "data/i18n/zh_CN.ts is out of date: run python3 -m ui.i18n (and translate the new texts in "
        "a fragment of data/i18n/fragments/)\n"
        + "".join(f"  new in the code: {c} | {s!r}\n" for c, s in sorted(missing))
        + "".join(f"  gone from the code: {c} | {s!r}\n" for c, s in sorted(stale))
    )


# --- (c) the .qm is built from the .ts ------------------------------------------------------


def test_qm_is_built_from_the_ts():
    assert QM.exists(), f"{QM} is missing: build it with python3 -m ui.i18n"
    if qt_tool("lrelease") is None:
        pytest.skip("pyside6-lrelease is not installed (it comes with the PySide6 wheel)")
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "zh_CN.qm"
        run_lrelease(TS, fresh)
        assert fresh.read_bytes() == QM.read_bytes(), "zh_CN.qm is older than zh_CN.ts: python3 -m ui.i18n"


# --- (d) core.i18n without Qt ----------------------------------------------------------------


def test_translate_works_without_qt():
    code = (
        "import sys\n"
        "from core import i18n\n"
        "assert i18n.translate('actions', '&File') == '&File'\n"
        "i18n.set_language('zh_CN')\n"
        "print(i18n.translate('actions', '&File'))\n"
        "print(i18n.translate('actions', 'no such text, in English'))\n"
        "assert 'PySide6' not in sys.modules\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", check=True
    )
    assert out.stdout.splitlines() == ["文件(&F)", "no such text, in English"]


def test_languages_and_locales():
    assert i18n.language() == "en"
    assert i18n.translate("actions", "&View") == "&View"
    i18n.set_language("zh_CN")
    assert i18n.language() == "zh_CN"
    assert i18n.translate("actions", "&View") == "视图(&V)"
    assert i18n.QT_TRANSLATE_NOOP("x", "Text") == "Text"
    with pytest.raises(ValueError, match="zh_CN"):
        i18n.set_language("fr")
    assert i18n.language() == "zh_CN"
    assert [i18n.language_from_locale(n) for n in ("zh_CN", "zh_TW", "zh", "en_US", "de_DE", "C", "")] == [
        "zh_CN",
        "zh_CN",
        "zh_CN",
        "en",
        "en",
        "en",
        "en",
    ]


def test_catalogue_takes_finished_translations_only(tmp_path):
    ts = tmp_path / "x.ts"
    ts.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context><name>c</name>
<message><source>Done</source><translation>完成</translation></message>
<message><source>Todo</source><translation type="unfinished">草稿</translation></message>
<message><source>Empty</source><translation></translation></message>
<message numerus="yes"><source>%n items</source><translation><numerusform>%n 项</numerusform></translation></message>
</context></TS>""",
        encoding="utf-8",
    )
    assert i18n.read_catalogue(ts) == {("c", "Done"): "完成", ("c", "%n items"): "%n 项"}
    assert i18n.read_catalogue(tmp_path / "none.ts") == {}


# --- money in 亿/万 ---------------------------------------------------------------------------


def test_money_in_chinese_units_beside_usd():
    from core import present

    cases = [
        (252e6, False, "$252.0M", "$252.0M（2.52亿美元）"),
        (69.4e6, True, "≈ $69.4M", "≈ $69.4M（约6940万美元）"),
        (1e9, False, "$1.00B", "$1.00B（10亿美元）"),
        (950e3, False, "$950K", "$950K（95万美元）"),
        (45e3, False, "$45.0K", "$45.0K（4.5万美元）"),
        (694, True, "≈ $690", "≈ $690（约690美元）"),
        (99_995_000, False, "$100.0M", "$100.0M（1亿美元）"),
        (-5e6, False, "-$5.0M", "-$5.0M（-500万美元）"),
        (None, False, "—", "—"),
    ]
    english = [present.usd(v, a) for v, a, _, _ in cases]
    assert english == [en for _, _, en, _ in cases]
    assert present.amount_usd_text("2.52亿美元", 252e6, False) == "2.52亿美元 ($252.0M)"
    i18n.set_language("zh_CN")
    assert [present.usd(v, a) for v, a, _, _ in cases] == [zh for _, _, _, zh in cases]
    assert [present.usd(v, a, local=False) for v, a, _, _ in cases] == english
    assert present.amount_usd_text("2.52亿美元", 252e6, False) == "2.52亿美元（$252.0M）"
    assert present.amount_usd_text("", 252e6, False) == "$252.0M（2.52亿美元）"


# --- the command line ------------------------------------------------------------------------


def test_lang_option(capsys):
    import main

    assert main.main(["--lang", "zh_CN", "check"]) == 0
    assert i18n.language() == "zh_CN"
    i18n.set_language("en")
    assert main.main(["rank", "--top", "1", "--lang", "zh_CN"]) == 0
    assert i18n.language() == "zh_CN"
    i18n.set_language("en")
    assert main.main(["rank", "--lang", "fr"]) == 2
    assert "invalid choice" in capsys.readouterr().err


# --- (e) the window in 简体中文 ----------------------------------------------------------------


@pytest.fixture(scope="module")
def ds():
    from core.ingest import load_dataset

    return load_dataset()


def _window(qtbot, ds, state: Path, language: str | None):
    from PySide6.QtWidgets import QApplication

    from ui.app import create_window
    from ui.i18n import install_translator

    if language is not None:
        assert install_translator(QApplication.instance(), language)
    window, notices = create_window(ds, state)
    assert notices == []
    qtbot.addWidget(window)
    window.show()
    return window


def _close(window) -> None:
    window.close()
    if window.store is not None:
        window.store.close()


def test_main_window_in_chinese(qtbot, ds, tmp_path):
    from PySide6.QtWidgets import QGroupBox, QLabel

    w = _window(qtbot, ds, tmp_path / "state", "zh_CN")
    try:
        menus = [a.text() for a in w.menuBar().actions()]
        assert menus == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]
        titles = [b.title() for b in w.findChildren(QGroupBox) if b.isVisibleTo(w) and b.title()]
        assert titles and all(CJK.search(t) for t in titles), titles
        cat = i18n.catalogue("zh_CN")
        assert cat[("MainWindow", "Weights")] in titles
        assert cat[("MainWindow", "Filters")] in titles
        labels = [lab.text() for lab in w.weights_panel.findChildren(QLabel) if lab.text().strip()]
        english = [t for t in labels if re.fullmatch(r"[&A-Za-z ]+", t)]
        assert not english, f"weights panel labels left in English: {english}"
        lang = w.window_actions.languages
        assert lang["zh_CN"].isChecked() and not lang["en"].isChecked()
    finally:
        _close(w)


def test_language_menu_remembers_the_choice(qtbot, ds, tmp_path, monkeypatch):
    from types import SimpleNamespace

    from PySide6.QtWidgets import QMessageBox

    from ui import settings as keys
    from ui.actions import choose_language
    from ui.app import settings_for

    state = tmp_path / "state"

    def system(name: str) -> SimpleNamespace:
        return SimpleNamespace(system=lambda: SimpleNamespace(name=lambda: name))

    monkeypatch.setattr(keys, "QLocale", system("zh_CN"))
    assert keys.LANGUAGE.read(settings_for(state)) == "zh_CN"  # the system's, at first
    monkeypatch.setattr(keys, "QLocale", system("en_US"))
    assert keys.LANGUAGE.read(settings_for(state)) == "en"
    w = _window(qtbot, ds, state, None)  # English
    try:
        lang = w.window_actions.languages
        assert [a.text() for a in lang.values()] == ["English", "简体中文"]
        assert lang["en"].isChecked()
        lang["zh_CN"].trigger()
        assert lang["zh_CN"].isChecked() and not lang["en"].isChecked()
        box = w.findChild(QMessageBox, "language_notice")
        assert box is not None and box.isVisible()
        assert "start AIGC Screener again" in box.text()  # in English, and in Chinese below
        assert "下次启动" in box.text()
        box.close()
        assert keys.LANGUAGE.read(w.settings) == "zh_CN"
        assert i18n.language() == "en"  # until the next start
        assert choose_language(w, "en") is None  # the language shown: nothing to restart
        assert keys.LANGUAGE.read(w.settings) == "en"
        w.settings.setValue(keys.LANGUAGE.key, "klingon")
        assert keys.LANGUAGE.read(w.settings) == "en"
    finally:
        _close(w)


def test_stages_read_in_chinese_unless_renamed(ds, tmp_path):
    """The pipeline's default stage names follow the language; a stage the user renamed keeps
    the user's name (the Pipeline tab, the Stage column and filter all read Session.stage_labels)."""
    from core.i18n import set_language
    from core.session import Session
    from core.state import StateStore

    with StateStore.open(tmp_path / "state.sqlite").store as store:
        session = Session(ds, store=store)
        assert session.stage_labels()["screening"] == "Screening"
        session.rename_stage("committee", "IC")
        set_language("zh_CN")
        try:
            labels = session.stage_labels()
        finally:
            set_language("en")
    assert labels["screening"] == "初筛" and labels["diligence"] == "尽职调查"
    assert labels["committee"] == "IC"


def test_segment_names_and_lists_follow_the_language():
    from core import present
    from core.i18n import set_language

    assert present.segment_names("Code R&D × Finance", "代码研发 × 金融业") == (
        "Code R&D × Finance",
        "代码研发 × 金融业",
    )
    assert present.listed(["Vendor", "Funded"]) == "Vendor, Funded"
    set_language("zh_CN")
    try:
        assert present.segment_names("Code R&D × Finance", "代码研发 × 金融业")[0] == "代码研发 × 金融业"
        assert present.segment_names("Other", "") == ("Other", "")  # no Chinese name: the English one
        assert present.listed(["厂商", "获投企业"]) == "厂商、获投企业"
    finally:
        set_language("en")
