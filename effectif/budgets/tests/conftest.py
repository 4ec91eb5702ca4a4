"""Trips and expense reports written straight through the ORM (their services are written
elsewhere): the figures of the budget follow-up only read them."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from effectif.budgets.models import Budget
from effectif.organisation.tests.factories import DepartmentFactory
from effectif.travel.models import ExpenseReport, ExpenseStatus, Trip, TripStatus

PARIS = ZoneInfo("Europe/Paris")
_numbers = itertools.count(1)


def make_trip(
    employee: Any,
    *,
    start: dt.date,
    cost: str,
    status: str = TripStatus.APPROVED,
    department: Any = None,
) -> Trip:
    return Trip.objects.create(
        employer=employee.employer,
        reference=f"OM-T{next(_numbers):04d}",
        employee=employee,
        department=department,
        purpose="Salon professionnel",
        departure_place="Lyon",
        start_date=start,
        end_date=start + dt.timedelta(days=1),
        distance_km=450,
        estimated_cost_amount=Decimal(cost),
        status=status,
    )


def make_report(
    employee: Any,
    *,
    accepted: str,
    reimbursed: dt.datetime | None = None,
    trip: Trip | None = None,
    department: Any = None,
    status: str | None = None,
) -> ExpenseReport:
    return ExpenseReport.objects.create(
        employer=employee.employer,
        reference=f"NF-T{next(_numbers):04d}",
        employee=employee,
        department=department,
        trip=trip,
        title="Frais du salon",
        status=status or (ExpenseStatus.REIMBURSED if reimbursed else ExpenseStatus.CHECKED),
        reimbursed_at=reimbursed,
        accepted_amount=Decimal(accepted),
    )


@pytest.fixture
def travel(world: Any) -> SimpleNamespace:
    """Year 2026 of employer A: the manager's team (with a sub-team) and « Ailleurs » have
    budgets; trips and reports in every state that matters."""
    sub_team = DepartmentFactory(employer=world.employer, name="Sous-équipe", parent=world.team)
    budgets = {
        "team": Budget.objects.create(department=world.team, year=2026, amount=Decimal("12000")),
        "sub_team": Budget.objects.create(department=sub_team, year=2026, amount=Decimal("1200")),
        "elsewhere": Budget.objects.create(
            department=world.elsewhere, year=2026, amount=Decimal("6000")
        ),
        "team_2025": Budget.objects.create(department=world.team, year=2025, amount=Decimal("1")),
        "other": Budget.objects.create(
            department=world.other_department, year=2026, amount=Decimal("5000")
        ),
    }
    member = world.member  # in the team
    # Committed: approved, starting in March, no report reimbursed.
    make_trip(member, start=dt.date(2026, 3, 10), cost="800.00")
    # Charged to the sub-team explicitly, in May.
    make_trip(member, start=dt.date(2026, 5, 4), cost="300.00", department=sub_team)
    # Reimbursed in April: no longer committed in March, 650 spent in April.
    done = make_trip(member, start=dt.date(2026, 3, 20), cost="700.00")
    make_report(
        member, accepted="650.00", trip=done, reimbursed=dt.datetime(2026, 4, 8, 10, tzinfo=PARIS)
    )
    # A report checked but not reimbursed yet: its trip still counts as committed.
    pending = make_trip(member, start=dt.date(2026, 6, 1), cost="400.00")
    make_report(member, accepted="380.00", trip=pending)
    # Not committed: a draft, one waiting for HR, a rejected one; and one in 2025.
    for status in (TripStatus.DRAFT, TripStatus.MANAGER_APPROVED, TripStatus.REJECTED):
        make_trip(member, start=dt.date(2026, 3, 1), cost="999.00", status=status)
    make_trip(member, start=dt.date(2025, 12, 31), cost="999.00")
    # A report without a trip, reimbursed in July, charged to « Ailleurs ».
    make_report(
        world.colleague,
        accepted="120.50",
        department=world.elsewhere,
        reimbursed=dt.datetime(2026, 7, 2, 9, tzinfo=PARIS),
    )
    # Reimbursed on 31 December 2025 at 23:30 in Paris: 2025, not 2026.
    make_report(
        world.colleague,
        accepted="55.00",
        reimbursed=dt.datetime(2025, 12, 31, 23, 30, tzinfo=PARIS),
    )
    # Employer B: never in A's figures.
    make_trip(world.stranger, start=dt.date(2026, 3, 10), cost="5000.00")
    return SimpleNamespace(sub_team=sub_team, budgets=budgets)
