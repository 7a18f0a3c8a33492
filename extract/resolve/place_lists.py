"""Places named as items of a list: the places that take part (each speaks, each is linked up, each
sends its people), none of them the event's own. extract/resolve/places.py leaves such a mention out
where it stands in passing (not in the headline, nor in the event's sentence)."""

from __future__ import annotations

import re

from extract.text.gazetteer import PlaceMention

# Between two townships of a list (`某街道、某街道某社区`): a community or a centre at most, then 、.
_LIST_GAP = re.compile(r"[^,,。;;!?、\n]{0,12}、")
_LIST_LEAST = 3  # two townships may be the hosts of a joint event (`甲街道、乙街道联合举办`)
# Between two counties of a list: what each sends or stands for (`甲县某行业代表、乙区…`), then 、.
_COUNTY_GAP = re.compile(r"[^,,。;;!?、\n]{0,16}、")
# A clause of the text (a list does not run across these).
_CLAUSE_END = ",,。;;!?::\n"
# A list closed by 等 (`甲镇、某工会、某党委等`): 等 ends its last item (not the verb 等待, not 等级).
_CLOSED_BY_DENG = re.compile(r"等(?![待候级同于])")
_ITEM_LONGEST = 16
_BLANKS = " \t\u3000"


def _chained(mentions: list[PlaceMention], text: str, gap: re.Pattern[str], least: int) -> set[int]:
    """Starts of the mentions that stand in a chain of at least `least`, each joined to the next by `gap`."""
    listed: set[int] = set()
    chain = mentions[:1]
    for a, b in zip(mentions, [*mentions[1:], None], strict=False):
        if b is not None and gap.fullmatch(text, a.end, b.start):
            chain.append(b)
            continue
        if len(chain) >= least:
            listed.update(m.start for m in chain)
        chain = [b] if b is not None else []
    return listed


def listed_townships(mentions: list[PlaceMention], text: str) -> set[int]:
    """Starts of the townships named in a list of three or more (`甲街道、乙街道某社区、丙镇`), or
    as an item of a list of three or more bodies closed by 等 (`甲镇、某工会、某党委等负责人参加`)."""
    towns = [m for m in mentions if any(d.level == "street" for d in m.candidates)]
    listed = _chained(towns, text, _LIST_GAP, _LIST_LEAST)
    return listed | {m.start for m in towns if _item_of_closed_list(m, text)}


def listed_counties(mentions: list[PlaceMention], text: str) -> set[int]:
    """Starts of the counties named in a list of two or more (`甲县某行业代表、乙区某行业代表`): the
    counties that send their people, none of them the host where the list stands in passing."""
    counties = [m for m in mentions if any(d.level == "county" for d in m.candidates)]
    return _chained(counties, text, _COUNTY_GAP, 2)


def _item_of_closed_list(m: PlaceMention, text: str) -> bool:
    """Whether the mention opens an item of a list of three or more items closed by 等, within its clause."""
    left = max(text.rfind(c, 0, m.start) for c in _CLAUSE_END) + 1
    while left < m.start and text[left] in _BLANKS:
        left += 1
    rights = [i for i in (text.find(c, m.end) for c in _CLAUSE_END) if i >= 0]
    clause = text[left : min(rights) if rights else len(text)]
    at = m.start - left
    if at > 0 and clause[at - 1] != "、":
        return False
    items = clause.split("、")
    closing = _CLOSED_BY_DENG.search(items[-1])
    if len(items) < _LIST_LEAST or closing is None or len(items[-1][: closing.start()]) > _ITEM_LONGEST:
        return False
    return all(0 < len(item) <= _ITEM_LONGEST for item in items[:-1])
