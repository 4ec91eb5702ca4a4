"""Employee files: sensitive data by role (and its audited reads), the list's filters, sorts and
pages as on the page."""

from __future__ import annotations

from datetime import date

import pytest

from effectif.api.routers.employees import PERSONAL_FIELDS
from effectif.contracts.tests.factories import hire
from effectif.core.models import AuditAction, AuditEntry
from effectif.employees.models import SENSITIVE_FIELDS
from effectif.employees.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def _reads(employee) -> int:
    return AuditEntry.objects.filter(action=AuditAction.READ, employee_id=employee.pk).count()


def test_a_manager_never_gets_sensitive_nor_personal_data_of_the_team(world, api_for):
    response = api_for("manager").get(f"/api/v1/employees/{world.employee_file.pk}")
    assert response.status_code == 200
    data = response.json()
    assert data["matricule"] == world.employee_file.matricule
    assert data["department"] == {"id": world.team.pk, "name": "Production"}
    for name in (*SENSITIVE_FIELDS, *PERSONAL_FIELDS):
        assert name not in data, name
    assert world.employee_file.nir not in response.content.decode()
    assert world.employee_file.iban not in response.content.decode()
    assert _reads(world.employee_file) == 0


def test_a_manager_reads_their_own_file_in_full(world, api_for):
    data = api_for("manager").get(f"/api/v1/employees/{world.manager_file.pk}").json()
    assert data["nir"] == world.manager_file.nir
    assert _reads(world.manager_file) == 1


@pytest.mark.parametrize("role", ["admin", "hr_manager", "hr_assistant", "employee"])
def test_hr_and_the_employee_read_sensitive_data_and_each_read_is_audited(
    world, api_for, user_for, role
):
    client = api_for(role)
    data = client.get(f"/api/v1/employees/{world.employee_file.pk}").json()
    assert data["nir"] == world.employee_file.nir
    assert data["iban"] == world.employee_file.iban
    assert data["children_count"] == 0
    assert data["disability_recognised"] is False
    assert data["birth_date"] == "1990-04-02"
    client.get(f"/api/v1/employees/{world.employee_file.pk}")
    entries = AuditEntry.objects.filter(action=AuditAction.READ, employee_id=world.employee_file.pk)
    assert entries.count() == 2
    assert {entry.actor for entry in entries} == {user_for(role)}
    assert "nir" in entries.first().detail


def test_the_list_never_carries_sensitive_data_nor_audits_reads(world, api_for):
    response = api_for("hr_manager").get("/api/v1/employees")
    body = response.content.decode()
    assert world.employee_file.nir not in body
    assert "iban" not in body
    assert not AuditEntry.objects.filter(action=AuditAction.READ).exists()


@pytest.fixture
def crowd(world):
    """Ten more people of the employer: some gone, a CDD, one in another establishment."""
    people = []
    for n in range(10):
        person = EmployeeFactory(
            employer=world.employer,
            department=world.other_department,
            last_name=f"Zeta{n}",
            matricule=f"Z{n:03d}",
        )
        people.append(person)
    hire(people[0], start=date(2020, 1, 1), end=date(2023, 12, 31), kind="cdd")
    hire(people[1], start=date(2024, 6, 1), end=date(2099, 1, 1), kind="cdd")
    for person in people[2:]:
        hire(person, start=date(2022, 1, 1), establishment=world.establishment)
    return people


def test_the_list_filters_like_the_page(world, api_for, crowd):
    client = api_for("hr_manager")

    def names(query: str) -> list[str]:
        response = client.get(f"/api/v1/employees?{query}")
        assert response.status_code == 200, response.content
        return [item["last_name"] for item in response.json()["items"]]

    assert names("q=zeta3") == ["Zeta3"]
    assert names("q=Z001") == ["Zeta1"]
    assert "Zeta0" not in names("limit=200")  # gone: the default is present people
    assert names("presence=gone") == ["Zeta0"]
    assert "Zeta0" in names("presence=all&limit=200")
    assert names("presence=all&on=2023-06-01&kind=cdd") == ["Zeta0"]
    assert names("kind=cdd") == ["Zeta1"]
    assert set(names(f"department={world.team.pk}")) == {"Manager", "Salariée"}
    assert names(f"employer={world.other_employer.pk}") == []  # not granted: nothing
    in_establishment = names(f"establishment={world.establishment.pk}&limit=200")
    assert "Zeta1" not in in_establishment  # a CDD hired in another establishment
    assert "Zeta2" in in_establishment


def test_the_list_sorts_and_pages(world, api_for, crowd):
    client = api_for("hr_manager")
    first = client.get("/api/v1/employees?sort=-name&limit=3").json()
    assert first["count"] == 12  # 3 of the world + 9 present of the crowd
    assert [item["last_name"] for item in first["items"]] == ["Zeta9", "Zeta8", "Zeta7"]
    second = client.get("/api/v1/employees?sort=-name&limit=3&offset=3").json()
    assert [item["last_name"] for item in second["items"]] == ["Zeta6", "Zeta5", "Zeta4"]
    by_hire = client.get("/api/v1/employees?sort=hire_date&limit=1").json()["items"][0]
    assert by_hire["last_name"] == "Manager"
    assert by_hire["hire_date"] == "2020-01-01"
    assert by_hire["situation"]["kind"] == "cdi"


def test_the_list_shows_the_situation_on_a_date(world, api_for):
    response = api_for("hr_manager").get("/api/v1/employees?q=Salariée&on=2023-01-01&presence=all")
    item = response.json()["items"][0]
    assert item["situation"]["kind"] is None  # hired in 2024
    response = api_for("hr_manager").get("/api/v1/employees?q=Salariée&on=2024-06-01")
    assert response.json()["items"][0]["situation"]["establishment"] == "Siège"
