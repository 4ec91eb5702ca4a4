"""`make bench`, part « frais-db »: the control of 100,000 expense lines from the database.

For each engine, in a throwaway database of its own: a synthetic population (1,000 employees
with their contracts), 500 approved trips, 5,000 submitted expense reports and their 100,000
lines written with `bulk_create` (meals of every kind, hotel nights in and out of Paris, train
tickets, mileage with declared distances, tolls, other costs; with duplicates, weekend and
holiday expenses, missing receipts, meals over the URSSAF limit, lines outside their trip and
inflated mileage). The figure is the time of `effectif.travel.services.checking.reports_check`
over all the reports: gathering the facts (`values()` queries), `check_lines`, and storing the
anomalies in batched UPDATEs (one audit entry per employer for such a bulk run), against the
5 s target;
then the same check again, when nothing changed (no writes), and the number of SQL queries.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from typing import Any

from effectif.bench import engines

TARGET_S = 5.0
LINES = 100_000
EMPLOYEES = 1_000
LINES_PER_REPORT = 20


def _say(text: str) -> None:
    print(text, flush=True)


def populate(employees: int, lines: int, seed: int = 6) -> dict[str, Any]:
    """Employees, trips, reports and lines, in bulk (Django set up, database migrated)."""
    import datetime as dt
    from decimal import Decimal

    from django.utils import timezone

    from effectif.demo.population import generate_population
    from effectif.employees.models import Employee
    from effectif.travel.models import (
        ExpenseCategory,
        ExpenseLine,
        ExpenseReport,
        ExpenseStatus,
        MealKind,
        TravelPolicy,
        Trip,
        TripStatus,
        Vehicle,
    )

    rng = random.Random(seed)
    started = time.perf_counter()
    population = generate_population(employees=employees, today=dt.date(2026, 1, 5))
    employer = population.employer
    TravelPolicy.objects.create(employer=employer, meal_cap_amount=Decimal("25.00"))
    people = list(Employee.objects.filter(employer=employer).values_list("pk", "department_id"))
    vehicles = Vehicle.objects.bulk_create(
        Vehicle(employee_id=pk, label="Voiture", registration=f"BE-{pk:03d}-NC", fiscal_power=5)
        for pk, _ in people[: len(people) // 4]
    )
    first_day = dt.date(2026, 1, 5)
    trips = Trip.objects.bulk_create(
        Trip(
            employer=employer,
            reference=f"OM-2026-{n + 1:05d}",
            employee_id=people[n % len(people)][0],
            department_id=people[n % len(people)][1],
            purpose="Déplacement du banc d'essai",
            departure_place="Lyon",
            start_date=(start := first_day + dt.timedelta(days=rng.randrange(0, 160))),
            end_date=start + dt.timedelta(days=rng.randrange(0, 4)),
            distance_km=rng.choice((60, 120, 300, 465)),
            status=TripStatus.APPROVED,
        )
        for n in range(500)
    )
    trips_by_employee: dict[int, list[Trip]] = {}
    for made in trips:
        trips_by_employee.setdefault(made.employee_id, []).append(made)
    now = timezone.now()
    report_count = max(lines // LINES_PER_REPORT, 1)
    reports = ExpenseReport.objects.bulk_create(
        (
            ExpenseReport(
                employer=employer,
                reference=f"NF-2026-{n + 1:05d}",
                employee_id=(person := people[n % len(people)])[0],
                department_id=person[1],
                trip=next(iter(trips_by_employee.get(person[0], ())), None),
                title="Note du banc d'essai",
                status=ExpenseStatus.SUBMITTED,
                submitted_at=now,
            )
            for n in range(report_count)
        ),
        batch_size=1000,
    )
    cars = {vehicle.employee_id: vehicle.pk for vehicle in vehicles}
    categories = [
        ExpenseCategory.MEAL,
        ExpenseCategory.MEAL,
        ExpenseCategory.MEAL,
        ExpenseCategory.LODGING,
        ExpenseCategory.TRANSPORT,
        ExpenseCategory.MILEAGE,
        ExpenseCategory.TOLLS_PARKING,
        ExpenseCategory.OTHER,
    ]
    rows: list[ExpenseLine] = []
    for index in range(lines):
        report = reports[index % report_count]
        category = rng.choice(categories)
        if category == ExpenseCategory.MILEAGE and report.employee_id not in cars:
            category = ExpenseCategory.TRANSPORT
        trip = report.trip
        if trip is not None:
            length = (trip.end_date - trip.start_date).days + 1
            day = trip.start_date + dt.timedelta(days=rng.randrange(length))
            if rng.random() < 0.03:  # a line dated after the trip
                day = trip.end_date + dt.timedelta(days=rng.randrange(1, 4))
        else:
            day = first_day + dt.timedelta(days=rng.randrange(0, 170))
            if day.weekday() >= 5 and rng.random() < 0.9:  # mostly weekdays
                day -= dt.timedelta(days=day.weekday() - 4)
        line = ExpenseLine(
            report=report,
            category=category,
            expense_date=day,
            merchant=rng.choice(("Brasserie du Parc", "SNCF", "Hôtel du Nord", "Total", "")),
            amount=Decimal(rng.randrange(300, 12000)) / 100,
            receipt="" if rng.random() < 0.03 else "justificatifs/banc/recu.pdf",
        )
        if category == ExpenseCategory.MEAL:
            if rng.random() < 0.85:
                line.meal_kind = MealKind.RESTAURANT
                line.amount = Decimal(rng.randrange(1000, 2140)) / 100
            else:  # any kind, sometimes over its limit
                line.meal_kind = rng.choice(MealKind.values)
                line.amount = Decimal(rng.randrange(700, 3500)) / 100
        elif category == ExpenseCategory.LODGING:
            line.paris_area = rng.random() < 0.3
            line.amount = Decimal(rng.randrange(4500, 8000)) / 100
        elif category == ExpenseCategory.MILEAGE:
            line.vehicle_id = cars[report.employee_id]
            route = 2 * trip.distance_km if trip is not None else rng.randrange(20, 400)
            inflated = rng.random() < 0.05
            line.distance_km = Decimal(int(route * (1.3 if inflated else rng.uniform(0.95, 1.05))))
            line.amount = (line.distance_km * Decimal("0.636")).quantize(Decimal("0.01"))
            line.receipt = ""
        rows.append(line)
        if rng.random() < 0.01:  # a duplicate typed twice
            twin = ExpenseLine(
                report=report,
                category=line.category,
                expense_date=line.expense_date,
                merchant=line.merchant,
                amount=line.amount,
                meal_kind=line.meal_kind,
                receipt=line.receipt,
            )
            if len(rows) < lines:
                rows.append(twin)
        if len(rows) >= lines:
            break
    ExpenseLine.objects.bulk_create(rows, batch_size=2000)
    return {
        "employees": len(people),
        "trips": len(trips),
        "reports": report_count,
        "lines": len(rows),
        "populate_s": round(time.perf_counter() - started, 2),
        "employer_id": employer.pk,
    }


def measure(employees: int = EMPLOYEES, lines: int = LINES) -> dict[str, Any]:
    """Populate, then time the check of every report (Django set up, database empty)."""
    import datetime as dt

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from effectif.travel.models import ExpenseLine, ExpenseReport
    from effectif.travel.services.checking import reports_check

    figures = populate(employees, lines)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    reports = ExpenseReport.objects.filter(employer_id=figures["employer_id"])
    today = dt.date(2026, 6, 30)
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        first = reports_check(reports=reports, by=None, today=today)
        figures["check_s"] = round(time.perf_counter() - started, 3)
    figures["queries"] = len(queries)
    started = time.perf_counter()
    again = reports_check(reports=reports, by=None, today=today)
    figures["recheck_s"] = round(time.perf_counter() - started, 3)
    figures.update(
        checked=first.lines,
        flagged=first.flagged,
        written=first.changed,
        rewritten=again.changed,
        stored=ExpenseLine.objects.exclude(anomalies=[]).count(),
    )
    return figures


def describe(name: str, figures: dict[str, Any]) -> str:
    verdict = "✓" if figures["check_s"] < TARGET_S else "✗"
    return (
        f"  {name} : contrôle de {figures['checked']} lignes ({figures['reports']} notes, "
        f"{figures['employees']} salariés) en {figures['check_s']:.3f} s {verdict} < "
        f"{TARGET_S:.0f} s — faits lus, règles appliquées, {figures['written']} lignes à "
        f"anomalies écrites, {figures['queries']} requêtes SQL ; second passage sans "
        f"changement en {figures['recheck_s']:.3f} s ; données créées en "
        f"{figures['populate_s']} s"
    )


def run(
    postgres_url: str, engines_wanted: tuple[str, ...] = ("sqlite", "postgresql")
) -> dict[str, Any]:
    """The harness's entry point: each engine in a process of its own, throwaway databases."""
    _say(
        "\n== Frais (base de données) : contrôle de 100 000 lignes de notes de frais (cible < 5 s) =="
    )
    return engines.per_engine(
        "effectif.bench.travel_db",
        [],
        postgres_url=postgres_url,
        database="frais",
        kinds=engines_wanted,
        report=lambda name, figures: _say(describe(name, figures)),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m effectif.bench.travel_db")
    parser.add_argument("--employees", type=int, default=EMPLOYEES)
    parser.add_argument("--lines", type=int, default=LINES)
    parser.add_argument("--output", required=True)
    return engines.measure_in_this_process(
        parser, argv, lambda args: measure(args.employees, args.lines)
    )


if __name__ == "__main__":
    sys.exit(main())
