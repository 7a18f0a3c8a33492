"""JSON text that any JSON reader takes, and the hash of a text: what records, lines and the
manifest are written with."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

import pydantic_core

_SURROGATE = re.compile("[\ud800-\udfff]")


def dumps(data: Any, *, indent: int | None = None) -> str:
    """JSON text that any JSON reader takes: a lone surrogate (from a `\\ud800` escape in the input,
    or an undecodable byte in a file name) becomes U+FFFD, one character for one, so spans still
    index the text as read.

    Indented text comes from pydantic-core, whose encoder gives the same text as the standard
    library's (whose C encoder only runs without indent) ten times faster; text it cannot encode
    (lone surrogates) takes the standard library's path."""
    if indent is not None:
        try:
            return pydantic_core.to_json(data, indent=indent).decode("utf-8")
        except pydantic_core.PydanticSerializationError:
            pass
    return _SURROGATE.sub("\ufffd", json.dumps(data, ensure_ascii=False, indent=indent))


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
