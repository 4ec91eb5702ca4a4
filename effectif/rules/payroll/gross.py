"""Gross pay of the month: base salary, entry or exit during the month, unpaid absences, paid
leave, overtime and complementary hours, bonuses and benefits in kind (one-by-one path)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from effectif.rules.payroll.amounts import apply_rate, prorate
from effectif.rules.payroll.inputs import AbsenceMethod, PayslipInput
from effectif.rules.payroll.month_parameters import MonthParameters
from effectif.rules.payroll.results import GrossLine
from effectif.rules.payroll.sickness import SickLeavePay, compute_sick_leave

ZERO = Decimal("0")
_RATE_DISPLAY = Decimal("0.0001")


@dataclass(frozen=True, slots=True)
class GrossPay:
    """Gross pay and the parts of it later rules need."""

    lines: tuple[GrossLine, ...]
    gross_amount: Decimal
    paid_base_amount: Decimal
    overtime_amount: Decimal
    complementary_amount: Decimal
    in_kind_amount: Decimal
    voucher_employee_amount: Decimal
    voucher_exempt_amount: Decimal
    transport_exempt_amount: Decimal
    presence_days: int
    days_in_month: int
    sick_pay_amount: Decimal = ZERO
    sick_leaves: tuple[SickLeavePay, ...] = ()


def presence(payslip: PayslipInput) -> tuple[int, int]:
    """Calendar days of employment in the month, and days in the month."""
    start = payslip.period_date
    days_in_month = calendar.monthrange(start.year, start.month)[1]
    end = date(start.year, start.month, days_in_month)
    employee = payslip.employee
    first = max(start, employee.entry_date) if employee.entry_date else start
    last = min(end, employee.exit_date) if employee.exit_date else end
    return (last - first).days + 1, days_in_month


def contract_hours(payslip: PayslipInput) -> Decimal:
    """Contractual monthly hours the base salary pays for."""
    return payslip.employee.monthly_hours


def compute_gross(payslip: PayslipInput, params: MonthParameters) -> GrossPay:
    """Gross pay of `payslip`, element by element, each rounded to the cent."""
    lines = [
        GrossLine(
            "salaire_base",
            "Salaire de base",
            _base_quantity(payslip),
            None,
            payslip.employee.base_salary_amount,
        )
    ]
    days, days_in_month = presence(payslip)
    paid_base = _paid_base(payslip, days, days_in_month, lines)
    sick_leaves, sick_deduction, sick_pay = _sick_leaves(payslip, lines)
    paid_base -= sick_deduction
    leave = _paid_leave(payslip, lines)
    overtime, complementary = _extra_hours(payslip, params, lines)
    bonus = payslip.variables.bonus_amount
    if bonus:
        lines.append(GrossLine("prime", "Primes", None, None, bonus))
    in_kind, voucher_employee, voucher_exempt = _in_kind(payslip, params, lines)
    transport_exempt, transport_taxable = _transport(payslip, params)
    if transport_taxable:
        lines.append(
            GrossLine(
                "transport_imposable",
                "Prise en charge des transports au-delà de la part exonérée",
                None,
                None,
                transport_taxable,
            )
        )
    gross = (
        paid_base
        + sick_pay
        + leave
        + overtime
        + complementary
        + bonus
        + in_kind
        + transport_taxable
    )
    return GrossPay(
        lines=tuple(lines),
        gross_amount=gross,
        paid_base_amount=paid_base,
        overtime_amount=overtime,
        complementary_amount=complementary,
        in_kind_amount=in_kind,
        voucher_employee_amount=voucher_employee,
        voucher_exempt_amount=voucher_exempt,
        transport_exempt_amount=transport_exempt,
        presence_days=days,
        days_in_month=days_in_month,
        sick_pay_amount=sick_pay,
        sick_leaves=sick_leaves,
    )


def _paid_base(
    payslip: PayslipInput, days: int, days_in_month: int, lines: list[GrossLine]
) -> Decimal:
    """The base salary after an entry or exit during the month (calendar days of presence) and
    unpaid absences (the employer's method)."""
    base = payslip.employee.base_salary_amount
    paid = base
    if days < days_in_month:
        entry_exit = prorate(base, days, days_in_month) - base
        lines.append(
            GrossLine(
                "entree_sortie",
                "Entrée ou sortie en cours de mois (jours calendaires de présence)",
                Decimal(days),
                None,
                entry_exit,
            )
        )
        paid += entry_exit
    absence = _absence_deduction(payslip)
    if absence:
        variables = payslip.variables
        quantity = variables.absence_days if _by_days(payslip) else variables.absence_hours
        lines.append(GrossLine("absence", "Absence non rémunérée", quantity, None, -absence))
        paid -= absence
    return paid


def _sick_leaves(
    payslip: PayslipInput, lines: list[GrossLine]
) -> tuple[tuple[SickLeavePay, ...], Decimal, Decimal]:
    """Stops for illness or work accident: the pay of the days is deducted like an unpaid
    absence, and the employer's maintenance net of the IJSS is paid back (C. trav. L1226-1,
    D1226-5); returns each stop's figures, the total deduction and the total complement."""
    leaves = payslip.variables.sick_leaves
    if not leaves:
        return (), ZERO, ZERO
    by_days = _by_days(payslip)
    pays: list[SickLeavePay] = []
    deductions: dict[bool, tuple[Decimal, Decimal]] = {}
    maintained_days = 0
    for leave in leaves:
        deduction = _deduction(payslip, leave.absence_hours, leave.absence_days)
        pays.append(compute_sick_leave(leave, payslip.period_date, deduction))
        quantity = leave.absence_days if by_days else leave.absence_hours
        total, count = deductions.get(leave.occupational, (ZERO, ZERO))
        deductions[leave.occupational] = total + deduction, count + quantity
        maintained_days += sum(pays[-1].maintained_days)
    for occupational, (total, count) in sorted(deductions.items()):
        code, label = _SICK_LABELS[occupational]
        lines.append(GrossLine(code, label, count, None, -total))
    complement = sum((pay.complement_amount for pay in pays), ZERO)
    if complement:
        lines.append(
            GrossLine(
                "maintien_salaire",
                "Maintien de salaire (complément employeur, net des IJSS)",
                Decimal(maintained_days),
                None,
                complement,
            )
        )
    deducted = sum((total for total, _ in deductions.values()), ZERO)
    return tuple(pays), deducted, complement


_SICK_LABELS = {
    False: ("absence_maladie", "Absence maladie"),
    True: ("absence_at_mp", "Absence accident du travail ou maladie professionnelle"),
}


def _paid_leave(payslip: PayslipInput, lines: list[GrossLine]) -> Decimal:
    """Paid leave taken: the salary of the days is replaced by the higher of maintenance and one
    tenth of the reference period's gross pay (C. trav. L3141-24); returns the difference."""
    variables = payslip.variables
    if not variables.paid_leave_days:
        return ZERO
    assert variables.month_working_days is not None  # checked by validation
    days = variables.paid_leave_days
    maintained = prorate(payslip.employee.base_salary_amount, days, variables.month_working_days)
    tenth = prorate(
        variables.paid_leave_reference_gross_amount, days, 10 * variables.paid_leave_acquired_days
    )
    indemnity = max(maintained, tenth)
    lines += [
        GrossLine("absence_conges_payes", "Absence congés payés", days, None, -maintained),
        GrossLine(
            "indemnite_conges_payes",
            "Indemnité de congés payés (maintien ou dixième, le plus favorable)",
            days,
            None,
            indemnity,
        ),
    ]
    return indemnity - maintained


def _extra_hours(
    payslip: PayslipInput, params: MonthParameters, lines: list[GrossLine]
) -> tuple[Decimal, Decimal]:
    """Overtime (+25 % from the 36th hour, +50 % from the 44th, C. trav. L3121-36) and
    complementary hours (+10 % within a tenth of the contract, +25 % beyond, L3123-29), at the
    hourly rate of the base salary; returns (overtime pay, complementary-hours pay)."""
    variables, premiums = payslip.variables, params.hour_premiums
    base, hours = payslip.employee.base_salary_amount, contract_hours(payslip)
    overtime = complementary = ZERO
    for code, label, quantity, premium, is_overtime in (
        ("heures_supplementaires_25", "Heures supplémentaires à 25 %", variables.overtime_hours_25,
         premiums.overtime_first, True),
        ("heures_supplementaires_50", "Heures supplémentaires à 50 %", variables.overtime_hours_50,
         premiums.overtime_second, True),
        ("heures_complementaires_10", "Heures complémentaires à 10 %",
         variables.complementary_hours_10, premiums.complementary_first, False),
        ("heures_complementaires_25", "Heures complémentaires à 25 %",
         variables.complementary_hours_25, premiums.complementary_second, False),
    ):  # fmt: skip
        if not quantity:
            continue
        amount = prorate(base, quantity * (1 + premium), hours)
        hourly = (base * (1 + premium) / hours).quantize(_RATE_DISPLAY)
        lines.append(GrossLine(code, label, quantity, hourly, amount))
        if is_overtime:
            overtime += amount
        else:
            complementary += amount
    return overtime, complementary


def _in_kind(
    payslip: PayslipInput, params: MonthParameters, lines: list[GrossLine]
) -> tuple[Decimal, Decimal, Decimal]:
    """Benefits in kind (meals at the flat value of the arrêté du 10/12/2002, housing, vehicle)
    and the taxable part of the employer's meal-voucher share; returns (pay in kind, employee's
    meal-voucher share, employer's exempt meal-voucher share)."""
    variables = payslip.variables
    in_kind = ZERO
    if variables.meals_provided:
        meals = variables.meals_provided * params.meal_benefit_value
        lines.append(
            GrossLine(
                "avantage_nourriture",
                "Avantage en nature nourriture",
                Decimal(variables.meals_provided),
                params.meal_benefit_value,
                meals,
            )
        )
        in_kind += meals
    for code, label, amount in (
        ("avantage_logement", "Avantage en nature logement", variables.housing_benefit_amount),
        ("avantage_vehicule", "Avantage en nature véhicule", variables.vehicle_benefit_amount),
    ):
        if amount:
            lines.append(GrossLine(code, label, None, None, amount))
            in_kind += amount
    voucher_employee, voucher_exempt, voucher_taxable = _meal_vouchers(payslip, params)
    if voucher_taxable:
        lines.append(
            GrossLine(
                "titres_restaurant_imposable",
                "Titres-restaurant : part patronale au-delà de la limite d'exonération",
                None,
                None,
                voucher_taxable,
            )
        )
        in_kind += voucher_taxable
    return in_kind, voucher_employee, voucher_exempt


def _base_quantity(payslip: PayslipInput) -> Decimal:
    if payslip.employee.forfait_days is not None:
        return Decimal(payslip.employee.forfait_days)
    return payslip.employee.monthly_hours


def _by_days(payslip: PayslipInput) -> bool:
    return payslip.employer.absence_method is AbsenceMethod.WORKING_DAYS


def _absence_deduction(payslip: PayslipInput) -> Decimal:
    """Deduction for unpaid absence, by the employer's method."""
    variables = payslip.variables
    return _deduction(payslip, variables.absence_hours, variables.absence_days)


def _deduction(payslip: PayslipInput, hours: Decimal, days: Decimal) -> Decimal:
    """The pay of absent hours or working days, by the employer's method."""
    variables, base = payslip.variables, payslip.employee.base_salary_amount
    method = payslip.employer.absence_method
    if method is AbsenceMethod.WORKING_DAYS:
        if not days:
            return ZERO
        assert variables.month_working_days is not None  # checked by validation
        return prorate(base, days, variables.month_working_days)
    if not hours:
        return ZERO
    if method is AbsenceMethod.ACTUAL_HOURS:
        assert variables.month_workable_hours is not None  # checked by validation
        return prorate(base, hours, variables.month_workable_hours)
    return prorate(base, hours, contract_hours(payslip))


def _meal_vouchers(payslip: PayslipInput, params: MonthParameters) -> tuple[Decimal, ...]:
    """Employee's share, employer's exempt share and employer's taxable share of meal vouchers
    (CGI art. 81 19°; CSS L136-1-1 III 4°)."""
    variables = payslip.variables
    if not variables.meal_vouchers:
        return ZERO, ZERO, ZERO
    total = variables.meal_vouchers * variables.meal_voucher_face_amount
    share = variables.meal_voucher_employer_share
    employer = apply_rate(total, share)
    rules = params.meal_vouchers
    exempt = ZERO
    if rules.min_share <= share <= rules.max_share:
        exempt = min(employer, variables.meal_vouchers * rules.exempt_cap)
    return total - employer, exempt, employer - exempt


def _transport(payslip: PayslipInput, params: MonthParameters) -> tuple[Decimal, Decimal]:
    """Exempt and taxable parts of the public-transport reimbursement (C. trav. L3261-2)."""
    employee = payslip.employee
    if not employee.transit_pass_amount:
        return ZERO, ZERO
    paid = apply_rate(employee.transit_pass_amount, employee.transit_employer_share)
    limit = apply_rate(employee.transit_pass_amount, params.public_transport.exempt_share)
    exempt = min(paid, limit)
    return exempt, paid - exempt
