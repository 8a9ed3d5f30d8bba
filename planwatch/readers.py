"""Readers: turn a file on disk into the text every later stage works on.

Facts point into the reader's text by character offsets, so a reader must be deterministic and,
for plain text, must return the decoded file *unmodified* (no newline or whitespace
normalisation): anyone holding the file can then check ``text[start:end]`` themselves.
Formats that have no plain text of their own (HTML, PDF, DOCX) are rendered to text here once,
with tables as Markdown pipe tables so the table extractor reads every format the same way.

Every problem with the input is an ``InputError`` with a one-line message that says what is
wrong and, where there is one, what to do about it.
"""

from __future__ import annotations

import codecs
import contextlib
import logging
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from planwatch.errors import InputError
from planwatch.model import SourceText
from planwatch.quality import check_plausible_chinese

MAX_BYTES = 50 * 1024 * 1024
"""Largest file read (bytes).  Real plans and reports are far smaller; a bigger file is
almost certainly not a document, and reading it whole would only waste memory."""

MAX_UNPACKED_BYTES = 2 * MAX_BYTES
"""Largest total size of a .docx package's parts once unpacked (bytes).  Word's XML packs about
tenfold, so this is far above any real document, while a "zip bomb" of a few hundred KB that
unpacks to gigabytes is refused before python-docx inflates and parses it."""

TEXT_EXTENSIONS = (".txt", ".md")
HTML_EXTENSIONS = (".html", ".htm")
SUPPORTED_EXTENSIONS = (*TEXT_EXTENSIONS, *HTML_EXTENSIONS, ".pdf", ".docx")

# Magic numbers of formats people commonly save under a wrong extension.  A ".txt" that is
# really one of these is refused with a hint rather than decoded into garbage.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (e.g. .docx/.xlsx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (.doc/.xls)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
)

# Share of control characters above which decoded "text" is treated as binary.
_MAX_CONTROL_RATIO = 0.05
# (\t \n \v \f \r are legitimately frequent in text extracted from PDFs and Word files.)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
# Characters Chinese text is made of: ideographs, CJK and full-width punctuation, and the
# symbols GB2312 itself contains (Latin-1, Greek, Cyrillic, ①, Ⅱ, ≥, ℃, ㎡, box drawing, …).
_COMMON_CJK = re.compile(
    "[\u00a0-\u00ff\u0391-\u03c9\u0401-\u0451\u2000-\u206f\u2100-\u218f\u2190-\u22ff"
    "\u2460-\u24ff\u2500-\u257f\u25a0-\u25ff\u2600-\u26ff\u3000-\u303f\u3040-\u30ff"
    "\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ufe30-\ufe4f\uff00-\uffef]"
)


def read_file(path: str | Path, max_bytes: int = MAX_BYTES) -> SourceText:
    """Read a supported document and return its text and how it was obtained.

    Checks run cheapest first (existence, type, extension, size via ``stat``) so a wrong or
    huge input is refused before a single byte is read.
    """
    path = Path(path)
    try:
        exists = path.exists()
    except OSError as e:  # a name the system refuses (too long, a NUL in it)
        shown = path.name if len(path.name) <= 80 else path.name[:60] + "…" + path.name[-12:]
        raise InputError(f"cannot read {shown}: {e.strerror or e}") from e
    if not exists:
        raise InputError(f"file not found: {path}")
    if path.is_dir():
        raise InputError(f"{path} is a directory, not a file")
    if not path.is_file():
        raise InputError(f"{path} is not a regular file")
    ext = path.suffix.lower()
    if ext not in SUPPORTED_EXTENSIONS:
        shown = f"'{path.suffix}'" if path.suffix else "(no extension)"
        raise InputError(
            f"unsupported file type {shown} for {path.name}: supported are {', '.join(SUPPORTED_EXTENSIONS)}"
        )
    try:
        size = path.stat().st_size
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror or e}") from e
    if size > max_bytes:
        raise InputError(
            f"{path.name} is too large ({size / 1048576:.1f} MB; the limit is {max_bytes / 1048576:.0f} MB)"
        )
    if size == 0:
        raise InputError(f"{path.name} is empty")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror or e}") from e
    if len(data) > max_bytes:  # the file grew between stat and read
        raise InputError(f"{path.name} is too large (the limit is {max_bytes / 1048576:.0f} MB)")

    reader: Callable[[bytes, Path], SourceText]
    if ext in TEXT_EXTENSIONS:
        reader = _read_text
    elif ext in HTML_EXTENSIONS:
        reader = _read_html
    elif ext == ".pdf":
        reader = _read_pdf
    else:
        reader = _read_docx
    source = reader(data, path)
    if not source.text.strip():
        raise InputError(f"{path.name} contains no text (it is empty or only whitespace)")
    check_plausible_chinese(source.text, path.name)
    source.meta.setdefault("bytes", len(data))
    return source


# ---------------------------------------------------------------------------------------------
# Plain text


def _read_text(data: bytes, path: Path) -> SourceText:
    repairs: dict[str, Any] = {}
    text, encoding, bom = decode_text(data, path.name, repairs)
    meta: dict[str, Any] = {"encoding": encoding, **repairs}
    if bom:
        meta["bom"] = True
    return SourceText(text=text, reader=f"text:{encoding}", meta=meta)


def decode_text(data: bytes, name: str = "<bytes>", repairs: dict[str, Any] | None = None) -> tuple[str, str, bool]:
    """Detect the encoding of ``data`` and decode it exactly; return (text, encoding, had_bom).

    Chinese documents come as UTF-8 (sometimes with a BOM) or GB2312/GBK/GB18030.  Generic
    detectors are unreliable on short Chinese texts, so the two encodings that cover nearly
    all of them are tried strictly first; charset-normalizer only decides the rest.

    Three damages are repaired because the repair is certain, and recorded in ``repairs`` (the
    document's meta): UTF-16 saved without its byte-order mark (the byte order is the one whose
    text is plausible), a few stray NUL bytes in otherwise valid text (removed), and UTF-8 that
    was once read as Latin-1/Windows-1252 and saved again (reversed by ftfy, kept only when
    the result is Chinese).  The text is then no longer the file's bytes decoded unmodified, which
    the meta says.
    """
    repairs = {} if repairs is None else repairs
    _refuse_magic(data, name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")  # the codec consumes the BOM and picks the byte order
        except UnicodeDecodeError as e:
            raise InputError(f"{name} starts with a UTF-16 byte-order mark but is not valid UTF-16") from e
        _refuse_control_chars(text, name)
        return text, "utf-16", True
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16[0], utf16[1], False
        nuls = data.count(b"\x00")
        if nuls > len(data) * _MAX_STRAY_NULS:
            raise InputError(f"{name} is a binary file (it contains NUL bytes), not text")
        data = data.replace(b"\x00", b"")
        repairs["removed_nul_bytes"] = nuls

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        text = _repair_latin1_mojibake(text, name, repairs)
        _refuse_control_chars(text, name)
        return text, "utf-8", data.startswith(codecs.BOM_UTF8)

    gb_text: str | None
    try:
        gb_text = data.decode("gb18030")
    except UnicodeDecodeError:
        gb_text = None
    # GB18030 maps almost every byte sequence to *some* character, so a clean decode alone
    # does not prove the file is Chinese: require that the result looks like Chinese text.
    if gb_text is not None and _looks_chinese(gb_text):
        if _gb2312_share(gb_text) < 0.8:
            with contextlib.suppress(UnicodeDecodeError):
                big5_text = data.decode("big5")
                if _looks_chinese(big5_text):
                    _refuse_control_chars(big5_text, name)
                    return big5_text, "big5", False
        _refuse_control_chars(gb_text, name)
        return gb_text, "gb18030", False

    guess = _charset_normalizer_guess(data)
    if guess is not None:
        text, encoding = guess
        _refuse_control_chars(text, name)
        return text, encoding, False
    raise InputError(
        f"cannot decode {name}: it is not UTF-8, GB18030/GBK or another recognisable text encoding"
    )


# Share of NUL bytes up to which they are stray damage in a text file (removed), not binary data.
_MAX_STRAY_NULS = 0.01
# Latin-1 letters and C1 controls that UTF-8 bytes of hanzi become when read as Latin-1/cp1252.
_LATIN1_MOJIBAKE = re.compile(r"[\x80-\xff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013"
                              r"\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark, by the byte order that gives plausible text.

    Chinese UTF-16 has a NUL in every ASCII character (line breaks, digits), at odd offsets in
    little-endian and even ones in big-endian; the wrong order, or a UTF-8 file with a stray NUL
    read as UTF-16, decodes to rare characters and fails the test of plausible Chinese.
    """
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text or _count(_CONTROL, text) > len(text) * _MAX_CONTROL_RATIO:
            continue
        if _count(_IDEOGRAPH, text) and _looks_chinese(text) and _gb2312_share(text) >= 0.8:
            return text, encoding
    return None


def _repair_latin1_mojibake(text: str, name: str, repairs: dict[str, Any]) -> str:
    """Reverse UTF-8 that was read as Latin-1/Windows-1252 and saved again (``æ”¿åºœ`` for ``政府``).

    Only texts made largely of the characters such mojibake consists of are tried (ftfy is not
    imported for ordinary text); the repair is kept only when ftfy's result is Chinese, else the
    text is refused, since its facts would be junk.
    """
    sample = text[:20000]
    if not _LATIN1_MOJIBAKE.search(sample):  # the common case, decided without counting
        return text
    # (Chinese text matches the test above by its curly quotes and dashes alone: the non-ASCII
    # characters are counted by encoding, without a list of one string per character)
    non_ascii = len(sample) - len(sample.encode("ascii", "ignore"))
    if not non_ascii or _count(_LATIN1_MOJIBAKE, sample) < 0.5 * non_ascii:
        return text
    import ftfy

    fixed = ftfy.fix_encoding(text)
    if fixed != text and _count(_IDEOGRAPH, fixed) and _looks_chinese(fixed) and _gb2312_share(fixed) >= 0.8:
        repairs["repaired"] = "mojibake (UTF-8 once read as Latin-1/Windows-1252), reversed with ftfy"
        return fixed
    if _count(_IDEOGRAPH, sample) < 0.1 * non_ascii:
        raise InputError(
            f"{name} looks like mojibake (Latin letters where Chinese should be) that cannot be repaired "
            "with certainty; ask for the original file"
        )
    return text


def _refuse_magic(data: bytes, name: str) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            hint = " (rename it to .pdf to read it)" if magic == b"%PDF-" else ""
            raise InputError(f"{name} is {what}, not a text file{hint}")


def _refuse_control_chars(text: str, name: str) -> None:
    if text and _count(_CONTROL, text) / len(text) > _MAX_CONTROL_RATIO:
        raise InputError(f"{name} looks like a binary file (too many control characters), not text")


def _looks_chinese(text: str) -> bool:
    """Whether the non-ASCII characters of ``text`` are mostly ones Chinese text is made of."""
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if not non_ascii:
        return True
    return _count(_COMMON_CJK, text) / non_ascii >= 0.9


def _count(pattern: re.Pattern[str], text: str, chunk: int = 1 << 16) -> int:
    """Matches of a one-character ``pattern`` in ``text``, counted a chunk at a time.

    ``len(pattern.findall(text))`` would hold one string object per match: about 80 bytes per
    character, gigabytes for a large Chinese file.
    """
    return sum(len(pattern.findall(text, i, i + chunk)) for i in range(0, len(text), chunk))


def _gb2312_share(text: str) -> float:
    """Share of the ideographs in ``text`` that are in GB2312, the common simplified set.

    Big5 (traditional) bytes also decode cleanly as GB18030, but into rare characters, so a
    low share tells a misread Big5 file from a real GB file.
    """
    ideographs = _IDEOGRAPH.findall(text[:20000])
    if not ideographs:
        return 1.0
    common = 0
    for ch in ideographs:
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += 1
    return common / len(ideographs)


def _charset_normalizer_guess(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    encoding = best.encoding
    try:
        text = data.decode(encoding)  # strictly: a lossy decode would corrupt offsets' meaning
    except (UnicodeDecodeError, LookupError):
        return None
    if encoding in ("utf_8", "utf-8"):
        encoding = "utf-8"
    return text, encoding.replace("_", "-")


# ---------------------------------------------------------------------------------------------
# HTML

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Declared charsets that GB18030 decodes correctly and more completely (it is their superset).
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn"}
# Declarations that old Chinese sites often get wrong (their pages are really GBK) and that
# would decode anything without error: content detection is trusted over them.
_UNTRUSTED_DECLARATIONS = {"iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "ascii", "us-ascii"}

_DROP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "head", "iframe", "object", "svg", "math", "select", "button"}
)
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
        "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
        "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
_BOLD_TAGS = frozenset({"b", "strong"})
_WS = re.compile(r"[ \t\n\r\f\v]+")  # HTML whitespace only: keep U+3000 (全角空格) as content
# A cell this long is prose laid out with a table, not a data cell.
_LAYOUT_CELL_CHARS = 200


class _End:
    """Stack marker: the element it wraps has been fully visited."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


#: The main content found by trafilatura is used when it keeps at least this share of the page's
#: hanzi; less means the boilerplate remover lost part of the content (it gives up on very deep
#: pages, keeping 40 % of them), and the whole page is read as before.  On a saved portal page
#: the article is far more than half of the text (96 % in the forms test).
MIN_MAIN_CONTENT_SHARE = 0.5
# Page metadata Chinese government portals write in <meta name=…> (CMS conventions), by field.
_PORTAL_META = {
    "site": ("SiteName", "og:site_name", "application-name"),
    "date": ("PubDate", "publishdate", "firstpublishedtime", "article:published_time", "dc.date"),
    "title": ("ArticleTitle", "og:title"),
}


def _read_html(data: bytes, path: Path) -> SourceText:
    html, encoding = _decode_html(data, path.name)
    try:
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(html, "lxml")
        title_tag = soup.title
        title = _collapse(title_tag.get_text()) if title_tag is not None else ""
        page_meta = _page_meta(soup)
        renderer = _HtmlRenderer()
        text = renderer.render(soup)
        main = _main_content(html, text)
        if main is not None:
            headline = soup.find("h1")
            heading = _collapse(headline.get_text()) if headline is not None else ""
            text = renderer.text(keep=lambda block: _in_main(block, main, heading))
    except RecursionError as e:
        raise InputError(f"{path.name} is nested too deeply to be read as HTML") from e
    meta: dict[str, Any] = {"encoding": encoding, **page_meta, "main_content": main is not None}
    if title:
        meta["title"] = title
        if _WS.sub("", title) not in _WS.sub("", text):
            # The <title> is often the only place the document names itself (and so its
            # region and year); keep it as the first line when the body does not repeat it.
            text = f"{title}\n\n{text}"
    return SourceText(text=text, reader="html", meta=meta)


def _page_meta(soup: Any) -> dict[str, str]:
    """The page's own site name, date and headline from its ``<meta>`` tags, as document context."""
    found: dict[str, str] = {}
    by_name = {}
    for tag in soup.find_all("meta"):
        key = str(tag.get("name") or tag.get("property") or "").strip().lower()
        value = _collapse(str(tag.get("content") or ""))
        if key and value:
            by_name.setdefault(key, value)
    for field_name, keys in _PORTAL_META.items():
        for key in keys:
            if key.lower() in by_name:
                found[f"page_{field_name}"] = by_name[key.lower()]
                break
    return found


def _main_content(html: str, full_text: str) -> str | None:
    """The hanzi of the page's main content (navigation, sidebars, footers removed), or None.

    trafilatura (imported only for HTML) finds the article.  Only *which* blocks it keeps is
    used: the page is still rendered by our renderer (spans, ``<sup>``, merged table cells), and a
    block is kept when its hanzi occur in trafilatura's text (see ``_in_main``).
    """
    try:
        import trafilatura
    except ImportError:  # the boilerplate remover is missing: read the whole page
        return None
    try:
        main = trafilatura.extract(html, output_format="txt", include_tables=True, include_comments=False,
                                   include_images=False, favor_recall=True)
    except Exception:  # a failure to find the article is not a failure to read the page
        return None
    if not main:
        return None
    key = _hanzi_key(main)
    if len(key) < MIN_MAIN_CONTENT_SHARE * len(_hanzi_key(full_text)):
        return None
    return key


_NOT_HANZI = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff]+")


def _hanzi_key(text: str) -> str:
    """The hanzi of ``text`` only: digits, marks, spaces and punctuation differ between renderings."""
    return _NOT_HANZI.sub("", text)


def _in_main(block: str, main_key: str, heading: str) -> bool:
    """Whether a rendered block belongs to the main content whose hanzi are ``main_key``."""
    if block.startswith("| "):  # a table: kept when most of its cells' words are in the main content
        cells = [_hanzi_key(c) for c in re.split(r"(?<!\\)\|", block)]
        words = [c for c in cells if c]
        return not words or sum(c in main_key for c in words) >= 0.5 * len(words)
    key = _hanzi_key(block)
    return not key or key in main_key or (bool(heading) and _collapse(block) == heading)


def _decode_html(data: bytes, name: str) -> tuple[str, str]:
    """Decode HTML by its BOM or valid UTF-8, then its declared charset, then detection."""
    with contextlib.suppress(UnicodeDecodeError):
        return data.decode("utf-8-sig"), "utf-8"
    match = _META_CHARSET.search(data[:8192])
    if match:
        declared = match.group(1).decode("ascii", "replace").lower()
        encoding = "gb18030" if declared in _GB_FAMILY else declared
        if declared not in _UNTRUSTED_DECLARATIONS:
            with contextlib.suppress(UnicodeDecodeError, LookupError):
                return data.decode(encoding), codecs.lookup(encoding).name
        # A wrong declaration is common on old sites: fall back to detection.
    text, encoding, _bom = decode_text(data, name)
    return text, encoding


def _collapse(text: str) -> str:
    """Collapse HTML whitespace as a browser does, dropping line breaks between CJK characters.

    Source HTML wraps long Chinese lines anywhere; a space inside ``地区生产\n总值`` would
    split the words the extractor looks for (CSS Text 3 drops such segment breaks too).
    """
    return _WS.sub(_space_or_nothing, text).strip()


def _space_or_nothing(match: re.Match[str]) -> str:
    if "\n" in match.group() or "\r" in match.group():
        before = match.string[match.start() - 1 : match.start()]
        after = match.string[match.end() : match.end() + 1]
        if before and after and _is_wide(before) and _is_wide(after):
            return ""
    return " "


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


class _HtmlRenderer:
    """Render a parsed page as lines of text, iteratively.

    Iterative (an explicit stack) rather than recursive so that pathologically nested pages
    cannot exhaust Python's recursion limit.
    """

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.line: list[str] = []

    def render(self, soup: Any) -> str:
        from bs4 import Tag

        root = soup.body if soup.body is not None else soup
        stack: list[Any] = [root]
        while stack:
            node = stack.pop()
            if isinstance(node, _End):
                self._break()
                continue
            if not isinstance(node, Tag):
                if _is_text(node):
                    self.line.append(str(node))
                continue
            name = (node.name or "").lower()
            if name in _DROP_TAGS and node is not root:
                continue
            if name == "sup":
                self.line.append(_superscript(node.get_text()))
            elif name == "br":
                self._break()
            elif name == "pre":
                self._break()
                self.blocks.append(node.get_text().strip("\n"))
            elif name == "table":
                self._break()
                rows = _table_rows(node)
                if rows is None:  # a layout table: render its cells as ordinary blocks
                    stack.append(_End(name))
                    stack.extend(reversed(list(_layout_cells(node))))
                elif rows:
                    self.blocks.append("")  # Markdown needs a blank line around a table
                    self.blocks.append(_markdown_table(rows))
                    self.blocks.append("")
            elif name in _BLOCK_TAGS:
                self._break()
                stack.append(_End(name))
                stack.extend(reversed(node.contents))
            else:
                stack.extend(reversed(node.contents))
        self._break()
        return self.text()

    def text(self, keep: Callable[[str], bool] | None = None) -> str:
        """The rendered blocks as text, only those ``keep`` accepts when it is given."""
        lines: list[str] = []
        for block in self.blocks:
            if block == "" and (not lines or lines[-1] == ""):
                continue
            if block and keep is not None and not keep(block):
                continue
            lines.append(block)
        while lines and lines[-1] == "":
            lines.pop()
        return "\n".join(lines) + "\n" if lines else ""

    def _break(self) -> None:
        if self.line:
            text = _collapse("".join(self.line))
            self.line = []
            if text:
                self.blocks.append(text)


_SUPERSCRIPT = str.maketrans("0123456789()[]［］（）+-=", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾⁽⁾⁽⁾⁽⁾⁺⁻⁼")
_MARK_TEXT = re.compile(r"[\s\d()\[\]［］（）*+=-]{1,6}")


def _superscript(text: str) -> str:
    """``<sup>`` content as the superscript characters a reader sees (``m<sup>2</sup>`` → ``m²``).

    A reference mark after a number (``50<sup>1</sup>万``) so stays apart from its digits, and the
    normaliser can tell it from them; other superscript text (``<sup>注</sup>``) is kept as is.
    """
    stripped = text.strip()
    if _MARK_TEXT.fullmatch(stripped):
        return stripped.replace(" ", "").translate(_SUPERSCRIPT)
    return text


def _is_text(node: Any) -> bool:
    """Whether a non-tag node is visible text (not a comment, doctype, CDATA, …)."""
    from bs4 import NavigableString
    from bs4.element import PreformattedString

    return isinstance(node, NavigableString) and not isinstance(node, PreformattedString)


def _own_rows(table: Any) -> Iterator[Any]:
    """The ``<tr>`` of this table, not those of tables nested in its cells."""
    from bs4 import Tag

    stack = list(reversed(table.contents))
    while stack:
        node = stack.pop()
        if not isinstance(node, Tag):
            continue
        name = (node.name or "").lower()
        if name == "tr":
            yield node
        elif name in ("thead", "tbody", "tfoot"):
            stack.extend(reversed(node.contents))


def _own_cells(row: Any) -> list[Any]:
    from bs4 import Tag

    return [c for c in row.contents if isinstance(c, Tag) and (c.name or "").lower() in ("td", "th")]


def _contains_table(cell: Any) -> bool:
    # Not ``cell.find("table")``: bs4 walks to the subtree's last descendant first, which makes
    # deeply nested tables quadratic.
    from bs4 import Tag

    stack = [c for c in cell.contents if isinstance(c, Tag)]
    while stack:
        node = stack.pop()
        if (node.name or "").lower() == "table":
            return True
        stack.extend(c for c in node.contents if isinstance(c, Tag))
    return False


def _layout_cells(table: Any) -> Iterator[Any]:
    for row in _own_rows(table):
        yield from _own_cells(row)


def _span(cell: Any, attr: str) -> int:
    try:
        return max(1, min(int(str(cell.get(attr, "1")).strip() or 1), 1000))
    except ValueError:
        return 1


def _table_rows(table: Any) -> list[list[str]] | None:
    """The table's cells as a grid of Markdown cell strings, or None for a layout table.

    Spanned positions are filled so that every value stays under its column header: a header
    cell spanning columns is repeated (``2025年`` over ``目标|年均增长``), other spanned
    positions are left empty so that no number is duplicated.
    """
    grid: list[list[str]] = []
    pending: dict[int, int] = {}  # column → rows still covered by a rowspan from above
    for r, row in enumerate(_own_rows(table)):
        cells = _own_cells(row)
        is_header = r == 0 or (bool(cells) and all((c.name or "").lower() == "th" for c in cells))
        out: list[str] = []
        col = 0
        for cell in cells:
            while pending.get(col, 0) > 0:
                pending[col] -= 1
                out.append("")
                col += 1
            if _contains_table(cell):
                return None
            text = _cell_text(cell)
            if len(text) > _LAYOUT_CELL_CHARS:
                return None
            colspan, rowspan = _span(cell, "colspan"), _span(cell, "rowspan")
            for k in range(colspan):
                out.append(text if k == 0 or is_header else "")
                if rowspan > 1:
                    pending[col] = rowspan - 1
                col += 1
        while any(v > 0 for c, v in pending.items() if c >= col):
            if pending.get(col, 0) > 0:
                pending[col] -= 1
            out.append("")
            col += 1
        if any(out):
            grid.append(out)
    if not grid:
        return []
    if max(len(r) for r in grid) < 2:
        return None  # one column: a box around content, not a table of values
    # a header printed again further down (a table pasted page by page) is no data row, unless the
    # first row holds a bare number: then it is data, and equal data rows are the document's to say
    head = ["".join(c.split()) for c in grid[0]]
    if any(head) and not any(_NUMBER_CELL.fullmatch(c) for c in head):
        grid = [grid[0]] + [row for row in grid[1:] if ["".join(c.split()) for c in row] != head]
    return grid


def _cell_text(cell: Any) -> str:
    """A cell's text with ``<br>`` and bold kept as literal tags, as Markdown tables write them."""
    from bs4 import Tag

    parts: list[str] = []
    stack: list[Any] = list(reversed(cell.contents))
    while stack:
        node = stack.pop()
        if isinstance(node, _End):
            if node.name == "b":
                parts.append("</b>")
            else:
                parts.append("\n")
            continue
        if not isinstance(node, Tag):
            if _is_text(node):
                parts.append(str(node))
            continue
        name = (node.name or "").lower()
        if name in _DROP_TAGS:
            continue
        if name == "br":
            parts.append("\n")
        elif name in _BOLD_TAGS:
            parts.append("<b>")
            stack.append(_End("b"))
            stack.extend(reversed(node.contents))
        elif name in _BLOCK_TAGS:
            parts.append("\n")
            stack.append(_End(name))
            stack.extend(reversed(node.contents))
        else:
            stack.extend(reversed(node.contents))
    lines = [_collapse(line) for line in "".join(parts).split("\n")]
    text = "<br>".join(line for line in lines if line)
    text = re.sub(r"<b>\s*</b>", "", text)
    return text.replace("|", "\\|")


def _markdown_table(rows: list[list[str]]) -> str:
    width = max(len(r) for r in rows)
    padded = [r + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(padded[0]) + " |", "|" + "|".join([" --- "] * width) + "|"]
    lines.extend("| " + " | ".join(r) + " |" for r in padded[1:])
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# PDF

_CID = re.compile(r"\(cid:\d+\)")


@contextlib.contextmanager
def _quiet_pdfminer() -> Iterator[None]:
    """pdfminer logs warnings about harmless quirks of real PDFs; keep them off stderr."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _read_pdf(data: bytes, path: Path) -> SourceText:
    """The PDF's text in reading order (``planwatch.pdflayout``): columns one after the other,
    ruled tables as Markdown tables, running headers, footers and page numbers dropped."""
    if b"%PDF-" not in data[:1024]:
        raise InputError(f"{path.name} is not a PDF file (no PDF header)")
    import io

    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    from planwatch.pdflayout import PageTooComplex, pages_text, pdf_pages

    try:
        with _quiet_pdfminer(), pdfplumber.open(io.BytesIO(data)) as pdf:
            page_segments, scanned = pdf_pages(pdf)
            text, _empty_pages = pages_text(page_segments)
            pages = len(pdf.pages)
    except PageTooComplex as e:
        raise InputError(f"{path.name}: {e}") from e
    except RecursionError as e:
        raise InputError(f"{path.name} is a damaged PDF (its structure is nested too deeply)") from e
    except Exception as e:  # pdfminer (wrapped by pdfplumber) raises many unrelated types on damaged files
        cause = e.args[0] if e.args and isinstance(e.args[0], Exception) else e
        if isinstance(cause, PDFPasswordIncorrect):
            raise InputError(f"{path.name} is password-protected; remove the password and try again") from e
        if isinstance(cause, PDFEncryptionError):
            raise InputError(f"{path.name} is encrypted in a way that cannot be read ({cause})") from e
        if isinstance(cause, RecursionError):
            raise InputError(f"{path.name} is a damaged PDF (its structure is nested too deeply)") from e
        detail = str(cause).splitlines()[0] if str(cause) else type(cause).__name__
        raise InputError(f"{path.name} is a damaged or unreadable PDF: {detail}") from e
    if not _CID.sub("", text).strip():
        if _drawn_glyphs(data) > 0:
            raise InputError(
                f"{path.name} uses a font without a Unicode map: its text is drawn as glyphs that cannot be "
                "turned into characters; run OCR on it or ask for a PDF with embedded Unicode fonts"
            )
        return _read_scan(data, path, pages)
    if scanned:
        return _read_partly_scanned(data, path, page_segments, scanned) or SourceText(
            text=text, reader="pdf", meta={"pages": pages, "scanned_pages_unread": [i + 1 for i in scanned]})
    return SourceText(text=text, reader="pdf", meta={"pages": pages})


def _read_scan(data: bytes, path: Path, pages: int) -> SourceText:
    """A PDF without a text layer, read by OCR when the engine is installed (reader ``pdf+ocr``)."""
    from planwatch import ocr
    from planwatch.pdflayout import pages_text

    engine = ocr.engine()
    if engine is None:
        raise InputError(
            f"{path.name} has no text layer (it is a scanned or image-only PDF); run OCR on it first "
            "(or install tesseract-ocr and tesseract-ocr-chi-sim to have it read automatically)"
        )
    text, _empty = pages_text(ocr.ocr_pages(data, path.name))
    if not text.strip():
        raise InputError(f"{path.name} has no text layer, and OCR found no text in it (an image without writing?)")
    return SourceText(text=text, reader="pdf+ocr", meta={"pages": pages, "ocr": engine})


def _read_partly_scanned(data: bytes, path: Path, pages: list[tuple[float, list[Any]]],
                         scanned: list[int]) -> SourceText | None:
    """A PDF of typed and scanned pages: the scanned ones read by OCR in their place (reader
    ``pdf+ocr``, the OCR'd pages in ``meta["ocr_pages"]``), so that a scanned annex or table is
    not silently missing.  None without the OCR engine: the typed pages are read alone, and the
    pages left unread are named in the meta."""
    from planwatch import ocr
    from planwatch.pdflayout import pages_text

    engine = ocr.engine()
    if engine is None:
        return None
    read = ocr.ocr_pages(data, path.name, scanned)
    merged = list(pages)
    for index, page in zip(scanned, read, strict=True):
        merged[index] = (page[0], [*merged[index][1], *page[1]])
    text, _empty = pages_text(merged)
    meta = {"pages": len(pages), "ocr": engine, "ocr_pages": [i + 1 for i in scanned]}
    return SourceText(text=text, reader="pdf+ocr", meta=meta)


def _drawn_glyphs(data: bytes) -> int:
    """How many glyphs the PDF draws as text (pdfium counts them even when they map to no
    character, where pdfminer yields nothing); 0 when pdfium cannot open the file."""
    try:
        import pypdfium2
    except ImportError:
        return 0
    try:
        document = pypdfium2.PdfDocument(data)
    except Exception:  # a file pdfminer could read and pdfium cannot: count nothing
        return 0
    count = 0
    try:
        for index in range(min(len(document), 20)):
            count += document[index].get_textpage().count_chars()
    except Exception:  # a damaged page: count what was counted
        pass
    finally:
        document.close()
    return count


# ---------------------------------------------------------------------------------------------
# DOCX


def _read_docx(data: bytes, path: Path) -> SourceText:
    """All the text Word shows, in order, read from the package XML with lxml.

    python-docx reads only a paragraph's direct runs, so text in tracked insertions, text boxes,
    content controls, smart tags and hyperlinks was lost; here every run Word displays is read
    (deletions, moved-from text, hidden text and the VML duplicates of text boxes are not), notes
    are appended after the body under a 注释 line, and a superscript run or note reference is
    rendered as superscript characters so that it is never a digit of the number before it.
    """
    import io
    import zipfile

    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise InputError(f"{path.name} is an old-style Word .doc file; save it as .docx first")
    if not data.startswith(b"PK"):
        raise InputError(f"{path.name} is not a .docx file (it is not a ZIP package)")
    _refuse_zip_bomb(data, path)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            if "[Content_Types].xml" not in names:
                raise ValueError("no [Content_Types].xml")
            main = _docx_main_part(package, names)
            if main is None:
                raise ValueError("no main document part")
            blocks = _DocxText().blocks(_docx_xml(package.read(main)))
            notes: list[str] = []
            for part in _docx_related(package, names, main, ("footnotes", "endnotes")):
                notes.extend(_DocxText().notes(_docx_xml(package.read(part))))
    except RecursionError as e:
        raise InputError(f"{path.name} is nested too deeply to be read") from e
    except InputError:
        raise
    except Exception as e:  # zipfile/lxml each raise their own types
        detail = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise InputError(f"{path.name} is a damaged or unreadable .docx file: {detail}") from e
    meta: dict[str, Any] = {}
    if notes:
        meta["notes"] = len(notes)
        blocks += [*([""] if blocks and blocks[-1] else []), "注释：", *notes]
    text = "\n".join(blocks)
    return SourceText(text=text + "\n" if text else text, reader="docx", meta=meta)


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"


def _w(tag: str) -> str:
    return f"{{{_W_NS}}}{tag}"


def _docx_xml(raw: bytes) -> Any:
    """Parse a package part safely: no entity expansion, no network (as python-docx does)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
    return etree.fromstring(raw, parser)


def _docx_rels(package: Any, names: set[str], part: str) -> list[tuple[str, str]]:
    """(type, target part) of the relationships of ``part`` ("" for the package)."""
    import posixpath

    folder, base = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", base + ".rels")
    if rels not in names:
        return []
    out = []
    for rel in _docx_xml(package.read(rels)).iter(f"{{{_REL_NS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out.append((rel.get("Type", ""), target))
    return out


def _docx_main_part(package: Any, names: set[str]) -> str | None:
    for kind, target in _docx_rels(package, names, ""):
        if kind == _OFFICE_DOCUMENT and target in names:
            return target
    return "word/document.xml" if "word/document.xml" in names else None


def _docx_related(package: Any, names: set[str], main: str, kinds: tuple[str, ...]) -> list[str]:
    found = {kind.rsplit("/", 1)[-1]: target for kind, target in _docx_rels(package, names, main)}
    return [found[k] for k in kinds if found.get(k) in names]


# Subtrees whose text Word does not show (or shows elsewhere): deletions, moved-from text, the
# VML fallback of a text box (the same text as its DrawingML choice), field codes, properties.
_DOCX_SKIP = frozenset(_w(t) for t in ("del", "moveFrom", "pPr", "rPr", "instrText", "delInstrText", "tblPr",
                                       "trPr", "tcPr", "sdtPr", "sdtEndPr", "fldData"))
_DOCX_SKIP |= {f"{{{_MC_NS}}}Fallback"}
_DOCX_NOTE_TYPES = frozenset({"separator", "continuationSeparator", "continuationNotice"})


class _DocxText:
    """Render WordprocessingML as lines, tables as Markdown, walking the tree without recursion."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.paragraphs: list[list[str]] = []  # open paragraphs (a text box nests one in another)
        self.table_depth = 0
        self.rows: list[list[tuple[str, int, str | None]]] = []  # (text, grid span, vMerge)
        self.header_rows: list[bool] = []  # per row: marked to repeat on each page (w:tblHeader)
        self.cell: list[str] | None = None
        self.cell_props: tuple[int, str | None] = (1, None)
        self.superscript = 0
        self.hidden = 0
        self.note_id = ""

    def blocks(self, root: Any) -> list[str]:
        body = root.find(_w("body"))
        self._walk(body if body is not None else root)
        return self.out

    def notes(self, root: Any) -> list[str]:
        for note in root:
            if note.get(_w("type")) in _DOCX_NOTE_TYPES:
                continue
            before = len(self.out)
            self.note_id = note.get(_w("id"), "")
            self._walk(note)
            text = " ".join(line for line in self.out[before:] if line.strip())
            del self.out[before:]
            if text:
                self.out.append(text)
        return self.out

    def _walk(self, root: Any) -> None:
        from lxml import etree

        walker = etree.iterwalk(root, events=("start", "end"))
        for event, el in walker:
            tag = el.tag
            if not isinstance(tag, str):
                continue
            if event == "start":
                if tag in _DOCX_SKIP:
                    walker.skip_subtree()
                    continue
                self._start(tag, el)
            else:
                self._end(tag, el)

    def _start(self, tag: str, el: Any) -> None:
        if tag == _w("p"):
            self.paragraphs.append([])
        elif tag == _w("r"):
            rpr = el.find(_w("rPr"))
            valign = rpr.find(_w("vertAlign")) if rpr is not None else None
            vanish = rpr.find(_w("vanish")) if rpr is not None else None
            self.superscript += valign is not None and valign.get(_w("val")) == "superscript"
            self.hidden += vanish is not None and vanish.get(_w("val"), "true") not in ("0", "false")
        elif tag in (_w("t"), _w("tab"), _w("br"), _w("cr"), _w("noBreakHyphen"), _w("footnoteReference"),
                     _w("endnoteReference"), _w("footnoteRef"), _w("endnoteRef")):
            self._text(tag, el)
        elif tag == _w("tbl"):
            self.table_depth += 1
            if self.table_depth == 1:
                self.rows, self.header_rows = [], []
        elif tag == _w("tr") and self.table_depth == 1:
            self.rows.append([])
            trpr = el.find(_w("trPr"))
            mark = trpr.find(_w("tblHeader")) if trpr is not None else None
            self.header_rows.append(mark is not None and mark.get(_w("val"), "true") not in ("0", "false"))
        elif tag == _w("tc") and self.table_depth == 1:
            self.cell = []
            tcpr = el.find(_w("tcPr"))
            span = tcpr.find(_w("gridSpan")) if tcpr is not None else None
            vmerge = tcpr.find(_w("vMerge")) if tcpr is not None else None
            try:
                columns = max(1, min(int(span.get(_w("val"), "1")), 1000)) if span is not None else 1
            except ValueError:
                columns = 1
            merge = None if vmerge is None else (vmerge.get(_w("val")) or "continue")
            self.cell_props = (columns, merge)

    def _text(self, tag: str, el: Any) -> None:
        if not self.paragraphs or self.hidden:
            return
        line = self.paragraphs[-1]
        if tag == _w("t"):
            text = el.text or ""
            line.append(_superscript(text) if self.superscript else text)
        elif tag == _w("tab"):
            line.append("\t")
        elif tag in (_w("br"), _w("cr")):
            line.append("\n")
        elif tag == _w("noBreakHyphen"):
            line.append("-")
        elif tag in (_w("footnoteReference"), _w("endnoteReference")):
            line.append(_superscript(el.get(_w("id"), "")))
        else:  # the note's own number at the start of a footnote
            line.append(_superscript(self.note_id))

    def _end(self, tag: str, el: Any) -> None:
        if tag == _w("p"):
            text = "".join(self.paragraphs.pop()) if self.paragraphs else ""
            if self.table_depth and self.cell is not None:
                self.cell.extend(text.splitlines())
            elif not self.table_depth:  # a text box's paragraphs come before the one that holds it
                self.out.append(text)
        elif tag == _w("r"):
            rpr = el.find(_w("rPr"))
            valign = rpr.find(_w("vertAlign")) if rpr is not None else None
            vanish = rpr.find(_w("vanish")) if rpr is not None else None
            self.superscript -= valign is not None and valign.get(_w("val")) == "superscript"
            self.hidden -= vanish is not None and vanish.get(_w("val"), "true") not in ("0", "false")
        elif tag == _w("tc") and self.table_depth == 1 and self.cell is not None:
            text = "<br>".join(s for s in (_collapse(line) for line in self.cell) if s).replace("|", "\\|")
            columns, merge = self.cell_props
            if self.rows:
                self.rows[-1].append((text, columns, merge))
            self.cell = None
        elif tag == _w("tbl"):
            self.table_depth -= 1
            if self.table_depth == 0:
                rows = _docx_grid(_without_repeated_headers(self.rows, self.header_rows))
                if rows:
                    self.out.extend(["", _markdown_table(rows), ""])
                self.rows, self.header_rows = [], []


_NUMBER_CELL = re.compile(r"[-+−]?\d[\d,.]*%?")


def _without_repeated_headers(
    rows: list[list[tuple[str, int, str | None]]], marked: list[bool]
) -> list[list[tuple[str, int, str | None]]]:
    """A table's rows without the copies of its header met further down.

    Word repeats the rows marked ``w:tblHeader`` on each page by itself (they are in the XML
    once), but a table split by hand, or converted from a PDF, carries the header again as a
    real row after each page break; read as data, its years (``2020年``) become values of an
    indicator named ``指标名称``.  The header is the leading rows marked to repeat, else the
    first row; a later row with the same cells (text but for spaces, and spans) is a copy of it
    and is dropped — unless a cell of the header is a bare number: then the first row is data,
    and two equal data rows are the document's to say.
    """
    n_head = next((i for i, m in enumerate(marked) if not m), len(marked)) or 1

    def cells(row: list[tuple[str, int, str | None]]) -> list[tuple[str, int]]:
        return [("".join(text.split()), columns) for text, columns, _ in row]

    heads = [cells(row) for row in rows[:n_head]]
    if any(_NUMBER_CELL.fullmatch(text) for head in heads for text, _ in head) or not any(
        text for head in heads for text, _ in head
    ):
        return rows
    return rows[:n_head] + [row for row in rows[n_head:] if cells(row) not in heads]


def _docx_grid(rows: list[list[tuple[str, int, str | None]]]) -> list[list[str]]:
    """A Word table as a grid.  A vertically merged cell shows its text across all its rows, so a
    label or unit is filled into the rows below; a number is not repeated (it would be counted as
    one fact per row).  A header cell spanning columns is repeated over them, as in HTML."""
    grid: list[list[str]] = []
    above: dict[int, str] = {}
    for r, row in enumerate(rows):
        out: list[str] = []
        for text, columns, merge in row:
            col = len(out)
            if merge == "continue":
                kept = above.get(col, "")
                text = "" if _NUMBER_CELL.fullmatch(kept) else kept
            else:
                above[col] = text
            for k in range(columns):
                out.append(text if k == 0 or r == 0 else "")
        if any(out):
            grid.append(out)
    return grid


def _refuse_zip_bomb(data: bytes, path: Path) -> None:
    """Refuse a package whose parts unpack to more than ``MAX_UNPACKED_BYTES``.

    The sizes come from the ZIP's directory; a part cannot unpack to more than its declared size
    (``zipfile`` stops there and fails the CRC check), so the sum bounds what python-docx reads.
    """
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            unpacked = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return  # a damaged package: python-docx says so below
    if unpacked > MAX_UNPACKED_BYTES:
        raise InputError(
            f"{path.name} unpacks to {unpacked / 1048576:.0f} MB (the limit is "
            f"{MAX_UNPACKED_BYTES / 1048576:.0f} MB): it is not a document that can be read safely"
        )
