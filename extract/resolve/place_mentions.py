"""The place mentions of an article, and which of them may name a county: a short form that is part of
another name (南山社区, 滨湖花园) or lies across words (幸福海) names none."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from extract.rules_engine.match import Match
from extract.text.divisions import Division
from extract.text.gazetteer import TOWNSHIP_ENDS, Gazetteer, PlaceMention
from extract.text.lexicon import words as words_of
from extract.text.segment import Words, known

# After a short form, these make it the name of a community, a village or a housing estate (朝阳社区,
# 集美郡, 静安府): a city's short form there names no city (names_city).
_NAMES_AN_ESTATE = ("社区", "小区", "村", "花园", "家园", "名居", "郡", "苑", "府", "庭")
# After a short form, these make it part of another name (南山社区, 滨湖花园), not a county.
_NOT_A_COUNTY_NEXT = (
    *_NAMES_AN_ESTATE,
    "公园",
    "广场",
    "大厦",
    "中学",
    "小学",
    "大学",
    "医院",
    "地区",
    "新城",
    "新区",
    "功能区",
    "湾",
    "集团",
    "公司",
    "科技",
    "股份",
    "地产",
    "经济圈",
    # A newspaper or station named after its place (新安晚报) is a masthead, not where the event was.
    "日报",
    "晚报",
    "时报",
    "商报",
    "都市报",
    "电视台",
    "融媒",
)
# A short form right after a county's or a township's name names a place inside it (某区龙海大社区,
# 某街道桃源山村), not a county; after 市 or 省 it may well be one (上海市静安).
_COUNTY_ENDS = ("区", "县", "道", "镇", "乡")
_OPENS_A_COMMUNITY = re.compile(r"[\u4e00-\u9fff]{1,3}(?:社区|小区|村)")


# What is left of a match once a county's short form opens it: a township's own name, two to four
# characters and its kind (the rule keeps out words that end in one: 城乡, 古镇).
_TOWN_REST = re.compile(r"(?![各所全有其该本这那每多部下内和与及等辖属])[\u4e00-\u9fff]{2,4}(?:街道|镇|乡)")


def _unlisted(start: int, end: int, text: str, name: str, known: list[PlaceMention]) -> PlaceMention | None:
    """A township the gazetteer does not list (renamed, merged, or a common short name such as
    `某某外街道`), written in full right after a county it does list (`某区某某街道`): one of that
    county's townships, named `name` (`某某街道` for `某某街` written before a community). The county
    may open the match by its short form instead (`某某某某镇`), the township's own name after it. None
    where a listed township lies there already or no single county precedes."""
    if any(k.start < end and start < k.end and any(d.level == "street" for d in k.candidates) for k in known):
        return None
    before = [k for k in known if k.end == start]
    if not before:  # a county's short form opens the match: 某某 + 某某镇
        before = [
            k
            for k in known
            if start <= k.start < k.end < end
            and any(d.level == "county" for d in k.candidates)
            and _TOWN_REST.fullmatch(text, k.end - start)
        ]
        if len(before) == 1:
            cut = before[0].end - start
            start, text, name = before[0].end, text[cut:], name[cut:]
    counties = [d for k in before for d in k.candidates if d.level == "county"]
    if len(counties) != 1:
        return None
    c = counties[0]
    town = Division(
        code=c.code + "000",
        name=name,
        level="street",
        city=c.city,
        province=c.province,
        city_code=c.city_code,
        province_code=c.province_code,
        county=c.name,
        county_code=c.code,
    )
    return PlaceMention(start, end, text, (town,))


def _written_for_township(gaz: Gazetteer, start: int, value: str, suffix: str) -> PlaceMention | None:
    """The township a value names once `suffix` is added (`某某街` + `道`), trying its longest tail
    first: the pattern cannot tell where the name begins (`某市和平街` is 和平街道). A name is at least
    four characters with its suffix."""
    for i in range(len(value)):
        tail = value[i:]
        if len(tail) + len(suffix) < 4:
            return None
        streets = tuple(gaz.streets(tail + suffix))
        if streets:
            return PlaceMention(start + i, start + len(value), tail, streets)
    return None


def _named_county(gaz: Gazetteer, start: int, value: str) -> PlaceMention | None:
    """The county a value ends with, its longest tail of two characters or more that is a county's
    full name (`中共某城区` gives 某城区), whatever the stoplist says of that name."""
    for i in range(len(value) - 1):
        counties = tuple(d for d in gaz.counties(value[i:]) if d.name == value[i:])
        if counties:
            return PlaceMention(start + i, start + len(value), value[i:], counties)
    return None


def find_mentions(gaz: Gazetteer, matches: Iterable[Match]) -> list[PlaceMention]:
    """Gazetteer mentions, plus townships written `X街` for `X街道` (rules with `street_suffix`),
    townships the gazetteer lacks written right after their county (rules with `unlisted_township`),
    and counties whose names are common words (老城区), where a rule finds them as a body's
    (`stoplisted_county`: `老城区人民政府`)."""
    out = []
    unlisted = []
    stoplisted = []
    for m in matches:
        g = m.groups.get("value")
        if g is None:
            continue
        if isinstance(g.data, PlaceMention):
            out.append(g.data)
            continue
        suffix = m.rule.options.get("street_suffix")
        if m.rule.options.get("stoplisted_county"):
            found = _named_county(gaz, g.start, g.value)
            if found is not None:
                stoplisted.append(found)
            continue
        if m.rule.options.get("unlisted_township"):
            unlisted.append((g.start, g.end, g.value, g.value + str(suffix or "")))
            continue
        if suffix:
            found = _written_for_township(gaz, g.start, g.value, str(suffix))
            if found is not None:
                out.append(found)
    towns: dict[tuple[int, int], PlaceMention] = {}  # two rules may find one township
    for start, end, text, name in unlisted:
        town = _unlisted(start, end, text, name, out)
        if town is not None:
            towns.setdefault((town.start, town.end), town)
    out += towns.values()
    # Only where the gazetteer found nothing there: a name it reports is a mention already.
    found_spans = [(k.start, k.end) for k in out]
    out += [c for c in stoplisted if not any(a < c.end and c.start < b for a, b in found_spans)]
    return sorted(out, key=lambda m: m.start)


def whole_words(m: PlaceMention, words: Words) -> bool:
    """A short form names a county only where it stands as a word of its own: 福海 in 幸福海驿站 lies
    across the words 幸福 and 海. Full names (静安区) are taken as they are."""
    if any(m.text == d.name for d in m.candidates if d.level == "county"):
        return True
    return words.is_boundary(m.start) and words.is_boundary(m.end)


def names_county(m: PlaceMention, text: str) -> bool:
    """False where a short form is part of another name (南山社区) or names a city too (中山: 中山市)."""
    if any(m.text == d.name for d in m.candidates if d.level == "county"):
        return True
    if any(d.level == "city" for d in m.candidates):
        return False
    if m.start > 0 and text[m.start - 1] in _COUNTY_ENDS:
        return False
    if _OPENS_A_COMMUNITY.match(text, m.end):
        return False  # 集美御湖社区: the first word of a community's name
    return not text.startswith(_NOT_A_COUNTY_NEXT, m.end)


# One character and a township's kind after a short form: the rest of a township's name (建安 + 门街道),
# since no township is named by one character alone. Two or more may be a township of the county the
# short form names (平潭 + 某某镇), and are left alone.
_TOWNSHIP_AFTER = re.compile(r"(?![的和与及等各])[\u4e00-\u9fff](?:街道|镇|乡)")


def heads_a_township(m: PlaceMention, text: str, township_starts: set[int]) -> bool:
    """Whether a short form is the first word of a township's name the gazetteer lacks (建安 in
    建安门街道): where no listed township begins right after it, one character and 街道, 镇 or 乡
    follow. Full names (建安区) head nothing."""
    if _full_name(m) or m.end in township_starts:
        return False
    return bool(_TOWNSHIP_AFTER.match(text, m.end))


def names_city(m: PlaceMention, text: str) -> bool:
    """False where a city's short form is the first word of a community's, a village's or an estate's
    name (朝阳社区 names no 朝阳市); full names (朝阳市) are taken as they are."""
    if _full_name(m):
        return True
    return not (text.startswith(_NAMES_AN_ESTATE, m.end) or _OPENS_A_COMMUNITY.match(text, m.end))


# After a place's short form, these make it a firm's or a product's name (龙湖集团, 德州仪器): where the
# text writes one, the bare short form (龙湖没有故事) names the firm too, not the place.
_BRAND_NEXT = ("集团", "公司", "股份", "控股", "地产", "置业", "银行", "证券", "仪器")
# A short form that opens the name of a firm or a school (某某机车车辆有限公司, 某某音乐学院) is a part
# of that name; not across a joiner (某某与某公司).
_OPENS_A_NAME = re.compile(r"[\u4e00-\u9fff]{1,6}?(?<![与和及同])(?:有限公司|有限责任公司|集团|学院|大学)")


def _full_name(m: PlaceMention) -> bool:
    return any(m.text == d.name for d in m.candidates)


def places_not_brands(mentions: list[PlaceMention], text: str, words: Words) -> list[PlaceMention]:
    """The mentions that may name a place. A short form names none where it does not stand as a word
    of its own (德州 in 德州仪器, 十字路 in 十字路口, 巴中 across 在巴|中国) or where the text writes it as a
    firm's name (龙湖集团) anywhere, nor where it opens a firm's or a school's name. Full names (龙湖区)
    are taken as they are."""
    brands = {m.text for m in mentions if not _full_name(m) and text.startswith(_BRAND_NEXT, m.end)}
    return [
        m
        for m in mentions
        if (_full_name(m) and not _kind_opens_a_word(m, words))
        or not (m.text in brands or _cut_by_a_word(m, words) or _OPENS_A_NAME.match(text, m.end))
    ]


def _kind_opens_a_word(m: PlaceMention, words: Words) -> bool:
    """Whether a township's full name ends inside a longer word its kind opens: `保安` and `镇守`,
    `团结` and `乡亲`, `建设` and `乡村`, a common word and the next, not 保安镇 nor 团结乡. Where that
    word is the township's body or post (`乡政府`, `乡党委`, `镇长`), the name stands; so it does
    where a word opens inside the kind (`某某街|道德…`: the segmenter's guess at a name it lacks)."""
    kind = next((k for k in TOWNSHIP_ENDS if m.text.endswith(k)), "")
    if not kind or not any(d.level == "street" and d.name == m.text for d in m.candidates):
        return False
    for t in words.overlapping(m.end - 1, m.end):
        if t.start == m.end - len(kind) and m.end < t.end and known(t.text):
            rest = words.text[m.end : t.end]
            return not (rest in _township_bodies() or t.text in _township_bodies())
    return False


@cache
def _township_bodies() -> frozenset[str]:
    """Words that follow a township's name as its own body or post (党委, 政府, 镇长); single
    characters (村, 长) are left out: 乡村, 镇上 are words of their own."""
    return frozenset(w for name in ("body_ends", "post") for w in words_of(name) if len(w) > 1)


def _cut_by_a_word(m: PlaceMention, words: Words) -> bool:
    """A dictionary word runs across an edge of the mention (十字路口, 中国 after 巴). A word the
    segmenter only guessed (董家|沟近, for a township it does not know) says nothing."""
    return any(
        (t.start < m.start or m.end < t.end) and known(t.text) for t in words.overlapping(m.start, m.end)
    )
