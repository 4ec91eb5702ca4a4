"""The simulator: one payslip computed by the engine from a few typed facts, forwards (from
the gross) or backwards (from the net before tax, the net paid or the employer cost), for a hire
or a raise. Nothing is stored."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from effectif.organisation.models import Establishment
from effectif.payroll.facts import month_end
from effectif.rules.payroll import Employee, Employer, PayslipInput, compute_payslip
from effectif.rules.payroll.inputs import ContractKind
from effectif.rules.payroll.results import Payslip
from effectif.rules.payroll.solving import Target, gross_for

#: What the amount typed is: the gross, or one of the solver's targets.
GROSS = "brut"


@dataclass(frozen=True)
class Simulation:
    month: dt.date
    establishment: Establishment
    headcount: int
    mode: str
    amount: Decimal
    cadre: bool
    contract: ContractKind
    monthly_hours: Decimal
    pas_rate: Decimal | None
    health_premium_amount: Decimal


def simulate(facts: Simulation) -> Payslip:
    establishment = facts.establishment
    given = PayslipInput(
        period_date=facts.month.replace(day=1),
        employer=Employer(
            headcount=facts.headcount,
            at_rate=establishment.at_rate,
            alsace_moselle=establishment.alsace_moselle,
            mobility_rate=establishment.mobility_rate,
            payroll_tax_liable=establishment.employer.subject_to_payroll_tax,
        ),
        employee=Employee(
            base_salary_amount=facts.amount if facts.mode == GROSS else Decimal(0),
            cadre=facts.cadre,
            contract=facts.contract,
            monthly_hours=facts.monthly_hours,
            initial_term_end_date=(
                month_end(facts.month) if facts.contract is ContractKind.FIXED_TERM else None
            ),
            pas_rate=facts.pas_rate,
            health_premium_amount=facts.health_premium_amount,
        ),
        reference="simulation",
    )
    if facts.mode == GROSS:
        return compute_payslip(given)
    return gross_for(given, Target(facts.mode), facts.amount)
