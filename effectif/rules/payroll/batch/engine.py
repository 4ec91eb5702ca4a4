"""A month's payslips for a whole population at once, in integer cents.

`compute_batch` returns, to the cent, the figures `engine.compute_payslip` returns one by one:
the same steps (gross pay, bases, lines resolved per profile, reductions, nets, withholding) on
numpy columns, with every rounding made on the exact rational value (`cents.py`).
"""

from __future__ import annotations

from functools import cache

import numpy as np

from effectif.rules.payroll.batch.bases import (
    SMIC_SCALE,
    BaseColumns,
    compute_bases,
    is_contract,
    reference_smic,
    unrounded_reference_smic,
)
from effectif.rules.payroll.batch.cents import CENTS, Bool, Int, apply_rate, to_cents, to_micro
from effectif.rules.payroll.batch.gross import GrossColumns, compute_gross
from effectif.rules.payroll.batch.lines import LineContext, LineMatrix, compute_lines
from effectif.rules.payroll.batch.population import NO_RATE, Population
from effectif.rules.payroll.batch.profiles import group_profiles
from effectif.rules.payroll.batch.reduction import ReductionColumns, general_reduction
from effectif.rules.payroll.batch.result import BatchResult
from effectif.rules.payroll.catalogue import LINE_ORDER, resolve_lines
from effectif.rules.payroll.engine import NON_DEDUCTIBLE_CODES, PREVOYANCE_CODES
from effectif.rules.payroll.inputs import ContractKind
from effectif.rules.payroll.month_parameters import MonthParameters, month_parameters


def compute_batch(population: Population, params: MonthParameters | None = None) -> BatchResult:
    """Every payslip of `population`, with the parameters of its month unless given."""
    params = params or month_parameters(population.period_date)
    if params.period_date != population.period_date.replace(day=1):
        raise ValueError("the parameters are not those of the population's month")
    gross = compute_gross(population, params)
    negative = np.flatnonzero(gross.gross < 0)
    if negative.size:
        raise ValueError(f"bulletin n° {negative[0]} : les retenues dépassent le salaire du mois")
    bases = compute_bases(population, params, gross)
    profiles, profile_index = group_profiles(population, params)
    specs = [{line.code: line for line in resolve_lines(params, profile)} for profile in profiles]
    large: Bool = np.asarray(population.headcount >= params.reduction_large_employer)
    reduction = _reduction(population, params, gross, large)

    @cache
    def reduced_rates_smic() -> Int:
        return reference_smic(population, params, gross, to_cents(params.reduced_rates_smic_hourly))

    lines = compute_lines(
        LineContext(
            population=population,
            params=params,
            gross=gross,
            bases=bases,
            specs=specs,
            profile=profile_index,
            reduced_rates_smic=reduced_rates_smic,
            general_reduction=lambda: (reduction.amount, reduction.pension, reduction.coefficient),
        )
    )
    return _result(population, params, gross, bases, lines, reduction)


def _reduction(
    population: Population, params: MonthParameters, gross: GrossColumns, large: Bool
) -> ReductionColumns:
    hourly = to_cents(params.reduction_smic.hourly)
    smic = reference_smic(population, params, gross, hourly)
    unrounded = unrounded_reference_smic(population, params, gross, hourly)
    return general_reduction(
        params.reduction_formula,
        large,
        params.reduction_pension_rate,
        population.ytd_reduction_pay + gross.gross,
        population.ytd_reduction_smic + smic,
        population.ytd_reduction,
        population.ytd_reduction_smic * (SMIC_SCALE // CENTS) + unrounded,
    )


def _rows(codes: frozenset[str] | set[str]) -> list[int]:
    return [LINE_ORDER.index(code) for code in codes]


def _net_taxable(
    population: Population,
    params: MonthParameters,
    gross: GrossColumns,
    bases: BaseColumns,
    lines: LineMatrix,
) -> Int:
    employee, employer = lines.employee_amounts, lines.employer_amounts
    deductible = employee.sum(axis=0) - employee[_rows(NON_DEDUCTIBLE_CODES)].sum(axis=0)
    health = LINE_ORDER.index("complementaire_sante")
    prevoyance = _rows(PREVOYANCE_CODES)
    taxable = gross.gross - bases.exempt_overtime - deductible
    if params.employer_health_taxable:
        taxable = taxable + employer[health]
    if params.employer_prevoyance_taxable:
        taxable = taxable + employer[prevoyance].sum(axis=0)
    else:
        limit = params.prevoyance_deduction_limit
        pss = to_cents(params.pss)
        ceiling = np.minimum(
            apply_rate(pss, to_micro(limit.pss_share))
            + apply_rate(gross.gross, to_micro(limit.pay_share)),
            apply_rate(pss, to_micro(limit.cap_pss_share)),
        )
        deducted = employer[prevoyance].sum(axis=0) + employee[prevoyance].sum(axis=0)
        deducted = deducted + employee[health]
        taxable = taxable + np.maximum(deducted - ceiling, 0)
    apprentice = is_contract(population, ContractKind.APPRENTICESHIP)
    exempt_limit = apply_rate(bases.contract_smic, to_micro(params.apprentice_income_tax_smic))
    exempt = np.minimum(np.maximum(taxable, 0), exempt_limit)
    result: Int = taxable - np.where(apprentice, exempt, 0)
    return result


def _short_contracts(population: Population, params: MonthParameters) -> Bool:
    """Fixed-term contracts of at most two months, paid within their initial term."""
    p = population
    entry, end = p.entry_date, p.initial_term_end_date
    known = ~np.isnat(entry) & ~np.isnat(end)
    safe_entry = np.where(known, entry, np.datetime64(p.period_date, "D"))
    entry_month = safe_entry.astype("datetime64[M]")
    day = (safe_entry - entry_month.astype("datetime64[D]")).astype(np.int64)
    target = entry_month + params.short_contract_max_months
    target_length = ((target + 1).astype("datetime64[D]") - target.astype("datetime64[D]")).astype(
        np.int64
    )
    limit = target.astype("datetime64[D]") + np.minimum(day, target_length - 1)
    period = np.datetime64(p.period_date, "D")
    fixed_term = is_contract(p, ContractKind.FIXED_TERM)
    mask: Bool = fixed_term & known & (end < limit) & (period <= end)
    return mask


def _result(
    population: Population,
    params: MonthParameters,
    gross: GrossColumns,
    bases: BaseColumns,
    lines: LineMatrix,
    reduction: ReductionColumns,
) -> BatchResult:
    p = population
    employee_total = lines.employee_amounts.sum(axis=0)
    employer_total = lines.employer_amounts.sum(axis=0)
    net_taxable = _net_taxable(p, params, gross, bases, lines)
    personal = p.pas_rate != NO_RATE
    abatement = np.where(
        ~personal & _short_contracts(p, params), to_cents(params.short_contract_abatement), 0
    )
    base = np.maximum(net_taxable - abatement, 0)
    grid = params.neutral_grid
    thresholds = np.asarray([to_cents(value) for value in grid.thresholds], dtype=np.int64)
    rates = np.asarray([to_micro(value) for value in grid.rates], dtype=np.int64)
    rate = np.where(personal, p.pas_rate, rates[np.searchsorted(thresholds, base, side="right")])
    withheld = apply_rate(base, rate)
    net_before_tax = (
        gross.gross
        - employee_total
        - gross.in_kind
        - gross.voucher_employee
        + gross.transport_exempt
        + p.expense_allowance
    )
    net_social = gross.gross - employee_total
    if params.net_social_includes_employer_protection:
        net_social = net_social + bases.protection_employer
    return BatchResult(
        period_date=p.period_date,
        parameters_version=params.version,
        lines=lines,
        gross=gross.gross,
        employee_contributions=employee_total,
        employer_contributions=employer_total,
        general_reduction=reduction.amount,
        general_reduction_coefficient=reduction.coefficient,
        overtime_employee_reduction=-lines.employee_amounts[
            LINE_ORDER.index("reduction_heures_supplementaires")
        ],
        overtime_employer_deduction=-lines.employer_amounts[
            LINE_ORDER.index("deduction_heures_supplementaires")
        ],
        exempt_overtime=bases.exempt_overtime,
        net_social=net_social,
        net_taxable=net_taxable,
        net_before_tax=net_before_tax,
        withholding_base=net_taxable,
        withholding_abatement=abatement,
        withholding_rate=rate,
        withholding_neutral=~personal,
        withholding=withheld,
        net_paid=net_before_tax - withheld,
        employer_cost=(
            gross.gross
            + employer_total
            + gross.voucher_exempt
            + gross.transport_exempt
            + p.expense_allowance
        ),
        ytd_gross=p.ytd_gross + gross.gross,
        ytd_taxable=p.ytd_taxable + net_taxable,
        ytd_withheld=p.ytd_withheld + withheld,
        ytd_exempt_overtime=p.ytd_exempt_overtime + bases.exempt_overtime,
        ytd_reduction_pay=reduction.pay_to_date,
        ytd_reduction_smic=reduction.smic_to_date,
        ytd_reduction=reduction.total_to_date,
    )
