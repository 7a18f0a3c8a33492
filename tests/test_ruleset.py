"""A broken rule file stops the loader with the file, the line, the rule and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.rules_engine.rule_examples import example_errors
from extract.rules_engine.ruleset import RuleError, load_ruleset

GOOD_RULE = """
[[rule]]
id = "venue.at"
pattern = '在(?P<value>\\p{Han}{2,8}?)举行'
examples = [{ text = "在大厦举行", value = "大厦" }]
counter = ["举行"]
"""
# Found by scripts/fuzz.py in three organisers rules: a short line of bodies joined by 和 ran past
# the time limit. The probes now hold such a line.
JOINED_RULE = """
[[rule]]
id = "venue.joined"
pattern = '(?P<value>\\p{Han}{1,12}?县(?:和\\p{Han}{1,12}?县)*)举行'
examples = [{ text = "甲县和乙县举行", value = "甲县和乙县" }]
counter = ["举行"]
"""
# Found by scripts/fuzz.py in signed_projects.parties_represented: bodies each after 代表, joined by
# 、, with a name that may hold the comma. The probes now hold such a line.
LISTED_RULE = """
[[rule]]
id = "venue.listed"
pattern = '代表(?P<value>[^,。]{2,20}?社区(?:[、和][^,。]{2,20}?社区)+)举行'
examples = [{ text = "代表甲社区、乙社区举行", value = "甲社区、乙社区" }]
counter = ["举行"]
"""
HEAD = '[field]\nname = "venue"\nkind = "scalar"\nresolver = "first"\n'


def load(tmp_path: Path, body: str, fragments: str = "") -> None:
    (tmp_path / "lexicon").mkdir(exist_ok=True)
    (tmp_path / "lexicon" / "fragments.toml").write_text(f"[fragments]\n{fragments}", encoding="utf-8")
    (tmp_path / "venue.toml").write_text(HEAD + body, encoding="utf-8")
    load_ruleset(tmp_path, finders={"dates"}, resolvers={"first"}, examples=example_errors)


def test_a_good_file_loads(tmp_path: Path) -> None:
    load(tmp_path, GOOD_RULE)


@pytest.mark.parametrize(
    ("body", "fragments", "message"),
    [
        ("[[rule]\nid = 1", "", "venue.toml: not valid TOML"),
        (
            GOOD_RULE.replace("{2,8}?)", "{2,8}?"),
            "",
            "venue.toml:8: rule venue.at: `pattern`: the pattern does not compile",
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
        (
            # 和 both joins two bodies and runs on inside one: a list of them splits every way.
            JOINED_RULE,
            "",
            "backtracks catastrophically",
        ),
        (LISTED_RULE, "", "backtracks catastrophically"),
    ],
    ids=[
        "toml",
        "pattern",
        "fragment",
        "duplicate",
        "counter",
        "id",
        "key",
        "empty",
        "backtracking",
        "joined",
        "listed",
    ],
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


# GOOD_RULE's lines in venue.toml: 6 [[rule]], 7 id, 8 pattern, 9 examples, 10 counter.
@pytest.mark.parametrize(
    ("body", "message"),
    [
        pytest.param(
            GOOD_RULE + 'priority = "high"\n',
            "venue.toml:11: rule venue.at: `priority`: must be a whole number, not a string 'high'.",
            id="priority",
        ),
        pytest.param(
            GOOD_RULE.replace('counter = ["举行"]', "counter = 5"),
            "venue.toml:10: rule venue.at: `counter`: must be a list of strings, not a whole number 5.",
            id="counter",
        ),
        pytest.param(
            GOOD_RULE.replace('counter = ["举行"]', "counter = [5]"),
            "venue.toml:10: rule venue.at: `counter`: item 0 must be a string, not a whole number 5.",
            id="counter item",
        ),
        pytest.param(
            GOOD_RULE + 'options = "x"\n',
            "venue.toml:11: rule venue.at: `options`: must be a table such as",
            id="options",
        ),
        pytest.param(
            GOOD_RULE + "scope = 1\n",
            "venue.toml:11: rule venue.at: `scope`: must be one of body",
            id="scope",
        ),
        pytest.param(
            GOOD_RULE.replace('value = "大厦"', "value = 1"),
            "venue.toml:9: rule venue.at: `examples`: item 0: `value` must be a string, not a whole number 1.",
            id="example value",
        ),
        pytest.param(
            GOOD_RULE.replace("(?P<value>\\p{Han}{2,8}?)", "(\\p{Han}{2,8}?)"),
            "venue.toml:8: rule venue.at: `pattern`: the pattern has no group the first resolver reads; "
            "name the value's group (?P<value>...).",
            id="no value group",
        ),
        pytest.param(
            GOOD_RULE.replace('value = "大厦"', 'value = "大楼"'),
            "venue.toml:9: rule venue.at: `examples`: item 0 ('在大厦举行') wants {'value': '大楼'}, but "
            "the rule captured [{'value': '大厦'}].",
            id="example",
        ),
        pytest.param(
            GOOD_RULE.replace('text = "在大厦举行"', 'text = "大厦落成"'),
            "venue.toml:9: rule venue.at: `examples`: item 0 ('大厦落成') wants {'value': '大厦'}, but the "
            "rule does not match it.",
            id="example without a match",
        ),
        pytest.param(
            GOOD_RULE.replace('counter = ["举行"]', 'counter = ["举行", "在礼堂举行"]'),
            "venue.toml:10: rule venue.at: `counter`: item 1 ('在礼堂举行') must not match, but the rule "
            "captured [{'value': '礼堂'}].",
            id="counter-example",
        ),
    ],
)
def test_wrong_values_are_refused_with_file_line_rule_and_key(
    tmp_path: Path, body: str, message: str
) -> None:
    with pytest.raises(RuleError) as err:
        load(tmp_path, body)
    assert message in str(err.value)


def test_wrong_field_values_are_refused_with_file_line_and_key(tmp_path: Path) -> None:
    with pytest.raises(
        RuleError, match=r"venue.toml:5: \[field\]: `order`: must be a whole number, not a string"
    ):
        load(tmp_path, 'order = "first"\n' + GOOD_RULE)


def test_a_rule_file_that_is_not_utf8_is_named_with_its_line(tmp_path: Path) -> None:
    load(tmp_path, GOOD_RULE)
    (tmp_path / "venue.toml").write_bytes((HEAD + GOOD_RULE).encode("utf-8") + "# 备注\n".encode("gbk"))
    with pytest.raises(RuleError, match=r"venue.toml:11: not valid UTF-8 \(byte 0xb1 at column 3\)"):
        load_ruleset(tmp_path, finders=set(), resolvers={"first"})


def test_a_rule_file_that_cannot_be_read_is_named(tmp_path: Path) -> None:
    load(tmp_path, GOOD_RULE)
    (tmp_path / "lexicon" / "post.txt").symlink_to(tmp_path / "gone.txt")
    with pytest.raises(
        RuleError, match=r"lexicon/post.txt: cannot read the file \(No such file or directory\)"
    ):
        load_ruleset(tmp_path, finders=set(), resolvers={"first"})


def test_a_broken_rule_file_exits_2_and_blames_the_rule_file_not_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from extract.cli import app
    from extract.resolve import registry

    with pytest.raises(RuleError):
        load(tmp_path, GOOD_RULE + 'priority = "high"\n')  # writes the files
    monkeypatch.setattr(registry, "RULES_DIR", tmp_path)
    registry._ruleset.cache_clear()
    try:
        (tmp_path / "a.txt").write_text("在大厦举行", encoding="utf-8")
        result = CliRunner().invoke(app, ["run", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out")])
    finally:
        registry._ruleset.cache_clear()
    assert result.exit_code == 2, result.output
    assert "venue.toml:11: rule venue.at: `priority`" in result.output
    assert "Traceback" not in result.output and "cannot write" not in result.output


def test_a_word_list_fragment_matches_what_its_bare_alternation_matches() -> None:
    import regex

    from extract.rules_engine.ruleset import word_alternation

    words = {"党群服务中心", "服务站", "驿站", "站"}
    guarded = regex.compile(f"(?![^\\n]*{word_alternation(words)})[^\\n]+|{word_alternation(words)}")
    bare_words = "(?:" + "|".join(sorted(words, key=lambda w: (-len(w), w))) + ")"
    bare = regex.compile(f"(?![^\\n]*{bare_words})[^\\n]+|{bare_words}")
    text = "某街道党群服务中心揭牌\n这里没有\n驿站和服务站都在站前"
    assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in bare.finditer(text)]
    assert word_alternation(set()) == "(?:)" and word_alternation({"", "a"}) == "(?:a|)"


def test_a_word_list_as_a_tree_tries_its_words_in_the_order_of_the_flat_alternation() -> None:
    import regex

    from extract.rules_engine.fragments import word_alternation

    words = {"驿站", "驿站点", "点", "服务站", "服务中心", "服务", "党群服务中心", "党群服务站"}
    tree = word_alternation(words)
    assert "驿站(?:点)?" in tree  # the words share their beginnings: a tree, not a flat list
    flat = "(?:" + "|".join(sorted(words, key=lambda w: (-len(w), w))) + ")"
    text = "某驿站点点亮,党群服务中心、服务站服务中心站,驿站点、驿站,服务点\n党群服务"
    shapes = [
        "(?P<a>{w})",
        "(?P<a>{w})(?P<b>{w})",  # backtracking into the first: 驿站点 then 点, or 驿站 then 点点
        "(?P<a>{w})(?=[、,])",  # a shorter word where the longest is not followed by a comma
        "(?P<a>{w})(?P<b>点点)",
        "(?P<a>{w})+?(?P<b>[^,]*?)$",
        "(?<![党群])(?P<a>{w}){{1,2}}(?!站)",
    ]
    for shape in shapes:
        fast = regex.compile(shape.format(w=tree), regex.MULTILINE)
        slow = regex.compile(shape.format(w=flat), regex.MULTILINE)
        found = [(m.span(), m.groupdict()) for m in fast.finditer(text)]
        assert found == [(m.span(), m.groupdict()) for m in slow.finditer(text)], shape
        assert found, shape
    pairs = regex.compile(f"(?P<a>{tree})(?P<b>{tree})").search("驿站点点")
    assert pairs is not None and pairs["a"] == "驿站点" and pairs["b"] == "点"


def test_every_word_list_as_a_tree_matches_as_its_flat_alternation() -> None:
    import random
    import re

    from extract.base.rules_dir import RULES_DIR
    from extract.rules_engine.fragments import word_alternation
    from extract.text.lexicon import longest_first, words_of

    for path in sorted((RULES_DIR / "lexicon").glob("*.txt")):
        words = set(words_of(path.read_text(encoding="utf-8")))
        ordered = longest_first(words)
        # The words, their beginnings and their neighbours run together: every place is tried.
        pieces = [w[:k] for w in ordered for k in range(1, len(w) + 1)]
        random.Random(path.stem).shuffle(pieces)
        text = "".join(p + ("、" if i % 3 == 0 else "") for i, p in enumerate(pieces))
        flat = "(?:" + "|".join(re.escape(w) for w in ordered) + ")"
        for shape in ("(?P<a>{w})", "(?P<a>{w})(?P<b>{w})", "(?P<a>{w})(?=、)"):
            tree_matches = re.compile(shape.format(w=word_alternation(words))).finditer(text)
            flat_matches = re.compile(shape.format(w=flat)).finditer(text)
            assert [m.regs for m in tree_matches] == [m.regs for m in flat_matches], (path.name, shape)


def test_a_word_on_the_line_is_found_as_the_line_wide_lookahead_finds_it() -> None:
    import regex

    from extract.rules_engine.fragments import word_alternation, word_on_line

    words = {"首页", "首页导航", "来源:", "字号", "]x"}
    slow = regex.compile(f"^(?![^\\n]*{word_alternation(words)})[^\\n]*", regex.MULTILINE)
    fast = regex.compile(f"^(?!{word_on_line(words)})[^\\n]*", regex.MULTILINE)
    text = "某区召开党建会议\n首页 > 新闻\n某社区来源不明\n字体 字号\n来\n首\n]x 在末尾\n[]\n来源:某网"
    kept = [m.group() for m in fast.finditer(text)]
    assert kept == [m.group() for m in slow.finditer(text)]
    assert "某区召开党建会议" in kept and "首页 > 新闻" not in kept and "]x 在末尾" not in kept
    assert word_on_line({"", "a"}).startswith("[^\\n]*?")


def test_a_word_list_has_its_line_form_and_a_fragment_may_not_shadow_it(tmp_path: Path) -> None:
    from extract.rules_engine.fragments import load_fragments

    (tmp_path / "lexicon").mkdir()
    (tmp_path / "lexicon" / "marks.txt").write_text("首页\n字号\n", encoding="utf-8")
    assert "marks_on_line" in load_fragments(tmp_path)
    (tmp_path / "lexicon" / "fragments.toml").write_text(
        "[fragments]\nmarks_on_line = 'x'\n", encoding="utf-8"
    )
    with pytest.raises(RuleError, match="marks_on_line"):
        load_fragments(tmp_path)


SHARED = """
[option_sets.held]
role = "stop"
binds_below = 5
"""


def _rule_options(tmp_path: Path, body: str) -> dict[str, object]:
    load(tmp_path, body)
    rules = load_ruleset(tmp_path, finders={"dates"}, resolvers={"first"}).rules["venue"]
    return dict(rules[0].options)


def test_a_rule_takes_its_option_set_and_its_own_options_win(tmp_path: Path) -> None:
    named = GOOD_RULE.replace("pattern =", 'option_set = "held"\noptions = { binds_below = 9 }\npattern =')
    assert _rule_options(tmp_path, SHARED + named) == {"role": "stop", "binds_below": 9}
    assert _rule_options(tmp_path, SHARED + GOOD_RULE) == {}  # a set counts only where a rule names it


def test_a_rule_naming_a_set_the_file_lacks_is_refused_with_its_line(tmp_path: Path) -> None:
    named = GOOD_RULE.replace("pattern =", 'option_set = "hled"\npattern =')
    with pytest.raises(RuleError) as err:
        load(tmp_path, SHARED + named)
    message = str(err.value)
    assert "venue.toml:12: rule venue.at: `option_set`: the file has no table [option_sets.hled]" in message
    assert "(it has: held)" in message
