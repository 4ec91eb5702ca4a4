"""Checks on a payslip's inputs, with French messages naming the field at fault.

Amounts have at most two decimals (cents), hours and days two decimals, rates and shares at most
six decimals between 0 and 1: the batch path relies on it to compute exactly in integers.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import fields
from datetime import date
from decimal import Decimal

from effectif.rules.parameters.sickness import LEGAL_MAINTENANCE
from effectif.rules.payroll.inputs import (
    AbsenceMethod,
    PayslipInput,
    YearToDate,
)
from effectif.rules.payroll.month_parameters import MonthParameters

CENT = Decimal("0.01")
MICRO = Decimal("0.000001")
MAX_AMOUNT = Decimal("100000000")  # 100 million euros: far beyond any monthly pay
MAX_HOURS = Decimal("1000")
MAX_COUNT = 100


class PayslipInputError(ValueError):
    """An impossible or unusable input value."""

    def __init__(self, field: str, reason: str, reference: str = "") -> None:
        where = f"bulletin « {reference} », " if reference else ""
        super().__init__(f"{where}champ « {field} » : {reason}")
        self.field = field
        self.reason = reason
        self.reference = reference


def validate(payslip: PayslipInput, params: MonthParameters) -> None:
    """Raise `PayslipInputError` on the first problem found."""
    for field, reason in problems(payslip, params):
        raise PayslipInputError(field, reason, payslip.reference)


def problems(payslip: PayslipInput, params: MonthParameters) -> Iterator[tuple[str, str]]:
    """Every (field, reason) wrong with `payslip`."""
    yield from _numbers(payslip)
    yield from _time(payslip, params)
    yield from _dates(payslip)
    yield from _consistency(payslip, params)
    yield from _sick_leaves(payslip)


def _amount(name: str, value: object, allow_negative: bool = False) -> Iterator[tuple[str, str]]:
    if not isinstance(value, Decimal) or not value.is_finite():
        yield name, "un montant décimal est attendu"
    elif value < 0 and not allow_negative:
        yield name, "un montant ne peut pas être négatif"
    elif abs(value) > MAX_AMOUNT or value != value.quantize(CENT):
        yield name, "montant hors limites ou avec plus de deux décimales"


def _quantity(name: str, value: object, unit: str) -> Iterator[tuple[str, str]]:
    if not isinstance(value, Decimal) or not value.is_finite():
        yield name, f"un nombre {unit} décimal est attendu"
    elif value < 0:
        yield name, f"un nombre {unit} ne peut pas être négatif"
    elif value > MAX_HOURS or value != value.quantize(CENT):
        yield name, f"nombre {unit} hors limites ou avec plus de deux décimales"


def _rate(name: str, value: object) -> Iterator[tuple[str, str]]:
    if not isinstance(value, Decimal) or not value.is_finite():
        yield name, "un taux décimal est attendu"
    elif not 0 <= value <= 1:
        yield name, "un taux doit être compris entre 0 et 1 (0,5 pour 50 %)"
    elif value != value.quantize(MICRO):
        yield name, "un taux a au plus six décimales"


def _count(name: str, value: object) -> Iterator[tuple[str, str]]:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_COUNT:
        yield name, f"un nombre entier entre 0 et {MAX_COUNT} est attendu"


def _numbers(payslip: PayslipInput) -> Iterator[tuple[str, str]]:
    employer, employee, variables = payslip.employer, payslip.employee, payslip.variables
    if not isinstance(employer.headcount, int) or employer.headcount < 1:
        yield "headcount", "l'effectif doit être un entier d'au moins 1"
    for name in ("at_rate", "mobility_rate", "work_study_share"):
        yield from _rate(name, getattr(employer, name))
    yield from _amount("base_salary_amount", employee.base_salary_amount)
    for name in (
        "health_premium_amount",
        "prevoyance_premium_amount",
        "transit_pass_amount",
    ):
        yield from _amount(name, getattr(employee, name))
    for name in ("health_employer_share", "prevoyance_employer_share", "transit_employer_share"):
        yield from _rate(name, getattr(employee, name))
    if employee.pas_rate is not None:
        yield from _rate("pas_rate", employee.pas_rate)
    for name in (
        "overtime_hours_25",
        "overtime_hours_50",
        "complementary_hours_10",
        "complementary_hours_25",
        "absence_hours",
    ):
        yield from _quantity(name, getattr(variables, name), "d'heures")
    for name in ("absence_days", "paid_leave_days", "paid_leave_acquired_days"):
        yield from _quantity(name, getattr(variables, name), "de jours")
    for name in (
        "bonus_amount",
        "expense_allowance_amount",
        "paid_leave_reference_gross_amount",
        "housing_benefit_amount",
        "vehicle_benefit_amount",
        "meal_voucher_face_amount",
    ):
        yield from _amount(name, getattr(variables, name))
    yield from _rate("meal_voucher_employer_share", variables.meal_voucher_employer_share)
    yield from _count("meals_provided", variables.meals_provided)
    yield from _count("meal_vouchers", variables.meal_vouchers)
    for item in fields(YearToDate):
        allow_negative = item.name == "reduction_amount"
        yield from _amount(item.name, getattr(payslip.year_to_date, item.name), allow_negative)


def _time(payslip: PayslipInput, params: MonthParameters) -> Iterator[tuple[str, str]]:
    employee, variables = payslip.employee, payslip.variables
    legal = params.legal_monthly_hours
    # Category and working time change every contribution: a missing one is never taken as
    # non-cadre or full time.
    if not isinstance(employee.cadre, bool):
        yield "cadre", "la catégorie est absente (cadre ou non cadre)"
    if employee.forfait_days is None and employee.monthly_hours is None:
        yield (
            "monthly_hours",
            "la durée du travail est absente (heures mensuelles ou forfait jours)",
        )
        return
    if employee.forfait_days is not None:
        if not isinstance(employee.forfait_days, int) or not (
            1 <= employee.forfait_days <= params.forfait_full_days
        ):
            yield (
                "forfait_days",
                f"un forfait annuel compte de 1 à {params.forfait_full_days} jours",
            )
        if variables.absence_hours:
            yield "absence_hours", "un forfait jours se décompte en jours (absence_days)"
    else:
        yield from _quantity("monthly_hours", employee.monthly_hours, "d'heures")
        if isinstance(employee.monthly_hours, Decimal) and not 0 < employee.monthly_hours <= legal:
            yield "monthly_hours", f"la durée mensuelle doit être positive et au plus {legal} h"
    overtime = variables.overtime_hours_25 + variables.overtime_hours_50
    complementary = variables.complementary_hours_10 + variables.complementary_hours_25
    full_time = employee.forfait_days is None and employee.monthly_hours == legal
    if overtime and not full_time:
        yield "overtime_hours_25", "des heures supplémentaires supposent un temps plein en heures"
    if complementary:
        if employee.forfait_days is not None or employee.monthly_hours >= legal:
            yield "complementary_hours_10", "des heures complémentaires supposent un temps partiel"
        elif employee.monthly_hours + complementary >= legal:
            yield (
                "complementary_hours_10",
                "les heures complémentaires ne peuvent porter la durée au niveau légal (L3123-9)",
            )
    yield from _absences(payslip)


def _absences(payslip: PayslipInput) -> Iterator[tuple[str, str]]:
    variables = payslip.variables
    if variables.month_workable_hours is not None:
        yield from _quantity("month_workable_hours", variables.month_workable_hours, "d'heures")
    if variables.month_working_days is not None:
        yield from _quantity("month_working_days", variables.month_working_days, "de jours")
    yield from _absence_amounts(payslip, variables.absence_hours, variables.absence_days)
    if variables.paid_leave_days:
        if not variables.month_working_days:
            yield "month_working_days", "le nombre de jours ouvrés du mois est nécessaire"
        if not variables.paid_leave_acquired_days:
            yield "paid_leave_acquired_days", "les jours acquis sont nécessaires (règle du dixième)"


def _absence_amounts(
    payslip: PayslipInput, hours: Decimal, days: Decimal
) -> Iterator[tuple[str, str]]:
    """Absent hours or days (unpaid absences and stops together) in the unit of the employer's
    method, and within the month."""
    variables, method = payslip.variables, payslip.employer.absence_method
    if method is AbsenceMethod.WORKING_DAYS:
        if hours:
            yield "absence_hours", "la méthode jours ouvrés décompte les absences en jours"
        if days and not variables.month_working_days:
            yield "month_working_days", "le nombre de jours ouvrés du mois est nécessaire"
        elif variables.month_working_days and days > variables.month_working_days:
            yield "absence_days", "l'absence dépasse les jours ouvrés du mois"
    else:
        if days:
            yield "absence_days", "la méthode horaire décompte les absences en heures"
        if method is AbsenceMethod.ACTUAL_HOURS and hours:
            workable = variables.month_workable_hours
            if not workable:
                yield "month_workable_hours", "le nombre d'heures réelles du mois est nécessaire"
            elif hours > workable:
                yield "absence_hours", "l'absence dépasse les heures du mois"
        elif hours > payslip.employee.monthly_hours:
            yield "absence_hours", "l'absence dépasse la durée contractuelle"


def _dates(payslip: PayslipInput) -> Iterator[tuple[str, str]]:
    period, employee = payslip.period_date, payslip.employee
    if period.day != 1:
        yield "month", "la période de paie commence le premier jour du mois"
        return
    last = date(period.year, period.month, calendar.monthrange(period.year, period.month)[1])
    if employee.entry_date and employee.exit_date and employee.exit_date < employee.entry_date:
        yield "exit_date", "la sortie précède l'entrée"
    if employee.entry_date and employee.entry_date > last:
        yield "entry_date", "l'entrée est postérieure au mois de paie"
    if employee.exit_date and employee.exit_date < period:
        yield "exit_date", "la sortie est antérieure au mois de paie"
    if (
        employee.initial_term_end_date
        and employee.entry_date
        and employee.initial_term_end_date < employee.entry_date
    ):
        yield "initial_term_end_date", "le terme initial précède l'entrée"
    if period.month == 1 and payslip.year_to_date != YearToDate():
        yield "year_to_date", "en janvier, les cumuls de l'année précédente ne comptent pas"


def _consistency(payslip: PayslipInput, params: MonthParameters) -> Iterator[tuple[str, str]]:
    employee = payslip.employee
    mandatory = params.public_transport.mandatory_share
    if employee.transit_pass_amount and employee.transit_employer_share < mandatory:
        yield "transit_employer_share", f"la prise en charge obligatoire est d'au moins {mandatory}"


MAX_SENIORITY_YEARS = 80
MAX_REFERENCE_MONTHS = 3


def _sick_leaves(payslip: PayslipInput) -> Iterator[tuple[str, str]]:
    """Each stop: dates within reach of the month and not overlapping, the pay it takes by the
    employer's method, the facts of the IJSS and of the maintenance."""
    variables = payslip.variables
    if not variables.sick_leaves:
        return
    if not isinstance(variables.sick_leaves, tuple):
        yield "sick_leaves", "un tuple d'arrêts de travail est attendu"
        return
    period = payslip.period_date
    last = date(period.year, period.month, calendar.monthrange(period.year, period.month)[1])
    previous_end: date | None = None
    hours = days = Decimal(0)
    for leave in sorted(variables.sick_leaves, key=lambda leave: leave.start_date):
        if leave.end_date < leave.start_date:
            yield "sick_leaves", "la fin d'un arrêt précède son début"
        elif leave.end_date < period or leave.start_date > last:
            yield "sick_leaves", "un arrêt ne couvre aucun jour du mois de paie"
        if previous_end is not None and leave.start_date <= previous_end:
            yield "sick_leaves", "deux arrêts se chevauchent"
        previous_end = leave.end_date
        yield from _quantity("absence_hours", leave.absence_hours, "d'heures")
        yield from _quantity("absence_days", leave.absence_days, "de jours")
        if isinstance(leave.absence_hours, Decimal) and isinstance(leave.absence_days, Decimal):
            hours += leave.absence_hours
            days += leave.absence_days
        if not isinstance(leave.seniority_years, int) or not (
            0 <= leave.seniority_years <= MAX_SENIORITY_YEARS
        ):
            yield "seniority_years", f"une ancienneté en années de 0 à {MAX_SENIORITY_YEARS}"
        if (
            not isinstance(leave.previous_maintained_days, int)
            or leave.previous_maintained_days < 0
        ):
            yield "previous_maintained_days", "un nombre de jours positif ou nul est attendu"
        amounts = leave.reference_gross_amounts
        if not isinstance(amounts, tuple) or not 1 <= len(amounts) <= MAX_REFERENCE_MONTHS:
            yield "reference_gross_amounts", "le brut d'un à trois mois précédant l'arrêt"
        else:
            for amount in amounts:
                yield from _amount("reference_gross_amounts", amount)
        if leave.maintenance_rates is not None:
            for rate in leave.maintenance_rates:
                yield from _rate("maintenance_rates", rate)
        if leave.subrogation and isinstance(leave.seniority_years, int):
            required = LEGAL_MAINTENANCE.at(leave.start_date).min_seniority_years
            if leave.seniority_years < required:
                yield (
                    "subrogation",
                    "la subrogation suppose un maintien de salaire (un an d'ancienneté, "
                    "C. trav. L1226-1 ; CSS R323-11)",
                )
    yield from _absence_amounts(
        payslip, hours + variables.absence_hours, days + variables.absence_days
    )
