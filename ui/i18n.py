"""The app's languages in Qt, and the tool that keeps the 简体中文 translation up to date.

:func:`install_translator` puts the app in a language: data/i18n/zh_CN.qm for the app's own
``tr``/``QCoreApplication.translate``, Qt's own qtbase_zh_CN.qm for the standard dialog buttons
(OK, Cancel …) when Qt ships it, and :func:`core.i18n.set_language` for the Qt-free texts of
core/ and exports/.

``python3 -m ui.i18n`` regenerates the translation after a change of the code's texts:

1. ``pyside6-lupdate`` over every .py file of ui/, core/, exports/ and main.py into
   data/i18n/zh_CN.ts (texts no longer in the code are dropped; no line numbers, so the file only
   changes when a text does);
2. every unfinished message is filled from the JSON fragments data/i18n/fragments/*.json
   (``{"context": {"English source": "中文"}}``); a finished translation in the .ts is kept (an
   edit made in Qt Linguist wins) unless ``--prefer-fragments``;
3. ``pyside6-lrelease`` builds data/i18n/zh_CN.qm;
4. it prints how many messages are finished and lists the unfinished ones.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from core import i18n as core_i18n
from core.i18n import SOURCE_LANGUAGE, check_language, qm_path, set_language

#: The language the translation tool works on.
TARGET = "zh_CN"
#: The folders whose .py files hold the texts to translate (with main.py).
SOURCE_DIRS = ("ui", "core", "exports")
REPO_ROOT = Path(__file__).resolve().parent.parent

_installed: list = []  # the QTranslators installed now (kept alive; removed on a change)


def qt_translations_dir() -> str:
    from PySide6.QtCore import QLibraryInfo

    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install_translator(app, code: str) -> bool:
    """Put ``app`` (the QApplication) and :mod:`core.i18n` in language ``code``; those installed
    before are removed, so English undoes 简体中文.  False when the app's .qm could not be loaded
    (the texts then read in English)."""
    from PySide6.QtCore import QTranslator

    code = check_language(code)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    set_language(code)
    if code == SOURCE_LANGUAGE:
        return True
    ours = QTranslator(app)
    loaded = ours.load(str(qm_path(code)))
    if loaded:
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{code}", qt_translations_dir()):  # OK, Cancel, Yes, No …
        app.installTranslator(qt)
        _installed.append(qt)
    return loaded


# --- the translation tool -------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{([^{}\s:!]*)(?:[:!][^{}]*)?\}|(%n|%\d+)")


def placeholders(text: str) -> Counter:
    """The placeholders of a text ({name}, {0}, %1, %n), counted: a translation must have the same.
    A field's format may differ (``{date:%d %B %Y}`` and ``{date:%Y年%m月%d日}`` are one placeholder)."""
    return Counter("{" + name + "}" if name or not qt else qt for name, qt in _PLACEHOLDER.findall(text))


def qt_tool(name: str) -> list[str] | None:
    """The command of a Qt tool shipped with PySide6 (``lupdate``, ``lrelease``), or None."""
    script = f"pyside6-{name}"
    found = shutil.which(script) or shutil.which(script, path=str(Path(sys.executable).parent))
    return [found] if found else None


def source_files(root: Path = REPO_ROOT) -> list[Path]:
    """Every .py file whose texts are translated, relative to ``root``."""
    files = [p.relative_to(root) for d in SOURCE_DIRS for p in sorted((root / d).rglob("*.py"))]
    if (root / "main.py").exists():
        files.append(Path("main.py"))
    return [f for f in files if "__pycache__" not in f.parts]


def run_lupdate(ts: Path, root: Path = REPO_ROOT, files: list[Path] | None = None) -> None:
    """Extract the texts of the code into ``ts`` (made or updated; texts gone are dropped)."""
    tool = qt_tool("lupdate")
    if tool is None:
        raise RuntimeError("pyside6-lupdate is not installed (it comes with PySide6)")
    names = [str(f) for f in (files if files is not None else source_files(root))]
    if Path(ts).exists():
        _set_languages(Path(ts))
    subprocess.run(
        [
            *tool,
            *names,
            "-ts",
            str(Path(ts).resolve()),
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            SOURCE_LANGUAGE,
            "-target-language",
            TARGET,
            "-silent",
        ],
        cwd=root,
        check=True,
    )


def _set_languages(ts: Path) -> None:
    """Name the .ts file's languages when it does not (lupdate leaves such a file as it is)."""
    tree = ET.parse(ts)
    root = tree.getroot()
    if root.get("language") and root.get("sourcelanguage"):
        return
    root.set("language", root.get("language") or TARGET)
    root.set("sourcelanguage", root.get("sourcelanguage") or SOURCE_LANGUAGE)
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def run_lrelease(ts: Path, qm: Path) -> None:
    tool = qt_tool("lrelease")
    if tool is None:
        raise RuntimeError("pyside6-lrelease is not installed (it comes with PySide6)")
    subprocess.run([*tool, "-silent", str(ts), "-qm", str(qm)], check=True)


def read_fragments(folder: Path) -> tuple[dict[tuple[str, str], str], list[str]]:
    """The translations of every fragment in ``folder``: (context, source) -> translation, and
    the problems found (unreadable file, two fragments disagreeing on one text)."""
    table: dict[tuple[str, str], str] = {}
    where: dict[tuple[str, str], str] = {}
    problems: list[str] = []
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            problems.append(f"{path.name}: not read ({exc})")
            continue
        if not isinstance(data, dict):
            problems.append(f"{path.name}: not an object of contexts")
            continue
        for context, texts in data.items():
            if not isinstance(texts, dict):
                problems.append(f"{path.name}: context {context!r} is not an object")
                continue
            for source, text in texts.items():
                key = (context, source)
                if not isinstance(text, str):
                    problems.append(f"{path.name}: {context} | {source!r}: not a string")
                elif key in table and table[key] != text:
                    problems.append(
                        f"{path.name} and {where[key]} translate {context} | {source!r} differently"
                    )
                else:
                    table[key] = text
                    where[key] = path.name
    return table, problems


@dataclass
class Filled:
    """What :func:`fill_ts` did."""

    filled: int = 0
    kept_differing: list[tuple[str, str]] = field(default_factory=list)
    bad_placeholders: list[tuple[str, str]] = field(default_factory=list)
    unused: list[tuple[str, str]] = field(default_factory=list)


def _messages(root: ET.Element):
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def fill_ts(ts: Path, fragments: dict[tuple[str, str], str], *, prefer_fragments: bool = False) -> Filled:
    """Fill the unfinished messages of ``ts`` from ``fragments`` (and, with ``prefer_fragments``,
    replace the finished ones that differ).  A translation whose placeholders differ from the
    source's is not taken."""
    tree = ET.parse(ts)
    out = Filled()
    seen: set[tuple[str, str]] = set()
    for context, message in _messages(tree.getroot()):
        source = message.findtext("source") or ""
        key = (context, source)
        seen.add(key)
        tr = message.find("translation")
        if tr is None:
            tr = ET.SubElement(message, "translation", {"type": "unfinished"})
        text = fragments.get(key)
        if text is None:
            continue
        if placeholders(text) != placeholders(source):
            out.bad_placeholders.append(key)
            continue
        finished = not tr.get("type") and bool(tr.text)
        if finished and tr.text != text and not prefer_fragments:
            out.kept_differing.append(key)
            continue
        if finished and tr.text == text:
            continue
        tr.attrib.pop("type", None)
        tr.text = text
        out.filled += 1
    out.unused = sorted(set(fragments) - seen)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return out


def ts_status(ts: Path) -> tuple[int, list[tuple[str, str]]]:
    """The number of finished messages of ``ts`` and the (context, source) of the others."""
    finished = 0
    unfinished: list[tuple[str, str]] = []
    for context, message in _messages(ET.parse(ts).getroot()):
        tr = message.find("translation")
        if tr is not None and not tr.get("type") and (tr.text or tr.findall("numerusform")):
            finished += 1
        else:
            unfinished.append((context, message.findtext("source") or ""))
    return finished, unfinished


def update(root: Path = REPO_ROOT, *, prefer_fragments: bool = False, out=sys.stdout) -> int:
    """Steps 1-4 of the module's doc on the checkout at ``root``; the number of unfinished messages."""
    folder = root / "data" / "i18n"
    ts, qm = folder / f"{TARGET}.ts", folder / f"{TARGET}.qm"
    folder.mkdir(parents=True, exist_ok=True)
    run_lupdate(ts, root)
    fragments, problems = read_fragments(folder / "fragments")
    filled = fill_ts(ts, fragments, prefer_fragments=prefer_fragments)
    run_lupdate(ts, root)  # again, to write the .ts in lupdate's own layout (stable diffs)
    run_lrelease(ts, qm)
    core_i18n.catalogue.cache_clear()
    finished, unfinished = ts_status(ts)

    def say(text: str = "") -> None:
        print(text, file=out)

    for problem in problems:
        say(f"fragment problem: {problem}")
    for context, source in filled.bad_placeholders:
        say(f"not taken, placeholders differ from the source: {context} | {source!r}")
    for context, source in filled.kept_differing:
        say(f"kept the .ts translation, the fragment differs: {context} | {source!r}")
    if filled.unused:
        say(f"{len(filled.unused)} fragment entries match no text of the code (renamed or removed):")
        for context, source in filled.unused:
            say(f"  {context} | {source!r}")
    nameless = [source for context, source in unfinished if not context]
    if nameless:
        say(
            f"{len(nameless)} texts have no context: a bare tr() outside a QObject method (lupdate "
            'gives it none); write QCoreApplication.translate("<context>", "Text") instead:'
        )
        for source in nameless:
            say(f"  {source!r}")
    say(f"{shown(ts, root)}: {finished} finished, {len(unfinished)} unfinished ({filled.filled} filled now)")
    say(f"{shown(qm, root)}: built")
    if unfinished:
        say("unfinished:")
        for context, source in unfinished:
            say(f"  {context} | {source!r}")
    return len(unfinished)


def shown(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def ts_in_sync(ts: Path, root: Path = REPO_ROOT) -> tuple[set, set]:
    """The (context, source) pairs the code has and ``ts`` lacks, and those ``ts`` has and the
    code no longer: both empty when the .ts is in sync (needs pyside6-lupdate)."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        run_lupdate(fresh, root)
        code = {key for key, _ in _keyed(fresh)}
    repo = {key for key, _ in _keyed(ts)}
    return code - repo, repo - code


def _keyed(ts: Path):
    for context, message in _messages(ET.parse(ts).getroot()):
        yield (context, message.findtext("source") or ""), message


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m ui.i18n", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--prefer-fragments",
        action="store_true",
        help="replace a finished translation of the .ts by the fragment's when they differ",
    )
    parser.add_argument(
        "--check", action="store_true", help="exit with status 1 when a message is left unfinished"
    )
    args = parser.parse_args(argv)
    try:
        unfinished = update(prefer_fragments=args.prefer_fragments)
    except (RuntimeError, subprocess.CalledProcessError, ET.ParseError) as exc:
        print(f"python3 -m ui.i18n: {exc}", file=sys.stderr)
        return 2
    return 1 if args.check and unfinished else 0


if __name__ == "__main__":
    sys.exit(main())
