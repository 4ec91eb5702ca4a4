"""Hypothesis strategies: valid payslip inputs of 2025 and 2026, with every feature mixed in."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import strategies as st

from effectif.rules.payroll.inputs import (
    FULL_TIME_HOURS,
    AbsenceMethod,
    ContractKind,
    Employee,
    Employer,
    MonthVariables,
    PayslipInput,
    YearToDate,
)

MONTHS = [date(year, month, 1) for year in (2025, 2026) for month in range(1, 13)]
ZERO = Decimal("0")


def decimals(low: str, high: str, places: int = 2) -> st.SearchStrategy[Decimal]:
    return st.decimals(Decimal(low), Decimal(high), places=places, allow_nan=False)


def maybe(strategy: st.SearchStrategy[Decimal], chance: float = 0.3) -> st.SearchStrategy[Decimal]:
    """`strategy` sometimes, zero otherwise."""
    return st.one_of(st.just(ZERO), strategy) if chance else strategy


salaries = st.one_of(
    decimals("0", "25000"),
    st.sampled_from([Decimal(v) for v in ("1801.80", "1823.03", "1867.02", "5469.09", "5469.10")]),
    decimals("1700", "6000"),
)


@st.composite
def employers(draw: st.DrawFn) -> Employer:
    return Employer(
        headcount=draw(
            st.one_of(
                st.sampled_from([1, 10, 11, 19, 20, 49, 50, 249, 250, 1999, 2000]),
                st.integers(1, 5000),
            )
        ),
        at_rate=draw(decimals("0", "0.06", 4)),
        alsace_moselle=draw(st.booleans()),
        mobility_rate=draw(maybe(decimals("0", "0.032", 4))),
        payroll_tax_liable=draw(st.booleans()),
        non_profit=draw(st.booleans()),
        work_study_share=draw(maybe(decimals("0", "0.07", 3))),
        absence_method=draw(st.sampled_from(list(AbsenceMethod))),
    )


@st.composite
def payslip_inputs(draw: st.DrawFn, period: date) -> PayslipInput:
    employer = draw(employers())
    contract = draw(st.sampled_from(list(ContractKind)))
    forfait = draw(st.booleans()) and draw(st.booleans()) and draw(st.booleans())
    hours = FULL_TIME_HOURS
    if not forfait and draw(st.booleans()):
        hours = draw(decimals("24", "150"))
    full_time = not forfait and hours == FULL_TIME_HOURS
    last_day = (period.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    entry = draw(st.one_of(st.none(), st.dates(date(2024, 1, 1), last_day)))
    exit_ = draw(st.one_of(st.none(), st.dates(max(period, entry or period), date(2027, 12, 31))))
    term_end = None
    if contract is ContractKind.FIXED_TERM and entry is not None:
        term_end = entry + timedelta(days=draw(st.integers(0, 120)))
    employee = Employee(
        base_salary_amount=draw(salaries),
        cadre=draw(st.booleans()),
        contract=contract,
        monthly_hours=hours,
        forfait_days=draw(st.integers(100, 218)) if forfait else None,
        entry_date=entry,
        exit_date=exit_,
        initial_term_end_date=term_end,
        pas_rate=draw(st.one_of(st.none(), decimals("0", "0.43", 3))),
        health_premium_amount=draw(maybe(decimals("0", "250"))),
        health_employer_share=draw(decimals("0.5", "1", 2)),
        prevoyance_premium_amount=draw(maybe(decimals("0", "150"))),
        prevoyance_employer_share=draw(decimals("0", "1", 2)),
        transit_pass_amount=draw(maybe(decimals("0", "120"))),
        transit_employer_share=draw(decimals("0.5", "1", 2)),
    )
    whole_month = (entry is None or entry <= period) and (exit_ is None or exit_ >= last_day)
    variables = draw(
        month_variables(employer.absence_method, full_time, forfait, hours, whole_month)
    )
    ytd = YearToDate()
    if period.month > 1 and draw(st.booleans()):
        months = period.month - 1
        ytd = YearToDate(
            gross_amount=draw(decimals("0", str(25000 * months))),
            taxable_amount=draw(decimals("0", str(20000 * months))),
            withheld_amount=draw(decimals("0", str(5000 * months))),
            exempt_overtime_amount=draw(decimals("0", "8000")),
            reduction_pay_amount=draw(decimals("0", str(25000 * months))),
            reduction_smic_amount=draw(decimals("0", str(1900 * months))),
            reduction_amount=draw(decimals("-500", str(800 * months))),
        )
    return PayslipInput(period, employer, employee, variables, ytd, reference="généré")


@st.composite
def month_variables(
    draw: st.DrawFn,
    method: AbsenceMethod,
    full_time: bool,
    forfait: bool,
    hours: Decimal,
    whole_month: bool,
) -> MonthVariables:
    """The month's variables; unpaid absences only for an employee present all month, so that
    deductions never exceed the salary."""
    working_days = draw(st.one_of(st.none(), decimals("18", "23")))
    workable = draw(st.one_of(st.none(), decimals("140", "170")))
    absence_hours = absence_days = ZERO
    if not whole_month:
        pass
    elif method is AbsenceMethod.WORKING_DAYS and working_days and draw(st.booleans()):
        absence_days = draw(decimals("0", str(working_days / 4)))
    elif method is AbsenceMethod.ACTUAL_HOURS and workable and not forfait and draw(st.booleans()):
        absence_hours = draw(decimals("0", str(min(workable, hours) / 4)))
    elif method is AbsenceMethod.HOURLY_RATE and not forfait and draw(st.booleans()):
        absence_hours = draw(decimals("0", str(hours / 4)))
    leave_days = ZERO
    if working_days and draw(st.booleans()):
        leave_days = draw(decimals("0", "10"))
    complementary = ZERO
    part_time = not forfait and not full_time
    if part_time:
        room = min(hours / 3, FULL_TIME_HOURS - hours - Decimal("0.02"))
        complementary = draw(decimals("0", str(max(room, ZERO))))
    split = draw(decimals("0", "1"))
    return MonthVariables(
        overtime_hours_25=draw(maybe(decimals("0", "34"))) if full_time else ZERO,
        overtime_hours_50=draw(maybe(decimals("0", "20"))) if full_time else ZERO,
        complementary_hours_10=(complementary * split).quantize(Decimal("0.01")),
        complementary_hours_25=complementary - (complementary * split).quantize(Decimal("0.01")),
        bonus_amount=draw(maybe(decimals("0", "8000"))),
        expense_allowance_amount=draw(maybe(decimals("0", "400"))),
        absence_hours=absence_hours,
        absence_days=absence_days,
        month_workable_hours=workable,
        month_working_days=working_days,
        paid_leave_days=leave_days,
        paid_leave_reference_gross_amount=draw(decimals("0", "60000")),
        paid_leave_acquired_days=draw(st.sampled_from([Decimal(25), Decimal(30)])),
        meals_provided=draw(st.integers(0, 22)),
        housing_benefit_amount=draw(maybe(decimals("0", "600"))),
        vehicle_benefit_amount=draw(maybe(decimals("0", "500"))),
        meal_vouchers=draw(st.integers(0, 22)),
        meal_voucher_face_amount=draw(decimals("0", "15")),
        meal_voucher_employer_share=draw(decimals("0.4", "0.7", 2)),
    )
