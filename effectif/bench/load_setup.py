"""The load test's database, in a process of its own (`python -m effectif.bench.load_setup`).

With `DATABASE_URL` pointing at a throwaway database and `EFFECTIF_VAR_DIR` at the test's own
folder: migrate, the synthetic population (`generate_population`), `ANALYZE`, the employer's
default leave types, then the virtual users' accounts, all with one password so that the load
generator logs in through the real form:

- HR: half « responsable RH », half « gestionnaire RH », each granted the employer;
- managers: each heads a team of about twenty people on open-ended contracts (a new
  sub-department of an existing one, its members moved into it) and has their own file in the
  parent department;
- employees with an account linked to their file, spread over the managers' teams.

Each team gets pending paid-leave requests on working days a few weeks ahead (200 per manager
by default), so that managers keep approving for the whole run; each employee gets a list of
free working days further ahead, on which to ask for leave during the run. Static files are
collected as in production. The plan of the run (accounts, teams, what to browse) is written as
JSON for the load generator, which needs no Django.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

PASSWORD = "charge-effectif-2026"
TEAM_SIZE = 20
SEEDED_FROM_DAYS = 14  # pending requests start two weeks ahead
FREE_DAYS = 300  # working days each employee may ask for during the runs
BROWSED_FILES = 300  # employee files HR open, at random


def shares(users: int) -> tuple[int, int, int]:
    """HR, managers and employees among `users` (20 %, 30 %, the rest; at least one each)."""
    hr = max(1, users * 20 // 100)
    managers = max(1, users * 30 // 100)
    return hr, managers, max(1, users - hr - managers)


def working_days(start: dt.date, count: int) -> list[dt.date]:
    """The next `count` weekdays from `start` that are public holidays nowhere in France
    (Alsace-Moselle's included)."""
    from effectif.rules.working_time.holidays import holidays_between

    end = start + dt.timedelta(days=count * 2 + 60)
    closed = set(holidays_between(start, end)) | set(holidays_between(start, end, "67"))
    days: list[dt.date] = []
    day = start
    while len(days) < count:
        if day.weekday() < 5 and day not in closed:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def _say(text: str) -> None:
    print(text, flush=True)


def prepare(employees: int, users: int, pending_per_manager: int, seed: int) -> dict[str, Any]:
    """Everything the run needs, in the database Django is set up with (empty or migrated)."""
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Count
    from django.utils import timezone

    from effectif.accounts.models import User
    from effectif.contracts.models import Contract
    from effectif.core.roles import Role
    from effectif.demo.population import generate_population
    from effectif.employees.models import Employee
    from effectif.leave.defaults import leave_types_install_defaults
    from effectif.leave.models import LeaveType
    from effectif.organisation.models import Department, EmployerAccess, Establishment

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    _say(f"  base migrée en {time.perf_counter() - started:.1f} s")
    report = generate_population(employees=employees)
    employer = report.employer
    _say(
        f"  population synthétique : {report.employees} salariés, {report.contracts} contrats, "
        f"en {report.seconds:.1f} s"
    )
    leave_types_install_defaults(employer=employer, by=None)
    paid_leave = LeaveType.objects.get(employer=employer, code="cp")

    rng = random.Random(seed)
    today = timezone.localdate()
    open_ended = sorted(
        set(
            Contract.objects.filter(
                employee__employer=employer, start_date__lte=today, end_date__isnull=True
            ).values_list("employee_id", flat=True)
        )
    )
    rng.shuffle(open_ended)
    hr_count, manager_count, employee_count = shares(users)
    size = max(2, min(TEAM_SIZE, len(open_ended) // (manager_count + 1) - 1))
    if len(open_ended) < manager_count * (size + 1):
        raise SystemExit(
            f"Population trop petite : {len(open_ended)} salariés en CDI pour {manager_count} "
            f"équipes de {size} personnes."
        )
    hashed = make_password(PASSWORD)  # one hash for every account (Argon2 is slow on purpose)

    def account(username: str, role: str, first: str, last: str) -> User:
        return User.objects.create(
            username=username, role=role, first_name=first, last_name=last, password=hashed
        )

    hr = []
    for n in range(1, hr_count + 1):
        role = Role.HR_MANAGER if n % 2 else Role.HR_ASSISTANT
        user = account(f"charge-rh-{n}", role, "RH", f"Charge {n}")
        EmployerAccess.objects.create(user=user, employer=employer)
        hr.append({"username": user.username, "role": role.value})

    parents = list(
        Department.objects.filter(employer=employer, children__isnull=True).order_by("name")
    )
    managers, teams, members_of = [], [], []
    for n in range(manager_count):
        chunk = open_ended[n * (size + 1) : (n + 1) * (size + 1)]
        own, members = chunk[0], chunk[1:]
        parent = parents[n % len(parents)]
        user = account(f"charge-manager-{n + 1}", Role.MANAGER, "Manager", f"Charge {n + 1}")
        Employee.objects.filter(pk=own).update(user=user, department=parent)
        team = Department(
            employer=employer, name=f"{parent.name} — équipe {n + 1}", parent=parent, manager=user
        )
        team.full_clean()  # the manager must have access to the employer: their file is there
        team.save()
        Employee.objects.filter(pk__in=members).update(department=team)
        managers.append({"username": user.username, "team_id": team.pk, "members": members})
        teams.append(team.pk)
        members_of.append(members)

    people = []
    for n in range(employee_count):
        members = members_of[n % manager_count]
        pk = members[(n // manager_count) % len(members)]
        user = account(f"charge-salarie-{n + 1}", Role.EMPLOYEE, "Salarié", f"Charge {n + 1}")
        Employee.objects.filter(pk=pk).update(user=user)
        people.append(
            {"username": user.username, "employee_id": pk, "team_id": teams[n % manager_count]}
        )

    seeded_days = working_days(today + dt.timedelta(days=SEEDED_FROM_DAYS), 2 * pending_per_manager)
    pending, last_day = _pending_requests(members_of, paid_leave, seeded_days, pending_per_manager)
    free_days = working_days(last_day + dt.timedelta(days=30), FREE_DAYS)
    for person in people:
        person["free_days"] = [day.isoformat() for day in free_days]

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # as autovacuum would after a bulk load
    started = time.perf_counter()
    call_command("collectstatic", interactive=False, verbosity=0)
    _say(f"  fichiers statiques collectés (production) en {time.perf_counter() - started:.1f} s")
    names = (
        Employee.objects.filter(employer=employer)
        .values("last_name")
        .annotate(n=Count("id"))
        .order_by("-n", "last_name")[:8]
    )
    sample = list(
        Employee.objects.filter(employer=employer)
        .order_by("?")
        .values_list("pk", flat=True)[:BROWSED_FILES]
    )
    return {
        "password": PASSWORD,
        "employer_id": employer.pk,
        "establishment_ids": list(
            Establishment.objects.filter(employer=employer).values_list("pk", flat=True)
        ),
        "department_ids": list(
            Department.objects.filter(employer=employer, parent__isnull=False)
            .exclude(pk__in=teams)
            .values_list("pk", flat=True)
        ),
        "team_ids": teams,
        "employee_ids": sample,
        "search_terms": [row["last_name"].lower() for row in names],
        "leave_type_id": paid_leave.pk,
        "hr": hr,
        "managers": managers,
        "employees": people,
        "population": {"employees": report.employees, "contracts": report.contracts},
        "pending": pending,
        "team_size": size,
    }


def _pending_requests(
    teams: list[list[int]], leave_type: Any, days: list[dt.date], per_team: int
) -> tuple[int, dt.date]:
    """`per_team` pending one-day requests in each team, counted as the employer counts them,
    none overlapping another of the same person, asked by the person when they have an
    account; how many, and the last day asked for."""
    from effectif.employees.models import Employee
    from effectif.leave.checks import count_request
    from effectif.leave.models import LeaveRequest, Status
    from effectif.rules.leave.counting import Span

    rows = []
    for members in teams:
        files = {e.pk: e for e in Employee.objects.filter(pk__in=members).select_related("user")}
        for n in range(per_team):
            pk = members[n % len(members)]
            day = days[2 * (n // len(members)) + n % 2]  # never twice the same for one person
            count = count_request(files[pk], leave_type, Span(day, day))
            rows.append(
                LeaveRequest(
                    employee_id=pk,
                    leave_type=leave_type,
                    start_date=day,
                    end_date=day,
                    amount=count.total,
                    days_detail={d.isoformat(): str(v) for d, v in sorted(count.per_day.items())},
                    status=Status.SUBMITTED,
                    requested_by=files[pk].user,
                    comment="Demande préparée pour le test de charge",
                )
            )
    LeaveRequest.objects.bulk_create(rows, batch_size=1000)
    return len(rows), max((row.end_date for row in rows), default=days[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m effectif.bench.load_setup")
    parser.add_argument("--employees", type=int, default=10_000)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--pending", type=int, default=200, help="demandes en attente par équipe")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--output", required=True, help="plan du test (JSON)")
    args = parser.parse_args(argv)
    if "DATABASE_URL" not in os.environ or "EFFECTIF_VAR_DIR" not in os.environ:
        parser.error(
            "DATABASE_URL et EFFECTIF_VAR_DIR doivent désigner une base et un dossier jetables"
        )
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "effectif.settings")
    django.setup()
    plan = prepare(args.employees, args.users, args.pending, args.seed)
    Path(args.output).write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
