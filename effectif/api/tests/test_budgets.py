"""/api/v1/budgets: HR read their employers' budgets, a manager those of their departments,
each with the year's committed, spent and variance; read-only; out of scope is a 404."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from effectif.api.tests.conftest import ROLES, ids
from effectif.budgets.models import Budget
from effectif.travel.models import ExpenseReport, ExpenseStatus, Trip, TripStatus

pytestmark = pytest.mark.django_db


def trip(employee, reference, start, cost):
    return Trip.objects.create(
        employer=employee.employer,
        reference=reference,
        employee=employee,
        purpose="Salon",
        departure_place="Lyon",
        start_date=start,
        end_date=start,
        distance_km=100,
        estimated_cost_amount=Decimal(cost),
        status=TripStatus.APPROVED,
    )


@pytest.fixture
def budgets(world):
    trip(world.employee_file, "OM-B1", dt.date(2026, 2, 3), "400.00")
    done = trip(world.employee_file, "OM-B2", dt.date(2026, 2, 10), "300.00")
    ExpenseReport.objects.create(
        employer=world.employer,
        reference="NF-B1",
        employee=world.employee_file,
        trip=done,
        title="Salon",
        status=ExpenseStatus.REIMBURSED,
        reimbursed_at=dt.datetime(2026, 3, 5, 12, tzinfo=ZoneInfo("Europe/Paris")),
        accepted_amount=Decimal("280.00"),
    )
    return {
        "team": Budget.objects.create(department=world.team, year=2026, amount=Decimal("6000")),
        "team_2025": Budget.objects.create(department=world.team, year=2025, amount=Decimal("10")),
        "other": Budget.objects.create(
            department=world.other_department, year=2026, amount=Decimal("1200")
        ),
        "stranger": Budget.objects.create(
            department=world.other_employer_department, year=2026, amount=Decimal("50")
        ),
    }


EXPECTED = {
    "admin": {"team", "team_2025", "other", "stranger"},
    "hr_manager": {"team", "team_2025", "other"},
    "hr_assistant": {"team", "team_2025", "other"},
    "manager": {"team", "team_2025"},
}


@pytest.mark.parametrize("role", ROLES)
def test_list_and_detail_by_role(api_for, budgets, role):
    client = api_for(role)
    listed = client.get("/api/v1/budgets")
    if role == "anonymous":
        assert listed.status_code == 401
        return
    expected = EXPECTED.get(role, set())  # an employee, an outsider: nothing
    assert ids(listed) == {budgets[name].pk for name in expected}
    for name, budget in budgets.items():
        detail = client.get(f"/api/v1/budgets/{budget.pk}")
        assert detail.status_code == (200 if name in expected else 404), (name, role)


def test_figures_of_the_year(api_for, world, budgets):
    client = api_for("manager")
    items = client.get("/api/v1/budgets?year=2026").json()["items"]
    assert [i["id"] for i in items] == [budgets["team"].pk]
    figures = items[0]["figures"]
    assert {k: Decimal(v) for k, v in figures.items()} == {
        "budget": Decimal("6000"),
        "committed": Decimal("400"),  # the other trip's report is reimbursed
        "spent": Decimal("280"),
        "variance": Decimal("5320"),
        "consumed_percent": Decimal("11.33"),
    }
    detail = client.get(f"/api/v1/budgets/{budgets['team'].pk}").json()
    assert detail["department"] == {"id": world.team.pk, "name": str(world.team)}
    february, march = detail["months"][1], detail["months"][2]
    assert (Decimal(february["committed"]), Decimal(february["variance"])) == (
        Decimal("400"),
        Decimal("100"),
    )
    assert Decimal(march["spent"]) == Decimal("280")
    assert Decimal(march["variance_cumulative"]) == Decimal("1500") - Decimal("680")
    assert len(detail["months"]) == 12


def test_filters(api_for, world, budgets):
    client = api_for("admin")
    assert ids(client.get("/api/v1/budgets?year=2025")) == {budgets["team_2025"].pk}
    by_employer = client.get(f"/api/v1/budgets?employer={world.other_employer.pk}")
    assert ids(by_employer) == {budgets["stranger"].pk}
    by_department = client.get(f"/api/v1/budgets?department={world.other_department.pk}")
    assert ids(by_department) == {budgets["other"].pk}
    assert client.get("/api/v1/budgets?year=deux").status_code == 422


def test_read_only_and_documented(api_for, client, budgets):
    response = api_for("hr_manager").post(
        "/api/v1/budgets", {"year": 2026}, content_type="application/json"
    )
    assert response.status_code == 405
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert set(paths["/api/v1/budgets"]) == {"get"}
    assert set(paths["/api/v1/budgets/{budget_id}"]) == {"get"}
