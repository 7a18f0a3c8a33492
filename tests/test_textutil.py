"""The small text helpers resolvers share."""

from extract.text.textutil import clean_value, written_in


def test_a_short_form_is_written_in_its_full_name_in_order() -> None:
    assert written_in("青禾区科学技术协会", "区科协")
    assert written_in("某某市委员会", "某市委")
    assert not written_in("青禾区协会科学技术", "区科协")  # the characters, but not in order
    assert not written_in("青禾区科学技术协会", "区文联")


def test_a_short_form_takes_each_word_it_skips_into_from_its_first_letter() -> None:
    assert written_in("青禾区卫生健康委员会", "区卫健委")
    assert written_in("青禾区工商业联合会", "区工商联")
    assert written_in("中共青禾区委员会", "青禾区委")
    assert written_in("青禾区委组织部", "区委")  # a longer form, written out as it stands
    assert written_in("中共东湖市青禾区委员会", "中共青禾区委")  # a place left out whole


def test_a_short_form_leaves_no_word_out_and_skips_into_no_words_middle() -> None:
    assert not written_in("青禾区卫健委", "区委")  # 委 ends the commission's own short form
    assert not written_in("青禾区卫健委", "青禾区委")
    assert not written_in("青禾区教育委员会", "区委")  # 教育 left out: that is 区教委
    assert not written_in("青禾街道党工委", "街道党委")


def test_a_mark_that_pairs_with_none_inside_the_value_is_trimmed() -> None:
    assert clean_value("》〈委") == "委"  # remnants of a cut, at either end
    assert clean_value("某某协议《") == "某某协议"
    assert clean_value("“甲乙社区") == "甲乙社区"
    assert clean_value("《共建协议》") == "《共建协议》"  # a pair stays
    assert clean_value("某区工商联(总商会)") == "某区工商联(总商会)"
    assert clean_value("“红色合伙”项目") == "“红色合伙”项目"
