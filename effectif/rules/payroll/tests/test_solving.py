"""The simulator's backward solve: the gross found gives the target, and one cent less does not."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

import pytest

from effectif.rules.payroll import Employee, Employer, PayslipInput, compute_payslip
from effectif.rules.payroll.solving import Target, UnreachableTarget, gross_for

BASE = PayslipInput(
    period_date=date(2026, 3, 1),
    employer=Employer(headcount=12, at_rate=D("0.0208")),
    employee=Employee(base_salary_amount=D("0"), pas_rate=D("0.05")),
)


@pytest.mark.parametrize(
    ("target", "amount"),
    [
        (Target.NET_BEFORE_TAX, D("2000.00")),
        (Target.NET_PAID, D("1850.00")),
        (Target.EMPLOYER_COST, D("3500.00")),
    ],
)
def test_the_gross_found_is_the_least_that_reaches_the_target(target, amount):
    measure = {
        Target.NET_BEFORE_TAX: "net_before_tax_amount",
        Target.NET_PAID: "net_paid_amount",
        Target.EMPLOYER_COST: "employer_cost_amount",
    }[target]
    found = gross_for(BASE, target, amount)
    assert getattr(found, measure) >= amount
    one_cent_less = replace(
        BASE, employee=replace(BASE.employee, base_salary_amount=found.gross_amount - D("0.01"))
    )
    assert getattr(compute_payslip(one_cent_less), measure) < amount
    assert getattr(found, measure) - amount < D("0.05")


def test_a_net_of_2000_needs_about_2560_gross_for_a_non_cadre():
    # Non-cadre employee in 2026: employee contributions are about 22 % of gross.
    found = gross_for(BASE, Target.NET_BEFORE_TAX, D("2000"))
    assert D("2500") < found.gross_amount < D("2620")


def test_an_unreachable_target_is_an_error():
    with pytest.raises(UnreachableTarget):
        gross_for(BASE, Target.NET_PAID, D("10000000"))
