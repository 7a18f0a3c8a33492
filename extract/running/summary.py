"""A run's counts and notes (RunSummary), kept as it goes and told at its end."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from extract.reading.article import ReadNote
from extract.running.inputs import suffixes

__all__ = ["RunSummary", "count_renames"]


@dataclass
class RunSummary:
    """Counts of a run, updated as it goes. `read` counts articles read (records written or kept,
    and articles that failed extraction); `failed` counts files, lines and articles that gave no
    record; `skipped` counts records kept from an earlier run because nothing they depend on changed;
    `passed_over` lists the files found in folders but not read for their extension."""

    files: int = 0
    files_done: int = 0
    read: int = 0
    written: int = 0
    skipped: int = 0
    failed: int = 0
    renamed: int = 0
    shared_stems: int = 0
    renames: list[str] = field(default_factory=list)  # a few "source -> doc_id", for the summary
    passed_over: list[str] = field(default_factory=list)
    changes: str | None = None  # what the run did to records of earlier runs (Writer.changes_note)
    notes: dict[str, _Tally] = field(default_factory=dict)  # what reading changed or decided, by kind

    def line(self) -> str:
        """The counts, on one line."""
        parts = [f"{self.read} articles read", f"{self.written} records written"]
        if self.skipped:
            parts.append(f"{self.skipped} unchanged (kept)")
        parts.append(f"{self.failed} failed")
        if self.passed_over:
            parts.append(f"{len(self.passed_over)} files skipped (not {suffixes()})")
        return ", ".join(parts)

    def note(self, note: ReadNote) -> None:
        """Count a note reading made, keeping a few for the summary."""
        tally = self.notes.setdefault(note.kind, _Tally())
        tally.count += note.count
        tally.places += 1
        if len(tally.examples) < _EXAMPLES:
            tally.examples.append(note)

    def notes_lines(self) -> list[str]:
        """What a reader of OUT should know besides the counts, a line each."""
        lines = [line for line in (self.renames_note(), self.changes) if line]
        if not self.files and not self.failed:  # an empty folder, a wrong path: say so, not just 0
            lines.insert(0, f"no {suffixes()} file was found in the inputs; check the paths given.")
        for kind, (what, listed) in _NOTES.items():
            tally = self.notes.get(kind)
            if tally:
                more = tally.places > len(tally.examples)
                lines.append(f"{what(tally)}: {listed(tally.examples, more)}")
        return lines

    def renames_note(self) -> str | None:
        """What a reader of OUT needs to know about doc ids that are not the input's own name."""
        if not self.renamed:
            return None
        shared = f"; {self.shared_stems} input files share a name with another" if self.shared_stems else ""
        return (
            f"{self.renamed} doc ids were changed to stay unique and safe as file names{shared} "
            f"(each record's `source` names its input), e.g. {'; '.join(self.renames)}"
        )


@dataclass
class _Tally:
    count: int = 0
    places: int = 0
    examples: list[ReadNote] = field(default_factory=list)


_EXAMPLES = 3


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def count_renames(summary: RunSummary, source: str, pairs: list[tuple[str, str]]) -> None:
    """Count the (proposed, final) doc ids of `source` that differ, keeping a few for the summary."""
    for proposed, final in pairs:
        if proposed != final:
            summary.renamed += 1
            if len(summary.renames) < 3:
                summary.renames.append(f"{source} -> {final}")


def _paths(examples: list[ReadNote], more: bool) -> str:
    return "; ".join([n.path for n in examples] + (["..."] if more else []))


def _paths_and_messages(examples: list[ReadNote], more: bool) -> str:
    return " ".join([f"{n.path} {n.message}" for n in examples] + (["..."] if more else []))


# What reading changed or decided, by the kind of its notes: what it did, said of the tally, and its
# examples listed.
_NOTES: dict[str, tuple[Callable[[_Tally], str], Callable[[list[ReadNote], bool], str]]] = {
    "surrogates": (
        lambda t: (
            f"{_count(t.count, 'lone surrogate')} (\\ud800-style escapes with no pair) "
            f"replaced by U+FFFD, one for one, in {_count(t.places, 'article')}"
        ),
        _paths,
    ),
    "nul": (
        lambda t: f"{_count(t.count, 'NUL byte')} read as spaces in {_count(t.places, 'text file')}",
        _paths,
    ),
    "damaged": (
        lambda t: (
            f"{_count(t.count, 'byte sequence')} not UTF-8 in otherwise UTF-8 text replaced by "
            f"U+FFFD, in {_count(t.places, 'file')} (cut short or damaged?)"
        ),
        _paths,
    ),
    "mixed": (
        lambda t: (
            f"{_count(t.places, 'file')} mixing lines in UTF-8 with lines in another encoding, "
            "read line by line"
        ),
        _paths,
    ),
    "charset": (
        lambda t: f"{_count(t.places, 'file')} read by the bytes rather than the charset declared",
        _paths_and_messages,
    ),
}
