"""The gazetteer: names resolve to the right unit, and region mentions are found in real text."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from planwatch.gazetteer import Gazetteer, Region, load_gazetteer

SAMPLE_DIR = Path(__file__).resolve().parents[1] / "planwatch" / "sample"

PROVINCES = [
    ("北京市", "北京"), ("天津市", "天津"), ("河北省", "河北"), ("山西省", "山西"),
    ("内蒙古自治区", "内蒙古"), ("辽宁省", "辽宁"), ("吉林省", "吉林"), ("黑龙江省", "黑龙江"),
    ("上海市", "上海"), ("江苏省", "江苏"), ("浙江省", "浙江"), ("安徽省", "安徽"),
    ("福建省", "福建"), ("江西省", "江西"), ("山东省", "山东"), ("河南省", "河南"),
    ("湖北省", "湖北"), ("湖南省", "湖南"), ("广东省", "广东"), ("广西壮族自治区", "广西"),
    ("海南省", "海南"), ("重庆市", "重庆"), ("四川省", "四川"), ("贵州省", "贵州"),
    ("云南省", "云南"), ("西藏自治区", "西藏"), ("陕西省", "陕西"), ("甘肃省", "甘肃"),
    ("青海省", "青海"), ("宁夏回族自治区", "宁夏"), ("新疆维吾尔自治区", "新疆"),
]  # fmt: skip


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def jinzhou(gaz: Gazetteer) -> Region:
    region = gaz.resolve("锦州市")
    assert region is not None
    return region


def _sample(name: str) -> str:
    return (SAMPLE_DIR / name).read_text(encoding="utf-8")


# -- hierarchy ------------------------------------------------------------------------------
def test_parents_of_a_district(gaz: Gazetteer) -> None:
    linghe = gaz.resolve("凌河区")
    assert linghe is not None
    assert (linghe.code, linghe.level, linghe.short) == ("210703", "county", "凌河")
    parents = gaz.parents(linghe)
    assert [p.name for p in parents] == ["锦州市", "辽宁省"]
    assert [p.code for p in parents] == ["210700", "210000"]
    assert [p.level for p in parents] == ["city", "province"]


def test_municipality_districts_hang_under_the_province(gaz: Gazetteer) -> None:
    chaoyang = gaz.resolve("朝阳区")
    assert chaoyang is not None and chaoyang.code == "110105"
    assert [p.name for p in gaz.parents(chaoyang)] == ["北京市"]
    # The data's pseudo-city 110100 北京市 is not a second 北京市.
    assert [r.code for r in gaz.candidates("北京市")] == ["110000"]


def test_province_administered_county_level_city(gaz: Gazetteer) -> None:
    xiantao = gaz.resolve("仙桃市")
    assert xiantao is not None and xiantao.level == "county"
    assert [p.name for p in gaz.parents(xiantao)] == ["湖北省"]
    hubei = gaz.resolve("湖北")
    assert gaz.resolve("神农架", context=hubei) == gaz.resolve("神农架林区")


def test_get_accepts_six_and_twelve_digit_codes(gaz: Gazetteer) -> None:
    assert gaz.get("210703") == gaz.get("210703000000") == gaz.resolve("凌河区")
    assert gaz.get("999999") is None


def test_non_regions_are_dropped(gaz: Gazetteer) -> None:
    assert gaz.resolve("苏鲁交界") is None
    assert gaz.resolve("海域") is None
    assert len([r for r in gaz if r.level == "province"]) == 34  # 31 + 香港, 澳门, 台湾


# -- resolution -----------------------------------------------------------------------------
@pytest.mark.parametrize(("full", "short"), PROVINCES)
def test_all_provinces_resolve_by_full_and_short_name(gaz: Gazetteer, full: str, short: str) -> None:
    by_full = gaz.resolve(full)
    assert by_full is not None and by_full.name == full and by_full.level == "province"
    assert by_full.short == short
    assert gaz.resolve(short) == by_full


def test_short_city_name(gaz: Gazetteer) -> None:
    jz = gaz.resolve("锦州")
    assert jz is not None and jz.name == "锦州市" and jz.code == "210700"


@pytest.mark.parametrize(
    ("name", "expected"),
    [("延边", "延边朝鲜族自治州"), ("恩施", "恩施土家族苗族自治州"), ("大兴安岭", "大兴安岭地区"),
     ("锡林郭勒", "锡林郭勒盟"), ("海西", "海西蒙古族藏族自治州"), ("雄安", "雄安新区")],
)  # fmt: skip
def test_prefecture_aliases(gaz: Gazetteer, name: str, expected: str) -> None:
    region = gaz.resolve(name)
    assert region is not None and region.name == expected


def test_district_short_names_need_a_context(gaz: Gazetteer, jinzhou: Region) -> None:
    taihe_district = gaz.resolve("太和区", context=jinzhou)
    assert taihe_district is not None and taihe_district.code.startswith("2107")
    assert gaz.resolve("太和", context=jinzhou) == taihe_district
    assert gaz.resolve("古塔", context=jinzhou) == gaz.resolve("古塔区")
    assert gaz.resolve("太和") is None  # 太和区 (锦州) or 太和县 (安徽)?
    assert {r.name for r in gaz.candidates("太和")} == {"太和区", "太和县"}
    assert gaz.candidates("太和", context=jinzhou)[0] == taihe_district
    # A district of another city is not valid in this context.
    assert gaz.resolve("凌河", context=gaz.resolve("沈阳")) is None


def test_ambiguous_names_prefer_context_then_higher_level(gaz: Gazetteer) -> None:
    chaoyang_city = gaz.resolve("朝阳")
    assert chaoyang_city is not None and chaoyang_city.name == "朝阳市"
    beijing_district = gaz.resolve("朝阳", context=gaz.resolve("北京"))
    assert beijing_district is not None and beijing_district.code == "110105"
    jilin = gaz.resolve("吉林")
    assert jilin is not None and jilin.level == "province"


def test_shared_full_names(gaz: Gazetteer) -> None:
    gulou = gaz.candidates("鼓楼区")
    assert len(gulou) >= 4
    assert gaz.resolve("鼓楼区") == gulou[0]
    fuzhou_gulou = gaz.resolve("鼓楼区", context=gaz.resolve("福州"))
    assert fuzhou_gulou is not None and fuzhou_gulou.code.startswith("3501")


def test_short_names_are_never_one_character(gaz: Gazetteer) -> None:
    assert all(len(r.short) >= 2 for r in gaz if r.short)
    assert gaz.get("500233").name == "忠县" and gaz.get("500233").short == ""


# -- find_all -------------------------------------------------------------------------------
def _mentions(gaz: Gazetteer, text: str, context: Region | None = None) -> list[tuple[str, str]]:
    return [(text[s:e], r.name) for s, e, r in gaz.find_all(text, context)]


def test_find_all_finds_the_report_heading(gaz: Gazetteer) -> None:
    text = _sample("001_a4dd6afc1d6d7e9f.txt")
    heading = "锦州市古塔区政府工作报告"
    pos = text.index(heading)
    found = {(s, e): r for s, e, r in gaz.find_all(text)}
    assert found[(pos, pos + 3)].name == "锦州市"
    assert found[(pos + 3, pos + 6)].name == "古塔区"
    assert found[(pos + 3, pos + 6)].code == "210702"


def test_find_all_district_short_names_with_context(gaz: Gazetteer, jinzhou: Region) -> None:
    text = _sample("001_a4dd6afc1d6d7e9f.txt")
    sentence = "古塔、凌河、太和三城区完成地区生产总值 370 亿元"
    assert sentence in text
    assert _mentions(gaz, sentence, jinzhou) == [("古塔", "古塔区"), ("凌河", "凌河区"), ("太和", "太和区")]
    assert _mentions(gaz, sentence) == []  # without a context a district short name is not trusted


def test_find_all_does_not_invent_regions(gaz: Gazetteer, jinzhou: Region) -> None:
    text = _sample("001_a4dd6afc1d6d7e9f.txt")
    spans = {text[s:e] for s, e, _ in gaz.find_all(text, jinzhou)}
    assert not spans & {"中国", "东北", "城区", "四县"}
    assert _mentions(gaz, "中国(锦州)东北地区老工业基地", jinzhou) == [("锦州", "锦州市")]
    assert _mentions(gaz, "确保四县(市)城镇化率提高2个百分点", jinzhou) == []


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("锦州北站、凌海南站通车", "锦州市", [("锦州", "锦州市"), ("凌海", "凌海市")]),
        ("美丽江苏建设", None, [("江苏", "江苏省")]),  # not 丽江
        ("推进南京东路、广州街改造", None, []),  # streets
        ("加快推进南昌都市圈建设", None, [("南昌", "南昌市")]),  # not 昌都市
        ("依托小凌河北岸", "锦州市", []),  # a river, and not 河北
        ("绿水青山就是金山银山", "上海市", []),
        ("沿海城市协同发展", "辽宁省", []),  # not 海城市
        ("国家乡村振兴示范县", "河南省", []),  # not 范县
        ("朝阳产业", None, []),
        ("辽宁省锦州市凌河区", None, [("辽宁省", "辽宁省"), ("锦州市", "锦州市"), ("凌河区", "凌河区")]),
        ("辽宁、吉林和黑龙江", None, [("辽宁", "辽宁省"), ("吉林", "吉林省"), ("黑龙江", "黑龙江省")]),
    ],
)
def test_find_all_cases(gaz: Gazetteer, text: str, context: str | None, expected: list) -> None:
    ctx = gaz.resolve(context) if context else None
    assert _mentions(gaz, text, ctx) == expected


def test_find_all_offsets_index_the_text(gaz: Gazetteer, jinzhou: Region) -> None:
    text = _sample("003_821d0610ff899f65.txt")
    found = gaz.find_all(text, jinzhou)
    assert found
    last_end = -1
    for start, end, region in found:
        assert start >= last_end  # in order, non-overlapping
        assert text[start:end] in (region.name, region.short)
        last_end = end


def test_find_all_is_fast_on_long_documents(gaz: Gazetteer, jinzhou: Region) -> None:
    text = _sample("004_9898a4a294c82fae.txt")[:60_000]
    best = min(_timed(gaz, text, jinzhou) for _ in range(3))
    assert best < 0.05


def _timed(gaz: Gazetteer, text: str, context: Region) -> float:
    t0 = time.perf_counter()
    gaz.find_all(text, context)
    return time.perf_counter() - t0


def test_load_is_cached() -> None:
    assert load_gazetteer() is load_gazetteer()
