"""Places named in passing give no district or street: a township's short form in a scenic area's or a
mountain's name, a township of another city, a speaker's township where the event was held in a
county, the items of a list of participants, a county that only sends its people, a township a
development zone runs. The texts are invented for the cases, not taken from articles."""

from __future__ import annotations

import pytest

from extract.running.pipeline import extract_text

# (text, district, city, street)
CASES = [
    # A short form (劝业场, 江宁路, 龙虎山) named once in passing is a business quarter, a road, a mountain: no township.
    ("6月5日,和平区召开党建工作会议。会上,代表们提到了久负盛名的劝业场商圈。", "和平区", "天津市", None),
    ("6月5日,静安区召开党建工作会议。会上,代表们谈到了江宁路商圈的变化。", "静安区", "上海市", None),
    (
        "6月5日,景德镇市召开党建工作会议。会上,代表们说本市坐落在庐山、黄山、龙虎山之间。",
        None,
        "景德镇市",
        None,
    ),
    # 办事处 after a township's short form is its 街道办事处: the township written in full.
    ("6月5日,某社区召开党建工作会议。会上,永明路办事处负责人王明讲话。", None, "安阳市", "永明路街道"),
    # With no county, a township of another city than the event's is not the event's.
    ("5月8日,党建联盟峰会在成都举行。会上,西塘镇原综治办主任王明的经验做法受到推介。", None, "成都市", None),
    # Held in a county (在某县举行): a speaker's township, named in passing, did not host it.
    (
        "6月5日,党建联盟启动仪式在浙江省湖州市安吉县举行。会上,天荒坪镇党委书记王明介绍了经验。",
        "安吉县",
        "湖州市",
        None,
    ),
    # One item of a list of bodies closed by 等: a participant, not the host.
    (
        "6月5日,安吉县首批驿站挂牌运营。县委常委李强出席。\n天荒坪镇、县总工会、县妇联等单位负责人参加。",
        "安吉县",
        "湖州市",
        None,
    ),
    # Counties named only in a list of their representatives, in passing: the event is the city's.
    (
        "12月2日,西宁市党建联盟在农副产品中心启动。市委副书记王明出席。\n"
        "会上,湟中区生产行业代表、城西区销售行业代表分别发言。",
        None,
        "西宁市",
        None,
    ),
    # A development zone named (新区党工委): its township tells no county, however often it is named.
    (
        "娄葑街道驿站揭牌启用\n9月28日,娄葑街道驿站揭牌启用,新区党工委委员王明出席。娄葑街道负责人介绍了情况。"
        "娄葑街道党工委书记李强主持。下一步,娄葑街道将继续建设驿站。娄葑街道还将开展活动。",
        None,
        "苏州市",
        "娄葑街道",
    ),
    # People who came from elsewhere (来自某区、某区的志愿者): their places are not the event's.
    ("6月5日,主题党日活动在社区举行,来自徐汇区、闵行区的志愿者为居民义诊。", None, None, None),
]


# The same shapes where the place is the event's: the rules leave it be.
KEPT = [
    # A township's short form named in the event's own sentence and again later.
    ("6月5日,江宁路召开党建工作会议。江宁路党工委书记王明主持。", None, "上海市", "江宁路街道"),
    # A county named in a list, and also as the host.
    (
        "12月2日,湟中区党建联盟在农副产品中心启动。区委副书记王明出席。\n"
        "会上,湟中区生产行业代表、城西区销售行业代表分别发言。",
        "湟中区",
        "西宁市",
        None,
    ),
    # Without a zone, the township named throughout tells its county.
    (
        "娄葑街道驿站揭牌启用\n9月28日,娄葑街道驿站揭牌启用,区委常委王明出席。娄葑街道负责人介绍了情况。"
        "娄葑街道党工委书记李强主持。下一步,娄葑街道将继续建设驿站。娄葑街道还将开展活动。",
        "虎丘区",
        "苏州市",
        "娄葑街道",
    ),
    # The host named besides the place its guests came from.
    ("6月5日,杨浦区举行党建工作会议,来自徐汇区的专家为大家授课。", "杨浦区", "上海市", None),
]


@pytest.mark.parametrize(
    ("text", "district", "city", "street"), CASES + KEPT, ids=[c[0][:12] for c in CASES + KEPT]
)
def test_places_named_in_passing_go_and_the_events_own_stay(
    text: str, district: str | None, city: str | None, street: str | None
) -> None:
    record = extract_text(text)
    assert (record.district, record.city, record.street) == (district, city, street)
