"""What the engine is given for one payslip: typed, immutable, Decimal for money.

Money fields end in `_amount`, dates in `_date`; rates and shares are fractions (0.5 = 50 %);
hours and days may have two decimals. `validation.py` checks the values and says, in French,
which field is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

ZERO = Decimal("0")
FULL_TIME_HOURS = Decimal("151.67")


class ContractKind(StrEnum):
    """Kind of employment contract, as far as payroll rules differ."""

    PERMANENT = "cdi"
    FIXED_TERM = "cdd"
    APPRENTICESHIP = "apprentissage"


class AbsenceMethod(StrEnum):
    """How an unpaid absence is deducted from a monthly salary (chosen by the employer).

    The Cour de cassation requires a deduction proportional to the hours the employee would
    have worked in the month (Cass. soc. 13/07/2010 n° 09-65.010): `ACTUAL_HOURS`. The fixed
    hourly rate (salary / contractual monthly hours) and the working-days methods are common
    and accepted when they do not penalise the employee.
    """

    HOURLY_RATE = "taux_horaire"
    ACTUAL_HOURS = "horaire_reel"
    WORKING_DAYS = "jours_ouvres"


@dataclass(frozen=True, slots=True)
class Employer:
    """Facts about the employer (establishment) that change contributions."""

    headcount: int
    at_rate: Decimal
    alsace_moselle: bool = False
    mobility_rate: Decimal = ZERO
    payroll_tax_liable: bool = False
    non_profit: bool = False
    work_study_share: Decimal = ZERO
    absence_method: AbsenceMethod = AbsenceMethod.HOURLY_RATE


@dataclass(frozen=True, slots=True)
class Employee:
    """Facts about the employee and the contract.

    `monthly_hours` is the contractual monthly duration (151.67 = full time, less = part time);
    with `forfait_days` (annual days of a forfait jours) it is ignored. `pas_rate` is the
    personalised withholding rate sent by the tax office, `None` for the neutral grid.
    Health cover and prévoyance premiums are monthly totals split by the employer's share;
    a cadre's mandatory 1,50 % prévoyance is computed on top of `prevoyance_premium_amount`.
    """

    base_salary_amount: Decimal
    cadre: bool = False
    contract: ContractKind = ContractKind.PERMANENT
    monthly_hours: Decimal = FULL_TIME_HOURS
    forfait_days: int | None = None
    entry_date: date | None = None
    exit_date: date | None = None
    initial_term_end_date: date | None = None
    pas_rate: Decimal | None = None
    health_premium_amount: Decimal = ZERO
    health_employer_share: Decimal = Decimal("0.5")
    prevoyance_premium_amount: Decimal = ZERO
    prevoyance_employer_share: Decimal = Decimal("0.5")
    transit_pass_amount: Decimal = ZERO
    transit_employer_share: Decimal = Decimal("0.5")


@dataclass(frozen=True, slots=True)
class SickLeave:
    """One work stoppage (arrêt de travail) covering days of the pay month.

    `start_date` is the stop's first day and `end_date` its last (either may lie outside the
    month: only the month's days are paid here, counted from `start_date` for the waiting days
    and the maintenance bands). `occupational` marks a work accident or occupational disease.
    `seniority_years` is the complete years of seniority on the first day of absence;
    `previous_maintained_days` the days of other stops the employer already maintained in the
    12 months before this one (C. trav. D1226-4; days of this same stop paid in earlier months
    are not counted). `reference_gross_amounts` is the gross pay of the (up to) three months
    before the stop, oldest first: the IJSS of an illness use all three, those of a work accident
    the last one. `absence_hours` (hourly methods) or `absence_days` (working days method) are
    the hours or working days the stop takes from the month, deducted like an unpaid absence.
    `maintenance_rates` overrides the legal 90 % and two thirds (collective agreement).
    With `subrogation` the employer receives the IJSS and pays them on the payslip.
    """

    start_date: date
    end_date: date
    seniority_years: int
    reference_gross_amounts: tuple[Decimal, ...]
    absence_hours: Decimal = ZERO
    absence_days: Decimal = ZERO
    occupational: bool = False
    previous_maintained_days: int = 0
    subrogation: bool = False
    maintenance_rates: tuple[Decimal, Decimal] | None = None


@dataclass(frozen=True, slots=True)
class MonthVariables:
    """The month's variable elements.

    Absences are unpaid hours (`absence_hours`, for the hourly methods) or days
    (`absence_days`, for the working-days method); `month_workable_hours` and
    `month_working_days` describe the month for the methods that need them. Paid leave taken
    is valued at the higher of salary maintenance and one tenth of the reference period's gross
    pay (`paid_leave_reference_gross_amount` for `paid_leave_acquired_days` acquired days).
    `sick_leaves` are the month's sickness or work-accident stops (see `SickLeave`).
    """

    overtime_hours_25: Decimal = ZERO
    overtime_hours_50: Decimal = ZERO
    complementary_hours_10: Decimal = ZERO
    complementary_hours_25: Decimal = ZERO
    bonus_amount: Decimal = ZERO
    expense_allowance_amount: Decimal = ZERO
    absence_hours: Decimal = ZERO
    absence_days: Decimal = ZERO
    month_workable_hours: Decimal | None = None
    month_working_days: Decimal | None = None
    paid_leave_days: Decimal = ZERO
    paid_leave_reference_gross_amount: Decimal = ZERO
    paid_leave_acquired_days: Decimal = ZERO
    meals_provided: int = 0
    housing_benefit_amount: Decimal = ZERO
    vehicle_benefit_amount: Decimal = ZERO
    meal_vouchers: int = 0
    meal_voucher_face_amount: Decimal = ZERO
    meal_voucher_employer_share: Decimal = Decimal("0.5")
    sick_leaves: tuple[SickLeave, ...] = ()


@dataclass(frozen=True, slots=True)
class YearToDate:
    """Cumulated figures of the previous months of the same calendar year, with this employer.

    `reduction_*` carry the réduction générale's progressive computation: pay and SMIC summed
    since January (or entry), and the reductions already applied.
    """

    gross_amount: Decimal = ZERO
    taxable_amount: Decimal = ZERO
    withheld_amount: Decimal = ZERO
    exempt_overtime_amount: Decimal = ZERO
    reduction_pay_amount: Decimal = ZERO
    reduction_smic_amount: Decimal = ZERO
    reduction_amount: Decimal = ZERO


@dataclass(frozen=True, slots=True)
class PayslipInput:
    """Everything needed to compute one employee's payslip for one month.

    `period_date` is the first day of the pay month; `reference` names the payslip in errors
    and outputs (an id, a matricule).
    """

    period_date: date
    employer: Employer
    employee: Employee
    variables: MonthVariables = field(default_factory=MonthVariables)
    year_to_date: YearToDate = field(default_factory=YearToDate)
    reference: str = ""
