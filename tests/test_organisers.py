"""Organisers where no sentence states them: the township that hosted the event, or its community."""

from __future__ import annotations

from extract import extract_text


def _organisers(text: str) -> list[tuple[str, str, str]]:
    record = extract_text(text, published="2024-05-21")
    return [
        (record.organisers[int(e.field[len("organisers[") : -1])], text[e.span[0] : e.span[1]], e.rule)
        for e in record.evidence
        if e.field.startswith("organisers[")
    ]


def test_the_hosting_township_holds_an_event_nobody_is_said_to_hold() -> None:
    text = "志愿服务进小区\n活动在上海市静安区南京西路街道举行,居民纷纷参与。"
    assert _organisers(text) == [("南京西路街道", "南京西路街道", "organisers.from_street")]


def test_a_community_named_right_after_the_township_is_the_holder() -> None:
    text = "上海市静安区南京西路街道华山社区的党员志愿者们走进小区,为居民送去了服务。"
    assert _organisers(text) == [("南京西路街道华山社区", "南京西路街道华山社区", "organisers.from_street")]


def test_a_stated_holder_wins_over_the_township() -> None:
    text = "5月20日上午,甲乙公司党委在上海市静安区南京西路街道举行联席会议。"
    assert [o for o, _, _ in _organisers(text)] == ["甲乙公司党委"]


def test_co_holders_joined_by_a_conjunction_are_each_an_organiser() -> None:
    text = "5月20日上午,甲乙基层委员会与丙丁街道党工委在会议室举行结对共建活动。"
    assert [o for o, _, _ in _organisers(text)] == ["甲乙基层委员会", "丙丁街道党工委"]


def test_a_body_starts_where_its_name_does_not_at_the_verb_before_it() -> None:
    text = "\n5月20日,持续推进红星街道党工委召开会议。"
    assert [o for o, _, _ in _organisers(text)] == ["红星街道党工委"]
    text = "5月20日,不断深化共建的红星街道党工委与蓝天公司党委举行结对活动。"
    assert [o for o, _, _ in _organisers(text)] == ["红星街道党工委", "蓝天公司党委"]
