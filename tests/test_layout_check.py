"""scripts/layout_check.py: the headline found as the scorer compares it, paragraphs run into one line
as such pages run them, and every layout keeps every word of the article."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType

import pytest

from extract.reading.read import read_file
from tests.scripts import load_script

ROOT = Path(__file__).resolve().parent.parent
TEXT = (
    "首页 > 基层动态\n"
    "青禾街道“邻里议事会”开张\n"
    "——居民的事居民商量着办\n"
    "发布时间:2023-05-08 09:00\n"
    "\n"
    "5月6日上午,青禾街道举行邻里议事会启动仪式。\n"
    "区委副书记罗建平出席并讲话。\n"
    "现场照片\n"
    "会上,居民代表围绕停车难提出建议。\n"
    "编辑:石清"
)
GOLD = {"doc_id": "x1", "title": "青禾街道邻里议事会开张——居民的事居民商量着办", "published": "2023-05-08"}


@pytest.fixture(scope="module")
def layout_check() -> ModuleType:
    return load_script("layout_check")


def test_the_headline_is_found_without_quotes_and_with_its_dashed_subtitle(layout_check: ModuleType) -> None:
    page = layout_check.Page.of(layout_check.Article("x1", TEXT, GOLD))
    assert page.before == ["首页 > 基层动态"]
    assert page.title == "青禾街道“邻里议事会”开张——居民的事居民商量着办"
    assert page.body[0].startswith("发布时间")


def test_one_line_joins_the_paragraphs_from_the_first_sentence_to_the_last(layout_check: ModuleType) -> None:
    lines = layout_check.Page.of(layout_check.Article("x1", TEXT, GOLD)).one_line()
    assert lines[1] == "青禾街道“邻里议事会”开张\n——居民的事居民商量着办"
    assert lines[2] == "发布时间:2023-05-08 09:00"  # furniture above the first sentence keeps its line
    assert lines[3].startswith("5月6日上午") and "启动仪式。 区委副书记" in lines[3]
    assert lines[3].endswith("停车难提出建议。") and lines[4] == "编辑:石清"


def _words(text: str) -> str:
    return re.sub(r"\s", "", text)


def test_every_layout_keeps_every_paragraph(layout_check: ModuleType, tmp_path: Path) -> None:
    article = layout_check.Article("x1", TEXT, GOLD)
    made = layout_check.copies(article, layout_check.Draw.of(0), list(layout_check.VARIANTS))
    assert set(made) == set(layout_check.VARIANTS)
    for name, (doc, copy) in made.items():
        path = tmp_path / f"{doc}{copy.suffix}"
        path.write_bytes(copy.data)
        read = read_file(path).articles[0]
        seen = _words(f"{read.title or ''}\n{read.raw}")
        for paragraph in TEXT.split("\n")[4:]:
            assert _words(paragraph) in seen, (name, paragraph)
        if copy.suffix in (".json", ".jsonl"):
            assert read.doc_id == doc and read.published == "2023-05-08", name
        if name == "gb18030":
            assert copy.data.decode("gb18030") == TEXT
    assert json.loads(made["json"][1].data)["title"] == "青禾街道“邻里议事会”开张——居民的事居民商量着办"
