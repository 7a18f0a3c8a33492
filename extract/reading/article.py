"""The article as read from disk: the boundary between reading and everything after."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One article. `raw` is the text every evidence span indexes (decoded, before normalisation).

    For HTML pages `raw` is the page text after tags are dropped: spans into markup would show
    nothing a reader could check. For a JSON object it is its text, after its headline's line and a
    blank line where the text does not print the headline itself (json_objects._headed);
    `title_span` is where `raw` prints the headline, where reading knows it.
    `line` is the line of a JSON Lines file the article came from (None for a whole file), so that
    a failure can name `file:line`.
    """

    doc_id: str
    source: str
    raw: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    title_span: tuple[int, int] | None = None
    line: int | None = None

    def printed_at(self, attr: str) -> tuple[int, int] | None:
        """The span of `raw` that prints the metadata value `attr` (an attribute of this class),
        where reading knows it; None where it must be looked for."""
        return self.title_span if attr == "title" else None

    @property
    def where(self) -> str:
        """The input as a failure names it: `source`, or `source:line` for a JSON Lines line."""
        return self.source if self.line is None else f"{self.source}:{self.line}"


class ReadError(Exception):
    """An input that cannot be turned into an article; the message says which file and what to do."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


@dataclass(frozen=True)
class ReadNote:
    """Something reading changed or decided that the user should know, though nothing failed: lone
    surrogates replaced (`kind` "surrogates", `count` of them), a declared charset disbelieved
    ("charset"). `path` is the file, or `file:line` for a line of a JSON Lines file."""

    path: str
    kind: str
    message: str
    count: int = 1


@dataclass(frozen=True)
class ReadResult:
    """What one file yields: the articles that could be read, and an error for each file or part
    (JSONL line, JSON list item) that could not. A file that fails as a whole has no articles and
    one error."""

    articles: list[Article] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)
    notes: list[ReadNote] = field(default_factory=list)


def failed(source: str, message: str) -> ReadResult:
    """A result with no articles and one error about the whole file."""
    return ReadResult(errors=[ReadError(source, message)])
