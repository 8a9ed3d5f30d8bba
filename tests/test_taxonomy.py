"""The indicator taxonomy: its data file is sound, and phrases resolve as documents mean them."""

from __future__ import annotations

import re
import time

import pytest
import yaml

from planwatch.taxonomy import DIRECTIONS, Indicator, Taxonomy, load_taxonomy, normalize

FIELDS = {
    "经济发展", "创新驱动", "民生福祉", "绿色生态", "安全保障", "改革开放", "社会事业", "基础设施", "农业农村"
}  # fmt: skip


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    return load_taxonomy()


def _raw_entries() -> list[dict]:
    import importlib.resources

    text = (importlib.resources.files("planwatch") / "data" / "indicators.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


# -- the data file --------------------------------------------------------------------------
def test_taxonomy_is_large_enough(tax: Taxonomy) -> None:
    assert len(tax) >= 130
    assert len(list(tax)) == len(tax)


def test_ids_are_unique_snake_case() -> None:
    ids = [e["id"] for e in _raw_entries()]
    assert len(ids) == len(set(ids))
    for indicator_id in ids:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", indicator_id), indicator_id


def test_every_entry_is_complete(tax: Taxonomy) -> None:
    names = set()
    for ind in tax:
        assert ind.direction in DIRECTIONS, ind.id
        assert ind.field in FIELDS, (ind.id, ind.field)
        assert ind.name and ind.en, ind.id
        assert isinstance(ind.unit, str), ind.id
        assert ind.name not in names, ind.name
        names.add(ind.name)


def test_no_phrase_is_claimed_by_two_indicators(tax: Taxonomy) -> None:
    owner: dict[str, str] = {}
    for ind in tax:
        for form in (*ind.forms, *ind.exact):
            key = normalize(form)
            assert owner.setdefault(key, ind.id) == ind.id, (form, owner[key], ind.id)


def test_conflicting_synonyms_are_rejected() -> None:
    a = Indicator("a", "甲", "A", "", "up", "经济发展", ("同名",))
    b = Indicator("b", "乙", "B", "", "up", "经济发展", ("同名",))
    with pytest.raises(ValueError, match="同名"):
        Taxonomy([a, b])


def test_load_is_cached() -> None:
    assert load_taxonomy() is load_taxonomy()


# -- look-ups -------------------------------------------------------------------------------
def test_get_and_by_name(tax: Taxonomy) -> None:
    gdp = tax.get("gdp")
    assert gdp is not None and gdp.name == "地区生产总值"
    assert tax.by_name("地区生产总值") is gdp
    assert tax.by_name("GDP") is None  # by_name is the canonical name only
    assert tax.get("no_such_id") is None
    assert "gdp" in tax


# -- resolution -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("公共财政预算收入", "一般公共预算收入"),
        ("地方财政一般预算收入", "一般公共预算收入"),
        ("地方一般公共预算收入", "一般公共预算收入"),
        ("城市居民人均可支配收入", "城镇居民人均可支配收入"),
        ("城镇居民可支配收入", "城镇居民人均可支配收入"),
        ("农民人均纯收入", "农民人均纯收入"),
        ("人均地区生产总值", "人均地区生产总值"),
        ("人均GDP", "人均地区生产总值"),
        ("GDP", "地区生产总值"),
        ("经济总量", "地区生产总值"),
        ("全市实现地区生产总值", "地区生产总值"),  # leading fillers
        ("预计全市地区生产总值", "地区生产总值"),
        ("地区生产总值年均增长", "地区生产总值"),  # growth words after the name
        ("辽宁省地区生产总值", "地区生产总值"),  # a region before the name
        ("固定资产投资额", "固定资产投资"),
        ("社会消费品零售额", "社会消费品零售总额"),
        ("实际利用外资额", "实际利用外资"),
        ("外贸出口额", "出口总额"),
        ("出口", "出口总额"),  # exact-only form
        ("新设各类市场主体", "新设市场主体"),
        ("规模以上工业增加值能耗", "单位工业增加值能耗"),
        ("服务业增加值占地区生产总值比重", "服务业增加值比重"),
        ("万元GDP能耗", "单位地区生产总值能源消耗"),
        ("锦州港货物吞吐量", "港口货物吞吐量"),
        ("锦州机场年旅客吞吐量", "旅客吞吐量"),
        ("城区空气质量优良率", "空气质量优良天数比例"),
        ("PM2.5浓度", "细颗粒物(PM2.5)浓度"),
        ("细颗粒物（PM₂.₅）浓度", "细颗粒物(PM2.5)浓度"),  # full-width brackets, subscripts
        ("地表水达到或好于Ⅲ类水体比例", "地表水达到或好于III类水体比例"),  # Roman numeral sign
        ("居民消费价格涨幅", "居民消费价格"),
        ("新农合常住人口参合率", "新型农村合作医疗参合率"),
        ("“城镇新增就业”", "城镇新增就业"),  # quotes
        ("新增就业", "城镇新增就业"),  # 新增 is part of the name, not a filler
        ("四县(市)城镇化率", "常住人口城镇化率"),
        ("研发经费投入强度", "研究与试验发展经费投入强度"),
        ("每万人发明专利拥有量", "每万人口发明专利拥有量"),
    ],
)
def test_resolve(tax: Taxonomy, phrase: str, name: str) -> None:
    ind = tax.resolve(phrase)
    assert ind is not None, phrase
    assert ind.name == name


@pytest.mark.parametrize(
    "phrase",
    [
        "万元地区生产总值耗水量",  # contains 地区生产总值 but is a different quantity
        "地区生产总值增长贡献率",
        "固定资产投资项目",
        "高新技术产品出口额",  # a subset of exports
        "新增高新技术企业",  # a flow, not the stock
        "城镇和农村居民人均可支配收入",  # two indicators: the extractor splits them
        "新增就业岗位",
        "提高企业",  # 高企 is exact-only
        "",
    ],
)
def test_resolve_refuses_other_quantities(tax: Taxonomy, phrase: str) -> None:
    assert tax.resolve(phrase) is None


def test_different_quantities_are_kept_apart(tax: Taxonomy) -> None:
    water = tax.resolve("万元地区生产总值用水量")
    assert water is not None and water.id == "water_intensity" and water.direction == "down"
    per_capita = tax.resolve("人均地区生产总值")
    assert per_capita is not None and per_capita.id != tax.resolve("地区生产总值").id


@pytest.mark.parametrize(
    ("phrase", "direction"),
    [
        ("PM2.5浓度", "down"),
        ("城镇登记失业率", "down"),
        ("城镇调查失业率", "down"),
        ("单位GDP能耗", "down"),
        ("森林覆盖率", "up"),
        ("地区生产总值", "up"),
        ("居民消费价格", "none"),
    ],
)
def test_direction(tax: Taxonomy, phrase: str, direction: str) -> None:
    ind = tax.resolve(phrase)
    assert ind is not None and ind.direction == direction


def test_resolve_is_fast(tax: Taxonomy) -> None:
    phrases = [f"{i}全市实现规模以上工业增加值年均增长" for i in range(20_000)]
    t0 = time.perf_counter()
    for p in phrases:
        tax.resolve(p)
    assert time.perf_counter() - t0 < 2.0


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("市本级一般公共预算收入", "一般公共预算收入"),  # a budget level is no other quantity
        ("县本级固定资产投资", "固定资产投资"),
        ("区本级全社会固定资产投资额", "固定资产投资"),
        ("一般公共预算收入按可比口径", "一般公共预算收入"),  # an accounting basis neither
        ("地区生产总值按可比价计算", "地区生产总值"),
        ("税收收入同口径", "税收收入"),  # 同口径 (on the same basis as last year) as well
        ("一般公共预算收入按同口径计算", "一般公共预算收入"),
        ("同口径", None),
        ("农村牧区常住居民人均可支配收入", "农村居民人均可支配收入"),
        ("按可比口径", None),  # the qualifier alone names nothing
        ("本级", None),
        ("县本级财政支出", None),
    ],
)
def test_budget_level_and_basis_words_leave_the_quantity(phrase: str, name: str | None) -> None:
    found = load_taxonomy().resolve(phrase)
    assert (found.name if found else None) == name


def test_whose_and_when_words_inside_a_name_do_not_change_what_it_is():
    """"地方一般预算收入" (安源区 2010) is the local government's 一般公共预算收入; "粮食全年总产量" is 粮食产量
    (全年 says when, wherever it stands); "地方特色产业增加值" names a subset and stays unresolved."""
    from planwatch.taxonomy import load_taxonomy

    tax = load_taxonomy()
    assert tax.resolve("地方一般预算收入").name == "一般公共预算收入"
    assert tax.resolve("粮食全年总产量").name == "粮食产量"
    assert tax.resolve("税收总收入").name == "税收收入"
    assert tax.resolve("粮食作物种植面积").name == "粮食播种面积"
    assert tax.resolve("地方特色产业增加值") is None
