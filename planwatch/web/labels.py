"""Every word the web pages show, in Chinese (the default) and English (``?lang=en``).

Words are data, not code: they live in gettext catalogs (``locale/<lang>/LC_MESSAGES/messages.po``,
read with Babel), the format translators' tools (Poedit, Weblate, ``pybabel``) read and write.
A page asks ``t("overview")`` and gets the word of the request's language; the msgid is that key
and the msgctxt says which list it belongs to (``label``: page words; ``value``: enumerated
values such as statuses; ``project``: project stages and sectors in English; ``note``: why a
target is judged as it is, the msgid being the monitor's English note).  Adding a
language is adding a catalog.  A key missing from a language falls back to Chinese, then to the
key itself, so a forgotten word shows up as a readable key instead of an error page.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"


@functools.cache
def catalog(lang: str) -> dict[tuple[str, str], str]:
    """The words of ``lang`` from its gettext catalog (``locale/<lang>/LC_MESSAGES/messages.po``):
    {(context, key): word}.  Read with Babel, the library translators' tools use; an entry left
    empty is missing (it falls back like a missing key)."""
    from babel.messages.pofile import read_po

    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.is_file():
        return {}
    with path.open("rb") as f:
        po = read_po(f, locale=None, domain=DOMAIN)
    return {(m.context or "", str(m.id)): str(m.string) for m in po if m.id and m.string}


def note_text(notes: list[dict[str, Any]], lang: str) -> str:
    """A target's note in ``lang``, from the messages ``planwatch.monitor.targets`` said.

    Each ``{"msgid", "args"}`` is looked up under msgctxt ``note`` and filled with its arguments;
    the msgid is English, so English (or a message not yet translated) reads as the CLI does.
    """
    words = catalog(lang if lang in LANGS else DEFAULT_LANG)
    sep = words.get(("note", "; "), "; ")
    return sep.join(words.get(("note", n["msgid"]), n["msgid"]).format(**n["args"]) for n in notes)


def project_en(key: str) -> str:
    """A project stage or sector in English (catalog context ``project``); the key when unknown."""
    return catalog("en").get(("project", key)) or key


# The order in which statuses are listed and the CSS class of each badge.
STATUS_ORDER = ("achieved", "on track", "moderate", "insufficient", "moving away", "not achieved", "no data")
STATUS_CLASS = {
    "achieved": "good",
    "on track": "good",
    "moderate": "fair",
    "insufficient": "poor",
    "moving away": "bad",
    "not achieved": "bad",
    "no data": "none",
}


def pick_lang(value: str | None) -> str:
    """The language of a request: ``en`` when asked for, else Chinese."""
    return value if value in LANGS else DEFAULT_LANG


def label(key: str, lang: str) -> str:
    """The word for ``key`` in ``lang`` (falling back to Chinese, then the key)."""
    words = catalog(lang if lang in LANGS else DEFAULT_LANG)
    return words.get(("label", key)) or catalog(DEFAULT_LANG).get(("label", key)) or key


def value_label(value: str | None, lang: str) -> str:
    """The shown form of an enumerated value (``on track`` → ``进展顺利``); unknown values as is."""
    if value is None:
        return ""
    return catalog(lang if lang in LANGS else DEFAULT_LANG).get(("value", value)) or value
