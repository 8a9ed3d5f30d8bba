"""The report as PDF: the print version of the HTML page, laid out by WeasyPrint.

Why WeasyPrint: it is a Python package (no browser to install or drive), it lays out CSS
paged media (A4, page numbers, table headers repeated on every page), and it embeds subsets of
the fonts it uses, so the PDF shows Chinese on any reader and its text layer holds the real
characters (searchable, copyable, and what ``pdfminer`` extracts).  It needs Pango from the
system (Debian: ``libpango-1.0-0 libpangoft2-1.0-0``) and a CJK font (``fonts-noto-cjk``); both
are checked here so that a missing one is a one-line error, not a PDF of empty boxes.
"""

from __future__ import annotations

import logging
from types import ModuleType

from planwatch.report.model import Report, ReportError

PANGO_MESSAGE = (
    "PDF output needs the Pango library, which is not installed "
    "(Debian/Ubuntu: apt-get install libpango-1.0-0 libpangoft2-1.0-0)"
)


def _weasyprint() -> ModuleType:
    try:
        import weasyprint
    except OSError as e:  # the Python package is there, its C libraries are not
        raise ReportError(f"{PANGO_MESSAGE}: {e}") from e
    except ImportError as e:
        raise ReportError(f"PDF output needs WeasyPrint (pip install weasyprint): {e}") from e
    return weasyprint


def render_pdf(report: Report) -> bytes:
    from planwatch.report.charts import cjk_font
    from planwatch.report.html import page

    family, _path = cjk_font()  # the same font for the text as for the charts; fails without one
    weasyprint = _weasyprint()
    # WeasyPrint logs every CSS property it ignores; the user of a CLI only needs real errors.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    html = page(report, for_print=True, font_family=family)
    document = weasyprint.HTML(string=html, base_url=None)
    data = document.write_pdf()
    if not data:
        raise ReportError("the PDF renderer produced no output")
    return bytes(data)
