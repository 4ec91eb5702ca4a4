"""The number of SQL queries of a list does not grow with the page size."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from effectif.contracts.tests.factories import hire
from effectif.employees.tests.factories import EmployeeFactory
from effectif.organisation.tests.factories import DepartmentFactory, PositionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def crowd(world):
    """60 more people in the manager's team, each hired with terms; more departments and
    positions."""
    for _ in range(60):
        person = EmployeeFactory(employer=world.employer, department=world.team)
        hire(person, start=date(2022, 1, 1), establishment=world.establishment)
    for _ in range(60):
        DepartmentFactory(employer=world.employer, parent=world.team)
        PositionFactory(employer=world.employer)


def _queries(client, path: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, response.content
    return len(captured), len(response.json()["items"])


PATHS = [
    "/api/v1/employees",
    "/api/v1/employees?q=Nom&sort=-hire_date&presence=all",
    "/api/v1/employees?establishment={establishment}&kind=cdi",
    "/api/v1/contracts",
    "/api/v1/departments",
    "/api/v1/positions",
    "/api/v1/establishments",
    "/api/v1/employers",
]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("role", ["hr_manager", "manager"])
def test_queries_do_not_grow_with_the_page_size(world, crowd, api_for, role, path):
    client = api_for(role)
    path = path.format(establishment=world.establishment.pk)
    joiner = "&" if "?" in path else "?"
    client.get(path)  # the token's first use records it (once every five minutes)
    small, small_items = _queries(client, f"{path}{joiner}limit=5")
    large, large_items = _queries(client, f"{path}{joiner}limit=50")
    assert small == large, (small, large)
    assert large <= 8
    if path.startswith(("/api/v1/employees", "/api/v1/contracts", "/api/v1/departments")):
        assert (small_items, large_items) == (5, 50)


def test_the_figures_of_the_employee_list(world, crowd, api_for, django_assert_max_num_queries):
    """Bearer token (1), the page (1) and its count (1); a manager's scope adds the tree."""
    client = api_for("hr_manager")
    client.get("/api/v1/employees")
    with django_assert_max_num_queries(3):
        assert len(client.get("/api/v1/employees?limit=50").json()["items"]) == 50
    client = api_for("manager")
    client.get("/api/v1/employees")
    with django_assert_max_num_queries(6):
        assert len(client.get("/api/v1/employees?limit=50").json()["items"]) == 50
