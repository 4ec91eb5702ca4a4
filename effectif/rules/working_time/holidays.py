"""Public holidays of a place of work, and the journée de solidarité.

Dates and French names come from the `holidays` package: metropolitan France, Moselle (57),
Alsace (67, 68: subdivision « 6AE ») with Good Friday and 26 December (C. trav. L3134-13), and
the overseas departments with their own days (abolition of slavery…). Each date is tagged with
the stable key of `parameters.public_holidays`, found from its rule (a fixed day, or a number
of days from Easter), so that an employer's choice of solidarity day survives a renaming in the
package.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from dateutil.easter import easter
from holidays.countries.france import France

from effectif.rules.parameters.public_holidays import (
    ALSACE_MOSELLE_HOLIDAYS,
    NATIONAL_HOLIDAYS,
    SOLIDARITY_DAY_EXCLUDED,
)

#: Holidays on a fixed day of the year.
FIXED = {
    "jour_de_l_an": (1, 1),
    "fete_du_travail": (5, 1),
    "victoire_1945": (5, 8),
    "fete_nationale": (7, 14),
    "assomption": (8, 15),
    "toussaint": (11, 1),
    "armistice": (11, 11),
    "noel": (12, 25),
    "saint_etienne": (12, 26),
}
#: Holidays a number of days after Easter Sunday.
FROM_EASTER = {
    "vendredi_saint": -2,
    "lundi_de_paques": 1,
    "ascension": 39,
    "lundi_de_pentecote": 50,
}
#: A holiday of an overseas department that has no key of its own.
LOCAL = "local"

ALSACE_MOSELLE_DEPARTMENTS = frozenset({"57", "67", "68"})
_SUBDIVISIONS = {"57": "57", "67": "6AE", "68": "6AE"}


@dataclass(frozen=True, slots=True)
class PublicHoliday:
    day: date
    key: str  # the first of the day's keys when two holidays fall together
    name: str  # in French, from the `holidays` package


def subdivision_of(department: str | None) -> str | None:
    """The `holidays` subdivision of a French département (None: the national list)."""
    if not department:
        return None
    if department in _SUBDIVISIONS:
        return _SUBDIVISIONS[department]
    return department if department in France.subdivisions else None


def is_alsace_moselle(department: str | None) -> bool:
    return department in ALSACE_MOSELLE_DEPARTMENTS


def holiday_date(year: int, key: str) -> date:
    """The date of a keyed holiday in a year."""
    if key in FIXED:
        month, day = FIXED[key]
        return date(year, month, day)
    if key in FROM_EASTER:
        sunday: date = easter(year)
        return sunday + timedelta(days=FROM_EASTER[key])
    raise KeyError(key)


def _key_of(day: date) -> str:
    for key in (*FIXED, *FROM_EASTER):
        if holiday_date(day.year, key) == day:
            return key
    return LOCAL


@lru_cache(maxsize=4096)
def _year_holidays(year: int, subdivision: str | None) -> tuple[PublicHoliday, ...]:
    calendar = France(years=year, subdiv=subdivision, language="fr")  # type: ignore[no-untyped-call]
    return tuple(
        PublicHoliday(day, _key_of(day), str(name)) for day, name in sorted(calendar.items())
    )


def public_holidays(year: int, department: str | None = None) -> tuple[PublicHoliday, ...]:
    """The public holidays of a year in a département (metropolitan list when unknown)."""
    return _year_holidays(year, subdivision_of(department))


def holidays_between(
    start: date, end: date, department: str | None = None
) -> dict[date, PublicHoliday]:
    """The public holidays from `start` to `end` inclusive, by date."""
    return {
        holiday.day: holiday
        for year in range(start.year, end.year + 1)
        for holiday in public_holidays(year, department)
        if start <= holiday.day <= end
    }


def legal_holiday_keys(on: date, department: str | None = None) -> tuple[str, ...]:
    """The keys of the holidays the Code du travail lists for a place (L3133-1, L3134-13)."""
    keys = NATIONAL_HOLIDAYS.at(on)
    if is_alsace_moselle(department):
        keys = keys + ALSACE_MOSELLE_HOLIDAYS.at(on)
    return keys


def _barred(on: date, department: str | None) -> tuple[str, ...]:
    excluded = SOLIDARITY_DAY_EXCLUDED.at(on)
    return excluded["alsace_moselle" if is_alsace_moselle(department) else "national"]


def solidarity_day_choices(on: date, department: str | None = None) -> tuple[str, ...]:
    """The holidays that may be worked as the journée de solidarité: any legal holiday but
    1 May, and in Alsace-Moselle neither Christmas, 26 December nor Good Friday."""
    barred = _barred(on, department)
    return tuple(key for key in legal_holiday_keys(on, department) if key not in barred)


def solidarity_day(year: int, key: str | None, department: str | None = None) -> date | None:
    """The date of the journée de solidarité in a year, when the employer makes a holiday of
    the list a worked day; None when it is organised otherwise (a day of RTT, hours spread),
    when the key is not allowed in this place, or in a year where that holiday falls on a
    barred one (Ascension on 1 May, as in 2008)."""
    if not key:
        return None
    day = holiday_date(year, key)
    if key not in solidarity_day_choices(day, department):
        return None
    if any(holiday_date(year, barred) == day for barred in _barred(day, department)):
        return None
    return day
