"""The read stage: decoding, finding files, and turning .txt/.html/.json/.jsonl into Articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.reading.article import ReadError
from extract.reading.html_text import comparable, date_from_url, parse_html, strip_site_name
from extract.reading.read import decode, iter_input_files, read_file

DEV_HTML = Path(__file__).resolve().parent.parent / "seeds" / "dev" / "html"

TEXT = "北京市人民政府新闻办公室今天召开新闻发布会。\r\n据介绍，今年以来全市经济运行总体平稳。"
TRADITIONAL = "台北市政府今天宣布，將於下週舉行記者會說明相關政策。"


# --- decode ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(TEXT.encode("utf-8"), TEXT, id="utf-8, CRLF kept"),
        pytest.param(b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT, id="utf-8 BOM stripped"),
        pytest.param(TEXT.encode("gb18030"), TEXT, id="gb18030"),
        pytest.param("今天天气很好".encode("gb18030"), "今天天气很好", id="short gb18030"),
        pytest.param(TRADITIONAL.encode("big5"), TRADITIONAL, id="big5"),
        pytest.param(TEXT.encode("utf-16"), TEXT, id="utf-16 with BOM"),
        pytest.param(TEXT.encode("utf-16-le"), TEXT, id="utf-16-le without BOM"),
        pytest.param(TEXT.encode("utf-16-be"), TEXT, id="utf-16-be without BOM"),
        pytest.param(
            TEXT.encode() + b"\x00" + TEXT.encode(), TEXT + "\x00" + TEXT, id="utf-8 with a NUL byte"
        ),
        pytest.param(
            b'<meta charset="gbk"><p>' + "今天".encode("gbk") + b"</p>",
            '<meta charset="gbk"><p>今天</p>',
            id="declared charset",
        ),
        pytest.param(
            b"<meta charset='iso-8859-1'><p>" + TEXT.encode("gbk"),
            "<meta charset='iso-8859-1'><p>" + TEXT,
            id="western declaration disbelieved",
        ),
        pytest.param(b"", "", id="empty"),
    ],
)
def test_decode(data: bytes, expected: str) -> None:
    assert decode(data, "a.txt") == expected


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", id="NUL bytes"),
        pytest.param(bytes(range(1, 9)) * 50 + b"text", id="control characters"),
        pytest.param(TEXT.encode() + b"\x00" * 200, id="text padded with NUL bytes"),
        pytest.param(TEXT.encode("gbk") + b"\x00", id="not UTF-8, with a NUL byte"),
    ],
)
def test_decode_rejects_binary(data: bytes) -> None:
    with pytest.raises(ReadError) as info:
        decode(data, "pic.txt")
    assert info.value.path == "pic.txt"
    assert "binary" in info.value.message and "UTF-8" in info.value.message


@pytest.mark.parametrize(
    ("data", "expected", "bad"),
    [
        pytest.param((TEXT * 3).encode()[:-1], (TEXT * 3)[:-1] + "\ufffd", 1, id="cut in a character"),
        pytest.param(
            (TEXT * 3).encode().replace("今年".encode(), b"\xff", 1),
            (TEXT * 3).replace("今年", "\ufffd", 1),
            1,
            id="a flipped byte",
        ),
        pytest.param(
            (TEXT * 3).encode() + b"\x93" + "引".encode() + b"\x94",
            TEXT * 3 + "\ufffd引\ufffd",
            2,
            id="Western quotes pasted in",
        ),
    ],
)
def test_utf8_with_a_few_damaged_bytes_is_read_with_replacements(
    data: bytes, expected: str, bad: int
) -> None:
    from extract.reading.encoding import decode_noting

    text, note = decode_noting(data, "cut.txt")
    assert note is not None and note.kind == "damaged"
    assert (text, note.count) == (expected, bad)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(TEXT.encode("gb18030"), id="GBK"),
        pytest.param(TRADITIONAL.encode("big5"), id="Big5"),
        pytest.param("今天".encode("gbk"), id="short GBK"),
    ],
)
def test_text_in_another_encoding_is_not_taken_for_damaged_utf8(data: bytes) -> None:
    from extract.reading.encoding import decode_noting

    text, note = decode_noting(data, "gbk.txt")
    assert "\ufffd" not in text and (note is None or note.kind != "damaged")


def test_a_text_mixing_utf8_and_gbk_lines_is_read_line_by_line() -> None:
    from extract.reading.encoding import decode_noting

    data = TEXT.encode() + b"\n" + TEXT.encode("gbk") + b"\n" + "某街道举行会议。".encode()
    text, note = decode_noting(data, "mixed.txt")
    assert text == TEXT + "\n" + TEXT + "\n某街道举行会议。"
    assert note is not None and note.kind == "mixed"


def test_a_gbk_line_that_is_valid_utf8_by_chance_does_not_make_the_file_mixed() -> None:
    from extract.reading.encoding import decode_noting

    data = TEXT.encode("gbk") + b"\n" + "摹蘑".encode("gbk")  # C4 A1 C4 A2: `ġĢ` as UTF-8
    assert decode_noting(data, "gbk.txt")[0] == TEXT + "\n摹蘑"


def test_a_text_file_with_a_nul_byte_gives_its_article_and_a_note(tmp_path: Path) -> None:
    path = tmp_path / "stray.txt"
    path.write_bytes(TEXT.encode() + b"\x00\n" + TEXT.encode())
    result = read_file(path)
    assert [a.raw for a in result.articles] == [TEXT + "\x00\n" + TEXT]
    assert [(n.kind, n.count, n.path) for n in result.notes] == [("nul", 1, str(path))]


def test_a_json_file_with_a_nul_byte_says_so(tmp_path: Path) -> None:
    path = tmp_path / "stray.json"
    path.write_bytes(json.dumps({"text": TEXT}).encode() + b"\x00")
    [error] = read_file(path).errors
    assert error.path == f"{path}:1" and "NUL bytes" in error.message


# --- iter_input_files ---------------------------------------------------------------------------


def test_iter_input_files_walks_folders_in_order(tmp_path: Path) -> None:
    for name in [
        "b.txt",
        "a.html",
        "sub/c.jsonl",
        "sub/d.JSON",
        "e.pdf",
        ".hidden.txt",
        ".git/f.txt",
        "g.htm",
    ]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    extra = tmp_path / "e.pdf"
    found = list(iter_input_files([tmp_path, tmp_path / "b.txt", extra]))
    names = [path.relative_to(tmp_path).as_posix() for path in found]
    assert names == ["a.html", "b.txt", "g.htm", "sub/c.jsonl", "sub/d.JSON", "e.pdf"]


def test_iter_input_files_missing_path(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file or folder"):
        list(iter_input_files([tmp_path / "nope"]))


# --- read_file: txt, errors ---------------------------------------------------------------------


def test_read_txt(tmp_path: Path) -> None:
    path = tmp_path / "news_1.txt"
    path.write_bytes(TEXT.encode("gb18030"))
    result = read_file(path)
    assert result.errors == []
    [article] = result.articles
    assert (article.doc_id, article.source, article.raw) == ("news_1", str(path), TEXT)
    assert article.title is None and article.published is None


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("blank.txt", b"", "empty file"),
        ("blank.jsonl", b" \n\t\n", "empty file"),
        ("doc.pdf", b"%PDF-1.4", 'unsupported file type ".pdf"'),
        ("crawl.jsonl.gz", b"\x1f\x8b\x08", "unpack it (gunzip"),
        ("pic.html", b"\x00\x01\x02", "binary"),
        ("script.html", b"<html><script>render()</script></html>", "no visible text"),
    ],
)
def test_read_file_whole_file_errors(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = read_file(path)
    assert result.articles == []
    [error] = result.errors
    assert error.path == str(path) and message in error.message


# --- read_file: json, jsonl ---------------------------------------------------------------------


def test_read_json_single_object(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    obj = {
        "id": 42,
        "headline": "标题",
        "content": "正文",
        "publish_time": "2019年9月7日 10:23",
        "url": "http://x",
    }
    path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    [article] = read_file(path).articles
    assert (article.doc_id, article.raw, article.title) == ("42", "标题\n\n正文", "标题")
    assert (article.published, article.url, article.title_span) == ("2019-09-07T10:23", "http://x", (0, 2))


@pytest.mark.parametrize(
    ("content", "raw", "span"),
    [
        pytest.param("正文第一段。", "某镇举行读书节\n\n正文第一段。", (0, 7), id="headline line added"),
        pytest.param(
            "某镇举行读书节\n正文第一段。", "某镇举行读书节\n正文第一段。", (0, 7), id="text opens with it"
        ),
        pytest.param(
            "来源:某网\n\u3000\u3000某镇举行读书节 \n正文。",
            "来源:某网\n\u3000\u3000某镇举行读书节 \n正文。",
            (8, 15),
            id="printed under a line, indented",
        ),
        pytest.param(
            "某镇举行\n——读书节\n正文。", "某镇举行\n——读书节\n正文。", (0, 10), id="printed over two lines"
        ),
        pytest.param(
            "甲\n乙\n丙\n丁\n戊\n某镇举行读书节\n正文。",
            "某镇举行读书节\n\n甲\n乙\n丙\n丁\n戊\n某镇举行读书节\n正文。",
            (0, 7),
            id="printed below the first five lines",
        ),
        pytest.param(
            "某镇举行读书节活动。", "某镇举行读书节\n\n某镇举行读书节活动。", (0, 7), id="in a sentence"
        ),
    ],
)
def test_a_json_headline_stands_on_a_line_of_the_raw_text(
    tmp_path: Path, content: str, raw: str, span: tuple[int, int]
) -> None:
    title = "某镇举行——读书节" if "——" in content else "某镇举行读书节"
    path = tmp_path / "h.jsonl"
    path.write_text(
        json.dumps({"title": f" {title} ", "text": content}, ensure_ascii=False), encoding="utf-8"
    )
    [article] = read_file(path).articles
    assert (article.title, article.raw, article.title_span) == (title, raw, span)
    assert article.raw[span[0] : span[1]].replace("\n", "") == title


def test_a_json_article_without_a_headline_is_its_text(tmp_path: Path) -> None:
    path = tmp_path / "h.json"
    path.write_text(json.dumps({"title": " ", "content": "正文。"}, ensure_ascii=False), encoding="utf-8")
    [article] = read_file(path).articles
    assert (article.title, article.raw, article.title_span) == (None, "正文。", None)


def test_read_json_list(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    items: list[object] = [
        {"text": "甲"},
        "not an object",
        {"body": "丙", "doc_id": "c"},
        {"title": "无正文"},
    ]
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    result = read_file(path)
    assert [(a.doc_id, a.raw) for a in result.articles] == [("many_1", "甲"), ("c", "丙")]
    assert [str(e) for e in result.errors] == [
        f"{path}: item 2 holds a JSON string, not an object; make it an object.",
        f'{path}: item 4 has no article text (none of "text", "content", "body", "article" holds text:'
        ' its keys are "title"); give the text under one of those keys.',
    ]


def write_json(tmp_path: Path, name: str, value: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return path


def test_read_json_inside_an_envelope_keeps_the_envelopes_title(tmp_path: Path) -> None:
    envelope = {
        "code": 0,
        "msg": "ok",
        "title": "外层标题",
        "data": {"content": "某街道举行会议。", "url": "u"},
    }
    [article] = read_file(write_json(tmp_path, "api.json", envelope)).articles
    assert (article.doc_id, article.title, article.url) == ("api", "外层标题", "u")
    assert article.raw == "外层标题\n\n某街道举行会议。"  # the headline's line, as every JSON article's


def test_read_json_list_inside_an_envelope_gives_an_article_each(tmp_path: Path) -> None:
    envelope = {"status": "ok", "result": {"page": 1, "items": [{"text": "甲"}, {"text": "乙"}]}}
    result = read_file(write_json(tmp_path, "page.json", envelope))
    assert [(a.doc_id, a.raw) for a in result.articles] == [("page_1", "甲"), ("page_2", "乙")]


def test_read_json_text_as_paragraphs_is_one_line_each(tmp_path: Path) -> None:
    path = write_json(tmp_path, "p.json", {"content": ["第一段。", " ", "第二段。"], "title": ["不是文本"]})
    [article] = read_file(path).articles
    assert (article.raw, article.title) == ("第一段。\n第二段。", None)


@pytest.mark.parametrize(
    ("value", "published"),
    [
        (1567822980, "2019-09-07T10:23:00"),
        (1567822980000, "2019-09-07T10:23:00"),
        ("1567822980", "2019-09-07T10:23:00"),
        (12, None),
        (float("nan"), None),
        (True, None),
    ],
)
def test_read_json_date_as_seconds_since_1970(tmp_path: Path, value: object, published: str | None) -> None:
    [article] = read_file(write_json(tmp_path, "t.json", {"text": "正文", "publish_time": value})).articles
    assert article.published == published


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ({"text": 12345}, '"text" holds a number'),
        (
            {"text": None, "content": [{"p": "x"}]},
            '"text" holds null, "content" holds a list, not of strings',
        ),
        ({"body": "   "}, '"body" holds an empty string'),
        ({}, "the object is empty"),
        ({"a": {"content": "甲"}, "b": [{"text": "乙"}]}, 'text lies deeper, under "a.content", "b[0].text"'),
        ({"url": "u", "n": 3}, 'its keys are "url", "n"'),
        ({"id": "x", "published": ["2019-01-01", "2019-01-02"]}, 'its keys are "id", "published"'),
        ({"id": "x", "tags": [], "related": [{"url": "u"}, "v"]}, 'its keys are "id", "tags", "related"'),
    ],
)
def test_read_json_without_text_says_what_it_holds(tmp_path: Path, value: object, said: str) -> None:
    [error] = read_file(write_json(tmp_path, "x.json", value)).errors
    assert said in error.message and "give the text under one of those keys" in error.message


def test_read_json_of_one_object_per_line_is_read_as_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "lines.json"
    path.write_text('{"text": "甲"}\n{"text": "乙"}\n', encoding="utf-8")
    result = read_file(path)
    assert [(a.doc_id, a.raw, a.line) for a in result.articles] == [
        ("lines_1", "甲", 1),
        ("lines_2", "乙", 2),
    ]


def test_read_jsonl_of_one_pretty_printed_document_is_read_as_json(tmp_path: Path) -> None:
    path = tmp_path / "pretty.jsonl"
    path.write_text(
        json.dumps([{"text": "甲"}, {"text": "乙"}], indent=2, ensure_ascii=False), encoding="utf-8"
    )
    result = read_file(path)
    assert (result.errors, [a.raw for a in result.articles]) == ([], ["甲", "乙"])


def test_read_jsonl_envelope_around_a_list_is_an_error_of_its_line(tmp_path: Path) -> None:
    path = tmp_path / "e.jsonl"
    path.write_text('{"text": "甲"}\n{"data": [{"text": "乙"}, {"text": "丙"}]}\n', encoding="utf-8")
    result = read_file(path)
    [error] = result.errors
    assert error.path == f"{path}:2" and "envelope around a list of 2" in error.message


def test_read_json_text_in_html_markup_is_read_as_the_page_shows_it(tmp_path: Path) -> None:
    markup = "<div><p>某街道举行会议。</p><script>var x = 1;</script><p>会议&amp;活动</p></div>"
    path = write_json(tmp_path, "h.jsonl", {"content": markup})
    path.write_text(path.read_text(encoding="utf-8") + '\n{"content": "<p><script>x()</script></p>"}\n')
    result = read_file(path)
    assert [a.raw for a in result.articles] == ["某街道举行会议。\n会议&活动"]
    [error] = result.errors
    assert error.path == f"{path}:2" and "shows nothing" in error.message


def test_read_jsonl_keeps_good_lines(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    lines = [
        '{"text": "第一篇", "date": "2020-01-02"}',
        '{"text": "broken",',
        "",
        '{"content": "第四篇"}',
        "[1]",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = read_file(path)
    assert [(a.doc_id, a.raw, a.published) for a in result.articles] == [
        ("data_1", "第一篇", "2020-01-02"),
        ("data_4", "第四篇", None),
    ]
    assert [e.path for e in result.errors] == [f"{path}:2", f"{path}:5"]
    assert str(result.errors[0]).startswith(f"{path}:2: not valid JSON (")
    assert result.errors[0].message.endswith("fix or remove the line.")


def test_read_jsonl_line_in_another_encoding_costs_only_itself(tmp_path: Path) -> None:
    path = tmp_path / "crawl.jsonl"
    line = '{"text": "%s"}\n'
    path.write_bytes(
        (line % "甲街道举行会议。").encode()
        + (line % "乙街道举行会议。").encode("gbk")
        + b"\x00\x00\x00\n"
        + (line % "丙街道举行会议。").encode()
    )
    result = read_file(path)
    assert [a.raw for a in result.articles] == ["甲街道举行会议。", "乙街道举行会议。", "丙街道举行会议。"]
    assert [a.doc_id for a in result.articles] == ["crawl_1", "crawl_2", "crawl_4"]
    assert [(e.path, e.message) for e in result.errors] == [
        (
            f"{path}:3",
            "not valid JSON (Expecting value, column 1); it holds NUL bytes (binary data): fix or remove the line.",
        )
    ]


def test_read_jsonl_that_is_binary_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "pic.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    result = read_file(path)
    assert result.articles == []
    [error] = result.errors
    assert error.path == str(path) and "binary" in error.message


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_read_jsonl_lines_end_as_any_system_ends_them(tmp_path: Path, end: str) -> None:
    path = tmp_path / "ends.jsonl"
    path.write_bytes(end.join(['{"text": "甲\u2028乙"}', "{broken", '{"text": "丙"}', ""]).encode())
    result = read_file(path)
    assert [(a.raw, a.line) for a in result.articles] == [("甲\u2028乙", 1), ("丙", 3)]
    assert [e.path for e in result.errors] == [f"{path}:2"]


def test_read_jsonl_joined_from_files_with_byte_order_marks(tmp_path: Path) -> None:
    path = tmp_path / "joined.jsonl"
    part = '\ufeff{"text": "甲"}\n'
    path.write_text(part + part, encoding="utf-8")
    result = read_file(path)
    assert (result.errors, [a.raw for a in result.articles]) == ([], ["甲", "甲"])


def test_read_jsonl_single_line_uses_stem(tmp_path: Path) -> None:
    path = tmp_path / "solo.jsonl"
    path.write_text('{"article": "正文"}\n', encoding="utf-8")
    assert [a.doc_id for a in read_file(path).articles] == ["solo"]


# --- HTML ---------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>暴雨致城区多处积水_某某新闻网</title>
<link rel="canonical" href="https://news.example.cn/a/1.html">
<style>p { color: red }</style>
<script>var x = "2001-01-01 script text";</script>
</head>
<body>
<div class="nav"><a href="/">首页</a> <a href="/n">新闻</a></div>
<h1>暴雨致城区多处积水</h1>
<div class="info">2019年09月07日 10:23 来源：某某日报</div>
<noscript>请启用脚本</noscript>
<!-- 注释 2002-02-02 -->
<div class="content">
<p>昨日下午，城区遭遇强降雨，多条道路出现积水，交通一度受阻，有关部门紧急组织排水。</p>
<p>记者在现场看到，<b>排水车辆</b>陆续抵达，积水在傍晚前后基本退去，道路恢复通行。<br>市民表示出行受到一定影响。</p>
</div>
<h3>相关新闻</h3>
<ul><li><a href="/b">另一条新闻 2018-01-01</a></li></ul>
<div class="comment"><p>网友：这雨太大了，希望大家注意安全，出门记得带伞。发表时间：2017-03-03</p></div>
</body></html>
"""


def test_html_text_drops_markup_and_keeps_paragraphs() -> None:
    full = parse_html(PAGE, focus=False).text
    for hidden in ("color", "script text", "请启用脚本", "注释", "<"):
        assert hidden not in full
    assert "记者在现场看到，排水车辆陆续抵达" in full
    assert "\n市民表示出行受到一定影响。" in full


def test_html_focus_keeps_article_only() -> None:
    page = parse_html(PAGE)
    assert page.text.splitlines() == [
        "暴雨致城区多处积水",
        "2019年09月07日 10:23 来源：某某日报",
        "昨日下午，城区遭遇强降雨，多条道路出现积水，交通一度受阻，有关部门紧急组织排水。",
        "记者在现场看到，排水车辆陆续抵达，积水在傍晚前后基本退去，道路恢复通行。",
        "市民表示出行受到一定影响。",
    ]


def test_html_metadata_from_page() -> None:
    page = parse_html(PAGE)
    assert page.title == "暴雨致城区多处积水"
    assert page.published == "2019-09-07T10:23"
    assert page.url == "https://news.example.cn/a/1.html"


@pytest.mark.parametrize(
    ("head", "body", "title", "published"),
    [
        pytest.param(
            '<meta property="og:title" content="甲地新闻"><meta property="article:published_time"'
            ' content="2020-05-06T07:08:09+08:00"><title>甲地新闻 - 某网</title>',
            "<p>正文</p>",
            "甲地新闻",
            "2020-05-06T07:08:09",
            id="meta tags",
        ),
        pytest.param(
            '<meta property="og:title" content="截断的"><title>截断的"标题"全文_某网</title>',
            '<h1>截断的"标题"全文</h1><p>发布时间：2021-3-4</p>',
            '截断的"标题"全文',
            "2021-03-04",
            id="h1 within title beats a cut og:title",
        ),
        pytest.param(
            "<title>站名--某地举行活动 纪念建校百年</title>",
            "<div>站名</div><p>日期: 2012-06-24</p>",
            "某地举行活动 纪念建校百年",
            "2012-06-24",
            id="site prefix stripped, labelled date",
        ),
        pytest.param(
            "",
            "<h1>唯一标题</h1><p>2011-01-01 08:00 来源：某报</p>",
            "唯一标题",
            "2011-01-01T08:00",
            id="single h1, dateline under it",
        ),
        pytest.param(
            "<title>标题</title>",
            '<h1>标题</h1><ul><li><a href="/x">旧闻 2011-01-01</a></li></ul>'
            '<div class="comment">2012-02-02</div>',
            "标题",
            None,
            id="no date from related links or comments",
        ),
        pytest.param(
            "<title>标题_网</title>",
            '<h1>标题</h1><p>作者 <time datetime="2018-07-08T09:10:11Z">三小时前</time></p>',
            "标题",
            "2018-07-08T09:10:11",
            id="time element under headline",
        ),
        pytest.param(
            '<title>标题</title><script type="application/ld+json">{"@type": "NewsArticle",'
            ' "datePublished": "2017-06-05T04:03:02+08:00", "dateModified": "2018-01-01"}</script>',
            "<h1>标题</h1><p>正文</p>",
            "标题",
            "2017-06-05T04:03:02",
            id="json-ld datePublished",
        ),
        pytest.param(
            "<title>标题</title><script>window.__STATE__ = {publishTime: '2016-04-03 02:01', id: 9};</script>",
            "<h1>标题</h1><p>正文</p>",
            "标题",
            "2016-04-03T02:01",
            id="script state string",
        ),
        pytest.param(
            '<title>标题</title><script>var doc = {"pubDate":1567822980,"title":"标题"};</script>',
            "<h1>标题</h1><p>正文</p>",
            "标题",
            "2019-09-07T10:23:00",
            id="script state seconds since 1970 in China time",
        ),
        pytest.param(
            "<title>标题</title>",
            '<h1>标题</h1><span class="info" data-publishtime="2015-02-03 04:05">两天前</span><p>正文</p>',
            "标题",
            "2015-02-03T04:05",
            id="publish attribute",
        ),
        pytest.param(
            "<title>标题</title>",
            "<h1>标题</h1>" + "<p>正文一段。</p>" * 12 + '<p>写于 <time datetime="2014-01-02">冬</time></p>',
            "标题",
            "2014-01-02",
            id="time element far from the headline",
        ),
        pytest.param(
            '<title>标题</title><link rel="canonical" href="https://news.example.cn/2013/12/11/a.html">',
            "<h1>标题</h1><p>正文</p>",
            "标题",
            "2013-12-11",
            id="url path as last resort",
        ),
        pytest.param(
            '<title>标题</title><meta property="og:url" content="http://www.example.gov.cn/xw/201305/t20130517_1.html">',
            "<h1>标题</h1><p>正文</p>",
            "标题",
            "2013-05-17",
            id="url path with t-date",
        ),
        pytest.param(
            "<title>标题</title>",
            '<h1>标题</h1><p>正文</p><ul class="related"><li data-pubdate="2011-01-01">旧闻</li></ul>'
            '<a href="/b" data-publishtime="2011-02-02">另一篇</a><footer>2012-02-02 版权所有</footer>',
            "标题",
            None,
            id="no date from related lists, links or the footer",
        ),
        pytest.param("<title>无日期</title>", "<p>没有日期的正文</p>", "无日期", None, id="no date"),
    ],
)
def test_html_title_and_published(head: str, body: str, title: str, published: str | None) -> None:
    page = parse_html(f"<html><head>{head}</head><body>{body}</body></html>")
    assert (page.title, page.published) == (title, published)


def test_html_date_filled_in_by_script() -> None:
    html = (
        "<title>标题</title><h2>标题</h2><em id='publish_time'>昨天</em>"
        '<script>var s="2020-02-12";e(s,document.getElementById("publish_time"));</script>'
    )
    assert parse_html(html).published == "2020-02-12"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("他放弃百万年薪来到这里_凤凰网资讯_凤凰网", "他放弃百万年薪来到这里"),
        ("交通运输部：着力打造区域综合交通网络-股票频道-和讯网", "交通运输部：着力打造区域综合交通网络"),
        ("山西品牌丝路行正式启动 - 山西省人民政府门户网站", "山西品牌丝路行正式启动"),
        ("只有标题", "只有标题"),
    ],
)
def test_strip_site_name(title: str, expected: str) -> None:
    assert strip_site_name(title) == expected


def test_a_frameset_page_fails_naming_its_frames(tmp_path: Path) -> None:
    path = tmp_path / "frames.html"
    path.write_text(
        '<html><frameset cols="20%,80%"><frame src="nav.html"><frame src="news/1.html"></frameset>'
        "<noframes><body>您的浏览器不支持框架。</body></noframes></html>",
        encoding="utf-8",
    )
    result = read_file(path)
    assert result.articles == []
    [error] = result.errors
    assert "frameset" in error.message and "nav.html, news/1.html" in error.message


def test_a_page_whose_text_is_in_cdata_sections_is_read_from_them(tmp_path: Path) -> None:
    path = tmp_path / "item.html"
    path.write_text(
        "<html><body><div><![CDATA[<p>某街道举行会议。</p>]]></div></body></html>", encoding="utf-8"
    )
    [article] = read_file(path).articles
    assert article.raw == "某街道举行会议。"


def test_a_page_a_script_fills_in_is_read_from_the_article_its_json_ld_states(tmp_path: Path) -> None:
    stated = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "某某网"},
            {
                "@type": "NewsArticle",
                "headline": "某街道举行会议",
                "datePublished": "2023-07-06T08:00:00+08:00",
                "articleBody": "<p>某街道举行会议。</p><p>区委书记出席。</p>",
            },
        ],
    }
    path = tmp_path / "app.html"
    path.write_text(
        '<html><head><script type="application/ld+json">'
        + json.dumps(stated, ensure_ascii=False)
        + '</script></head><body><div id="app"></div><script>render()</script></body></html>',
        encoding="utf-8",
    )
    [article] = read_file(path).articles
    assert (article.raw, article.title) == ("某街道举行会议。\n区委书记出席。", "某街道举行会议")
    assert article.published == "2023-07-06T08:00:00"


@pytest.mark.parametrize(
    "head", ["<!DOCTYPE html>", "\n<html lang='zh'>", '<?xml version="1.0"?><!-- saved --><html>']
)
def test_a_page_saved_as_txt_is_read_as_the_page(tmp_path: Path, head: str) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(
        head
        + "<head><title>某街道举行会议</title></head><body><h1>某街道举行会议</h1><p>正文第一段。</p></body></html>",
        encoding="utf-8",
    )
    [article] = read_file(path).articles
    assert (article.raw, article.title) == ("某街道举行会议\n正文第一段。", "某街道举行会议")


def test_a_txt_that_only_mentions_html_is_text(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("正文写道：<html> 是网页的开头。", encoding="utf-8")
    assert [a.raw for a in read_file(path).articles] == ["正文写道：<html> 是网页的开头。"]


def test_a_json_file_that_is_an_html_page_says_so(tmp_path: Path) -> None:
    path = tmp_path / "api.json"
    path.write_text("<html><body><h1>502 Bad Gateway</h1></body></html>", encoding="utf-8")
    [error] = read_file(path).errors
    assert "an HTML page perhaps" in error.message


def test_read_html_file(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(PAGE.replace('charset="utf-8"', 'charset="gb2312"').encode("gb18030"))
    [article] = read_file(path).articles
    assert (article.doc_id, article.title, article.published) == (
        "page",
        "暴雨致城区多处积水",
        "2019-09-07T10:23",
    )
    assert article.raw.startswith("暴雨致城区多处积水\n")


# --- the dev pages ------------------------------------------------------------------------------


def test_dev_pages_title_and_published() -> None:
    """Headline and publication date of the real pages in seeds/dev/html against gold.jsonl."""
    gold_path = DEV_HTML / "gold.jsonl"
    if not gold_path.exists():
        pytest.skip("seeds/dev/html is not here")
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    titles = published = 0
    for entry in gold:
        [article] = read_file(DEV_HTML / "pages" / f"{entry['doc_id']}.html").articles
        accepted = {comparable(t) for t in [entry["title"], *entry.get("title_aliases", [])]}
        titles += article.title is not None and comparable(article.title) in accepted
        published += article.published is not None and article.published[:10] == entry["published"]
    assert len(gold) == 21
    assert titles >= 21
    assert published >= 21


def test_json_nested_too_deeply_is_a_read_error_not_a_crash(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_bytes(b"[" * 5000 + b"]" * 5000)
    result = read_file(deep)
    assert not result.articles
    assert "nested too deeply" in result.errors[0].message
    lines = tmp_path / "deep.jsonl"
    lines.write_bytes(b'{"text": "\xe5\x9c\xa8"}\n' + b"[" * 5000 + b"]" * 5000 + b"\n")
    result = read_file(lines)
    assert len(result.articles) == 1 and "nested too deeply" in result.errors[0].message


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        pytest.param("https://a.example.cn/c/2019/05/17/x.html", "2019-05-17", id="slashes"),
        pytest.param("https://a.example.cn/s/2019-05-17/doc-1.shtml", "2019-05-17", id="dashes"),
        pytest.param("http://a.example.cn/w/2019-12/10/c_1.htm", "2019-12-10", id="month-dash-day"),
        pytest.param("http://a.example.cn/z/201905/t20190517_9.html", "2019-05-17", id="t-date"),
        pytest.param("http://a.example.cn/n/20190517/1.html", "2019-05-17", id="compact"),
        pytest.param("https://a.example.cn/news/201909/1220000.shtml", None, id="month-folder-then-id"),
        pytest.param("https://a.example.cn/2019/13/40/x.html", None, id="no-such-day"),
        pytest.param("https://a.example.cn/s?id=20190517", None, id="query-only"),
        pytest.param(None, None, id="no-url"),
    ],
)
def test_date_from_url(url: str | None, expected: str | None) -> None:
    assert date_from_url(url) == expected


# --- what reading changes or decides, with a note -----------------------------------------------


def test_lone_surrogates_are_replaced_on_reading_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    lines = [
        '{"id": "a\\ud800", "title": "\\udc00\\ud800", "text": "\\ud800區委書記王建國出席會議"}',
        '{"text": "pair \\ud83d\\ude00 kept, 區委書記王建國出席會議"}',
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = read_file(path)
    first, second = result.articles
    assert (first.doc_id, first.title, first.raw) == (
        "a\ufffd",
        "\ufffd\ufffd",
        "\ufffd\ufffd\n\n\ufffd區委書記王建國出席會議",  # the headline's line is the title's copy
    )
    assert second.raw.startswith("pair \U0001f600 kept")
    (note,) = result.notes
    assert (note.path, note.kind, note.count) == (f"{path}:1", "surrogates", 4)


def test_the_run_counts_the_surrogates_it_replaced(tmp_path: Path) -> None:
    from extract.running.pipeline import extract_article

    path = tmp_path / "s.jsonl"
    path.write_text('{"text": "\\ud800區委書記王建國出席會議"}\n', encoding="utf-8")
    (article,) = read_file(path).articles
    assert extract_article(article).attendees  # OpenCC no longer meets the surrogate
    from typer.testing import CliRunner

    from extract.cli import app

    result = CliRunner().invoke(app, ["run", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "1 lone surrogate (" in result.output and f"in 1 article: {path}" in result.output


def test_the_run_gives_a_record_for_a_text_with_nul_bytes_and_notes_them(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from extract.cli import app

    path = tmp_path / "padded.txt"
    path.write_bytes(("区委书记王建国出席会议。" * 4 + "\x00\x00").encode())
    result = CliRunner().invoke(app, ["run", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert f"note: 2 NUL bytes read as spaces in 1 text file: {path}" in result.output
    assert (tmp_path / "out" / "padded.json").exists()


def test_the_run_reads_a_page_cut_in_a_character_and_notes_it(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from extract.cli import app

    path = tmp_path / "cut.html"
    path.write_bytes(('<meta charset="utf-8"><p>' + "区委书记王建国出席会议。" * 4).encode()[:-1])
    result = CliRunner().invoke(app, ["run", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "1 byte sequence not UTF-8 in otherwise UTF-8 text replaced by U+FFFD, in 1 file" in result.output


GBK_ARTICLE = "6月25日下午，杨浦区四平路街道举行区域化党建联席会议。区委副书记王建国出席会议并讲话。"


def test_a_declared_charset_that_the_bytes_belie_gives_way_to_the_bytes(tmp_path: Path) -> None:
    path = tmp_path / "lying.html"
    path.write_bytes(
        b'<html><head><meta charset="iso-8859-5"></head><body><p>'
        + GBK_ARTICLE.encode("gbk")
        + b"</p></body></html>"
    )
    result = read_file(path)
    (article,) = result.articles
    assert article.raw.strip() == GBK_ARTICLE
    (note,) = result.notes
    assert note.kind == "charset" and "iso8859-5" in note.message and "gb18030" in note.message


def test_big5_bytes_declared_gbk_are_read_as_big5_and_noted() -> None:
    from extract.reading.encoding import decode_noting

    page = '<meta charset="gbk"><p>' + TRADITIONAL * 2 + "</p>"
    text, note = decode_noting(page.encode("big5"), "tw.html")
    assert text == page and note is not None and note.kind == "charset" and "big5" in note.message


def test_traditional_text_in_gbk_declared_gbk_stays_gbk() -> None:
    from extract.reading.encoding import decode_noting

    page = '<meta charset="gbk"><p>' + TRADITIONAL * 2 + "</p>"
    assert decode_noting(page.encode("gbk"), "tw.html") == (page, None)


@pytest.mark.parametrize(
    ("charset", "text"),
    [
        pytest.param(
            "shift_jis", "6月25日、東京都で会議が開かれました。ひらがなとカタカナもあります。", id="Japanese"
        ),
        pytest.param("iso-8859-5", "Совещание состоялось в районе Янпу двадцать пятого июня.", id="Russian"),
        pytest.param("euc-kr", "6월 25일 양푸구에서 회의가 열렸습니다. 구청장이 참석했습니다.", id="Korean"),
    ],
)
def test_a_true_declaration_of_another_language_is_believed(charset: str, text: str) -> None:
    data = f'<meta charset="{charset}"><p>{text}</p>'.encode(charset)
    assert decode(data, "a.html") == f'<meta charset="{charset}"><p>{text}</p>'
