"""`make bench`, part « paie-db »: a month's payroll from the database, as the worker runs it.

For each engine, in a throwaway database of its own: a synthetic population (10,000 employees
with their contracts) and a payroll period for March 2026. The figures are the time of
`effectif.payroll.computing.compute` (the task's body: who is paid, the contracts' terms, the
settings, the planned hours, the year-to-date figures, the engine for each payslip, the stored
payslips and the anomaly checks) against the 60 s target, the process's peak memory against
1 GB, the SQL queries; a second run (idempotent: the payslips are replaced); then the period's
page at 10,000 payslips (median of 10 requests, as HR sees it) against 300 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import statistics
import sys
import time
from typing import Any

from effectif.bench import engines

EMPLOYEES = 10_000
TARGET_S = 60.0
PAGE_TARGET_MS = 300.0
MEMORY_TARGET_MB = 1024
REQUESTS = 10


def _say(text: str) -> None:
    print(text, flush=True)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(employees: int = EMPLOYEES, requests: int = REQUESTS) -> dict[str, Any]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from effectif.accounts.models import User
    from effectif.core.roles import Role
    from effectif.demo.population import generate_population
    from effectif.payroll.computing import compute
    from effectif.payroll.models import PayrollPeriod, Payslip

    started = time.perf_counter()
    population = generate_population(employees=employees, today=dt.date(2026, 1, 5))
    figures: dict[str, Any] = {"populate_s": round(time.perf_counter() - started, 2)}
    period = PayrollPeriod.objects.create(
        employer=population.employer,
        month=dt.date(2026, 3, 1),
        pay_date=dt.date(2026, 3, 31),
        cutoff_date=dt.date(2026, 3, 20),
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    before_mb = _peak_mb()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        compute(period.pk)
        figures["compute_s"] = round(time.perf_counter() - started, 2)
    figures["queries"] = len(queries)
    figures["peak_mb"] = round(_peak_mb(), 1)
    figures["peak_before_mb"] = round(before_mb, 1)
    period.refresh_from_db()
    figures["status"] = str(period.task_status)
    figures["error"] = period.task_error
    figures["payslips"] = Payslip.objects.filter(period=period).count()
    figures["failed"] = Payslip.objects.filter(period=period, status="failed").count()
    figures["anomalies"] = period.anomalies.count()
    started = time.perf_counter()
    compute(period.pk)
    figures["recompute_s"] = round(time.perf_counter() - started, 2)

    admin = User.objects.create_user("bench-paie", password="x", role=Role.ADMIN)
    client = Client()
    client.force_login(admin)
    url = f"/paie/{period.pk}/"
    client.get(url)
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    figures["page_status"] = response.status_code
    figures["page_ms"] = round(statistics.median(timings), 1)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    figures["page_queries"] = len(captured.captured_queries)
    return figures


def describe(name: str, f: dict[str, Any]) -> str:
    ok = "✓" if f["compute_s"] < TARGET_S else "✗"
    page_ok = "✓" if f["page_ms"] < PAGE_TARGET_MS else "✗"
    memory_ok = "✓" if f["peak_mb"] < MEMORY_TARGET_MB else "✗"
    return (
        f"  {name} : {f['payslips']} bulletins calculés et enregistrés en {f['compute_s']} s "
        f"{ok} < {TARGET_S:.0f} s ({f['failed']} en échec, {f['anomalies']} anomalies, "
        f"{f['queries']} requêtes SQL, état {f['status']}{' : ' + f['error'] if f['error'] else ''})"
        f" ; recalcul en {f['recompute_s']} s ; mémoire maximale du processus {f['peak_mb']} Mo "
        f"{memory_ok} < {MEMORY_TARGET_MB} Mo (avant le calcul : {f['peak_before_mb']} Mo) ; "
        f"page de la période {f['page_ms']} ms {page_ok} < {PAGE_TARGET_MS:.0f} ms "
        f"({f['page_queries']} requêtes) ; population créée en {f['populate_s']} s"
    )


def run(
    postgres_url: str,
    employees: int = EMPLOYEES,
    engines_wanted: tuple[str, ...] = ("sqlite", "postgresql"),
) -> dict[str, Any]:
    _say(
        f"\n== Paie (base de données) : le mois de {employees} salariés calculé par le processus "
        f"de tâches (cible < {TARGET_S:.0f} s, page < {PAGE_TARGET_MS:.0f} ms, "
        f"mémoire < {MEMORY_TARGET_MB} Mo) =="
    )
    return engines.per_engine(
        "effectif.bench.payroll_db",
        [f"--employees={employees}"],
        postgres_url=postgres_url,
        database="paie",
        kinds=engines_wanted,
        report=lambda name, figures: _say(describe(name, figures)),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m effectif.bench.payroll_db")
    parser.add_argument("--employees", type=int, default=EMPLOYEES)
    parser.add_argument("--requests", type=int, default=REQUESTS)
    parser.add_argument("--output", required=True)
    return engines.measure_in_this_process(
        parser, argv, lambda args: measure(args.employees, args.requests)
    )


if __name__ == "__main__":
    sys.exit(main())
