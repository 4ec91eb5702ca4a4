"""Every read endpoint × every role: the same row-level scope as the pages.

An object out of scope answers 404, as one that does not exist; anonymous callers get 401.
"""

from __future__ import annotations

import pytest

from effectif.api.tests.conftest import ROLES, ids

pytestmark = pytest.mark.django_db

#: What each role sees of the world (names of World attributes), per resource.
VISIBLE = {
    "employers": {
        "admin": {"employer", "other_employer"},
        "hr_manager": {"employer"},
        "hr_ungranted": set(),
        "hr_assistant": {"employer"},
        "manager": {"employer"},
        "employee": {"employer"},
        "outsider": set(),
    },
    "establishments": {
        "admin": {"establishment", "other_establishment"},
        "hr_manager": {"establishment"},
        "hr_ungranted": set(),
        "hr_assistant": {"establishment"},
        "manager": {"establishment"},
        "employee": {"establishment"},
        "outsider": set(),
    },
    "departments": {
        "admin": {"team", "other_department", "other_employer_department"},
        "hr_manager": {"team", "other_department"},
        "hr_ungranted": set(),
        "hr_assistant": {"team", "other_department"},
        "manager": {"team", "other_department"},
        "employee": {"team", "other_department"},
        "outsider": set(),
    },
    "positions": {
        "admin": {"position", "other_position"},
        "hr_manager": {"position"},
        "hr_ungranted": set(),
        "hr_assistant": {"position"},
        "manager": {"position"},
        "employee": {"position"},
        "outsider": set(),
    },
    "employees": {
        "admin": {"manager_file", "employee_file", "colleague", "stranger"},
        "hr_manager": {"manager_file", "employee_file", "colleague"},
        "hr_ungranted": set(),
        "hr_assistant": {"manager_file", "employee_file", "colleague"},
        "manager": {"manager_file", "employee_file"},
        "employee": {"employee_file"},
        "outsider": set(),
    },
}
#: Contracts follow the scope of their employee's file.
CONTRACT_OF = {
    "employee_file": "employee_contract",
    "colleague": "colleague_contract",
    "stranger": "stranger_contract",
}
EVERY = {
    "employers": {"employer", "other_employer"},
    "establishments": {"establishment", "other_establishment"},
    "departments": {"team", "other_department", "other_employer_department"},
    "positions": {"position", "other_position"},
    "employees": {"manager_file", "employee_file", "colleague", "stranger"},
}


def _pks(world, names) -> set[int]:
    return {getattr(world, name).pk for name in names}


@pytest.mark.parametrize("resource", sorted(VISIBLE))
@pytest.mark.parametrize("role", ROLES)
def test_list_shows_exactly_the_scope(world, api_for, role, resource):
    response = api_for(role).get(f"/api/v1/{resource}")
    if role == "anonymous":
        assert response.status_code == 401
        return
    assert response.status_code == 200
    assert ids(response) == _pks(world, VISIBLE[resource][role])
    assert response.json()["count"] == len(VISIBLE[resource][role])


@pytest.mark.parametrize("resource", sorted(VISIBLE))
@pytest.mark.parametrize("role", ROLES)
def test_detail_is_404_out_of_scope(world, api_for, role, resource):
    client = api_for(role)
    for name in sorted(EVERY[resource]):
        response = client.get(f"/api/v1/{resource}/{getattr(world, name).pk}")
        expected = 200 if name in VISIBLE[resource].get(role, ()) else 404
        if role == "anonymous":
            expected = 401
        assert response.status_code == expected, (role, name, response.content)
        if expected == 200:
            assert response.json()["id"] == getattr(world, name).pk
        if expected == 404:
            assert response.json() == {"detail": "Introuvable, ou hors de votre périmètre."}


@pytest.mark.parametrize("role", ROLES)
def test_contracts_follow_the_scope_of_the_files(world, api_for, role):
    client = api_for(role)
    response = client.get("/api/v1/contracts")
    if role == "anonymous":
        assert response.status_code == 401
        return
    files = VISIBLE["employees"][role]
    visible = {getattr(world, CONTRACT_OF[name]).pk for name in files if name in CONTRACT_OF}
    listed = {
        c["id"] for c in response.json()["items"] if c["employee"]["id"] != world.manager_file.pk
    }
    assert listed == visible
    for file, contract in CONTRACT_OF.items():
        pk = getattr(world, contract).pk
        expected = 200 if file in files else 404
        for path in (f"{pk}", f"{pk}/terms?on=2025-01-01", f"{pk}/versions"):
            assert client.get(f"/api/v1/contracts/{path}").status_code == expected, (role, path)


def test_an_unknown_id_is_404_like_one_out_of_scope(world, api_for):
    client = api_for("admin")
    for resource in ("employers", "establishments", "departments", "positions", "employees"):
        assert client.get(f"/api/v1/{resource}/999999").status_code == 404
    assert client.get("/api/v1/contracts/999999").status_code == 404


@pytest.mark.parametrize("role", ["manager", "employee"])
def test_non_hr_roles_do_not_get_rates_and_tax_status(world, api_for, role):
    client = api_for(role)
    employer = client.get(f"/api/v1/employers/{world.employer.pk}").json()
    establishment = client.get(f"/api/v1/establishments/{world.establishment.pk}").json()
    assert "subject_to_payroll_tax" not in employer
    assert {"at_rate", "mobility_rate", "at_risk_code"}.isdisjoint(establishment)
    assert establishment["siret"] == world.establishment.siret


def test_hr_gets_rates(world, api_for):
    establishment = api_for("hr_assistant").get(f"/api/v1/establishments/{world.establishment.pk}")
    assert establishment.json()["at_rate"] == "0.02080"
    assert establishment.json()["department"] == "75"
