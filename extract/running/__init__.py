"""Running: one text through every stage (pipeline), one file as a task with its budget (task), many
files by the runner over a pool or Dask (runner, parallel, preload, lifeline), its inputs and OUT
checked (inputs), its counts (summary), the manifest of what a run did (manifest), its lock (lock)
and progress bar (progress).

May import every stage before it: extract.base, text, reading, rules_engine, resolve and output.
"""
