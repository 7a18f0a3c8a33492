"""The parties of signed agreements: who signs, where the article names them, each with evidence."""

from __future__ import annotations

from extract import extract_text


def _parties(text: str) -> dict[str, list[str]]:
    record = extract_text(text, published="2024-05-20")
    return {p.name: p.parties for p in record.signed_projects}


def _evidence(text: str) -> dict[str, str]:
    record = extract_text(text, published="2024-05-20")
    return {e.field: text[e.span[0] : e.span[1]] for e in record.evidence if ".parties[" in e.field}


def test_bodies_before_the_verb_sign_the_agreement() -> None:
    text = "5月18日上午,活动在社区举行。仪式上,甲乙街道党工委与丙丁公司党委签订了党建共建协议。"
    assert _parties(text) == {"党建共建协议": ["甲乙街道党工委", "丙丁公司党委"]}
    assert _evidence(text) == {
        "signed_projects[0].parties[0]": "甲乙街道党工委",
        "signed_projects[0].parties[1]": "丙丁公司党委",
    }


def test_a_list_of_bodies_and_a_post_after_a_body() -> None:
    text = "随后,甲社区党委负责人、乙社区、丙学院党委书记王某某共同签署《联建协议书》。"
    assert _parties(text) == {"联建协议书": ["甲社区党委", "乙社区", "丙学院党委"]}


def test_signers_for_both_sides_leave_the_parties_to_the_holders() -> None:
    text = (
        "5月18日,甲乙社区党委与丙丁中心党支部举办党建共建签约仪式。会上,张某某、李某某代表双方签订共建协议。"
    )
    assert _parties(text) == {"共建协议": ["甲乙社区党委", "丙丁中心党支部"]}


def test_a_count_of_bodies_is_no_party() -> None:
    text = "仪式上,甲乙社区与12家共建单位签订了结对共建协议。"
    assert _parties(text) == {"结对共建协议": ["甲乙社区"]}


def test_no_parties_where_the_article_names_none() -> None:
    text = "会上,双方签订了合作协议。"
    assert _parties(text) == {"合作协议": []}


def test_the_shortest_form_the_article_writes() -> None:
    text = (
        "会上,杭州市西湖区灵隐街道青松社区党委与甲乙公司党委签订了共建协议。"
        "青松社区党委将与企业一道推进共建。"
    )
    assert _parties(text) == {"共建协议": ["青松社区党委", "甲乙公司党委"]}
    alone = "会上,杭州市西湖区灵隐街道青松社区党委与甲乙公司党委签订了共建协议。"
    assert _parties(alone) == {"共建协议": ["杭州市西湖区灵隐街道青松社区党委", "甲乙公司党委"]}


def test_a_townships_body_goes_by_the_townships_name() -> None:
    text = "会上,北京市海淀区中关村街道党工委与甲乙公司党委签订了共建协议。"
    assert _parties(text) == {"共建协议": ["中关村街道党工委", "甲乙公司党委"]}
    bare = "会上,成都市武侯区玉林街道与甲乙公司党委签订了共建协议。"
    assert _parties(bare) == {"共建协议": ["玉林街道", "甲乙公司党委"]}


def test_the_holders_sign_where_no_sentence_names_the_signers() -> None:
    text = "5月18日,甲乙街道党工委与丙丁公司党委在会议室举行联席会议。会上,双方签订了共建协议。"
    assert _parties(text) == {"共建协议": ["甲乙街道党工委", "丙丁公司党委"]}
    rules = {e.rule for e in extract_text(text, published="2024-05-20").evidence if ".parties[" in e.field}
    assert rules == {"signed_projects.parties_from_organisers"}
    one_holder = "5月18日,甲乙街道党工委在会议室举行联席会议。会上,双方签订了共建协议。"
    assert _parties(one_holder) == {"共建协议": []}


def test_holders_as_parties_take_the_shortest_form_the_article_writes() -> None:
    text = (
        "5月18日,上海市静安区南京西路街道党工委与甲乙公司党委在会议室举行联席会议。"
        "会上,双方签订了共建协议。南京西路街道党工委表示将深化合作。"
    )
    assert _parties(text) == {"共建协议": ["南京西路街道党工委", "甲乙公司党委"]}


def test_bodies_that_complete_a_signing_are_its_parties() -> None:
    text = "在来宾的见证下,甲乙公司党委与丙丁街道党工委完成党建共建签约。"
    assert _parties(text) == {"党建共建": ["甲乙公司党委", "丙丁街道党工委"]}


def test_words_around_a_body_are_not_its_name() -> None:
    # 的 and an adverb around the first body; a place of signing after the second.
    text = "当天,新成立的青松街道新联会党支部还与绿源公司党委在东湖签订了共建协议。"
    assert _parties(text) == {"共建协议": ["青松街道新联会党支部", "绿源公司党委"]}
    assert _evidence(text) == {
        "signed_projects[0].parties[0]": "青松街道新联会党支部",
        "signed_projects[0].parties[1]": "绿源公司党委",
    }


def test_a_role_before_a_body_is_not_its_name() -> None:
    text = "活动中,青松社区党支部、园区管理方绿源经济合作社党支部与多家企业签订了联建协议。"
    assert _parties(text) == {"联建协议": ["青松社区党支部", "绿源经济合作社党支部"]}


def test_a_verb_inside_a_name_that_runs_to_the_conjunction_stays() -> None:
    text = "仪式上,市北区城市治理推进委与青松社区签订了结对共建协议。"
    assert _parties(text) == {"结对共建协议": ["市北区城市治理推进委", "青松社区"]}


def test_a_tail_written_after_another_place_is_no_shorter_form() -> None:
    # The article writes 西湖区灵隐街道青松社区党委 alone, never a shorter tail without a place before it.
    text = (
        "会上,杭州市西湖区灵隐街道青松社区党委与甲乙公司党委签订了共建协议。"
        "西湖区灵隐街道青松社区党委表示将深化合作。"
    )
    assert _parties(text) == {"共建协议": ["西湖区灵隐街道青松社区党委", "甲乙公司党委"]}


def test_a_body_named_by_its_kind_alone_is_the_events_body_of_that_kind() -> None:
    text = (
        "8月22日,青松街道在产业园举办统战工作推进会。"
        "会上,区留学人员联谊会会长王某某与街道一起签订了党建共建项目协议。"
    )
    assert _parties(text) == {"党建共建项目协议": ["区留学人员联谊会", "青松街道"]}
    record = extract_text(text, published="2024-05-20")
    shown = {(text[e.span[0] : e.span[1]], e.rule) for e in record.evidence if e.field.endswith("parties[1]")}
    assert shown == {
        ("青松街道", "signed_projects.parties_kind_from_organisers"),
        ("街道", "signed_projects.parties_then_agreement"),
    }
    pointed = "3月21日,东湖市青松区举行社区治理品牌发布会,该区与绿源市签定《同城化合作框架协议》。"
    assert _parties(pointed) == {"同城化合作框架协议": ["东湖市青松区", "绿源市"]}


def test_a_kind_word_with_no_body_of_that_kind_names_no_party() -> None:
    text = "8月22日,青松街道在产业园举办推进会。会上,绿源公司党委与社区共同签订共建协议。"
    assert _parties(text) == {"共建协议": ["绿源公司党委"]}


def test_signers_only_counted_are_the_bodies_a_clause_lists_that_many_of() -> None:
    text = (
        "此次联建由青松社区党委、绿源公司党支部及东湖小学党支部共同发起。"
        "仪式上,三方代表签署《共建共享协议书》。"
    )
    assert _parties(text) == {"共建共享协议书": ["青松社区党委", "绿源公司党支部", "东湖小学党支部"]}
    rules = {e.rule for e in extract_text(text, published="2024-05-20").evidence if ".parties[" in e.field}
    assert rules == {"signed_projects.parties_counted", "signed_projects.parties_then_agreement"}
    fewer = "青松社区党委与绿源公司党支部是老朋友。仪式上,三方代表签署《共建共享协议书》。"
    assert _parties(fewer) == {"共建共享协议书": []}


def test_a_total_after_the_last_body_is_not_its_name() -> None:
    text = "随后,青松社区党委、绿源园林集团有限公司共2家单位代表签署了共建协议书。"
    assert _parties(text) == {"共建协议书": ["青松社区党委", "绿源园林集团有限公司"]}


def test_a_stretch_cut_inside_a_word_ends_with_the_word() -> None:
    # The pattern's lazy group ends at 市委 (a body's ending too) inside 市委员会.
    text = "九三学社东湖市委员会与九三学社绿源市委员会举行友好签约仪式。双方签署了交流协议。"
    assert _parties(text) == {"交流协议": ["九三学社东湖市委员会", "九三学社绿源市委员会"]}


def test_a_tail_after_a_place_inside_a_word_is_not_written_alone() -> None:
    # 长安 is a place too: 岭村党委 after it is part of 长安岭村党委, never written alone.
    text = (
        "9月2日,白云街道长安岭村党委与绿源大学文学院党委签订了联建共建协议。"
        "文学院党委副书记王某某和长安岭村党委委员出席了仪式。"
    )
    assert _parties(text) == {"联建共建协议": ["长安岭村党委", "绿源大学文学院党委"]}


def test_signers_for_no_named_body_are_parties_as_written() -> None:
    text = "活动现场,居民代表和物业代表现场签订《文明公约协议书》。"
    assert _parties(text) == {"文明公约协议书": ["居民代表", "物业代表"]}
    both_sides = "活动现场,双方代表现场签订《文明公约协议书》。"
    assert _parties(both_sides) == {"文明公约协议书": []}


def test_a_body_presenting_to_another_and_signing_signs_with_it() -> None:
    text = "随后,青松村党支部向绿源公司党支部赠送了纪念牌并签署结对共建书。"
    assert _parties(text) == {"结对共建书": ["青松村党支部", "绿源公司党支部"]}


def test_firms_of_a_kind_are_no_body() -> None:
    text = "会上,青松社区党委与爱心企业签订了结对帮扶协议。"
    assert _parties(text) == {"结对帮扶协议": ["青松社区党委"]}


def test_the_body_names_in_full_the_bodies_a_headline_shortens() -> None:
    text = (
        "民盟东湖市委与中共青松区委签署“绿源同行”协议\n"
        "6月3日,民盟东湖市委员会与中共东湖市青松区委员会“绿源同行”签约仪式在青松区会议中心举行。"
    )
    assert _parties(text) == {"“绿源同行”协议": ["民盟东湖市委员会", "中共东湖市青松区委员会"]}
    other = (
        "民盟东湖市委与中共青松区委签署“绿源同行”协议\n"
        "6月3日,甲乙公司与丙丁公司“绿源同行”签约仪式在青松区会议中心举行。"
    )
    assert _parties(other) == {"“绿源同行”协议": ["民盟东湖市委", "中共青松区委"]}


def test_a_time_that_opens_the_statement_is_not_a_partys_name() -> None:
    text = "今年5月青松街道与绿源公司签订了共建协议。"
    assert _parties(text) == {"共建协议": ["青松街道", "绿源公司"]}


def test_those_who_came_are_no_party() -> None:
    assert _parties("会上,与会代表签订了安全生产责任书。") == {"安全生产责任书": []}
    assert _parties("会上,参会代表签订了承诺书。") == {"承诺书": []}


def test_bodies_named_only_in_generic_words_are_no_party() -> None:
    each = "会上,各党建共建单位也与青松社区党委签订了共建协议书。"
    assert _parties(each) == {"共建协议书": ["青松社区党委"]}
    assert _parties("会上,新老成员单位签订了结对共建协议。") == {"结对共建协议": []}
    own = "会上,青松社区党委与各乡镇商会联络单位签订了共建协议。"
    assert _parties(own) == {"共建协议": ["青松社区党委", "各乡镇商会联络单位"]}


def test_a_kind_word_alone_is_the_one_body_of_that_kind_the_article_names() -> None:
    text = "座谈开始前,青松社区党委书记王某某通报了情况。会上,绿源公司党委也与社区签订了共驻共建协议书。"
    assert _parties(text) == {"共驻共建协议书": ["绿源公司党委", "青松社区"]}
    record = extract_text(text, published="2024-05-20")
    shown = {(text[e.span[0] : e.span[1]], e.rule) for e in record.evidence if e.field.endswith("parties[1]")}
    assert shown == {
        ("青松社区", "signed_projects.parties_kind_named"),
        ("社区", "signed_projects.parties_then_agreement"),
    }
    two = "青松社区和绿源社区的书记介绍了工作。会上,东湖公司党委与社区签订了共建协议。"
    assert _parties(two) == {"共建协议": ["东湖公司党委"]}
    common = "会上介绍了城市社区的治理。会上,东湖公司党委与社区签订了共建协议。"
    assert _parties(common) == {"共建协议": ["东湖公司党委"]}


def test_signers_counted_as_other_bodies_than_the_holders_name_none() -> None:
    held = "5月18日,甲乙镇与丙丁镇、戊己镇共同举行联建启动仪式。"
    counted = held + "会上,六个村的党支部书记签署了《结对帮扶协议》。"
    assert _parties(counted) == {"结对帮扶协议": []}
    # As many as held the event: the count stands for the holders.
    as_many = held + "会上,三个镇的负责人签署了《结对帮扶协议》。"
    assert _parties(as_many) == {"结对帮扶协议": ["甲乙镇", "丙丁镇", "戊己镇"]}


def test_a_school_called_by_its_number_is_a_body() -> None:
    text = "5月8日,青松街道与绿源市一中、绿源区二高、丙丁大学附中签订共建协议。"
    assert _parties(text) == {"共建协议": ["青松街道", "绿源市一中", "绿源区二高", "丙丁大学附中"]}


def test_the_subject_that_goes_on_to_sign_with_a_partner_is_a_party() -> None:
    # `A参加…仪式,并与B共同签订X`: the clause names only B; A, the sentence's subject, signs too.
    text = "揭牌\n3月8日,星河市妇联参加白沙社区“巾帼家园”揭牌仪式,并与白沙社区共同签订巾帼志愿服务共建协议。"
    assert _parties(text) == {"巾帼志愿服务共建协议": ["星河市妇联", "白沙社区"]}
    assert _evidence(text) == {
        "signed_projects[0].parties[0]": "星河市妇联",
        "signed_projects[0].parties[1]": "白沙社区",
    }


def test_a_body_named_by_its_kind_words_alone_is_the_organiser_of_that_kind() -> None:
    # 社区党委 is the 社区党委 that held the meeting, as the article names it there.
    text = "联席会\n12月3日,青松社区党委召开共建单位联席会。会上,社区党委与星河供电公司签订了共建协议。"
    assert _parties(text) == {"共建协议": ["青松社区党委", "星河供电公司"]}


def test_the_place_of_the_signing_is_no_party() -> None:
    text = "共建\n10月29日,甲街道党工委、乙集团党委在港区党群服务站共同签署《平安共建协议》。"
    assert _parties(text) == {"平安共建协议": ["甲街道党工委", "乙集团党委"]}


def test_a_zhishe_branch_signs_under_its_full_name() -> None:
    # 支社 ends a 九三学社 branch's name: the entry is not cut back to the county before it.
    text = "签约\n12月17日,九三学社星河县支社与甲山镇党委签订合作协议。"
    assert _parties(text) == {"合作协议": ["九三学社星河县支社", "甲山镇党委"]}


def test_a_stray_bracket_and_one_letter_are_no_party() -> None:
    # Found by scripts/fuzz.py on spliced text: the marks of a cut title and 委 made a party.
    text = "5月18日,甲乙街道党工委与》〈委签订了共建协议。"
    assert _parties(text) == {"共建协议": ["甲乙街道党工委"]}
