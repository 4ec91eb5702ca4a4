"""The facts of a period read from the database and turned into the engine's inputs: who is
paid (a contract of a kind payroll computes, in force during the month), the contract's terms at
the end of the month (or at exit), the establishment's rates, the employee's payroll settings,
the month's planned hours and the year-to-date figures of the previous payslips."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q

from effectif.contracts.models import Contract, ContractTerms
from effectif.employees.models import Employee
from effectif.payroll.catalogue import ElementValues, month_variables
from effectif.payroll.models import (
    EmployeePayrollSettings,
    EmployerPayrollSettings,
    PasOrigin,
    PayrollPeriod,
    Payslip,
    PayslipStatus,
)
from effectif.rules.contracts.kinds import Category, ContractKind, WorkingTime
from effectif.rules.payroll.inputs import FULL_TIME_HOURS, AbsenceMethod, PayslipInput, YearToDate
from effectif.rules.payroll.inputs import ContractKind as PayrollContract
from effectif.rules.payroll.inputs import Employee as EmployeeFacts
from effectif.rules.payroll.inputs import Employer as EmployerFacts
from effectif.timekeeping.calendar import planned_hours_many

ZERO = Decimal(0)

#: Contract kinds the engine computes, and how. A temporary worker is paid by the agency, an
#: intern receives a gratification (no payslip), and public-law pay (civil servants, public
#: contract staff) follows other schemes: payroll lists them without a payslip.
PAYROLL_KINDS: dict[str, PayrollContract] = {
    ContractKind.CDI: PayrollContract.PERMANENT,
    ContractKind.CDD: PayrollContract.FIXED_TERM,
    ContractKind.APPRENTICESHIP: PayrollContract.APPRENTICESHIP,
    ContractKind.PROFESSIONALISATION: PayrollContract.FIXED_TERM,
}


@dataclass
class Paid:
    """One person paid in the period: the contract, its terms, and their settings."""

    employee: Employee
    contract: Contract
    terms: ContractTerms
    settings: EmployeePayrollSettings | None


def month_end(month: dt.date) -> dt.date:
    following = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def contracts_of_month(period: PayrollPeriod) -> list[Contract]:
    """The employer's contracts in force for at least a day of the month, latest start first."""
    first, last = period.month, month_end(period.month)
    return list(
        Contract.objects.filter(employee__employer_id=period.employer_id, start_date__lte=last)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=first))
        .select_related("employee")
        .order_by("employee_id", "-start_date")
    )


def paid_in(
    period: PayrollPeriod,
    employee_ids: Iterable[int] | None = None,
    *,
    contracts: list[Contract] | None = None,
) -> list[Paid]:
    """Who gets a payslip in the period (one contract each: the latest of the month), from the
    month's `contracts` when the caller has them."""
    wanted = set(employee_ids) if employee_ids is not None else None
    last = month_end(period.month)
    chosen: dict[int, Contract] = {}
    for contract in contracts if contracts is not None else contracts_of_month(period):
        if contract.kind not in PAYROLL_KINDS or contract.employee_id in chosen:
            continue
        if wanted is None or contract.employee_id in wanted:
            chosen[contract.employee_id] = contract
    terms_by_contract: dict[int, list[ContractTerms]] = defaultdict(list)
    for terms in (
        ContractTerms.objects.filter(contract__in=list(chosen.values()))
        .select_related("establishment")
        .order_by("-effective_date")
    ):
        terms_by_contract[terms.contract_id].append(terms)
    settings = settings_on(chosen.keys(), last)
    paid = []
    for employee_id, contract in chosen.items():
        on = min(last, contract.end_date or last)
        versions = [t for t in terms_by_contract[contract.pk] if t.effective_date <= on]
        if versions:
            paid.append(Paid(contract.employee, contract, versions[0], settings.get(employee_id)))
    paid.sort(key=lambda p: (p.employee.last_name, p.employee.first_names, p.employee.pk))
    return paid


def settings_on(employee_ids: Iterable[int], on: dt.date) -> dict[int, EmployeePayrollSettings]:
    """Each employee's payroll settings in force on `on`."""
    found: dict[int, EmployeePayrollSettings] = {}
    for row in EmployeePayrollSettings.objects.filter(
        employee_id__in=list(employee_ids), effective_date__lte=on
    ).order_by("employee_id", "-effective_date"):
        found.setdefault(row.employee_id, row)
    return found


def employer_settings(period: PayrollPeriod) -> EmployerPayrollSettings:
    found = EmployerPayrollSettings.objects.filter(employer_id=period.employer_id).first()
    return found or EmployerPayrollSettings(employer_id=period.employer_id)


def headcount(
    period: PayrollPeriod,
    settings: EmployerPayrollSettings,
    contracts: list[Contract] | None = None,
) -> int:
    """The headcount for the contribution thresholds: the one HR entered (the previous year's
    average, CSS R130-1), else the people under a counted contract during the month."""
    if settings.headcount is not None:
        return settings.headcount
    if contracts is None:
        contracts = contracts_of_month(period)
    return len({c.employee_id for c in contracts if c.kind in PAYROLL_KINDS})


def year_to_date(period: PayrollPeriod, employee_ids: Iterable[int]) -> dict[int, YearToDate]:
    """The year-to-date figures after each employee's last computed payslip earlier in the same
    year with this employer: the latest payslips are found first, then only their figures are
    read (not every earlier month's whole result)."""
    latest: dict[int, int] = {}
    for employee_id, pk in (
        Payslip.objects.filter(
            employee_id__in=list(employee_ids),
            status=PayslipStatus.COMPUTED,
            period__employer_id=period.employer_id,
            period__month__year=period.month.year,
            period__month__lt=period.month,
        )
        .order_by("employee_id", "-period__month")
        .values_list("employee_id", "pk")
    ):
        latest.setdefault(employee_id, pk)
    rows = Payslip.objects.filter(pk__in=list(latest.values())).values_list(
        "employee_id", "result__year_to_date"
    )
    return {
        employee_id: YearToDate(**{k: Decimal(v) for k, v in (figures or {}).items()})
        for employee_id, figures in rows
    }


def planned_month(paid: list[Paid], period: PayrollPeriod) -> dict[int, tuple[Decimal, Decimal]]:
    """Each employee's hours and working days planned in the month (for absence deductions)."""
    planned = planned_hours_many([p.employee for p in paid], period.month, month_end(period.month))
    return {
        employee_id: (sum(days.values(), ZERO), Decimal(sum(1 for h in days.values() if h > 0)))
        for employee_id, days in planned.items()
    }


def _monthly_hours(terms: ContractTerms) -> Decimal:
    """The contract's monthly hours; full time without a figure is the legal duration
    (C. trav. L3121-27: 35 h a week, 151,67 h a month). A part-time contract without its
    hours is an error: the payslip fails with this message."""
    if terms.monthly_hours is not None:
        return terms.monthly_hours
    if terms.working_time == WorkingTime.PART_TIME:
        raise ValueError(
            "Le contrat à temps partiel n'indique pas sa durée mensuelle : saisissez les "
            "heures mensuelles dans le contrat (C. trav. L3123-6)."
        )
    return FULL_TIME_HOURS


def payslip_input(
    period: PayrollPeriod,
    paid: Paid,
    *,
    employer: EmployerFacts,
    elements: Iterable[ElementValues],
    planned: tuple[Decimal, Decimal] | None,
    ytd: YearToDate | None,
) -> PayslipInput:
    """The engine's input for one person's payslip."""
    first, last = period.month, month_end(period.month)
    contract, terms, settings = paid.contract, paid.terms, paid.settings
    forfait = terms.working_time == WorkingTime.DAYS_PACKAGE
    kind = PAYROLL_KINDS[contract.kind]
    if contract.kind == ContractKind.PROFESSIONALISATION and contract.end_date is None:
        kind = PayrollContract.PERMANENT
    establishment = terms.establishment
    employee = EmployeeFacts(
        base_salary_amount=terms.monthly_gross_amount,
        cadre=terms.category == Category.EXECUTIVE,
        contract=kind,
        monthly_hours=_monthly_hours(terms),
        forfait_days=terms.days_per_year if forfait else None,
        entry_date=contract.start_date if contract.start_date >= first else None,
        exit_date=contract.end_date if contract.end_date and contract.end_date <= last else None,
        initial_term_end_date=contract.end_date if kind is PayrollContract.FIXED_TERM else None,
        pas_rate=(
            settings.pas_rate
            if settings is not None and settings.pas_origin == PasOrigin.NOTIFIED
            else None
        ),
        health_premium_amount=settings.health_premium_amount if settings else ZERO,
        health_employer_share=settings.health_employer_share if settings else Decimal("0.5"),
        prevoyance_premium_amount=settings.prevoyance_premium_amount if settings else ZERO,
        prevoyance_employer_share=(
            settings.prevoyance_employer_share if settings else Decimal("0.5")
        ),
        transit_pass_amount=settings.transit_pass_amount if settings else ZERO,
    )
    if establishment is not None:
        employer = EmployerFacts(
            headcount=employer.headcount,
            at_rate=establishment.at_rate,
            alsace_moselle=establishment.alsace_moselle,
            mobility_rate=establishment.mobility_rate,
            payroll_tax_liable=employer.payroll_tax_liable,
            non_profit=employer.non_profit,
            absence_method=employer.absence_method,
        )
    hours, days = planned or (None, None)
    return PayslipInput(
        period_date=first,
        employer=employer,
        employee=employee,
        variables=month_variables(elements, month_workable_hours=hours, month_working_days=days),
        year_to_date=ytd or YearToDate(),
        reference=paid.employee.matricule,
    )


def employer_facts(period: PayrollPeriod, contracts: list[Contract] | None = None) -> EmployerFacts:
    """The employer's facts without an establishment (its rates come with each contract's)."""
    settings = employer_settings(period)
    return EmployerFacts(
        headcount=headcount(period, settings, contracts),
        at_rate=ZERO,
        payroll_tax_liable=period.employer.subject_to_payroll_tax,
        non_profit=settings.non_profit,
        absence_method=AbsenceMethod(settings.absence_method),
    )
