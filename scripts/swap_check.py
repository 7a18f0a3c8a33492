"""Swap check: do the rules know words, or shapes? F1 per field on copies of the articles whose gold
values are replaced, in the text and in the gold alike, by other values of the same kind.

usage: python scripts/swap_check.py [--seed N] [--copies K] [--out DIR] [--errors]

For each article of the sample (seeds/articles) and of the dev set's `tune` split (never `unseen`:
the script refuses to read an article listed there), it writes

* a control copy: the article normalised (Simplified, NFKC, pinyin glosses dropped), values as they
  are, so that what normalising changes is not counted as a drop;
* K swapped copies, each with its own draw:
  - person names (attendees) -> other plausible names of the same length (common surname + given
    name);
  - the event's places -> another real place of the same kinds from rules/places: province, city,
    district and street together, with the short forms the text writes (上海, 长宁), other
    districts of the same city and other townships of the same district as well, so the text
    stays consistent with SPEC's place rules (a district lies in its city);
  - the distinctive word of communities, villages, estates and firms (阳光社区 -> 翠湖社区) and the
    quoted or leading name of a station (骑手小哥服务站 -> 青禾映月服务站);
  - the post at the end of each attendee's title -> another common post, one map per article.

All replacements of one copy are made in one left-to-right pass, longest form first, over the text
and over every gold string, so the two stay consistent; a value the text does not write is left.
The records are made by `python -m extract run` on the copies (offsets regenerated, nothing
patched), with the interpreter that runs this script: another checkout's venv measures that
checkout's rules on the same draws. They are scored against the copies' gold. The summary gives F1
per field for the control and the swapped copies and the difference, then the errors the swapped
copies make and the control does not, counted by field and rule (`--errors` lists them; a value
the swap did not produce, such as a shorter form of a swapped title, is not mapped back and may be
listed though the control made the same error). Working files (copies, gold, records, the maps of
each copy) are in `--out`, by default out/swap.
Choices the reader might question: the control, not the original file, is the baseline; a swapped
place keeps its kind (区/县/市, 街道/镇/乡; a municipality stays a municipality, a 自治区 one); a
township's short form that is a common word (保安 of 保安镇) is swapped too, as the text cannot
tell the two apart.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.review.score import Miss, Score, load_json_dir, load_subset, score_records
from extract.text.divisions import Division
from extract.text.normalise import normalise
from extract.text.place_tables import read_tables

ROOT = Path(__file__).resolve().parent.parent
SPLIT = ROOT / "seeds" / "dev" / "split.json"
PLACES = ROOT / "rules" / "places"

# General knowledge: the commonest Chinese surnames and characters of given names. 向 is left out, as
# rules/lexicon/surname.txt leaves it out on purpose (书记向大家介绍).
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔常汤康易乔"
)
GIVEN = "建国华明丽军伟芳敏静磊洋勇艳杰娟涛超秀霞平刚桂英玉兰志强海鹏斌宇浩凯婷雪琳晨阳欣怡佳俊峰辉波宁红梅文春云飞"
# Common heads of bodies that end a title (general knowledge, on purpose not rules/lexicon/post.txt):
# a title's last post is swapped for another of these, one map per article. 委员, 常委 and the heads
# of divisions (区长) are left alone: swapped they would make titles no article writes (区委区长).
POSTS = [
    "书记",
    "副书记",
    "主任",
    "副主任",
    "部长",
    "副部长",
    "局长",
    "副局长",
    "处长",
    "副处长",
    "科长",
    "主席",
    "副主席",
    "秘书长",
    "董事长",
    "总经理",
    "副总经理",
    "院长",
    "副院长",
    "校长",
    "副校长",
    "所长",
    "会长",
    "副会长",
    "理事长",
    "站长",
    "馆长",
    "社长",
    "行长",
    "副行长",
    "经理",
    "队长",
    "组长",
    "主委",
    "副主委",
    "调研员",
    "总监",
]
# Distinctive words of invented bodies and stations; none is a place name (checked at run time).
WORDS = [
    "翠湖",
    "金桂",
    "银杏",
    "枫林",
    "东篱",
    "青禾",
    "云杉",
    "丹桂",
    "碧波",
    "星河",
    "松鹤",
    "兰亭",
    "紫薇",
    "梧桐",
    "晨曦",
    "映月",
    "清溪",
    "朝霞",
    "锦苑",
    "柳岸",
    "荷塘",
    "竹韵",
    "杏林",
    "桃源",
    "芳草",
    "玉泉",
    "润泽",
    "嘉禾",
    "瑞景",
    "繁星",
    "雅韵",
    "蓝湾",
    "绿洲",
    "春晖",
    "秋实",
    "景泰",
    "明德",
    "安澜",
    "颐和",
]
# A community, village, estate or firm: two distinctive characters, then its kind.
# The name runs from the start of the string or the end of a division (街道, 镇, 区 ...) or a quote.
BODY = re.compile(
    r"(?:^|(?<=[道镇乡区县市“”·]))([\u4e00-\u9fff]{2,4})"
    r"(社区|村|小区|花园|公寓|广场|大厦|公司|集团|支行|分行|医院|中学|小学|幼儿园)"
)
# Words that are kinds, not names: never swapped as a body's distinctive part.
GENERIC = set(
    [
        "党群",
        "党建",
        "服务",
        "社区",
        "街道",
        "城市",
        "新区",
        "全国",
        "全省",
        "全市",
        "全区",
        "中心",
        "区域",
        "综合",
        "便民",
        "红色",
        "邻里",
        "城乡",
        "乡村",
        "农村",
        "新村",
        "小区",
        "地区",
        "城区",
        "园区",
        "片区",
        "商务",
        "商业",
        "国有",
        "民营",
        "居民",
        "各个",
        "这个",
        "一个",
        "该个",
        "所在",
        "辖区",
        "本地",
        "当地",
        "附属",
        "第一",
        "第二",
        "银行",
        "保险",
        "物业",
        "工商",
        "农业",
        "建设",
        "人民",
        "中国",
        "上市",
        "企业",
        "集团",
        "控股",
        "科技",
        "有限",
        "国际",
        "实验",
        "第三",
        "中央",
        "中心城",
        "新时代",
        "党员",
        "首家",
        "建立",
    ]
)
STATION_KIND = re.compile(
    r"(党群服务站|党群服务中心|党群服务驿站|党群活动中心|党群驿站|党员服务站|服务驿站|服务站|驿站|驿家|服务中心|之家)$"
)


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    level: str
    city: str
    province: str
    short: str
    county_code: str = ""


@dataclass
class Gazetteer:
    counties: list[Place] = field(default_factory=list)
    cities: dict[str, Place] = field(default_factory=dict)
    provinces: dict[str, Place] = field(default_factory=dict)
    streets: dict[str, list[Place]] = field(default_factory=dict)  # county code -> townships
    name_count: Counter[str] = field(default_factory=Counter)

    @classmethod
    def load(cls) -> Gazetteer:
        g = cls()
        for d in _tables()[0]:
            if d.level == "street":
                short = "|".join(d.short) or _township_short(d.name)
                s = Place(d.code, d.name, "street", "", "", short, d.county_code or "")
                g.streets.setdefault(s.county_code, []).append(s)
                g.name_count.update(_forms(s))
                continue
            if d.abolished is not None:
                continue
            p = Place(d.code, d.name, d.level, d.city or "", d.province, "|".join(d.short))
            g.name_count.update(_forms(p))
            if p.level == "county":
                g.counties.append(p)
            elif p.level == "city":
                g.cities[p.name] = p
            elif p.level == "province":
                g.provinces[p.name] = p
                if p.name.endswith("市"):  # a municipality is its own city
                    g.cities[p.name] = p
        return g

    def county(self, name: str, city: str | None) -> Place | None:
        hits = [c for c in self.counties if c.name == name and (city is None or c.city == city)]
        return hits[0] if len(hits) == 1 else None

    def has_counties(self, city: str) -> bool:
        return any(c.city == city for c in self.counties)

    def is_unique(self, p: Place) -> bool:
        return all(self.name_count[f] == 1 for f in _forms(p))


@functools.cache
def _tables() -> tuple[list[Division], frozenset[str]]:
    """The divisions (townships last) and the short-form stoplist of rules/places, as the engine
    reads them."""
    divisions, stoplist, _ = read_tables(PLACES)
    return divisions, frozenset(stoplist)


def _township_short(name: str) -> str:
    """The name without 街道/镇/乡, as texts write it (新华路街道 -> 新华路); "" when one letter is left."""
    for end in ("街道", "镇", "乡"):
        if name.endswith(end) and len(name) - len(end) >= 2:
            return name[: -len(end)]
    return ""


def _kind(name: str) -> str:
    for end in (
        "街道",
        "自治区",
        "自治县",
        "自治州",
        "新区",
        "区",
        "县",
        "市",
        "省",
        "旗",
        "镇",
        "乡",
        "盟",
        "地区",
    ):
        if name.endswith(end):
            return end
    return ""


def _forms(p: Place) -> list[str]:
    """The full name, then its short forms of two letters or more (延边|延边州 holds two), but the
    common words of rules/places/short_stoplist.txt (和平). A township's short form that is a word
    (保安 of 保安镇, a guard) is swapped all the same: left, it would still name the old township."""
    shorts = [f for f in p.short.split("|") if len(f) >= 2 and f != p.name and f not in _stoplist()]
    return [p.name, *shorts]


def _stoplist() -> frozenset[str]:
    return _tables()[1]


@dataclass
class Swapper:
    """Builds one copy's replacement map for one article (text + gold)."""

    gaz: Gazetteer
    rng: random.Random
    text: str
    used: set[str] = field(default_factory=set)
    mapping: dict[str, str] = field(default_factory=dict)

    def add(self, old: str, new: str) -> None:
        if old and new and old != new and old not in self.mapping:
            self.mapping[old] = new
            self.used.add(new)

    def fresh(self, candidates: list[str]) -> str | None:
        ok = [c for c in candidates if c not in self.text and c not in self.used]
        return self.rng.choice(ok) if ok else None

    # -- places -------------------------------------------------------------------------------
    def places(self, gold: dict[str, Any]) -> None:
        city_name, district_name, street_name = (_value(gold.get(k)) for k in ("city", "district", "street"))
        if not city_name or city_name not in self.gaz.cities:
            return
        old_city = self.gaz.cities[city_name]
        old_county = self.gaz.county(district_name, city_name) if district_name else None
        if street_name and not district_name and self.gaz.has_counties(city_name):
            return  # the new township would name a district the gold leaves out
        municipality = old_city.level == "province"
        # No county of the new city may be written in the text already: the swap must not make a
        # second candidate district (长寿 of 长寿路 becomes a district once the city is 重庆).
        clash = {c.city for c in self.gaz.counties if any(f in self.text for f in _forms(c))}
        pool = [
            c
            for c in self.gaz.counties
            if c.city != city_name
            and c.city not in clash
            and _kind(c.name) == _kind(old_county.name if old_county else c.name)
            and self.gaz.is_unique(c)
            and (c.city == c.province) == municipality
            and _kind(c.province) == _kind(old_city.province)  # 广西区委 needs another 自治区
            and c.city in self.gaz.cities
        ]
        if not self.gaz.has_counties(city_name):  # 东莞市, 中山市: townships straight under the city
            pool = [
                Place(c.code, c.name, "county", c.name, c.province, "")
                for c in self.gaz.cities.values()
                if c.name != city_name and not self.gaz.has_counties(c.name) and c.name not in clash
            ]
        if street_name and old_county is not None:  # the new district has a township of the same kind
            pool = [c for c in pool if any(_kind(t.name) == _kind(street_name) for t in self._townships(c))]
        if not pool:
            return
        new_county = self.rng.choice(pool)
        new_city = self.gaz.cities[new_county.city]
        self._division(old_city, new_city)
        if not municipality:
            old_prov, new_prov = self.gaz.provinces[old_city.province], self.gaz.provinces[new_city.province]
            if old_prov.name != new_prov.name:
                self._division(old_prov, new_prov)
        old_counties = [c for c in self.gaz.counties if c.city == city_name]
        if old_county is not None:
            self._division(old_county, new_county)
        if not self.gaz.has_counties(city_name):
            new_county = new_city
        # Other districts of the same city the text names go to other districts of the new city.
        others = [c for c in self.gaz.counties if c.city == new_city.name and c is not new_county]
        for c in old_counties:
            if c is not old_county and any(f in self.text for f in _forms(c)):
                pick = [o for o in others if _kind(o.name) == _kind(c.name) and o.name not in self.used]
                if pick:
                    self._division(c, self.rng.choice(pick))
        # Townships: those of the event's district, or of the whole city when the district is not
        # known, go to townships of the new district.
        homes = [old_county] if old_county else [*old_counties, old_city]
        old_streets = [s for h in homes for s in self.gaz.streets.get(h.code, [])]
        new_streets = self._townships(new_county)
        old_street = next((s for s in old_streets if s.name == street_name), None)
        ordered = ([old_street] if old_street else []) + [s for s in old_streets if s is not old_street]
        for s in ordered:
            if s is old_street or any(f in self.text for f in _forms(s)):
                free = [n for n in new_streets if n.name not in self.used]
                same = [n for n in free if _kind(n.name) == _kind(s.name)]
                pick = same or ([] if s is old_street else free)  # another kind only for the others
                if pick:
                    self._division(s, self.rng.choice(pick))

    def _townships(self, county: Place) -> list[Place]:
        """The townships of `county` a swap may bring in: unique names the text does not write."""
        return [
            s
            for s in self.gaz.streets.get(county.code, [])
            if self.gaz.is_unique(s) and not any(f in self.text for f in _forms(s))
        ]

    def _division(self, old: Place, new: Place) -> None:
        self.add(old.name, new.name)
        new_short = _forms(new)[1] if len(_forms(new)) > 1 else new.name
        for short in _forms(old)[1:]:
            self.add(short, new_short)

    # -- people ---------------------------------------------------------------------------------
    def people(self, gold: dict[str, Any]) -> None:
        for a in gold.get("attendees", []):
            for name in _all_forms(a.get("name")):
                if 2 <= len(name) <= 3 and name in self.text and re.fullmatch(r"[\u4e00-\u9fff]+", name):
                    for _ in range(50):
                        new = self.rng.choice(SURNAMES) + "".join(self.rng.sample(GIVEN, len(name) - 1))
                        if new not in self.text and new not in self.used:
                            self.add(name, new)
                            break

    # -- bodies and stations --------------------------------------------------------------------
    def bodies(self, gold: dict[str, Any]) -> None:
        words = [w for w in WORDS if self.gaz.name_count[w] == 0]
        named = [gold.get(k) for k in ("organisers", "stations", "signed_projects", "venue", "attendees")]
        for s in _gold_strings(named):
            for m in BODY.finditer(s):
                word, whole = m.group(1), m.group(0)
                if word in GENERIC or _kind(word) or word.endswith("街") or whole not in self.text:
                    continue  # 湖南街道社区: a township's community, no name of its own
                if any(word in k for k in self.mapping):
                    continue
                new = self.fresh(words)
                if new:
                    self.add(whole, new + m.group(2))
                    self.used.add(new)
        for st in gold.get("stations", []):
            for name in _all_forms(st.get("name")):
                kind = STATION_KIND.search(name)
                lead = name[: kind.start()] if kind else ""
                if 2 <= len(lead) <= 4 and lead in self.text and not self.gaz.name_count[lead]:
                    if any(lead in k or k in lead for k in self.mapping) or any(g in lead for g in GENERIC):
                        continue
                    picks = [a + b for a in words for b in words if a != b] if len(lead) == 4 else words
                    new = self.fresh(picks if len(lead) in (2, 4) else [])
                    if new:
                        self.add(lead, new)
                        self.used.update((new[:2], new[2:]))

    # -- posts ----------------------------------------------------------------------------------
    def posts(self, gold: dict[str, Any]) -> None:
        post_map: dict[str, str] = {}
        known = sorted(POSTS, key=len, reverse=True)
        for a in gold.get("attendees", []):
            for title in _all_forms(a.get("title")):
                if title not in self.text:
                    continue
                parts = title.split("、")
                new_parts = []
                for part in parts:
                    post = next((p for p in known if part.endswith(p)), None)
                    if post is None:
                        new_parts.append(apply(self.mapping, part))
                        continue
                    if post not in post_map:
                        post_map[post] = self.rng.choice([p for p in POSTS if p != post])
                    new_parts.append(apply(self.mapping, part[: -len(post)]) + post_map[post])
                new_title = "、".join(new_parts)
                if new_title != apply(self.mapping, title):
                    self.add(title, new_title)


def _value(g: Any) -> str | None:
    return g.get("value") if isinstance(g, dict) else g


def _all_forms(g: Any) -> list[str]:
    if isinstance(g, dict):
        return [f for f in [g.get("value"), *g.get("aliases", [])] if isinstance(f, str)]
    return [g] if isinstance(g, str) else []


def _gold_strings(g: Any) -> Iterator[str]:
    if isinstance(g, str):
        yield g
    elif isinstance(g, dict):
        for v in g.values():
            yield from _gold_strings(v)
    elif isinstance(g, list):
        for v in g:
            yield from _gold_strings(v)


def apply(mapping: dict[str, str], s: str) -> str:
    """`s` with every key of `mapping` replaced, leftmost first and longest first, in one pass."""
    if not mapping:
        return s
    pattern = re.compile("|".join(re.escape(k) for k in sorted(mapping, key=len, reverse=True)))
    return pattern.sub(lambda m: mapping[m.group(0)], s)


def _map_gold(g: Any, mapping: dict[str, str]) -> Any:
    if isinstance(g, str):
        return apply(mapping, g)
    if isinstance(g, dict):
        return {
            k: (v if k in ("doc_id", "published", "date") else _map_gold(v, mapping)) for k, v in g.items()
        }
    if isinstance(g, list):
        return [_map_gold(v, mapping) for v in g]
    return g


@dataclass(frozen=True)
class Article:
    doc_id: str
    text: str
    gold: dict[str, Any]


def articles() -> list[Article]:
    """The sample and the `tune` split, normalised; an `unseen` doc_id is never opened."""
    unseen = load_subset(f"{SPLIT}:unseen")
    tune = sorted(load_subset(f"{SPLIT}:tune"))
    if unseen & set(tune):
        sys.exit("split.json lists an article as both tune and unseen")
    picked = [
        (ROOT / "seeds" / "articles", ROOT / "seeds" / "gold", p.stem)
        for p in (ROOT / "seeds" / "gold").glob("*.json")
    ]
    picked += [(ROOT / "seeds" / "dev" / "articles", ROOT / "seeds" / "dev" / "gold", d) for d in tune]
    out = []
    for art_dir, gold_dir, doc in sorted(picked, key=lambda t: t[2]):
        assert doc not in unseen, doc  # never touch an unseen article
        raw = (art_dir / f"{doc}.txt").read_text(encoding="utf-8")
        gold = json.loads((gold_dir / f"{doc}.json").read_text(encoding="utf-8"))
        out.append(Article(doc, normalise(raw).text, gold))
    return out


def swap(article: Article, gaz: Gazetteer, rng: random.Random) -> tuple[str, dict[str, Any], dict[str, str]]:
    s = Swapper(gaz, rng, article.text)
    s.places(article.gold)
    s.people(article.gold)
    s.bodies(article.gold)
    s.posts(article.gold)
    return apply(s.mapping, article.text), _map_gold(article.gold, s.mapping), s.mapping


def _write(folder: Path, items: list[tuple[str, str, dict[str, Any]]]) -> None:
    for sub in ("articles", "gold"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    for doc, text, gold in items:
        (folder / "articles" / f"{doc}.txt").write_text(text, encoding="utf-8")
        (folder / "gold" / f"{doc}.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8"
        )


def _run(folder: Path) -> Score:
    return score_records(load_json_dir(folder / "gold"), run_records(folder))


def run_records(folder: Path) -> dict[str, dict[str, Any]]:
    """The records `python -m extract run` makes of `folder/articles` (into `folder/out`), by doc_id."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "extract",
            "run",
            str(folder / "articles"),
            "-o",
            str(folder / "out"),
            "--fresh",
            "--quiet",
        ],
        check=False,
        cwd=folder,  # `-m extract` imports the installed extract, not a checkout in the working folder
        stdout=subprocess.DEVNULL,
    )
    return load_json_dir(folder / "out")


def _forms_back(back: dict[str, str], value: str | None) -> str | None:
    """A scored value (`a|b` for a gold value and its aliases) mapped back, its forms sorted."""
    return None if value is None else "|".join(sorted(apply(back, f) for f in value.split("|")))


def print_new_errors(
    errors: list[Miss], key: Callable[[Miss], str], heading: str, *, every: bool, in_key_order: bool = False
) -> None:
    """The copies' new errors counted by `key` under `heading` (the most frequent first, or in the
    order of `key`), then, with `every`, each of them."""
    counts = Counter(key(m) for m in errors)
    if counts:
        print(f"\n{heading}")
        rows = sorted(counts.items()) if in_key_order else counts.most_common()
        for name, n in rows:
            print(f"  {n:3d}  {name}")
    if every:
        print()
        for m in errors:
            print(m)


def new_errors(control: Score, swapped: Score, maps: dict[str, dict[str, str]]) -> list[Miss]:
    """The swapped copies' errors that the control does not make (values mapped back before comparing)."""
    same: dict[str, str] = {}
    base = Counter(
        (m.doc, m.field, m.kind, *(_forms_back(same, v) for v in (m.gold, m.predicted)))
        for m in control.errors
    )
    out = []
    per_copy: dict[str, Counter[tuple[str | None, ...]]] = {}
    for m in swapped.errors:
        back = {new: old for old, new in maps[m.doc].items()}
        doc, copy = m.doc.rsplit("_s", 1)
        key = (doc, m.field, m.kind, *(_forms_back(back, v) for v in (m.gold, m.predicted)))
        left = per_copy.setdefault(copy, Counter(base))
        if left[key]:
            left[key] -= 1
        else:
            out.append(m)
    return out


def table(control: Score, swapped: Score) -> str:
    """F1 per field and macro F1, control against swapped, as a Markdown table."""
    rows = ["| field | control | swapped | change |", "|---|---:|---:|---:|"]
    for name, tally in control.tallies.items():
        before, after = tally.prf()[2], swapped.tallies[name].prf()[2]
        rows.append(f"| {name} | {before:.3f} | {after:.3f} | {after - before:+.3f} |")
    before, after = control.macro_f1, swapped.macro_f1
    rows.append(f"| **macro F1** | **{before:.3f}** | **{after:.3f}** | {after - before:+.3f} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--seed", type=int, default=0, help="seed of the draws (default 0)")
    ap.add_argument("--copies", type=int, default=1, help="swapped copies of each article (default 1)")
    ap.add_argument("--out", type=Path, default=ROOT / "out" / "swap", help="working folder (replaced)")
    ap.add_argument("--errors", action="store_true", help="list every value the swapped copies lose")
    args = ap.parse_args(argv)
    args.out = args.out.resolve()
    gaz = Gazetteer.load()
    arts = articles()
    if args.out.exists():
        shutil.rmtree(args.out)
    _write(args.out / "control", [(a.doc_id, a.text, a.gold) for a in arts])
    swapped_items, maps = [], {}
    for k in range(args.copies):
        rng = random.Random(f"{args.seed}:{k}")
        for a in arts:
            text, gold, mapping = swap(a, gaz, rng)
            doc = f"{a.doc_id}_s{k}"
            gold = {**gold, "doc_id": doc}
            swapped_items.append((doc, text, gold))
            maps[doc] = mapping
    _write(args.out / "swapped", swapped_items)
    (args.out / "maps.json").write_text(json.dumps(maps, ensure_ascii=False, indent=1), encoding="utf-8")
    control, swapped = _run(args.out / "control"), _run(args.out / "swapped")
    print(f"{len(arts)} articles (sample + tune), {args.copies} swapped copies each, seed {args.seed}")
    print(f"{sum(len(m) for m in maps.values())} replacements; maps in {args.out / 'maps.json'}\n")
    print(table(control, swapped))
    errors = new_errors(control, swapped, maps)
    print_new_errors(
        errors,
        lambda m: f"{m.field} {m.kind} [{m.rule or '-'}]",
        "errors of the swapped copies that the control does not make, by field, kind and rule:",
        every=args.errors,
    )


if __name__ == "__main__":
    main()
