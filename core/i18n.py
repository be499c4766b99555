"""The language of the words shown: English (the source text) or 简体中文, without Qt.

core/ and exports/ (which never import Qt) write every user-visible text through
:func:`translate` ``(context, text)``; a constant defined at import time is marked with
:func:`QT_TRANSLATE_NOOP` and translated where it is used.  ``pyside6-lupdate`` extracts both
kinds of call, with ``QCoreApplication.translate`` and ``self.tr`` of ui/, into
data/i18n/zh_CN.ts (``python3 -m ui.i18n`` regenerates it).

English is the default and returns the text as it is.  In 简体中文 the text is looked up in the
finished translations of data/i18n/zh_CN.ts (read once, with xml.etree); a text without one reads
in English.  The app sets the language with :func:`ui.i18n.install_translator` (which also loads
the compiled zh_CN.qm for Qt's own ``tr``); the command line with ``--lang``.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

#: The languages offered: code -> the language's own name.
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}
#: The language of the source text.
SOURCE_LANGUAGE = "en"

_current = SOURCE_LANGUAGE


def i18n_dir() -> Path:
    """data/i18n: the .ts sources and the compiled .qm (from a checkout or installed)."""
    return Path(str(resources.files("data") / "i18n"))


def ts_path(code: str) -> Path:
    return i18n_dir() / f"{code}.ts"


def qm_path(code: str) -> Path:
    return i18n_dir() / f"{code}.qm"


def check_language(code: str) -> str:
    """``code`` if it is one of :data:`LANGUAGES`; ValueError naming the choices otherwise."""
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; choose one of {', '.join(LANGUAGES)}")
    return code


def set_language(code: str) -> None:
    """Make ``code`` ("en" or "zh_CN") the language :func:`translate` writes in."""
    global _current
    _current = check_language(code)


def language() -> str:
    """The language :func:`translate` writes in now."""
    return _current


def language_from_locale(name: str | None) -> str:
    """The language offered for a locale name such as ``QLocale.system().name()``: any Chinese
    locale ("zh_CN", "zh_TW", "zh-Hans") reads 简体中文, every other one English."""
    return "zh_CN" if (name or "").strip().lower().startswith("zh") else SOURCE_LANGUAGE


def read_catalogue(path: Path) -> dict[tuple[str, str], str]:
    """The finished translations of a Qt Linguist .ts file: (context, source) -> translation.

    A message marked unfinished, vanished or obsolete, or with an empty translation, is left
    out; of a plural message the first form is taken.  A missing or unreadable file is empty."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return {}
    table: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            tr = message.find("translation")
            if source is None or tr is None or tr.get("type"):
                continue
            forms = tr.findall("numerusform")
            text = (forms[0].text if forms else tr.text) or ""
            if text:
                table[(name, source)] = text
    return table


@functools.cache
def catalogue(code: str) -> dict[tuple[str, str], str]:
    """The finished translations into ``code``, read once (empty for English)."""
    if code == SOURCE_LANGUAGE:
        return {}
    return read_catalogue(ts_path(code))


def translate(context: str, text: str) -> str:
    """``text`` in the current language: itself in English; in another language its finished
    translation under ``context``, or itself when there is none.

    Call it with literal strings (``translate("memo", "Shortlist")``) so that pyside6-lupdate
    finds them; a placeholder is filled after: ``translate("memo", "Top {n}").format(n=n)``."""
    if _current == SOURCE_LANGUAGE:
        return text
    return catalogue(_current).get((context, text), text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # Qt's name: lupdate finds it
    """Mark ``text`` for translation under ``context`` without translating it (a constant made at
    import time); translate it where it is shown: ``translate(context, CONSTANT)``."""
    return text
