"""Charts of the key indicators, drawn with matplotlib in a CJK font found among installed fonts.

Matplotlib's default font has no Chinese glyphs: labels would come out as empty boxes (tofu)
with only a warning.  So the font is chosen here explicitly — the first installed family of
``CJK_FAMILIES`` (Debian's ``fonts-noto-cjk`` gives Noto Sans CJK SC), else any installed font
that covers ``PROBE`` — and when there is none the report fails with a message that says what
to install, rather than producing a chart nobody can read.

Figures are made with ``matplotlib.figure.Figure`` directly (no pyplot): no global state, no
GUI backend, safe in a server.  SVG output draws glyphs as paths, so a chart looks the same in a
browser or a PDF whatever fonts the reader has.
"""

from __future__ import annotations

import io
import os
from functools import lru_cache
from typing import Literal

from planwatch.report import fmt
from planwatch.report.model import IndicatorChart, ReportError

#: Families tried in order: Simplified Chinese first (glyph shapes differ between regions).
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Noto Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Droid Sans Fallback",
    "AR PL UMing CN",
    "Noto Sans CJK JP",
    "Noto Sans CJK TC",
)
#: Characters every chart needs: a font lacking any of them would draw tofu.
PROBE = "地区生产总值目标预计实际年亿元万人规划"
#: Set to a family name to force a font (it must still cover ``PROBE``).
FONT_ENV = "PLANWATCH_CJK_FONT"

NO_FONT_MESSAGE = (
    "no font with Chinese characters is installed, so charts would show empty boxes: install one "
    "(Debian/Ubuntu: apt-get install fonts-noto-cjk) or set PLANWATCH_CJK_FONT to an installed family"
)

OBSERVED_COLOUR = "#1f5fa8"
TARGET_COLOUR = "#c0392b"
STATUS_COLOURS = {
    "achieved": "#2e7d32",
    "on track": "#2e7d32",
    "moderate": "#e69500",
    "insufficient": "#d35400",
    "moving away": "#c0392b",
    "not achieved": "#c0392b",
    "no data": "#7f8c8d",
}


def _covers(path: str, text: str) -> bool:
    from matplotlib.ft2font import FT2Font

    try:
        charmap = FT2Font(path).get_charmap()
    except (OSError, RuntimeError, ValueError):
        return False
    return all(ord(ch) in charmap for ch in text)


@lru_cache(maxsize=1)
def cjk_font() -> tuple[str, str]:
    """(family, file) of an installed font that draws Chinese; ``ReportError`` if there is none."""
    from matplotlib import font_manager

    fonts = font_manager.fontManager.ttflist
    by_name: dict[str, list[str]] = {}
    for f in fonts:
        by_name.setdefault(f.name, []).append(f.fname)
    wanted = [os.environ[FONT_ENV]] if os.environ.get(FONT_ENV) else []
    for family in (*wanted, *CJK_FAMILIES):
        for path in by_name.get(family, []):
            if _covers(path, PROBE):
                return family, path
    if wanted:
        raise ReportError(f"{FONT_ENV}={wanted[0]!r} is not an installed font that covers Chinese")
    for f in sorted(fonts, key=lambda f: f.name):  # last resort: any font that has the glyphs
        if _covers(f.fname, PROBE):
            return f.name, f.fname
    raise ReportError(NO_FONT_MESSAGE)


_CACHE: dict[tuple[object, ...], bytes] = {}
_CACHE_SIZE = 64


def draw(chart: IndicatorChart, kind: Literal["svg", "png"] = "svg", *, dpi: int = 160) -> bytes:
    """One indicator: observed levels (solid), the path the target requires (dashed), the target.

    Drawing is the slow part of a report (about 0.1 s a chart) and the HTML and PDF of one
    report draw the same charts, so results are kept per chart content, kind and resolution.
    """
    key = (
        cjk_font(),
        chart.indicator,
        chart.unit,
        tuple((p.year, p.value, p.kind) for p in chart.observed),
        tuple((t.year, t.value, t.qualifier, t.status) for t in chart.targets),
        kind,
        dpi,
    )
    if key not in _CACHE:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.clear()
        _CACHE[key] = _draw(chart, kind, dpi)
    return _CACHE[key]


def _draw(chart: IndicatorChart, kind: Literal["svg", "png"], dpi: int) -> bytes:
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    family, _path = cjk_font()
    settings = {
        "font.family": [family],
        "axes.unicode_minus": False,  # the CJK font may lack U+2212
        "svg.fonttype": "path",
        "svg.hashsalt": "planwatch",  # stable ids: the same report gives the same bytes
        "font.size": 9,
    }
    with matplotlib.rc_context(settings):
        fig = Figure(figsize=(6.4, 2.7), layout="constrained")
        ax = fig.add_subplot()
        xs = [p.year for p in chart.observed]
        ys = [p.value for p in chart.observed]
        ax.plot(xs, ys, "-o", color=OBSERVED_COLOUR, linewidth=1.8, markersize=5, label="实际/预计值")
        for p in chart.observed:
            label = fmt.number(p.value) + ("（预计）" if p.kind == "estimate" else "")
            ax.annotate(label, (p.year, p.value), textcoords="offset points", xytext=(0, 7), ha="center",
                        fontsize=8, color=OBSERVED_COLOUR)  # fmt: skip
        last = chart.observed[-1]
        path_drawn = False
        for i, t in enumerate(chart.targets):
            colour = STATUS_COLOURS.get(t.status, TARGET_COLOUR)
            if t.status not in ("achieved", "not achieved") and t.year > last.year:  # a path still to go
                ax.plot([last.year, t.year], [last.value, t.value], "--", color=TARGET_COLOUR, linewidth=1.2,
                        label=None if path_drawn else "达到目标所需路径")  # fmt: skip
                path_drawn = True
            ax.plot([t.year], [t.value], marker="*", markersize=13, color=colour, linestyle="none",
                    label="规划目标" if i == 0 else None)  # fmt: skip
            ax.annotate(f"目标 {fmt.target_text(t.value, '', t.qualifier)}", (t.year, t.value),
                        textcoords="offset points", xytext=(0, 9), ha="center", fontsize=8, color=colour)  # fmt: skip
        years = xs + [t.year for t in chart.targets]
        ax.set_xlim(min(years) - 1.2, max(years) + 1.2)  # room for the value labels
        values = ys + [t.value for t in chart.targets]
        low, high = min(values), max(values)
        pad = (high - low) * 0.25 or abs(high) * 0.2 or 1.0
        bottom = max(0.0, low - pad) if low >= 0 else low - pad  # no negative axis for positive data
        ax.set_ylim(bottom, high + pad)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_title(f"{chart.indicator}（{chart.unit or '—'}）", fontsize=10)
        ax.set_xlabel("年份")
        ax.grid(True, color="#dddddd", linewidth=0.6)
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(loc="best", fontsize=8, frameon=False)
        buf = io.BytesIO()
        if kind == "svg":
            fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
        else:
            fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
    return buf.getvalue()
