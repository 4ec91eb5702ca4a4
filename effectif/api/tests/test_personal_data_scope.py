"""What the API tells each role of other people: a department's manager is someone with access
to its employer; a manager reads neither the nature of a sensitive absence nor a team member's
emergency contact, family, bank or health data."""

from __future__ import annotations

import pytest

from effectif.api.tests.conftest import fields_of
from effectif.core.models import AuditAction, AuditEntry
from effectif.core.roles import Role
from effectif.employees.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db
JSON = "application/json"

NO_ACCESS = (
    "Bruno Bé n'a pas accès à l'employeur Atelier Durand : le responsable d'un service doit "
    "y avoir son dossier du personnel ou un accès accordé."
)


# --- A department's manager ----------------------------------------------------------------


@pytest.fixture
def foreign_manager(world, make_user):
    """A manager whose file is at the other employer only."""
    user = make_user(Role.MANAGER, username="manager-b", first_name="Bruno", last_name="Bé")
    EmployeeFactory(
        employer=world.other_employer, department=world.other_employer_department, user=user
    )
    return user


@pytest.mark.parametrize("role", ["admin", "hr_manager", "hr_assistant"])
def test_creating_a_department_run_by_another_employers_manager_is_refused(
    world, api_for, foreign_manager, role
):
    body = {"employer": world.employer.pk, "name": "Maintenance", "manager": foreign_manager.pk}
    response = api_for(role).post("/api/v1/departments", body, content_type=JSON)
    if role == "admin":  # sees every user: told why
        assert fields_of(response) == {"manager": NO_ACCESS}
    else:  # the user is out of their scope: not even disclosed
        assert fields_of(response)["manager"].startswith("Aucun élément n°")
    assert not world.employer.departments.filter(name="Maintenance").exists()


def test_patching_the_manager_to_another_employers_is_refused(world, api_for, foreign_manager):
    response = api_for("admin").patch(
        f"/api/v1/departments/{world.team.pk}", {"manager": foreign_manager.pk}, content_type=JSON
    )
    assert fields_of(response) == {"manager": NO_ACCESS}
    world.team.refresh_from_db()
    assert world.team.manager_id != foreign_manager.pk


def test_patching_the_manager_within_the_employer_is_audited(world, api_for, hr_manager):
    response = api_for("hr_assistant").patch(
        f"/api/v1/departments/{world.team.pk}", {"manager": hr_manager.pk}, content_type=JSON
    )
    assert response.status_code == 200, response.content
    assert response.json()["manager"]["id"] == hr_manager.pk
    entry = AuditEntry.objects.get(
        action=AuditAction.UPDATE,
        target_type="organisation.Department",
        target_id=str(world.team.pk),
    )
    assert entry.changes["manager"] == ["Max Manager", "Rita Rh"]
