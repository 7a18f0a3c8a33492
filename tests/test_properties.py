"""Properties over any text: normalisation keeps a sound offset map (both ways), records validate and
their evidence lies in the raw text, and ids always name a file inside OUT."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.output.ids import DocIds, _stem
from extract.output.jsontext import dumps
from extract.output.output import safe_id
from extract.output.record import Record
from extract.running.pipeline import extract_text
from extract.text.normalise import normalise

from .conftest import SEEDS

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Characters that make normalisation work: Traditional, full-width and compatibility forms that
# NFKC expands (㍿ -> 4 characters, ﷺ -> 18), pinyin glosses, rare CJK and emoji.
TRICKY = list("區會議書記與國們（）()ＡＢ１２　㍿ﷺ㈱Ⅻ①ｶﾞ𠀀𪛖🇨🇳👨‍👩\u200b\u202e\ufeff\r\n\u2028")
GLOSSES = ["區(qū)委", "書(shū)記", "(CBD)", "(wáng)"]
SEED_TEXT = "".join(p.read_text(encoding="utf-8") for p in sorted((SEEDS / "articles").glob("*.txt")))

any_char = st.characters()  # every code point, lone surrogates included
chars = st.one_of(any_char, st.sampled_from(TRICKY))
any_text = st.lists(st.one_of(chars.map(str), st.sampled_from(GLOSSES)), max_size=80).map("".join)


@st.composite
def news_like(draw: st.DrawFn) -> str:
    """Slices of the sample articles, with arbitrary text spliced in: close enough to news for
    the rules to fire, odd enough to find the edges."""
    pieces = []
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(SEED_TEXT) - 1))
        pieces.append(SEED_TEXT[start : start + draw(st.integers(0, 400))])
        pieces.append(draw(any_text))
    return "".join(pieces)


@SETTINGS
@given(any_text)
def test_normalise_keeps_a_monotonic_in_bounds_offset_map(raw: str) -> None:
    norm = normalise(raw)
    assert norm.raw == raw
    assert len(norm.to_raw) == len(norm.text)
    assert all(0 <= i < len(raw) for i in norm.to_raw)
    assert all(a <= b for a, b in zip(norm.to_raw, norm.to_raw[1:], strict=False))


@SETTINGS
@given(any_text, st.integers(0, 80), st.integers(0, 80))
def test_a_raw_span_maps_to_the_text_it_became(raw: str, a: int, b: int) -> None:
    norm = normalise(raw)
    start, end = sorted((min(a, len(raw)), min(b, len(raw))))
    first, last = norm.text_span(start, end)
    assert [i for i, at in enumerate(norm.to_raw) if start <= at < end] == list(range(first, last))


@SETTINGS
@given(st.one_of(news_like(), any_text))
def test_records_validate_and_evidence_lies_in_the_raw_text(raw: str) -> None:
    record = extract_text(raw, published="2023-07-06")
    assert Record.model_validate(record.model_dump()) == record
    for evidence in record.evidence:
        start, end = evidence.span
        assert 0 <= start <= end <= len(raw), evidence


@SETTINGS
@given(st.text(st.characters(), max_size=300))
def test_safe_id_names_one_file_inside_out(doc_id: str) -> None:
    safe = safe_id(doc_id)
    out = Path("/out")
    assert (out / f"{safe}.json").parent == out
    assert safe and not safe.startswith((".", "-")) and safe.isprintable()
    assert not set(safe) & set('/\\:*?"<>|\x00')
    assert len(safe.encode("utf-8")) <= 150
    assert safe_id(safe) == safe


@SETTINGS
@given(st.lists(st.text(st.characters(), max_size=12), max_size=12))
def test_ids_in_one_run_are_distinct_and_safe(proposed: list[str]) -> None:
    ids = DocIds([Path("in")], ["in/a.jsonl", "in/b.jsonl"])
    finals = ids.propose("in/a.jsonl", proposed)
    ids.commit(finals)
    finals += ids.propose("in/b.jsonl", proposed)
    assert len({f.casefold() for f in finals}) == len(finals)
    assert all(safe_id(f) == f for f in finals)


# A file's name: any characters but the separator, and not the `.` or `..` of a folder.
file_names = st.text(st.characters(blacklist_characters="/\x00"), min_size=1, max_size=12).filter(
    lambda n: n not in (".", "..")
)


@SETTINGS
@given(st.lists(file_names, min_size=1, max_size=3))
def test_the_stem_of_an_input_file_is_what_pathlib_says(parts: list[str]) -> None:
    path = "/".join(parts)
    assert _stem(path) == Path(path).stem


@SETTINGS
@given(st.text(st.characters()))
def test_output_json_is_utf8_and_keeps_every_character_in_place(text: str) -> None:
    line = dumps({"t": text})
    line.encode("utf-8")  # never raises: lone surrogates are gone
    back = json.loads(line)["t"]
    assert len(back) == len(text)
    assert all(
        a == b or (0xD800 <= ord(a) <= 0xDFFF and b == "\ufffd") for a, b in zip(text, back, strict=True)
    )
