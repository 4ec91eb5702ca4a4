"""Every write endpoint × every role: forbidden actions on visible objects are 403, objects out
of scope 404, references out of scope in a body 422; what is written is audited."""

from __future__ import annotations

from datetime import date

import pytest

from effectif.api.tests.conftest import ROLES
from effectif.contracts.models import Contract
from effectif.core.models import AuditAction, AuditEntry
from effectif.employees.tests.factories import EmployeeFactory
from effectif.rules.identity.generate import make_siren, make_siret

pytestmark = pytest.mark.django_db

JSON = "application/json"


def _post(client, path, body):
    return client.post(path, body, content_type=JSON)


def _patch(client, path, body):
    return client.patch(path, body, content_type=JSON)


def _check(response, expected, role):
    assert response.status_code == expected, (role, response.content)
    if expected == 403:
        assert response.json() == {"detail": "Vous n'avez pas le droit d'effectuer cette action."}
    if expected == 422:
        assert response.json()["detail"][0]["message"].startswith("Aucun élément n°")


# --- Employers -----------------------------------------------------------------------------

EMPLOYER_CREATE = {
    "admin": 201,
    "hr_manager": 403,
    "hr_ungranted": 403,
    "hr_assistant": 403,
    "manager": 403,
    "employee": 403,
    "outsider": 403,
    "anonymous": 401,
}
EMPLOYER_EDIT = {
    "admin": 200,
    "hr_manager": 200,
    "hr_ungranted": 404,
    "hr_assistant": 403,
    "manager": 403,
    "employee": 403,
    "outsider": 404,
    "anonymous": 401,
}


@pytest.mark.parametrize("role", ROLES)
def test_create_employer(world, api_for, role):
    body = {
        "name": "Coopérative Leroy",
        "siren": make_siren(55_555_555),
        "legal_form": "SCOP",
        "naf_code": "4711D",
    }
    response = _post(api_for(role), "/api/v1/employers", body)
    _check(response, EMPLOYER_CREATE[role], role)
    if response.status_code == 201:
        assert response.json()["naf_code"] == "47.11D"  # normalised by the model's check
        assert AuditEntry.objects.filter(
            action=AuditAction.CREATE, target_label="Coopérative Leroy"
        ).exists()


@pytest.mark.parametrize("role", ROLES)
def test_edit_employer(world, api_for, role):
    response = _patch(
        api_for(role), f"/api/v1/employers/{world.employer.pk}", {"name": "Atelier Durand SA"}
    )
    _check(response, EMPLOYER_EDIT[role], role)
    world.employer.refresh_from_db()
    changed = response.status_code == 200
    assert (world.employer.name == "Atelier Durand SA") is changed
    assert AuditEntry.objects.filter(action=AuditAction.UPDATE).exists() is changed


# --- Establishments ------------------------------------------------------------------------

ESTABLISHMENT_CREATE = {
    **EMPLOYER_EDIT,
    "admin": 201,
    "hr_manager": 201,
    "hr_ungranted": 422,  # may edit establishments, but not of this employer
    "outsider": 403,  # an HR assistant
}


@pytest.mark.parametrize("role", ROLES)
def test_create_establishment(world, api_for, role):
    body = {
        "employer": world.employer.pk,
        "name": "Atelier de Metz",
        "siret": make_siret(world.employer.siren, 77),
        "address": "3 rue Serpenoise",
        "postal_code": "57000",
        "city": "Metz",
        "at_rate": "0.0150",
    }
    response = _post(api_for(role), "/api/v1/establishments", body)
    _check(response, ESTABLISHMENT_CREATE[role], role)
    if response.status_code == 201:
        assert response.json()["alsace_moselle"] is True
        assert response.json()["employer"]["id"] == world.employer.pk


@pytest.mark.parametrize("role", ROLES)
def test_edit_establishment(world, api_for, role):
    path = f"/api/v1/establishments/{world.establishment.pk}"
    response = _patch(api_for(role), path, {"mobility_rate": "0.032"})
    _check(response, EMPLOYER_EDIT[role], role)


# --- Departments and positions -------------------------------------------------------------

ORGANISATION_CREATE = {
    "admin": 201,
    "hr_manager": 201,
    "hr_ungranted": 422,
    "hr_assistant": 201,
    "manager": 403,
    "employee": 403,
    "outsider": 422,
    "anonymous": 401,
}
ORGANISATION_EDIT = {
    "admin": 200,
    "hr_manager": 200,
    "hr_ungranted": 404,
    "hr_assistant": 200,
    "manager": 403,
    "employee": 403,
    "outsider": 404,
    "anonymous": 401,
}


@pytest.mark.parametrize("role", ROLES)
def test_create_department(world, api_for, role, manager_user):
    body = {
        "employer": world.employer.pk,
        "name": "Maintenance",
        "parent": world.team.pk,
        "manager": manager_user.pk,
    }
    response = _post(api_for(role), "/api/v1/departments", body)
    _check(response, ORGANISATION_CREATE[role], role)
    if response.status_code == 201:
        assert response.json()["parent"] == {"id": world.team.pk, "name": "Production"}


@pytest.mark.parametrize("role", ROLES)
def test_edit_department(world, api_for, role):
    response = _patch(api_for(role), f"/api/v1/departments/{world.team.pk}", {"code": "PROD"})
    _check(response, ORGANISATION_EDIT[role], role)


@pytest.mark.parametrize("role", ROLES)
def test_create_position(world, api_for, role):
    body = {"employer": world.employer.pk, "title": "Soudeur", "risk_exposures": ["bruit"]}
    response = _post(api_for(role), "/api/v1/positions", body)
    _check(response, ORGANISATION_CREATE[role], role)
    if response.status_code == 201:
        assert response.json()["reinforced_follow_up"] is False


@pytest.mark.parametrize("role", ROLES)
def test_edit_position(world, api_for, role):
    response = _patch(
        api_for(role), f"/api/v1/positions/{world.position.pk}", {"risk_exposures": ["amiante"]}
    )
    _check(response, ORGANISATION_EDIT[role], role)
    if response.status_code == 200:
        assert response.json()["reinforced_follow_up"] is True


def test_a_parent_department_of_another_employer_is_refused(world, api_for):
    body = {
        "employer": world.employer.pk,
        "name": "Logistique",
        "parent": world.other_employer_department.pk,
    }
    response = _post(api_for("admin"), "/api/v1/departments", body)
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {"field": "parent", "message": "Le service parent doit appartenir au même employeur."}
    ]


# --- Employees -----------------------------------------------------------------------------

FILE_CREATE = {
    "admin": 201,
    "hr_manager": 201,
    "hr_ungranted": 422,
    "hr_assistant": 201,
    "manager": 403,
    "employee": 403,
    "outsider": 422,
    "anonymous": 401,
}
FILE_EDIT = ORGANISATION_EDIT


@pytest.mark.parametrize("role", ROLES)
def test_create_employee(world, api_for, role):
    body = {
        "employer": world.employer.pk,
        "department": world.team.pk,
        "matricule": "N0001",
        "last_name": "Nouveau",
        "first_names": "Noé",
        "sex": "M",
        "birth_date": "1995-06-15",
        "iban": "FR76 3000 6000 0112 3456 7890 189",
    }
    response = _post(api_for(role), "/api/v1/employees", body)
    _check(response, FILE_CREATE[role], role)
    if response.status_code == 201:
        data = response.json()
        assert data["iban"] == "FR7630006000011234567890189"
        assert data["birth_country"] == "France"  # the model's default
        entry = AuditEntry.objects.get(action=AuditAction.CREATE, employee_id=data["id"])
        assert entry.changes["iban"][1].endswith("189")
        assert "3000600001123456789" not in str(entry.changes)  # masked


@pytest.mark.parametrize("role", ROLES)
def test_edit_employee(world, api_for, role):
    path = f"/api/v1/employees/{world.employee_file.pk}"
    response = _patch(api_for(role), path, {"city": "Nancy", "postal_code": "54000"})
    _check(response, FILE_EDIT[role], role)
    world.employee_file.refresh_from_db()
    assert (world.employee_file.city == "Nancy") is (response.status_code == 200)
    if response.status_code == 200:
        entry = AuditEntry.objects.get(
            action=AuditAction.UPDATE, employee_id=world.employee_file.pk
        )
        assert entry.changes["city"] == ["", "Nancy"]


def test_a_file_cannot_move_to_another_employer(world, api_for):
    path = f"/api/v1/employees/{world.employee_file.pk}"
    response = _patch(api_for("admin"), path, {"employer": world.other_employer.pk})
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "employer"


# --- Contracts -----------------------------------------------------------------------------

CONTRACT_CREATE = {
    "admin": 201,
    "hr_manager": 201,
    "hr_ungranted": 422,
    "hr_assistant": 201,
    "manager": 403,  # sees the newcomer of their team, may not hire
    "employee": 422,  # does not see the newcomer
    "outsider": 422,
    "anonymous": 401,
}


@pytest.fixture
def newcomer(world):
    return EmployeeFactory(employer=world.employer, department=world.team, last_name="Nouvelle")


def _contract_body(world, newcomer, **overrides):
    body = {
        "employee": newcomer.pk,
        "kind": "cdi",
        "start_date": "2026-03-02",
        "terms": {
            "establishment": world.establishment.pk,
            "position": world.position.pk,
            "job_title": "Soudeuse",
            "category": "ouvrier",
            "working_time": "temps_plein",
            "monthly_gross_amount": "2300.00",
        },
    }
    body.update(overrides)
    return body


@pytest.mark.parametrize("role", ROLES)
def test_create_contract(world, api_for, role, newcomer):
    response = _post(api_for(role), "/api/v1/contracts", _contract_body(world, newcomer))
    _check(response, CONTRACT_CREATE[role], role)
    created = Contract.objects.filter(employee=newcomer)
    assert created.exists() is (response.status_code == 201)
    if response.status_code == 201:
        data = response.json()
        assert data["number"] == "001"
        assert data["trial_end_date"] == "2026-05-01"  # 2 months for an ouvrier (L1221-19)
        assert data["terms"]["hourly_rate_amount"] == "15.1645"
        assert data["terms"]["position"]["id"] == world.position.pk
        assert [v["reason"] for v in data["versions"]] == ["Embauche"]
        assert (
            AuditEntry.objects.filter(action=AuditAction.CREATE, employee_id=newcomer.pk).count()
            == 2
        )


CONTRACT_EDIT = ORGANISATION_EDIT


@pytest.mark.parametrize("role", ROLES)
def test_edit_contract(world, api_for, role):
    path = f"/api/v1/contracts/{world.employee_contract.pk}"
    response = _patch(api_for(role), path, {"trial_end_date": "2024-02-29"})
    _check(response, CONTRACT_EDIT[role], role)
    world.employee_contract.refresh_from_db()
    changed = world.employee_contract.trial_end_date == date(2024, 2, 29)
    assert changed is (response.status_code == 200)


@pytest.mark.parametrize("role", ROLES)
def test_amend_contract(world, api_for, role):
    path = f"/api/v1/contracts/{world.employee_contract.pk}/versions"
    body = {
        "effective_date": "2025-01-01",
        "reason": "Augmentation",
        "monthly_gross_amount": "2400",
    }
    response = _post(api_for(role), path, body)
    _check(response, CONTRACT_EDIT[role] if CONTRACT_EDIT[role] != 200 else 201, role)
    versions = world.employee_contract.versions.count()
    assert versions == (2 if response.status_code == 201 else 1)
