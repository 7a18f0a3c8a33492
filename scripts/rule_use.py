"""Print, for every rule of rules/, how many articles it serves: in how many articles of each set
its id is the `rule` of some evidence entry (it gave a record a value), and, in brackets, in how
many it matched at all. Then the rules that serve at most `--at-most` real articles: those
they give a value to, and those whose record changes when the rule is left out (a rule with a
`role`, stop or reject, gives no value of its own, and the place rules' values carry the place
decision's steps, `district.from_township`, `city.unique_county`: for them the change is the use).

A rule that serves one article is a rule to read: a general shape that happens to be rare stays,
a rule cut to that article's wording is generalised or removed (README, "Measuring").

usage: python scripts/rule_use.py [--at-most N] [--set NAME=PATH[:SPLIT.json:KEY]]... [--invented NAME]

Without --set it reads the sets the project measures rules on: `sample` (seeds/articles), `tune`
(seeds/dev/articles, only the ids under `tune` in seeds/dev/split.json: the `unseen` articles are
skipped before they are read, and no record of them is made), `wild` (seeds/wild/articles),
`html` (seeds/dev/html/pages, off-topic pages for title and published) and `invented`
(tests/data/invented, articles written for tests). Sets named by --invented (default:
`invented`) are left out of the "real" count. Articles are extracted in this process; nothing is
written.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.reading.article import Article
from extract.reading.read import iter_input_files, read_file
from extract.resolve.registry import default_ruleset
from extract.review.score import load_subset
from extract.rules_engine.document import Document
from extract.rules_engine.engine import run_rule
from extract.rules_engine.ruleset import RuleSet
from extract.running.pipeline import build_record, prepare, resolve_fields

ROOT = Path(__file__).resolve().parent.parent
SPLIT = ROOT / "seeds" / "dev" / "split.json"
DEFAULT_SETS = (
    f"sample={ROOT / 'seeds' / 'articles'}",
    f"tune={ROOT / 'seeds' / 'dev' / 'articles'}:{SPLIT}:tune",
    f"wild={ROOT / 'seeds' / 'wild' / 'articles'}",
    f"html={ROOT / 'seeds' / 'dev' / 'html' / 'pages'}",
    f"invented={ROOT / 'tests' / 'data' / 'invented'}",
)


@dataclass
class Use:
    """The doc ids one rule gave a value to, and those it matched in, per set."""

    valued: dict[str, set[str]] = field(default_factory=dict)
    matched: dict[str, set[str]] = field(default_factory=dict)
    changed: dict[str, set[str]] = field(default_factory=dict)  # records that differ without the rule

    def count(self, which: str, name: str) -> int:
        return len(getattr(self, which).get(name, ()))


@dataclass(frozen=True)
class ArticleSet:
    name: str
    path: Path
    only: frozenset[str] | None  # doc ids to read; None for all

    @classmethod
    def parse(cls, spec: str) -> ArticleSet:
        """`NAME=PATH` or `NAME=PATH:SPLIT.json:KEY` (only the ids listed under KEY)."""
        name, sep, rest = spec.partition("=")
        if not sep or not name or not rest:
            raise SystemExit(f"--set {spec!r}: write NAME=PATH or NAME=PATH:SPLIT.json:KEY")
        path, _, subset = rest.partition(":")
        return cls(name, Path(path), frozenset(load_subset(subset)) if subset else None)

    def articles(self) -> Iterator[Article]:
        for path in iter_input_files([self.path]):
            # the ids come from file names, so an article left out is never extracted
            if self.only is not None and path.stem not in self.only:
                continue
            for article in read_file(path).articles:
                if self.only is None or article.doc_id in self.only:
                    yield article


def _values(article: Article, ruleset: RuleSet) -> tuple[dict[str, Any], Document]:
    doc = prepare(article)
    record = build_record(doc, resolve_fields(doc, ruleset), ruleset)
    return record.model_dump(mode="json"), doc


def measure(
    sets: list[ArticleSet], ruleset: RuleSet
) -> tuple[dict[str, Use], dict[str, int], dict[tuple[str, str], tuple[Article, dict[str, Any]]]]:
    """Each rule's use per set (rules by id, in the rule files' order), each set's size, and each
    article with its record, by (set, doc_id)."""
    rules = [rule for group in ruleset.rules.values() for rule in group]
    uses = {rule.id: Use() for rule in rules}
    sizes: dict[str, int] = {}
    records: dict[tuple[str, str], tuple[Article, dict[str, Any]]] = {}
    for s in sets:
        sizes[s.name] = 0
        for article in s.articles():
            sizes[s.name] += 1
            record, doc = _values(article, ruleset)
            records[s.name, article.doc_id] = article, record
            for ev in record["evidence"]:
                if ev["rule"] in uses:  # a resolver's step (date.year_in_sentence) is no rule
                    uses[ev["rule"]].valued.setdefault(s.name, set()).add(article.doc_id)
            for rule in rules:
                if run_rule(rule, doc):
                    uses[rule.id].matched.setdefault(s.name, set()).add(article.doc_id)
    return uses, sizes, records


def ablate(
    rule_id: str,
    use: Use,
    ruleset: RuleSet,
    records: dict[tuple[str, str], tuple[Article, dict[str, Any]]],
) -> None:
    """Fill `use.changed`: the articles the rule matched in whose values (evidence aside) differ
    when the rule set lacks it. An article where it does not match cannot change."""
    without = RuleSet(
        ruleset.fields,
        {f: tuple(r for r in rules if r.id != rule_id) for f, rules in ruleset.rules.items()},
        ruleset.fragments,
    )
    for name, ids in use.matched.items():
        for doc_id in ids:
            article, record = records[name, doc_id]
            after, _ = _values(article, without)
            if _bare(after) != _bare(record):
                use.changed.setdefault(name, set()).add(doc_id)


def _bare(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k != "evidence"}


def _cell(use: Use, name: str) -> str:
    return f"{use.count('valued', name)} ({use.count('matched', name)})"


def few_real(uses: dict[str, Use], real: list[str], at_most: int) -> list[str]:
    """The rules that give a value to at most `at_most` articles of the `real` sets."""
    return [r for r, use in uses.items() if sum(use.count("valued", n) for n in real) <= at_most]


def report(
    uses: dict[str, Use], sizes: dict[str, int], real: list[str], few: list[str], at_most: int
) -> list[str]:
    """The table (values given, matches in brackets, per set; the real sets' total) and the `few`
    rules with the real articles they give a value to and those whose record needs them."""
    names = list(sizes)
    head = f"{'rule':44}" + "".join(f" {f'{n} ({sizes[n]})':>14}" for n in names) + f" {'real':>6}"
    lines = [head]
    for rule, use in uses.items():
        cells = "".join(f" {_cell(use, n):>14}" for n in names)
        lines.append(f"{rule:44}{cells} {sum(use.count('valued', n) for n in real):>6}")
    lines.append(f"\nrules serving at most {at_most} real article(s) ({len(few)}):")
    lines.append("  rule: values in real articles; records changed without it, real (invented)")
    for rule in few:
        use = uses[rule]
        valued = _ids(use.valued, real)
        changed = _ids(use.changed, real)
        invented = sum(len(v) for n, v in use.changed.items() if n not in real)
        lines.append(
            f"  {rule}: {len(valued)}{_list(valued)}; changed {len(changed)}{_list(changed)} ({invented})"
        )
    return lines


def _ids(by_set: dict[str, set[str]], names: list[str]) -> list[str]:
    return sorted(f"{n}:{d}" for n in names for d in by_set.get(n, ()))


def _list(ids: list[str]) -> str:
    return f" [{', '.join(ids[:6])}{', ...' if len(ids) > 6 else ''}]" if ids else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", action="append", dest="sets", metavar="NAME=PATH[:SPLIT:KEY]")
    parser.add_argument("--invented", action="append", default=None, metavar="NAME")
    parser.add_argument("--at-most", type=int, default=1, metavar="N")
    args = parser.parse_args()
    sets = [ArticleSet.parse(s) for s in args.sets or DEFAULT_SETS]
    ruleset = default_ruleset()
    uses, sizes, records = measure(sets, ruleset)
    invented = set(args.invented or ["invented"])
    real = [n for n in sizes if n not in invented]
    few = few_real(uses, real, args.at_most)
    for rule in few:
        ablate(rule, uses[rule], ruleset, records)
    few = [
        r
        for r in few
        if len(set(_ids(uses[r].valued, real)) | set(_ids(uses[r].changed, real))) <= args.at_most
    ]
    for line in report(uses, sizes, real, few, args.at_most):
        print(line)


if __name__ == "__main__":
    main()
