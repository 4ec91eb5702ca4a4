"""`make bench`, pages: the CPU each page of the load test costs, one user at a time.

The load test (`charge`) says how much CPU a request costs on average; this part says which
pages that CPU goes to, to know where to work. On the load test's data (a throwaway PostgreSQL
database prepared by `effectif.bench.load_setup`), a process of its own asks each page of the
HR, manager and employee mixes through Django's test client, as one signed-in user, and reports
per page: the CPU time of the process (`time.process_time`, median of `--page-requests`), the
wall time, the SQL queries and the size of the HTML. Run it as `python -m effectif.bench
--parts pages`; the figures are also written to `var/bench/pages.json`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from effectif.bench import engines
from effectif.bench.load import environment

REQUESTS = 15


def _say(text: str = "") -> None:
    print(text, flush=True)


def run(postgres_url: str, employees: int, requests: int = REQUESTS) -> list[dict[str, Any]] | str:
    """The harness's entry point: prepare the load test's data, measure in a process of its
    own (Django's settings are read once per process)."""
    _say(
        f"\n== Pages : CPU par page, un utilisateur à la fois, {employees} salariés, PostgreSQL =="
    )
    try:
        engine = engines.throwaway("postgresql", postgres_url, "pages")
    except engines.EngineUnavailable as error:
        _say(f"  non mesuré : {error}")
        return f"non mesuré : {error}"
    var_dir = engines.BENCH_DIR / "pages"
    var_dir.mkdir(parents=True, exist_ok=True)
    env = environment(engine, var_dir)
    plan, output = var_dir / "plan.json", engines.BENCH_DIR / "pages.json"
    python = sys.executable
    try:
        setup = [python, "-m", "effectif.bench.load_setup", f"--employees={employees}"]
        if subprocess.run([*setup, f"--output={plan}"], env=env, cwd=engines.BASE_DIR).returncode:
            return "échec de la préparation"
        measure = [python, "-m", "effectif.bench.pages", f"--plan={plan}", f"--output={output}"]
        measure.append(f"--requests={requests}")
        if subprocess.run(measure, env=env, cwd=engines.BASE_DIR).returncode:
            return "échec des mesures"
    finally:
        engine.drop()
    figures: list[dict[str, Any]] = json.loads(output.read_text(encoding="utf-8"))
    _say(f"  chiffres écrits dans {output}")
    return figures


def cases(plan: dict[str, Any]) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(label, who, path, query) of each page measured: the load test's pages."""
    team = plan["team_ids"][0]
    month = {"periode": "mois", "pour": f"service-{team}"}
    return [
        ("RH · accueil", "hr", "/", {}),
        ("RH · liste des salariés", "hr", "/salaries/", {}),
        ("RH · salariés recherchés", "hr", "/salaries/", {"q": plan["search_terms"][0]}),
        ("RH · dossier d'un salarié", "hr", f"/salaries/{plan['employee_ids'][5]}/", {}),
        ("RH · demandes de congés", "hr", "/conges/demandes/", {}),
        ("RH · échéancier", "hr", "/echeancier/", {}),
        ("RH · planning d'une équipe", "hr", "/planning/equipes/", month),
        ("RH · soldes de congés", "hr", "/conges/soldes/", {}),
        ("RH · journal d'audit", "hr", "/donnees-personnelles/journal/", {}),
        ("manager · accueil", "manager", "/", {}),
        ("manager · demandes à valider", "manager", "/conges/demandes/", {"statut": "submitted"}),
        ("manager · demande", "manager", "pending", {}),
        ("manager · son équipe", "manager", "/salaries/", {"service": team}),
        ("manager · planning de l'équipe", "manager", "/planning/equipes/", month),
        ("manager · échéancier", "manager", "/echeancier/", {}),
        ("salarié · accueil", "employee", "/", {}),
        ("salarié · mes congés", "employee", "/conges/", {}),
        ("salarié · formulaire de demande", "employee", "/conges/demandes/nouvelle/", {}),
        ("salarié · mon planning", "employee", "/planning/moi/", {}),
        ("salarié · mes notes de frais", "employee", "/deplacements/notes-de-frais/mes-notes/", {}),
        ("salarié · notifications", "employee", "/conges/notifications/", {}),
    ]


class QueryCounter:
    """Counts the SQL queries run through a connection (an `execute_wrapper`)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        self.count += 1
        return execute(sql, params, many, context)


def measure(plan: dict[str, Any], requests: int) -> list[dict[str, Any]]:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "effectif.settings")
    django.setup()
    from django.db import connection
    from django.test import Client

    from effectif.accounts.models import User
    from effectif.leave.models import LeaveRequest, Status

    manager = plan["managers"][0]
    accounts = {
        "hr": plan["hr"][0]["username"],
        "manager": manager["username"],
        "employee": plan["employees"][0]["username"],
    }
    clients = {}
    for who, username in accounts.items():
        clients[who] = Client(HTTP_HOST="127.0.0.1")
        clients[who].force_login(User.objects.get(username=username))
    pending = (
        LeaveRequest.objects.filter(employee_id__in=manager["members"], status=Status.SUBMITTED)
        .values_list("pk", flat=True)
        .first()
    )
    results = []
    for label, who, path, query in cases(plan):
        if path == "pending":
            path = f"/conges/demandes/{pending}/"
        client = clients[who]
        first = client.get(path, query)  # warms the caches a running server has
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            client.get(path, query)
        cpu, wall = [], []
        for _ in range(requests):
            started, ticked = time.process_time(), time.perf_counter()
            client.get(path, query)
            cpu.append((time.process_time() - started) * 1000)
            wall.append((time.perf_counter() - ticked) * 1000)
        result = {
            "page": label,
            "status": first.status_code,
            "cpu_ms": round(statistics.median(cpu), 1),
            "wall_ms": round(statistics.median(wall), 1),
            "queries": counter.count,
            "kb": round(len(first.content) / 1024),
        }
        results.append(result)
        _say(
            f"  {label:<36} {result['status']}  CPU {result['cpu_ms']:6.1f} ms  "
            f"temps {result['wall_ms']:6.1f} ms  {result['queries']:3d} requêtes SQL  "
            f"{result['kb']:4d} Ko"
        )
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m effectif.bench.pages")
    parser.add_argument("--plan", required=True, help="plan de effectif.bench.load_setup")
    parser.add_argument("--output", required=True)
    parser.add_argument("--requests", type=int, default=REQUESTS)
    args = parser.parse_args(argv)
    plan = json.loads(Path(args.plan).read_text(encoding="utf-8"))
    results = measure(plan, args.requests)
    Path(args.output).write_text(json.dumps(results, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
