"""Signed projects: only agreements signed at the event the article reports."""

from __future__ import annotations

from extract import extract_text


def _names(text: str) -> list[str]:
    return [p.name for p in extract_text(text, published="2024-05-20").signed_projects]


def test_an_agreement_signed_before_is_no_signed_project() -> None:
    text = "自青松公司党委与绿源镇党委签订《结对共建协议书》以来,两家单位常来常往、互帮互助。"
    assert _names(text) == []


def test_a_signing_to_come_is_no_signed_project() -> None:
    text = "两镇还将于近期在青松村举行联建联创框架协议签约仪式。"
    assert _names(text) == []


def test_a_signing_at_the_event_is_one() -> None:
    text = "5月18日,青松公司党委与绿源镇党委签订了《结对共建协议书》。"
    assert _names(text) == ["结对共建协议书"]


def test_a_ceremony_named_by_what_was_signed_is_found_where_a_rule_names_only_its_parties() -> None:
    # The bodies holding the signing are matched by a rule that gives parties, not a name: the
    # ceremony's name still names the project.
    text = "9月2日,青松社区党委与绿源大学文学院党委举行了红色联盟共建签约仪式。"
    assert _names(text) == ["红色联盟共建"]


def test_the_bodies_naming_a_signing_ceremony_signed_what_it_names() -> None:
    text = "5月5日下午,读书月启动式暨青松社区与绿源职业学院共建签约仪式在学院礼堂举办。"
    record = extract_text(text, published="2024-05-20")
    assert [(p.name, p.parties) for p in record.signed_projects] == [("共建", ["青松社区", "绿源职业学院"])]
    held = "5月5日,青松社区党委与绿源中心党支部举办党建共建签约仪式。"
    assert _names(held) == ["党建共建"]


def test_a_quoted_name_keeps_its_quotes_and_its_words() -> None:
    # 联合 would end a name's lead-in, but inside the quotes it is part of the name.
    text = "近日,青松片区党委举行了“社企联合共建”项目签约仪式。"
    assert _names(text) == ["“社企联合共建”项目"]
    agreement = "8月9日下午,青松社区党委和绿源公司党委签订了“同心共富”行动协议书。"
    assert _names(agreement) == ["“同心共富”行动协议书"]


def test_a_ceremonys_name_does_not_take_the_end_of_a_bodys_name() -> None:
    text = "5月5日,青松街道与绿源社区党委共建签约仪式在社区举行。"
    record = extract_text(text, published="2024-05-20")
    assert [(p.name, p.parties) for p in record.signed_projects] == [("共建", ["青松街道", "绿源社区党委"])]


def test_bodies_that_sign_are_not_what_they_sign() -> None:
    assert _names("会上,青松街道与绿源公司正式签约。") == []
    assert _names("会上,青松行动、绿源项目现场签约。") == ["青松行动", "绿源项目"]


def test_two_titled_agreements_are_two_projects() -> None:
    text = "5月8日,青松街道与绿源公司签订了《党建共建协议》和《志愿服务协议》。"
    assert _names(text) == ["党建共建协议", "志愿服务协议"]


def test_an_agreement_the_article_says_was_signed_earlier_is_no_signed_project() -> None:
    assert _names("2019年青松街道与绿源公司签订共建协议以来,双方开展活动20余次。") == []
    assert _names("根据青松街道与绿源公司去年签订的共建协议,双方开展活动。") == []
    assert _names("青松街道与绿源公司曾签订共建协议。") == []


def test_signing_named_as_the_way_a_thing_is_done_is_no_signed_project() -> None:
    text = "“辖区商户通过签订帮扶协议、认领微心愿的形式参与结对。”绿源社区主任介绍。"
    assert _names(text) == []
    assert _names("5月18日,青松公司党委与绿源镇党委签订了共建协议。") == ["共建协议"]


def test_the_text_names_in_full_an_agreement_the_headline_shortens() -> None:
    # A headline shortens names: the text's fuller form of the same agreement is its name.
    text = "两镇签订党建联盟协议\n6月25日,甲山镇党委与乙水镇党委签订《边界党建联盟协议》。"
    assert _names(text) == ["边界党建联盟协议"]
    text = "甲山镇签订共建共治协议\n3月28日,甲山镇与星河公司签订了《共建共治协议书》。"
    assert _names(text) == ["共建共治协议书"]


def test_a_count_restating_the_projects_listed_is_no_part_of_the_last() -> None:
    text = "签约\n现场,智慧养老项目、长者食堂项目、旧楼改造项目3个项目集中签约。"
    assert _names(text) == ["智慧养老项目", "长者食堂项目", "旧楼改造项目"]
