"""The headline of a text article (docs/record.md, title): the shapes real pages give it, each with
examples of our own."""

from __future__ import annotations

import pytest

from extract import extract_text

BODY = "6月5日上午,某街道在社区党群服务中心举行议事会,居民代表参加了会议。\n会上,代表们发言。\n"


def _title(text: str) -> str | None:
    return extract_text(text, doc_id="t").title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param(
            "某街道召开区域化党建联席会议\n发布时间:2023-06-05 10:00\n" + BODY,
            "某街道召开区域化党建联席会议",
            id="above a stamp",
        ),
        pytest.param(
            "首页 > 新闻\n某社区成立党建联盟\n" + BODY, "某社区成立党建联盟", id="after a breadcrumb"
        ),
        pytest.param(
            "凝心聚力促发展 结对共建谱新篇\n——某街道与某支部召开共建座谈会\n来源:某网 2023-06-05\n" + BODY,
            "凝心聚力促发展 结对共建谱新篇——某街道与某支部召开共建座谈会",
            id="split over two lines, the second a subtitle",
        ),
        pytest.param(
            "某区召开党建工作会议\n——某街道与某支部召开共建座谈会\n" + BODY,
            "某区召开党建工作会议——某街道与某支部召开共建座谈会",
            id="first line and its subtitle",
        ),
        pytest.param(
            "某区召开党建工作会议\n——某街道召开2023年党建工作会议\n" + BODY,
            "某区召开党建工作会议——某街道召开2023年党建工作会议",
            id="a subtitle naming a year",
        ),
        pytest.param(
            "某区召开党建工作会议\n—— 2023-06-05 来源:某某网\n" + BODY,
            "某区召开党建工作会议",
            id="a stamp after a dash is no subtitle",
        ),
        pytest.param(
            "某商会开展关爱新就业群体活动\n发布时间:2023-06-05 10:00\n"
            "冬日送温暖、关怀暖人心——某商会开展关爱新就业群体活动\n" + BODY,
            "冬日送温暖、关怀暖人心——某商会开展关爱新就业群体活动",
            id="repeated below in a fuller form",
        ),
        pytest.param(
            "某街道召开党建联席会议\n2023-06-05 10:00\n【时政速览】某街道召开党建联席会议\n" + BODY,
            "【时政速览】某街道召开党建联席会议",
            id="repeated below with its column label",
        ),
        pytest.param(
            "某街道召开党建联席会议\n2023-06-05 10:00\n原标题:某街道召开党建联席会议\n" + BODY,
            "某街道召开党建联席会议",
            id="an original-title line is no fuller form",
        ),
        pytest.param(
            "某社区的名字\n6月5日,某街道举行议事会。\n正文第二段。\n6月5日,某街道举行议事会。\n",
            None,
            id="a sentence repeated is no headline",
        ),
        pytest.param(
            "旧闻一则某村完成道路改造 2023-05-30\n某街道召开党建联席会议\n" + BODY,
            "某街道召开党建联席会议",
            id="a dated link of a news list is no headline",
        ),
        pytest.param("某某小区党群服务站活动现场\n" + BODY, None, id="a photo caption is no headline"),
        pytest.param("党员志愿者上路清理卫生 通讯员张某 摄\n" + BODY, None, id="a caption with its credit"),
        pytest.param("图为志愿者为居民测量血压\n" + BODY, None, id="a caption opening with 图为"),
        pytest.param("▲志愿者为居民测量血压的情景\n" + BODY, None, id="a caption opening with a triangle"),
        pytest.param(
            "某区开展红色微电影拍摄\n" + BODY, "某区开展红色微电影拍摄", id="a headline ending in 拍摄"
        ),
        pytest.param(
            "在线|" + "某某某某某某某某某某|" * 8 + "\n\n"
            "某社区快递驿站旁新设清凉补给站\n来源: 某新闻\n" + BODY,
            "某社区快递驿站旁新设清凉补给站",
            id="a bar of links is no body",
        ),
        pytest.param(
            "某街道召开党建联席会议_某某新闻网\n" + BODY, "某街道召开党建联席会议", id="site name after _"
        ),
        pytest.param(
            "某街道召开党建联席会议 - 某某日报\n" + BODY, "某街道召开党建联席会议", id="site name after -"
        ),
        pytest.param(
            "某街道召开党建联席会议 | 某某网\n" + BODY, "某街道召开党建联席会议", id="site name after |"
        ),
        pytest.param(
            "某街道召开党建联席会议-某某市人民政府门户网站\n" + BODY,
            "某街道召开党建联席会议",
            id="portal after a hyphen",
        ),
        pytest.param(
            "2023-2024年度某街道与某网签约仪式举行\n" + BODY,
            "2023-2024年度某街道与某网签约仪式举行",
            id="a hyphen inside the headline stays",
        ),
        pytest.param(
            "某街道召开党建联席会议 2023-06-05 10:00 来源:某网\n" + BODY,
            "某街道召开党建联席会议",
            id="stamp and source on the headline's line",
        ),
        pytest.param(
            "【党建】某街道召开党建联席会议\n" + BODY,
            "【党建】某街道召开党建联席会议",
            id="column label stays",
        ),
        pytest.param(
            "某某区人民政府门户网站\n某街道召开党建联席会议\n" + BODY,
            "某街道召开党建联席会议",
            id="the site's name alone on a line",
        ),
        pytest.param(
            "某区织密织牢社会安全防护网\n" + BODY, "某区织密织牢社会安全防护网", id="a headline ending in 网"
        ),
        pytest.param(
            "某某驿站启用\n5月6日,某街道的某某驿站正式启用。",
            "某某驿站启用",
            id="a short headline right above a dated lede",
        ),
        pytest.param(
            "关注微信\n关注微博\n5月6日,某街道两个社区正式揭牌。",
            None,
            id="short page furniture above a dated lede is no headline",
        ),
        pytest.param(
            "某街道某某社区“红色家园”党群服务站\n某区新就业群体党群服务站\n" + BODY,
            None,
            id="the captions of two stations' photos are no headline",
        ),
        pytest.param(
            "某区建成首个新就业群体党群服务站\n" + BODY,
            "某区建成首个新就业群体党群服务站",
            id="a headline ending in a station's kind",
        ),
        pytest.param(
            "某某之窗 > 基层动态\n某街道召开党建联席会议\n" + BODY,
            "某街道召开党建联席会议",
            id="a trail of two sections is no headline",
        ),
        pytest.param(
            "党建 | 社区 | 活动\n某街道召开党建联席会议\n" + BODY,
            "某街道召开党建联席会议",
            id="a row of tags between bars is no headline",
        ),
        pytest.param(
            "原创 某某发布 2023-06-05 10:20\n某街道召开党建联席会议\n" + BODY,
            "某街道召开党建联席会议",
            id="a public account's post header is no headline",
        ),
        pytest.param(
            "2023年6月5日 星期一 农历四月十八\n某街道召开党建联席会议\n" + BODY,
            "某街道召开党建联席会议",
            id="a calendar line is no headline",
        ),
        pytest.param(
            "图:某社区党群服务中心的新外观\n某街道召开党建联席会议\n" + BODY,
            "某街道召开党建联席会议",
            id="a caption opening with 图: is no headline",
        ),
        pytest.param(
            "温馨提示:本站已支持新版浏览器\n某街道召开党建联席会议\n" + BODY,
            "某街道召开党建联席会议",
            id="a site's notice is no headline",
        ),
        pytest.param(
            "编者按:某某社区的故事值得一读\n某街道召开党建联席会议\n" + BODY,
            "某街道召开党建联席会议",
            id="an editor's note is no headline",
        ),
        pytest.param(
            "本报讯 6月5日上午,某街道在社区党群服务中心举行议事会,居民代表参加\n会上,代表们发言。\n",
            None,
            id="a lede opening with a dateline is no headline",
        ),
        pytest.param(
            "近日,某街道举行议事会,居民代表参加\n会上,代表们发言。\n",
            None,
            id="a lede opening with 近日 is no headline",
        ),
        pytest.param(
            "某街道召开党建联席会议 - 某某市人民政府\n" + BODY,
            "某街道召开党建联席会议",
            id="a government's name after a hyphen",
        ),
    ],
)
def test_headline(text: str, title: str | None) -> None:
    assert _title(text) == title


def test_subtitle_evidence_points_at_both_lines() -> None:
    text = "某区召开党建工作会议\n——某街道与某支部召开共建座谈会\n" + BODY
    record = extract_text(text, doc_id="t")
    spans = [e.span for e in record.evidence if e.field == "title"]
    assert [text[a:b] for a, b in spans] == ["某区召开党建工作会议", "——某街道与某支部召开共建座谈会"]


# A headline block (extract/resolve/headline_block.py): a kicker (引题) over the headline, a subtitle
# (副题) under it, each on a line of its own; the headline alone is the title.
HEADLINE = "青禾街道成立社区志愿服务联盟"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param(
            "深化邻里守望互助\n" + HEADLINE + "\n" + BODY, HEADLINE, id="a kicker opening with a verb"
        ),
        pytest.param(
            "凝心聚力促和谐 携手同行谱新篇\n" + HEADLINE + "\n" + BODY, HEADLINE, id="a kicker of two phrases"
        ),
        pytest.param(
            "喜迎建党百年系列报道:\n" + HEADLINE + "\n" + BODY, HEADLINE, id="a kicker ending in a colon"
        ),
        pytest.param(
            "【基层治理创新实践】\n" + HEADLINE + "\n" + BODY, HEADLINE, id="a column's label alone"
        ),
        pytest.param(
            "深化邻里守望互助\n\n" + HEADLINE + "\n\n" + BODY, HEADLINE, id="a kicker with blank lines around"
        ),
        pytest.param(
            HEADLINE + "\n成功举办首届邻里文化节\n来源:某网 2023-06-05\n" + BODY,
            HEADLINE,
            id="a subtitle going on from the headline's subject, above the stamp",
        ),
        pytest.param(
            HEADLINE + "\n为社区治理注入新活力\n来源:某网 2023-06-05\n" + BODY,
            HEADLINE,
            id="a subtitle opening with a preposition, above the stamp",
        ),
        pytest.param(
            "欢迎访问青禾社区服务平台\n" + HEADLINE + "\n现场直击\n发布时间:2023-06-05 10:00\n" + BODY,
            HEADLINE,
            id="a short subtitle between the headline and the stamp",
        ),
        pytest.param(
            "深化邻里守望互助\n" + HEADLINE + "\n首批二十支志愿服务队同步授旗\n" + BODY,
            HEADLINE,
            id="a kicker over the headline and a subtitle under it",
        ),
        pytest.param(
            "深化邻里守望互助\n" + HEADLINE + "\n——首批二十支志愿服务队同步授旗\n" + BODY,
            HEADLINE + "——首批二十支志愿服务队同步授旗",
            id="a kicker over the headline and a dashed subtitle under it",
        ),
        pytest.param(
            "打造邻里服务综合体!青禾街道党群服务中心启用\n青禾社区融媒体中心编辑部\n" + BODY,
            "打造邻里服务综合体!青禾街道党群服务中心启用",
            id="a headline naming its subject after an exclamation",
        ),
        pytest.param(
            "暖心同行 邻里有家\n来源:某网 2023-06-05\n" + BODY,
            "暖心同行 邻里有家",
            id="a short headline of two phrases, alone",
        ),
        pytest.param(
            "扩大邻里服务覆盖面\n6月5日,某街道召开议事会,居民代表参加\n会上,代表们发言。\n",
            "扩大邻里服务覆盖面",
            id="a headline opening with a verb whose next line is the lead",
        ),
        pytest.param(
            HEADLINE + "\n首批二十支志愿服务队同步授旗\n" + BODY,
            HEADLINE,
            id="a subtitle with a subject of its own under the headline",
        ),
        pytest.param(
            "青禾区融媒体中心\n扎实推进邻里守望互助\n来源:某网 2023-06-05\n" + BODY,
            "扎实推进邻里守望互助",
            id="a headline opening with a verb under a publisher's name, which says nothing done",
        ),
        pytest.param(
            "扎实推进邻里守望互助\n青禾区融媒体中心供稿\n来源:某网 2023-06-05\n" + BODY,
            "扎实推进邻里守望互助",
            id="a headline opening with a verb over a line crediting its source",
        ),
        pytest.param(
            "扎实推进邻里守望互助\n图片由青禾街道提供\n来源:某网 2023-06-05\n" + BODY,
            "扎实推进邻里守望互助",
            id="a headline opening with a verb over a line crediting its pictures",
        ),
        pytest.param(
            "深化邻里守望互助\n青禾街道的邻里新风\n来源:某网 2023-06-05\n" + BODY,
            "青禾街道的邻里新风",
            id="a kicker over a headline of names alone",
        ),
    ],
)
def test_headline_block(text: str, title: str) -> None:
    assert _title(text) == title


def test_a_kicker_gives_way_with_its_evidence() -> None:
    text = "深化邻里守望互助\n" + HEADLINE + "\n" + BODY
    record = extract_text(text, doc_id="t")
    spans = [(text[e.span[0] : e.span[1]], e.rule) for e in record.evidence if e.field == "title"]
    assert spans == [(HEADLINE, "title.main_line")]


def test_the_rules_reading_the_headline_read_the_headline_under_a_kicker() -> None:
    # organisers.headline_opening_unit reads inside the title: under a kicker, the headline's county.
    text = "深化邻里守望互助\n青禾县首批户外劳动者驿站挂牌运营\n近日,驿站投入使用,快递员可在此休息。\n"
    assert extract_text(text, doc_id="t").organisers == ["青禾县"]
