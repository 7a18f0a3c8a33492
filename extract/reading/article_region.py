"""The article within a page's visible lines: from the headline through the main run of prose.

Each line scores as prose or not (`_prose_score`); `article_span` picks the run of lines with the
best summed score in one pass, starting at the headline where there is one, stopping at a comments
heading and taking in the short sign-off lines (reporter, editor, source) that close an article.
"""

from __future__ import annotations

import re

from extract.reading.page_lines import Line, is_link_or_boilerplate

_SENTENCE_END = tuple('。！？!?…”"')
_PROSE_MIN_CHARS = 25
_SHORT_SENTENCE_MIN_CHARS = 8
_NON_PROSE_PENALTY = 12
_SHORT_LINE_PENALTY = 4
_MIN_BODY_CHARS = 80
_MAX_LINES_TITLE_TO_BODY = 15
_SIGN_OFF_LINES = 3
_SIGN_OFF_MAX_CHARS = 60
_SIGN_OFF = re.compile(r"编辑|记者|来源|校对|责编|审核|审校|通讯员|摄影|撰文|作者[:：]|原标题|[（(]完[)）]")
# Short lines (matched whole) that open what follows an article. Comments always come after it, so
# a comments heading ends the article; related or recommended links and sharing buttons may also
# sit inside it, so their headings only weigh heavily against going on.
_COUNT = r"\s*[(（]?\s*[\d,]*\s*(?:条|人)?\s*[)）]?\s*[:：>›»]*"
_COMMENTS_HEADING = re.compile(
    rf"(?:评论|跟[贴帖]|参与){_COUNT}"
    r"|(?:(?:网友|最新|热门|最热|全部|精彩)评论|我要评论|发表评论|写评论|查看(?:全部|更多).{0,6}评论|[\d,]+\s*条评论).*"
)
_SECTION_HEADING = re.compile(
    r"(?:相关(?:新闻|阅读|推荐|文章|链接|报道|专题|搜索)|推荐阅读|延伸阅读|热门推荐|精彩推荐|猜你喜欢|"
    rf"你可能(?:会)?喜欢|为你推荐|分享到|分享至){_COUNT}"
)
_SECTION_HEADING_MAX_CHARS = 20
_SECTION_HEADING_PENALTY = 300


def article_span(lines: list[Line], title_index: int) -> tuple[int, int]:
    """Return `(start, end)` such that `lines[start:end]` is the article.

    Each line scores its length if it reads as prose and a penalty if not (see `_prose_score`).
    With a known headline the article runs from the headline to the end that maximises the score
    summed from there; otherwise (or if that holds too little prose) it is the run of lines with
    the highest sum, widened back to the headline when that sits a few lines above. Both take one
    pass. All lines are kept when no run holds enough prose.
    """
    if title_index >= 0:
        end, total = _best_end(lines, title_index + 1)
        if total >= _MIN_BODY_CHARS:
            return title_index, _with_sign_off(lines, end)
    start, end, total = _best_run(lines)
    if total < _MIN_BODY_CHARS:
        return 0, len(lines)
    if 0 <= title_index < start and start - title_index <= _MAX_LINES_TITLE_TO_BODY:
        start = title_index
    return start, _with_sign_off(lines, end)


def _with_sign_off(lines: list[Line], end: int) -> int:
    """`end` moved past the few short plain lines that close an article (reporter, editor,
    source), stopping at the first line that is not one of those."""
    limit = min(len(lines), end + _SIGN_OFF_LINES)
    while end < limit:
        line = lines[end]
        if line.link_chars or line.boilerplate_chars or len(line.text) > _SIGN_OFF_MAX_CHARS:
            break
        if not _SIGN_OFF.search(line.text):
            break
        end += 1
    return end


def _best_end(lines: list[Line], start: int) -> tuple[int, int]:
    """The end index maximising the summed score of `lines[start:end]`, and that sum; the search
    stops at a comments heading once enough prose is in."""
    total = best = 0
    best_end = start
    for i in range(start, len(lines)):
        if best >= _MIN_BODY_CHARS and _is_comments_heading(lines[i]):
            break
        total += _prose_score(lines[i])
        if total > best:
            best, best_end = total, i + 1
    return best_end, best


def _best_run(lines: list[Line]) -> tuple[int, int, int]:
    """`(start, end, sum)` of the run of lines with the highest summed score (Kadane); no run
    goes past a comments heading."""
    best = best_start = best_end = 0
    total = run_start = 0
    for i, line in enumerate(lines):
        if _is_comments_heading(line):
            total, run_start = 0, i + 1
            continue
        if total <= 0:
            total, run_start = 0, i
        total += _prose_score(line)
        if total > best:
            best, best_start, best_end = total, run_start, i + 1
    return best_start, best_end, best


def _prose_score(line: Line) -> int:
    """How much a line looks like article prose: its length if it reads as running text; a small
    penalty for short plain lines (captions, subheadings, buttons), a bigger one for link and
    boilerplate lines, and a large one for headings that open a comment or related-links section."""
    size = len(line.text)
    if size <= _SECTION_HEADING_MAX_CHARS and (
        _SECTION_HEADING.fullmatch(line.text) or _COMMENTS_HEADING.fullmatch(line.text)
    ):
        return -_SECTION_HEADING_PENALTY
    if is_link_or_boilerplate(line):
        return -_NON_PROSE_PENALTY
    if size >= _PROSE_MIN_CHARS or (size >= _SHORT_SENTENCE_MIN_CHARS and line.text.endswith(_SENTENCE_END)):
        return size
    return -_SHORT_LINE_PENALTY


def _is_comments_heading(line: Line) -> bool:
    """True if the line is a short heading that opens a comment section."""
    return len(line.text) <= _SECTION_HEADING_MAX_CHARS and _COMMENTS_HEADING.fullmatch(line.text) is not None
