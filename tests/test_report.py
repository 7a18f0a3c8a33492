"""The review page: evidence as nested spans, diff marks against gold, escaped, self-contained."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from extract.cli_review import register
from extract.output.record import Attendee, Evidence, Record
from extract.review.report import ArticleView, Mark, build_page, compare, marked_html, write_report
from extract.review.score import load_json_dir, score_records

from .conftest import SEEDS


class Spans(HTMLParser):
    """The text each `<span data-field>` covers (pieces of a split span joined), the page's plain
    text, and every tag with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[dict[str, str | None] | None] = []
        self.covered: dict[tuple[str | None, str | None], str] = {}
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "span":
            self.stack.append(dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for attrs in self.stack:
            if attrs and "data-field" in attrs:
                key = (attrs["data-field"], attrs.get("data-step"))
                self.covered[key] = self.covered.get(key, "") + data


def parse(page: str) -> Spans:
    parser = Spans()
    parser.feed(page)
    parser.close()
    assert not parser.stack, "every span is closed"
    return parser


def mark(start: int, end: int, name: str) -> Mark:
    return Mark(start, end, ("ev",), (("data-field", name), ("data-step", "1")))


def test_nested_and_crossing_marks_cover_exactly_their_text() -> None:
    raw = "甲乙丙丁戊己庚<&>"
    marks = [mark(0, 4, "a"), mark(1, 3, "b"), mark(2, 6, "c"), mark(6, 10, "d"), mark(3, 3, "empty")]
    out = marked_html(raw, marks)
    parsed = parse(out)
    assert "".join(parsed.text) == raw
    assert parsed.covered == {
        ("a", "1"): "甲乙丙丁",
        ("b", "1"): "乙丙",
        ("c", "1"): "丙丁戊己",
        ("d", "1"): "庚<&>",
    }
    assert 'data-part="1"' in out  # the crossing mark was split and its piece says so
    assert "&lt;&amp;&gt;" in out


def _record(**values: object) -> Record:
    return Record(doc_id="x", source="x.txt", **values)  # type: ignore[arg-type]


def test_compare_marks_ok_wrong_spurious_and_missed() -> None:
    record = _record(
        date="2020-01-02",
        district="静安区",
        organisers=["南京西路街道", "某公司"],
        attendees=[{"name": "赵华", "title": "区委书记"}, {"name": "李明", "title": None}],
        stations=[{"name": "暖心驿家党群服务站", "address": "大厦"}],
    ).model_dump(mode="json")
    gold = {
        "date": "2020-01-03",
        "district": "静安区",
        "city": "上海市",
        "organisers": [{"value": "南京西路街道党工委", "aliases": ["南京西路街道"]}],
        "attendees": [
            {"name": "赵华", "title": "区委副书记"},
            {"name": "周丽珍", "title": "书记", "optional": True},
        ],
        "stations": [{"name": "暖心驿家党群服务站", "address": None}],
    }
    diff = compare(record, gold)
    assert diff.status == {
        "date": "wrong",
        "district": "ok",
        "organisers[0]": "ok",
        "organisers[1]": "spurious",
        "attendees[0].name": "ok",
        "attendees[0].title": "wrong",
        "attendees[1].name": "spurious",
        "stations[0].name": "ok",
        "stations[0].address": "spurious",
    }
    # The optional attendee costs nothing and is not listed as missed.
    assert sorted(diff.missed) == [
        ("attendees.title", "区委副书记"),
        ("city", "上海市"),
        ("date", "2020-01-03"),
    ]


def test_page_escapes_everything_and_fetches_nothing(tmp_path: Path) -> None:
    raw = '标题<script>alert("x")</script>\n会议由某局&某公司举办。'
    source = tmp_path / "evil.txt"
    source.write_text(raw, encoding="utf-8")
    record = Record(
        doc_id='evil"<id>',
        source=str(source),
        title='标题<script>alert("x")</script>',
        organisers=["某局&某公司"],
        evidence=[
            Evidence(field="title", span=(0, raw.index("\n")), rule='title.<first>"line"'),
            Evidence(
                field="organisers[0]", span=(raw.index("某局"), raw.index("举办")), rule="organisers.subject"
            ),
        ],
    )
    page = build_page([ArticleView(record=record, raw=raw)], None)
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)" in page
    parsed = parse(page)
    scripts = [attrs for tag, attrs in parsed.tags if tag == "script"]
    assert scripts == [{}], "one inline script, nothing loaded"
    for tag, attrs in parsed.tags:
        assert tag not in ("link", "img", "iframe", "object", "embed"), tag
        assert "src" not in attrs
        href = attrs.get("href")
        assert href is None or href.startswith("#"), href
    assert "@import" not in page and "url(" not in page
    assert parsed.covered[("organisers[0]", "1")] == "某局&某公司"
    assert parsed.covered[("title", "1")] == record.title
    rules = {attrs.get("data-rule") for tag, attrs in parsed.tags if tag == "span"}
    assert 'title.<first>"line"' in rules


def test_seed_report_shows_every_span_each_articles_score_and_misses(
    seed_records: Path, tmp_path: Path
) -> None:
    dest = tmp_path / "report.html"
    assert write_report(seed_records, dest, SEEDS / "gold") == 5
    page = dest.read_text(encoding="utf-8")
    parsed = parse(page)
    golds = load_json_dir(SEEDS / "gold")
    for line in (seed_records / "records.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        doc = record["doc_id"]
        result = score_records({doc: golds[doc]}, {doc: record})
        section = page.split(f'data-doc-id="{doc}" data-macro-f1="{result.macro_f1:.3f}"', 1)
        assert len(section) == 2, f"{doc}: its section carries its macro F1"
        body = section[1].split("</section>", 1)[0]
        assert body.count('class="miss-row"') == len(result.errors)
        first_pieces = body.count("data-step=") - body.count("data-part=")
        assert first_pieces == len(record["evidence"]), doc
        flag = " flagged" if result.errors else ""
        index_row = page.split(f'<tr class="doc{flag}" data-doc-id="{doc}">', 1)[1].split("</tr>", 1)[0]
        assert f"{result.macro_f1:.3f}" in index_row
    statuses = {attrs.get("data-status") for tag, attrs in parsed.tags if tag == "tr"}
    assert "ok" in statuses


def test_missed_gold_values_are_marked_where_the_text_writes_them(tmp_path: Path) -> None:
    raw = "6月25日,四平路街道举行揭牌仪式。区委书记王建国出席。"
    (tmp_path / "a.txt").write_text(raw, encoding="utf-8")
    start = raw.index("王建国")
    record = Record(
        doc_id="a",
        source=str(tmp_path / "a.txt"),
        attendees=[Attendee(name="王建国")],
        evidence=[Evidence(field="attendees[0].name", span=(start, start + 3), rule="attendees.r")],
    )
    gold = {
        "organisers": ["四平路街道"],
        "date": "2019-06-25",
        "attendees": [{"name": "王建国", "title": "区委书记"}],
    }
    parsed = parse(build_page([ArticleView(record=record, raw=raw, gold=gold)], {"a": gold}))
    marked = {
        (attrs.get("data-field"), attrs.get("data-gold"))
        for tag, attrs in parsed.tags
        if tag == "span" and "data-gold" in attrs
    }
    # The date is missed too, but 2019-06-25 is not written in the text, so it is only listed.
    assert marked == {("organisers", "四平路街道"), ("attendees.title", "区委书记")}
    assert parsed.covered[("organisers", None)] == "四平路街道"


def test_missed_values_of_the_dev_set_are_marked_exactly_where_located(
    dev_records: Path, tmp_path: Path
) -> None:
    from extract.review.annotate import locate
    from extract.review.explain import load_records, source_text
    from extract.text.normalise import normalise

    dest = tmp_path / "report.html"
    write_report(dev_records, dest, SEEDS / "dev" / "gold")
    page = dest.read_text(encoding="utf-8")
    golds = load_json_dir(SEEDS / "dev" / "gold")
    for record in load_records(dev_records):
        raw = source_text(record)
        assert raw is not None
        body = page.split(f'data-doc-id="{record.doc_id}" data-macro-f1=', 1)[1].split("</section>", 1)[0]
        marked = {
            (a.get("data-field"), a.get("data-gold"))
            for t, a in parse(body).tags
            if t == "span" and "data-gold" in a
        }
        expected = {
            (name, value)
            for name, value in compare(record.model_dump(mode="json"), golds[record.doc_id]).missed
            if locate(normalise(raw), value)
        }
        assert marked == expected, record.doc_id


def test_report_command_writes_the_page(seed_records: Path, tmp_path: Path) -> None:
    cli = typer.Typer()
    register(cli)
    dest = tmp_path / "out" / "r.html"
    result = CliRunner().invoke(
        cli, ["report", str(seed_records), "--gold", str(SEEDS / "gold"), "-o", str(dest)]
    )
    assert result.exit_code == 0, result.output
    assert dest.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    missing = CliRunner().invoke(cli, ["report", str(tmp_path / "none"), "-o", str(dest)])
    assert missing.exit_code == 2 and "does not exist" in missing.output


def test_an_article_whose_file_is_gone_is_still_listed(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "here.txt").write_text("某标题\n正文。", encoding="utf-8")
    for doc_id in ("gone", "here"):
        record = Record(doc_id=doc_id, source=str(tmp_path / f"{doc_id}.txt"), title="某标题")
        (tmp_path / "out" / f"{doc_id}.json").write_text(record.model_dump_json(), encoding="utf-8")
    dest = tmp_path / "r.html"
    assert write_report(tmp_path / "out", dest) == 2
    page = dest.read_text(encoding="utf-8")
    assert "The article text is not available" in page and "gone.txt" in page
    assert 'data-doc-id="gone"' in page


def review_cli() -> typer.Typer:
    cli = typer.Typer()
    register(cli)
    return cli


def test_report_and_tasks_find_the_articles_from_any_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from extract.cli import app

    (tmp_path / "work" / "articles").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "work" / "articles" / "a.txt").write_text(
        "某街道举行揭牌仪式\n6月25日,某街道举行揭牌仪式。", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path / "work")
    # OUT is not under the folder the run was in: only its manifest says where articles/a.txt is.
    assert CliRunner().invoke(app, ["run", "articles", "-o", "../runs/out"]).exit_code == 0
    [line] = (tmp_path / "runs" / "out" / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["source"] == "articles/a.txt"
    # A record of an earlier version, with no manifest: found from the folder above OUT.
    old = Record(doc_id="old", source="articles/a.txt", title="某标题")
    (tmp_path / "work" / "old").mkdir()
    (tmp_path / "work" / "old" / "old.json").write_text(old.model_dump_json(), encoding="utf-8")
    monkeypatch.chdir(tmp_path / "elsewhere")
    for out in ("../runs/out", "../runs/out/records.jsonl", "../work/old"):
        done = CliRunner().invoke(review_cli(), ["report", out, "-o", "r.html"])
        assert done.exit_code == 0, done.output
        page = Path("r.html").read_text(encoding="utf-8")
        assert "not available" not in page and "6月25日" in page, out
        done = CliRunner().invoke(review_cli(), ["annotate", "export", out, "-o", "tasks.json"])
        assert done.exit_code == 0, done.output
        [task] = json.loads(Path("tasks.json").read_text(encoding="utf-8"))
        assert task["data"]["source"] == "articles/a.txt" and "6月25日" in task["data"]["text"], out


def test_report_and_tasks_fail_when_no_article_can_be_found(tmp_path: Path) -> None:
    from extract.running.manifest import MANIFEST, Entry

    # An absolute source that is gone; a relative one whose manifest path is gone too.
    for out, source in ((tmp_path / "out", str(tmp_path / "gone.txt")), (tmp_path / "rel", "in/gone.txt")):
        out.mkdir()
        record = Record(doc_id="gone", source=source)
        (out / "gone.json").write_text(record.model_dump_json(), encoding="utf-8")
        entry = Entry(source, "sha", "setup", path=str(tmp_path / "moved" / "gone.txt"))
        (out / MANIFEST).write_text(entry.to_json() + "\n", encoding="utf-8")
        for command in (["report"], ["annotate", "export"]):
            dest = tmp_path / "dest" / "file"
            done = CliRunner().invoke(review_cli(), [*command, str(out), "-o", str(dest)])
            assert done.exit_code == 1, done.output
            assert "none of the 1 records" in done.output and "gone.txt" in done.output
            assert f"{out}/manifest.jsonl says" in " ".join(done.output.split())
            assert not (tmp_path / "dest").exists()


def test_published_is_compared_by_its_date_with_aliases() -> None:
    record = _record(published="2023-07-06T09:00").model_dump(mode="json")
    assert compare(record, {"published": "2023-07-06T20:08:36"}).status["published"] == "ok"
    gold = {"published": {"value": "2023-07-05T20:00", "aliases": ["2023-07-06 20:08"]}}
    assert compare(record, gold).status["published"] == "ok"
    assert compare(record, {"published": "2023-07-07"}).status["published"] == "wrong"


def test_parties_of_signed_projects_are_compared_like_other_values() -> None:
    record = _record(
        signed_projects=[
            {"name": "社区共建协议", "parties": ["四平路街道", "某大学党委", "某公司"]},
            {"name": "另一协议", "parties": ["某医院"]},
        ],
        evidence=[{"field": "signed_projects[0].parties[2]", "span": [0, 2], "rule": "signed_projects.x"}],
    )
    gold = {
        "signed_projects": [
            {
                "name": "社区共建协议",
                "parties": [{"value": "某大学", "aliases": ["某大学党委"]}, "四平路街道", "某银行"],
            }
        ]
    }
    diff = compare(record.model_dump(mode="json"), gold)
    assert {k: v for k, v in diff.status.items() if ".parties" in k} == {
        "signed_projects[0].parties[0]": "ok",
        "signed_projects[0].parties[1]": "ok",
        "signed_projects[0].parties[2]": "spurious",
        "signed_projects[1].parties[0]": "spurious",
    }
    assert ("signed_projects.parties", "某银行") in diff.missed
    page = build_page([ArticleView(record=record, raw="某公司签约。", gold=gold)], {"x": gold})
    rows = {a["data-path"]: a["data-status"] for t, a in parse(page).tags if t == "tr" and "data-path" in a}
    assert rows["signed_projects[0].parties[2]"] == "spurious"
    assert rows["signed_projects[0].parties[0]"] == "ok"


def _two_articles(tmp_path: Path) -> tuple[list[ArticleView], dict[str, dict[str, object]]]:
    views, golds = [], {}
    for doc_id, district in (("good", "静安区"), ("bad", "黄浦区")):
        raw = "6月25日,静安区某街道举行揭牌仪式。"
        start = raw.index("静安区")
        record = Record(
            doc_id=doc_id,
            source=str(tmp_path / f"{doc_id}.txt"),
            district="静安区",
            evidence=[
                Evidence(field="district", span=(start, start + 3), rule="district.county_before_street")
            ],
        )
        golds[doc_id] = {"district": district}
        result = score_records({doc_id: golds[doc_id]}, {doc_id: record.model_dump(mode="json")})
        views.append(ArticleView(record=record, raw=raw, gold=golds[doc_id], errors=result.errors))
    return views, golds


def test_the_index_flags_articles_with_errors_and_can_show_only_those(tmp_path: Path) -> None:
    views, golds = _two_articles(tmp_path)
    page = build_page(views, golds)
    tags = parse(page).tags
    flagged = {a["data-doc-id"] for t, a in tags if "flagged" in (a.get("class") or "").split()}
    assert flagged == {"bad"}  # its index row and its section
    assert ("input", {"type": "checkbox", "id": "only-flagged"}) in tags
    assert (
        "body.only-flagged tr.doc:not(.flagged),body.only-flagged section.article:not(.flagged){display:none}"
        in page
    )
    assert "classList.toggle('only-flagged'" in page


def test_rule_ids_break_only_between_their_words(tmp_path: Path) -> None:
    views, golds = _two_articles(tmp_path)
    page = build_page(views, golds)
    cells = [c.split("</td>", 1)[0] for c in page.split('<td class="rule">')[1:]]
    assert cells
    for cell in cells:
        ids = cell.replace('<span class="rule-id">', "").replace("</span>", "")
        assert ids.replace("<wbr>", "") == "district.county_before_street"
        assert all(piece.endswith((".", "_")) for piece in ids.split("<wbr>")[:-1])
    assert ".right td.rule{overflow-wrap:normal;word-break:normal}" in page


def test_without_gold_the_page_has_no_gold_column_or_marks(tmp_path: Path) -> None:
    views, _ = _two_articles(tmp_path)
    for view in views:
        view.gold, view.errors = None, []
    page = build_page(views, None)
    assert "vs gold" not in page and 'class="status' not in page
    assert "missed (gold)" not in page and "spurious</span>" not in page
    assert 'id="only-flagged"' not in page
    with_gold = build_page(*_two_articles(tmp_path))
    assert "vs gold" in with_gold and "missed (gold)" in with_gold
