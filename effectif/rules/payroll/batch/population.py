"""A month's population of payslips in columns: one numpy array per input field.

Money is int64 cents, rates int64 millionths, hours and days int64 hundredths; optional values
use a sentinel (`NO_RATE` for the neutral withholding grid, 0 for absent month durations and
forfaits, NaT for absent dates). `Population.from_inputs` converts validated `PayslipInput`s;
the benchmark fills the columns directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from typing import Any

import numpy as np
import numpy.typing as npt

from effectif.rules.payroll.batch.cents import (
    Bool,
    Int,
    from_cents,
    to_cents,
    to_hundredths,
    to_micro,
)
from effectif.rules.payroll.inputs import (
    AbsenceMethod,
    ContractKind,
    Employee,
    Employer,
    MonthVariables,
    PayslipInput,
    YearToDate,
)
from effectif.rules.payroll.month_parameters import month_parameters
from effectif.rules.payroll.validation import validate

Dates = npt.NDArray[np.datetime64]
NO_RATE = -1
CONTRACTS: tuple[ContractKind, ...] = tuple(ContractKind)
ABSENCE_METHODS: tuple[AbsenceMethod, ...] = tuple(AbsenceMethod)


@dataclass(frozen=True)
class Population:
    """Columns of equal length, one row per payslip of the month `period_date`."""

    period_date: date
    headcount: Int
    at_rate: Int
    alsace_moselle: Bool
    mobility_rate: Int
    payroll_tax_liable: Bool
    non_profit: Bool
    work_study_share: Int
    absence_method: Int
    base_salary: Int
    cadre: Bool
    contract: Int
    monthly_hours: Int
    forfait_days: Int
    entry_date: Dates
    exit_date: Dates
    initial_term_end_date: Dates
    pas_rate: Int
    health_premium: Int
    health_employer_share: Int
    prevoyance_premium: Int
    prevoyance_employer_share: Int
    transit_pass: Int
    transit_employer_share: Int
    overtime_hours_25: Int
    overtime_hours_50: Int
    complementary_hours_10: Int
    complementary_hours_25: Int
    bonus: Int
    expense_allowance: Int
    absence_hours: Int
    absence_days: Int
    month_workable_hours: Int
    month_working_days: Int
    paid_leave_days: Int
    paid_leave_reference_gross: Int
    paid_leave_acquired_days: Int
    meals_provided: Int
    housing_benefit: Int
    vehicle_benefit: Int
    meal_vouchers: Int
    meal_voucher_face: Int
    meal_voucher_employer_share: Int
    ytd_gross: Int
    ytd_taxable: Int
    ytd_withheld: Int
    ytd_exempt_overtime: Int
    ytd_reduction_pay: Int
    ytd_reduction_smic: Int
    ytd_reduction: Int

    def __len__(self) -> int:
        return int(self.base_salary.shape[0])

    def __post_init__(self) -> None:
        size = len(self)
        for item in fields(self):
            column = getattr(self, item.name)
            if isinstance(column, np.ndarray) and column.shape != (size,):
                raise ValueError(f"column {item.name} has shape {column.shape}, expected {size}")

    def row(self, index: int) -> PayslipInput:
        """The payslip input of one row (the inverse of `from_inputs`)."""
        return _row(self, index)

    @classmethod
    def from_inputs(cls, payslips: Sequence[PayslipInput]) -> Population:
        """Columns of validated payslips, all of one month."""
        if not payslips:
            raise ValueError("a population needs at least one payslip")
        period = payslips[0].period_date
        params = month_parameters(period)
        for payslip in payslips:
            if payslip.period_date != period:
                raise ValueError("all payslips of a population belong to one month")
            validate(payslip, params)
            if payslip.variables.sick_leaves:
                raise ValueError(
                    "les arrêts de travail se calculent bulletin par bulletin (compute_payslip)"
                )
        return cls(period_date=period, **_columns(payslips))


def _int(values: Sequence[int]) -> Int:
    return np.asarray(values, dtype=np.int64)


def _bool(values: Sequence[bool]) -> Bool:
    return np.asarray(values, dtype=np.bool_)


def _dates(values: Sequence[date | None]) -> Dates:
    return np.asarray(
        [np.datetime64("NaT") if value is None else np.datetime64(value, "D") for value in values],
        dtype="datetime64[D]",
    )


def _optional(value: Decimal | None) -> int:
    return 0 if value is None else to_hundredths(value)


def _columns(payslips: Sequence[PayslipInput]) -> dict[str, Any]:
    employers = [p.employer for p in payslips]
    employees = [p.employee for p in payslips]
    variables = [p.variables for p in payslips]
    ytd = [p.year_to_date for p in payslips]
    return {
        "headcount": _int([e.headcount for e in employers]),
        "at_rate": _int([to_micro(e.at_rate) for e in employers]),
        "alsace_moselle": _bool([e.alsace_moselle for e in employers]),
        "mobility_rate": _int([to_micro(e.mobility_rate) for e in employers]),
        "payroll_tax_liable": _bool([e.payroll_tax_liable for e in employers]),
        "non_profit": _bool([e.non_profit for e in employers]),
        "work_study_share": _int([to_micro(e.work_study_share) for e in employers]),
        "absence_method": _int([ABSENCE_METHODS.index(e.absence_method) for e in employers]),
        "base_salary": _int([to_cents(e.base_salary_amount) for e in employees]),
        "cadre": _bool([e.cadre for e in employees]),
        "contract": _int([CONTRACTS.index(e.contract) for e in employees]),
        "monthly_hours": _int([to_hundredths(e.monthly_hours) for e in employees]),
        "forfait_days": _int([e.forfait_days or 0 for e in employees]),
        "entry_date": _dates([e.entry_date for e in employees]),
        "exit_date": _dates([e.exit_date for e in employees]),
        "initial_term_end_date": _dates([e.initial_term_end_date for e in employees]),
        "pas_rate": _int(
            [NO_RATE if e.pas_rate is None else to_micro(e.pas_rate) for e in employees]
        ),
        "health_premium": _int([to_cents(e.health_premium_amount) for e in employees]),
        "health_employer_share": _int([to_micro(e.health_employer_share) for e in employees]),
        "prevoyance_premium": _int([to_cents(e.prevoyance_premium_amount) for e in employees]),
        "prevoyance_employer_share": _int(
            [to_micro(e.prevoyance_employer_share) for e in employees]
        ),
        "transit_pass": _int([to_cents(e.transit_pass_amount) for e in employees]),
        "transit_employer_share": _int([to_micro(e.transit_employer_share) for e in employees]),
        "overtime_hours_25": _int([to_hundredths(v.overtime_hours_25) for v in variables]),
        "overtime_hours_50": _int([to_hundredths(v.overtime_hours_50) for v in variables]),
        "complementary_hours_10": _int(
            [to_hundredths(v.complementary_hours_10) for v in variables]
        ),
        "complementary_hours_25": _int(
            [to_hundredths(v.complementary_hours_25) for v in variables]
        ),
        "bonus": _int([to_cents(v.bonus_amount) for v in variables]),
        "expense_allowance": _int([to_cents(v.expense_allowance_amount) for v in variables]),
        "absence_hours": _int([to_hundredths(v.absence_hours) for v in variables]),
        "absence_days": _int([to_hundredths(v.absence_days) for v in variables]),
        "month_workable_hours": _int([_optional(v.month_workable_hours) for v in variables]),
        "month_working_days": _int([_optional(v.month_working_days) for v in variables]),
        "paid_leave_days": _int([to_hundredths(v.paid_leave_days) for v in variables]),
        "paid_leave_reference_gross": _int(
            [to_cents(v.paid_leave_reference_gross_amount) for v in variables]
        ),
        "paid_leave_acquired_days": _int(
            [to_hundredths(v.paid_leave_acquired_days) for v in variables]
        ),
        "meals_provided": _int([v.meals_provided for v in variables]),
        "housing_benefit": _int([to_cents(v.housing_benefit_amount) for v in variables]),
        "vehicle_benefit": _int([to_cents(v.vehicle_benefit_amount) for v in variables]),
        "meal_vouchers": _int([v.meal_vouchers for v in variables]),
        "meal_voucher_face": _int([to_cents(v.meal_voucher_face_amount) for v in variables]),
        "meal_voucher_employer_share": _int(
            [to_micro(v.meal_voucher_employer_share) for v in variables]
        ),
        "ytd_gross": _int([to_cents(y.gross_amount) for y in ytd]),
        "ytd_taxable": _int([to_cents(y.taxable_amount) for y in ytd]),
        "ytd_withheld": _int([to_cents(y.withheld_amount) for y in ytd]),
        "ytd_exempt_overtime": _int([to_cents(y.exempt_overtime_amount) for y in ytd]),
        "ytd_reduction_pay": _int([to_cents(y.reduction_pay_amount) for y in ytd]),
        "ytd_reduction_smic": _int([to_cents(y.reduction_smic_amount) for y in ytd]),
        "ytd_reduction": _int([to_cents(y.reduction_amount) for y in ytd]),
    }


def _micro_of(value: np.integer) -> Decimal:
    return Decimal(int(value)).scaleb(-6)


def _date_of(value: np.datetime64) -> date | None:
    return None if np.isnat(value) else date.fromisoformat(str(value))


def _optional_of(value: np.integer) -> Decimal | None:
    return from_cents(value) if value else None


def _row(p: Population, i: int) -> PayslipInput:
    cents, micro = from_cents, _micro_of
    return PayslipInput(
        period_date=p.period_date,
        employer=Employer(
            headcount=int(p.headcount[i]),
            at_rate=micro(p.at_rate[i]),
            alsace_moselle=bool(p.alsace_moselle[i]),
            mobility_rate=micro(p.mobility_rate[i]),
            payroll_tax_liable=bool(p.payroll_tax_liable[i]),
            non_profit=bool(p.non_profit[i]),
            work_study_share=micro(p.work_study_share[i]),
            absence_method=ABSENCE_METHODS[int(p.absence_method[i])],
        ),
        employee=Employee(
            base_salary_amount=cents(p.base_salary[i]),
            cadre=bool(p.cadre[i]),
            contract=CONTRACTS[int(p.contract[i])],
            monthly_hours=cents(p.monthly_hours[i]),
            forfait_days=int(p.forfait_days[i]) or None,
            entry_date=_date_of(p.entry_date[i]),
            exit_date=_date_of(p.exit_date[i]),
            initial_term_end_date=_date_of(p.initial_term_end_date[i]),
            pas_rate=None if p.pas_rate[i] == NO_RATE else micro(p.pas_rate[i]),
            health_premium_amount=cents(p.health_premium[i]),
            health_employer_share=micro(p.health_employer_share[i]),
            prevoyance_premium_amount=cents(p.prevoyance_premium[i]),
            prevoyance_employer_share=micro(p.prevoyance_employer_share[i]),
            transit_pass_amount=cents(p.transit_pass[i]),
            transit_employer_share=micro(p.transit_employer_share[i]),
        ),
        variables=MonthVariables(
            overtime_hours_25=cents(p.overtime_hours_25[i]),
            overtime_hours_50=cents(p.overtime_hours_50[i]),
            complementary_hours_10=cents(p.complementary_hours_10[i]),
            complementary_hours_25=cents(p.complementary_hours_25[i]),
            bonus_amount=cents(p.bonus[i]),
            expense_allowance_amount=cents(p.expense_allowance[i]),
            absence_hours=cents(p.absence_hours[i]),
            absence_days=cents(p.absence_days[i]),
            month_workable_hours=_optional_of(p.month_workable_hours[i]),
            month_working_days=_optional_of(p.month_working_days[i]),
            paid_leave_days=cents(p.paid_leave_days[i]),
            paid_leave_reference_gross_amount=cents(p.paid_leave_reference_gross[i]),
            paid_leave_acquired_days=cents(p.paid_leave_acquired_days[i]),
            meals_provided=int(p.meals_provided[i]),
            housing_benefit_amount=cents(p.housing_benefit[i]),
            vehicle_benefit_amount=cents(p.vehicle_benefit[i]),
            meal_vouchers=int(p.meal_vouchers[i]),
            meal_voucher_face_amount=cents(p.meal_voucher_face[i]),
            meal_voucher_employer_share=micro(p.meal_voucher_employer_share[i]),
        ),
        year_to_date=YearToDate(
            gross_amount=cents(p.ytd_gross[i]),
            taxable_amount=cents(p.ytd_taxable[i]),
            withheld_amount=cents(p.ytd_withheld[i]),
            exempt_overtime_amount=cents(p.ytd_exempt_overtime[i]),
            reduction_pay_amount=cents(p.ytd_reduction_pay[i]),
            reduction_smic_amount=cents(p.ytd_reduction_smic[i]),
            reduction_amount=cents(p.ytd_reduction[i]),
        ),
        reference=str(i),
    )
