"""The word layer: tokens and tags with offsets, our lexicons kept whole, nothing read from temp folders."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extract.text.segment import (
    NUMERAL_TAGS,
    SENTENCE_ENDS,
    Words,
    boundaries,
    tag,
    token_at,
    word_frequency,
)

ARTICLE = "2024年5月6日,区委副书记李明出席社区议事会。"


def test_tokens_carry_offsets_and_tags() -> None:
    text = "工作人员积极打造红色驿站。"
    tokens = tag(text)
    assert "".join(t.text for t in tokens) == text
    assert all(text[t.start : t.end] == t.text for t in tokens)
    by_text = {t.text: t for t in tokens}
    assert by_text["积极"].function_word and by_text["打造"].function_word
    assert not by_text["驿站"].function_word


def test_tokens_of_a_piece_carry_offsets_in_the_whole_text() -> None:
    """`tag(piece, offset)` gives the tokens of `piece` at their places in the text it was cut from,
    as `Words.sentence` needs them, without making each token twice."""
    whole = "开头一句。区委书记出席了揭牌仪式并讲话"
    start = whole.index("区")
    piece = whole[start:]
    shifted = tag(piece, start)
    assert [(t.text, t.start - start, t.end - start, t.tag) for t in shifted] == [
        (t.text, t.start, t.end, t.tag) for t in tag(piece)
    ]
    assert all(whole[t.start : t.end] == t.text for t in shifted)


def test_lexicon_words_stay_whole() -> None:
    # A township of the gazetteer is one word, where jieba's own dictionary cuts it in three.
    import rjieba

    assert len(rjieba.Jieba().cut("南京西路街道")) > 1
    tokens = tag("来到南京西路街道党群服务中心")
    assert ("南京西路街道", "ns") in [(t.text, t.tag) for t in tokens]
    assert "党群服务中心" in [t.text for t in tokens]


@pytest.mark.parametrize("city", ["包头", "大连", "开封", "遵义", "平凉"])
def test_short_forms_of_cities_are_places_whatever_jieba_tags_them(city: str) -> None:
    # jieba tags these as a verb (包头, 开封, 遵义), an adverb (大连) or an adjective (平凉).
    tokens = tag(f"交流会在{city}新区某某大厦举行。")
    assert (city, "ns") in [(t.text, t.tag) for t in tokens]


@pytest.mark.parametrize("town", ["通东街", "官银号街", "龙翔街"])
def test_a_township_written_jie_is_one_place_word(town: str) -> None:
    # 通东街道 written 通东街: jieba cut it 通/东街 (a verb first), and 官银号街 官/银号/街.
    tokens = tag(f"某某区{town}邻里驿站今天开放。")
    assert (town, "ns") in [(t.text, t.tag) for t in tokens]


def test_a_division_jieba_knows_by_another_tag_is_a_place() -> None:
    # jieba knows 硚口区 as a verb and kept that tag when the gazetteer added it again.
    tokens = tag("硚口区某某委员会今天成立。")
    assert ("硚口区", "ns") in [(t.text, t.tag) for t in tokens]


def test_an_unknown_word_without_numerals_is_no_numeral() -> None:
    # jieba guesses 映月 a numeral (m); 三个 and 若干, a count and a known word, stay numerals.
    tokens = {t.text: t.tag for t in tag("映月小区有三个驿站和若干志愿者。")}
    assert tokens["映月"] not in NUMERAL_TAGS
    assert tokens["三个"] in NUMERAL_TAGS and tokens["若干"] in NUMERAL_TAGS


@pytest.mark.parametrize("county", ["大足", "从化", "介休"])
def test_a_county_short_form_cut_as_a_word_is_a_place(county: str) -> None:
    # jieba tags 大足 an adverb, 从化 and 介休 verbs.
    tokens = tag(f"{county}区委宣传部今天召开座谈会。")
    assert (county, "ns") in [(t.text, t.tag) for t in tokens]


def test_a_common_word_among_city_names_keeps_its_own_tag() -> None:
    # 来宾 (来宾市) is in the gazetteer's stoplist: here it is the guests.
    tokens = tag("与会来宾参观了展览。")
    assert ("来宾", "ns") not in [(t.text, t.tag) for t in tokens]


def test_words_of_a_document_are_cut_per_sentence() -> None:
    text = "第一句话。进一步完善党群服务中心。"
    words = Words(text)
    inside = words.within(5, len(text) - 1)
    assert [t.text for t in inside][:2] == ["进一步", "完善"]
    assert inside[0].start == 5
    assert words.is_boundary(8) and not words.is_boundary(6)
    assert boundaries("完善党群服务中心") >= {0, 2, len("完善党群服务中心")}


def test_frequencies_are_jieba_dictionary_counts() -> None:
    assert word_frequency("单位") > 1000
    assert word_frequency("强出") == 0


def _attendees(env: dict[str, str]) -> list[str]:
    probe = (
        "import json, sys\n"
        "from extract import extract_text\n"
        "r = extract_text(sys.argv[1])\n"
        "print(json.dumps([a.name for a in r.attendees], ensure_ascii=False))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, ARTICLE], capture_output=True, text=True, check=True, env=env
    )
    return list(json.loads(done.stdout))


def test_a_cache_planted_in_the_temp_folder_changes_no_record(tmp_path: Path) -> None:
    # Issue 15: jieba trusted any jieba.cache in the system temp folder. One that makes the name a
    # common word must not drop the attendee.
    temp, cache = tmp_path / "tmp", tmp_path / "cache"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "XDG_CACHE_HOME": str(cache)}
    clean = _attendees(env)
    assert clean == ["李明"]
    (temp / "jieba.cache").write_bytes(marshal.dumps(({"李明": 10**7, "单位": 10**7}, 2 * 10**7)))
    assert _attendees(env) == clean


def test_lone_surrogates_keep_their_offsets() -> None:
    # The reader keeps undecodable bytes as lone surrogates; the segmenter takes only valid Unicode.
    text = "区委\ud800书记来到社区"
    tokens = tag(text)
    assert sum(len(t.text) for t in tokens) == len(text)
    assert tokens[-1].end == len(text)
    assert word_frequency("\udfff") == 0


def test_a_page_without_sentence_ends_is_cut_in_pieces() -> None:
    # One long line: each question segments a piece around it, not the whole line again.
    text = "社区积极打造红色驿站为居民服务" * 400
    words = Words(text)
    for pos in (10, 3000, len(text) - 5):
        tokens = words.sentence(pos)
        assert tokens[0].start <= pos < tokens[-1].end
        assert tokens[-1].end - tokens[0].start <= 3 * 300
        assert all(text[t.start : t.end] == t.text for t in tokens)


def test_a_sentence_runs_from_after_the_last_end_to_the_next_within_the_reach() -> None:
    # Ends of every kind, one straight after another, and a stretch longer than the reach without one.
    text = "甲乙街道开会。丙丁社区!!读书;\n\n新建驿站？" + "居民服务" * 200 + "。活动开展;"
    words = Words(text)
    for pos in range(len(text)):
        low = max(0, (pos // 300 - 1) * 300)
        before = [i for i in range(low, pos) if text[i] in SENTENCE_ENDS]
        start = before[-1] + 1 if before else low
        high = min(len(text), low + 900)
        after = [i for i in range(pos, high) if text[i] in SENTENCE_ENDS]
        end = after[0] if after else high
        tokens = words.sentence(pos)
        if start < end:
            assert (tokens[0].start, tokens[-1].end) == (start, end), pos
        else:
            assert tokens == (), pos


def test_the_words_of_a_span_are_those_each_token_test_gives() -> None:
    # within, overlapping, is_boundary and token_at find their tokens by bisection: at every span
    # of a text of several sentences (and past its ends), the same tokens as testing each one.
    text = "青石街道党工委联合白沙社区举办读书会。居民们踊跃参加!\n活动持续到傍晚;大家满载而归"
    words = Words(text)
    for start in range(-1, len(text) + 2):
        tokens = words.sentence(min(max(start, 0), len(text) - 1))
        holding = next((k for k, t in enumerate(tokens) if t.start <= start < t.end), None)
        assert token_at(tokens, start) == holding, start
        if 0 < start < len(text):
            assert words.is_boundary(start) == any(t.start == start for t in words.sentence(start)), start
        for end in range(start, start + 12):
            own = words.sentence(start) if start < end else ()
            assert words.within(start, end) == [t for t in own if start <= t.start and t.end <= end]
            assert words.overlapping(start, end) == [t for t in own if t.start < end and start < t.end]
