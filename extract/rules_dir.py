"""Where the rule files are: `rules/` at the top of a checkout (and of an editable install), or
`extract/rules/` inside an installed wheel, which carries them as package data."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find() -> Path:
    installed = _PACKAGE / "rules"
    return installed if installed.is_dir() else _PACKAGE.parent / "rules"


RULES_DIR = _find()
