"""Layout check: do the rules know the words, or the tuned articles' layout? F1 per field on copies
of the articles laid out as other real pages lay them out, the words and the gold unchanged.

usage: python scripts/layout_check.py [--seed N] [--out DIR] [--only NAME...] [--errors]

For each article of the sample (seeds/articles) and of the dev set's `tune` split (never `unseen`:
the articles are read by swap_check.articles, which refuses one listed there), it writes the
control (the article normalised, as swap_check's control) and one copy per variant:

* line breaks: the article's paragraphs joined into one line by blanks (`one_line`), a blank line
  between paragraphs (`blank_lines`), none (`no_blanks`), paragraphs indented with two full-width
  spaces (`indent_u3000`) or two ASCII spaces (`indent_ascii`), CRLF line ends (`crlf`);
* furniture lines where real pages put them: a site's name and a breadcrumb above the headline
  (`site_above`), 来源/作者/通讯员 under it and 编辑/责任编辑 at the end (`bylines`), 字数 and 阅读量
  under it and 浏览次数 at the end (`counts`), 分享到 under it and at the end (`share`), 上一篇/下一篇
  after the body (`prev_next`), a 相关新闻 block of other headlines with their dates after the body
  (`related`), a 引题 line right above the headline (`kicker`) or a 副题 line under it, without a dash
  (`subtitle`), where the gold keeps the headline alone, as the headline block step does (see the
  README);
* the page's own date: a 发布时间 line under the headline (`stamp_top`) or a dated line at the end
  (`stamp_end`), only where the gold has a `published` (elsewhere the copy is the control's text);
* other wrappers: the text as GB18030 bytes (`gb18030`), a JSON object (`json`: id, title, content,
  publish_time) and a JSONL line (`jsonl`: doc_id, headline, text, date, url), and an HTML page
  (`html`: <title> with the site's name, a nav bar, <h1>, one <p> per paragraph, a footer). A
  wrapper holds the headline and the publication date as metadata only where the gold has them.

The headline is the first line that is the gold title or an alias (compared as the scorer compares
them), with a subtitle line under it that opens with a dash; an article whose title is null or not a
line of its own has none, and the furniture meant for under it goes at the top. The
furniture's words are invented and the same for every article (`--seed` draws the counts, the
dates of the related headlines and the site's name), so a drop is the layout's, not a word's.
Records are made by one `python -m extract run` over all copies and scored per variant against the
control's gold; `--errors` lists every value a variant loses that the control does not (see
swap_check.new_errors). Working files are in `--out`, by default out/layout.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from swap_check import ROOT, Article, articles, new_errors, print_new_errors, run_records  # noqa: E402

from extract.review.score import Score, forms, load_json_dir, norm, score_records  # noqa: E402

# Invented furniture, the same for every article. A site's name and its column, authors and editors
# (common names, none of them in an article), other headlines of the genre for related links.
SITES = ["城事新闻网", "今日社区网", "基层时讯网"]
COLUMN = "基层动态"
BYLINE = ("来源:{site}  作者:林晓彤", "通讯员 许一航", "编辑:周文清", "责任编辑:郑岚")
OTHER_HEADLINES = [
    "全市新就业群体关爱服务月活动启动",
    "老旧小区加装电梯工作有序推进",
    "社区志愿服务队开展环境整治行动",
    "暑期青少年托管班开班",
    "多部门联合开展消防安全进社区宣传",
]
KICKER = "聚焦基层治理创新"
SUBTITLE = "一线见闻"


@dataclass(frozen=True)
class Page:
    """An article cut into what a layout moves: lines before the headline, the headline (or None),
    the paragraphs after it (blank lines dropped, blanks around each stripped)."""

    before: list[str]
    headline: str | None
    body: list[str]

    @classmethod
    def of(cls, article: Article) -> Page:
        lines = [line.strip(" \t\u3000") for line in article.text.split("\n")]
        titles = forms(article.gold.get("title")) if article.gold.get("title") else set()
        at = next(
            (
                i
                for i in range(len(lines))
                if titles & {norm(lines[i].rstrip("|")), norm(_with_subtitle(lines, i))}
            ),
            None,
        )
        if at is None:
            return cls([], None, [line for line in lines if line])
        headline = lines[at].rstrip("|").strip()  # `headline |`: the bar is the page's, not the headline's
        rest = [s for s in lines[at + 1 :] if s]
        if rest and rest[0].startswith(("——", "──")):  # a subtitle under a dash is the headline's
            headline, rest = f"{headline}\n{rest[0]}", rest[1:]
        return cls([s for s in lines[:at] if s], headline, rest)

    @property
    def title(self) -> str | None:
        """The headline as a page's metadata gives it: on one line, its subtitle joined."""
        return None if self.headline is None else self.headline.replace("\n", "")

    def one_line(self) -> list[str]:
        """The page with the article's paragraphs, from its first sentence to its last, joined into
        one line by a blank, as a page's text comes out where they are not block elements (w331,
        d009); the furniture above and below them (headline, stamp, editor, links) keeps its lines."""
        prose = [i for i, s in enumerate(self.body) if "。" in s]
        head = [self.headline] if self.headline is not None else []
        if not prose:
            return [*self.before, *head, *self.body]
        first, last = prose[0], prose[-1] + 1
        return [*self.before, *head, *self.body[:first], " ".join(self.body[first:last]), *self.body[last:]]

    def lines(
        self,
        top: Sequence[str] = (),
        under: Sequence[str] = (),
        end: Sequence[str] = (),
        over: Sequence[str] = (),
    ) -> list[str]:
        """The page's lines with furniture: `top` above everything (a site's masthead), `over` right
        above the headline (a kicker), `under` it, `end` after the body."""
        head = [self.headline] if self.headline is not None else []
        return [*top, *self.before, *over, *head, *under, *self.body, *end]


def _with_subtitle(lines: list[str], i: int) -> str:
    """Line `i` without a trailing bar, with the next non-blank line joined when that opens with a dash
    (as the gold writes a headline and its subtitle)."""
    line = lines[i].rstrip("|").strip()
    after = next((s for s in lines[i + 1 :] if s), "")
    return f"{line}{after}" if line and after.startswith(("——", "──")) else line


@dataclass(frozen=True)
class Draw:
    """What one seed fixes for all articles: the site, the counts and the related headlines' dates."""

    site: str
    words: int
    reads: int
    related_days: tuple[int, ...]

    @classmethod
    def of(cls, seed: int) -> Draw:
        rng = random.Random(f"layout:{seed}")
        return cls(
            rng.choice(SITES),
            rng.randint(600, 2400),
            rng.randint(100, 9000),
            tuple(rng.sample(range(1, 28), 3)),
        )


@dataclass(frozen=True)
class Copy:
    """One copy of an article: the file's suffix and bytes."""

    suffix: str
    data: bytes


def _txt(lines: list[str], sep: str = "\n") -> Copy:
    return Copy(".txt", sep.join(lines).encode("utf-8"))


def _published(gold: dict[str, Any]) -> str | None:
    value = gold.get("published")
    value = value.get("value") if isinstance(value, dict) else value
    return value if isinstance(value, str) and value else None


def _related(draw: Draw, gold: dict[str, Any]) -> list[str]:
    """A related-links block: its heading, then other headlines with dates of the month before."""
    year, month = 2021, 5
    if (pub := _published(gold)) is not None:
        year, month = int(pub[:4]), int(pub[5:7])
    year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    rows = [
        f"{h}  {year}-{month:02d}-{d:02d}" for h, d in zip(OTHER_HEADLINES, draw.related_days, strict=False)
    ]
    return ["相关新闻", *rows]


def _stamp(gold: dict[str, Any]) -> str | None:
    pub = _published(gold)
    return None if pub is None else pub[:10]


def _html(page: Page, article: Article, draw: Draw) -> Copy:
    e = html.escape
    head = ['<meta charset="utf-8">']
    if page.title is not None:
        head.append(f"<title>{e(page.title)}_{draw.site}</title>")
    if (stamp := _stamp(article.gold)) is not None:
        head.append(f'<meta name="publishdate" content="{stamp}">')
    nav = '<nav><a href="/">首页</a> | <a href="/news/">新闻</a> | <a href="/jc/">基层</a></nav>'
    h1 = f"<h1>{e(page.title)}</h1>" if page.title is not None else ""
    paras = "".join(f"<p>{e(p)}</p>" for p in [*page.before, *page.body])
    foot = f"<footer>版权所有 {draw.site}</footer>"
    doc = f'<!DOCTYPE html><html><head>{"".join(head)}</head><body>{nav}<div class="article">{h1}{paras}</div>{foot}</body></html>'
    return Copy(".html", doc.encode("utf-8"))


def _json(page: Page, article: Article, doc: str, keys: tuple[str, str, str, str]) -> dict[str, Any]:
    id_key, title_key, text_key, date_key = keys
    obj: dict[str, Any] = {id_key: doc}
    if page.title is not None:
        obj[title_key] = page.title
    obj[text_key] = "\n".join([*page.before, *page.body])
    if (stamp := _stamp(article.gold)) is not None:
        obj[date_key] = stamp
    return obj


Variant = Callable[[Page, Article, Draw, str], Copy]


def _furnished(top: Sequence[str] = (), under: Sequence[str] = (), end: Sequence[str] = ()) -> Variant:
    """Furniture lines (`{site}` filled in) above the headline, under it and after the body."""

    def make(p: Page, a: Article, d: Draw, _: str) -> Copy:
        top_, under_, end_ = ([s.format(site=d.site) for s in part] for part in (top, under, end))
        return _txt(p.lines(top_, under_, end_))

    return make


def _with_stamp(where: str) -> Variant:
    def make(p: Page, a: Article, d: Draw, _: str) -> Copy:
        stamp = _stamp(a.gold)
        if stamp is None:
            return _txt(a.text.split("\n"))
        if where == "top":
            return _txt(p.lines(under=[f"发布时间:{stamp} 10:30  来源:{d.site}"]))
        y, m, day = stamp.split("-")
        return _txt(p.lines(end=[f"({y}年{m}月{day}日)"]))

    return make


def _headed(line: str, above: bool) -> Variant:
    def make(p: Page, a: Article, d: Draw, _: str) -> Copy:
        if p.headline is None:
            return _txt(a.text.split("\n"))
        # A kicker is printed right over the headline, under the site's masthead and breadcrumb.
        return _txt(p.lines(over=[line]) if above else p.lines(under=[line]))

    return make


VARIANTS: dict[str, Variant] = {
    "one_line": lambda p, a, d, _: _txt(p.one_line()),
    "blank_lines": lambda p, a, d, _: _txt(p.lines(), "\n\n"),
    "no_blanks": lambda p, a, d, _: _txt(p.lines()),
    "indent_u3000": lambda p, a, d, _: _txt(
        [*p.before, *([p.headline] if p.headline else []), *("\u3000\u3000" + s for s in p.body)]
    ),
    "indent_ascii": lambda p, a, d, _: _txt(
        [*p.before, *([p.headline] if p.headline else []), *("  " + s for s in p.body)]
    ),
    "crlf": lambda p, a, d, _: _txt(a.text.split("\n"), "\r\n"),
    "site_above": _furnished(top=["{site}", f"首页 > {COLUMN} > 正文"]),
    "bylines": _furnished(under=BYLINE[:2], end=BYLINE[2:]),
    "counts": lambda p, a, d, _: _txt(
        p.lines(under=[f"字数:{d.words}", f"阅读量:{d.reads}"], end=[f"浏览次数:{d.reads}"])
    ),
    "share": _furnished(under=["分享到:"], end=["分享到: 微信 微博 QQ空间"]),
    "prev_next": _furnished(end=[f"上一篇:{OTHER_HEADLINES[1]}", f"下一篇:{OTHER_HEADLINES[3]}"]),
    "related": lambda p, a, d, _: _txt(p.lines(end=_related(d, a.gold))),
    "kicker": _headed(KICKER, above=True),
    "subtitle": _headed(SUBTITLE, above=False),
    "stamp_top": _with_stamp("top"),
    "stamp_end": _with_stamp("end"),
    "gb18030": lambda p, a, d, _: Copy(".txt", a.text.encode("gb18030")),
    "json": lambda p, a, d, doc: Copy(
        ".json",
        json.dumps(_json(p, a, doc, ("id", "title", "content", "publish_time")), ensure_ascii=False).encode(),
    ),
    "jsonl": lambda p, a, d, doc: Copy(
        ".jsonl",
        (
            json.dumps(
                {
                    **_json(p, a, doc, ("doc_id", "headline", "text", "date")),
                    "url": f"https://example.cn/{doc}",
                },
                ensure_ascii=False,
            )
            + "\n"
        ).encode(),
    ),
    "html": lambda p, a, d, _: _html(p, a, d),
}


def copies(article: Article, draw: Draw, names: list[str]) -> dict[str, tuple[str, Copy]]:
    """The article's copy for each variant of `names`, by variant: its doc_id and its file."""
    page = Page.of(article)
    out = {}
    for name in names:
        doc = f"{article.doc_id}_s{name}"  # `_s<copy>` as swap_check.new_errors reads it
        out[name] = (doc, VARIANTS[name](page, article, draw, doc))
    return out


def _write(folder: Path, doc: str, copy: Copy, gold: dict[str, Any]) -> None:
    (folder / "articles" / f"{doc}{copy.suffix}").write_bytes(copy.data)
    (folder / "gold" / f"{doc}.json").write_text(
        json.dumps({**gold, "doc_id": doc}, ensure_ascii=False), encoding="utf-8"
    )


def _only(records: dict[str, Any], docs: set[str]) -> dict[str, Any]:
    return {k: v for k, v in records.items() if k in docs}


def table(control: Score, variants: dict[str, Score]) -> str:
    """F1 per field and macro F1, the control against each variant, as a Markdown table (a variant's
    figure only where it differs from the control's)."""
    names = list(variants)
    rows = ["| field | control | " + " | ".join(names) + " |", "|---|---:|" + "---:|" * len(names)]
    fields = [*control.tallies, "macro F1"]
    for f in fields:
        base = control.macro_f1 if f == "macro F1" else control.tallies[f].prf()[2]
        cells = []
        for n in names:
            s = variants[n]
            v = s.macro_f1 if f == "macro F1" else s.tallies[f].prf()[2]
            cells.append(f"{v:.3f}" if round(v, 3) != round(base, 3) else "=")
        rows.append(f"| {f} | {base:.3f} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=(__doc__ or "").split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--seed", type=int, default=0, help="seed of the furniture's draws (default 0)")
    ap.add_argument("--out", type=Path, default=ROOT / "out" / "layout", help="working folder (replaced)")
    ap.add_argument("--only", nargs="*", choices=sorted(VARIANTS), help="run these variants only")
    ap.add_argument("--errors", action="store_true", help="list every value the variants lose")
    args = ap.parse_args(argv)
    out = args.out.resolve()
    names = args.only or list(VARIANTS)
    draw = Draw.of(args.seed)
    arts = articles()
    if out.exists():
        shutil.rmtree(out)
    for sub in ("control", "layout"):
        for kind in ("articles", "gold"):
            (out / sub / kind).mkdir(parents=True)
    docs: dict[str, set[str]] = {n: set() for n in names}
    for a in arts:
        _write(out / "control", a.doc_id, Copy(".txt", a.text.encode("utf-8")), a.gold)
        for name, (doc, copy) in copies(a, draw, names).items():
            _write(out / "layout", doc, copy, a.gold)
            docs[name].add(doc)
    control = score_records(load_json_dir(out / "control" / "gold"), run_records(out / "control"))
    records = run_records(out / "layout")
    gold = load_json_dir(out / "layout" / "gold")
    scores = {n: score_records(_only(gold, docs[n]), _only(records, docs[n])) for n in names}
    print(f"{len(arts)} articles (sample + tune), {len(names)} layouts, seed {args.seed}; files in {out}\n")
    print(table(control, scores))
    everything = score_records(gold, records)
    errors = new_errors(control, everything, {d: {} for d in gold})
    print_new_errors(
        errors,
        lambda m: f"{m.doc.rsplit('_s', 1)[1]}: {m.field} {m.kind} [{m.rule or '-'}]",
        "errors of the copies that the control does not make, by variant, field, kind and rule:",
        every=args.errors,
        in_key_order=True,
    )


if __name__ == "__main__":
    main()
