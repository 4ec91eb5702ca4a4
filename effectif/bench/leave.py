"""Leave balances of a large population as of a date (`make bench`, part « conges »).

For each engine, in a throwaway database of its own: 10,000 synthetic employees, the default
leave types, two reference periods of paid leave posted by the monthly acquisition (timed),
some leave taken; then the balances of every employee as of a date, per type and period
(acquired, taken, remaining, deadline), the way the balances page and its export read them:
median over several runs against the 2 s target, and the number of SQL queries.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from typing import Any

from effectif.bench import engines

TARGET_S = 2.0
RUNS = 5


def _say(text: str) -> None:
    print(text, flush=True)


def measure(employees: int, runs: int = RUNS) -> dict[str, Any]:
    """Build the population and time the balances (Django must be set up, database empty)."""
    import datetime as dt

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from effectif.demo.population import generate_population
    from effectif.employees.models import Employee
    from effectif.leave.acquisitions import acquisitions_post
    from effectif.leave.defaults import leave_types_install_defaults
    from effectif.leave.models import EntryKind, LeaveType, LedgerEntry
    from effectif.leave.selectors import balances_as_of

    on = dt.date(2026, 5, 31)
    figures: dict[str, Any] = {"employees": employees, "date": on.isoformat()}
    report = generate_population(employees=employees, today=on)
    figures["population_s"] = round(report.seconds, 2)
    leave_types_install_defaults(employer=report.employer, by=None)
    paid = LeaveType.objects.get(employer=report.employer, code="cp")
    started = time.perf_counter()
    posted = acquisitions_post(leave_type=paid, up_to=on)
    figures["acquisition_s"] = round(time.perf_counter() - started, 2)
    figures["ledger_entries"] = posted.entries
    # Some leave taken: a week in July 2025 for every other employee (bulk, as takings).
    takings = [
        LedgerEntry(
            employee_id=pk,
            leave_type=paid,
            kind=EntryKind.TAKING,
            entry_date=dt.date(2025, 7, 7),
            amount=-6,
            period_start=dt.date(2024, 6, 1),
            available_until=dt.date(2026, 5, 31),
            label="Prise (banc d'essai)",
        )
        for pk in Employee.objects.filter(employer=report.employer).values_list("pk", flat=True)[
            ::2
        ]
    ]
    LedgerEntry.objects.bulk_create(takings, batch_size=2000)
    figures["ledger_entries"] += len(takings)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    people = Employee.objects.filter(employer=report.employer).order_by("last_name", "first_names")
    types = list(LeaveType.objects.filter(employer=report.employer).exclude(balance_policy="aucun"))
    timings = []
    rows: list[Any] = []
    for _ in range(runs):
        started = time.perf_counter()
        rows = balances_as_of(people.all(), on, types)
        timings.append(time.perf_counter() - started)
    with CaptureQueriesContext(connection) as queries:
        balances_as_of(people.all(), on, types)
    figures.update(
        rows=len(rows),
        with_balance=sum(1 for row in rows if row.balances),
        median_s=round(statistics.median(timings), 3),
        min_s=round(min(timings), 3),
        queries=len(queries),
        runs=runs,
    )
    return figures


def describe(name: str, figures: dict[str, Any]) -> str:
    verdict = "✓" if figures["median_s"] < TARGET_S else "✗"
    return (
        f"  {name} : soldes de {figures['rows']} salariés au {figures['date']} en "
        f"{figures['median_s']:.3f} s (médiane de {figures['runs']}, min {figures['min_s']:.3f} s, "
        f"{figures['queries']} requêtes SQL, {figures['ledger_entries']} mouvements au grand "
        f"livre) {verdict} < {TARGET_S:.0f} s ; acquisition de deux périodes postée en "
        f"{figures['acquisition_s']} s"
    )


def run(employees: int, postgres_url: str) -> dict[str, Any]:
    """The harness's entry point: each engine in a process of its own, throwaway databases."""
    _say("\n== Congés : soldes de tous les salariés à une date (cible < 2 s) ==")
    return engines.per_engine(
        "effectif.bench.leave",
        [f"--employees={employees}"],
        postgres_url=postgres_url,
        database="conges",
        report=lambda name, figures: _say(describe(name, figures)),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m effectif.bench.leave")
    parser.add_argument("--employees", type=int, default=10_000)
    parser.add_argument("--output", required=True)
    return engines.measure_in_this_process(parser, argv, lambda args: measure(args.employees))


if __name__ == "__main__":
    sys.exit(main())
