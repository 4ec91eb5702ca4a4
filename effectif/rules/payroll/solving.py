"""Solving the engine backwards: the gross salary that gives a wanted net pay or employer cost.

Net pay and employer cost grow with the base salary (contributions are rates on the pay and the
reductions never take back more than they give), so a bisection on the cents converges; it stops
at the smallest gross, to the cent, whose result reaches the target. Used by the simulator for
a hire or a raise (« du net au brut »).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from enum import StrEnum

from effectif.rules.payroll.engine import compute_payslip
from effectif.rules.payroll.inputs import PayslipInput
from effectif.rules.payroll.month_parameters import MonthParameters, month_parameters
from effectif.rules.payroll.results import Payslip

CENT = Decimal("0.01")
#: No monthly gross above this is looked for (a target beyond it is refused).
HIGHEST_GROSS = Decimal("1000000")


class Target(StrEnum):
    NET_BEFORE_TAX = "net_avant_impot"
    NET_PAID = "net_paye"
    EMPLOYER_COST = "cout_employeur"


_MEASURES: dict[Target, Callable[[Payslip], Decimal]] = {
    Target.NET_BEFORE_TAX: lambda p: p.net_before_tax_amount,
    Target.NET_PAID: lambda p: p.net_paid_amount,
    Target.EMPLOYER_COST: lambda p: p.employer_cost_amount,
}


class UnreachableTarget(ValueError):
    """No gross salary within the searched range gives the target."""


def gross_for(
    payslip: PayslipInput,
    target: Target,
    amount: Decimal,
    params: MonthParameters | None = None,
) -> Payslip:
    """The payslip whose base salary is the smallest, to the cent, reaching `amount` of
    `target`; the rest of `payslip` (contract, variables, year to date) is kept."""
    params = params or month_parameters(payslip.period_date)
    measure = _MEASURES[target]

    def at(cents: int) -> Payslip:
        employee = replace(payslip.employee, base_salary_amount=Decimal(cents) * CENT)
        return compute_payslip(replace(payslip, employee=employee), params)

    low, high = 0, int(HIGHEST_GROSS / CENT)
    if measure(at(high)) < amount:
        raise UnreachableTarget(
            f"aucun salaire brut inférieur à {HIGHEST_GROSS} € ne donne ce montant"
        )
    while low < high:
        middle = (low + high) // 2
        if measure(at(middle)) >= amount:
            high = middle
        else:
            low = middle + 1
    return at(low)
