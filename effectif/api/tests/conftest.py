"""An organisation seen by every role, and API clients holding each role's bearer token."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.test import Client

from effectif.accounts.models import User
from effectif.accounts.services import api_token_issue
from effectif.contracts.models import Contract
from effectif.contracts.tests.factories import hire
from effectif.core.roles import Role
from effectif.employees.models import Employee
from effectif.employees.tests.factories import EmployeeFactory
from effectif.organisation.models import Department, Employer, Establishment, Position
from effectif.organisation.tests.factories import (
    DepartmentFactory,
    EmployerFactory,
    EstablishmentFactory,
    PositionFactory,
    grant,
)

#: Every kind of caller of the API.
ROLES = (
    "admin",
    "hr_manager",
    "hr_ungranted",
    "hr_assistant",
    "manager",
    "employee",
    "outsider",
    "anonymous",
)
#: The roles, and a manager of another department than the team's (who sees none of the team).
CALLERS = (*ROLES, "manager_outside")
HR = {"admin", "hr_manager", "hr_assistant"}
EMPLOYER_EDITORS = {"admin", "hr_manager"}


@dataclass
class World:
    employer: Employer  # granted to the HR users of the tests
    other_employer: Employer  # granted to nobody: only the administrator sees it
    establishment: Establishment
    other_establishment: Establishment
    team: Department  # managed by the manager
    other_department: Department
    other_employer_department: Department
    position: Position
    other_position: Position
    manager_file: Employee
    employee_file: Employee  # the employee user's own file, in the manager's team
    colleague: Employee  # same employer, another department: HR sees it, not the manager
    stranger: Employee  # another employer
    employee_contract: Contract
    colleague_contract: Contract
    stranger_contract: Contract


@pytest.fixture
def hr_ungranted(make_user: Callable[..., User]) -> User:
    """An HR manager granted no employer: sees nothing."""
    return make_user(Role.HR_MANAGER, username="rh-sans-acces")


@pytest.fixture
def world(hr_manager, hr_assistant, manager_user, employee_user) -> World:
    employer = EmployerFactory(name="Atelier Durand")
    other = EmployerFactory(name="Boulangerie Martin")
    grant(hr_manager, employer)
    grant(hr_assistant, employer)
    establishment = EstablishmentFactory(employer=employer, name="Siège")
    other_establishment = EstablishmentFactory(employer=other, name="Fournil")
    team = DepartmentFactory(employer=employer, name="Production", manager=manager_user)
    other_department = DepartmentFactory(employer=employer, name="Comptabilité")
    other_employer_department = DepartmentFactory(employer=other, name="Vente")
    manager_file = EmployeeFactory(
        employer=employer, user=manager_user, department=team, last_name="Manager"
    )
    employee_file = EmployeeFactory(
        employer=employer, user=employee_user, department=team, last_name="Salariée"
    )
    colleague = EmployeeFactory(employer=employer, department=other_department, last_name="Compta")
    stranger = EmployeeFactory(employer=other, department=other_employer_department)
    hire(manager_file, start=date(2020, 1, 1), establishment=establishment)
    return World(
        employer=employer,
        other_employer=other,
        establishment=establishment,
        other_establishment=other_establishment,
        team=team,
        other_department=other_department,
        other_employer_department=other_employer_department,
        position=PositionFactory(employer=employer, department=team),
        other_position=PositionFactory(employer=other),
        manager_file=manager_file,
        employee_file=employee_file,
        colleague=colleague,
        stranger=stranger,
        employee_contract=hire(employee_file, establishment=establishment),
        colleague_contract=hire(colleague, establishment=establishment),
        stranger_contract=hire(stranger, establishment=other_establishment),
    )


@pytest.fixture
def manager_outside(world: World, make_user: Callable[..., User]) -> User:
    """The manager of the colleague's department, not of the team."""
    user = make_user(Role.MANAGER, username="manager-compta")
    world.other_department.manager = user
    world.other_department.save()
    return user


@pytest.fixture
def media_root(settings: Any, tmp_path: Any) -> Any:
    """Uploaded and generated files (receipts, mission orders) in a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def bearer_client(user: User) -> Client:
    raw, _token = api_token_issue(user=user)
    return Client(headers={"Authorization": f"Bearer {raw}"})


@pytest.fixture
def user_for(request: pytest.FixtureRequest) -> Callable[[str], User | None]:
    names = {
        "admin": "admin_user",
        "hr_manager": "hr_manager",
        "hr_ungranted": "hr_ungranted",
        "hr_assistant": "hr_assistant",
        "manager": "manager_user",
        "employee": "employee_user",
        "outsider": "outsider",
        "manager_outside": "manager_outside",
    }

    def get(role: str) -> User | None:
        return None if role == "anonymous" else request.getfixturevalue(names[role])

    return get


@pytest.fixture
def api_for(user_for: Callable[[str], User | None]) -> Callable[[str], Client]:
    """A client calling the API as `role` with a bearer token (anonymous: no token)."""

    def get(role: str) -> Client:
        user = user_for(role)
        return Client() if user is None else bearer_client(user)

    return get


def ids(response: Any) -> set[int]:
    return {item["id"] for item in response.json()["items"]}


def fields_of(response: Any) -> dict[str, str]:
    """The 422 body as {field: message} (the first message of each field)."""
    assert response.status_code == 422, response.content
    result: dict[str, str] = {}
    for item in response.json()["detail"]:
        assert set(item) == {"field", "message"}
        result.setdefault(item["field"], item["message"])
    return result
