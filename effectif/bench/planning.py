"""`make bench`, planning: the month's planning page of a 200-person establishment, against the
300 ms target.

For each engine, in a throwaway database and a process of its own (`python -m
effectif.bench.planning`), like the other database benchmarks: an employer with a single
establishment of about 200 people (the synthetic population), in teams with their minimum
staffing; work schedules (35 h office days, four-day weeks, a two-week rotating cycle, part
time), planning changes for one person in ten, the month's leave (a week of paid leave for one
in five, pending RTT, half days, sickness). Then the HR manager's page for May 2026 (four public
holidays) through Django's test client: median server time over the requests, with the SQL
queries, and the queries of the same page for one team, which must be the same number. Then
the same month exported as a PDF (`&export=pdf`, WeasyPrint): the first export of the process
(WeasyPrint and its fonts loaded) and the median of the next ones, against the 5 s target.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import sys
import time
from decimal import Decimal
from typing import Any

from effectif.bench import engines
from effectif.bench.schedules import Days, Pattern, planning_changes, schedules_for_everyone

TARGET_MS = 300.0
MONTH = dt.date(2026, 5, 1)
EMPLOYEES = 200
REQUESTS = 30
WARM_UP = 3
PDF_TARGET_S = 5.0
PDF_REQUESTS = 5

TEAMS = (
    ("Direction", None),
    ("Production", "Direction"),
    ("Atelier A", "Production"),
    ("Atelier B", "Production"),
    ("Logistique", "Direction"),
    ("Magasin", "Direction"),
    ("Accueil", "Magasin"),
    ("Maintenance", "Production"),
)
#: Mornings one week, afternoons the next.
ROTATION: Days = {(1, d): ("06:00", "13:00", "10:00", "10:20") for d in range(5)}
ROTATION.update({(2, d): ("13:00", "20:00", "16:00", "16:20") for d in range(5)})
#: (name, {(week, weekday): (start, end, break start, break end)}, cycle weeks)
SCHEDULES: list[Pattern] = [
    ("Bureau 35 h", {(1, d): ("09:00", "17:00", "12:00", "13:00") for d in range(5)}, 1),
    ("Quatre jours", {(1, d): ("08:00", "18:00", "12:00", "13:00") for d in range(4)}, 1),
    ("Équipes alternées", ROTATION, 2),
    ("Temps partiel 24 h", {(1, d): ("08:30", "14:30") for d in range(4)}, 1),
]


def _say(text: str) -> None:
    print(text, flush=True)


def establishment_of_200(employees: int) -> tuple[Any, Any]:
    """An employer with one establishment and its teams, populated (Django set up)."""
    from effectif.demo.population import generate_population
    from effectif.organisation.models import Department, Employer, Establishment
    from effectif.rules.identity.generate import make_siren, make_siret

    employer = Employer.objects.create(
        name="Planning (mesures de performance)",
        siren=make_siren(99_223_450),
        legal_form="SAS",
        naf_code="47.11F",
    )
    establishment = Establishment.objects.create(
        employer=employer,
        name="Magasin de Lyon",
        siret=make_siret(employer.siren, 1),
        address="12 rue de la République",
        postal_code="69002",
        city="Lyon",
        department="69",
        at_rate=Decimal("0.0150"),
    )
    departments: dict[str, Department] = {}
    for name, parent in TEAMS:
        departments[name] = Department.objects.create(
            employer=employer, name=name, parent=departments[parent] if parent else None
        )
    # Synthetic careers include people who left: add some until `employees` are under
    # contract in the month.
    while (present := len(planning_people(establishment))) < employees:
        generate_population(employees=employees - present, employer=employer, today=MONTH)
    return employer, establishment


def planning_people(establishment: Any) -> set[int]:
    """The people the month's page of the establishment lists (under contract in May)."""
    from django.db.models import Q

    from effectif.contracts.models import ContractTerms

    end = dt.date(2026, 5, 31)
    running = Q(contract__end_date__isnull=True) | Q(contract__end_date__gte=MONTH)
    terms = ContractTerms.objects.filter(
        running, contract__start_date__lte=end, establishment=establishment
    )
    return set(terms.values_list("contract__employee_id", flat=True))


def populate(employer: Any) -> dict[str, int]:
    """Schedules, planning changes, the month's leave, the teams' minimum staffing."""
    from effectif.leave.defaults import leave_types_install_defaults
    from effectif.leave.models import LeaveRequest, LeaveType, Status
    from effectif.organisation.models import Department
    from effectif.planning.models import StaffingMinimum

    schedules, ids = schedules_for_everyone(employer, SCHEDULES)
    overrides = planning_changes(
        ids[::10], MONTH, (4, 11, 18), [["07:00", "12:00"], ["13:00", "15:00"]], "7.00"
    )
    leave_types_install_defaults(employer=employer, by=None)
    kinds = {t.code: t for t in LeaveType.objects.filter(employer=employer)}
    requests: list[tuple[int, str, dt.date, dt.date, str, dict[str, bool]]] = []
    for n, pk in enumerate(ids):
        monday = MONTH + dt.timedelta(days=3 + 7 * (n % 4))  # the Mondays of May 2026
        if n % 5 == 0:
            requests.append((pk, "cp", monday, monday + dt.timedelta(days=4), Status.APPROVED, {}))
        if n % 10 == 3:
            requests.append((pk, "rtt", monday, monday, Status.SUBMITTED, {}))
        if n % 10 == 7:
            half = {"start_afternoon": True}
            requests.append((pk, "formation", monday, monday, Status.APPROVED, half))
        if n % 25 == 11:
            end = monday + dt.timedelta(days=9)
            requests.append((pk, "maladie", monday, end, Status.APPROVED, {}))
    LeaveRequest.objects.bulk_create(
        [
            LeaveRequest(
                employee_id=pk,
                leave_type=kinds[code],
                start_date=start,
                end_date=end,
                amount=(end - start).days + 1,
                status=status,
                **halves,
            )
            for pk, code, start, end, status, halves in requests
        ]
    )
    minimums = [
        StaffingMinimum(department=department, weekday=weekday, minimum=3 + weekday % 3)
        for department in Department.objects.filter(employer=employer)
        for weekday in range(6)
    ]
    StaffingMinimum.objects.bulk_create(minimums)
    return {
        "schedules": len(schedules),
        "overrides": overrides,
        "leave_requests": len(requests),
        "minimums": len(minimums),
    }


def _timed(client: Any, url: str, requests: int) -> tuple[list[float], int, str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url} : réponse HTTP {response.status_code}")
    for _ in range(WARM_UP - 1):
        client.get(url)
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as captured:
        page = client.get(url).content.decode()
    return timings, len(captured), page


def _pages(pdf: bytes) -> int:
    from pypdf import PdfReader  # `make bench` installs the development tools

    return len(PdfReader(io.BytesIO(pdf)).pages)


def _timed_pdf(client: Any, url: str, requests: int) -> tuple[float, list[float], bytes]:
    """Seconds of the first export of the process, of each of the next ones, and the PDF."""
    started = time.perf_counter()
    response = client.get(url)
    first = time.perf_counter() - started
    if response.status_code != 200 or response["Content-Type"] != "application/pdf":
        raise RuntimeError(f"{url} : réponse HTTP {response.status_code}")
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(url)
        timings.append(time.perf_counter() - started)
    return first, timings, response.content


def measure(
    employees: int = EMPLOYEES, requests: int = REQUESTS, pdf_requests: int = PDF_REQUESTS
) -> dict[str, Any]:
    """Build the establishment and time its month's page and PDF (Django set up, database
    empty)."""
    from django.db import connection
    from django.test import Client

    from effectif.accounts.models import User
    from effectif.core.roles import Role
    from effectif.organisation.models import Department, EmployerAccess

    started = time.perf_counter()
    employer, establishment = establishment_of_200(employees)
    figures: dict[str, Any] = {"engine": connection.vendor, **populate(employer)}
    figures["population_s"] = round(time.perf_counter() - started, 1)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    user = User.objects.create(username="bench-planning", role=Role.HR_MANAGER)
    EmployerAccess.objects.create(user=user, employer=employer)
    client = Client()
    client.force_login(user)
    base = f"/planning/equipes/?periode=mois&date={MONTH.isoformat()}"
    timings, queries, page = _timed(
        client, f"{base}&pour=etablissement-{establishment.pk}", requests
    )
    days = 31
    figures.update(
        month=MONTH.strftime("%m/%Y"),
        rows=page.count(' id="c-') // days,
        cells=page.count(' id="c-'),
        misses=page.count("pl-staff pl-miss"),
        requests=requests,
        median_ms=round(statistics.median(timings), 1),
        p90_ms=round(sorted(timings)[int(len(timings) * 0.9) - 1], 1),
        min_ms=round(min(timings), 1),
        queries=queries,
        html_kb=round(len(page.encode()) / 1024),
    )
    team = Department.objects.get(employer=employer, name="Accueil")
    team_timings, team_queries, team_page = _timed(client, f"{base}&pour=service-{team.pk}", 5)
    figures.update(
        team_rows=team_page.count(' id="c-') // days,
        team_queries=team_queries,
        team_median_ms=round(statistics.median(team_timings), 1),
    )
    week = (
        f"/planning/equipes/?periode=semaine&date=2026-05-11&pour=etablissement-{establishment.pk}"
    )
    week_timings, _week_queries, _week = _timed(client, week, 10)
    figures["week_median_ms"] = round(statistics.median(week_timings), 1)
    pdf_url = f"{base}&pour=etablissement-{establishment.pk}&export=pdf"
    first, pdf_timings, pdf = _timed_pdf(client, pdf_url, pdf_requests)
    figures.update(
        pdf_requests=pdf_requests,
        pdf_first_s=round(first, 2),
        pdf_median_s=round(statistics.median(pdf_timings), 2),
        pdf_pages=_pages(pdf),
        pdf_kb=round(len(pdf) / 1024),
    )
    return figures


def describe(name: str, figures: dict[str, Any]) -> str:
    verdict = "✓" if figures["median_ms"] < TARGET_MS else "✗"
    return (
        f"  {name} : planning du mois ({figures['month']}) d'un établissement de "
        f"{figures['rows']} salariés ({figures['cells']} cases, {figures['misses']} jour(s) sous "
        f"l'effectif minimum, {figures['html_kb']} Ko de HTML) en {figures['median_ms']:.1f} ms "
        f"(médiane de {figures['requests']}, p90 {figures['p90_ms']:.1f} ms, min "
        f"{figures['min_ms']:.1f} ms) {verdict} < {TARGET_MS:.0f} ms ; {figures['queries']} "
        f"requêtes SQL (page d'une équipe de {figures['team_rows']} : "
        f"{figures['team_queries']}, dont l'arbre des services) ; la semaine en "
        f"{figures['week_median_ms']:.1f} ms"
    )


def describe_pdf(name: str, figures: dict[str, Any]) -> str:
    verdict = "✓" if figures["pdf_median_s"] < PDF_TARGET_S else "✗"
    return (
        f"  {name} : PDF du même mois ({figures['pdf_pages']} pages A4 paysage, "
        f"{figures['pdf_kb']} Ko) en {figures['pdf_median_s']:.2f} s (médiane de "
        f"{figures['pdf_requests']}) {verdict} < {PDF_TARGET_S:.0f} s ; premier export du "
        f"processus (WeasyPrint et ses polices chargés) {figures['pdf_first_s']:.2f} s"
    )


def run(postgres_url: str, employees: int = EMPLOYEES) -> dict[str, Any]:
    """The harness's entry point: each engine in a process of its own, throwaway databases."""
    _say(
        "\n== Planning : page du mois d'un établissement de 200 salariés (cible < 300 ms) "
        "et son PDF (cible < 5 s) =="
    )

    def report(name: str, figures: dict[str, Any]) -> None:
        _say(describe(name, figures))
        _say(describe_pdf(name, figures))

    return engines.per_engine(
        "effectif.bench.planning",
        [f"--employees={employees}"],
        postgres_url=postgres_url,
        database="planning",
        report=report,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m effectif.bench.planning")
    parser.add_argument("--employees", type=int, default=EMPLOYEES)
    parser.add_argument("--requests", type=int, default=REQUESTS)
    parser.add_argument("--output", required=True)
    return engines.measure_in_this_process(
        parser, argv, lambda args: measure(args.employees, args.requests)
    )


if __name__ == "__main__":
    sys.exit(main())
