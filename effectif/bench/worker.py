"""One database engine's benchmarks, in a process of its own.

`python -m effectif.bench` runs `python -m effectif.bench.worker` once per engine, with
`DATABASE_URL` pointing at a throwaway database it has just created: Django's settings are read
once per process, so each engine gets a fresh one. The worker migrates, adds the synthetic
population, times the employee list (page and API) and the import, prints what it measures and
writes the figures as JSON for the summary.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time
from typing import Any


def _say(text: str) -> None:
    print(text, flush=True)


def run(employees: int, requests: int, import_rows: int) -> dict[str, Any]:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "effectif.settings")
    django.setup()

    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from effectif.accounts.models import User
    from effectif.bench.lists import (
        Subjects,
        api_cases,
        api_headers,
        measure,
        page_cases,
        query_growth,
    )
    from effectif.core.roles import Role
    from effectif.demo.population import generate_population
    from effectif.organisation.models import Department, EmployerAccess, Establishment

    figures: dict[str, Any] = {"engine": connection.vendor, "employees": employees}
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    figures["migrate_s"] = time.perf_counter() - started
    _say(f"  base créée et migrée en {figures['migrate_s']:.1f} s")

    report = generate_population(employees=employees)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # as autovacuum would after a bulk load
    figures["population"] = {
        "employees": report.employees,
        "contracts": report.contracts,
        "versions": report.versions,
        "audit_entries": report.audit_entries,
        "seconds": report.seconds,
    }
    _say(
        f"  population synthétique : {report.employees} salariés, {report.contracts} contrats, "
        f"{report.versions} versions, {report.audit_entries} entrées d'audit, "
        f"en {report.seconds:.1f} s (generate_population)"
    )

    password = "banc-d-essai-effectif-2026"
    user = User(username="bench-rh", role=Role.HR_MANAGER, first_name="Banc", last_name="Essai")
    user.set_password(password)
    user.save()
    EmployerAccess.objects.create(user=user, employer=report.employer)
    establishments = Establishment.objects.filter(employer=report.employer).order_by("pk")
    subjects = Subjects(
        employer_id=report.employer.pk,
        establishment_id=establishments[min(1, establishments.count() - 1)].pk,
        department_id=Department.objects.get(employer=report.employer, name="Développement").pk,
        search="martin",
    )
    _say(
        f"  utilisateur : responsable RH « {user.username} », {employees} salariés dans son périmètre"
    )

    page_client = Client()
    page_client.force_login(user)
    api_client = Client()
    headers = api_headers(api_client, user.username, password)
    if not headers:
        api_client.force_login(user)
    measures = []
    for surface, client, cases, extra in (
        ("page", page_client, page_cases(subjects), {}),
        ("api", api_client, api_cases(subjects), headers),
    ):
        for case in cases:
            result = measure(client, surface, case, requests, **extra)
            measures.append(result)
            _say("  " + describe(result))
    figures["lists"] = [m.as_dict() for m in measures]
    figures["growth"] = {
        "page": query_growth(page_client, "/salaries/", "par_page", (25, 100)),
        "api": query_growth(api_client, "/api/v1/employees", "limit", (25, 100), **headers),
    }
    for surface, counts in figures["growth"].items():
        if counts:
            _say(
                f"  requêtes SQL de la {'page' if surface == 'page' else 'liste API'} selon la "
                f"taille de page : 25 lignes → {counts[0]}, 100 lignes → {counts[1]}"
            )
    figures["import"] = run_import(import_rows)
    return figures


def describe(m: Any) -> str:
    where = "page" if m.surface == "page" else "API "
    if m.median_ms is None:
        return f"{where} {m.label:<52} {m.url}: {m.note}"
    rows = f", {m.rows} lignes trouvées" if m.rows is not None else ""
    verdict = "✓" if m.ok else "✗"
    return (
        f"{where} {m.label:<52} médiane {m.median_ms:6.1f} ms (p90 {m.p90_ms:6.1f}, "
        f"min {m.min_ms:6.1f}) sur {m.requests} requêtes, {m.queries} requêtes SQL{rows} "
        f"{verdict} < 100 ms"
    )


def run_import(rows: int) -> dict[str, Any] | str:
    """The import benchmark of `effectif.imports`, when that app provides one."""
    if rows <= 0:
        return "non demandé"
    try:
        module = importlib.import_module("effectif.imports.benchmark")
    except ImportError:
        note = "effectif.imports.benchmark absent : import non mesuré"
        _say(f"  {note}")
        return note
    benchmark = getattr(module, "import_rows_benchmark", None)
    if benchmark is None:
        note = "effectif.imports.benchmark sans import_rows_benchmark : import non mesuré"
        _say(f"  {note}")
        return note
    figures: dict[str, Any] = benchmark(rows)
    total = figures.get("total_s")
    verdict = "" if total is None else (" ✓ < 30 s" if total < 30 else " ✗ ≥ 30 s")
    _say("  import de " + ", ".join(f"{key} = {value}" for key, value in figures.items()) + verdict)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m effectif.bench.worker")
    parser.add_argument("--employees", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--import-rows", type=int, default=10_000)
    parser.add_argument("--output", required=True, help="fichier JSON des résultats")
    args = parser.parse_args(argv)
    if "DATABASE_URL" not in os.environ:
        parser.error("DATABASE_URL doit désigner une base jetable")
    figures = run(args.employees, args.requests, args.import_rows)
    with open(args.output, "w", encoding="utf-8") as out:
        json.dump(figures, out, ensure_ascii=False, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main())
