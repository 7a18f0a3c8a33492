"""The hostile-input corpus: each file, its bytes, and what a run must make of it.

`python -m tests.hostile.build` (re)writes the files beside this module; `tests/test_hostile.py`
checks that the committed files still match (drift) and runs them through `extract run`. Big inputs
(a 50 MB line, a long unpunctuated text) are made by the test itself, not committed.

An expectation is `(records, failures)`: how many records the file gives and how many lines of
errors.jsonl name it. `ONE` marks inputs whose reading is a judgement call (mixed encodings): they
must give exactly one record or exactly one failure line, never both, never neither.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
ONE = "one"
Expect = tuple[int, int] | str

# Article text written for these tests (not lifted from the seeds).
ARTICLE = (
    "6月25日下午，杨浦区四平路街道在同济大学举行区域化党建联席会议。"
    "区委副书记王建国、街道党工委书记李明出席会议并讲话。"
    "会上，康乐人家党群服务站揭牌成立，地址位于长河路18号星河大厦二楼。\n"
)
TRADITIONAL = "6月25日下午，楊浦區四平路街道舉行區域化黨建聯席會議。區委副書記王建國出席會議並講話。\n"


def _jsonl(*objects: object) -> bytes:
    return "".join(json.dumps(o, ensure_ascii=True) + "\n" for o in objects).encode()


def _cases() -> dict[str, tuple[bytes, Expect]]:
    nested = "<html><body>" + "<div>" * 3000 + ARTICLE + "</div>" * 3000 + "</body></html>"
    return {
        "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, (0, 1)),
        "empty.txt": (b"", (0, 1)),
        "whitespace_only.txt": (" \n\t\r\n\u3000\n".encode(), (0, 1)),
        "repeated_char.txt": (("啊" * 3000).encode(), (1, 0)),
        "digits_only.txt": (b"1234567890" * 300, (1, 0)),
        "nested_deep.html": (nested.encode(), (1, 0)),
        "broken_markup.html": (
            (
                "<html><head><title>杨浦区举行区域化党建联席会议</title><body><div><p>"
                + ARTICLE
                + "<p><<b>>><i><table><tr><td>未闭合<!-- 注释没有结束 <script>alert(1)"
            ).encode(),
            (1, 0),
        ),
        "script_only.html": (b"<html><body><script>document.write('x')</script></body></html>", (0, 1)),
        "entities.html": (
            (
                "<html><body><p>&#0;&#xD800;&#1114112;&#x110000;&amp;&nbsp;&lt;&gt;&bogus;"
                + ARTICLE
                + "</p></body></html>"
            ).encode(),
            (1, 0),
        ),
        "gbk_declared.html": (
            b'<html><head><meta charset="gbk"></head><body><p>'
            + ARTICLE.encode("gbk")
            + b"</p></body></html>",
            (1, 0),
        ),
        "broken_lines.jsonl": (
            _jsonl({"text": ARTICLE})
            + b'{"text": "unterminated\n'
            + _jsonl({"content": ARTICLE}, [1, 2, 3], {"title": "no text here"})
            + "not JSON at all ☹\n".encode()
            + _jsonl({"body": ARTICLE}),
            (3, 4),
        ),
        "surrogates.jsonl": (
            b'{"id": "lone\\ud800", "title": "\\udc00\\ud800", "text": "\\ud800'
            + ARTICLE.strip().encode()
            + b'"}\n'
            b'{"text": "pair \\ud83d\\ude00 and lone low \\udfff ' + ARTICLE.strip().encode() + b'"}\n',
            (2, 0),
        ),
        "hostile_ids.jsonl": (
            _jsonl(
                *(
                    {"id": doc_id, "text": ARTICLE}
                    for doc_id in (
                        "../../escape",
                        "/etc/passwd",
                        "a/b\\c",
                        "con\u0000trol\u001b[31m",
                        "..",
                        ".hidden",
                        "城" * 300,
                        "",
                        42,
                        "dup",
                        "dup",
                        "DUP",
                        "records",
                    )
                )
            ),
            (13, 0),
        ),
        "gb18030.txt": (ARTICLE.encode("gb18030"), (1, 0)),
        "big5.txt": (TRADITIONAL.encode("big5"), (1, 0)),
        "utf16.txt": (ARTICLE.encode("utf-16"), (1, 0)),
        "bad_bom.txt": (b"\xef\xbb\xbf" + ARTICLE.encode() + b"\xff\xfe\xfa", (0, 1)),
        "mixed_encoding.txt": (
            ARTICLE.encode() + ARTICLE.encode("gbk") + ARTICLE.encode("big5", "replace"),
            ONE,
        ),
        "control_chars.txt": (ARTICLE.replace("，", "，\x01", 1).replace("。", "\x1b。", 1).encode(), (1, 0)),
        "control_heavy.txt": (bytes(range(1, 32)) * 40 + ARTICLE.encode(), (0, 1)),
        "emoji_rare_cjk.txt": (
            (
                "👨‍👩‍👧‍👦🇨🇳❤️\ufe0f 𠀀𪛖𫝀𬺰𰀀𱍐\U000e0100 \ue000 "
                + ARTICLE
                + "会议在𠮷野家举行，🎉参会人员王𪚥出席。\n"
            ).encode(),
            (1, 0),
        ),
        "bidi_zero_width.txt": (
            ("\u202e\u200b\ufeff" + ARTICLE.replace("区委", "区\u200d委") + "\u2028\u2029\u202c").encode(),
            (1, 0),
        ),
        "compat_chars.txt": (("㍿ﷺ㈱ＡＢＣ１２３ｶﾞⅫ①⑳" + ARTICLE + "㍻元年").encode(), (1, 0)),
        "line_endings.txt": (
            ARTICLE.replace("\n", "\r").encode() + b"\r\n" + "\u0085".encode() + ARTICLE.encode(),
            (1, 0),
        ),
        "pinyin_traditional.txt": (
            ("區(qū)委副書記王建國(wáng jiàn guó)出席。" + TRADITIONAL).encode(),
            (1, 0),
        ),
        "not_objects.json": (b'[1, "text", null]', (0, 3)),
        "invalid.json": ('{"text": "未闭合'.encode(), (0, 1)),
        "empty_list.json": (b"[]", (0, 1)),
        "no_text.json": (json.dumps({"title": "只有标题"}).encode(), (0, 1)),
        "deep_nesting.json": (b"[" * 5000 + b"]" * 5000, (0, 1)),
        # A crawl's stray NUL, UTF-16 saved without a byte-order mark.
        "nul_byte.txt": (ARTICLE.encode().replace("。".encode(), "。\x00".encode(), 1), (1, 0)),
        "utf16_no_bom.txt": (ARTICLE.encode("utf-16-le"), (1, 0)),
        # JSON Lines whose lines differ: UTF-8, GBK, NUL bytes, UTF-8 again.
        "mixed_lines.jsonl": (
            _jsonl({"text": ARTICLE})
            + json.dumps({"text": ARTICLE}, ensure_ascii=False).encode("gbk")
            + b"\n\x00\x00\x00\n"
            + _jsonl({"text": ARTICLE}),
            (3, 1),
        ),
        # JSON as APIs and crawlers write it.
        "envelope.json": (
            json.dumps(
                {"code": 0, "data": {"total": 2, "list": [{"text": ARTICLE}, {"text": ARTICLE}]}}
            ).encode(),
            (2, 0),
        ),
        "paragraphs.json": (json.dumps({"content": ARTICLE.split("，")}).encode(), (1, 0)),
        "markup_text.json": (
            json.dumps({"content": f"<div><p>{ARTICLE}</p><script>x()</script></div>"}).encode(),
            (1, 0),
        ),
        "lines_named.json": (_jsonl({"text": ARTICLE}, {"text": ARTICLE}), (2, 0)),
        "pretty.jsonl": (json.dumps({"text": ARTICLE}, indent=2).encode(), (1, 0)),
        "frameset.html": (
            b'<html><frameset cols="20%,80%"><frame src="nav.html"><frame src="main.html"></frameset>'
            + "<noframes>不支持框架</noframes></html>".encode(),
            (0, 1),
        ),
        "cdata.html": (f"<html><body><div><![CDATA[<p>{ARTICLE}</p>]]></div></body></html>".encode(), (1, 0)),
        # A page a script fills in, stating its article as JSON-LD; Big5 declared as GBK; a page
        # saved as .txt; a page cut in its last character; text mixing UTF-8 and GBK lines.
        "jsonld_only.html": (
            (
                '<html><head><script type="application/ld+json">'
                + json.dumps({"@type": "NewsArticle", "headline": "会议", "articleBody": ARTICLE})
                + '</script></head><body><div id="app"></div></body></html>'
            ).encode(),
            (1, 0),
        ),
        "big5_declared_gbk.html": (
            (
                '<html><head><meta charset="gbk"></head><body><p>' + TRADITIONAL * 2 + "</p></body></html>"
            ).encode("big5"),
            (1, 0),
        ),
        "page_saved.txt": (f"<!DOCTYPE html><html><body><p>{ARTICLE}</p></body></html>".encode(), (1, 0)),
        "cut_in_a_character.html": (f"<html><body><p>{ARTICLE}".encode()[:-2], (1, 0)),
        "mixed_lines.txt": (ARTICLE.encode() + ARTICLE.encode("gbk"), (1, 0)),
        # JSON Lines with lone CR line ends; joined from files that each began with a BOM.
        "cr_lines.jsonl": (_jsonl({"text": ARTICLE}, {"text": ARTICLE}).replace(b"\n", b"\r"), (2, 0)),
        "joined_boms.jsonl": (
            b"\xef\xbb\xbf" + _jsonl({"text": ARTICLE}) + b"\xef\xbb\xbf" + _jsonl({"text": ARTICLE}),
            (2, 0),
        ),
        "same_stem/a.txt": (ARTICLE.encode(), (1, 0)),
        "same_stem/a.html": (f"<html><body><p>{ARTICLE}</p></body></html>".encode(), (1, 0)),
        "same_stem/sub/a.txt": (TRADITIONAL.encode(), (1, 0)),
        "same_stem/sub/A.json": (json.dumps({"text": ARTICLE}).encode(), (1, 0)),
    }


CASES = _cases()


def write() -> None:
    for name, (data, _) in CASES.items():
        path = HERE / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


if __name__ == "__main__":
    write()
