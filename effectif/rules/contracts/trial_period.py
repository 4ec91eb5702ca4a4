"""The trial period of a contract: its maximum length, end date and renewal (C. trav. L1221-19 ff.)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from effectif.rules.contracts.kinds import Category, ContractKind
from effectif.rules.parameters.contracts import (
    APPRENTICESHIP_TRIAL_DAYS,
    CDD_TRIAL_CAP_DAYS,
    CDI_TRIAL_MONTHS,
    CDI_TRIAL_RENEWED_MAX_MONTHS,
    INTERIM_TRIAL_DAYS,
    PUBLIC_CONTRACT_TRIAL,
)


@dataclass(frozen=True)
class TrialPeriod:
    """A computed trial period. `end_date` is the last day of the trial, inclusive."""

    end_date: date
    length_label: str
    legal_basis: str
    renewed_end_date: date | None = None  # last possible day if renewed, when renewal is allowed
    estimated: bool = False  # counted in calendar days where the law counts days of presence


def add_months(start: date, months: int) -> date:
    """The same day `months` later, clamped to the month's last day."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def end_after_months(start: date, months: int) -> date:
    """Last day of a period of `months` calendar months starting on `start`."""
    return add_months(start, months) - timedelta(days=1)


def end_after_days(start: date, days: int) -> date:
    return start + timedelta(days=days - 1)


def _months_label(months: int) -> str:
    return f"{months} mois"


def _cdi(start: date, category: Category) -> TrialPeriod:
    months = CDI_TRIAL_MONTHS.at(start)[category.value]
    renewed = CDI_TRIAL_RENEWED_MAX_MONTHS.at(start)[category.value]
    return TrialPeriod(
        end_date=end_after_months(start, months),
        length_label=_months_label(months),
        legal_basis="C. trav. art. L1221-19 et L1221-21",
        renewed_end_date=end_after_months(start, renewed),
    )


def _cdd(start: date, end: date) -> TrialPeriod:
    caps = CDD_TRIAL_CAP_DAYS.at(start)
    duration_days = (end - start).days + 1
    weeks = duration_days // 7
    six_months_end = end_after_months(start, 6)
    if end <= six_months_end:
        days = min(max(weeks, 1), caps["up_to_6_months"])
        return TrialPeriod(
            end_date=end_after_days(start, days),
            length_label=f"{days} jour{'s' if days > 1 else ''}",
            legal_basis="C. trav. art. L1242-10",
        )
    if weeks >= caps["over_6_months_days"]:
        return TrialPeriod(
            end_date=end_after_months(start, 1),
            length_label="1 mois",
            legal_basis="C. trav. art. L1242-10",
        )
    return TrialPeriod(
        end_date=end_after_days(start, weeks),
        length_label=f"{weeks} jours",
        legal_basis="C. trav. art. L1242-10",
    )


def _interim(start: date, end: date) -> TrialPeriod:
    days_by_length = INTERIM_TRIAL_DAYS.at(start)
    if end <= end_after_months(start, 1):
        days = days_by_length["up_to_1_month"]
    elif end <= end_after_months(start, 2):
        days = days_by_length["up_to_2_months"]
    else:
        days = days_by_length["over_2_months"]
    return TrialPeriod(
        end_date=_add_working_days(start, days),
        length_label=f"{days} jours travaillés",
        legal_basis="C. trav. art. L1251-14",
        estimated=True,
    )


def _add_working_days(start: date, days: int) -> date:
    """Last day of `days` working days (Monday to Friday) from `start`."""
    current, counted = start, 0
    while True:
        if current.weekday() < 5:
            counted += 1
            if counted == days:
                return current
        current += timedelta(days=1)


def _public(start: date, end: date | None) -> TrialPeriod:
    table = PUBLIC_CONTRACT_TRIAL.at(start)
    basis = "Décret n° 86-83 art. 9 / décret n° 88-145 art. 4"
    if end is None:
        months = table["cdi_months"]
        return TrialPeriod(end_after_months(start, months), _months_label(months), basis)
    if end <= end_after_months(start, 6):
        weeks = ((end - start).days + 1) // 7
        days = min(max(weeks, 1), table["under_6_months_days"])
        return TrialPeriod(end_after_days(start, days), f"{days} jours", basis, estimated=True)
    if end <= end_after_months(start, 12):
        months = table["under_1_year_months"]
    elif end <= end_after_months(start, 24):
        months = table["under_2_years_months"]
    else:
        months = table["longer_months"]
    return TrialPeriod(end_after_months(start, months), _months_label(months), basis)


def trial_period(
    *, kind: ContractKind, category: Category, start_date: date, end_date: date | None
) -> TrialPeriod | None:
    """The legal maximum trial period of a contract, or None when the contract has none.

    A collective agreement or the contract may set a shorter one; a CDD without a precise term
    is computed on its minimum duration, passed as `end_date`.
    """
    if kind in {ContractKind.CDI, ContractKind.PROFESSIONALISATION} and end_date is None:
        return _cdi(start_date, category)
    if kind in {ContractKind.CDD, ContractKind.PROFESSIONALISATION} and end_date is not None:
        return _cdd(start_date, end_date)
    if kind == ContractKind.INTERIM and end_date is not None:
        return _interim(start_date, end_date)
    if kind == ContractKind.APPRENTICESHIP:
        days = APPRENTICESHIP_TRIAL_DAYS.at(start_date)
        return TrialPeriod(
            end_date=end_after_days(start_date, days),
            length_label=f"{days} jours de formation pratique en entreprise",
            legal_basis="C. trav. art. L6222-18",
            estimated=True,
        )
    if kind == ContractKind.PUBLIC_CONTRACT:
        return _public(start_date, end_date)
    return None
