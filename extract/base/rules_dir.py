"""Where the rule files are: `rules/` at the top of a checkout (and of an editable install), or
`extract/rules/` inside an installed wheel, which carries them as package data; and the folders
`--rules` layers over them.

The layers live in the environment (EXTRACT_RULE_LAYERS, folders joined by the path separator), not
in a module variable, so that worker processes, forked or spawned, load the same rules as the
process that started them.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # the extract package
LAYERS_ENV = "EXTRACT_RULE_LAYERS"


def _find() -> Path:
    installed = _PACKAGE / "rules"
    return installed if installed.is_dir() else _PACKAGE.parent / "rules"


RULES_DIR = _find()


def rule_layers() -> tuple[Path, ...]:
    """The folders layered over RULES_DIR, in the order given (a later one wins)."""
    value = os.environ.get(LAYERS_ENV, "")
    return tuple(Path(p) for p in value.split(os.pathsep) if p)


def use_layers(folders: list[Path]) -> None:
    """Layer `folders` over RULES_DIR for this process and the workers it starts; [] for ours alone.

    Raises NotADirectoryError naming a folder that is not there."""
    for folder in folders:
        if not folder.is_dir():
            raise NotADirectoryError(f"{folder}: no such rule folder; give a folder of <field>.toml files.")
    os.environ[LAYERS_ENV] = os.pathsep.join(str(f.resolve()) for f in folders)
