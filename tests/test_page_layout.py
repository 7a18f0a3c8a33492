"""A page's layout changes no value: line ends, indents, paragraphs run into one line, furniture
lines between the headline and its stamp, bylines and related links (scripts/layout_check.py
measures the same on the sample and `tune` articles). Every text here is invented."""

from __future__ import annotations

from pathlib import Path

from extract.reading.read import read_file
from extract.rules_engine.clean import mask_boilerplate
from extract.running.pipeline import extract_text
from extract.text.normalise import normalise

LEAD = "5月6日上午,青禾街道在星河社区举行邻里议事会,区委副书记罗建平出席并讲话。"
PROSE = "会上,各社区党组织书记依次交流了一年来的工作,大家围绕停车难、加装电梯等事项提出建议。" * 2


def test_crlf_a_lone_cr_and_indents_read_as_plain_lines() -> None:
    raw = "\u3000\u3000甲街道召开会议\r\n  乙社区揭牌\r丙"
    norm = normalise(raw)
    assert norm.text == "甲街道召开会议\n乙社区揭牌\n丙"
    assert "".join(raw[i] for i in norm.to_raw) == "甲街道召开会议\n乙社区揭牌\r丙"  # the map points home


def test_a_blank_after_a_full_stop_is_dropped_but_a_blank_in_a_headline_is_kept() -> None:
    assert normalise("会议召开。 会上,甲发言。").text == "会议召开。会上,甲发言。"
    assert normalise("喜讯! 甲社区获评示范社区").text == "喜讯! 甲社区获评示范社区"


def test_a_source_run_into_a_line_of_prose_masks_the_source_alone() -> None:
    text = f"{LEAD}{PROSE} (来源:星河日报) 记者 石清"
    masked = mask_boilerplate(text)
    assert masked.startswith(LEAD + PROSE)
    assert "星河日报" not in masked and len(masked) == len(text)


def test_a_short_source_line_is_still_dropped_whole() -> None:
    line = "来源:星河日报 2023-05-06 10:00"
    assert mask_boilerplate(f"{line}\n正文。") == " " * len(line) + "\n正文。"


def test_a_byline_ends_with_its_line() -> None:
    masked = mask_boilerplate("作者:林晓彤\n西园街道党工委书记罗建平出席")
    assert masked.endswith("\n西园街道党工委书记罗建平出席")


def test_paragraphs_run_into_one_line_keep_their_values() -> None:
    apart = extract_text(f"青禾街道召开邻里议事会\n{LEAD}\n{PROSE}\n(来源:星河日报)", published="2023-05-08")
    joined = extract_text(f"青禾街道召开邻里议事会\n{LEAD} {PROSE} (来源:星河日报)", published="2023-05-08")
    assert joined.date == apart.date == "2023-05-06"
    assert [a.name for a in joined.attendees] == [a.name for a in apart.attendees] == ["罗建平"]


def test_an_event_verb_in_related_links_lends_no_organiser() -> None:
    body = "广州市天河区天河南街道有一支志愿服务队,常年为辖区老人理发、修补衣物,深受居民欢迎。" * 3
    related = "相关新闻\n全市基层党建工作推进会召开  2023-04-12\n暑期青少年托管班开班  2023-04-20"
    alone = extract_text(body, published="2023-05-08")
    linked = extract_text(f"{body}\n{related}", published="2023-05-08")
    assert alone.street == linked.street == "天河南街道"
    assert alone.organisers == linked.organisers == []


def test_a_date_in_the_lead_under_the_headline_is_no_publication_date(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    lead = "为深化社区治理,2024年9月11日,青禾街道星河社区与翠湖社区举行结对共建签约仪式,双方将共享阵地资源。"
    page.write_text(
        f"<html><head><title>两社区结对共建</title></head><body><h1>两社区结对共建</h1><p>{lead}</p>"
        f"<p>{PROSE}</p></body></html>",
        encoding="utf-8",
    )
    article = read_file(page).articles[0]
    assert article.title == "两社区结对共建" and article.published is None
