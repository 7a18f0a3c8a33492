"""What `extract run` shows while it works: on a terminal a bar over the input files with articles
per second and the time left, and each failure above it; elsewhere nothing until the summary."""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.progress import Progress, Task, TaskID
    from rich.text import Text

    from extract.runner import RunSummary
    from extract.task import Failure


def _rate_column() -> object:
    from rich.progress import ProgressColumn
    from rich.text import Text

    class ArticleRate(ProgressColumn):
        """Articles read so far, and per second."""

        def render(self, task: Task) -> Text:
            articles = int(task.fields.get("articles", 0))
            elapsed = task.elapsed or 0.0
            rate = f"{articles / elapsed:,.1f}/s" if elapsed > 0 else "?/s"
            return Text(f"{articles:,} articles, {rate}", style="progress.data.speed")

    return ArticleRate()


class RunProgress:
    """A context manager whose `update` is the runner's `on_file` callback."""

    def __init__(self) -> None:
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> RunProgress:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._progress = Progress(
            TextColumn("files"),
            BarColumn(),
            MofNCompleteColumn(),
            _rate_column(),  # type: ignore[arg-type]
            TextColumn("ETA"),
            TimeRemainingColumn(),
            transient=True,
        )
        self._progress.__enter__()
        self._task = self._progress.add_task("extract", total=None, articles=0)
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
            self._task, total=summary.files, completed=summary.files_done, articles=summary.read
        )
