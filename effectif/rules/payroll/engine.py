"""One payslip, computed with `Decimal` (the reference path).

Order of the computation: gross pay (`gross.py`), bases (`bases.py`), the catalogue's lines for
the employee's profile (`catalogue.py`), the overtime reductions and the réduction générale
(`general_reduction.py`), then the nets, the withholding (`withholding.py`) and the
year-to-date figures. Each line is rounded to the cent; every total is a sum of lines.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal, localcontext

from effectif.rules.payroll.amounts import apply_rate, prorate
from effectif.rules.payroll.bases import Bases, compute_bases, reference_smic
from effectif.rules.payroll.catalogue import (
    InputRate,
    RateLine,
    Special,
    SpecialLine,
    resolve_lines,
)
from effectif.rules.payroll.general_reduction import GeneralReduction, compute_general_reduction
from effectif.rules.payroll.gross import GrossPay, compute_gross
from effectif.rules.payroll.inputs import ContractKind, PayslipInput, YearToDate
from effectif.rules.payroll.month_parameters import MonthParameters, month_parameters
from effectif.rules.payroll.profile import profile_of
from effectif.rules.payroll.results import ContributionLine, Payslip
from effectif.rules.payroll.sickness import subrogated_benefits
from effectif.rules.payroll.validation import PayslipInputError, validate
from effectif.rules.payroll.withholding import compute_withholding

ZERO = Decimal("0")
RATE_PLACES = Decimal("0.000001")
_CONTEXT = Context(prec=28)
PENSION_CODES = frozenset(
    {
        "vieillesse_plafonnee",
        "vieillesse_deplafonnee",
        "retraite_complementaire_t1",
        "retraite_complementaire_t2",
        "ceg_t1",
        "ceg_t2",
    }
)
NON_DEDUCTIBLE_CODES = frozenset(
    {"csg_non_deductible", "crds", "csg_heures_supplementaires", "crds_heures_supplementaires"}
)
PREVOYANCE_CODES = frozenset({"prevoyance", "prevoyance_cadre"})
_HEALTH = frozenset({"complementaire_sante"})


class _Month:
    """The figures of one payslip shared by the line computations."""

    def __init__(self, payslip: PayslipInput, params: MonthParameters) -> None:
        self.payslip = payslip
        self.params = params
        self.gross: GrossPay = compute_gross(payslip, params)
        if self.gross.gross_amount < 0:
            field = "absence_days" if payslip.variables.absence_days else "absence_hours"
            if payslip.variables.sick_leaves:
                field = "sick_leaves"
            raise PayslipInputError(
                field, "les retenues dépassent le salaire du mois", payslip.reference
            )
        self.bases: Bases = compute_bases(payslip, params, self.gross)
        self.large_employer = payslip.employer.headcount >= params.reduction_large_employer
        self.reduction: GeneralReduction = compute_general_reduction(
            payslip, params, self.gross, self.large_employer
        )
        self._reduced_rates_smic: Decimal | None = None

    def reduced_rates_smic(self) -> Decimal:
        if self._reduced_rates_smic is None:
            hourly = self.params.reduced_rates_smic_hourly
            self._reduced_rates_smic = reference_smic(self.payslip, self.params, self.gross, hourly)
        return self._reduced_rates_smic


def compute_payslip(payslip: PayslipInput, params: MonthParameters | None = None) -> Payslip:
    """The payslip of `payslip`, with the parameters of its month unless `params` is given."""
    with localcontext(_CONTEXT):
        params = params or month_parameters(payslip.period_date)
        validate(payslip, params)
        month = _Month(payslip, params)
        lines: list[ContributionLine] = []
        for spec in resolve_lines(params, profile_of(payslip, params)):
            line = _rate_line(month, spec) if isinstance(spec, RateLine) else None
            if isinstance(spec, SpecialLine):
                line = _special_line(month, spec, lines)
            if line is not None:
                lines.append(line)
        return _payslip(month, tuple(lines))


def _rate_line(month: _Month, spec: RateLine) -> ContributionLine | None:
    employee_base = month.bases.employee[spec.base]
    employer_base = month.bases.employer[spec.base]
    employee_rate = spec.employee_rate
    employer_rate = _employer_rate(month, spec)
    employee_amount = employer_amount = ZERO
    if employee_rate and employee_base:
        employee_amount = apply_rate(employee_base, employee_rate)
    if employer_rate and employer_base:
        employer_amount = apply_rate(employer_base, employer_rate)
    if not ((employee_rate and employee_base) or (employer_rate and employer_base)):
        return None
    return ContributionLine(
        spec.code,
        spec.label,
        spec.heading,
        employee_base if spec.employee_rate is not None else ZERO,
        spec.employee_rate,
        employee_amount,
        employer_base if employer_rate is not None else ZERO,
        employer_rate,
        employer_amount,
        spec.dsn,
    )


def _employer_rate(month: _Month, spec: RateLine) -> Decimal | None:
    employer = month.payslip.employer
    if spec.employer_input is InputRate.WORK_ACCIDENTS:
        return employer.at_rate
    if spec.employer_input is InputRate.MOBILITY:
        return employer.mobility_rate
    if spec.reduced is not None:
        reduced_rate, smic_multiple = spec.reduced
        if month.gross.gross_amount <= apply_rate(month.reduced_rates_smic(), smic_multiple):
            return reduced_rate
    return spec.employer_rate


def _special_line(
    month: _Month, spec: SpecialLine, previous: list[ContributionLine]
) -> ContributionLine | None:
    employee = month.payslip.employee
    if spec.kind is Special.PREVOYANCE:
        return _split_premium(
            spec, employee.prevoyance_premium_amount, employee.prevoyance_employer_share
        )
    if spec.kind is Special.HEALTH_COVER:
        return _split_premium(spec, employee.health_premium_amount, employee.health_employer_share)
    if spec.kind is Special.FORFAIT_SOCIAL:
        base = month.bases.protection_employer_amount
        assert spec.rate is not None
        return _employer_line(spec, base, spec.rate, apply_rate(base, spec.rate))
    if spec.kind is Special.PAYROLL_TAX:
        base = month.gross.gross_amount + month.bases.protection_employer_amount
        return _employer_line(spec, base, None, payroll_tax(month.params, base))
    if spec.kind is Special.OVERTIME_REDUCTION:
        return _overtime_reduction(month, spec, previous)
    if spec.kind is Special.OVERTIME_DEDUCTION:
        variables = month.payslip.variables
        hours = variables.overtime_hours_25 + variables.overtime_hours_50
        assert spec.rate is not None
        # Deducted from the employer's contributions, never beyond them (CSS L241-18).
        due = sum((line.employer_amount for line in previous), ZERO)
        deduction = min(apply_rate(hours, spec.rate), max(due, ZERO))
        return _employer_line(spec, hours, spec.rate, -deduction)
    reduction = month.reduction
    if spec.kind is Special.GENERAL_REDUCTION:
        amount = reduction.amount - reduction.pension_amount
    else:
        amount = reduction.pension_amount
    base = month.gross.gross_amount
    return _employer_line(spec, base, _applied_rate(amount, base), -amount)


def _applied_rate(amount: Decimal, base: Decimal) -> Decimal | None:
    """The rate a réduction générale line actually applies to its base (amount / base, to six
    decimals): the coefficient's share imputed on that line, after the year's regularisation,
    so that base × rate gives the line's amount (neither the coefficient of the whole reduction
    nor the pension share of T)."""
    if not base:
        return None
    return (amount / base).quantize(RATE_PLACES, rounding=ROUND_HALF_UP)


def _split_premium(spec: SpecialLine, premium: Decimal, share: Decimal) -> ContributionLine | None:
    """A complementary-protection premium split between employer and employee."""
    if not premium:
        return None
    employer = apply_rate(premium, share)
    return ContributionLine(
        spec.code,
        spec.label,
        spec.heading,
        premium,
        1 - share,
        premium - employer,
        premium,
        share,
        employer,
        spec.dsn,
    )


def _employer_line(
    spec: SpecialLine, base: Decimal, rate: Decimal | None, amount: Decimal
) -> ContributionLine | None:
    if not amount:
        return None
    return ContributionLine(
        spec.code, spec.label, spec.heading, ZERO, None, ZERO, base, rate, amount, spec.dsn
    )


def _overtime_reduction(
    month: _Month, spec: SpecialLine, previous: list[ContributionLine]
) -> ContributionLine | None:
    """Reduction of the employee's old-age contributions on overtime pay, at their effective
    rate capped at 11,31 % (CSS L241-17, D241-21)."""
    overtime = month.gross.overtime_amount + month.gross.complementary_amount
    subject = month.gross.gross_amount
    if not overtime or not subject:
        return None
    assert spec.rate is not None
    contributions = sum(
        (line.employee_amount for line in previous if line.code in PENSION_CODES), ZERO
    )
    amount = min(apply_rate(overtime, spec.rate), prorate(overtime, contributions, subject))
    if not amount:
        return None
    rate = min(spec.rate, contributions / subject).quantize(Decimal("0.0001"))
    return ContributionLine(
        spec.code, spec.label, spec.heading, overtime, rate, -amount, ZERO, None, ZERO, spec.dsn
    )


def payroll_tax(params: MonthParameters, base: Decimal) -> Decimal:
    """Taxe sur les salaires of one month: the annual brackets of CGI art. 231 divided by 12."""
    scale = params.payroll_tax
    first = prorate(scale.first_threshold, 1, 12)
    second = prorate(scale.second_threshold, 1, 12)
    middle = min(max(base - first, ZERO), second - first)
    top = max(base - second, ZERO)
    return (
        apply_rate(base, scale.base_rate)
        + apply_rate(middle, scale.middle_rate - scale.base_rate)
        + apply_rate(top, scale.top_rate - scale.base_rate)
    )


def _payslip(month: _Month, lines: tuple[ContributionLine, ...]) -> Payslip:
    payslip, params, gross, bases = month.payslip, month.params, month.gross, month.bases
    variables, ytd = payslip.variables, payslip.year_to_date
    subject = gross.gross_amount
    employee_total = sum((line.employee_amount for line in lines), ZERO)
    employer_total = sum((line.employer_amount for line in lines), ZERO)
    net_taxable = _net_taxable(month, lines)
    after_net, benefit_taxable = subrogated_benefits(
        variables.sick_leaves, gross.sick_leaves, payslip.period_date
    )
    withholding = compute_withholding(payslip, params, net_taxable + benefit_taxable)
    net_before_tax = (
        subject
        - employee_total
        - gross.in_kind_amount
        - gross.voucher_employee_amount
        + gross.transport_exempt_amount
        + variables.expense_allowance_amount
        + sum((line.amount for line in after_net), ZERO)
    )
    net_social = subject - employee_total
    if params.net_social_includes_employer_protection:
        net_social += bases.protection_employer_amount
    reduction = month.reduction
    return Payslip(
        reference=payslip.reference,
        period_date=payslip.period_date,
        parameters_version=params.version,
        gross_lines=gross.lines,
        gross_amount=subject,
        lines=lines,
        employee_contributions_amount=employee_total,
        employer_contributions_amount=employer_total,
        general_reduction_amount=reduction.amount,
        general_reduction_coefficient=reduction.coefficient,
        overtime_employee_reduction_amount=-_amount_of(lines, "reduction_heures_supplementaires"),
        overtime_employer_deduction_amount=-_amount_of(lines, "deduction_heures_supplementaires"),
        exempt_overtime_amount=bases.exempt_overtime_amount,
        net_social_amount=net_social,
        net_taxable_amount=net_taxable,
        net_before_tax_amount=net_before_tax,
        withholding=withholding,
        net_paid_amount=net_before_tax - withholding.amount,
        employer_cost_amount=(
            subject
            + employer_total
            + gross.voucher_exempt_amount
            + gross.transport_exempt_amount
            + variables.expense_allowance_amount
        ),
        year_to_date=YearToDate(
            gross_amount=ytd.gross_amount + subject,
            taxable_amount=ytd.taxable_amount + net_taxable,
            withheld_amount=ytd.withheld_amount + withholding.amount,
            exempt_overtime_amount=ytd.exempt_overtime_amount + bases.exempt_overtime_amount,
            reduction_pay_amount=reduction.pay_to_date,
            reduction_smic_amount=reduction.smic_to_date,
            reduction_amount=reduction.total_to_date,
        ),
        after_net_lines=after_net,
    )


def _amount_of(lines: tuple[ContributionLine, ...], code: str) -> Decimal:
    return sum(
        (line.employee_amount + line.employer_amount for line in lines if line.code == code), ZERO
    )


def _total(
    lines: tuple[ContributionLine, ...], codes: frozenset[str], *, employer: bool
) -> Decimal:
    """Sum of one side of the lines whose code is in `codes`."""
    if employer:
        return sum((line.employer_amount for line in lines if line.code in codes), ZERO)
    return sum((line.employee_amount for line in lines if line.code in codes), ZERO)


def _net_taxable(month: _Month, lines: tuple[ContributionLine, ...]) -> Decimal:
    """Net taxable pay (CGI art. 79, 81, 81 quater, 83): pay less exempt overtime, plus the
    employer's health share, less deductible contributions; prévoyance contributions beyond the
    art. 83 limit are added back; an apprentice's pay is exempt up to the SMIC (art. 81 bis)."""
    payslip, params, gross, bases = month.payslip, month.params, month.gross, month.bases
    health_employer = _total(lines, _HEALTH, employer=True)
    health_employee = _total(lines, _HEALTH, employer=False)
    prevoyance_employer = _total(lines, PREVOYANCE_CODES, employer=True)
    prevoyance_employee = _total(lines, PREVOYANCE_CODES, employer=False)
    deductible = sum(
        (line.employee_amount for line in lines if line.code not in NON_DEDUCTIBLE_CODES), ZERO
    )
    taxable = gross.gross_amount - bases.exempt_overtime_amount - deductible
    if params.employer_health_taxable:
        taxable += health_employer
    if params.employer_prevoyance_taxable:
        taxable += prevoyance_employer
    else:
        limit = params.prevoyance_deduction_limit
        ceiling = min(
            apply_rate(params.pss, limit.pss_share)
            + apply_rate(gross.gross_amount, limit.pay_share),
            apply_rate(params.pss, limit.cap_pss_share),
        )
        deducted = prevoyance_employer + prevoyance_employee + health_employee
        taxable += max(deducted - ceiling, ZERO)
    if payslip.employee.contract is ContractKind.APPRENTICESHIP:
        exempt_limit = apply_rate(bases.contract_smic_amount, params.apprentice_income_tax_smic)
        taxable -= min(max(taxable, ZERO), exempt_limit)
    return taxable
