"""Importing this module loads everything a worker needs: rules, gazetteer, the word layer, OpenCC.

The process pool's fork server imports it once; every worker forked from that server starts with
all of it in memory, shared until written, instead of loading it again.
"""

from __future__ import annotations

from extract.running import lifeline

# Before the loading, which takes seconds: a run killed meanwhile must not leave this server behind.
lifeline.exit_with(lifeline.run_pid(), 0)

from extract.resolve.registry import default_ruleset  # noqa: E402
from extract.running.task import load_tools  # noqa: E402

try:
    default_ruleset()
    load_tools()
except Exception:  # a broken rule file is the run's to report, with its file and line
    pass
