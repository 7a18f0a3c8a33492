"""A broken rule file stops the loader with the file, the line, the rule and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.ruleset import RuleError, load_ruleset

GOOD_RULE = """
[[rule]]
id = "venue.at"
pattern = '在(?P<value>\\p{Han}{2,8}?)举行'
examples = [{ text = "在大厦举行", value = "大厦" }]
counter = ["举行"]
"""
HEAD = '[field]\nname = "venue"\nkind = "scalar"\nresolver = "first"\n'


def load(tmp_path: Path, body: str, fragments: str = "") -> None:
    (tmp_path / "lexicon").mkdir(exist_ok=True)
    (tmp_path / "lexicon" / "fragments.toml").write_text(f"[fragments]\n{fragments}", encoding="utf-8")
    (tmp_path / "venue.toml").write_text(HEAD + body, encoding="utf-8")
    load_ruleset(tmp_path, finders={"dates"}, resolvers={"first"})


def test_a_good_file_loads(tmp_path: Path) -> None:
    load(tmp_path, GOOD_RULE)


@pytest.mark.parametrize(
    ("body", "fragments", "message"),
    [
        ("[[rule]\nid = 1", "", "venue.toml: not valid TOML"),
        (
            GOOD_RULE.replace("{2,8}?)", "{2,8}?"),
            "",
            "venue.toml:6: rule venue.at: the pattern does not compile",
        ),
        (GOOD_RULE.replace("\\p{Han}", "{place}"), "", "venue.toml:6: rule venue.at: {place} is not defined"),
        (GOOD_RULE + GOOD_RULE, "", "rule id venue.at is already used at"),
        (
            GOOD_RULE.replace('counter = ["举行"]', ""),
            "",
            "needs at least one example and one counter-example",
        ),
        (GOOD_RULE.replace('id = "venue.at"', 'id = "place.at"'), "", "an `id` of the form `venue.how`"),
        (GOOD_RULE.replace("pattern =", 'finder = "nowhere"\nxpattern ='), "", "unknown key(s) ['xpattern']"),
        (
            GOOD_RULE.replace("在(?P<value>\\p{Han}{2,8}?)举行", "(?P<value>\\p{Han}*)"),
            "",
            "matches the empty string",
        ),
        (
            GOOD_RULE.replace("在(?P<value>\\p{Han}{2,8}?)举行", "(?P<value>(?:[^\\n]*?\\p{Han}){60})"),
            "",
            "backtracks catastrophically",
        ),
    ],
    ids=["toml", "pattern", "fragment", "duplicate", "counter", "id", "key", "empty", "backtracking"],
)
def test_broken_files_are_refused_with_file_line_and_rule(
    tmp_path: Path, body: str, fragments: str, message: str
) -> None:
    with pytest.raises(RuleError) as err:
        load(tmp_path, body, fragments)
    assert message in str(err.value)


def test_unknown_resolver_is_named(tmp_path: Path) -> None:
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "venue.toml").write_text(HEAD.replace('"first"', '"firstt"') + GOOD_RULE, encoding="utf-8")
    with pytest.raises(RuleError, match=r"unknown resolver 'firstt'; known: \['first'\]"):
        load_ruleset(tmp_path, finders=set(), resolvers={"first"})
