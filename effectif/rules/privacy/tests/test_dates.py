"""Retention ends and response deadlines, each case with the text it follows."""

from __future__ import annotations

from datetime import date

import pytest

from effectif.rules.parameters.base import unconfirmed_values
from effectif.rules.parameters.retention import (
    ALL_PARAMETERS,
    CANDIDATE_RETENTION_YEARS,
    PERSONNEL_FILE_RETENTION_YEARS,
)
from effectif.rules.privacy.dates import Period, Unit, end_of_year, response_deadline


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        # Five years after a departure on 31/03/2021 (C. civ. 2224): erasable from 31/03/2026.
        (Period(5, Unit.YEARS), date(2021, 3, 31), date(2026, 3, 31)),
        # A departure on 29/02/2024: the fifth anniversary falls on the last day of February.
        (Period(5, Unit.YEARS), date(2024, 2, 29), date(2029, 2, 28)),
        # Connection traces (CNIL 2021-122): twelve months.
        (Period(12, Unit.MONTHS), date(2025, 1, 31), date(2026, 1, 31)),
        (Period(6, Unit.MONTHS), date(2025, 8, 31), date(2026, 2, 28)),
        (Period(7, Unit.DAYS), date(2026, 12, 28), date(2027, 1, 4)),
    ],
)
def test_period_after_and_before(period: Period, start: date, end: date) -> None:
    assert period.after(start) == end
    assert period.before(end) <= start


def test_period_reads_in_french() -> None:
    assert str(Period(5, Unit.YEARS)) == "5 ans"
    assert str(Period(1, Unit.YEARS)) == "1 an"
    assert str(Period(6, Unit.MONTHS)) == "6 mois"
    assert str(Period(7, Unit.DAYS)) == "7 jours"


def test_financial_year_end() -> None:
    assert end_of_year(date(2026, 3, 14)) == date(2026, 12, 31)


@pytest.mark.parametrize(
    ("received", "extended", "deadline"),
    [
        # RGPD art. 12.3: one month from receipt…
        (date(2026, 3, 10), False, date(2026, 4, 10)),
        # …to the same day of the next month, or its last day when there is none.
        (date(2026, 1, 31), False, date(2026, 2, 28)),
        # …extended by two months where necessary.
        (date(2026, 3, 10), True, date(2026, 6, 10)),
    ],
)
def test_gdpr_response_deadline(received: date, extended: bool, deadline: date) -> None:
    assert response_deadline(received, extended=extended) == deadline


def test_retention_parameters_cite_their_sources() -> None:
    assert PERSONNEL_FILE_RETENTION_YEARS.at(date(2026, 1, 1)) == 5
    assert "2224" in PERSONNEL_FILE_RETENTION_YEARS.version_at(date(2026, 1, 1)).source
    assert CANDIDATE_RETENTION_YEARS.at(date(2026, 1, 1)) == 2
    for parameter in ALL_PARAMETERS:
        for value in parameter:
            assert value.source
    assert unconfirmed_values(*ALL_PARAMETERS) == []
