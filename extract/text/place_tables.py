"""Read the division tables of ``rules/places`` (divisions.tsv, streets.tsv and the two word lists).

``Gazetteer.from_folder`` builds its indexes over what ``read_tables`` returns; the file formats are
described in extract.text.gazetteer and ``rules/places/README.md``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from extract.text.divisions import Division

__all__ = ["read_tables"]


def _rows(path: Path) -> Iterator[list[str]]:
    """Data rows of a generated TSV file (comment lines and the header row skipped)."""
    with path.open(encoding="utf-8") as fh:
        lines = (line for line in fh if not line.startswith("#"))
        next(lines, None)
        for line in lines:
            yield line.rstrip("\n").split("\t")


def _split(value: str) -> tuple[str, ...]:
    return tuple(v for v in value.split("|") if v) if value else ()


def _word_list(path: Path) -> set[str]:
    """Words of a one-per-line file; ``#`` starts a comment."""
    if not path.exists():
        return set()
    words = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {w for w in words if w}


def read_tables(folder: Path) -> tuple[list[Division], set[str], set[str]]:
    """The divisions (townships last), the short-form stoplist and the blockers in ``folder``,
    in the order ``Gazetteer`` takes them."""
    divisions: dict[str, Division] = {}
    # Positional arguments in field order: code, name, level, city, province, short, city_code,
    # province_code, county, county_code, former, abolished (a column older tables lack).
    for code, name, level, city_code, city, province, short, former, *rest in _rows(folder / "divisions.tsv"):
        pcode = code[:2] + "0000"
        abolished = int(rest[0]) if rest and rest[0] else None
        divisions[code] = Division(
            code, name, level, city or None, province, _split(short), city_code or None, pcode, None, None,
            _split(former), abolished,
        )  # fmt: skip
    streets: list[Division] = []
    streets_path = folder / "streets.tsv"
    if streets_path.exists():
        for code, name, county_code, short in _rows(streets_path):
            p = divisions[county_code]
            streets.append(
                Division(code, name, "street", p.city, p.province, _split(short), p.city_code,
                         p.province_code, p.name, p.code)
            )  # fmt: skip
    return (
        [*divisions.values(), *streets],
        _word_list(folder / "short_stoplist.txt"),
        _word_list(folder / "blockers.txt"),
    )
