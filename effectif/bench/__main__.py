"""`make bench`: run every benchmark and print its sizes and figures.

1. The payroll engine: N payslips computed in batch (pure Python, no database).
2. For each engine, SQLite then PostgreSQL, in a throwaway database: a synthetic population of
   10,000 employees, then the employee list as a page (`/salaries/`) and through the API
   (`/api/v1/employees`): median server time over 30 requests and SQL queries per request,
   against the 100 ms target; then an import of 10,000 rows, against the 30 s target.
3. Leave ledgers (`conges`), working-time checks (`temps`) and the planning (`planning`).
4. Expense reports: the policy checks over 100,000 lines, against the 5 s target, as pure rules
   (`frais`) and from the database, SQLite then PostgreSQL (`frais-db`).
4b. The month's payroll of 10,000 employees computed and stored as the worker does it, its
   memory and the period's page (`paie-db`, `effectif.bench.payroll_db`).
5. The load test (`charge`): 50 concurrent users mixing HR browsing, employees' self-service
   and managers' approvals on the population with PostgreSQL, served by gunicorn as in
   production, for 3 minutes without then with think time: throughput, latency (median, p95),
   errors and CPU per request (`effectif.bench.load`); and where that CPU goes (`pages`): each
   page of the load test on its data, one user at a time (`effectif.bench.pages`).

`python -m effectif.bench --help` for the sizes and the parts to run.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

from effectif.bench import engines

PARTS = (
    "paie",
    "sqlite",
    "postgresql",
    "conges",
    "temps",
    "planning",
    "frais",
    "frais-db",
    "paie-db",
    "charge",
    "pages",
)


def _say(text: str = "") -> None:
    print(text, flush=True)


def _sizes(text: str) -> list[int]:
    return [int(part.replace("_", "")) for part in text.split(",") if part.strip()]


def header() -> None:
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        cwd=engines.BASE_DIR,
        check=False,
    ).stdout.strip()
    _say(f"Effectif — mesures de performance, {time.strftime('%d/%m/%Y %H:%M')}")
    _say(
        f"Machine : {os.cpu_count()} processeurs, charge {load} ; Python "
        f"{platform.python_version()} ; commit {commit or '?'}"
    )


def payroll(sizes: list[int]) -> list[dict[str, Any]] | str:
    _say("\n== Paie : bulletins mensuels calculés en lot (moteur effectif.rules.payroll) ==")
    try:
        from effectif.rules.payroll.bench import run_bench
    except ImportError as error:
        note = f"moteur de paie absent ({error}) : mesure sautée"
        _say(f"  {note}")
        return note
    from effectif.rules.payroll import bench

    describe: Callable[[dict[str, float]], str] = getattr(
        bench, "report", lambda figures: ", ".join(f"{k} = {v}" for k, v in figures.items())
    )
    results = []
    for employees in sizes:
        figures = run_bench(employees)
        results.append(figures)
        _say(f"  {describe(figures)}")
    return results


def databases(
    kinds: list[str], postgres_url: str, employees: int, requests: int, import_rows: int
) -> dict[str, Any]:
    """The employee list and the import, once per engine (`effectif.bench.worker`)."""
    return engines.per_engine(
        "effectif.bench.worker",
        [f"--employees={employees}", f"--requests={requests}", f"--import-rows={import_rows}"],
        postgres_url=postgres_url,
        kinds=kinds,
        heading=lambda name: f"\n== {name} : liste des salariés (page et API) et import ==",
        report=lambda name, figures: None,
    )


def summary(results: dict[str, dict[str, Any] | str]) -> None:
    _say("\n== Synthèse : liste des salariés, médiane du temps serveur (cible < 100 ms) ==")
    engines_run = [name for name, figures in results.items() if isinstance(figures, dict)]
    for name, figures in results.items():
        if isinstance(figures, str):
            _say(f"  {name} : {figures}")
    if not engines_run:
        return
    rows: dict[tuple[str, str], dict[str, str]] = {}
    for name in engines_run:
        figures = results[name]
        assert isinstance(figures, dict)
        for m in figures["lists"]:
            cell = m["note"] or "?"
            if m["median_ms"] is not None:
                verdict = "✓" if m["status"] == 200 and m["median_ms"] < 100 else "✗"
                cell = f"{m['median_ms']:6.1f} ms, {m['queries']:2d} req. {verdict}"
            rows.setdefault((m["surface"], m["label"]), {})[name] = cell
    width = max(len(label) for _, label in rows) + 6
    _say(" " * (width + 2) + "".join(f"{name:<28}" for name in engines_run))
    for (surface, label), cells in rows.items():
        title = f"{'page' if surface == 'page' else 'API '}  {label}"
        _say(f"  {title:<{width}}" + "".join(f"{cells.get(n, '—'):<28}" for n in engines_run))
    for name in engines_run:
        figures = results[name]
        assert isinstance(figures, dict)
        imported = figures.get("import")
        if isinstance(imported, dict) and "total_s" in imported:
            verdict = "✓" if imported["total_s"] < 30 else "✗"
            _say(
                f"  {name} : import de {imported.get('rows')} lignes en {imported['total_s']} s "
                f"(aperçu {imported.get('preview_s')} s, validation {imported.get('confirm_s')} s)"
                f" {verdict} < 30 s"
            )
        elif imported:
            _say(f"  {name} : {imported}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m effectif.bench", description=__doc__)
    parser.add_argument(
        "--parts", default=",".join(PARTS), help=f"parties à mesurer parmi {', '.join(PARTS)}"
    )
    parser.add_argument("--payroll-sizes", default="1,10000,100000", help="bulletins par lot")
    parser.add_argument("--employees", type=int, default=10_000, help="population synthétique")
    parser.add_argument("--requests", type=int, default=30, help="requêtes par cas mesuré")
    parser.add_argument("--import-rows", type=int, default=10_000, help="lignes importées")
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("EFFECTIF_BENCH_POSTGRES_URL", engines.DEFAULT_POSTGRES_URL),
        help="base PostgreSQL jetable (créée puis supprimée)",
    )
    parser.add_argument("--load-users", type=int, default=50, help="utilisateurs simultanés")
    parser.add_argument(
        "--load-seconds", type=float, default=180, help="durée de chaque mesure de charge (s)"
    )
    parser.add_argument(
        "--load-warmup", type=float, default=10, help="échauffement non compté après les connexions"
    )
    parser.add_argument(
        "--load-think", default="1-3", help="temps de réflexion de la seconde mesure (s)"
    )
    args = parser.parse_args(argv)
    parts = {part.strip() for part in args.parts.split(",")}
    header()
    if "paie" in parts:
        payroll(_sizes(args.payroll_sizes))
    kinds = [kind for kind in ("sqlite", "postgresql") if kind in parts]
    results = databases(kinds, args.postgres_url, args.employees, args.requests, args.import_rows)
    if results:
        summary(results)
    if "conges" in parts:
        from effectif.bench.leave import run as leave_balances

        leave_balances(args.employees, args.postgres_url)
    if "temps" in parts:
        from effectif.bench.working_time import part as working_time_checks

        working_time_checks(["sqlite", "postgresql"], args.employees, args.postgres_url)
    if "planning" in parts:
        from effectif.bench.planning import run as planning_page

        planning_page(args.postgres_url)
    if "frais" in parts:
        from effectif.bench.travel import run as expense_checks

        expense_checks()
    if "frais-db" in parts:
        from effectif.bench.travel_db import run as expense_checks_db

        expense_checks_db(args.postgres_url)
    if "paie-db" in parts:
        from effectif.bench.payroll_db import run as payroll_month

        payroll_month(args.postgres_url, args.employees)
    if "charge" in parts:
        from effectif.bench.load import run as load_test

        load_test(
            args.postgres_url,
            args.employees,
            users=args.load_users,
            seconds=args.load_seconds,
            warmup=args.load_warmup,
            think=args.load_think,
        )
    if "pages" in parts:
        from effectif.bench.pages import run as page_costs

        page_costs(args.postgres_url, args.employees)
    return 0


if __name__ == "__main__":
    sys.exit(main())
