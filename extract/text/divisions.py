"""The values of the gazetteer: a division, a place mention in a text, and a county's resolution.

extract.text.gazetteer builds and returns them, and re-exports every one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["CountyResolution", "Division", "Evidence", "PlaceMention"]


class Division(NamedTuple):
    """One administrative division (a named tuple: the gazetteer makes some 42,000 of them at every
    start, in a fifth of the time frozen dataclasses take).

    ``level`` is province, city (prefecture level), county (county level) or street (township).
    ``city`` is the prefecture-level city; for counties of 北京/天津/上海/重庆 the municipality
    (上海市), for province-direct county-level units (仙桃市, 济源市, 石河子市) the unit itself, for a
    city itself, and None for provinces other than the four municipalities. Codes are 6 digits (9 for streets).
    ``county``/``county_code`` are set for streets only: the parent county, or the prefecture for
    townships of cities without counties (东莞市). ``abolished`` is the year a county was merged
    into another; news from before then names it, so it stays.
    """

    code: str
    name: str
    level: str
    city: str | None
    province: str
    short: tuple[str, ...] = ()
    city_code: str | None = None
    province_code: str = ""
    county: str | None = None
    county_code: str | None = None
    former: tuple[str, ...] = ()
    abolished: int | None = None  # the year a county was merged into another (闸北区: 2015)

    @property
    def forms(self) -> tuple[str, ...]:
        """Full name, short forms and former names."""
        return (self.name, *self.short, *self.former)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name found in a text: ``text == source[start:end]``.

    ``candidates`` are all divisions that have ``text`` as full, short or former name, ordered
    province, city, county, street and by code within a level.
    """

    start: int
    end: int
    text: str
    candidates: tuple[Division, ...]

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why ``resolve_county`` favours the candidate county with code ``supports``.

    ``kind``: adjacent (a city/province written right before the county name: 舟山市普陀区),
    street (a township of that county, full name), city, province, neighbour (another county or a
    township of the same city), street_short (a township of that county by short form: 长寿路).
    ``text``/``start``/``end`` locate the mention in the context.
    """

    kind: str
    text: str
    start: int
    end: int
    supports: str


@dataclass(frozen=True, slots=True)
class CountyResolution:
    """Result of ``Gazetteer.resolve_county``.

    ``division`` is the county the context decides for, or None when there is no candidate or the
    evidence does not single one out. ``candidates`` are the counties still possible (all of them
    when nothing narrowed them down); ``evidence`` lists the mentions that were used.
    """

    name: str
    division: Division | None
    candidates: tuple[Division, ...]
    evidence: tuple[Evidence, ...]

    @property
    def city(self) -> str | None:
        """The decided county's city (上海市, 舟山市), or None when undecided."""
        return self.division.city if self.division else None
