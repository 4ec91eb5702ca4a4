"""Impossible inputs are refused with a French message naming the field."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from effectif.rules.parameters.base import MissingParameter
from effectif.rules.payroll.engine import compute_payslip
from effectif.rules.payroll.inputs import (
    AbsenceMethod,
    Employee,
    Employer,
    MonthVariables,
    PayslipInput,
    YearToDate,
)
from effectif.rules.payroll.tests.builders import D
from effectif.rules.payroll.validation import PayslipInputError

BASE = PayslipInput(
    date(2026, 3, 1),
    Employer(headcount=10, at_rate=D("0.01")),
    Employee(base_salary_amount=D("2000.00")),
    reference="matricule 42",
)


@pytest.mark.parametrize(
    ("payslip", "field"),
    [
        (replace(BASE, period_date=date(2026, 3, 2)), "month"),
        (replace(BASE, employer=Employer(headcount=0, at_rate=D("0.01"))), "headcount"),
        (replace(BASE, employee=Employee(base_salary_amount=D("2000.001"))), "base_salary_amount"),
        (
            replace(BASE, employee=Employee(base_salary_amount=D("1"), pas_rate=D("0.0000001"))),
            "pas_rate",
        ),
        (
            replace(BASE, employee=Employee(base_salary_amount=D("1"), forfait_days=300)),
            "forfait_days",
        ),
        (
            replace(BASE, variables=MonthVariables(absence_hours=D("200"))),
            "absence_hours",
        ),
        (
            replace(
                BASE,
                employer=Employer(
                    headcount=10, at_rate=D("0.01"), absence_method=AbsenceMethod.WORKING_DAYS
                ),
                variables=MonthVariables(absence_days=D("2")),
            ),
            "month_working_days",
        ),
        (
            replace(BASE, variables=MonthVariables(paid_leave_days=D("2"))),
            "month_working_days",
        ),
        (
            replace(
                BASE,
                employee=Employee(base_salary_amount=D("2000.00"), entry_date=date(2026, 4, 1)),
            ),
            "entry_date",
        ),
        (
            replace(
                BASE,
                period_date=date(2026, 1, 1),
                year_to_date=YearToDate(gross_amount=D("10.00")),
            ),
            "year_to_date",
        ),
        (
            replace(
                BASE,
                employee=Employee(
                    base_salary_amount=D("2000.00"),
                    transit_pass_amount=D("50.00"),
                    transit_employer_share=D("0.4"),
                ),
            ),
            "transit_employer_share",
        ),
        (
            replace(
                BASE,
                employee=Employee(base_salary_amount=D("1000.00"), monthly_hours=D("140")),
                variables=MonthVariables(complementary_hours_10=D("12")),
            ),
            "complementary_hours_10",
        ),
    ],
)
def test_refused_with_the_field_named(payslip: PayslipInput, field: str) -> None:
    with pytest.raises(PayslipInputError) as raised:
        compute_payslip(payslip)
    assert raised.value.field == field
    assert "bulletin « matricule 42 »" in str(raised.value)


@pytest.mark.parametrize("month", [date(2024, 12, 1), date(2027, 1, 1)])
def test_a_month_outside_the_parameters_is_refused(month: date) -> None:
    """No payslip is computed with the values of the nearest year: the error names the
    parameter that has no value that month."""
    with pytest.raises(MissingParameter) as raised:
        compute_payslip(replace(BASE, period_date=month))
    assert raised.value.name == "plafond_mensuel_securite_sociale"
    assert f"{month:%d/%m/%Y}" in str(raised.value)


@pytest.mark.parametrize(
    ("employee", "field"),
    [
        (Employee(base_salary_amount=D("2000.00"), cadre=None), "cadre"),  # type: ignore[arg-type]
        (
            Employee(base_salary_amount=D("2000.00"), monthly_hours=None),  # type: ignore[arg-type]
            "monthly_hours",
        ),
    ],
)
def test_a_missing_category_or_working_time_is_refused(employee: Employee, field: str) -> None:
    """Not taken as non-cadre or full time: a French error naming the field."""
    with pytest.raises(PayslipInputError) as raised:
        compute_payslip(replace(BASE, employee=employee))
    assert raised.value.field == field
    assert "absente" in raised.value.reason
