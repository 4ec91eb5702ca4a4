"""`make bench`, working time: the legal checks over one month for a whole synthetic employer
(10,000 employees by default), against the 10 s target.

For each engine, in a throwaway database and a process of its own (`python -m
effectif.bench.working_time`), like the other database benchmarks: the synthetic population,
then work schedules assigned to everyone (35 h office days, 39 h weeks with overtime, four-day
weeks, a two-week rotating cycle, part time, night shifts), planning changes for one employee
in twenty, and a month of clocked time sheets for one in five, some of them with short rests
and long days. The figure is the time of `legal_check_many` over the month (eleven weeks of
context read before it), median of three runs, with its SQL queries and the breaches found.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from decimal import Decimal
from typing import Any

from effectif.bench import engines
from effectif.bench.schedules import Pattern, planning_changes, schedules_for_everyone

TARGET_S = 10.0
MONTH = dt.date(2026, 3, 1)
RUNS = 3


def _say(text: str) -> None:
    print(text, flush=True)


CYCLE_DAY: tuple[str, ...] = ("07:00", "15:00", "11:30", "12:00")

#: (name, days {(week, weekday): (start, end, break start, break end)}, cycle weeks)
SCHEDULES: list[Pattern] = [
    ("Bureau 35 h", {(1, d): ("09:00", "17:00", "12:00", "13:00") for d in range(5)}, 1),
    ("Atelier 39 h", {(1, d): ("08:00", "16:48", "12:00", "13:00") for d in range(5)}, 1),
    ("Quatre jours", {(1, d): ("08:00", "18:00", "12:00", "13:00") for d in range(4)}, 1),
    (
        "Cycle deux semaines",
        dict.fromkeys([(1, d) for d in range(6)] + [(2, d) for d in range(3)], CYCLE_DAY),
        2,
    ),
    ("Temps partiel 24 h", {(1, d): ("08:30", "14:30") for d in range(4)}, 1),
    ("Nuit", {(1, d): ("21:00", "05:00", "01:00", "01:30") for d in range(4)}, 1),
]


def populate(employer: Any) -> dict[str, int]:
    """Schedules for everyone, some planning changes, a month of time sheets for some."""
    from effectif.timekeeping.models import (
        RecordSource,
        SheetStatus,
        TimeRecord,
        TimeSheet,
        WorkingTimeSettings,
    )

    WorkingTimeSettings.objects.get_or_create(
        employer=employer, defaults={"solidarity_day": "lundi_de_pentecote"}
    )
    schedules, ids = schedules_for_everyone(employer, SCHEDULES)
    overrides = planning_changes(
        ids[::20], MONTH, (1, 8, 15), [["14:00", "18:00"], ["18:30", "23:30"]], "8.50"
    )
    first_monday = MONTH - dt.timedelta(days=MONTH.weekday())
    weeks = [first_monday + dt.timedelta(weeks=n) for n in range(5)]
    clocked = ids[3::5]
    sheets = TimeSheet.objects.bulk_create(
        [
            TimeSheet(employee_id=pk, week_start=week, status=SheetStatus.SUBMITTED)
            for pk in clocked
            for week in weeks
        ],
        batch_size=2000,
    )
    records = []
    for sheet in sheets:
        long_week = sheet.employee_id % 3 == 0
        for weekday in range(5):
            day = sheet.week_start + dt.timedelta(days=weekday)
            late = long_week and weekday == 2
            intervals = (
                [["08:00", "12:00"], ["12:30", "19:30"]]
                if late
                else [["08:00", "12:00"], ["13:00", "17:30" if long_week else "16:00"]]
            )
            hours = Decimal("11.00") if late else Decimal("8.50") if long_week else Decimal("7.00")
            records.append(
                TimeRecord(
                    sheet=sheet,
                    day=day,
                    intervals=intervals,
                    hours=hours,
                    source=RecordSource.CLOCKED,
                )
            )
    TimeRecord.objects.bulk_create(records, batch_size=5000)
    return {
        "schedules": len(schedules),
        "assignments": len(ids),
        "overrides": overrides,
        "sheets": len(sheets),
        "records": len(records),
    }


def measure(employer: Any, runs: int = RUNS) -> dict[str, Any]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from effectif.employees.models import Employee
    from effectif.timekeeping.checking import legal_check_many

    end = (MONTH + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    people = Employee.objects.filter(employer=employer)
    timings, found, queries = [], {}, 0
    for _run in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            found = legal_check_many(people, MONTH, end)
            timings.append(time.perf_counter() - started)
        queries = len(captured.captured_queries)
    breaches = sum(len(items) for items in found.values())
    by_rule: dict[str, int] = {}
    for items in found.values():
        for breach in items:
            by_rule[breach.rule.value] = by_rule.get(breach.rule.value, 0) + 1
    return {
        "employees": people.count(),
        "period": f"{MONTH:%d/%m/%Y}–{end:%d/%m/%Y}",
        "median_s": round(statistics.median(timings), 2),
        "min_s": round(min(timings), 2),
        "runs": runs,
        "queries": queries,
        "employees_with_breaches": len(found),
        "breaches": breaches,
        "by_rule": by_rule,
    }


def run(employees: int) -> dict[str, Any]:
    """In a process whose DATABASE_URL is a throwaway database, migrated: populate, measure."""
    from django.db import connection, transaction

    from effectif.demo.population import generate_population

    report = generate_population(employees=employees, today=dt.date(2026, 6, 1))
    started = time.perf_counter()
    with transaction.atomic():
        counts = populate(report.employer)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    _say(
        f"  {report.employees} salariés ; {counts['schedules']} horaires affectés à tous, "
        f"{counts['overrides']} modifications de planning, {counts['sheets']} feuilles de temps "
        f"({counts['records']} journées pointées), en {time.perf_counter() - started:.1f} s"
    )
    figures = measure(report.employer)
    figures["engine"] = connection.vendor
    return figures


def describe(figures: dict[str, Any]) -> str:
    verdict = "✓" if figures["median_s"] < TARGET_S else "✗"
    rules = ", ".join(f"{rule} {count}" for rule, count in sorted(figures["by_rule"].items()))
    return (
        f"contrôles légaux du {figures['period']} pour {figures['employees']} salariés : "
        f"médiane {figures['median_s']} s (min {figures['min_s']} s, {figures['runs']} passes), "
        f"{figures['queries']} requêtes SQL, {figures['breaches']} manquements chez "
        f"{figures['employees_with_breaches']} salariés ({rules}) {verdict} < {TARGET_S:.0f} s"
    )


def part(engine_names: list[str], employees: int, postgres_url: str) -> dict[str, Any]:
    """The part of `python -m effectif.bench`: each engine in a throwaway database."""
    _say("\n== Temps de travail : contrôles légaux sur un mois ==")
    return engines.per_engine(
        "effectif.bench.working_time",
        [f"--employees={employees}"],
        postgres_url=postgres_url,
        kinds=engine_names,
        report=lambda name, figures: _say(f"  {name} : {describe(figures)}"),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m effectif.bench.working_time")
    parser.add_argument("--employees", type=int, default=10_000)
    parser.add_argument("--output", required=True, help="fichier JSON des résultats")
    return engines.measure_in_this_process(parser, argv, lambda args: run(args.employees))


if __name__ == "__main__":
    sys.exit(main())
