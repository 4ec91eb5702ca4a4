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


# --- The nature of an absence ---------------------------------------------------------------

NEUTRAL = {"id": None, "code": "", "label": "Absence", "unit": "jours"}


@pytest.fixture
def sick_leave(world, hr_assistant):
    from datetime import date

    from effectif.leave.defaults import leave_types_install_defaults
    from effectif.leave.models import LeaveType
    from effectif.leave.services import leave_request_submit
    from effectif.rules.leave.counting import Span

    leave_types_install_defaults(employer=world.employer, by=None)
    sickness = LeaveType.objects.get(employer=world.employer, code="maladie")
    return leave_request_submit(
        employee=world.employee_file,
        leave_type=sickness,
        span=Span(date(2026, 3, 2), date(2026, 3, 6)),
        by=hr_assistant,
        comment="Hospitalisation",
    ).request


READS_NATURE = {
    "admin": True,
    "hr_manager": True,
    "hr_assistant": True,
    "manager": False,
    "employee": True,  # their own absence
}


@pytest.mark.parametrize("role", sorted(READS_NATURE))
def test_leave_requests_name_a_sensitive_type_only_to_hr_and_the_employee(
    api_for, sick_leave, role
):
    client = api_for(role)
    listed = client.get("/api/v1/leave-requests").json()["items"]
    detail = client.get(f"/api/v1/leave-requests/{sick_leave.pk}").json()
    item = next(i for i in listed if i["id"] == sick_leave.pk)
    for found in (item, detail):
        assert (found["start_date"], found["end_date"]) == ("2026-03-02", "2026-03-06")
        if READS_NATURE[role]:
            assert found["leave_type"]["label"] == "Maladie"
            assert found["leave_type"]["code"] == "maladie"
            assert found["comment"] == "Hospitalisation"
        else:
            assert found["leave_type"] == NEUTRAL
            assert found["comment"] == ""


def test_a_managers_leave_balances_leave_out_a_hidden_type(api_for, world, sick_leave, hr_manager):
    from datetime import date

    from effectif.leave.models import BalancePolicy, LeaveType
    from effectif.leave.services import ledger_adjust

    sick_child = LeaveType.objects.get(employer=world.employer, code="enfant_malade")
    sick_child.balance_policy = BalancePolicy.WARN
    sick_child.save()
    ledger_adjust(
        employee=world.employee_file,
        leave_type=sick_child,
        amount=3,
        entry_date=date(2026, 1, 1),
        label="Accord",
        by=hr_manager,
    )
    url = f"/api/v1/employees/{world.employee_file.pk}/leave-balances?date=2026-03-31"
    labels = {
        role: {b["leave_type"]["label"] for b in api_for(role).get(url).json()["balances"]}
        for role in ("hr_manager", "manager", "employee")
    }
    assert "Enfant malade" in labels["hr_manager"]
    assert "Enfant malade" in labels["employee"]
    assert "Enfant malade" not in labels["manager"]


# --- A team member's file -----------------------------------------------------------------

PRIVATE = (
    "emergency_contact_name",
    "emergency_contact_phone",
    "emergency_contact_relation",
    "nir",
    "iban",
    "family_status",
    "children_count",
    "disability_recognised",
)


@pytest.mark.parametrize(
    ("role", "reads"),
    [("hr_manager", True), ("hr_assistant", True), ("employee", True), ("manager", False)],
)
def test_the_emergency_contact_and_private_data_by_role(world, api_for, role, reads):
    member = world.employee_file
    member.emergency_contact_name = "Paul Proche"
    member.emergency_contact_phone = "06 12 34 56 78"
    member.save()
    response = api_for(role).get(f"/api/v1/employees/{member.pk}")
    assert response.status_code == 200
    data = response.json()
    for name in PRIVATE:
        assert (name in data) is reads, (role, name)
    assert ("Paul Proche" in response.content.decode()) is reads
