"""Where a name ends: the characters that usually start the next word, and those that also stand in
given names."""

from __future__ import annotations

import pytest

from extract.resolve.people import name_end
from extract.running.pipeline import extract_text

CASES = [
    ("赵国强出席会议", "赵国强"),  # 强出 is no word: 强 ends the name
    ("赵强出席会议", "赵强"),
    ("孙伟强调指出", "孙伟"),  # 强调 is a word: the name has two characters
    ("孙明代表区委讲话", "孙明"),  # 代表
    ("钱立会、周", "钱立会"),  # a list separator follows the third character
    ("钱立会见了客人", "钱立"),  # 会见
    ("吴向东同志参加", "吴向东"),  # 向 in a given name, a word break after it
    ("吴向大家介绍", "吴"),  # 向 starting the next words: a surname alone
    ("郑为民出席", "郑为民"),
    ("郑和冯明出席", "郑"),
    ("冯明等出席", "冯明"),
    ("冯明作报告", "冯明"),
    ("冯明在会上讲话", "冯明"),
    ("赵东强一行走访社区", "赵东强"),  # 强一 is no word: 强 ends the name, though 强调 would open one
    ("欧阳出席会议", "欧阳"),  # a compound surname, then the verb: no given name
    ("王主持会议", "王"),  # 主持 after a surname is what the person did
    ("张强调研社区", "张强"),  # 调研 is a word: 强 ends the name, though 强调 is a verb too
]


@pytest.mark.parametrize(("text", "name"), CASES, ids=[c[0] for c in CASES])
def test_name_end(text: str, name: str) -> None:
    assert text[: name_end(text, 0, 3)] == name


def test_a_name_of_two_characters_that_are_a_compound_surname_ends_where_it_is_written() -> None:
    # Found by scripts/fuzz.py: a compound surname was given a name's third character past the
    # text's end (an IndexError for the whole article).
    assert name_end("总监慕容", 2, 2) == 4
    assert [(a.name, a.title) for a in extract_text("总监慕容").attendees] == [("慕容", "总监")]
    assert name_end("主任欧阳明出席", 2, 3) == 5


def test_a_one_character_part_of_a_list_ends_where_the_part_does() -> None:
    # fuzz.py seed 43: `谯及晍` split at 及 gave 谯及 and 晍 with the line end after it as names.
    assert name_end("教授谯及晍\n", 2, 1) == 3
    assert extract_text("某校教授谯及晍\n", doc_id="x").attendees == []


def test_a_verb_after_a_three_character_name_is_no_place_character() -> None:
    # 率 leads the delegation; 率市政协 must not read as a name ending before a 市 of a place.
    record = extract_text("日前,市人大常委会主任孙国平率市人大代表视察学校。")
    assert [(a.name, a.title) for a in record.attendees] == [("孙国平", "市人大常委会主任")]


def test_a_name_before_为_and_the_centre_it_unveils_is_a_name() -> None:
    # 为中心揭牌: 为 opens the next words; 中心 is not the end of an institute's name.
    record = extract_text("7月1日,某区管委会主任赵杏为中心揭牌。", published="2024-08-01")
    assert [(a.name, a.title) for a in record.attendees] == [("赵杏", "某区管委会主任")]


def test_a_title_starts_after_the_person_before_it_and_after_a_clause_opener() -> None:
    text = "活动当天,甲乙街道党工委副书记赵丽华同志以及丙丁社区党委书记钱绍移同志出席。"
    record = extract_text(text, published="2024-08-01")
    assert [(a.name, a.title) for a in record.attendees] == [
        ("赵丽华", "甲乙街道党工委副书记"),
        ("钱绍移", "丙丁社区党委书记"),
    ]
    record = extract_text("仪式上甲乙街道党工委书记孙兆耀宣读了文件。", published="2024-08-01")
    assert [(a.name, a.title) for a in record.attendees] == [("孙兆耀", "甲乙街道党工委书记")]


def test_a_name_before_为_and_a_community_is_a_name() -> None:
    record = extract_text("青松社区党委书记孙华芳为社区揭牌。", published="2024-08-01")
    assert [a.name for a in record.attendees] == ["孙华芳"]


def test_a_name_between_separators_counts_even_with_a_place_character() -> None:
    record = extract_text("街道领导刘建业、冯志昌、王镇海、张国平等出席活动。")
    assert [a.name for a in record.attendees] == ["刘建业", "冯志昌", "王镇海", "张国平"]


def test_a_three_character_name_may_end_like_a_post() -> None:
    record = extract_text("指导组组长赵兴长出席活动。")
    assert [a.name for a in record.attendees] == ["赵兴长"]


def test_a_list_word_does_not_join_a_name_to_the_organisation_after_it() -> None:
    record = extract_text("街道党工委书记孙涛、办事处主任李卫等街道班子成员出席了活动。")
    assert [(a.name, a.title) for a in record.attendees] == [
        ("孙涛", "街道党工委书记"),
        ("李卫", "办事处主任"),
    ]


def test_all_after_a_name_is_no_institute() -> None:
    record = extract_text("骑手党员赵军代表所有骑手倡议留守过年。")
    assert [a.name for a in record.attendees] == ["赵军"]


@pytest.mark.parametrize(
    "sentence",
    [
        "各界代表齐聚一堂,共话发展。",  # 齐聚一堂: 齐 is a surname, 齐聚一 no name
        "该行党支部书记高票当选为理事长。",  # 高票当选
    ],
)
def test_the_head_of_an_idiom_is_no_person(sentence: str) -> None:
    assert extract_text(sentence).attendees == []


def test_a_headline_before_a_dash_is_no_part_of_the_title() -> None:
    record = extract_text("携手共建开新局——校党委书记陈立平带队赴社区调研。")
    assert [(a.name, a.title) for a in record.attendees] == [("陈立平", "校党委书记")]


def test_an_appointment_verb_opens_no_title() -> None:
    record = extract_text("会议宣读了决定,任命某某科技有限公司总经理孙建华为支部主委。")
    assert [(a.name, a.title) for a in record.attendees] == [("孙建华", "某某科技有限公司总经理")]


def test_a_body_named_after_a_post_does_not_end_a_title() -> None:
    # 常委 + 会祥 + 和 reads like a post, a name and 和; but 常委会 is a body, the title runs on.
    record = extract_text("5月18日,区人大常委会祥和街道工委主任周良兴出席活动。")
    assert [(a.name, a.title) for a in record.attendees] == [("周良兴", "区人大常委会祥和街道工委主任")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("会上,某某集团总经理助理周海明介绍了项目。", ("周海明", "某某集团总经理助理")),  # 助理
        ("社区青年志愿者陈小雨代表志愿者发言。", ("陈小雨", "社区青年志愿者")),  # 志愿者
        ("区人民医院心内科主任医师孙立群出席。", ("孙立群", "区人民医院心内科主任医师")),
        ("镇党委书记赖明华出席活动。", ("赖明华", "镇党委书记")),  # 赖, a common surname
    ],
)
def test_more_posts_and_surnames(sentence: str, expected: tuple[str, str]) -> None:
    assert [(a.name, a.title) for a in extract_text(sentence).attendees] == [expected]


def test_a_body_then_a_name_then_a_post_titles_the_person_with_both() -> None:
    # `某街道王明书记`: the body before the name and the post after it make the title, read from
    # two spans; the next person of the list carries only the post written after the name.
    text = "6月3日,青松街道孙立新书记、钱晓红主任出席会议并发言。"
    record = extract_text(text, published="2024-08-01")
    assert [(a.name, a.title) for a in record.attendees] == [("孙立新", "青松街道书记"), ("钱晓红", "主任")]
    spans = [e.span for e in record.evidence if e.field == "attendees[0].title"]
    assert "".join(text[s:e] for s, e in spans) == "青松街道书记"
    record = extract_text("绿源大学文学院赵明远教授、青松研究院周海教授等专家参加活动。")
    assert [(a.name, a.title) for a in record.attendees] == [
        ("赵明远", "绿源大学文学院教授"),
        ("周海", "青松研究院教授"),
    ]


def test_a_group_before_代表_is_no_person() -> None:
    record = extract_text("绿源学院师生代表、青松街道党建联席单位代表出席会议。")
    assert record.attendees == []


def test_names_with_their_posts_after_them_in_a_list_are_people() -> None:
    record = extract_text("党员们在孙立新局长、钱晓红副局长、周海副局长的带领下清扫街道。")
    assert [(a.name, a.title) for a in record.attendees] == [
        ("孙立新", "局长"),
        ("钱晓红", "副局长"),
        ("周海", "副局长"),
    ]


def test_a_preposition_after_a_name_does_not_make_it_a_place() -> None:
    # 对区域…: 对 is a preposition, not the end of a place named 孙丽对.
    record = extract_text("会议召开。社区书记孙丽对区域化党建工作作了总结。")
    assert [(a.name, a.title) for a in record.attendees] == [("孙丽", "社区书记")]


def test_one_who_sends_another_in_their_place_is_not_present() -> None:
    record = extract_text("秘书长林芳出席交流会,并受协会会长郑国强委托致辞。")
    assert [a.name for a in record.attendees] == ["林芳"]


def test_a_village_head_is_a_post() -> None:
    record = extract_text("青松村村长孙立新、绿源里里长周海出席。")
    assert [(a.name, a.title) for a in record.attendees] == [("孙立新", "青松村村长"), ("周海", "绿源里里长")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("5月9日,副区长孙健赴青松街道调研。", [("孙健", "副区长")]),  # 赴 opens the next words
        (
            "区司法局副局长鹿明远、区总工会主席经小红出席。",
            [("鹿明远", "区司法局副局长"), ("经小红", "区总工会主席")],
        ),
        (
            "青松研究会廉立新书记、绿源学院宾小红教授参加活动。",
            [("廉立新", "青松研究会书记"), ("宾小红", "绿源学院教授")],
        ),
        ("市委组织部正科级组织员周海明到会指导。", [("周海明", "市委组织部正科级组织员")]),
        ("某平台骑手孙立新分享了经验。", [("孙立新", "某平台骑手")]),
    ],
)
def test_more_surnames_posts_and_verbs_after_names(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(a.name, a.title) for a in extract_text(sentence).attendees] == expected


def test_a_post_after_a_name_ends_it_where_a_preposition_would_cut_it() -> None:
    # 向 mostly starts the next words (`赵向大家介绍`); a post after the third character ends the name.
    record = extract_text("青松大学研究中心常务副主任赵向阳副教授应邀作专题讲座。")
    assert [(a.name, a.title) for a in record.attendees] == [("赵向阳", "青松大学研究中心常务副主任")]


def test_a_bracketed_note_after_a_post_stays_in_the_shared_title() -> None:
    record = extract_text("青松街道党工委委员(统战委员)、办事处副主任孙立新出席。")
    assert [(a.name, a.title) for a in record.attendees] == [
        ("孙立新", "青松街道党工委委员(统战委员)、办事处副主任")
    ]


def test_a_company_named_in_a_list_of_titled_people_is_no_person() -> None:
    record = extract_text("青松公司董事长孙立新、高远达文化传媒有限公司总经理钱晓红出席。")
    assert [a.name for a in record.attendees] == ["孙立新", "钱晓红"]


def test_names_among_delegates_are_present_with_the_delegates_as_title() -> None:
    record = extract_text("座谈会上,孙立新、钱晓红、周海等居民代表先后发言。")
    assert [(a.name, a.title) for a in record.attendees] == [
        ("孙立新", "居民代表"),
        ("钱晓红", "居民代表"),
        ("周海", "居民代表"),
    ]


def test_a_surname_and_a_form_of_address_names_nobody_in_full() -> None:
    assert extract_text("活动中,青年志愿者王女士带领孩子们制作灯笼。").attendees == []


def test_a_model_to_learn_from_is_not_present() -> None:
    assert extract_text("号召青年党员向优秀党务工作者、某公司总经理赵建国学习。").attendees == []


def test_a_duty_tied_to_a_post_by_的_stays_in_the_title() -> None:
    record = extract_text("青松区委统战部分管宣传工作的副部长孙立新出席。")
    assert [(a.name, a.title) for a in record.attendees] == [("孙立新", "青松区委统战部分管宣传工作的副部长")]


def test_a_trade_written_as_a_post_titles_the_person_after_it() -> None:
    # 律师, 辅导员, 培训师 stand before a name as a post does.
    text = "讲座\n5月2日,星河市红十字会培训师陶雨涵讲解了急救技能,执业律师顾子墨解答了居民的疑问。"
    record = extract_text(text, doc_id="t", published="2024-05-03")
    assert [(a.name, a.title) for a in record.attendees] == [
        ("陶雨涵", "星河市红十字会培训师"),
        ("顾子墨", "执业律师"),
    ]


def test_a_counsellor_is_titled_by_the_post_before_the_name() -> None:
    text = "讲座\n10月21日,国家二级心理咨询师纪雨桐围绕亲子沟通作了讲座。"
    record = extract_text(text, doc_id="t", published="2024-10-22")
    assert [(a.name, a.title) for a in record.attendees] == [("纪雨桐", "国家二级心理咨询师")]


@pytest.mark.parametrize("city", ["包头", "金华", "常德"])
def test_a_citys_short_name_opening_a_body_is_no_person(city: str) -> None:
    # 包, 金 and 常 are surnames: after 代表 the city that opens a university's name read as a person.
    text = f"随后,双方负责人分别代表{city}农业大学党委和某某街道党工委签订共建协议。"
    assert [a.name for a in extract_text(text).attendees] == []


def test_a_person_named_like_a_city_is_still_a_person() -> None:
    text = "6月5日,某某街道召开党建联席会议,区委副书记金华出席会议并讲话。"
    assert [a.name for a in extract_text(text).attendees] == ["金华"]
