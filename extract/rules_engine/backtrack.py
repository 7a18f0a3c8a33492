"""Catch patterns that backtrack catastrophically before any article meets them.

Each compiled rule pattern is run over hostile probes — long runs without punctuation, one character
repeated, its own examples glued together — with a short time limit. A pattern that runs past it on a
probe would run past the engine's limit on real text: the loader refuses it, naming file, line and
rule. Patterns that passed are remembered by a hash of their source in the user's cache, so a process
pays for the probes once per rule set, not once per start.
"""

from __future__ import annotations

import hashlib
import os
import re
import signal
import threading
import time
from collections.abc import Iterable
from contextlib import nullcontext
from functools import cache

import regex

from extract.base import budget
from extract.rules_engine.cache_folder import cache_path

# Seconds of CPU a probe may take. The slowest rule takes 0.03 s on its worst probe; a backtracking
# pattern takes seconds to hours. The margin keeps a machine busy with other work (which slows a
# process through shared caches, not through its CPU clock) from failing a sound pattern.
PROBE_TIMEOUT = 1.0
PROBE_LENGTH = 3000


def probes(examples: Iterable[str]) -> list[str]:
    """Texts that make a backtracking pattern show itself."""
    glued = "".join(examples)
    return [
        "党" * PROBE_LENGTH,
        ("区委副书记王建国" * PROBE_LENGTH)[:PROBE_LENGTH],
        ("“党建”、" * PROBE_LENGTH)[:PROBE_LENGTH],
        ("6月25日" * PROBE_LENGTH)[:PROBE_LENGTH],
        "a " * (PROBE_LENGTH // 2),
        # A few Han characters in a long run of others: a repeated lazy gap tries every split.
        "党" * 50 + "a" * PROBE_LENGTH,
        "a " * (PROBE_LENGTH // 2) + "党" * 59,
        # Bodies joined by 和 with no verb after them: where 和 may join two names or run on inside
        # one (和平社区), a list of them reads in exponentially many ways.
        ("甲县和乙丙县和" * PROBE_LENGTH)[:PROBE_LENGTH],
        # Bodies each after the word that opens a list (代表, for whom signers sign), joined by 、:
        # a lazy name that may hold the comma ends at every body's ending in turn.
        ("代表社区、" * PROBE_LENGTH)[:PROBE_LENGTH],
        (glued * (PROBE_LENGTH // max(1, len(glued)) + 1))[:PROBE_LENGTH].replace("\n", ""),
    ]


def slow_probe(pattern: re.Pattern[str] | regex.Pattern[str], examples: Iterable[str]) -> str | None:
    """The first probe the pattern cannot finish within PROBE_TIMEOUT (shortened for messages), or None.

    A `regex` pattern is stopped at the limit (`regex` counts the process's CPU time); an `re`
    pattern (an anchor) has no time limit to stop it, so its CPU time is measured instead."""
    for text in probes(examples):
        start = time.process_time()
        try:
            if isinstance(pattern, regex.Pattern):
                for _ in pattern.finditer(text, timeout=PROBE_TIMEOUT):
                    pass
            else:
                for _ in pattern.finditer(text):
                    pass
        except TimeoutError:
            return text[:24] + "…"
        if time.process_time() - start > PROBE_TIMEOUT:
            return text[:24] + "…"
    return None


def twin_finishes(pattern: re.Pattern[str], examples: Iterable[str]) -> bool:
    """Whether a rule pattern's twin in `re` (extract/rules_engine/twin.py) finishes every probe
    within PROBE_TIMEOUT. `re` has no time limit, so the budget's timer stops a probe instead; in a
    thread the timer cannot watch, no twin is tried (False)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        return False
    watch = nullcontext() if budget.watched() else budget.budget(budget.Limits(seconds=10**9), 0)
    try:
        with watch:
            for text in probes(examples):
                budget.start_step(PROBE_TIMEOUT)
                for _ in pattern.finditer(text):
                    pass
                budget.end_step()
    except budget.StepTimeout:
        return False
    return True


PROBED = "probed-patterns.txt"


def passed_before(name: str = PROBED) -> set[str]:
    """The keys the cache `name` holds: patterns that passed the probes (or, for other caches, what
    else passed its check)."""
    try:
        return set(cache_path(name).read_text(encoding="utf-8").split())
    except (OSError, UnicodeDecodeError):
        return set()


def remember(digests: Iterable[str], name: str = PROBED) -> None:
    """Record keys that passed; a cache that cannot be written only costs the check again."""
    path = cache_path(name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text("\n".join(sorted(passed_before(name) | set(digests))) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass


def digest(source: str) -> str:
    """The cache key of a pattern's source probed with today's probes: a new probe tries every
    pattern again."""
    key = source + "\0" + _probes_digest()
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:20]


@cache
def _probes_digest() -> str:
    """Today's probes, hashed once a process: every rule's key holds them, and building and
    hashing their 27,000 characters at each of the 331 keys of a start took 20 ms of it."""
    return hashlib.sha256("\0".join(probes(())).encode("utf-8")).hexdigest()
