"""The region a number is about.

By default the segment's region.  A region named as the subject of a sentence or clause —
a county inside a city's report (``凌海市完成…``), a city inside a province's report, or a named
group (``四县(市)``, ``三城区``) — takes over for the rest of its paragraph.  A region named
inside a company or place name (``义县辉山乳业``) or after a verb (``赴北京招商``) does not.
"""

from __future__ import annotations

import re
from functools import cache

from planwatch.gazetteer import Region, load_gazetteer
from planwatch.lexicon import alternation, load_lexicon

#: How a document names a group of a city's counties or districts: 县(市), 县（市、区）, 县市区, 城区…
COUNTY_GROUP = r"县[（(]市(?:、区)?[)）]区?|县市区|县区|城区|区县"
_GROUP = re.compile(
    rf"(?<![一二两三四五六七八九十\d第])(?:[一二两三四五六七八九十\d]+(?:个)?(?:{COUNTY_GROUP}|县|市))(?![^，、和与]{{0,1}}[级的])"
)
@cache
def _subject_follow() -> re.Pattern[str]:
    """What after a unit's name makes it the subject of what follows, beyond its own clause: an
    indicator or work word (``凌海市完成…``, ``吴忠市计划投资…``; lexicon ``region_subjects.subject_words``)
    or the time of the figures (``江苏2021年GDP为…``, ``深圳上半年…``)."""
    words = alternation(load_lexicon()["region_subjects"]["subject_words"])
    when = r"(?:19|20)\d\d年|[上下]半年|前三季度|第?[一二三四]季度|1[—\-－~～至]\d{1,2}月|今年|去年"
    return re.compile(rf"^(?:[，、和与及的]|{words}|{when})")


@cache
def _breakdown_leads() -> tuple[str, ...]:
    return tuple(load_lexicon()["breakdown_leads"])


@cache
def _parent_parts() -> tuple[str, ...]:
    return tuple(load_lexicon()["region_subjects"]["parent_parts"])


@cache
def _continuation() -> re.Pattern[str]:
    """A clause going on about the figure before it (lexicon ``region_subjects.continuations``, the
    basis of a change, ``change_bases``, or a comparison with a year: ``比2019年1—8月份增长42.9%``)."""
    lex = load_lexicon()
    words = alternation(lex["region_subjects"]["continuations"] + lex["change_bases"])
    return re.compile(rf"\s*(?:{words}|[比较](?:19|20)\d\d年)")


@cache
def _zone_subject() -> re.Pattern[str]:
    """A named zone or city group as the subject of a clause ("成都平原经济区经济总量达到4万亿元"): the
    fact is about the zone, written as named (FACTS.md), for that clause only."""
    zones = load_lexicon()["zone_subjects"]
    name = rf"[\u4e00-\u9fff]{{2,10}}?(?:{alternation(zones['suffixes'])})"
    # (its verb may come first: "昌九经济体累计实现规模以上工业增加值998.9亿元")
    return re.compile(rf"({name})(?=(?:累计)?(?:实现|完成)?(?:{alternation(zones['heads'])}))")


@cache
def _time_lead_only() -> re.Pattern[str]:
    """A sentence's opening time words and nothing else (``上半年，``, ``2021年，``, ``1—5月，``): a part of a year
    (lexicon ``parts_of_year.named``), a run of months from January, or ``time_leads``."""
    lexicon = load_lexicon()
    words = [*(w for named in lexicon["parts_of_year"]["named"].values() for w in named), *lexicon["time_leads"]]
    return re.compile(rf"\s*(?:(?:19|20)\d\d年)?(?:{alternation(words)}|1[-—－至]\d{{1,2}}月份?)?[，,]\s*")


@cache
def _zone_opening() -> re.Pattern[str]:
    """A zone opening a sentence ("成渝地区双城经济圈建设走深走实，经济总量超9万亿元"): its subject throughout."""
    zones = load_lexicon()["zone_subjects"]
    verbs = alternation(zones["not_openings"])
    name = rf"(?!{verbs})[\u4e00-\u9fff]{{0,10}}?(?:{alternation(zones['suffixes'])})"
    return re.compile(rf"({name})(?![\u4e00-\u9fff]{{0,2}}[内外间])")


@cache
def _zone_suffixes() -> tuple[str, ...]:
    return tuple(sorted(load_lexicon()["zone_subjects"]["suffixes"], key=len, reverse=True))


def _is_zone_name(name: str) -> bool:
    """A proper name (滨海新区, 沈阳都市圈, 大湾区), not a kind of zone (开发区, 千亿级开发区)."""
    suffix = next(s for s in _zone_suffixes() if name.endswith(s))
    return "级" not in name and (len(name) - len(suffix) >= 2 or name in load_lexicon()["zone_subjects"]["bare_names"])


_LEAD_IN_TAIL = re.compile(r"(?:[（(][^）)]{0,20}[）)])?[。.]?$")
_LEAD = re.compile(
    r"(?:(?:19|20)\d\d年|今年|全年|其中|同时|此外|另外|预计|初步预计|力争|确保|[，、\s]|<[^<>\n]{0,120}>)*"
)


@cache
def _not_subject() -> re.Pattern[str]:
    """What makes a region opening a clause no subject: an organisation, office or paper of it
    (``市政府新闻办``, ``…日报``, ``江苏省统计局分析称``) — lexicon ``region_subjects.not_followed_by``."""
    return re.compile(alternation(load_lexicon()["region_subjects"]["not_followed_by"]))


#: A character that makes a unit's name part of a place's (黄浦江, 西湖区's 西湖 → 西湖边).
_PLACE_NOUN_CHARS = frozenset("江河湖山海路街道桥港湾岛寺庙塔边畔")
#: "全省…", "全市上下…": a clause that turns back to the document's own region.
_TURN_BACK = re.compile(r"全(?:省|市|区|县|州|盟|旗)(?![级域])")


#: A value given for another unit in passing: "高于全国同期1.7%", "低于全国（49.5%）", "广东省同期的2%".
_COMPARED_VALUE = re.compile(
    r"(?:[高低快慢]于|超过|超出|相当于)(?P<name>全国|[\u4e00-\u9fff]{2,12}?)"
    r"(?:(?:同期|同口径|平均水平|平均|水平)+(?:的|[（(])?|的|[（(])$"
)
_LISTED_VALUE = re.compile(
    r"(?:[，、和与：]|其中|^)(?P<name>全国|[\u4e00-\u9fff]{2,8}?)(?:同期|同口径|平均水平|平均|水平|今年|去年)*(?:的|[（(])$"
)


def value_of_another(clause_before: str, own: str = "") -> str | None:
    """The unit whose value a number is when the text names it right before (``高于全国（49.5%）``).

    Only a unit the gazetteer knows, or 全国 (the national figure a region is compared with).
    """
    tail = clause_before[-24:]
    m = _COMPARED_VALUE.search(tail) or _LISTED_VALUE.search(tail)
    if not m:
        return None
    name = m.group("name")
    if name == "全国":
        return "全国"
    found = load_gazetteer().find_all(name)
    if found and found[-1][1] == len(name):
        return found[-1][2].name
    return None


class RegionTracker:
    """Tracks the region in force while the extractor walks a segment's paragraphs."""

    def __init__(self, segment_region: Region | None, segment_name: str, text: str, official: bool = True) -> None:
        self.segment_region = segment_region
        # a province's own report (not a news item comparing provinces): another province is no part of it
        self.official = official
        self.segment_name = segment_name
        self.gazetteer = load_gazetteer()
        self.current = segment_name
        self.zones: set[str] = set()  # zone subjects hold for their clause, never for a paragraph
        # a zone opening a sentence holds for its ；-part: (name, where its clause starts)
        self.sentence_zone: tuple[str, int] | None = None
        # how the document names the group of its counties, for "县域"
        group = _GROUP.search(text)
        self.county_group = group.group() if group and "县" in group.group() else ""

    def start_paragraph(self) -> None:
        self._subjects: dict[int, str | None] = {}
        self.clause_only: set[int] = set()  # clause starts whose unit holds for that clause only
        self.current = self.segment_name
        self.first_sentence = True
        self.sentence_start = -1

    def _named(self, name: str) -> str:
        return f"{self.segment_name}{name}" if self.segment_name and not name.startswith(self.segment_name) else name

    def _subject_at(self, text: str, pos: int, limit: int) -> str | None:
        lead = _LEAD.match(text, pos, limit)
        p = lead.end() if lead else pos
        # "古塔、凌河、太和三城区完成…": a group named after the list of its members
        m = _GROUP.search(text, p, min(limit, p + 16))
        if m and re.fullmatch(r"[\u4e00-\u9fff、和]*", text[p:m.start()]) and _subject_follow().match(
                text[m.end():m.end() + 4]):
            return self._named(m.group())
        if text.startswith("县域", p) and self.county_group:
            return self._named(self.county_group)
        after_time = (0 <= self.sentence_start < pos
                      and _time_lead_only().fullmatch(text, self.sentence_start, pos) is not None)
        subject = _zone_subject().match(text, p, limit)
        if subject and not after_time:
            self.zones.add(subject.group(1))
            return subject.group(1)
        # a zone opening its sentence, or right after the sentence's time ("上半年,昌九经济体累计实现…")
        zone = _zone_opening().match(text, p, limit) if pos == self.sentence_start or after_time else None
        if zone and _is_zone_name(zone.group(1)):
            self.sentence_zone = (zone.group(1), pos)
            return zone.group(1)
        if subject:
            self.zones.add(subject.group(1))
            return subject.group(1)
        if _TURN_BACK.match(text, p):
            # "全省…", "全市…": the text turns back to its own region — in a news item about several,
            # to the one of that level it last named ("江苏省统计局分析称，2021年，全省GDP…")
            return (None if self.official else self._last_named(text, p)) or self.segment_name
        part = next((w for w in _parent_parts() if text.startswith(w, p)), None)
        if part and self.segment_region is not None and self.segment_region.level != "province":
            # "市辖区金融机构…" in 丰泽区's release: 泉州市市辖区 (in a city's own text, its own)
            city = self.segment_region if self.segment_region.level == "city" else next(
                iter(self.gazetteer.parents(self.segment_region)), None)
            if city is not None:
                return city.name + part
        if text.startswith("全国", p) and _subject_follow().match(text[p + 2:p + 8]):
            self.clause_only.add(pos)
            return "全国"  # "全国规模以上工业企业实现利润总额…": the country's figure, for its clause
        found = self.gazetteer.find_all(text[p:min(limit, p + 14)], context=self.segment_region)
        if found and found[0][0] == 0:
            s, e, region = found[0]
            following = text[p + e:p + e + 8]
            if text.startswith("、", p + e) or _not_subject().match(following):
                return None  # (and "庆阳、张掖、天水3个…": a count over several places is the whole's)
            weak = not _subject_follow().match(following)
            if weak and following[:1] in _PLACE_NOUN_CHARS:
                return None  # 黄浦江, 昆明湖: a river, lake or street named after the unit
            rest = text[p + e:limit]
            listed = rest.find("、")
            if listed >= 0 and self.gazetteer.find_all(rest[listed + 1:listed + 8], context=self.segment_region):
                return None  # "义县辉山乳业、北镇五峰谷物、凌海…8个": a count over places listed is the whole's
            if self.segment_region is not None:
                if region.code == self.segment_region.code:
                    return self.segment_name
                if region.code in {r.code for r in self.gazetteer.parents(self.segment_region)}:
                    return None
                if (self.official and self.segment_region.level == "province"
                        and region.province_code != self.segment_region.code):
                    return None  # 台湾 in 福建's report, 雄安 in 北京's: a partner or a topic, not a part
            if weak:
                # "沈阳浑南科技城落户87个项目，大连英歌石科学城汇聚300多个科研团队": a unit leading a clause
                # without a subject word after it (完成, 地区生产总值…) holds for that clause only
                self.clause_only.add(pos)
            return region.name
        return None

    def _last_named(self, text: str, pos: int) -> str | None:
        """The unit of the level ``全省``/``全市``/``全县`` at ``pos`` names, last named in its paragraph."""
        level = {"省": "province", "市": "city", "州": "city", "盟": "city", "县": "county", "旗": "county"}.get(
            text[pos + 1:pos + 2])
        para = text.rfind("\n", max(0, pos - 300), pos) + 1
        if level is None or para >= pos:
            return None
        named = [r for _, _, r in self.gazetteer.find_all(text[max(para, pos - 300):pos], context=self.segment_region)
                 if r.level == level]
        return named[-1].name if named else None

    def note_opening(self, text: str, start: int, end: int) -> None:
        """A news paragraph opening on one unit without a figure after its name ("…显示，2021年山东省抢抓
        发展机遇，…，山东家底越来越厚。全年地区生产总值…") is about that unit (not in a government's own
        report, where such a name is a partner or a topic)."""
        if self.official or self.sentence_start >= 0 or self.current != self.segment_name:
            return
        starts = [start] + [start + m.end() for m in re.finditer(r"[，；：]", text[start:end])]
        named = {self._subject_at(text, cs, min(end, cs + 40)) for cs in starts} - {None, self.segment_name}
        if len(named) == 1 and not named & self.zones:
            self.current = named.pop()

    def observe(self, text: str, start: int, end: int) -> None:
        lead_in = self.sentence_start < 0 and _zone_opening().fullmatch(_LEAD_IN_TAIL.sub("", text[start:end].strip()))
        self.note_opening(text, start, end)
        self.region_at(text, start, end)
        if lead_in and _is_zone_name(lead_in.group(1)):
            # "滨海新区(国家级经济技术开发区)。依托…": a paragraph led by a zone's name is about the zone
            self.current = lead_in.group(1)

    def region_at(self, text: str, sent_start: int, pos: int, window_start: int | None = None) -> str:
        """Region of a number at ``pos`` in the sentence starting at ``sent_start``.

        A subject named in a paragraph's first sentence holds for the whole paragraph (``四县(市)
        完成…。…累计新引进项目389个``); one named later holds for its own ``；``-part only.
        """
        if sent_start != self.sentence_start:
            if self.sentence_start >= 0:
                self.first_sentence = False
            self.sentence_start = sent_start
            self.sentence_zone = None
        semi = text.rfind("；", sent_start, pos)
        while semi >= 0 and text.startswith(_breakdown_leads(), semi + 1):
            # "…存贷款余额8069.9亿元，同比增长10.8%；其中存款余额…": a breakdown goes on with the part before
            semi = text.rfind("；", sent_start, semi)
        part_start = sent_start if self.first_sentence or semi < 0 else semi + 1
        part_start = max(part_start, window_start if window_start is not None else sent_start)
        clause_starts = [part_start] + [part_start + m.end() for m in re.finditer(r"[，；：]", text[part_start:pos])]
        found_region = None
        carried = None  # a clause-only unit, and the clauses that go on about its figure
        held = False
        for cs in clause_starts:
            if cs not in self._subjects:  # each clause is looked at once, however many numbers follow
                self._subjects[cs] = self._subject_at(text, cs, min(pos, cs + 40))
            found = self._subjects[cs]
            if found is None and carried and _continuation().match(text, cs):
                found = carried if cs == clause_starts[-1] else None
                held = found is not None  # for this clause only, like the clause it goes on from
            elif cs in self.clause_only and cs != clause_starts[-1]:
                carried, found = found, None
            elif cs in self.clause_only and text[cs:pos].rstrip().endswith("等"):
                # "凌海萧军纪念馆等10个…基地": the unit names an example, the count is the whole's
                carried = found = None
            else:
                carried = None
            if found in self.zones or (self.sentence_zone and found == self.sentence_zone[0]):
                found = found if cs == clause_starts[-1] else None
            if found:
                found_region = found
        if found_region in self.zones:
            return found_region
        if self.sentence_zone and found_region in (None, self.sentence_zone[0]) and "；" not in text[
                self.sentence_zone[1]:pos]:
            return self.sentence_zone[0]  # for its own ；-part
        if self.first_sentence:
            if found_region and clause_starts[-1] not in self.clause_only and not held:
                self.current = found_region
            return found_region or self.current
        return found_region or self.current
