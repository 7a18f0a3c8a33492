"""Marks over an article's raw text, turned into HTML: each mark a <span> with its kind's class and
data attributes, overlaps nested, every piece of text escaped (what extract/review/report.py shows)."""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Mark:
    """A stretch of raw text to wrap in a `<span>` with these classes and attributes."""

    start: int
    end: int
    classes: tuple[str, ...]
    attrs: tuple[tuple[str, str], ...] = ()

    def open_tag(self, part: int) -> str:
        attrs = "".join(f' {k}="{html.escape(v)}"' for k, v in self.attrs)
        extra = f' data-part="{part}"' if part else ""
        return f'<span class="{" ".join(self.classes)}"{attrs}{extra}>'


def marked_html(raw: str, marks: Iterable[Mark]) -> str:
    """The escaped text with each mark as a span. Marks that nest become nested spans; a mark that
    crosses another is closed and reopened around it (the later pieces carry `data-part`)."""
    marks = [m for m in marks if 0 <= m.start < m.end <= len(raw)]
    cuts = sorted({0, len(raw), *(m.start for m in marks), *(m.end for m in marks)})
    starting: dict[int, list[Mark]] = {}
    for m in sorted(marks, key=lambda m: (m.start, -m.end)):
        starting.setdefault(m.start, []).append(m)
    out: list[str] = []
    stack: list[Mark] = []
    parts: dict[int, int] = {}
    for pos, nxt in zip(cuts, cuts[1:], strict=False):
        ending = [m for m in stack if m.end == pos]
        if ending:
            # Close down to the deepest ending mark, then reopen the ones that go on.
            depth = min(stack.index(m) for m in ending)
            reopen = [m for m in stack[depth:] if m.end != pos]
            out.append("</span>" * (len(stack) - depth))
            del stack[depth:]
            for m in reopen:
                parts[id(m)] = parts.get(id(m), 0) + 1
                out.append(m.open_tag(parts[id(m)]))
                stack.append(m)
        for m in starting.get(pos, []):
            out.append(m.open_tag(0))
            stack.append(m)
        out.append(html.escape(raw[pos:nxt]))
    out.append("</span>" * len(stack))
    return "".join(out)


def css_kind(kind: str) -> str:
    """The CSS class of a kind of value: `attendees.name` -> `k-attendees-name`."""
    return "k-" + kind.replace(".", "-").replace("_", "-")
