"""Importing this module loads everything a worker needs: rules, gazetteer, jieba, OpenCC.

The process pool's fork server imports it once; every worker forked from that server starts with
all of it in memory, shared until written, instead of loading it again.
"""

from __future__ import annotations

import os
import threading
import time

from extract.gazetteer import Gazetteer
from extract.normalise import _changes_under_nfkc, _t2s, _traditional_chars
from extract.registry import default_ruleset
from extract.segment import word_frequency

try:
    default_ruleset()
    Gazetteer.load()
    word_frequency("预热")  # loads jieba's dictionary with ours
    _t2s()
    _traditional_chars()
    _changes_under_nfkc()
except Exception:  # a broken rule file is the run's to report, with its file and line
    pass


def _exit_with_run(parent: int) -> None:
    """The fork server ends when the run that started it is gone (killed with SIGKILL, it cannot
    stop its server); its workers, whose parent it is, then end too (extract/parallel.py)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)


threading.Thread(target=_exit_with_run, args=(os.getppid(),), name="exit-with-run", daemon=True).start()
