"""Self-service: an employee asks for changes to their own file, HR validates them later."""

from __future__ import annotations

import pytest

from effectif.api.tests.conftest import ROLES, fields_of
from effectif.employees.models import ChangeRequest

pytestmark = pytest.mark.django_db

JSON = "application/json"

EXPECTED = {
    "admin": 403,
    "hr_manager": 403,
    "hr_ungranted": 404,
    "hr_assistant": 403,
    "manager": 403,
    "employee": 201,
    "outsider": 404,
    "anonymous": 401,
}


@pytest.mark.parametrize("role", ROLES)
def test_only_the_employee_asks_for_changes_to_their_file(world, api_for, role):
    response = api_for(role).post(
        f"/api/v1/employees/{world.employee_file.pk}/change-requests",
        {"changes": {"city": "Metz", "postal_code": "57000"}, "message": "Déménagement"},
        content_type=JSON,
    )
    assert response.status_code == EXPECTED[role], response.content
    if response.status_code == 201:
        data = response.json()
        assert data["employee"] == world.employee_file.pk
        assert data["status"] == "submitted"
        assert data["changes"] == {"city": "Metz", "postal_code": "57000"}
    world.employee_file.refresh_from_db()
    assert world.employee_file.city == ""  # applied only once HR validates
    assert ChangeRequest.objects.exists() is (response.status_code == 201)


def test_a_field_hr_keeps_and_a_bad_value_are_refused(world, api_for):
    client = api_for("employee")
    path = f"/api/v1/employees/{world.employee_file.pk}/change-requests"
    response = client.post(path, {"changes": {"nir": "1", "city": "Metz"}}, content_type=JSON)
    assert fields_of(response) == {
        "changes.nir": "Ce champ ne peut pas être modifié par le salarié."
    }
    response = client.post(
        path, {"changes": {"iban": "FR7630006000011234567890188"}}, content_type=JSON
    )
    assert "clé de contrôle" in fields_of(response)["changes.iban"]
    response = client.post(path, {"changes": {"city": ""}}, content_type=JSON)
    assert fields_of(response) == {"__all__": "Aucune modification par rapport au dossier actuel."}
    assert not ChangeRequest.objects.exists()
