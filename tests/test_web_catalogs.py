"""The page words are gettext catalogs (Babel): every word a template or page asks for is in them."""

from __future__ import annotations

import re
from pathlib import Path

from planwatch.web.labels import LANGS, LOCALE_DIR, catalog, label, project_en, value_label

WEB = Path(__file__).resolve().parents[1] / "planwatch" / "web"


def _asked() -> set[str]:
    """The label keys the templates and the page code ask for with t('…')."""
    keys: set[str] = set()
    for path in [*WEB.glob("templates/*.html"), *WEB.glob("*.py")]:
        keys |= set(re.findall(r"""\bt\(\s*['"]([a-z_]+)['"]\s*\)""", path.read_text(encoding="utf-8")))
    return keys


def test_the_catalogs_are_gettext_files_babel_reads() -> None:
    from babel.messages.pofile import read_po

    for lang in LANGS:
        path = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
        with path.open("rb") as f:
            po = read_po(f)
        assert len(po) > 200 and not po.fuzzy
        assert {m.context for m in po if m.id} >= {"label", "value"}
        assert not [m.id for m in po if m.id and not m.string], lang  # nothing left untranslated


def test_every_word_asked_for_is_in_both_catalogs() -> None:
    asked = _asked()
    assert {"overview", "download", "sources", "conflicts"} <= asked
    for lang in LANGS:
        missing = sorted(k for k in asked if ("label", k) not in catalog(lang))
        assert not missing, (lang, missing)


def test_words_come_from_the_catalogs() -> None:
    assert (label("overview", "zh"), label("overview", "en")) == ("概览", "Overview")
    assert (value_label("on track", "zh"), value_label("table_check", "zh")) == ("进展顺利", "规划表核对")
    assert label("no_such_key", "en") == "no_such_key"  # a forgotten word shows as its key
    assert project_en("construction") != "construction"
