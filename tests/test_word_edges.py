"""Names of stations and venues start and end where words do, and a kind is not a name."""

from __future__ import annotations

import pytest

from extract import extract_text
from extract.resolve.word_edges import name_span, only_determiners
from extract.text.lexicon import words
from extract.text.segment import Words


def _name(text: str) -> str:
    # With the words the rule files keep at a name's edge, as the resolvers pass them.
    start, end = name_span(Words(text), 0, len(text), frozenset(words("name_edge_words")))
    return text[start:end]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("进一步完善星河党群服务中心", "星河党群服务中心"),  # adverb and verb before it
        ("考察党群服务中心", "党群服务中心"),  # a verb taking the kind word as its object
        ("积极打造红色驿站", "红色驿站"),
        ("借助街道党群服务中心", "街道党群服务中心"),
        ("2023年度星河街道党群服务中心", "星河街道党群服务中心"),  # a year in front
        ("长青社区建成首个社区党员服务中心", "社区党员服务中心"),  # a verb and a count inside
        ("市图书馆联合", "市图书馆"),  # the verb after a venue
        ("民俗展览馆内", "民俗展览馆"),  # a locative after it
        ("扎实推进星河党群服务站", "星河党群服务站"),  # an adjective used as an adverb, then a verb
        ("连续3年", ""),  # no noun: a phrase, not a name
        ("区工会加快推进环卫工人服务站", "环卫工人服务站"),  # two verbs in a row
        ("长河镇部分社区党群服务中心", "社区党群服务中心"),  # a part of a set
        ("辖内星河支行", "星河支行"),  # where in the area, not part of the name
        ("到长河镇开展四星级党群服务中心", "四星级党群服务中心"),  # a verb before a sort
        ("小区推广建设新型党群服务站", "新型党群服务站"),  # a verbal noun before a sort
        ("去年建成星河驿站", "星河驿站"),  # a time word before a verb says when
        ("辖区内的星河广场", "星河广场"),
        # A person, then a verb of two characters: the verb takes what follows as its object.
        ("讲解员介绍星河驿站", "星河驿站"),
        ("志愿者讲解服务站", "服务站"),
        # A preposition before a quote mark opens the clause: the mark is no character of a name.
        ("自“长河补给站", "“长河补给站"),
    ],
)
def test_function_words_at_the_edges_are_cut(text: str, name: str) -> None:
    assert _name(text) == name


@pytest.mark.parametrize(
    "text",
    [
        "贴心驿站",  # a verb straight before the kind word modifies it
        "三里桥社区党群服务站",  # a numeral inside a place name
        "长青路7号",  # digits inside an address
        "和乐公寓党群服务站",  # a name jieba cuts into characters
        "吾禾广场",  # a name opening with a pronoun
        "台胞台属之家",  # 之家 is a facility's word, not the pronoun jieba tags it
        "星河外卖骑手党群服务站",  # one verb inside a name modifies what follows
        "城市治理推进委",  # two verbs straight before the last word modify it
        "新就业群体服务驿站",  # a set term, not an adjective and a verb
        "星河志愿者加油驿站",  # a verb kept at names (name_edge_words) after a person is no clause
        "城市管理行政执法支队",  # a verb after a noun that names no person modifies the last word
        "春天驿站",  # a time word before a noun
    ],
)
def test_names_that_hold_such_words_stay_whole(text: str) -> None:
    assert _name(text) == text


def _generic(text: str) -> bool:
    return only_determiners(
        Words(text),
        0,
        len(text),
        lambda w: w in {"党群服务站", "党群服务中心", "服务站", "驿站"},
        frozenset(words("name_edge_words")),
    )


@pytest.mark.parametrize(
    "text",
    [
        "新型党群服务站",
        "这个服务站",
        "多功能党群服务中心",
        "一站式服务站",
        "三级党群服务中心",
        "升级驿站",  # a verbal noun: what is done to the station
        "要建好用好党群服务中心",  # verbs only, no word that names
        "小小的驿站",  # a state word
        "示范型党群服务站",  # a verb and a suffix of sort
        "24小时驿站",  # a length of time
        "综合型党群服务中心",  # a word of sort
        "我区驿站",  # a place pointed at
        "学习驿站",  # a verb kept inside names (星河学习驿站) alone names a kind
    ],
)
def test_a_kind_is_not_a_name(text: str) -> None:
    assert _generic(text)


@pytest.mark.parametrize(
    "text", ["红色驿站", "幸福党群服务站", "星河街道党群服务中心", "某某驿站", "至尊门第党群服务站"]
)
def test_a_name_is_not_a_kind(text: str) -> None:
    assert not _generic(text)


@pytest.mark.parametrize(
    ("text", "stations"),
    [
        ("6月1日,社区积极打造星河红色驿站,为居民服务。", ["星河红色驿站"]),
        # A colour, or whom a station serves, alone before the kind word names a kind (as 爱心驿站).
        ("6月1日,各村要积极打造红色驿站,为居民服务。", []),
        ("6月1日,长河公园职工驿站是全区首个全天开放的职工驿站。", ["长河公园职工驿站"]),
        # A verbal noun before a sort word takes the rest as its object; a count of places counts.
        ("6月1日,街道将在各小区推广建设新型党群服务站。", []),
        ("6月1日,银杏街道新建的三处户外劳动者驿站投入使用。", []),
        # A point of service is a station; what it offers, or volunteers for a day, alone make a kind.
        ("6月1日,星河村“稻花”红色金融服务点挂牌。", ["星河村稻花红色金融服务点"]),
        ("6月1日,银行将在偏远村庄新设一批金融服务点。", []),
        ("6月1日,广场上设置了志愿服务点。", []),
        # When it was built opens no name; a firm's station said by its kind is a kind.
        ("6月1日,公司于去年建成星河党群服务站。", ["星河党群服务站"]),
        ("6月1日,公司于去年建成企业党群服务站。", []),
        ("6月1日,街道借助这个服务站开展活动。", []),
        ("6月1日,街道新建一站式服务站。", []),
        ("6月1日,星河社区建立首家新型党群服务站。", []),
        ("6月1日,星河支行持续完善升级驿站设施。", []),
        ("6月1日,某市首批“侨胞服务中心”正式揭牌。", ["侨胞服务中心"]),  # unveiled: a station
        ("6月1日,政务服务中心为群众办事。", []),  # the same word not unveiled: an office
        ("6月1日,星河社区卫生服务站启用。", []),  # a clinic, not a service station
        ("星河区首个综合服务中心——星河区长河综合服务中心10月21日揭牌成立。", ["星河区长河综合服务中心"]),
        ("6月1日,城区建起了越来越多的爱心驿站。", []),  # a kind of station, said alone
        ("6月1日,星河区骑手爱心驿站揭牌。", ["星河区骑手爱心驿站"]),
        ("【星河区】爱心驿站:为户外劳动者筑起港湾", []),  # a bracketed place, then a kind
        ("6月1日,星河驿站001号——长河邻里驿站揭牌。", ["星河驿站", "长河邻里驿站"]),
        ("6月1日,和乐公寓党群服务站揭牌。", ["和乐公寓党群服务站"]),
        # Verbs jieba does not know or tags as nouns (verbs.txt), an adverb it tags as a noun
        # (adverbs.txt): the name starts after them, and a kind word alone is left.
        ("6月1日,街道将建强用好星河驿站。", ["星河驿站"]),
        ("6月1日,各社区要建强工会驿站。", []),
        ("6月1日,副区长实地调研社区邻里中心运行情况。", []),
        ("6月1日,街道借力写字楼党群服务中心、写字楼服务站服务企业。", []),
        # What a station offers, or whom it serves, alone before the kind word: a kind.
        ("6月1日,二楼是便民服务站,群众在那里办事。", []),
        ("6月1日,各地建成新业态暖心驿站。", []),
        ("6月1日,星河便民服务站揭牌。", ["星河便民服务站"]),
        # A caption: someone showing a station, not a station named after them.
        ("6月1日,星河小区党群服务站启用。\n工作人员介绍服务站功能(李明 摄)", ["星河小区党群服务站"]),
        # Rooms listed inside a community or centre are its parts, whatever the word for them.
        ("6月1日,中心设有青松法律服务站、儿童活动室等功能室。", []),
        ("6月1日,星河中心涵盖学习区、长河驿站等多个服务区域。", []),
        # A station word that says whose team, or a document's title, names no station.
        ("9月1日,白鹭区党群服务中心督导小组赴青松社区检查。", []),
        ("9月1日,打分依据《白鹭区党群服务中心运行规范》进行。", []),
        ("9月1日,验收组来到星河街道党群服务中心。", ["星河街道党群服务中心"]),
        # Quoted words that go on past the station word name an activity, not a station.
        ("9月1日,白鹭社区“党群服务站便民集市”本周开张。", []),
        ("9月1日,招牌上“青松村党群服务中心”几个金字很醒目。", ["青松村党群服务中心"]),
        # After the list comma, a word tagged as a verb opens the next name of the list.
        ("6月1日,星河社区红色驿站、锦绣花园党群服务站揭牌。", ["星河社区红色驿站", "锦绣花园党群服务站"]),
        # One place under two names: the name after 暨 is no second station.
        ("6月1日,青松村党群服务中心暨青松村老年活动中心投用。", ["青松村党群服务中心"]),
        # ... and the first name is the station, though its own word is no station word.
        ("6月1日,白鹭镇青松活动中心暨镇党群服务中心启用。", ["白鹭镇青松活动中心"]),
        # Stations counted in the plural, or a brand, are a kind; a count of characters is not.
        ("6月1日,首批10个“暖心驿站”投入使用。", []),
        ("6月1日,全区已建成快递小哥驿站12个、司机之家5个。", []),
        ("6月1日,街道持续擦亮“暖心驿站”品牌。", []),
        ("6月1日,街道总结推广“幸福驿站”经验做法。", []),
        ("9月1日,招牌上“青松村党群服务中心”九个金字很醒目。", ["青松村党群服务中心"]),
        # A station word before a post says where someone works.
        ("6月1日,长河区党群服务中心主任李明出席活动。", []),
        # A veterans' office is a government counter; a grade or a zone's kind alone names no station.
        ("6月1日,星河街道退役军人服务站揭牌。", []),
        ("6月1日,各社区均设有示范性党群服务站。", []),
        ("6月1日,经开区环卫工人驿站全面开放。", []),
        ("6月1日,星河经开区环卫工人驿站揭牌。", ["星河经开区环卫工人驿站"]),
        # Who gathers there, and 先后 (one after another), open the clause: not part of the name.
        ("6月1日,共建单位代表齐聚星河社区党群服务中心,共商发展大计。", ["星河社区党群服务中心"]),
        (
            "6月1日,街道先后建成星河社区党群服务站、长河小区党群服务站。",
            ["星河社区党群服务站", "长河小区党群服务站"],
        ),
        # A stop where outdoor workers get water and rest is a station; 自 before it says since when.
        ("6月1日,星河社区新设“长河补给站”。自“长河补给站”启用以来,快递员常来歇脚。", ["长河补给站"]),
    ],
)
def test_station_records(text: str, stations: list[str]) -> None:
    assert [s.name for s in extract_text(text).stations] == stations


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("6月1日,读书会在市图书馆联合举办。", "市图书馆"),
        ("6月1日,活动在民俗展览馆内举行。", "民俗展览馆"),
        ("6月1日,活动在长青路7号举行。", "长青路7号"),
        # jieba cuts the unknown name 聚和 into 聚/v 和/c: 和 is part of the name, not a conjunction.
        ("6月1日,文艺汇演在聚和小区广场隆重举行。", "聚和小区广场"),
        ("6月1日,联谊会在星河酒店温馨举行。", "星河酒店"),  # a word of manner before the verb
        ("6月1日,小哥节在星河广场暖心启动。", "星河广场"),
        ("6月1日,读书节在星河书城启幕。", "星河书城"),  # the curtain rises there
        ("首届骑手节于6月1日在长河广场启帷。", "长河广场"),
        ("6月1日,座谈会在辖区内的星河广场举行。", "星河广场"),
        # A place in the lead's own clause, whatever the next clause says.
        ("近日,在星河公园职工驿站,30多名环卫工人吃上了热腾腾的饺子。", "星河公园职工驿站"),
        ("6月1日,在星河宾馆2号会议室里,一场签约仪式正式开场。", "星河宾馆2号会议室"),
        # One event at several places at once: the first named.
        ("7月1日,街道在星河广场、长河公园同步开展主题活动。", "星河广场"),
        # Where the organisers came to hold it.
        ("6月1日,社区联合共建单位来到星河社区长青小区开展文明宣传活动。", "星河社区长青小区"),
        # Where a visit goes: with a word of looking after the place, or a visiting party coming to it.
        ("6月1日,全市组工干部赴星河文化产业园区参观调研。", "星河文化产业园区"),
        ("6月1日,王明一行来到星河街道党群服务中心,听取工作介绍。", "星河街道党群服务中心"),
        # Where the guests gather.
        ("6月1日,共建单位代表齐聚星河社区党群服务中心,共商发展大计。", "星河社区党群服务中心"),
        # A room after 的 is the building's room: both, as written.
        ("6月1日,星河街道在长河大厦的多功能厅举行共建签约仪式。", "长河大厦的多功能厅"),
        # The place before 联合 and a co-holder; a lecture that begins there; a visit to a place
        # given with where it lies; guests gathering at a station; a headline's blank ends a place.
        ("4月2日,区总工会在区文化馆联合区作家协会举办读书月启动仪式。", "区文化馆"),
        ("12月9日晚,一堂安全课在星河区白鹭驿站开讲。", "星河区白鹭驿站"),
        ("8月5日,副区长来到位于长河路18号的“白鹭之家”骑手驿站,实地调研。", "“白鹭之家”骑手驿站"),
        ("11月3日,共建单位代表齐聚白鹭社区党群服务站,召开联席会议。", "白鹭社区党群服务站"),
        ("活动地点设在长河公园 居民共度邻里节\n5月26日,街道邻里节开幕。", "长河公园"),
    ],
)
def test_venue_records(text: str, venue: str) -> None:
    record = extract_text(text)
    assert record.venue == venue
    # The evidence still slices the value from the article.
    span = next(e.span for e in record.evidence if e.field == "venue")
    assert text[span[0] : span[1]] == venue


def test_a_span_that_starts_inside_a_word_is_cut_too() -> None:
    # A pattern's window may open in the middle of a word (极打造…): the words around still count.
    text = "社区积极打造红色驿站"
    start, end = name_span(Words(text), 3, len(text))
    assert text[start:end] == "红色驿站"
    start, end = name_span(Words(text), 7, len(text))
    assert (start, end) == (7, len(text))  # inside a name, the edge stays where it was


@pytest.mark.parametrize(
    "text",
    [
        "6月1日,居民们在一起举行活动。",  # no noun: a phrase, not a place
        "6月1日,街道相继在263个社区开展服务站升级工作。",  # many places, none the event's
        "6月1日,讲座在各个会议室同步开展。",
        "6月1日,座谈会在杭州市余杭区举行。",  # only divisions: where, but no venue
        # A time or a position after 在, no place: the word layer's tags, no list of words.
        "6月1日,在前不久举行的会议上,他作了发言。",
        "6月1日,座谈会在近日召开。",
        "6月1日,联欢会在当晚举行。",
        "6月1日,活动在户外举行。",
        "6月1日,活动在网上举行。",
        # 的 before the event's verb makes the event a noun: no place before it.
        "6月1日,他在致辞中对星河街道“邻里互助”项目的顺利启动表示祝贺。",
        "6月1日,党员们来到社区开展活动。",  # a place word alone
        # A visit after the event closed, or to a body or a district, gives no venue.
        "6月1日,签约仪式在线上举办。仪式结束后,嘉宾们来到青松社区,察看了睦邻中心。",
        "6月1日,调研组赴长河区委组织部调研。",
        "6月1日,调研组赴长河区调研。",
        "6月1日,公益英语课在党群服务中心开课。",  # a station's kind word alone names no place
    ],
)
def test_no_venue(text: str) -> None:
    assert extract_text(text).venue is None


def test_a_place_pointed_at_is_still_one_place() -> None:
    assert extract_text("6月1日,12个党支部在该县星河街道长青社区正式启动联盟。").venue == "星河街道长青社区"


def test_a_place_in_a_clause_of_its_own_is_the_venue() -> None:
    record = extract_text("5月10日下午,在星河村大会议室,由村主任主持,举行了共建签约仪式。")
    assert record.venue == "星河村大会议室"
