"""What `extract run` shows while it works: on a terminal a bar over the input files with articles
per second and the time left, and each failure above it; elsewhere nothing until the summary.
Until the first file is done (listing the inputs, loading rules, places and the word layer,
about two seconds) the line says so rather than showing an empty count."""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, Task, TaskID
    from rich.text import Text

    from extract.running.runner import RunSummary
    from extract.running.task import Failure


STARTING = "starting: listing files, loading rules and dictionaries…"


def _count_columns() -> list[object]:
    from rich.progress import ProgressColumn
    from rich.text import Text

    class FileCount(ProgressColumn):
        """Files done of all, once they are counted."""

        def render(self, task: Task) -> Text:
            if task.total is None:
                return Text("")
            return Text(f"{int(task.completed):,}/{int(task.total):,}", style="progress.download")

    class ArticleRate(ProgressColumn):
        """Articles read so far, and per second."""

        def render(self, task: Task) -> Text:
            if task.total is None:
                return Text("")
            articles = int(task.fields.get("articles", 0))
            elapsed = task.elapsed or 0.0
            rate = f"{articles / elapsed:,.1f}/s" if elapsed > 0 else "?/s"
            return Text(f"{articles:,} articles, {rate}", style="progress.data.speed")

    class TimeLeft(ProgressColumn):
        """ETA and the time left, once there is something to go by."""

        def render(self, task: Task) -> Text:
            if task.total is None:
                return Text("")
            left = task.time_remaining
            if left is None:
                return Text("ETA -:--:--", style="progress.remaining")
            minutes, seconds = divmod(int(left), 60)
            hours, minutes = divmod(minutes, 60)
            return Text(f"ETA {hours}:{minutes:02d}:{seconds:02d}", style="progress.remaining")

    return [FileCount(), ArticleRate(), TimeLeft()]


class RunProgress:
    """A context manager whose `update` is the runner's `on_file` callback."""

    def __init__(self, console: Console | None = None) -> None:
        self._console = console
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> RunProgress:
        from rich.progress import BarColumn, Progress, TextColumn

        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            *_count_columns(),  # type: ignore[arg-type]
            transient=True,
            console=self._console,
        )
        self._progress.__enter__()
        self._task = self._progress.add_task(STARTING, total=None, articles=0)
        return self

    def __exit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._progress is not None:
            self._progress.__exit__(et, e, tb)

    def update(self, summary: RunSummary, failures: list[Failure]) -> None:
        assert self._progress is not None and self._task is not None
        for failure in failures:
            self._progress.console.print(
                f"failed: {failure.path} ({failure.stage}): {failure.message}",
                markup=False,
                highlight=False,
                style="yellow",
            )
        self._progress.update(
            self._task,
            description="files",
            total=summary.files,
            completed=summary.files_done,
            articles=summary.read,
        )

    def text(self) -> str:
        """The progress line as plain text, as it shows now."""
        import io

        from rich.console import Console

        assert self._progress is not None
        console = Console(record=True, width=120, file=io.StringIO())
        console.print(self._progress.make_tasks_table(self._progress.tasks))
        return console.export_text().rstrip()
