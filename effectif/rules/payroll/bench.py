"""Benchmark of the payroll engine: a synthetic population computed in batch, and one payslip
at a time. `run_bench` is what `make bench` (effectif.bench) calls.

The population mixes full and part time, forfaits, cadres, apprentices and fixed-term
contracts, entries and exits, overtime and complementary hours, absences, paid leave, benefits,
meal vouchers, transport, health cover and prévoyance, personalised and neutral withholding,
and the year-to-date figures of a mid-year month, over employers of every size.
"""

from __future__ import annotations

import resource
import sys
import time
from datetime import date

import numpy as np

from effectif.rules.payroll.batch import Population, compute_batch
from effectif.rules.payroll.batch.population import ABSENCE_METHODS, CONTRACTS, NO_RATE
from effectif.rules.payroll.engine import compute_payslip
from effectif.rules.payroll.inputs import AbsenceMethod, ContractKind

BENCH_MONTH = date(2026, 6, 1)
SINGLE_PAYSLIPS = 2000


def synthetic_population(employees: int, period: date = BENCH_MONTH, seed: int = 0) -> Population:
    """A plausible population of `employees` payslips, built directly in columns."""
    rng = np.random.default_rng(seed)
    n = employees

    def cents(low: float, high: float) -> np.ndarray:
        return np.round(rng.uniform(low, high, n) * 100).astype(np.int64)

    def chance(probability: float) -> np.ndarray:
        return rng.random(n) < probability

    forfait = chance(0.08)
    part_time = ~forfait & chance(0.18)
    monthly_hours = np.where(part_time, rng.integers(2400, 14000, n), 15167).astype(np.int64)
    full_time = ~forfait & ~part_time
    contract = rng.choice(3, n, p=[0.8, 0.15, 0.05]).astype(np.int64)
    apprentice = contract == CONTRACTS.index(ContractKind.APPRENTICESHIP)
    salary = np.round(rng.lognormal(np.log(2900), 0.45, n) * 100).astype(np.int64)
    salary = np.where(apprentice, salary // 3, salary)
    salary = np.where(part_time, salary * monthly_hours // 15167, salary)
    month_start = np.datetime64(period, "D")
    entry = np.where(
        chance(0.03),
        month_start + rng.integers(1, 27, n),
        month_start - np.where(apprentice, rng.integers(40, 900, n), rng.integers(40, 4000, n)),
    ).astype("datetime64[D]")
    exit_ = np.where(chance(0.02), month_start + rng.integers(0, 27, n), np.datetime64("NaT"))
    exit_ = np.maximum(exit_.astype("datetime64[D]"), entry)
    exit_ = np.where(np.isnat(exit_), np.datetime64("NaT"), exit_).astype("datetime64[D]")
    whole_month = (entry <= month_start) & np.isnat(exit_)
    hourly_method = ABSENCE_METHODS.index(AbsenceMethod.HOURLY_RATE)
    absence = np.where(full_time & whole_month & chance(0.06), rng.integers(100, 2100, n), 0)
    complementary = np.where(part_time & chance(0.3), rng.integers(25, 800, n), 0)
    zeros = np.zeros(n, dtype=np.int64)
    months_done = period.month - 1
    ytd_pay = salary * months_done
    return Population(
        period_date=period,
        headcount=rng.choice([3, 8, 15, 30, 45, 80, 150, 400, 1200, 3000], n).astype(np.int64),
        at_rate=rng.integers(60, 4000, n).astype(np.int64) * 10,
        alsace_moselle=chance(0.04),
        mobility_rate=np.where(chance(0.5), rng.integers(5000, 32000, n), 0).astype(np.int64),
        payroll_tax_liable=chance(0.05),
        non_profit=chance(0.05),
        work_study_share=rng.integers(0, 60000, n).astype(np.int64),
        absence_method=np.full(n, hourly_method, dtype=np.int64),
        base_salary=salary,
        cadre=chance(0.2) | forfait,
        contract=contract,
        monthly_hours=monthly_hours,
        forfait_days=np.where(forfait, 218, 0).astype(np.int64),
        entry_date=entry,
        exit_date=exit_,
        initial_term_end_date=np.full(n, np.datetime64("NaT"), dtype="datetime64[D]"),
        pas_rate=np.where(chance(0.85), rng.integers(0, 300, n) * 100, NO_RATE).astype(np.int64),
        health_premium=np.where(chance(0.9), cents(30, 160), 0),
        health_employer_share=np.full(n, 500000, dtype=np.int64),
        prevoyance_premium=np.where(chance(0.4), cents(5, 80), 0),
        prevoyance_employer_share=np.full(n, 600000, dtype=np.int64),
        transit_pass=np.where(chance(0.3), cents(20, 90), 0),
        transit_employer_share=np.full(n, 500000, dtype=np.int64),
        overtime_hours_25=np.where(full_time & chance(0.25), rng.integers(100, 1700, n), 0),
        overtime_hours_50=np.where(full_time & chance(0.05), rng.integers(100, 800, n), 0),
        complementary_hours_10=complementary,
        complementary_hours_25=zeros,
        bonus=np.where(chance(0.2), cents(50, 3000), 0),
        expense_allowance=np.where(chance(0.1), cents(10, 300), 0),
        absence_hours=absence.astype(np.int64),
        absence_days=zeros,
        month_workable_hours=zeros,
        month_working_days=np.full(n, 2100, dtype=np.int64),
        paid_leave_days=np.where(chance(0.3), rng.integers(100, 1000, n), 0).astype(np.int64),
        paid_leave_reference_gross=salary * 12,
        paid_leave_acquired_days=np.full(n, 2500, dtype=np.int64),
        meals_provided=np.where(chance(0.05), rng.integers(1, 22, n), 0).astype(np.int64),
        housing_benefit=np.where(chance(0.01), cents(70, 600), 0),
        vehicle_benefit=np.where(chance(0.03), cents(100, 600), 0),
        meal_vouchers=np.where(chance(0.5), rng.integers(15, 22, n), 0).astype(np.int64),
        meal_voucher_face=np.full(n, 1000, dtype=np.int64),
        meal_voucher_employer_share=np.full(n, 600000, dtype=np.int64),
        ytd_gross=ytd_pay,
        ytd_taxable=ytd_pay * 78 // 100,
        ytd_withheld=ytd_pay * 3 // 100,
        ytd_exempt_overtime=zeros,
        ytd_reduction_pay=ytd_pay,
        ytd_reduction_smic=np.full(n, 182303 * months_done, dtype=np.int64),
        ytd_reduction=zeros,
    )


def run_bench(employees: int) -> dict[str, float]:
    """Compute `employees` synthetic payslips in batch, then a sample one by one.

    Returns the batch's wall time (`seconds`, columns built beforehand), the process's peak
    resident memory (`peak_mib`), the mean time of one payslip on the one-by-one path
    (`single_payslip_ms`), and the share of a sample where both paths agree (`agreement`).
    """
    population = synthetic_population(employees)
    compute_batch(synthetic_population(min(employees, 1000), seed=1))  # warm the caches
    started = time.perf_counter()
    result = compute_batch(population)
    seconds = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sample = [population.row(i) for i in range(min(SINGLE_PAYSLIPS, employees))]
    started = time.perf_counter()
    payslips = [compute_payslip(payslip) for payslip in sample]
    single_ms = (time.perf_counter() - started) * 1000 / len(sample)
    agreeing = sum(
        payslip.net_paid_amount == result.totals(index)["net_paid"]
        and payslip.employer_cost_amount == result.totals(index)["employer_cost"]
        for index, payslip in enumerate(payslips)
    )
    return {
        "employees": float(employees),
        "seconds": seconds,
        "peak_mib": peak_mib,
        "single_payslip_ms": single_ms,
        "lines_per_payslip": float(
            np.count_nonzero(result.lines.employer_amounts | result.lines.employee_amounts)
            / employees
        ),
        "agreement": agreeing / len(sample),
    }


def report(figures: dict[str, float]) -> str:
    """The figures in one French sentence."""
    return (
        f"{int(figures['employees'])} bulletins de {BENCH_MONTH:%m/%Y} calculés en lot en "
        f"{figures['seconds']:.3f} s (≈ {figures['lines_per_payslip']:.1f} lignes chacun), "
        f"mémoire maximale du processus {figures['peak_mib']:.0f} Mio ; "
        f"un bulletin seul : {figures['single_payslip_ms']:.3f} ms ; "
        f"accord lot / unitaire sur l'échantillon : {figures['agreement']:.0%}"
    )


if __name__ == "__main__":  # pragma: no cover
    print(report(run_bench(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)))
