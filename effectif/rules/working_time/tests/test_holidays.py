"""Public holidays by place of work, and the journée de solidarité (C. trav. L3133-1,
L3134-13, L3133-8, L3134-16). Dates of 2026: Easter Sunday is 5 April 2026."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from effectif.rules.working_time.holidays import (
    FIXED,
    FROM_EASTER,
    holiday_date,
    holidays_between,
    legal_holiday_keys,
    public_holidays,
    solidarity_day,
    solidarity_day_choices,
)

METROPOLITAN_2026 = {
    date(2026, 1, 1): "jour_de_l_an",
    date(2026, 4, 6): "lundi_de_paques",  # Easter Sunday 5 April + 1
    date(2026, 5, 1): "fete_du_travail",
    date(2026, 5, 8): "victoire_1945",
    date(2026, 5, 14): "ascension",  # + 39
    date(2026, 5, 25): "lundi_de_pentecote",  # + 50
    date(2026, 7, 14): "fete_nationale",
    date(2026, 8, 15): "assomption",
    date(2026, 11, 1): "toussaint",
    date(2026, 11, 11): "armistice",
    date(2026, 12, 25): "noel",
}
ALSACE_MOSELLE_2026 = {
    **METROPOLITAN_2026,
    date(2026, 4, 3): "vendredi_saint",  # Easter Sunday − 2
    date(2026, 12, 26): "saint_etienne",
}


@pytest.mark.parametrize(
    ("department", "expected"),
    [
        ("75", METROPOLITAN_2026),
        (None, METROPOLITAN_2026),
        ("2A", METROPOLITAN_2026),
        ("57", ALSACE_MOSELLE_2026),
        ("67", ALSACE_MOSELLE_2026),
        ("68", ALSACE_MOSELLE_2026),
    ],
)
def test_holidays_of_2026(department: str | None, expected: dict[date, str]) -> None:
    found = {holiday.day: holiday.key for holiday in public_holidays(2026, department)}
    assert found == expected


def test_holidays_are_named_in_french() -> None:
    names = {holiday.key: holiday.name for holiday in public_holidays(2026, "57")}
    assert names["lundi_de_pentecote"] == "Lundi de Pentecôte"
    assert names["vendredi_saint"] == "Vendredi saint"


def test_overseas_departments_add_their_own_days() -> None:
    # La Réunion commemorates the abolition of slavery on 20 December (décret n° 83-1003).
    reunion = {holiday.day: holiday.key for holiday in public_holidays(2026, "974")}
    assert reunion[date(2026, 12, 20)] == "local"
    assert set(METROPOLITAN_2026) <= set(reunion)


def test_holidays_between_spans_two_years() -> None:
    found = holidays_between(date(2025, 12, 20), date(2026, 1, 10), "67")
    assert sorted(found) == [date(2025, 12, 25), date(2025, 12, 26), date(2026, 1, 1)]


def test_solidarity_day_choices() -> None:
    # Any legal holiday but 1 May (L3133-8); in Alsace-Moselle, neither 25 nor 26 December nor
    # Good Friday (L3134-16).
    national = solidarity_day_choices(date(2026, 1, 1), "75")
    assert "fete_du_travail" not in national
    assert "lundi_de_pentecote" in national
    assert len(national) == 10
    local = solidarity_day_choices(date(2026, 1, 1), "57")
    assert not {"fete_du_travail", "noel", "saint_etienne", "vendredi_saint"} & set(local)
    assert len(local) == 9


@pytest.mark.parametrize(
    ("year", "key", "department", "expected"),
    [
        (2026, "lundi_de_pentecote", "75", date(2026, 5, 25)),
        (2027, "lundi_de_pentecote", "75", date(2027, 5, 17)),  # Easter 28 March 2027 + 50
        (2026, "fete_du_travail", "75", None),  # never 1 May
        (2026, "saint_etienne", "75", None),  # not a holiday outside Alsace-Moselle
        (2026, "saint_etienne", "67", None),  # a holiday there, but barred
        (2026, "ascension", "67", date(2026, 5, 14)),
        (2026, None, "75", None),  # organised otherwise (a day of RTT, hours spread)
    ],
)
def test_solidarity_day(year: int, key: str | None, department: str, expected: date | None) -> None:
    assert solidarity_day(year, key, department) == expected


def test_legal_holidays_in_alsace_moselle() -> None:
    assert len(legal_holiday_keys(date(2026, 1, 1), "75")) == 11
    assert len(legal_holiday_keys(date(2026, 1, 1), "57")) == 13


@given(st.integers(min_value=2008, max_value=2100))
def test_every_legal_holiday_is_in_the_package_on_its_computed_date(year: int) -> None:
    """The keys' rules (a fixed day, or days from Easter) agree with the `holidays` package for
    every year since the Whit Monday was restored as a holiday (loi n° 2008-351)."""
    package = {holiday.day for holiday in public_holidays(year, "57")}
    keys = (*FIXED, *FROM_EASTER)
    assert {holiday_date(year, key) for key in keys} == package


def test_two_holidays_on_one_day() -> None:
    # In 2008, Easter fell on 23 March: Ascension (+ 39) on 1 May, which cannot be the
    # journée de solidarité (L3133-8).
    assert holiday_date(2008, "ascension") == date(2008, 5, 1)
    assert solidarity_day(2008, "ascension", "75") is None
    assert solidarity_day(2009, "ascension", "75") == date(2009, 5, 21)
