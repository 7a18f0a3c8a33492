"""Feed the pipeline articles made by splicing and mutating real material, and report what breaks.

usage: python scripts/fuzz.py [--seed S] [--n N] [--max-seconds S] [--slow S] [--shrink K] [--save DIR]
                              [--shapes]

Each input is an article built from pieces: sentences of the sample, dev `tune` and wild articles,
shuffled and cut; places of every level and province from rules/places (full and short forms,
former names, chains like 省市区, Traditional forms, pinyin glosses after a character); posts with
invented names, bodies, station words, dates in the forms `find_dates` reads, numbers, brackets and
quotes, lines of page furniture, very long lines, empty lines, lone punctuation, odd code points.
The text is then written as bytes (UTF-8, GB18030, Big5, UTF-16, pieces in mixed encodings, a
flipped byte) into a .txt, .html, .json or .jsonl file and run as `extract run` runs a file: read
under the file's budget, each article extracted under its own (`--max-seconds`, the run's default).
With `--shapes`, half the files take a shape crawlers save instead (an API's JSON envelope,
paragraphs as a list, HTML markup in JSON, misnamed JSON Lines, CR line ends, CDATA, UTF-8 and GBK
lines mixed, stray NUL bytes, a file cut in a character, a page saved as .txt, JSON-LD only, Big5
declared GBK, byte-order marks inside JSON Lines); without it a seed gives the inputs it always
gave.

A failure is an exception out of reading or extraction (site: the innermost frame in extract/), a
budget or rule time limit passed, an article slower than `--slow` seconds for under 20 000 characters
(a pattern that backtracks), or a record that breaks its invariants: each value has evidence whose
raw span, normalised, shows it (resolved fields — dates, places — need only evidence), no value
but the headline opens with a closing mark, ends with an opening one or holds a control or
invisible character, every span lies in the raw text, every rule id is a rule of rules/ or a
resolver step `<field>.<step>`.
Prints a summary and, for each distinct site, how often it failed and the smallest failing input
(shrunk by deleting lines, then runs of characters, while the same site still fails, up to
`--shrink` tries). The same seed gives the same inputs. Unseen dev articles are never read.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
import traceback
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from extract.base.budget import Limits, OverBudget, budget
from extract.output.record import Record
from extract.reading.article import Article
from extract.reading.read import read_file
from extract.resolve.registry import default_ruleset
from extract.rules_engine.engine import RuleTimeout
from extract.running.pipeline import extract_article
from extract.running.task import load_tools
from extract.text.divisions import Division
from extract.text.normalise import Normalised, normalise
from extract.text.place_tables import read_tables
from extract.text.textutil import comparable

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = str(ROOT / "extract")
RESOLVED = {"date", "published", "district", "city", "street"}  # values resolved, not copied
PUNCT = list("。，、；：？！…—·「」『』“”‘’《》〈〉（）()【】[]{}<>〔〕,.;:!?\"'-/\\|~@#%&*+=")
ODD = list("\u200b\u200d\u202e\ufeff\u2028\u3000\x00\x1c\r\t\ufffd㍿ﷺ①Ⅻ𠀀🇨🇳ｶﾞＡ１")
TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
NUMERALS = "〇一二三四五六七八九"


def _lines(path: Path) -> list[str]:
    return [
        s.strip()
        for s in path.read_text(encoding="utf-8").splitlines()
        if s.strip() and not s.startswith("#")
    ]


@dataclass
class Material:
    """What articles are made of, read once from the checkout."""

    sentences: list[str]
    places: list[Division]  # provinces, cities and counties
    streets: list[Division]  # townships
    words: dict[str, list[str]]

    @classmethod
    def load(cls) -> Material:
        texts = []
        split = json.loads((ROOT / "seeds/dev/split.json").read_text(encoding="utf-8"))
        texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds/articles").glob("*.txt"))]
        texts += [(ROOT / f"seeds/dev/articles/{d}.txt").read_text(encoding="utf-8") for d in split["tune"]]
        texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds/wild/articles").glob("*.txt"))]
        sentences = [s for t in texts for s in re.findall(r"[^。！？\n]*[。！？\n]?", t) if s.strip()]
        divisions, _, _ = read_tables(ROOT / "rules/places")
        places = [d for d in divisions if d.level != "street"]
        streets = [d for d in divisions if d.level == "street"]
        lexicon = ROOT / "rules/lexicon"
        names = ["post", "org_suffix", "station_kind", "page_furniture", "surname", "signing_verbs"]
        names += ["event_verbs", "host_verbs", "units", "honorifics", "event_nouns", "facility_kind"]
        words = {n: _lines(lexicon / f"{n}.txt") for n in names if (lexicon / f"{n}.txt").exists()}
        return cls(sentences, places, streets, words)


class Maker:
    """Articles from a seeded random source."""

    def __init__(self, material: Material, rng: random.Random) -> None:
        import opencc

        self.m = material
        self.r = rng
        self.s2t = opencc.OpenCC("s2t.json")

    def word(self, kind: str) -> str:
        return self.r.choice(self.m.words.get(kind) or ["书记"])

    def place(self) -> str:
        r = self.r
        if r.random() < 0.4:
            street = r.choice(self.m.streets)
            short = street.short[0] if street.short else ""
            form = short if short and r.random() < 0.4 else street.name
        else:
            d = r.choice(self.m.places)
            # A division may have several short or former forms (延边, 延边州): the first of each.
            short, former = (d.short or (d.name,))[0], (d.former or (d.name,))[0]
            form = r.choice([d.name, d.name, short, former])
            if r.random() < 0.3:  # a chain: 省 市 区, as addresses write it
                form = "".join(dict.fromkeys([d.province, d.city or "", form]))
        if r.random() < 0.2:
            form = self.s2t.convert(form)
        if r.random() < 0.15:  # a pinyin gloss after a character
            i = r.randrange(len(form))
            gloss = "".join(r.choice("bcdghjklmnpqrstwxyz") for _ in range(r.randint(0, 2)))
            gloss += r.choice(TONES) + r.choice(["", "n", "ng"])
            form = form[: i + 1] + r.choice(["(", "（"]) + gloss + r.choice([")", "）"]) + form[i + 1 :]
        return form

    def name(self) -> str:
        han = "".join(chr(self.r.randint(0x4E00, 0x9FA5)) for _ in range(self.r.randint(1, 2)))
        return self.word("surname") + han

    def number(self, n: int, chinese: bool) -> str:
        if not chinese:
            s = str(n)
            return (
                s.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
                if self.r.random() < 0.2
                else s
            )
        if n < 10:
            return NUMERALS[n]
        tens, ones = divmod(n, 10)
        return (NUMERALS[tens] if tens > 1 else "") + "十" + (NUMERALS[ones] if ones else "")

    def date(self) -> str:
        r = self.r
        y, mo, d = r.randint(1900, 2099), r.randint(0, 13), r.randint(0, 32)
        cn = r.random() < 0.3
        year = "".join(NUMERALS[int(c)] for c in str(y)) if cn else str(y)
        forms = [
            f"{year}年{self.number(mo, cn)}月{self.number(d, cn)}日",
            f"{self.number(mo, cn)}月{self.number(d, cn)}{r.choice(['日', '号', '號', '', '日上午'])}",
            f"{y % 100:02d}年{mo}月{d}日",
            f"{y}{r.choice('-./ ')}{mo:02d}{r.choice('-./ ')}{d:02d}",
            f"{y}{mo:02d}{d:02d}",
            f"{mo}月{d}-{d + r.randint(0, 3)}日",
            f"{mo}/{d}",
            f"{d}日",
            r.choice(["今天", "昨日", "前天", "大前天", "明晚", "今晚报", "日前", "近日", "上周五"]),
            f"{self.number(r.randint(0, 30), r.random() < 0.5)}{r.choice(['天', '周', '个星期'])}{r.choice(['前', '后', '以后', '之后'])}",
            f"{r.choice(['本月', '上个月', '下月', '这个月'])}{d}{r.choice(['日', '号'])}",
            f"{r.choice(['今年', '去年', '前年', '明年'])}{r.choice(['本月', f'{mo}月'])}{d}日",
            f"建党{r.randint(0, 120)}周年",
            f"{y}年第{r.randint(1, 4)}季度",
        ]
        return r.choice(forms)

    def piece(self) -> str:
        r = self.r
        m = self.m
        kind = r.randrange(17)
        if kind <= 4:
            s = r.choice(m.sentences)
            if r.random() < 0.3:
                a = r.randrange(len(s))
                s = s[a : a + r.randint(1, 60)]
            return s
        if kind == 5:
            return self.place()
        if kind == 6:
            return f"{self.place()}{self.word('post')}{self.name()}"
        if kind == 7:
            return self.place() + self.word("org_suffix")
        if kind == 8:
            q = r.choice(["“”", "「」", "《》", "", '""'])
            return (
                (q[:1] + self.place() + self.word("station_kind") + q[1:]) if q else self.word("station_kind")
            )
        if kind == 9:
            return self.date()
        if kind == 10:
            return self.number(r.randint(0, 99), r.random() < 0.5) + r.choice(
                ["", "号", "人", "%", "万元", "个"]
            )
        if kind == 11:
            return "".join(r.choice(PUNCT) for _ in range(r.randint(1, 4)))
        if kind == 12:
            return "\n" + " | ".join(self.word("page_furniture") for _ in range(r.randint(1, 4))) + "\n"
        if kind == 13:  # a very long line: one stretch repeated, without a sentence end
            unit = r.choice(
                [self.place(), self.name(), self.word("post"), "、", "的", r.choice(m.sentences)[:8]]
            )
            return (unit + r.choice(["", "、", " ", "和"])) * r.randint(50, 3000)
        if kind == 14:
            return "\n" * r.randint(1, 5)
        if kind == 15:
            return "".join(r.choice(ODD) for _ in range(r.randint(1, 3)))
        return r.choice([self.word("signing_verbs"), self.word("event_verbs"), self.word("host_verbs")])

    def text(self) -> str:
        r = self.r
        pieces = [self.piece() for _ in range(r.randint(1, 40))]
        if r.random() < 0.3:
            r.shuffle(pieces)
        text = "".join(pieces)
        for _ in range(r.randint(0, 3)):  # cut, doubled or moved runs
            if not text:
                break
            a = r.randrange(len(text))
            b = min(len(text), a + r.randint(1, 30))
            op = r.randrange(3)
            text = (
                text[:a] + text[b:]
                if op == 0
                else text[:b] + text[a:b] + text[b:]
                if op == 1
                else text[a:b] + text[:a] + text[b:]
            )
        return text


def encode(text: str, r: random.Random) -> bytes:
    """The bytes of a file holding `text`, in an encoding a reader meets."""
    how = r.choices(["utf-8", "gb18030", "big5", "utf-16", "mixed", "bom", "flip"], [10, 3, 2, 1, 2, 1, 1])[0]
    if how == "mixed":
        cut = r.randrange(len(text) + 1)
        return text[:cut].encode("utf-8") + text[cut:].encode(r.choice(["gb18030", "big5"]), "replace")
    if how == "bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if how == "flip":
        data = bytearray(text.encode("utf-8"))
        for _ in range(r.randint(1, 4)):
            if data:
                data[r.randrange(len(data))] = r.randrange(256)
        return bytes(data)
    return text.encode(how, "replace")


def wrap(text: str, title: str, r: random.Random) -> tuple[str, str]:
    """The file suffix and the document holding `text` (a page, a JSON object, or bare)."""
    kind = r.choices([".txt", ".html", ".json", ".jsonl"], [10, 3, 1, 1])[0]
    if kind == ".html":
        body = "".join(f"<p>{line}</p>" for line in text.split("\n"))
        meta = '<meta name="publishdate" content="2023-07-06">' if r.random() < 0.5 else ""
        return (
            kind,
            f"<html><head><title>{title}</title>{meta}</head><body><h1>{title}</h1>{body}</body></html>",
        )
    if kind in (".json", ".jsonl"):
        obj = {"title": title, "text": text, "published": r.choice(["2023-07-06", "2019年5月20日", "", "x"])}
        return kind, json.dumps(obj, ensure_ascii=r.random() < 0.5)
    return kind, text


def crawler_shape(text: str, title: str, r: random.Random) -> tuple[str, bytes]:
    """The suffix and bytes of a file in one of the shapes crawlers save (`--shapes`): JSON in an
    API's envelope, text as a list of paragraphs or as HTML markup, JSON Lines misnamed .json or
    pretty-printed as .jsonl, CR line ends, a page in CDATA, lines in UTF-8 and GBK mixed, stray
    NUL bytes, a file cut in the middle of a character, a page saved as .txt, a page stating its
    article only as JSON-LD, Big5 declared as GBK, JSON Lines joined with byte-order marks."""
    kind = r.randrange(14)
    obj: dict[str, object] = {"title": title, "text": text}
    if kind == 0:
        data = json.dumps({"code": 0, "data": r.choice([obj, {"list": [obj, obj], "total": 2}])})
        return ".json", data.encode()
    if kind == 1:
        return ".json", json.dumps(
            {"content": text.split("\n"), "publish_time": r.randrange(10**13)}
        ).encode()
    if kind == 2:
        markup = "".join(f"<p>{line}</p>" for line in text.split("\n")) + "<script>x()</script>"
        return ".jsonl", (json.dumps({"content": markup}) + "\n").encode() * 2
    if kind == 3:
        return r.choice([".json", ".jsonl"]), (
            json.dumps(obj, indent=r.choice([None, 2])) + "\n"
        ).encode() * 2
    if kind == 4:
        lines = [json.dumps({"text": line}, ensure_ascii=False) for line in text.split("\n") if line]
        return ".jsonl", r.choice(["\r", "\r\n"]).join(lines).encode()
    if kind == 5:
        return ".html", f"<html><body><div><![CDATA[{text}]]></div></body></html>".encode()
    if kind in (6, 7):  # lines in UTF-8 and GBK, whatever the kind of file
        suffix = r.choice([".txt", ".html", ".jsonl"])
        lines = [
            json.dumps({"text": t}, ensure_ascii=False) if suffix == ".jsonl" else t for t in text.split("\n")
        ]
        return suffix, b"\n".join(t.encode(r.choice(["utf-8", "gbk"]), "replace") for t in lines)
    if kind == 10:  # a page saved as .txt
        return (
            ".txt",
            f"<!DOCTYPE html><html><head><title>{title}</title></head><body><p>{text}</p></body></html>".encode(),
        )
    if kind == 11:  # a page a script fills in, its article stated as JSON-LD
        stated = json.dumps({"@type": "NewsArticle", "headline": title, "articleBody": text})
        return (
            ".html",
            f'<html><head><script type="application/ld+json">{stated}</script></head><body></body></html>'.encode(),
        )
    if kind == 12:  # Big5 declared as GBK
        page = f'<html><head><meta charset="gbk"></head><body><p>{text}</p></body></html>'
        return ".html", page.encode("big5", "replace")
    if kind == 13:  # JSON Lines files that each began with a byte-order mark, joined
        return ".jsonl", ("\ufeff" + json.dumps(obj, ensure_ascii=False) + "\n").encode() * 2
    data = text.encode()
    if kind == 8:
        return ".txt", b"".join(
            c + (b"\x00" if r.random() < 0.01 else b"") for c in (data[i : i + 1] for i in range(len(data)))
        )
    return r.choice([".txt", ".html"]), data[: max(0, len(data) - r.randint(1, 2))]


@dataclass
class Case:
    """One input file: its suffix and bytes."""

    suffix: str
    data: bytes


@dataclass
class Failure:
    site: str
    detail: str
    case: Case
    count: int = 1


@dataclass
class Checker:
    """Runs a case as `extract run` runs a file and says where it failed, if it did."""

    limits: Limits
    slow: float
    folder: Path
    rule_ids: set[str] = field(default_factory=set)
    fields: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        ruleset = default_ruleset()
        self.rule_ids = {r.id for rules in ruleset.rules.values() for r in rules}
        self.fields = {spec.name for spec in ruleset.fields}
        self.drop = {
            spec.name: dict.fromkeys(map(ord, str(spec.options.get("drop_marks", ""))))
            for spec in ruleset.fields
        }

    def run(self, case: Case) -> tuple[str, str] | None:
        path = self.folder / f"fuzz{case.suffix}"
        try:
            with budget(self.limits, len(case.data)):
                result = read_file(path, case.data, str(path))
        except OverBudget as e:
            return f"read: {type(e).__name__}", ""
        except Exception as e:
            return _site("read", e), f"{type(e).__name__}: {e}"
        for article in result.articles:
            started = time.monotonic()
            try:
                with budget(self.limits, len(article.raw.encode("utf-8", "replace"))):
                    record = extract_article(article, default_ruleset())
            except OverBudget as e:
                return f"extract: {type(e).__name__}", f"{len(article.raw)} characters"
            except RuleTimeout as e:
                return f"extract: RuleTimeout {str(e).split(' ran past')[0]}", str(e)
            except Exception as e:
                return _site("extract", e), f"{type(e).__name__}: {e}"
            took = time.monotonic() - started
            if took > self.slow and len(article.raw) < 20_000:
                return "extract: slow", f"{took:.1f}s for {len(article.raw)} characters"
            broken = self.invariants(article, record)
            if broken:
                return broken
        return None

    def invariants(self, article: Article, record: Record) -> tuple[str, str] | None:
        raw = article.raw
        norm = normalise(raw)
        data = record.model_dump(mode="json")
        spans: dict[str, list[tuple[int, int]]] = {}
        metadata: set[str] = set()
        for ev in record.evidence:
            start, end = ev.span
            if not 0 <= start <= end <= len(raw):
                return f"invariant: span outside the text ({ev.rule})", str(ev)
            head = ev.rule.split(".")[0]
            if ev.rule not in self.rule_ids and not (
                head in self.fields and re.fullmatch(r"[a-z_]+\.[a-z_0-9.]+", ev.rule)
            ):
                return f"invariant: unknown rule id {ev.rule}", str(ev)
            spans.setdefault(ev.field, []).append((start, end))
            if start == end and ev.rule.endswith(".page_metadata"):
                metadata.add(ev.field)  # read from the page's metadata, where the text does not write it
        for path, value in _values(data):
            if path not in spans:
                return f"invariant: no evidence ({path.split('[')[0]})", f"{path}={value!r}"
            name = path.split("[")[0].split(".")[0]
            if name in RESOLVED or path in metadata:
                continue
            if name != "title" and _stray(value):
                return f"invariant: a stray mark in a value ({path.split('[')[0]})", f"{path}={value!r}"
            shown = "".join(comparable(_normalised(norm, s, e)) for s, e in spans[path])
            dropped = shown.translate(self.drop.get(name, {}))  # a field's drop_marks, gone from its values
            if comparable(value) not in shown and comparable(value) not in dropped:
                return (
                    f"invariant: evidence does not show the value ({path.split('[')[0]})",
                    f"{path}={value!r} shown {shown!r}",
                )
        return None


_CLOSING = "》〉」』】〕)]}”’"
_OPENING = "《〈「『【〔([{“‘"


def _stray(value: str) -> bool:
    """A value no reader writes, whatever the text: one that opens with a closing mark or ends with
    an opening one, or holds a control or invisible format character."""
    return bool(value) and (
        value[0] in _CLOSING
        or value[-1] in _OPENING
        or any(unicodedata.category(c) in ("Cc", "Cf") for c in value)
    )


def _normalised(norm: Normalised, start: int, end: int) -> str:
    """The normalised text of a raw span, as the whole article normalises it (Traditional is
    converted by phrase, so a span alone may convert otherwise)."""
    return "".join(c for c, i in zip(norm.text, norm.to_raw, strict=True) if start <= i < end)


def _values(record: dict) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    """(evidence field, value) for every value of a record."""
    out = [
        (f, record[f])
        for f in ("title", "published", "date", "district", "city", "street", "venue")
        if record[f]
    ]
    out += [(f"organisers[{i}]", v) for i, v in enumerate(record["organisers"])]
    for key, attrs in (
        ("attendees", ("name", "title")),
        ("stations", ("name", "address")),
        ("signed_projects", ("name",)),
    ):
        for i, item in enumerate(record[key]):
            out += [(f"{key}[{i}].{a}", item[a]) for a in attrs if item.get(a)]
    for i, project in enumerate(record["signed_projects"]):
        out += [(f"signed_projects[{i}].parties[{j}]", p) for j, p in enumerate(project["parties"])]
    return out


def _site(stage: str, e: BaseException) -> str:
    """Where an exception came from: the innermost frame inside the package, and its class."""
    frames = [f for f in traceback.extract_tb(e.__traceback__) if f.filename.startswith(PACKAGE)]
    where = f"{Path(frames[-1].filename).relative_to(ROOT)}:{frames[-1].lineno}" if frames else "?"
    return f"{stage}: {type(e).__name__} at {where}"


def _as_text(case: Case) -> str | None:
    """The raw text of the case's one article, as the reader decodes it (None for several or none)."""
    with tempfile.TemporaryDirectory() as tmp:
        articles = read_file(Path(tmp) / f"x{case.suffix}", case.data).articles
    return articles[0].raw if len(articles) == 1 else None


def shrink(case: Case, site: str, fails: Callable[[Case], str | None], tries: int) -> Case:
    """A smaller case failing at the same site: the article's text as a UTF-8 .txt, where that still
    fails there, then with lines and runs of characters deleted while it does."""
    text = _as_text(case)
    if text is None or fails(Case(".txt", text.encode("utf-8"))) != site:
        return case

    def same(t: str) -> bool:
        nonlocal tries
        tries -= 1
        return fails(Case(".txt", t.encode("utf-8"))) == site

    for unit in ("\n", None):
        chunk = max(1, len(text) // 2)
        while chunk >= 1 and tries > 0:
            parts = text.split("\n") if unit else None
            i = 0
            changed = False
            while tries > 0:
                if parts is not None:
                    if i >= len(parts):
                        break
                    candidate = "\n".join(parts[:i] + parts[i + chunk :])
                else:
                    if i >= len(text):
                        break
                    candidate = text[:i] + text[i + chunk :]
                if candidate != text and same(candidate):
                    text = candidate
                    parts = text.split("\n") if unit else None
                    changed = True
                else:
                    i += chunk
            if not changed:
                chunk //= 2
    return Case(".txt", text.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--n", type=int, default=500, help="inputs to run")
    parser.add_argument("--max-seconds", type=float, default=Limits().seconds, help="each article's budget")
    parser.add_argument("--slow", type=float, default=5.0, help="seconds that make a short article a failure")
    parser.add_argument("--shrink", type=int, default=300, help="runs spent shrinking each failure (0: none)")
    parser.add_argument("--save", type=Path, help="write each site's smallest input into this folder")
    parser.add_argument("--shapes", action="store_true", help="files in the shapes crawlers save, too")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    load_tools()
    maker = Maker(Material.load(), rng)
    failures: dict[str, Failure] = {}
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        checker = Checker(Limits(seconds=args.max_seconds), args.slow, Path(tmp))
        for i in range(args.n):
            text = maker.text()
            if args.shapes and rng.random() < 0.5:
                case = Case(*crawler_shape(text, maker.piece()[:40], rng))
            else:
                suffix, doc = wrap(text, maker.piece()[:40], rng)
                case = Case(suffix, encode(doc, rng))
            found = checker.run(case)
            if found is None:
                continue
            site, detail = found
            if site in failures:
                failures[site].count += 1
                if len(case.data) < len(failures[site].case.data):
                    failures[site].case, failures[site].detail = case, detail
            else:
                failures[site] = Failure(site, detail, case)
                print(f"input {i}: {site}: {detail[:200]}", file=sys.stderr)
        for f in failures.values():
            if args.shrink:

                def fails(c: Case) -> str | None:
                    got = checker.run(c)
                    return got[0] if got else None

                f.case = shrink(f.case, f.site, fails, args.shrink)
    took = time.monotonic() - started
    print(
        f"seed {args.seed}: {args.n} inputs in {took:.0f}s, {sum(f.count for f in failures.values())} failed at {len(failures)} sites"
    )
    for n, f in enumerate(sorted(failures.values(), key=lambda f: -f.count)):
        shown = f.case.data.decode("utf-8", "backslashreplace")
        print(
            f"\n{f.site}  ({f.count}x)\n  {f.detail[:300]}\n  smallest ({f.case.suffix}, {len(f.case.data)} bytes): {shown[:400]!r}"
        )
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / f"{n:02d}{f.case.suffix}").write_bytes(f.case.data)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
