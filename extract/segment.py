"""jieba, loaded once per process with our dictionaries, for rules that need word boundaries.

Only short windows are segmented (a candidate name and what follows it), never whole pages: the
rules find candidates, the segmenter settles where a name ends.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from extract.lexicon import words
from extract.timing import stage

USER_LISTS = ("post",)  # words jieba must keep whole, so that a name never swallows a post


@cache
def _tokenizer() -> Any:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    for name in USER_LISTS:
        for word in words(name):
            tok.add_word(word, freq=20000)
    return tok


def boundaries(text: str) -> set[int]:
    """Offsets in `text` where jieba puts a word boundary (0 and len(text) included)."""
    cuts = {0}
    pos = 0
    with stage("segment"):
        for word in _tokenizer().lcut(text, HMM=True):
            pos += len(word)
            cuts.add(pos)
    return cuts


def word_frequency(word: str) -> int:
    """jieba's dictionary frequency of `word` (0 when it is not a word of the dictionary)."""
    tok = _tokenizer()
    tok.check_initialized()
    return int(tok.FREQ.get(word) or 0)
