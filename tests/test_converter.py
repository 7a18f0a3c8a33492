"""Whichever OpenCC package is installed converts the sample and dev articles to the same Simplified
text as opencc-python-reimplemented did when tests/data/t2s_sha256.json was made."""

from __future__ import annotations

import hashlib
import json

from extract.text.normalise import _t2s, has_traditional, normalise

from .conftest import ROOT

EXPECTED = json.loads((ROOT / "tests" / "data" / "t2s_sha256.json").read_text(encoding="utf-8"))


def test_converter_output_is_unchanged() -> None:
    assert len(EXPECTED) >= 50
    for rel, digest in EXPECTED.items():
        text = (ROOT / rel).read_text(encoding="utf-8")
        got = hashlib.sha256(_t2s().convert(text).encode()).hexdigest()
        assert got == digest, f"{rel}: the installed OpenCC converts this article differently"


def test_traditional_detection_and_pinyin_glosses() -> None:
    raw = "環(huán)星河廣場黨建聯(lián)席會議在長河廣場舉行,區(qū)委書記出席。"
    assert has_traditional(raw)
    n = normalise(raw)
    assert n.text == "环星河广场党建联席会议在长河广场举行,区委书记出席。"
    # every normalised character maps back to the raw character it came from
    start = n.text.index("区委")
    assert n.raw[slice(*n.raw_span(start, start + 2))] == "區(qū)委"


def test_simplified_text_is_left_alone() -> None:
    raw = "静安区南京西路街道举行会议(CBD)。"
    assert not has_traditional(raw)
    n = normalise(raw)
    assert n.text == raw and n.to_raw == tuple(range(len(raw)))


def test_a_pinyin_gloss_with_a_space_inside_is_dropped() -> None:
    # Some sites write the gloss with a space before the closing bracket: 會(huì )議.
    n = normalise("區人大常委會(huì )祥和街道工委主任出席")
    assert n.text == "区人大常委会祥和街道工委主任出席"
    assert normalise("會議(CBD )舉行").text == "会议(CBD )举行"


def test_wide_characters_a_gloss_and_traditional_text_together_keep_the_offset_map() -> None:
    # Width folding replaces only the wide characters the text holds; the map stays one for one
    # through it, skips the gloss dropped, and is the same through the conversion to Simplified.
    n = normalise("區（qū）委　召開ＡＢ會議，共３人。")
    assert n.text == "区委 召开AB会议,共3人。"
    assert n.to_raw == (0, *range(5, 18))
    wide = normalise("ＡＢ（ｃ）")  # after a Latin letter a bracketed letter is no gloss
    assert wide.text == "AB(c)" and wide.to_raw == (0, 1, 2, 3, 4)
