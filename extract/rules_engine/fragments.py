"""Rule fragments: the named pattern pieces of rules/lexicon (word lists and fragments.toml), and
splicing `{name}` references to them into a pattern."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import regex

from extract.rules_engine.rule_files import _load_toml, _rel, _type_name, read_rule_text
from extract.rules_engine.rule_types import RuleError
from extract.text.lexicon import longest_first, words_of

_REF = regex.compile(r"\{([a-z_][a-z0-9_]*)\}")
_MAX_DEPTH = 8


def load_fragments(folder: Path, layers: Sequence[Path] = ()) -> dict[str, str]:
    """Named pattern pieces: word lists become alternations (longest first), patterns stay as written.
    A layer's word list adds its words to ours of the same name; a layer's pattern replaces ours."""
    lists: dict[str, set[str]] = {}
    for lexicon in (d / "lexicon" for d in (folder, *layers)):
        for path in sorted(lexicon.glob("*.txt")):
            lists.setdefault(path.stem, set()).update(words_of(read_rule_text(path)))
    fragments = {name: word_alternation(found) for name, found in sorted(lists.items())}
    for name, found in sorted(lists.items()):
        fragments[f"{name}{ON_LINE}"] = word_on_line(found)
    for frag_file in (d / "lexicon" / "fragments.toml" for d in (folder, *layers)):
        if not frag_file.exists():
            continue
        data, _ = _load_toml(frag_file)
        table = data.get("fragments", {})
        if not isinstance(table, dict):
            raise RuleError(f"{_rel(frag_file)}: `fragments` must be a table of named patterns.")
        for name, pattern in table.items():
            if not isinstance(pattern, str):
                raise RuleError(
                    f"{_rel(frag_file)}: fragment `{name}` must be a string (a pattern), not "
                    f"{_type_name(pattern)} {pattern!r}."
                )
            if name in lists or (name.endswith(ON_LINE) and name[: -len(ON_LINE)] in lists):
                raise RuleError(
                    f"{_rel(frag_file)}: fragment {{{name}}} is also a word list {name}.txt. Rename one."
                )
            fragments[name] = str(pattern)
    return fragments


def word_alternation(found: set[str]) -> str:
    """A word list as a pattern: its words as a tree of their shared beginnings (`word_tree`), behind
    a lookahead for their first characters. Both change no match. The lookahead: every word begins
    with one of them, and `regex` would try a whole alternation at every position it reaches, where
    a class of characters fails at once (`(?![^\n]*{page_furniture})` is several times faster).
    The tree: where a flat alternation tries the 135 posts one by one at a position, the tree
    follows the text's characters and tries only the words that begin as the text does."""
    ordered = longest_first(found)
    if not ordered or not all(ordered) or any(w.upper() != w.casefold() for w in ordered):
        # An empty word matches anywhere: no guard. A cased letter could take a sibling branch
        # under a case-insensitive flag, where the flat alternation tries its words in another order.
        return "(?:" + "|".join(regex.escape(w) for w in ordered) + ")"
    firsts = sorted({w[0] for w in ordered})
    guard = "(?=[" + "".join(regex.escape(c) for c in firsts) + "])"
    tree = word_tree(ordered)  # one group where the words begin with different characters
    return guard + (tree if len(firsts) > 1 else f"(?:{tree})")


_Tree = dict[str, "_Tree"]  # a character to what may follow it; "" where a word ends


def word_tree(words: Sequence[str]) -> str:
    """Non-empty words as one pattern that tries, at any place, the same words in the same order as
    their alternation longest first: `党群服务中心|党群服务站|驿站点|驿站` becomes
    `(?:党群服务(?:中心|站)|驿站(?:点)?)`. The words that match at one place begin one another, so
    a tree that tries a longer branch before ending a word there (a greedy `?`) tries them longest
    first, as the alternation does, and backtracking into it gives the shorter ones in that order."""
    tree: _Tree = {}
    for word in words:
        node = tree
        for c in word:
            node = node.setdefault(c, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: _Tree) -> str:
    """What may follow a node of the tree: its branches, each a character and what follows it, and
    the end of a word where one ends here (tried last)."""
    branches = [regex.escape(c) + _branches(rest) for c, rest in sorted(node.items()) if c]
    if not branches:
        return ""
    ends_here = "" in node
    if len(branches) == 1 and not ends_here:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if ends_here else "")


ON_LINE = "_on_line"  # `{x_on_line}`: a word of the list x further on the line (word_on_line)


def word_on_line(found: set[str]) -> str:
    """A word list as a pattern for "one of its words, anywhere from here to the end of the line":
    `[^\n]*{x}` matching as soon as it can, written to be cheap. `(?![^\n]*{x})` tries the list at
    every place of the line, backing up one character at a time; this skips, in one step, every run
    of characters no word begins with, and tries the list only where one may, so a line-wide
    lookahead (`(?!{x_on_line})`) decides in a few steps."""
    ordered = longest_first(found)
    words = word_alternation(found)
    if not ordered or not all(ordered):
        return "[^\\n]*?" + words
    firsts = "".join(regex.escape(c) for c in sorted({w[0] for w in ordered}))
    return f"[^\\n{firsts}]*+(?:(?!{words})[{firsts}][^\\n{firsts}]*+)*+{words}"


def expand(pattern: str, fragments: dict[str, str], where: str) -> str:
    """Splice `{name}` fragments in, recursively; an unknown name is a RuleError."""
    for _ in range(_MAX_DEPTH):
        missing = [n for n in _REF.findall(pattern) if n not in fragments]
        if missing:
            raise RuleError(
                f"{where}: {{{missing[0]}}} is not defined.\n"
                "  Define it in rules/lexicon/fragments.toml or as rules/lexicon/<name>.txt, or correct the name."
            )
        new = _REF.sub(lambda m: f"(?:{fragments[m.group(1)]})", pattern)
        if new == pattern:
            return new
        pattern = new
    raise RuleError(f"{where}: fragments nest deeper than {_MAX_DEPTH} levels; is one referring to itself?")
