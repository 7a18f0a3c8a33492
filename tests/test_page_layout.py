"""A page's layout changes no value: line ends, indents, paragraphs run into one line, furniture
lines between the headline and its stamp, bylines and related links (scripts/layout_check.py
measures the same on the sample and `tune` articles). Every text here is invented."""

from __future__ import annotations

from extract.text.normalise import normalise


def test_crlf_a_lone_cr_and_indents_read_as_plain_lines() -> None:
    raw = "\u3000\u3000甲街道召开会议\r\n  乙社区揭牌\r丙"
    norm = normalise(raw)
    assert norm.text == "甲街道召开会议\n乙社区揭牌\n丙"
    assert "".join(raw[i] for i in norm.to_raw) == "甲街道召开会议\n乙社区揭牌\r丙"  # the map points home


def test_a_blank_after_a_full_stop_is_dropped_but_a_blank_in_a_headline_is_kept() -> None:
    assert normalise("会议召开。 会上,甲发言。").text == "会议召开。会上,甲发言。"
    assert normalise("喜讯! 甲社区获评示范社区").text == "喜讯! 甲社区获评示范社区"
